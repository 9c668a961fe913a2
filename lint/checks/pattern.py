"""``pattern``: token patterns over the linguistic layer, with spaCy's
Matcher and DependencyMatcher semantics, so that an editor can write "a
cognition verb whose subject is a thing that cannot think" as data.

- ``patterns``: Matcher token patterns (a list of lists of token specs:
  ``{LEMMA: {IN: [...]}, POS: ADJ, OP: "?"}``);
- ``dependency``: DependencyMatcher patterns (lists of nodes with
  ``RIGHT_ID``, ``RIGHT_ATTRS``, ``LEFT_ID``, ``REL_OP``); the alert spans
  the matched tokens, first to last, or only the nodes ``flag`` names;
- ``classes``: named word lists; ``"$name"`` in a list of ``IN``,
  ``NOT_IN`` (or any list operator), or as the whole operand, stands for
  the rule's class of that name or else a lexicon class
  (:data:`lint.lexicon.PATTERN_CLASSES`);
- ``unless``: ``patterns`` and ``dependency`` that excuse: a match
  sharing a token with one of their matches raises no alert (Vale's
  ``exceptions``, on the parse: "called the decision shameful");
- ``attributed: skip``: no alert inside an opinion attributed to a source
  that stands behind it (a name, a role, a body, a person or a pronoun:
  "Parents called the decision shameful", "The plan is reckless, Ruiz
  said"), nor in a sentence inside an attributed quotation or going on
  in reported speech;
- ``voice``: keep quiet in copy or paragraphs that judge by design (see
  :func:`lint.checks.loaded.others_voice`); ``skip-types``: kinds of copy
  (:func:`lint.checks.loaded.copy_type`: ``sports``, ``review`` ...) the
  rule keeps quiet in.

Patterns are checked when the rule loads, without importing spaCy (the
keys, operators and value types of spaCy's pattern schema, class names,
node references); spaCy's own validation runs when the matcher is
compiled, once per process on first use, and its complaints are rule
errors naming the file and line too.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from lint import lexicon as lx
from lint.attribution import NAMED, ORGANIZATION, PERSON, PRONOUN, ROLE, cue_token, model
from lint.errors import RuleError
from lint.patterns import compile_python_pattern
from lint.rule import Check, Field, Hit

if TYPE_CHECKING:
    import numpy as np

# spaCy's token attributes (spacy.schemas.TokenPattern), by value type.
_TEXT_ATTRS = frozenset("ORTH TEXT LOWER POS TAG MORPH DEP LEMMA SHAPE NORM".split())
# The entity recognizer runs only for the people model, on some sentences,
# so a pattern on entities would match or not depending on other rules.
_ENTITY_ATTRS = frozenset("ENT_TYPE ENT_IOB ENT_ID ENT_KB_ID".split())
_NUMBER_ATTRS = frozenset(["LENGTH"])
_FLAG_ATTRS = frozenset(
    """SPACY IS_ALPHA IS_ASCII IS_DIGIT IS_LOWER IS_UPPER IS_TITLE IS_PUNCT IS_SPACE IS_BRACKET IS_QUOTE
    IS_LEFT_PUNCT IS_RIGHT_PUNCT IS_CURRENCY IS_STOP IS_SENT_START SENT_START LIKE_NUM LIKE_URL LIKE_EMAIL""".split()
)
_LIST_OPERATORS = frozenset("IN NOT_IN IS_SUBSET IS_SUPERSET INTERSECTS".split())
_TEXT_OPERATORS = _LIST_OPERATORS | {"REGEX", "FUZZY"} | {f"FUZZY{n}" for n in range(1, 10)}
_NUMBER_OPERATORS = _LIST_OPERATORS | {"REGEX", "==", "!=", ">=", "<=", ">", "<"}
_QUANTIFIERS = frozenset("! ? + *".split())
_DEPENDENCY_KEYS = frozenset("RIGHT_ID RIGHT_ATTRS LEFT_ID REL_OP".split())
_REL_OPS = frozenset("< > << >> . .* ; ;* $+ $- $++ $-- >+ >- >++ >-- <+ <- <++ <--".split())
# Sources that stand behind an opinion; a vague group or a thing does not.
_VOICED = frozenset((NAMED, ROLE, ORGANIZATION, PERSON, PRONOUN))
_CUE_STYLES = frozenset(("verb", "passive"))
# A stance or an intention put as a clause ("Cruz decided to run", "he used
# his influence as ... to shelter them") voices no opinion of the words in it.
_NO_OPINION = "predicate"
# Contexts that make a sentence someone's words: inside an attributed
# quotation, reported speech going on ("would ..."). Not a paragraph that
# closes with an attribution: it covers the claims, not the reporter's
# adjectives in the sentences before it.
_VOICING_CONTEXTS = frozenset(("quote", "continued"))
_WRITER = frozenset(("i", "we"))
# Attributes whose values a block's tokens can be checked against before matching.
_WORD_ATTRS = ("LOWER", "LEMMA", "ORTH", "TEXT", "TAG", "POS", "DEP")
_KIND_NAMES = {str: ("a string", "strings"), int: ("a whole number", "whole numbers")}


class Pattern(Check):
    FIELDS = {
        "patterns": Field("any", []),
        "dependency": Field("any", []),
        "classes": Field("map", {}),
        # Dependency nodes (RIGHT_IDs) the alert spans, in each pattern that
        # has them; empty: every node.
        "flag": Field("strlist", []),
        # Patterns and dependency patterns that excuse: a match sharing a
        # token with one of theirs raises no alert ("called it shameful").
        "unless": Field("map", {}),
        "attributed": Field("str", "include", choices=("skip", "include")),
        # copy and paragraphs in a voice that judges by design: see lint.checks.loaded.others_voice
        "voice": Field("str", "any", choices=("any", "story", "paragraph")),
        "skip-types": Field("strlist", []),
    }
    NEEDS_NLP = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        self.classes = self._classes(options["classes"])
        self.patterns = [self._token_pattern(p, "patterns") for p in self._list(options["patterns"], "patterns")]
        self.dependency = [self._dependency_pattern(p, "dependency") for p in self._list(options["dependency"], "dependency")]
        if options["flag"] and not self.dependency:
            raise self._fail("'flag' names dependency nodes, and the rule has no 'dependency'", "flag")
        self.flagged = [self._flagged_nodes(p, options["flag"]) for p in self.dependency]
        if not self.patterns and not self.dependency:
            raise self.error(f"rule {rule.id}: pattern needs 'patterns' or 'dependency'", "extends")
        unless = options["unless"]
        unknown = set(unless) - {"patterns", "dependency"}
        if unknown:
            raise self._fail(f"unknown key {sorted(unknown)[0]!r} in 'unless' (use patterns and dependency)", "unless")
        self.unless_patterns = [self._token_pattern(p, "unless") for p in self._list(unless.get("patterns", []), "unless")]
        self.unless_dependency = [self._dependency_pattern(p, "unless") for p in self._list(unless.get("dependency", []), "unless")]
        self.needed = _needed_words([*self.patterns, *([n["RIGHT_ATTRS"] for n in p] for p in self.dependency)])
        self.reaches = _reaches(self.patterns)
        self.excuse_length = _longest_match(self.unless_patterns)
        self.skip_types = frozenset(kind.lower() for kind in options["skip-types"])  # copy types are lowercased
        self._compiled = None  # (vocab, Matcher, DependencyMatcher), built on first use
        self._needed_ids = None  # self.needed as spaCy string ids, on first use
        self._node_regexes = None  # {(group, index): [(node, test)]}, with the matchers
        self._reach_ids_cache = None  # self.reaches as spaCy string ids, on first use

    def __getstate__(self):
        # the pack cache pickles rules; a compiled matcher belongs to one process
        return {**self.__dict__, "_compiled": None, "_needed_ids": None, "_node_regexes": None, "_reach_ids_cache": None}

    # -- validation at load ----------------------------------------------------

    def _fail(self, message: str, key: str, where=None) -> RuleError:
        line = getattr(where, "line", 0) or self.rule.line_of(key)
        return RuleError(f"rule {self.rule.id}: {message}", self.rule.path, line)

    def _list(self, value, key: str) -> list:
        if not isinstance(value, list):
            raise self._fail(f"'{key}' must be a list of patterns", key)
        return value

    def _classes(self, classes) -> dict[str, list[str]]:
        for name, words in classes.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise self._fail(f"class '{name}' in 'classes' must be a list of words", "classes")
        return {str(name): list(words) for name, words in classes.items()}

    def _class(self, reference: str, key: str, where) -> list[str]:
        name = reference[1:]
        if name in self.classes:
            return self.classes[name]
        if name in lx.PATTERN_CLASSES:
            return sorted(lx.PATTERN_CLASSES[name])
        known = ", ".join(sorted({*self.classes, *lx.PATTERN_CLASSES}))
        raise self._fail(f"unknown class '{reference}' (known: {known})", key, where)

    def _token_pattern(self, pattern, key: str) -> list[dict]:
        if not isinstance(pattern, list) or not pattern:
            raise self._fail(f"each pattern in '{key}' must be a non-empty list of token specs", key, pattern)
        return [self._token_spec(spec, key) for spec in pattern]

    def _token_spec(self, spec, key: str, in_node: bool = False) -> dict:
        if not isinstance(spec, dict):
            raise self._fail(f"a token spec in '{key}' must be a mapping, not {spec!r}", key)
        resolved = {}
        for attr, value in spec.items():
            if attr in _ENTITY_ATTRS:
                raise self._fail(
                    f"{attr}: pattern rules cannot read entities (the pipeline runs no entity recognizer for "
                    "them); match names with POS: PROPN", key, spec,
                )
            if attr == "OP":
                if in_node:
                    raise self._fail("OP has no place in a dependency node: each node is one token", key, spec)
                if not (value in _QUANTIFIERS or _counted(value)):
                    raise self._fail(f"unknown OP {value!r} (known: !, ?, +, *, {{n}}, {{n,m}})", key, spec)
                resolved[attr] = value
            elif attr in _TEXT_ATTRS:
                resolved[attr] = self._value(attr, value, str, _TEXT_OPERATORS, key, spec)
            elif attr in _NUMBER_ATTRS:
                resolved[attr] = self._value(attr, value, int, _NUMBER_OPERATORS, key, spec)
            elif attr in _FLAG_ATTRS:
                if not isinstance(value, bool):
                    raise self._fail(f"{attr} must be true or false, not {value!r}", key, spec)
                resolved[attr] = value
            else:
                raise self._fail(f"unknown token attribute {attr!r} (spaCy's, in capitals: LEMMA, POS, DEP, ...)", key, spec)
        return resolved

    def _value(self, attr: str, value, kind: type, operators, key: str, spec):
        if isinstance(value, kind) and not isinstance(value, bool):
            return value
        if not isinstance(value, dict):
            raise self._fail(f"{attr} must be {_KIND_NAMES[kind][0]} or a mapping of operators, not {value!r}", key, spec)
        resolved = {}
        for op, operand in value.items():
            if op not in operators:
                raise self._fail(f"unknown operator {op!r} on {attr} (known: {', '.join(sorted(operators))})", key, spec)
            if op in _LIST_OPERATORS:
                operand = self._members(operand, attr, op, kind, key, spec)
            elif op == "REGEX":
                _check_regex(operand, lambda problem: self._fail(f"{attr} REGEX {problem}", key, spec))
            resolved[op] = operand
        return resolved

    def _members(self, operand, attr, op, kind, key, spec) -> list:
        items = operand if isinstance(operand, list) else [operand]
        members = []
        for item in items:
            if isinstance(item, str) and item.startswith("$"):
                members.extend(self._class(item, key, spec))
            elif isinstance(item, kind) and not isinstance(item, bool):
                members.append(item)
            else:
                raise self._fail(f"{attr} {op} needs a list of {_KIND_NAMES[kind][1]} or a $class, not {item!r}", key, spec)
        return members

    def _dependency_pattern(self, pattern, key: str) -> list[dict]:
        if not isinstance(pattern, list) or not pattern:
            raise self._fail(f"each dependency pattern in '{key}' must be a non-empty list of nodes", key, pattern)
        names: set[str] = set()
        nodes = []
        for index, node in enumerate(pattern):
            if not isinstance(node, dict):
                raise self._fail(f"a dependency node in '{key}' must be a mapping, not {node!r}", key)
            unknown = set(node) - _DEPENDENCY_KEYS
            if unknown:
                raise self._fail(f"unknown key {sorted(unknown)[0]!r} in a dependency node", key, node)
            right_id = node.get("RIGHT_ID")
            if not isinstance(right_id, str) or right_id in names:
                raise self._fail("every dependency node needs a RIGHT_ID of its own", key, node)
            if index and (node.get("LEFT_ID") not in names or node.get("REL_OP") not in _REL_OPS):
                raise self._fail(
                    f"node {right_id!r} needs a LEFT_ID naming an earlier node and a REL_OP "
                    f"(known: {' '.join(sorted(_REL_OPS))})", key, node,
                )
            if not index and ("LEFT_ID" in node or "REL_OP" in node):
                raise self._fail(f"the first node {right_id!r} is the anchor: no LEFT_ID or REL_OP", key, node)
            names.add(right_id)
            attrs = node.get("RIGHT_ATTRS", {})
            nodes.append({**node, "RIGHT_ATTRS": self._token_spec(attrs, key, in_node=True) if attrs else {}})
        return nodes

    def _flagged_nodes(self, pattern: list[dict], names: list[str]) -> list[int]:
        """Indexes of the nodes an alert spans, in the order spaCy returns
        a match's tokens (the pattern's node order)."""
        ids = [node["RIGHT_ID"] for node in pattern]
        if not names:
            return list(range(len(ids)))
        flagged = [i for i, right_id in enumerate(ids) if right_id in names]
        if not flagged:
            raise self._fail(f"'flag' names none of the nodes {', '.join(ids)} of a dependency pattern", "flag")
        return flagged

    # -- matching ----------------------------------------------------------------

    def _matchers(self, vocab):
        """A Matcher and a DependencyMatcher per process (per vocabulary)
        for the rule's matches and another pair for its excuses, which need
        running only where something matched; the dependency patterns' keys
        ("match#<index>", "unless#<index>") tell which pattern matched."""
        if self._compiled is None or self._compiled[0] is not vocab:
            from spacy.matcher import Matcher

            groups = (
                ("match", self.patterns, self.dependency, ("patterns", "dependency")),
                ("unless", self.unless_patterns, self.unless_dependency, ("unless", "unless")),
            )
            compiled = {}
            # a dependency node's REGEX is tested on the tokens of a match,
            # not by the matcher on every token of the block: a node is one
            # token, so the matches are the same
            self._node_regexes = {}
            for group, patterns, dependency_patterns, (key, dependency_key) in groups:
                matcher = Matcher(vocab, validate=True)
                dependency = _rooted_dependency_matcher()(vocab, validate=True)
                try:
                    for pattern in patterns:
                        matcher.add(group, [[_bounded_regexes(spec) for spec in pattern]])
                except (ValueError, KeyError) as exc:  # spaCy's MatchPatternError is a ValueError
                    raise self._fail(f"spaCy rejects a pattern: {exc}", key) from None
                try:
                    for index, pattern in enumerate(dependency_patterns):
                        # one key per pattern: a match must tell which nodes to flag
                        nodes = [{**node, "RIGHT_ATTRS": _without_regexes(node["RIGHT_ATTRS"])} for node in pattern]
                        dependency.add(f"{group}#{index}", [nodes])
                        self._node_regexes[group, index] = _node_regexes(pattern)
                except (ValueError, KeyError) as exc:
                    raise self._fail(f"spaCy rejects a dependency pattern: {exc}", dependency_key) from None
                compiled[group] = (matcher, dependency, bool(patterns), bool(dependency_patterns))
            self._compiled = (vocab, compiled)
        return self._compiled[1]

    def _matches(self, doc, parsed):
        """Token ranges (first, last) of the rule's matches and of its
        excuses (looked for only when something matched)."""
        spacy_doc = parsed.doc
        compiled = self._matchers(spacy_doc.vocab)
        strings = spacy_doc.vocab.strings
        found: dict[str, list[tuple[int, int]]] = {"match": [], "unless": []}
        for group in ("match", "unless") if self.options["unless"] else ("match",):
            if group == "unless" and not found["match"]:
                break
            matcher, dependency, has_patterns, has_dependency = compiled[group]
            if has_patterns:
                windows = self._windows(doc, parsed) if group == "match" else self._excuse_windows(found["match"], len(spacy_doc))
                for first, end in windows:
                    for _, start, stop in matcher(spacy_doc[first:end]):
                        found[group].append((first + start, first + stop - 1))
            for match_id, ids in dependency(spacy_doc) if has_dependency else ():
                index = int(strings[match_id].split("#")[1])
                if not all(test(spacy_doc[ids[node]]) for node, test in self._node_regexes[group, index]):
                    continue
                nodes = [ids[i] for i in self.flagged[index]] if group == "match" else ids
                found[group].append((min(nodes), max(nodes)))
        return found["match"], found["unless"]

    def unexcused_matches(self, doc, parsed) -> list[tuple[int, int]]:
        """Token ranges (first, last) of the rule's matches in one parse
        that none of its excuses overlaps."""
        matches, excuses = self._matches(doc, parsed)
        return [span for span in matches if not _excused(span, excuses)]

    def _windows(self, doc, parsed) -> list[tuple[int, int]]:
        """Token ranges (first, end) of the block that hold every match of
        the rule's token patterns: the reach of each token holding a word
        a pattern requires, or the whole block. The Matcher tests its word
        lists in Python at every token it reads: on BBC most of the rules'
        matching went on tokens no match could reach."""
        import numpy as np

        length = len(parsed.doc)
        if self.reaches is None:
            return [(0, length)]
        reaches = self._reach_ids()
        present = _NEEDED_WORDS.present(doc, parsed)
        columns = _block_columns(doc, parsed)
        ranges = []
        for (attr, ids), before, after in reaches:
            for value in present[attr] & ids:
                ranges.extend((0 if before is None else max(0, at - before),
                               length if after is None else min(length, at + after + 1))
                              for at in np.flatnonzero(columns[attr] == value).tolist())
        return _joined(ranges)

    def _excuse_windows(self, matches: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
        """Token ranges holding every excuse that shares a token with a
        match (no other excuse counts), or the whole block."""
        if self.excuse_length is None:
            return [(0, length)]
        reach = self.excuse_length - 1
        return _joined([(max(0, first - reach), min(length, last + reach + 1)) for first, last in matches])

    def _reach_ids(self) -> list[tuple[tuple[str, frozenset], int | None, int | None]]:
        """:attr:`reaches` with the words as spaCy string ids."""
        if self._reach_ids_cache is None:
            from spacy.strings import get_string_id

            self._reach_ids_cache = [((attr, frozenset(get_string_id(w) for w in words)), before, after)
                                     for (attr, words), before, after in self.reaches]
            for (attr, ids), _, _ in self._reach_ids_cache:
                _NEEDED_WORDS.add(attr, ids)  # looked up in the block with every rule's words
        return self._reach_ids_cache

    def _may_match(self, doc, parsed) -> bool:
        """Whether the block holds the words some pattern needs: most blocks
        hold no loaded word at all, and spaCy's matchers cost more than the
        look-up (measured on BBC: the pattern rules took 3x the time)."""
        if self.needed is None:
            return True
        if self._needed_ids is None:
            from spacy.strings import get_string_id

            # words before tags and labels, which most blocks hold ("POS: VERB"): the first test fails soonest
            patterns = [sorted(((attr, frozenset(get_string_id(w) for w in values)) for attr, values in pattern),
                               key=lambda literal: _WORD_ATTRS.index(literal[0]))
                        for pattern in self.needed]
            firsts: dict[str, frozenset] = {}  # attribute: the words some pattern needs first
            for pattern in patterns:
                for attr, ids in pattern:
                    _NEEDED_WORDS.add(attr, ids)
                attr, ids = pattern[0]
                firsts[attr] = firsts.get(attr, frozenset()) | ids
            self._needed_ids = (firsts, patterns)
        firsts, patterns = self._needed_ids
        # one look-up per block for every rule, then the rule's words as sets
        present = _NEEDED_WORDS.present(doc, parsed)
        if all(present[attr].isdisjoint(ids) for attr, ids in firsts.items()):
            return False  # no pattern's first word, as in most blocks
        return any(all(not present[attr].isdisjoint(ids) for attr, ids in pattern) for pattern in patterns)

    def run(self, doc):
        if self.skip_types and _copy_type(doc) in self.skip_types:
            return
        in_scope = self.in_scope(doc)
        voiced = _Containment(_voiced_spans(doc) if self.options["attributed"] == "skip" and doc.parses else [])
        for parsed in doc.parses or ():
            if not self._may_match(doc, parsed):
                continue
            matches, excuses = self._matches(doc, parsed)
            for first, last in _longest_first(matches):
                if _excused((first, last), excuses):
                    continue
                start, end = prose_span(parsed, first, last)
                if not in_scope(start, end) or voiced.contains(start, end):
                    continue
                if self.options["voice"] != "any" and _others_voice(doc, start, self.options["voice"]):
                    continue
                yield Hit(start, end, (doc.prose[start:end],), self.action_fix(doc.prose[start:end]))


def _copy_type(doc) -> str:
    from lint.checks.loaded import copy_type  # loaded imports this module

    return copy_type(doc)


def _others_voice(doc, offset: int, voice: str) -> bool:
    from lint.checks.loaded import others_voice  # loaded imports this module

    return others_voice(doc, offset, voice)


def _needed_words(patterns: list[list[dict]]) -> list[list[tuple[str, frozenset]]] | None:
    """For each pattern (token specs; a dependency pattern's nodes are all
    required), the words, tags or labels its required tokens must have,
    each as (attribute, values); None when some pattern requires none."""
    needed = []
    for specs in patterns:
        words = [w for spec in specs if _required(spec.get("OP")) for w in _literals(spec)]
        if not words:
            return None
        needed.append(words)
    return needed


def _reaches(patterns: list[list[dict]]) -> list[tuple[tuple[str, frozenset], int | None, int | None]] | None:
    """For each token pattern, a word its matches hold, as (attribute,
    values), with how many tokens a match may reach before and after the
    token holding it (None: to the block's edge); None when some pattern
    requires no word."""
    reaches = []
    for specs in patterns:
        spans = [_most_tokens(spec.get("OP")) for spec in specs]
        anchors = [(i, literals[0]) for i, spec in enumerate(specs)
                   if _required(spec.get("OP")) and (literals := _literals(spec))]
        if not anchors:
            return None
        # a word before a tag or a label: the rarer in a block
        at, literal = min(anchors, key=lambda anchor: _WORD_ATTRS.index(anchor[1][0]))
        before, after = spans[:at], spans[at + 1 :]
        reaches.append((literal, None if None in before else sum(before), None if None in after else sum(after)))
    return reaches


def _longest_match(patterns: list[list[dict]]) -> int | None:
    """The most tokens a match of any of the token patterns spans; None
    when one has no bound."""
    longest = 0
    for specs in patterns:
        spans = [_most_tokens(spec.get("OP")) for spec in specs]
        if None in spans:
            return None
        longest = max(longest, sum(spans))
    return longest


def _most_tokens(op) -> int | None:
    """How many tokens a token spec with this OP matches at most; None: no bound."""
    if op in (None, "!", "?"):
        return 1
    if op in ("+", "*"):
        return None
    most = op[1:-1].split(",")[-1]  # a counted quantifier: {n}, {n,m}, {n,}, {,m}
    return int(most) if most.isdigit() else None


def _joined(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges (first, end), overlapping or adjacent ones joined."""
    joined: list[tuple[int, int]] = []
    for first, end in sorted(ranges):
        if joined and first <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((first, end))
    return joined


def _required(op) -> bool:
    """Whether a token spec with this OP must match at least one token."""
    if op is None or op == "+":
        return True
    if op in _QUANTIFIERS:
        return False  # "?", "*", and "!" (must not match)
    least = op[1:-1].split(",")[0]  # a counted quantifier: {n}, {n,m}, {n,}, {,m}
    return least.isdigit() and int(least) > 0


def _literals(spec: dict) -> list[tuple[str, frozenset]]:
    """Each attribute of :data:`_WORD_ATTRS` a token spec requires one of
    some values of, with those values: a block holding none of them holds
    no match (a required tag rules out most blocks where words do not:
    "most" with JJS in dropped-article)."""
    literals = []
    for attr in _WORD_ATTRS:
        value = spec.get(attr)
        if isinstance(value, str):
            literals.append((attr, frozenset([value])))
        elif isinstance(value, dict) and "IN" in value:
            literals.append((attr, frozenset(value["IN"])))
    return literals


def _block_words(doc, parsed) -> dict[str, set[int]]:
    """The block's words by attribute, as sets of spaCy string ids (read
    when the words the rules need grow, not kept: as sets of strings they
    were a twelfth of a long draft's memory)."""
    columns = _block_columns(doc, parsed)
    words = {attr: set(columns[attr].tolist()) for attr in ("ORTH", "LOWER", "LEMMA", "TAG", "POS", "DEP")}
    return {**words, "TEXT": words["ORTH"]}


def _block_columns(doc, parsed) -> dict[str, np.ndarray]:
    """The block's tokens' words, tags and labels by attribute (spaCy
    string ids), read once for every rule (8 bytes a token and attribute)."""
    cache = doc.models.setdefault("block-columns", {})
    columns = cache.get(parsed.start)
    if columns is None:
        from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS, TAG

        texts, lowers, lemmas, tags, parts, labels = parsed.doc.to_array([ORTH, LOWER, LEMMA, TAG, POS, DEP]).T
        columns = cache[parsed.start] = {"ORTH": texts, "TEXT": texts, "LOWER": lowers, "LEMMA": lemmas, "TAG": tags,
                                         "POS": parts, "DEP": labels}
    return columns


class _NeededWords:
    """Every word some pattern rule of the process needs, by attribute, as
    spaCy string ids. A block's words are looked up among them once for all
    the rules, which then test their own words as sets (a look-up per rule
    and block was a tenth of the pattern rules' time on BBC)."""

    def __init__(self) -> None:
        self.ids: dict[str, set[int]] = {}
        self.version = 0  # grows with the words: a block looked up before is looked up again

    def add(self, attr: str, ids: frozenset) -> None:
        known = self.ids.setdefault(attr, set())
        if not ids <= known:
            known |= ids
            self.version += 1

    def present(self, doc, parsed) -> dict[str, frozenset]:
        """Which of the words the block holds, by attribute."""
        cache = doc.models.setdefault("block-needed-words", {})
        found = cache.get(parsed.start)
        if found is None or found[0] != self.version:
            words = _block_words(doc, parsed)
            found = cache[parsed.start] = (self.version, {a: frozenset(words[a] & ids) for a, ids in self.ids.items()})
        return found[1]


_NEEDED_WORDS = _NeededWords()


@lru_cache(maxsize=1)
def _rooted_dependency_matcher():
    """spaCy's DependencyMatcher, finding each matched token's tree root
    (by which it groups the candidates) once per token from the heads
    array, instead of building every ancestor's Token object for each
    match: that walk was most of the pattern rules' time on BBC. Its
    nodes are looked for only in the sentences where some pattern's anchor
    (its first node) is: a match lies in one tree, and a tree with no
    anchor has no match. Its matches are the same."""
    import warnings
    from collections import defaultdict

    from spacy.attrs import HEAD, IDS
    from spacy.errors import Warnings
    from spacy.matcher import DependencyMatcher, Matcher
    from spacy.strings import get_string_id

    class RootedDependencyMatcher(DependencyMatcher):
        def add(self, key, patterns, *, on_match=None):
            super().add(key, patterns, on_match=on_match)
            if "anchors" not in self.__dict__:
                self.anchors = Matcher(self.vocab, validate=True)
                self.anchor_words: dict[int, set[int]] | None = {}  # attribute: words some anchor holds
            self.anchors.add("anchor", [[pattern[0].get("RIGHT_ATTRS", {})] for pattern in patterns])
            for pattern in patterns:
                literals = _literals(pattern[0].get("RIGHT_ATTRS", {}))
                if not literals or self.anchor_words is None:
                    self.anchor_words = None  # an anchor that may be any word
                    continue
                attr, words = literals[0]
                self.anchor_words.setdefault(IDS["ORTH" if attr == "TEXT" else attr], set()).update(
                    get_string_id(word) for word in words)

        def _anchor_starts(self, doc) -> list[int]:
            """The tokens the anchors match, looked for only at tokens
            holding an anchor's word (the Matcher tests word lists in
            Python at each token it reads)."""
            if self.anchor_words is None:
                return [start for _, start, _ in self.anchors(doc)]
            attrs = list(self.anchor_words)
            columns = doc.to_array(attrs).reshape(len(doc), len(attrs)).T.tolist()
            holding = sorted({i for attr, column in zip(attrs, columns) for i, value in enumerate(column)
                              if value in self.anchor_words[attr]})
            return [first + start for first, end in _joined([(i, i + 1) for i in holding])
                    for _, start, _ in self.anchors(doc[first:end])]

        def _node_matches(self, doc):
            starts = self._anchor_starts(doc)
            if not starts:
                return []
            sentences = _sentences_holding(doc, starts)
            if sentences is None:
                return self._matcher(doc)
            return [(key, first + start, first + end)
                    for first, last in sentences for key, start, end in self._matcher(doc[first:last])]

        def _get_keys_to_position_maps(self, doc):
            keys_to_position_maps = defaultdict(lambda: defaultdict(list))
            heads = None
            roots: dict[int, int] = {}
            for match_id, start, end in self._node_matches(doc):
                if start + 1 != end:
                    warnings.warn(Warnings.W110.format(tokens=[t.text for t in doc[start:end]],
                                                       pattern=self._matcher.get(match_id)[1][0][0]))
                root = roots.get(start)
                if root is None:
                    if heads is None:
                        heads = doc.to_array([HEAD]).astype("int64").ravel().tolist()
                    root, steps = start, 0
                    # as Token.ancestors walks: no more steps than tokens
                    while heads[root] != 0 and steps < len(doc):
                        root += heads[root]
                        steps += 1
                    roots[start] = root
                keys_to_position_maps[root][match_id].append(start)
            return keys_to_position_maps

    return RootedDependencyMatcher


def _sentences_holding(doc, tokens: list[int]) -> list[tuple[int, int]] | None:
    """The token ranges (first, end) of the sentences holding ``tokens``,
    adjacent ones joined; None when they make the whole doc, or when a
    word's head is in another sentence (a tree would cross sentences)."""
    import numpy as np
    from spacy.attrs import HEAD, SENT_START

    array = doc.to_array([SENT_START, HEAD]).astype("int64")
    starts = array[:, 0] == 1
    starts[0] = True
    sentence = np.cumsum(starts) - 1
    if (sentence[np.arange(len(doc)) + array[:, 1]] != sentence).any():
        return None
    bounds = np.flatnonzero(starts).tolist() + [len(doc)]
    ranges: list[tuple[int, int]] = []
    for number in sorted({int(sentence[i]) for i in tokens}):
        first, end = bounds[number], bounds[number + 1]
        if ranges and ranges[-1][1] == first:
            first = ranges.pop()[0]
        ranges.append((first, end))
    return None if ranges == [(0, len(doc))] else ranges


def _check_regex(source, fail) -> None:
    # spaCy compiles REGEX with Python's re module; it runs with regex's
    # (see _bounded_regexes), which reads re's syntax alike in its version 0
    if not isinstance(source, str):
        raise fail(f"needs a regular expression, not {source!r}")
    try:
        re.compile(source)
        compile_python_pattern(source)
    except (re.error, RuleError) as exc:
        raise fail(f"is not a valid regular expression: {exc}") from None


# What a token attribute reads as, for REGEX.
_TOKEN_TEXT = {
    "ORTH": lambda t: t.text, "TEXT": lambda t: t.text, "LOWER": lambda t: t.lower_, "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_, "MORPH": lambda t: str(t.morph), "DEP": lambda t: t.dep_, "LEMMA": lambda t: t.lemma_,
    "SHAPE": lambda t: t.shape_, "NORM": lambda t: t.norm_, "LENGTH": lambda t: str(len(t)),
}


def _regex_getter(pattern, text_of):
    answers: dict[str, bool] = {}  # a word recurs: match it once

    def matches(token) -> bool:
        text = text_of(token)
        found = answers.get(text)
        if found is None:
            found = pattern.search(text) is not None
            if len(answers) < 100_000:
                answers[text] = found
        return found

    return matches


def _bounded_regexes(spec: dict) -> dict:
    """The token spec with each ``{ATTR: {REGEX: ...}}`` turned into a
    custom attribute that runs the regex within the rule's matching budget:
    spaCy's own REGEX runs Python's re, which nothing can stop."""
    from spacy.tokens import Token

    resolved = {}
    extensions = {}
    for attr, value in spec.items():
        if not (isinstance(value, dict) and "REGEX" in value):
            resolved[attr] = value
            continue
        rest = {op: operand for op, operand in value.items() if op != "REGEX"}
        if rest:
            resolved[attr] = rest
        name = "copydesk_regex_" + hashlib.sha1(f"{attr}\0{value['REGEX']}".encode()).hexdigest()[:16]
        if not Token.has_extension(name):
            Token.set_extension(name, getter=_regex_getter(compile_python_pattern(value["REGEX"]), _TOKEN_TEXT[attr]))
        extensions[name] = True
    if extensions:
        resolved["_"] = extensions
    return resolved


def _without_regexes(spec: dict) -> dict:
    """A dependency node's token spec less its REGEX operators."""
    resolved = {}
    for attr, value in spec.items():
        if isinstance(value, dict) and "REGEX" in value:
            value = {op: operand for op, operand in value.items() if op != "REGEX"}
            if not value:
                continue
        resolved[attr] = value
    return resolved


def _node_regexes(pattern: list[dict]) -> list:
    """(node index, test of a token) for each REGEX in a dependency
    pattern's nodes, run within the rule's matching budget."""
    return [
        (index, _regex_getter(compile_python_pattern(value["REGEX"]), _TOKEN_TEXT[attr]))
        for index, node in enumerate(pattern)
        for attr, value in node["RIGHT_ATTRS"].items()
        if isinstance(value, dict) and "REGEX" in value
    ]


def _counted(op) -> bool:
    """spaCy's counted quantifiers: {n}, {n,m}, {n,}, {,m}."""
    if not isinstance(op, str) or not (op.startswith("{") and op.endswith("}")):
        return False
    parts = op[1:-1].split(",")
    return 1 <= len(parts) <= 2 and all(p.isdigit() or (p == "" and len(parts) == 2) for p in parts) and op != "{,}"


def prose_span(parsed, first: int, last: int) -> tuple[int, int]:
    """The prose offsets (start, end) of the tokens first..last of one parse."""
    return parsed.start + parsed.doc[first].idx, parsed.start + parsed.doc[last].idx + len(parsed.doc[last])


def _excused(span: tuple[int, int], excuses: list[tuple[int, int]]) -> bool:
    first, last = span
    return any(first <= l and f <= last for f, l in excuses)


def _longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping matches (patterns with optional tokens match several
    ways) kept once: the longest, then the earliest."""
    kept: list[tuple[int, int]] = []
    for first, last in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if all(last < f or first > l for f, l in kept):
            kept.append((first, last))
    return sorted(kept)


def _voiced_spans(doc) -> list[tuple[int, int]]:
    """Prose spans holding an opinion someone stands behind: the phrase a
    cue verb governs ("called the decision shameful", "The plan is
    reckless, Ruiz said"), less the source and the cue verb themselves
    (the reporter's words: "the shameful mayor said", "Ruiz slammed the
    plan"), and not when the source is the writer ("we see"); the
    sentence of an "according to" or a dash attribution; a
    sentence inside an attributed quotation or going on in reported
    speech. Found once per document, for every rule that skips them."""
    spans = doc.models.get("voiced")
    if spans is None:
        spans = doc.models["voiced"] = _find_voiced_spans(doc)
    return spans


def _find_voiced_spans(doc) -> list[tuple[int, int]]:
    spans = []
    for sentence in model(doc).sentences:
        if sentence.context in _VOICING_CONTEXTS:
            spans.append((sentence.start, sentence.end))
            continue
        for a in sentence.attributions:
            if a.source_kind not in _VOICED or a.style == _NO_OPINION or _first_person(doc, a):
                continue
            if a.style not in _CUE_STYLES:
                spans.append((sentence.start, sentence.end))
                continue
            cue = cue_token(sentence, a)
            if cue is None:
                continue
            base = sentence.start - sentence.span.start_char
            # a parenthetical cue with no clause of its own reports the one it stands in ("Arguably, the board said, ...")
            reported = cue.head if cue.dep_ == "parataxis" and not any(c.dep_ in ("ccomp", "dobj") for c in cue.children) else cue
            last = reported.right_edge
            if reported is not cue:  # only that clause, not one joined to it after the cue ("Prices rose, the bank said, and ...")
                joined = next((c for c in reported.children if c.i > cue.i and c.dep_ in ("cc", "conj")), None)
                last = joined.left_edge.nbor(-1) if joined is not None else last
            governed = (base + reported.left_edge.idx, base + last.idx + len(last))
            # a relative clause that reports a clause ("the mayor, who said the cuts were ...") stands apart
            # from its source, whose span may hold it
            relative = cue.dep_ == "relcl" and any(c.dep_ == "ccomp" for c in cue.children)
            source = [a.source] if a.source and not relative else []
            spans.extend(_without(governed, [a.cue] + source))
    return spans


class _Containment:
    """Whether some span holds a given span, in log time: spans sorted by
    start, with the furthest end reached by any span starting so far."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))

    def contains(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def _first_person(doc, attribution) -> bool:
    """ "we see", "I believe" outside quotations: the writer, not a source."""
    return attribution.source is not None and doc.prose[slice(*attribution.source)].lower() in _WRITER


def _without(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces, start = [], span[0]
    for hole_start, hole_end in sorted(holes):
        if hole_start > start:
            pieces.append((start, min(hole_start, span[1])))
        start = max(start, hole_end)
    if start < span[1]:
        pieces.append((start, span[1]))
    return pieces
