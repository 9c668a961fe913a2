"""Baselines: the alerts an archive already has, so that a check reports
only new ones.

An alert's fingerprint is its rule, its match and its context (the words
either side of it on its line, spacing collapsed), never its line number,
so it survives lines moving. A baseline counts fingerprints per file: two
identical alerts in a file take two entries, and a third is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from lint.alert import Alert
from lint.errors import ConfigError

BASELINE_VERSION = 1
# Characters of context either side of the match: enough to tell one
# "Experts agree" from another, few enough that an edit elsewhere in a
# one-line paragraph leaves it alone.
CONTEXT_CHARS = 30


def context(source: str, alert: Alert) -> str:
    """The text around an alert on its own line(s), spacing collapsed."""
    line_start = source.rfind("\n", 0, alert.start) + 1
    line_end = source.find("\n", alert.end)
    line_end = len(source) if line_end < 0 else line_end
    before = source[max(line_start, alert.start - CONTEXT_CHARS) : alert.start]
    after = source[alert.end : min(line_end, alert.end + CONTEXT_CHARS)]
    return " ".join(f"{before}\u2039{source[alert.start:alert.end]}\u203a{after}".split())


def fingerprint(source: str, alert: Alert) -> str:
    text = "\0".join((alert.rule, alert.match, context(source, alert)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def key_path(path: str, root: Path) -> str:
    """A file's key in a baseline: its path relative to the baseline's folder."""
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def dump(results, root: Path) -> str:
    """A baseline of ``(path, source, alerts)`` results, as JSON text."""
    files: dict[str, list[dict]] = {}
    for path, source, alerts in results:
        entries = [
            {"rule": a.rule, "match": a.match, "line": a.line, "fingerprint": fingerprint(source, a)} for a in alerts
        ]
        if entries:
            files[key_path(path, root)] = entries
    return json.dumps({"version": BASELINE_VERSION, "files": files}, indent=2, ensure_ascii=False) + "\n"


class Baseline:
    """A loaded baseline: what it holds for each file, counted."""

    def __init__(self, path: Path) -> None:
        self.root = Path(os.path.abspath(path)).parent
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as error:
            raise ConfigError(f"cannot read baseline: {error.strerror or error}", str(path)) from None
        except ValueError as error:
            raise ConfigError(f"baseline is not JSON: {error}", str(path)) from None
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("files"), dict):
            raise ConfigError(f"not a copydesk baseline (version {BASELINE_VERSION}); write one with 'copydesk baseline'", str(path))
        self.counts = {
            name: Counter(entry["fingerprint"] for entry in entries if isinstance(entry, dict) and "fingerprint" in entry)
            for name, entries in data["files"].items()
        }

    def new_alerts(self, path: str, source: str, alerts: list[Alert]) -> list[Alert]:
        """The alerts the baseline does not hold for this file."""
        left = Counter(self.counts.get(key_path(path, self.root), ()))
        new = []
        for alert in alerts:
            print_ = fingerprint(source, alert)
            if left[print_] > 0:
                left[print_] -= 1
            else:
                new.append(alert)
        return new
