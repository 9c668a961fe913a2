"""The people model: who a story mentions, how each mention names them,
and which offices it uses with no holder named.

Built once per document from the linguistic layer (:mod:`lint.nlp`) and
queried by the ``person`` and ``office`` check kinds. A full name is a
PERSON entity, or proper nouns after a title ("Treasury Secretary Scott
Bessent", "Mr Blair"); the entity recognizer runs only for this model,
and only on the sentences where a name first stands with no title
(:func:`recognize_names`, which the CLI calls for a batch of drafts at
once). A short reference ("Wang adds", "Trump")
is matched against the full names already seen, never left to the
recognizer, which takes "Wang adds" for an organization. A name that
opens with an East Asian family name ("Wang Yiwei", "Kim Jong-un") may be
in either order, so either end of it counts as its surname.

Offsets are prose offsets.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from functools import lru_cache
from itertools import accumulate, islice, takewhile
from typing import TYPE_CHECKING, Iterator

import regex

from lint import lexicon as lx
from lint.document import speaker_label
from lint.nlp import DEFAULT_PIPELINE, ensure_parsed, recognize_entities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from lint.document import Document

# AP's formal titles beyond the office words of the lexicon, their plurals
# ("Sens. Ted Cruz and Mike Lee", "Reps.") and their abbreviations
# ("Gov.", "Atty. Gen.").
_FORMAL_TITLES = frozenset(
    """counsel attorney-general solicitor-general atty gen govs sens reps lt gov supt insp cmdr
    pres secy amb""".split()
)
_PLURAL_TITLES = frozenset(
    w + ("es" if w.endswith(("s", "ch", "sh")) else "s")
    for w in lx.TITLE_WORDS | _FORMAL_TITLES
    if w.isalpha() and len(w) > 3
)
_TITLES = lx.TITLE_WORDS | lx.HONORIFICS | _FORMAL_TITLES | _PLURAL_TITLES
# Heads of appositives and roles before names, mined from news copy by
# benchmarks/mine_titles.py ("activist", "pollster", "strategist").
_MINED_ROLES = frozenset(resources.files("lint").joinpath("data/titles.txt").read_text(encoding="utf-8").split())
# Words news copy writes in lower case and never as a given name ("iron",
# "finding"), mined by benchmarks/mine_given_names.py.
_NOT_GIVEN_NAMES = frozenset(
    resources.files("lint").joinpath("data/not-given-names.txt").read_text(encoding="utf-8").split()
)
# A sports story names its players bare: the match or the team is their
# role ("Jon Petrie scored a second try for Scotland"). Words of sports
# copy, and scores ("6-3", "4-2"); a story with several of them is one.
_SPORTS_WORDS = frozenset(
    """match matches seed seeds seeded tournament striker midfielder goalkeeper keeper defender winger flanker
    fly-half scrum-half wicket wickets innings penalty penalties semi-final semi-finals quarter-final
    quarter-finals half-time kick-off championship championships league squad fixture fixtures try tries
    goal goals scored scorer referee coach skipper caps medal medals olympic olympics athletics
    tennis rugby football cricket golf marathon sprint sprinter athlete athletes champion team-mate team-mates
    teammate teammates uncapped singles doubles injury injuries captain capt champions""".split()
)
_SCORE = re.compile(r"(?<![\d-])\d{1,2}-\d{1,2}(?![\d-])")
# "Worcester v Sale", in British style; a result, "Mansfield 0-1 Leyton Orient"
_FIXTURE = re.compile(r"\b[A-Z][a-z]+ (?:v|\d{1,2}-\d{1,2}) [A-Z][a-z]+")
_SPORTS_STORY = 3  # distinct sports words, scores counting as one
# An arts story (a review, a chart, an awards night) names its performers by
# their work ("Mike Leigh's Vera Drake", "beating Avril Lavigne to best pop
# act"). Words of entertainment copy, mined by training/arts_words.py; on
# held-out BBC articles 3 of them mark 24 of 50 entertainment stories and 2
# of 264 others (the list: _arts_words).
_ARTS_STORY = 3
# Suffixes tell a father from a son ("Ken Griffey Jr."): part of who someone is.
_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Particles that open a surname ("Ludwig van Beethoven", "Oscar de la Hoya",
# "Mohammed bin Salman"): the surname runs from the first of them.
_PARTICLES = frozenset("de del della der di da das dos du la le van von bin binti ibn al el ter ten".split())
# Words that describe a person and are never part of a name: parties,
# chambers and institutions ("House Democrats", "White House", "the Ohio
# Republican"), and the US states, whose names the recognizer takes for
# given names (not those that are names too: Georgia, Virginia, Washington;
# nor "Green", "White", "Court", surnames as often). Places the recognizer
# labels (GPE, NORP) count too.
_PARTIES = frozenset(
    """republican republicans democrat democrats democratic gop labour tory tories conservative conservatives
    liberal liberals libdem libdems dem dems snp ukip independent independents socialist
    socialists unionist unionists nationalist nationalists""".split()
)
_INSTITUTIONS = frozenset(
    """house senate congress congressional parliament parliamentary assembly commons lords capitol
    pentagon kremlin whitehall downing supreme cabinet administration department ministry
    committee council federal state states""".split()
)
_US_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
    vermont wisconsin wyoming""".split()
)
# Nationalities set before a name like a title ("Briton Clive Owen", "Dutchman ...").
_DEMONYMS = frozenset(
    """briton britons scot scots welshman welshwoman irishman irishwoman englishman englishwoman frenchman
    frenchwoman dutchman dutchwoman dane swede finn pole czech slovak serb croat kiwi aussie yank""".split()
)
_DESCRIPTORS = _PARTIES | _INSTITUTIONS | _US_STATES | _DEMONYMS
_POSSESSIVES = ("'s", "’s", "'", "’")
# Words before an office that say which one it is not ("the former
# secretary", "the new mayor"); the rest name its portfolio ("the Energy
# Secretary", "the foreign minister").
_NOT_PORTFOLIO = frozenset("the a an this that former then new acting late current outgoing incoming interim".split())
# Offices with these are not a voice in the story: a past or future holder.
_NOT_CURRENT = frozenset("former then late next future ex".split())
# Words before a name that are no role ("the late Doris Day").
_NO_ROLE = frozenset("former late young old new then the".split())
# Nouns of people by what they do ("sprinter", "novelist", "historian"),
# and words with those endings that name no role.
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "ess", "ant")
_NOT_PEOPLE = frozenset(
    """number order border power paper water letter computer corner matter chapter
    quarter summer winter october november december september register
    center centre error factor sector mirror motor meter metre monitor weather
    cancer tower manner member layer career charter disaster filter barrier
    plan man woman business process progress access address government
    restaurant plant grant giant tenant""".split()
)
# Roles with none of those endings ("Comic Joe Pasquale", "Boss Alex Ferguson").
_ROLE_WORDS = lx.ROLE_NOUNS | _MINED_ROLES | frozenset(
    """comic star boss chef poet model veteran rookie forward keeper nurse pilot critic
    rival legend icon tycoon magnate mogul heiress guru pundit midfielder olympian
    pollster striker defender winger goalkeeper actor actress singer author agent
    moderator host anchor presenter producer sprinter runner hurdler jumper swimmer boxer golfer
    jockey skipper
    associate colleague confidant confidante
    tory labour conservative democrat republican dem lib liberal unionist nationalist""".split()
)
# Last words of the names of bodies and places, not people.
_NOT_NAMES = lx.ORGANIZATION_NOUNS | frozenset(
    """street road avenue square lane city county state states kingdom republic
    island islands valley river lake mountain park hall centre center airport
    station stadium college corporation corp inc ltd plc airlines airways news tower building hotel plaza
    times post journal review magazine channel motors group united rovers
    wednesday athletic albion league cup games festival awards prize
    foundation fund trust institute institution society alliance coalition forum partners holdings
    capital initiative consortium industries enterprises securities studios pictures""".split()
)
# Words a title-case name of a body or a work runs on through ("Unite Against Fascism").
_SMALL_WORDS = frozenset("against for of and the on in with to at from by".split())
# Places a name is introduced as ("the southern province of Tamil Nadu", "Asmara, the capital of Eritrea").
_PLACE_NOUNS = frozenset(
    """city cities town towns village villages capital province region district county port island suburb
    borough municipality neighbourhood neighborhood state""".split()
)
# What only a business owns ("Cairn's shares", "Suez's subsidiary"), and its "parent company":
# its possessor is no person. In the people dev split's texts a possessive name stands before
# these nouns 41 times, a firm's each time ("company" and "label" do not: "Mr. Trump's
# company", "Dr Dre's label").
_CORPORATE_NOUNS = frozenset("subsidiary shares profits profit shareholders".split())
# Of those, the words that are surnames as often ("Nathan Lane", "Margaret Court").
_SURNAME_WORDS = frozenset("lane park hall lake post court house games family street banks".split())
# Objects of these are items of a list ("actors including Hugh Laurie").
_LIST_OPENERS = frozenset("including include includes featuring starring like as".split())
_SOURCE_DEPS = ("nsubj", "nsubjpass")
_NAMES_RECOGNIZED = "names recognized"  # a mark in Document.models
# Words either side of a name that the recognizer is shown: its features
# reach four tokens each way.
_CONTEXT = 6
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}|U[KSN]")
_TITLE_OR_ROLE_WORDS = lx.TITLE_WORDS | _ROLE_WORDS
# Nouns that name no one's role ("the storm", "the group").
_NO_ROLE_NOUNS = lx.INANIMATE_NOUNS | lx.VAGUE_GROUPS


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # the name's words, prose offsets (title and honorific excluded)
    end: int
    words: tuple[str, ...]
    sentence: int  # index of the sentence in document order
    title: str  # the title or role set before the name ("Treasury Secretary"); "" when none
    honorific: tuple[int, int] | None  # where a courtesy title stands ("Mr "), with its space
    described: bool  # a title, an appositive, a relative clause or a role says who this is (not "Mr")
    quoted: bool
    # A subject or a possessor ("Laura Kim joined", "Doug Smith's departure"):
    # someone the story is about, not a name in passing.
    acts: bool
    # One of three names or more in a row, or after "including", "such as":
    # a list of nominees, a cast or a squad, which the list itself describes.
    listed: bool
    # In the headline, dek, byline or front matter: display type, which
    # introduces nobody (the story's first reference comes in its body).
    display: bool = False
    # A clause's subject ("Xi Jinping is preparing"), not a possessor in passing
    # ("Frank Capra's 1946 movie").
    subject: bool = False
    # Outside a quotation in a sentence that quotes someone: most likely its speaker
    # ("“...” – Wang Yiwei, director of ...").
    speaks: bool = False
    # A title or role before the name, an appositive or a "who" clause: who this is,
    # wherever in the story it comes (not a predicate or a role elsewhere in the sentence).
    introduces: bool = False

    @property
    def full(self) -> bool:
        return len(self.words) > 1


@dataclass
class Person:
    words: tuple[str, ...]  # the name as first given in full
    surnames: frozenset[str]  # lower case; two when the order is uncertain
    given: str | None  # lower case, when the order is certain
    roles: set[str] = field(default_factory=set)  # lower-case words of every title and description
    # Bodies named with them: "at Renmin University", "Arsenal's Thierry Henry".
    organizations: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    # Surnames that named this person alone while nobody else had them.
    settled: set[str] = field(default_factory=set)

    @property
    def first_reference(self) -> Mention | None:
        """The first mention in the reporter's voice in the story's body
        (outside quotations, after the headline, dek and byline)."""
        return next((m for m in self.mentions if not m.quoted and not m.display), None)

    @property
    def surname(self) -> str | None:
        """The surname as written, with its suffix ("Griffey Jr."), when the
        name's order and extent are certain: from a particle on ("van
        Beethoven", "de la Hoya"), or the last word after a given name and
        initials ("Donald J. Trump"). None for a name of three words or
        more otherwise ("Gabriel García Márquez", a double surname, or
        "Hillary Rodham Clinton", a middle name: only a reader can tell)."""
        if self.given is None:
            return None
        return surname_of(self.words)


def opens_like_a_name(words: tuple[str, ...]) -> bool:
    """Whether a full name opens as people's names do: not with a word
    news copy writes in lower case and never as a given name ("Iron
    Maiden", "Finding Neverland", "Silver Surfer")."""
    return fold_name(words[0]) not in _NOT_GIVEN_NAMES


def surname_of(words: tuple[str, ...]) -> str | None:
    """The surname of a full name in given-name-first order; see
    :attr:`Person.surname`."""
    suffix = [w for w in words[1:] if fold_name(w) in _SUFFIXES]
    name = [w for w in words if fold_name(w) not in _SUFFIXES]
    if len(name) < 2:
        return None
    particle = next((i for i in range(1, len(name) - 1) if fold_name(name[i]) in _PARTICLES), None)
    if particle is not None:
        surname = name[particle:]
    elif all(_initial(w) for w in name[1:-1]):
        surname = name[-1:]
    else:
        return None
    return " ".join(surname + suffix)


_BYLINE = re.compile(r"(?:By|BY|Reporting by|From)\s+\S")
# How far into a story a byline or a dek may stand: after the headline and
# before the body's first paragraph.
_OPENING_BLOCKS = 3
_HEADLINE_WORDS = 20
_BLANK_LINE_AFTER = re.compile(r"[ \t]*\r?\n[ \t]*\r?\n")
# A numbered list's heading that is a name alone ("2. Jane Roe.", "4. Jane Roe (Last week: 3.)"):
# the item below it is about that person, as a story under its headline.
_NUMBERED_HEADING = regex.compile(
    r"\s*\d{1,2}[.)]\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|la|le|da|bin)){0,4}"
    r"\s*[.:]?\s*(?:\([^()\n]{0,30}\)\.?)?\s*"
)


