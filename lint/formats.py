"""Output formats: one function per format, each reading the Alert record.

Each takes a :class:`Report` and returns the text to print.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from dataclasses import dataclass

import click

from lint.alert import SEVERITIES, Alert
from lint.errors import InputError

FORMAT_NAMES = ("text", "json", "github", "sarif", "gitlab", "junit")

_LEVEL_STYLES = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "suggestion": {"fg": "cyan", "bold": True},
}
_GITHUB_COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}
# The source shown under an alert: at most this many columns (with the
# 4-column indent, a 100-column terminal holds it on one row), cut around
# the match on a long line, as ruff and rustc show a snippet.
SNIPPET_WIDTH = 96
_ELLIPSIS = "\u2026"
# GitHub refuses a step summary over 1 MiB; the table stops short of it.
GITHUB_SUMMARY_BYTES = 900 * 1024


@dataclass(frozen=True)
class FileResult:
    """One linted file: its path as given, its text and its alerts."""

    path: str
    source: str
    alerts: list[Alert]


@dataclass(frozen=True)
class Report:
    files: list[FileResult]
    errors: list[InputError]  # files, rules or paragraphs that could not be checked, named on stderr

    def by_severity(self) -> dict[str, int]:
        counts = Counter(alert.severity for result in self.files for alert in result.alerts)
        return {level: counts[level] for level in reversed(SEVERITIES)}


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def format_text(report: Report, color: bool = False) -> str:
    """``path:line:col: level rule: message``, the source line (a window
    of it around the match when it is long) with the match underlined
    (and, in color, highlighted), and a summary line."""
    out = [format_text_file(result, color) for result in report.files if result.alerts]
    out.append(format_text_summary(report))
    return "\n".join(out)


def format_text_file(result: FileResult, color: bool = False) -> str:
    """One file's part of the text output (printed as soon as the file is
    linted); empty when it has no alert."""

    def style(text: str, **styles) -> str:
        return click.style(text, **styles) if color else text

    out: list[str] = []
    lines = result.source.split("\n")  # as Alert.line counts them
    for alert in result.alerts:
        level_style = _LEVEL_STYLES[alert.severity]
        out.append(
            f"{style(result.path, bold=True)}:{alert.line}:{alert.column}: "
            f"{style(alert.severity, **level_style)} {style(alert.rule, dim=True)}: {alert.message}"
        )
        before, match, after = _snippet(lines[alert.line - 1].rstrip("\r"), alert)
        out.append(f"    {before}{style(match, underline=True, **level_style) if match else ''}{after}")
        indent = "".join("\t" if char == "\t" else " " * _columns(char) for char in before)
        marks = "^" + "~" * (max(1, _width(match)) - 1)
        out.append(f"    {indent}{style(marks, **level_style)}")
    return "\n".join(out)


def format_text_summary(report: Report) -> str:
    """The text output's last line: alerts by severity, files, unreadable files."""
    counts = report.by_severity()
    summary = (
        f"{plural(sum(counts.values()), 'alert')} "
        f"({', '.join(plural(n, level) for level, n in counts.items())}) "
        f"in {plural(len(report.files), 'file')}"
    )
    if report.errors:
        summary += f"; {plural(len(report.errors), 'problem')} named on stderr"
    return summary


