"""Inline suppression as a filter over alerts, with a report of the unused.

``<!-- copydesk-disable RULE -->`` … ``<!-- copydesk-enable RULE -->``,
``<!-- copydesk-disable-next-line RULE -->`` and
``<!-- copydesk-disable-file RULE -->``; RULE is a rule id or a pack, or
nothing for every rule, and a reason may follow ``--``. A directive that
suppressed nothing is reported, as ruff's RUF100 does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lint.alert import Alert
from lint.document import Directive, Document

UNUSED_RULE = "copydesk.unused-suppression"


@dataclass
class _Range:
    directive: Directive
    selector: str  # a rule id, a pack name, or "" for all rules
    first_line: int
    last_line: int | None  # None: to the end of the file
    used: bool = field(default=False)

    def covers(self, alert: Alert) -> bool:
        if self.selector and alert.rule != self.selector and not alert.rule.startswith(self.selector + "."):
            return False
        return alert.line >= self.first_line and (self.last_line is None or alert.line <= self.last_line)


def _ranges(doc: Document) -> list[_Range]:
    ranges: list[_Range] = []
    open_ranges: dict[str, _Range] = {}
    for d in doc.directives:
        selectors = d.rules or ("",)
        for selector in selectors:
            if d.action == "disable-file":
                ranges.append(_Range(d, selector, 1, None))
            elif d.action == "disable-next-line":
                ranges.append(_Range(d, selector, d.line + 1, d.line + 1))
            elif d.action == "disable":
                r = _Range(d, selector, d.line, None)
                open_ranges[selector] = r
                ranges.append(r)
            elif d.action == "enable":
                r = open_ranges.pop(selector, None)
                if r is not None:
                    r.last_line = d.line
    return ranges


def apply(doc: Document, alerts: list[Alert], enabled: set[str], known: set[str], report_unused: bool = True) -> list[Alert]:
    """Drop suppressed alerts; unless told not to, add one alert per
    directive that did nothing."""
    ranges = _ranges(doc)
    if not ranges:
        return alerts
    kept = []
    for alert in alerts:
        covering = [r for r in ranges if r.covers(alert)]
        for r in covering:
            r.used = True
        if not covering:
            kept.append(alert)
    if not report_unused:
        return kept
    packs = {rule_id.split(".", 1)[0] for rule_id in known}
    for r in ranges:
        if r.used:
            continue
        d = r.directive
        if r.selector and r.selector not in known and r.selector not in packs:
            why = f"unknown rule '{r.selector}'"
        elif r.selector and r.selector not in enabled and not any(e.startswith(r.selector + ".") for e in enabled):
            why = f"rule '{r.selector}' is not enabled"
        else:
            why = "it suppressed nothing"
        line, column = doc.position(d.start)
        end_line, end_column = doc.position(d.end)
        what = f"copydesk-{d.action}" + (f" {r.selector}" if r.selector else "")
        kept.append(
            Alert(
                rule=UNUSED_RULE,
                category="style",
                severity="warning",
                message=f"Unused suppression '{what}': {why}. Remove the comment.",
                match=doc.source[d.start : d.end],
                start=d.start,
                end=d.end,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                fix="",
            )
        )
    return kept
