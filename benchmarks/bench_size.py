#!/usr/bin/env python
"""How copydesk's time and memory grow with the size of one draft.

Not a test: it prints figures. For each size (default 0.5, 1, 2, 4 and
8 MB) it writes a Markdown draft made of BBC paragraphs (read from
/work/shared/data/bbc-news at run time, or --corpus; never copied into
the repository) into a temporary folder, with a config raising
max-file-size above it, and runs ``copydesk check --format json`` on it as
a whole process with the default pack, the way CI would. Each run prints
its wall and CPU time, CPU seconds per MB, peak memory (max RSS of the
child, read with ``os.wait4``) and its alert count; then the ratio of
CPU time per MB at the largest size to that at the smallest (target
within 1.5x) and the largest peak (target under 1 GB). A run that failed
(exit 2, a crash or a timeout) prints as FAILED with its stderr, never as
a figure.

    python benchmarks/bench_size.py [--sizes 0.5,1,2,4,8] [--timeout 1800]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

MB = 1_000_000


def paragraphs(corpus: Path) -> list[str]:
    """Every paragraph of every BBC article (blank-line separated), in a
    fixed order; the first line of an article is its title, left out."""
    found = []
    for path in sorted(corpus.glob("*/*.txt")):
        text = path.read_bytes().decode("latin-1")
        blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
        found.extend(" ".join(b.split()) for b in blocks[1:])
    return found


def draft(pool: list[str], size: int, seed: int) -> str:
    """A Markdown draft of about ``size`` characters: paragraphs drawn in a
    seeded order (cycling through the corpus), a heading every 20."""
    rng = random.Random(seed)
    order = pool[:]
    rng.shuffle(order)
    parts, total, n = [], 0, 0
    while total < size:
        if n % 20 == 0:
            parts.append(f"## Section {n // 20 + 1}")
        paragraph = order[n % len(order)]
        parts.append(paragraph)
        total += len(paragraph) + 2
        n += 1
    return "\n\n".join(parts) + "\n"


def run(copydesk: str, folder: Path, timeout: float) -> dict:
    """One whole ``copydesk check`` process: its exit code, output, wall
    time, CPU time and peak memory (its own max RSS, read with os.wait4)."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [copydesk, "check", "--format", "json", "draft.md"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # no result cache, and no warm server: the figures are this process's own
        env={**os.environ, "COPYDESK_NO_CACHE": "1", "COPYDESK_NO_SERVER": "1"},
    )
    output: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda name=name, stream=stream: output.__setitem__(name, stream.read()))
        for name, stream in (("out", process.stdout), ("err", process.stderr))
    ]
    for reader in readers:
        reader.start()
    killer = threading.Timer(timeout, process.kill)
    killer.start()
    _, status, usage = os.wait4(process.pid, 0)
    killer.cancel()
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode < 0:
        return {"failed": f"killed (signal {-process.returncode}; the timeout is {timeout:.0f} s)"}
    return {
        "code": process.returncode,
        "out": output["out"],
        "err": output["err"].decode(errors="replace"),
        "wall": time.perf_counter() - began,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak": usage.ru_maxrss / 1024,  # Linux: kilobytes
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,2,4,8", help="draft sizes in MB, comma-separated")
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/data/bbc-news"))
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds one run may take")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    copydesk = shutil.which("copydesk")
    if copydesk is None:
        print("FAILED: no copydesk on PATH (activate the venv)")
        return 2
    pool = paragraphs(args.corpus)
    if not pool:
        print(f"FAILED: no BBC articles under {args.corpus}")
        return 2
    sizes = [float(s) for s in args.sizes.split(",")]
    rows = []
    print(f"{'MB':>5} {'wall s':>8} {'CPU s':>8} {'CPU s/MB':>9} {'peak MB':>8} {'alerts':>7}")
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="copydesk-size-") as tmp:
            folder = Path(tmp)
            text = draft(pool, int(size * MB), args.seed)
            (folder / "draft.md").write_text(text, encoding="utf-8")
            (folder / ".copydesk.yaml").write_text(f"max-file-size: {len(text.encode()) + MB}\n", encoding="utf-8")
            result = run(copydesk, folder, args.timeout)
        if "failed" in result or result["code"] not in (0, 1):
            why = result.get("failed") or f"exit {result['code']}: {result['err'].strip()[-400:]}"
            print(f"{size:>5} FAILED: {why}")
            rows.append(None)
            continue
        cpu, peak = result["cpu"], result["peak"]
        alerts = json.loads(result["out"])["summary"]["alerts"]
        megabytes = len(text) / MB
        rows.append((megabytes, cpu, peak))
        print(f"{size:>5} {result['wall']:>8.1f} {cpu:>8.1f} {cpu / megabytes:>9.1f} {peak:>8.0f} {alerts:>7}")
    measured = [r for r in rows if r]
    if len(measured) == len(rows) and len(rows) >= 2:
        first, last = rows[0], rows[-1]
        ratio = (last[1] / last[0]) / (first[1] / first[0])
        peak = max(r[2] for r in rows)
        print(f"CPU s/MB at {sizes[-1]} MB / at {sizes[0]} MB: {ratio:.2f} (target <= 1.5): {'met' if ratio <= 1.5 else 'NOT met'}")
        print(f"peak memory: {peak:.0f} MB (target < 1000): {'met' if peak < 1000 else 'NOT met'}")
    else:
        print("ratio and peak: FAILED (some size did not run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
