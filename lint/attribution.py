"""The attribution model: who stands behind each sentence and quotation.

Built once per document from the linguistic layer (:mod:`lint.nlp`) and
queried by the attribution check kinds. An :class:`Attribution` is a cue
(a speech, reporting or cognition verb, "according to", a dash after a
quotation) with its source and the kind of source. A :class:`Sentence`
knows its own attributions and, when it has none, whether its context
attributes it the way a copy editor reads it:

- ``quote``: it lies inside a quotation that is attributed;
- ``turn``: it lies in a transcript speaker's turn ("SMITH: ...") or an
  embedded social post (:attr:`lint.document.Document.turns`);
- ``paragraph``: a later sentence of its paragraph ends with the
  attribution ("..., the ministry said.");
- ``continued``: the sentence before was attributed with a past-tense cue
  and this one goes on in reported speech ("would", "could").

Offsets are prose offsets.
"""

from __future__ import annotations

import bisect
import regex
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lint import lexicon as lx
from lint.document import speaker_label
from lint.people import opens_like_a_name, role_noun, surname_of, well_known
from lint.model_files import read_text
from lint.nlp import ensure_parsed
from lint.tagger import candidate, tagger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from lint.document import Document

# Cue verbs PolNeAR annotates beyond our lists ("offered", "expressed"),
# counted on its train split by benchmarks/train_cue_verbs.py.
LEARNED_CUES_PATH = Path(__file__).parent / "models" / "attribution" / "cue-verbs.txt"

# Source kinds. Only a thing leaves a claim with no source at all; the
# rules on vague groups, documents and agentless passives flag the others.
NAMED = "named"  # a person or organization by name, or a specific group ("analysts at Barclays")
ROLE = "role"  # an office or role with no name ("the Treasury secretary")
ORGANIZATION = "organization"  # a body by description ("the ministry")
PERSON = "person"  # an unnamed individual or a group already introduced ("a witness", "the analysts")
PRONOUN = "pronoun"
DOCUMENT = "document"  # a report, study or data with no publisher named
GROUP = "group"  # a vague group ("experts", "many", "some people")
NONE = "none"  # an agentless passive ("is considered", "it is widely accepted")
THING = "thing"  # something that cannot speak or think ("Recent events have sensed")
SOURCE_KINDS = (NAMED, ROLE, ORGANIZATION, PERSON, PRONOUN, DOCUMENT, GROUP, NONE, THING)

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_NOMINAL = ("dobj", "pobj", "attr", "compound", "amod", "nsubj", "nsubjpass", "appos")
# a verb's clause complements ("said that ...", "considered to be ..."); the weasel check reads them too
COMPLEMENTS = ("ccomp", "xcomp", "oprd", "parataxis")
_CUE_OR_PASSIVE = lx.CUE_VERBS | lx.OPINION_PASSIVES
_STATEMENT_VERBS = lx.SPEECH_VERBS | lx.REPORTING_VERBS
_QUOTED_STATEMENT = regex.compile(r"[\"“‘']+\s*(?:…\s*)?\p{Lu}.*[.!?,…]\s*[\"”’']*", regex.S)
_TAIL_LEMMAS = {
    "said": "say", "says": "say", "say": "say", "reported": "report", "reports": "report", "report": "report",
    "added": "add", "adds": "add", "told": "tell", "wrote": "write", "writes": "write", "noted": "note",
    "notes": "note", "warned": "warn", "warns": "warn", "warn": "warn", "argued": "argue", "argues": "argue",
    "argue": "argue", "believe": "believe", "believes": "believe", "believed": "believe",
    "read": "read", "reads": "read",  # '..., a BBC statement read.'
}
_TAIL_TENSES = {form: "present" for form in ("says", "say", "reports", "report", "adds", "writes", "notes",
                                               "warns", "warn", "argues", "argue", "believe", "believes", "reads")}
_TAIL = regex.compile(
    r",[\"”’']?\s+(?P<source>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+"
    r"(?P<verb>" + "|".join(_TAIL_LEMMAS) + ")"
    r"\s*[.!?]?[\"”’']?\s*$"
)
# Speech verbs whose plain object is no statement ("claimed the title",
# "maintains 30 stores", "added a goal", "continued the talks").
_NOT_STATEMENTS = frozenset("claim maintain add continue admit find post concede".split())
# Cue verbs that put their subject's position even with no statement
# ("Smith agreed", "they responded", "vowed revenge"); not the ones whose
# object may be no statement at all ("claimed the title", "found a body").
_POSITION_VERBS = (lx.SPEECH_VERBS | lx.STANCE_VERBS) - _NOT_STATEMENTS
# Subjects that report a view only with a clause ("everyone agrees that ..."),
# and are idiom otherwise ("the game everybody knows and loves").
_EVERYONE = frozenset("everyone everybody".split())
# Verbs of keeping figures, whose agent sources them ("recorded by the MDA").
_RECORDING_VERBS = frozenset("record compile publish collect measure count tally log".split())
# Bodies that publish figures and reports: "government figures", "official statistics".
_PUBLISHERS = lx.ORGANIZATION_NOUNS | {"official"}
# Quantifiers that leave no one unnamed: "all members", "other critics" (of whom?) is vague enough
# only with a source named nearby, which the context rules find.
_NOT_VAGUE = frozenset("all other".split())
_SHARE_NOUNS = frozenset("majority minority number host handful lot plenty part".split())
# Passives that pass a judgment with its grounds ("has been criticized for
# its policies", "were blamed over the delays"), with nobody making it.
_JUDGING_PASSIVES = frozenset("criticize criticise praise blame credit condemn hail tout".split())
_NAMING_PASSIVES = frozenset("know call name term dub refer".split())
_FIRST_PERSON = frozenset("i me my mine myself".split())
_SECOND_PERSON = frozenset("you your yours yourself yourselves".split())
# Texts and data, which show or say but do not speak ("records revealed").
_WRITINGS = lx.DOCUMENT_NOUNS | lx.UTTERANCE_NOUNS | frozenset(
    """record data figure statistic number file law rule regulation bill act constitution text page site
    website book article story map chart graph table image photo picture video footage message note sign
    label policy guideline guidance transcript minute draft agreement contract treaty document paper
    ruling verdict judgment order warrant indictment complaint lawsuit affidavit test result poll""".split()
)
_NON_SPEAKER_PRONOUNS = frozenset("it this that which".split())
# Speech verbs as written after a quotation and its speaker ("telling the
# crowd, “…”" leads into one 11 times in BBC and PolNeAR training articles).
_SPEECH_FORMS = frozenset(
    """said says say tweeted tweets wrote writes added adds state stated states told tells asked asks wondered wonders
    posted posts recalled explained continued noted notes argued argues insisted declared replied responded
    warned claimed announced quipped joked shouted yelled remarked observed concluded saying chanted read put
    asserting shouting telling""".split()
)
_QUOTE_ENDS = frozenset(",?!…")
_STANCE_OR_MIND = lx.STANCE_VERBS | lx.COGNITION_VERBS
# What a sentence may announce before the quotation that gives it ("a quote attributed to Jefferson.")
_UTTERANCES = lx.UTTERANCE_NOUNS | frozenset("quote quotation remark words".split())
_SPEAKER_AFTER = regex.compile(
    # up to 16 words of speaker (names, titles, a relative clause) or none ("…,'' said Ross"), with no sentence end among them
    r"[\s]*(?:(?:\p{Lu}\.|\p{Lu}\p{Ll}{0,3}\.|[^\s]*\([^)]{0,20}\)|[^\s!?]*[^\s.!?])[\s]+){0,16}?"
    r"(?:" + "|".join(sorted(_SPEECH_FORMS)) + r")\b",
    regex.I,
)
# Sources that can speak for a quotation in the next paragraph.
_SPEAKERS = frozenset((NAMED, ROLE, ORGANIZATION, PERSON, PRONOUN))
# Words before a quoted title of a work, and the small words a title leaves in lower case.
_WORK_NOUNS = frozenset(
    """book novel memoir biography film movie documentary show series sitcom drama episode song single
    album record track play musical opera poem story article essay column headline painting exhibition
    programme program podcast game slogan motto hashtag banner sign chant catchphrase titled entitled
    called dubbed named""".split()
)
_MINOR_TITLE_WORDS = frozenset("a an and as at but by for from in into nor of on or the to with".split())
_MODALS_OF_REPORTED_SPEECH = frozenset("would could might should".split())
# The most words a quotation with no verb has as a slogan, a sign or a chant
# ("Chris Christie: Bad for New Jersey, bad for you."); from ten words on, 10
# of the 11 verbless quotations in BBC and PolNeAR are someone's spoken words
# ("A great judge, a great lawyer and a great man.") or a verb the parser
# missed ("A victory in New Hampshire further amplifies that reality ...").
# Re-counted on train and dev alone (2,759 articles: 1,992 BBC, 767
# PolNeAR; the test ids of benchmarks/splits left out): the same 11
# verbless quotations of ten words or more, 10 of them spoken words or a
# missed verb, the eleventh a quoted post; none of the 11 lacked its
# speaker, and the 23 of five to nine words include the slogans.
_SLOGAN_WORDS = 9
# A dash and a name after a closing quotation mark: '...,” – Wang Wen.'
_DASH_AFTER_QUOTE = regex.compile(
    # (spaces may be no-break ones, as web copy sets them: '”\xa0―\xa0Steve Quinlan.')
    r"(?<=[\p{L}\p{N}.,!?…)\]])[\"”][ \t\xa0]?(?P<dash>[–—―]|--?(?=[ \t]))[ \t\xa0]*"
    r"(?P<source>\p{Lu}[\w’'.-]*(?:[ \t]+(?:\p{Lu}[\w’'.-]*|of|the|de|van|von|bin|al))*)"
    r"(?:[ \t]+(?P<verb>adds|added|says|said|writes|wrote|notes|noted))?"
    # the name closes the sentence, a clause or its line: "– Wang Wen." not "– Smith and Jones disputed it"
    r"(?=[ \t\xa0]*(?:[.,;:(“\"\n]|$))"
)


