"""The people model: who a story mentions, how each mention names them,
and which offices it uses with no holder named.

Built once per document from the linguistic layer (:mod:`lint.nlp`) and
queried by the ``person`` and ``office`` check kinds. A full name is a
PERSON entity, or proper nouns after a title ("Treasury Secretary Scott
Bessent", "Mr Blair"); the entity recognizer runs on the parsed blocks
only when this model is built. A short reference ("Wang adds", "Trump")
is matched against the full names already seen, never left to the
recognizer, which takes "Wang adds" for an organization. A name that
opens with an East Asian family name ("Wang Yiwei", "Kim Jong-un") may be
in either order, so either end of it counts as its surname.

Offsets are prose offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lint import lexicon as lx
from lint.nlp import DEFAULT_PIPELINE, ensure_parsed, recognize_entities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from lint.document import Document

_TITLES = lx.TITLE_WORDS | lx.HONORIFICS
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_POSSESSIVES = ("'s", "’s", "'", "’")
# Words before an office that say which one it is not ("the former
# secretary", "the new mayor"); the rest name its portfolio ("the Energy
# Secretary", "the foreign minister").
_NOT_PORTFOLIO = frozenset("the a an this that former then new acting late current outgoing incoming interim".split())
_SOURCE_DEPS = ("nsubj", "nsubjpass")
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}|U[KSN]")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # the name's words, prose offsets (title and honorific excluded)
    end: int
    words: tuple[str, ...]
    sentence: int  # index of the sentence in document order
    title: str  # the title or role set before the name ("Treasury Secretary"); "" when none
    honorific: tuple[int, int] | None  # where a courtesy title stands ("Mr "), with its space
    described: bool  # a title, an appositive, a relative clause or a role says who this is
    quoted: bool

    @property
    def full(self) -> bool:
        return len(self.words) > 1


@dataclass
class Person:
    words: tuple[str, ...]  # the name as first given in full
    surnames: frozenset[str]  # lower case; two when the order is uncertain
    given: str | None  # lower case, when the order is certain
    roles: set[str] = field(default_factory=set)  # lower-case words of every title and description
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first_reference(self) -> Mention | None:
        """The first mention in the reporter's voice (outside quotations)."""
        return next((m for m in self.mentions if not m.quoted), None)


@dataclass(frozen=True, slots=True)
class Office:
    start: int  # the office's words ("U.S. Treasury Secretary"), prose offsets
    end: int
    head: str  # lower case: "secretary"
    portfolio: frozenset[str]  # lower case: {"treasury"}
    phrase: str  # the office in lower case, without its country: "treasury secretary"
    sentence: int
    acts: bool  # used as a source or an actor (a subject, an agent, "according to")
    holder: bool  # someone holding it is named before, or in the same or next sentence
    quoted: bool


