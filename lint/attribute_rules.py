"""spaCy's attribute ruler (the pipeline's tag-to-POS map and its
exceptions), matched through an index instead of spaCy's Matcher.

The ruler's Matcher tries every one of its patterns at every token; in
en_core_web_sm that was a fifth of the whole parse on BBC. Its patterns
read only a token's tag, lower-case form, dependency label and whether it
is a space (and, for a few two-token ones, the next token's), so what
matches a token is looked up once per distinct set of those values and
then read from a table. The matches go to the ruler's own
``set_annotations`` in the order spaCy sorts them, so the annotations are
the same; a ruler with any other kind of pattern is left to spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# Token attributes the index reads, in the order of a token's key.
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# Distinct keys remembered (a few thousand on a newsroom's copy).
_MOST_KEYS = 200_000

Condition = Callable[[tuple], bool]


def indexed(ruler: "AttributeRuler") -> "IndexedRuler | None":
    """The ruler matched through an index, or None when some pattern of it
    uses more than the index reads (then spaCy's Matcher runs it)."""
    single = []  # (rule, condition, index key)
    pairs = []  # (rule, first condition, second condition)
    for rule, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            specs = [_condition(spec) for spec in pattern] if isinstance(pattern, list) else [None]
            if None in specs or len(specs) not in (1, 2):
                return None
            if len(specs) == 1:
                single.append((rule, *specs[0]))
            else:
                pairs.append((rule, specs[0][0], specs[1][0]))
    return IndexedRuler(ruler, single, pairs)


def _condition(spec) -> tuple[Condition, tuple | None] | None:
    """A token spec as a test of a token's key, with the (position, value)
    a key must hold for it to pass when there is one to index by; None when
    the spec uses anything else."""
    if not isinstance(spec, dict) or not spec:
        return None
    tests = []
    anchor = None
    for attr, value in spec.items():
        if attr not in _ATTRS:
            return None
        at = _ATTRS.index(attr)
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append(lambda key, at=at, value=value: key[at] == value)
        elif isinstance(value, str):
            tests.append(lambda key, at=at, value=value: key[at] == value)
            anchor = anchor or ((at, value),)
        elif isinstance(value, dict) and len(value) == 1:
            (op, operand), = value.items()
            if op == "REGEX" and isinstance(operand, str):
                tests.append(lambda key, at=at, search=re.compile(operand).search: search(key[at]) is not None)
            elif op in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
                words = frozenset(operand)
                if op == "IN":
                    tests.append(lambda key, at=at, words=words: key[at] in words)
                    anchor = anchor or tuple((at, v) for v in sorted(words))
                else:
                    tests.append(lambda key, at=at, words=words: key[at] not in words)
            else:
                return None
        else:
            return None
    return (lambda key: all(test(key) for test in tests)), anchor


class IndexedRuler:
    """Applies an attribute ruler's patterns to a Doc, as the ruler does."""

    def __init__(self, ruler: "AttributeRuler", single: list, pairs: list) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        self.match_ids = [strings[str(rule)] for rule in range(len(ruler.attrs))]
        self.single = single
        self.pairs = pairs
        self.by_value: dict[tuple[int, str], list[int]] = {}
        self.unanchored = []
        for n, (_, _, anchor) in enumerate(single):
            if anchor is None:
                self.unanchored.append(n)
            for position_value in anchor or ():
                self.by_value.setdefault(position_value, []).append(n)
        self._known: dict[tuple, tuple] = {}

    def __call__(self, doc: "Doc") -> "Doc":
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: "Doc") -> list[tuple[int, int, int, int]]:
        """The ruler's matches on ``doc``: (rule, match id, start, end),
        sorted as :meth:`AttributeRuler.match` sorts them."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist() if len(doc) else []
        found = [self._matching(tuple(row), doc) for row in rows]
        matches = []
        for i, (rules, firsts, _) in enumerate(found):
            matches.extend((rule, i, i + 1) for rule in rules)
            if firsts and i + 1 < len(found):
                seconds = found[i + 1][2]
                matches.extend((self.pairs[p][0], i, i + 2) for p in firsts if p in seconds)
        matches = [(rule, self.match_ids[rule], start, end) for rule, start, end in matches]
        matches.sort()
        return matches

    def _matching(self, row: tuple, doc: "Doc") -> tuple:
        """For a token's attribute ids: the rules whose one-token pattern it
        matches, and the two-token patterns it can open and close."""
        known = self._known.get(row)
        if known is None:
            strings = doc.vocab.strings
            key = (strings[row[0]], strings[row[1]], strings[row[2]], bool(row[3]))
            candidates = sorted({*self.unanchored, *(n for at in range(3) for n in self.by_value.get((at, key[at]), ()))})
            rules = tuple(self.single[n][0] for n in candidates if self.single[n][1](key))
            firsts = tuple(p for p, (_, first, _) in enumerate(self.pairs) if first(key))
            seconds = frozenset(p for p, (_, _, second) in enumerate(self.pairs) if second(key))
            if len(self._known) >= _MOST_KEYS:
                self._known.clear()
            known = self._known[row] = (rules, firsts, seconds)
        return known
