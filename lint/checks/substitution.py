"""``substitution``: flag a term and suggest the preferred one (Vale semantics).

Keys of ``swap`` are tried longest first; a value may hold several
suggestions separated by ``|`` and refer to the key's groups as ``$1``.
"""

from __future__ import annotations

import regex

from lint.checks.shared import Exceptions
from lint.patterns import compile_pattern, finditer
from lint.rule import Check, Field, Hit

_DOLLAR = regex.compile(r"\$(\d+)")


class Substitution(Check):
    FIELDS = {
        "swap": Field("strmap", required=True),
        "ignorecase": Field("bool", False),
        "nonword": Field("bool", False),
        "exceptions": Field("strlist", []),
        "vocab": Field("bool", True),
        "capitalize": Field("bool", False),
        "pos": Field("str", None),
    }
    SUPPORTS_VOCAB = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        if options["pos"] is not None:
            raise self.error(f"rule {rule.id}: 'pos' is deprecated in Vale and not supported; use a pattern rule", "pos")
        swap = options["swap"]
        if not swap:
            raise self.error(f"rule {rule.id}: 'swap' is empty", "swap")
        where = (rule.path, rule.line_of("swap"))
        self.keys = sorted(swap, key=len, reverse=True)
        self.values = [swap[k] for k in self.keys]
        branches = "|".join(f"(?P<s{i}>{key})" for i, key in enumerate(self.keys))
        body = f"(?:{branches})" if options["nonword"] else rf"\b(?:{branches})\b"
        self.pattern = compile_pattern(body, options["ignorecase"], where)
        self.key_patterns = [compile_pattern(k, options["ignorecase"], where) for k in self.keys]
        self.exceptions = Exceptions(self, options["exceptions"])

    def gives_fixes(self):
        return True

    def run(self, doc):
        for start, end in self.spans(doc):
            for m in finditer(self.pattern, doc.prose, start, end):
                observed = m.group()
                if not observed or self.exceptions.excuse(doc.prose, m.start(), m.end(), (start, end)):
                    continue
                index = next(i for i in range(len(self.keys)) if m.group(f"s{i}") is not None)
                expected = self._expected(index, observed)
                if observed in expected:
                    continue
                # the first of several suggestions ("it's": it is, it has) is a
                # guess, never a fix to apply unread
                yield Hit(m.start(), m.end(), (", ".join(expected), observed), expected[0], unsafe_fix=len(expected) > 1)

    def _expected(self, index: int, observed: str) -> list[str]:
        value = self.values[index]
        key_match = self.key_patterns[index].fullmatch(observed)
        options = []
        for option in value.split("|"):
            if key_match is not None and "$" in option:
                option = _DOLLAR.sub(lambda d: key_match.group(int(d.group(1))) or "", option)
            if self.options["capitalize"] and observed[:1].isupper():
                option = option[:1].upper() + option[1:]
            options.append(option)
        return options
