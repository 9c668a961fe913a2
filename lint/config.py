"""Configuration: which rules run on which file, and how severe they are.

A file is governed by the nearest ``.copydesk.yaml`` above it, or by the
nearest ``pyproject.toml`` holding a ``[tool.copydesk]`` table (a
``.copydesk.yaml`` in the same folder wins); ``--config`` names one file
for every input instead. Settings are checked when loaded: an unknown
option, a wrong type, an unknown rule or pack is a :class:`ConfigError`
naming the file and line, never ignored.

Which rules run is decided per rule from layers of select/ignore: the
config's top level, each ``per-path`` entry matching the file, then the
command line.

- The last layer that selects anything sets the candidate rules; with no
  select anywhere they are the rules of the enabled ``packs``. Ignores
  from every layer add up.
- When a select and an ignore both match a rule, the more specific wins
  (a rule id beats its pack; on a tie the ignore wins), as in flake8's
  decision engine.
- Severity overrides apply layer by layer, later layers winning; within
  a layer a rule id beats its pack.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from functools import cached_property
from pathlib import Path
from typing import Any

from lint.alert import SEVERITIES
from lint.errors import ConfigError, RuleError
from lint.nlp import DEFAULT_PIPELINE, pipeline_location
from lint.packs import DEFAULT_PACKS, builtin_packs, find_packs, load_pack_reporting, pack_rule_ids, read_rule_text
from lint.patterns import compile_pattern
from lint.rule import SHARED_FIELDS, Rule, build_rule, load_kind
from lint.safeio import MAX_RULE_FILE_SIZE, MB, read_regular
from lint.suppression import ENGINE_PACK, REJECTED_RULE, UNUSED_RULE, UNUSED_RULE_RECORD
from lint.yamlsrc import SourceMap, load_yaml

CONFIG_NAME = ".copydesk.yaml"
PYPROJECT_NAME = "pyproject.toml"
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")
DEFAULT_FAIL_ON = "warning"

OPTIONS = (
    "packs",
    "rule-dirs",
    "select",
    "ignore",
    "severity",
    "per-path",
    "vocabulary",
    "vocab",
    # the old spelling of ``vocab``: read the same, with a notice
    "vocabularies",
    "fail-on",
    "include",
    "exclude",
    "rule-options",
    "pipeline",
    "max-file-size",
)
# Drafts larger than this are an error unless a config raises it: a news
# story is tens of kilobytes, and a file of many megabytes in an article
# repository is more likely a data dump than copy.
DEFAULT_MAX_FILE_SIZE = 5 * MB
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(kb|mb|gb|b)?", re.I)
_UNITS = {"b": 1, "kb": 1000, "mb": MB, "gb": 1000 * MB}
PER_PATH_OPTIONS = ("paths", "select", "ignore", "severity")


def did_you_mean(word: str, candidates) -> str:
    """`` (did you mean 'x'?)`` for the closest candidate, or nothing. A
    rule id is also compared by the name after its pack, so ``weasel``
    finds ``newsroom.weasel-source``."""
    from difflib import get_close_matches

    names: dict[str, str] = {}
    for candidate in candidates:
        names.setdefault(candidate, candidate)
        names.setdefault(candidate.partition(".")[2] or candidate, candidate)
    close = get_close_matches(word, list(names), n=1)
    return f" (did you mean '{names[close[0]]}'?)" if close else ""


@dataclass(frozen=True)
class Selection:
    """The select/ignore/severity of one layer: a config's top level, a
    ``per-path`` entry, or the command line."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PathOverride:
    """A ``per-path`` entry: a selection for files matching ``paths``."""

    paths: tuple[str, ...]
    selection: Selection


def matches(relative_path: str, patterns) -> bool:
    """Whether a ``/``-separated relative path matches any glob, itself or
    through a folder it lies in; a glob without ``/`` matches a file or
    folder name at any depth (``*.md``, ``drafts``)."""
    parts = relative_path.split("/")
    for depth, name in enumerate(parts, 1):
        prefix = "/".join(parts[:depth])
        if any(fnmatch(prefix, p) or ("/" not in p and fnmatch(name, p)) for p in patterns):
            return True
    return False


