"""Inline suppression as a filter over alerts, with a report of the unused.

``<!-- copydesk-disable RULE -->`` … ``<!-- copydesk-enable RULE -->``
(from the end of one comment to the start of the other, so both may stand
on one line; a bare enable ends every open range),
``<!-- copydesk-disable-next-line RULE -->`` and
``<!-- copydesk-disable-file RULE -->``. RULE is a rule id or a pack, or
nothing for every rule, and a reason may follow ``--``. A directive that
did nothing is reported as ``copydesk.unused-suppression``, as ruff's
RUF100 does; that report can itself be suppressed by naming it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lint.alert import Alert
from lint.document import Directive, Document
from lint.rule import Rule

UNUSED_RULE = "copydesk.unused-suppression"
ENGINE_PACK = "copydesk"
# the rule a vocabulary's reject.txt makes (lint.config); its pack is the engine's
REJECTED_RULE = "copydesk.rejected-term"


@dataclass
class _Range:
    directive: Directive
    selector: str  # a rule id, a pack name, or "" for all rules
    start: int  # source offsets; a next-line range covers one line instead
    end: int | None  # None: to the end of the file
    line: int | None = None
    used: bool = field(default=False)

    def names(self, rule: str) -> bool:
        return not self.selector or rule == self.selector or rule.startswith(self.selector + ".")

    def covers(self, alert: Alert) -> bool:
        if not self.names(alert.rule):
            return False
        if self.line is not None:
            return alert.line == self.line
        return alert.start >= self.start and (self.end is None or alert.start < self.end)


def _ranges(doc: Document) -> tuple[list[_Range], list[tuple[Directive, str]]]:
    """The suppressed ranges, and each enable that ended nothing."""
    ranges: list[_Range] = []
    stray_enables: list[tuple[Directive, str]] = []
    open_ranges: dict[str, _Range] = {}
    for d in doc.directives:
        for selector in d.rules or ("",):
            if d.action == "disable-file":
                ranges.append(_Range(d, selector, 0, None))
            elif d.action == "disable-next-line":
                ranges.append(_Range(d, selector, d.end, None, line=d.line + 1))
            elif d.action == "disable":
                open_ranges[selector] = _Range(d, selector, d.end, None)
                ranges.append(open_ranges[selector])
            else:  # enable
                closing = list(open_ranges) if not selector else [selector] if selector in open_ranges else []
                for name in closing:
                    open_ranges.pop(name).end = d.start
                if not closing:
                    stray_enables.append((d, selector))
    return ranges, stray_enables


def apply(
    doc: Document,
    alerts: list[Alert],
    enabled: set[str],
    known: set[str],
    unused_severity: str | None = "warning",
    quiet: frozenset[str] = frozenset(),
) -> list[Alert]:
    """Drop suppressed alerts; unless ``unused_severity`` is None, add an
    alert of that severity for each directive that did nothing — but not
    for one that names a rule in ``quiet`` (off for this run only) or, when
    some rule is quiet, names no rule: it may be idle only for this run."""
    ranges, stray_enables = _ranges(doc)
    if not ranges and not stray_enables:
        return alerts
    kept = _filter(alerts, ranges)
    if unused_severity is None:
        return kept
    # A directive naming the report itself (not a bare one) silences it;
    # a bare disable-file must not hide that it did nothing.
    explicit = [r for r in ranges if r.selector in (UNUSED_RULE, ENGINE_PACK)]
    packs = {rule_id.split(".", 1)[0] for rule_id in known}
    reports = []
    for r in ranges:
        if r.used or r in explicit or r.directive.vale:
            continue
        if quiet and (not r.selector or any(r.names(rule) for rule in quiet)):
            continue
        if r.selector and r.selector not in known and r.selector not in packs:
            why = f"unknown rule '{r.selector}'"
        elif r.selector and r.selector not in enabled and not any(e.startswith(r.selector + ".") for e in enabled):
            why = f"rule '{r.selector}' is not enabled"
        else:
            why = "it suppressed nothing"
        reports.append(_report(doc, r.directive, r.selector, why, unused_severity))
    for d, selector in stray_enables:
        if d.vale:
            continue
        reports.append(_report(doc, d, selector, "no disable comment is open before it", unused_severity))
    return kept + _filter(reports, explicit)


def _filter(alerts: list[Alert], ranges: list[_Range]) -> list[Alert]:
    # A next-line range covers one line: look those up by line, so that a
    # draft with thousands of comments costs no more than one with a few.
    by_line: dict[int, list[_Range]] = {}
    spanning = []
    for r in ranges:
        if r.line is not None:
            by_line.setdefault(r.line, []).append(r)
        else:
            spanning.append(r)
    kept = []
    for alert in alerts:
        covering = [r for r in (*by_line.get(alert.line, ()), *spanning) if r.covers(alert)]
        for r in covering:
            r.used = True
        if not covering:
            kept.append(alert)
    return kept


def _report(doc: Document, d: Directive, selector: str, why: str, severity: str) -> Alert:
    line, column = doc.position(d.start)
    end_line, end_column = doc.position(d.end)
    what = f"copydesk-{d.action}" + (f" {selector}" if selector else "")
    return Alert(
        rule=UNUSED_RULE,
        category="style",
        severity=severity,
        message=f"Unused suppression '{what}': {why}. Remove the comment.",
        match=doc.source[d.start : d.end],
        start=d.start,
        end=d.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix="",
        fix_applicability=UNUSED_RULE_RECORD.fix_applicability,
    )


# The report's own rule record, so that it is listed, explained, selected,
# ignored and given a severity like a rule of a pack.
UNUSED_RULE_RECORD = Rule(
    id=UNUSED_RULE,
    pack=ENGINE_PACK,
    path="(built into copydesk)",
    kind="suppression",
    message="Unused suppression '<directive>': <why>. Remove the comment.",
    description="A copydesk-disable comment that suppressed nothing.",
    level="warning",
    scope=("text",),
    link=None,
    limit=0,
    action={"name": "remove"},  # each report's fix removes the comment
    category="style",
    explanation=(
        "A suppression comment that suppresses nothing is noise at best, and at worst "
        "hides a typo in a rule id or a rule that was turned off. Remove it, or correct "
        "the rule it names. Silence these reports with "
        "<!-- copydesk-disable-file copydesk.unused-suppression --> or by ignoring the rule."
    ),
    examples={"flag": [], "pass": []},
    quotes="include",
    names="include",
)
