"""copydesk: an editorial style and quality linter for news copy."""


def __getattr__(name: str) -> str:
    # Looked up on demand: importing importlib.metadata costs ~35 ms, a
    # third of a cold `copydesk check`.
    if name != "__version__":
        raise AttributeError(f"module 'lint' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("copydesk")
    except PackageNotFoundError:  # running from a source tree without install
        return "0.0.0+source"
