#!/usr/bin/env python
"""Benchmark copydesk's newsroom pack against proselint on a news corpus.

Not a test: it prints figures, side by side with proselint on the same
articles in the same run, so that machine load affects both alike.

1. Throughput in-process: words per second to parse and lint every article
   with the default pack, vs proselint's default-enabled checks run through
   its own API (``LintFile(...).lint(config)``, as ``proselint check`` does).
2. Alerts per 1,000 words: copydesk per category and per rule, proselint
   per check family (the first part of its check path).
3. Cold start: ``copydesk check ARTICLE`` vs ``proselint check ARTICLE`` as
   whole processes (the console scripts of this venv, run from an empty
   temporary folder), median of N runs after a warm-up; also the article as
   a ``.md`` copy (copydesk then imports markdown-it), an empty file
   (start-up alone) and copydesk with ``COPYDESK_NO_CACHE=1`` (every run
   building its packs, as the very first run after an install does).
4. Peak memory (max RSS) of those processes, read per child with
   ``os.wait4`` (the per-child form of ``getrusage(RUSAGE_CHILDREN)``).

``--per-rule`` adds each rule's cost alone and the shared document work
(parsing, sentences, quotations), to find the slow rule; ``--rules DIR``
times other packs in-process (a folder of packs, e.g. ``rules``).

The default corpus is the BBC News dataset in ``../shared/data/bbc-news``
(relative to the repository); it is read, never copied. Usage::

    python benchmarks/bench_newsroom.py                 # full corpus
    python benchmarks/bench_newsroom.py --limit 200     # quick run
    python benchmarks/bench_newsroom.py --json out.json # also dump figures
    python benchmarks/bench_newsroom.py --json -        # JSON only, on stdout

Words are whitespace-separated tokens (``len(text.split())``), counted the
same way for both tools. Only the standard library is used, plus copydesk
and proselint themselves.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "bbc-news"
TARGET_SPEEDUP = 2.0  # copydesk words/s >= 2x proselint's


# -- corpus -------------------------------------------------------------------


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # a few BBC files are Latin-1
        return data.decode("latin-1")


def load_corpus(folder: Path, limit: int | None) -> list[tuple[Path, str, int]]:
    files = sorted(folder.glob("*/*.txt"))
    if limit:
        files = files[:limit]
    corpus = []
    for path in files:
        text = read_text(path)
        corpus.append((path, text, len(text.split())))
    return corpus


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- timing helpers -------------------------------------------------------------


class Stopwatch:
    """Wall and CPU time of a block (CPU time is steadier on a busy machine)."""

    def __enter__(self):
        gc.collect()
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


# -- copydesk in-process ------------------------------------------------------------


def copydesk_rules(folder: Path | None = None):
    """The default packs' rules, as ``copydesk check`` would run them (or
    every pack in ``folder``, to time rules in the making)."""
    from lint import packs

    if folder is not None:
        return [rule for name, path in packs.find_packs(folder).items() for rule in packs.load_pack(path, name)]
    available = packs.builtin_packs()
    rules = []
    for name in packs.DEFAULT_PACKS:
        rules.extend(packs.load_pack(available[name], name))
    return rules


def bench_copydesk(corpus, repeat: int, per_rule: bool, rules_dir: Path | None = None) -> dict:
    with Stopwatch() as imp:
        from lint import engine
        from lint.document import parse
    with Stopwatch() as load:
        rules = copydesk_rules(rules_dir)
    known = [r.id for r in rules]
    # Warm-up on the first article: lazy imports (syntok, ...) happen here.
    with Stopwatch() as warm:
        path, text, _ = corpus[0]
        engine.lint(parse(text, str(path)), rules, (), known)

    best = None
    for _ in range(repeat):
        alerts_by_rule: Counter = Counter()
        alerts_by_category: Counter = Counter()
        parse_s = lint_s = 0.0
        total_alerts = 0
        with Stopwatch() as sw:
            for path, text, _ in corpus:
                t0 = time.perf_counter()
                doc = parse(text, str(path))
                t1 = time.perf_counter()
                alerts = engine.lint(doc, rules, (), known)
                t2 = time.perf_counter()
                parse_s += t1 - t0
                lint_s += t2 - t1
                total_alerts += len(alerts)
                for a in alerts:
                    alerts_by_rule[a.rule] += 1
                    alerts_by_category[a.category] += 1
        if best is None or sw.wall < best["seconds"]:
            best = {
                "seconds": sw.wall,
                "cpu_seconds": sw.cpu,
                "parse_seconds": parse_s,
                "lint_seconds": lint_s,
                "alerts": total_alerts,
                "by_rule": dict(alerts_by_rule),
                "by_category": dict(alerts_by_category),
            }
    best.update(
        import_seconds=imp.wall,
        load_seconds=load.wall,
        warmup_seconds=warm.wall,
        rules=len(rules),
        rule_categories={r.id: r.category for r in rules},
    )
    if per_rule:
        best["per_rule_seconds"], best["document_seconds"] = time_rules(corpus, rules, known)
    return best


def time_rules(corpus, rules, known) -> tuple[dict, dict]:
    """Cost of each rule alone, and of the document structures rules share
    (computed up front so that no rule is charged for them)."""
    from lint import engine
    from lint.document import parse

    per_rule = Counter()
    shared = Counter()
    for path, text, _ in corpus:
        t0 = time.perf_counter()
        doc = parse(text, str(path))
        shared["parse"] += time.perf_counter() - t0
        for name in ("sentences", "quotes", "ignored", "_quote_starts", "_line_starts"):
            t0 = time.perf_counter()
            getattr(doc, name, None)
            shared[name] += time.perf_counter() - t0
        for rule in rules:
            t0 = time.perf_counter()
            engine.lint(doc, [rule], (), known)
            per_rule[rule.id] += time.perf_counter() - t0
    return dict(per_rule), dict(shared)


# -- proselint in-process -------------------------------------------------------------


def bench_proselint(corpus, repeat: int) -> dict:
    with Stopwatch() as imp:
        from proselint.checks import __register__
        from proselint.config import load_from
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    with Stopwatch() as load:
        registry = CheckRegistry()
        if not registry.checks:  # the CLI registers once per process
            registry.register_many(__register__)
        config = load_from(None)  # the same config files the CLI reads
        enabled = len(registry.get_all_enabled(config["checks"]))
    with Stopwatch() as warm:  # proselint compiles its patterns on first use
        path, text, _ = corpus[0]
        LintFile(str(path), text).lint(config)

    best = None
    for _ in range(repeat):
        by_check: Counter = Counter()
        total = 0
        with Stopwatch() as sw:
            for path, text, _ in corpus:
                results = LintFile(str(path), text).lint(config) if text else []
                total += len(results)
                for r in results:
                    by_check[r.check_result.check_path] += 1
        if best is None or sw.wall < best["seconds"]:
            families: Counter = Counter()
            for check, n in by_check.items():
                families[check.split(".")[0]] += n
            best = {
                "seconds": sw.wall,
                "cpu_seconds": sw.cpu,
                "alerts": total,
                "by_check": dict(by_check),
                "by_family": dict(families),
            }
    best.update(
        import_seconds=imp.wall,
        load_seconds=load.wall,
        warmup_seconds=warm.wall,
        checks=enabled,
        max_errors=config["max_errors"],
    )
    return best


# -- cold start ----------------------------------------------------------------------


# Linux keeps a process's peak RSS across exec, and a child starts with a copy
# of its parent's memory (or shares it: vfork/posix_spawn), so a child spawned
# from this process would report at least *our* RSS (tens of MiB once the
# corpus and both linters are loaded). A tiny spawner, started before any of
# that, launches the commands instead and reports each one's wait4 rusage (the
# per-child form of getrusage(RUSAGE_CHILDREN)). Its own RSS is the floor.
_SPAWNER = r"""
import json, os, sys, time
for line in sys.stdin:
    req = json.loads(line)
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, req["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    ]
    os.chdir(req["cwd"])
    env = dict(os.environ)
    for key, value in req["env"].items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    t0 = time.perf_counter()
    pid = os.posix_spawn(req["argv"][0], req["argv"], env, file_actions=actions)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    print(json.dumps([wall, os.waitstatus_to_exitcode(status), ru.ru_maxrss, ru.ru_utime, ru.ru_stime]), flush=True)
"""


class Spawner:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-S", "-c", _SPAWNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def run(self, argv: list[str], cwd: str, env: dict | None = None) -> tuple[float, int, float, float, str]:
        """Run ``argv`` to completion: wall seconds, max RSS (KiB), user and
        system CPU seconds, and the last line of stderr if it failed.
        ``env`` overrides variables (None removes one)."""
        err_path = os.path.join(cwd, "stderr.txt")
        # Byte-compiled modules are written as a normal install would have
        # them, even where PYTHONDONTWRITEBYTECODE is set (as in some sandboxes).
        env = {"PYTHONDONTWRITEBYTECODE": None, **(env or {})}
        self.proc.stdin.write(json.dumps({"argv": argv, "cwd": cwd, "stderr": err_path, "env": env}) + "\n")
        self.proc.stdin.flush()
        wall, code, maxrss, utime, stime = json.loads(self.proc.stdout.readline())
        err = Path(err_path).read_text(errors="replace")
        # 0 clean, 1 alerts; an uncaught exception also exits 1, so look for a traceback.
        failed = code not in (0, 1) or "Traceback (most recent call last)" in err
        message = (err.strip().splitlines() or [f"exit {code}"])[-1] if failed else ""
        return wall, maxrss, utime, stime, message

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def bench_cold(spawner: Spawner, command: list[str], targets: dict[str, Path], runs: int, cwd: str,
               env: dict | None = None) -> dict:
    result = {}
    for label, target in targets.items():
        argv = command + [str(target)]
        spawner.run(argv, cwd, env)  # warm-up: page cache, .pyc files, pattern cache
        walls, rss, cpu = [], [], []
        error = ""
        for _ in range(runs):
            wall, maxrss, utime, stime, err = spawner.run(argv, cwd, env)
            walls.append(wall)
            rss.append(maxrss)
            cpu.append(utime + stime)
            error = error or err
        result[label] = {
            "median_seconds": statistics.median(walls),
            "min_seconds": min(walls),
            "max_seconds": max(walls),
            "median_cpu_seconds": statistics.median(cpu),
            "peak_rss_mib": max(rss) / 1024,
            "runs": runs,
        }
        if error:
            result[label]["error"] = error
    return result


def console_script(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    return shutil.which(name)


def median_article(corpus) -> Path:
    ordered = sorted(corpus, key=lambda item: item[2])
    return ordered[len(ordered) // 2][0]


# -- report --------------------------------------------------------------------------


def table(headers: list[str], rows: list[list], align: str | None = None) -> str:
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    align = align or "l" + "r" * (len(headers) - 1)

    def line(row):
        return "  ".join(c.ljust(w) if a == "l" else c.rjust(w) for c, w, a in zip(row, widths, align)).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells[1:]]
    return "\n".join(out)


def fmt_int(n: float) -> str:
    return f"{n:,.0f}"


def per_k(n: int, words: int) -> str:
    return f"{1000 * n / words:.2f}" if words else "-"


def report(fig: dict) -> str:
    out = []
    c, p, w = fig["copydesk"], fig.get("proselint"), fig["words"]
    out.append(
        f"copydesk benchmark: {fig['articles']:,} articles, {w:,} words ({fig['data']})\n"
        f"python {fig['python']}, {fig['cpus']} CPUs, load average {fig['load_average']}; "
        f"best of {fig['repeat']} pass(es)"
    )

    out.append("\n1. Throughput in-process (parse + lint every article, after a one-article warm-up)")
    rows = [[
        f"copydesk ({c['rules']} rules)", fmt_int(w), f"{c['seconds']:.2f}", fmt_int(w / c["seconds"]),
        f"{c['cpu_seconds']:.2f}", fmt_int(w / c["cpu_seconds"]) if c["cpu_seconds"] else "-",
        f"{1000 * c['seconds'] / fig['articles']:.2f}",
    ]]
    if p:
        rows.append([
            f"proselint ({p['checks']} checks)", fmt_int(w), f"{p['seconds']:.2f}", fmt_int(w / p["seconds"]),
            f"{p['cpu_seconds']:.2f}", fmt_int(w / p["cpu_seconds"]) if p["cpu_seconds"] else "-",
            f"{1000 * p['seconds'] / fig['articles']:.2f}",
        ])
    out.append(table(["tool", "words", "wall s", "words/s", "cpu s", "words/cpu-s", "ms/article"], rows))
    out.append(
        f"copydesk split: parse {c['parse_seconds']:.2f} s, lint {c['lint_seconds']:.2f} s; "
        f"one-off: import {1000 * c['import_seconds']:.0f} ms, rule load {1000 * c['load_seconds']:.0f} ms, "
        f"first article {1000 * c['warmup_seconds']:.0f} ms"
    )
    if p:
        ratio = (w / c["seconds"]) / (w / p["seconds"])
        verdict = "MET" if ratio >= TARGET_SPEEDUP else "NOT MET"
        out.append(
            f"ratio copydesk/proselint words/s: {ratio:.2f}x wall, "
            f"{p['cpu_seconds'] / c['cpu_seconds']:.2f}x CPU (target >= {TARGET_SPEEDUP:.0f}x: {verdict})"
        )

    out.append("\n2. Alerts per 1,000 words")
    cats = sorted(c["by_category"].items(), key=lambda kv: -kv[1])
    fams = sorted(p["by_family"].items(), key=lambda kv: -kv[1]) if p else []
    n = max(len(cats), len(fams))
    rows = []
    for i in range(n):
        left = [cats[i][0], fmt_int(cats[i][1]), per_k(cats[i][1], w)] if i < len(cats) else ["", "", ""]
        right = [fams[i][0], fmt_int(fams[i][1]), per_k(fams[i][1], w)] if i < len(fams) else ["", "", ""]
        rows.append(left + ["|"] + right)
    rows.append(["total", fmt_int(c["alerts"]), per_k(c["alerts"], w), "|"]
                + (["total", fmt_int(p["alerts"]), per_k(p["alerts"], w)] if p else ["", "", ""]))
    out.append(table(["copydesk category", "alerts", "/1k words", "|", "proselint family", "alerts", "/1k words"],
                     rows, "lrrllrr"))

    out.append("\ncopydesk per rule")
    rule_rows = []
    per_rule_s = c.get("per_rule_seconds")
    for rule_id, category in sorted(c["rule_categories"].items()):
        count = c["by_rule"].get(rule_id, 0)
        row = [rule_id, category, fmt_int(count), per_k(count, w)]
        if per_rule_s:
            row.append(f"{1000 * per_rule_s.get(rule_id, 0):.0f}")
        rule_rows.append(row)
    for rule_id, count in sorted(c["by_rule"].items()):
        if rule_id not in c["rule_categories"]:  # e.g. copydesk.unused-suppression
            rule_rows.append([rule_id, "-", fmt_int(count), per_k(count, w)] + ([""] if per_rule_s else []))
    headers = ["rule", "category", "alerts", "/1k words"] + (["ms total (alone)"] if per_rule_s else [])
    out.append(table(headers, rule_rows, "llrrr"))
    if per_rule_s:
        doc_s = c["document_seconds"]
        out.append("shared document work (ms total): " + ", ".join(f"{k} {1000 * v:.0f}" for k, v in doc_s.items()))

    cold = fig.get("cold")
    if cold:
        out.append(f"\n3-4. Cold start, whole process: median of {cold['runs']} runs after a warm-up "
                   f"(article: {cold['article_name']}, {cold['article_words']} words)")
        rows = []
        for tool in ("copydesk", "copydesk_no_cache", "proselint"):
            r = cold.get(tool)
            if not r:
                continue
            for label, x in r.items():
                name = "copydesk check, no pack cache" if tool == "copydesk_no_cache" else f"{tool} check"
                rows.append([
                    f"{name} ({label})", f"{x['median_seconds']:.3f}",
                    f"{x['min_seconds']:.3f}-{x['max_seconds']:.3f}", f"{x['median_cpu_seconds']:.3f}",
                    f"{x['peak_rss_mib']:.1f}", x.get("error", ""),
                ])
        out.append(table(["command", "median s", "range s", "cpu s", "peak MiB", "error"], rows, "lrrrrl"))
        out.append(f"(peak RSS per process from wait4; spawner floor {cold.get('rss_floor_mib', 0):.1f} MiB)")
        if cold.get("copydesk") and cold.get("proselint"):
            a = cold["copydesk"]["article"]["median_seconds"]
            b = cold["proselint"]["article"]["median_seconds"]
            verdict = "MET" if a <= b else "NOT MET"
            if cold["copydesk"]["article"].get("error"):
                verdict = "copydesk check FAILED, see error"
            out.append(f"copydesk / proselint cold start: {a / b:.2f}x (target <= 1.00x: {verdict})")
    elif fig.get("cold_skipped"):
        out.append(f"\n3-4. Cold start: skipped ({fig['cold_skipped']})")
    return "\n".join(out)


# -- main ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of <section>/*.txt articles")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (quick run)")
    parser.add_argument("--repeat", type=int, default=1, help="in-process passes; the fastest counts")
    parser.add_argument("--runs", type=int, default=10, help="cold-start runs per command (after a warm-up)")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start processes")
    parser.add_argument("--no-proselint", action="store_true", help="skip proselint")
    parser.add_argument("--per-rule", action="store_true", help="also time each rule alone")
    parser.add_argument("--rules", type=Path, help="in-process: lint with the packs in DIR instead of the defaults")
    parser.add_argument("--article", type=Path, help="article for the cold start (default: the median-length one)")
    parser.add_argument("--json", metavar="FILE", help="dump the figures as JSON to FILE ('-': stdout, no table)")
    args = parser.parse_args(argv)

    if not args.data.is_dir() or not any(args.data.glob("*/*.txt")):
        print(f"bench_newsroom: no corpus at {args.data} (expected <section>/*.txt); pass --data DIR", file=sys.stderr)
        return 0
    sys.path.insert(0, str(REPO))  # a source checkout works without install

    spawner = None if args.no_cold else Spawner()  # before we grow: see _SPAWNER
    corpus = load_corpus(args.data, args.limit)
    words = sum(n for _, _, n in corpus)
    fig = {
        "data": str(args.data),
        "articles": len(corpus),
        "words": words,
        "repeat": args.repeat,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    log(f"{len(corpus)} articles, {words:,} words; copydesk in-process ...")
    fig["copydesk"] = bench_copydesk(corpus, args.repeat, args.per_rule, args.rules)
    if not args.no_proselint:
        log("proselint in-process ...")
        try:
            fig["proselint"] = bench_proselint(corpus, args.repeat)
        except ImportError as exc:
            log(f"proselint is not importable ({exc}); skipped")
            args.no_proselint = True

    if args.no_cold:
        fig["cold_skipped"] = "--no-cold"
    else:
        article = args.article or median_article(corpus)
        tools = {"copydesk": console_script("copydesk")}
        if not args.no_proselint:
            tools["proselint"] = console_script("proselint")
        cold = {"runs": args.runs, "article": str(article), "article_name": f"{article.parent.name}/{article.name}",
                "article_words": len(read_text(article).split())}
        with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
            # Run from an empty folder, so no project config of either tool applies.
            empty = Path(tmp) / "empty.txt"
            empty.write_text("")
            # The same article as Markdown (a temporary copy, removed afterwards):
            # copydesk then also imports markdown-it.
            markdown = Path(tmp) / f"{article.stem}.md"
            markdown.write_text(read_text(article))
            floor = spawner.run(["/bin/true"], tmp)[1] if os.path.exists("/bin/true") else 0
            cold["rss_floor_mib"] = floor / 1024
            for tool, script in tools.items():
                if not script:
                    cold[tool] = None
                    log(f"cold start: no '{tool}' console script found; skipped")
                    continue
                log(f"cold start: {tool} check x{args.runs} ...")
                targets = {"article": article, "article as .md": markdown, "empty": empty}
                cold[tool] = bench_cold(spawner, [script, "check"], targets, args.runs, tmp)
                if tool == "copydesk":  # every run compiling its patterns, as the very first one does
                    cold["copydesk_no_cache"] = bench_cold(
                        spawner, [script, "check"], {"article": article}, args.runs, tmp, {"COPYDESK_NO_CACHE": "1"}
                    )
        spawner.close()
        fig["cold"] = cold
        fig["load_average_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())

    if args.json:
        text = json.dumps(fig, indent=2, sort_keys=True)
        if args.json == "-":
            print(text)
            return 0
        Path(args.json).write_text(text + "\n")
    print(report(fig))
    return 0


if __name__ == "__main__":
    sys.exit(main())
