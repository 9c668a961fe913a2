"""Parsing drafts into prose with exact positions back to the file."""

import pytest

from lint.document import find_quotes, parse
from lint.engine import lint_text
from lint.rule import build_rule
from lint.yamlsrc import load_yaml


def rule_for(tokens, **extra):
    spec = {"extends": "existence", "message": "'%s'", "tokens": tokens, **extra}
    return build_rule(load_yaml(_dump(spec), "t.yml"), "test.rule", "test", "t.yml")


def _dump(spec):
    import yaml

    return yaml.safe_dump(spec)


def located(source, path, tokens, **extra):
    """(matched source text, line, column, end_line, end_column) of each alert."""
    alerts = lint_text(source, [rule_for(tokens, **extra)], path)
    for a in alerts:
        assert source[a.start : a.end] == a.match or a.match not in source, a
    return [(source[a.start : a.end], a.line, a.column, a.end_line, a.end_column) for a in alerts]


def test_plain_text_offsets_are_file_offsets():
    source = "First line here.\nExperts agree on this.\n"
    assert located(source, "a.txt", ["Experts agree"]) == [("Experts agree", 2, 1, 2, 14)]


def test_crlf_counts_carriage_returns():
    source = "Line one.\r\n\r\nThen experts agree.\r\n"
    alert = lint_text(source, [rule_for(["experts agree"])], "a.txt")[0]
    assert (alert.start, alert.end) == (18, 31)
    assert source[alert.start : alert.end] == "experts agree"
    assert (alert.line, alert.column) == (3, 6)


def test_non_ascii_columns_count_characters():
    source = "Émilie Ünal said “experts agree” today.\n"
    assert located(source, "a.txt", ["experts agree"]) == [("experts agree", 1, 19, 1, 32)]


def test_tabs_count_as_one_column():
    source = "Say\tExperts agree.\n"
    assert located(source, "a.md", ["Experts agree"]) == [("Experts agree", 1, 5, 1, 18)]
    assert located(source, "a.txt", ["Experts agree"]) == [("Experts agree", 1, 5, 1, 18)]


def test_hard_wrapped_text_matches_across_the_line_break():
    source = "The board said that many\nexperts agree with the plan.\n"
    assert located(source, "a.txt", ["many experts agree"]) == [("many\nexperts agree", 1, 21, 2, 14)]


def test_front_matter_is_skipped_and_exposed():
    source = "---\ntitle: Experts agree\nbyline: Jo Lee\n---\nBody: experts agree.\n"
    doc = parse(source, "a.md")
    assert doc.front_matter == {"title": "Experts agree", "byline": "Jo Lee"}
    assert located(source, "a.md", ["experts agree"], ignorecase=True) == [("experts agree", 5, 7, 5, 20)]
    title = located(source, "a.md", ["Experts agree"], scope="frontmatter.title")
    assert title == [("Experts agree", 2, 8, 2, 21)]


def test_front_matter_fields_of_any_scalar_type_are_scopes():
    source = "---\ndate: 2026-11-27\nheadline: 'Fare freeze'  # working title\ntags: [a, b]\n---\nBody.\n"
    doc = parse(source, "a.md")
    fields = {b.name: doc.prose[b.start : b.end] for b in doc.blocks if b.kind == "frontmatter"}
    assert fields == {"date": "2026-11-27", "headline": "Fare freeze"}
    assert located(source, "a.md", ["Fare"], scope="frontmatter.headline") == [("Fare", 3, 12, 3, 16)]


def test_markdown_code_urls_and_comments_are_not_prose():
    source = (
        "# Experts agree\n\n"
        "Run `experts agree` now.\n\n"
        "```\nexperts agree\n```\n\n"
        "    experts agree (indented code)\n\n"
        "<!-- experts agree -->\n\n"
        "See https://example.com/experts-agree and <https://experts.agree/>.\n"
    )
    doc = parse(source, "a.md")
    assert "experts agree" not in doc.prose
    assert located(source, "a.md", ["Experts agree"]) == [("Experts agree", 1, 3, 1, 16)]


def test_markdown_markup_between_words_is_transparent():
    source = "Some **experts** agree, and *many* [analysts](http://x.y) concur.\n"
    assert located(source, "a.md", ["experts agree"]) == [("experts** agree", 1, 8, 1, 23)]
    assert located(source, "a.md", ["analysts concur"]) == [("analysts](http://x.y) concur", 1, 37, 1, 65)]