@dataclass
class PeopleModel:
    people: list[Person]
    offices: list[Office]
    # Surnames alone that two people or more named before share ("Wang
    # adds"), with those people.
    ambiguous: list[tuple[Mention, list[Person]]]
    # Given names alone after a full reference ("Laura said"), with their person.
    given_names: list[tuple[Mention, Person]]


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
        self.ambiguous: list[tuple[Mention, list[Person]]] = []
        self.given_names: list[tuple[Mention, Person]] = []
        self.office_tokens: list[tuple[int, "Token", int]] = []  # sentence, office word, block start

    def build(self) -> PeopleModel:
        parses = self.doc.parses or []
        recognize_entities([p.doc for p in parses], self.doc.pipeline or DEFAULT_PIPELINE)
        number = 0
        for parsed in parses:
            for sentence in parsed.doc.sents:
                self._sentence(sentence, parsed.start, number)
                number += 1
        offices = [self._office(token, base, index) for index, token, base in self.office_tokens]
        return PeopleModel(self.people, [o for o in offices if o is not None], self.ambiguous, self.given_names)

    # -- names ---------------------------------------------------------------

    def _sentence(self, sentence: "Span", base: int, number: int) -> None:
        names = _names(sentence)
        taken = {i for first, last in names for i in range(first, last + 1)}
        # short references the recognizer may have missed ("Wang adds" as an organization)
        names += [(t.i, t.i) for t in sentence if t.i not in taken and self._short_reference(t)]
        taken.update(first for first, _ in names)
        for first, last in sorted(names):
            self._mention(sentence.doc, first, last, base, number, sentence.start)
        for token in sentence:
            if token.i not in taken and _office_word(token):
                self.office_tokens.append((number, token, base))

    def _short_reference(self, token: "Token") -> bool:
        """A lone proper noun that is the surname or given name of someone
        named before, and not part of another name ("Trump Tower")."""
        if token.pos_ != "PROPN" or not _capitalized(token):
            return False
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            return False
        key = token.lower_
        return any(key in p.surnames or key == p.given for p in self.people)

    def _mention(self, doc: "Doc", first: int, last: int, base: int, number: int, sentence_start: int) -> None:
        words = tuple(t.text for t in doc[first : last + 1] if t.text not in ("-", "‐"))
        title_start = _title_start(doc, first, sentence_start)
        title = doc[title_start:first].text if title_start < first else ""
        honorific = None
        if title_start < first and _bare(doc[first - 1]) in lx.HONORIFICS:
            h = doc[first - 1]
            honorific = (base + h.idx, base + doc[first].idx)
        head = _head(doc, first, last)
        role = _role_before(doc, first, head)
        description = _description(doc, first, last, head)
        start, end = base + doc[first].idx, base + doc[last].idx + len(doc[last])
        mention = Mention(
            start, end, words, number, title or role, honorific, bool(title or role or description),
            self.doc.in_quote(start),
        )
        roles = {w.lower().rstrip(".") for w in f"{title} {role} {description}".split()}
        if mention.full:
            person = self._person_named(words)
            person.mentions.append(mention)
            person.roles |= roles
            return
        key = words[0].lower()
        sharing = [p for p in self.people if key in p.surnames]
        if len(sharing) > 1:
            if not title:
                self.ambiguous.append((mention, sharing))
            for p in sharing:
                p.mentions.append(mention)
            return
        if sharing:
            sharing[0].mentions.append(mention)
            sharing[0].roles |= roles
            return
        by_given = [p for p in self.people if p.given == key]
        if by_given:
            by_given[0].mentions.append(mention)
            self.given_names.append((mention, by_given[0]))
        elif title:  # "Mr Blair", "President Trump": known by surname alone
            self.people.append(Person(words, frozenset([key]), None, roles, [mention]))

    def _person_named(self, words: tuple[str, ...]) -> Person:
        lower = [w.lower().rstrip(".,") for w in words]
        while len(lower) > 1 and lower[-1] in _SUFFIXES:
            lower.pop()
        if lower[0] in lx.EAST_ASIAN_FAMILY_NAMES:
            surnames, given = frozenset([lower[0], lower[-1]]), None
        else:
            surnames, given = frozenset([lower[-1]]), lower[0]
        for person in self.people:
            if person.given == given and person.surnames == surnames:
                return person  # "Donald J. Trump" after "Donald Trump"
        person = Person(words, surnames, given)
        self.people.append(person)
        return person

    # -- offices -------------------------------------------------------------

    def _office(self, token: "Token", base: int, number: int) -> Office | None:
        head = token.lower_
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
        portfolio = {_bare(c) for c in modifiers if not _country(c)} - _NOT_PORTFOLIO
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                portfolio |= {_bare(t) for t in prep.subtree if t.pos_ in ("PROPN", "NOUN")}
        if not _definite(token, modifiers):
            return None
        if _holder_beside(token):
            return None
        first = min([token] + modifiers, key=lambda t: t.i)
        start, end = base + first.idx, base + token.idx + len(token)
        holder = any(
            head in p.roles and (not portfolio or portfolio & p.roles)
            for p in self.people
            if any(m.sentence <= number + 1 for m in p.mentions)
        )
        phrase = " ".join(_bare(t) for t in sorted(modifiers, key=lambda t: t.i) if _bare(t) in portfolio)
        return Office(
            start, end, head, frozenset(portfolio), f"{phrase} {head}".strip(), number, _acts(token), holder,
            self.doc.in_quote(start),
        )


# -- reading names off the parse ------------------------------------------------


def _bare(token: "Token") -> str:
    return token.lower_.rstrip(".")


def _country(token: "Token") -> bool:
    """ "U.S.", "British", "China's": where an office is, not which one."""
    return token.ent_type_ in ("GPE", "NORP") or bool(_INITIALISM.fullmatch(token.text))


def _capitalized(token: "Token") -> bool:
    return token.text[:1].isupper()


def _names(sentence: "Span") -> list[tuple[int, int]]:
    """Token ranges (first, last) of the person names in a sentence: each
    PERSON entity, and proper nouns right after a title ("President
    Trump"), trimmed of titles and a possessive."""
    found: list[tuple[int, int]] = []
    covered: set[int] = set()
    doc = sentence.doc
    for ent in sentence.ents:
        if ent.label_ != "PERSON":
            continue
        first, last = ent.start, ent.end - 1
        while first <= last and (_bare(doc[first]) in _TITLES or not _capitalized(doc[first])):
            first += 1
        while last >= first and (doc[last].text in _POSSESSIVES or not doc[last].text[:1].isalpha()):
            last -= 1
        if first <= last:
            found.append((first, last))
            covered.update(range(ent.start, ent.end))
    for chunk in _unlabelled_runs(sentence, covered):
        found.append(chunk)
        covered.update(range(chunk[0], chunk[1] + 1))
    i = sentence.start
    while i < sentence.end:
        token = doc[i]
        if i not in covered and _bare(token) in _TITLES and _capitalized(token):
            j = i + 1
            while j < sentence.end and j not in covered and _bare(doc[j]) in _TITLES and _capitalized(doc[j]):
                j += 1
            k = j
            while k < sentence.end and k not in covered and doc[k].pos_ == "PROPN" and _capitalized(doc[k]) and doc[k].is_alpha:
                k += 1
            if k > j:
                found.append((j, k - 1))
            i = max(k, i + 1)
            continue
        i += 1
    return sorted(found)