def display_zone(doc: "Document") -> list[tuple[int, int]]:
    """Prose spans of the story's display type: front matter (headline,
    dek, byline fields), headings, a byline paragraph among the first
    blocks ("By Jane Roe") and, in a plain-text draft, a first line that
    stands alone and is short enough for a headline, even one that ends
    in a period ("Clinton sharpens focus on Sanders."), a numbered
    list's heading that is a name alone ("2. Jane Roe."), and an archive's
    labelled abstract ("ABSTRACT." ... "FULL TEXT.")."""
    zone = []
    abstract = _abstract(doc)
    for index, block in enumerate(doc.blocks):
        text = doc.prose[block.start : block.end]
        if index in abstract:
            zone.append((block.start, block.end))
        elif block.kind in ("frontmatter", "heading"):
            zone.append((block.start, block.end))
        elif index < _OPENING_BLOCKS and _BYLINE.match(text) and len(text.split()) <= 12:
            zone.append((block.start, block.end))
        elif index == 0 and doc.format == "text" and _headline_line(doc, block, text):
            zone.append((block.start, block.end))
        elif _NUMBERED_HEADING.fullmatch(text):
            zone.append((block.start, block.end))
    return zone


# An archive's export labels a summary before the story ("ABSTRACT." ... "FULL TEXT."):
# the summary is an indexer's display copy, and the story names its people afresh.
_ABSTRACT_LABEL = re.compile(r"\s*(?:ABSTRACT|SUMMARY)\.?\s*")
_FULL_TEXT_LABEL = re.compile(r"\s*FULL TEXT\.?\s*")


def _abstract(doc: "Document") -> range:
    """The indices of the blocks from an "ABSTRACT." label among the first
    blocks to the "FULL TEXT." label that closes it; none without both."""
    for index, block in enumerate(doc.blocks[:_OPENING_BLOCKS]):
        if _ABSTRACT_LABEL.fullmatch(doc.prose, block.start, block.end):
            for end, closing in enumerate(doc.blocks[index + 1 :], index + 1):
                if _FULL_TEXT_LABEL.fullmatch(doc.prose, closing.start, closing.end):
                    return range(index, end + 1)
            break
    return range(0)


def possible_dek(doc: "Document") -> tuple[int, int] | None:
    """The prose span of the paragraph right after a plain-text draft's
    headline when it may be the headline's dek: one sentence, as short as
    a headline ("Mayor's office says the bridge will reopen in May.").
    Display type takes the present tense by convention, but a short lede
    looks the same ("The city is planning a new bridge."), so this is no
    display zone: a fix that changes a tense is not offered there."""
    zone = display_zone(doc)
    if doc.format != "text" or len(doc.blocks) < 3 or not zone or zone[0][0] != doc.blocks[0].start:
        return None
    block = doc.blocks[1]
    text = doc.prose[block.start : block.end]
    if block.start in {start for start, _ in zone} or len(text.split()) > _HEADLINE_WORDS \
            or len(doc.block_sentences(block)) > 1:
        return None
    return block.start, block.end


def _headline_line(doc: "Document", block, text: str) -> bool:
    """One short line standing alone; or a headline and its dek, the
    headline ending in a semicolon ("Carson on defense ...;" then
    "Republican presidential candidate's biography questioned.")."""
    start, end = doc.source_span(block.start, block.end)
    lines = doc.source[start:end].strip().splitlines()
    headline_and_dek = len(lines) == 2 and lines[0].rstrip().endswith(";")
    return (
        len(text.split()) <= _HEADLINE_WORDS * len(lines) and (len(lines) == 1 or headline_and_dek)
        and _BLANK_LINE_AFTER.match(doc.source, end) is not None
    )


def _initial(word: str) -> bool:
    return bool(re.fullmatch(r"(?:\w\.)+|\w", word))


def _given_name_before(token: "Token") -> bool:
    """Whether the word before an initial is a given name's shape: a
    capitalized proper noun that is no title, role or descriptor."""
    return (
        token.tag_ == "NNP" and token.is_alpha and _capitalized(token) and not token.is_upper
        and _bare(token) not in _TITLES and not _role_word(token) and not _descriptor(token)
    )


def _descriptor(token: "Token") -> bool:
    """ "House", "Senate", "Ohio", "Republican": a word that says where
    someone sits or stands, never part of their name."""
    return _bare(token) in _DESCRIPTORS or token.ent_type_ in ("GPE", "NORP", "LOC")


@dataclass(frozen=True, slots=True)
class Office:
    start: int  # the office's words ("U.S. Treasury Secretary"), prose offsets
    end: int
    head: str  # lower case: "secretary"
    portfolio: frozenset[str]  # lower case: {"treasury"}
    sentence: int
    acts: bool  # used as a source or an actor (a subject, an agent, "according to")
    holder: bool  # someone holding it is named before, or in the same or next sentence
    quoted: bool
    # Pointed to with "the", "this" or a possessive, so it refers back to
    # someone already in the story ("the mayor said"); "U.S. Treasury
    # Secretary reports" does not.
    anaphoric: bool


@dataclass
class PeopleModel:
    people: list[Person]
    offices: list[Office]
    # Surnames alone that two people or more named before share ("Wang
    # adds"), with those people.
    ambiguous: list[tuple[Mention, list[Person]]]
    # Given names alone after a full reference ("Laura said"), with their person.
    given_names: list[tuple[Mention, Person]]
    # Where a sentence's subject is a person by role, "the Greek sprinter",
    # which may describe the person named just before, or "a senior
    # barrister" or "Amnesty International's chief", who may be named just after: (sentence, offset, introducing).
    role_subjects: list[tuple[int, int, bool]]
    # Sentences where someone is named by one word only, as the subject of
    # a speech, thought or stance verb ("Obama said"), known to nobody else.
    lone_names: list[int]
    # Folded words of the headline, dek and byline: a person named there is
    # the one the story is about, and the reader meets them there.
    display_words: frozenset[str] = frozenset()
    # A sports story, which names its players bare (see _SPORTS_WORDS).
    sports: bool = False
    # Sentences with a person by role as an object ("the latest proposal from
    # the US tycoon"), who may be the person named in the sentence before.
    role_objects: list[int] = field(default_factory=list)
    # Of those, the ones a person comes in by ("has appointed a new executive
    # director"), whom the next sentence may name.
    introducing_objects: list[int] = field(default_factory=list)
    # An arts story, which names its performers by their work (see _ARTS_STORY).
    arts: bool = False
    # Sentences that name nobody and hold a role with its body ("the president of
    # the AFL-CIO", "the head of Germany's panel of advisers"): the person the
    # next sentence names, as its subject, may hold it.
    owned_roles: list[int] = field(default_factory=list)
    # Sentences that point to a qualified role with "the" ("the Texas senator", "the wife
    # of ..."), which a reader takes for a person named near it: enough for a first
    # reference, not for a later one.
    pointed_roles: frozenset[int] = frozenset()
    # The number of the body's first sentence, after the display type.
    lede: int | None = None


def model(doc: "Document") -> PeopleModel:
    """The document's people model; built on first use and kept."""
    built = doc.models.get("people")
    if built is None:
        ensure_parsed(doc)
        built = doc.models["people"] = _Builder(doc).build()
    return built


