"""``consistency``: flag a file that mixes two variants ("advisor"/"adviser").

Vale semantics: each ``either`` pair is one pattern; the variants seen are
remembered across the whole file, and once both have appeared, every scope
span that matches either variant raises one alert. The alert sits where
Vale reports it: on the first occurrence, in that span, of the span's last
match.
"""

from __future__ import annotations

from lint.patterns import compile_pattern, finditer
from lint.rule import Check, Field, Hit


class Consistency(Check):
    FIELDS = {
        "either": Field("strmap", required=True),
        "ignorecase": Field("bool", False),
        "nonword": Field("bool", False),
    }

    def __init__(self, rule, options):
        super().__init__(rule, options)
        if not options["either"]:
            raise self.error(f"rule {rule.id}: 'either' is empty", "either")
        where = (rule.path, rule.line_of("either"))
        self.patterns = []
        for first, second in options["either"].items():
            if not first or not second:
                raise self.error(f"rule {rule.id}: each 'either' pair needs two variants", "either")
            body = f"(?P<first>{first})|(?P<second>{second})"
            body = f"(?:{body})" if options["nonword"] else rf"\b(?:{body})\b"
            self.patterns.append(compile_pattern(body, options["ignorecase"], where))

    def run(self, doc):
        seen = [set() for _ in self.patterns]
        for start, end in self.spans(doc):
            for pattern, variants in zip(self.patterns, seen):
                matches = [m for m in finditer(pattern, doc.prose, start, end) if m.end() > m.start()]
                variants.update("first" if m.group("first") is not None else "second" for m in matches)
                if matches and len(variants) == 2:
                    last = matches[-1].group()
                    anchor = next(m for m in matches if m.group() == last)
                    yield Hit(anchor.start(), anchor.end(), (last,), self.action_fix(last))
