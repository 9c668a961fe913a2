"""The pure kernel: text and rules in, alerts out.

Nothing here reads files, prints or exits; the CLI does that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

import regex

from lint import nlp, suppression
from lint.alert import Alert, Edit
from lint.document import Document, parse
from lint.errors import RuleError
from lint.patterns import Budget, MatchTimeout, compile_pattern, exception_pattern, rule_budget, spending
from lint.rule import Hit, Rule

_VERB = regex.compile(r"%(?:\[(\d+)\])?(?:\.(\d+))?([sdvqf%])")

TIMEOUT_RULE_MESSAGE = (
    "Rule {rule} stopped: its pattern {pattern!r} took too long on this file (catastrophic backtracking?)."
)
TIMEOUT_VOCABULARY_MESSAGE = (
    "The config's vocabulary pattern {pattern!r} took too long on rule {rule}'s match "
    "(catastrophic backtracking?); vocabulary is not applied to the rest of this file."
)


def format_message(template: str, args: Sequence) -> str:
    """Fill Vale's Go-style placeholders: %s, %d, %[2]s, %.2f and %%."""
    position = 0

    def fill(m: regex.Match) -> str:
        nonlocal position
        index, precision, verb = m.group(1), m.group(2), m.group(3)
        if verb == "%":
            return "%"
        if index:
            i = int(index) - 1
        else:
            i = position
            position += 1
        if i >= len(args):
            return ""
        value = args[i]
        if verb == "f" or precision is not None:
            try:
                return f"{float(value):.{int(precision or 6)}f}"
            except (TypeError, ValueError):
                return str(value)
        if verb == "q":
            return f'"{value}"'
        return str(value)

    return " ".join(_VERB.sub(fill, template).split())


def lint_text(
    text: str,
    rules: Sequence[Rule],
    path: str = "<text>",
    fmt: str | None = None,
    vocabulary: Iterable[str] = (),
    known_rules: Iterable[str] = (),
    unused_severity: str | None = "warning",
    pipeline: str = nlp.DEFAULT_PIPELINE,
    configured_rules: Iterable[Rule] = (),
) -> list[Alert]:
    """Parse ``text`` and lint it; see :func:`lint`."""
    return lint(parse(text, path, fmt), rules, vocabulary, known_rules, unused_severity, pipeline, configured_rules=configured_rules)


def needs_nlp(rules: Iterable[Rule]) -> bool:
    """Whether any of the rules reads the linguistic layer."""
    return any(rule.check.NEEDS_NLP for rule in rules)


def needs_names(rules: Iterable[Rule]) -> bool:
    """Whether any of the rules reads the people model."""
    return any(rule.check.NEEDS_NAMES for rule in rules)


def prepare_parse(doc: Document, rules: Iterable[Rule]) -> None:
    """Tell the parser what the rules read of each block's token vectors
    (the loaded-language model's scores), so that it keeps that and drops
    the vectors. A model that cannot load is left to its rule to report,
    and the vectors are kept."""
    from lint import subjectivity
    from lint.checks.loaded import Loaded

    paths = sorted({rule.check.model_path or "" for rule in rules if isinstance(rule.check, Loaded)})
    try:
        doc.vector_readers = [subjectivity.load(path or None).keep_scores for path in paths]
    except RuleError:
        doc.vector_readers = None


def lint(
    doc: Document,
    rules: Sequence[Rule],
    vocabulary: Iterable[str] = (),
    known_rules: Iterable[str] = (),
    unused_severity: str | None = "warning",
    pipeline: str = nlp.DEFAULT_PIPELINE,
    quiet_rules: Iterable[str] = (),
    configured_rules: Iterable[Rule] = (),
) -> list[Alert]:
    """Run ``rules`` over ``doc``; apply accepted vocabulary and inline
    suppressions; return alerts sorted by position.

    ``known_rules`` are every rule id that exists (enabled or not), so that
    a suppression naming a disabled rule is told apart from a typo.
    Suppressions that did nothing are reported at ``unused_severity``
    (None: not reported), except those that may only be idle because
    ``quiet_rules`` (turned off for this run by the command line) did not run. The spaCy ``pipeline`` parses the document first
    when a rule needs it and :func:`lint.nlp.parse_documents` has not.
    ``configured_rules`` are the rules the config built with its
    ``rule-options``, run or not: the personal-piece count reads a desk's
    first-person and editorializing rules even when their alerts are off.
    """
    if needs_nlp(rules):
        if doc.parses is None:
            prepare_parse(doc, rules)
        nlp.ensure_parsed(doc, pipeline)
    vocab = _Vocabulary(_vocabulary_pattern(tuple(vocabulary)), rule_budget(len(doc.prose)))
    doc.rules = {rule.id: rule for rule in (*configured_rules, *rules)}
    alerts: list[Alert] = []
    for rule in rules:
        alerts.extend(_run_rule(doc, rule, vocab))
    alerts = _defer_to_precise(_dedupe(alerts), rules)
    enabled = {r.id for r in rules}
    alerts = suppression.apply(doc, alerts, enabled, set(known_rules) | enabled, unused_severity, frozenset(quiet_rules))
    alerts = _per_story(alerts, {r.id for r in rules if r.per_story})
    return sorted(alerts, key=lambda a: a.sort_key)


def _per_story(alerts: list[Alert], per_story: set[str]) -> list[Alert]:
    """One alert per story for each ``per-story`` rule, after suppressions
    (a suppressed occurrence is not counted): at the first occurrence, with
    the count and every position in the message, and a fix whose
    ``extra_edits`` change every other occurrence. The fix is offered only
    when every occurrence has one (it is applied whole or not at all), and
    is safe only when each of them is."""
    if not per_story:
        return alerts
    grouped: dict[str, list[Alert]] = {}
    kept = []
    for alert in sorted(alerts, key=lambda a: a.sort_key):
        if alert.rule in per_story:
            grouped.setdefault(alert.rule, []).append(alert)
        else:
            kept.append(alert)
    for group in grouped.values():
        kept.append(_story_alert(group))
    return kept


