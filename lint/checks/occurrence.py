"""``occurrence``: count a pattern in each scope span (Vale semantics).

The token is matched as written, without word boundaries. A span whose count
is above ``max`` or below ``min`` is one alert covering the whole span (the
sentence, the paragraph), since the problem is the span, not one match.
"""

from __future__ import annotations

from lint.patterns import compile_pattern, finditer
from lint.rule import Check, Field, Hit


class Occurrence(Check):
    FIELDS = {
        "token": Field("str", required=True),
        "max": Field("int", 0),
        "min": Field("int", 0),
        "ignorecase": Field("bool", False),
    }

    def __init__(self, rule, options):
        super().__init__(rule, options)
        for key in ("max", "min"):
            if options[key] < 0:
                raise self.error(f"rule {rule.id}: '{key}' must not be negative", key)
        if not options["max"] and not options["min"]:
            raise self.error(f"rule {rule.id}: occurrence needs 'max' or 'min' (0 means unset)", "extends")
        where = (rule.path, rule.line_of("token"))
        self.pattern = compile_pattern(f"(?:{options['token']})", options["ignorecase"], where)

    def run(self, doc):
        most, least = self.options["max"], self.options["min"]
        for start, end in self.spans(doc):
            count = sum(1 for _ in finditer(self.pattern, doc.prose, start, end))
            if (most and count > most) or (least and count < least):
                yield Hit(start, end, (count,), self.action_fix(doc.prose[start:end]))
