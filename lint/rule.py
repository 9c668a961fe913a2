"""A rule is data: one YAML file naming a check kind with ``extends:``.

This module validates a rule file against the keys every rule shares
(Vale's vocabulary plus ours) and the keys of its kind, and builds the
kind's check. Every mistake is a :class:`RuleError` naming the file and
line: an unknown key, a wrong type, a bad regex, an unknown kind.
"""

from __future__ import annotations

import bisect
import importlib
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from lint.alert import FIX_APPLICABILITIES, SEVERITIES
from lint.document import BLOCK_KINDS, Document
from lint.errors import RuleError
from lint.yamlsrc import SourceMap

CATEGORIES = (
    "attribution",
    "loaded-language",
    "garbled",
    "people-titles",
    "cliche",
    "style",
    "readability",
    "typography",
)

# Each kind is one module in lint/checks/ defining a Check subclass.
KINDS = {
    "existence": "lint.checks.existence:Existence",
    "substitution": "lint.checks.substitution:Substitution",
    "occurrence": "lint.checks.occurrence:Occurrence",
    "repetition": "lint.checks.repetition:Repetition",
    "consistency": "lint.checks.consistency:Consistency",
    "conditional": "lint.checks.conditional:Conditional",
    "capitalization": "lint.checks.capitalization:Capitalization",
    "readability": "lint.checks.readability:Readability",
    "metric": "lint.checks.metric:Metric",
    "proselint": "lint.checks.proselint:Proselint",
    "claim": "lint.checks.claim:Claim",
    "source": "lint.checks.source:Source",
    "cue": "lint.checks.cue:Cue",
    "quotation": "lint.checks.quotation:Quotation",
    "person": "lint.checks.person:Person",
    "office": "lint.checks.office:Office",
    "title": "lint.checks.title:Title",
    "pattern": "lint.checks.pattern:Pattern",
    "spelling": "lint.checks.spelling:Spelling",
    "drift": "lint.checks.drift:Drift",
    "confusable": "lint.checks.confusable:Confusable",
    "loaded": "lint.checks.loaded:Loaded",
    "weasel": "lint.checks.weasel:Weasel",
}

SCOPES = ("text", "sentence", "paragraph", "summary") + BLOCK_KINDS
_HEADING_LEVEL = re.compile(r"heading\.h[1-6]")
_FRONTMATTER = re.compile(r"(?:text\.)?frontmatter\.(?P<key>[\w-]+)")


@dataclass(frozen=True)
class Field:
    """A key a rule may carry: its type, default, and allowed values."""

    type: str  # str, bool, int, number, strlist, strmap, map, any
    default: Any = None
    required: bool = False
    choices: tuple = ()


SHARED_FIELDS = {
    "extends": Field("str", required=True),
    "message": Field("str", required=True),
    "description": Field("str", ""),
    "level": Field("str", "warning", choices=SEVERITIES),
    "scope": Field("strlist", ["text"]),
    "link": Field("str", None),
    "limit": Field("int", 0),
    "action": Field("map", None),
    # copydesk's keys on top of Vale's
    "category": Field("str", "style", choices=CATEGORIES),
    "explanation": Field("str", ""),
    "examples": Field("map", None),
    "quotes": Field("str", "include", choices=("skip", "include")),
    "names": Field("str", "include", choices=("skip", "include")),
    # ruff's applicability: "safe" fixes may be applied unread; a check may
    # still mark one hit's fix unsafe (Hit.unsafe_fix), never the reverse.
    "fix-applicability": Field("str", "unsafe", choices=FIX_APPLICABILITIES),
    # A style decision made once for the whole story (courtesy titles, "US"
    # or "U.S."): its hits become one alert, with their count and positions
    # and one fix for every occurrence.
    "per-story": Field("bool", False),
}

ACTIONS = ("replace", "remove", "edit", "suggest", "convert")
# Actions whose fix copydesk computes (a suggestion script is Vale's own).
FIX_ACTIONS = ("replace", "remove", "edit", "convert")


def simple_case(text: str) -> str:
    """Vale's ``convert: simple`` (strcase.Simple): lower case, words split
    at punctuation and at a lower-to-upper change, one space between them
    ("AutoSave-Mode" → "auto save mode")."""
    out = []
    previous = " "
    offset = 0  # a byte offset, as in Go's range over a string
    for char in text:
        alnum = char.isalpha() or char.isnumeric()
        if (offset > 1 and previous.islower() and char.isupper()) or not alnum or (char.isspace() and char != " "):
            out.append(" ")
        if alnum or char == " ":
            out.append(char.lower())
        previous = char
        offset += len(char.encode("utf-8"))
    return re.sub(" +", " ", "".join(out).strip())


