"""Every built-in rule's fixes, applied: on each rule's own examples and on
real articles of the people split's test part (skipped when the shared
corpora are absent). A fix must change only its spans, leave the text
without that alert there, and a safe fix must change no proper noun."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint.engine import lint_text
from lint.packs import builtin_packs, load_pack

RULES = [rule for name, folder in sorted(builtin_packs().items()) for rule in load_pack(folder, name)]
FIXING = [rule for rule in RULES if rule.fixable]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SPLIT = Path(__file__).resolve().parents[1] / "benchmarks" / "splits" / "people-test.txt"
# Every 40th article of the test split: a spread of sections and outlets.
CORPUS_STRIDE = 40
_COURTESY = {"mr", "mrs", "ms", "miss", "mx"}


def edits_of(alert) -> list[tuple[int, int, str]]:
    return sorted([(alert.start, alert.end, alert.fix)] + [(e.start, e.end, e.replacement) for e in alert.extra_edits])


def apply(text: str, alert) -> str:
    """The text with the alert's fix and extra edits applied, as a fixer would."""
    for start, end, replacement in reversed(edits_of(alert)):
        text = text[:start] + replacement + text[end:]
    return text


def proper_nouns(text: str, start: int, end: int) -> list[str]:
    """Capitalized words of ``text[start:end]`` that do not open a sentence,
    periods dropped ("U.S." is "US"), courtesy titles aside."""
    found = []
    for m in re.finditer(r"[A-Z][\w.’'-]*", text[start:end]):
        at = start + m.start()
        if at > 0 and text[at - 1].isalnum():
            continue
        opening = re.search(r"(?:^|[.!?:\"“]\s+)$", text[:at]) is not None
        word = m.group().replace(".", "")
        if not opening and word.lower() not in _COURTESY:
            found.append(word)
    return found


def check_fix(rule, text: str, path: str) -> None:
    for alert in lint_text(text, [rule], path=path):
        if alert.fix is None:
            assert alert.fix_applicability is None and not alert.extra_edits
            continue
        assert alert.fix_applicability in ("safe", "unsafe")
        edits = edits_of(alert)
        assert all(a[1] <= b[0] for a, b in zip(edits, edits[1:])), f"{rule.id}: overlapping edits {edits}"
        fixed = apply(text, alert)
        # nothing outside the spans changes: the text between edits is the original's
        cursor, shift = 0, 0
        for start, end, replacement in edits:
            assert fixed[cursor + shift : start + shift] == text[cursor:start]
            shift += len(replacement) - (end - start)
            cursor = end
        assert fixed[cursor + shift :] == text[cursor:]
        # the fixed spans no longer raise the alert
        fixed_spans = []
        shift = 0
        for start, end, replacement in edits:
            fixed_spans.append((start + shift, start + shift + len(replacement)))
            shift += len(replacement) - (end - start)
        again = [a for a in lint_text(fixed, [rule], path=path)
                 if any(a.start < e and s < a.end or a.start == s for s, e in fixed_spans)]
        assert again == [], f"{rule.id}: {alert.match!r} -> {alert.fix!r} still flagged in {path}"
        if alert.fix_applicability == "safe":
            for start, end, replacement in edits:
                kept = replacement.replace(".", "").split()
                assert all(word in kept for word in proper_nouns(text, start, end)), (
                    f"{rule.id}: a safe fix changes a proper noun: {text[start:end]!r} -> {replacement!r}"
                )


@pytest.mark.parametrize("rule", FIXING, ids=lambda r: r.id)
def test_every_fix_of_every_example_applies_cleanly(rule):
    examples = rule.examples["flag"] + rule.examples["pass"]
    for text in examples:
        check_fix(rule, text, "example.md")

@pytest.mark.parametrize(
    "text, fixes",
    [
        # the second cue is a habit and keeps "say": "said ... and often say" would mix the tenses
        ("Executives say the market will recover, and they often say prices will rise.", [None, None]),
        # only the sentence that keeps a present-tense cue withholds its fixes
        ("Executives say the market will recover. They often say prices will rise, and they say costs will fall.",
         ["said", None, None]),
        # the words a cue reports keep their own tense, "acknowledges" among them: "said she now acknowledges" is right
        ("People familiar with her thinking say she now acknowledges that the battlefield is complex.",
         ["said"]),
        # "continues in his form" reports no words
        ("Dominici says that they can still win as long as the scrum-half continues in his form.", ["said"]),
        # every cue in the sentence takes the past: the fixes together keep one tense
        ("A majority of voters say they are paying attention; 26 percent of Democrats say they are not.",
         ["said", "said"]),
    ],
)
def test_a_present_tense_cue_gets_said_only_when_its_sentence_keeps_no_other(text, fixes):
    alerts = lint_text(text, [BY_ID["newsroom.present-tense-attribution"]], path="story.md")
    assert [a.fix for a in alerts] == fixes



