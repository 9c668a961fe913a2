"""``consistency``: flag a file that mixes two variants ("advisor"/"adviser").

As in Vale, each ``either`` pair is one pattern and the variants seen are
remembered across the whole file. Where the alerts land differs on
purpose: Vale reports once per scope span, at the span's last match, which
may be the form the story uses everywhere else. Here the variant the file
uses first sets its form, and every occurrence of the other variant is
flagged, with the established form as the fix — the marks a copy editor
would make. Message arguments: the match, then the established form.
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
        established: list[tuple[str, str] | None] = [None] * len(self.patterns)
        for start, end in self.spans(doc):
            for index, pattern in enumerate(self.patterns):
                for m in finditer(pattern, doc.prose, start, end):
                    if m.end() == m.start():
                        continue
                    variant = "first" if m.group("first") is not None else "second"
                    if established[index] is None:
                        established[index] = (variant, m.group())
                    elif variant != established[index][0]:
                        yield Hit(m.start(), m.end(), (m.group(), established[index][1]), established[index][1])
