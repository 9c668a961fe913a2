"""``quotation``: quotations by how they are attributed: with a dash
('...,” – Wang Wen.') or not at all in their sentence or paragraph. Only
quoted statements (a sentence, capitalized and punctuated) can lack a
speaker; a quoted phrase, slogan or title is another matter."""

from __future__ import annotations

from lint.attribution import model
from lint.rule import Check, Field, Hit


class Quotation(Check):
    FIELDS = {
        "flag": Field("str", required=True, choices=("dash", "unattributed")),
        # Shorter quotations are scare quotes, titles and nicknames.
        "min-words": Field("int", 4),
    }
    NEEDS_NLP = True

    def run(self, doc):
        in_scope = self.in_scope(doc)
        built = model(doc)
        if self.options["flag"] == "dash":
            for a in built.attributions:
                if a.style != "dash":
                    continue
                end = max(a.cue[1], a.source[1])
                if in_scope(a.cue[0], end):
                    yield Hit(a.cue[0], end, (doc.prose[a.cue[0] : end],))
            return
        for q in built.quotations:
            if q.attributed or not q.statement or q.words < self.options["min-words"]:
                continue
            if in_scope(q.start, q.end):
                yield Hit(q.start, q.end, (doc.prose[q.start : q.end],))
