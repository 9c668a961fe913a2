"""Fixes: chosen whole or not at all, never overlapping, never inside a
quotation or code; applied pass by pass until nothing changes; written
atomically with the file's mode, line endings and byte-order mark."""

from __future__ import annotations

import dataclasses
import os
import stat

import pytest
from conftest import make_rule, run, write

from lint import fixer
from lint.alert import Alert, Edit
from lint.document import parse
from lint.engine import lint
from lint.packs import builtin_packs, load_pack

UTILIZE_SAFE = """\
extends: substitution
message: "Use '%s' instead of '%s'."
level: warning
fix-applicability: safe
action: {name: replace}
swap:
  utilize: use
  very unique: unique
"""
# Each fix makes text the rule flags again, one more each pass: a rule
# that never converges.
GROWS = """\
extends: substitution
message: "'%s'"
fix-applicability: safe
nonword: true
swap:
  x(?!y): xy x
"""


def relinter(rules, path="story.md"):
    def relint(text):
        doc = parse(text, path)
        return doc, lint(doc, rules)

    return relint


def test_a_fix_is_applied_and_the_text_relinted():
    rule = make_rule(UTILIZE_SAFE)
    result = fixer.fix("We utilize it. They utilize it.\n", relinter([rule]))
    assert result.source == "We use it. They use it.\n"
    assert result.fixed == 2 and result.alerts == [] and result.converged


def test_unsafe_fixes_wait_for_unsafe_fixes():
    rule = make_rule(UTILIZE_SAFE.replace("fix-applicability: safe\n", ""))
    assert fixer.fix("We utilize it.\n", relinter([rule])).source == "We utilize it.\n"
    assert fixer.fix("We utilize it.\n", relinter([rule]), unsafe=True).source == "We use it.\n"


@pytest.mark.parametrize(
    "text",
    [
        'He said: "We utilize it."\n',  # the speaker's words
        "Run `utilize` now.\n",  # inline code
        "```\nutilize\n```\n",  # a code block
    ],
)
def test_quotations_and_code_are_never_changed(text):
    rule = make_rule(UTILIZE_SAFE)
    _, alerts = relinter([rule])(text)
    result = fixer.fix(text, relinter([rule]))
    assert result.source == text
    if alerts:  # the rule may flag a quotation; its fix is still not applied
        assert result.fixed == 0


def _alert(start, end, fix, extra=()):
    return Alert("t.r", "style", "warning", "m", "x", start, end, 1, start + 1, 1, end + 1, fix, None, "safe", tuple(extra))


def test_overlapping_fixes_first_wins_and_a_fix_is_whole_or_nothing():
    doc = parse("abcdefghij\n", "a.txt")
    first = _alert(0, 3, "X")
    overlapping = _alert(2, 5, "Y")  # overlaps the first: waits for the next pass
    whole = _alert(6, 7, "Z", [Edit(1, 2, "!")])  # its extra edit overlaps the first: all of it waits
    separate = _alert(8, 9, "W")
    chosen, edits = fixer.choose(doc, [separate, whole, overlapping, first], unsafe=False)
    assert chosen == [first, separate]
    assert fixer.apply_edits(doc.source, edits) == "Xdefgh" + "W" + "j\n"


def test_fixes_run_in_passes_until_nothing_changes():
    doc_text = "abc\n"
    # one alert per pass would be needed: the second overlaps the first
    calls = []

    def relint(text):
        calls.append(text)
        doc = parse(text, "a.txt")
        found = []
        if "abc" in text:
            found = [_alert(0, 2, "Q"), _alert(1, 3, "R")]
        elif text.startswith("Qc"):
            found = [_alert(1, 2, "C")]
        return doc, found

    result = fixer.fix(doc_text, relint)
    assert result.source == "QC\n"
    assert len(result.passes) == 2 and result.converged


def test_fixes_that_never_settle_stop_at_the_bound():
    result = fixer.fix("x\n", relinter([make_rule(GROWS)]))
    assert len(result.passes) == fixer.MAX_PASSES
    assert not result.converged
    assert result.source == "xy " * fixer.MAX_PASSES + "x\n"


# -- every built-in fix converges ------------------------------------------------------


def _fixable_rules():
    rules = [rule for name, folder in sorted(builtin_packs().items()) for rule in load_pack(folder, name)]
    return [rule for rule in rules if rule.fixable]


FIXABLE = _fixable_rules()


