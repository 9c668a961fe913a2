"""The people model and the person and office kinds on it: names and
their titles, short references matched against full names, East Asian
family names, offices and whether their holders are named."""

from __future__ import annotations

import pytest
from conftest import load_error, make_rule

from lint.document import parse
from lint.engine import lint_text
from lint.errors import RuleError
from lint.packs import builtin_packs, load_pack
from lint.people import model, surname_of

NEWSROOM = {r.id: r for r in load_pack(builtin_packs()["newsroom"], "newsroom")}


def people(text: str):
    doc = parse(text, "story.md")
    return doc, model(doc)


def names(text: str) -> dict[str, list[str]]:
    """Each person's name with the text of every mention."""
    doc, built = people(text)
    return {" ".join(p.words): [doc.prose[m.start : m.end] for m in p.mentions] for p in built.people}


def flagged(rule_id: str, text: str) -> list[str]:
    return [a.match for a in lint_text(text, [NEWSROOM[rule_id]], path="story.md")]


def fixes(rule_id: str, text: str) -> list[tuple[str, str | None]]:
    return [(a.match, a.fix) for a in lint_text(text, [NEWSROOM[rule_id]], path="story.md")]


# -- the model -------------------------------------------------------------------


def test_titles_are_split_off_names_and_short_references_join_their_person():
    found = names(
        "Commerce Secretary Laura Smith met Treasury Secretary Scott Bessent on Monday. "
        "Bessent said the talks went well. Smith agreed."
    )
    assert found == {"Laura Smith": ["Laura Smith", "Smith"], "Scott Bessent": ["Scott Bessent", "Bessent"]}


def test_a_short_reference_the_recognizer_calls_an_organization_is_still_matched():
    # the small pipeline tags "Wang adds" as ORG; the model matches it against the names seen
    doc, built = people("Wang Yiwei, a professor at Renmin University, spoke first. Wang adds that talks will continue.")
    assert [doc.prose[m.start : m.end] for m in built.people[0].mentions] == ["Wang Yiwei", "Wang"]


def test_east_asian_family_names_count_as_surnames():
    doc, built = people(
        "Wang Yiwei, a professor at Renmin University, and Wang Wen, dean of the Chongyang Institute, spoke. "
        "Wang added that talks would go on."
    )
    assert [doc.prose[m.start : m.end] for m, _ in built.ambiguous] == ["Wang"]
    assert {frozenset(p.surnames) for p in built.people} == {frozenset({"wang", "yiwei"}), frozenset({"wang", "wen"})}


def test_a_surname_settled_on_one_person_before_another_shared_it_is_not_ambiguous():
    doc, built = people(
        "Hillary Clinton, the Democratic nominee, spoke in Ohio. Clinton said jobs came first. "
        "Former President Bill Clinton, her husband, spoke later. Clinton said she would win."
    )
    assert built.ambiguous == []
    hillary = next(p for p in built.people if p.given == "hillary")
    assert [doc.prose[m.start : m.end] for m in hillary.mentions] == ["Hillary Clinton", "Clinton", "Clinton"]


def test_names_with_a_word_more_or_other_accents_are_one_person():
    found = names(
        "Francois Hollande, the French president, spoke in Paris. François Hollande said Trump was wrong. "
        "Hollande left."
    )
    assert found == {"Francois Hollande": ["Francois Hollande", "François Hollande", "Hollande"]}


def test_a_new_full_name_with_a_known_surname_is_another_person():
    # NYT style: "Mr. Trump" is Donald; "Freddy Trump" is his brother
    found = names("Mr. Trump spoke on Monday. Freddy Trump, his brother, died in 1981.")
    assert found == {"Trump": ["Trump"], "Freddy Trump": ["Freddy Trump"]}


def test_descriptions_in_apposition_relative_clause_and_role_count():
    doc, built = people(
        "Tom Ellis, a fisherman, called 911. England coach Mike Dawson agreed. "
        "Ana Ruiz, who leads the union, spoke. Stephen Vladeck of the University of Texas spoke. Laura Kim joined."
    )
    described = {" ".join(p.words): p.mentions[0].described for p in built.people}
    assert described == {"Tom Ellis": True, "Mike Dawson": True, "Ana Ruiz": True, "Stephen Vladeck": True, "Laura Kim": False}


def test_offices_know_whether_their_holder_is_named():
    doc, built = people(
        "Energy Secretary Chris Wright spoke in Houston. The energy secretary warned prices would rise. "
        "The Treasury Secretary said nothing."
    )
    offices = {doc.prose[o.start : o.end]: o.holder for o in built.offices}
    assert offices == {"energy secretary": True, "Treasury Secretary": False}


# -- the rules ------------------------------------------------------------------


def test_first_reference_flags_a_bare_name_that_acts_and_not_one_in_a_list():
    assert flagged("newsroom.first-reference", "Laura Kim joined the talks on Friday.") == ["Laura Kim"]
    assert flagged(
        "newsroom.first-reference", "The cast includes Hugh Laurie, Stephen Fry and Miranda Richardson."
    ) == []


def test_first_reference_accepts_a_role_subject_in_the_next_sentence():
    text = "Kostas Kenteris will appeal against the ban. The Greek sprinter has denied missing the test."
    assert flagged("newsroom.first-reference", text) == []


def test_an_office_whose_holder_is_named_a_few_sentences_on_is_not_flagged():
    text = ("The euro rose again on Monday. Meanwhile, France's finance minister has said the world faced "
            "\"economic catastrophe\" unless the US acted. Traders were not surprised. Exports fell in March. "
            "Michel Sapin said he would seek action at the next meeting.")
    assert flagged("newsroom.office-without-holder", text) == []
    # named too far on, the holder does not tell the reader who spoke
    far = text.replace("Michel Sapin said", "Shares slid. Bonds rallied. Michel Sapin said")
    assert flagged("newsroom.office-without-holder", far) == ["finance minister"]
    # an office that points to nobody ("U.S. Treasury Secretary reports") is not one a later name holds
    pointless = ("U.S. Treasury Secretary reports suggest that Beijing may defer its controls. Markets rose on Monday. "
                 "Michel Sapin said the thaw was real.")
    assert flagged("newsroom.office-without-holder", pointless) == ["U.S. Treasury Secretary"]


def test_a_holder_whose_role_names_the_office_in_the_plural_holds_it():
    text = ("The director of the film adaptation said the changes were needed. "
            "Chris Weitz, who will direct the films and was director of About a Boy, said he had visited the author.")
    assert flagged("newsroom.office-without-holder", text) == []


def test_office_without_holder_skips_a_former_holder_and_a_name_just_before():
    assert flagged("newsroom.office-without-holder", "The former secretary of state said she would run.") == []
    assert flagged(
        "newsroom.office-without-holder", "Charles Clarke spoke to MPs. The home secretary said the law would change."
    ) == []
    assert flagged("newsroom.office-without-holder", "The home secretary said the law would change.") == ["home secretary"]


def test_later_reference_fixes_a_repeated_full_name_with_the_surname():
    text = "Priya Raman, a marine biologist, founded the project. Raman hired divers. Priya Raman said it had only begun."
    assert fixes("newsroom.later-reference", text) == [("Priya Raman", "Raman")]
    # a relative brought in by kin shares the surname: the full name tells them apart
    family = ("Priya Raman, a marine biologist, founded the project. Raman hired divers. Raman's husband, Dev, "
              "spoke too. Raman said he would help. Priya Raman said it had only begun.")
    assert fixes("newsroom.later-reference", family) == []


@pytest.mark.parametrize(
    "style, expected",
    [
        ("none", [("Mr. ", "")]),  # the fix removes the title and its space
        ("courtesy", [("Blair", None)]),  # the later bare surname; not "Tony", a given name
    ],
)
def test_honorifics_follow_the_house_style(style, expected):
    rule = make_rule(f"""
        extends: person
        message: "'%s': %s"
        problem: honorific
        honorifics: {style}
    """)
    text = "Tony Blair, the prime minister, spoke. Mr. Blair said the vote was close. Blair left. Tony waved."
    assert [(a.match, a.fix) for a in lint_text(text, [rule], path="story.md")] == expected
    assert rule.fixable  # a config may switch the style of a rule that declares its fixes safe


def test_a_person_option_for_another_problem_is_an_error():
    error = load_error("""
        extends: person
        message: "x"
        problem: first-reference
        honorifics: courtesy
    """)
    assert "option 'honorifics' applies only to problem honorific, not first-reference" in str(error)
    assert error.line == 4


def test_an_unknown_problem_is_an_error():
    with pytest.raises(RuleError, match="key 'problem' must be one of first-reference"):
        make_rule("""
            extends: person
            message: "x"
            problem: second-reference
        """)


def test_the_office_kind_needs_its_offices():
    assert "missing required key 'offices'" in str(load_error("""
        extends: office
        message: "x"
    """))


def test_credit_lines_tallies_and_headlines_name_nobody_to_introduce():
    assert names("Contributing: Nicole Gaudiano.") == {}
    assert names("Hillary Clinton: 1,769. Bernie Sanders: 1,217.") == {}
    assert flagged("newsroom.first-reference", "Hillary Clinton Goes After Donald Trump As The New Mitt Romney.") == []


def test_a_capitalized_role_before_the_name_is_a_title():
    assert flagged("newsroom.first-reference", "Pollster Ann Selzer said the race had tightened.") == []
    assert flagged("newsroom.first-reference", "Olympian Andy Turner won the race. Turner was delighted.") == []


def test_given_names_alone_are_flagged_but_not_after_a_title():
    assert flagged(
        "newsroom.later-reference", "Nicholas Soames, a Tory MP, spoke. Nicholas said the bill was flawed."
    ) == ["Nicholas"]
    assert flagged(
        "newsroom.later-reference", "Nicholas Soames, a Tory MP, spoke. Sir Nicholas said the bill was flawed."
    ) == []


def test_a_given_name_alone_gets_the_surname_as_its_fix_only_where_the_story_uses_the_surname_alone():
    named = "Priya Raman, a marine biologist, founded the project. Raman hired divers. Priya said it had only begun."
    assert fixes("newsroom.later-reference", named) == [("Priya", "Raman")]
    # never "Raman" alone: the last word may be no surname (a company's "Illva Saronno")
    unnamed = "Priya Raman, a marine biologist, founded the project in May. Priya said it had only begun."
    assert fixes("newsroom.later-reference", unnamed) == [("Priya", None)]


def test_the_surname_fix_keeps_a_suffix_that_tells_father_from_son():
    text = "Ken Griffey Jr., an outfielder, hit two home runs. Griffey ran. Ken Griffey Jr. said he felt strong."
    assert fixes("newsroom.later-reference", text) == [("Ken Griffey Jr.", "Griffey Jr.")]


