"""Loading packs, and the cache of built packs kept across runs."""

from pathlib import Path

import pytest

from lint import packs
from lint.engine import lint_text
from lint.errors import RuleError

RULE = """\
extends: existence
message: "'%s' editorializes."
tokens: [{word}]
"""


@pytest.fixture
def pack(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "hedge.yml").write_text(RULE.format(word="clearly"), encoding="utf-8")
    return folder


def load_fresh(folder: Path):
    """Load as a new process would: nothing remembered in memory."""
    packs.forget_loaded_packs()
    return packs.load_pack(folder, "house")


def test_a_built_pack_is_reused_by_the_next_run(pack, monkeypatch):
    first = load_fresh(pack)
    assert len(list((pack.parent / "cache").glob("*.pack"))) == 1

    def no_build(*args, **kwargs):
        raise AssertionError("the pack was built again")

    monkeypatch.setattr(packs, "build_rule", no_build)
    second = load_fresh(pack)
    assert second == first
    text = "It is clearly wrong."
    assert lint_text(text, second) == lint_text(text, first)


def test_an_edited_rule_is_rebuilt(pack):
    load_fresh(pack)
    (pack / "hedge.yml").write_text(RULE.format(word="arguably"), encoding="utf-8")
    (rule,) = load_fresh(pack)
    assert [a.match for a in lint_text("clearly, arguably", [rule])] == ["arguably"]
    assert len(list((pack.parent / "cache").glob("*.pack"))) == 1  # the stale entry went


def test_a_damaged_cache_entry_is_rebuilt(pack):
    load_fresh(pack)
    (entry,) = (pack.parent / "cache").glob("*.pack")
    entry.write_bytes(b"not a pickle")
    (rule,) = load_fresh(pack)
    assert rule.id == "house.hedge"


def test_no_cache_when_turned_off(pack, monkeypatch):
    monkeypatch.setenv("COPYDESK_NO_CACHE", "1")
    load_fresh(pack)
    assert not (pack.parent / "cache").exists()


def test_a_broken_rule_is_an_error_every_time(pack):
    (pack / "broken.yml").write_text("extends: existence\nmessage: x\ntokens: ['(']\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleError, match="broken.yml:3: bad regular expression"):
            load_fresh(pack)


def test_packs_of_similar_names_keep_their_own_cache(pack, tmp_path):
    other = tmp_path / "house-style"
    other.mkdir()
    (other / "hedge.yml").write_text(RULE.format(word="arguably"), encoding="utf-8")
    load_fresh(pack)
    packs.load_pack(other, "house-style")
    assert len(list((pack.parent / "cache").glob("*.pack"))) == 2


def test_one_rule_id_from_two_files_is_an_error(pack):
    (pack / "hedge.yaml").write_text(RULE.format(word="arguably"), encoding="utf-8")
    with pytest.raises(RuleError, match="two files define rule house.hedge: hedge.yaml and hedge.yml"):
        load_fresh(pack)
