"""The command line, driven in-process on real files in tmp_path."""

from __future__ import annotations

import json

import pytest
from conftest import EVERY_RULE, rules_hit, run, run_json, write, write_packs

import lint
from lint import cli
from lint.rule import KINDS

HEDGED = "It is clearly wrong.\n"

# -- exit status -------------------------------------------------------------


def test_clean_file_exits_0(project):
    write(project / "story.txt", "The council met on Monday.\n")
    result = run("check", "story.txt")
    assert result.exit_code == 0
    assert result.stdout == "0 alerts (0 errors, 0 warnings, 0 suggestions) in 1 file\n"


def test_warning_fails_by_default(project):
    write(project / "story.txt", HEDGED)
    result = run("check", "story.txt")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "story.txt:1:7: warning house.hedge: 'clearly' editorializes."


def test_suggestion_alone_passes_by_default(project):
    write(project / "story.txt", "We utilize it.\n")
    result = run("check", "story.txt")
    assert result.exit_code == 0
    assert "suggestion house.utilize: Use 'use' instead of 'utilize'." in result.stdout


@pytest.mark.parametrize(
    "config_fail_on, args, text, code",
    [
        (None, ["--fail-on", "suggestion"], "We utilize it.\n", 1),
        (None, ["--fail-on", "error"], HEDGED, 0),
        (None, ["--fail-on", "error"], "Wrong!!\n", 1),
        ("error", [], HEDGED, 0),
        ("suggestion", [], "We utilize it.\n", 1),
        ("error", ["--fail-on", "warning"], HEDGED, 1),  # the flag beats the config
        (None, ["--exit-zero"], "Wrong!!\n", 0),
    ],
)
def test_fail_on_and_exit_zero(project, config_fail_on, args, text, code):
    if config_fail_on:
        write(project / ".copydesk.yaml", f"rule-dirs: [styles]\npacks: [house, desk]\nfail-on: {config_fail_on}\n")
    write(project / "story.txt", text)
    result = run("check", *args, "story.txt")
    assert result.exit_code == code
    assert "1 alert " in result.stdout  # the alert is reported either way


# -- choosing rules ----------------------------------------------------------


@pytest.mark.parametrize(
    "args, expected",
    [
        ([], ["house.hedge", "house.shout", "house.utilize", "desk.cliche"]),
        (["--select", "house"], ["house.hedge", "house.shout", "house.utilize"]),
        (["--select", "house.hedge,desk"], ["house.hedge", "desk.cliche"]),
        (["--select", "house.hedge", "--select", "desk.cliche"], ["house.hedge", "desk.cliche"]),
        (["--ignore", "house"], ["desk.cliche"]),
        (["--ignore", "house.shout, desk"], ["house.hedge", "house.utilize"]),
        # the more specific selector wins
        (["--select", "house", "--ignore", "house.hedge"], ["house.shout", "house.utilize"]),
        (["--ignore", "house", "--select", "house.hedge"], ["house.hedge"]),
    ],
)
def test_select_and_ignore_on_the_command_line(project, args, expected):
    write(project / "story.txt", EVERY_RULE)
    _, report = run_json(*args, "story.txt")
    assert rules_hit(report) == [expected]


@pytest.mark.parametrize(
    "config, args, expected",
    [
        ("packs: [desk]", [], ["desk.cliche"]),
        ("packs: [house, desk]\nselect: [desk]", [], ["desk.cliche"]),
        ("packs: [house]\nselect: [desk]", [], ["desk.cliche"]),  # select reaches beyond packs
        ("packs: [house]\nselect: [desk]", ["--select", "house.hedge"], ["house.hedge"]),  # the flag replaces it
        ("packs: [house, desk]\nignore: [house.shout]", ["--ignore", "desk"], ["house.hedge", "house.utilize"]),
        ("packs: [house]\nignore: [house]\nselect: [house.utilize]", [], ["house.utilize"]),
    ],
)
def test_select_and_ignore_in_config(project, config, args, expected):
    write(project / ".copydesk.yaml", f"rule-dirs: [styles]\n{config}\n")
    write(project / "story.txt", EVERY_RULE)
    _, report = run_json(*args, "story.txt")
    assert rules_hit(report) == [expected]


