"""The result cache and worker processes: the same alerts, file for file,
with and without them; the cache read back and invalidated."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import EVERY_RULE, run, write

from lint import cli, packcache, packs, parallel
from lint.errors import RuleError
from lint.resultcache import CACHE_DIR_NAME

HEDGED = "It is clearly wrong.\n"
REPO = Path(__file__).resolve().parent.parent
# Sentences for the built-in newsroom pack (spaCy rules included): several
# files, enough for the workers to get batches of their own.
NEWS = [
    "Experts agree that the plan will fail. The minister claims it is a disaster.",
    "Xi Jinping is preparing a visit. Sales rose 50% last year, it is clearly a triumph.",
    "The Energy Secretary warned of shortages. Wang Yiwei said so; Wang adds more.",
    "\"We will look at every option,\" – Okafor. Reports suggest the deal is dead.",
    "The council met on Monday. It is considered the best council in the U.S. and the US.",
]


def cache_entries(folder: Path) -> list[Path]:
    """One entry per distinct text and settings (files with the same text share one)."""
    return sorted((folder / CACHE_DIR_NAME).glob("v*/*/*.json"))


def json_report(*args) -> tuple[int, str, dict]:
    result = run("check", "--format", "json", *args)
    return result.exit_code, result.stderr, json.loads(result.stdout)


@pytest.fixture
def stories(project: Path) -> Path:
    for number in range(12):
        text = EVERY_RULE if number % 3 else HEDGED
        write(project / "desk" / f"story{number:02}.txt", f"Story {number}.\n{text}")
    return project / "desk"


# -- the result cache ---------------------------------------------------------------


def test_a_rerun_reads_the_cache_instead_of_linting(stories, project, monkeypatch):
    first = run("check", "-j", "1", "desk")
    assert len(cache_entries(project)) == 12
    assert (project / CACHE_DIR_NAME / "CACHEDIR.TAG").is_file()

    def no_linting(*args, **kwargs):
        raise AssertionError("linted a file whose result is cached")

    monkeypatch.setattr(cli, "lint", no_linting)
    second = run("check", "-j", "1", "desk")
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert "house.hedge" in second.stdout


def test_a_changed_file_or_rule_or_config_is_linted_again(stories, project):
    run("check", "desk")
    write(stories / "story00.txt", "We utilize it.\n")
    assert "house.utilize" in run("check", "desk/story00.txt").stdout

    rule = project / "styles/house/utilize.yml"
    rule.write_text(rule.read_text().replace("level: suggestion", "level: error"))
    packs.forget_loaded_packs()  # as a new process would read it
    assert "error house.utilize" in run("check", "desk/story00.txt").stdout

    write(project / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house, desk]\nignore: [house.utilize]\n")
    assert "house.utilize" not in run("check", "desk/story00.txt").stdout


def test_a_changed_option_of_a_rule_turned_off_is_linted_again(tmp_path, monkeypatch):
    # the personal-piece count reads the first-person rule as the desk configured it, run or not
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story.md", "The gadgets we carry around will change.\n\n" * 3 + "The council's disgraceful budget passed on Monday.\n")
    off = "packs: [newsroom]\nignore: [newsroom.first-person]\n"

    def editorializing() -> list[str]:
        report = json_report("story.md")[2]
        return [a["match"] for a in report["files"][0]["alerts"] if a["rule"] == "newsroom.editorializing"]

    write(tmp_path / ".copydesk.yaml", off)
    assert editorializing() == []  # three sentences say "we": a personal piece
    write(tmp_path / ".copydesk.yaml", off + "rule-options:\n  newsroom.first-person:\n    classes: {lower: [me, my, myself], capital: [My]}\n")
    assert editorializing() == ["disgraceful"]  # this desk's "we" is the paper's


def test_a_damaged_cache_entry_is_ignored(stories, project):
    first = run("check", "desk")
    for entry in cache_entries(project):
        entry.write_text('{"alerts": [{"rule": "forged"}]}')
    second = run("check", "desk")
    assert second.stdout == first.stdout


def test_no_cache_neither_reads_nor_writes(stories, project):
    run("check", "--no-cache", "desk")
    assert not (project / CACHE_DIR_NAME).exists()


def test_clean_removes_the_cache(stories, project):
    run("check", "desk")
    result = run("clean")
    assert result.exit_code == 0
    assert result.stdout == f"removed {CACHE_DIR_NAME}\n"
    assert not (project / CACHE_DIR_NAME).exists()
    assert run("clean").stdout == f"no cache at {CACHE_DIR_NAME}\n"


def test_standard_input_is_not_cached(project):
    result = run("check", "-", input=EVERY_RULE)
    assert result.exit_code == 1
    assert not (project / CACHE_DIR_NAME).exists()


# -- worker processes ---------------------------------------------------------------


@pytest.mark.skipif(not parallel.can_fork(), reason="workers fork")
def test_jobs_keep_input_order_and_report_unreadable_files(stories, project):
    write(stories / "story05.txt", b"caf\xe9\n")  # not UTF-8, amid the others
    serial = run("check", "--no-cache", "-j", "1", "desk")
    workers = run("check", "--no-cache", "-j", "3", "desk")
    assert workers.exit_code == serial.exit_code == 2
    assert workers.stdout == serial.stdout
    assert workers.stderr == serial.stderr == "desk/story05.txt: cannot read: not UTF-8 (byte 0xe9 at offset 3)\n"
    paths = [line.split(":")[0] for line in workers.stdout.splitlines() if line.startswith("desk/")]
    assert paths == sorted(paths) and len(set(paths)) == 11


@pytest.mark.skipif(not parallel.can_fork(), reason="workers fork")
def test_a_rule_error_in_a_worker_is_reported_and_exits_2(stories, monkeypatch):
    def broken_rule(*args, **kwargs):
        raise RuleError("pattern rejected by the matcher", "styles/house/broken.yml", 3)

    monkeypatch.setattr(cli, "lint", broken_rule)  # the forked workers inherit it
    result = run("check", "--no-cache", "-j", "2", "desk")
    assert result.exit_code == 2
    assert result.stdout.startswith("0 alerts (0 errors, 0 warnings, 0 suggestions) in 0 files")
    assert result.stderr.startswith("styles/house/broken.yml:3: pattern rejected by the matcher\n")


@pytest.mark.skipif(not parallel.can_fork(), reason="workers fork")
def test_newsroom_alerts_are_the_same_with_and_without_cache_and_workers(tmp_path, monkeypatch):
    """The built-in packs, spaCy included: every way of running gives the
    same JSON report, alert for alert."""
    monkeypatch.chdir(tmp_path)
    for number, text in enumerate(NEWS * 3):
        write(tmp_path / "news" / f"{number:02}.md", f"# Story {number}\n\n{text}\n")
    shutil.copy(REPO / "examples/draft.md", tmp_path / "news/draft.md")
    reports = {
        "serial, no cache": json_report("--no-cache", "-j", "1", "news"),
        "workers, filling the cache": json_report("-j", "2", "news"),
        "workers, from the cache": json_report("-j", "2", "news"),
        "serial, from the cache": json_report("-j", "1", "news"),
    }
    baseline = reports["serial, no cache"]
    assert baseline[2]["summary"]["alerts"] > 20
    for name, report in reports.items():
        assert report == baseline, name
    assert len(cache_entries(tmp_path)) == 16


def test_worker_batches_cover_every_file_once_and_taper_at_the_end():
    batches = parallel._tapering_batches(4, 1000, 2, parallel.MAX_WORKER_BATCH)
    assert [i for batch in batches for i in batch] == list(range(4, 1000))
    assert max(map(len, batches)) == parallel.MAX_WORKER_BATCH
    assert len(batches[-1]) == parallel.MIN_WORKER_BATCH  # no worker waits long on the last one
    assert [len(b) for b in batches] == sorted((len(b) for b in batches), reverse=True)


def test_default_jobs_is_the_usable_cores():
    assert parallel.default_jobs() == len(os.sched_getaffinity(0))


def test_every_builtin_pack_comes_back_from_the_pack_cache(tmp_path, monkeypatch):
    # An entry the unpickler refuses is rebuilt on every run, silently:
    # the cold start then pays for compiling every pattern again.
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    packcache._private_key_at.cache_clear()
    for name, folder in packs.builtin_packs().items():
        packs.forget_loaded_packs()
        built = packs.load_pack(folder, name)
        packs.forget_loaded_packs()

        def no_building(*args, **kwargs):
            raise AssertionError(f"pack {name} was built again instead of read from the cache")

        with monkeypatch.context() as patched:
            patched.setattr(packs, "_build_file", no_building)
            cached = packs.load_pack(folder, name)
        assert [rule.id for rule in cached] == [rule.id for rule in built]
    packs.forget_loaded_packs()
    packcache._private_key_at.cache_clear()