class _Builder:
    def __init__(self, doc: "Document") -> None:
        self.doc = doc
        self.people: list[Person] = []
        # people by each folded word of their names, in the order they came in:
        # a look-up reads those sharing a word, not everyone in a long draft
        self.by_word: dict[str, dict[int, Person]] = {}
        self.ambiguous: list[tuple[Mention, list[Person]]] = []
        self.given_names: list[tuple[Mention, Person]] = []
        self.shared: set[int] = set()  # ids of the mentions that could mean several people
        # the last mention's sentence, last token and title when the title is plural ("Reps.")
        self.plural_title: tuple[int, int, str] | None = None
        self.office_tokens: list[tuple[int, "Token", int]] = []  # sentence, office word, block start
        self.role_subjects: list[tuple[int, int, bool]] = []
        self.role_objects: list[int] = []
        self.introducing_objects: list[int] = []
        self.owned_roles: list[int] = []
        self.pointed_roles: set[int] = set()
        self.lone_names: list[int] = []
        self.quoting_sentences: dict[tuple[int, int], bool] = {}  # (block start, first token): see _quotes_in_sentence
        self.display = display_zone(doc)
        self.lede: int | None = None  # the number of the body's first sentence
        # paragraphs opened by a speaker's label ("Q: ...", "A: Well, Marco Rubio could"):
        # a transcript's words are the speaker's, as a quotation's are
        self.spoken = [
            (block.start, block.end) for block in doc.blocks
            if block.kind != "frontmatter" and speaker_label(doc.prose[block.start : block.end]) is not None
        ]

    def build(self) -> PeopleModel:
        recognize_names([self.doc], self.doc.pipeline or DEFAULT_PIPELINE)
        parses = self.doc.parses or []
        picked = _Picked(parses, self.doc.prose) if parses else None
        offsets = accumulate((len(parsed.doc) for parsed in parses), initial=0)  # where each parse's tokens start
        indexes = [_ParseIndex(picked, offset, parsed.doc) for parsed, offset in zip(parses, offsets)]
        self.things = thing_names(indexes) | listed_with_works(self.doc.prose)
        sentences = [
            (parsed.start, span, index) for parsed, index in zip(parses, indexes) for span in parsed.doc.sents
        ]
        for number, (base, sentence, index) in enumerate(sentences):
            self._sentence(sentence, base, number, index)
        self.display_words = self._display_words()
        offices = [self._office(token, base, index) for index, token, base in self.office_tokens]
        return PeopleModel(
            self.people, [o for o in offices if o is not None], self.ambiguous, self.given_names, self.role_subjects,
            self.lone_names, self.display_words, sports_story(self.doc.prose), self.role_objects,
            self.introducing_objects, arts_story(self.doc.prose), self.owned_roles, frozenset(self.pointed_roles),
            self.lede,
        )

    def _display_words(self) -> frozenset[str]:
        prose = self.doc.prose
        return frozenset(  # "Trump-Clinton fight": each name of a hyphenated pair
            fold_name(w) for start, end in self.display for w in re.findall(r"\w+(?:-\w+)*", prose[start:end])
            + re.findall(r"\w+", prose[start:end])
        )

    # -- names ---------------------------------------------------------------

    def _sentence(self, sentence: "Span", base: int, number: int, index: "_ParseIndex") -> None:
        if self.lede is None and not any(zs <= base + sentence.start_char < ze for zs, ze in self.display):
            self.lede = number
        if _headline(sentence, index):
            return  # "Hillary Clinton Goes After Donald Trump": the recognizer misreads title case
        names = _names(sentence, index, self.things)
        taken = {i for first, last in names for i in range(first, last + 1)}
        # full names again, in sentences the recognizer skipped
        doc = sentence.doc
        for first, last in _proper_runs(sentence, index.within(index.picked.paired_proper_nouns, sentence)):
            if not taken & set(range(first, last + 1)) and self._known_name(doc[first : last + 1]) \
                    and not _label(doc, first, last):
                while last + 1 < sentence.end and fold_name(doc[last + 1].text) in _SUFFIXES:
                    last += 1  # "Ken Griffey Jr."
                names.append((first, last))
                taken.update(range(first, last + 1))
        # short references the recognizer may have missed ("Wang adds" as an organization)
        names += [
            (i, i) for i in index.within(index.picked.proper, sentence) if i not in taken and self._short_reference(doc[i])
        ]
        taken.update(first for first, _ in names)
        for first, last in sorted(names):
            self._mention(sentence.doc, first, last, base, number, sentence.start)
        # each test below on the nouns that may pass it (the sentence numbers they keep are
        # one number, so the order of the tests does not change the lists)
        for token in index.tokens(index.picked.office_words, sentence):
            if token.i not in taken and _office_word(token):
                self.office_tokens.append((number, token, base))
        for token in index.tokens(index.picked.roles, sentence):
            if _role_subject(token):
                # "A senior barrister ... says", "Amnesty International's chief has said": who the
                # next sentence names
                introducing = any(c.dep_ == "det" and c.lower_ in ("a", "an") or c.dep_ == "poss" for c in token.children) \
                    or number == self.lede  # the lede's "The former finance chief of WorldCom has ..."
                self.role_subjects.append((number, base + token.idx, introducing))
            elif _role_subject(token, ("dobj", "pobj")):
                self.role_objects.append(number)
                if token.dep_ == "dobj" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
                    self.introducing_objects.append(number)
            if not names and _role_subject(token, _ROLE_DEPS) and _owned(token):
                # "an email from the president of the AFL-CIO ... In his email, Richard Trumka told ...":
                # a role with its body, in a sentence that names nobody, for the person named next
                self.owned_roles.append(number)
        for token in index.tokens(index.picked.brought_in, sentence):
            if _brought_in(token):
                self.introducing_objects.append(number)
        for token in index.tokens(index.picked.lone_names, sentence):
            if token.i not in taken and _lone_name(token):
                self.lone_names.append(number)
        for token in index.tokens(index.picked.pointed_roles, sentence):
            if _pointed_role(token):
                self.pointed_roles.add(number)

    def _quotes_in_sentence(self, doc: "Doc", first: int, base: int, sentence_start: int) -> bool:
        """Whether a word of the sentence holding token ``first`` stands in
        other people's words (worked out once per sentence: it may name
        several people)."""
        key = (base, sentence_start)
        if key not in self.quoting_sentences:
            self.quoting_sentences[key] = any(self.doc.in_quote(base + t.idx) for t in doc[first].sent if t.is_alpha)
        return self.quoting_sentences[key]

    def _known_name(self, run: "Span") -> bool:
        words = _name_key([t.text for t in run])
        return any(len(p.words) > 1 and _name_key(p.words) == words for p in self._named(words[:1]))

    def _short_reference(self, token: "Token") -> bool:
        """A lone proper noun that is the surname or given name of someone
        named before, and not part of another name ("Trump Tower")."""
        key = fold_name(token.text)
        if key not in self.by_word:
            return False  # no one named so far has the word in their name: the tests below would pass nobody
        if token.pos_ != "PROPN" or not _capitalized(token) or _descriptor(token):
            return False
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            return False
        if token.ent_type_ in _THING_LABELS and token.ent_iob_ == "I":
            return False  # "Stepney Green ward": the last word of a place's or a body's name
        if token.i > 0 and not token.is_sent_start and self._known_name(token.doc[token.i - 1 : token.i + 1]):
            return False  # "Christian Aid" again, "Christian" tagged a descriptor there: the full name
        return any(key in p.surnames or key == p.given for p in self._named([key]))

    def _mention(self, doc: "Doc", first: int, last: int, base: int, number: int, sentence_start: int) -> None:
        # words as written, hyphenated ones whole ("Jong-un", "Jean-Pierre")
        words = tuple(doc[first : last + 1].text.lstrip("-–—•*").split())
        # a no-break space between title and name is a token of its own ("Sen.\xa0Jeff Sessions")
        named = _past_spaces(doc, first, sentence_start)
        title_start = _title_start(doc, named, sentence_start)
        title = doc[title_start:named].text if title_start < named else ""
        honorific = None
        if title_start < named and _bare(doc[named - 1]) in lx.HONORIFICS:
            h = doc[named - 1]
            honorific = (base + h.idx, base + doc[first].idx)
            title = doc[title_start : named - 1].text  # "Mr" says nothing of who he is
        head = _head(doc, first, last)
        role = _role_before(doc, named, head, sentence_start) or _role_phrase_before(doc, named, sentence_start)
        letters = _postnominal(doc, last)
        role = role or (letters.text if letters is not None else "")
        described_by = _description(doc, first, last, head)
        if not (role or described_by):
            described_by = _shared_appositive(doc, head, sentence_start)
        lead = _lead_conjunct(head)
        if not (role or described_by) and lead.i != head.i:
            # "White House hopefuls Hillary Clinton and Donald Trump", "John McConnell and
            # Matthew Scully, two respected speechwriters": what is said of the first is said of all
            lead_first = _past_spaces(doc, _name_start(lead, sentence_start), sentence_start)
            lead_title = _title_start(doc, lead_first, sentence_start)  # "Sens. Ted Cruz and Mike Lee"
            role = doc[lead_title:lead_first].text if lead_title < lead_first else ""
            role = role or _role_before(doc, lead_first, lead, sentence_start)
            described_by = _description(doc, lead_first, lead.i, lead)
        last_conjunct = _last_conjunct(head)
        if not (role or described_by) and last_conjunct is not None:
            # "Stephen S. Cohen and J. Bradford DeLong of the University of California": the body
            # after the last name is all of theirs (an appositive may be the last one's alone)
            body = _description(doc, _name_start(last_conjunct, sentence_start), last_conjunct.i, last_conjunct)
            shared = body is not None and body.head.i == last_conjunct.i and (
                body.dep_ == "prep" or _who_clause(body) and any(t.lower_ in ("both", "all") for t in body.subtree)
            )  # "Lindsey Graham and David Perdue, who are both on the Judiciary Committee,"
            described_by = body if shared else None
        if not (title or role or described_by) and self.plural_title is not None:
            # "U.S. Reps. Ileana Ros-Lehtinen and Carlos Curbelo", however the parser joined the names
            at, previous_last, plural = self.plural_title
            if at == number and all(t.lower_ in ("and", ",", "&") for t in doc[previous_last + 1 : named]):
                role = plural
        title_words = f"{title or role}".split()
        self.plural_title = (number, last, title or role) if title_words and _plural_title(title_words[-1]) else None
        description = _words(described_by) if described_by is not None else ""
        if not (title or role or description):
            description = _role_in_sentence(doc, first, last, sentence_start)
        # "-Lynn Vavreck": a bullet the tokenizer left on the name
        bullet = len(doc[first].text) - len(doc[first].text.lstrip("-–—•*"))
        start, end = base + doc[first].idx + bullet, base + doc[last].idx + len(doc[last])
        quoted = self.doc.in_quote(start) or any(ss <= start < se for ss, se in self.spoken)
        mention = Mention(
            start, end, words, number, title or role, honorific, bool(title or role or description), quoted,
            _subject_or_possessor(head), _listed(head),
            any(zs <= start < ze for zs, ze in self.display), _subject(head),
            speaks=not quoted and self._quotes_in_sentence(doc, first, base, sentence_start),
            introduces=bool(title or role or described_by is not None and (
                described_by.dep_ == "appos" or _who_clause(described_by) or head.dep_ == "appos" and described_by is head.head
            )),
        )
        roles = {w.lower().rstrip(".") for w in f"{title} {role} {description}".split()}
        organizations = _organizations(doc, first, described_by)
        if mention.full:
            person = self._person_named(words)
            person.mentions.append(mention)
            person.roles |= roles
            person.organizations |= organizations
            return
        key = fold_name(words[0])
        sharing = [p for p in self._named([key]) if key in p.surnames]
        if any(len(p.words) > 1 for p in sharing):
            sharing = [p for p in sharing if len(p.words) > 1]  # "Rep. Welch" was "Peter Welch"
        if len(sharing) > 1:
            # "Clinton" alone for the one person it named before the other
            # came in ("Bill Clinton"), as AP does, is no longer ambiguous
            settled = [p for p in sharing if key in p.settled]
            followed = self._followed_by_surname(sharing, number)
            if len(settled) == 1:
                sharing = settled
            elif len(followed) == 1:
                sharing = followed
            elif not (title or honorific or mention.listed or _modifier(head)):
                self.ambiguous.append((mention, sharing))
        if len(sharing) == 1:
            sharing[0].mentions.append(mention)
            sharing[0].roles |= roles
            sharing[0].organizations |= organizations
            if not any(key in p.surnames for p in self._named([key]) if p is not sharing[0]):
                sharing[0].settled.add(key)
            return
        if sharing:
            for p in sharing:
                p.mentions.append(mention)
            self.shared.add(id(mention))
            return
        by_given = [p for p in self._named([key]) if p.given == key] if not (title or honorific) else []
        if len(by_given) > 1:
            # "Nancy" for the one Nancy it named before another came in, or for the one whose
            # surname a relative shares (Nancy Reagan, not Nancy Davis): the story's convention
            settled = [p for p in by_given if key in p.settled]
            family = [p for p in by_given if any(p.surnames & q.surnames for q in self.people if q is not p)]
            by_given = settled if len(settled) == 1 else family if len(family) == 1 else by_given
        if len(by_given) > 1 and not mention.listed:
            self.ambiguous.append((mention, by_given))  # "Laura said" after Laura Kim and Laura Smith
        elif by_given:  # "Laura said"; "Sir Nicholas" is British style for a knight
            by_given[0].mentions.append(mention)
            self.given_names.append((mention, by_given[0]))
            if len(self._named([key])) == 1:
                by_given[0].settled.add(key)
        elif title or honorific:  # "Mr Blair", "President Trump": known by surname alone
            self._add(Person(words, frozenset([key]), None, roles, organizations, [mention]))

    def _followed_by_surname(self, sharing: list[Person], number: int) -> list[Person]:
        """Of people sharing a surname, the ones the story's own convention
        leaves the surname alone to: not one it calls by given name ("Nancy"
        beside "Reagan" for her husband), and, when only one of them has
        been a subject or a speaker, not one named earlier only in passing ("the brother
        of Simon Cowell. Writer Tony Cowell ... said Cowell")."""
        def clear(p: Person) -> list[Mention]:
            return [m for m in p.mentions if id(m) not in self.shared and m.sentence <= number]

        by_surname = [p for p in sharing if not any(not m.full and fold_name(m.words[0]) == p.given for m in clear(p))]
        if len(by_surname) == 1:
            return by_surname
        acting = [p for p in sharing if any(m.subject or m.speaks for m in clear(p))]
        if len(acting) == 1:
            introduced = min(m.sentence for m in clear(acting[0]))
            if all(m.sentence < introduced for p in sharing if p is not acting[0] for m in clear(p)):
                return acting
        return sharing

    def _person_named(self, words: tuple[str, ...]) -> Person:
        key = _name_key(words)
        suffix = _suffix(words)
        # "Wong Kar-wai", "Park Chan-wook": a hyphenated given name last, an East Asian order
        # the family-name list may not know; either end may be the surname
        if key[0] in lx.EAST_ASIAN_FAMILY_NAMES or len(key) == 2 and "-" in key[-1]:
            surnames, given = frozenset([key[0], key[-1]]), None
        else:
            surnames, given = frozenset([key[-1]]), key[0]
        if given is not None and len(key) > 2:
            # "Gabriel García Márquez": the middle word may be a surname too ("García")
            surnames |= {k for k in key[1:-1] if not _initial(k) and k not in _PARTICLES}
        for person in self._named(key):
            if _suffix(person.words) != suffix:
                continue  # "John Smith Jr." is not "John Smith"
            if person.given == given and person.surnames == surnames:
                return person  # "Donald J. Trump" after "Donald Trump"
            known = [fold_name(w) for w in person.words]
            if len(known) > 1 and (_contains(key, known) or _contains(known, key)):
                return person  # "Crooked Hillary Clinton" and "Hillary Clinton"
            longer = max(known, key, key=len)
            if given is not None and len(known) == len(key) == 2 and known[-1] == key[-1] and min(len(known[0]), len(key[0])) >= 3 \
                    and (known[0].startswith(key[0]) or key[0].startswith(known[0])):
                return person  # "Ken Starr" and "Kenneth Starr"
            if given is not None and min(len(known), len(key)) == 2 and known[0] == key[0] and known[-1] == key[-1] \
                    and not any(_initial(w) for w in longer[1:-1]):
                return person  # "Alan Mark Grayson" and "Alan Grayson"; not "George W. Bush" and "George H.W. Bush"
            if len(known) == 1 and person.surnames == surnames and person.mentions[0].title:
                # "Professor Nega" before "Berhanu Nega"; not "Mr. Trump" before "Freddy Trump"
                person.words, person.given = words, given
                self._index(person)
                return person
        person = Person(words, surnames, given)
        self._add(person)
        return person

    def _add(self, person: Person) -> None:
        self.people.append(person)
        self._index(person)

    def _index(self, person: Person) -> None:
        rank = next(i for i in range(len(self.people) - 1, -1, -1) if self.people[i] is person)
        for word in {fold_name(w) for w in person.words}:
            self.by_word.setdefault(word, {})[rank] = person

    def _named(self, words) -> list[Person]:
        """The people whose names hold any of the folded ``words``, in the
        order they came in (every way of matching a name shares a word)."""
        found = {rank: p for word in set(words) for rank, p in self.by_word.get(word, {}).items()}
        return [found[rank] for rank in sorted(found)]

    # -- offices -------------------------------------------------------------

    def _office(self, token: "Token", base: int, number: int) -> Office | None:
        head = token.lower_
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
        portfolio = {_bare(c) for c in modifiers if not _country(c)} - _NOT_PORTFOLIO
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                portfolio |= {_bare(t) for t in prep.subtree if t.pos_ in ("PROPN", "NOUN")}
        if not _definite(token, modifiers) or _holder_beside(token):
            return None
        if any(_bare(m) in _NOT_CURRENT for m in modifiers):
            return None  # "the former secretary of state", "the next president": not a voice in the story
        if head == "executive" and (_capitalized(token) or not modifiers) and not any(_bare(m) == "chief" for m in modifiers):
            return None  # "the Health and Safety Executive", "the Scottish Executive" (later "the executive"): a body
        first = min([token] + [m.left_edge for m in modifiers], key=lambda t: t.i)
        start, end = base + first.idx, base + token.idx + len(token)
        # anywhere in the story, before or after: the holder is often paragraphs away
        # ("the director of the film adaptation ... Chris Weitz, who would direct the films"): a plural is the word
        wanted = _singular(portfolio)
        holder = any(head in p.roles and (not portfolio or wanted & _singular(p.roles)) for p in self.people)
        anaphoric = any(c.dep_ in ("det", "poss") for c in token.children)
        # "... talked with Francois Hollande. The French president expressed ...": the office
        # points back to the person just named
        holder = holder or anaphoric and any(
            number - 1 <= m.sentence <= number and m.end <= start and not m.quoted for p in self.people for m in p.mentions
        )
        # "Blair defends terror law" over "The prime minister has defended ...": the lede's
        # office points to the person the headline names
        holder = holder or anaphoric and number == self.lede and any(p.surnames & self.display_words for p in self.people)
        return Office(
            start, end, head, frozenset(portfolio), number, _source_or_actor(token), holder,
            self.doc.in_quote(start), anaphoric,
        )


def arts_story(prose: str) -> bool:
    """Whether the copy is an arts story: several words of entertainment copy."""
    words = _arts_words()
    return len(set(re.findall(r"[a-z]+", prose.lower())) & words) >= _ARTS_STORY


def well_known(words: tuple[str, ...]) -> bool:
    """Whether a full name is one the desk's readers know without a title:
    named in full in a good share of a news corpus's articles (mined by
    benchmarks/mine_well_known.py). "Hillary Rodham Clinton" is known as
    "Hillary Clinton": the given name and surname are matched too."""
    key = _name_key(words)
    known = _well_known_names()
    return " ".join(key) in known or len(key) > 2 and f"{key[0]} {key[-1]}" in known


