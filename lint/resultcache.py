"""The result cache: each file's alerts, kept in ``.copydesk_cache/`` so
that a re-run skips the files nothing has changed for (as ruff's cache).

An entry is keyed by a hash of the file's text and of everything else its
alerts depend on: the effective rules (every field and validated option,
and the bytes of each rule file), the config's vocabulary, known rules,
unused-suppression level and pipeline, the file's extension (it picks the
parser), copydesk's version and code, and the spaCy pipeline's files and
version when a rule reads the linguistic layer. Change any of them and
the entry is simply never looked up again.

Entries are JSON (data only: a cache file can never run code), one file
per key, written to a temporary file and renamed into place, so runs
sharing a cache never see half an entry; the last writer of a key wins,
with the same content. ``copydesk clean`` removes the folder.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
import shutil
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lint.files import write_text_atomic
from lint.alert import Alert, Edit
from lint.stamp import PACKAGE, tree_stamp

if TYPE_CHECKING:
    from lint.config import Config
    from lint.rule import Rule

CACHE_DIR_NAME = ".copydesk_cache"
CACHE_DIR_ENV = "COPYDESK_RESULT_CACHE"  # COPYDESK_CACHE_DIR is the pack cache's
FORMAT_VERSION = "1"  # bump when an entry's layout changes
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by copydesk.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def default_root() -> Path:
    """``$COPYDESK_RESULT_CACHE``, else ``.copydesk_cache`` in the working folder."""
    return Path(os.environ.get(CACHE_DIR_ENV) or CACHE_DIR_NAME)


class ResultCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._entries = root / f"v{FORMAT_VERSION}"
        self._settings: dict[tuple, str] = {}
        self._keyed: list = []  # the objects whose ids key _settings, kept alive so no id is reused

    def settings_key(self, config: "Config", rules: list["Rule"], shown: str, path: Path | None) -> str:
        """The hash of everything but the text that a file's alerts depend on."""
        unused_severity = config.unused_suppression_level(path)
        quiet_rules = config.turned_off_by_command_line(path)
        # Files under one config share their rule objects: hash those once.
        memo = (id(config), tuple(id(rule) for rule in rules), unused_severity, quiet_rules, Path(shown).suffix.lower())
        key = self._settings.get(memo)
        if key is None:
            needs_nlp = any(rule.check.NEEDS_NLP for rule in rules)
            parts = {
                "copydesk": _code_fingerprint(),
                "rules": [_rule_fingerprint(rule) for rule in rules],
                # the rules the config built with its rule-options, run or not: the personal-piece count reads them
                "configured_rules": [_rule_fingerprint(rule) for _, rule in sorted(config.overridden.items())],
                "vocabulary": list(config.vocabulary),
                "known_rules": sorted(config.known_rules),
                "unused_severity": unused_severity,
                "quiet_rules": sorted(quiet_rules),
                "suffix": memo[-1],
                "pipeline": _pipeline_fingerprint(config.pipeline) if needs_nlp else None,
            }
            key = _digest(json.dumps(parts, sort_keys=True, default=repr))
            self._settings[memo] = key
            self._keyed.append((config, rules))
        return key

    def _path(self, settings: str, source: str) -> Path:
        key = _digest(settings + _digest(source))
        return self._entries / key[:2] / f"{key}.json"

    def get(self, settings: str, source: str) -> list[Alert] | None:
        """The cached alerts for this text under these settings, or None
        (no entry, or one that cannot be read back)."""
        try:
            data = json.loads(self._path(settings, source).read_text(encoding="utf-8"))
            return [_alert_from_dict(item) for item in data["alerts"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, settings: str, source: str, alerts: list[Alert]) -> None:
        """Store the alerts atomically; a cache that cannot be written is
        skipped silently (the run's results do not depend on it)."""
        path = self._path(settings, source)
        try:
            self._prepare()
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(path, json.dumps({"alerts": [alert.to_dict() for alert in alerts]}, ensure_ascii=False), durable=False)
        except OSError:
            pass

    def _prepare(self) -> None:
        """Mark a new cache folder as a cache: backup tools skip it, git ignores it."""
        if (self.root / "CACHEDIR.TAG").exists():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / ".gitignore").write_text("# Created by copydesk.\n*\n")
        (self.root / "CACHEDIR.TAG").write_text(_CACHEDIR_TAG)


def clean(root: Path) -> bool:
    """Remove the cache folder; False when there was none."""
    if not root.is_dir():
        return False
    shutil.rmtree(root)
    return True


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _alert_from_dict(data: dict) -> Alert:
    edits = tuple(Edit(**edit) for edit in data.pop("extra_edits", ()))
    return Alert(**data, extra_edits=edits)


@lru_cache(maxsize=1)
def _code_fingerprint() -> list[str]:
    """copydesk's package files (code, built-in packs and models): a new
    version, a reinstall or an edited checkout never reuses older results."""
    return tree_stamp(PACKAGE)


@lru_cache(maxsize=8)
def _pipeline_fingerprint(name: str) -> list:
    """The pipeline's files (an installed package or a folder) and spaCy's
    own, found without importing spaCy."""
    return [name, _package_stamp(name) if not Path(name).is_dir() else tree_stamp(Path(name)), _package_stamp("spacy")]


def _package_stamp(name: str) -> list[str] | None:
    spec = importlib.util.find_spec(name)
    locations = list(spec.submodule_search_locations or []) if spec else []
    return tree_stamp(Path(locations[0])) if locations else None


def _rule_fingerprint(rule: "Rule") -> list:
    fields = {
        field.name: getattr(rule, field.name)
        for field in dataclasses.fields(rule)
        if field.name not in ("key_lines", "check")
    }
    try:
        file_hash = hashlib.sha256(Path(rule.path).read_bytes()).hexdigest()
    except OSError:
        file_hash = None
    return [fields, rule.check.options, file_hash]