@dataclass
class Config:
    """The settings governing the files under one config file (or the
    defaults), with every pack they can name."""

    path: Path | None  # the config file; None for the defaults
    root: Path  # relative globs and rule-dirs are read from here
    packs: tuple[str, ...]
    pack_folders: dict[str, Path]
    pack_rules: dict[str, list[str]]  # pack → rule ids, by file name
    top: Selection
    per_path: tuple[PathOverride, ...]
    cli: Selection
    vocabulary: tuple[str, ...]
    fail_on: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    pipeline: str = DEFAULT_PIPELINE
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    # rule id → the rule rebuilt with the config's ``rule-options`` for it
    overridden: dict[str, Rule] = field(default_factory=dict)
    # copydesk.rejected-term, built from the vocabularies' reject.txt, if any
    rejected_rule: Rule | None = None
    # what the config should change, said once per run (an old option name)
    notices: tuple[str, ...] = ()
    # rule files of the packs loaded so far that could not load (each names its file and line)
    load_errors: list[RuleError] = field(default_factory=list)
    _resolved: dict = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def known_rules(self) -> frozenset[str]:
        return frozenset(rule_id for ids in self.pack_rules.values() for rule_id in ids)

    def relative(self, path: Path) -> str:
        return Path(os.path.relpath(os.path.abspath(path), self.root)).as_posix()

    def wants(self, path: Path) -> bool:
        """Whether directory recursion lints this file."""
        relative = self.relative(path)
        return matches(relative, self.include) and not matches(relative, self.exclude)

    def excludes(self, path: Path) -> bool:
        return matches(self.relative(path), self.exclude)

    def rules_for(self, path: Path | None) -> list[Rule]:
        """The enabled rules for a file (``None``: no ``per-path`` entry
        applies), with severity overrides applied."""
        return self._for(path)[0]

    def unused_suppression_level(self, path: Path | None) -> str | None:
        """The severity of ``copydesk.unused-suppression`` for a file, or
        None when it is off; it is selected, ignored and given a severity
        like any rule of a default pack."""
        return self._for(path)[1]

    def _for(self, path: Path | None) -> tuple[list[Rule], str | None]:
        relative = self.relative(path) if path is not None else None
        hits = tuple(
            i for i, entry in enumerate(self.per_path) if relative is not None and matches(relative, entry.paths)
        )
        if hits not in self._resolved:
            layers = [self.top, *(self.per_path[i].selection for i in hits), self.cli]
            wanted = self._wanted(layers)
            unused = _level(UNUSED_RULE_RECORD, layers) if UNUSED_RULE in wanted[ENGINE_PACK] else None
            self._resolved[hits] = (self._resolve(layers, wanted), unused)
        return self._resolved[hits]

    def disabled_rule_dir_packs(self) -> list[tuple[str, Path]]:
        """Packs found under ``rule-dirs`` that neither ``packs`` nor any
        ``select`` names: present but never run."""
        builtin = builtin_packs()
        selects = [*self.top.select, *(sel for o in self.per_path for sel in o.selection.select), *self.cli.select]
        return [
            (pack, folder)
            for pack, folder in self.pack_folders.items()
            if builtin.get(pack) != folder
            and pack not in self.packs
            and not any(sel == pack or sel.startswith(pack + ".") for sel in selects)
        ]

    def all_rules(self) -> list[Rule]:
        """Every rule of every known pack that loads, as written in its
        file, and the engine's own (see :attr:`load_errors`)."""
        loaded = [rule for pack in self.pack_folders for rule in self.rules_of(pack)]
        return [UNUSED_RULE_RECORD, *([self.rejected_rule] if self.rejected_rule else []), *loaded]

    def rules_of(self, pack: str) -> tuple[Rule, ...]:
        """A pack's rules that load, as written; the others' errors go to :attr:`load_errors`."""
        rules, errors = load_pack_reporting(self.pack_folders[pack], pack)
        for error in errors:
            if error not in self.load_errors:
                self.load_errors.append(error)
        return rules

    def turned_off_by_command_line(self, path: Path | None) -> frozenset[str]:
        """Rules the config enables for a file that the command line's
        --select/--ignore turned off for this run."""
        relative = self.relative(path) if path is not None else None
        hits = tuple(
            i for i, entry in enumerate(self.per_path) if relative is not None and matches(relative, entry.paths)
        )
        if not (self.cli.select or self.cli.ignore):
            return frozenset()
        layers = [self.top, *(self.per_path[i].selection for i in hits)]
        configured = self._wanted(layers)
        run = self._wanted([*layers, self.cli])
        return frozenset(rule for pack, ids in configured.items() for rule in ids - run.get(pack, set()))

    def _wanted(self, layers: list[Selection]) -> dict[str, set[str]]:
        """Pack → the ids of its rules that the layers enable.

        The last layer that selects anything sets the candidates (with no
        select anywhere, the rules of the enabled packs). An ignore removes
        a candidate unless the select is more specific (a rule id beats its
        pack) or, when the ignore stands in an earlier layer, at least as
        specific: a later layer, the command line above all, overrides."""
        select_at = next((i for i in reversed(range(len(layers))) if layers[i].select), None)
        wanted = {}
        for pack, ids in self.pack_rules.items():
            default = 1 if pack in self.packs or pack == ENGINE_PACK else 0
            wanted[pack] = set()
            for rule_id in ids:
                chosen = _specificity(rule_id, pack, layers[select_at].select) if select_at is not None else default
                ignored = any(
                    spec and (spec > chosen if select_at is not None and i < select_at else spec >= chosen)
                    for i, layer in enumerate(layers)
                    for spec in (_specificity(rule_id, pack, layer.ignore),)
                )
                if chosen and not ignored:
                    wanted[pack].add(rule_id)
        return wanted

    def _resolve(self, layers: list[Selection], wanted: dict[str, set[str]]) -> list[Rule]:
        rules = []
        if self.rejected_rule is not None and REJECTED_RULE in wanted[ENGINE_PACK]:
            rules.append(replace(self.rejected_rule, level=_level(self.rejected_rule, layers)))
        for pack in self.pack_folders:
            if not wanted.get(pack):
                continue  # never load a pack nothing uses
            for rule in self.rules_of(pack):
                if rule.id in wanted[pack]:
                    rule = self.overridden.get(rule.id, rule)
                    level = _level(rule, layers)
                    rules.append(rule if level == rule.level else replace(rule, level=level))
        return rules


