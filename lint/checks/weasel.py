"""``weasel``: weasel wording in the reporter's own voice ("some have
argued", "it is widely thought", "considerable criticism", "one of the
best"), scored by the trained model of :mod:`lint.weasel`.

Only a sentence in the reporter's voice is scored: not one whose words a
source it names stands behind ("..., the ministry said"), nor one its
context attributes, nor one mostly inside a quotation, a transcript turn
or a social post. Wording that is itself a vague source or an agentless
passive ("experts say", "is widely believed") is left to the source rules.
"""

from __future__ import annotations

from lint.attribution import NAMED, ORGANIZATION, PERSON, PRONOUN, ROLE, model, mostly_quoted
from lint.rule import Check, Field, Hit

# Sources that stand behind what their sentence says, wording and all.
_SOURCES = frozenset((NAMED, ROLE, ORGANIZATION, PERSON, PRONOUN))


class Weasel(Check):
    FIELDS = {
        # The model's probability at or above which a sentence is flagged;
        # empty: the threshold chosen when the model was trained.
        "threshold": Field("number", None),
        # The least weight of the words flagged; empty: the trained model's.
        "cue-weight": Field("number", None),
    }
    NEEDS_NLP = True

    def run(self, doc):
        from lint.weasel import scorer

        weasel = scorer()
        threshold = self.options["threshold"] if self.options["threshold"] is not None else weasel.threshold
        cue_weight = self.options["cue-weight"] if self.options["cue-weight"] is not None else weasel.cue_weight
        in_scope = self.in_scope(doc)
        built = model(doc)
        others = doc.quotes + doc.turns
        for sentence in built.sentences:
            if sentence.context or any(a.speech and a.source_kind in _SOURCES for a in sentence.attributions):
                continue
            if mostly_quoted(sentence, others) or not in_scope(sentence.start, sentence.end):
                continue
            text = doc.prose[sentence.start : sentence.end]
            probability, trigger, weight = weasel.score(text)
            if probability < threshold or trigger is None or weight < cue_weight:
                continue
            start, end = sentence.start + trigger[0], sentence.start + trigger[1]
            if doc.in_quote(start):
                continue  # the wording is a speaker's
            if any(_overlaps(a.source, start, end) or _overlaps(a.cue, start, end) for a in sentence.attributions):
                continue  # a vague source or an agentless passive: the source rules' alert
            yield Hit(start, end, (doc.prose[start:end],))


def _overlaps(span, start: int, end: int) -> bool:
    return span is not None and span[0] < end and start < span[1]