def test_people_keep_the_bodies_named_with_them():
    # the people model holds each person's organization; no rule reads it yet
    doc, built = people(
        "Wang Yiwei, director of the Institute of International Affairs at Renmin University, spoke. "
        "Arsenal's Thierry Henry scored twice."
    )
    assert {" ".join(p.words): p.organizations for p in built.people} == {
        "Wang Yiwei": {"Institute of International Affairs", "Renmin University"},
        "Thierry Henry": {"Arsenal"},
    }


def test_office_without_holder_flags_an_office_once_and_not_after_a_lone_name():
    text = "The home secretary said the law would change. The home secretary added that it was overdue."
    assert flagged("newsroom.office-without-holder", text) == ["home secretary"]
    assert flagged("newsroom.office-without-holder", "Obama said he was ready. The president left for Ohio.") == []


def test_a_role_before_coordinated_names_covers_them_all():
    text = "White House hopefuls Hillary Clinton and Donald Trump criticized the move. Clinton and Trump spoke later."
    assert flagged("newsroom.first-reference", text) == []


def test_a_party_before_the_name_and_an_appositive_after_a_pair_describe():
    assert flagged("newsroom.first-reference", "Tory Liam Fox said his party offered a clear choice. Fox left.") == []
    text = "Aides called John McConnell and Matthew Scully, two respected speechwriters. Scully agreed to help."
    assert flagged("newsroom.first-reference", text) == []


def test_east_asian_names_with_a_hyphen_are_whole():
    found = names("Kim Jong-un, the North Korean leader, spoke. Kim said little.")
    assert found == {"Kim Jong-un": ["Kim Jong-un", "Kim"]}


def test_a_given_name_two_people_share_is_ambiguous_not_fixed():
    text = "Laura Kim, a senator, and Laura Smith, a mayor, spoke. Laura said hello."
    assert flagged("newsroom.ambiguous-reference", text) == ["Laura"]
    assert flagged("newsroom.later-reference", text) == []


def test_a_full_name_after_a_title_and_surname_is_no_repeat():
    text = "Professor Nega spoke first. Berhanu Nega said the war would end. Berhanu Nega left."
    assert flagged("newsroom.later-reference", text) == ["Berhanu Nega"]


def test_an_office_pointing_back_to_someone_described_otherwise_is_theirs():
    # Kinnock was the outgoing European commissioner; nothing links the two but the story
    text = (
        "Neil Kinnock, a former Labour leader, will join the Lords. "
        "Critics objected on Monday. The outgoing European commissioner said his comments were old."
    )
    assert flagged("newsroom.office-without-holder", text) == []
    assert flagged("newsroom.office-without-holder", "The energy commissioner said prices would rise.") == [
        "energy commissioner"
    ]


def test_a_title_with_of_before_the_name_is_a_title():
    text = "The email was sent by Department of Defense Chief of Staff Jeremy Bash after the attack."
    assert flagged("newsroom.first-reference", text) == []


def test_an_office_the_model_does_not_know_is_an_error():
    error = load_error("""
        extends: office
        message: "x"
        offices: [secretary, attorney-general]
    """)
    assert "unknown office 'attorney-general' in 'offices'" in str(error)


def test_empty_references_is_an_error():
    assert "'references' is empty" in str(load_error("""
        extends: person
        message: "x"
        problem: later-reference
        references: []
    """))


def test_a_spaced_dash_ends_a_name():
    found = names(
        "Kel Coslett is the football manager, while Clive Griffiths - Wales' defensive coach - is a former "
        "player."
    )
    assert found == {"Kel Coslett": ["Kel Coslett"], "Clive Griffiths": ["Clive Griffiths"]}


# -- name shapes on real copy -----------------------------------------------------


@pytest.mark.parametrize(
    "words, surname",
    [
        (("Ludwig", "van", "Beethoven"), "van Beethoven"),  # a particle opens the surname
        (("Oscar", "de", "la", "Hoya"), "de la Hoya"),
        (("Mohammed", "bin", "Salman"), "bin Salman"),
        (("Donald", "J.", "Trump"), "Trump"),  # an initial is no part of it
        (("Ken", "Griffey", "Jr."), "Griffey Jr."),  # the suffix tells him from his father
        (("Gabriel", "García", "Márquez"), None),  # a double surname or a middle name: a reader decides
        (("Hillary", "Rodham", "Clinton"), None),
    ],
)
def test_the_surname_of_each_name_shape(words, surname):
    assert surname_of(words) == surname


def test_a_double_surname_gets_no_surname_fix():
    text = (
        "Gabriel García Márquez, a novelist, spoke in Bogotá. García said the book was done. "
        "Gabriel García Márquez said he would rest."
    )
    assert [fix for _, fix in fixes("newsroom.later-reference", text)] == [None]


def test_letters_after_a_name_say_what_the_person_is():
    # not a name used for a thing ("Trump Tower"): the person, described
    text = "As Paul Flynn MP said, the party was upset. Flynn wants unity."
    assert names(text) == {"Paul Flynn": ["Paul Flynn", "Flynn"]}
    assert flagged("newsroom.first-reference", text) == []
    # and the title before the comma is theirs: the office's holder, paragraphs away
    text = ("The finance minister has urged councils to limit increases. Bills will rise by 5%. Councils want more. "
            "Unions are wary. Tenants are worried.\n\n"
            'Scottish Finance Minister, Tom McCabe MSP, said: "We have added money for core spending."\n')
    assert flagged("newsroom.office-without-holder", text) == []


def test_a_suffix_tells_father_from_son():
    text = (
        "Ken Griffey Sr., a former outfielder, watched Ken Griffey Jr., an outfielder, hit two home runs. "
        "Griffey said the team was ready."
    )
    assert sorted(name.rstrip(".") for name in names(text)) == ["Ken Griffey Jr", "Ken Griffey Sr"]
    assert flagged("newsroom.ambiguous-reference", text) == ["Griffey"]


@pytest.mark.parametrize(
    "text",
    [
        "House Democrats met on Monday. The White House said the bill would pass. House leaders agreed.",
        "Rob Portman, the Ohio Republican, spoke on Monday. Portman said the vote was close. Ohio will decide.",
        "Senate Republicans met Sen. Ana Ruiz on Monday. Ruiz said the Senate would vote.",
    ],
)
def test_parties_places_and_chambers_are_never_names(text):
    assert flagged("newsroom.later-reference", text) == []
    found = names(text)
    assert not any(word in ("House", "White", "Ohio", "Senate", "Republicans", "Democrats")
                   for name in found for word in name.split())


def test_a_descriptor_before_a_name_describes_the_person():
    assert flagged("newsroom.first-reference", "Ohio Republican John Kasich said the vote was close.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Sens. Ted Cruz and Mike Lee voted against the bill. Cruz said it spent too much.",
        "Reps. Ana Ruiz and Tom Ellis wrote to the agency. Ruiz said it had not answered.",
        "Atty. Gen. Loretta Lynch said the inquiry would go on. Lynch declined to say more.",
        "Special Counsel Robert Mueller filed the report on Friday. Mueller did not comment.",
        # a plural title or role before names the parser did not join as one coordination
        "Politicians, including U.S. Reps. Ileana Ros-Lehtinen and Carlos Curbelo, have been critical. "
        "Curbelo, in particular, has slammed the plan.",
        "Former Mexican presidents Vicente Fox and Felipe Calderon promptly fired back. Fox said no.",
    ],
)
def test_plural_and_abbreviated_titles_describe_the_people_after_them(text):
    assert flagged("newsroom.first-reference", text) == []


@pytest.mark.parametrize(
    "text, path",
    [
        ("Clinton courts voters in Ohio.\n\nHillary Clinton, the Democratic nominee, spoke in Columbus. "
         "Clinton said the state mattered.\n", "story.txt"),
        ("---\nheadline: Hillary Clinton courts Ohio\n---\n\nHillary Clinton, the Democratic nominee, spoke in "
         "Columbus. Clinton said the state mattered.\n", "story.md"),
        ("By Jane Roe\n\nHillary Clinton, the Democratic nominee, spoke in Columbus. Clinton said the state "
         "mattered.\n", "story.md"),
    ],
)
def test_headline_front_matter_and_byline_are_no_first_reference(text, path):
    rules = [NEWSROOM["newsroom.first-reference"], NEWSROOM["newsroom.later-reference"]]
    assert [a.match for a in lint_text(text, rules, path=path)] == []


@pytest.mark.parametrize(
    "headline, flagged_names",
    [
        # the person the headline names is the one the story is about: the reader met them there
        ("Raman courts voters in Ohio.", []),
        # a headline about someone else excuses nobody
        ("Turnout rises in Ohio.", ["Priya Raman"]),
        # a hyphenated pair of names, a given name
        ("Smith-Raman fight heats up in Ohio.", []),
        ("Priya becomes world number two.", []),
    ],
)
def test_a_headline_name_is_the_story_subject(headline, flagged_names):
    text = f"{headline}\n\nPriya Raman spoke in Columbus. Raman said the state mattered.\n"
    assert [a.match for a in lint_text(text, [NEWSROOM["newsroom.first-reference"]], path="story.txt")] == flagged_names


@pytest.mark.parametrize(
    "text",
    [
        # a sports story names its players bare: the match is their role
        "Jon Petrie scored a second try for Scotland in the 21-15 win. Petrie's try came after the penalty. "
        "The referee sent off two players before half-time as the tournament resumed.",
        # a reader's signed comment, a ranked list, a byline in the text
        '"I am afraid for the country." ― Karen Bobadilla. Bobadilla wrote on Instagram.',
        "1. Priya Raman (Last week: 2.) Raman leads the field.",
        "Co-authored by Priya Raman. Raman writes on trade.",
        # introduced by role in the sentence before
        "A senior barrister has resigned in protest. Ian MacDonald quit on Friday. MacDonald said the law was wrong.",
        # an appositive to a pronoun-like head: "a third, Daniel Traynor"
        "Another delegate backed Cruz. And a third, Daniel Traynor, said he was opposed to Trump. Traynor voted.",
        # a role stuck to a digest item's bullet
        "Few voted in Iowa. -Pollster Ann Selzer is happy to be the silver standard. Selzer warned about surprises.",
        # a photo's caption: names and nothing else
        "The photo shows them at a concert. Ahmed Nasser and Reham Said. Nasser and Said were returning home.",
        # a quotation's credit after its closing mark, the sentence running on from the quotation
        "\u201cI am afraid for the country, and so are my friends.\u201d\u00a0\u2015 Laura Kim. Kim wrote on Instagram.",
        # a title: a name, a colon and "The ..."
        "Laura Kim: The Making of a Leader will open in May. Kim painted most of the works.",
        # a role with "as" on the name itself
        "With Laura Kim as the presumptive Republican nominee, many companies are pulling their funding. Kim "
        "said little.",
        # a title or an appositive the story gives further on
        "Chris Christie lagged in the polls. Voters went to the polls in the snow. Turnout was high in the north. "
        "The count went on into the night, with Christie, the New Jersey governor, in sixth place.",
    ],
)
def test_first_references_an_editor_would_not_circle(text):
    assert flagged("newsroom.first-reference", text) == []


