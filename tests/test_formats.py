"""The output formats, fed hand-made alerts so every field is known."""

from __future__ import annotations

import json

import click
import pytest

from lint.alert import Alert
from lint.errors import InputError
from lint.formats import FileResult, Report, format_github, format_json, format_text


def alert(source: str, match: str, rule="house.hedge", severity="warning", message="Avoid it.", **extra) -> Alert:
    """An alert on the first ``match`` in ``source``, positioned as the engine would."""
    start = source.index(match)
    end = start + len(match)

    def position(offset):
        line_start = source.rfind("\n", 0, offset) + 1
        return source.count("\n", 0, offset) + 1, offset - line_start + 1

    (line, column), (end_line, end_column) = position(start), position(end)
    return Alert(rule, "style", severity, message, match, start, end, line, column, end_line, end_column, **extra)


SOURCE = "Headline\n\nIt is clearly wrong!! We utilize it.\n"
ALERTS = [
    alert(SOURCE, "clearly", message="'clearly' editorializes."),
    alert(SOURCE, "!!", rule="house.shout", severity="error", message="Too loud."),
    alert(SOURCE, "utilize", rule="house.utilize", severity="suggestion", message="Use 'use'.", fix="use"),
]


def report(*files: FileResult, errors=()) -> Report:
    return Report(list(files), list(errors))


# -- text --------------------------------------------------------------------------


def test_text():
    output = format_text(report(FileResult("news/story.md", SOURCE, ALERTS), FileResult("clean.md", "Fine.\n", [])))
    assert output == (
        "news/story.md:3:7: warning house.hedge: 'clearly' editorializes.\n"
        "    It is clearly wrong!! We utilize it.\n"
        "          ^~~~~~~\n"
        "news/story.md:3:20: error house.shout: Too loud.\n"
        "    It is clearly wrong!! We utilize it.\n"
        "                       ^~\n"
        "news/story.md:3:26: suggestion house.utilize: Use 'use'.\n"
        "    It is clearly wrong!! We utilize it.\n"
        "                             ^~~~~~~\n"
        "3 alerts (1 error, 1 warning, 1 suggestion) in 2 files"
    )


def test_text_summary_counts_unreadable_files():
    output = format_text(report(errors=[InputError("cannot read: binary file", "a.bin")]))
    assert output == "0 alerts (0 errors, 0 warnings, 0 suggestions) in 0 files; 1 problem named on stderr"


@pytest.mark.parametrize(
    "source, match, excerpt, underline",
    [
        # a span running onto the next line is underlined to the end of its first
        ("Say it clearly\nagain.\n", "clearly\nagain", "Say it clearly", "       ^~~~~~~"),
        # a CRLF line is shown without its \r
        ("One.\r\nIt is clearly so.\r\n", "clearly", "It is clearly so.", "      ^~~~~~~"),
        # tabs are kept so the marks sit under the text
        ("\tIt is\tclearly so.\n", "clearly", "\tIt is\tclearly so.", "\t     \t^~~~~~~"),
        # a span on the line break itself still gets one mark
        ("It is.\nNext.\n", "\n", "It is.", "      ^"),
        # non-ASCII counts one column per character
        ("Café — clearly.\n", "clearly", "Café — clearly.", "       ^~~~~~~"),
    ],
)
def test_text_underline(source, match, excerpt, underline):
    lines = format_text(report(FileResult("a.txt", source, [alert(source, match)]))).split("\n")
    assert lines[1:3] == [f"    {excerpt}", f"    {underline}"]


def test_text_color():
    source = "It is clearly wrong.\n"
    output = format_text(report(FileResult("a.txt", source, [alert(source, "clearly", severity="error")])), color=True)
    first, excerpt, underline, _ = output.split("\n")
    assert first == (
        f"{click.style('a.txt', bold=True)}:1:7: {click.style('error', fg='red', bold=True)} "
        f"{click.style('house.hedge', dim=True)}: Avoid it."
    )
    assert excerpt == "    It is " + click.style("clearly", underline=True, fg="red", bold=True) + " wrong."  # the match highlighted
    assert underline == "          " + click.style("^~~~~~~", fg="red", bold=True)
    assert click.unstyle(output) == format_text(report(FileResult("a.txt", source, [alert(source, "clearly", severity="error")])))


# -- json --------------------------------------------------------------------------


def test_json():
    document = json.loads(
        format_json(
            report(
                FileResult("news/story.md", SOURCE, ALERTS[:1]),
                FileResult("clean.md", "Fine.\n", []),
                errors=[InputError("cannot read: not UTF-8 (byte 0xe9 at offset 3)", "latin1.txt")],
            )
        )
    )
    assert document == {
        "version": 1,
        "files": [
            {
                "path": "news/story.md",
                "alerts": [
                    {
                        "rule": "house.hedge",
                        "category": "style",
                        "severity": "warning",
                        "message": "'clearly' editorializes.",
                        "match": "clearly",
                        "line": 3,
                        "column": 7,
                        "end_line": 3,
                        "end_column": 14,
                        "start": 16,
                        "end": 23,
                        "fix": None,
                        "link": None,
                        "fix_applicability": None,
                        "extra_edits": [],
                    }
                ],
            },
            {"path": "clean.md", "alerts": []},
        ],
        "summary": {
            "files": 2,
            "alerts": 1,
            "by_severity": {"error": 0, "warning": 1, "suggestion": 0},
            "errors": [{"path": "latin1.txt", "line": None, "message": "cannot read: not UTF-8 (byte 0xe9 at offset 3)"}],
        },
    }


def test_json_keeps_fix_link_and_non_ascii():
    source = "Le café — clearly.\n"
    found = alert(source, "clearly", fix="", link="https://example.org/r?a=1&b=2", fix_applicability="safe")
    (entry,) = json.loads(format_json(report(FileResult("a.txt", source, [found]))))["files"][0]["alerts"]
    assert (entry["fix"], entry["fix_applicability"], entry["link"], entry["start"], entry["column"]) == (
        "",
        "safe",
        "https://example.org/r?a=1&b=2",
        10,
        11,
    )


# -- github -------------------------------------------------------------------------


def test_github():
    output = format_github(report(FileResult("news/story.md", SOURCE, ALERTS)))
    assert output.split("\n") == [
        "::warning file=news/story.md,line=3,col=7,endLine=3,endColumn=14,title=house.hedge::'clearly' editorializes.",
        "::error file=news/story.md,line=3,col=20,endLine=3,endColumn=22,title=house.shout::Too loud.",
        "::notice file=news/story.md,line=3,col=26,endLine=3,endColumn=33,title=house.utilize::Use 'use'.",
        "copydesk: 3 alerts (1 error, 1 warning, 1 suggestion) in 1 file; every alert is listed in the step summary",
    ]


def test_github_escaping():
    source = "It is clearly wrong.\n"
    message = "100% sure,\r\nsays: 'clearly'"
    found = alert(source, "clearly", message=message)
    output = format_github(report(FileResult("desk: a,b%.txt", source, [found])))
    assert output.split("\n")[0] == (
        "::warning file=desk%3A a%2Cb%25.txt,line=1,col=7,endLine=1,endColumn=14,title=house.hedge"
        "::100%25 sure,%0D%0Asays: 'clearly'"
    )


def test_github_without_alerts_prints_nothing():
    assert format_github(report(FileResult("a.txt", "Fine.\n", []))) == ""
