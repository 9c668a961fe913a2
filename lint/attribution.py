"""The attribution model: who stands behind each sentence and quotation.

Built once per document from the linguistic layer (:mod:`lint.nlp`) and
queried by the attribution check kinds. An :class:`Attribution` is a cue
(a speech, reporting or cognition verb, "according to", a dash after a
quotation) with its source and the kind of source. A :class:`Sentence`
knows its own attributions and, when it has none, whether its context
attributes it the way a copy editor reads it:

- ``quote``: it lies inside a quotation that is attributed;
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
from typing import TYPE_CHECKING

from lint import lexicon as lx
from lint.nlp import ensure_parsed

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from lint.document import Document

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
_COMPLEMENTS = ("ccomp", "xcomp", "oprd", "parataxis")
_LABELS = frozenset("update note correction clarification editor photo video watch read related background analysis warning".split())
_CUE_OR_PASSIVE = lx.CUE_VERBS | lx.OPINION_PASSIVES
_STATEMENT_VERBS = lx.SPEECH_VERBS | lx.REPORTING_VERBS
_SPEAKER_COLON = regex.compile(
    r"[-–•*]?[ \t]*(?P<source>(?:\p{Lu}[\w’'.-]*[ \t]+)?(?:[\w’'.-]+[ \t]+){0,5}\p{Lu}[\w’'.-]*)[ \t]*(?P<colon>:)[ \t]+\S"
)
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
# Bodies that publish figures and reports: "government figures", "official statistics".
_PUBLISHERS = lx.ORGANIZATION_NOUNS | {"official"}
_SHARE_NOUNS = frozenset("majority minority number host handful lot plenty part".split())
_NAMING_PASSIVES = frozenset("know call name term dub refer".split())
_DEMONSTRATIVES = frozenset("this that these those".split())
_MODALS_OF_REPORTED_SPEECH = frozenset("would could might should".split())
# A dash and a name after a closing quotation mark: '...,” – Wang Wen.'
_DASH_AFTER_QUOTE = regex.compile(
    r"(?<=[\p{L}\p{N}.,!?…)\]])[\"”][ \t]?(?P<dash>[–—―]|--?(?=[ \t]))[ \t]*"
    r"(?P<source>\p{Lu}[\w’'.-]*(?:[ \t]+(?:\p{Lu}[\w’'.-]*|of|the|de|van|von|bin|al))*)"
    r"(?:[ \t]+(?P<verb>adds|added|says|said|writes|wrote|notes|noted))?"
    # the name closes the sentence or a clause: "– Wang Wen." not "– Smith and Jones disputed it"
    r"(?=[ \t]*(?:[.,;:(“\"]|$))"
)


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
    context: str = ""  # quote, paragraph, continued; "" when none applies
    block: int = 0  # index of the parsed block the sentence is in

    @property
    def attributed(self) -> bool:
        return bool(self.attributions) or bool(self.context)


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
        for span in parsed.doc.sents:
            text = span.text
            if not text.strip():
                continue
            sentence = Sentence(base + span.start_char, base + span.end_char, span, block=index)
            sentence.attributions = _cues(span, base)
            sentences.append(sentence)
        block_text = parsed.doc.text
        for m in _DASH_AFTER_QUOTE.finditer(block_text):
            source_end = base + m.start("source") + len(m.group("source").rstrip("."))
            cue_end = base + m.end("verb") if m.group("verb") else base + m.start("source")
            dashes.append((base + m.start("dash"), cue_end, base + m.start("source"), source_end))
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.block, []).append(sentence)
    _mark_dash_cues(sentences, dashes)
    quotations = _quotations(doc, sentences, paragraphs, dashes)
    _apply_context(paragraphs, quotations)
    attributions = [a for s in sentences for a in s.attributions]
    return AttributionModel(sentences, attributions, quotations, paragraphs)


# -- cues in one sentence ----------------------------------------------------


def _cues(span: "Span", base: int) -> list[Attribution]:
    found: list[Attribution] = []
    for token in span:
        lemma = token.lemma_.lower()
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            found.append(_according(token, base))
        elif token.lower_ == "per" and token.dep_ == "prep" and not _rate(token):
            found.append(_per(token, base))
        elif token.lower_ == "in" and token.dep_ == "prep":
            attribution = _in_document(token, base)
            if attribution:
                found.append(attribution)
        elif token.pos_ in ("VERB", "AUX") and lemma in _CUE_OR_PASSIVE:
            attribution = _verb_cue(token, lemma, base)
            if attribution:
                found.append(attribution)
        elif token.pos_ == "VERB":
            attribution = _predicate(token, lemma, base)
            if attribution:
                found.append(attribution)
    if all(a.style == "predicate" for a in found):
        tail = _tail_attribution(span, base) or _colon_attribution(span, base)
        if tail:
            found.append(tail)
    return found


def _colon_attribution(span: "Span", base: int) -> Attribution | None:
    """A speaker before a colon opening a paragraph, as in a transcript
    ("Q: ...", "A: ...", "- City boss Kevin Keegan: ...") or a headline run
    in as a paragraph ("Paul Ryan: FBI decision defies explanation"); not
    a label ("Update: ...")."""
    if span.start != 0:
        return None
    m = _SPEAKER_COLON.match(span.text)
    if not m or m.group("source").split()[0].lower() in _LABELS:
        return None
    start = base + span.start_char
    source = (start + m.start("source"), start + m.end("source"))
    return Attribution(
        (start + m.start("colon"), start + m.end("colon")), ":", source, NAMED, (start + m.end(), start + len(span.text)),
        "", "colon",
    )


def _tail_attribution(span: "Span", base: int) -> Attribution | None:
    """", state media report." closing a sentence, when the tagger took the
    verb for a noun."""
    m = _TAIL.search(span.text)
    if not m:
        return None
    start = span.start_char
    head = next((t for t in span if t.idx - start == m.end("source") - len(m.group("source").split()[-1])), None)
    last_word = m.group("source").split()[-1]
    if last_word[0].isupper() and last_word.lower() not in _DEMONSTRATIVES:
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
    clause = token.head
    content = _span(base, clause.left_edge, clause.right_edge) if clause.i != token.i else None
    return Attribution(cue, "according to", _span(base, head.left_edge, head.right_edge), kind, content, "", "according")


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
    # a statement speaks for its author; a poll or a study for itself
    if subject is not None and document.lemma_.lower() in lx.UTTERANCE_NOUNS and _source_kind(subject) != THING:
        head = subject
    else:
        head = document
    cue = (base + token.idx, base + document.idx + len(document))
    content = _span(base, token.head.left_edge, token.head.right_edge)
    return Attribution(cue, "in", _span(base, head.left_edge, head.right_edge), _source_kind(head), content, "", "according")


def _predicate(token: "Token", lemma: str, base: int) -> Attribution | None:
    """Someone's stance or intention put as a clause ("Cruz decided to
    run", "she figures that ..."): an attribution in the broad sense, which
    the source rules leave alone."""
    if not any(c.dep_ in ("ccomp", "xcomp") for c in token.children) or _hypothetical(token):
        return None
    if sum(t.is_quote for t in token.sent[: token.i - token.sent.start]) % 2:
        return None  # inside a quotation: the speaker's words, not an attribution
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    kind = _source_kind(subject)
    if kind not in (NAMED, PERSON, PRONOUN, ROLE, ORGANIZATION) or subject.lower_ == "it":
        return None
    cue = (base + token.idx, base + token.idx + len(token))
    return Attribution(
        cue, lemma, _span(base, subject.left_edge, subject.right_edge), kind, _content(token, base), _tense(token),
        "predicate", False,
    )


def _verb_cue(token: "Token", lemma: str, base: int) -> Attribution | None:
    children = list(token.children)
    subjects = [c for c in children if c.dep_ in _SUBJECTS]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
    agent = next((c for c in children if c.dep_ == "agent"), None)
    complements = [c for c in children if c.dep_ in _COMPLEMENTS]
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
            return Attribution(
                cue, lemma, _span(base, head.left_edge, head.right_edge), _source_kind(head),
                _content(token, base), tense, "verb",
            )
        # "is considered the response", "is believed to be", "it is accepted that";
        # not "was considered at the meeting" (deliberated).
        as_what = any(c.dep_ == "prep" and c.lower_ == "as" for c in children) and lemma not in _NAMING_PASSIVES
        if not (complements or as_what):
            return None  # "is known as Blessed": a name, not a view
        if any(c.dep_ == "auxpass" and c.lower_ == "being" for c in children):
            return None
        return Attribution(cue, lemma, None, NONE, _content(token, base), tense, "passive")
    if lemma not in lx.CUE_VERBS and not (subjects and _introduces_quote(token)):
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
    if not subjects and lemma in lx.SPEECH_VERBS and (complements or _introduces_quote(token)):
        # "..., George Osborne, said: ..." when the parser lost the subject
        name = _name_before(token)
        subjects = [name] if name is not None else []
    if not subjects:
        return None
    subject = subjects[0]
    if lemma in lx.COGNITION_VERBS:
        if not (has_clause or any(c.dep_ in ("dobj", "xcomp") for c in children)):
            return None
    elif lemma in lx.STANCE_VERBS:
        if not (has_clause or any(c.dep_ in ("dobj", "prep", "xcomp") for c in children)):
            return None
    if lemma == "say" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in children):
        return None  # "says a great deal about", "said a prayer": no statement reported
    clause = lemma in lx.BARE_SPEECH_VERBS or _speech_clause(token, complements) or _quoted(token)
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
        cue, lemma, _span(base, subject.left_edge, subject.right_edge), kind,
        _content(token, base), tense, "verb", clause or lemma not in _STATEMENT_VERBS,
    )


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
    while i >= token.sent.start and token.doc[i].is_punct:
        i -= 1
    if i >= token.sent.start and token.doc[i].pos_ == "PROPN" and i < token.i - 1:
        return token.doc[i]
    return None


def _after_quote(token: "Token") -> bool:
    before = token.doc[max(0, token.i - 2) : token.i]
    return any(t.is_quote for t in before)


def _introduces_quote(token: "Token") -> bool:
    """ "McCaskill scolded him: “The ..." """
    after = token.doc[token.i + 1 : token.i + 5]
    colon = next((t.i for t in after if t.text == ":"), None)
    return colon is not None and colon + 1 < len(token.doc) and token.doc[colon + 1].is_quote


def _quoted(token: "Token") -> bool:
    """A quotation mark in the verb's sentence: '"We lost," he added.'"""
    return any(t.is_quote for t in token.sent)