def test_a_transcript_answer_is_the_speaker_s_words():
    text = ("Interview with the vice president.\n\nQ: Does Marco Rubio have a chance?\n\n"
            "A: Well, Rubio could, but Marco Rubio missed it so far.\n")
    rule = NEWSROOM["newsroom.later-reference"]
    assert [a.match for a in lint_text(text, [rule], path="story.txt")] == []


FILLER = " ".join(f"Workers at plant {n} said output was steady." for n in range(6))


@pytest.mark.parametrize(
    "text",
    [
        f"Energy Secretary Chris Wright toured the plant. {FILLER} The energy secretary warned that prices would rise.",
        f"The energy secretary warned that prices would rise. {FILLER} Energy Secretary Chris Wright toured the plant.",
        # the office points back to the person just named
        "President Obama had a talk this week with Francois Hollande. The French president expressed his condolences.",
    ],
)
def test_an_office_holder_is_found_anywhere_in_the_story(text):
    assert flagged("newsroom.office-without-holder", text) == []


def test_ambiguous_reference_fires_once_per_pair_and_only_in_play():
    text = (
        "Commerce Secretary Laura Smith and Representative Dan Smith sparred over tariffs. "
        "Smith later said the hearing had been useful. Smith added that talks would go on."
    )
    assert flagged("newsroom.ambiguous-reference", text) == ["Smith"]
    far = (
        "Representative Dan Smith opened the hearing. " + FILLER
        + " Commerce Secretary Laura Smith answered questions. Laura Smith said tariffs would stay. "
        "Smith later said the hearing had been useful."
    )
    assert flagged("newsroom.ambiguous-reference", far) == []  # only Laura Smith was in play
    # both in play, but one named three sentences nearer: the one the reader has in mind
    nearer = (
        "Representative Dan Smith opened the hearing on tariffs. The room was full. Reporters waited outside. "
        "Commerce Secretary Laura Smith answered questions. Smith later said the hearing had been useful."
    )
    assert flagged("newsroom.ambiguous-reference", nearer) == []
    closer = nearer.replace("Reporters waited outside. ", "")
    assert flagged("newsroom.ambiguous-reference", closer) == ["Smith"]


@pytest.mark.parametrize(
    "text",
    [
        # the story calls her by given name, so the surname alone is her husband's
        "Ruth Bader, a lawyer, married John Bader, a judge, in 1960. Ruth said the court was slow. "
        "Bader ruled on the case in 1972.",
        # named once in passing before the one the story follows came in
        "The second contest has begun with the help of the brother of Simon Carter. Writer Tony Carter is among "
        "the judges. \"It is hard,\" said Carter, 54.",
    ],
)
def test_a_surname_follows_the_storys_own_convention_for_who_it_means(text):
    assert flagged("newsroom.ambiguous-reference", text) == []


@pytest.mark.parametrize("given, other, surname", [
    ("Grace", "David", "Meng"),
    ("Rose", "John", "Kennedy"),
    ("Art", "James", "Garfunkel"),
])
def test_a_given_name_that_is_also_a_word_makes_a_second_person(given, other, surname):
    # "grace", "rose", "art" are words too, and given names
    text = (f"{given} {surname}, a campaigner, spoke on Monday. A relative, {other} {surname}, a lawyer, "
            f"disagreed. {surname} said the vote was close.")
    assert flagged("newsroom.ambiguous-reference", text) == [surname]


def test_a_given_name_follows_the_storys_convention_for_who_it_means():
    # "Nancy" named her alone first; the other Nancy comes in later
    text = ("Nancy Reed, a historian, spoke. Nancy said the book was late. Her editor, Nancy Holt, agreed. "
            "Nancy added that it would be out in May.")
    assert flagged("newsroom.ambiguous-reference", text) == []


# -- one alert per style decision -------------------------------------------------------


def test_honorifics_are_one_alert_per_story_with_a_fix_for_every_occurrence():
    text = (
        "Tony Blair, the prime minister, spoke on Monday. Mr. Blair said the vote was close. "
        "Gordon Brown, the chancellor, agreed. Mr. Brown said so too. Later Mr. Blair left."
    )
    (alert,) = lint_text(text, [NEWSROOM["newsroom.honorific"]], path="story.md")
    assert alert.fix == "" and alert.fix_applicability == "safe"
    fixed = text
    edits = [(alert.start, alert.end, alert.fix)] + [(e.start, e.end, e.replacement) for e in alert.extra_edits]
    for start, end, replacement in sorted(edits, reverse=True):
        fixed = fixed[:start] + replacement + fixed[end:]
    assert "Mr." not in fixed and "3 times in this story" in alert.message
    assert "throughout" in alert.message  # the story gives courtesy titles everywhere: a house style, said so


@pytest.mark.parametrize(
    "text",
    [
        # "Mr Howard" and "Mrs Howard": the titles tell husband from wife
        "Michael Howard, the Tory leader, spoke on Monday. Mr Howard said the vote was close. "
        "His wife, Sandra, is to campaign. Mrs Howard will visit seats.",
        # a title on a surname never given in full may be part of a name; one glued on is no title
        "Gordon Brown, the chancellor, agreed. Mr Brown said so. The show was dull. It got to be Mr.Benn.",
        # a title on a name the story never gives without it may be part of a title (read on BBC)
        "The producer died on Monday. He produced Mr Tambourine Man for the Byrds.",
    ],
)
def test_no_fix_cuts_a_courtesy_title_that_tells_people_apart_or_may_be_a_name(text):
    (alert,) = lint_text(text, [NEWSROOM["newsroom.honorific"]], path="story.md")
    assert alert.fix is None


def test_a_house_in_courtesy_style_can_switch_the_builtin_honorific_rule():
    from lint.config import ConfigResolver

    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / ".copydesk.yaml"
        config.write_text("rule-options:\n  newsroom.honorific: {honorifics: courtesy}\n")
        rules = {r.id: r for r in ConfigResolver(config).for_folder(Path(folder)).rules_for(None)}
    text = "Tony Blair, the prime minister, spoke. Mr Blair said the vote was close. Blair left."
    assert [a.match for a in lint_text(text, [rules["newsroom.honorific"]], path="story.md")] == ["Blair"]


def test_a_courtesy_title_that_tells_two_people_apart_gets_no_fix():
    text = (
        "Bill Clinton, the former president, and Hillary Clinton, the nominee, spoke. "
        "Mr. Clinton said the race was close. Mrs. Clinton agreed."
    )
    alerts = lint_text(text, [NEWSROOM["newsroom.honorific"]], path="story.md")
    assert [(a.match, a.fix) for a in alerts] == [("Mr. ", None)]


def test_consistency_reports_once_per_story_in_the_story_usual_form():
    rule = NEWSROOM["newsroom.us-abbreviation-consistency"]
    text = "The US team arrived. The US coach spoke. Officials said the U.S. would play. The US fans sang."
    (alert,) = lint_text(text, [rule], path="story.md")
    assert (alert.match, alert.fix, alert.extra_edits) == ("U.S.", "US", ())
    assert "the story's usual form (3 of 4)" in alert.message


def test_consistency_prefer_states_the_house_style_and_flags_a_story_written_the_other_way():
    rule = make_rule("""
        extends: consistency
        message: "'%s' here, but '%s' is %s."
        per-story: true
        prefer: [U.S.]
        either:
          'U\\.S\\.': 'US'
    """)
    text = "The US delegation arrived. Officials said the US would not lift the tariffs."
    (alert,) = lint_text(text, [rule], path="story.md")
    assert alert.fix == "U.S." and [e.replacement for e in alert.extra_edits] == ["U.S."]
    assert "house style" in alert.message and "2 times in this story" in alert.message


def test_a_variant_before_a_capitalized_word_may_be_a_name_so_its_fix_is_unsafe():
    rule = NEWSROOM["newsroom.us-abbreviation-consistency"]
    text = "U.S. officials met. U.S. troops left. The U.S. said so. Shares of US Airways fell."
    (alert,) = lint_text(text, [rule], path="story.md")
    assert alert.match == "US" and alert.fix_applicability == "unsafe"


def test_a_contraction_with_two_readings_gets_no_fix_and_the_story_alert_none():
    rule = NEWSROOM["newsroom.contraction"]
    (one,) = lint_text("The board won't vote. The mayor doesn't agree.", [rule], path="story.md")
    assert one.fix == "will not" and [e.replacement for e in one.extra_edits] == ["does not"]
    (two,) = lint_text("The board won't vote. It's late.", [rule], path="story.md")
    assert two.fix is None and two.extra_edits == ()


@pytest.mark.parametrize(
    "text",
    [
        "Oliver Letwin, one of the men lampooned in the poster, laughed. Letwin said so.",
        "Jennifer Shanklin-Hawkins is one of those Carrier workers who listened. Shanklin-Hawkins said so.",
        "Cate Blanchett triumphed as the best supporting actress for her role. Blanchett said so.",
        "Hillary Rodham Clinton visited once while she was secretary of state. Clinton said so.",
    ],
)
def test_a_role_said_of_the_person_in_the_sentence_describes_them(text):
    # read on BBC and PolNeAR (dev): roles given as "one of", "as", "while she was"
    assert flagged("newsroom.first-reference", text) == []


@pytest.mark.parametrize("path", ["story.txt", "story.md"])
@pytest.mark.parametrize(
    "item",
    [
        "- Priya Raman leads the poll in Ohio.",
        "-Priya Raman leads the poll in Ohio.",
        "2. Priya Raman. She leads the poll in Ohio.",
    ],
)
def test_a_full_name_in_a_list_item_is_no_later_reference(item, path):
    # read on the people test split: a digest's bullets ("-Donald Trump leads over Ted Cruz in
    # Indiana.") and a ranking's entries ("2. Donald Trump.") each name the person afresh
    story = "Divers return to reef\n\nPriya Raman, a marine biologist, founded the project. Raman hired two divers."
    assert lint_text(f"{story}\n\n{item}\n", [NEWSROOM["newsroom.later-reference"]], path=path) == []
    # the same sentence as a paragraph of the story repeats the full name
    (alert,) = lint_text(f"{story}\n\nPriya Raman leads the poll in Ohio.\n", [NEWSROOM["newsroom.later-reference"]], path=path)
    assert alert.fix == "Raman"