def _corpus() -> list[tuple[str, str]]:
    if not SPLIT.exists() or not DATA.exists():
        return []
    ids = SPLIT.read_text().split()[::CORPUS_STRIDE]
    texts = []
    for article in ids:
        data = (DATA / article).read_bytes()
        try:
            texts.append((article, data.decode("utf-8")))
        except UnicodeDecodeError:
            texts.append((article, data.decode("latin-1")))
    return texts


CORPUS = _corpus()


@pytest.mark.skipif(not CORPUS, reason="the shared corpora are absent")
@pytest.mark.parametrize("rule", FIXING, ids=lambda r: r.id)
def test_every_fix_on_real_articles_applies_cleanly(rule):
    for article, text in CORPUS:
        check_fix(rule, text, article)


BY_ID = {rule.id: rule for rule in RULES}


@pytest.mark.parametrize(
    "text, fix",
    [
        ("The government says unions will be consulted.", "said"),
        ('"It benefits other people," says Paul Saffo, a director at the institute.', "said"),
        # a habit, which the present tense states rightly
        ("Mrs. Clinton often says she is not running for a third term.", None),
        # no words reported: "told their friends about it, and show off" would mix tenses
        ("Ana Ruiz tells her friends about the site, and shows off what she can do.", None),
        ("She asked for the messages, even the ones the department now says are secret.", None),
        # a wish, not words said: "I hope America said, ..." would garble it
        ('I hope in 2017 America says, "President Clinton, thank you for a lifetime of public service."', None),
        # no words reported, and "the lies hucksters told them" makes a habit one occasion
        ("Suckers are eager to believe the lies hucksters tell them.", None),
        # the writer's own voice: "I told you what I enjoyed" would change it
        ("I tell you what I really enjoyed this year: the final.", None),
        # a headline run into the text of a scraped page, in title case
        ("February 6, 2016 9:52PM Bush Says We Should Pay Attention To History In The Middle East.", None),
        # a routine, the cue joined to an action in the present: "sits ... and told them" would mix tenses
        ("At each meeting the board sits down with the investors and tells them why the shares are cheap.", None),
        # joined to an action in the past, it is one occasion
        ("Reid voted in Nevada on Saturday and says he backed nobody.", "said"),
        # joined to what someone is doing: "is touring ... and said" would mix tenses
        ("The governor is touring the state and says the budget will pass.", None),
        # joined to a cue in the progressive, which its auxiliary keeps: "is telling ... and said" would mix tenses
        ("The mayor is telling a church group that the city’s police force is “stretched” and says she "
         "will hire more officers.", None),
        # a scene told in the present: "As boos erupt ..., the executive said" would mix tenses
        ("As boos erupt from the crowd, the executive says, \"Please quiet down.\"", None),
        # a cue in a clause under a present main clause: "While she said ..., she applauds" would mix tenses
        ("While she says she will not vote for the mayor and considers him a crook, she applauds his stance on parks.",
         None),
        ("While she says she will not vote for the mayor, she applauded his stance on parks.", "said"),
        # a clause in the past leaves "said" one occasion
        ("As boos erupted from the crowd, the executive says the plant will close.", "said"),
        # a statement in the present set beside it by a semicolon: "53% describe ...; 26% said" would mix tenses
        ("Young voters lean left: 53% describe themselves as liberal on social issues; 26% say they are conservative.",
         None),
        # the words it reports, set off by a comma, keep the fix
        ("The economy is growing, the minister says.", "said"),
        # a state the cue is set against, not a scene
        ("Although France have yet to click, Dominici says that they can still win.", "said"),
        # whenever he says it: "exaggerates when he said" would clash
        ("Sanders exaggerates when he says he helped write the law.", None),
        # an advertisement's words stand, as a report's do
        ('The ad, titled "Unifier?", concludes that the candidate is too reckless to be president.', None),
        # a slip in the copy: "said's" would keep it
        ('Jobs have gone to India. Blair say\'s the economy is "strong and stable".', None),
        # a statement in the indicative is one statement
        ("The union says the rules will be changed before the vote.", "said"),
    ],
)
def test_a_present_tense_cue_gets_said_only_for_one_statement(text, fix):
    alerts = lint_text(text, [BY_ID["newsroom.present-tense-attribution"]], path="story.md")
    assert [a.fix for a in alerts] == [fix]


