"""The pure kernel: text and rules in, alerts out.

Nothing here reads files, prints or exits; the CLI does that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

from lint import nlp, suppression
from lint.alert import Alert
from lint.document import Document, parse
from lint.patterns import MatchTimeout, compile_pattern, exception_pattern
from lint.rule import Hit, Rule

_VERB = regex.compile(r"%(?:\[(\d+)\])?(?:\.(\d+))?([sdvqf%])")

TIMEOUT_RULE_MESSAGE = "Rule {rule} stopped: its pattern took too long on this file (catastrophic backtracking?)."


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
) -> list[Alert]:
    """Parse ``text`` and lint it; see :func:`lint`."""
    return lint(parse(text, path, fmt), rules, vocabulary, known_rules, unused_severity, pipeline)


def needs_nlp(rules: Iterable[Rule]) -> bool:
    """Whether any of the rules reads the linguistic layer."""
    return any(rule.check.NEEDS_NLP for rule in rules)


def needs_names(rules: Iterable[Rule]) -> bool:
    """Whether any of the rules reads the people model."""
    return any(rule.check.NEEDS_NAMES for rule in rules)


def lint(
    doc: Document,
    rules: Sequence[Rule],
    vocabulary: Iterable[str] = (),
    known_rules: Iterable[str] = (),
    unused_severity: str | None = "warning",
    pipeline: str = nlp.DEFAULT_PIPELINE,
    quiet_rules: Iterable[str] = (),
) -> list[Alert]:
    """Run ``rules`` over ``doc``; apply accepted vocabulary and inline
    suppressions; return alerts sorted by position.

    ``known_rules`` are every rule id that exists (enabled or not), so that
    a suppression naming a disabled rule is told apart from a typo.
    Suppressions that did nothing are reported at ``unused_severity``
    (None: not reported), except those that may only be idle because
    ``quiet_rules`` (turned off for this run by the command line) did not run. The spaCy ``pipeline`` parses the document first
    when a rule needs it and :func:`lint.nlp.parse_documents` has not.
    """
    if needs_nlp(rules):
        nlp.ensure_parsed(doc, pipeline)
    vocab = _vocabulary_pattern(tuple(vocabulary))
    alerts: list[Alert] = []
    for rule in rules:
        alerts.extend(_run_rule(doc, rule, vocab))
    alerts = _dedupe(alerts)
    enabled = {r.id for r in rules}
    alerts = suppression.apply(doc, alerts, enabled, set(known_rules) | enabled, unused_severity, frozenset(quiet_rules))
    return sorted(alerts, key=lambda a: a.sort_key)


@lru_cache(maxsize=32)
def _vocabulary_pattern(terms: tuple[str, ...]):
    """Accepted vocabulary as one pattern, compiled once per run, not per file."""
    source = exception_pattern(list(terms))
    return compile_pattern(source) if source else None


def _run_rule(doc: Document, rule: Rule, vocab) -> list[Alert]:
    check = rule.check
    honours_vocab = vocab is not None and check.SUPPORTS_VOCAB and check.options.get("vocab", True)
    alerts: list[Alert] = []
    try:
        for hit in check.run(doc):
            if not hit.raw:
                if rule.quotes == "skip" and doc.in_quote(hit.start):
                    continue
                if rule.names == "skip" and doc.capitalized_mid_sentence(hit.start):
                    continue
                if doc.overlaps_ignored(hit.start, hit.end):
                    continue
            alert = _to_alert(doc, rule, hit)
            if honours_vocab and vocab.search(alert.match):
                continue
            alerts.append(alert)
            if rule.limit and len(alerts) >= rule.limit:
                break
    except MatchTimeout:
        alerts.append(_to_alert(doc, rule, Hit(0, 1, raw=True), TIMEOUT_RULE_MESSAGE.format(rule=rule.id), "error"))
    return alerts


def _to_alert(doc: Document, rule: Rule, hit: Hit, message: str | None = None, severity: str | None = None) -> Alert:
    if hit.raw:
        start, end = hit.start, hit.end
        match = doc.source[start:end]
    else:
        start, end = doc.source_span(hit.start, hit.end)
        match = doc.prose[hit.start : hit.end]
    end = min(max(end, start + 1), len(doc.source)) if doc.source else 0
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


def _dedupe(alerts: list[Alert]) -> list[Alert]:
    seen = set()
    unique = []
    for alert in alerts:
        key = (alert.rule, alert.start, alert.end)
        if key not in seen:
            seen.add(key)
            unique.append(alert)
    return unique