# A credit line under a quotation: a dash and up to eight words of name
# and place ("- Sanders.", "—Michelle Marks, Philadelphia.").
_CREDIT_LINE = regex.compile(r"[-–—―]{1,2}[ \t]*\p{Lu}[\w’'.()-]*(?:,?[ \t]+[\w’'.()-]+){0,7}[ \t]*[.]?[ \t]*")

# A sentence's end inside a label line: a lower-case word and a full stop
# ("- The council voted."), not an initial or a title ("Mr.", "Sen.", "Prof."),
# whose capital the word must not follow.
_SENTENCE_END_IN_LABEL = regex.compile(r"(?<!\p{L})\p{Ll}{2,}[.!?](?:\s|$)")

# The same inside the closing mark, on a line of its own: a name, a comma
# and a body or place ("Josh Bivens, Economic Policy Institute.”").
_INNER_CREDIT = regex.compile(
    r"\p{Lu}[\w’'.-]*(?:[ \t]+[\w’'.-]+){0,4},[ \t]+\p{Lu}[^\n,]{0,60}?[.]?[\"”']{1,2}"
)
# A credit in brackets right after the closing mark, as news digests set
# them ('“…” [NYT.]': 21 times in the HuffPost digests of PolNeAR's
# training articles).
_CREDIT_AFTER = regex.compile(r"[ \t]*\[\p{Lu}[^\]\n]{0,60}\]")
# A byline right after the closing mark: a cited piece's title and its
# writer ('"Met accused of whitewashing baby Jesus," by Post's Kathianne
# Boniello:'), or the words' author ('"…" by Marla Maples'). A name-like
# run follows "by": a possessive ("DNAinfo's", "Times'") or two
# capitalized words, never a day, month or other time word ('"…," by
# Friday had become the slogan', "by March"); a lone capitalized word
# ('"…" by Trump', "by Labour", "by MPs") is no byline.
_BYLINE_AFTER = regex.compile(r"[ \t]*by[ \t]+(?P<first>\p{Lu}[\p{L}.]*)(?:['’]s?[ \t]+\p{Lu}|[ \t]+\p{Lu})")
# The same credit closing the paragraph, after a sentence of the digest's
# own ('“…” This follows … Sunday. [WSJ | Paywall]'): 43 paragraphs of
# PolNeAR's articles end so, every one a digest's item. Searched up to a
# paragraph's end, so "$" is that end: a bracket closing some other line
# of the range closes no paragraph.
_CREDIT_CLOSING = regex.compile(r"\[\p{Lu}[^\]\n]{0,100}\][ \t]*$")


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: tuple[int, int]
    lemma: str  # the cue verb's lemma; "according to", "per", "in", ":" or "dash"
    source: tuple[int, int] | None
    source_kind: str
    content: tuple[int, int] | None
    tense: str  # "present", "past" or "" (no verb)
    style: str  # "verb", "passive", "according", "dash", "colon", "predicate"
    # Whether the cue introduces what was said (a clause, a quotation), not
    # only an object ("announced his candidacy", "described the plan").
    clause: bool = True
    # Whether the source is someone speaking, a person or a body; not a
    # document, data or "it" ("the report reveals", "records revealed").
    speaker: bool = True

    @property
    def speech(self) -> bool:
        """Said or written (a statement, a finding), not thought or intended."""
        return self.style in ("according", "dash", "colon") or self.lemma in _STATEMENT_VERBS


@dataclass
class Sentence:
    start: int
    end: int
    span: "Span" = field(repr=False)
    attributions: list[Attribution] = field(default_factory=list)
    context: str = ""  # quote, turn, paragraph, continued; "" when none applies
    # Attributions of a phrase inside the sentence ("China's broader goal"),
    # which do not source the sentence itself.
    inner: list[Attribution] = field(default_factory=list)
    block: int = 0  # index of the parsed block the sentence is in

    @property
    def attributed(self) -> bool:
        return bool(self.attributions) or bool(self.context)

    def offset(self, token: "Token") -> int:
        """Where a token of the sentence starts in the prose."""
        return self.start + token.idx - self.span.start_char


@dataclass(frozen=True, slots=True)
class Quotation:
    start: int
    end: int
    words: int
    attributed: bool
    dash: bool
    # A whole sentence quoted ('"We cannot afford it."'), not a phrase, a
    # slogan or a title ('"lowest unemployment since the seventies"').
    statement: bool


@dataclass
class AttributionModel:
    sentences: list[Sentence]
    attributions: list[Attribution]
    quotations: list[Quotation]
    paragraphs: dict[int, list[Sentence]]  # parsed block index → its sentences


def model(doc: "Document") -> AttributionModel:
    """The document's attribution model; built on first use and kept. The
    document is parsed with the default pipeline unless the engine (with
    the configured one) or :func:`lint.nlp.parse_documents` did it."""
    built = doc.models.get("attribution")
    if built is None:
        ensure_parsed(doc)
        built = doc.models["attribution"] = _build(doc)
    return built


def _build(doc: "Document") -> AttributionModel:
    sentences: list[Sentence] = []
    dashes: list[tuple[int, int, int, int]] = []  # dash, cue end, source start, source end
    for index, parsed in enumerate(doc.parses or ()):
        base = parsed.start
        # a span's text sliced from the block's, itself the prose the block was parsed from: spaCy's
        # Doc.text joins every token of the block at each call
        last = parsed.doc[-1]
        block_text = doc.prose[base : base + last.idx + len(last.text_with_ws)]
        for span in parsed.doc.sents:
            text = block_text[span.start_char : span.end_char]
            if not text.strip():
                continue
            previous = sentences[-1] if sentences and sentences[-1].block == index else None
            if previous is not None and _speaker_after_quotation(block_text[previous.span.start_char : previous.span.end_char], text):
                # '“Who pays?” the senator asked.': the parser ends the sentence at "?”"
                sentences.pop()
                span = parsed.doc[previous.span.start : span.end]
            sentence = Sentence(base + span.start_char, base + span.end_char, span, block=index)
            sentence.attributions = _cues(span, base, block_text)
            for attribution, governs in _tagged(span, base, {a.cue[0] for a in sentence.attributions}):
                (sentence.attributions if governs else sentence.inner).append(attribution)
            sentences.append(sentence)
        for m in _DASH_AFTER_QUOTE.finditer(block_text):
            source_end = base + m.start("source") + len(m.group("source").rstrip("."))
            cue_end = base + m.end("verb") if m.group("verb") else base + m.start("source")
            dashes.append((base + m.start("dash"), cue_end, base + m.start("source"), source_end))
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.block, []).append(sentence)
    _mark_dash_cues(sentences, dashes)
    quotations = _quotations(doc, sentences, paragraphs, dashes)
    _apply_context(paragraphs, quotations, doc.turns)
    attributions = [a for s in sentences for a in s.attributions + s.inner]
    return AttributionModel(sentences, attributions, quotations, paragraphs)


def _speaker_after_quotation(before: str, sentence: str) -> bool:
    """Whether a sentence goes on from a quotation that ends the one
    ``before`` it with "?”" or "!”": it starts in lower case ("… ?” she
    asked.")."""
    text = before.rstrip()
    return len(text) >= 2 and text[-1] in "\"”’'" and text[-2] in "?!…" and sentence[:1].islower()


# -- cues in one sentence ----------------------------------------------------


def _cues(span: "Span", base: int, block_text: str) -> list[Attribution]:
    found: list[Attribution] = []
    for token in span:
        if token.pos_ not in ("VERB", "AUX") and token.lower_ not in ("according", "per", "in"):
            continue  # the words each test below asks for
        lemma = token.lemma_.lower()
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            found.append(_according(token, base))
        elif token.lower_ == "per" and token.dep_ == "prep" and not _rate(token):
            found.append(_per(token, base))
        elif token.lower_ == "in" and token.dep_ == "prep":
            attribution = _in_document(token, base)
            if attribution:
                found.append(attribution)
        elif token.pos_ in ("VERB", "AUX") and (lemma in _CUE_OR_PASSIVE or _speaks_quotation(token)):
            # a cue verb with no statement of its own ("Smith agreed", "they
            # responded") still puts its subject's position
            attribution = _verb_cue(token, lemma, base) or (
                token.pos_ == "VERB" and lemma in _POSITION_VERBS and _predicate(token, lemma, base)
            )
            if attribution:
                found.append(attribution)
        elif token.pos_ == "VERB" and lemma in _RECORDING_VERBS and token.tag_ == "VBN":
            attribution = _recorded_by(token, lemma, base)
            if attribution:
                found.append(attribution)
        elif token.pos_ == "VERB":
            attribution = _predicate(token, lemma, base)
            if attribution:
                found.append(attribution)
    tail = _tail_attribution(span, base, block_text) if all(a.style == "predicate" for a in found) else None
    # a transcript turn's label stands for its speaker whatever the turn's own cues ("PENCE: ... Clinton thinks ...")
    tail = tail or _colon_attribution(span, base, block_text)
    if tail:
        found.append(tail)
    return found