# Vale's convert takes "simple"; "lower" and "upper" are copydesk's own.
CONVERSIONS = {"simple": simple_case, "lower": str.lower, "upper": str.upper}
# Vale's edit operations and how many parameters each takes after its name
# (Google's style uses "replace" OLD NEW and "remove" CHARS).
EDIT_OPERATIONS = {
    "regex": 2, "replace": 2, "remove": 1, "trim_right": 1, "trim_left": 1, "trim": 1, "truncate": 1, "split": 2,
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a check, before it becomes an alert.

    Offsets are prose offsets, or source offsets when ``raw`` is set.
    ``args`` fill the rule's message (Vale's %s placeholders).
    ``unsafe_fix`` marks this hit's fix as needing a reader even when the
    rule's fixes are safe (it would change a name, say).
    """

    start: int
    end: int
    args: tuple = ()
    fix: str | None = None
    raw: bool = False
    unsafe_fix: bool = False


class Check:
    """Base of every check kind. A subclass declares ``FIELDS`` (its own
    keys) and implements :meth:`run`; options arrive validated in
    ``self.options``."""

    FIELDS: dict[str, Field] = {}
    # Kinds that honour accepted vocabulary (Vale: vocab on these only).
    SUPPORTS_VOCAB = False
    # Scopes the kind always runs on, whatever the rule says (Vale forces
    # metric/readability onto "summary").
    FORCED_SCOPE: str | None = None
    # Kinds that read the linguistic layer (spaCy); it loads only for them.
    NEEDS_NLP = False
    # Kinds that read the people model, whose entity recognizer runs best
    # over many documents at once (lint.people.recognize_names).
    NEEDS_NAMES = False
    # Kinds whose alerts give way to another rule's of the same category on
    # an overlapping span (a trained model behind the word lists).
    DEFERS = False

    def __init__(self, rule: "Rule", options: dict) -> None:
        self.rule = rule
        self.options = options

    def error(self, message: str, key: str | None = None) -> RuleError:
        return RuleError(message, self.rule.path, self.rule.line_of(key))

    def run(self, doc: Document) -> Iterator[Hit]:
        raise NotImplementedError

    def gives_fixes(self) -> bool:
        """Whether hits carry a fix of the kind's own (an ``action`` aside)."""
        return False

    # helpers shared by kinds

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        """Prose spans in the rule's scope, in document order."""
        yield from scope_spans(doc, self.rule.scope)

    def in_scope(self, doc: Document):
        """A test of whether a prose span lies in the rule's scope, for kinds
        that find spans themselves (the attribution kinds). They read
        spaCy's sentences, so ``sentence`` in a scope means the blocks that
        hold sentences, not syntok's sentences."""
        blocks = list(scope_spans(doc, tuple(s for s in self.rule.scope if s != "sentence")))
        starts = [start for start, _ in blocks]

        def contains(start: int, end: int) -> bool:
            i = bisect.bisect_right(starts, start) - 1
            return i >= 0 and end <= blocks[i][1]

        return contains

    def action_fix(self, match_text: str) -> str | None:
        """The replacement text an ``action`` asks for, if it gives one."""
        action = self.rule.action
        if not action:
            return None
        name = action.get("name")
        params = action.get("params") or []
        if name == "remove":
            return ""
        if name == "replace" and params:
            return str(params[0])
        if name == "convert":
            return CONVERSIONS[params[0]](match_text)
        if name == "edit":
            return _edit(match_text, [str(p) for p in params])
        return None


def _edit(text: str, params: list[str]) -> str | None:
    """Vale's edit action: the operation, then the match trimmed of
    surrounding space (as Vale does)."""
    op, args = params[0], params[1:]
    if op == "regex":
        import regex

        # Go's $1 and ${name} in a replacement are \g<1> and \g<name> here
        replacement = regex.sub(r"\$\{?(\w+)\}?", r"\\g<\1>", args[1].replace("\\", "\\\\"))
        text = regex.sub(args[0], replacement, text)
    elif op == "replace":
        text = text.replace(args[0], args[1])
    elif op == "remove":
        text = "".join(char for char in text if char not in args[0])
    elif op == "trim_right":
        text = text.rstrip(args[0])
    elif op == "trim_left":
        text = text.lstrip(args[0])
    elif op == "trim":
        text = text.strip(args[0])
    elif op == "truncate":
        text = text.split(args[0])[0]
    elif op == "split":
        parts = text.split(args[0])
        index = int(args[1])
        if index >= len(parts):
            return None
        text = parts[index]
    return text.strip()