def _unlabelled_runs(sentence: "Span", covered: set[int]):
    """Two or three proper nouns the recognizer left unlabelled, followed by
    a role in apposition: "Shen Dingli, a prominent Chinese scholar,"."""
    doc = sentence.doc
    for token in sentence:
        if token.i in covered or token.ent_type_ or token.pos_ != "PROPN" or not token.is_alpha:
            continue
        if not any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > token.i for c in token.children):
            continue
        first = token.i
        while first > sentence.start and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == token.i \
                and doc[first - 1].pos_ == "PROPN" and not doc[first - 1].ent_type_ and _capitalized(doc[first - 1]):
            first -= 1
        if 1 <= token.i - first <= 2 and _bare(doc[first]) not in _TITLES:
            yield first, token.i


def _title_start(doc: "Doc", first: int, sentence_start: int) -> int:
    """Where the capitalized title before a name begins ("U.S. Treasury
    Secretary Scott Bessent", "Mr Blair"); ``first`` when there is none."""
    i = first
    while i > sentence_start and _capitalized(doc[i - 1]) and doc[i - 1].pos_ in ("PROPN", "NOUN"):
        i -= 1
    # the title ends with a title word right before the name; words before it name the post ("Commerce Secretary")
    if i == first or _bare(doc[first - 1]) not in _TITLES:
        return first
    return i


def _head(doc: "Doc", first: int, last: int) -> "Token":
    """The name's syntactic head: the token whose head lies outside it."""
    for token in doc[first : last + 1]:
        if not first <= token.head.i <= last or token.head.i == token.i:
            return token
    return doc[last]


def _role_before(doc: "Doc", first: int, head: "Token") -> str:
    """A role or affiliation set before the name in lower case or as a
    possessive: "England coach Mike Friday", "Arsenal's Thierry Henry"."""
    if first == 0:
        return ""
    before = doc[first - 1]
    if before.text in _POSSESSIVES and before.head.pos_ == "PROPN":
        return before.head.text
    if before.pos_ == "NOUN" and not _capitalized(before):
        if before.head.i == head.i or head.head.i == before.i and head.dep_ in ("appos", "compound"):
            return " ".join(t.text for t in doc[before.left_edge.i : first] if t.pos_ in ("NOUN", "PROPN", "ADJ"))
    return ""


def _description(doc: "Doc", first: int, last: int, head: "Token") -> str:
    """Words that say who the person is: an appositive ("Raman, a marine
    biologist"), a relative clause ("who leads ..."), a predicate ("Raman
    is a biologist") or the role the name is in apposition to ("the
    company's chief executive, Lena Brooks")."""
    for child in head.children:
        if child.dep_ == "appos" and not first <= child.i <= last and child.pos_ in ("NOUN", "PROPN"):
            return _words(child)
        if child.dep_ == "relcl" and any(c.lower_ in ("who", "whose", "whom") for c in child.children):
            return _words(child)
    governor = head.head
    if head.dep_ == "appos" and governor.pos_ == "NOUN":
        return _words(governor)
    if head.dep_ == "nsubj" and governor.lemma_ == "be":
        attr = next((c for c in governor.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if attr is not None:
            return _words(attr)
    # '– Wang Yiwei, Director of the Institute ...' when the parser lost the appositive
    if last + 2 < len(doc) and doc[last + 1].text == "," and doc[last + 2].sent.start == head.sent.start:
        after = doc[last + 2]
        if after.lower_ in ("a", "an", "the", "another") or _bare(after) in lx.TITLE_WORDS:
            return _words(after.head if after.dep_ == "det" else after)
    return ""


def _words(token: "Token") -> str:
    return " ".join(t.text for t in token.subtree if t.is_alpha)


# -- offices -------------------------------------------------------------------


def _office_word(token: "Token") -> bool:
    return _bare(token) in lx.TITLE_WORDS and token.tag_ in ("NN", "NNP") and token.pos_ in ("NOUN", "PROPN")


def _definite(token: "Token", modifiers: list) -> bool:
    """One office, pointed to: "the Energy Secretary", "Britain's foreign
    minister", "U.S. Treasury Secretary"; not "a minister" or "as mayor"."""
    determiners = [c for c in token.children if c.dep_ in ("det", "poss")]
    if any(d.lower_ in ("a", "an", "any", "every", "each", "no", "another") for d in determiners):
        return False
    if determiners:
        return True
    return _capitalized(token) and any(_capitalized(m) for m in modifiers) and token.dep_ != "pobj"


def _holder_beside(token: "Token") -> bool:
    """The holder is named right there: "the energy secretary, Chris
    Wright,", "Wang Yiwei, director of ...", "Smith is the mayor"."""
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children):
        return True
    if token.dep_ == "appos" and token.head.pos_ == "PROPN":
        return True
    if token.dep_ == "attr":
        return any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in token.head.children)
    return token.dep_ == "compound" and token.head.pos_ == "PROPN"


def _acts(token: "Token") -> bool:
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
