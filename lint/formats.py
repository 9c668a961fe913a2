"""Output formats: one function per format, each reading the Alert record.

Each takes a :class:`Report` and returns the text to print.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import click

from lint.alert import SEVERITIES, Alert
from lint.errors import InputError

FORMAT_NAMES = ("text", "json", "github")

_LEVEL_STYLES = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "suggestion": {"fg": "cyan", "bold": True},
}
_GITHUB_COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


@dataclass(frozen=True)
class FileResult:
    """One linted file: its path as given, its text and its alerts."""

    path: str
    source: str
    alerts: list[Alert]


@dataclass(frozen=True)
class Report:
    files: list[FileResult]
    errors: list[InputError]  # files that could not be read

    def by_severity(self) -> dict[str, int]:
        counts = Counter(alert.severity for result in self.files for alert in result.alerts)
        return {level: counts[level] for level in reversed(SEVERITIES)}


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def format_text(report: Report, color: bool = False) -> str:
    """``path:line:col: level rule: message``, the source line with the
    span underlined, and a summary line."""
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
        level = style(alert.severity, **_LEVEL_STYLES[alert.severity])
        out.append(
            f"{style(result.path, bold=True)}:{alert.line}:{alert.column}: "
            f"{level} {style(alert.rule, dim=True)}: {alert.message}"
        )
        source_line = lines[alert.line - 1].rstrip("\r")
        out.append(f"    {source_line}")
        indent, marks = _underline(source_line, alert)
        out.append(f"    {indent}{style(marks, **_LEVEL_STYLES[alert.severity])}")
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
        summary += f"; {plural(len(report.errors), 'file')} could not be read"
    return summary


def _underline(source_line: str, alert: Alert) -> tuple[str, str]:
    """The indent and the ``^~~~`` marks under the alert's span, clipped
    to its first line; tabs are kept so the marks line up under tabbed text."""
    start = alert.column - 1
    end = alert.end_column - 1 if alert.end_line == alert.line else len(source_line)
    width = max(1, min(end, len(source_line)) - start)
    indent = "".join("\t" if char == "\t" else " " for char in source_line[:start])
    return indent, "^" + "~" * (width - 1)


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
    return "\n".join(out)