def test_severity_overrides(project):
    write(
        project / ".copydesk.yaml",
        """\
        rule-dirs: [styles]
        packs: [house, desk]
        severity:
          house: error
          house.utilize: warning
          desk.cliche: suggestion
        """,
    )
    write(project / "story.txt", EVERY_RULE)
    _, report = run_json("story.txt")
    severities = {alert["rule"]: alert["severity"] for alert in report["files"][0]["alerts"]}
    assert severities == {
        "house.hedge": "error",
        "house.shout": "error",
        "house.utilize": "warning",
        "desk.cliche": "suggestion",
    }
    assert report["summary"]["by_severity"] == {"error": 2, "warning": 1, "suggestion": 1}


def test_severity_override_changes_the_exit_status(project):
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\nseverity: {house.hedge: suggestion}\n")
    write(project / "story.txt", HEDGED)
    assert run("check", "story.txt").exit_code == 0


def test_per_path_overrides(project):
    write(
        project / ".copydesk.yaml",
        """\
        rule-dirs: [styles]
        packs: [house]
        per-path:
          - paths: ["briefs/*"]
            ignore: [house.hedge]
          - paths: ["*.md"]
            severity: {house.hedge: error}
          - paths: [opinion]
            select: [desk]
        """,
    )
    text = "It is clearly wrong at the end of the day.\n"
    for name in ("plain.txt", "briefs/brief.txt", "story.md", "opinion/column.txt"):
        write(project / name, text)
    _, report = run_json("plain.txt", "briefs/brief.txt", "story.md", "opinion/column.txt")
    found = [[(a["rule"], a["severity"]) for a in f["alerts"]] for f in report["files"]]
    assert found == [
        [("house.hedge", "warning")],
        [],
        [("house.hedge", "error")],
        [("desk.cliche", "error")],
    ]


UNUSED = "<!-- copydesk-disable-next-line house.hedge -->\nIt is wrong.\n"


@pytest.mark.parametrize(
    "config, args, reported",
    [
        ("", [], True),
        ("", ["--ignore", "copydesk.unused-suppression"], False),
        ("ignore: [copydesk]\n", [], False),
        ("select: [house]\n", [], False),  # like any rule, off when a select leaves it out
        ("select: [house, copydesk.unused-suppression]\n", [], True),
    ],
)
def test_unused_suppression_reports_are_a_rule_of_their_own(project, config, args, reported):
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house, desk]\n" + config)
    write(project / "story.md", UNUSED)
    result, report = run_json(*args, "story.md")
    assert rules_hit(report) == ([["copydesk.unused-suppression"]] if reported else [[]])


def test_the_engine_pack_name_is_reserved(project):
    write(project / "mine/copydesk/x.yml", "extends: existence\nmessage: x\ntokens: [x]\n")
    write(project / ".copydesk.yaml", "rule-dirs: [mine]\n")
    result = run("check", "-", input="text")
    assert result.exit_code == 2
    assert "pack name 'copydesk' is reserved" in result.stderr


@pytest.mark.parametrize(
    "config, args, expected",
    [
        # the command line overrides the config: a rule selected by id comes back
        ("ignore: [house.hedge]\n", ["--select", "house.hedge"], ["house.hedge"]),
        ("ignore: [house]\n", ["--select", "house"], ["house.hedge", "house.shout", "house.utilize"]),
        # but selecting a pack does not undo an ignore of one of its rules by id
        ("ignore: [house.hedge]\n", ["--select", "house"], ["house.shout", "house.utilize"]),
        # within one layer the more specific wins
        ("select: [house.hedge]\nignore: [house]\n", [], ["house.hedge"]),
    ],
)
def test_command_line_overrides_config_ignores(project, config, args, expected):
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house, desk]\n" + config)
    write(project / "story.txt", EVERY_RULE)
    result, report = run_json(*args, "story.txt")
    assert sorted(set(rules_hit(report)[0])) == expected


