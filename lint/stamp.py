"""Stamps of file trees by path, size and modification time: cheap to
take (no file is read), and any edit or reinstall changes them."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def tree_stamp(top: Path) -> list[str]:
    """Every file under ``top`` (``__pycache__`` aside), in a stable order."""
    entries = []
    for folder, subfolders, names in os.walk(top):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            entries.append(f"{os.path.relpath(path, top)}:{stat.st_size}:{stat.st_mtime_ns}")
    return entries
