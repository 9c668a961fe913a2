"""``source``: attributions whose source is of a kind the rule names:
a vague group ("experts agree"), an unnamed document ("reports suggest"),
nobody at all (an agentless passive, "are considered")."""

from __future__ import annotations

from lint import lexicon as lx
from lint.attribution import (
    DOCUMENT, GROUP, NAMED, ORGANIZATION, PERSON, PRONOUN, ROLE, SOURCE_KINDS, model, personal_paragraphs,
)
from lint.checks.loaded import personal_piece
from lint.rule import Check, Field, Hit

# Sources that say who a vague one was.
_SPECIFIC = frozenset((NAMED, ROLE, ORGANIZATION, PERSON))
# Sources whose report a vague source may be part of ("It found that most ...").
_REPORTERS = frozenset((NAMED, ROLE, ORGANIZATION, PERSON, PRONOUN))
_FINDING_VERBS = frozenset(("find", "show", "suggest", "indicate", "reveal", "according to", "in"))
# Words of a subject that points back to a group or documents just
# mentioned: "The latest", "One of them".
_POINTING_BACK = frozenset("latest newest last first second one recent earlier former latter".split())
# How far after a vague group a named member of it is looked for.
_NEARBY_SENTENCES = 3
# Words of a poll: a counted group near one is its sample ("Most respondents
# said", "Many said they were confused" after "a survey found ...").
_POLL_WORDS = frozenset("survey poll respondent questionnaire".split())
# How many sentences before a vague group a poll is looked for.
_POLL_SENTENCES = 2
_FUNCTION_WORDS = frozenset("the a an of to in at by for from and or many some most few several".split())


class Source(Check):
    FIELDS = {
        "sources": Field("strlist", required=True, choices=SOURCE_KINDS),
        # Cue lemmas to consider; empty: every cue.
        "verbs": Field("strlist", []),
        # Cue lemmas to leave alone (checked after "verbs").
        "except-verbs": Field("strlist", []),
    }
    NEEDS_NLP = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        self.kinds = frozenset(options["sources"])
        self.verbs = frozenset(v.lower() for v in options["verbs"])
        self.except_verbs = frozenset(v.lower() for v in options["except-verbs"])

    def run(self, doc):
        in_scope = self.in_scope(doc)
        built = model(doc)
        for number, sentence in enumerate(built.sentences):
            for a in sentence.attributions:
                if a.source_kind not in self.kinds or (self.verbs and a.lemma not in self.verbs):
                    continue
                if a.lemma in self.except_verbs:
                    continue
                if a.source_kind in (GROUP, DOCUMENT) and (
                    _reported_by_another(a, sentence)
                    or _specified_next(doc, a, sentence, built.paragraphs[sentence.block])
                    or (a.source_kind == GROUP and _group_named_nearby(doc, a, sentence, built.paragraphs))
                    or (a.source_kind == GROUP and _finding_of_named_study(sentence, built.paragraphs[sentence.block]))
                    or (a.source_kind == DOCUMENT and sentence.block <= 1 and _document_named_after_lead(built, sentence.block))
                    or (a.source_kind == GROUP and _poll_sample(doc, a, built.sentences, number))
                    or _writers_aside(doc, sentence)
                ):
                    continue
                hit = _hit(doc, a, in_scope)
                if hit is not None:
                    yield hit


def _hit(doc, a, in_scope):
    start = min(a.cue[0], a.source[0]) if a.source else a.cue[0]
    end = max(a.cue[1], a.source[1]) if a.source else a.cue[1]
    if not in_scope(start, end):
        return None
    return Hit(start, end, (doc.prose[start:end],))


def _reported_by_another(vague, sentence) -> bool:
    """Whether the vague source is part of what a source named in the same
    sentence says or found: "The WTO said that many developing countries
    support ...", "It found that most artists saw ..."."""
    return any(
        a is not vague and a.content is not None and a.content[0] <= vague.cue[0] < a.content[1]
        and a.source_kind in _REPORTERS
        for a in sentence.attributions
    )


def _finding_of_named_study(sentence, paragraph) -> bool:
    """Whether the sentence before names the survey or study whose finding
    a vague group is ("..., the Mori survey of 2,000 adults suggests. Most
    city-dwellers support the ban")."""
    before = [s for s in paragraph if s.end <= sentence.start]
    return bool(before) and any(
        a.source_kind == NAMED and a.lemma in _FINDING_VERBS for a in before[-1].attributions
    )


