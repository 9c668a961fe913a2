"""Applying fixes, as ruff and textlint do: pure, text in and text out.

A fix is applied whole (the alert's ``fix`` over its span and every one of
its ``extra_edits``) or not at all. Within a pass, fixes are taken in the
order of their alerts; one that overlaps a fix already taken waits for the
next pass, which lints the fixed text afresh. Passes repeat until nothing
changes, at most :data:`MAX_PASSES` times.

An edit may only touch prose: never a quotation (the speaker's words),
never code, markup or anything else the parser did not read as prose. The
one exception is a suppression comment, which the report of an unused
suppression removes.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lint.alert import Alert, Edit
from lint.document import Document

# As ruff's bound. Passes add up: a rule with a limit ("at most 3 per
# story") is fixed 3 alerts a pass, and a fix may uncover another (an
# honorific removed, then the bare surname judged again). A text still
# changing after this many has fixes that undo each other: a bug in a rule.
MAX_PASSES = 100


def edits_of(alert: Alert) -> tuple[Edit, ...]:
    """Every edit of an alert's fix, sorted by position."""
    if alert.fix is None:
        return ()
    return tuple(sorted((Edit(alert.start, alert.end, alert.fix), *alert.extra_edits), key=lambda e: (e.start, e.end)))


def is_applicable(alert: Alert, unsafe: bool) -> bool:
    """Whether ``--fix`` applies this alert's fix (``--unsafe-fixes``: ``unsafe``)."""
    return alert.fix is not None and (alert.fix_applicability == "safe" or unsafe)


class _Editable:
    """Where a document's source may be edited."""

    def __init__(self, doc: Document) -> None:
        self.prose = doc.prose_source_spans()
        self.prose_starts = [start for start, _ in self.prose]
        self.quotes = [doc.source_span(start, end) for start, end in doc.quotes]
        self.directives = {(d.start, d.end) for d in doc.directives}

    def allows(self, edit: Edit) -> bool:
        if (edit.start, edit.end) in self.directives:
            return True
        i = bisect.bisect_right(self.prose_starts, edit.start) - 1
        if i < 0 or edit.end > self.prose[i][1]:
            return False  # code, markup, or across a gap in the prose
        return not any(start < max(edit.end, edit.start + 1) and edit.start < end for start, end in self.quotes)


@dataclass
class Pass:
    """One pass: the text it started from, the alerts whose fixes it
    applied, and the text it made."""

    before: str
    applied: list[Alert]
    after: str


@dataclass
class FixResult:
    source: str  # the fixed text
    passes: list[Pass] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)  # the fixed text's alerts
    converged: bool = True  # False: still changing after MAX_PASSES

    @property
    def fixed(self) -> int:
        return sum(len(p.applied) for p in self.passes)


def choose(doc: Document, alerts: Iterable[Alert], unsafe: bool) -> tuple[list[Alert], list[Edit]]:
    """The alerts whose fixes one pass applies, and their edits: in alert
    order, each whole or not at all, none overlapping another (touching is
    overlapping too, so two insertions at one place never race)."""
    editable = _Editable(doc)
    chosen: list[Alert] = []
    taken: list[Edit] = []
    for alert in sorted(alerts, key=lambda a: a.sort_key):
        if not is_applicable(alert, unsafe):
            continue
        edits = edits_of(alert)
        if not all(editable.allows(edit) for edit in edits):
            continue
        if any(_clash(edit, other) for edit in edits for other in taken):
            continue
        if any(_clash(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]):
            continue  # a fix that contradicts itself
        chosen.append(alert)
        taken.extend(edits)
    return chosen, sorted(taken, key=lambda e: (e.start, e.end))


def _clash(a: Edit, b: Edit) -> bool:
    return a.start <= b.end and b.start <= a.end


def apply_edits(source: str, edits: list[Edit]) -> str:
    """``source`` with non-overlapping edits applied (sorted by position)."""
    pieces = []
    cursor = 0
    for edit in edits:
        pieces.append(source[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(source[cursor:])
    return "".join(pieces)


def fix(
    source: str,
    lint: Callable[[str], tuple[Document, list[Alert]]],
    unsafe: bool = False,
    first: tuple[Document, list[Alert]] | None = None,
) -> FixResult:
    """Apply fixes to ``source`` pass by pass until nothing changes.
    ``lint`` parses and lints a text (the CLI's rules and config);
    ``first`` is ``source``'s own parse and alerts when already known."""
    result = FixResult(source)
    doc, alerts = first or lint(source)
    for _ in range(MAX_PASSES):
        applied, edits = choose(doc, alerts, unsafe)
        if not applied:
            break
        after = apply_edits(result.source, _with_newlines(edits, newline_style(result.source)))
        if after == result.source:
            break  # fixes that change nothing (a replacement equal to its match)
        result.passes.append(Pass(result.source, applied, after))
        result.source = after
        doc, alerts = lint(after)
    else:
        result.converged = not choose(doc, alerts, unsafe)[0]
    result.alerts = alerts
    return result


def _with_newlines(edits: list[Edit], newline: str) -> list[Edit]:
    """Replacements written with the file's own line ending."""
    if newline == "\n":
        return edits
    return [Edit(e.start, e.end, e.replacement.replace("\r\n", "\n").replace("\n", newline)) for e in edits]


def newline_style(text: str) -> str:
    """The file's line ending: ``\\r\\n`` when most lines end so."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"
