"""The shipped weights and word lists under lint/models: a missing or
broken file is a rule error naming it, and the CLI exits 2 with it."""

from __future__ import annotations

import pytest

from conftest import run, write
from lint import attribution, tagger, weasel
from lint.errors import RuleError
from lint.model_files import read_json, read_text

KEYS = ("bias", "threshold", "weights")


@pytest.mark.parametrize("content, problem", [
    (None, "is missing"),
    (b"\xff\xfe not utf-8", "is unreadable"),
    (b'{"bias": 0.1, "thres', "is corrupt (not JSON"),
    (b'{"bias": 0.1, "weights": {}}', "is corrupt (it lacks threshold"),
    (b"[1, 2]", "is corrupt (it lacks bias, threshold, weights"),
])
def test_a_missing_or_broken_weights_file_is_a_rule_error_naming_it(tmp_path, content, problem):
    path = tmp_path / "weights.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(RuleError) as caught:
        read_json(path, "the test weights file", "python retrain.py", KEYS)
    assert caught.value.path == str(path)
    assert caught.value.message.startswith(f"the test weights file {problem}")


def test_the_retrain_command_is_named_when_the_file_is_missing(tmp_path):
    with pytest.raises(RuleError, match=r"rebuild it: python retrain\.py"):
        read_text(tmp_path / "absent.txt", "the list", "python retrain.py")


def test_a_sound_weights_file_is_read(tmp_path):
    path = tmp_path / "weights.json"
    path.write_text('{"bias": 0.5, "threshold": 0.4, "weights": {"said": 2.0}}', encoding="utf-8")
    assert read_json(path, "the test weights file", "python retrain.py", KEYS)["weights"] == {"said": 2.0}


def check_with_cleared_caches(tmp_path, *caches):
    """The CLI's verdict on a story that needs the attribution models,
    loaded afresh (and the caches cleared again after, for later tests)."""
    for cache in caches:
        cache.cache_clear()
    try:
        story = tmp_path / "story.md"
        write(story, "Some experts say the plan will fail, according to critics. The minister vowed to fight on.\n")
        return run("check", str(story))
    finally:
        for cache in caches:
            cache.cache_clear()


@pytest.mark.parametrize("module, loader", [(tagger, tagger.tagger), (weasel, weasel.scorer)])
def test_the_cli_exits_2_naming_a_broken_attribution_model(tmp_path, monkeypatch, module, loader):
    broken = tmp_path / "weights.json"
    broken.write_text("{ truncated", encoding="utf-8")
    monkeypatch.setattr(module, "WEIGHTS", broken)
    result = check_with_cleared_caches(tmp_path, loader, attribution.learned_cues)
    assert result.exit_code == 2
    assert str(broken) in result.output and "is corrupt" in result.output


def test_the_cli_exits_2_naming_a_missing_cue_verb_list(tmp_path, monkeypatch):
    absent = tmp_path / "cue-verbs.txt"
    monkeypatch.setattr(attribution, "LEARNED_CUES_PATH", absent)
    result = check_with_cleared_caches(tmp_path, attribution.learned_cues)
    assert result.exit_code == 2
    assert str(absent) in result.output and "is missing" in result.output
