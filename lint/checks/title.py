"""``title``: a formal title capitalized where it stands alone ("the
Prime Minister said"), as ``existence`` finds it, read against the
story's own style.

Capitalizing a title that stands alone is a house choice (some desks
capitalize "the President" throughout), so ``standing-titles`` states
the house style: ``lowercase`` (AP) flags every capitalized one; by
default (``story``) a story that capitalizes them throughout, at least
twice and never in lower case, follows that style and those titles are
left alone. Either way the message says what the story does. Only a
title the story points to with "the" ("the President", "the Home
Secretary") shows a style; "Wang Yiwei, Director of ..." and "Treasury
Secretary reports" are flagged whatever the story does. The lower-case
forms the story may write instead are the ``lowercase`` pattern's
matches.

Message arguments: the title, and what the story does (empty when there
is nothing to tell).
"""

from __future__ import annotations

import regex

from lint.checks.existence import Existence
from lint.patterns import compile_pattern, finditer
from lint.rule import Field, Hit

STYLES = ("story", "lowercase")
# Capitalized at least this often, never lowercased: a choice, not a slip
# (the same evidence the honorific rule asks of a story's courtesy titles).
_CONSISTENT = 2
# "the" and up to two words of the title before the title word: "the President",
# "the Home Secretary", "the U.S. Treasury Secretary"
_POINTED_TO = regex.compile(r"\b[Tt]he\s+(?:[\p{L}’'.-]+\s+){0,2}$")
_LOOK_BACK = 40


class Title(Existence):
    FIELDS = {
        **Existence.FIELDS,
        # the titles standing alone in lower case ("the prime minister"): the other style
        "lowercase": Field("str", required=True),
        "standing-titles": Field("str", "story", choices=STYLES),
    }

    def __init__(self, rule, options):
        super().__init__(rule, options)
        self.lowercase = compile_pattern(options["lowercase"], False, (rule.path, rule.line_of("lowercase")))

    def run(self, doc):
        skip_quotes = self.rule.quotes == "skip"
        hits = [h for h in super().run(doc) if not (skip_quotes and doc.in_quote(h.start))]
        if not hits:
            return
        lowered = sum(
            1 for start, end in self.spans(doc) for m in finditer(self.lowercase, doc.prose, start, end)
            if m.end() > m.start() and not (skip_quotes and doc.in_quote(m.start()))
        )
        pointed = [h for h in hits if _POINTED_TO.search(doc.prose, max(0, h.start - _LOOK_BACK), h.start)]
        consistent = len(pointed) >= _CONSISTENT and lowered == 0
        for hit in hits:
            styled = consistent and hit in pointed
            if styled and self.options["standing-titles"] == "story":
                continue
            if styled:
                found = (f" (this story capitalizes them throughout, {_times(len(pointed))}; house style, "
                         "standing-titles: lowercase, lowercases them)")
            elif lowered:
                found = f" (this story lowercases titles standing alone elsewhere, {_times(lowered)})"
            else:
                found = ""
            yield Hit(hit.start, hit.end, (*hit.args, found), hit.fix, hit.raw, hit.unsafe_fix)


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"
