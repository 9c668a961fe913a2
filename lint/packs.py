"""Finding and loading rule packs: folders of YAML rule files.

The built-in packs live in ``rules/`` (shipped inside the wheel as
``lint/rules``). A newsroom adds its own folders: a folder holding rule
files is one pack named after it; a folder of such folders (a Vale
StylesPath) holds one pack per subfolder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path

from lint.errors import RuleError
from lint.rule import Rule, build_rule
from lint.yamlsrc import load_yaml

RULE_SUFFIXES = (".yml", ".yaml")
DEFAULT_PACKS = ("newsroom",)


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
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read rule file: {exc}", str(path)) from None


@lru_cache(maxsize=None)
def load_pack(folder: Path, name: str) -> tuple[Rule, ...]:
    """Every rule in a pack folder, validated (cached per process, and
    across runs by :func:`_cached`)."""
    sources = []
    stems: dict[str, Path] = {}
    for path in _rule_files(folder):
        if path.stem in stems:
            raise RuleError(f"two files define rule {name}.{path.stem}: {stems[path.stem].name} and {path.name}", str(path))
        stems[path.stem] = path
        sources.append((path, read_rule_text(path)))

    def build() -> tuple[Rule, ...]:
        return tuple(_build_file(path, text, name) for path, text in sources)

    return _cached(folder, sources, build)


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


# -- the pack cache ------------------------------------------------------------------
#
# Building a pack is mostly compiling its patterns, which the regex module does
# in Python: about 0.15 s for the newsroom pack, more than linting an article.
# A built pack pickles (a compiled pattern pickles as its compiled form), so it
# is kept in the user's cache folder like __pycache__, keyed by everything it
# was built from: the rule files' names and text, copydesk's code, and the
# Python and regex versions. Any failure to read or write the cache falls back
# to building the pack. COPYDESK_NO_CACHE=1 turns it off; COPYDESK_CACHE_DIR
# moves it.


def cache_dir() -> Path | None:
    if os.environ.get("COPYDESK_NO_CACHE"):
        return None
    folder = os.environ.get("COPYDESK_CACHE_DIR")
    if folder:
        return Path(folder)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "copydesk"


def _cached(pack_folder: Path, sources: list[tuple[Path, str]], build):
    cache = cache_dir()
    if cache is None:
        return build()
    digest = hashlib.sha256(_code_fingerprint().encode())
    for path, text in sources:
        digest.update(f"\0{path}\0{text}".encode())
    # One entry per pack folder; a rebuilt pack replaces its folder's entry.
    slot = hashlib.sha256(str(pack_folder.resolve()).encode()).hexdigest()[:16]
    entry = cache / f"{slot}-{digest.hexdigest()[:32]}.pickle"
    try:
        with open(entry, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing or unreadable: build afresh
        pass
    rules = build()
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for stale in cache.glob(f"{slot}-*.pickle"):
            stale.unlink(missing_ok=True)
        temp = entry.with_suffix(f".{os.getpid()}.tmp")
        temp.write_bytes(pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temp, entry)  # atomic: a parallel run reads the old file or the new
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    return rules


@lru_cache(maxsize=None)
def _code_fingerprint() -> str:
    """Changes whenever copydesk's code, Python or regex change."""
    import regex

    package = Path(__file__).parent
    stamps = [f"{sys.version}|{regex.__version__}"]
    for path in sorted([*package.glob("*.py"), *package.glob("checks/*.py")]):
        stat = path.stat()
        stamps.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(stamps)