def _tagged(span: "Span", base: int, taken: set[int]) -> list[tuple[Attribution, bool]]:
    """Cues the trained tagger (:mod:`lint.tagger`) finds where the rules
    found none: stance, intention and action cues as PolNeAR annotates them
    ("endorsed", "vowed", "his plan", "critical of"), with their holder
    linked by the parse, each with whether it governs the sentence (see
    :func:`_governs`). Like a learned cue verb, each is a ``predicate``
    attribution, which the source rules leave alone."""
    cue_tagger = tagger()
    found = []
    for token in span:
        if not candidate(token):
            continue
        goes_on = _goes_on_from_cue(token, base, taken)
        if base + token.idx in taken or (
            token.pos_ == "VERB" and token.lemma_.lower() in _CUE_OR_PASSIVE and not _by_someone(token) and not goes_on
        ):
            continue  # the rules' own cue verbs: where they found no attribution, there is none
        if base + token.head.idx in taken and token.dep_ in ("dobj", "attr", "acomp", "xcomp"):
            continue  # the rest of a cue found ("expressed concern")
        # the parse first: most words have no holder, and scoring a word costs more
        holder = _holder(token)
        if holder is None or _counted(holder) or holder.lower_ == "it":
            continue
        kind = _source_kind(holder)
        if kind not in (NAMED, PERSON, PRONOUN, ROLE, ORGANIZATION, GROUP):
            continue
        if _guessed_person(kind, holder):
            continue  # "the cut follows"
        if not (goes_on or cue_tagger.is_cue(token)) or _hypothetical(token):
            continue
        if _after_open_quote(token, span.start):
            continue  # inside a quotation: the speaker's words
        cue = (base + token.idx, base + token.idx + len(token))
        attribution = Attribution(
            cue, token.lemma_.lower(), _span(base, holder.left_edge, holder.right_edge), kind,
            _content(token, base), _tense(token), "predicate", False,
        )
        # a vague group's stance ("many Democrats are afraid that ...") sources no claim and is no
        # source the rules judge: vague-source reads the rules' own cues ("experts warn")
        found.append((attribution, kind != GROUP and _governs(token, holder, span.root)))
    return found


def _guessed_person(kind: str, head: "Token") -> bool:
    """Whether a holder is a person only by :func:`_source_kind`'s guess,
    which makes any noun not known to be inanimate a "person": a word that
    is not a noun ("those"), or a common noun with no mind ("the cut
    follows", "caused by asbestos"; not "the nominee", "voters")."""
    if kind != PERSON or head.lemma_.lower() in lx.VAGUE_GROUPS:
        return False
    return head.pos_ != "NOUN" or _common_noun_without_mind(head)


def _common_noun_without_mind(head: "Token") -> bool:
    """A common noun with no mind by the broad animacy test
    (:func:`lint.lexicon.may_have_mind`): lower case, or capitalized only
    as the sentence's first word; a capital inside the sentence is a name
    the parser took for a noun ("Trump")."""
    common = head.is_lower or head.is_sent_start
    return head.pos_ == "NOUN" and common and not lx.may_have_mind(head.lemma_.lower())


def _goes_on_from_cue(token: "Token", base: int, taken: set[int]) -> bool:
    """Whether a participle goes on from a cue the rules found, as the same
    speaker's next act ("Sanders said, going on to contrast ...", "Trump
    told the crowd, reciting ...")."""
    return token.tag_ == "VBG" and token.dep_ == "advcl" and token.i > token.head.i and base + token.head.idx in taken


def _by_someone(token: "Token") -> bool:
    """Whether a cue verb the rules passed over names its holder with "by":
    a passive's agent ("was backed by Sir John Stevens", "is supported by")
    or the means of an act ("hit back by saying ..."), for the tagger to judge."""
    return any(c.dep_ == "agent" for c in token.children) or (token.dep_ == "pcomp" and token.head.lower_ == "by")


def _after_open_quote(token: "Token", start: int) -> bool:
    """Whether an odd number of quotation marks stands between the token
    ``start`` and the token: the word is inside a quotation opened there."""
    return sum(t.is_quote for t in token.doc[start : token.i]) % 2 == 1


def _governs(token: "Token", holder: "Token", root: "Token") -> bool:
    """Whether a tagged cue puts the whole sentence as its holder's: it is
    the main verb ("Cruz vowed ..."), or hangs on it with the main verb's
    subject as holder ("Smith expressed concern ...", "she is critical
    of ..."); not a phrase inside a claim ("This is indicative of China's
    broader goal")."""
    if token == root:
        return True
    return token.head == root and holder.head == root and holder.dep_ == "nsubj"


def _holder(token: "Token") -> "Token | None":
    """Who holds the position a tagged cue puts: a passive's agent ("was
    endorsed by X"), the subject, a noun's possessor or its "by"/"from"
    phrase ("his plan", "criticism from X"), the subject of the verb whose
    object or complement the cue is ("X expressed concern", "X is critical
    of"), or of the verb a subjectless clause hangs on ("..., vowing to")."""
    children = list(token.children)
    for child in children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if any(c.dep_ == "nsubjpass" for c in children):
        return None  # a passive with no agent: nobody holds it
    for child in children:
        if child.dep_ in ("nsubj", "poss"):
            # "Smith, who vowed ...": the one "who" stands for
            return token.head if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl" else child
    if token.pos_ == "NOUN":
        for child in children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                return next((c for c in child.children if c.dep_ == "pobj"), None)
    if token.dep_ in ("dobj", "attr", "acomp"):
        governor = token.head
    elif token.pos_ == "VERB":
        # "..., vowing to", "started off by emphasizing", "avoids condemning", "went on to contrast",
        # "won't be able to brag about", "will be unable to ... accuse"
        governor = token
        for _ in range(3):
            if governor.dep_ == "pcomp" and governor.head.dep_ == "prep":
                governor = governor.head
            elif governor.dep_ == "acomp" and governor.pos_ == "ADJ" and governor is not token:
                governor = governor.head
                break
            elif governor.dep_ not in ("xcomp", "conj", "advcl", "prep") or any(
                c.dep_ == "nsubj" for c in governor.children
            ):
                break
            governor = governor.head
    else:
        return None
    if governor is token or governor.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in governor.children if c.dep_ == "nsubj"), None)


def _colon_attribution(span: "Span", base: int, block: str) -> Attribution | None:
    """A speaker before a colon opening a paragraph, as in a transcript
    ("Q: ...", "A: ...", "- City boss Kevin Keegan: ...") or a headline run
    in as a paragraph ("Paul Ryan: FBI decision defies explanation"); not
    a label ("Update: ...")."""
    if span.start != 0:
        return None
    # the whole block is read: the label may stand as a sentence of its own ("JONES:")
    # a transcript set in quotation marks opens each turn with one ('"PENCE: Well, ...')
    mark = 1 if block[:1] in "“\"" else 0
    m = speaker_label(block[mark:])
    if m is None:
        return None
    base += mark
    source = (base + m.start("source"), base + m.end("source"))
    content = (base + m.end("colon") + 1, base - mark + len(block.rstrip()))
    return Attribution((base + m.start("colon"), base + m.end("colon")), ":", source, NAMED, content, "", "colon")


def _tail_attribution(span: "Span", base: int, block_text: str) -> Attribution | None:
    """", state media report." closing a sentence, when the tagger took the
    verb for a noun."""
    m = _TAIL.search(block_text[span.start_char : span.end_char])  # span.text, not joined from its tokens
    if not m:
        return None
    start = span.start_char
    head = next((t for t in span if t.idx - start == m.end("source") - len(m.group("source").split()[-1])), None)
    last_word = m.group("source").split()[-1]
    if last_word[0].isupper() and last_word.lower() not in lx.DEMONSTRATIVES:
        kind = NAMED  # a name the tagger may take for something else ("May wrote")
    else:
        kind = _source_kind(head) if head is not None else PERSON
    if kind == THING:
        return None
    verb = _TAIL_LEMMAS[m.group("verb").lower()]
    return Attribution(
        (base + start + m.start("verb"), base + start + m.end("verb")), verb, (base + start + m.start("source"),
        base + start + m.end("source")), kind,
        (base + start, base + start + m.start()), _TAIL_TENSES.get(m.group("verb").lower(), "past"), "verb",
    )


def _according(token: "Token", base: int) -> Attribution:
    to = next(c for c in token.children if c.lower_ == "to")
    objects = [c for c in to.children if c.dep_ == "pobj"]
    cue = (base + token.idx, base + to.idx + len(to))
    if not objects:
        return Attribution(cue, "according to", None, NONE, None, "", "according")
    head = objects[0]
    kind = _source_kind(head)
    if kind in (GROUP, DOCUMENT) and (_named_after_according(token, to) or _name_in_apposition(head)):
        kind = NAMED
    clause = token.head
    content = _span(base, clause.left_edge, clause.right_edge) if clause.i != token.i else None
    return Attribution(cue, "according to", _span(base, head.left_edge, head.right_edge), kind, content, "", "according")


