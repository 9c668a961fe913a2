"""The ``pattern`` kind: spaCy Matcher and DependencyMatcher patterns as rule
data, validated at load (file and line), matched on the linguistic layer."""

from __future__ import annotations

import textwrap

import conftest
import pytest

from lint.engine import lint_text
from lint.errors import RuleError

HEAD = 'extends: pattern\nmessage: "%s"\n'


def make_rule(body: str):
    return conftest.make_rule(HEAD + textwrap.dedent(body).lstrip("\n"))


def matches(body: str, text: str) -> list[str]:
    return [a.match for a in lint_text(text, [make_rule(body)], path="story.md")]


def load_error(body: str) -> RuleError:
    return conftest.load_error(HEAD + textwrap.dedent(body).lstrip("\n"))


# -- validation ------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, message, line",
    [
        ("patterns:\n  - [{LEMA: strike}]\n", "unknown token attribute 'LEMA'", 4),
        ("patterns:\n  - - {LEMMA: strike}\n    - {LOWER: {ONE_OF: [back]}}\n", "unknown operator 'ONE_OF' on LOWER", 5),
        ("patterns:\n  - [{LEMMA: {IN: $no-such-class}}]\n", "unknown class '$no-such-class'", 4),
        ("patterns:\n  - [{LEMMA: strike, OP: '++'}]\n", "unknown OP '++'", 4),
        ("patterns:\n  - [{LENGTH: long}]\n", "LENGTH must be a whole number", 4),
        ("patterns:\n  - [{IS_PUNCT: 'yes'}]\n", "IS_PUNCT must be true or false", 4),
        ("patterns:\n  - [{LEMMA: {IN: [strike, 3]}}]\n", "LEMMA IN needs a list of strings or a $class, not 3", 4),
        ("patterns:\n  - [{LOWER: {REGEX: '(back'}}]\n", "LOWER REGEX is not a valid regular expression", 4),
        ("patterns:\n  - [{_: {sentiment: true}}]\n", "unknown token attribute '_'", 4),
        ("patterns: [[]]\n", "must be a non-empty list of token specs", 3),
        ("patterns: {LEMMA: strike}\n", "'patterns' must be a list of patterns", 3),
        ("description: nothing to match\n", "pattern needs 'patterns' or 'dependency'", 1),
        ("classes:\n  verbs: strike\npatterns: [[{LEMMA: {IN: $verbs}}]]\n", "class 'verbs' in 'classes' must be a list", 3),
        (
            "dependency:\n  - - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: think}}\n"
            "    - {RIGHT_ID: subject, RIGHT_ATTRS: {DEP: nsubj}}\n",
            "node 'subject' needs a LEFT_ID naming an earlier node and a REL_OP",
            5,
        ),
        (
            "dependency:\n  - - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: think}}\n"
            "    - {LEFT_ID: verb, REL_OP: '>>>', RIGHT_ID: subject, RIGHT_ATTRS: {DEP: nsubj}}\n",
            "needs a LEFT_ID naming an earlier node and a REL_OP",
            5,
        ),
        (
            "dependency:\n  - - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMA: think}}\n",
            "unknown token attribute 'LEMA'",
            4,
        ),
        (
            "dependency:\n  - - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: think}}\nflag: [object]\n",
            "'flag' names none of the nodes verb",
            5,
        ),
        ("patterns:\n  - [{ENT_TYPE: PERSON}]\n", "ENT_TYPE: pattern rules cannot read entities", 4),
        (
            "dependency:\n  - - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: think, OP: '+'}}\n",
            "OP has no place in a dependency node",
            4,
        ),
        ("patterns:\n  - [{LEMMA: think}]\nflag: [verb]\n", "'flag' names dependency nodes, and the rule has no 'dependency'", 5),
    ],
)
def test_a_malformed_pattern_is_an_error_naming_file_and_line(body, message, line):
    error = load_error(body)
    assert message in error.message
    assert error.line == line


def test_spacy_validates_the_pattern_when_it_compiles():
    # a known operator with an operand of the wrong type: spaCy's schema says so
    rule = make_rule("patterns:\n  - [{LOWER: {FUZZY: 3}}]\n")
    with pytest.raises(RuleError) as caught:
        lint_text("Some prose to parse.", [rule], path="story.md")
    assert caught.value.path == conftest.RULE_PATH and caught.value.line == 3
    assert "spaCy rejects a pattern" in caught.value.message


