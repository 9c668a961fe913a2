"""``conditional``: a term needs something else first ("WHO" needs
"World Health Organization (WHO)").

Vale semantics: every capture group of a ``second`` match is remembered for
the rest of the file, so document order matters: a ``first`` match is
flagged unless its text was captured in its own scope span or an earlier
one. When ``second`` has no capture group, the rule only asks that
``second`` appear in the same scope span as ``first``.
"""

from __future__ import annotations

from lint.checks.shared import Exceptions
from lint.patterns import compile_pattern, finditer, search
from lint.rule import Check, Field, Hit


class Conditional(Check):
    FIELDS = {
        "first": Field("str", required=True),
        "second": Field("str", required=True),
        "ignorecase": Field("bool", False),
        "exceptions": Field("strlist", []),
        "vocab": Field("bool", True),
    }
    SUPPORTS_VOCAB = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        ignorecase = options["ignorecase"]
        self.first = compile_pattern(options["first"], ignorecase, (rule.path, rule.line_of("first")))
        self.second = compile_pattern(options["second"], ignorecase, (rule.path, rule.line_of("second")))
        self.exceptions = Exceptions(self, options["exceptions"])

    def _key(self, text: str) -> str:
        return text.casefold() if self.options["ignorecase"] else text

    def run(self, doc):
        defined: set[str] = set()
        for scope in self.spans(doc):
            if self.second.groups:
                for m in finditer(self.second, doc.prose, *scope):
                    defined.update(self._key(g) for g in m.groups() if g)
            elif search(self.second, doc.prose, *scope) is not None:
                continue
            for m in finditer(self.first, doc.prose, *scope):
                text = m.group()
                if not text or (self.second.groups and self._key(text) in defined):
                    continue
                if self.exceptions.excuse(doc.prose, m.start(), m.end(), scope):
                    continue
                yield Hit(m.start(), m.end(), (text,), self.action_fix(text))