@pytest.mark.parametrize(
    "text, flagged",
    [
        # the sensor does not speak: its verb is in the words the customer's cue reports
        ("A customer in Ohio says that a sensor inside the toner box tells the copier that it is empty even when "
         "it is not.", [("says", "said")]),
        ("Analysts say the chairman tells staff that the merger will go ahead.", []),
        ("Smith said that while Jones says the plan works, the figures show otherwise.", []),
        # a contrast set after the words reported is the writer's, not the first speaker's
        ("Mr Blair insisted he had done no deals, while Mr Brown says he will not be distracted.", [("says", "said")]),
    ],
)
def test_a_cue_in_the_words_another_cue_reports_keeps_its_tense(text, flagged):
    alerts = lint_text(text, [BY_ID["newsroom.present-tense-attribution"]], path="story.md")
    assert [(a.match, a.fix) for a in alerts] == flagged


def test_a_cue_joined_to_the_words_reported_is_the_speakers_next_act():
    # the parser hangs "claimed" on "was", inside what "said" reports
    text = 'Club chairman Rob Ellis said he was "disappointed" by the news and claimed Smith had been in talks with Leeds.'
    alerts = lint_text(text, [BY_ID["newsroom.judging-said-verb"]], path="story.md")
    assert [(a.match, a.fix) for a in alerts] == [("claimed", "said")]


@pytest.mark.parametrize(
    "text",
    [
        # two sentences to the parser (a period lost after "m."): the clause before is not the
        # cue's, which has an object: "said the individual titles" would garble it
        "Reid was seventh in the 1500m while Murray was 11th in the 3000m. Meanwhile, Cairns and Shannon "
        "claimed the individual titles at the championship in Coleraine.",
        # the quotation marks enclose the object, not a statement
        "The chief executive admitted \u201cone or two instances\u201d where donations slipped through the cracks.",
    ],
)
def test_a_judging_verb_with_an_object_gets_no_said(text):
    alerts = lint_text(text, [BY_ID["newsroom.judging-said-verb"]], path="story.md")
    assert [a.fix for a in alerts] == [None]  # the alert stays; only the fix goes


def test_a_plain_text_headline_keeps_its_present_tense_and_capitals():
    text = "Trump Says He Never Pledged To Kill Families\n\nThe candidate says the pledge was never made.\n"
    rules = [BY_ID["newsroom.present-tense-attribution"], BY_ID["newsroom.judging-said-verb"]]
    assert [(a.match, a.fix) for a in lint_text(text, rules, path="story.txt")] == [("says", "said")]



def test_a_dek_under_a_plain_text_headline_keeps_its_present_tense():
    # headline, dek, lede: the dek may be display type, whose tense is the present
    text = ("Bridge to reopen in May.\n\nMayor's office says repairs are ahead of schedule.\n\n"
            "Deputy mayor Ana Ruiz says the bridge, closed since a barge struck it in March, will reopen on 12 May.\n")
    alerts = lint_text(text, [BY_ID["newsroom.present-tense-attribution"]], path="story.txt")
    assert [(text[a.start : a.start + 30], a.fix) for a in alerts] == [
        ("says repairs are ahead of sche", None), ("says the bridge, closed since ", "said")
    ]
    # a lede of two sentences is no dek
    text = ("Bridge to reopen in May.\n\nThe mayor's office says repairs are ahead of schedule. Work began in March.\n\n"
            "The bridge will reopen on 12 May.\n")
    alerts = lint_text(text, [BY_ID["newsroom.present-tense-attribution"]], path="story.txt")
    assert [a.fix for a in alerts] == ["said"]

@pytest.mark.parametrize(
    "text",
    [
        # "said to retire" would mean she was told to
        "DuPont’s longtime chief executive was shown the door. (She claimed to “retire.”) Then DuPont announced plans.",
        # "claimed ... win" is winning it, a noun the tagger took for a clause
        "Ronan O'Gara scored all Ireland's points as the home side claimed only their second ever win over South "
        "Africa on an emotional day.",
        # a noun: the object of "dent"
        "The downing of the sites could dent Lycos claims that what it is doing does not amount to an attack.",
        # a demand in the subjunctive: "said that the first lady go" is not English
        "After examining the leg, the doctor insisted that the first lady go to hospital for an ultrasound.",
        "The union insisted the rules be changed before the vote.",
        # an indirect question: "said how" is not standard English
        "The wing revealed how the manager talked him into extending his career.",
        "The coach admitted why the team had struggled.",
    ],
)
def test_a_judging_verb_that_reports_no_statement_gets_no_said(text):
    alerts = lint_text(text, [BY_ID["newsroom.judging-said-verb"]], path="story.md")
    assert [a.fix for a in alerts] == [None]


