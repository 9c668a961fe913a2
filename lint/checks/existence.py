"""``existence``: flag every match of a list of tokens (Vale semantics)."""

from __future__ import annotations

from lint.checks.shared import Exceptions
from lint.patterns import compile_pattern, finditer, word_pattern
from lint.rule import Check, Field, Hit


class Existence(Check):
    FIELDS = {
        "tokens": Field("strlist", []),
        "raw": Field("strlist", []),
        "append": Field("bool", False),
        "ignorecase": Field("bool", False),
        "nonword": Field("bool", False),
        "exceptions": Field("strlist", []),
        "vocab": Field("bool", True),
    }
    SUPPORTS_VOCAB = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        tokens, raw = options["tokens"], "".join(options["raw"])
        if not tokens and not raw:
            raise self.error(f"rule {rule.id}: existence needs 'tokens' or 'raw'", "extends")
        body = word_pattern(tokens, options["nonword"]) if tokens else ""
        source = body + raw if options["append"] else raw + body
        where = (rule.path, rule.line_of("tokens" if tokens else "raw"))
        self.pattern = compile_pattern(source, options["ignorecase"], where)
        self.exceptions = Exceptions(self, options["exceptions"])

    def run(self, doc):
        for start, end in self.spans(doc):
            for m in finditer(self.pattern, doc.prose, start, end):
                if m.end() == m.start():
                    continue
                text = m.group()
                if self.exceptions.excuse(doc.prose, m.start(), m.end(), (start, end)):
                    continue
                yield Hit(m.start(), m.end(), (text,), self.action_fix(text))
