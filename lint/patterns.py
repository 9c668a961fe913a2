"""Compiling rule patterns the way Vale does, with the ``regex`` module.

Vale compiles rules with a .NET-style engine: variable-width lookbehind,
``\\p{L}``, and inline flags that hold to the end of their group. The
``regex`` module's V1 mode has the same semantics; Python's ``re`` does not.
Long lists of literal phrases compile to a trie so that matching stays
linear in the text rather than in the number of phrases.
"""

from __future__ import annotations

import regex

from lint.errors import RuleError

# Seconds one rule may spend matching one file before it is stopped.
MATCH_TIMEOUT = 2.0

_FLAGS = regex.V1 | regex.MULTILINE
_LITERAL = regex.compile(r"[\p{L}\p{N} '’\-&]+", _FLAGS)


class MatchTimeout(Exception):
    """A pattern ran past :data:`MATCH_TIMEOUT` (catastrophic backtracking)."""


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation factored as a trie: ``experts?|expert opinion``
    becomes ``expert(?:s|\\ opinion)?``. Longer continuations are tried
    first, so the longest phrase at a position wins."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> tuple[str, int]:
        # Returns the node's pattern and its depth (1 + its longest branch),
        # computed bottom-up once rather than again at every level. A run of
        # nodes with one child each (a phrase's tail) is walked, not recursed.
        chain = []
        while len(node) == 1 and "" not in node:
            (ch, node), = node.items()
            chain.append(regex.escape(ch))
        ends_here = "" in node
        branches = [(ch, build(node[ch])) for ch in node if ch]
        branches.sort(key=lambda item: -item[1][1])  # stable: ties keep insertion order
        depth = 1 + max((d for _, (_, d) in branches), default=0)
        parts = [regex.escape(ch) + sub for ch, (sub, _) in branches]
        if not parts:
            body = ""
        elif len(parts) == 1 and not ends_here:
            body = parts[0]
        else:
            body = "(?:" + "|".join(parts) + ")" + ("?" if ends_here else "")
        return "".join(chain) + body, len(chain) + depth

    return build(trie)[0]


def alternation(tokens: list[str]) -> str:
    """One alternation of ``tokens``; plain phrases go into a trie, and
    anything with regex syntax stays a branch of its own."""
    literals = [t for t in tokens if _LITERAL.fullmatch(t)]
    others = [t for t in tokens if not _LITERAL.fullmatch(t)]
    branches = ([_trie_pattern(literals)] if literals else []) + others
    return "|".join(f"(?:{b})" for b in branches) if len(branches) > 1 else (branches[0] if branches else "(?!)")


def compile_pattern(pattern: str, ignorecase: bool = False, where: tuple[str, int] | None = None):
    """Compile a rule pattern; a bad one is a :class:`RuleError` at ``where``."""
    source = _normalize(pattern)
    if ignorecase:
        # Simple (one-to-one) case folding, as Vale's engine compares case:
        # regex's V1 default, full folding ("ß" = "ss"), is 2-3 times slower.
        source = "(?i)(?-f)" + source
    try:
        return regex.compile(source, _FLAGS)
    except regex.error as exc:
        path, line = where or (None, None)
        raise RuleError(f"bad regular expression {pattern!r}: {exc}", path, line) from None


def _normalize(pattern: str) -> str:
    # Vale always matches in multiline mode and some styles write (?m)
    # mid-pattern, which V1 would read as a scoped flag; it is a no-op here.
    return pattern.replace("(?m)", "")


def word_pattern(tokens: list[str], nonword: bool = False) -> str:
    """Vale's ``\\b(?:tok1|tok2)\\b`` (without the boundaries for ``nonword``)."""
    body = alternation(tokens)
    return f"(?:{body})" if nonword else rf"\b(?:{body})\b"


def exception_pattern(terms: list[str]) -> str | None:
    """Vale's exception matcher: case-sensitive unless a term says ``(?i)``,
    longest first, whole words."""
    if not terms:
        return None
    ordered = sorted(terms, key=len, reverse=True)
    parts = [t if t.startswith("(?i)") else f"(?-i:{t})" for t in ordered]
    return r"\b(?:" + "|".join(parts) + r")\b"


def finditer(pattern, text: str, start: int = 0, end: int | None = None) -> list:
    """Matches of ``pattern`` in ``text[start:end]``, stopped after the timeout.

    Collected before they are returned: regex's timeout runs from the first
    call, so a caller's own work between matches would count against it."""
    try:
        return list(pattern.finditer(text, start, len(text) if end is None else end, timeout=MATCH_TIMEOUT))
    except TimeoutError:
        raise MatchTimeout(pattern.pattern) from None


def search(pattern, text: str, start: int = 0, end: int | None = None):
    """The first match of ``pattern`` in ``text[start:end]``, or None."""
    try:
        return pattern.search(text, start, len(text) if end is None else end, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        raise MatchTimeout(pattern.pattern) from None