def test_a_bad_vocabulary_regex_is_a_config_error(project):
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\nvocabulary:\n  - NATO\n  - '[bad'\n")
    write(project / "a.txt", "x\n")
    write(project / "b.txt", "y\n")
    result = run("check", "a.txt", "b.txt")
    assert result.exit_code == 2
    assert result.stderr.count("bad regular expression") == 1
    assert result.stderr.startswith(f"{project / '.copydesk.yaml'}:3: vocabulary: bad regular expression '[bad'")


def test_vocabulary_is_never_flagged(project):
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\nvocabulary: [clearly]\n")
    write(project / "story.txt", "It is clearly, arguably wrong.\n")
    _, report = run_json("story.txt")
    assert [a["match"] for a in report["files"][0]["alerts"]] == ["arguably"]


# -- config and rule errors --------------------------------------------------


@pytest.mark.parametrize(
    "config, message",
    [
        ("packs: [house]\nselct: [house]\n", ":3: unknown option 'selct' in config (did you mean 'select'?)"),
        ("packs: [house]\nignore: [house.nope]\n", ":3: unknown rule 'house.nope' in 'ignore' (did you mean 'house.shout'?)"),
        ("packs: [house]\nselect: [house.hedge, newsroom.nope]\n", ":3: unknown rule 'newsroom.nope' in 'select' (did you mean 'newsroom'?)"),
        ("packs: [house]\nseverity: {hous: error}\n", ":3: unknown pack 'hous' in 'severity' (did you mean 'house'?)"),
        ("packs: [house]\nper-path:\n  - paths: ['*']\n    ignore: [house.x]\n", ":5: unknown rule 'house.x' in 'per-path ignore' (did you mean 'house'?)"),
        ("packs: [house]\nfail-on: fatal\n", ":3: 'fail-on' must be one of suggestion, warning, error, not 'fatal'"),
        ("packs: house\n", ":2: 'packs' must be a list of strings, not 'house'"),
    ],
)
def test_config_errors_name_file_and_line(project, config, message):
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\n" + config)
    write(project / "story.txt", HEDGED)
    result = run("check", "story.txt")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"{project / '.copydesk.yaml'}{message}\n"


def test_unknown_rule_on_the_command_line(project):
    write(project / "story.txt", HEDGED)
    result = run("check", "--ignore", "house.hegde", "story.txt")
    assert result.exit_code == 2
    assert result.stderr == "unknown rule 'house.hegde' in '--ignore' (did you mean 'house.hedge'?)\n"


def test_missing_rule_dir(project):
    write(project / ".copydesk.yaml", "packs: [house]\nrule-dirs: [nowhere]\n")
    write(project / "story.txt", HEDGED)
    result = run("check", "story.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{project / '.copydesk.yaml'}:2: rule-dirs: rule directory does not exist: ")


def test_broken_rule_file_names_its_line(project):
    write(project / "styles/house/broken.yml", "extends: existence\nmessage: x\ntokens: [a]\nlevle: error\n")
    write(project / "story.txt", HEDGED)
    result = run("check", "story.txt")
    assert result.exit_code == 2
    assert result.stderr == f"{project / 'styles/house/broken.yml'}:4: unknown key 'levle' for rule house.broken (kind existence)\n"


def test_broken_rule_does_not_take_its_pack_down(project):
    """Reported with file:line; the pack's other rules still run; exit 2 at the end."""
    write(project / "styles/house/broken.yml", "extends: existence\nmessage: x\ntokens: [a]\nlevle: error\n")
    write(project / "story.txt", HEDGED)
    result = run("check", "--format", "json", "story.txt")
    assert result.exit_code == 2
    assert rules_hit(json.loads(result.stdout)) == [["house.hedge"]]
    assert f"{project / 'styles/house/broken.yml'}:4: unknown key 'levle'" in result.stderr