def _named_after_according(according: "Token", to: "Token") -> bool:
    """Whether a name follows a vague "according to" source and says who
    it is, hung by the parser on "according" itself: "according to
    analysts Gartner", "according to a report earlier this week from the
    British Retail Consortium"."""
    for child in according.children:
        if child.i <= to.i:
            continue
        if child.dep_ in ("pobj", "dep", "appos") and (child.pos_ == "PROPN" or child.text[:1].isupper()):
            return True
        if child.dep_ == "prep" and child.lower_ in ("from", "by") and any(t.pos_ == "PROPN" for t in child.subtree):
            return True
    return False


def _name_in_apposition(head: "Token") -> bool:
    """Whether a name stands right after a vague source and says who it is,
    however the parser reads an odd name: "according to market analysts
    In-Stat/MDR", "according to analysts Gartner" in a sentence run on
    past a lost full stop, "according to technology analysts, TDG
    Research, there will be ...". Not a day or month ("analysts Monday"),
    nor the main clause after the source ("According to experts, Clinton
    has ...")."""
    doc, i = head.doc, head.right_edge.i + 1
    end = head.sent.end
    comma = i < end and doc[i].text == ","
    if comma:
        i += 1
    name = i
    while i < end and (doc[i].pos_ == "PROPN" or doc[i].text[:1].isupper()) and doc[i].lower_ not in lx.TIME_WORDS:
        i += 1
    if i == name or doc[name].is_sent_start:
        return False
    return not comma or (i < end and doc[i].text == ",")


def _recorded_by(token: "Token", lemma: str, base: int) -> Attribution | None:
    """A figure given with who keeps it: "the highest daily total recorded
    by the Mobile Data Association", "figures compiled by the ONS", which
    sources it as "according to" does."""
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    head = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if head is None:
        return None
    kind = _source_kind(head)
    if kind not in (NAMED, ORGANIZATION, ROLE):
        return None
    cue = (base + token.idx, base + agent.idx + len(agent))
    return Attribution(cue, lemma, _span(base, head.left_edge, head.right_edge), kind, None, "", "according")


def _rate(per: "Token") -> bool:
    """ "9.1 per cent", "$5,000 per month", "two per household": a rate, not a source."""
    before = per.doc[per.i - 1] if per.i > 0 else None
    return before is not None and (before.like_num or before.pos_ in ("NOUN", "SYM") and per.head.i == before.i)


def _per(token: "Token", base: int) -> Attribution:
    """ "..., per the party's bylaws." """
    head = next((c for c in token.children if c.dep_ == "pobj"), None)
    cue = (base + token.idx, base + token.idx + len(token))
    if head is None:
        return Attribution(cue, "per", None, NONE, None, "", "according")
    return Attribution(cue, "per", _span(base, head.left_edge, head.right_edge), _source_kind(head), None, "", "according")


def _in_document(token: "Token", base: int) -> Attribution | None:
    """ "In a Washington Post poll, 8 percent ...", "In a statement, the
    ministry ..." (the verb's subject is the source when there is one)."""
    document = next((c for c in token.children if c.dep_ == "pobj"), None)
    if document is None or document.lemma_.lower() not in lx.MEDIUM_NOUNS:
        return None
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None) if token.head.pos_ in ("VERB", "AUX") else None
    # a statement speaks for its author; a poll or a study for itself, unless
    # someone it names speaks in it ("In a monthly report anti-virus firm
    # Sophos said ...", "In a preliminary report, the airline announced ...",
    # "the OFT, which concluded in a 2002 report that ...")
    subject_kind = _source_kind(subject) if subject is not None else THING
    if subject is not None and (
        document.lemma_.lower() in lx.UTTERANCE_NOUNS and subject_kind != THING
        or subject_kind in (NAMED, ROLE, ORGANIZATION, PERSON, PRONOUN) and token.head.lemma_.lower() in _STATEMENT_VERBS
    ):
        head = subject
    else:
        head = document
    cue = (base + token.idx, base + document.idx + len(document))
    content = _span(base, token.head.left_edge, token.head.right_edge)
    return Attribution(cue, "in", _span(base, head.left_edge, head.right_edge), _source_kind(head), content, "", "according")


def verb_phrase(token: "Token") -> str:
    """A verb's lemma with its particle or its object's lemma ("put
    forward", "make case"), as the learned cue list writes phrases; "" when
    it has neither."""
    other = next((c for c in token.children if c.dep_ in ("prt", "dobj")), None)
    return f"{token.lemma_.lower()} {other.lemma_.lower()}" if other is not None else ""


@cache
def learned_cues() -> frozenset[str]:
    lines = read_text(LEARNED_CUES_PATH, "the learned cue-verb list", "python benchmarks/train_cue_verbs.py").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _predicate(token: "Token", lemma: str, base: int) -> Attribution | None:
    """Someone's stance or intention put as a clause ("Cruz decided to
    run", "she figures that ...") or by a verb PolNeAR counts as a cue
    ("offered", "expressed concern"): an attribution in the broad sense,
    which the source rules leave alone."""
    if _hypothetical(token):
        return None
    learned = lemma in learned_cues() or lemma in _POSITION_VERBS or verb_phrase(token) in learned_cues()
    if not (learned or any(c.dep_ in ("ccomp", "xcomp") for c in token.children)):
        return None
    if _after_open_quote(token, token.sent.start):
        return None  # inside a quotation: the speaker's words, not an attribution
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is not None:
        # "..., promoted by Donald Trump", "When pressed by Holt": the agent, not the governing verb's subject
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
    else:
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and agent is None and learned and token.dep_ in ("conj", "advcl") and token.head.pos_ in ("VERB", "AUX"):
        # "denounced the plan and offered ...", "..., expressing concern": the governing verb's subject
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if subject is None or _counted(subject):
        return None
    kind = _source_kind(subject)
    if kind not in (NAMED, PERSON, PRONOUN, ROLE, ORGANIZATION) or subject.lower_ == "it":
        return None
    if agent is not None and _guessed_person(kind, subject):
        return None  # "caused by asbestos"
    cue = (base + token.idx, base + token.idx + len(token))
    return Attribution(
        cue, lemma, _span(base, subject.left_edge, subject.right_edge), kind, _content(token, base), _tense(token),
        "predicate", False,
    )


def _counted(subject: "Token") -> bool:
    """A share or count of people ("8 percent approved", "two-thirds
    agreed"): a poll's finding, not someone's position."""
    return subject.like_num or subject.lower_ in ("percent", "%", "cent") or any(
        c.dep_ == "nummod" for c in subject.children
    )


