"""``metric``: a formula over document counts, flagged when a condition holds.

Vale semantics: ``formula`` is arithmetic over the counts below, with
``math.sqrt`` and ``math.abs``; ``condition`` compares its value (``"> 10"``).
The counts describe the summary (the body text: paragraphs, list items and
quotations):

- words, sentences, syllables (textstat's count), characters (letters and
  digits in words)
- polysyllabic_words: words of three or more syllables
- complex_words: polysyllabic words still so without an -es, -ed or -ing
  ending
- long_words: words of more than six characters
- paragraphs: summary blocks; list: list items; blockquote: quoted
  blocks; pre: code blocks; heading.h1 … heading.h6 (or heading_h1 …):
  Markdown headings of each level

Formulas are parsed with :mod:`ast` and walked over a whitelist of nodes,
never evaluated as Python, so a rule file cannot run code. A formula that
does not parse or names an unknown count is an error when the rule loads.
"""

from __future__ import annotations

import ast
import bisect
import math
import operator

import regex

from lint.checks.shared import SUMMARY_KINDS, document_hit, summary_text
from lint.rule import Check, Field

VARIABLES = (
    "words",
    "sentences",
    "syllables",
    "characters",
    "complex_words",
    "long_words",
    "polysyllabic_words",
    "paragraphs",
    "pre",
    "list",
    "blockquote",
) + tuple(f"heading_h{level}" for level in range(1, 7))

_FUNCTIONS = {"sqrt": math.sqrt, "abs": abs}
_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Mod: operator.mod,
    ast.Pow: math.pow,  # real-valued: a negative base with a fractional power raises, never goes complex
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_COMPARE = {
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_HEADING = regex.compile(r"\bheading\.(h[1-6])\b")
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*")
_RESULT = "__result__"


class FormulaError(ValueError):
    pass


def parse_expression(source: str, names: tuple[str, ...]) -> ast.expr:
    """Parse arithmetic over ``names``; reject every other construct."""
    try:
        tree = ast.parse(_HEADING.sub(r"heading_\1", source.strip()), mode="eval")
        _validate(tree.body, names)
    except SyntaxError as exc:
        raise FormulaError(f"cannot parse {source!r}: {exc.msg}") from None
    except (RecursionError, MemoryError):
        raise FormulaError(f"formula too deeply nested to read ({len(source):,} characters)") from None
    return tree.body


def _validate(node: ast.AST, names: tuple[str, ...]) -> None:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise FormulaError(f"only numbers are allowed, not {node.value!r}")
    elif isinstance(node, ast.Name):
        if node.id not in names:
            raise FormulaError(f"unknown variable '{node.id}' (known: {', '.join(VARIABLES)})")
    elif isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        _validate(node.left, names)
        _validate(node.right, names)
    elif isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        _validate(node.operand, names)
    elif isinstance(node, ast.Call):
        func = node.func
        if not (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "math"
            and func.attr in _FUNCTIONS
            and len(node.args) == 1
            and not node.keywords
        ):
            raise FormulaError("the only functions are math.sqrt(x) and math.abs(x)")
        _validate(node.args[0], names)
    else:
        raise FormulaError(f"'{ast.unparse(node)}' is not arithmetic over document counts")


def evaluate(node: ast.expr, values: dict[str, float]) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](evaluate(node.left, values), evaluate(node.right, values))
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](evaluate(node.operand, values))
    return _FUNCTIONS[node.func.attr](evaluate(node.args[0], values))


def parse_condition(source: str) -> tuple[object, ast.expr]:
    """``"> 10"`` → (operator.gt, the expression 10)."""
    try:
        tree = ast.parse(f"{_RESULT} {source.strip()}", mode="eval")
    except SyntaxError:
        raise FormulaError(f"condition {source!r} is not a comparison such as '> 10'") from None
    body = tree.body
    if not (
        isinstance(body, ast.Compare)
        and isinstance(body.left, ast.Name)
        and body.left.id == _RESULT
        and len(body.ops) == 1
        and type(body.ops[0]) in _COMPARE
    ):
        raise FormulaError(f"condition {source!r} is not one comparison such as '> 10'")
    _validate(body.comparators[0], VARIABLES)
    return _COMPARE[type(body.ops[0])], body.comparators[0]


def _stem_syllables(word: str, syllables: int) -> int:
    """Syllables without an inflection, as the Gunning Fog index counts them."""
    return syllables - 1 if word.lower().endswith(("es", "ed", "ing")) else syllables


def document_counts(doc) -> dict[str, float]:
    import textstat

    text = summary_text(doc)
    words = _WORD.findall(text)
    syllables = [textstat.syllable_count(word) for word in words]
    summary_blocks = [b for b in doc.blocks if b.kind in SUMMARY_KINDS]
    block_starts = [b.start for b in summary_blocks]

    def in_summary(offset: int) -> bool:
        i = bisect.bisect_right(block_starts, offset) - 1
        return i >= 0 and offset < summary_blocks[i].end

    counts = {
        "words": len(words),
        "sentences": sum(1 for start, _ in doc.sentences if in_summary(start)),
        "syllables": sum(syllables),
        "characters": sum(sum(ch.isalnum() for ch in word) for word in words),
        "polysyllabic_words": sum(1 for n in syllables if n > 2),
        "complex_words": sum(1 for word, n in zip(words, syllables) if _stem_syllables(word, n) > 2),
        "long_words": sum(1 for word in words if len(word) > 6),
        "paragraphs": len(summary_blocks),
        "pre": doc.code_blocks,
        "list": sum(1 for b in doc.blocks if b.kind == "list"),
        "blockquote": sum(1 for b in doc.blocks if b.kind == "blockquote"),
    }
    for level in range(1, 7):
        counts[f"heading_h{level}"] = sum(1 for b in doc.blocks if b.kind == "heading" and b.name == f"h{level}")
    return {name: float(value) for name, value in counts.items()}


class Metric(Check):
    FIELDS = {
        "formula": Field("str", required=True),
        "condition": Field("str", required=True),
    }
    FORCED_SCOPE = "summary"

    def __init__(self, rule, options):
        super().__init__(rule, options)
        try:
            self.formula = parse_expression(options["formula"], VARIABLES)
        except FormulaError as exc:
            raise self.error(f"rule {rule.id}: bad formula: {exc}", "formula") from None
        try:
            self.compare, self.threshold = parse_condition(options["condition"])
        except FormulaError as exc:
            raise self.error(f"rule {rule.id}: bad condition: {exc}", "condition") from None

    def run(self, doc):
        values = document_counts(doc)
        if not values["words"]:
            return
        try:
            result = evaluate(self.formula, values)
            flagged = self.compare(result, evaluate(self.threshold, values))
        except (ZeroDivisionError, OverflowError, ValueError):
            # A value the formula cannot produce for this document (a
            # division by a zero count) is no finding about its prose.
            return
        if flagged:
            hit = document_hit(doc, (f"{result:.2f}",))
            if hit:
                yield hit
