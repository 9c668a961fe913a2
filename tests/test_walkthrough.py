"""A new user's walk through copydesk in an article repository (a temp
git repo): init, check, fix, changed lines against a branch, a baseline
for the archive, SARIF validated against the schema, the GitHub step
summary, and pre-commit configured with the README's snippets: the
``repo: local`` one as written, and the one that installs copydesk from its
git repository with the URL and tag filled in (a local release of this
tree). The steps run in order and share the repository."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
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


def _readme_snippet(lead_in: str) -> str:
    """The YAML block that follows the README sentence ending ``lead_in``."""
    found = re.search(re.escape(lead_in) + r"\n\n```yaml\n(.*?)```", README, re.S)
    assert found, f"the README's pre-commit snippet after {lead_in!r}"
    return found.group(1)


LOCAL_SNIPPET = "this `.pre-commit-config.yaml`\nworks as written:"
REMOTE_SNIPPET = "one of its release tags:"
RELEASE_TAG = "v0.2.0"


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    """copydesk's git repository as the README's second snippet names it: a
    release of this working tree, tagged."""
    copy = tmp_path_factory.mktemp("release") / "copydesk"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("lint", "rules"):
        shutil.copytree(REPO / folder, copy / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "action.yml"):
        shutil.copy2(REPO / name, copy / name)
    git(copy, "init", "-q")
    git(copy, "add", ".")
    git(copy, "commit", "-qm", "release")
    git(copy, "tag", RELEASE_TAG)
    return copy


def _hook_env(newsroom: Path) -> dict:
    # copydesk as pip installed for these tests, on PATH as in a virtual environment
    return {**os.environ, "PRE_COMMIT_HOME": str(newsroom.parent / ".pre-commit-cache"),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def _commit(newsroom: Path, message: str) -> subprocess.CompletedProcess:
    env = _hook_env(newsroom)
    subprocess.run(["git", "add", "."], cwd=newsroom, env=env, check=True)
    return subprocess.run(["git", "commit", "-m", message], cwd=newsroom, env=env,
                          capture_output=True, text=True, timeout=1500)


def _assert_the_hook_judges_copy_only(newsroom: Path, draft: str) -> None:
    # the README and a Python file are not news copy: the commit passes
    (newsroom / "notes.py").write_text(f"# experts agree ({draft})\n")
    (newsroom / "README.md").write_text(f"# Our articles\n\nExperts agree these are clearly the best ({draft}).\n")
    passed = _commit(newsroom, "readme")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    # a flagged draft stops the commit, naming the place
    (newsroom / draft).write_text("# Budget\n\nExperts agree that the plan is doomed.\n")
    failed = _commit(newsroom, "loaded")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    output = failed.stdout + failed.stderr  # git shows the hook's output on stderr
    assert f"{draft}:3:1: warning newsroom.vague-source" in output
    assert "README" not in output and "notes.py" not in output
    (newsroom / draft).unlink()


def test_8_pre_commit_with_the_local_snippet_as_written(newsroom):
    snippet = _readme_snippet(LOCAL_SNIPPET)
    # the snippet's hook is the one the repository declares for pre-commit
    declared = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())[0]
    local = yaml.safe_load(snippet)["repos"][0]["hooks"][0]
    assert {key: local[key] for key in ("id", "entry", "types_or", "exclude")} == {
        key: declared[key] for key in ("id", "entry", "types_or", "exclude")
    }
    (newsroom / ".pre-commit-config.yaml").write_text(snippet)
    git(newsroom, "add", ".")
    git(newsroom, "commit", "-qm", "bridge story")  # pre-commit not installed yet
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=newsroom,
                               env=_hook_env(newsroom), capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    _assert_the_hook_judges_copy_only(newsroom, "local.md")


def test_9_pre_commit_installing_copydesk_from_its_repository(newsroom, release):
    snippet = _readme_snippet(REMOTE_SNIPPET)
    filled = re.sub(r"repo: .*", f"repo: {release}", snippet)
    filled = re.sub(r"rev: .*", f"rev: {RELEASE_TAG}", filled)
    assert filled.count(str(release)) == 1 and filled != snippet
    (newsroom / ".pre-commit-config.yaml").write_text(filled)
    _assert_the_hook_judges_copy_only(newsroom, "remote.md")
