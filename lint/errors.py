"""Errors a user can fix: a bad rule, a bad config, an unreadable input.

Each names the file (and line when known); the CLI prints it and exits 2.
"""

from __future__ import annotations


class CopydeskError(Exception):
    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"

    def __reduce__(self):
        # Kept whole when a worker process sends it back (lint.parallel).
        return type(self), (self.message, self.path, self.line)


class RuleError(CopydeskError):
    """A rule file that cannot be loaded."""


class ConfigError(CopydeskError):
    """A configuration file or option that is wrong."""


class InputError(CopydeskError):
    """A file to lint that cannot be read as UTF-8 text."""
