"""``source``: attributions whose source is of a kind the rule names:
a vague group ("experts agree"), an unnamed document ("reports suggest"),
nobody at all (an agentless passive, "are considered")."""

from __future__ import annotations

from lint.attribution import DOCUMENT, GROUP, NAMED, ORGANIZATION, PERSON, ROLE, SOURCE_KINDS, model
from lint.rule import Check, Field, Hit

# Sources that say who a vague one was.
_SPECIFIC = frozenset((NAMED, ROLE, ORGANIZATION, PERSON))
# Words of a subject that points back to a group or documents just
# mentioned: "The latest", "One of them".
_POINTING_BACK = frozenset("latest newest last first second one recent earlier former latter".split())
_FUNCTION_WORDS = frozenset("the a an of to in at by for from and or many some most few several".split())


class Source(Check):
    FIELDS = {
        "sources": Field("strlist", required=True, choices=SOURCE_KINDS),
        # Cue lemmas to consider; empty: every cue.
        "verbs": Field("strlist", []),
    }
    NEEDS_NLP = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        self.kinds = frozenset(options["sources"])
        self.verbs = frozenset(v.lower() for v in options["verbs"])

    def run(self, doc):
        in_scope = self.in_scope(doc)
        built = model(doc)
        for sentence in built.sentences:
            for a in sentence.attributions:
                if a.source_kind not in self.kinds or (self.verbs and a.lemma not in self.verbs):
                    continue
                if a.source_kind in (GROUP, DOCUMENT) and _specified_next(doc, a, sentence, built.paragraphs[sentence.block]):
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


def _specified_next(doc, vague, sentence, paragraph) -> bool:
    """Whether the next sentence of the paragraph opens by pointing back to
    the vague source and saying who it is: "..., according to surveys. The
    latest, by the chamber of commerce, found ...", "Experts disagree.
    One of them, ..."."""
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
    return False


def _words(text: str) -> set[str]:
    """Content words, singular: "the latest surveys" → {"latest", "survey"}."""
    words = {w.lower() for w in text.split()}
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words} - _FUNCTION_WORDS
