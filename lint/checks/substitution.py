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
_CAPITAL_NEXT = regex.compile(r"[ \t]+\p{Lu}")


def _before_capital(prose: str, end: int) -> bool:
    return _CAPITAL_NEXT.match(prose, end) is not None


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
                # several suggestions ("it's": "it is" or "it has") need a reader: no fix; nor a
                # question's inverted subject ("But doesn't that lead ...?" is no "does not that")
                # before a capitalized word it may be part of a title or a name
                # ("I'm A Celebrity", read on BBC): a reader decides, and no fix is offered
                # nor "I'm", "you've", "I don't": outside quotation marks a speaker's words whose marks
                # were lost ("... said: Bob was the most mesmeric person I've worked with"), the writer's
                # own voice ("because I'm rubbish at them"), a reader's letter ("I don't care who you
                # are") or a title ("ITV's I'm a Celebrity"), read on BBC
                fix = expected[0] if len(expected) == 1 and not _inverted_negation(doc.prose, m.end(), observed) \
                    and not _before_capital(doc.prose, m.end()) \
                    and not _personal(observed, doc.prose[max(0, m.start() - 4) : m.start()]) else None
                yield Hit(m.start(), m.end(), (", ".join(expected), observed), fix)

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


_PERSONAL_AFTER = regex.compile(r"\s+(?:I|you|we|they|he|she|it)\b")
# after "do", "will", "can" and the like also "that", "this", "there" ("doesn't that lead");
# after "is" or "has" they open statements too ("it isn't that simple")
_SUBJECT_AFTER = regex.compile(r"\s+(?:I|you|we|they|he|she|it|that|this|there)\b")
_BE_OR_HAVE = ("is", "are", "was", "were", "has", "have", "had")


_PERSONAL = regex.compile(r"(?:I|you)['’]\p{L}+", regex.IGNORECASE)
_PERSONAL_BEFORE = regex.compile(r"\b(?:I|you|we)\s+$", regex.IGNORECASE)


def _personal(observed: str, before: str) -> bool:
    """ "I'm", "you've", "we don't": a contraction of the first or second
    person, or one whose subject is ("before" is the text just before it)."""
    if _PERSONAL.fullmatch(observed) is not None:
        return True
    return any(mark in observed for mark in "'’") and _PERSONAL_BEFORE.search(before) is not None


def _inverted_negation(prose: str, end: int, observed: str) -> bool:
    """ "doesn't that", "won't you", "isn't he": a negative contraction
    before its subject, whose spelled-out "not" belongs after the subject."""
    word = observed.lower().replace("’", "'")
    if not word.endswith("n't"):
        return False
    after = _PERSONAL_AFTER if word[:-3] in _BE_OR_HAVE else _SUBJECT_AFTER
    return after.match(prose, end) is not None
