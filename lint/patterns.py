"""Compiling rule patterns the way Vale does, with the ``regex`` module.

Vale compiles rules with a .NET-style engine: variable-width lookbehind,
``\\p{L}``, and inline flags that hold to the end of their group. The
``regex`` module's V1 mode has the same semantics; Python's ``re`` does not.
Long lists of literal phrases compile to a trie so that matching stays
linear in the text rather than in the number of phrases.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

import regex

from lint.errors import RuleError

# Seconds one rule may spend matching a file of up to a megabyte of prose
# before it is stopped, and more per further megabyte: a runaway pattern
# backtracks for ever on a few dozen characters, while honest matching
# grows with the text.
MATCH_TIMEOUT = 2.0
MATCH_SECONDS_PER_MB = 2.0

_FLAGS = regex.V1 | regex.MULTILINE
_LITERAL = regex.compile(r"[\p{L}\p{N} '’\-&]+", _FLAGS)


class MatchTimeout(Exception):
    """A pattern ran past its budget (catastrophic backtracking). ``text``
    and ``at`` are the string it was searching and where the search began."""

    def __init__(self, pattern: str, text: str | None = None, at: int = 0) -> None:
        super().__init__(pattern)
        self.pattern = pattern
        self.text = text
        self.at = at


class Budget:
    """Seconds of matching left to one rule on one file."""

    def __init__(self, seconds: float) -> None:
        self.remaining = seconds


def rule_budget(prose_length: int) -> Budget:
    """The matching one rule may do on a file of this much prose."""
    return Budget(MATCH_TIMEOUT + MATCH_SECONDS_PER_MB * prose_length / 1_000_000)


class _Spending:
    budget: Budget | None = None  # None: each call gets MATCH_TIMEOUT


_spending = _Spending()


@contextmanager
def spending(budget: Budget):
    """Every bounded match inside draws on ``budget``: the rule running over
    one file, whatever patterns and calls it makes."""
    previous, _spending.budget = _spending.budget, budget
    try:
        yield
    finally:
        _spending.budget = previous


def _bounded(pattern: str, call, text: str, at: int, *args):
    budget = _spending.budget
    limit = MATCH_TIMEOUT if budget is None else budget.remaining
    if limit <= 0:
        raise MatchTimeout(pattern, text, at)
    began = time.perf_counter()
    try:
        return call(*args, timeout=limit)
    except TimeoutError:
        if budget is not None:
            budget.remaining = 0.0
        raise MatchTimeout(pattern, text, at) from None
    finally:
        if budget is not None:
            budget.remaining -= time.perf_counter() - began


class BoundedPattern:
    """A compiled rule or config pattern whose every match is bounded by the
    running rule's budget (:func:`budget`), so that no user regex can hang a
    run, whichever check calls it. Pickles (for the pack cache) as its
    compiled pattern."""

    __slots__ = ("compiled", "linear")

    def __init__(self, compiled) -> None:
        self.__setstate__(compiled)

    def __getstate__(self):
        return self.compiled

    def __setstate__(self, compiled) -> None:
        self.compiled = compiled
        # it cannot backtrack, and regex's timeout costs more than its matching at every match
        self.linear = _one_class_repeated(compiled.pattern)

    def __eq__(self, other) -> bool:
        return isinstance(other, BoundedPattern) and other.compiled == self.compiled

    def __hash__(self) -> int:
        return hash(self.compiled)

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def groups(self) -> int:
        return self.compiled.groups

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        return _bounded(self.pattern, self.compiled.search, text, pos, text, pos, end)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        return _bounded(self.pattern, self.compiled.match, text, pos, text, pos, end)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        return _bounded(self.pattern, self.compiled.fullmatch, text, pos, text, pos, end)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        """Every match, collected before they are returned: regex's timeout
        runs from the first call, so a caller's own work between matches
        would count against it."""
        end = len(text) if endpos is None else endpos

        def collect(*args, timeout):
            if self.linear:
                return list(self.compiled.finditer(*args))
            return list(self.compiled.finditer(*args, timeout=timeout))

        return _bounded(self.pattern, collect, text, pos, text, pos, end)

    def sub(self, repl, text: str, count: int = 0) -> str:
        return _bounded(self.pattern, self.compiled.sub, text, 0, repl, text, count)


# One character class repeated ("[^\\s]+", Vale's word token), in a group or
# not, case-insensitive or not: it matches each run of its characters whole
# or fails at once, so it runs in linear time.
_ONE_CLASS_REPEATED = regex.compile(r"(?:\(\?i\)\(\?-f\))?(\()?\[\^?(?:\\[a-zA-Z]|[^\\\[\]])+\][+*](?(1)\))")


def _one_class_repeated(source: str) -> bool:
    return _ONE_CLASS_REPEATED.fullmatch(source) is not None


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

    try:
        return build(trie)[0]
    except RecursionError:  # phrases nested a thousand deep ("a", "a a", ...): a flat list, longest first
        return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


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
    path, line = where or (None, None)
    try:
        return BoundedPattern(regex.compile(source, _FLAGS))
    except regex.error as exc:
        raise RuleError(f"bad regular expression {pattern!r}: {exc}", path, line) from None
    except (RecursionError, OverflowError, MemoryError):
        raise RuleError(f"regular expression too deeply nested or too large ({len(pattern):,} characters)", path, line) from None


def compile_python_pattern(pattern: str, where: tuple[str, int] | None = None, flags: int = 0) -> BoundedPattern:
    """A pattern written for Python's ``re`` (spaCy's REGEX, a pipeline's
    tokenizer), compiled with regex's compatible version 0 so that its
    matching is bounded too. ``flags``: re's IGNORECASE, MULTILINE, DOTALL
    and VERBOSE (regex gives them the same values)."""
    path, line = where or (None, None)
    try:
        return BoundedPattern(regex.compile(pattern, regex.V0 | (flags & (regex.I | regex.M | regex.S | regex.X))))
    except regex.error as exc:
        raise RuleError(f"bad regular expression {pattern!r}: {exc}", path, line) from None
    except (RecursionError, OverflowError, MemoryError):
        raise RuleError(f"regular expression too deeply nested or too large ({len(pattern):,} characters)", path, line) from None


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


def finditer(pattern: BoundedPattern, text: str, start: int = 0, end: int | None = None) -> list:
    """Matches of ``pattern`` in ``text[start:end]``, within the budget."""
    return pattern.finditer(text, start, end)


def search(pattern: BoundedPattern, text: str, start: int = 0, end: int | None = None):
    """The first match of ``pattern`` in ``text[start:end]``, or None."""
    return pattern.search(text, start, end)