def _verb_cue(token: "Token", lemma: str, base: int) -> Attribution | None:
    children = list(token.children)
    subjects = [c for c in children if c.dep_ in _SUBJECTS]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
    agent = next((c for c in children if c.dep_ == "agent"), None)
    complements = [c for c in children if c.dep_ in COMPLEMENTS]
    has_clause = bool(complements) or token.dep_ in ("parataxis",) or _trailing(token)
    cue = (base + token.idx, base + token.idx + len(token))
    tense = _tense(token)
    if passive:
        if lemma not in lx.OPINION_PASSIVES:
            return None
        if agent is not None:
            heads = [c for c in agent.children if c.dep_ == "pobj"]
            if not heads:
                return None
            head = heads[0]
            if head.lower_ in _EVERYONE and not complements:
                return None  # "trackers held by everyone": no view reported
            kind = _source_kind(head)
            return Attribution(
                cue, lemma, _span(base, head.left_edge, head.right_edge), kind,
                _content(token, base), tense, "verb", speaker=_speaks(head, kind),
            )
        # "is considered the response", "is believed to be", "it is accepted that";
        # not "was considered at the meeting" (deliberated).
        as_what = any(
            c.dep_ == "prep" and (c.lower_ == "as" or c.lower_ in ("for", "over") and lemma in _JUDGING_PASSIVES)
            for c in children
        ) and lemma not in _NAMING_PASSIVES
        if not (complements or as_what):
            return None  # "is known as Blessed": a name, not a view
        if any(c.dep_ == "auxpass" and c.lower_ == "being" for c in children):
            return None
        return Attribution(cue, lemma, None, NONE, _content(token, base), tense, "passive")
    if lemma not in lx.CUE_VERBS and not (subjects and _speaks_quotation(token)):
        return None
    if token.dep_ in _NOMINAL:
        return None  # "have some say": a noun, whatever the tagger thinks
    if _hypothetical(token):
        return None  # "if people think ...": nobody is said to think it
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return None  # "to help young people feel ...": a purpose, not a view
    if not subjects and token.dep_ in ("advcl", "conj") and token.head.pos_ in ("VERB", "AUX"):
        # "..., saying ...", "denounced the remarks and said ...": the governing verb's subject
        subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        passive = any(c.dep_ == "nsubjpass" for c in subjects)
        if passive:
            return None
    if not subjects and lemma in lx.SPEECH_VERBS and _after_quote(token):
        # '"...," said England coach Mike Friday': the parser may not call him the subject
        subjects = [c for c in children if c.i > token.i and c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and c.pos_ in ("PROPN", "NOUN")]
        if not subjects:
            # ... or parse his title as a clause ("England sevens coach"): the words up to the sentence's end
            speaker = _words_after(token)
            if speaker is not None:
                kind = NAMED if any(t.pos_ == "PROPN" for t in speaker) else _source_kind(speaker[-1])
                if kind != THING:
                    return Attribution(
                        cue, lemma, _span(base, speaker[0], speaker[-1]), kind, None, tense, "verb", True,
                        _speaks(speaker[-1], kind),
                    )
    if not subjects and lemma in lx.SPEECH_VERBS and (complements or _introduces_quote(token)):
        # "..., George Osborne, said: ..." when the parser lost the subject
        name = _name_before(token)
        subjects = [name] if name is not None else []
    last_source_word = None  # when not the last of the subject's phrase
    if not subjects and _subject_parsed_as_root(token):
        subjects, last_source_word = [token.head], token.head
    if not subjects:
        return None
    # the parser may take words of a quotation before the verb for a second subject
    # ('“My reaction, that was outrageous,” Obama's former campaign strategist said'): the one outside speaks
    subject = next((c for c in subjects if not _after_open_quote(c, token.sent.start)), subjects[0])
    if subject.lower_ in _EVERYONE and not (
        any(c.dep_ in ("ccomp", "parataxis") for c in children) or _speaks_quotation(token)
    ):
        return None  # "the game everybody knows and loves", "words everyone likes to look up": an idiom
    if lemma in lx.COGNITION_VERBS:
        if not (has_clause or any(c.dep_ in ("dobj", "xcomp") for c in children) or _speaks_quotation(token)):
            return None
    elif lemma in lx.STANCE_VERBS:
        if not (has_clause or any(c.dep_ in ("dobj", "prep", "xcomp") for c in children) or _speaks_quotation(token)):
            return None
    if lemma == "say" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and not _quote_between(token, c) for c in children):
        return None  # "says a great deal about", "said a prayer": no statement reported
    clause = (
        lemma in lx.BARE_SPEECH_VERBS or _speech_clause(token, complements) or _quoted(token)
        or _introduces_paragraph(token) or _as_reported(token)
    )
    if lemma in _STATEMENT_VERBS and not clause:
        # "announced his candidacy", "polls show Trump ahead": a statement or
        # finding by its object; "claimed the title", "maintains 30 stores":
        # no statement at all, which only a person's verb tells apart
        if not any(c.dep_ == "dobj" for c in children) or lemma in _NOT_STATEMENTS:
            return None
    who = subject.lower_ == "who"
    if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
        subject = token.head  # "Smith, who said ..."
    if subject.dep_ == "expl":
        return None
    kind = _source_kind(subject)
    if kind == THING and who:
        kind = PERSON  # "who" speaks of people, whatever the parser took for its antecedent
    if kind == THING and lemma not in lx.MIND_VERBS:
        return None  # "2004 saw a rise", "the move signals": a thing is no source
    return Attribution(
        cue, lemma, _span(base, subject.left_edge, last_source_word or subject.right_edge), kind,
        _content(token, base), tense, "verb", clause or lemma not in _STATEMENT_VERBS, _speaks(subject, kind),
    )


def _byline_after(prose: str, end: int) -> bool:
    """Whether a byline follows the quotation's closing mark (_BYLINE_AFTER)."""
    byline = _BYLINE_AFTER.match(prose, end)
    return byline is not None and byline["first"].lower() not in lx.TIME_WORDS


def _as_reported(token: "Token") -> bool:
    """Whether the cue stands in an "as" clause whose content is the clause
    it hangs on ("As The Atlantic recently noted, trust in government is
    collapsing", "As the paper reported, ..."), which PolNeAR annotates
    as an attribution: 8 of them went unrecognized on its train and dev
    splits. The clause comes first, as in all 8; one after its clause is
    mostly of time ("the streets were quiet as many regulars continued to
    stay away"). The verb takes no object or complement of its own: "As
    the president admitted his mistake, his rating soared" and "As Centerview
    continues to advise the board, ..." tell of an act, not a source."""
    return (
        token.dep_ == "advcl" and token.i < token.head.i
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "attr") for c in token.children)
    )


def _subject_parsed_as_root(token: "Token") -> bool:
    """Whether the parser took a sentence's subject for its root and the
    verb for a phrase on it ("Trump called Clinton a liar.", parsed as
    "Trump [who was] called ..."): a name or pronoun the sentence hangs
    on, right before a past-tense verb."""
    head = token.head
    return (
        token.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("PROPN", "PRON")
        and 0 < token.i - head.i <= 2 and token.tag_ in ("VBD", "VBN")
    )


def _speaks(head: "Token", kind: str) -> bool:
    """Whether a source is a person or a body speaking, not a text, data
    or "it" (which stands for a thing as often as for a body)."""
    if kind in (DOCUMENT, THING) or head.lower_ in _NON_SPEAKER_PRONOUNS:
        return False
    if kind != NAMED and _mindless(head):
        return False  # not "the Wasps wing" or "Tory headquarters": a name says who speaks
    lower = head.lower_
    # a plural the tagger took for a name ("Records revealed") keeps its -s
    return not {head.lemma_.lower(), lower, lower[:-1] if lower.endswith("s") else lower} & _WRITINGS


def _mindless(head: "Token") -> bool:
    """A common noun with no mind ("one slide says", "the clip says"), by
    the broad animacy newsroom.mindless-subject reads: not a person, a body
    or a place standing for people (:func:`lint.lexicon.may_have_mind`); a
    bare plural names a class of people ("telcos say"), and a singular
    noun with a plural verb a group ("the team say"), as British copy
    agrees with it."""
    if head.pos_ != "NOUN" or not head.is_lower or head.dep_ != "nsubj":
        return False  # a name, or not the parsed subject ("say those behind the negotiations" ends in a thing)
    if head.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
        return False
    if head.tag_ == "NN" and head.head.tag_ == "VBP":
        return False
    return not lx.may_have_mind(head.lemma_.lower())


def _quote_between(token: "Token", other: "Token") -> bool:
    """A quotation mark between two tokens: 'said, "Our country's a mess"'
    quotes a statement, whatever the parser made its object."""
    first, last = sorted((token.i, other.left_edge.i))
    return any(t.is_quote for t in token.doc[first : last + 1])


def _speech_clause(token: "Token", complements: list) -> bool:
    """What a speech verb reports: a clause, not an infinitive ("continued
    to develop" is not speech)."""
    return any(c.dep_ != "xcomp" for c in complements) or token.dep_ == "parataxis" or _trailing(token)


def _hypothetical(token: "Token") -> bool:
    while token.dep_ in ("advcl", "ccomp", "conj", "xcomp"):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in token.children):
            return True
        token = token.head
    return False


def _name_before(token: "Token") -> "Token | None":
    i = token.i - 1
    start = token.sent.start
    while i >= start and token.doc[i].is_punct:
        i -= 1
    if i >= start and i < token.i - 1:
        word = token.doc[i]
        if word.dep_ == "appos" and word.head.pos_ == "PROPN" and word.head.i < word.i:
            word = word.head  # "…,” Flynn, a top Trump surrogate, said": the name the title stands beside
        if word.pos_ == "PROPN":
            return word
    return None


def _words_after(token: "Token") -> "Span | None":
    """The words after an inverted cue that close its sentence ('," said
    England sevens coach Mike Friday.'), at most eight of them."""
    end = token.i + 1
    sentence_end = token.sent.end
    while end < sentence_end and not token.doc[end].is_punct:
        end += 1
    if end == token.i + 1 or end - token.i - 1 > 8 or (end < sentence_end and token.doc[end].text not in (".", ",", "(")):
        return None
    return token.doc[token.i + 1 : end]


def _after_quote(token: "Token") -> bool:
    before = token.doc[max(0, token.i - 2) : token.i]
    return any(t.is_quote for t in before)


def _introduces_quote(token: "Token") -> bool:
    """ "McCaskill scolded him: “The ..." """
    after = token.doc[token.i + 1 : token.i + 5]
    colon = next((t.i for t in after if t.text == ":"), None)
    return colon is not None and colon + 1 < len(token.doc) and token.doc[colon + 1].is_quote


def _introduces_paragraph(token: "Token") -> bool:
    """A verb closing its paragraph with a colon ("Caddell continued:",
    "The New York Times reports:"): the next paragraph gives what was said."""
    last = None
    words = 0
    for t in token.doc[token.i + 1 :]:  # at most four words read, however long the paragraph
        if not t.is_space:
            words += 1
            if words > 3:
                return False
            last = t
    return last is not None and last.text == ":"


def _quoted(token: "Token") -> bool:
    """A quotation mark in the verb's sentence ('"We lost," he added.'), or
    closing the sentence before ('“Who pays?” he asked.')."""
    sentence = token.sent
    return any(t.is_quote for t in sentence) or (sentence.start > 0 and token.doc[sentence.start - 1].is_quote)


