"""Writing files atomically, for the CLI: a fixed draft, a report, a
baseline, a new config. A temp file in the same folder is renamed over
the target, so a reader sees the old file or the new, never half of one;
the target's permissions are kept."""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """``durable``: flushed to disk before the rename (a draft, a report);
    a cache entry, which can be rebuilt, skips the wait."""
    path = Path(path)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str, durable: bool = True) -> None:
    write_atomic(path, text.encode("utf-8"), durable)


def write_draft(path: Path, text: str) -> None:
    """A fixed draft, with the byte-order mark it was read with (the
    decoded text has none; its line endings are its own)."""
    try:
        with open(path, "rb") as handle:
            bom = handle.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8
    except FileNotFoundError:
        bom = False
    write_atomic(path, (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