def test_broken_rule_in_a_disabled_pack_is_not_loaded(project):
    write(project / "styles/desk/broken.yml", "extends: existence\nlevle: error\n")
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\n")
    write(project / "story.txt", HEDGED)
    result = run("check", "story.txt")
    assert result.exit_code == 1
    # not silently off: a one-line notice names the pack nothing enables
    assert result.stderr == f"notice: pack 'desk' in {project / 'styles/desk'} is not enabled; add it to 'packs' in {project / '.copydesk.yaml'} to run it\n"
    # rules and explain load what check loads: the broken disabled pack only with --all
    listing = run("rules")
    assert listing.exit_code == 0 and "house.hedge" in listing.stdout and " desk " not in listing.stdout
    assert run("explain", "house.hedge").exit_code == 0
    every = run("rules", "--all")
    assert every.exit_code == 2 and "broken.yml:2: unknown key 'levle'" in every.stderr and "desk.cliche" in every.stdout


def test_explain_the_engines_own_rule():
    result = run("explain", "copydesk.unused-suppression")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("copydesk.unused-suppression\n") and "fixable:  yes (unsafe)" in result.stdout


def test_ignore_on_the_command_line_does_not_make_suppressions_unused(project):
    write(project / "story.md", "<!-- copydesk-disable-next-line house.hedge -->\nIt is clearly wrong.\n\n<!-- copydesk-disable-next-line -->\nIt is clearly wrong.\n")
    assert run("check", "story.md").exit_code == 0
    for args in (["--ignore", "house"], ["--ignore", "house.hedge"], ["--select", "desk"]):
        result = run("check", *args, "story.md")
        assert result.exit_code == 0, (args, result.stdout)
        assert "unused-suppression" not in result.stdout
    # a suppression of a rule the config itself turns off is still reported
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house, desk]\nignore: [house.hedge]\n")
    assert "rule 'house.hedge' is not enabled" in run("check", "story.md").stdout


def test_usage_errors_exit_2(project):
    assert run("check", "--format", "xml", "x.txt").exit_code == 2
    assert run("check", "--config", "missing.yaml", "x.txt").exit_code == 2


# -- inputs --------------------------------------------------------------------


def test_stdin(project):
    result, report = run_json("-", input=HEDGED)
    assert result.exit_code == 1
    assert report["files"][0]["path"] == "-"
    assert rules_hit(report) == [["house.hedge"]]


def test_stdin_filename_picks_format_and_per_path_config(project):
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\nper-path: [{paths: ['*.md'], severity: {house: error}}]\n")
    text = "# Draft\n\nThe code `clearly()` runs.\n\nIt is clearly wrong.\n"
    _, report = run_json("--stdin-filename", "story.md", "-", input=text)
    (file,) = report["files"]
    assert file["path"] == "story.md"
    # read as Markdown: the inline code is not prose
    assert [(a["line"], a["severity"]) for a in file["alerts"]] == [(5, "error")]


def test_directory_recursion_with_include_and_exclude(project):
    for name in (
        "a.md",
        "b.txt",
        "c.py",
        "sub/d.markdown",
        "sub/drafts/e.md",
        "drafts/f.md",
        ".hidden/g.md",
        "node_modules/h.md",
        "tmp-notes.txt",
    ):
        write(project / "site" / name, "Fine.\n")
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\nexclude: [drafts, 'site/tmp-*']\n")
    _, report = run_json("site")
    assert [f["path"] for f in report["files"]] == ["site/a.md", "site/b.txt", "site/sub/d.markdown"]

    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\ninclude: ['*.md']\n")
    _, report = run_json("site")
    assert [f["path"] for f in report["files"]] == ["site/a.md", "site/drafts/f.md", "site/sub/drafts/e.md"]


