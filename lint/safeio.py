"""Reading files a stranger's repository supplies, without hanging on a
FIFO, reading /dev/zero until memory runs out, following a symlink out of
the repository, or loading a file no config or draft could need to be.

Only regular files are read, opened without blocking and checked by the
descriptor they were opened as (so a file swapped after the check is not
read), and never past a size limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from lint.errors import CopydeskError

MB = 1_000_000
# A rule or config file holds a few kilobytes; anything near this is not one.
MAX_RULE_FILE_SIZE = 5 * MB


def read_regular(path: Path, limit: int, error_type: type[CopydeskError], shown: str | None = None) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed), at
    most ``limit`` of them; anything else is ``error_type`` naming it."""
    shown = shown or str(path)
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise error_type(f"cannot read: {_reason(error)}", shown) from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise error_type(f"cannot read: not a regular file ({_kind(info.st_mode)})", shown)
        if info.st_size > limit:
            raise error_type(f"file too large: {_size(info.st_size)} (the most is {_size(limit)})", shown)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise error_type(f"cannot read: {_reason(error)}", shown) from None
    finally:
        os.close(handle)
    if len(data) > limit:  # grew while being read
        raise error_type(f"file too large: over {_size(limit)}", shown)
    return data


def outside(path: Path, top: Path) -> Path | None:
    """Where ``path`` really is when that is outside ``top`` (a symlink out
    of the folder being linted), else None. A symlink loop raises OSError."""
    real = Path(os.path.realpath(path, strict=True))
    top = Path(os.path.realpath(top))
    return None if real == top or top in real.parents else real


def _reason(error: OSError) -> str:
    if error.errno == 40:  # ELOOP
        return "symlink loop"
    return error.strerror or str(error)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a file"


def _size(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{size:,} bytes"
