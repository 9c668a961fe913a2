"""Fixtures for the CLI, config and format tests, and the helpers that
build a rule from YAML text for the kind tests.

The CLI tests lint with small rule packs written into tmp_path (``house``
and ``desk``, loaded through ``rule-dirs``) so that no test depends on
the built-in rules.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.errors import RuleError
from lint.rule import build_rule
from lint.yamlsrc import load_yaml

RULE_PATH = "rules/test/rule.yml"


def make_rule(source: str, rule_id: str = "test.rule"):
    """A rule built from YAML text (dedented), as if read from RULE_PATH."""
    data = load_yaml(textwrap.dedent(source).lstrip("\n"), RULE_PATH, RuleError)
    return build_rule(data, rule_id, "test", RULE_PATH)


def load_error(source: str) -> RuleError:
    """The error a rule's YAML text raises; it names RULE_PATH."""
    with pytest.raises(RuleError) as caught:
        make_rule(source)
    assert caught.value.path == RULE_PATH
    return caught.value

HOUSE_HEDGE = """\
extends: existence
message: "'%s' editorializes."
level: warning
category: style
ignorecase: true
tokens: [clearly, arguably]
link: https://example.org/hedge
explanation: Let the facts show it.
examples:
  flag: [It is clearly wrong.]
  pass: [It is wrong.]
"""
HOUSE_SHOUT = """\
extends: existence
message: "Too many exclamation marks."
level: error
category: typography
raw: ['!{2,}']
"""
HOUSE_UTILIZE = """\
extends: substitution
message: "Use '%s' instead of '%s'."
level: suggestion
swap:
  utilize: use
"""
DESK_CLICHE = """\
extends: existence
message: "'%s' is a cliché."
level: error
category: cliche
ignorecase: true
tokens: [at the end of the day]
"""

# One hit for each of the four rules: hedge, shout, utilize, cliche.
EVERY_RULE = "It is clearly wrong!! We utilize it at the end of the day.\n"


@pytest.fixture(autouse=True, scope="session")
def private_pack_cache(tmp_path_factory):
    """Built packs are cached across runs in the user's cache folder; the
    tests keep theirs apart, and their signing key too."""
    os.environ["COPYDESK_CACHE_DIR"] = str(tmp_path_factory.mktemp("pack-cache"))
    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("state"))


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8", newline="")
    return path


def write_packs(folder: Path) -> Path:
    """A folder of two packs, as ``rule-dirs`` takes it."""
    write(folder / "house/hedge.yml", HOUSE_HEDGE)
    write(folder / "house/shout.yml", HOUSE_SHOUT)
    write(folder / "house/utilize.yml", HOUSE_UTILIZE)
    write(folder / "desk/cliche.yml", DESK_CLICHE)
    return folder


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A folder with the two packs and a config enabling both; the
    current directory, with no CI or colour settings leaking in."""
    write_packs(tmp_path / "styles")
    write(tmp_path / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house, desk]\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def run(*args, input: str | bytes | None = None, env: dict | None = None):
    """Invoke the CLI in-process; a crash raises instead of posing as exit 1."""
    return CliRunner().invoke(main, [str(a) for a in args], input=input, env=env, catch_exceptions=False)


def run_json(*args, input: str | bytes | None = None):
    result = run("check", "--format", "json", *args, input=input)
    return result, json.loads(result.stdout)


def rules_hit(report: dict) -> list[list[str]]:
    """Rule ids alerted in each file of a JSON report, in order."""
    return [[alert["rule"] for alert in file["alerts"]] for file in report["files"]]
