"""The pre-commit hook, end to end, with the real pre-commit tool."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def run(args, cwd, env):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def article_repo(tmp_path_factory):
    root = tmp_path_factory.mktemp("articles")
    env = {**os.environ, "PRE_COMMIT_HOME": str(root / ".pre-commit-cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    work = root / "repo"
    work.mkdir()
    (work / "loaded.md").write_text("# Budget\n\nExperts agree that the plan is doomed.\n", encoding="utf-8")
    (work / "clean.md").write_text("# Budget\n\nThe council approved the budget on Monday, the clerk said.\n", encoding="utf-8")
    (work / "notes.py").write_text("# experts agree\n", encoding="utf-8")
    assert run(["git", "init", "-q"], work, env).returncode == 0
    assert run(["git", "add", "."], work, env).returncode == 0
    return work, env


def try_repo(work, env, *files):
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "copydesk", "--verbose", "--files", *files]
    return run(cmd, work, env)


def test_hook_fails_on_a_flagged_draft(article_repo):
    work, env = article_repo
    result = try_repo(work, env, "loaded.md", "notes.py")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "newsroom.vague-source" in result.stdout
    assert "loaded.md:3:1" in result.stdout
    assert "notes.py" not in result.stdout  # the hook only takes Markdown and text


def test_hook_passes_a_clean_draft(article_repo):
    work, env = article_repo
    result = try_repo(work, env, "clean.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