def test_loading_a_pattern_rule_does_not_import_spacy():
    import subprocess
    import sys

    probe = (
        "import sys\nfrom lint.rule import build_rule\n"
        "build_rule({'extends': 'pattern', 'message': 'x', 'patterns': [[{'LEMMA': 'strike'}]]}, 't.r', 't', 'r.yml')\n"
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# -- matching --------------------------------------------------------------------

STRIKE_BACK = """
patterns:
  - [{LEMMA: strike}, {LOWER: back}]
"""


def test_a_lemma_covers_every_inflection():
    text = "Rome struck back on Monday. Paris strikes back today. Berlin is striking back."
    assert matches(STRIKE_BACK, text) == ["struck back", "strikes back", "striking back"]


def test_part_of_speech_tells_a_verb_from_an_adjective():
    body = "patterns:\n  - [{LOWER: disturbing, POS: ADJ}]\n"
    assert matches(body, "It was a disturbing pattern.") == ["disturbing"]
    assert matches(body, "Two men were charged with disturbing the peace.") == []


def test_lemma_in_and_not_in_with_classes_of_the_rule_and_of_the_lexicon():
    body = """
    classes:
      pardoned: [storm]
    patterns:
      - [{LEMMA: {IN: $mindless-nouns, NOT_IN: $pardoned}, DEP: nsubj}]
    """
    text = "The storm hit the coast. The report found errors. Officials left."
    assert matches(body, text) == ["report"]


def test_dependency_relation_and_quantifier():
    # an adjective that is a predicate (acomp), not one before its noun
    body = "patterns:\n  - [{LEMMA: be}, {POS: ADV, OP: '?'}, {LOWER: shameful, DEP: acomp}]\n"
    assert matches(body, "The decision was truly shameful. A shameful decision followed.") == ["was truly shameful"]


DEPENDENCY = """
dependency:
  - - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: {IN: [believe, want]}}}
    - {LEFT_ID: verb, REL_OP: ">", RIGHT_ID: subject, RIGHT_ATTRS: {DEP: nsubj, POS: NOUN}}
"""


def test_a_dependency_pattern_spans_its_nodes_or_those_flag_names():
    text = "The storm has believed that the wall would hold. She believed it."
    assert matches(DEPENDENCY, text) == ["storm has believed"]
    assert matches(DEPENDENCY + "flag: [verb]\n", text) == ["believed"]


def test_a_dependency_nodes_regex_keeps_only_matches_whose_token_fits_it():
    body = """
    dependency:
      - - {RIGHT_ID: verb, RIGHT_ATTRS: {LEMMA: {IN: [believe, want]}}}
        - {LEFT_ID: verb, REL_OP: ">", RIGHT_ID: subject, RIGHT_ATTRS: {DEP: nsubj, LOWER: {REGEX: "^st", NOT_IN: [stone]}}}
    """
    text = "The storm has believed that the wall would hold. The wind wanted it. The stone believed it."
    assert matches(body, text) == ["storm has believed"]
    # a node whose only condition is the regex
    body = body.replace("DEP: nsubj, LOWER: {REGEX: \"^st\", NOT_IN: [stone]}", "LOWER: {REGEX: \"^w\"}")
    assert matches(body, text) == ["wind wanted"]


def test_overlapping_matches_raise_one_alert_the_longest():
    body = "patterns:\n  - [{POS: ADV, OP: '*'}, {LOWER: shameful}]\n"
    assert matches(body, "It was truly deeply shameful.") == ["truly deeply shameful"]


def test_quotations_are_skipped_when_the_rule_says_so():
    text = '"They struck back at once," said Ana Ruiz. The army struck back.'
    assert matches(STRIKE_BACK, text) == ["struck back", "struck back"]
    assert matches(STRIKE_BACK + "quotes: skip\n", text) == ["struck back"]


SHAMEFUL = "patterns:\n  - [{LOWER: shameful}]\n"


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("The shameful decision stood.", True),
        ("Parents called the decision shameful.", False),
        ("The decision was shameful, Mayor Ruth Dale said.", False),
        ("According to the union, the decision was shameful.", False),
        ("Experts say the decision was shameful.", True),  # a vague group stands behind nothing
        ("The shameful mayor said the decision stood.", True),  # the source's own words
        ("Ruiz used the shameful rules to stay in office.", True),  # an intention, not an opinion voiced
        # a paragraph closing with an attribution covers its claims, not the reporter's adjectives
        ("The shameful rules stood. The council will meet in May, the mayor said.", True),
    ],
)
def test_attributed_opinions_are_skipped_when_the_rule_says_so(text, flagged):
    assert bool(matches(SHAMEFUL + "attributed: skip\n", text)) is flagged
    assert matches(SHAMEFUL, text) == ["shameful"]