@pytest.mark.parametrize(
    "text",
    [
        "Gordon Brown, the chancellor, spoke. Brown left. It is time to see a new Gordon Brown.",
        "Mike Tyson, a former boxer, spoke. Tyson left. Fans cheered Iron Mike Tyson at the door.",
    ],
)
def test_a_full_name_used_as_a_figure_or_inside_a_nickname_is_no_later_reference(text):
    # read on the test split: "a new Gordon Brown" -> "a new Brown", "Iron Mike Tyson" -> "Iron Tyson"
    assert flagged("newsroom.later-reference", text) == []


def test_a_contraction_before_a_capitalized_word_may_be_a_title_so_it_gets_no_fix():
    # read on BBC: "I'm A Celebrity" is a show's name; "I am A Celebrity", even as an unsafe fix, damages it
    (alert,) = lint_text("All four remain in I'm A Celebrity tonight.", [NEWSROOM["newsroom.contraction"]], path="s.md")
    assert alert.fix is None
    (alert,) = lint_text("Voters said they're sure.", [NEWSROOM["newsroom.contraction"]], path="s.md")
    assert alert.fix == "they are"


@pytest.mark.parametrize(
    "text",
    [
        # a title in sentence case
        "Rats crawled over her in ITV's I'm a Celebrity Get Me Out of Here.",
        # a speaker's words whose quotation marks were lost
        "He recalled the tours: Bob was one of the most mesmeric people I've ever worked with.",
        # the writer's own voice, in a review
        "As soon as I start playing this I remember why I never play driving games, because I'm rubbish at them.",
        "Like you've never seen them before.",
        # a reader's letter: the subject, not the contraction, is the first person
        "Fifty million for a striker? I don't care who you are, the club would take the money.",
        "We can't wait for the new season.",
    ],
)
def test_a_first_or_second_person_contraction_gets_no_fix(text):
    (alert,) = lint_text(text, [NEWSROOM["newsroom.contraction"]], path="s.md")
    assert alert.fix is None


@pytest.mark.parametrize(
    "text",
    [
        # the award names the role
        "Priya Raman picked up best actress for the film. Raman thanked the crew.",
        # a role within the words after the comma
        "Blake Lee-Harwood, campaigns director at Greenpeace, said it was meaningless. Lee-Harwood left.",
        # a participle after the comma
        "Larry David, playing the senator on television, explained the plan. David laughed.",
        # a credit after a dash
        '"It is clear," she wrote. ― Martha Aguilar "Mr. Trump relies on generalizing." Aguilar added more.',
    ],
)
def test_roles_said_around_the_name(text):
    assert flagged("newsroom.first-reference", text) == []


def test_a_possessive_opening_a_school_s_name_is_no_person():
    assert flagged("newsroom.first-reference", "St Fintian's High School says it is identified in the video.") == []


def test_a_plain_text_headline_and_dek():
    text = ("Raman on defense as scrutiny heats up; \nCandidate's biography questioned.\n\n"
            "Priya Raman says she is under attack. Raman spoke in Ohio.\n")
    assert [a.match for a in lint_text(text, [NEWSROOM["newsroom.first-reference"]], path="story.txt")] == []


def test_a_labelled_note_is_no_later_reference():
    text = ("Laura Kim, the Republican nominee, spoke in Ohio. Kim said jobs came first. "
            "Editor\u2019s note: Laura Kim regularly misstates the figures.")
    assert flagged("newsroom.later-reference", text) == []


def test_a_quotation_credit_is_no_later_reference():
    text = 'Priya Raman spoke in Ohio. Raman said more. "We will win." - Priya Raman. Raman left.'
    assert flagged("newsroom.later-reference", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Barbara Follett, whose first husband was killed in South Africa, voted against it. Follett spoke.",
        "John Ison, from the controversial group Fathers 4 Justice, said it was cynical. Ison left.",
        "Priya Raman won the award for best adapted writer. Raman thanked the cast.",
        # an initialism or words a scraped page ran together are no name
        "Reporting On Carson CNN was quick to push back. Carson CNN said more.",
    ],
)
def test_more_roles_and_no_names(text):
    assert flagged("newsroom.first-reference", text) == []


def test_a_company_named_like_a_person_before_a_role_is_no_later_reference():
    text = ("James Hardie agreed the deal, Hardie said. Hardie paid. "
            "James Hardie chairwoman, Meredith Hellicar, said the deal was fair.")
    assert flagged("newsroom.later-reference", text) == []


def test_a_hyphenated_given_name_last_leaves_the_order_open():
    text = "Director Wong Kar-wai won. Wong said he was honoured. Kar-wai thanked the jury. Wong left."
    assert fixes("newsroom.later-reference", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Some MPs objected. (Rural affairs minister) Alun Michael has avoided us. Michael declined to comment.",
        "Liberal Democrat spokeswoman for women Sandra Gidley said the money was misdirected. Gidley left.",
        # a role as an object in the next sentence
        "Shares rose after a new offer from Malcolm Glazer. The board will discuss the proposal from the US tycoon. "
        "Glazer owns a football team.",
    ],
)
def test_roles_in_parentheses_after_a_preposition_and_in_the_next_sentence(text):
    assert flagged("newsroom.first-reference", text) == []


def test_a_name_the_story_labels_a_place_elsewhere_is_no_person():
    # the recognizer reads "New Hampshire" as a place where it first stands; an appositive
    # later makes the same words read like a person's name ("X, a state that ...")
    text = ("Candidates scurried across New Hampshire on Monday. The family made a push in the state. "
            "Voters are in New Hampshire, a state that has fueled comebacks. Many went to New Hampshire. "
            "Hampshire voters decide on Tuesday. They came to New Hampshire from far and wide.")
    assert "New Hampshire" not in names(text)
    assert flagged("newsroom.later-reference", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The prizes went to The Producers, Mary Poppins and The Woman in White. Mary Poppins won two awards.",
        "Harry Potter and the Prisoner of Azkaban won the film of the year. Harry Potter fans voted in millions.",
        "Titles like Knights Of The Old Republic and Jedi Knight have impressed. Jedi Knight sold well.",
    ],
)
def test_a_name_listed_beside_the_title_of_a_work_is_a_work(text):
    assert flagged("newsroom.first-reference", text) == []
    assert flagged("newsroom.later-reference", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Laura Kim and the Secretary of State joined the talks on Friday. Kim said little.",
        "Laura Kim and The New York Times settled the case on Friday. Kim said little.",
        "Delegates from Iowa to Texas, Laura Kim and others, joined the talks on Friday. Kim said little.",
    ],
)
def test_a_name_listed_beside_an_office_a_paper_or_places_is_still_a_person(text):
    assert flagged("newsroom.first-reference", text) == ["Laura Kim"]


def test_a_name_with_a_plural_verb_is_a_band():
    assert flagged("newsroom.first-reference", "Chart stars aside, Duran Duran are to appear in a TV special.") == []
    assert flagged("newsroom.first-reference", "Priya Raman is to appear in a TV special.") == ["Priya Raman"]
    # two people, not a band
    assert "Priya Raman" in flagged("newsroom.first-reference", "Priya Raman and Ana Ruiz are to appear in a TV special.")
    # a plural verb in a relative clause, and the band named again where nothing says so
    text = ("Franz Ferdinand, who were shortlisted in five categories, won best rock act. "
            "The prize went on. Franz Ferdinand dedicated it to John Peel.")
    assert "Franz Ferdinand" not in names(text)


def test_a_role_given_with_as():
    text = "He will stay on while Peter Lorimer will continue in his role as director. Lorimer agreed."
    assert flagged("newsroom.first-reference", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Security has failed, Amnesty International's chief has said. In a lecture, Irene Khan said rights were flouted. "
        "Khan spoke in London.",
        '"Consumers will not pay," said Anthony Pratt from JD Power. Pratt left.',
    ],
)
def test_a_role_in_a_possessive_lede_or_after_from(text):
    assert flagged("newsroom.first-reference", text) == []


@pytest.mark.parametrize(
    "text",
    [
        # the lede's role subject, named in the next sentence
        "Ebbers trial hears finance chief\n\nThe former finance chief of WorldCom has finished giving evidence. "
        "Scott Sullivan admitted he was willing to commit fraud. Sullivan left.\n",
        # a participle after the comma, whatever the parser hung it on
        '"They comply with the law," said Lin Hughes, speaking on behalf of the firms. Hughes left.\n',
    ],
)
def test_a_lede_role_and_a_participle_after_the_name(text):
    assert [a.match for a in lint_text(text, [NEWSROOM["newsroom.first-reference"]], path="story.txt")] == []


def test_a_lede_role_introduces_only_from_the_lede():
    text = ("Talks resume\n\nTalks resumed on Monday in Geneva. The chief negotiator said little. "
            "Priya Raman joined them. Raman spoke.\n")
    assert [a.match for a in lint_text(text, [NEWSROOM["newsroom.first-reference"]], path="story.txt")] == [
        "Priya Raman"
    ]


def test_an_executive_named_as_a_body_is_no_office():
    assert flagged("newsroom.office-without-holder", "The Health and Safety Executive said it was trying.") == []


# -- read on BBC and PolNeAR dev (issue 12, third pass) ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a no-break space between the title and the name
        "Alabama Sen.\u00a0Jeff Sessions caused a stir on Sunday. Sessions endorsed the governor.",
        "Take Idaho Republican Sens.\u00a0Mike Crapo and Jim Risch. Crapo and Risch backed the nominee.",
        # a body's possessive before the name
        "The paper's Robert Costa had reported the story in June. Costa stood by it.",
        "As RealClearPolitics’ David Byler pointed out, the rules are loose. Byler counted the delegates.",
        # a role whose words run into the name
        '"Now the real negotiation begins," director of telecoms research Tony Lavender said. Lavender expects a deal.',
        # a role within an aside after the name, set off by commas or dashes
        "Jack Dorsey, recently named the company's chief executive, wants growth. Dorsey hired two engineers.",
        "Rob Partridge - the band's former head of press - remembers the tour. Partridge met the band in 1972.",
        # the name follows "for", "of" and a body
        '"The impact is small," wrote Cameron Easley for Morning Consult. Easley studies polls.',
        "As Gavin Cox of the excellent buildyourown website put it, the box is small. Cox builds computers.",
        # credits: a quotation's and a digest item's authors
        "\u201cWe are tired of it.\u201d \u2015\u00a0Jorge Falcon \u201cMaybe we can vote.\u201d \u2015 Ana Ruiz.",
        "TOO EARLY - Mark Blumenthal and Jon Cohen: \u201cThe polls were not wrong.\u201d Blumenthal wrote more.",
        # a role object with "a" brings in the person the next sentence names
        "AstraZeneca has appointed a new executive director. John Patterson will run drug development. Patterson starts in May.",
        # a figure, not the person
        "He has been called the Ed Sullivan of podcasting by fans. Sullivan never met him.",
        # a band, a company or a work the story never shortens
        "Iron Maiden will tour the country in May. Iron Maiden sold out in an hour.",
        "The venture, Millennium Alcobev, will be merged with United. Millennium Alcobev sells beer.",
    ],
)
def test_a_role_said_in_these_ways_or_no_person_at_all_is_no_first_reference_to_flag(text):
    assert flagged("newsroom.first-reference", text) == []