def test_a_file_named_twice_is_linted_once(project):
    write(project / "a.txt", HEDGED)
    _, report = run_json("a.txt", ".", "./a.txt")
    assert [f["path"] for f in report["files"]] == ["a.txt"]


def test_empty_directory_warns(project):
    (project / "empty").mkdir()
    result = run("check", "empty")
    assert result.exit_code == 0
    assert result.stderr == "warning: no files to lint in empty (see include/exclude)\n"


def test_unreadable_files_are_named_and_the_rest_still_linted(project):
    write(project / "good.txt", HEDGED)
    write(project / "binary.txt", b"GIF\x00\x01")
    write(project / "latin1.txt", "Café\n".encode("latin-1"))
    write(project / "bom-latin1.txt", b"\xef\xbb\xbfCaf\xe9\n")
    result, report = run_json("missing.txt", "binary.txt", "good.txt", "latin1.txt", "bom-latin1.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "missing.txt: cannot read: No such file or directory",
        "binary.txt: cannot read: binary file (NUL byte at offset 3)",
        "latin1.txt: cannot read: not UTF-8 (byte 0xe9 at offset 3)",
        "bom-latin1.txt: cannot read: not UTF-8 (byte 0xe9 at offset 6)",
    ]
    assert rules_hit(report) == [["house.hedge"]]
    assert report["summary"]["files"] == 1
    assert [e["path"] for e in report["summary"]["errors"]] == ["missing.txt", "binary.txt", "latin1.txt", "bom-latin1.txt"]