def _poll_sample(doc, vague, sentences, number: int) -> bool:
    """Whether a counted group ("most", "many of them", "few") is the sample
    of a poll spoken of before it, in its sentence or the two before: "A
    survey said only 4% of owners would upgrade. Many said they were
    confused ...", "A CBI survey found output had risen but many firms were
    seeing ...". Its answers are the poll's finding, sourced with the poll.
    ``number``: the vague group's sentence in ``sentences``."""
    if vague.source is None:
        return False
    words = doc.prose[vague.source[0] : vague.source[1]].lower().split()
    if not words or not (words[0] in lx.VAGUE_QUANTIFIERS or "respondents" in words):
        return False
    return any(
        t.lemma_.lower() in _POLL_WORDS and s.offset(t) < vague.source[0]
        for s in sentences[max(0, number - _POLL_SENTENCES) : number + 1]
        for t in s.span
    )


def _writers_aside(doc, sentence) -> bool:
    """Whether the sentence is in a paragraph of a personal piece (a
    reader's letter, a column) that speaks as "I" or to "you": "Now,
    before everyone thinks that I am some rich kid", "Many people believe
    you, Kilroy". The vague words are the writer's own aside, not a
    source the copy leans on."""
    return personal_paragraphs(doc)[sentence.block] and personal_piece(doc)


def _document_named_after_lead(built, lead: int) -> bool:
    """Whether the two paragraphs after a lead that cites "a report" name
    its publisher, as news intros do ("..., says a report." then "Produced
    by Jupiter Research, the analysis found ..."): a named source, or a
    report and a name in one sentence. The lead is the first paragraph or,
    after a headline read as one, the second."""
    for block in (lead + 1, lead + 2):
        for sentence in built.paragraphs.get(block, []):
            if any(a.source_kind == NAMED and a.speech for a in sentence.attributions):
                return True
            tokens = sentence.span
            if any(t.lemma_.lower() in lx.DOCUMENT_NOUNS for t in tokens) and any(t.pos_ == "PROPN" for t in tokens):
                return True  # "Produced by Jupiter Research, the analysis ..."
    return False


def _specified_next(doc, vague, sentence, paragraph) -> bool:
    """Whether the next sentence of the paragraph opens by pointing back to
    the vague source and saying who it is: "..., according to surveys. The
    latest, by the chamber of commerce, found ...", "Experts disagree.
    One of them, ...", or, after a vague document, naming one ("The
    study, from the Centre for Economic Policy Research, ...")."""
    following = next((s for s in paragraph if s.start >= sentence.end), None)
    if following is None:
        return False
    vague_words = _words(doc.prose[vague.source[0] : vague.source[1]]) if vague.source else set()
    for a in following.attributions:
        if a.source is None or a.source[0] != following.start or a.source_kind not in _SPECIFIC:
            continue
        words = _words(doc.prose[a.source[0] : a.source[1]])
        if words & (vague_words | _POINTING_BACK):
            return True
        if vague.source_kind == DOCUMENT and words & lx.DOCUMENT_NOUNS:
            return True  # "..., a new report has argued. The study, from the CEPR, ..."
    return False


def _group_named_nearby(doc, vague, sentence, paragraphs) -> bool:
    """Whether the group is one the story names a member of or has brought
    in: the next sentences, to the end of the next paragraph, quote one
    by name ("Analysts said ... “...,” said ABN AMRO analyst John
    Brady"), or the sentence before speaks of them with a determiner ("The
    researchers conducted two studies ... Researchers found ...")."""
    if vague.source is None:
        return False
    group = _words(doc.prose[vague.source[0] : vague.source[1]])
    here = paragraphs[sentence.block]
    after = [s for s in here if s.start >= sentence.end] + paragraphs.get(sentence.block + 1, [])
    for following in after[:_NEARBY_SENTENCES]:
        for a in following.attributions:
            if a.source is not None and a.source_kind in (NAMED, ROLE) and group & _words(
                doc.prose[a.source[0] : a.source[1]]
            ):
                return True
    before = [s for s in here if s.end <= sentence.start]
    if before:
        for token in before[-1].span:
            if token.pos_ == "NOUN" and _words(token.text) & group and any(
                c.dep_ in ("det", "poss") and c.lower_ in lx.SPECIFIC_DETERMINERS for c in token.children
            ):
                return True
    return False


def _words(text: str) -> set[str]:
    """Content words, singular: "the latest surveys" → {"latest", "survey"}."""
    words = {w.strip(".,;:!?()\"'“”‘’*").lower() for w in text.split()}  # "The study, from ...": "study"
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words} - _FUNCTION_WORDS