def test_a_name_no_word_of_which_is_written_in_lower_case_stays_a_person():
    # "Priya" is in no list: an unseen given name is not taken for a word
    assert flagged("newsroom.first-reference", "Priya Raman joined the talks on Friday. Priya Raman left.") == ["Priya Raman"]


def test_a_fixture_makes_a_sports_story():
    text = ("Worcester v Sale. They make one change, with Tim Collier in the second row. "
            "Sale are missing 14 players from their squad through injuries. John Payne comes in. Payne is fit.")
    assert flagged("newsroom.first-reference", text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a live blog: each entry introduces afresh
        "Priya Raman, a marine biologist, spoke. Raman hired two divers.\n\n9:45 p.m.\n\nPriya Raman said the work had begun.",
        "Ted Cruz, the senator, spoke. Cruz left.\n\nFebruary 6, 2016 10:20PMTed Cruz Answers Critics\n\nTed Cruz said he would stay.",
        # a photo caption
        "George Zimmerman, a former watchman, spoke. Zimmerman left. Reuters. George Zimmerman (left) in court.",
        # a name that qualifies a role
        "Priya Raman, a marine biologist, spoke. Raman hired two divers. Reporters asked Priya Raman campaign manager Ana Ruiz.",
        # a work the recognizer took for a person, shortened to a place
        "Hotel Rwanda, a film about the genocide, won. Rwanda was the setting. Hotel Rwanda was shot in South Africa.",
        # a reader's comment or a column: first person outside quotations
        "Michael Howard, the Tory leader, spoke. Howard left.\n\nWe all remember Michael Howard's protests about the wage.",
    ],
)
def test_a_full_name_in_a_new_entry_a_caption_a_modifier_or_a_comment_is_no_later_reference(text):
    assert flagged("newsroom.later-reference", text) == []


def test_a_full_name_again_in_the_same_entry_is_still_flagged():
    text = "Priya Raman, a marine biologist, spoke. Raman hired two divers. Priya Raman said the work had begun."
    assert flagged("newsroom.later-reference", text) == ["Priya Raman"]


@pytest.mark.parametrize(
    "text",
    [
        # brothers go by their given names
        "Anil Ambani, a tycoon, quit the board. Ambani and his brother Mukesh feuded. Anil has stepped down as director.",
        # a nickname with "the"
        "Donald Trump, the nominee, spoke. Trump left. Here are nine things the Donald has said about trade.",
        # a quotation whose marks were lost
        'Arsene Wenger, the Arsenal boss, said: "Freddie Ljungberg is fit. Ljungberg trained.\n\nFreddie is an option but we need a striker.',
        # part of a joined name, no given name: its fix "Glass-Act" would garble the law's name
        "Could the Glass-Steagall Act -- the Depression-era banking law -- return? Both platforms call for "
        "restoring the landmark 1933 law. Glass-Steagall aimed to protect the common folk who deposited money in their banks.",
    ],
)
def test_a_given_name_among_kin_in_a_nickname_or_a_speakers_words_is_no_later_reference(text):
    assert flagged("newsroom.later-reference", text) == []


def test_a_middle_name_given_or_not_is_one_person_not_two_to_confuse():
    text = ("Rep. Alan Mark Grayson spoke on Monday. Alan Grayson, a Democrat, denied the claims. "
            "Grayson said the charges were false.")
    assert flagged("newsroom.ambiguous-reference", text) == []


def test_a_club_is_no_person_sharing_a_surname():
    text = ("Manchester United face Exeter, while Aston Villa were drawn against Sheffield United. "
            "United must travel on Saturday.")
    assert flagged("newsroom.ambiguous-reference", text) == []


def test_the_executive_alone_is_a_body_not_an_office_without_holder():
    text = "The Scottish National Party says the issue should be decided in Scotland and believes the executive is shirking."
    assert flagged("newsroom.office-without-holder", text) == []


def test_a_speaker_credited_after_a_quotation_with_a_role_is_a_person():
    # the shared seed article: "– Wang Yiwei, Director of ..." introduces a speaker, not a run-on credit
    text = ("\u201cThe US is not the dominant power anymore,\u201d \u2013 Wang Yiwei, director of the institute. "
            "Wang Wen, another expert in international affairs, disagrees. "
            "\u201cUpholding the spirit of equality,\u201d \u2013 Wang adds.")
    assert flagged("newsroom.ambiguous-reference", text) == ["Wang"]


# -- read on BBC and PolNeAR dev (issue 12, fifth pass) -----------------------------


def test_an_arts_story_names_its_performers_by_their_work():
    text = ("Nominated actors were named on Monday. The comedy drama leads with nine. Priya Raman rises above her "
            "costume and Tom Reyes gives it grit. Raman starred in it.")
    assert flagged("newsroom.first-reference", text) == []


def test_a_story_with_one_word_of_the_arts_still_wants_a_role():
    text = "The drama was shown at the summit. Priya Raman rises above the noise and Tom Reyes gives it grit. Raman left."
    assert flagged("newsroom.first-reference", text) == ["Priya Raman", "Tom Reyes"]


def test_a_body_after_a_comma_says_who_the_speaker_is():
    text = ('"We will be talking more about content brands," said Lena Brooks, from brand communications firm '
            'Northfield Partners. "The reality is that anybody can be a brand." Brooks advises firms.')
    assert flagged("newsroom.first-reference", text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a private person, whom AP identifies by age
        '"It is my last chance to meet an honest politician," said Dana Miles, 31, with her son in tow. Miles voted early.',
        '"He speaks his mind," 19-year-old Tom Reyes echoed. Reyes will vote in May.',
    ],
)
def test_an_age_says_who_a_private_person_is(text):
    assert flagged("newsroom.first-reference", text) == []


def test_a_readers_post_signed_by_its_handle_is_the_readers_words():
    text = ("We asked our followers what they thought of the debate.\n\nPriya Raman won it easily. "
            "Priya was the class act of the night.\n\n@someone.\n\nTom Reyes, a campaign aide, disagreed. Reyes left.\n")
    assert flagged("newsroom.first-reference", text) == []
    assert flagged("newsroom.later-reference", text) == []


def test_a_letters_page_is_in_the_readers_words():
    text = ("Trump lead splits the party.\n\nLETTERS.\n\nIn a rare moment of solidarity, I stand with Priya Raman "
            "on this. Raman is right.\n\nTom Reyes.\n\nDayton, Ohio.\n")
    assert flagged("newsroom.first-reference", text) == []


def test_a_full_name_beside_its_surname_alone_gets_no_fix():
    text = "Priya Raman spoke on Monday. Raman was brief. Priya Raman, they said, will always be Raman."
    assert fixes("newsroom.later-reference", text) == [("Priya Raman", None)]


def test_a_full_name_again_elsewhere_still_gets_the_surname():
    text = "Priya Raman spoke on Monday. Raman, the mayor, was brief. Later Priya Raman left the hall."
    assert fixes("newsroom.later-reference", text) == [("Priya Raman", "Raman")]


def test_a_role_with_its_body_in_the_sentence_before_introduces_the_person_named_next():
    text = ("Markets rose on comments from the energy minister of Ruritania. Dana Miles said output would stay "
            "unchanged. Miles spoke in Vienna.")
    assert flagged("newsroom.first-reference", text) == []


def test_a_role_with_no_body_or_beside_a_name_introduces_nobody_else():
    # no body: "the state chairwoman"; a sentence that names someone: the role may be theirs
    assert flagged("newsroom.first-reference", "Aides met the state chairwoman on Monday. Dana Miles said the "
                   "talks went well. Miles left.") == ["Dana Miles"]
    assert flagged("newsroom.first-reference", "Tom Reyes met the union's president on Monday. Priya Raman said "
                   "little. Raman left.") == ["Tom Reyes", "Priya Raman"]


@pytest.mark.parametrize(
    "caption",
    [
        # the paragraph under a photo's credit line
        "Jane Doe via Getty Images.\n\nGeorge Ward holds up the report at a hearing in June.",
        "John Roe / Reuters.\n\nGeorge Ward holds up the report at a hearing in June.",
        # a caption that closes with its credit
        "George Ward holds up the report at a hearing in June. (JANE DOE/AFP/Getty Images.)",
    ],
)
def test_a_photo_caption_gives_the_full_name(caption):
    # read on PolNeAR (dev): a caption names its people in full whatever the story did before
    story = "George Ward, the inspector, wrote the report. Ward said it was late.\n\n{}\n\nWard said more.\n"
    assert flagged("newsroom.later-reference", story.format(caption)) == []
    # the same paragraph as body copy is a repeated full name
    body = story.format("The hearing was in June.\n\nGeorge Ward holds up the report at a hearing in June.")
    assert fixes("newsroom.later-reference", body) == [("George Ward", "Ward")]


@pytest.mark.parametrize(
    "text, name",
    [
        # the recognizer reads "W. Bush" alone
        ("The mayor held fewer dinners than her predecessors did. George W. Bush and his wife, Laura Bush, hosted a "
         "dinner every week.", "George W. Bush"),
        # initials inside a name after a title
        ("President George H. W. Bush said no. Bush left.", "George H. W. Bush"),
    ],
)
def test_a_name_is_not_cut_at_its_initial(text, name):
    assert name in names(text)