def _specificity(rule_id: str, pack: str, selectors) -> int:
    return 2 if rule_id in selectors else 1 if pack in selectors else 0


def _level(rule: Rule, layers: list[Selection]) -> str:
    level = rule.level
    for layer in layers:
        level = layer.severity.get(rule.id, layer.severity.get(rule.pack, level))
    return level


class ConfigResolver:
    """Finds the config governing each path. One serves a whole command
    run: it loads each config file once and remembers the answer for
    every folder it walked through."""

    def __init__(self, config_file: Path | None = None, cli: Selection = Selection()) -> None:
        self._cli = cli
        self._by_folder: dict[Path, Config] = {}
        self._default: Config | None = None
        # A config named on the command line is the user's own choice: it may
        # load folders from anywhere. One found in the tree may not.
        self._explicit = _build(_read_config(config_file), config_file, cli, trusted=True) if config_file else None

    def for_folder(self, folder: Path) -> Config:
        if self._explicit:
            return self._explicit
        folder = Path(os.path.abspath(folder))
        walked = []
        for candidate in (folder, *folder.parents):
            if candidate in self._by_folder:
                config = self._by_folder[candidate]
                break
            walked.append(candidate)
            found = _config_in(candidate)
            if found:
                config = _build(found[1], found[0], self._cli)
                break
        else:
            if self._default is None:
                self._default = _build({}, None, self._cli)
            config = self._default
        for candidate in walked:
            self._by_folder[candidate] = config
        return config

    def for_file(self, path: Path) -> Config:
        return self.for_folder(path.parent)


