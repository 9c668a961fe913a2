"""Every check kind against Vale's semantics, and rule validation at load time."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import load_error, make_rule

from lint.engine import lint_text
from lint.packs import builtin_rules_dir, load_pack
from lint.yamlsrc import load_yaml


def yml(source: str) -> str:
    return textwrap.dedent(source).lstrip("\n")


def run(source: str, text: str, path: str = "<text>"):
    return lint_text(text, [make_rule(source)], path=path)


def matches(source: str, text: str, path: str = "<text>") -> list[str]:
    return [a.match for a in run(source, text, path)]


# -- existence ----------------------------------------------------------------

EXISTENCE = yml("""
    extends: existence
    message: "Avoid '%s'."
    tokens: [cat]
""")


def test_existence_matches_whole_words_only():
    assert matches(EXISTENCE, "The cat sat near the category sign.") == ["cat"]


def test_existence_nonword_drops_the_word_boundaries():
    assert matches(EXISTENCE + "nonword: true\n", "The cat sat near the category sign.") == ["cat", "cat"]


def test_existence_ignorecase():
    text = "Cat and CAT."
    assert matches(EXISTENCE, text) == []
    assert matches(EXISTENCE + "ignorecase: true\n", text) == ["Cat", "CAT"]


def test_existence_exceptions_excuse_a_match():
    rule = """
        extends: existence
        message: "Spell out '%s'."
        tokens: ['[A-Z]{2,}']
        exceptions: [NASA]
    """
    assert matches(rule, "NASA and the FBI met.") == ["FBI"]


def test_existence_message_gets_the_match():
    assert [a.message for a in run(EXISTENCE, "A cat.")] == ["Avoid 'cat'."]


# -- substitution -----------------------------------------------------------------

def test_substitution_tries_the_longest_key_first():
    rule = """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        swap:
          a lot: much
          a lot of: many
    """
    (alert,) = run(rule, "There were a lot of people.")
    assert (alert.match, alert.fix) == ("a lot of", "many")
    assert alert.message == "Use 'many' instead of 'a lot of'."


def test_substitution_fills_groups_into_the_suggestion():
    rule = r"""
        extends: substitution
        message: "Use '%s' instead of '%s'."
        swap:
          'within the (\w+) directory': in the $1 directory
    """
    (alert,) = run(rule, "It is within the docs directory.")
    assert alert.fix == "in the docs directory"


def test_substitution_skips_text_already_as_expected_and_honours_boundaries():
    rule = """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        ignorecase: true
        swap:
          javascript: JavaScript
    """
    assert matches(rule, "JavaScript, Javascript and javascripts.") == ["Javascript"]


# -- occurrence ------------------------------------------------------------------

def test_occurrence_max_flags_the_whole_sentence_with_its_count():
    rule = """
        extends: occurrence
        message: "%d commas in one sentence."
        scope: sentence
        token: ','
        max: 2
    """
    (alert,) = run(rule, "One, two, three, four. Five, six.")
    assert alert.match == "One, two, three, four."
    assert alert.message == "3 commas in one sentence."


def test_occurrence_min_flags_a_paragraph_without_the_token():
    rule = """
        extends: occurrence
        message: "%d attributions."
        scope: paragraph
        token: '\\bsaid\\b'
        ignorecase: true
        min: 1
    """
    text = "Taxes will rise, the mayor said.\n\nTaxes will rise next year.\n"
    (alert,) = run(rule, text)
    assert alert.match == "Taxes will rise next year."
    assert alert.message == "0 attributions."
    assert alert.line == 3


def test_occurrence_needs_max_or_min():
    error = load_error("extends: occurrence\nmessage: x\ntoken: ','\n")
    assert "max" in error.message and error.line == 1


# -- repetition ---------------------------------------------------------------------

REPETITION = yml(r"""
    extends: repetition
    message: "'%s' is repeated."
    tokens: ['[^\s.,]+']
""")


def test_repetition_flags_consecutive_identical_matches():
    (alert,) = run(REPETITION, "This is the the end.")
    assert alert.match == "the the"
    assert alert.message == "'the' is repeated."


def test_repetition_ignorecase():
    text = "The the end."
    assert matches(REPETITION, text) == []
    assert matches(REPETITION + "ignorecase: true\n", text) == ["The the"]


def test_repetition_across_a_sentence_boundary_is_not_flagged():
    rule = REPETITION + "ignorecase: true\n"
    assert matches(rule, "He said that. That was all.") == []
    assert matches(rule, "He said that that was all.") == ["that that"]


def test_repetition_alpha_ignores_repeated_numbers():
    rule = REPETITION + "alpha: true\n"
    assert matches(rule, "They sold 10 10 cars and the the vans.") == ["the the"]


def test_repetition_max_allows_that_many_repeats():
    rule = REPETITION + "max: 1\n"
    assert matches(rule, "It was very very good.") == []
    assert matches(rule, "It was very very very good.") == ["very very"]


def test_repetition_exception_phrase():
    rule = REPETITION + "exceptions: ['had had']\n"
    assert matches(rule, "She had had enough of the the noise.") == ["the the"]


def test_repetition_grammatical_reads_the_parse():
    # a particle before the same preposition opening a time is English; before a place it is a slip
    rule = REPETITION + "grammatical: true\n"
    assert matches(REPETITION, "They came in in 1979.") == ["in in"]
    assert matches(rule, "They came in in 1979.") == []
    assert matches(rule, "He lived in in London.") == ["in in"]
    assert matches(rule, "Add to this this new law.") == []
    assert matches(rule, "He signed the the new law.") == ["the the"]


# -- consistency -----------------------------------------------------------------------

CONSISTENCY = yml("""
    extends: consistency
    message: "Use one spelling: '%s'."
    either:
      advisor: adviser
