"""copydesk: an editorial style and quality linter for news copy."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("copydesk")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+source"