def test_escapes_and_entities_map_to_their_source():
    source = "Fish &amp; chips \\*really\\* say experts agree.\n"
    found = located(source, "a.md", ["experts agree", "&"], nonword=True)
    assert ("experts agree", 1, 33, 1, 46) in found
    assert ("&", 1, 6, 1, 7) in found


def test_plain_text_html_character_references_are_decoded_and_map_to_their_source():
    # BBC copy carries them ("Jos&#233; Manuel Barroso"): the prose reads the
    # character, an alert spans the whole reference, and the paragraphs after
    # it keep their places
    source = "EC President Jos&#233; Manuel Barroso said &lt;no&gt;.\n\nExperts agree on it, says Jos&#233;\n"
    doc = parse(source, "a.txt")
    assert doc.prose.startswith("EC President José Manuel Barroso said <no>.")
    assert [doc.prose[b.start : b.end] for b in doc.blocks][1] == "Experts agree on it, says José"
    found = located(source, "a.txt", ["José Manuel", "says José", "Experts agree"])
    assert found == [("Jos&#233; Manuel", 1, 14, 1, 30), ("Experts agree", 3, 1, 3, 14), ("says Jos&#233;", 3, 22, 3, 36)]
    assert parse("Fish &notanentity; chips\n", "a.txt").prose == "Fish &notanentity; chips\n"


def test_blockquote_and_list_continuations():
    source = "> The panel met.\n> Experts agree it\n> failed.\n\n- one item where\n  experts agree\n"
    found = located(source, "a.md", ["Experts agree", "experts agree"])
    assert found == [("Experts agree", 2, 3, 2, 16), ("experts agree", 6, 3, 6, 16)]


def test_scopes_heading_and_paragraph():
    source = "# Experts agree\n\nExperts agree too.\n"
    assert [a[1] for a in located(source, "a.md", ["Experts agree"], scope="heading")] == [1]
    assert [a[1] for a in located(source, "a.md", ["Experts agree"], scope="paragraph")] == [3]
    assert [a[1] for a in located(source, "a.md", ["Experts agree"], scope="~heading")] == [3]


def test_sentences_keep_abbreviations_together():
    doc = parse("U.S. Treasury Secretary reports suggest a thaw. Officials said so.\n", "a.txt")
    sentences = [doc.prose[s:e] for s, e in doc.sentences]
    assert sentences == ["U.S. Treasury Secretary reports suggest a thaw.", "Officials said so."]


def test_plain_text_paragraph_per_line_and_headings():
    source = "Big Headline Here\nFirst paragraph ends.\nStrategic Objectives of the Meeting\nNext one.\n"
    doc = parse(source, "a.txt")
    assert [(b.kind, doc.prose[b.start : b.end]) for b in doc.blocks] == [
        ("heading", "Big Headline Here"),
        ("paragraph", "First paragraph ends."),
        ("heading", "Strategic Objectives of the Meeting"),
        ("paragraph", "Next one."),
    ]
    # a heading never merges into the sentence after it
    assert "Strategic Objectives of the Meeting" in [doc.prose[s:e] for s, e in doc.sentences]


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("He said “we will win” today.", ["“we will win”"]),
        ('He said "we will win" and "soon."', ['"we will win"', '"soon."']),
        ("It’s Xi’s plan, ‘a good one’ he said.", ["‘a good one’"]),
        ("“An open quote runs to the end", ["“An open quote runs to the end"]),
        ("“Spans. Two sentences,” she said.", ["“Spans. Two sentences,”"]),
        # paragraphs run together: the second paragraph's quote reopens
        ('"It was hard. We stayed. "School went on," he said.', ['"It was hard. We stayed.', '"School went on,"']),
        ("“It was hard. “We stayed,” he said.", ["“It was hard.", "“We stayed,”"]),
        ('She said "no. " Then left.', ['"no. "']),
        ("He said ''we will win'' today.", ["''we will win''"]),
        ('He said ""we will win,"" and left.', ['""we will win,""']),
        ('""We lost."" ""We will be back,"" she said.', ['""We lost.""', '""We will be back,""']),
        ('"Say \'wow, that is new.\' "My view is plain," he said.', ['"Say \'wow, that is new.\'', '"My view is plain,"']),
        # a quotation left open closes before a colon's new one
        ('He said: "We lost. He added: "We will be back."', ['"We lost. He added:', '"We will be back."']),
        # an opening mark lost: the quotation runs from its sentence's start
        ('He was surprised. It came out of the blue," he said, "I never guessed."',
         ['It came out of the blue,"', '"I never guessed."']),
    ],
)
def test_quotations(text, quoted):
    assert [text[s:e] for s, e in find_quotes(text, 0, len(text))] == quoted


