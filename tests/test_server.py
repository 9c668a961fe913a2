"""The warm server, as real processes: the console script hands a check
to it and prints byte for byte what an in-process run prints."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
COPYDESK = shutil.which("copydesk", path=str(Path(sys.executable).parent)) or shutil.which("copydesk")
STORIES = {
    "story.md": "# Budget\n\nExperts agree the plan will fail. The minister claims it is clearly a triumph.\n",
    "notes.txt": "Xi Jinping is preparing a visit. Sales rose 50% last year.\n",
}

pytestmark = pytest.mark.skipif(not COPYDESK or not hasattr(os, "getuid"), reason="needs the console script and Unix sockets")


# Runs a command and prints its peak RSS in KiB (its own, not this process's).
PEAK_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_rss_mib(args: list[str], cwd: Path, env: dict) -> float:
    probe = subprocess.run([sys.executable, "-c", PEAK_RSS, COPYDESK, *args], cwd=cwd, env=env,
                           capture_output=True, text=True, timeout=300, check=True)
    return int(probe.stdout) / 1024


def copydesk(args: list[str], cwd: Path, env: dict, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([COPYDESK, *args], cwd=cwd, env=env, input=stdin, capture_output=True, timeout=300)


@pytest.fixture
def server(tmp_path: Path):
    """A server in a private runtime folder; yields (env, socket path, process)."""
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "COPYDESK_CACHE_DIR": str(tmp_path / "pack-cache")}
    env.pop("COPYDESK_NO_SERVER", None)
    socket_path = runtime / "copydesk" / "server.sock"
    process = subprocess.Popen([COPYDESK, "server", "--idle-timeout", "120"], env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while not socket_path.exists():
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.2)
    yield env, socket_path, process
    process.terminate()
    process.wait(timeout=30)


def test_results_are_byte_identical_with_and_without_the_server(server, tmp_path):
    env, socket_path, _ = server
    work = tmp_path / "work"
    for name, text in STORIES.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text)
    cases = [
        ["check", "--no-cache", "story.md", "notes.txt"],
        ["check", "--no-cache", "--format", "json", "story.md", "notes.txt"],
        ["check", "--no-cache", "--select", "newsroom.vague-source", "story.md"],
        ["check", "--no-cache", "missing.md", "story.md"],
        ["check", "--no-cache", "--stdin-filename", "piped.md", "-"],
    ]
    stdin = STORIES["story.md"].encode()
    for args in cases:
        served = copydesk(args, work, env, stdin)
        alone = copydesk([*args, "--no-server"], work, env, stdin)
        assert (served.returncode, served.stdout, served.stderr) == (alone.returncode, alone.stdout, alone.stderr), args
    assert b"newsroom.vague-source" in copydesk(cases[0], work, env).stdout
    # The server linted: its client never loaded spaCy, which costs an in-process run ~150 MiB.
    assert peak_rss_mib(cases[0], work, env) < 60
    assert peak_rss_mib([*cases[0], "--no-server"], work, env) > 100


def test_the_socket_is_owner_only(server):
    _, socket_path, _ = server
    assert stat.S_IMODE(socket_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(socket_path.parent.stat().st_mode) == 0o700
    assert socket_path.stat().st_uid == os.getuid()


def test_a_second_server_leaves_the_first_alone(server):
    env, socket_path, first = server
    second = subprocess.run([COPYDESK, "server"], env=env, capture_output=True, timeout=300)
    assert second.returncode == 2
    assert b"a copydesk server is already listening here" in second.stderr
    assert first.poll() is None and socket_path.exists()


def test_the_server_shuts_down_when_idle(tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "COPYDESK_CACHE_DIR": str(tmp_path / "pack-cache")}
    process = subprocess.run([COPYDESK, "server", "--idle-timeout", "1"], env=env, capture_output=True, timeout=300)
    assert process.returncode == 0, process.stderr
    assert b"listening on" in process.stderr
    assert not (runtime / "copydesk" / "server.sock").exists()
