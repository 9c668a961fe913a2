"""Huge drafts: the parse keeps what the rules read of its token vectors
and drops the vectors (they were most of a long draft's memory), with the
same alerts; a long draft shows a progress bar, on a terminal only. (The
time and memory figures: benchmarks/bench_size.py.)"""

from __future__ import annotations

import io

import numpy as np
import pytest

from lint import cli, nlp
from lint import subjectivity as sj
from lint.document import parse
from lint.engine import lint, prepare_parse
from conftest import make_rule

LOADED = ("The regime's brutal crackdown continued. It was a grim, weird week for the coalition.\n\n"
          "Officials said the shocking figures were a disgrace. The minister's outrageous plan collapsed.\n")
RULE = """\
extends: loaded
message: "'%s' %s."
category: loaded-language
threshold: 0.3
sentence-threshold: 0.2
"""


def parsed(text: str, rules=None):
    """A draft parsed as the CLI parses it: told what its rules read (and
    so dropping the vectors) when ``rules`` are given."""
    doc = parse(text, "story.md")
    if rules is not None:
        prepare_parse(doc, rules)
    nlp.ensure_parsed(doc)
    return doc


def test_the_parse_keeps_the_loaded_scores_and_drops_the_vectors():
    rule = make_rule(RULE)
    kept = parsed(LOADED, [rule])
    full = parsed(LOADED)
    model = sj.load()
    assert len(kept.parses) == len(full.parses) == 2
    for lean, whole in zip(kept.parses, full.parses):
        assert lean.doc.tensor.size == 0
        assert whole.doc.tensor.shape == (len(whole.doc), model.meta["tensor_width"])
        ours, theirs = model.score(lean.doc), model.score(whole.doc)
        assert np.array_equal(ours.tokens, theirs.tokens) and ours.tokens.max() > 0.3
        assert np.array_equal(ours.marked, theirs.marked) and np.array_equal(ours.listed, theirs.listed)
        assert ours.sentences == theirs.sentences and len(ours.sentences) == 2


def test_dropping_the_vectors_changes_no_alert():
    rule = make_rule(RULE)
    full = parsed(LOADED)  # parsed before lint is told the rules: the vectors stay
    assert full.parses[0].doc.tensor.size > 0
    expected = lint(full, [rule])
    assert {a.match for a in expected} >= {"brutal", "grim"}
    assert lint(parse(LOADED, "story.md"), [rule]) == expected  # lint prepares the parse itself


def test_rules_that_read_no_vectors_keep_none():
    doc = parsed(LOADED, [])
    assert doc.vector_readers == []
    assert all(p.doc.tensor.size == 0 for p in doc.parses)


class _Stream(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@pytest.mark.parametrize("terminal", [True, False])
def test_a_long_draft_shows_parse_progress_on_a_terminal_only(monkeypatch, terminal):
    text = "\n".join([LOADED] * 20)
    monkeypatch.setattr(cli, "LONG_DRAFT_CHARS", len(text) // 2)
    stream = _Stream(terminal)
    monkeypatch.setattr("sys.stderr", stream)
    doc = parse(text, "long.md")
    cli._parse_batch([(doc, False), (parse(LOADED, "short.md"), False)], nlp.DEFAULT_PIPELINE)
    assert doc.parses and len(doc.parses) == 40
    if terminal:
        shown = stream.getvalue()
        assert "parsing long.md" in shown and "char/s" in shown
        assert shown.endswith("\r")  # cleared when done: the alerts print on a clean line
    else:
        assert stream.getvalue() == ""


def test_a_short_draft_shows_no_progress_on_a_terminal(monkeypatch):
    stream = _Stream(True)
    monkeypatch.setattr("sys.stderr", stream)
    cli._parse_batch([(parse(LOADED, "short.md"), False)], nlp.DEFAULT_PIPELINE)
    assert stream.getvalue() == ""