@lru_cache(maxsize=1)
def _well_known_names() -> frozenset[str]:
    text = resources.files("lint").joinpath("data/well-known-names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def _arts_words() -> frozenset[str]:
    return frozenset(resources.files("lint").joinpath("data/arts-words.txt").read_text(encoding="utf-8").split())


def sports_story(prose: str) -> bool:
    """Whether the copy is a sports story: several words of sports copy, or
    scores or a fixture and some."""
    words = len(set(re.findall(r"[a-z][a-z-]*", prose.lower())) & _SPORTS_WORDS)
    if words >= _SPORTS_STORY or words + 2 < _SPORTS_STORY:
        return words >= _SPORTS_STORY  # what scores and a fixture add (two at most) would not change it
    return words + (len(_SCORE.findall(prose)) >= 2) + (_FIXTURE.search(prose) is not None) >= _SPORTS_STORY


# -- reading names off the parse ------------------------------------------------


@lru_cache(maxsize=1 << 16)  # called for every name word against every person
def fold_name(word: str) -> str:
    """A name word for matching: lower case, accents and periods gone
    ("François" and "Francois" are one name)."""
    decomposed = unicodedata.normalize("NFKD", word.lower().rstrip(".,"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _suffix(words) -> str:
    return next((fold_name(w) for w in words[1:] if fold_name(w) in _SUFFIXES), "")


def _name_key(words) -> list[str]:
    """A full name's words for matching, without a suffix ("Ken Griffey Jr.")."""
    key = [fold_name(w) for w in words]
    while len(key) > 1 and key[-1] in _SUFFIXES:
        key.pop()
    return key


def _bare(token: "Token") -> str:
    return token.lower_.rstrip(".")


def _country(token: "Token") -> bool:
    """ "U.S.", "British", "China's": where an office is, not which one."""
    return token.ent_type_ in ("GPE", "NORP") or bool(_INITIALISM.fullmatch(token.text))


def _capitalized(token: "Token") -> bool:
    return token.text[:1].isupper()


# Entity labels of what is not a person.
_THING_LABELS = frozenset("GPE LOC ORG FAC NORP WORK_OF_ART EVENT PRODUCT LAW LANGUAGE".split())


def _entity_key(tokens) -> tuple[str, ...]:
    return tuple(fold_name(t.text) for t in tokens if t.is_alpha and t.lower_ != "the")


def thing_names(indexes: list["_ParseIndex"]) -> frozenset[tuple[str, ...]]:
    """The names (folded words) the entity recognizer labels, across the
    story, more often as a place, a body or a work than as a person: "New
    Hampshire" is a state wherever else it stands, even where one sentence
    reads like a person's ("New Hampshire, a state that ..."); and names
    that take a plural verb somewhere, a band or a team; and names whose
    last word the story also uses as a common noun ("Digital Media Hub" and
    "the hub", "Pro Evolution Soccer" and "soccer"), with the tails the
    recognizer may cut them to: on dev, 43 of the 47 full names so read are
    bodies, products or works. ``indexes``: the document's parses (see
    :class:`_ParseIndex`)."""
    labels: dict[tuple[str, ...], list[int]] = {}
    groups = set()  # "Franz Ferdinand, who were shortlisted": a band wherever else it stands
    common_nouns = indexes[0].picked.lower_case_nouns if indexes else frozenset()
    for index in indexes:
        for ent in index.entities_in_order:
            key = _entity_key(ent)
            if ent.label_ == "PERSON" or ent.label_ in _THING_LABELS:
                votes = labels.setdefault(key, [0, 0])
                votes[ent.label_ == "PERSON"] += 1
            if ent.label_ == "PERSON" and _plural_subject(_head(index.doc, ent.start, ent.end - 1)):
                groups.add(key)
            if ent.label_ == "PERSON" and len(key) > 1 and key[-1] in common_nouns:
                groups.update(key[i:] for i in range(len(key) - 1))
        groups.update(
            _entity_key(_proper_name(t)) for t in index.parse_tokens(index.picked.places_or_businesses)
            if _place_or_business(t)
        )
    return frozenset(key for key, (things, persons) in labels.items() if key and things > persons) | groups


def _where(mask) -> list[int]:
    """The token indices a column's mask keeps."""
    return mask.nonzero()[0].tolist()


def _between(positions: list[int], start: int, end: int) -> tuple[int, int]:
    """Where the positions from ``start`` up to ``end`` lie in a sorted list."""
    return bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)


def _paired_proper_nouns(doc: "Doc") -> list[int]:
    """The indices of the tokens tagged NNP that are all letters, beside another (see _paired)."""
    from spacy.attrs import IS_ALPHA, TAG

    tag, alpha = doc.to_array([TAG, IS_ALPHA]).T
    return _paired((tag == doc.vocab.strings["NNP"]) & alpha.astype(bool))


def _paired(proper_nouns) -> list[int]:
    """The token indices a mask of alphabetic proper nouns keeps beside
    another: a name's words, as only a run of two or more makes a name (see
    _proper_runs)."""
    import numpy

    beside = numpy.zeros_like(proper_nouns)
    beside[1:] |= proper_nouns[:-1]  # the token before is one
    beside[:-1] |= proper_nouns[1:]  # the token after is one
    return _where(proper_nouns & beside)


class _Picked:
    """The tokens of a document's parses that the people model's tests
    start from, picked once off their attribute arrays, so that a
    sentence's tests visit only its own: walking every token of every
    sentence, once per test, cost more than the tests on the few they
    keep. Positions run on through the parses (see _ParseIndex), whose
    columns are read as one: numpy's cost is mostly per call."""

    def __init__(self, parses: list, prose: str) -> None:
        import numpy
        from spacy.attrs import DEP, HEAD, IDX, IS_ALPHA, IS_LOWER, LEMMA, LENGTH, LOWER, POS, TAG
        from spacy.parts_of_speech import IDS

        strings = parses[0].doc.vocab.strings
        attributes = [POS, TAG, DEP, HEAD, IS_ALPHA, IS_LOWER, LENGTH, IDX, LOWER, LEMMA]
        columns = numpy.concatenate([parsed.doc.to_array(attributes) for parsed in parses])
        pos, tag, dep, head, alpha, is_lower, length, idx, lower, lemma = columns.T
        alpha = alpha.astype(bool)
        proper, noun = pos == IDS["PROPN"], pos == IDS["NOUN"]
        singular_noun, singular_proper = tag == strings["NN"], tag == strings["NNP"]
        nouns = proper | singular_noun | singular_proper | (tag == strings["NNS"])

        def either(column, labels):
            mask = column == strings[labels[0]]
            for label in labels[1:]:
                mask |= column == strings[label]
            return mask

        def by_word(mask, column, word_test):
            """The positions a mask keeps whose word (of the column, in lower case) passes
            a test, which each word takes once, not once per token."""
            positions = _where(mask)
            words = column[positions].tolist()
            passing = {word for word in set(words) if _word_passes(word_test, word, strings)}
            return [position for position, word in zip(positions, words) if word in passing]

        self.proper = _where(proper)
        # what the tests on a sentence's nouns ask first (see _Builder._sentence)
        self.office_words = by_word((singular_noun | singular_proper) & (noun | proper), lower, _office_title)
        self.roles = by_word((singular_noun | singular_proper) & either(dep, _ROLE_DEPS), lemma, _role_subject_lemma)
        self.brought_in = by_word(nouns & noun & either(dep, _BROUGHT_IN_DEPS), lemma, _brought_in_lemma)
        self.lone_names = _where(proper & alpha & (dep == strings["nsubj"]))
        self.pointed_roles = by_word(noun & singular_noun, lemma, _pointed_role_lemma)
        self.paired_proper_nouns = _paired(singular_proper & alpha)
        # for thing_names: the nouns written in lower case, and the proper nouns that may
        # name a place or a business (see _place_or_business): an object or a possessor, or
        # the head of a place noun in apposition ("Asmara, the capital")
        self.lower_case_nouns = {strings[word] for word in set(lower[noun & is_lower.astype(bool)].tolist())}
        lowers = lower.tolist()
        appositives = _where(dep == strings["appos"])
        place_appositives = [i for i in appositives if strings[lowers[i]] in _PLACE_NOUNS]
        places_or_businesses = either(dep, ("pobj", "poss"))
        # a head is kept as its distance from the token, which is negative before it
        place_appositives = numpy.array(place_appositives, dtype=numpy.int64)
        places_or_businesses[place_appositives + head[place_appositives].astype(numpy.int64)] = True
        self.places_or_businesses = _where(places_or_businesses & proper)
        # a token's text is its prose's, so its first letter is there
        bases = numpy.array([parsed.start for parsed in parses], dtype=idx.dtype)
        starts = (idx + numpy.repeat(bases, [len(parsed.doc) for parsed in parses])).tolist()
        capitalized = [prose[start].isupper() for start in starts]
        title_words = {
            word for word in {lowers[i] for i, up in enumerate(capitalized) if up}
            if _bare_word(strings[word]) in _TITLES
        }
        self.titles = [i for i, up in enumerate(capitalized) if up and lowers[i] in title_words]
        self.words = _where(alpha & (length > 3))  # of more than three letters
        self.capitalized_words = [capitalized[i] for i in self.words]
        named = (proper | noun).tolist()
        # and neither a proper noun nor a noun
        self.capitalized_other_words = [up and not named[i] for i, up in zip(self.words, self.capitalized_words)]


@lru_cache(maxsize=1 << 16)  # asked of each distinct word of every document
def _word_passes(word_test, word: int, strings) -> bool:
    """Whether a word, by its id in the parses' string store, passes a test of its lower-case form."""
    return word_test(strings[word].lower())


class _ParseIndex:
    """One parse's share of its document's picked tokens (:class:`_Picked`),
    from ``offset`` on, and its entities."""

    def __init__(self, picked: _Picked, offset: int, doc: "Doc") -> None:
        self.picked = picked
        self.offset = offset
        self.doc = doc
        self.entities_in_order = list(doc.ents)
        self.entity_starts = [entity.start for entity in self.entities_in_order]

    def bounds(self, positions: list[int], sentence: "Span") -> tuple[int, int]:
        """Where the sentence's own tokens lie in a list of picked positions."""
        return _between(positions, self.offset + sentence.start, self.offset + sentence.end)

    def within(self, positions: list[int], sentence: "Span") -> list[int]:
        """The token indices of the sentence's own picked positions."""
        first, end = self.bounds(positions, sentence)
        return [position - self.offset for position in positions[first:end]]

    def tokens(self, positions: list[int], sentence: "Span") -> Iterator["Token"]:
        return map(self.doc.__getitem__, self.within(positions, sentence))

    def parse_tokens(self, positions: list[int]) -> Iterator["Token"]:
        """The parse's own tokens at picked positions."""
        return self.tokens(positions, self.doc[:])

    def entities(self, sentence: "Span") -> list["Span"]:
        """The entities inside the sentence, as ``sentence.ents``."""
        found = []
        for i in range(bisect.bisect_left(self.entity_starts, sentence.start), len(self.entities_in_order)):
            if self.entities_in_order[i].end > sentence.end:
                break
            found.append(self.entities_in_order[i])
        return found


def _proper_name(token: "Token") -> list["Token"]:
    """The proper nouns a name's last word heads ("Tamil Nadu")."""
    first = token.i
    while first > 0 and token.doc[first - 1].dep_ == "compound" and token.doc[first - 1].head.i == token.i \
            and token.doc[first - 1].pos_ == "PROPN":
        first -= 1
    return list(token.doc[first : token.i + 1])


def _place_or_business(token: "Token") -> bool:
    """A name introduced as a place ("the province of Tamil Nadu",
    "Asmara, the capital"), or one owning what only a business owns ("Cairn's
    shares", "Rough Trade's parent company")."""
    if token.pos_ != "PROPN" or not _capitalized(token):
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _PLACE_NOUNS and head.head.pos_ == "NOUN" \
            and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in _POSSESSIVES):
        return True  # not "the state of Sanders' younger years"
    if any(c.dep_ == "appos" and c.lower_ in _PLACE_NOUNS for c in token.children):
        return True
    if token.dep_ == "poss" and head.pos_ == "NOUN":
        return head.lower_ in _CORPORATE_NOUNS or head.lower_ == "company" and any(
            c.lower_ == "parent" for c in head.children
        )
    return False


_WORD = r"[A-Z][\w'’-]+"
# The title of a work: "The Woman in White" (a capital "The" inside a sentence, and a
# small word: not "The Guardian"), "the Prisoner of Azkaban", "Knights Of The Old Republic".
_WORK_TITLE = (
    rf"(?:(?<=[a-z,] )The {_WORD}(?: {_WORD})* [a-z]{{1,3}} {_WORD}"
    rf"|the (?P<lead>{_WORD}) (?:of|in|to|and) (?:the )?{_WORD}"
    rf"|{_WORD}(?: {_WORD})* (?:Of|The|To|In|And|A)(?: (?:The|A))?(?: {_WORD})+)"
)
_NAME_RUN = rf"{_WORD}(?: {_WORD}){{1,2}}"
_WORKS_BEFORE = regex.compile(rf"(?P<name>{_NAME_RUN})(?=,? (?:and|or) {_WORK_TITLE}|, {_WORK_TITLE})")
_WORKS_AFTER = regex.compile(rf"{_WORK_TITLE}(?:,? (?:and|or) |, )(?P<name>{_NAME_RUN})\b")
# What a line must hold for those to match in it (no match crosses a line): a list's
# separator before a capital or "the", and a title's small word. Run over every
# line, the patterns above cost more than the rest of the people model.
_LIST_SEPARATOR = re.compile(r"(?:, | and | or )(?:[A-Z]|the )")
_TITLE_SMALL_WORDS = (" Of ", " The ", " To ", " In ", " And ", " A ")
_OF_TITLE = re.compile(r"the [A-Z][\w'’-]+ (?:of|in|to|and) ")


def listed_with_works(prose: str) -> frozenset[tuple[str, ...]]:
    """Names (folded words) listed beside the title of a work, which are
    works too: "The Producers, Mary Poppins and The Woman in White",
    "Knights Of The Old Republic and Jedi Knight", "Harry Potter and the
    Prisoner of Azkaban". A title that opens with an office or a body's word
    ("the Secretary of State", "the Bank of England") lists no work."""
    found = set()
    start = 0
    for line in prose.split("\n"):
        end = start + len(line)
        if _LIST_SEPARATOR.search(line) and (any(w in line for w in _TITLE_SMALL_WORDS) or _OF_TITLE.search(line)):
            for pattern in (_WORKS_BEFORE, _WORKS_AFTER):
                for match in pattern.finditer(prose, start, end, overlapped=True):
                    lead = match.group("lead")
                    if lead is not None and _bare_word(lead) in _TITLES | _ROLE_WORDS | _NOT_NAMES:
                        continue
                    found.add(tuple(fold_name(w) for w in match.group("name").split()))
        start = end + 1
    return frozenset(found)


def _bare_word(word: str) -> str:
    return word.lower().rstrip(".")


def _names(
    sentence: "Span", index: "_ParseIndex", things: frozenset[tuple[str, ...]] = frozenset()
) -> list[tuple[int, int]]:
    """Token ranges (first, last) of the person names in a sentence: each
    PERSON entity, and proper nouns right after a title ("President
    Trump"), trimmed of titles and a possessive; not a name the story's
    entity labels make a thing (``things``, see :func:`thing_names`)."""
    found: list[tuple[int, int]] = []
    covered: set[int] = set()
    doc = sentence.doc
    for ent in index.entities(sentence):
        if ent.label_ != "PERSON":
            continue
        first, last = ent.start, ent.end - 1
        if _title_case_run_on(doc, first, last, sentence.start):
            covered.update(range(ent.start, ent.end))
            continue  # "Leeds Unite Against Racism", "Citizens Against ...": a body's name in title case
        while first > sentence.start and _initial(doc[first].text) and _given_name_before(doc[first - 1]):
            first -= 1  # "George W. Bush", which the recognizer reads as "W. Bush"
        # "Chris Martin, Dido", "Trump’s Indiana": the recognizer ran on past the name
        stop = next((t.i for t in doc[first : last + 1] if t.text in _POSSESSIVES or t.text in ",;()" or _spaced_dash(t)), last + 1)
        last = stop - 1
        # "Wales physio Mark Davies", "Longtime Clinton": the name is the proper nouns at the end
        # (not the "un" of "Kim Jong-un")
        lower = [t.i for t in doc[first : last + 1] if not _capitalized(t) and t.is_alpha and doc[t.i - 1].tag_ != "HYPH"]
        first = lower[-1] + 1 if lower else first
        while first <= last and (
            _bare(doc[first]) in _TITLES or doc[first].tag_ != "NNP" or _role_word(doc[first]) or _descriptor(doc[first])
        ):
            first += 1  # "Ohio Republican John Kasich": what he is, then who
        while last >= first and doc[last].tag_ != "NNP":
            last -= 1
        while last >= first and not doc[last].text[:1].isalpha():
            last -= 1
        covered.update(range(ent.start, ent.end))
        if first > last or all(t.is_upper for t in doc[first : last + 1]) or doc[last].tag_ == "NNPS":
            continue  # "CORRECTION APPENDED", "the Lib Dems"
        if any(_descriptor(t) or _garbled(t) for t in doc[first : last + 1]):
            continue  # "House Democrats", "White House": a body, not a person; "Carson CNN"
        if _label(doc, first, last):
            continue  # "Contributing: Nicole Gaudiano.", "Hillary Clinton: 1,769."
        head = _head(doc, first, last)
        if head.dep_ in ("compound", "nmod") and head.head.i > last and not any(t.is_punct for t in doc[last + 1 : head.head.i]) \
                and _postnominal(doc, last) is None:
            continue  # "the James Bond films", "Trump Tower": a name used for a thing; not "Paul Flynn MP"
        if first > sentence.start and doc[first - 1].lower_ in ("the", "a", "an"):
            continue  # "the Ed Sullivan of podcasting", "a new Gordon Brown": a figure, not the person
        if _in_a_work_title(doc, first, sentence.start):
            continue  # "The Diary of Alicia Keys", "The Life of David Gale": a work's title
        if _bare(doc[last]) in _NOT_NAMES - _SURNAME_WORDS:
            continue  # "Sheffield United", "Bethnal Green Road": a club, a body, a place the recognizer took for a person
        if _names_a_place(doc, last) or _plural_subject(head):
            continue  # "St Fintian's High School"; "Duran Duran are to appear": a band
        if _entity_key(doc[first : last + 1]) in things:
            continue
        found.append((first, last))
    for chunk in _unlabelled_runs(sentence, index, covered):
        if _entity_key(doc[chunk[0] : chunk[1] + 1]) in things:
            continue
        found.append(chunk)
        covered.update(range(chunk[0], chunk[1] + 1))
    after = sentence.start  # where the last title's name ended
    for i in index.within(index.picked.titles, sentence):
        if i >= after and i not in covered:
            j = i + 1
            while j < sentence.end and j not in covered and (
                _bare(doc[j]) in _TITLES and _capitalized(doc[j]) or doc[j].text == "." or doc[j].is_space  # "Reps . Ana Ruiz"
            ):
                j += 1
            k = j
            while k < sentence.end and k not in covered and doc[k].pos_ == "PROPN" and _capitalized(doc[k]) and (
                doc[k].is_alpha or k > j and _initial(doc[k].text) and k + 1 < sentence.end and doc[k + 1].pos_ == "PROPN"
            ):
                k += 1  # "President George H. W. Bush": initials inside the name
            if k > j and not any(_descriptor(t) for t in doc[j:k]) and not _names_a_place(doc, k - 1):
                found.append((j, k - 1))  # not "Speaker of the House", "Senate Republicans"
            after = k
    return sorted(found)


def _title_case_run_on(doc: "Doc", first: int, last: int, sentence_start: int) -> bool:
    """A name that runs on in title case through a capitalized small word
    ("Leeds Unite Against Racism", "Neocons For Trump"), as the names of
    bodies, campaigns and works do and people's names never do."""
    for token in doc[max(first + 1, sentence_start + 1) : min(last + 1, len(doc) - 1)]:
        following = doc[token.i + 1]
        if _capitalized(token) and token.lower_ in _SMALL_WORDS and doc[token.i - 1].is_alpha \
                and _capitalized(following) and following.is_alpha:
            return True
    return False


def _in_a_work_title(doc: "Doc", first: int, sentence_start: int) -> bool:
    """A name closing a title in title case, "The Diary of Alicia Keys": a
    capital "The", a capitalized noun that is no title, role or body ("the
    Duke of Westminster", "The University of Texas") and "of"."""
    if first - 3 < sentence_start or doc[first - 1].lower_ != "of":
        return False
    noun, article = doc[first - 2], doc[first - 3]
    return article.text == "The" and _capitalized(noun) and noun.is_alpha and _bare(noun) not in (
        _TITLES | _ROLE_WORDS | _NOT_NAMES
    ) and not _role_word(noun)


def _unlabelled_runs(sentence: "Span", index: "_ParseIndex", covered: set[int]):
    """Two or three proper nouns the recognizer left unlabelled, followed by
    a role in apposition or a "who" clause: "Shen Dingli, a prominent
    Chinese scholar,", "Ana Ruiz, who leads the union,"."""
    doc = sentence.doc
    for token in map(doc.__getitem__, index.within(index.picked.proper, sentence)):
        if token.i in covered or token.ent_type_ or not token.is_alpha:
            continue
        if not any(c.i > token.i and (c.dep_ == "appos" and c.pos_ == "NOUN" or _who_clause(c)) for c in token.children):
            continue
        first = token.i
        while first > sentence.start and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == token.i \
                and doc[first - 1].pos_ == "PROPN" and not doc[first - 1].ent_type_ and _capitalized(doc[first - 1]):
            first -= 1
        if 1 <= token.i - first <= 2 and _bare(doc[first]) not in _TITLES and not any(
            _descriptor(t) for t in doc[first : token.i + 1]
        ):
            yield first, token.i


def _plural_title(word: str) -> bool:
    """ "Reps.", "Sens.", "presidents": a title or role that covers the names after it."""
    bare = word.lower().rstrip(".")
    return bare in _PLURAL_TITLES or bare.endswith("s") and role_noun(bare[:-1])


def _role_word(token: "Token") -> bool:
    """ "Olympian Andy Turner", "Pollster Ann Selzer": a capitalized noun
    of what someone does, set before the name like a title. Only our list
    counts inside a name the recognizer found: "Taylor", "Walker" and
    "Christian" end like roles."""
    word = token.lower_
    if not (_capitalized(token) and token.is_alpha and token.pos_ in ("NOUN", "PROPN")):
        return False
    if word in _ROLE_WORDS:
        return True
    return token.ent_type_ != "PERSON" and _agent_noun(word)


def _headline(sentence: "Span", index: "_ParseIndex") -> bool:
    """Title case with a capitalized word that is no name ("Goes", "After",
    "Endorsed"), where a sentence full of names would have none."""
    first, end = index.bounds(index.picked.words, sentence)  # its words of more than three letters
    if end - first < 4 or sum(index.picked.capitalized_words[first:end]) < 0.8 * (end - first):
        return False
    return any(index.picked.capitalized_other_words[first + 1 : end])


def _plural_subject(head: "Token") -> bool:
    """A name that takes a plural verb ("Duran Duran are to appear", "Franz
    Ferdinand have", "Franz Ferdinand, who were shortlisted"), as British copy
    writes of a band or a team: a group, not a person."""
    if head.tag_ != "NNP" or any(c.dep_ == "conj" for c in head.children):
        return False  # "Hayes and Duffy have": two people
    # "Franz Ferdinand, who were shortlisted": the verb of a relative clause on the name
    verbs = [c for c in head.children if _who_clause(c)] + ([head.head] if head.dep_ == "nsubj" else [])
    finite = verbs + [c for verb in verbs for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(t.tag_ == "VBP" or t.lower_ in ("are", "were", "have") for t in finite)


def _garbled(token: "Token") -> bool:
    """No word of a person's name: an initialism ("Carson CNN") or words
    run together in a scraped page ("FlagShareLikeReplySara")."""
    text = token.text
    capitals = sum(c.isupper() for c in text)
    if text.isalpha() and text.isupper() and len(text) > 1:
        return fold_name(text) not in _SUFFIXES
    return capitals > 2 and not text.isupper()


def role_noun(word: str) -> bool:
    """ "chairwoman", "spokesman", "striker": a noun of someone's role."""
    word = word.lower()
    return word in _ROLE_WORDS or word in lx.TITLE_WORDS or _agent_noun(word) and word not in lx.INANIMATE_NOUNS


def _names_a_place(doc: "Doc", last: int) -> bool:
    """A name whose possessive opens the name of a body or place ("St
    Fintian's High School", "St Thomas' Hospital")."""
    if last + 2 >= len(doc) or doc[last + 1].text not in _POSSESSIVES:
        return False
    end = last + 2
    while end < len(doc) and doc[end].pos_ == "PROPN" and _capitalized(doc[end]):
        end += 1
    return end > last + 2 and _bare(doc[end - 1]) in _NOT_NAMES


def _spaced_dash(token: "Token") -> bool:
    """ "Clive Griffiths - Wales' defensive coach -": a dash that sets off an aside, not a hyphen;
    an em dash does so unspaced too ("Jane Roe—the party's treasurer—said")."""
    return token.text == "—" or token.text in ("-", "–") and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def _label(doc: "Doc", first: int, last: int) -> bool:
    """A name in a credit line or a tally: after a label and a colon at the
    start of its sentence, or before a colon and a number; a name that is
    its sentence ("― Karen Bobadilla.", a reader's comment signed) or
    follows only "by" ("Co-authored by Jane Roe.")."""
    sentence = doc[first].sent
    if first >= sentence.start + 2 and doc[first - 1].text == ":" and first - 2 <= sentence.start + 2 \
            and all(t.is_alpha or t.text in _POSSESSIVES for t in doc[sentence.start : first - 1]):
        return True  # "Contributing: Nicole Gaudiano.", "Editor's note: ...": a label's
    # "2. Donald Trump (Last week: 3.)": an item of a ranked list
    # the words before the name, nearest first: four at most, as no test below counts more
    before = list(islice(
        (t for t in reversed(doc[sentence.start : first]) if not (t.is_punct or t.is_space or _numeral(t) or _dash(t))), 4
    ))
    words_after = any(not (t.is_punct or _numeral(t)) for t in _outside_parentheses(doc[last + 1 : sentence.end]))
    if not words_after and (not before or before[0].lower_ == "by" and len(before) <= 3):
        return True
    if not before and first > sentence.start and doc[first - 1].text in ("-", "–", "—", "―"):
        return True  # '"... the top 1 percent." - Bernie Sanders', "― Martha Aguilar “Mr. Trump ...": a quotation's credit
    credited = _past_spaces(doc, first, sentence.start)
    run_on = last + 1 < len(doc) and doc[last + 1].text in _OPENING_QUOTES
    if (run_on or not words_after) and credited >= 2 and _dash(doc[credited - 1]) and doc[_past_spaces(doc, credited - 1, 1) - 1].text in _CLOSING_QUOTES:
        return True  # '... respected.” ― Jorge Falcon “Maybe ...', '... we can vote.” ― Ana Ruiz.': a credit
    # "- Mark Blumenthal and Jon Cohen: “Although ...": the authors of what follows
    i = last + 1
    while i < sentence.end and (doc[i].pos_ == "PROPN" or doc[i].lower_ == "and" or doc[i].text == ","):
        i += 1
    j = first  # back to the first of the names
    while j > sentence.start and (doc[j - 1].pos_ == "PROPN" or doc[j - 1].lower_ == "and" or doc[j - 1].text == ","):
        j -= 1
    j = _past_spaces(doc, j, sentence.start)
    if j == sentence.start and i < sentence.end and doc[i].lemma_ == "contribute":
        return True  # "Bryant Rousseau and Caryn Wilson contributed reporting.": a credit line
    if j == sentence.start and all(t.is_punct or t.is_space for t in doc[i : sentence.end]):
        return True  # "Ahmed Nasser and Reham Said.": a photo's caption, names and nothing else
    opens = j == sentence.start or _dash(doc[j - 1])
    if opens and i + 1 < len(doc) and doc[i].text == ":" and doc[i + 1].text in _OPENING_QUOTES:
        return True
    # "Hillary Clinton: 1,769."; "Joshua Reynolds: The Creation of Celebrity", a title
    return last + 2 < len(doc) and doc[last + 1].text == ":" and (doc[last + 2].like_num or doc[last + 2].text == "The")


_OPENING_QUOTES = ('"', "“", "‘", "''", "``")
_CLOSING_QUOTES = ('"', "”", "’", "''")


def _until_punctuation(tokens) -> list:
    return list(takewhile(lambda t: not t.is_punct, tokens))


def _dash(token: "Token") -> bool:
    return token.text in ("-", "–", "—", "―", "--")


def _numeral(token: "Token") -> bool:
    return token.like_num or token.text.rstrip(".").isdigit()


def _outside_parentheses(tokens) -> Iterator["Token"]:
    depth = 0
    for t in tokens:
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.text != ")":
            yield t


def _subject_or_possessor(head: "Token") -> bool:
    token = head
    while token.dep_ == "conj":
        token = token.head  # "Xi and Trump get ready"
    return token.dep_ in (*_SOURCE_DEPS, "poss") or any(c.tag_ == "POS" for c in head.children)


def _subject(head: "Token") -> bool:
    token = head
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ in _SOURCE_DEPS


def _listed(head: "Token") -> bool:
    """ "Hugh Laurie, Stephen Fry and Miranda Richardson", "players including
    Greg Rusedski": an item of a list."""
    top = head
    while top.dep_ in ("conj", "appos") and top.head.pos_ == "PROPN":
        top = top.head  # "Anastacia, Avril Lavigne, Robbie Williams and Britney Spears": the parser may chain appositives
    items = 1 + sum(
        1 for t in top.subtree
        if t.dep_ in ("conj", "appos") and t.pos_ == "PROPN" and (t.head.i == top.i or t.head.dep_ in ("conj", "appos"))
    )
    if items >= 3:
        return True
    return top.dep_ == "pobj" and top.head.lower_ in _LIST_OPENERS or top.dep_ == "dobj" and top.head.lower_ in _LIST_OPENERS


def _agent_noun(word: str) -> bool:
    """ "sprinter", "novelist", "historian": a noun of what someone does."""
    return word.endswith(_AGENT_SUFFIXES) and word not in _NOT_PEOPLE


def _shared_appositive(doc: "Doc", head: "Token", sentence_start: int) -> "Token | None":
    """A plural appositive after the last of the names a coordination
    opens, which says who all of them are ("Ana Ruiz and Tom Lee, the
    two candidates,"): the parser hangs it on the last name."""
    for conj in head.children:
        if conj.dep_ != "conj" or conj.pos_ != "PROPN":
            continue
        start = _name_start(conj, sentence_start)
        described = _description(doc, start, conj.i, conj)
        if described is not None and described.dep_ == "appos" and (described.tag_ == "NNS" or _some_of(described)):
            return described  # "Ana Ruiz and Tom Lee, the two candidates,"; "..., two of the three survivors,"
    return None


# "one of the men", "two of the three people who survived": some of a group that says who they are
_SOME = frozenset("one two three four both all each".split())


def _some_of(token: "Token") -> bool:
    return token.lower_ in _SOME and any(c.lower_ == "of" for c in token.children)


def _lead_conjunct(head: "Token") -> "Token":
    """The first name of a coordination ("Neil Back and Martin Johnson")."""
    while head.dep_ in ("conj", "appos") and head.head.pos_ == "PROPN" and head.head.i < head.i:
        head = head.head
    return head


def _last_conjunct(head: "Token") -> "Token | None":
    """The last of the names coordinated after this one, when all are names."""
    last = None
    for conj in head.conjuncts:
        if conj.i > head.i and conj.ent_type_ == "PERSON":
            last = conj if last is None or conj.i > last.i else last
    return last


def _name_start(head: "Token", sentence_start: int) -> int:
    i = head.i
    doc = head.doc
    while (
        i > sentence_start and doc[i - 1].dep_ == "compound" and doc[i - 1].pos_ == "PROPN"
        and doc[i - 1].is_alpha and _bare(doc[i - 1]) not in _TITLES  # not "Reps ." before "Ana Ruiz"
    ):
        i -= 1
    return i


def _lone_name(token: "Token") -> bool:
    """ "Obama said": a proper noun alone as the subject of a speech,
    thought or stance verb, someone the recognizer was not asked about."""
    if token.pos_ != "PROPN" or not token.is_alpha or not _capitalized(token) or token.dep_ != "nsubj":
        return False
    if token.is_upper or token.ent_type_ not in ("", "PERSON") or token.head.lemma_.lower() not in lx.CUE_VERBS:
        return False  # "OPEC announced", "Beijing said"
    return not any(n.pos_ == "PROPN" for n in (token.nbor(-1) if token.i else None, _next(token)) if n is not None)


def _next(token: "Token") -> "Token | None":
    return token.nbor(1) if token.i + 1 < len(token.doc) else None


# Every part of a sentence the builder asks _role_subject about.
_ROLE_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")


def _role_subject(token: "Token", deps=("nsubj", "nsubjpass")) -> bool:
    """ "The Greek sprinter", "the European commissioner": a subject (or
    another part, ``deps``) that is one person named by what they do."""
    if token.dep_ not in deps or token.tag_ not in ("NN", "NNP"):
        return False
    if token.tag_ == "NNP" and _bare(token) not in lx.TITLE_WORDS:
        return False  # "the former Secretary of State", not "the Pentagon"
    # the word before its dependents: it rules out most nouns, and costs less to read
    if not _role_subject_lemma(token.lemma_.lower()):
        return False
    # "the Greek sprinter", "a senior barrister", "Amnesty International's chief"
    return any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") or c.dep_ == "poss" for c in token.children)


def _role_subject_lemma(lemma: str) -> bool:
    """A lemma _role_subject takes for one person's role ("sprinter", "chief")."""
    if lemma in _GENERIC_PEOPLE:
        return False
    return lemma in lx.TITLE_WORDS or lemma in lx.ROLE_NOUNS or lemma in lx.VAGUE_GROUPS or lemma in _ROLE_WORDS \
        or _agent_noun(lemma) and lemma not in lx.INANIMATE_NOUNS


_GENERIC_PEOPLE = frozenset("man woman".split())


# The parts of a sentence that may bring someone in (see _brought_in).
_BROUGHT_IN_DEPS = ("dobj", "pobj", "attr", "appos")


def _brought_in(token: "Token") -> bool:
    """ "research from a City investment bank", "support for two imprisoned
    Iranian bloggers": a body or people by role that an article or a number
    brings in, whom the next sentence may name."""
    if token.dep_ not in _BROUGHT_IN_DEPS or token.pos_ != "NOUN":
        return False
    if not _brought_in_lemma(token.lemma_.lower()):  # the word before its dependents (see _role_subject)
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") or c.dep_ == "nummod" for c in token.children):
        return False
    # not "between a man and a woman": no one in particular
    return any(c.dep_ in ("amod", "compound", "prep", "acl", "relcl") for c in token.children)


def _brought_in_lemma(lemma: str) -> bool:
    """A lemma _brought_in takes for a body or a role ("bank", "blogger")."""
    return lemma in lx.ORGANIZATION_NOUNS or role_noun(lemma) and lemma not in _GENERIC_PEOPLE \
        and lemma not in _NO_ROLE_NOUNS


def _owned(token: "Token") -> bool:
    """A role with the body it belongs to: "the president of the AFL-CIO",
    "Germany's finance minister"; not "the next president"."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ in ("PROPN", "NOUN") for g in c.children)
        or c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")
        for c in token.children
    )


def _contains(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


def recognize_names(docs: list["Document"], pipeline: str = DEFAULT_PIPELINE) -> None:
    """Run the entity recognizer, in one batch for many parsed documents,
    on the names it must judge, and set the entities it finds on the
    parses: runs of two proper nouns or more with no title before them,
    each the first time its document has it (a name repeated later is
    matched against the people already known), with a few words either
    side, which is as far as the recognizer looks. A document is done
    once; the people model calls this for a document the caller did not
    batch."""
    pending = [doc for doc in docs if doc.parses is not None and not doc.models.get(_NAMES_RECOGNIZED)]
    windows = []
    for doc in pending:
        seen: set[tuple[str, ...]] = set()
        for parsed in doc.parses:
            name_words = _paired_proper_nouns(parsed.doc)
            for sentence in parsed.doc.sents:
                spans = []
                first_word, end = _between(name_words, sentence.start, sentence.end)
                for first, last in _proper_runs(sentence, name_words[first_word:end]):
                    words = tuple(fold_name(t.text) for t in sentence.doc[first : last + 1])
                    if words not in seen:
                        seen.add(words)
                        start, end = max(sentence.start, first - _CONTEXT), min(sentence.end, last + 1 + _CONTEXT)
                        if spans and start <= spans[-1][1]:
                            start = spans.pop()[0]
                        spans.append((start, end))
                windows.extend(sentence.doc[start:end] for start, end in spans)
        doc.models[_NAMES_RECOGNIZED] = True
    found: dict[int, tuple["Doc", list]] = {}
    for window, recognized in zip(windows, recognize_entities([w.as_doc() for w in windows], pipeline)):
        doc = window.doc
        entities = found.setdefault(id(doc), (doc, []))[1]
        entities.extend(
            doc.char_span(window.start_char + e.start_char, window.start_char + e.end_char, label=e.label_)
            for e in recognized.ents
        )
    for doc, entities in found.values():
        doc.set_ents([e for e in entities if e is not None], default="unmodified")


def _proper_runs(sentence: "Span", paired_proper_nouns: list[int]) -> list[tuple[int, int]]:
    """Runs of two or more capitalized proper nouns that may be a name,
    given the sentence's alphabetic proper nouns beside another (see _paired_proper_nouns)."""
    runs = []
    doc = sentence.doc
    name_words = [
        token.i for token in map(doc.__getitem__, paired_proper_nouns)
        if _capitalized(token) and _bare(token) not in _TITLES and not _descriptor(token) and not _garbled(token)
    ]
    rows: list[list[int]] = []  # the name words in a row
    for i in name_words:
        if rows and rows[-1][-1] == i - 1:
            rows[-1].append(i)
        else:
            rows.append([i])
    for first, last in ((row[0], row[-1]) for row in rows):
        if last > first:
            before = sentence.doc[first - 1] if first > sentence.start else None
            titled = before is not None and _bare(before) in _TITLES and _capitalized(before)
            # "the Premier League", "Renmin University", "Downing Street": no person's name
            named_thing = before is not None and before.lower_ == "the" or _bare(sentence.doc[last]) in _NOT_NAMES
            if not (titled or named_thing):
                runs.append((first, last))
    return runs


def _title_start(doc: "Doc", first: int, sentence_start: int) -> int:
    """Where the capitalized title before a name begins ("U.S. Treasury
    Secretary Scott Bessent", "Mr Blair"); ``first`` when there is none."""
    if first == sentence_start and first >= 2 and doc[first - 1].text == "." and _bare(doc[first - 2]) in _TITLES:
        return first - 2  # "Sens." taken for a sentence of its own
    end = first - 1 if first - 2 >= sentence_start and doc[first - 1].text == "." else first  # "Sen . Bernie Sanders"
    i = end
    while i > sentence_start and (
        _capitalized(doc[i - 1]) and doc[i - 1].pos_ in ("PROPN", "NOUN")
        or doc[i - 1].lower_ == "of" and i - 2 >= sentence_start and _capitalized(doc[i - 2])  # "Chief of Staff"
    ):
        i -= 1
    # a title word in the capitalized words right before the name: "Commerce Secretary",
    # "Department of Defense Chief of Staff"
    if i == end or not any(_bare(t) in _TITLES for t in doc[i:end]):
        return first
    return i


def _past_spaces(doc: "Doc", first: int, sentence_start: int) -> int:
    """Where a name starts once whitespace tokens before it are passed over."""
    while first > sentence_start and doc[first - 1].is_space:
        first -= 1
    return first


# Words that end a role phrase read backwards from a name ("told reporters Trump", "and Tony Smith").
_PHRASE_STOPS = frozenset("and or but with by to than as said says told tells while when".split())
_ROLE_PHRASE_REACH = 5
# Words of an aside after a name within which its role may come.
_ASIDE_REACH = 7


def _role_phrase_before(doc: "Doc", first: int, sentence_start: int) -> str:
    """A role whose words run into the name, however the parser took them:
    "director of telecoms research Tony Lavender", "head of press Ann Lee"."""
    for i in range(first - 1, max(sentence_start, first - _ROLE_PHRASE_REACH) - 1, -1):
        token = doc[i]
        if not token.is_alpha or token.lower_ in _PHRASE_STOPS or token.lemma_.lower() in lx.CUE_VERBS:
            return ""
        if token.tag_ in ("NN", "NNP") and _bare(token) in _TITLE_OR_ROLE_WORDS and i < first - 1 \
                and any(t.lower_ in ("of", "for", "at") for t in doc[i + 1 : first]):
            return doc[i:first].text
    return ""


def _head(doc: "Doc", first: int, last: int) -> "Token":
    """The name's syntactic head: the token whose head lies outside it."""
    for token in doc[first : last + 1]:
        if not first <= token.head.i <= last or token.head.i == token.i:
            return token
    return doc[last]


def _postnominal(doc: "Doc", last: int) -> "Token | None":
    """The letters right after a name that say what the person is, in
    capitals: "Paul Flynn MP", "Michael Mansfield QC"."""
    after = doc[last + 1] if last + 1 < len(doc) else None
    return after if after is not None and after.is_upper and after.lower_ in lx.POSTNOMINALS else None


def _role_before(doc: "Doc", first: int, head: "Token", sentence_start: int) -> str:
    """A role or affiliation set before the name: "actress Doris Day",
    "British favourite Chris Lambert", "Striker Nicolas Anelka" opening a
    sentence, "Arsenal's Thierry Henry"."""
    if first > 0 and doc[first - 1].text == ")":  # "(Rural affairs minister) Alun Michael", a sentence to the parser
        opening = next((i for i in range(first - 2, max(-1, first - 8), -1) if doc[i].text == "("), None)
        if opening is not None and any(role_noun(t.lower_) for t in doc[opening + 1 : first - 1]):
            return doc[opening + 1 : first - 1].text
    if first == sentence_start:
        return ""
    before = doc[first - 1]
    if before.text in _POSSESSIVES and before.head.pos_ == "PROPN":
        return before.head.text
    if _possessor_before(doc, first, sentence_start):
        return doc[first - 2].text  # "the paper's Robert Costa", "RealClearPolitics’ David Byler"
    affiliated = _affiliated_title_start(doc, first, sentence_start)
    if affiliated is not None:
        return doc[affiliated:first].text  # "BBC Political Correspondent James Hardy"
    if before.dep_ == "pobj" and before.head.head.i < before.i and role_noun(before.head.head.lower_):
        return doc[before.head.head.i : first].text  # "Liberal Democrat spokeswoman for women Sandra Gidley"
    opening_noun = before.i == sentence_start and before.pos_ == "NOUN" or _role_word(before) or _descriptor(before)
    # "candidate Hillary Clinton", "actress Ruby Dee", whatever the parser made of them; not
    # "told reporters Trump ..."
    lower_role = not _capitalized(before) and (before.tag_ == "NN" or before.lower_ in _TITLE_OR_ROLE_WORDS)
    lower_modifier = (
        not _capitalized(before) and before.pos_ in ("NOUN", "PROPN", "ADJ") and before.lower_ not in _NO_ROLE
    )
    # "Former Mexican presidents Vicente Fox and Felipe Calderón", however the parser hung the role
    plural_role = before.tag_ == "NNS" and role_noun(before.lemma_) and head.head.i in (before.i, before.head.i)
    # "housebuilder George Wimpey", whatever the tagger made of the role
    compound_role = not _capitalized(before) and before.dep_ == "compound" and role_noun(before.lower_)
    # "vocalist and guitarist James Dean Bradfield", "chemist and engineer Tom Hale": two roles joined, whatever
    # the parser made of them (a verb, an object)
    compound_role = compound_role or not _capitalized(before) and role_noun(before.lower_) and first - 3 >= sentence_start \
        and doc[first - 2].lower_ in ("and", "&") and role_noun(doc[first - 3].lower_)
    if lower_role or compound_role or (lower_modifier or plural_role) and (before.head.i == head.i or head.head.i == before.i) \
            or plural_role or opening_noun:
        # "-Pollster Ann Selzer": a bullet the tokenizer left on the role
        words = (t.text.lstrip("-–—•*") for t in doc[max(before.left_edge.i, sentence_start) : first])
        return " ".join(w for w in words if w.isalpha())
    return ""


def _affiliated_title_start(doc: "Doc", first: int, sentence_start: int) -> int | None:
    """Where a capitalized title set before the name begins when a body,
    a party or a country opens it ("BBC Political Correspondent James
    Hardy", "Labour Party Chairman Ian McCartney"): capitalized words the
    recognizer gave no entity, each a compound modifier, after one it did."""
    i = first - 1
    while i > sentence_start and doc[i].tag_ == "NNP" and doc[i].is_alpha and _capitalized(doc[i]) \
            and not doc[i].ent_type_ and doc[i].dep_ == "compound":
        i -= 1
    return i if i < first - 1 and doc[i].ent_type_ in ("ORG", "NORP", "GPE") else None


def _possessor_before(doc: "Doc", first: int, sentence_start: int) -> bool:
    """A body's possessive right before the name, however the parser hung
    it: "the paper's Robert Costa", "RealClearPolitics’ David Byler"."""
    if first - 2 < sentence_start or doc[first - 1].text not in _POSSESSIVES:
        return False
    owner = doc[first - 2]
    if not owner.is_alpha or owner.pos_ not in ("NOUN", "PROPN"):
        return False
    if doc[first - 1].text in ("'", "’") and not owner.lower_.endswith("s"):
        return False  # a closing quotation mark, not "Politics’"
    return _capitalized(owner) or any(c.dep_ == "det" for c in owner.children) or (
        first - 3 >= sentence_start and doc[first - 3].lower_ == "the"
    )


def _description(doc: "Doc", first: int, last: int, head: "Token") -> "Token | None":
    """Words that say who the person is: an appositive ("Raman, a marine
    biologist"), a relative clause ("who leads ..."), a predicate ("Raman
    is a biologist") or the role the name is in apposition to ("the
    company's chief executive, Lena Brooks"): the token whose subtree
    holds them."""
    for child in head.children:
        if child.dep_ == "appos" and not first <= child.i <= last and (
            child.pos_ in ("NOUN", "PROPN") or _some_of(child)
        ):
            return child  # "Raman, a marine biologist"; "Oliver Letwin, one of the men lampooned"
        if _who_clause(child) or child.dep_ in ("acl", "advcl") and child.tag_ == "VBG" and child.i == last + 2 \
                and doc[last + 1].text == "," or child.dep_ == "acl" and child.tag_ == "VBG" and child.i > last:
            return child  # "who leads the union", "reporting for Western Journalism", "Larry David, playing Sanders"
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "from", "with"):
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if body is not None and (any(t.pos_ == "PROPN" for t in body.subtree) or prep.lower_ != "with" and (
                body.lower_ in lx.ORGANIZATION_NOUNS or body.lower_ in _NOT_NAMES
            )):
                return prep  # "Stephen Vladeck of the University of Texas", "from the firm Starcom", "of the website"
    if head.dep_ == "nsubj" and first > 0 and doc[first - 1].text == ",":
        for subject in head.head.children:
            if subject.dep_ == "nsubj" and subject.i < first - 1 and role_noun(subject.lemma_):
                return subject  # "The charity's head of HIV/Aids in Britain, Simon Wright said": two subjects to the parser
    if first > 1 and doc[first - 1].text == "," and (
        doc[first - 2].pos_ == "NOUN" and _bare(doc[first - 2]) in _TITLE_OR_ROLE_WORDS  # not any "-ist" ("a pernicious twist, Ana Ruiz")
        or doc[first - 2].pos_ == "PROPN" and _bare(doc[first - 2]) in lx.TITLE_WORDS  # "Scottish Finance Minister, Tom McCabe,"
    ):
        return doc[first - 2]  # "the show's co-producer, Ana Ruiz, said", however the parser took the hyphen
    if first > 1 and doc[first - 1].text == ",":
        role = _role_phrase_before_comma(doc, first)
        if role is not None:
            return role  # "France's secretary of state for the elderly, Pascale Boistard, confirmed"
    if first > 0 and doc[first - 1].text == ",":
        for child in head.children:  # "And a third, Daniel Traynor, said": the parser hung the role on the name
            if child.i < first - 1 and any(t.dep_ == "det" and t.lower_ in ("a", "an", "another") for t in child.subtree):
                return child
    governor = head.head
    if head.dep_ == "appos" and (
        governor.pos_ == "NOUN" or any(c.dep_ == "det" and c.lower_ in ("a", "another") for c in governor.children)
        or governor.lower_ == "one" and any(c.lower_ == "of" for c in governor.children)
    ):
        return governor  # "the company's chief executive, Lena Brooks"; "a third, Daniel Traynor";
        # "one of the family's lawyers, Dana Whitfield"
    if head.dep_ == "attr" and governor.lemma_ == "be":
        subject = next((c for c in governor.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        if subject is not None:
            return subject  # "Best actors are Daniel Auteuil ..."
    if head.dep_ == "nsubj" and governor.lemma_ in ("be", "become"):
        attr = next((c for c in governor.children if c.dep_ == "attr" and (
            c.pos_ == "NOUN" or c.lower_ == "one" and any(g.lower_ == "of" for g in c.children)  # "is one of those workers"
        )), None)
        if attr is not None:
            return attr
    after = doc[last + 1] if last + 2 < len(doc) else None
    if after is not None and after.text == "," and doc[last + 2].tag_ == "VBG":
        return doc[last + 2]  # "said Lin Hughes, speaking on behalf of ...", the participle hung on the verb
    if after is not None and after.lower_ in ("from", "of", "at", "for") and doc[last + 2].pos_ == "PROPN":
        return after  # "said Anthony Pratt from JD Power", "wrote Cameron Easley for Morning Consult"
    # '– Wang Yiwei, Director of the Institute ...' when the parser lost the appositive
    if last + 2 < len(doc) and doc[last + 1].text == "," and doc[last + 2].sent.start == head.sent.start:
        after = doc[last + 2]
        if after.lower_ in ("a", "an", "the", "another") or _bare(after) in lx.TITLE_WORDS:
            return after.head if after.dep_ == "det" else after
        if after.lower_ in ("from", "of", "at") and after.i + 1 < len(doc) and (
            doc[after.i + 1].lower_ in ("the", "a", "an") or any(
                t.pos_ == "PROPN" and _capitalized(t) for t in _until_punctuation(doc[after.i + 1 : after.i + 1 + _ASIDE_REACH])
            )
        ):
            return after  # "John Ison, from the controversial group Fathers 4 Justice,", "Mark Miller, at HBOS
            # Treasury Services", "Tim Hanlon, from brand communications firm Starcom MediaVest"
    # "Blake Lee-Harwood, campaigns director at Greenpeace,", "Jack Dorsey, recently named the
    # company's chief executive,", "Rob Partridge - Marley's former head of press -": a role
    # within the next few words of an aside
    if last + 2 < len(doc) and (doc[last + 1].text == "," or _spaced_dash(doc[last + 1])) \
            and doc[last + 2].sent.start == head.sent.start:
        for token in doc[last + 2 : min(last + 2 + _ASIDE_REACH, head.sent.end)]:
            if token.is_punct and token.text not in _POSSESSIVES:
                break
            if _bare(token) in _TITLE_OR_ROLE_WORDS or _capitalized(token) and _bare(token) in lx.ORGANIZATION_NOUNS \
                    or token.pos_ == "NOUN" and role_noun(token.lower_):
                return token  # "Colin Asplin, Blackpool Hotel Association said"; "Ana Ruiz, outreach coordinator for ..."
    # "One member of the committee - Paul Tucker - voted": a name set off by dashes is an aside
    # to what comes before it
    if first > 0 and _spaced_dash(doc[first - 1]) and last + 1 < len(doc) and _spaced_dash(doc[last + 1]):
        # the parser may open a sentence at the dash ("thought his former lover - Kimberly Quinn - acted")
        before = doc[max(0, first - 1 - _ASIDE_REACH) : first - 1]
        ended = max((t.i + 1 for t in before if t.text in (".", "!", "?")), default=before.start)
        return next((t for t in reversed(doc[ended : first - 1]) if t.pos_ in ("NOUN", "PROPN")), None)
    return _role_in_another_form(doc, first, head)


# Words back from the comma before a name within which a role phrase set before it may open
# ("France's secretary of state for the elderly, Pascale Boistard").
_ROLE_PHRASE_BEFORE_COMMA = 10


def _role_phrase_before_comma(doc: "Doc", first: int) -> "Token | None":
    """The role of a phrase that stands before the name and its comma, as
    an appositive the parser missed: "France's secretary of state for the
    elderly, Pascale Boistard". Not a phrase that hangs on a verb or opens
    with a preposition ("Asked about the prime minister, Jane Roe said",
    "In a letter to the president, Jane Roe wrote"): the role is someone
    else's."""
    sentence_start = doc[first].sent.start
    opening = first - 1
    while opening > sentence_start and first - 1 - opening < _ROLE_PHRASE_BEFORE_COMMA:
        token = doc[opening - 1]
        if token.pos_ in ("VERB", "AUX"):
            return None
        if token.is_punct and token.text not in _POSSESSIVES or token.pos_ in ("CCONJ", "SCONJ") or token.is_space:
            break
        opening -= 1
    else:
        if opening > sentence_start:
            return None  # no edge within reach: a long clause, not a role phrase
    phrase = doc[opening : first - 1]
    if not len(phrase) or phrase[0].pos_ == "ADP":
        return None
    # one person's role: a plural is a group the name may be one of ("Delegates from Iowa to Texas, Laura Kim and others")
    return next((t for t in phrase if t.tag_ == "NN" and t.lemma_.lower() in _TITLE_OR_ROLE_WORDS), None)


# Participles whose agent ("led by Jane Roe") holds the role they name, and works whose
# author or performer ("a new book by Jane Roe", "Jane Roe's debut album") they say.
_AGENT_PARTICIPLES = frozenset(
    "lead head chair write direct produce author edit compose present host found run coach manage organise "
    "organize design paint illustrate narrate perform conduct".split()
)
_WORKS = frozenset(
    "book books novel novels report study film films movie movies play plays song songs album albums single singles "
    "article column poem poems biography memoir memoirs paper painting paintings documentary essay opera musical "
    "track tracks tour gig concert debut hit hits record records lp ep".split()
)
# An office held, which its holder's possessive names ("Barack Obama's presidency", "Tony
# Blair's government", "in his presidency"), and a race run ("Hillary Clinton's campaign"),
# with what race it is when the word may mean another ("Mitt Romney's 2012 bid").
_OFFICE_HELD = frozenset(
    "presidency premiership administration governorship chancellorship chairmanship mayoralty papacy reign "
    "government cabinet leadership tenure".split()
)
_RACES = frozenset("campaign candidacy bid run".split())
# A race noun that needs no word saying which race: a person's campaign or candidacy is a
# candidate's (on the dev split, 43 "Jane Roe's campaign", "the candidacy of Jane Roe" and
# the like without such a word: 41 candidates, a takeover's "Mr Glazer's campaign" and a
# "hacking campaign", each saying what its owner does); a "bid" or a "run" may be a
# takeover's or a sprint's. Not a cause's campaign, which a kind word ("smear", "hacking",
# "advertising") or an aim says: "against" (dev: 1 of 1, "Mrs. Schlafly's campaign against
# the Equal Rights Amendment") or "to" and a verb (dev: 1 of 1, "Obama's recent campaign to
# tie"); "for" is mostly a race's (dev: 5 of 6, "Trump's campaign for president").
_CANDIDACIES = frozenset("campaign campaigns candidacy candidacies".split())  # "the campaigns of Jane Roe and Ana Ruiz"
# What makes someone a nominee or an appointee ("Obama's nomination of Merrick Garland").
_NOMINATIONS = frozenset("nomination appointment election confirmation".split())
_RACE_KINDS = frozenset("presidential senate mayoral leadership re-election reelection gubernatorial congressional".split())
# Verbs of writing: "wrote Jane Roe in The Guardian", "Jane Roe argued in the Times" name a writer
# and the publication.
_WRITING_VERBS = frozenset("write argue opine note observe explain conclude contend report edit host co-host cover".split())
# Pieces whose writer a name "in" one of them is ("points out in a column").
_PIECES = frozenset("column article op-ed essay piece editorial book blog newsletter commentary memoir".split())
# Verbs whose subject plays a part in a work: "Jane Roe will voice a goose", "Jane Roe played a
# man on Death Row", "Jane Roe stars as ...": an actor, which the part says.
_CAST_VERBS = frozenset("voice portray star narrate".split())
# what a court case or a crime makes a private person: a defendant ("Dylann Roof is accused of
# killing nine people", "William Trowbridge and Michael Chicoine pleaded guilty": 6 dev alerts,
# 2 read wrong in test reads) or a victim ("shot and killed Lana Clarkson"); not an arrest, which
# says what happened to someone the story has still to identify (by age, as AP does)
_DEFENDANT_PASSIVES = frozenset("accuse charge convict indict sentence acquit".split())
_KILLING_VERBS = frozenset("kill murder shoot stab strangle".split())
_DEFENDANT_OR_VICTIM_VERBS = _DEFENDANT_PASSIVES | _KILLING_VERBS
# What a race's campaign is "to" do: "campaign to win the mayoralty", "to become mayor".
_RACE_AIMS = frozenset("win become seek retain".split())
_PARTS = frozenset(
    "man woman boy girl character father mother son daughter wife husband king queen prince princess villain hero "
    "heroine detective doctor killer lover mum dad".split()
)


def owns_an_office_or_work(words: list[str]) -> bool:
    """Whether the words a name's possessive owns ("Barack Obama's
    presidency", "Mitt Romney's 2012 campaign", "Franz Ferdinand's
    self-titled album") name an office the person holds, a race they run or
    their work: what they are."""
    folded = [w.lower() for w in words]
    for i, word in enumerate(folded):
        if word in _OFFICE_HELD or word in _WORKS - {"report", "study", "paper"}:
            return True
        if word in _RACES and any(w in _RACE_KINDS or w.isdigit() for w in folded[:i]):
            return True
        # the possessed noun itself ("Jane Roe's campaign manager"), not "Jane Roe's mother campaigns",
        # "Jane Roe's smear campaign" or "Jane Roe's campaign against knife crime"
        if word in _CANDIDACIES and all(w in _RACE_KINDS or w.isdigit() for w in folded[:i]) \
                and not _an_aim(words[i + 1 : i + 3]):
            return True
    return False


def _an_aim(after: list[str]) -> bool:
    """Whether the words after a campaign say what it is against or for
    doing ("against knife crime", "to ban plastic bags"): a cause's, unless
    the aim is a race's ("to win the mayoralty", "to become mayor")."""
    if after[:1] == ["against"]:
        return True
    return after[:1] == ["to"] and len(after) > 1 and after[1].islower() \
        and after[1] not in lx.SPECIFIC_DETERMINERS | {"a", "an"} | _RACE_AIMS  # not "from Trump's campaign to his"


def _for_a_cause(campaign: "Token") -> bool:
    """Whether a campaign's kind or aim is a cause's, not a race's ("the
    smear campaign of", "the campaign of Jane Roe against knife crime");
    adjectives and parties may qualify a candidacy ("the insurgent
    Republican candidacy of Donald Trump")."""
    return any(
        c.i < campaign.i and c.dep_ in ("compound", "amod", "nmod") and c.tag_ not in ("JJ", "NNP", "NNPS", "CD")
        and c.lower_ not in _RACE_KINDS
        or c.dep_ == "prep" and c.lower_ == "against"
        for c in campaign.children
    )


def _defendant_or_victim(head: "Token") -> bool:
    """Whether the name is what its sentence's case or crime makes it: the
    one accused, charged or pleading, or the one killed."""
    verb = head.head.lemma_.lower()
    return head.dep_ == "nsubjpass" and verb in _DEFENDANT_OR_VICTIM_VERBS \
        or head.dep_ == "nsubj" and verb == "plead" or head.dep_ == "dobj" and verb in _KILLING_VERBS


def _role_in_another_form(doc: "Doc", first: int, head: "Token") -> "Token | None":
    """A role the sentence gives the name in a form other than a title or an
    appositive: the agent of what names a role ("His lawyers, led by Bruce
    Cutler", "a new book by Robert Peston"), a writer and where they wrote
    ("wrote Ben Jacobs in The Guardian"), a spokesperson's body ("For the
    Welsh Liberal Democrats, Kirsty Williams said"), a part played ("Oprah
    Winfrey will voice a goose") or an office the subject holds ("in his
    presidential campaign")."""
    governor = head.head
    if head.dep_ == "pobj" and governor.lower_ == "by":
        agent_of = governor.head
        if agent_of.tag_ == "VBN" and agent_of.lemma_.lower() in _AGENT_PARTICIPLES or agent_of.pos_ == "NOUN" and (
            agent_of.lemma_.lower() in _WORKS
        ):
            return agent_of
    owner = _lead_conjunct(head)  # "the campaigns of Hillary Clinton and Bernie Sanders": both own one
    # a person's, not a body's ("the campaigns of Oxfam and Jane Roe")
    if owner.ent_type_ == "PERSON" and owner.dep_ == "pobj" and owner.head.lower_ == "of" and owner.head.head.pos_ == "NOUN":
        of = owner.head
        owned = of.head  # the noun itself, not a modifier ("a campaign poster of Jane Roe")
        race = [t.text for t in owned.lefts if t.lower_ in _RACE_KINDS or t.like_num]
        # its aim may follow the name: "the campaign of Jane Roe against knife crime", "… to ban plastic bags"
        for_a_cause = _for_a_cause(owned) or _an_aim([t.text for t in head.doc[head.i + 1 : head.i + 3]])
        if owns_an_office_or_work(race + [owned.text]) and not (owned.lower_ in _CANDIDACIES and for_a_cause) \
                or owned.lemma_.lower() in _NOMINATIONS:
            return owned  # "the presidential campaign of Hillary Clinton", "the nomination of Merrick Garland"
    verb = governor if head.dep_ in ("nsubj", "dobj") else None  # "wrote Ben Jacobs": the parser's object
    if verb is not None and verb.lemma_.lower() in _WRITING_VERBS:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "for", "from") and any(
                c.dep_ == "pobj" and c.pos_ == "PROPN" and _capitalized(c) for c in prep.children
            ):
                return prep  # "wrote Ben Jacobs in The Guardian", "Jane Roe reported from Midway Atoll"
        if verb.lemma_.lower() == "report" and head.dep_ == "nsubj" and all(t.is_punct for t in doc[verb.i + 1 : verb.sent.end]):
            return verb  # "..., Isaac Stanley-Becker reports.": the reporter's credit
    if verb is not None and head.dep_ == "nsubj":
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "in" and any(
                c.dep_ == "pobj" and c.lemma_.lower() in _PIECES for c in prep.children
            ):
                return prep  # "as Liz Kreutz points out in a column on Yahoo News": its writer
        if verb.lemma_.lower() == "contribute" and any(c.dep_ == "dobj" and c.lower_ == "reporting" for c in verb.children):
            return verb  # "Jane Roe contributed reporting."
        alone = not any(t.ent_type_ == "PERSON" and not head.left_edge.i <= t.i <= head.i for t in head.sent)
        for noun in verb.subtree if alone else ():  # "Jeb Bush said Peyton Manning was supporting him in his
            # presidential campaign": whose campaign, only a reader can tell
            if noun.pos_ == "NOUN" and noun.lemma_.lower() in _OFFICE_HELD | _RACES and any(
                c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children
            ) and (noun.lemma_.lower() in _OFFICE_HELD or any(
                c.dep_ in ("amod", "compound") and c.lower_ in _RACE_KINDS for c in noun.children
            )):
                return noun  # "Jeb Bush said ... in his presidential campaign", "her chairman's office"
        lemma = verb.lemma_.lower()
        parts = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _PARTS]
        as_part = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
        if lemma in _CAST_VERBS or lemma == "play" and (parts or as_part):
            return (parts or as_part or [verb])[0]
    lead = _lead_conjunct(head)
    if _defendant_or_victim(lead) and not well_known(tuple(t.text for t in doc[first : head.i + 1])):
        return lead.head  # a public figure's office still wants saying ("David Blunkett has been accused of ...")
    sentence_start = head.sent.start
    if verb is not None and head.dep_ == "nsubj" and verb.lemma_.lower() in lx.CUE_VERBS and first - 1 > sentence_start \
            and doc[first - 1].text == "," and doc[sentence_start].lower_ == "for":
        body = doc[sentence_start + 1 : first - 1]
        if not any(t.is_punct for t in body) and any(t.pos_ == "PROPN" and _capitalized(t) for t in body):
            return doc[sentence_start]  # "For the Welsh Liberal Democrats, Kirsty Williams said"
    return None


def _organizations(doc: "Doc", first: int, described_by: "Token | None") -> set[str]:
    """Proper-noun phrases in a person's description, and the owner in
    "Arsenal's Thierry Henry"."""
    found = set()
    if first > 0 and doc[first - 1].text in _POSSESSIVES and doc[first - 1].head.pos_ == "PROPN":
        owner = doc[first - 1].head
        found.add(doc[owner.left_edge.i : owner.i + 1].text)
    if described_by is not None:
        # proper nouns in a row, joined across "of (the)": "Institute of International Affairs"
        runs: list[list[str]] = [[]]
        for token in described_by.subtree:
            if token.pos_ == "PROPN" and _capitalized(token) and _bare(token) not in _TITLES:
                runs[-1].append(token.text)
            elif runs[-1] and (token.lower_ == "of" or token.lower_ == "the" and runs[-1][-1] == "of"):
                runs[-1].append(token.text)  # "University of the Pacific"
            elif runs[-1]:
                runs.append([])
        for run in runs:
            while run and run[-1] in ("of", "the"):
                run.pop()
            if run:
                found.add(" ".join(run))
    return found


def _role_in_sentence(doc: "Doc", first: int, last: int, sentence_start: int) -> str:
    """A role said of the person elsewhere in the sentence: "while she was
    secretary of state", "when he was leader of the opposition", "Bill
    Conti's job of musical director"; or the name is an aside in
    parentheses ("(think Eleanor Roosevelt)"), which introduces nobody."""
    sentence = doc[first].sent
    opened = [t.text for t in doc[sentence_start:first] if t.text in "()"]
    if opened and opened[-1] == "(":
        return "("
    for token in sentence:
        if first <= token.i <= last or token.lemma_.lower() not in _TITLE_OR_ROLE_WORDS:
            continue
        if token.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in token.head.children):
            return token.text
        if token.dep_ == "pobj" and token.head.lower_ in ("of", "as") and token.head.head.lemma_ in (
            "job", "role", "post", "position", "capacity", "title"
        ):
            return token.text  # "his role as director"
        if token.dep_ == "pobj" and token.head.lower_ == "as" and (
            token.head.head.pos_ in ("VERB", "AUX") or first <= token.head.head.i <= last
            or token.head.head.pos_ == "ADP" and doc[last].head.i == token.head.head.i  # "with Ana Ruiz as ..."
        ):
            return token.text  # "Cate Blanchett triumphed as the best supporting actress", "with Ana Ruiz as the nominee"
    for token in sentence:
        if first <= token.i <= last or not (token.pos_ == "NOUN" and _agent_noun(token.lower_) or _role_word(token)
                                             or token.lower_ in _ROLE_WORDS):
            continue
        if any(t.lower_ == "best" for t in doc[max(sentence.start, token.i - 3) : token.i]):
            return token.text  # "Jamie Foxx picked up best actor", "shared the best actress award": the award names the role
    return ""