""")


def test_consistency_state_spans_the_whole_file():
    (alert,) = run(CONSISTENCY, "The advisor spoke first.\n\nThe adviser left early.\n")
    assert (alert.match, alert.line) == ("adviser", 3)
    assert matches(CONSISTENCY, "The advisor spoke.\n\nThe advisor left.\n") == []


def test_consistency_flags_every_use_of_the_variant_the_file_did_not_start_with():
    text = "The advisor spoke.\n\nThe adviser left; the adviser sat.\n\nThe advisor stayed.\n"
    alerts = run(CONSISTENCY, text)
    assert [(a.match, a.line, a.column, a.fix) for a in alerts] == [("adviser", 3, 5, "advisor"), ("adviser", 3, 23, "advisor")]
    later = run(CONSISTENCY, "The adviser left.\n\nThe advisor stayed.\n")
    assert [(a.match, a.fix) for a in later] == [("advisor", "adviser")]


def test_consistency_ignorecase():
    text = "Advisor Smith spoke.\n\nThe adviser left.\n"
    assert matches(CONSISTENCY, text) == []
    assert matches(CONSISTENCY + "ignorecase: true\n", text) == ["adviser"]


def test_consistency_nonword_matches_inside_words():
    rule = yml("""
        extends: consistency
        message: "Mixed spelling: '%s'."
        either:
          ise: ize
    """)
    text = "They organise rallies.\n\nWe organize marches.\n"
    assert matches(rule, text) == []
    assert matches(rule + "nonword: true\n", text) == ["ize"]


# -- conditional -----------------------------------------------------------------------

CONDITIONAL = yml(r"""
    extends: conditional
    message: "'%s' has no definition."
    first: '\b[A-Z]{3,5}\b'
    second: '(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)'
""")


def test_conditional_follows_document_order():
    defined_late = "The WHO met.\n\nThe World Health Organization (WHO) agreed.\n"
    (alert,) = run(CONDITIONAL, defined_late)
    assert (alert.match, alert.line) == ("WHO", 1)
    defined_first = "The World Health Organization (WHO) agreed.\n\nThe WHO met.\n"
    assert matches(CONDITIONAL, defined_first) == []


def test_conditional_exceptions():
    rule = CONDITIONAL + "exceptions: [NATO]\n"
    assert matches(CONDITIONAL, "NATO and the FBI met.") == ["NATO", "FBI"]
    assert matches(rule, "NATO and the FBI met.") == ["FBI"]


def test_conditional_without_a_group_needs_second_in_the_same_span():
    rule = r"""
        extends: conditional
        message: "'%s' needs a source in the same paragraph."
        first: '\bclaimed\b'
        second: '\bsaid\b'
    """
    assert matches(rule, "He claimed victory.\n\nOfficials said so.\n") == ["claimed"]
    assert matches(rule, "He claimed victory, officials said.\n") == []


# -- capitalization ------------------------------------------------------------------

TITLE = yml("""
    extends: capitalization
    message: "'%s' should be '%s'."
    match: $title
    scope: heading
""")


def heading(text: str) -> str:
    return f"# {text}\n\nBody text.\n"


def test_capitalization_title_case_fix_and_message():
    (alert,) = run(TITLE, heading("how the fed raised rates in the spring"), "story.md")
    assert alert.fix == "How the Fed Raised Rates in the Spring"
    assert alert.message == (
        "'how the fed raised rates in the spring' should be 'How the Fed Raised Rates in the Spring'."
    )
    assert run(TITLE, heading("How the Fed Raised Rates in the Spring"), "story.md") == []


def test_capitalization_threshold():
    one_word_off = heading("How the Fed raised Rates in the Spring")  # 7 of 8 words conform
    assert run(TITLE, one_word_off, "story.md") == []
    assert len(run(TITLE + "threshold: 0.9\n", one_word_off, "story.md")) == 1


def test_capitalization_title_style_ap_or_chicago():
    text = heading("Talks Resume after Long Delay")
    assert len(run(TITLE + "threshold: 1\n", text, "story.md")) == 1
    assert run(TITLE + "threshold: 1\nstyle: Chicago\n", text, "story.md") == []


SENTENCE = yml("""
    extends: capitalization
    message: "'%s' should be '%s'."
    match: $sentence
    scope: heading
