"""The warm server: ``copydesk server`` keeps the rules and the spaCy
pipeline loaded, and ``copydesk check`` hands its command line to it when
it is running (as ``dmypy``), so a pre-commit hook on one or two drafts
does not pay for loading spaCy each time.

- It listens on a Unix socket in a folder only its user may enter
  (``$XDG_RUNTIME_DIR/copydesk`` or ``/tmp/copydesk-UID``), the socket
  itself owner-only, and it answers only its own user (peer credentials).
- It runs the very ``check`` command, in the client's folder with the
  client's environment settings and standard input, one request at a
  time, and returns the bytes written to stdout and stderr and the exit
  status: results are byte-identical to an in-process run.
- It shuts down after ``--idle-timeout`` seconds with no request, and
  refuses a client whose copydesk files differ from its own (the client
  then runs in-process).
- The client (:func:`forward`) imports nothing heavy: it is what
  ``copydesk`` runs first. Folders are linted in-process, on every core;
  ``--no-server`` or ``COPYDESK_NO_SERVER=1`` skips the server.

Messages are a 4-byte big-endian length and a JSON object.
"""

from __future__ import annotations

import base64
import io
import json
import os
import socket
import struct
import sys
from pathlib import Path

from lint.errors import CopydeskError
from lint.stamp import PACKAGE, tree_stamp

NO_SERVER_ENV = "COPYDESK_NO_SERVER"
NO_SERVER_OPTION = "--no-server"
DEFAULT_IDLE_SECONDS = 1800
# Environment settings that change a check's output; the server takes the client's.
FORWARDED_ENV = (
    "NO_COLOR",
    "GITHUB_ACTIONS",
    "COPYDESK_RESULT_CACHE",
    "COPYDESK_CACHE_DIR",
    "COPYDESK_NO_CACHE",
    "XDG_CACHE_HOME",
)
_LENGTH = struct.Struct(">I")


def socket_path() -> Path:
    base = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(base) / "copydesk" if base else Path(f"/tmp/copydesk-{os.getuid()}")
    return folder / "server.sock"


def code_stamp() -> str:
    """A client and a server whose copydesk files differ may lint differently."""
    return "\n".join(tree_stamp(PACKAGE))


# -- the client ----------------------------------------------------------------------


def forward(argv: list[str]) -> int | None:
    """Run ``copydesk ARGV`` on the server and return its exit status, or
    None when the server is not used: not running, not a ``check`` of
    files, or it refused."""
    if not argv or argv[0] != "check" or NO_SERVER_OPTION in argv or os.environ.get(NO_SERVER_ENV):
        return None
    if any(arg in ("-j", "--jobs") or arg.startswith(("-j", "--jobs=")) for arg in argv):
        return None  # asked for worker processes: in-process
    if any(os.path.isdir(arg) for arg in argv[1:] if not arg.startswith("-")):
        return None  # a folder: all cores and a progress bar, in-process
    path = socket_path()
    if not path.exists():
        return None
    request = {
        "stamp": code_stamp(),
        "argv": argv,
        "cwd": os.getcwd(),
        "env": {key: os.environ.get(key) for key in FORWARDED_ENV},
        "stdout_tty": sys.stdout.isatty(),
        "stdin": base64.b64encode(sys.stdin.buffer.read()).decode() if "-" in argv[1:] else None,
    }
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.connect(str(path))
            _send(connection, request)
            reply = _receive(connection)
    except (OSError, ValueError):
        return None  # a stale socket or a server gone mid-way: lint in-process
    if reply is None or "code" not in reply:
        return None
    sys.stdout.buffer.write(base64.b64decode(reply["stdout"]))
    sys.stdout.flush()
    sys.stderr.buffer.write(base64.b64decode(reply["stderr"]))
    sys.stderr.flush()
    return reply["code"]


def _send(connection: socket.socket, message: dict) -> None:
    data = json.dumps(message).encode()
    connection.sendall(_LENGTH.pack(len(data)) + data)


def _receive(connection: socket.socket) -> dict | None:
    header = _read_exactly(connection, _LENGTH.size)
    if header is None:
        return None
    body = _read_exactly(connection, _LENGTH.unpack(header)[0])
    return None if body is None else json.loads(body)