def test_quotes_skip_leaves_quoted_speech_alone():
    source = "We met. “We will win,” she said.\n"
    assert [a[0] for a in located(source, "a.txt", ["We"], quotes="skip")] == ["We"]
    assert len(located(source, "a.txt", ["We"])) == 2


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("while filming her song Outrageous today", "Outrageous", True),
        ("they sang Do They Know It's Christmas again", "It's", True),
        ("Songs, Outrageous among them", "Outrageous", True),
        ("It was late. Outrageous prices followed.", "Outrageous", False),
        ("Outrageous prices followed.", "Outrageous", False),
        ("he said I'm tired", "I'm", False),
        ("prices were outrageous", "outrageous", False),
    ],
)
def test_capitalized_mid_sentence(text, word, expected):
    doc = parse(text, "a.txt")
    assert doc.capitalized_mid_sentence(doc.prose.index(word)) is expected


def test_names_skip_leaves_titles_of_works_alone():
    source = "Her song Outrageous was a hit. Outrageous prices followed.\n"
    found = located(source, "a.txt", ["outrageous"], ignorecase=True, names="skip")
    assert [(m, col) for m, _, col, _, _ in found] == [("Outrageous", 32)]


def test_sentence_scope_honours_negation_and_skips_front_matter():
    source = "---\ntitle: Alpha here\n---\n# Alpha heading\n\nAlpha one. Then alpha two.\n"
    found = located(source, "a.md", ["Alpha", "alpha"], scope=["sentence", "~heading"])
    assert [(m, line) for m, line, *_ in found] == [("Alpha", 6), ("alpha", 6)]
    assert len(located(source, "a.md", ["Alpha"], scope="sentence")) == 2  # heading + body


def test_raw_scope_is_refused_rather_than_silently_never_matching():
    from lint.errors import RuleError

    with pytest.raises(RuleError, match="unknown scope 'raw'"):
        rule_for(["x"], scope="raw")


# -- Markdown: each inline token maps to its own place, not a later copy ----------


def test_markdown_entity_text_is_not_mapped_to_a_later_copy():
    source = "AT&amp;T shameful **x** AT&T shameful ok.\n"
    doc = parse(source, "a.md")
    assert doc.prose == "AT&T shameful x AT&T shameful ok."
    assert located(source, "a.md", ["shameful"]) == [("shameful", 1, 10, 1, 18), ("shameful", 1, 30, 1, 38)]
    assert doc.source_span(0, 4) == (0, 8)  # "AT&amp;T"


def test_markdown_table_cells_on_one_line_map_to_their_own_columns():
    source = "| a | b |\n|---|---|\n| shameful | shameful |\n"
    assert located(source, "a.md", ["shameful"]) == [("shameful", 3, 3, 3, 11), ("shameful", 3, 14, 3, 22)]
    source = "| AT&amp;T | AT&T |\n|---|---|\n"
    doc = parse(source, "a.md")
    second = doc.prose.rindex("AT&T")
    assert [doc.source_span(0, 4), doc.source_span(second, second + 4)] == [(2, 10), (13, 17)]


@pytest.mark.parametrize(
    "image",
    ["![photo][1]", "![photo]", "![photo][]", '![photo (a) [b]](http://x.y/p(1).jpg "a (title)")', "![a `]` b](<p q.jpg>)"],
)
def test_markdown_image_is_skipped_by_its_own_syntax(image):
    source = f"{image} It was shameful (really). It was shameful again.\n\n[1]: http://x.y/p.jpg\n[photo]: http://x.y/p.jpg\n"
    column = len(image) + 9
    assert located(source, "a.md", ["shameful"]) == [
        ("shameful", 1, column, 1, column + 8),
        ("shameful", 1, column + 26, 1, column + 34),
    ]


@pytest.mark.parametrize(
    "link",
    ["[shameful](http://x.y/shameful)", '[x](http://x.y "a shameful act.")', "[x](<u v> (a shameful act.))", "[x][a shameful act.]"],
)
def test_markdown_link_destination_is_not_prose(link):
    source = f"A {link} shameful act.\n\n[a shameful act.]: http://x.y/shameful\n"
    found = located(source, "a.md", ["shameful"])
    column = 4 + len(link)
    assert found[-1] == ("shameful", 1, column, 1, column + 8)


