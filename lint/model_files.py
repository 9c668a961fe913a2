"""Reading the weights and word lists copydesk ships under ``lint/models``.

A file that is missing or unreadable means a broken install: it is a rule
error naming the file (the CLI prints it and exits 2), not an internal
error with a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

from lint.errors import RuleError


def read_text(path: Path, what: str, retrain: str) -> str:
    """The file's text; ``what`` names the file in the message and
    ``retrain`` is the command that rebuilds it."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(f"{what} is missing (reinstall copydesk, or rebuild it: {retrain})", str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"{what} is unreadable ({type(error).__name__}: {error})", str(path)) from None


def read_json(path: Path, what: str, retrain: str, keys: tuple[str, ...]) -> dict:
    """The JSON object in the file, which must hold every one of ``keys``."""
    text = read_text(path, what, retrain)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RuleError(f"{what} is corrupt (not JSON: {error})", str(path)) from None
    missing = [key for key in keys if not isinstance(data, dict) or key not in data]
    if missing:
        raise RuleError(f"{what} is corrupt (it lacks {', '.join(missing)}; rebuild it: {retrain})", str(path))
    return data
