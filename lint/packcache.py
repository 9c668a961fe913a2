"""The cache of built packs kept across runs, which cannot run code.

Building a pack is mostly compiling its patterns, which the regex module
does in Python: about 0.15 s for the newsroom pack, more than linting an
article. A built pack pickles (a compiled pattern pickles as its compiled
form), so it is kept in the user's cache folder like ``__pycache__``, keyed
by the content of everything it was built from: the rule files' names and
text, copydesk's code, and the Python and regex versions.

Unpickling runs whatever the file says, so an entry is loaded only when

- its folder and the file are the user's own and nobody else may write
  them (a cache folder owned by someone else is ignored with a warning);
- it carries an HMAC-SHA256 of its content made with the user's own key,
  kept owner-only in the user's *state* folder, apart from the cache, so
  that a cache folder restored from elsewhere (a CI cache saved by an
  untrusted branch, a shared volume) carries no key that signs it;
- and even then it is unpickled with an allowlist: copydesk's rule and
  check classes, compiled patterns and nothing else.

A missing, corrupt, truncated, unsigned or foreign-version entry is rebuilt
silently. Entries are written to a private temporary file and renamed into
place, so a parallel run reads the old entry or the new, never half of one.
``COPYDESK_NO_CACHE=1`` turns the cache off; ``COPYDESK_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import ast
import hashlib
import hmac
import io
import os
import pickle
import secrets
import stat
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

FORMAT = b"copydesk-pack-cache 2\n"
KEY_BYTES = 32
# A temporary file left by a run killed mid-write is removed by a later run.
STALE_TEMP_SECONDS = 600


def cache_dir() -> Path | None:
    if os.environ.get("COPYDESK_NO_CACHE"):
        return None
    folder = os.environ.get("COPYDESK_CACHE_DIR")
    if folder:
        return Path(folder)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "copydesk"


def key_dir() -> Path:
    return Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "copydesk"


def cached(pack_folder: Path, sources: list[tuple[Path, str]], build, accept, unpickler=None) -> object:
    """``build()``'s result, from the cache when a signed entry for exactly
    these ``sources`` is there and ``accept`` takes what it unpickles to
    (through ``unpickler``, by default one that knows only packs)."""
    cache = cache_dir()
    key = _private_key() if cache is not None and _private_folder(cache) else None
    if key is None:
        return build()
    digest = hashlib.sha256(_code_fingerprint().encode())
    for path, text in sources:
        digest.update(f"\0{path}\0{text}".encode())
    # One entry per pack folder; a rebuilt pack replaces its folder's entry.
    slot = hashlib.sha256(str(pack_folder.resolve()).encode()).hexdigest()[:16]
    entry = cache / f"{slot}-{digest.hexdigest()[:32]}.pack"
    loaded = _read_entry(entry, key, unpickler or _AllowlistUnpickler)
    if loaded is not None and accept(loaded):
        return loaded
    built = build()
    _write_entry(cache, slot, entry, key, built)
    return built


# -- folders and the key ---------------------------------------------------------------


_warned: set[str] = set()


def _warn(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        print(f"warning: {message}", file=sys.stderr)


def _owner_only(info: os.stat_result) -> bool:
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _private_folder(folder: Path) -> bool:
    """Whether ``folder`` is (or has just been made) a folder only the user
    may write; warns about one that is someone else's."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return False  # cannot be made (read-only home): no cache, no fuss
    if not stat.S_ISDIR(info.st_mode) or not _owner_only(info):
        what = "not a folder" if not stat.S_ISDIR(info.st_mode) else (
            "owned by another user" if info.st_uid != os.geteuid() else "writable by other users"
        )
        _warn(f"ignoring the pack cache {folder}: it is {what}")
        return False
    return True