def _config_in(folder: Path) -> tuple[Path, Any] | None:
    """The config file in ``folder`` and its parsed settings, if any."""
    path = folder / CONFIG_NAME
    if path.is_file():
        return path, _read_config(path)
    path = folder / PYPROJECT_NAME
    if path.is_file():
        table = _pyproject_table(path)
        if table is not None:
            return path, table
    return None


def _read_text(path: Path) -> str:
    try:
        return read_regular(path, MAX_RULE_FILE_SIZE, ConfigError).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot read config: {exc}", str(path)) from None


def _read_config(path: Path) -> Any:
    if path.name == PYPROJECT_NAME:
        table = _pyproject_table(path)
        if table is None:
            raise ConfigError("no [tool.copydesk] table", str(path))
        return table
    return load_yaml(_read_text(path), str(path), ConfigError)


def _pyproject_table(path: Path) -> dict | None:
    text = _read_text(path)
    if "copydesk" not in text:
        return None  # most pyproject files: skip the TOML parse
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", str(path)) from None
    return data.get("tool", {}).get("copydesk")


class _Reader:
    """Reads settings from one mapping, raising errors that name the file
    and the line of the key (YAML only: tomllib keeps no lines)."""

    def __init__(self, data: dict, path: Path | None, context: str) -> None:
        self.data = data
        self.path = path
        self.context = context

    def error(self, message: str, key: str | None = None, entry: str | None = None) -> ConfigError:
        """An error at ``key``'s line, or at ``entry``'s line inside the
        mapping under ``key``."""
        value = self.data.get(key) if key else None
        if entry is not None and isinstance(value, SourceMap):
            line = value.line_of(entry)
        else:
            line = self.data.line_of(key) if isinstance(self.data, SourceMap) else None
        return ConfigError(message, str(self.path) if self.path else None, line)

    def check_keys(self, allowed: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.error(f"unknown option '{key}' in {self.context}{did_you_mean(str(key), allowed)}", key)

    def strings(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        if key not in self.data:
            return default
        value = self.data[key]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(f"'{key}' must be a list of strings, not {value!r}", key)
        return tuple(value)

    def level(self, key: str, default: str) -> str:
        value = self.data.get(key, default)
        if value not in SEVERITIES:
            raise self.error(f"'{key}' must be one of {', '.join(SEVERITIES)}, not {value!r}", key)
        return value

    def severity(self) -> dict[str, str]:
        value = self.data.get("severity", {})
        if not isinstance(value, dict):
            raise self.error(f"'severity' must be a mapping of rule or pack to level, not {value!r}", "severity")
        for selector, level in value.items():
            if not isinstance(selector, str):
                raise self.error(f"'severity' keys must be rule ids or packs, not {selector!r}", "severity", selector)
            if level not in SEVERITIES:
                raise self.error(
                    f"severity of '{selector}' must be one of {', '.join(SEVERITIES)}, not {level!r}", "severity", selector
                )
        return dict(value)

    def selection(self) -> Selection:
        return Selection(self.strings("select"), self.strings("ignore"), self.severity())


def _build(data: Any, path: Path | None, cli: Selection, trusted: bool = False) -> Config:
    """Validate parsed settings (``{}`` for the defaults) into a Config."""
    data = {} if data is None else data  # an empty .copydesk.yaml
    reader = _Reader(data, path, "[tool.copydesk]" if path and path.name == PYPROJECT_NAME else "config")
    if not isinstance(data, dict):
        raise reader.error(f"a config must be a mapping of options, not {type(data).__name__}")
    reader.check_keys(OPTIONS)
    root = path.parent.absolute() if path else Path.cwd()
    packs = reader.strings("packs", DEFAULT_PACKS)
    boundary = None if trusted else _repository(root)
    pack_folders = _find_packs(reader, root, packs, boundary)
    per_path = list(_per_path(reader, path))
    accepted, rejected = _vocab_folders(reader, root)
    config = Config(
        path=path,
        root=root,
        packs=packs,
        pack_folders=pack_folders,
        pack_rules={
            ENGINE_PACK: [UNUSED_RULE, *([REJECTED_RULE] if rejected else [])],
            **{name: pack_rule_ids(folder, name) for name, folder in pack_folders.items()},
        },
        top=reader.selection(),
        per_path=tuple(override for override, _ in per_path),
        cli=cli,
        vocabulary=(*_vocabulary(reader), *accepted),
        fail_on=reader.level("fail-on", DEFAULT_FAIL_ON),
        include=reader.strings("include", DEFAULT_INCLUDE),
        exclude=reader.strings("exclude"),
    )
    config.pipeline = _pipeline(reader, boundary)
    if "vocabularies" in data:
        config.notices += (f"notice: 'vocabularies' in {path or 'the config'} is deprecated: rename it 'vocab' (Vale's Vocab), which reads the same folders",)
    config.max_file_size = _max_file_size(reader)
    config.rejected_rule = rejected
    config.overridden = _rule_options(config, reader)
    _check_selectors(config, reader, config.top, "")
    for override, entry_reader in per_path:
        _check_selectors(config, entry_reader, override.selection, "per-path ")
    _check_selectors(config, _Reader({}, None, "command line"), cli, "--")
    return config


def _pipeline(reader: _Reader, boundary: Path | None) -> str:
    """An installed spaCy pipeline package, or a pipeline folder inside the
    config's own folder."""
    value = reader.data.get("pipeline", DEFAULT_PIPELINE)
    if not isinstance(value, str) or not value.strip():
        raise reader.error(f"'pipeline' must name an installed spaCy pipeline, not {value!r}", "pipeline")
    if value == DEFAULT_PIPELINE:
        return value  # a dependency of copydesk; checked when it loads, only if a rule needs it
    location = pipeline_location(value, reader.path.parent if reader.path else Path.cwd())
    if location is None:
        raise reader.error(
            f"spaCy pipeline '{value}' is not installed (pip install it, or give the path of a pipeline folder)",
            "pipeline",
        )
    if location.startswith("/"):
        _inside(reader, "pipeline", Path(location), boundary)
    return location


def _inside(reader: _Reader, key: str, folder: Path, boundary: Path | None) -> None:
    """A config found in the tree may load rule and pipeline folders only
    from inside its repository (symlinks resolved): a repository's config
    must not reach into the home folder or the system of whoever runs
    copydesk on it. ``boundary`` None: a trusted config."""
    if boundary is None:
        return
    real, top = Path(os.path.realpath(folder)), boundary
    if real != top and top not in real.parents:
        raise reader.error(
            f"{key}: {folder} is outside {top}: a config may load only folders inside its repository", key
        )


def _repository(config_folder: Path) -> Path:
    """The repository a config belongs to: the nearest folder above it
    holding .git; without one, the folder copydesk runs in if the config is
    inside it, else the config's own folder."""
    real = Path(os.path.realpath(config_folder))
    for folder in (real, *real.parents):
        if (folder / ".git").exists():
            return folder
    here = Path(os.path.realpath(Path.cwd()))
    return here if here == real or here in real.parents else real


def _max_file_size(reader: _Reader) -> int:
    value = reader.data.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
    m = _SIZE.fullmatch(str(value).strip()) if isinstance(value, (int, str)) and not isinstance(value, bool) else None
    if not m or float(m.group(1)) <= 0:
        raise reader.error(f"'max-file-size' must be a size such as 5MB, 800kB or 2000000 (bytes), not {value!r}", "max-file-size")
    return int(float(m.group(1)) * _UNITS[(m.group(2) or "b").lower()])


def _rule_options(config: Config, reader: _Reader) -> dict[str, Rule]:
    """Rules rebuilt with the options a config sets for them ("the house
    tense is says"); an option the rule's kind does not have is an error."""
    value = reader.data.get("rule-options", {})
    if not isinstance(value, dict):
        raise reader.error(f"'rule-options' must map rule ids to options, not {value!r}", "rule-options")
    if not value:
        return {}
    rules = {rule.id: rule for rule in config.all_rules()}
    overridden = {}
    for rule_id, options in value.items():
        rule = rules.get(rule_id)
        if rule is None or rule.pack not in config.pack_folders:
            known = [r for r in rules if r in config.known_rules]
            raise reader.error(f"rule-options: unknown rule '{rule_id}'{did_you_mean(str(rule_id), known)}", "rule-options", rule_id)
        if not isinstance(options, dict):
            raise reader.error(f"rule-options for {rule_id} must be a mapping of option to value", "rule-options", rule_id)
        fields = {**SHARED_FIELDS, **load_kind(rule.kind).FIELDS}
        for key in options:
            if key not in fields or key == "extends":
                allowed = ", ".join(k for k in fields if k != "extends")
                raise reader.error(
                    f"unknown option '{key}' for rule {rule_id} (kind {rule.kind}; its options: {allowed})",
                    "rule-options",
                    rule_id,
                )
        data = dict(load_yaml(read_rule_text(Path(rule.path)), rule.path, RuleError))
        data.update(options)
        if isinstance(options.get("model"), str) and reader.path is not None:  # a model folder, relative to the config
            data["model"] = str((reader.path.parent / options["model"]).resolve())
        try:
            overridden[rule_id] = build_rule(data, rule_id, rule.pack, rule.path)
        except RuleError as error:
            raise reader.error(f"rule-options for {rule_id}: {error.message}", "rule-options", rule_id) from None
    return overridden


def _vocabulary_file_terms(path: Path) -> list[str]:
    """The terms of a Vale vocabulary file (accept.txt, reject.txt): a regex
    a line, ``#`` comments; a bad one is an error at its file and line."""
    terms = []
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        term = line.strip()
        if not term or term.startswith("#"):
            continue
        try:
            compile_pattern(term)
        except RuleError as exc:
            raise ConfigError(f"vocabulary term: {exc.message}", str(path), number) from None
        terms.append(term)
    return terms


def _vocabulary(reader: _Reader) -> tuple[str, ...]:
    """Accepted terms; each is a regex (as in Vale), checked here so that a
    bad one is blamed on the config, not on every file linted."""
    terms = reader.strings("vocabulary")
    for term in terms:
        try:
            compile_pattern(term)
        except RuleError as exc:
            raise reader.error(f"vocabulary: {exc.message}", "vocabulary") from None
    return terms


VOCAB_FILES = ("accept.txt", "reject.txt")


def _vocab_folders(reader: _Reader, root: Path) -> tuple[tuple[str, ...], Rule | None]:
    """Vale's vocabularies (Vocab): each entry of ``vocab`` (or of its old
    name ``vocabularies``) is a folder (from the config's folder) or a name
    looked up as ``config/vocabularies/NAME`` in each of the ``rule-dirs``
    (Vale's StylesPath), holding accept.txt and reject.txt: a regex a line,
    ``#`` comments. Accepted terms join ``vocabulary``; rejected ones are
    flagged by the rule ``copydesk.rejected-term`` (Vale's ``Vale.Avoid``)."""
    found: dict[str, list[str]] = {name: [] for name in VOCAB_FILES}
    reject_file = None
    for key in ("vocab", "vocabularies"):
        for entry in reader.strings(key):
            places = [root / Path(entry).expanduser()] + [
                root / Path(rule_dir).expanduser() / "config" / "vocabularies" / entry for rule_dir in reader.strings("rule-dirs")
            ]
            folder = next((p for p in places if any((p / name).is_file() for name in VOCAB_FILES)), None)
            if folder is None:
                looked = ", ".join(str(p) for p in places)
                raise reader.error(f"{key}: no vocabulary '{entry}' (a folder with accept.txt or reject.txt) at {looked}", key)
            for name in VOCAB_FILES:
                path = folder / name
                if path.is_file():
                    found[name].extend(_vocabulary_file_terms(path))
                    if name == "reject.txt" and found[name]:
                        reject_file = reject_file or path
    accepted, rejected = tuple(found["accept.txt"]), found["reject.txt"]
    if not rejected:
        return accepted, None
    data = {
        "extends": "existence",
        "message": "Avoid '%s': the vocabulary rejects it.",
        "level": "error",
        "category": "style",
        "tokens": rejected,
        "vocab": False,
    }
    return accepted, build_rule(data, REJECTED_RULE, ENGINE_PACK, str(reject_file))


def _per_path(reader: _Reader, path: Path | None):
    entries = reader.data.get("per-path", [])
    if not isinstance(entries, list):
        raise reader.error(f"'per-path' must be a list of mappings, not {entries!r}", "per-path")
    for entry in entries:
        if not isinstance(entry, dict):
            raise reader.error(f"each 'per-path' entry must be a mapping, not {entry!r}", "per-path")
        entry_reader = _Reader(entry, path, "per-path entry")
        entry_reader.check_keys(PER_PATH_OPTIONS)
        paths = entry_reader.strings("paths")
        if not paths:
            raise entry_reader.error("a 'per-path' entry needs 'paths': a list of globs")
        yield PathOverride(paths, entry_reader.selection()), entry_reader


def _find_packs(reader: _Reader, root: Path, packs: tuple[str, ...], boundary: Path | None) -> dict[str, Path]:
    """Built-in packs plus those in ``rule-dirs``. A pack of ``rule-dirs``
    named as a built-in one replaces it (Vale's proselint style for ours):
    the newsroom's own folder is what it asked for. A name used twice in
    ``rule-dirs`` is an error rather than one pack silently hiding another."""
    builtin = builtin_packs()
    folders = dict(builtin)
    for rule_dir in reader.strings("rule-dirs"):
        folder = root / Path(rule_dir)
        _inside(reader, "rule-dirs", folder, boundary)
        try:
            found = find_packs(folder)
        except RuleError as exc:
            raise reader.error(f"rule-dirs: {exc.message}: {folder}", "rule-dirs") from None
        for name, pack_folder in found.items():
            _inside(reader, "rule-dirs", pack_folder, boundary)
            for rule_file in pack_folder.iterdir():
                if rule_file.suffix in (".yml", ".yaml"):
                    _inside(reader, "rule-dirs", rule_file, boundary)
            if name == ENGINE_PACK:
                raise reader.error(f"rule-dirs: pack name '{name}' is reserved for copydesk's own checks: {pack_folder}", "rule-dirs")
            if name in folders and folders[name] != builtin.get(name):
                raise reader.error(f"rule-dirs: pack '{name}' in {pack_folder} clashes with {folders[name]}", "rule-dirs")
            folders[name] = pack_folder
    for pack in packs:
        if pack not in folders:
            raise reader.error(f"unknown pack '{pack}' in 'packs'{did_you_mean(pack, folders)}", "packs")
    return folders


def _check_selectors(config: Config, reader: _Reader, selection: Selection, prefix: str) -> None:
    known = config.known_rules
    for key, selectors in (("select", selection.select), ("ignore", selection.ignore), ("severity", selection.severity)):
        for selector in selectors:
            if selector in known or selector in config.pack_rules:
                continue
            what = "rule" if "." in selector else "pack"
            hint = did_you_mean(selector, [*known, *config.pack_rules])
            raise reader.error(f"unknown {what} '{selector}' in '{prefix}{key}'{hint}", key, selector if key == "severity" else None)