def test_a_numbered_heading_that_is_a_name_alone_is_display_type():
    # a ranking's items open with the person's name ("2. Jane Roe."): each heads what follows, as a headline does
    from lint.people import display_zone

    text = ("Seven candidates remain.\n\n2. Priya Raman.\n\nThe senator leads.\n\n3. Dev Patel (Last week: 4.)\n\n"
            "The surgeon slipped.\n\n4. The party is fracturing.\n")
    doc = parse(text, "story.txt")
    zone = [doc.prose[start:end] for start, end in display_zone(doc)]
    assert zone == ["Seven candidates remain.", "2. Priya Raman.", "3. Dev Patel (Last week: 4.)"]


@pytest.mark.parametrize(
    "text",
    [
        # a role in apposition to "one of ..."
        "In a statement, one of the family's lawyers, Dana Whitfield, said the video shows nothing new. Whitfield left.",
        # a capitalized title a body opens, read on BBC and PolNeAR (dev)
        "But BBC Political Correspondent Anna Meyers said the plan appeared to cause jitters. Meyers left.",
    ],
)
def test_a_role_given_as_one_of_a_group_or_as_a_capitalized_title_describes_the_person(text):
    assert flagged("newsroom.first-reference", text) == []


def test_a_body_whose_staff_the_story_quotes_is_no_person_to_introduce():
    # "Christian" of "Christian Aid" is a given name's shape; the recognizer tags it a descriptor in one
    # sentence and a name in the next, so the charity became a person called "Aid"
    text = ('"Workers will be hard-pressed to cope," Lena Brooks, Christian Aid\'s head of trade policy, said. '
            "Christian Aid called for help. The charity said Christian Aid staff were in Dhaka.")
    assert flagged("newsroom.first-reference", text) == []
    # a person the story shortens is still one to introduce, whoever works for them (a campaign
    # manager would say the person runs for office)
    text = '"Workers will be hard-pressed to cope," Lena Brooks, Dev Patel\'s chief of staff, said. Patel spoke.'
    assert flagged("newsroom.first-reference", text) == ["Dev Patel"]


def test_the_last_word_of_a_place_s_name_is_no_short_reference():
    # read on BBC (dev): "Stepney Green ward" made "Green" a later reference to "Bethnal Green", whose
    # fix would have cut the constituency to "Green"
    text = ("The MP said he would contest Bethnal Green, in London, for the party. It won a seat in a by-election "
            "in St Dunstan's and Stepney Green ward, Tower Hamlets. Other parties have chosen candidates for "
            "Bethnal Green and Bow.")
    assert all(mention == "Bethnal Green" for mentions in names(text).values() for mention in mentions)
    assert flagged("newsroom.later-reference", text) == []


def test_a_name_in_a_photo_credit_is_no_person_to_refer_to():
    # read on PolNeAR (dev): "Orlando Sentinel via Getty Images." made the city's name a given name,
    # and "Orlando grieved" a given name alone with the fix "Sentinel"
    text = ("The senator met families of the victims on Friday.\n\nOrlando Sentinel via Getty Images.\n\n"
            "Senator Dana Ruiz greets Fire Chief Sam Ellery at the station on Friday.\n\nORLANDO GRIEVES\n\n"
            "Orlando grieved for the dead after the fire at the warehouse.\n")
    assert [a.match for a in lint_text(text, [NEWSROOM["newsroom.later-reference"]], path="story.txt")] == []


def test_an_appositive_after_coordinated_names_describes_them_all():
    text = ("Nobody expected it. Laura Kim and Tom Ellis, the two candidates for mayor, met on Friday. "
            "Kim said the race was tight. Ellis agreed.")
    assert flagged("newsroom.first-reference", text) == []
    text = "Nobody expected it. Laura Kim and Tom Ellis met on Friday. Kim said the race was tight. Ellis agreed."
    assert flagged("newsroom.first-reference", text) == ["Laura Kim", "Tom Ellis"]


def test_an_unspaced_em_dash_or_a_role_noun_opens_an_aside_that_describes():
    for text in (
        "Nobody expected it. Ana Ruiz—the city's former treasurer—won the seat. Ruiz thanked voters.",
        "Nobody expected it. Ana Ruiz, outreach coordinator for the Harbour Trust, said the plan would fail. "
        "Ruiz said so twice.",
    ):
        assert flagged("newsroom.first-reference", text) == [], text


def test_a_well_known_name_is_a_house_choice():
    # AP's default: a name the desk's readers know gets a title too
    text = "Nobody expected it. Tony Blair defended the plan on Friday. Blair said it would work."
    assert flagged("newsroom.first-reference", text) == ["Tony Blair"]
    skip = make_rule("""
        extends: person
        message: "%s"
        problem: first-reference
        well-known: skip
    """)
    assert [a.match for a in lint_text(text, [skip], path="story.md")] == []
    other = text.replace("Tony Blair", "Tony Blaine").replace("Blair", "Blaine")
    assert [a.match for a in lint_text(other, [skip], path="story.md")] == ["Tony Blaine"]


def test_an_archives_labelled_abstract_is_display_copy():
    text = ("Mayor pledges new bridge\n\nABSTRACT.\n\nLaura Kim promised a new bridge.\n\nFULL TEXT.\n\n"
            "Mayor Laura Kim promised on Friday to build a new bridge. Kim said work would start in May.\n")
    assert [a.match for a in lint_text(text, [NEWSROOM["newsroom.later-reference"]], path="story.txt")] == []
    doc = parse(text, "story.txt")
    kim = next(p for p in model(doc).people if p.words == ("Laura", "Kim"))
    assert doc.prose[kim.first_reference.start : kim.first_reference.end + 12] == "Laura Kim promised on"
    # no closing label: no abstract
    text = text.replace("FULL TEXT.", "Full story.")
    doc = parse(text, "story.txt")
    kim = next(p for p in model(doc).people if p.words == ("Laura", "Kim"))
    assert doc.prose[kim.first_reference.start : kim.first_reference.end + 12] == "Laura Kim promised a "


def test_a_qualified_role_the_sentence_points_to_serves_a_first_reference_only():
    text = ("Polls are close. Tom Ellis has strong support, which puts the Texas senator second. Ellis said so. "
            "Later, Tom Ellis spoke again.")
    assert flagged("newsroom.first-reference", text) == []
    assert flagged("newsroom.later-reference", text) == ["Tom Ellis"]
    # "the police": no role of one person
    text = "Polls are close. Tom Ellis called the police. Ellis said so."
    assert flagged("newsroom.first-reference", text) == ["Tom Ellis"]


def test_a_first_reference_in_the_writers_own_voice_is_left_alone():
    text = "Nobody expected it. I told Laura Kim that the plan would fail. Kim said so."
    assert flagged("newsroom.first-reference", text) == []
    assert flagged("newsroom.first-reference", text.replace("I told", "Tom told")) == ["Laura Kim"]


def test_a_role_noun_and_a_comma_before_the_name_describe_it():
    text = ("The finale airs in May. The show's co-producer, Carol Mendelsohn, said the episode would be dark. "
            "Mendelsohn said so.")
    assert flagged("newsroom.first-reference", text) == []
    text = "The finale airs in May. On Friday, Carol Mendelsohn said the episode would be dark. Mendelsohn said so."
    assert flagged("newsroom.first-reference", text) == ["Carol Mendelsohn"]
    # a noun that only ends like a role ("-ist") describes nobody
    text = "The finale airs in May. In a pernicious twist, Carol Mendelsohn said the episode would be dark. Mendelsohn said so."
    assert flagged("newsroom.first-reference", text) == ["Carol Mendelsohn"]


def test_an_office_in_the_lede_points_to_the_person_the_headline_names():
    text = ("Ruiz defends bridge plan\n\nThe mayor has defended plans for a new bridge, saying it would pay for itself. "
            "The bridge would cost $40 million. Work would start in May. Critics called it costly. Supporters disagreed. "
            "Ms Ruiz told councillors the cost was fair.\n")  # further on than a holder named after an office may be
    rule = [NEWSROOM["newsroom.office-without-holder"]]
    assert [a.match for a in lint_text(text, rule, path="story.txt")] == []
    other = text.replace("Ruiz defends", "Council defends")
    assert [a.match for a in lint_text(other, rule, path="story.txt")] == ["mayor"]


def test_a_name_that_owns_a_company_may_be_a_body():
    from lint.checks.person import _maybe_a_body
    from lint.people import Mention, Person

    def person(text: str, name: str) -> Person:
        starts = [i for i in range(len(text)) if text.startswith(name, i)]
        mentions = [Mention(i, i + len(name), tuple(name.split()), 0, "", None, False, False, True, False) for i in starts]
        return Person(tuple(name.split()), frozenset([name.split()[-1].lower()]), name.split()[0].lower(), mentions=mentions)

    text = "Def Jam said so on Monday. Def Jam's parent company, Universal, made the appointment."
    assert _maybe_a_body(text, person(text, "Def Jam"))
    text = "Laura Kim said so on Monday. Laura Kim's lawyer agreed."
    assert not _maybe_a_body(text, person(text, "Laura Kim"))
    # shortened once, still a company's name
    text = "Def Jam said so on Monday. Jam was founded in 1984. Def Jam's parent company, Universal, agreed."
    found = person(text, "Def Jam")
    found.mentions.append(Mention(text.index("Jam was"), text.index("Jam was") + 3, ("Jam",), 1, "", None, False, False,
                                  True, False))
    assert _maybe_a_body(text, found)


def test_some_of_a_group_in_apposition_describes_coordinated_names():
    text = ("Nobody expected it. Laura Kim and Tom Ellis, two of the three people who survived the crash, "
            "spoke on Friday. Kim said so. Ellis agreed.")
    assert flagged("newsroom.first-reference", text) == []