def test_scope_is_honoured():
    text = "# They struck back\n\nThe army struck back.\n"
    assert matches(STRIKE_BACK + "scope: [text, ~heading]\n", text) == ["struck back"]


def test_unless_patterns_excuse_the_matches_they_share_a_token_with():
    body = """
    patterns:
      - [{LOWER: shameful}]
    unless:
      patterns:
        - [{LEMMA: {IN: [call, brand]}}, {IS_PUNCT: false, OP: "{0,3}"}, {LOWER: shameful}]
      dependency:
        - - {RIGHT_ID: word, RIGHT_ATTRS: {LOWER: shameful}}
          - {LEFT_ID: word, REL_OP: "<", RIGHT_ID: verb, RIGHT_ATTRS: {}}
          - {LEFT_ID: verb, REL_OP: ">", RIGHT_ID: negation, RIGHT_ATTRS: {DEP: neg}}
    """
    text = "The deal was branded shameful. It was not shameful. A shameful deal."
    assert matches(body, text) == ["shameful"]
    error = load_error(SHAMEFUL + "unless:\n  tokens: [shameful]\n")
    assert "unknown key 'tokens' in 'unless'" in error.message and error.line == 5


def test_the_writers_own_view_is_not_an_attributed_opinion():
    body = SHAMEFUL + "attributed: skip\n"
    assert matches(body, "Here, we see the shameful pattern again.") == ["shameful"]
    assert matches(body, "Here, critics see a shameful pattern, Ann Cole said.") == []


def test_the_cue_verb_is_the_reporters_word_not_the_sources():
    body = "patterns:\n  - [{LEMMA: slam}]\nattributed: skip\n"
    assert matches(body, "Senator Ruth Dale slammed the plan.") == ["slammed"]


def test_a_block_without_the_words_a_pattern_needs_is_not_matched_but_others_are():
    # the look-up before matching must not lose a match: a lemma, a lower-case
    # form, a word after an optional token, and a pattern with no literal word
    text = "Rome struck back.\n\nNothing here.\n\nOf course it did."
    assert matches(STRIKE_BACK, text) == ["struck back"]
    assert matches("patterns:\n  - [{LOWER: of}, {LOWER: course}]\n", text) == ["Of course"]
    assert matches("patterns:\n  - [{POS: ADV, OP: '?'}, {LOWER: {IN: [here, there]}}]\n", text) == ["here"]
    assert matches("patterns:\n  - [{POS: PROPN}, {POS: VERB}]\n", text) == ["Rome struck"]


def test_an_optional_counted_token_is_not_required_before_matching():
    body = "patterns:\n  - [{LOWER: very, OP: '{0,2}'}, {LOWER: shameful}]\n"
    assert matches(body, "A shameful act.") == ["shameful"]
    assert matches(body, "A very very shameful act.") == ["very very shameful"]


def test_a_match_is_found_whole_however_far_it_reaches_from_the_word_it_requires():
    # the Matcher reads only the tokens around those holding a word some
    # pattern requires: counted tokens before it, tokens after it, a
    # quantifier with no bound, and an excuse reaching back from its match
    text = "Officials said the very very shameful act was a disgrace.\n\nThey called the deal truly shameful."
    counted = "patterns:\n  - [{LOWER: very, OP: '{0,2}'}, {LOWER: shameful}, {POS: NOUN}]\n"
    assert matches(counted, text) == ["very very shameful act"]
    unbounded = "patterns:\n  - [{POS: NOUN}, {IS_PUNCT: false, OP: '*'}, {LOWER: disgrace}]\n"
    assert matches(unbounded, text) == ["Officials said the very very shameful act was a disgrace"]
    excused = SHAMEFUL + "unless:\n  patterns:\n    - [{LEMMA: call}, {OP: '{0,3}'}, {LOWER: shameful}]\n"
    assert matches(excused, text) == ["shameful"]