""")


def test_capitalization_sentence_case():
    (alert,) = run(SENTENCE, heading("How The Fed Raised Rates In Spring"), "story.md")
    assert alert.fix == "How the fed raised rates in spring"


def test_capitalization_sentence_exceptions():
    text = heading("How the Fed raised rates in spring")
    assert len(run(SENTENCE + "threshold: 1\n", text, "story.md")) == 1
    assert run(SENTENCE + "threshold: 1\nexceptions: [Fed]\n", text, "story.md") == []


def test_capitalization_sentence_lowercase_first_word_fails_whatever_the_threshold():
    assert len(run(SENTENCE + "threshold: 0.5\n", heading("how the fed raised rates"), "story.md")) == 1


def test_capitalization_sentence_indicators():
    text = heading("Budget: The vote is today")
    assert len(run(SENTENCE + "threshold: 1\n", text, "story.md")) == 1
    assert run(SENTENCE + "threshold: 1\nindicators: [':']\n", text, "story.md") == []


def test_capitalization_threshold_out_of_range_is_a_load_error():
    error = load_error(TITLE + "threshold: 0\n")
    assert "threshold" in error.message and error.line == 5


# -- readability ------------------------------------------------------------------------

HARD = (
    "Notwithstanding the aforementioned considerations, the administration's comprehensive "
    "infrastructure reauthorization legislation precipitated extraordinarily contentious "
    "intergovernmental negotiations regarding municipal responsibilities."
)
EASY = "The city will fix the roads. The work starts in May. Crews will close one lane at a time."


def readability(grade: float) -> str:
    return f"""
        extends: readability
        message: "Grade %s."
        metrics: [Flesch-Kincaid, Gunning Fog]
        grade: {grade}
    """


def test_readability_grade_above_and_below():
    (alert,) = run(readability(12), HARD)
    assert float(alert.message.removeprefix("Grade ").rstrip(".")) > 12
    assert run(readability(12), EASY) == []
    assert run(readability(100), HARD) == []


def test_readability_alert_sits_on_the_first_block():
    (alert,) = run(readability(12), f"# Road works\n\n{HARD}\n", "story.md")
    assert (alert.line, alert.match) == (1, "Road works")


def test_readability_unknown_metric_is_a_load_error():
    error = load_error("extends: readability\nmessage: x\ngrade: 8\nmetrics: [Flesch, SMOG]\n")
    assert "'Flesch'" in error.message and error.line == 4


# -- metric --------------------------------------------------------------------------------

def metric(formula: str, condition: str) -> str:
    return f"""
        extends: metric
        message: "Value %s."
        formula: '{formula}'
        condition: '{condition}'
    """


def test_metric_formula_and_condition():
    text = "One two three four. Five six."  # 6 words, 2 sentences
    (alert,) = run(metric("words / sentences", "> 2.5"), text)
    assert alert.message == "Value 3.00."
    assert run(metric("words / sentences", "> 3"), text) == []


def test_metric_functions_and_heading_counts():
    nine_words = "One two three four five six seven eight nine."
    assert len(run(metric("math.sqrt(words) + math.abs(0 - 1)", "== 4"), nine_words)) == 1
    markdown = "# One\n\nText here.\n\n# Two\n\n## Three\n\n```\ncode\n```\n"
    assert len(run(metric("heading.h1 * 10 + heading_h2 + pre", "== 22"), markdown, "story.md")) == 1


@pytest.mark.parametrize(
    "formula, condition, named",
    [
        ("words /", "> 1", "formula"),
        ("wrds / sentences", "> 1", "wrds"),
        ("__import__(\"os\")", "> 1", "formula"),
        ("words", "10", "condition"),
    ],
)
def test_metric_bad_formula_is_a_load_error_naming_its_line(formula, condition, named):
    error = load_error(metric(formula, condition))
    assert named in error.message
    assert error.line == (3 if named != "condition" else 4)


# -- proselint ------------------------------------------------------------------------------

def proselint(*checks: str) -> str:
    return f"""
        extends: proselint
        message: "%s"
        checks: [{", ".join(checks)}]
    """


def test_proselint_runs_only_the_selected_checks():
    text = "It was a blessing in disguise. The synergy helped. He sold it (TM)!!"
    assert matches(proselint("cliches"), text) == ["blessing in disguise"]
    assert matches(proselint("typography.symbols.trademark"), text) == ["(TM)"]


def test_proselint_message_fix_and_position():
    (alert,) = run(proselint("redundancy"), "The bank opened.\n\nThieves emptied the ATM machine.\n")
    assert (alert.match, alert.fix, alert.line) == ("ATM machine", "ATM", 3)
    assert "ATM machine" in alert.message


def test_proselint_unknown_check_is_a_load_error():
    error = load_error(proselint("cliches", "no_such_family"))
    assert "no_such_family" in error.message and error.line == 3


# -- load-time validation shared by every kind ----------------------------------------------

def test_unknown_key_names_the_key_and_its_line():
    error = load_error("extends: repetition\nmessage: x\ntokens: [a]\ntokenz: [b]\n")
    assert "'tokenz'" in error.message and error.line == 4


def test_wrong_type_names_the_key_and_its_line():
    error = load_error("extends: occurrence\nmessage: x\ntoken: a\nmax: many\n")
    assert "'max'" in error.message and error.line == 4


@pytest.mark.parametrize(
    "source, line",
    [
        ("extends: existence\nmessage: x\ntokens: ['(open']\n", 3),
        ("extends: occurrence\nmessage: x\nmax: 1\ntoken: '[a'\n", 4),
        ("extends: repetition\nmessage: x\ntokens: ['(a']\n", 3),
        ("extends: consistency\nmessage: x\neither: {'(a': b}\n", 3),
        ("extends: conditional\nmessage: x\nfirst: a\nsecond: '(b'\n", 4),
        ("extends: capitalization\nmessage: x\nmatch: '[A-Z'\n", 3),
    ],
)
def test_bad_regex_names_file_and_line(source, line):
    error = load_error(source)
    assert "bad regular expression" in error.message and error.line == line


def test_unknown_kind():
    error = load_error("message: x\nextends: spellcheck\n")
    assert "'spellcheck'" in error.message and error.line == 2


# -- the packs of these kinds -------------------------------------------------------------------

PACK_RULES = [
    rule for pack in ("proselint", "readability") for rule in load_pack(builtin_rules_dir() / pack, pack)
]


@pytest.mark.parametrize("rule", PACK_RULES, ids=lambda r: r.id)
def test_pack_rule_examples(rule):
    raw = load_yaml(Path(rule.path).read_text(encoding="utf-8"), rule.path)
    assert {"message", "level", "category", "explanation", "examples"} <= set(raw)
    assert rule.explanation.strip() and rule.examples["flag"] and rule.examples["pass"]
    for example in rule.examples["flag"]:
        assert any(a.rule == rule.id for a in lint_text(example, [rule])), example
    for example in rule.examples["pass"]:
        assert not any(a.rule == rule.id for a in lint_text(example, [rule])), example


# -- kinds on the attribution model -----------------------------------------


@pytest.mark.parametrize(
    "source, message, line",
    [
        ("extends: claim\nmessage: m\nclaims: [statistic, rumour]\n", "unknown value 'rumour' in 'claims'", 3),
        ("extends: claim\nmessage: m\ncauses: ['(unclosed']\n", "bad regular expression", 3),
        ("extends: claim\nmessage: m\ntypes: {sports: [rumour]}\n", "'types.sports' must list signals", 3),
        ("extends: source\nmessage: m\nsources: [group, crowd]\n", "unknown value 'crowd' in 'sources'", 3),
        ("extends: source\nmessage: m\n", "missing required key 'sources'", 1),
        ("extends: cue\nmessage: m\nverbs: [say]\ntense: future\n", "'tense' must be one of present, past, any", 4),
        ("extends: quotation\nmessage: m\nflag: sometimes\n", "'flag' must be one of dash, unattributed", 3),
    ],
)
def test_attribution_kinds_validate_their_options(source, message, line):
    error = load_error(source)
    assert message in error.message
    assert error.line == line


CLAIM = yml("""
    extends: claim
    message: "%s: '%s'"
    claims: [statistic, superlative, prediction]