def test_a_noun_taken_for_a_cue_gets_no_said():
    text = "Labour defended its posters amid Tory claims the ads were nothing short of offensive."
    alerts = lint_text(text, [BY_ID["newsroom.judging-said-verb"]], path="story.md")
    assert [a.fix for a in alerts] == [None]


@pytest.mark.parametrize(
    "text, fix",
    [
        ("The city doesn't have the money.", "does not"),
        ("It isn't that simple.", "is not"),
        # a question's inverted subject: "does not that lead" is no English
        ("But doesn't that lead to the jibe?", None),
        ("Isn't he the mayor?", None),
    ],
)
def test_a_contraction_before_its_subject_gets_no_fix(text, fix):
    assert [a.fix for a in lint_text(text, [BY_ID["newsroom.contraction"]], path="story.md")] == [fix]


@pytest.mark.parametrize(
    "text, fix",
    [
        ("The plan was drafted by the Attorney General, who kept it private.", "attorney general"),
        ("Colin Powell, US Secretary of State, was visiting.", "secretary of state"),
        # after another capitalized word of the title: lowercasing the last word alone gives
        # "the Home secretary", "Acting Chief superintendent", a title in neither style
        ("He tried to bring them in when he was Home Secretary.", None),
        ("The head of the unit, Acting Detective Chief Superintendent, Mick Deats, said so.", None),
    ],
)
def test_a_title_is_lowercased_only_where_no_capitalized_word_of_it_comes_before(text, fix):
    alerts = lint_text(text, [BY_ID["newsroom.title-capitalization"]], path="story.md")
    assert [a.fix for a in alerts] == [fix]


def test_the_office_of_a_title_is_a_body_not_a_title_to_lowercase():
    text = "Four systems track the records of the Office of the Secretary of State, the department said."
    assert lint_text(text, [BY_ID["newsroom.title-capitalization"]], path="story.md") == []


STANDING_TWICE = "The President spoke first. Later the President took questions on the plan."


def test_a_story_that_capitalizes_titles_standing_alone_throughout_follows_its_own_style():
    rule = BY_ID["newsroom.title-capitalization"]
    assert lint_text(STANDING_TWICE, [rule], path="story.md") == []
    # once only, or beside a lower-case one, is no style: a slip, flagged with what the story does
    assert [a.fix for a in lint_text("The President spoke first.", [rule], path="story.md")] == ["president"]
    mixed = lint_text("The President spoke first. Later the prime minister took questions.", [rule], path="story.md")
    assert [a.match for a in mixed] == ["President"]
    assert "lowercases titles standing alone elsewhere, once" in mixed[0].message
    # a lower-case title inside a quotation is the speaker's, not the story's style
    quoted = 'The President spoke first. "The president is wrong," she said. Later the President left.'
    assert lint_text(quoted, [rule], path="story.md") == []


def test_a_desk_that_follows_ap_flags_titles_a_story_capitalizes_throughout():
    import tempfile

    from lint.config import ConfigResolver

    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / ".copydesk.yaml"
        config.write_text("rule-options:\n  newsroom.title-capitalization: {standing-titles: lowercase}\n")
        rules = {r.id: r for r in ConfigResolver(config).for_folder(Path(folder)).rules_for(None)}
    alerts = lint_text(STANDING_TWICE, [rules["newsroom.title-capitalization"]], path="story.md")
    assert [(a.match, a.fix) for a in alerts] == [("President", "president"), ("President", "president")]
    assert "this story capitalizes them throughout, 2 times" in alerts[0].message


def test_only_titles_pointed_to_with_the_show_a_story_style():
    # two slips of other shapes are no house style: both stay flagged
    text = ("U.S. Treasury Secretary reports suggest a thaw. Wang Yiwei, Director of the Institute of "
            "International Affairs, agreed.")
    alerts = lint_text(text, [BY_ID["newsroom.title-capitalization"]], path="story.md")
    assert [a.match for a in alerts] == ["Secretary", "Director of"]