def _columns(char: str) -> int:
    """Terminal columns a character takes: two for wide East Asian
    characters, none for combining marks, else one."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _width(text: str) -> int:
    return sum(_columns(char) for char in text)


def _snippet(source_line: str, alert: Alert) -> tuple[str, str, str]:
    """The line around the alert cut to :data:`SNIPPET_WIDTH` columns
    (an ellipsis marks each cut) as (before, match, after); the match is
    clipped to its first line and to the window."""
    start = min(alert.column - 1, len(source_line))
    end = alert.end_column - 1 if alert.end_line == alert.line else len(source_line)
    end = max(start, min(end, len(source_line)))
    # columns[i]: the width of source_line[:i], so that any slice's width is
    # one subtraction (a paragraph is one long line: measuring each slice
    # afresh cost tens of milliseconds an alert)
    columns = list(itertools.accumulate(map(_columns, source_line), initial=0))

    def width(lo: int, hi: int) -> int:
        return columns[hi] - columns[lo]

    if columns[-1] <= SNIPPET_WIDTH:
        return source_line[:start], source_line[start:end], source_line[end:]
    room = SNIPPET_WIDTH - 2  # an ellipsis either side at most
    while width(start, end) > room // 2 and end - start > 1:
        end -= 1  # a match longer than half the window is cut
    match = source_line[start:end]
    # context: a third before the match, the rest after, as much as the line has
    budget = room - width(start, end)
    lo, hi = start, end
    want_before = budget // 3
    while lo > 0 and width(lo - 1, start) <= want_before:
        lo -= 1
    while hi < len(source_line) and width(lo, hi + 1) <= room:
        hi += 1
    while lo > 0 and width(lo - 1, hi) <= room:
        lo -= 1  # the line ended early: the room goes before the match
    before = (_ELLIPSIS if lo > 0 else "") + source_line[lo:start]
    after = source_line[end:hi] + (_ELLIPSIS if hi < len(source_line) else "")
    return before, match, after


def format_json(report: Report) -> str:
    import json

    document = {
        "version": 1,
        "files": [
            {"path": result.path, "alerts": [alert.to_dict() for alert in result.alerts]} for result in report.files
        ],
        "summary": {
            "files": len(report.files),
            "alerts": sum(len(result.alerts) for result in report.files),
            "by_severity": report.by_severity(),
            "errors": [{"path": error.path, "line": error.line, "message": error.message} for error in report.errors],
        },
    }
    return json.dumps(document, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per alert, and an
    error annotation per file that could not be linted."""
    out = []
    for error in report.errors:
        where = {"file": error.path, **({"line": error.line} if error.line else {})}
        joined = ",".join(f"{key}={_escape_property(str(value))}" for key, value in where.items())
        out.append(f"::error {joined}::{_escape_data(error.message)}")
    for result in report.files:
        for alert in result.alerts:
            properties = {
                "file": result.path,
                "line": alert.line,
                "col": alert.column,
                "endLine": alert.end_line,
                "endColumn": alert.end_column,
                "title": alert.rule,
            }
            joined = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
            out.append(f"::{_GITHUB_COMMANDS[alert.severity]} {joined}::{_escape_data(alert.message)}")
    if out:
        # GitHub shows ten annotations of each kind per step; the rest are
        # in the step summary's table (format_github_summary).
        out.append(f"copydesk: {format_text_summary(report)}; every alert is listed in the step summary")
    return "\n".join(out)


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("\\", "\\\\").replace("|", "\\|")