""")


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("The average tariff on Chinese goods is more than 50%.", True),
        ("The average tariff is more than 50%, the Peterson Institute said.", False),
        ("The board voted 5-2 on Monday to cut the budget by 30%.", False),  # an event, not a state
        ("Test scores in the district are the lowest in the county.", True),
        ("Prices will keep climbing through the spring.", True),
        ("The council will vote on Friday.", False),  # a schedule
        ("Prices are high.", False),  # no signal
        ("It is not the fastest computer for the money.", False),  # negated
        ("It is the strongest team that we have faced.", False),  # a speaker's voice
        ("Those who click the links may fall victim to the virus.", False),  # an idiom, no amount
        ("If prices rise, they will double by spring.", False),  # a condition
        ("Spending on schools will rise by 9.4%.", False),  # a budget figure, reported
        ("The best actress award went to Swank.", False),  # a name, not a verdict
        ("The rent is now $5,000 per month.", False),  # a rate, not a share
        ("Growth remains at 9.1 per cent.", True),
    ],
)
def test_claim_flags_only_unattributed_claims(text, flagged):
    assert bool(run(CLAIM, text)) is flagged


def test_claims_in_a_paragraph_that_speaks_to_the_reader_are_the_writers():
    claim = "The game is the most ambitious shooter on the market."
    assert run(CLAIM, claim)
    assert run(CLAIM, "If you like open worlds, look elsewhere. " + claim) == []  # a review's voice
    assert run(CLAIM, "Its soundtrack, Lose Your Head, is loud. " + claim)  # a title's "Your"


def test_claim_types_choose_the_signals_per_kind_of_copy():
    rule = CLAIM.replace("[statistic, superlative, prediction]", "[superlative, evaluation]\nevaluations: [remarkable]")
    report = "Spain's 3-2 win was remarkable. Nadal is the best player in the world."
    assert len(run(rule, report)) == 2
    sports = rule + "types: {sports: [superlative]}\n"
    assert [a.message for a in run(sports, report)] == ["A superlative: 'best'"]
    assert [a.message for a in run(sports, "Spain's win was remarkable. Nadal is the best player in the world.")] == [
        "An evaluation: 'remarkable'", "A superlative: 'best'",
    ]  # not sports copy: no scoreline, no sports words
    mixed = "Spain beat France 3-2 in the final.\n\nThe mayor said there would be a parade.\n\nThe new stadium is remarkable.\n"
    assert [a.message for a in run(sports, mixed)] == ["An evaluation: 'remarkable'"]  # a passage that is not sport


def test_a_figure_or_cause_right_after_someones_account_goes_on_with_it():
    rule = CLAIM.replace("[statistic, superlative, prediction]", "[cause, superlative]\ncauses: ['[Tt]his is because']")
    account, cause = "The utility said it would raise prices in March. ", "This is because the cost of gas has risen."
    assert run(rule, cause) and run(rule, account + cause) == []
    assert run(rule, account + "It is the most trusted power company in the region.")  # a ranking is the reporter's


def test_a_named_bodys_rank_by_size_is_reference_not_a_claim():
    assert run(CLAIM, "Ahold is the world's fourth-largest supermarket chain.") == []
    assert run(CLAIM, "The firm is Italy's largest private employer.") == []
    assert run(CLAIM, "Angola is one of the poorest countries in Africa.") == []
    assert run(CLAIM, "Los Caballeros are one of Mexico's hottest hip-hop acts.")  # a rank judged, not measured
    assert run(CLAIM, "Ahold is the best supermarket chain in Europe.")
    assert run(CLAIM, "It is the largest power company in the region.")  # no body named
    assert run(CLAIM, "Test scores in the district are the lowest in the county.")  # a measure, not a body


def test_claims_in_a_personal_piece_are_its_writers():
    claim = "The marine chronometer is the single most important gadget."
    assert run(CLAIM, claim)
    letters = "I was shocked by the list.\n\nMy father had a compass.\n\nI think you missed the radio.\n\n" + claim + "\n"
    assert run(CLAIM, letters) == []


VAGUE_SOURCE = yml("""
    extends: source
    message: "'%s'"
    sources: [group, document]
