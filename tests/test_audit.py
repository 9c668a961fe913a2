"""copydesk audit on a local Dask cluster with several workers: the same
alerts as check, resumable, and a report page a real browser opens."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run, write

pytest.importorskip("dask.distributed")

STORY = """\
---
headline: Budget row
author: {author}
date: 2024-0{month}-12
---

Experts agree the plan will fail, the minister claims. It is clearly a triumph.

Xi Jinping is preparing a visit. Sales rose {number}0% last year, reports suggest.
"""


def make_archive(root: Path) -> list[str]:
    names = []
    for number in range(9):
        section = ("business", "politics", "sport")[number % 3]
        name = f"archive/{section}/{number:02}.md"
        write(root / name, STORY.format(author=("Ann Lee", "Bo Chen")[number % 2], month=number % 3 + 1, number=number))
        names.append(name)
    write(root / "archive/sport/notes.txt", "The council met on Monday. The Energy Secretary warned of shortages.\n")
    return names + ["archive/sport/notes.txt"]


def csv_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    """One audit of a small archive on a local cluster of three workers."""
    root = tmp_path_factory.mktemp("audit")
    previous = os.getcwd()
    os.chdir(root)
    try:
        names = make_archive(root)
        result = run("audit", "--workers", "3", "--batch-size", "2", "--out", "report", "archive")
        yield root, names, result
    finally:
        os.chdir(previous)


def test_audit_gives_the_alerts_check_gives(audited):
    root, names, result = audited
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("10 files audited (0 done before)")
    checked = json.loads(run("check", "--no-cache", "--format", "json", "archive").stdout)
    expected = sorted(
        (file["path"], alert["rule"], str(alert["line"]), str(alert["column"]), alert["message"])
        for file in checked["files"] for alert in file["alerts"]
    )
    rows = csv_rows(root / "report/alerts.csv")
    assert sorted((r["path"], r["rule"], r["line"], r["column"], r["message"]) for r in rows) == expected
    assert len(expected) > 20


def test_audit_reads_sections_months_and_authors(audited):
    root, _, _ = audited
    files = {row["path"]: row for row in csv_rows(root / "report/files.csv")}
    assert files["archive/business/03.md"]["author"] == "Bo Chen"
    assert files["archive/business/03.md"]["month"] == "2024-01"
    assert files["archive/politics/01.md"]["section"] == "politics"
    assert files["archive/sport/notes.txt"]["section"] == "sport"  # no front matter: its folder
    assert files["archive/sport/notes.txt"]["month"] == ""
    assert int(files["archive/business/03.md"]["words"]) > 20


def test_an_interrupted_audit_resumes(audited, tmp_path, monkeypatch):
    root, _, _ = audited
    shutil.copytree(root / "archive", tmp_path / "archive")
    shutil.copytree(root / "report", tmp_path / "report")
    parts = sorted((tmp_path / "report/parts").glob("*.json"))
    kept = len(json.loads(parts[0].read_text()))
    for part in parts[1:]:  # as if stopped after the first batch
        part.unlink()
    (tmp_path / "report/alerts.csv").unlink()
    monkeypatch.chdir(tmp_path)
    result = run("audit", "--workers", "2", "--batch-size", "2", "--out", "report", "archive")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"10 files audited ({kept} done before)")
    assert csv_rows(tmp_path / "report/alerts.csv") == csv_rows(root / "report/alerts.csv")


def test_a_stopped_audit_says_its_finished_batches_are_kept(tmp_path, monkeypatch):
    from lint import audit as auditing

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    make_archive(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(auditing, "audit", stopped)
    result = run("audit", "--out", "report", "archive")
    assert result.exit_code == 130
    assert "no file was written" not in result.stderr
    assert f"kept in {Path('report') / 'parts'}" in result.stderr and "resumes" in result.stderr
    # check, stopped, still says it wrote nothing
    monkeypatch.setattr("lint.cli._lint_batch", stopped)
    result = run("check", "--no-cache", "--no-server", "archive")
    assert result.exit_code == 130 and "interrupted; no file was written" in result.stderr


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_the_report_page_opens_in_a_headless_browser(audited, tmp_path):
    """Real headless Chromium: every chart drawn, no script error, and a
    screenshot (CI installs chromium; elsewhere the test needs it)."""
    browser = chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs it)")
        pytest.skip("no chromium")
    root, _, _ = audited
    page = (root / "report/report.html").as_uri()
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--virtual-time-budget=20000", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*flags, "--dump-dom", page], capture_output=True, text=True, timeout=180)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "charts drawn: 4; errors: 0 " in dom.stdout, dom.stdout[-500:]
    shot = tmp_path / "report.png"
    taken = subprocess.run([*flags, "--window-size=1200,2400", f"--screenshot={shot}", page],
                           capture_output=True, text=True, timeout=180)
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # charts, not a blank page