def test_markdown_autolink_is_not_prose():
    source = "See <https://experts.agree/>.\n"
    doc = parse(source, "a.md")
    assert doc.prose == "See ."
    assert doc.source_offset(doc.prose.index(".")) == source.index(">") + 1


def test_markdown_code_span_and_escapes_keep_later_text_in_place():
    source = "Run `a\nb` then *x* \\*shameful\\* and shameful.\n"
    assert located(source, "a.md", ["shameful"]) == [("shameful", 2, 15, 2, 23), ("shameful", 2, 30, 2, 38)]
    # escaped punctuation is text where it stands, not the same mark further on
    source = "[a](u) \\[\\\n( [ shameful\n"
    assert parse(source, "a.md").prose == "a [ ( [ shameful"
    assert located(source, "a.md", ["shameful"]) == [("shameful", 2, 5, 2, 13)]
    # a list number is markup; the same digit in the item's text is prose
    source = "1. 1 in 3 &amp; shameful\n"
    assert located(source, "a.md", ["1 in 3"]) == [("1 in 3", 1, 4, 1, 10)]
    # an entity for a character that is also markup before it
    source = "> &gt; shameful quote\n"
    assert parse(source, "a.md").prose == "> shameful quote"
    assert located(source, "a.md", ["shameful"]) == [("shameful", 1, 8, 1, 16)]


def test_markdown_deep_nesting_keeps_its_text():
    source = "> " * 199 + "Experts agree it was shameful.\n"
    assert located(source, "a.md", ["shameful"]) == [("shameful", 1, 420, 1, 428)]
    # the nesting limit still guards the parser's recursion
    parse("[" * 2000 + "x" + "](u)" * 2000 + "\n" + "> " * 2000 + "x\n", "a.md")


# -- Plain text: hard-wrapped paragraphs ------------------------------------------


def paragraphs(source):
    doc = parse(source, "a.txt")
    return [(b.kind, doc.prose[b.start : b.end]) for b in doc.blocks]


def test_hard_wrapped_first_line_is_not_a_heading():
    source = "The council called the vote shameful and experts agree that\nMayor Lin Zhao should resign before the next session.\n"
    assert paragraphs(source) == [("paragraph", source.strip().replace("\n", " "))]


def test_hard_wrapped_quotation_spans_the_line_break():
    source = '"We will cut the budget. We will rebuild it.\nWe will not stop," the mayor said on Tuesday. The plan is shameful.\n'
    doc = parse(source, "a.txt")
    assert paragraphs(source) == [("paragraph", source.strip().replace("\n", " "))]
    assert [doc.prose[s:e] for s, e in doc.quotes] == ['"We will cut the budget. We will rebuild it. We will not stop,"']


def test_hard_wrapped_story_with_headline_and_blank_lines():
    source = (
        "Council Votes To Cut Arts Budget\n\n"
        "The council called the vote shameful and experts agree that\n"
        "Mayor Lin Zhao should resign.\n"
        "He said no.\n\n"
        "Parents Protest Outside City Hall\n"
        "Parents gathered outside city hall on Monday to protest against the\n"
        "cuts, which they called unfair.\n"
    )
    assert paragraphs(source) == [
        ("heading", "Council Votes To Cut Arts Budget"),
        ("paragraph", "The council called the vote shameful and experts agree that Mayor Lin Zhao should resign. He said no."),
        # in hard-wrapped text a heading is followed by a blank line
        (
            "paragraph",
            "Parents Protest Outside City Hall Parents gathered outside city hall on Monday to protest against the"
            " cuts, which they called unfair.",
        ),
    ]


def test_plain_text_blank_line_separated_paragraphs():
    source = "Ad sales boost profit\n\nProfits jumped 76% in the quarter.\n\nThe firm said sales rose.\n"
    assert paragraphs(source) == [
        ("heading", "Ad sales boost profit"),
        ("paragraph", "Profits jumped 76% in the quarter."),
        ("paragraph", "The firm said sales rose."),
    ]


def test_paragraph_per_line_keeps_quotes_continued_into_the_next_paragraph():
    source = "“We will win. We always do.\n“And we will not stop,” she said.\n"
    assert paragraphs(source) == [("paragraph", "“We will win. We always do."), ("paragraph", "“And we will not stop,” she said.")]


