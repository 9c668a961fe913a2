"""``source``: attributions whose source is of a kind the rule names:
a vague group ("experts agree"), an unnamed document ("reports suggest"),
nobody at all (an agentless passive, "are considered")."""

from __future__ import annotations

from lint.attribution import SOURCE_KINDS, model
from lint.rule import Check, Field, Hit


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
        for a in model(doc).attributions:
            if a.source_kind not in self.kinds or (self.verbs and a.lemma not in self.verbs):
                continue
            start = min(a.cue[0], a.source[0]) if a.source else a.cue[0]
            end = max(a.cue[1], a.source[1]) if a.source else a.cue[1]
            if not in_scope(start, end):
                continue
            yield Hit(start, end, (doc.prose[start:end],))