""")


def test_a_polls_sample_is_sourced_by_the_poll():
    answers = "Many said they were confused by the prices."
    assert run(VAGUE_SOURCE, answers)
    poll = "Only 4% of owners would upgrade, the Harbor Research survey showed. The figure was lower than last year. "
    assert run(VAGUE_SOURCE, poll + answers) == []
    assert run(VAGUE_SOURCE, poll + "It was a quiet year. The stock fell. " + answers)  # the poll is too far back
    assert run(VAGUE_SOURCE, "Analysts said the vote, behind in the polls, was lost.")  # no counted group


def test_a_vague_group_in_a_readers_letter_is_its_writers_aside():
    aside = "Now, before everyone thinks that I am some rich kid, I can assure you I am not."
    assert run(VAGUE_SOURCE, aside)  # one paragraph in the first person: a quotation whose marks were lost, maybe
    letter = "I don't believe in the minimum wage.\n\nI think jobs should set their own wage.\n\n" + aside + "\n"
    assert run(VAGUE_SOURCE, letter) == []


def test_a_view_held_by_a_thing_is_the_main_verbs_not_a_relative_clauses():
    rule = CLAIM.replace("[statistic, superlative, prediction]", "[no-mind]")
    assert [a.message for a in run(rule, "Recent events have sensed a major turning point.")] == [
        "A view held by something that cannot hold one: 'Recent events have sensed'"
    ]
    assert run(rule, "Microsoft lost a case brought by Eolas which claimed that the browser infringed a patent.") == []
    assert run(rule, "Former world number one Juan Carlos Ferrero insists he can get back to his best.") == []


def test_claim_signals_are_the_rules_choice():
    only_predictions = CLAIM.replace("[statistic, superlative, prediction]", "[prediction]")
    assert run(only_predictions, "The average tariff on Chinese goods is more than 50%.") == []
    assert [a.message for a in run(only_predictions, "Prices will keep climbing through the spring.")] == [
        "A prediction: 'will keep'"
    ]


def test_cue_fix_puts_the_verb_in_the_house_tense():
    rule = yml("""
        extends: cue
        message: "'%s'"
        verbs: [say, add, tell]
        tense: present
        fix: past
    """)
    alerts = run(rule, "Oduya says the bridge is safe. Chen adds that it is old. Lee tells reporters it is not.")
    assert [(a.match, a.fix) for a in alerts] == [("says", "said"), ("adds", "added"), ("tells", "told")]
    said = rule.replace("tense: present", "tense: past").replace("fix: past", "fix: present")
    assert [(a.match, a.fix) for a in run(said, "Oduya said the bridge was safe.")] == [("said", "says")]


# -- weasel --------------------------------------------------------------------

WEASEL = yml("""
    extends: weasel
    message: "'%s'"
    """)


def test_weasel_flags_its_cue_in_the_reporters_voice_only():
    text = "The film has received considerable criticism from some viewers."
    assert matches(WEASEL, text) == ["some"]
    assert matches(WEASEL, text[:-1] + ", the mayor said.") == []  # a named source stands behind it
    assert matches(WEASEL, f'"{text}" Ruiz said.') == []  # a speaker's words


def test_weasel_threshold_is_a_rule_option():
    text = "The film has received considerable criticism from some viewers."
    assert matches(WEASEL + "threshold: 0.999\n", text) == []


def test_weasel_does_not_flag_a_topic_word_the_model_weighs():
    # "national" weighs for weasel wording in Wikipedia's sentences, but hedges nothing
    assert matches(WEASEL + "threshold: 0.0\ncue-weight: 0.0\n", "The national team went to Paris on Monday.") == []


def test_weasel_cues_any_lets_the_model_choose_the_words():
    text = "The national team went to Paris on Monday."
    loose = WEASEL + "threshold: 0.0\ncue-weight: 0.0\ncues: any\n"
    assert matches(loose, text) != []
    assert matches(WEASEL + "threshold: 0.0\ncue-weight: 0.0\n", "How many people went to Paris on Monday?") == []


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Some fans are angry about the price of the tickets.", ["Some fans"]),
        ("The film has received considerable criticism from some viewers.", ["some"]),
        ("Despite being disliked by many critics, the album sold millions.", ["many critics"]),
        ("Many consumers are yet to be convinced by the new phones.", ["Many"]),
        ("Several people are being questioned over the attack.", []),  # a crowd that acts or undergoes
        ("Many people use a search engine as the first page they go to.", []),
        ("Some fans set up an online petition against the deal.", []),
        ("The rapper was allegedly found with drugs in his car.", []),  # AP's legal hedge
        ("The crash was reported by the Swiss daily Le Matin.", []),  # its holder named
        ("Analysts say the collapse was probably caused by the auction.", []),  # a vague source's words
        ("He has been one of the most influential teachers of the decade.", ["one of"]),
        ("Angola is one of the poorest countries in Africa.", []),  # a rank by wealth: reference fact
        ("Investment per head is one of the lowest among ex-Soviet states.", ["one of"]),  # figures unsourced
        ("The defeat was one of the lowest points of his career.", ["one of"]),  # a verdict, not a body's rank
        ("The merger was one of the biggest mistakes in the company's history.", ["one of"]),
        ("Climate change is one of the biggest threats facing the region.", ["one of"]),
        ("He is one of the smallest-minded politicians in Westminster.", ["one of"]),
    ],
)
def test_weasel_words_are_a_view_nobody_holds(text, flagged):
    assert matches(WEASEL + "threshold: 0.0\ncue-weight: 0.0\n", text) == flagged


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("By now it should be obvious that voters want to see the returns.", ["obvious"]),
        ("It is apparent that the council wanted to hide the payments.", ["apparent"]),
        ("It was clear the mayor was attempting to reach out to voters.", ["clear"]),
        ("It is not clear whether the deal will go ahead.", []),  # an open question, not a verdict
        ("Nor is it clear that further sanctions would work.", []),  # a plainness denied
        ("It is clear what the voters want.", []),  # a question, not a verdict
        ("If it is clear that the loan is too risky, ask the bank for another.", []),  # a condition
        ("It is obvious that the plan will fail, the minister said.", []),  # the minister's verdict
        ("The minister said it was obvious that the plan would fail.", []),
        ("It was clear that the plan would fail, according to analysts.", []),  # a vague source's
        ("\"It is obvious that the plan has failed,\" Ruiz said.", []),  # a speaker's words
        ("The sky is clear over the bay.", []),
    ],
)
def test_weasel_flags_a_verdict_put_as_plain_to_see_whatever_the_model_scores(text, flagged):
    assert matches(WEASEL + "threshold: 0.999\n", text) == flagged


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("It seems that the problem started when the upgrade went wrong.", ["seems"]),
        ("Often, it appears that the mayor is unable to answer.", ["appears"]),
        ("It seemed that nothing could stop them.", []),  # a past scene: the match report's own
        ("Often, it appeared that the mayor was unable to answer.", []),
        ("It seems almost certain the coach will stay.", ["seems"]),
        ("The campaign appears to have been put on hold.", ["appears"]),
        ("The technology appears to have been developed by a firm in Nevis.", ["appears"]),
        ("Japan seems to have jumped onto the bandwagon with a wave of products.", []),  # a reading, with its evidence
        ("Republicans seem confident they have the votes.", []),  # how they look, not a hedged report
        ("The striker appeared to have made the game safe.", []),  # a past scene: the match report's own
        ("Only the deputy seemed to be truly enjoying himself.", []),
        ("The senator appeared to suggest that veterans were weak.", []),  # what she said: hers
        ("The minister appeared in court on Monday.", []),
        ("It must have seemed that things could not get any worse.", []),  # a guess under a modal
        ("It would seem that the plan has failed.", ["seem"]),  # the present, softened
        ("The road appears to have been cleared by Monday morning, as the photos show.", []),  # with its evidence
        ("It seems that the plan has failed, as the figures suggest.", []),
        ("According to the report, the plan appears to have been dropped.", []),
        ("The road appears to have been cleared by Monday morning.", ["appears"]),
        ("It might seem strange that the council pays.", ["seem"]),
        ("It could have seemed that the plan had failed.", []),
        ("Does it seem fair that the council pays?", []),  # a question
        ("If the deal seems to have been rushed, ask the bank.", []),  # a condition
        ("Analysts said the campaign appears to have been put on hold.", []),  # a source's words
        ("\"It seems that the plan has failed,\" Ruiz said.", []),  # a speaker's words
    ],
)
def test_weasel_flags_an_appearance_that_stands_in_for_a_source_whatever_the_model_scores(text, flagged):
    assert matches(WEASEL + "threshold: 0.999\n", text) == flagged


def test_a_forecast_right_after_someones_account_goes_on_with_it():
    forecast = "As a result, living standards could fall for the next generation."
    assert run(CLAIM, forecast)
    account = "According to the commission's report, 12 million people are not saving enough. "
    assert run(CLAIM, account + forecast) == []
    assert run(CLAIM, "The commission met in March. " + forecast)  # no account before it
    assert run(CLAIM, account + "Prices will keep climbing through the spring.")  # no connective ties it to the account
    assert run(CLAIM, account + "However, prices will keep climbing through the spring.")  # a contrast, not a tie
    assert run(CLAIM, account + "So-called living standards could fall for the next generation.")  # not "So"


def test_a_named_speaker_in_the_next_sentence_sources_the_claim():
    rule = CLAIM.replace("[statistic, superlative, prediction]", "[feeling]\nfeelings: [outrage, outraged]")
    claim = "Human rights campaigners have been outraged at the treatment of the detainees in the camp. "
    assert run(rule, claim)
    assert run(rule, claim + "Amnesty International has called the camp a scandal.") == []
    assert run(rule, claim + "Amnesty International has called it a scandal.") == []
    assert run(rule, claim + "But the government has said the camp is lawful.")  # the other side, not the source
    assert run(rule, claim + "The move follows protests after the firm said the fund was empty.")  # not its main verb
    no_mind = CLAIM.replace("[statistic, superlative, prediction]", "[no-mind]")
    storm = "The storm has believed that the harbor wall would hold. "
    assert run(no_mind, storm + "Forecasters at the National Hurricane Center said winds reached 110 mph.")  # still no mind


@pytest.mark.parametrize(
    "text",
    [
        "Crime is the worst in a decade. The council announced a new parking scheme.",
        "Prices could double by the spring. Mayor John Smith said the library would reopen on Monday.",
        # a date shared, or "this" and "it" that point at no claim
        "Prices could double by the spring. Mayor John Smith said the library would reopen in the spring.",
        "Crime is the worst in a decade. The council said this week that parking fees would rise.",
    ],
)
def test_a_speaker_next_on_another_matter_leaves_the_claim_unsourced(text):
    assert run(CLAIM, text)


def test_a_rank_by_size_of_the_body_the_sentence_before_names():
    claim = "It is America's second largest financial institution."
    assert run(CLAIM, claim)
    assert run(CLAIM, "Fannie Mae was criticised by regulators. " + claim) == []
    assert run(CLAIM, "The two giants are ESPN and EA Sports. The latter is the world's largest games maker.") == []
    assert run(CLAIM, "The two giants are ESPN and EA Sports. The former is the world's largest games maker.") == []
    assert run(CLAIM, "Fannie Mae was criticised by regulators. It is America's most trusted financial institution.")


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp reported a loss on Monday. It is the biggest loss in the firm's history.",
        "Fannie Mae said the storm was coming. It is the largest storm in a decade.",
        "The report came from Brussels. The latter is the world's largest games maker.",  # no two names before
    ],
)
def test_it_or_the_latter_takes_a_bodys_rank_only_for_a_body(text):
    assert run(CLAIM, text)


def test_a_survey_answer_in_a_sourced_passage_is_the_surveys():
    rule = CLAIM.replace("[statistic, superlative, prediction]", "[evaluation]\nevaluations: [crucial]")
    answers = "For 57%, pensions were key issues, and tax was a crucial area for 25%."
    assert run(rule, answers)
    assert run(rule, "In the survey by ICM Research, 14% said they never voted. " + answers) == []
    assert run(rule, "In the survey by ICM Research, 14% said they never voted. Tax was a crucial issue.")  # no share
    assert run(rule, "The minister said the survey was late. Tax was a crucial issue for 25%.") == []
    assert run(rule, "The minister said the plan was fair.\n\nTax was a crucial issue for 25%.")  # no survey


def test_a_lede_that_sources_the_figures_sources_the_storys_figures_and_ranks_by_size():
    body = "\n\nTrade with China added up to 22,201bn yen. This is the highest figure since records began in 1947.\n"
    assert run(CLAIM, "China overtook the US as Japan's trading partner in 2004." + body)
    assert run(CLAIM, "Trade with China rose 12% in 2004, according to numbers released by the Finance Ministry." + body) == []
    assert run(CLAIM, "Trade with China rose 12% in 2004, according to the Finance Ministry." + body)  # no figures named
    assert run(CLAIM, "China overtook the US in 2004, according to numbers released by the Finance Ministry." + body)  # no figure


def test_a_lede_naming_an_investigation_sources_no_figures():
    body = "\n\nTrade with China added up to 22,201bn yen. This is the highest figure since records began in 1947.\n"
    assert run(CLAIM, "A police investigation found the officer lied." + body)
    analysis = "Spam traffic is up by 40%.\n\nVirus mail makes up 15% of all e-mail traffic, analysis by the firm has found.\n"
    assert run(CLAIM, analysis) == []


def test_a_rank_with_the_count_it_rests_on_is_a_record():
    assert run(CLAIM, "Ireland has been the most successful country in the show's history.")
    assert run(CLAIM, "Ireland has been the most successful country in the show's history with seven victories.") == []
    assert run(CLAIM, "He is the most corrupt mayor in the state, with 2 children.")  # a count of nothing achieved


def test_a_share_in_a_sourced_passage_with_no_survey_is_still_a_claim():
    text = "The minister said on Monday that the plan was fair.\n\nWith 40% of the vote, Smith is the most popular leader in Europe."
    assert run(CLAIM, text)


def test_a_change_verb_with_a_particle_is_no_forecast_of_an_amount():
    assert run(CLAIM, "Mobiles could soon double as the price of calls falls.")
    assert run(CLAIM, "Mobiles could soon double up as travel cards.") == []


def test_a_sentence_between_a_speakers_quotations_relays_their_account():
    rule = CLAIM.replace("[statistic, superlative, prediction]", "[evaluation]\nevaluations: [vital]")
    claim = "Physio sessions have been a vital part of his recovery."
    assert run(rule, claim)
    run_of_words = 'He went back to training. "Walking again felt like real progress." ' + claim + ' "The needles go in close to my spine."'
    assert run(rule, run_of_words) == []
    assert run(rule, 'He went back to training. "Walking again felt like real progress." ' + claim)  # words on one side only
    two = 'Smith said: "Walking again felt like real progress." ' + claim + ' Jones said: "The needles go in close to the spine."'
    assert run(rule, two)  # two speakers
    far = 'He went back to training. "Walking again felt like real progress." ' + claim + " He trains daily. " + '"The needles go in close to my spine."'
    assert run(rule, far)  # more than one sentence between


def test_not_being_reached_is_an_act_not_a_forecast():
    assert run(CLAIM, "Prices could double by the spring.")
    assert run(CLAIM, "Camizci could not be reached at the school.") == []


@pytest.mark.parametrize("text", ["Fares could be doubled by the spring.", "Sales could drop off by the spring."])
def test_a_change_verb_in_the_passive_or_with_a_particle_still_forecasts(text):
    assert run(CLAIM, text)


@pytest.mark.parametrize("text", ["The charges will be dropped under the deal.", "The player could be dropped from the squad."])
def test_dropped_in_the_passive_is_let_go_not_a_fall(text):
    assert run(CLAIM, text) == []
    assert run(CLAIM, "Sales could drop sharply through the spring.")
