"""The composite GitHub Action: action.yml's wiring, and its step
(``python -m lint.action``) run as a runner would run it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EVERY_RULE, write
from test_ci import git, needs_git, validate_sarif

from lint import action

REPO = Path(__file__).resolve().parent.parent


def test_action_yml_passes_every_input_to_the_step():
    spec = yaml.safe_load((REPO / "action.yml").read_text())
    assert spec["runs"]["using"] == "composite"
    step = spec["runs"]["steps"][-1]
    assert step["run"] == "python -m lint.action"
    passed = {name for name in step["env"]}
    wanted = {f"INPUT_{name.upper().replace('-', '_')}" for name in spec["inputs"] if name != "python-version"}
    assert passed == wanted
    for name, value in step["env"].items():
        assert value == "${{ inputs.%s }}" % name[len("INPUT_"):].lower().replace("_", "-")
    install = spec["runs"]["steps"][1]["run"]
    assert '"${{ github.action_path }}"' in install  # the copydesk of the action's own tag


@pytest.mark.parametrize(
    "env, expected",
    [
        ({}, [["copydesk", "check", "--format", "github", "."]]),
        (
            {"GITHUB_BASE_REF": "main", "INPUT_PATHS": "articles news", "INPUT_FAIL_ON": "error"},
            [["copydesk", "check", "--format", "github", "--diff-from", "origin/main", "--fail-on", "error", "articles", "news"]],
        ),
        ({"GITHUB_BASE_REF": "main", "INPUT_CHANGED_LINES": "all"}, [["copydesk", "check", "--format", "github", "."]]),
        (
            {"INPUT_CHANGED_LINES": "v1.0", "INPUT_BASELINE": "base.json", "INPUT_SARIF": "out.sarif"},
            [
                ["copydesk", "check", "--format", "github", "--diff-from", "v1.0", "--baseline", "base.json", "."],
                ["copydesk", "check", "--format", "sarif", "--exit-zero", "--output-file", "out.sarif",
                 "--diff-from", "v1.0", "--baseline", "base.json", "."],
            ],
        ),
    ],
)
def test_commands(env, expected):
    assert action.commands(env) == expected


@needs_git
def test_the_step_on_a_pull_request(project, capfd, tmp_path_factory):
    """A pull request's branch against its base: annotations and the step
    summary for its changed lines only, SARIF written, the check's status."""
    git(project, "init", "-q", "-b", "main")
    write(project / "old.txt", EVERY_RULE)
    git(project, "add", ".")
    git(project, "commit", "-qm", "archive")
    git(project, "update-ref", "refs/remotes/origin/main", "HEAD")  # as actions/checkout fetches the base
    git(project, "checkout", "-qb", "story")
    write(project / "new.txt", "It is clearly wrong.\n")
    summary = tmp_path_factory.mktemp("runner") / "summary.md"  # outside the workspace, as on a runner
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_ACTIONS": "true",
        "GITHUB_BASE_REF": "main",
        "GITHUB_STEP_SUMMARY": str(summary),
        "INPUT_SARIF": "copydesk.sarif",
    }
    assert action.main(env) == 1
    out = capfd.readouterr().out
    assert "::warning file=new.txt,line=1,col=7" in out
    assert "old.txt" not in out  # the archive is not what the pull request changed
    assert out.count("copydesk: 1 alert") == 1
    assert summary.read_text().count("| new.txt |") == 1
    sarif = json.loads((project / "copydesk.sarif").read_text())
    validate_sarif(sarif)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["house.hedge"]