def scope_spans(doc: Document, scopes: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    positive = {s for s in scopes if not s.startswith("~")}
    negative = {s[1:] for s in scopes if s.startswith("~")}
    if "summary" in positive:  # the whole body as one span
        body = [b for b in doc.blocks if b.kind != "frontmatter"]
        if body:
            yield body[0].start, body[-1].end
        return
    wanted = (positive - {"sentence"}) or {"text"}
    # the blocks of a scope, worked out once per document: most rules share a few scopes
    cached = doc.models.setdefault("scope-blocks", {})
    key = (frozenset(wanted), frozenset(negative))
    blocks = cached.get(key)
    if blocks is None:
        display = _display_starts(doc) if "heading" in positive | negative else frozenset()
        blocks = cached[key] = [
            (block.start, block.end)
            for block in doc.blocks
            if _block_in_scope(block, wanted, block.start in display)
            and not (negative and _block_in_scope(block, negative, block.start in display))
        ]
    if "sentence" not in positive:
        yield from blocks
        return
    starts = [start for start, _ in blocks]
    for start, end in doc.sentences:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and end <= blocks[i][1]:
            yield start, end


def _display_starts(doc: Document) -> frozenset[int]:
    """Where the blocks of display type begin that a plain-text draft marks
    by position, not markup (its first line, a byline): headings to a
    rule's scope, so that "~heading" spares a headline's "Says"."""
    from lint.people import display_zone

    return frozenset(start for start, _ in display_zone(doc))


def _block_in_scope(block, scopes: set[str], display: bool = False) -> bool:
    if block.kind == "frontmatter":
        return f"frontmatter.{block.name}" in scopes or f"text.frontmatter.{block.name}" in scopes
    if "text" in scopes:
        return True
    if block.kind in scopes or display and "heading" in scopes:
        return True
    if block.kind == "heading" and block.name and f"heading.{block.name}" in scopes:
        return True
    return "paragraph" in scopes and block.kind in ("paragraph", "list", "blockquote")


@dataclass(frozen=True)
class Rule:
    """A loaded, validated rule. ``id`` is ``<pack>.<file stem>``."""

    id: str
    pack: str
    path: str
    kind: str
    message: str
    description: str
    level: str
    scope: tuple[str, ...]
    link: str | None
    limit: int
    action: dict | None
    category: str
    explanation: str
    examples: dict
    quotes: str
    names: str
    fix_applicability: str = "unsafe"
    per_story: bool = False
    key_lines: dict = field(default_factory=dict, compare=False, repr=False)
    check: Check | None = field(default=None, compare=False, repr=False)

    def line_of(self, key: str | None) -> int | None:
        return self.key_lines.get(key, self.key_lines.get("", 1)) if key else self.key_lines.get("", 1)

    @property
    def fixable(self) -> bool:
        # the engine's own rule record (copydesk.unused-suppression) has no check
        gives = self.check is not None and self.check.gives_fixes()
        return gives or bool(self.action and self.action.get("name") in FIX_ACTIONS)


def _check_type(value, spec: Field, key: str, rule_id: str, path: str, line: int):
    def fail(expected: str):
        raise RuleError(
            f"rule {rule_id}: key '{key}' must be {expected}, not {type(value).__name__} {value!r}", path, line
        )

    t = spec.type
    if t == "str":
        if not isinstance(value, str):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            else:
                fail("a string")
    elif t == "bool":
        if not isinstance(value, bool):
            fail("true or false")
    elif t == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            fail("a whole number")
    elif t == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            fail("a number")
    elif t == "strlist":
        if isinstance(value, str):
            value = [value]  # Vale accepts one string for a list
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
            fail("a list of strings")
        value = [str(v) for v in value]
    elif t == "strmap":
        if not isinstance(value, dict):
            fail("a mapping")
        value = {str(k): ("" if v is None else str(v)) for k, v in value.items()}
    elif t == "map":
        if not isinstance(value, dict):
            fail("a mapping")
    if spec.choices and t == "strlist":
        unknown = [v for v in value if v not in spec.choices]
        if unknown:
            raise RuleError(
                f"rule {rule_id}: unknown value {unknown[0]!r} in '{key}' (known: {', '.join(spec.choices)})", path, line
            )
    elif spec.choices and value not in spec.choices:
        raise RuleError(
            f"rule {rule_id}: key '{key}' must be one of {', '.join(map(str, spec.choices))}, not {value!r}",
            path,
            line,
        )
    return value


def build_rule(data: Any, rule_id: str, pack: str, path: str) -> Rule:
    """Validate a parsed rule file and build its check."""
    if not isinstance(data, dict):
        raise RuleError(f"rule {rule_id}: a rule file must be a YAML mapping", path, 1)
    line_of = data.line_of if isinstance(data, SourceMap) else (lambda key: 1)
    kind = data.get("extends")
    if kind is None:
        raise RuleError(f"rule {rule_id}: missing required key 'extends'", path, line_of(None))
    if kind not in KINDS:
        raise RuleError(
            f"rule {rule_id}: unknown kind '{kind}' in 'extends' (known: {', '.join(KINDS)})", path, line_of("extends")
        )
    check_class = load_kind(kind)
    fields = {**SHARED_FIELDS, **check_class.FIELDS}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in fields:
            raise RuleError(f"unknown key '{key}' for rule {rule_id} (kind {kind})", path, line_of(key))
        values[key] = _check_type(value, fields[key], key, rule_id, path, line_of(key))
    for key, spec in fields.items():
        if key not in values:
            if spec.required:
                raise RuleError(f"rule {rule_id}: missing required key '{key}' (kind {kind})", path, line_of(None))
            values[key] = spec.default
    if values["limit"] < 0:
        raise RuleError(f"rule {rule_id}: 'limit' must be 0 (no limit) or more, not {values['limit']}", path, line_of("limit"))
    scope = tuple(_validate_scopes(values["scope"], rule_id, path, line_of("scope")))
    if check_class.FORCED_SCOPE:
        scope = (check_class.FORCED_SCOPE,)
    action = values["action"]
    if action is not None and action.get("name") not in ACTIONS:
        raise RuleError(
            f"rule {rule_id}: action name must be one of {', '.join(ACTIONS)}", path, line_of("action")
        )
    if action is not None and action["name"] == "convert" and (action.get("params") or [None])[0] not in CONVERSIONS:
        raise RuleError(
            f"rule {rule_id}: action convert needs params [simple] (Vale's), [lower] or [upper], not {action.get('params')!r}",
            path,
            line_of("action"),
        )
    if action is not None and action["name"] == "edit":
        _check_edit(action.get("params") or [], rule_id, path, line_of("action"))
    examples = _validate_examples(values["examples"], rule_id, path, line_of("examples"))
    key_lines = dict(getattr(data, "key_lines", {}))
    key_lines[""] = getattr(data, "line", 1) or 1
    rule = Rule(
        id=rule_id,
        pack=pack,
        path=path,
        kind=kind,
        message=values["message"],
        description=values["description"],
        level=values["level"],
        scope=scope,
        link=values["link"],
        limit=values["limit"],
        action=action,
        category=values["category"],
        explanation=values["explanation"],
        examples=examples,
        quotes=values["quotes"],
        names=values["names"],
        fix_applicability=values["fix-applicability"],
        per_story=values["per-story"],
        key_lines=key_lines,
    )
    options = {key: values[key] for key in check_class.FIELDS}
    object.__setattr__(rule, "check", check_class(rule, options))
    if "fix-applicability" in data and not rule.fixable:
        raise RuleError(
            f"rule {rule_id}: 'fix-applicability' is set but the rule gives no fix (add an action or drop the key)",
            path,
            line_of("fix-applicability"),
        )
    return rule


def _check_edit(params: list, rule_id: str, path: str, line: int) -> None:
    op = str(params[0]) if params else None
    if op not in EDIT_OPERATIONS:
        raise RuleError(f"rule {rule_id}: action edit needs an operation ({', '.join(EDIT_OPERATIONS)}), not {op!r}", path, line)
    if len(params) - 1 != EDIT_OPERATIONS[op]:
        raise RuleError(f"rule {rule_id}: action edit {op} takes {EDIT_OPERATIONS[op]} parameter(s), not {len(params) - 1}", path, line)
    if op == "split" and not str(params[2]).isdigit():
        raise RuleError(f"rule {rule_id}: action edit split needs an index, not {params[2]!r}", path, line)
    if op == "regex":
        from lint.patterns import compile_pattern

        try:
            compile_pattern(str(params[1]))
        except RuleError as error:
            raise RuleError(f"rule {rule_id}: action edit regex: {error.message}", path, line) from None


def load_kind(kind: str) -> type[Check]:
    module_name, _, class_name = KINDS[kind].partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def _validate_scopes(scopes: list[str], rule_id: str, path: str, line: int) -> list[str]:
    for scope in scopes:
        name = scope[1:] if scope.startswith("~") else scope
        if name in SCOPES or _HEADING_LEVEL.fullmatch(name) or _FRONTMATTER.fullmatch(name):
            continue
        raise RuleError(
            f"rule {rule_id}: unknown scope '{scope}' (known: {', '.join(SCOPES)}, heading.h1-h6, frontmatter.KEY)",
            path,
            line,
        )
    return scopes


def _validate_examples(examples, rule_id: str, path: str, line: int) -> dict:
    if examples is None:
        return {"flag": [], "pass": []}
    unknown = set(examples) - {"flag", "pass"}
    if unknown:
        raise RuleError(f"rule {rule_id}: unknown key '{sorted(unknown)[0]}' in examples (use flag and pass)", path, line)
    result = {}
    for key in ("flag", "pass"):
        items = examples.get(key) or []
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise RuleError(f"rule {rule_id}: examples.{key} must be a list of strings", path, line)
        result[key] = items
    return result