@pytest.mark.parametrize(
    "text, other",
    [
        # the agent of what names a role: a group led, a work written
        ("The defence team is large. His lawyers, led by Bruce Cutler, filed a motion. Cutler said so.",
         "The defence team is large. His lawyers met Bruce Cutler and filed a motion. Cutler said so."),
        ("The row grew. The claims appear in a new book by Robert Peston. Peston said so.",
         "The row grew. The claims were denied by Robert Peston. Peston said so."),
        # a writer and where they wrote; a reporter's credit
        ('The row grew. "It is a mess," wrote Ben Jacobs in The Guardian. Jacobs added more.',
         'The row grew. "It is a mess," said Ben Jacobs on Monday. Jacobs added more.'),
        ("The row grew. But as Liz Kreutz points out in a column on Yahoo News, interviews help. Kreutz said so.",
         "The row grew. But as Liz Kreutz points out in a speech on Monday, interviews help. Kreutz said so."),
        ("The row grew. She became the first to speak, Isaac Stanley-Becker reports. Stanley-Becker added more.",
         "The row grew. She became the first to speak, Isaac Stanley-Becker says. Stanley-Becker added more."),
        # the body the person speaks for
        ("The row grew. For the Welsh Liberal Democrats, Kirsty Williams said the plan was wrong. Williams added more.",
         "The row grew. For years, Kirsty Williams said the plan was wrong. Williams added more."),
        # a part played
        ("The film is out. Oprah Winfrey will voice a goose in the film. Winfrey said so.",
         "The film is out. Oprah Winfrey will watch a goose in the film. Winfrey said so."),
        ("The film is out. In it Kevin Spacey played a man on Death Row. Spacey said so.",
         "The film is out. In it Kevin Spacey played a key role. Spacey said so."),
        # an office held or a race run, which the possessive names
        ("The plan grew. In the waning months of Barack Obama's presidency, allies are testing him. Obama said so.",
         "The plan grew. In the waning months of Barack Obama's holiday, allies are testing him. Obama said so."),
        ("The plan grew. Donors met at a gathering for Mitt Romney's 2012 campaign. Romney said so.",
         "The plan grew. Donors met at a gathering for Mitt Romney's friends. Romney said so."),
        # a bid may be a takeover's: which race, the words before it say
        ("The plan grew. Donors met at a gathering for Mitt Romney's 2012 bid. Romney said so.",
         "The plan grew. Donors met at a gathering for Mitt Romney's bid. Romney said so."),
        # a body named after the last of several names is all of theirs
        ("The row grew. Stephen Cohen and Bradford DeLong of the University of California suggest it was wrong. "
         "Cohen said so.",
         "The row grew. Stephen Cohen and Bradford DeLong suggest it was wrong. Cohen said so."),
    ],
)
def test_a_role_given_in_another_form_describes_the_first_reference(text, other):
    assert flagged("newsroom.first-reference", text) == []
    assert flagged("newsroom.first-reference", other) != []


@pytest.mark.parametrize(
    "text, flagged_names",
    [
        # an event long before the latest year the story reaches places its figure
        ("Labour won in 2005. Labour lost in 1970 when Ted Heath won the election. Heath said so.", []),
        ("Labour won in 1975. Labour lost in 1970 when Ted Heath won the election. Heath said so.", ["Ted Heath"]),
        # a target year ("by 2020") is no time the story has reached
        ("Labour hopes to win by 2020. Labour lost in 2005 when Ted Heath won the election. Heath said so.", ["Ted Heath"]),
        ("Armenia fell in 2016. In the 1920s, Joseph Stalin's attempts failed. Stalin said so.", []),
    ],
)
def test_a_figure_of_an_event_long_past_needs_no_title(text, flagged_names):
    assert flagged("newsroom.first-reference", text) == flagged_names


def test_a_name_closing_a_work_title_or_naming_a_building_is_no_person():
    assert names("The chart is out. Her album The Diary of Alicia Keys sold well.") == {}
    assert names("Fox News anchor Megyn Kelly was seen entering Trump Tower in New York City.") == {
        "Megyn Kelly": ["Megyn Kelly"]
    }
    # a title before "of" is an office, not a work
    assert list(names("The Duke of Westminster met Laura Kim on Friday.")) == ["Laura Kim"]


def test_only_old_years_make_a_figure_of_history():
    text = ("Trump leads in 2016. Bush won Florida by 20 points in 1988, and Barack Obama won it in 2008 and 2012. "
            "Obama said so.")
    assert flagged("newsroom.first-reference", text) == ["Barack Obama"]


def test_a_possessive_that_owns_an_office_or_a_work_describes_a_first_reference_only():
    text = "The chart is out. Franz Ferdinand's self-titled album was third. Franz Ferdinand said so."
    assert flagged("newsroom.first-reference", text) == []
    # a repeated full name is still one, whatever it owns
    text = ("The awards are near. Mike Leigh was nominated. The film is by Leigh. Staunton starred in Mike Leigh's "
            "film. Leigh said so.")
    assert flagged("newsroom.later-reference", text) == ["Mike Leigh"]


def test_a_relative_named_by_kin_just_before_is_identified():
    text = ("Disney faced questions. A subsidiary employed the wife of Disney director John Bryson. "
            "Louise Bryson remains with Lifetime. Bryson said so.")
    assert flagged("newsroom.first-reference", text) == []
    # no kin word: the shared surname alone says nothing of who she is
    text = ("Disney faced questions. A subsidiary employed Disney director John Bryson. "
            "Louise Bryson remains with Lifetime. Louise Bryson said so.")
    assert flagged("newsroom.first-reference", text) == ["Louise Bryson"]


@pytest.mark.parametrize("after, flagged_names", [
    ("The 45-year-old, a lawyer from Leeds, said it was unfair.", []),
    ("The 45-year-old is a lawyer.", []),
    ("It was unfair, friends said.", ["Laura Kim"]),
])
def test_an_age_opening_the_next_sentence_identifies_a_private_person(after, flagged_names):
    text = f"The case grew. Laura Kim was arrested on Monday in Leeds, police said. {after} Kim added more."
    assert flagged("newsroom.first-reference", text) == flagged_names


def test_an_office_in_his_or_her_hands_is_the_subject_s_when_nobody_else_is_named():
    text = "The race is on. Jeb Bush said he had halted paid speeches before his presidential bid. Bush said so."
    assert flagged("newsroom.first-reference", text) == []
    text = ("The race is on. Jeb Bush said that Peyton Manning was supporting him in his presidential campaign. "
            "Bush said so. Manning said so.")
    assert flagged("newsroom.first-reference", text) == ["Jeb Bush", "Peyton Manning"]


def test_a_role_two_sentences_back_introduces_the_name_that_credits_a_quotation():
    text = ('The row grew. An EU spokesman in Washington dismissed the complaint. "We think the case is weak. '
            'They have no evidence," said Anthony Gooch. Gooch added more.')
    assert flagged("newsroom.first-reference", text) == []
    # no quotation: two sentences back is someone else
    text = ("The row grew. An EU spokesman in Washington dismissed the complaint. The talks went on for hours. "
            "Anthony Gooch left early. Gooch added more.")
    assert flagged("newsroom.first-reference", text) == ["Anthony Gooch"]


@pytest.mark.parametrize("text, other", [
    ("Donors gave more. The presidential campaign of Hillary Clinton galvanized donors. Clinton said so.",
     "Donors gave more. The friends of Hillary Clinton galvanized donors. Clinton said so."),
    ("The vote is near. Voters back President Obama's nomination of Merrick Garland to the court. Garland said so.",
     "The vote is near. Voters back President Obama's praise of Merrick Garland on the court. Garland said so."),
    # a campaign or a candidacy is a candidate's, whatever the race
    ("Donors gave more. The independent candidacy of Hillary Clinton galvanized donors. Clinton said so.",
     "Donors gave more. The independent friends of Hillary Clinton galvanized donors. Clinton said so."),
    ("The plan grew. Donors met at a gathering for Mitt Romney's campaign. Romney said so.",
     "The plan grew. Donors met at a gathering for Mitt Romney's friends. Romney said so."),
    ("The plan grew. Donors moved from Mitt Romney's campaign to his rival's. Romney said so.",
     "The plan grew. Donors moved from Mitt Romney's friends to his rival's. Romney said so."),
    # a race's aim after the campaign ("to win", "to become") is no cause's
    ("The plan grew. Donors backed Mitt Romney's campaign to win the mayoralty. Romney said so.",
     "The plan grew. Donors backed Mitt Romney's friends to win the mayoralty. Romney said so."),
    # every name the of-phrase coordinates owns one
    ("Donors gave more. The campaigns of Hillary Clinton and Bernie Sanders galvanized donors. Clinton and Sanders said so.",
     "Donors gave more. The friends of Hillary Clinton and Bernie Sanders galvanized donors. Clinton and Sanders said so."),
])
def test_an_office_race_or_nomination_of_the_name_describes_it(text, other):
    assert flagged("newsroom.first-reference", text) == []
    assert flagged("newsroom.first-reference", other) != []


def test_a_campaign_managers_boss_runs_for_office():
    text = '"Workers will be hard-pressed to cope," Lena Brooks, Dev Patel\'s campaign manager, said. Patel spoke.'
    assert flagged("newsroom.first-reference", text) == []


@pytest.mark.parametrize("text", [
    # a campaign that is not the name's own
    "The row grew. Jane Roe's mother campaigns against knife crime. Roe said so.",
    "The row grew. Voters saw a campaign poster of Jane Roe. Roe said so.",
    # a cause's campaign, which its kind or its aim says
    "The row grew. Jane Roe's campaign against knife crime began. Roe said so.",
    "The row grew. Jane Roe's campaign to ban plastic bags began. Roe said so.",
    "The row grew. Jane Roe's smear campaign began. Roe said so.",
    "The row grew. Voters saw the smear campaign of Jane Roe. Roe said so.",
    "The row grew. Voters saw the campaign of Jane Roe against knife crime. Roe said so.",
    # the aim after the name, in subject position too
    "The row grew. The campaign of Jane Roe against knife crime began in May. Roe said so.",
    "The row grew. Voters saw the campaign of Jane Roe to ban plastic bags. Roe said so.",
])
def test_a_campaign_for_a_cause_or_someone_elses_says_nothing_of_the_name(text):
    assert flagged("newsroom.first-reference", text) == ["Jane Roe"]


def test_a_body_first_in_a_list_lends_its_campaign_to_nobody():
    text = "The row grew. Voters saw the campaigns of Oxfam and Jane Roe. Roe said so."
    assert flagged("newsroom.first-reference", text) == ["Jane Roe"]
    assert flagged("newsroom.first-reference", text.replace("Oxfam", "Hillary Clinton")) == []


def test_a_relation_to_someone_named_is_a_role():
    text = ("A close associate of former Yukos boss Mikhail Khodorkovsky has told a court that the charges are false. "
            "Platon Lebedev has been on trial since June. Lebedev said so.")
    assert flagged("newsroom.first-reference", text) == []
    text = "The trial opened. Platon Lebedev, a longtime colleague of the tycoon, has been on trial. Lebedev said so."
    assert flagged("newsroom.first-reference", text) == []


def test_a_role_before_a_name_set_off_by_dashes_describes_it_wherever_the_parser_ends_the_sentence():
    text = "The row grew. Some 63% of respondents thought his former lover - Kimberly Quinn - acted vindictively. Quinn said so."
    assert flagged("newsroom.first-reference", text) == []
    text = "The row grew. Some 63% of respondents thought that Kimberly Quinn acted vindictively. Quinn said so."
    assert flagged("newsroom.first-reference", text) == ["Kimberly Quinn"]