def format_github_summary(report: Report) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: a table of every alert, so
    none is lost beyond the annotations GitHub shows."""
    out = ["## copydesk", "", format_text_summary(report), ""]
    rows = [(result.path, alert) for result in report.files for alert in result.alerts]
    if rows:
        out += ["| file | line | level | rule | message |", "|---|---:|---|---|---|"]
        size = 0
        for shown, (path, alert) in enumerate(rows):
            row = f"| {_cell(path)} | {alert.line}:{alert.column} | {alert.severity} | `{_cell(alert.rule)}` | {_cell(alert.message)} |"
            size += len(row.encode("utf-8")) + 1
            if size > GITHUB_SUMMARY_BYTES:
                out += ["", f"{plural(len(rows) - shown, 'more alert')} not shown: GitHub keeps 1 MiB of a step's summary "
                        "(use --format sarif or json for all of them)."]
                break
            out.append(row)
    for error in report.errors:
        out.append(f"- could not lint {_cell(error.path)}: {_cell(error.message)}")
    return "\n".join(out) + "\n"


def format_statistics(report: Report) -> str:
    """Alerts per rule, most first, as ruff's ``--statistics``: count,
    rule, level, and how many carry a fix."""
    counts: Counter = Counter()
    fixable: Counter = Counter()
    levels: dict[str, str] = {}
    for result in report.files:
        for alert in result.alerts:
            counts[alert.rule] += 1
            fixable[alert.rule] += alert.fix is not None
            levels[alert.rule] = alert.severity
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    rule_width = max((len(rule) for rule, _ in rows), default=0)
    out = [
        f"{n:>{width}}  {rule:<{rule_width}}  {levels[rule]}" + (f" ({fixable[rule]} fixable)" if fixable[rule] else "")
        for rule, n in rows
    ]
    out.append(format_text_summary(report))
    return "\n".join(out)


# -- SARIF, GitLab code quality and JUnit ------------------------------------------

_SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}
_GITLAB_SEVERITIES = {"error": "major", "warning": "minor", "suggestion": "info"}


def _uri(path: str) -> str:
    from pathlib import Path
    from urllib.parse import quote

    posix = Path(path).as_posix()
    return Path(path).absolute().as_uri() if Path(path).is_absolute() else quote(posix)


def format_sarif(report: Report, version: str = "") -> str:
    """SARIF 2.1.0 for GitHub code scanning: one run, its rules, one
    result per alert with a fingerprint that survives lines moving and,
    when there is one, its fix."""
    import json

    from lint.baseline import fingerprint

    rule_ids = sorted({alert.rule for result in report.files for alert in result.alerts})
    rule_index = {rule: i for i, rule in enumerate(rule_ids)}
    links = {alert.rule: alert.link for result in report.files for alert in result.alerts if alert.link}
    rules = []
    for rule in rule_ids:
        entry = {"id": rule, "shortDescription": {"text": rule}}
        if rule in links:
            entry["helpUri"] = links[rule]
        rules.append(entry)
    results = []
    for result in report.files:
        location = {"uri": _uri(result.path)}
        for alert in result.alerts:
            region = {
                "startLine": alert.line,
                "startColumn": alert.column,
                "endLine": alert.end_line,
                "endColumn": alert.end_column,
                "charOffset": alert.start,
                "charLength": alert.end - alert.start,
            }
            entry = {
                "ruleId": alert.rule,
                "ruleIndex": rule_index[alert.rule],
                "level": _SARIF_LEVELS[alert.severity],
                "message": {"text": alert.message},
                "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
                "partialFingerprints": {"copydesk/v1": fingerprint(result.source, alert)},
            }
            if alert.fix is not None:
                from lint.fixer import edits_of

                entry["fixes"] = [
                    {
                        "description": {"text": f"{alert.fix_applicability} fix"},
                        "artifactChanges": [
                            {
                                "artifactLocation": location,
                                "replacements": [
                                    {
                                        "deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start},
                                        "insertedContent": {"text": edit.replacement},
                                    }
                                    for edit in edits_of(alert)
                                ],
                            }
                        ],
                    }
                ]
            results.append(entry)
    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            **({"locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(error.path)}}}]} if error.path else {}),
        }
        for error in report.errors
    ]
    run = {
        "tool": {
            "driver": {
                "name": "copydesk",
                "informationUri": "https://pypi.org/project/copydesk/",
                **({"version": version} if version else {}),
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}],
    }
    return json.dumps({"$schema": _SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False)


def format_gitlab(report: Report) -> str:
    """GitLab's code-quality report (a CodeClimate subset) for merge
    requests: one issue per alert, each with a fingerprint unique in the
    report that stays put when lines move."""
    import hashlib
    import json

    from lint.baseline import fingerprint

    issues = []
    seen: Counter = Counter()
    for result in report.files:
        for alert in result.alerts:
            base = f"{result.path}\0{fingerprint(result.source, alert)}"
            seen[base] += 1
            issues.append(
                {
                    "description": alert.message,
                    "check_name": alert.rule,
                    "fingerprint": hashlib.md5(f"{base}\0{seen[base]}".encode()).hexdigest(),
                    "severity": _GITLAB_SEVERITIES[alert.severity],
                    "location": {
                        "path": result.path,
                        "positions": {
                            "begin": {"line": alert.line, "column": alert.column},
                            "end": {"line": alert.end_line, "column": alert.end_column},
                        },
                    },
                }
            )
    return json.dumps(issues, indent=2, ensure_ascii=False)


def format_junit(report: Report) -> str:
    """JUnit XML, which most CI systems show: a suite per file, a failing
    test case per alert (a file with none passes one case), an error per
    file that could not be linted."""
    from xml.etree import ElementTree as ET

    total = sum(max(1, len(result.alerts)) for result in report.files) + len(report.errors)
    failures = sum(len(result.alerts) for result in report.files)
    root = ET.Element(
        "testsuites", name="copydesk", tests=str(total), failures=str(failures), errors=str(len(report.errors))
    )
    for result in report.files:
        suite = ET.SubElement(
            root, "testsuite", name=result.path, tests=str(max(1, len(result.alerts))), failures=str(len(result.alerts)), errors="0"
        )
        if not result.alerts:
            ET.SubElement(suite, "testcase", name="copydesk", classname=result.path)
        for alert in result.alerts:
            case = ET.SubElement(
                suite, "testcase", name=f"{alert.rule} at {alert.line}:{alert.column}", classname=result.path,
                file=result.path, line=str(alert.line),
            )
            failure = ET.SubElement(case, "failure", message=alert.message, type=alert.severity)
            failure.text = f"{result.path}:{alert.line}:{alert.column}: {alert.severity} {alert.rule}: {alert.message}"
    if report.errors:
        suite = ET.SubElement(root, "testsuite", name="unreadable files", tests=str(len(report.errors)), failures="0", errors=str(len(report.errors)))
        for error in report.errors:
            case = ET.SubElement(suite, "testcase", name="read", classname=error.path or "-")
            ET.SubElement(case, "error", message=error.message).text = str(error)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def format_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's fix, as ``--diff`` prints it."""
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