def _speaks_quotation(token: "Token") -> bool:
    """Whether a verb of any kind, with a subject, introduces a quotation
    ("Smith shot back: “…”") or follows one with its speaker ("“…!” she
    laughed", "“…,” shouted Smith")."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    doc = token.doc
    first = min(token.i, subject.left_edge.i)
    if _introduces_quote(token):
        speaks = True
    elif first < 2 or not doc[first - 1].is_quote:
        return False
    elif doc[first - 2].text == ",":
        speaks = True
    else:
        # after "?”" or "!”" a capital may start a new sentence ("The senator left the room")
        lower_case = doc[first].text[:1].islower()
        speaks = doc[first - 2].text in ("?", "!", "…", "...") and (
            lower_case or not any(c.dep_ == "dobj" for c in token.children)
        )
    return speaks and _source_kind(subject) != THING


def _trailing(token: "Token") -> bool:
    """A cue after its content: "Prices will rise, the minister said." """
    return any(c.dep_ == "ccomp" and c.i < token.i for c in token.children)


def _tense(token: "Token") -> str:
    if token.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return "present"
    return "past" if token.tag_ in ("VBD", "VBN") else ""


def _content(token: "Token", base: int) -> tuple[int, int] | None:
    for child in token.children:
        if child.dep_ in COMPLEMENTS or child.dep_ == "dobj":
            return _span(base, child.left_edge, child.right_edge)
    return None


def _span(base: int, first: "Token", last: "Token") -> tuple[int, int]:
    return base + first.idx, base + last.idx + len(last)


def _source_kind(head: "Token") -> str:
    """What kind of source a subject (or "according to" object) is."""
    lemma = head.lemma_.lower()
    lower = head.lower_
    if lower in lx.DEMONSTRATIVES:
        # "This shows ...": the fact itself; but "those surveyed", "those of us", "those close to him" are people
        return PERSON if any(c.dep_ in ("acl", "relcl", "prep", "amod") for c in head.children) else THING
    if lower in lx.VAGUE_QUANTIFIERS and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        # "many of them", "some of the analysts", "many of whose members": a part of a group named
        of = _of_object(head)
        after_of = head.doc[head.i + 2] if head.i + 2 < len(head.doc) else None
        if of is not None and (of.pos_ == "PRON" or _determined(of)):
            return _source_kind(of)
        if of is None and after_of is not None and after_of.lower_ in ("whose", "whom", "which"):
            return PERSON
    if lower in lx.VAGUE_QUANTIFIERS and lower not in _NOT_VAGUE and any(c.dep_ == "prep" for c in head.children):
        return GROUP  # "many in the administration"
    if any(c.dep_ in ("det", "amod") and c.lower_ in lx.VAGUE_QUANTIFIERS and c.lower_ not in _NOT_VAGUE for c in head.children):
        if not _named_by_phrase(head):
            return GROUP  # "many people", "some Democrats"; not "some analysts at Barclays"
    if head.pos_ == "PRON" or head.tag_ in ("PRP", "WP"):
        return GROUP if lower in lx.VAGUE_GROUPS else PRONOUN
    if head.pos_ == "PROPN":
        return NAMED
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss", "nummod") or c.tag_ == "PRP$"}
    if lemma in _SHARE_NOUNS:  # "the broad majority of experts", "a number of critics"
        of = _of_object(head)
        if of is not None:
            return _source_kind(of)
    if lemma in lx.DOCUMENT_NOUNS:
        # "a USA Today poll", "the IMF's report", "government figures"; not
        # bare "Treasury Secretary reports" (which ones?)
        if _names_who(head) or any(c.dep_ == "poss" for c in head.children):
            return NAMED
        return PERSON if determiners & lx.SPECIFIC_DETERMINERS else DOCUMENT
    if lemma in lx.VAGUE_GROUPS or lower in lx.VAGUE_GROUPS:
        if _names_who(head):
            return NAMED
        if any(c.dep_ in ("poss", "appos", "relcl", "acl", "nummod") for c in head.children):
            return PERSON  # "its analysts", "economists who ...", "two analysts"
        if determiners & (lx.SPECIFIC_DETERMINERS | {"a", "an", "one", "another"}):
            return PERSON  # "the analysts" (introduced before), "an analyst" (one person)
        if lemma == "people" and not determiners & lx.VAGUE_QUANTIFIERS:
            return PERSON  # "people want ...": a generalization, not a source
        return GROUP
    named = _names_who(head)
    if lemma in lx.ROLE_NOUNS:
        return NAMED if named else ROLE
    if lemma in lx.ORGANIZATION_NOUNS:
        return NAMED if named else ORGANIZATION
    if named:
        return NAMED  # "Former world number one Juan Carlos Ferrero"
    return THING if lemma in lx.INANIMATE_NOUNS else PERSON


def _named_by_phrase(head: "Token") -> bool:
    """A name in a phrase after the head: "analysts at Barclays"."""
    return any(t.pos_ == "PROPN" for c in head.children if c.dep_ in ("prep", "acl", "relcl", "appos") for t in c.subtree)


def _of_object(head: "Token") -> "Token | None":
    return next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)


def _determined(head: "Token") -> bool:
    """A group pointed to: "the analysts", "whose members", "its staff"."""
    return any(
        c.dep_ in ("det", "poss") and (c.lower_ in lx.SPECIFIC_DETERMINERS or c.tag_ in ("PRP$", "WP$")) for c in head.children
    )


def _names_who(head: "Token") -> bool:
    """Whether the phrase names who is behind it: a proper name or a body
    anywhere in it ("analysts at Barclays", "a report by the government's
    watchdog", "Labor Department figures", "research conducted by the EOC"),
    but not an office standing alone ("U.S. Treasury Secretary reports")."""
    for token in head.subtree:
        if token.i == head.i or _under_role(token, head):
            continue
        if token.pos_ == "PROPN" or (token.lemma_.lower() in _PUBLISHERS and token.dep_ in ("compound", "amod", "pobj", "poss")):
            return True
    return False


def _under_role(token: "Token", head: "Token") -> bool:
    """Whether the token is part of an office used as a modifier ("U.S.
    Treasury Secretary" in "U.S. Treasury Secretary reports")."""
    role = False
    while token.i != head.i:
        if token.dep_ != "compound":
            return False
        role = role or token.lemma_.lower() in lx.ROLE_NOUNS
        token = token.head
    return role


# -- quotations and context --------------------------------------------------


def _mark_dash_cues(sentences: list[Sentence], dashes) -> None:
    """Cues inside a dash attribution ("– Wang adds") belong to the dash;
    record the dash itself as the quotation's attribution."""
    starts = [sentence.start for sentence in sentences]
    for dash, cue_end, source_start, source_end in dashes:
        i = bisect.bisect_right(starts, source_start) - 1
        for sentence in sentences[max(i, 0) : i + 1]:
            if not (sentence.start <= source_start < sentence.end):
                continue
            # the verb right after the name ("– Wang adds") is part of the dash form
            sentence.attributions = [a for a in sentence.attributions if not (dash <= a.cue[0] <= cue_end)]
            sentence.attributions.append(
                Attribution((dash, cue_end), "dash", (source_start, source_end), NAMED, None, "", "dash")
            )


def _quotations(doc: "Document", sentences: list[Sentence], by_block: dict, dashes) -> list[Quotation]:
    starts = [s.start for s in sentences]
    dash_starts = {dash for dash, *_ in dashes}
    speaking: set[int] = set()  # blocks whose quotations have a speaker
    quotations: list[Quotation] = []
    for start, end in doc.quotes:
        first = max(0, bisect.bisect_right(starts, start) - 1)
        touching = []
        for sentence in sentences[first:]:
            if sentence.start >= end:
                break
            if start < sentence.end:
                touching.append(sentence)
        if not touching:
            continue  # in a heading or a table, which are not parsed
        block = touching[0].block
        in_block = by_block[block]
        dash = any(d in dash_starts for d in range(end, end + 3))
        attributed = dash or block in speaking or any(_speaks_for(a) for s in in_block for a in s.attributions)
        # A speaker's run: a paragraph opening with a quotation goes on from
        # the attributed quotation of the paragraph before, news style, or
        # from a paragraph that introduces it ("The New York Times reports:").
        opens_block = in_block[0].start >= start - 1
        if not attributed and opens_block and (block - 1 in speaking or _introduces(by_block.get(block - 1))):
            attributed = True
        if not attributed and _after_colon(doc.prose, in_block[0].start, start):
            attributed = True  # "Smith put it this way: “…”"
        if not attributed and _after_speaker(touching[0], in_block):
            attributed = True  # "Dianne Bystrom agreed. “…”"
        if not attributed and (_speaker_after(doc.prose, end, in_block[-1].end) or _led_in(doc.prose, touching[0], start)):
            attributed = True  # '“…,” Nate Silver, the polling guru, tweeted.', 'Trump issued a statement, “…”'
        if not attributed and _continued_with_speaker(doc, end, by_block.get(block + 1)):
            attributed = True  # '“… at different times.' left open, then '“I have to … ,” he explains.'
        if not attributed and _utterance_before(touching[0], in_block):
            attributed = True  # "Trump's first tweet was a measured comment. “…”"
        if not attributed and _utterance_after(touching[-1], in_block):
            attributed = True  # '“…” That quote from Commissioner Thomas Krebs appeared in 1980.'
        if not attributed and opens_block and block - 1 in by_block and _act_of_someone_named(by_block[block - 1][-1], by_block):
            attributed = True  # "She pauses." then, a paragraph of its own, '"Well, thank you so much."'
        if not attributed and (_credited_below(doc, end) or _credited_within(doc, start, end) or _CREDIT_AFTER.match(doc.prose, end)
                               or _byline_after(doc.prose, end)):
            attributed = True  # a pull quote with its credit line: '“…”' then '- Sanders.'; '“…” [NYT.]'
        if not attributed and (_digest_credit(doc, start, in_block[-1].end) or _labelled(doc, start, in_block)):
            attributed = True  # a digest's item credited at its end; '- Newcastle boss Graeme Souness "We deserved the win."'
        if attributed:
            speaking.add(block)
        text = doc.prose[start:end]
        statement = (
            bool(_QUOTED_STATEMENT.fullmatch(text))
            and not _title_of_work(doc.prose, in_block[0].start, start, text)
            and not _woven_in(doc.prose, touching[0], start, end)
            and (_has_verb(touching, start, end) or len(text.split()) > _SLOGAN_WORDS)
        )
        quotations.append(Quotation(start, end, len(text.split()), attributed, dash, statement))
    return quotations


def _speaks_for(a: Attribution) -> bool:
    """Whether an attribution in a quotation's paragraph can give it its
    speaker: someone saying, writing or holding a view ("Smith said", "the
    ministry believes"), not a forecast or an action ("TimeWarner is
    projecting earnings", "Senator Ruiz endorsed the challenger")."""
    if a.style in ("according", "dash", "colon"):
        return True
    return a.style == "verb" and a.source_kind in _SPEAKERS and a.lemma not in lx.ESTIMATE_VERBS


def _continued_with_speaker(doc: "Document", end: int, following: list[Sentence] | None) -> bool:
    """Whether a quotation left open at its paragraph's end goes on in the
    next paragraph, which gives the speaker where it closes, as AP carries a
    quotation over paragraphs with one attribution ('“… different times.'
    then '“I have to communicate with the director …,” he explains.'): in
    the training articles of BBC and PolNeAR, 44 of the 189 paragraphs that
    go on with a quotation left open have their speaker right after it
    closes."""
    if not following or doc.prose[end - 1 : end] in ('"', "”") or doc.prose[end : following[0].start].strip():
        return False  # closed, or words after it in its paragraph
    continued = doc.quote_at(following[0].start)
    if continued is None:
        return False
    # the sentences the quotation goes on through, and the one it closes in
    return any(_speaks_for(a) for sentence in following if sentence.start < continued[1] for a in sentence.attributions)


def _credited_below(doc: "Document", end: int) -> bool:
    """Whether a quotation closing its paragraph has its credit line as the
    next paragraph: a dash and a few words of name ("- Sanders.",
    "—Michelle Marks, Philadelphia.")."""
    blocks = doc.blocks
    i = doc.block_index(end - 1)
    if i < 0 or i + 1 >= len(blocks) or doc.prose[end : blocks[i].end].strip():
        return False
    following = blocks[i + 1]
    text = doc.prose[following.start : following.end]
    if following.kind == "list":
        # Markdown reads "- Sanders." as a list item: its dash is in the source only
        start = doc.source_offset(following.start)
        text = doc.source[doc.source.rfind("\n", 0, start) + 1 : start].lstrip() + text
    # or, the quotation left open, its credit and closing mark on a line of their own
    closed_credit = text.rstrip().endswith(('"', "”")) and _name_or_role_line(text)
    return bool(_CREDIT_LINE.fullmatch(text) or _INNER_CREDIT.fullmatch(text.strip()) or closed_credit)


def _credited_within(doc: "Document", start: int, end: int) -> bool:
    """Whether a quotation's last line is its credit, inside the marks, as
    pull quotes are set ('"We will enter the next recession ...' then
    'Josh Bivens, Economic Policy Institute."')."""
    source_start, source_end = doc.source_span(start, end)
    lines = doc.source[source_start:source_end].rstrip().split("\n")
    return len(lines) > 1 and (bool(_INNER_CREDIT.fullmatch(lines[-1].strip())) or _name_or_role_line(lines[-1]))


def _name_or_role_line(line: str) -> bool:
    """Whether a quotation's last line, inside the marks, is its speaker's
    full name after a title or a role ("S.C. Rep. Jim Clyburn.", "Former
    NAACP president Ben Jealous."), or a well-known name alone ("Donald
    Trump."), as pull quotes set it. Of the 5 closing lines of capitalized
    words in BBC and PolNeAR, those 3 are taken; "Bill Clinton." is not
    (no title, not on the well-known list) and "Josh Bivens, Economic
    Policy Institute." is _INNER_CREDIT's. A sentence has a word in lower
    case that is no role ("We will win."), and a line of capitals with no
    title or role before a full name is a slogan ("God Bless America.",
    "Vote Labour.", "NO MORE CUTS.")."""
    words = line.strip().rstrip("\"”'").rstrip(".").split()
    if not 0 < len(words) <= 6 or not all(w[:1].isupper() or w.lower() in lx.ROLE_NOUNS for w in words):
        return False
    if len(words) >= 2 and well_known(tuple(words)):
        return True
    roles = [i for i, w in enumerate(words) if role_noun(w.rstrip("."))]
    name = tuple(words[roles[-1] + 1 :]) if roles else ()
    return len(name) >= 2 and opens_like_a_name(name) and surname_of(name) is not None


def _introduces(sentences: list[Sentence] | None) -> bool:
    """Whether a paragraph hands the next one its speaker: it ends in a
    colon ("The Times reported:") or its last sentence is a statement, a
    view or a stance attributed to someone ("Oduya said the bridge would
    reopen.", "Valastro praised Christie's leadership."), which a quotation
    opening the next paragraph goes on from."""
    if not sentences:
        return False
    last = sentences[-1]
    if last.span.text.rstrip().endswith(":"):
        return True
    return any(
        (a.speech and a.clause or a.style == "verb" and a.lemma in _STANCE_OR_MIND) and a.source_kind in _SPEAKERS
        for a in last.attributions
    )


def _after_speaker(first: Sentence, paragraph: list[Sentence]) -> bool:
    """Whether the sentence before the quotation's gives its speaker: a
    speaker and a cue alone ("Dianne Bystrom agreed.", "Smith was blunt."),
    a subject that can speak and a verb with no clause of its own; or "he"
    or "she", whose doings it tells ("He then progressed to crutches.
    “…”"), as a feature runs its subject's words. (A name there is not
    enough: it halves the alerts on BBC quotations whose speaker was
    removed, benchmarks/quote_speaker_recall.py.)"""
    before = [s for s in paragraph if s.end <= first.start]
    if not before:
        return False
    root = before[-1].span.root
    if _tells_of_him_or_her(before[-1]):
        return True  # "He then went back to training. “…”": the one whose doings it tells
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or _source_kind(subject) not in _SPEAKERS:
        return False
    if len(before[-1].span) > 10:
        return False
    if root.lemma_ == "be" and subject.pos_ == "PROPN" and any(c.dep_ == "acomp" for c in root.children):
        # "Mr Howard, however, was dismissive.", "Megyn was incredulous.": the speaker's mood (all 3
        # such sentences before a quotation in the training articles of BBC and PolNeAR); not "The
        # hall was full."
        return True
    return root.lemma_.lower() in lx.CUE_VERBS and not any(c.dep_ in COMPLEMENTS or c.dep_ == "dobj" for c in root.children)


def _speaker_after(prose: str, end: int, block_end: int) -> bool:
    """Whether a speaker and a speech verb follow the quotation in its
    sentence, however long the speaker's description ('…,” Nate Silver,
    the polling guru who founded fivethirtyeight.com, tweeted on Wednesday').
    """
    m = _SPEAKER_AFTER.match(prose, end, min(block_end, end + 160))
    return m is not None and prose[max(0, end - 6) : end].rstrip("\"”’' ")[-1:] in _QUOTE_ENDS


def _led_in(prose: str, first: Sentence, start: int) -> bool:
    """Whether the words before the quotation in its sentence lead into it
    with a comma or colon after a speech verb or an utterance ('Trump
    issued a statement, “…”', 'saying “…”')."""
    before = prose[first.start : start].rstrip()
    words = [w.lower() for w in regex.findall(r"\p{L}+", before)]
    if words and words[-1] in _SPEECH_FORMS:
        return True  # 'the protesters chanted “…”', 'saying “…”'
    if not before.endswith((",", ":")):
        return False
    return bool(set(words) & _SPEECH_FORMS) or any(w.rstrip("s") in lx.UTTERANCE_NOUNS for w in words)


def _tells_of_him_or_her(sentence: Sentence) -> bool:
    """Whether the sentence tells what "he" or "she" did ("He is now selling
    the handgun.", "She pauses."): the one whose words a feature runs next."""
    subject = next((c for c in sentence.span.root.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ in ("he", "she")


def _act_of_someone_named(sentence: Sentence, by_block: dict[int, list[Sentence]]) -> bool:
    """Whether the sentence, a paragraph's last, tells what "he" or "she"
    did ("She pauses."), someone its paragraph or the one before names as a subject:
    the quotation opening the next paragraph is theirs."""
    if not _tells_of_him_or_her(sentence) or sentence.span.root.pos_ != "VERB":
        return False  # "He is tall" is no act
    named = by_block.get(sentence.block - 1, []) + by_block[sentence.block]
    return any(_named_subject(t) for s in named if s.start <= sentence.start for t in s.span)


def _named_subject(token: "Token") -> bool:
    """Whether a token is a name standing as a clause's subject ("Smith
    left"), not a place or a day named elsewhere in it ("played in London")."""
    subjects = ("nsubj", "nsubjpass")
    return token.pos_ == "PROPN" and (token.dep_ in subjects or token.dep_ == "compound" and token.head.dep_ in subjects)


def _utterance_after(last: Sentence, paragraph: list[Sentence]) -> bool:
    """Whether the sentence after the quotation's names whose words they
    were, pointing back at them as its subject ('“…” That quote from Alabama Securities
    Commissioner Thomas Krebs appeared on the front page')."""
    after = [s for s in paragraph if s.start >= last.end]
    if not after:
        return False
    span = after[0].span
    return any(
        t.dep_ == "nsubj"
        and t.lemma_.lower() in _UTTERANCES
        and any(c.dep_ == "det" and c.lower_ in lx.DEMONSTRATIVES for c in t.children)
        and any(c.dep_ == "poss" or c.pos_ == "PROPN" for c in t.subtree)
        for t in span
    )


def _utterance_before(first: Sentence, paragraph: list[Sentence]) -> bool:
    """Whether the sentence before the quotation's speaks of someone's
    tweet, statement or letter, which the quotation then gives."""
    before = [s for s in paragraph if s.end <= first.start]
    if not before:
        return False
    span = before[-1].span
    if not any(t.lemma_.lower() in _UTTERANCES for t in span):
        return False
    subject = next((c for c in span.root.children if c.dep_ == "nsubj"), None)
    # "Trump's first tweet", "a quote attributed to Thomas Jefferson"
    owned = any(c.dep_ == "poss" or c.pos_ == "PROPN" for t in span if t.lemma_.lower() in _UTTERANCES for c in t.subtree)
    return owned or (subject is not None and _source_kind(subject) in _SPEAKERS)


def _digest_credit(doc: "Document", start: int, end: int) -> bool:
    """Whether the paragraph closes on a digest's credit: a source's name
    ('[WSJ | Paywall]', '[NYT.]'), or any bracket when the text closes two
    or more paragraphs so; not a note or a photo's credit ('[Updated]',
    '[Photo: Reuters]') on its own."""
    credit = _CREDIT_CLOSING.search(doc.prose, start, end)
    if credit is None:
        return False
    if ":" not in credit.group() and regex.search(r"\p{Lu}{2}|\|", credit.group()):
        return True
    return _credits_closing(doc) >= 2


def _credits_closing(doc: "Document") -> int:
    """How many paragraphs of the draft close on a bracketed credit,
    counted once per draft (every quotation of a digest asks)."""
    count = doc.models.get("credits closing")
    if count is None:
        count = doc.models["credits closing"] = sum(
            _CREDIT_CLOSING.search(doc.prose, block.start, block.end) is not None for block in doc.blocks)
    return count


def _labelled(doc: "Document", start: int, paragraph: list[Sentence]) -> bool:
    """Whether the quotation's line opens on a dash and its speaker, as
    match reports set the managers' words ('- Newcastle boss Graeme Souness
    "We deserved the win. …"'): the credit line's form, before the words; a
    name or a role, not a sentence ('- The council voted. “…”')."""
    line_start = doc.prose.rfind("\n", 0, start) + 1
    label = doc.prose[line_start:start].strip()
    if _SENTENCE_END_IN_LABEL.search(label):
        return False
    words = [
        t
        for sentence in paragraph
        for t in sentence.span
        if line_start <= sentence.offset(t) < start
    ]
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return False  # "Voters were angry"
    if not any(t.pos_ == "PROPN" or t.lemma_.lower() in lx.ROLE_NOUNS for t in words):
        return False
    i = doc.block_index(start)
    if i >= 0 and doc.blocks[i].kind == "list" and line_start <= doc.blocks[i].start:
        # Markdown reads "- Newcastle boss …" as a list item: its dash is in the source only
        source_start = doc.source_offset(doc.blocks[i].start)
        label = doc.source[doc.source.rfind("\n", 0, source_start) + 1 : source_start].strip() + " " + label
    return bool(_CREDIT_LINE.fullmatch(label))


def _woven_in(prose: str, sentence: Sentence, start: int, end: int) -> bool:
    """Whether the quotation is woven into a sentence of the writer's, not
    set off as what someone said, as the word just before it shows: "as"
    or "called", a preposition or a determiner, a verb taking it as its
    object ('portrayed simply as “Big Coal vs. virtuous wind and solar.”',
    'Murphy owes “Florida an explanation …”'), or a dash opening an aside
    the quotation closes ('When Trump finally wrapped up — “I will fight
    for you!” —'); not a dateline ('LONDON (Reuters) — “…”') nor a mood
    ('The mayor was blunt “…”')."""
    before = [t for t in sentence.span if sentence.offset(t) + len(t.text) <= start]
    if not before:
        return False
    word = before[-1]
    if word.text in ("—", "–", "--"):
        return bool(regex.match(r"\s*[—–]|\s*--", prose[end : end + 4]))
    if word.lower_ in ("as", "called") or word.pos_ in ("ADP", "DET"):
        return True
    return word.pos_ == "VERB" and word.lemma_.lower() not in lx.CUE_VERBS and word.lower_ not in _SPEECH_FORMS


def _has_verb(sentences: list[Sentence], start: int, end: int) -> bool:
    """Whether the quoted words have a verb: a statement does; a slogan or a
    heading does not ('“No special rights for foreigners!”')."""
    return any(start <= sentence.offset(t) < end and t.pos_ in ("VERB", "AUX") for sentence in sentences for t in sentence.span)


def _after_colon(prose: str, block_start: int, start: int) -> bool:
    return prose[block_start:start].rstrip().endswith(":")


def _title_of_work(prose: str, block_start: int, start: int, text: str) -> bool:
    """A quoted title, not a statement: most of its words capitalized ("The
    Way We Were Before the War") or a work's noun before it ("the book
    “…”", "a show called “…”")."""
    words = [w for w in regex.findall(r"\p{L}[\p{L}’'-]*", text) if w.lower() not in _MINOR_TITLE_WORDS]
    if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
        return True
    before = regex.findall(r"\p{L}+", prose[max(block_start, start - 40) : start].lower())
    return bool(before) and before[-1] in _WORK_NOUNS


def _apply_context(by_block: dict, quotations: list[Quotation], turns: list[tuple[int, int]]) -> None:
    attributed_quotes = [(q.start, q.end) for q in quotations if q.attributed]
    for block_sentences in by_block.values():
        closing = _closing_attribution(block_sentences)
        previous: Sentence | None = None
        for i, sentence in enumerate(block_sentences):
            if not sentence.attributions:
                if mostly_quoted(sentence, attributed_quotes):
                    sentence.context = "quote"
                elif mostly_quoted(sentence, turns):
                    sentence.context = "turn"
                elif closing is not None and i < closing:
                    sentence.context = "paragraph"
                elif previous is not None and _continues_reported_speech(previous, sentence):
                    sentence.context = "continued"
            previous = sentence


def _closing_attribution(sentences: list[Sentence]) -> int | None:
    """Index of the last sentence whose attribution trails its content."""
    for i in range(len(sentences) - 1, -1, -1):
        for a in sentences[i].attributions:
            content_first = a.content is not None and a.content[1] <= a.cue[0]  # "..., the ministry said."
            inverted = a.style == "verb" and a.source is not None and a.source[0] > a.cue[0]  # "..., said Ruiz."
            if content_first or inverted:
                return i
    return None


def personal_paragraphs(doc: "Document") -> dict[int, bool]:
    """For each parsed block, whether it speaks in a personal voice
    (:func:`personal_voice`); worked out once per document for every rule
    that asks."""
    found = doc.models.get("personal voice")
    if found is None:
        found = doc.models["personal voice"] = {
            block: personal_voice(doc, paragraph) for block, paragraph in model(doc).paragraphs.items()
        }
    return found


def personal_voice(doc: "Document", paragraph: list[Sentence]) -> bool:
    """Whether the paragraph speaks in the first person singular, or to the
    reader ("If you like things open-ended ...", "until you reach that
    point"), outside quotations: a reader's letter, a column or a review,
    not the news voice. A capitalized "Your" inside a sentence is a
    title's ("Dirt Off Your Shoulder")."""
    for sentence in paragraph:
        for token in sentence.span:
            lower = token.lower_
            personal = lower in _FIRST_PERSON or (lower in _SECOND_PERSON and (token.is_lower or token.is_sent_start))
            if personal and not doc.in_quote(sentence.offset(token)):
                return True
    return False


def mostly_quoted(sentence: Sentence, quotes: list[tuple[int, int]]) -> bool:
    """Whether half the sentence or more lies inside the quotation spans
    (in document order, not overlapping: only those near it are read)."""
    inside = 0
    for s, e in quotes[bisect.bisect_right(quotes, sentence.start, key=lambda q: q[1]) :]:
        if s >= sentence.end:
            break
        inside += max(0, min(e, sentence.end) - max(s, sentence.start))
    return inside * 2 >= sentence.end - sentence.start


def _continues_reported_speech(previous: Sentence, sentence: Sentence) -> bool:
    if not (previous.attributions or previous.context):
        return False
    if previous.attributions and not any(a.tense == "past" for a in previous.attributions):
        return False
    root = sentence.span.root
    return any(c.dep_ == "aux" and c.lower_ in _MODALS_OF_REPORTED_SPEECH for c in root.children)


def cue_token(sentence: Sentence, attribution: Attribution) -> "Token | None":
    """The token the cue starts with in the sentence's parse; None when the
    cue starts inside one (a dash glued to a quotation mark)."""
    span = sentence.span
    offset = attribution.cue[0] - sentence.start + span.start_char
    return next((t for t in span if t.idx == offset), None)