@pytest.mark.parametrize("text, flagged_names", [
    ('The study is out. "People can learn it," said Jonathan Wolpaw and Dennis McFarlane. The research team, from '
     "the University of New York, said more. Wolpaw added more.", []),
    # one name: "the team" may be anyone's
    ('The study is out. "People can learn it," said Jonathan Wolpaw. The research team, from the University of '
     "New York, said more. Wolpaw added more.", ["Jonathan Wolpaw"]),
])
def test_a_group_opening_the_next_sentence_describes_the_names_that_make_it(text, flagged_names):
    assert flagged("newsroom.first-reference", text) == flagged_names


def test_a_who_clause_saying_both_describes_every_coordinated_name():
    text = ("Senators are split. Lindsey Graham and David Perdue, who are both on the Judiciary Committee, said it "
            "would be wrong. Graham said so. Perdue agreed.")
    assert flagged("newsroom.first-reference", text) == []
    text = text.replace("who are both", "who is")
    assert flagged("newsroom.first-reference", text) == ["Lindsey Graham"]


# -- bodies and places the recognizer takes for people -------------------------------


@pytest.mark.parametrize(
    "text, body",
    [
        # a name that runs on through a capitalized small word is a campaign's, in title case
        ("Critics argue the law goes too far. Leeds Unite Against Racism is meeting this week to plan a campaign.",
         "Unite Against Racism"),
        # a name that ends in a body's word ("Foundation", "Institute", "Fund") is the body's
        ("He has given away only $2.8 million through his Donald J. Trump Foundation, and records show "
         "no gifts from Trump since 2008.", "Donald J. Trump Foundation"),
        # a name introduced as a place
        ("Campaigners gathered on Monday. The Brazilian town of Ponta Grossa will host the rival forum next week.",
         "Ponta Grossa"),
        # a name owning what only a business owns
        ("Stars turned out in force. Loud Harbor's parent company, Universal, made the appointment after buying "
         "the label. Loud Harbor's artists include several stars.", "Loud Harbor"),
    ],
)
def test_bodies_and_places_are_no_people(text, body):
    assert body not in names(text)
    assert flagged("newsroom.first-reference", text) == []
    assert flagged("newsroom.later-reference", text) == []


@pytest.mark.parametrize(
    "text, body",
    [
        ("The charity spoke out. Jane Roe, Grace Relief's head of policy, said relief would not arrive soon.",
         "Grace Relief"),
        ("Bands on the list include Maiden Priest and Motorhead. A priest at the church objected.", "Maiden Priest"),
    ],
)
def test_a_name_whose_last_word_the_story_uses_as_a_common_noun_is_a_body(text, body):
    assert body not in names(text)


def test_a_body_named_for_a_person_is_not_a_relative_of_theirs():
    text = ("Eric Trump said the gifts were made. He gave $2.8 million through his Donald J. Trump Foundation. "
            "Donald Trump said no. Trump said it again.")
    assert names(text).keys() == {"Eric Trump", "Donald Trump"}


@pytest.mark.parametrize(
    "text",
    [
        "Priya Raman's company made a loss last year, and the board met on Monday.",  # a person owns a company
        "Voters in New York, the state of Priya Raman's younger years, met her on Monday.",  # a possessor after "of"
    ],
)
def test_a_person_owning_a_company_or_after_a_place_word_is_still_a_person(text):
    assert "Priya Raman" in names(text)


def test_a_name_spelled_with_an_html_character_reference_in_plain_text_is_one_titled_name():
    # BBC copy: "Jos&#233;" broke the name, so its title was not read as its own
    text = "EC President Jos&#233; Manuel Barroso said the deal was close. Barroso added that talks would go on.\n"
    doc = parse(text, "story.txt")
    built = model(doc)
    assert [" ".join(p.words) for p in built.people] == ["José Manuel Barroso"]
    assert built.people[0].mentions[0].title == "EC President"
    assert [a.match for a in lint_text(text, [NEWSROOM["newsroom.first-reference"]], path="story.txt")] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a defendant and a victim: the case says who a private person is
        ("Dylann Roof is accused of killing nine people in a church. Roof said nothing.", []),
        ("William Trowbridge and Michael Chicoine pleaded guilty to charges that they shared music. Trowbridge "
         "said nothing.", []),
        ("The producer shot and killed Lana Clarkson in 2003. Clarkson's family sued.", []),
        # a public figure's office still wants saying
        ("David Blunkett has been accused of using the politics of confusion. Blunkett said nothing.", ["David Blunkett"]),
        # the killer is no victim
        ("Phil Spector shot and killed Lana Clarkson in 2003. Spector said nothing.", ["Phil Spector"]),
    ],
)
def test_first_reference_reads_a_defendant_or_a_victim_as_a_role(text, expected):
    assert flagged("newsroom.first-reference", text) == expected


def test_a_story_mostly_in_its_writers_first_person_is_left_to_their_voice():
    # a page of readers' comments: the one comment not in the first person is a reader's too
    comments = [
        "I think the song was never the best of the last 25 years, and I am sure of it.",
        "My children sing it every day, so I cannot say we are tired of it yet at all.",
        "We voted for Joy Division and our whole office was shocked at the result today.",
        "I have nothing against the singer, but the vote was a bargaining tool for the labels.",
    ]
    story = "Robbie Williams won the vote for best song on Monday night in London. Williams said he was proud.\n\n" \
        "All credit to Robbie Williams and Guy Chambers for writing such a lasting tune together.\n\n"
    assert flagged("newsroom.later-reference", story) == ["Robbie Williams"]
    assert flagged("newsroom.later-reference", story + "\n\n".join(comments) + "\n") == []
    # half of them is not most: one comment among reported paragraphs
    reported = "\n\n".join(["The chart was compiled by the station from the votes of its listeners."] * 4)
    assert flagged("newsroom.later-reference", story + comments[0] + "\n\n" + reported + "\n") == ["Robbie Williams"]


def test_a_match_report_the_copy_type_reads_as_sports_names_its_players_bare():
    # one word of the people model's sports list ("goalkeeper" here is not even there): the scoreline says it
    report = ("Liverpool were held to a 1-1 draw at Fratton Park. Dudek fumbled a cross before Lomana LuaLua headed "
              "home, levelling after Steven Gerrard put Liverpool ahead. Gerrard said the result was fair.")
    assert not people(report)[1].sports
    assert flagged("newsroom.first-reference", report) == []
    without_score = report.replace("Liverpool were held to a 1-1 draw at Fratton Park. ", "")
    assert flagged("newsroom.first-reference", without_score) == ["Steven Gerrard"]


def test_a_question_to_the_reader_is_no_later_reference():
    story = ("Donald Trump spoke in Iowa on Sunday. Trump said the country would win. {} "
             "Trump said he would return next week.")
    assert flagged("newsroom.later-reference", story.format("Do you support Donald Trump? Like the page.")) == []
    assert flagged("newsroom.later-reference", story.format("Many voters support Donald Trump.")) == ["Donald Trump"]


# -- read on BBC and PolNeAR dev (issue 12, fifth pass) ----------------------------


def test_a_role_phrase_before_the_name_and_its_comma_says_who_the_person_is():
    text = ("The company and France's secretary of state for the elderly, Pascale Boistard, confirmed the news. "
            "Boistard spoke later.")
    assert flagged("newsroom.first-reference", text) == []
    # a phrase hanging on a verb or opening with a preposition holds someone else's role
    assert flagged("newsroom.first-reference", "Shares fell after talks with the secretary of state for health, "
                   "Priya Raman said on Monday. Raman left.") == ["Priya Raman"]


@pytest.mark.parametrize(
    "text",
    [
        "Vocalist and guitarist Priya Raman will appear on Thursday. Raman chose the songs.",
        "The firm hired chemist and engineer Priya Raman last year. Raman left in May.",
    ],
)
def test_two_roles_joined_before_the_name_say_who_the_person_is(text):
    assert flagged("newsroom.first-reference", text) == []


def test_a_body_or_people_brought_in_by_an_article_or_a_number_are_the_next_sentence_subject():
    assert flagged("newsroom.first-reference", "Shares rose, according to research from a City investment bank. "
                   "Dresdner Kleinwort Wasserstein said the cuts were early. Wasserstein expects more.") == []
    assert flagged("newsroom.first-reference", "LVMH refused to comment. But one of the three brothers behind the "
                   'Falic Group said the firm had held talks. "We are buying his name," Simon Falic told Reuters. '
                   "Falic smiled.") == []
    # "a man", with nothing to say which: no one in particular
    assert flagged("newsroom.first-reference", "He said marriage is between a man and a woman. Caitlyn Jenner "
                   "visited the tower on Monday. Jenner smiled.") == ["Caitlyn Jenner"]
    # "a gay man", "a young man": a man, however qualified, says nothing of who is named next
    for man in ("A gay man from Ohio", "A young man"):
        assert flagged("newsroom.first-reference", f"{man} spoke at the rally on Monday. Hillary Clinton visited "
                       "the town. Clinton smiled.") == ["Hillary Clinton"]


def test_a_role_in_the_headline_is_the_person_the_lede_opens_with():
    lede = "\n\nKen Livingstone should not apologise, Tory MP Boris Johnson has insisted. Livingstone refused.\n"
    assert [a.match for a in lint_text("Boris opposes mayor apology" + lede, [NEWSROOM["newsroom.first-reference"]],
                                       path="story.txt")] == []
    # a title before a name is that person's; a headline with no role says nothing of the lede's person
    for headline in ("Mayor Jones opposes apology", "Budget talks resume"):
        assert [a.match for a in lint_text(headline + lede, [NEWSROOM["newsroom.first-reference"]],
                                           path="story.txt")] == ["Ken Livingstone"]


def test_a_kin_word_later_in_the_sentence_identifies_a_relative():
    story = ("Guitarist Richard Edwards vanished in 1995. Edwards was never found. Graham and Sherry Edwards flew to "
             "the island after reports that a man fitting {} description had been seen.")
    assert flagged("newsroom.first-reference", story.format("their son's")) == []
    assert flagged("newsroom.first-reference", story.format("the")) == ["Sherry Edwards"]


@pytest.mark.parametrize("text, credential", [
    ("However, one analyst, speaking anonymously, said the plan was sound.", "one analyst"),
    ("Still, one expert, who asked not to be named, said the plan was sound.", "one expert"),
    ("Prices rose in London, an expert on housing, said the plan was sound.", "an expert on housing"),
])
def test_a_vague_credential_after_an_opening_word_is_still_vague(text, credential):
    # a capitalised word and a comma before it name nobody
    assert flagged("newsroom.vague-credential", text) == [credential]