def _pointed_role(token: "Token") -> bool:
    """A qualified role pointed to with "the" ("the Texas senator", "the
    former senator from Pennsylvania", "the wife of ..."): a reader takes
    it for a person named near it. Not a plural ("the two leaders"), which
    says of several what they are, not who each is."""
    if token.pos_ != "NOUN" or token.tag_ != "NN":
        return False
    if not _pointed_role_lemma(token.lemma_.lower()):  # the word before its dependents (see _role_subject)
        return False
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return False
    # not "the police", "over the head of": no role of one person
    return any(c.dep_ in ("amod", "compound", "nummod", "prep") for c in children)


def _pointed_role_lemma(lemma: str) -> bool:
    return role_noun(lemma) and lemma not in _NO_ROLE_NOUNS


def _modifier(head: "Token") -> bool:
    """ "Former Reagan chief of staff": a name that qualifies a noun, whose
    person the noun makes plain."""
    return head.dep_ == "compound" and head.head.pos_ == "NOUN"


def _who_clause(token: "Token") -> bool:
    """ "who leads the union", "whose first husband was killed"."""
    return token.dep_ == "relcl" and any(
        t.lower_ in ("who", "whose", "whom") for t in token.subtree if t.i < token.i
    )


def _words(token: "Token") -> str:
    return " ".join(t.text for t in token.subtree if t.is_alpha)