@lru_cache(maxsize=None)
def _private_key_at(folder: Path) -> bytes | None:
    if not _private_folder(folder):
        return None
    path = folder / "pack-cache.key"
    if path.exists():
        key = _read_private(path, secret=True)
        if key is None or len(key) != KEY_BYTES:
            _warn(f"ignoring the pack cache: its key {path} is not the user's own, or damaged")
            return None
        return key
    try:  # first run: the first of parallel runs to link its key in wins
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".key-")
        try:
            os.write(handle, secrets.token_bytes(KEY_BYTES))
            os.close(handle)
            os.link(temp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(temp)
    except OSError:
        return None
    key = _read_private(path, secret=True)
    return key if key is not None and len(key) == KEY_BYTES else None


def _private_key() -> bytes | None:
    return _private_key_at(key_dir())


def _read_private(path: Path, secret: bool = False) -> bytes | None:
    """The bytes of a regular file the user owns and nobody else may write
    (nor read, if ``secret``); None when missing or not so."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or not _owner_only(info) or (secret and info.st_mode & 0o077):
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read()
    except OSError:
        return None
    finally:
        os.close(handle)


# -- entries -----------------------------------------------------------------------------


def _signature(key: bytes, entry: Path, payload: bytes) -> bytes:
    # The entry's name is signed too: a valid entry copied under another
    # name (another pack's, other rule text) is not taken for that one.
    return hmac.new(key, entry.name.encode() + b"\0" + payload, hashlib.sha256).digest()


def cached_spylls(base: str, part: str, build, kind: type) -> object:
    """A Hunspell dictionary's ``part`` that ``build()`` makes from
    ``base``.aff and ``base``.dic (spylls' reading of them takes 0.3 s, its
    pickle under 0.1 s), from the cache when a signed entry for exactly
    these files, this spylls and this copydesk is there."""
    from spylls import __version__ as spylls_version

    try:
        sources = [(Path(base + suffix), Path(base + suffix).read_bytes().decode("latin-1")) for suffix in (".aff", ".dic")]
    except OSError:
        return build()  # spylls names the missing file
    sources.append((Path("spylls"), spylls_version))
    return cached(Path(f"{base}#{part}"), sources, build, lambda loaded: isinstance(loaded, kind), _SpyllsUnpickler)


def _read_entry(entry: Path, key: bytes, unpickler: type):
    data = _read_private(entry)
    if not data or not data.startswith(FORMAT):
        return None
    signature = data[len(FORMAT) : len(FORMAT) + 32]
    payload = data[len(FORMAT) + 32 :]
    if not hmac.compare_digest(signature, _signature(key, entry, payload)):
        return None
    try:
        return unpickler(io.BytesIO(payload)).load()
    except Exception:  # noqa: BLE001 - signed by us yet unreadable: an old build; rebuild
        return None


def _write_entry(cache: Path, slot: str, entry: Path, key: bytes, value) -> None:
    temp = None
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temp = tempfile.mkstemp(dir=cache, prefix=".tmp-")  # created 0600
        with os.fdopen(handle, "wb") as stream:
            stream.write(FORMAT + _signature(key, entry, payload) + payload)
        for stale in cache.glob(f"{slot}-*.pack"):
            if stale != entry:
                stale.unlink(missing_ok=True)
        os.replace(temp, entry)  # atomic: a parallel run reads the old file or the new
        temp = None
        _remove_stale_temps(cache)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    finally:
        if temp is not None:  # failed, or interrupted (Ctrl-C): leave no temporary file
            try:
                os.unlink(temp)
            except OSError:
                pass


def _remove_stale_temps(cache: Path) -> None:
    now = time.time()
    for temp in cache.glob(".tmp-*"):
        try:
            if now - temp.lstat().st_mtime > STALE_TEMP_SECONDS:
                temp.unlink()
        except OSError:
            pass


class _AllowlistUnpickler(pickle.Unpickler):
    """Resolves only the classes of copydesk's rule records, check kinds,
    source maps and bounded patterns, regex's compiled patterns, paths,
    syntax-tree nodes and comparisons; anything else (os.system,
    builtins.eval, a function of copydesk's) is refused, signed or not."""

    def find_class(self, module: str, name: str):
        if (module, name) in _ALLOWED_CLASSES:
            return super().find_class(module, name)
        if (module, name) == ("builtins", "getattr"):
            return _method_of_check  # a check's bound method (a kind's chosen finder)
        if module == "ast":  # a metric rule's parsed formula: syntax nodes only
            found = super().find_class(module, name)
            if isinstance(found, type) and issubclass(found, ast.AST):
                return found
        if module in _CLASS_MODULES or module.startswith("lint.checks."):
            found = super().find_class(module, name)
            if isinstance(found, type) and not name.startswith("_"):
                return found
        raise pickle.UnpicklingError(f"refused to load {module}.{name} from the pack cache")


class _SpyllsUnpickler(pickle.Unpickler):
    """Resolves only spylls' dictionary classes and what they hold (lists,
    default dicts, compiled ``re`` patterns): data, no code."""

    def find_class(self, module: str, name: str):
        if (module, name) in (("builtins", "list"), ("collections", "defaultdict"), ("re", "_compile")):
            return super().find_class(module, name)
        if module.startswith("spylls.hunspell.") and not name.startswith("_"):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"refused to load {module}.{name} from the dictionary cache")


_CLASS_MODULES = frozenset(("lint.rule", "lint.yamlsrc", "lint.patterns"))
# A path rebuilds from its parts and does nothing else (a spelling rule
# keeps its StylesPath); a metric rule keeps its condition's comparison.
_ALLOWED_CLASSES = frozenset(
    (("regex._regex", "compile"), ("pathlib", "PosixPath"), ("pathlib", "WindowsPath"))
    + tuple(("_operator", name) for name in ("gt", "ge", "lt", "le", "eq", "ne"))
)


def _method_of_check(obj, name: str):
    from lint.rule import Check

    if isinstance(obj, Check) and isinstance(name, str) and not name.startswith("__"):
        method = getattr(type(obj), name, None)
        if callable(method) and getattr(method, "__module__", "").startswith("lint."):
            return getattr(obj, name)
    raise pickle.UnpicklingError("refused to load an attribute from the pack cache")


@lru_cache(maxsize=None)
def _code_fingerprint() -> str:
    """Changes whenever copydesk's code (by content), Python or regex change."""
    import regex

    package = Path(__file__).parent
    digest = hashlib.sha256(f"{sys.version}|{regex.__version__}".encode())
    for path in sorted([*package.glob("*.py"), *package.glob("checks/*.py")]):
        digest.update(f"\0{path.relative_to(package)}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
