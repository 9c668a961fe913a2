"""Finding and loading rule packs: folders of YAML rule files.

The built-in packs live in ``rules/`` (shipped inside the wheel as
``lint/rules``). A newsroom adds its own folders: a folder holding rule
files is one pack named after it; a folder of such folders (a Vale
StylesPath) holds one pack per subfolder.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lint.errors import RuleError
from lint.packcache import cached
from lint.rule import Rule, build_rule
from lint.safeio import MAX_RULE_FILE_SIZE, read_regular
from lint.stamp import tree_stamp
from lint.yamlsrc import load_yaml

RULE_SUFFIXES = (".yml", ".yaml")
DEFAULT_PACKS = ("newsroom",)

# Each loaded pack folder's files as they were when it loaded, so that a
# long-lived process (the server) reloads packs only when one changed.
_loaded_stamps: dict[Path, list[str]] = {}


def builtin_rules_dir() -> Path:
    installed = Path(__file__).parent / "rules"
    if installed.is_dir():
        return installed
    return Path(__file__).parent.parent / "rules"  # a source checkout


def _rule_files(folder: Path) -> list[Path]:
    # a hidden file (.copydesk.yaml, .vale.ini's neighbours) is never a rule
    return sorted(p for p in folder.iterdir() if p.suffix in RULE_SUFFIXES and not p.name.startswith(".") and p.is_file())


def find_packs(folder: Path) -> dict[str, Path]:
    """Pack name → folder, for a pack folder or a folder of packs."""
    if not folder.is_dir():
        raise RuleError("rule directory does not exist", str(folder))
    packs: dict[str, Path] = {}
    if _rule_files(folder):
        packs[folder.name] = folder
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if _rule_files(sub):
            packs[sub.name] = sub
    if not packs:
        raise RuleError("no rule files (*.yml) in rule directory", str(folder))
    return packs


def pack_rule_ids(folder: Path, name: str) -> list[str]:
    """The ids of a pack's rules, from file names alone (nothing loaded)."""
    return [f"{name}.{path.stem}" for path in _rule_files(folder)]


def builtin_packs() -> dict[str, Path]:
    return find_packs(builtin_rules_dir())


def read_rule_text(path: Path) -> str:
    try:
        return read_regular(path, MAX_RULE_FILE_SIZE, RuleError).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(f"cannot read rule file: {exc}", str(path)) from None


@lru_cache(maxsize=None)
def load_pack(folder: Path, name: str) -> tuple[Rule, ...]:
    """Every rule in a pack folder, validated (cached per process, and
    across runs by :func:`lint.packcache.cached`)."""
    _loaded_stamps[folder] = tree_stamp(folder)  # before reading: an edit while we read shows next time
    sources = []
    stems: dict[str, Path] = {}
    for path in _rule_files(folder):
        if path.stem in stems:
            raise RuleError(f"two files define rule {name}.{path.stem}: {stems[path.stem].name} and {path.name}", str(path))
        stems[path.stem] = path
        sources.append((path, read_rule_text(path)))

    def build() -> tuple[Rule, ...]:
        return tuple(_build_file(path, text, name) for path, text in sources)

    def is_this_pack(value) -> bool:
        return (
            isinstance(value, tuple)
            and len(value) == len(sources)
            and all(isinstance(rule, Rule) and rule.path == str(path) for rule, (path, _) in zip(value, sources))
        )

    return cached(folder, sources, build, accept=is_this_pack)


def forget_loaded_packs() -> None:
    """Drop this process's memory of loaded packs, so rule files are read
    again (as a new process would read them)."""
    load_pack.cache_clear()
    load_pack_reporting.cache_clear()
    _loaded_stamps.clear()


def forget_changed_packs() -> None:
    """Forget the loaded packs if a file of one was added, removed or
    changed since it loaded."""
    if any(tree_stamp(folder) != stamp for folder, stamp in _loaded_stamps.items()):
        forget_loaded_packs()


def _build_file(path: Path, text: str, pack: str) -> Rule:
    return build_rule(load_yaml(text, str(path), RuleError), f"{pack}.{path.stem}", pack, str(path))


@lru_cache(maxsize=None)
def load_pack_reporting(folder: Path, name: str) -> tuple[tuple[Rule, ...], tuple[RuleError, ...]]:
    """Every rule of a pack that loads, and an error naming the file and
    line of each that does not: one bad rule does not take its pack down.
    A whole pack loads (and is cached) as :func:`load_pack`; only a pack
    with a bad rule is built file by file."""
    try:
        return load_pack(folder, name), ()
    except RuleError:
        pass
    rules, errors = [], []
    stems: set[str] = set()
    for path in _rule_files(folder):
        try:
            if path.stem in stems:
                raise RuleError(f"two files define rule {name}.{path.stem}", str(path))
            stems.add(path.stem)
            rules.append(_build_file(path, read_rule_text(path), name))
        except RuleError as error:
            errors.append(error)
    return tuple(rules), tuple(errors)
