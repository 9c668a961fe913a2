"""``existence``: flag every match of a list of tokens (Vale semantics)."""

from __future__ import annotations

from lint.checks.shared import Exceptions
from lint.patterns import compile_pattern, finditer, word_pattern
from lint.rule import Check, Field, Hit


# How far before a match `no-fix-after` looks.
_LOOK_BACK = 80


class Existence(Check):
    FIELDS = {
        "tokens": Field("strlist", []),
        "raw": Field("strlist", []),
        "append": Field("bool", False),
        "ignorecase": Field("bool", False),
        "nonword": Field("bool", False),
        "exceptions": Field("strlist", []),
        "vocab": Field("bool", True),
        # No fix where the text just before a match ends with this pattern: the
        # fix would change part of a phrase ("Acting Chief Superintendent" would
        # become "Acting Chief superintendent"); the alert stands, for a reader.
        "no-fix-after": Field("str", ""),
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
        after = options["no-fix-after"]
        self.no_fix_after = compile_pattern(f"(?:{after})$", False, (rule.path, rule.line_of("no-fix-after"))) \
            if after else None

    def run(self, doc):
        for start, end in self.spans(doc):
            for m in finditer(self.pattern, doc.prose, start, end):
                if m.end() == m.start():
                    continue
                text = m.group()
                if self.exceptions.excuse(doc.prose, m.start(), m.end(), (start, end)):
                    continue
                fixable = self.no_fix_after is None or not self.no_fix_after.search(
                    doc.prose, max(0, m.start() - _LOOK_BACK), m.start()
                )
                yield Hit(m.start(), m.end(), (text,), self.action_fix(text) if fixable else None)
