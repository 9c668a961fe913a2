"""The pack cache under attack: nothing planted in it runs, and a cache
folder someone else controls is not used."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from lint import packcache, packs

RULE = """\
extends: existence
message: "'%s' editorializes."
tokens: [clearly]
"""


class _Payload:
    """Unpickling this creates the marker file: what an attacker's entry does."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture
def pack(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    packcache._private_key_at.cache_clear()
    packcache._warned.clear()
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "hedge.yml").write_text(RULE, encoding="utf-8")
    return folder


def load_fresh(folder: Path):
    packs.forget_loaded_packs()
    return packs.load_pack(folder, "house")


def the_entry(pack: Path) -> Path:
    (entry,) = (pack.parent / "cache").glob("*.pack")
    return entry


def signed(entry: Path, payload: bytes) -> bytes:
    key = packcache._private_key()
    return packcache.FORMAT + packcache._signature(key, entry, payload) + payload


def test_a_planted_entry_never_runs(pack, tmp_path):
    load_fresh(pack)
    entry = the_entry(pack)
    marker = tmp_path / "owned"
    payload = pickle.dumps(_Payload(marker))
    # unsigned, as a bare pickle, and with a forged signature
    for planted in (payload, packcache.FORMAT + b"\0" * 32 + payload):
        entry.write_bytes(planted)
        (rule,) = load_fresh(pack)
        assert rule.id == "house.hedge"
        assert not marker.exists()


def test_a_signed_entry_that_calls_a_function_is_refused(pack, tmp_path):
    """Even with the user's own key (stolen, say), the unpickler resolves
    only copydesk's classes."""
    load_fresh(pack)
    entry = the_entry(pack)
    marker = tmp_path / "owned"
    entry.write_bytes(signed(entry, pickle.dumps(_Payload(marker))))
    (rule,) = load_fresh(pack)
    assert rule.id == "house.hedge"
    assert not marker.exists()


def test_a_signed_entry_of_the_wrong_shape_is_rebuilt(pack):
    load_fresh(pack)
    entry = the_entry(pack)
    for wrong in ((), ("not a rule",), 42):
        entry.write_bytes(signed(entry, pickle.dumps(wrong)))
        (rule,) = load_fresh(pack)
        assert rule.id == "house.hedge"


def test_a_truncated_entry_is_rebuilt_silently(pack, capsys):
    load_fresh(pack)
    entry = the_entry(pack)
    data = entry.read_bytes()
    for cut in (0, 10, len(packcache.FORMAT) + 20, len(data) // 2, len(data) - 1):
        entry.write_bytes(data[:cut])
        (rule,) = load_fresh(pack)
        assert rule.id == "house.hedge"
    assert entry.read_bytes() == data  # rewritten whole
    assert capsys.readouterr().err == ""


def test_an_entry_signed_for_other_rules_is_not_taken_for_these(pack):
    load_fresh(pack)
    entry = the_entry(pack)
    old = entry.read_bytes()
    (pack / "hedge.yml").write_text(RULE.replace("clearly", "arguably"), encoding="utf-8")
    load_fresh(pack)
    renamed = the_entry(pack)
    renamed.write_bytes(old)  # a valid entry, copied under the new rules' name
    (rule,) = load_fresh(pack)
    assert rule.check.pattern.pattern.find("arguably") >= 0


def test_cache_files_and_folders_are_owner_only(pack, tmp_path):
    load_fresh(pack)
    cache = tmp_path / "cache"
    key = tmp_path / "state" / "copydesk" / "pack-cache.key"
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(the_entry(pack).stat().st_mode) == 0o600
    assert not list(cache.glob(".tmp-*"))


def test_a_cache_folder_others_may_write_is_ignored_with_a_warning(pack, tmp_path, capsys):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    cache.chmod(0o777)
    (rule,) = load_fresh(pack)
    assert rule.id == "house.hedge"
    assert not list(cache.iterdir())
    assert f"warning: ignoring the pack cache {cache}: it is writable by other users" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder away needs root")
def test_a_cache_folder_owned_by_another_user_is_ignored_with_a_warning(pack, tmp_path, capsys):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    os.chown(cache, 65534, 65534)
    (rule,) = load_fresh(pack)
    assert rule.id == "house.hedge"
    assert not list(cache.iterdir())
    assert "it is owned by another user" in capsys.readouterr().err


def test_a_key_others_may_read_disables_the_cache(pack, tmp_path, capsys):
    load_fresh(pack)
    key = tmp_path / "state" / "copydesk" / "pack-cache.key"
    key.chmod(0o644)
    packcache._private_key_at.cache_clear()
    the_entry(pack).unlink()
    load_fresh(pack)
    assert not list((tmp_path / "cache").glob("*.pack"))
    assert "its key" in capsys.readouterr().err


def test_the_cache_key_is_the_content_of_the_code_not_its_dates(pack, monkeypatch):
    first = packcache._code_fingerprint()
    packcache._code_fingerprint.cache_clear()
    engine = Path(packcache.__file__).parent / "engine.py"
    stamp = engine.stat()
    try:
        os.utime(engine, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 10**9))
        assert packcache._code_fingerprint() == first
    finally:
        os.utime(engine, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
        packcache._code_fingerprint.cache_clear()