def _story_alert(group: list[Alert]) -> Alert:
    first = group[0]
    if len(group) == 1:
        return first
    where = ", ".join(f"{a.line}:{a.column}" for a in group)
    message = f"{first.message} [{len(group)} times in this story, at {where}]"
    if any(a.fix is None for a in group):
        return replace(first, message=message, fix=None, fix_applicability=None, extra_edits=())
    unsafe = any(a.fix_applicability == "unsafe" for a in group)
    extra = tuple(Edit(a.start, a.end, a.fix) for a in group[1:])
    return replace(first, message=message, fix_applicability="unsafe" if unsafe else "safe", extra_edits=extra)


@lru_cache(maxsize=32)
def _vocabulary_pattern(terms: tuple[str, ...]):
    """Accepted vocabulary as one pattern, compiled once per
    run, not per file."""
    source = exception_pattern(list(terms))
    return compile_pattern(source) if source else None


class _Vocabulary:
    """The config's accepted terms, with one matching budget for the file."""

    def __init__(self, pattern, budget: Budget) -> None:
        self.pattern = pattern
        self.budget = budget

    def accepts(self, doc: Document, rule: Rule, alert: Alert, prose: str, alerts: list[Alert]) -> bool:
        """Whether the alert's text as prose (markup and line breaks
        read as the rule read them) holds an accepted term."""
        if self.pattern is None:
            return False
        try:
            with spending(self.budget):
                return self.pattern.search(prose) is not None
        except MatchTimeout:
            message = TIMEOUT_VOCABULARY_MESSAGE.format(pattern=self.pattern.pattern, rule=rule.id)
            alerts.append(_to_alert(doc, rule, Hit(alert.start, alert.end, raw=True), message, "error"))
            self.pattern = None
            return False


def _run_rule(doc: Document, rule: Rule, vocab: _Vocabulary) -> list[Alert]:
    check = rule.check
    honours_vocab = check.SUPPORTS_VOCAB and check.options.get("vocab", True)
    alerts: list[Alert] = []
    last_hit = 0
    try:
        with spending(rule_budget(len(doc.prose))):
            for hit in check.run(doc):
                if not hit.raw:
                    last_hit = doc.source_offset(hit.start)
                    if rule.quotes == "skip" and doc.in_quote(hit.start):
                        continue
                    if rule.names == "skip" and doc.capitalized_mid_sentence(hit.start):
                        continue
                    if doc.overlaps_ignored(hit.start, hit.end):
                        continue
                alert = _to_alert(doc, rule, hit)
                prose = _prose_of(doc, hit)
                if honours_vocab and vocab.accepts(doc, rule, alert, prose, alerts):
                    continue
                alerts.append(alert)
                if rule.limit and len(alerts) >= rule.limit:
                    break
    except MatchTimeout as stopped:
        # Point at where the runaway search began when it searched the prose.
        at = doc.source_offset(stopped.at) if stopped.text is doc.prose else last_hit
        where = Hit(at, min(at + 1, len(doc.source)), raw=True)
        message = TIMEOUT_RULE_MESSAGE.format(rule=rule.id, pattern=_shortened(stopped.pattern))
        alerts.append(_to_alert(doc, rule, where, message, "error"))
    return alerts


def _shortened(pattern: str, most: int = 80) -> str:
    return pattern if len(pattern) <= most else pattern[: most - 1] + "…"


def _prose_of(doc: Document, hit: Hit) -> str:
    return doc.source[hit.start : hit.end] if hit.raw else doc.prose[hit.start : hit.end]


def _to_alert(doc: Document, rule: Rule, hit: Hit, message: str | None = None, severity: str | None = None) -> Alert:
    """The alert for a hit; its ``match`` is always the source text at
    ``start:end`` (what a tool replacing the span would replace), even
    where the prose the rule read differs (a line break read as a space,
    markup or a comment inside the span)."""
    start, end = (hit.start, hit.end) if hit.raw else doc.source_span(hit.start, hit.end)
    end = min(max(end, start + 1), len(doc.source)) if doc.source else 0
    start = min(start, end)
    match = doc.source[start:end]
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Alert(
        rule=rule.id,
        category=rule.category,
        severity=severity or rule.level,
        message=message or format_message(rule.message, hit.args),
        match=match,
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=hit.fix,
        link=rule.link,
        fix_applicability=_fix_applicability(rule, hit),
    )


def _fix_applicability(rule: Rule, hit: Hit) -> str | None:
    if hit.fix is None:
        return None
    return "unsafe" if hit.unsafe_fix else rule.fix_applicability


def _defer_to_precise(alerts: list[Alert], rules: Sequence[Rule]) -> list[Alert]:
    """Drop an alert of a kind that defers (a trained model's) where another
    rule of its category already flags an overlapping span: one word, one
    alert, the precise rule's message."""
    deferring = {rule.id for rule in rules if rule.check.DEFERS}
    if not deferring:
        return alerts
    precise = [a for a in alerts if a.rule not in deferring]
    return [
        a for a in alerts
        if a.rule not in deferring
        or not any(p.category == a.category and p.start < a.end and a.start < p.end for p in precise)
    ]


def _dedupe(alerts: list[Alert]) -> list[Alert]:
    seen = set()
    unique = []
    for alert in alerts:
        key = (alert.rule, alert.start, alert.end)
        if key not in seen:
            seen.add(key)
            unique.append(alert)
    return unique