def test_hard_wrapped_list_items_stay_apart():
    source = "The budget has:\n\n- Increased spending on schools ($1.6bn)\n - Expanded the tax net to\n   cover services\n"
    assert paragraphs(source) == [
        ("paragraph", "The budget has:"),
        ("paragraph", "- Increased spending on schools ($1.6bn)"),
        ("paragraph", "- Expanded the tax net to    cover services"),
    ]
    # a line ending in a bracket or quote mark does not end the paragraph
    # when the next line goes on in lower case
    source = "The rupee hit a high after Standard & Poor's (S&P)\nraised its rating.\n"
    assert paragraphs(source) == [("paragraph", source.strip().replace("\n", " "))]
    # a dash wrapped to the start of a line is not a bullet
    source = "The yuan is pegged to the dollar, which seems to be in relentless decline\n- so exports are cheap.\n"
    assert paragraphs(source) == [("paragraph", source.strip().replace("\n", " "))]


def test_transcript_turns_and_social_posts_are_other_peoples_words():
    source = (
        "Q: Why did you run?\n\nSMITH: Because the city is a disgrace.\n\nUpdate: The count is done.\n\n"
        "This is a shameful day! pic.twitter.com/abc\n\n— Jane Doe (@janedoe) March 3, 2016\n\n"
        "The mayor called it a disgrace.\n"
    )
    doc = parse(source, "a.txt")
    inside = [word for word in ("Why", "disgrace.", "shameful", "Jane") if doc.in_quote(doc.prose.index(word))]
    assert inside == ["Why", "disgrace.", "shameful", "Jane"]
    assert not doc.in_quote(doc.prose.index("The count"))  # a label, not a speaker
    assert not doc.in_quote(doc.prose.index("called it"))


@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_signed_readers_comments_are_other_peoples_words(path):
    source = (
        "The council voted on Monday to close the library.\n\n"
        "I think this is a disgrace and the council should resign.\nJane Doe, Leeds\n\n"
        "What a shameful decision by a council that never listens.\n\nDave O'Neill, Cork, Ireland\n\n"
        "Another sad day for the town and for its readers. Mary K. Smith, London\n"
    )
    doc = parse(source, path)
    inside = [w for w in ("council voted", "disgrace", "Jane Doe", "shameful", "Dave", "sad day") if doc.in_quote(doc.prose.index(w))]
    assert inside == ["disgrace", "Jane Doe", "shameful", "Dave", "sad day"]


@pytest.mark.parametrize("source", [
    # one name and place is a heading or a dateline, not a run of comments
    "The match ended in a draw and the fans went home unhappy.\n\nLansdowne Road, Dublin\n\nThe visitors led at half time.\n",
    # a team's line-up lists names with commas
    "Dudek, Finnan, Hyypia, Carragher, Traore, Garcia, Alonso, Hamann, Riise.\n\nPellegrino, Carson\n\n"
    "Nunez, Smicer, Baros, Kewell\n\nMellor, Warnock\n",
])
def test_lists_of_names_are_not_signed_comments(source):
    doc = parse(source, "a.txt")
    assert doc.turns == []


@pytest.mark.parametrize(
    "source, path",
    [
        # the quotation goes on into the next paragraph, which closes it with no opening mark
        ('Smith said: "We will fight the plan.\n\nWe never give up," she added. Then she left.\n', "a.txt"),
        ("Smith said: “We will fight the plan.\n\nWe never give up,” she added. Then she left.\n", "a.md"),
    ],
)
def test_quotation_closed_in_the_next_paragraph(source, path):
    doc = parse(source, path)
    assert doc.in_quote(doc.prose.index("We never"))
    assert not doc.in_quote(doc.prose.index("she added"))
    assert not doc.in_quote(doc.prose.index("Then she left"))


def test_paragraph_after_a_closed_quotation_is_not_continued():
    doc = parse('Smith said: "We will fight."\n\nThe council voted, "unanimously," on Monday.\n', "a.txt")
    assert not doc.in_quote(doc.prose.index("The council"))
    assert doc.in_quote(doc.prose.index("unanimously"))


def test_blockquote_is_quoted_speech():
    doc = parse("Smith wrote to the council:\n\n> The plan is a disgrace.\n\nThe council met.\n", "a.md")
    assert doc.in_quote(doc.prose.index("disgrace"))
    assert not doc.in_quote(doc.prose.index("The council met"))
    assert not doc.in_quote(doc.prose.index("Smith wrote"))
