"""The GitHub Action's step (``action.yml`` runs ``python -m lint.action``):
reads the action's inputs from ``INPUT_*`` variables, runs ``copydesk
check`` with annotations and the step summary, and writes SARIF for code
scanning when asked. Its exit status is the check's.

Inputs: ``paths`` (space-separated, default ``.``), ``changed-lines``
(``auto``: on a pull request, only lines changed against its base branch;
``all``; or a git ref), ``baseline``, ``fail-on``, ``config``, ``sarif``
(a file to write).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Mapping


def _input(env: Mapping[str, str], name: str) -> str:
    # GitHub passes input "fail-on" as INPUT_FAIL-ON; composite steps map it to INPUT_FAIL_ON
    key = f"INPUT_{name.upper()}"
    return (env.get(key) or env.get(key.replace("-", "_")) or "").strip()


def diff_ref(env: Mapping[str, str]) -> str | None:
    """The git ref to judge changed lines against, or None for every line."""
    wanted = _input(env, "changed-lines") or "auto"
    if wanted == "all":
        return None
    if wanted == "auto":
        base = env.get("GITHUB_BASE_REF")  # set on pull_request events only
        return f"origin/{base}" if base else None
    return wanted


def commands(env: Mapping[str, str]) -> list[list[str]]:
    """The copydesk runs: the check (annotations, step summary), then the
    SARIF report if asked for."""
    common = []
    ref = diff_ref(env)
    if ref:
        common += ["--diff-from", ref]
    for option in ("baseline", "fail-on", "config"):
        value = _input(env, option)
        if value:
            common += [f"--{option}", value]
    paths = shlex.split(_input(env, "paths")) or ["."]
    runs = [["copydesk", "check", "--format", "github", *common, *paths]]
    sarif = _input(env, "sarif")
    if sarif:
        runs.append(["copydesk", "check", "--format", "sarif", "--exit-zero", "--output-file", sarif, *common, *paths])
    return runs


def main(env: Mapping[str, str] | None = None) -> int:
    env = os.environ if env is None else env
    status = 0
    for index, command in enumerate(commands(env)):
        print(f"$ {shlex.join(command)}", flush=True)
        summary = dict(env) if index == 0 else {k: v for k, v in env.items() if k != "GITHUB_STEP_SUMMARY"}
        code = subprocess.run(command, env=summary).returncode
        status = status or code
        if index == 0 and code == 2:
            break  # a usage or config error: the SARIF run would fail the same way
    return status


if __name__ == "__main__":
    sys.exit(main())
