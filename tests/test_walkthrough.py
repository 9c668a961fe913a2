"""A new user's walk through copydesk in an article repository (a temp
git repo): init, check, fix, changed lines against a branch, a baseline
for the archive, SARIF validated against the schema, the GitHub step
summary, and pre-commit configured with the README's snippet as written
(only the repository URL points at a local release tagged as the README
says). The steps run in order and share the repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run
from test_ci import git, validate_sarif

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

STORY = "# Bridge\n\nThe council said the plan isn't ready.\n"
ARCHIVE = "# Budget\n\nExperts agree that the budget is doomed.\n"


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    root = tmp_path_factory.mktemp("newsroom")
    work = root / "articles-repo"
    work.mkdir()
    previous = os.getcwd()
    os.chdir(work)
    saved = {name: os.environ.pop(name, None) for name in ("GITHUB_ACTIONS", "NO_COLOR", "GITHUB_STEP_SUMMARY")}
    yield work
    os.chdir(previous)
    os.environ.update({name: value for name, value in saved.items() if value is not None})


def test_1_init_writes_a_config_that_excludes_the_readme(newsroom):
    git(newsroom, "init", "-q", "-b", "main")
    result = run("init", "--tense", "said", "--no-courtesy-titles")
    assert result.exit_code == 0, result.output
    assert "exclude: [README*" in (newsroom / ".copydesk.yaml").read_text()
    (newsroom / "README.md").write_text("# Our articles\n\nWe think these are clearly the best stories.\n")
    (newsroom / "archive").mkdir()
    (newsroom / "archive/budget.md").write_text(ARCHIVE)
    git(newsroom, "add", ".")
    git(newsroom, "commit", "-qm", "the archive")


def test_2_baseline_records_the_archive(newsroom):
    assert run("check", "archive").exit_code == 1  # the archive has its old alerts
    result = run("baseline", "archive")
    assert result.exit_code == 0, result.output
    assert run("check", "--baseline", ".copydesk-baseline.json").exit_code == 0
    git(newsroom, "add", ".copydesk-baseline.json")
    git(newsroom, "commit", "-qm", "baseline")


def test_3_check_with_no_path_checks_the_folder_but_not_the_readme(newsroom):
    git(newsroom, "checkout", "-qb", "bridge-story")
    (newsroom / "bridge.md").write_text(STORY)
    result = run("check", "--format", "json", "--baseline", ".copydesk-baseline.json")
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == ["bridge.md", "archive/budget.md"]  # README.md excluded
    assert [a["rule"] for a in report["files"][0]["alerts"]] == ["newsroom.contraction"]
    assert report["files"][1]["alerts"] == []  # the archive's alerts are in the baseline


def test_4_fix_applies_safe_fixes_and_a_second_fix_changes_nothing(newsroom):
    assert run("check", "--diff", "bridge.md").stdout.splitlines()[-1] == "+The council said the plan is not ready."
    assert (newsroom / "bridge.md").read_text() == STORY  # --diff wrote nothing
    result = run("check", "--fix", "bridge.md")
    assert result.exit_code == 0, result.output
    fixed = (newsroom / "bridge.md").read_text()
    assert fixed == STORY.replace("isn't", "is not")
    run("check", "--fix", "bridge.md")
    assert (newsroom / "bridge.md").read_text() == fixed


def test_5_changed_lines_against_the_branch_point(newsroom):
    with open(newsroom / "archive/budget.md", "a") as handle:
        handle.write("\nAnalysts say the cuts are shameful.\n")
    result = run("check", "--format", "json", "--diff-from", "main")
    lines = {f["path"]: sorted({a["line"] for a in f["alerts"]}) for f in json.loads(result.stdout)["files"]}
    assert lines["archive/budget.md"] == [5]  # the new line only; line 3's old alert is not the branch's
    assert result.exit_code == 1


def test_6_sarif_validates_against_the_official_schema(newsroom):
    result = run("check", "--format", "sarif", "--output-file", "copydesk.sarif", "--diff-from", "main", "archive")
    document = json.loads((newsroom / "copydesk.sarif").read_text())
    validate_sarif(document)
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in document["runs"][0]["results"]} == {5}
    assert result.exit_code == 1
    (newsroom / "copydesk.sarif").unlink()


def test_7_github_format_writes_the_step_summary(newsroom, tmp_path):
    summary = tmp_path / "step-summary.md"
    result = run("check", "archive", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.stdout.startswith("::warning file=archive/budget.md,line=3")
    assert result.stdout.splitlines()[-1].startswith("copydesk: ")
    table = [line for line in summary.read_text().splitlines() if line.startswith("| archive/budget.md |")]
    assert len(table) == result.stdout.count("::") // 2 >= 2


def _readme_snippet() -> str:
    found = re.search(r"`\.pre-commit-config\.yaml` in an article repository:\n\n```yaml\n(.*?)```", README, re.S)
    assert found, "the README's pre-commit snippet"
    return found.group(1)


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    """copydesk as the README's snippet names it: a git repository with
    the tag the snippet's rev gives, made from this working tree."""
    rev = re.search(r"rev: (\S+)", _readme_snippet()).group(1)
    copy = tmp_path_factory.mktemp("release") / "copydesk"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("lint", "rules"):
        shutil.copytree(REPO / folder, copy / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "action.yml"):
        shutil.copy2(REPO / name, copy / name)
    git(copy, "init", "-q")
    git(copy, "add", ".")
    git(copy, "commit", "-qm", "release")
    git(copy, "tag", rev)
    return copy


def test_8_pre_commit_with_the_readme_snippet(newsroom, release):
    snippet = _readme_snippet()
    url = re.search(r"repo: (\S+)", snippet).group(1)
    (newsroom / ".pre-commit-config.yaml").write_text(snippet.replace(url, str(release)))
    env = {**os.environ, "PRE_COMMIT_HOME": str(newsroom.parent / ".pre-commit-cache"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    git(newsroom, "add", ".")
    git(newsroom, "commit", "-qm", "bridge story")  # pre-commit not installed yet
    (newsroom / "notes.py").write_text("# experts agree\n")
    (newsroom / "README.md").write_text("# Our articles\n\nExperts agree these are clearly the best.\n")
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=newsroom, env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    git_env = {**env, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}

    def commit(message):
        subprocess.run(["git", "add", "."], cwd=newsroom, env=git_env, check=True)
        return subprocess.run(["git", "commit", "-m", message], cwd=newsroom, env=git_env,
                              capture_output=True, text=True, timeout=1500)

    # the README and a Python file are not news copy: the commit passes
    passed = commit("readme")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    # a flagged draft stops the commit, naming the place
    (newsroom / "loaded.md").write_text("# Budget\n\nExperts agree that the plan is doomed.\n")
    failed = commit("loaded")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    output = failed.stdout + failed.stderr  # git shows the hook's output on stderr
    assert "loaded.md:3:1: warning newsroom.vague-source" in output
    assert "README" not in output and "notes.py" not in output