def test_bad_front_matter_names_file_and_line_and_the_rest_still_linted(project):
    write(project / "bad.md", "---\ntitle: ok\nbyline: a: b\n---\nText.\n")
    write(project / "good.txt", HEDGED)
    result, report = run_json("bad.md", "good.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("bad.md:3: front matter: invalid YAML")
    assert rules_hit(report) == [["house.hedge"]]


def test_input_errors_carry_their_line_in_json_and_github(project):
    write(project / "bad.md", "---\ntitle: ok\nbyline: a: b\n---\nText.\n")
    _, report = run_json("bad.md")
    assert [(e["path"], e["line"]) for e in report["summary"]["errors"]] == [("bad.md", 3)]
    result = run("check", "--format", "github", "bad.md")
    assert result.stdout.startswith("::error file=bad.md,line=3::front matter: invalid YAML")


def test_force_exclude_applies_exclude_to_named_files(project):
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\nexclude: [archive]\n")
    write(project / "archive/old.txt", HEDGED)
    assert run("check", "archive/old.txt").exit_code == 1
    result = run("check", "--force-exclude", "archive/old.txt")
    assert result.exit_code == 0
    assert "0 alerts" in result.stdout


def test_an_internal_error_exits_2_not_1(project, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(cli, "lint", broken)
    write(project / "story.txt", HEDGED)
    result = run("check", "story.txt")
    assert result.exit_code == 2
    assert "story.txt: internal error while linting: ZeroDivisionError: boom" in result.stderr


def test_exit_zero_does_not_hide_read_errors(project):
    result = run("check", "--exit-zero", "missing.txt")
    assert result.exit_code == 2
    assert "0 alerts (0 errors, 0 warnings, 0 suggestions) in 0 files; 1 problem named on stderr" in result.stdout


# -- positions in the JSON output --------------------------------------------------


@pytest.mark.parametrize(
    "name, content, start, line, column",
    [
        ("crlf.txt", b"Line one.\r\nIt is clearly wrong.\r\n", 17, 2, 7),
        ("accents.txt", "Café owners — clearly upset.\n".encode(), 14, 1, 15),
        ("bom.txt", b"\xef\xbb\xbfIt is clearly wrong.\n", 6, 1, 7),
        ("front.md", b"---\ntitle: Budget\n---\n\nIt is clearly wrong.\n", 29, 5, 7),
    ],
)
def test_exact_positions(project, name, content, start, line, column):
    write(project / name, content)
    _, report = run_json(name)
    (alert,) = report["files"][0]["alerts"]
    assert (alert["start"], alert["end"]) == (start, start + len("clearly"))
    assert (alert["line"], alert["column"], alert["end_line"], alert["end_column"]) == (line, column, line, column + 7)
    assert alert["match"] == "clearly"


# -- output formats chosen by the CLI ------------------------------------------------


def test_github_format_is_picked_under_actions(project):
    write(project / "story.txt", HEDGED)
    result = run("check", "story.txt", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": None})
    assert result.stdout == (
        "::warning file=story.txt,line=1,col=7,endLine=1,endColumn=14,title=house.hedge::'clearly' editorializes.\n"
        "copydesk: 1 alert (0 errors, 1 warning, 0 suggestions) in 1 file; every alert is listed in the step summary\n"
    )
    result = run("check", "--format", "text", "story.txt", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("story.txt:1:7: warning")


def test_color_flags(project):
    write(project / "story.txt", HEDGED)
    assert "\x1b[" in run("check", "--color", "story.txt").stdout
    assert "\x1b[" not in run("check", "--no-color", "story.txt").stdout
    assert "\x1b[" not in run("check", "story.txt").stdout  # not a terminal


@pytest.mark.parametrize("no_color, tty, expected", [("", True, True), ("1", True, False), ("", False, False)])
def test_terminal_color_respects_no_color(monkeypatch, no_color, tty, expected):
    class Stream:
        def isatty(self):
            return tty

    monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setattr(cli.sys, "stdout", Stream())
    assert cli._terminal_wants_color() is expected


# -- rules, explain, test-rules, version ------------------------------------------------


def test_rules_table(project):
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\nseverity: {house.utilize: error}\n")
    result = run("rules")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "ID                           KIND          CATEGORY    LEVEL    PACK      STATUS",
        "copydesk.unused-suppression  suppression   style       warning  copydesk  enabled",
        "house.hedge                  existence     style       warning  house     enabled",
        "house.shout                  existence     typography  error    house     enabled",
        "house.utilize                substitution  style       error    house     enabled",
    ]


def test_rules_all_as_json(project):
    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\nignore: [house.shout]\n")
    result = run("rules", "--all", "--format", "json")
    listing = {row["id"]: row for row in json.loads(result.stdout)}
    ours = {rule_id: row["enabled"] for rule_id, row in listing.items() if row["pack"] in ("house", "desk")}
    assert ours == {"house.hedge": True, "house.shout": False, "house.utilize": True, "desk.cliche": False}
    assert listing["desk.cliche"] == {
        "id": "desk.cliche",
        "kind": "existence",
        "category": "cliche",
        "level": "error",
        "pack": "desk",
        "enabled": False,
    }
    assert listing["copydesk.unused-suppression"]["enabled"] is True
    assert not any(row["enabled"] for row in listing.values() if row["pack"] not in ("house", "desk", "copydesk"))


def test_explain(project):
    result = run("explain", "house.hedge")
    assert result.exit_code == 0
    assert result.stdout == (
        "house.hedge\n"
        "  kind:     existence\n"
        "  category: style\n"
        "  level:    warning\n"
        "  fixable:  no\n"
        "  message:  '%s' editorializes.\n"
        "  link:     https://example.org/hedge\n"
        f"  file:     {project / 'styles/house/hedge.yml'}\n"
        "\n"
        "Let the facts show it.\n"
        "\n"
        "Flagged:\n"
        "  It is clearly wrong.\n"
        "\n"
        "Passes:\n"
        "  It is wrong.\n"
    )


@pytest.mark.parametrize("name, hint", [("house.hedg", "house.hedge"), ("utilise", "house.utilize")])
def test_explain_unknown_rule_suggests(project, name, hint):
    result = run("explain", name)
    assert result.exit_code == 2
    assert result.stderr == f"unknown rule '{name}' (did you mean '{hint}'?)\n"


def test_test_rules_passes_good_examples(tmp_path):
    pack = write_packs(tmp_path / "styles")
    result = run("test-rules", pack)
    assert result.exit_code == 0
    assert result.stdout == "4 rules, 2 examples: 0 failures\n"


def test_test_rules_reports_broken_examples(tmp_path):
    pack = tmp_path / "house"
    write(pack / "hedge.yml", HEDGE_WITH_BAD_EXAMPLES)
    result = run("test-rules", pack)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{pack / 'hedge.yml'}:5: house.hedge: flag example not flagged: 'It is wrong.'",
        f"{pack / 'hedge.yml'}:5: house.hedge: pass example flagged at 'clearly': 'It is clearly wrong.'",
        "1 rule, 3 examples: 2 failures",
    ]


HEDGE_WITH_BAD_EXAMPLES = """\
extends: existence
message: "'%s' editorializes."
tokens: [clearly]
level: warning
examples:
  flag: [It is clearly so., It is wrong.]
  pass: [It is clearly wrong.]
"""


def test_test_rules_skips_hidden_files_and_keeps_testing_after_a_bad_rule(tmp_path):
    pack = tmp_path / "house"
    write(pack / ".copydesk.yaml", "packs: [house]\n")
    write(pack / "bad.yml", "extends: nonsense\nmessage: x\n")
    write(pack / "hedge.yml", 'extends: existence\nmessage: x\ntokens: [clearly]\nexamples:\n  flag: [It is clearly so.]\n  pass: [It is so.]\n')
    result = run("test-rules", pack)
    assert result.exit_code == 2
    assert ".copydesk" not in result.output
    assert result.stdout == "1 rule, 2 examples: 0 failures, 1 rule not loaded\n"


def test_test_rules_load_error_exits_2(tmp_path):
    pack = tmp_path / "house"
    write(pack / "bad.yml", "extends: nonsense\nmessage: x\n")
    result = run("test-rules", pack)
    assert result.exit_code == 2
    assert result.stderr == f"{pack / 'bad.yml'}:1: rule house.bad: unknown kind 'nonsense' in 'extends' (known: {', '.join(KINDS)})\n"


@pytest.mark.parametrize("args", [[], ["--tense", "says"], ["--courtesy-titles"], ["--tense", "says", "--courtesy-titles", "--us", "US"]])
def test_init_writes_a_config_that_loads(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    assert run("init", *args).exit_code == 0
    text = (tmp_path / ".copydesk.yaml").read_text()
    assert ("\n  newsroom.present-tense-attribution: {tense: past, fix: present}\n" in text) == ("says" in args)
    assert ("\n  newsroom.honorific: {honorifics: courtesy}" in text) == ("--courtesy-titles" in args)
    assert run("init", *args).exit_code == 2  # never overwritten unasked
    assert run("init", "--force").exit_code == 0


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"copydesk {lint.__version__}\n"


def test_people_rules_read_names_recognized_for_the_whole_batch(tmp_path, monkeypatch):
    """The CLI runs the entity recognizer once over a batch of drafts; each
    draft's people model reads its own names from it."""
    write(tmp_path / ".copydesk.yaml", "select: [newsroom.first-reference, newsroom.ambiguous-reference]\n")
    write(tmp_path / "a.md", "Laura Kim joined the talks on Friday. Kim said little.\n")
    write(tmp_path / "b.md", "Laura Smith, a senator, and Dan Smith, a mayor, spoke. Smith left early.\n")
    monkeypatch.chdir(tmp_path)
    _, report = run_json("a.md", "b.md")
    found = {f["path"]: [(a["rule"], a["match"]) for a in f["alerts"]] for f in report["files"]}
    assert found == {
        "a.md": [("newsroom.first-reference", "Laura Kim")],
        "b.md": [("newsroom.ambiguous-reference", "Smith")],
    }