def _read_exactly(connection: socket.socket, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = connection.recv(min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


# -- the server ----------------------------------------------------------------------


class _Terminal(io.TextIOWrapper):
    """Captured output that answers isatty() as the client's did."""

    def __init__(self, tty: bool) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", errors="surrogateescape", write_through=True)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty

    def captured(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()


def serve(idle_seconds: float = DEFAULT_IDLE_SECONDS, ready=None) -> None:
    """Listen until idle for ``idle_seconds``; ``ready`` is called once
    the socket accepts connections."""
    from lint import nlp

    path = socket_path()
    _private_folder(path.parent)
    if _answers(path):
        raise CopydeskError("a copydesk server is already listening here", str(path))
    stamp = code_stamp()
    nlp.load()  # the point of the server: loaded once, before the first request
    _warm_up()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        path.unlink(missing_ok=True)  # left by a server that died
        old_umask = os.umask(0o177)
        try:
            listener.bind(str(path))
        finally:
            os.umask(old_umask)
        os.chmod(path, 0o600)
        listener.listen()
        listener.settimeout(idle_seconds)
        if ready:
            ready(path)
        try:
            while True:
                try:
                    connection, _ = listener.accept()
                except TimeoutError:
                    return  # idle
                with connection:
                    try:
                        request = _receive(connection) if _same_user(connection) else None
                        if not isinstance(request, dict):
                            continue
                        if request.get("stamp") != stamp:
                            _send(connection, {"refused": "copydesk changed since the server started"})
                            return  # an outdated server only gets in the way
                        _send(connection, _run_check(request))
                    except (OSError, ValueError, KeyError, TypeError):
                        continue  # a client gone or garbled: the next one is served
        finally:
            path.unlink(missing_ok=True)


# A story that reaches the models the newsroom rules load on first use
# (the entity recognizer, the Hunspell dictionaries, the attribution and
# loaded-language models), so that the first request finds them loaded.
WARM_UP_STORY = (
    'Experts agree the plan will fail, Energy Minister Anna Kowalski said on Tuesday. '
    '"It is clearly a disaster," she claims. Kowalsky added that sales rose 50% last year.\n'
)


def _warm_up() -> None:
    """Lint a story as a client in this folder would, output discarded."""
    _run_check({
        "argv": ["check", "--no-cache", "--stdin-filename", "warm-up.txt", "-"],
        "cwd": os.getcwd(),
        "env": {key: os.environ.get(key) for key in FORWARDED_ENV},
        "stdout_tty": False,
        "stdin": base64.b64encode(WARM_UP_STORY.encode()).decode(),
    })


def _answers(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.stat()
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise SystemExit(f"copydesk server: {folder} must belong to you and be private (mode 700)")


def _same_user(connection: socket.socket) -> bool:
    credentials = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    return uid == os.getuid()


def _run_check(request: dict) -> dict:
    """Run ``copydesk ARGV`` as the client would have, capturing its output."""
    from lint import cli, packs

    stdout, stderr = _Terminal(request["stdout_tty"]), _Terminal(False)
    stdin = io.TextIOWrapper(io.BytesIO(base64.b64decode(request["stdin"] or "")), encoding="utf-8")
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    saved_env = {key: os.environ.get(key) for key in FORWARDED_ENV}
    saved_cwd = os.getcwd()
    code = 0
    try:
        os.chdir(request["cwd"])
        _set_env(request["env"])
        packs.forget_changed_packs()  # rule files may have changed
        sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
        try:
            # One process: the server forks no workers from a loaded pipeline.
            argv = request["argv"][:1] + ["--jobs", "1"] + request["argv"][1:]
            cli.main.main(argv, prog_name="copydesk", standalone_mode=True)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        except Exception as error:  # a bug must not pass for "alerts found" (exit 1), nor end the server
            stderr.write(f"copydesk server: internal error: {type(error).__name__}: {error}\n")
            code = 2
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        _set_env(saved_env)
        os.chdir(saved_cwd)
    return {
        "code": code,
        "stdout": base64.b64encode(stdout.captured()).decode(),
        "stderr": base64.b64encode(stderr.captured()).decode(),
    }


def _set_env(values: dict) -> None:
    for key, value in values.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
