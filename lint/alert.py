"""The one alert record that every output format reads."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("suggestion", "warning", "error")
# As ruff: a safe fix may be applied unread; an unsafe one needs a reader.
FIX_APPLICABILITIES = ("safe", "unsafe")


def severity_rank(level: str) -> int:
    return SEVERITIES.index(level)


@dataclass(frozen=True, slots=True)
class Edit:
    """One replacement in the file's text: ``start``/``end`` as in Alert."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Alert:
    """A finding, positioned in the original file's text.

    ``start``/``end`` are 0-based character offsets into the decoded file
    (end exclusive); ``line``/``column``/``end_line``/``end_column`` are
    1-based and point at the same characters (end exclusive).
    ``fix_applicability`` is "safe" or "unsafe" when there is a ``fix``,
    else None. ``fix`` replaces ``start:end``; ``extra_edits`` are further
    edits of the same fix, applied with it or not at all (an alert that
    speaks for every occurrence of a style choice fixes them all).
    """

    rule: str
    category: str
    severity: str
    message: str
    match: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    fix: str | None = None
    link: str | None = None
    fix_applicability: str | None = None
    extra_edits: tuple[Edit, ...] = ()

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule)
