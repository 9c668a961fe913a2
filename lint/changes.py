"""Which lines the working tree changed against a git ref, read with git
itself (``git diff -U0``), so that a pull request is judged on what it
changes."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from lint.errors import ConfigError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise ConfigError("--diff-from needs git, which is not installed") from None
    if done.returncode != 0:
        raise ConfigError(f"--diff-from: git {args[0]} failed: {done.stderr.strip() or done.returncode}")
    return done.stdout


class ChangedLines:
    """The lines changed since ``ref`` in the repository holding ``cwd``:
    committed, staged and unstaged changes, and every line of an
    untracked file."""

    def __init__(self, ref: str, cwd: Path) -> None:
        self.top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
        diff = _git(
            ["diff", "--no-color", "--no-ext-diff", "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", "-U0", ref, "--"],
            self.top,
        )
        self.lines: dict[str, set[int]] = {}
        current: set[int] | None = None
        for line in diff.splitlines():
            if line.startswith("+++ "):
                name = line[4:]
                current = None if name == "/dev/null" else self.lines.setdefault(_unquote(name)[2:], set())
            elif current is not None and (hunk := _HUNK.match(line)):
                start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
                current.update(range(start, start + count))
        untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], self.top)
        self.untracked = {name for name in untracked.split("\0") if name}

    def _key(self, path: str) -> str | None:
        relative = os.path.relpath(os.path.realpath(path), os.path.realpath(self.top))
        return None if relative.startswith("..") else Path(relative).as_posix()

    def touches(self, path: str, line: int, end_line: int) -> bool:
        """Whether lines ``line``..``end_line`` of a file hold a change
        (a file outside the repository counts as changed throughout)."""
        key = self._key(path)
        if key is None or key in self.untracked:
            return True
        changed = self.lines.get(key, ())
        return any(n in changed for n in range(line, end_line + 1))


def _unquote(name: str) -> str:
    """git quotes a path with unusual characters in C style."""
    if not name.startswith('"'):
        return name
    return name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1").decode("utf-8")