def _trailing(token: "Token") -> bool:
    """A cue after its content: "Prices will rise, the minister said." """
    return any(c.dep_ == "ccomp" and c.i < token.i for c in token.children)


def _tense(token: "Token") -> str:
    if token.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return "present"
    return "past" if token.tag_ in ("VBD", "VBN") else ""


def _content(token: "Token", base: int) -> tuple[int, int] | None:
    for child in token.children:
        if child.dep_ in _COMPLEMENTS or child.dep_ == "dobj":
            return _span(base, child.left_edge, child.right_edge)
    return None


def _span(base: int, first: "Token", last: "Token") -> tuple[int, int]:
    return base + first.idx, base + last.idx + len(last)


def _source_kind(head: "Token") -> str:
    """What kind of source a subject (or "according to" object) is."""
    lemma = head.lemma_.lower()
    lower = head.lower_
    if lower in _DEMONSTRATIVES:
        # "This shows ...": the fact itself; but "those surveyed", "those of us" are people
        return PERSON if any(c.dep_ in ("acl", "relcl", "prep") for c in head.children) else THING
    if head.pos_ == "PRON" or head.tag_ in ("PRP", "WP"):
        return GROUP if lower in lx.VAGUE_GROUPS else PRONOUN
    if head.pos_ == "PROPN":
        return NAMED
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss", "nummod") or c.tag_ == "PRP$"}
    if lemma in _SHARE_NOUNS:  # "the broad majority of experts", "a number of critics"
        of = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
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
        attributed = dash or block in speaking or any(s.attributions for s in in_block)
        # A speaker's run: a paragraph opening with a quotation goes on from
        # the attributed quotation of the paragraph before, news style, or
        # from a paragraph that introduces it ("The New York Times reports:").
        opens_block = in_block[0].start >= start - 1
        if not attributed and opens_block and (block - 1 in speaking or _introduces(by_block.get(block - 1))):
            attributed = True
        if attributed:
            speaking.add(block)
        text = doc.prose[start:end]
        statement = bool(_QUOTED_STATEMENT.fullmatch(text))
        quotations.append(Quotation(start, end, len(text.split()), attributed, dash, statement))
    return quotations


def _introduces(sentences: list[Sentence] | None) -> bool:
    return bool(sentences) and sentences[-1].span.text.rstrip().endswith(":")


def _apply_context(by_block: dict, quotations: list[Quotation]) -> None:
    attributed_quotes = [(q.start, q.end) for q in quotations if q.attributed]
    for block_sentences in by_block.values():
        closing = _closing_attribution(block_sentences)
        previous: Sentence | None = None
        for i, sentence in enumerate(block_sentences):
            if not sentence.attributions:
                if mostly_quoted(sentence, attributed_quotes):
                    sentence.context = "quote"
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