# -- offices -------------------------------------------------------------------


def _office_word(token: "Token") -> bool:
    return _office_title(token.lower_) and token.tag_ in ("NN", "NNP") and token.pos_ in ("NOUN", "PROPN")


def _office_title(lower: str) -> bool:
    """ "secretary", "Gov.": a word of an office (in lower case)."""
    return _bare_word(lower) in lx.TITLE_WORDS


def _definite(token: "Token", modifiers: list) -> bool:
    """One office, pointed to: "the Energy Secretary", "Britain's foreign
    minister", "U.S. Treasury Secretary"; not "a minister" or "as mayor"."""
    determiners = [c for c in token.children if c.dep_ in ("det", "poss")]
    if any(d.lower_ in ("a", "an", "any", "every", "each", "no", "another") for d in determiners):
        return False
    if determiners:
        return True
    return _capitalized(token) and any(_capitalized(m) for m in modifiers) and token.dep_ != "pobj"


def _singular(words: frozenset[str] | set[str]) -> set[str]:
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words}


def _holder_beside(token: "Token") -> bool:
    """The holder is named right there: "the energy secretary, Chris
    Wright,", "Wang Yiwei, director of ...", "Smith is the mayor"."""
    if any(t.ent_type_ == "PERSON" or t.dep_ == "appos" and t.pos_ == "PROPN" for t in token.subtree):
        return True  # "the minister for civil aviation Praful Patel"
    if token.dep_ == "appos" and token.head.pos_ == "PROPN":
        return True
    if token.dep_ == "attr":
        return any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in token.head.children)
    return token.dep_ == "compound" and token.head.pos_ == "PROPN"


def _source_or_actor(token: "Token") -> bool:
    """A subject, an agent or a source: "The Energy Secretary warned",
    "U.S. Treasury Secretary reports suggest", "according to the mayor"."""
    while token.dep_ == "compound":
        token = token.head  # "Secretary reports": the reports are the subject
    if token.dep_ in _SOURCE_DEPS:
        return True
    if token.dep_ == "pobj":
        prep = token.head
        return prep.lower_ == "by" and prep.dep_ == "agent" or prep.lower_ == "to" and prep.head.lower_ == "according"
    return False
