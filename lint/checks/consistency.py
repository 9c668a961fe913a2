"""``consistency``: flag a file that mixes two variants ("advisor"/"adviser").

As in Vale, each ``either`` pair is one pattern and the variants seen are
remembered across the whole file. Where the alerts land differs on
purpose: Vale reports once per scope span, at the span's last match, which
may be the form the story uses everywhere else. Here the house's form
(``prefer``) or else the variant the story uses most sets the form, and
every occurrence of the other variant is flagged, with that form as the
fix — the marks a copy editor would make. Message arguments: the match,
the form, and why it is the form (house style, or the story's usual form
with its count).
"""

from __future__ import annotations

import regex

from lint.patterns import compile_pattern, finditer
from lint.rule import Check, Field, Hit


class Consistency(Check):
    FIELDS = {
        "either": Field("strmap", required=True),
        "ignorecase": Field("bool", False),
        "nonword": Field("bool", False),
        # The house's forms ("U.S."): each flags the other variant of its pair
        # even in a story that writes that variant throughout. Without it a
        # story's own usual form stands.
        "prefer": Field("strlist", []),
    }

    def __init__(self, rule, options):
        super().__init__(rule, options)
        if not options["either"]:
            raise self.error(f"rule {rule.id}: 'either' is empty", "either")
        where = (rule.path, rule.line_of("either"))
        self.patterns = []
        self.preferred: list[tuple[str, str] | None] = []
        for first, second in options["either"].items():
            if not first or not second:
                raise self.error(f"rule {rule.id}: each 'either' pair needs two variants", "either")
            body = f"(?P<first>{first})|(?P<second>{second})"
            body = f"(?:{body})" if options["nonword"] else rf"\b(?:{body})\b"
            pattern = compile_pattern(body, options["ignorecase"], where)
            self.patterns.append(pattern)
            variants = {"first": first, "second": second}
            self.preferred.append(next(
                ((variant, form) for form in options["prefer"] for variant, source in variants.items()
                 if regex.fullmatch(source, form, regex.IGNORECASE if options["ignorecase"] else 0)),
                None,
            ))
        for form in options["prefer"]:
            if not any(p is not None and p[1] == form for p in self.preferred):
                raise self.error(f"rule {rule.id}: preferred form {form!r} is no variant in 'either'", "prefer")

    def gives_fixes(self):
        return True

    def run(self, doc):
        for index, pattern in enumerate(self.patterns):
            found = [
                m for start, end in self.spans(doc) for m in finditer(pattern, doc.prose, start, end) if m.end() > m.start()
            ]
            if not found:
                continue
            if self.preferred[index] is not None:
                variant, form = self.preferred[index]
                why = "house style"
            else:
                # the story's usual form; on a tie, the one it used first
                counts = {v: sum(_variant(m) == v for m in found) for v in ("first", "second")}
                variant = max(("first", "second"), key=lambda v: (counts[v], v == _variant(found[0])))
                form = next(m.group() for m in found if _variant(m) == variant)
                why = f"the story's usual form ({counts[variant]} of {len(found)})"
            for m in found:
                if _variant(m) != variant:
                    yield Hit(m.start(), m.end(), (m.group(), form, why), form, unsafe_fix=_before_name(doc.prose, m.end()))


_NEXT_WORD = regex.compile(r"[ \t]+(\p{Lu})")


def _before_name(prose: str, end: int) -> bool:
    """A capitalized word follows: the variant may be part of a name with
    its own spelling ("US Airways", "U.S. Steel"), which only a reader can tell."""
    return _NEXT_WORD.match(prose, end) is not None


def _variant(match) -> str:
    return "first" if match.group("first") is not None else "second"