@pytest.mark.parametrize("rule", FIXABLE, ids=[rule.id for rule in FIXABLE])
def test_every_fix_converges_and_removes_its_alert(rule):
    """Each fix on the rule's own flag examples: applied, the alert it
    fixed is gone, and a second run changes nothing."""
    alone = dataclasses.replace(rule)
    fixed_any = False
    for example in rule.examples["flag"]:
        text = example + "\n"
        relint = relinter([alone], "example.txt")
        first = fixer.fix(text, relint, unsafe=True)
        assert first.converged, f"{rule.id}: {example!r} still changing"
        second = fixer.fix(first.source, relint, unsafe=True)
        assert second.source == first.source, f"{rule.id}: a second --fix changed {first.source!r}"
        if first.passes:
            fixed_any = True
            # no fix the rule offers is left over
            assert not [a for a in first.alerts if a.fix is not None and fixer.choose(parse(first.source, "example.txt"), [a], True)[0]]
    if any(a.fix is not None for ex in rule.examples["flag"] for a in relinter([alone], "e.txt")(ex + "\n")[1]):
        assert fixed_any, f"{rule.id}: its fixes were offered but none applied"


# -- the command line ------------------------------------------------------------------

FIX_PACK = {"styles/house/utilize.yml": UTILIZE_SAFE}


@pytest.fixture
def fixing(tmp_path, monkeypatch):
    for name, text in FIX_PACK.items():
        write(tmp_path / name, text)
    write(tmp_path / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def test_check_fix_writes_keeping_mode_line_endings_and_bom(fixing):
    story = fixing / "story.txt"
    story.write_bytes(b"\xef\xbb\xbfWe utilize it.\r\nThey utilize it.\r\n")
    os.chmod(story, 0o640)
    result = run("check", "--fix", "story.txt")
    assert result.exit_code == 0, result.output
    assert story.read_bytes() == b"\xef\xbb\xbfWe use it.\r\nThey use it.\r\n"
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    assert "fixed 2 alerts in 1 file" in result.stderr
    assert [p.name for p in fixing.iterdir() if p.name.startswith(".story")] == []  # no temp file left
    again = run("check", "--fix", "story.txt")
    assert story.read_bytes() == b"\xef\xbb\xbfWe use it.\r\nThey use it.\r\n"
    assert "fixed 0 alerts in 0 files" in again.stderr


def test_check_diff_prints_and_writes_nothing(fixing):
    story = write(fixing / "story.txt", "We utilize it.\n")
    result = run("check", "--diff", "story.txt")
    assert result.exit_code == 1
    assert result.stdout == "--- a/story.txt\n+++ b/story.txt\n@@ -1 +1 @@\n-We utilize it.\n+We use it.\n"
    assert story.read_text() == "We utilize it.\n"
    write(fixing / "clean.txt", "We use it.\n")
    assert run("check", "--diff", "clean.txt").exit_code == 0


def test_fix_reports_what_is_left(fixing):
    write(fixing / "styles/house/hedge.yml", 'extends: existence\nmessage: "hedge"\ntokens: [clearly]\n')
    write(fixing / "story.txt", "We clearly utilize it.\n")
    result = run("check", "--fix", "story.txt")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "story.txt:1:4: warning house.hedge: hedge"
    assert (fixing / "story.txt").read_text() == "We clearly use it.\n"


def test_fix_refuses_standard_input(fixing):
    assert run("check", "--fix", "-", input="We utilize it.\n").exit_code == 2


def test_an_unused_suppression_is_removed_by_unsafe_fixes_only(fixing):
    story = write(fixing / "story.md", "<!-- copydesk-disable-next-line house.utilize -->\nWe use it.\n")
    assert run("check", "--fix", "story.md").exit_code == 1
    assert story.read_text() == "<!-- copydesk-disable-next-line house.utilize -->\nWe use it.\n"
    assert run("check", "--fix", "--unsafe-fixes", "story.md").exit_code == 0
    assert story.read_text() == "\nWe use it.\n"


def test_a_substitution_with_several_suggestions_gives_no_fix():
    """"It's" is "it is" or "it has" ("It's become"): the first suggestion
    is a guess, so no fix is offered, not even an unsafe one."""
    rule = make_rule(UTILIZE_SAFE.replace("very unique: unique", "it's: it is|it has"))
    text = "So it's become clear. We utilize it.\n"
    assert fixer.fix(text, relinter([rule])).source == "So it's become clear. We use it.\n"
    assert fixer.fix(text, relinter([rule]), unsafe=True).source == "So it's become clear. We use it.\n"
