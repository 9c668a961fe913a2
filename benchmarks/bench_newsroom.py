#!/usr/bin/env python
"""Benchmark copydesk's newsroom pack on news corpora, beside the bare spaCy
pipeline and proselint.

Not a test: it prints figures, each beside its yardstick measured in the
same run on the same text, so that machine load affects both alike.

1. Throughput in-process on the BBC articles, in words per second:

   - the full pack WITH the linguistic layer: every article parsed, the
     prose blocks of the whole corpus run through ``nlp.parse_documents``
     (spaCy batches across articles, as the CLI will), every article linted.
     Beside it, the bare spaCy pipeline: ``nlp.load()`` and ``nlp.pipe`` over
     the same prose blocks with the same batch size, the docs consumed, no
     rules. Ratio full / bare (target >= 0.7, issues 10, 11 and 13), and
     the full pack's cost split: document parse, spaCy parse, lexical
     rules, rules needing NLP (which build the attribution model).
   - the lexical rules alone (``rule.check.NEEDS_NLP`` False, so spaCy never
     runs) vs proselint's default-enabled checks through its own API
     (``LintFile(...).lint(config)``, as ``proselint check`` does): target
     >= 2x. The full pack vs proselint is shown too, with no target.
2. Alerts per 1,000 words of the full pack per category and per rule, on
   the BBC articles and on the PolNeAR article texts (``{train,dev}/text``;
   ``--no-polnear`` skips them); proselint per check family (the first part
   of its check path) on BBC.
3. Cold start: ``copydesk check ARTICLE`` vs ``proselint check ARTICLE`` as
   whole processes (the console scripts of this venv, run from an empty
   temporary folder), median of N runs after a warm-up. copydesk's now
   includes loading spaCy (target < 1.5 s). Also: the article as a ``.md``
   copy (copydesk then imports markdown-it), an empty file, copydesk with
   ``COPYDESK_NO_CACHE=1`` (every run building its packs, as the very first
   run after an install does) and copydesk with the NLP rules ignored (spaCy
   never imported), which keeps the old target: no slower than proselint.
   copydesk runs with ``--no-cache`` and ``COPYDESK_NO_SERVER=1`` unless
   the row says otherwise: ``result cached`` (the article again, its
   result in the cache) and ``server on`` (handed to a ``copydesk server``
   started for the measurement; the server's CPU is not in the row's).
   Beside them, ``spaCy alone``: a process that loads the pipeline as
   copydesk does and parses the article, no rules: the floor of any cold
   check that parses.
   Targets: <= 4x proselint's with the server off, <= 1.5x with it on.
4. Peak memory (max RSS) of those processes, read per child with
   ``os.wait4`` (the per-child form of ``getrusage(RUSAGE_CHILDREN)``).
5. ``--sample RULE:N`` prints N random alerts of RULE (seeded: ``--seed``)
   from the corpora linted, each with its file, match, message and the
   sentence around it (or 150 characters either side), for editors to read.

6. Scale (``--scale N``, default 1,000 articles), whole processes: ``check
   -j 1`` and ``-j 2`` without the cache (target: -j 2 >= 1.7x the words/s),
   a first and a second run with the cache (target: the re-run <= 5% of
   the first), ``-j 1`` on each of ``--memory-sizes`` (default 100 and
   2,000 articles; target: peak RSS within 20%); then ``copydesk audit`` on
   2 local Dask workers over ``--audit-size`` articles (default all) beside
   ``check -j 2``'s words/s, and ``check`` again on a random sample of them
   (``--audit-sample``), which must give the audit's alerts exactly.

``--per-rule`` adds each rule's cost alone and the shared document work
(parsing, spaCy, the attribution model, sentences, quotations), to find
the slow rule; ``--rules DIR`` times other packs in-process (a folder of
packs, e.g. ``rules``).

The corpora are the BBC News dataset in ``../shared/data/bbc-news`` and
PolNeAR in ``../shared/data/polnear`` (relative to the repository); they
are read, never copied. Usage::

    python benchmarks/bench_newsroom.py                 # full corpora
    python benchmarks/bench_newsroom.py --limit 200     # quick run
    python benchmarks/bench_newsroom.py --no-cold --no-proselint --sample newsroom.unattributed-claim:30
    python benchmarks/bench_newsroom.py --json out.json # also dump figures
    python benchmarks/bench_newsroom.py --json -        # JSON only, on stdout

Words are whitespace-separated tokens (``len(text.split())``), counted the
same way for every tool. Only the standard library is used, plus copydesk
(and so spaCy) and proselint themselves.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
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
DEFAULT_POLNEAR = REPO.parent / "shared" / "data" / "polnear"
TARGET_SPEEDUP = 2.0  # copydesk's lexical rules: words/s >= 2x proselint's
TARGET_PIPELINE_RATIO = 0.7  # the full pack: words/s >= 0.7x the bare spaCy pipeline's (issues 10, 11, 13)
TARGET_COLD_SECONDS = 1.5  # copydesk check ARTICLE, spaCy load included
TARGET_CACHED_RERUN = 0.05  # a re-run on unchanged files with the result cache <= 5% of the first run's wall time
TARGET_JOBS_SPEEDUP = 1.7  # check -j 2: words/s >= 1.7x check -j 1's
TARGET_MEMORY_GROWTH = 1.2  # peak RSS on the largest corpus <= 1.2x on the smallest
TARGET_COLD_RATIO = 4.0  # copydesk check ARTICLE (full pack, no server) <= 4x proselint's cold start
TARGET_COLD_SERVER_RATIO = 1.5  # ... handed to a running copydesk server: <= 1.5x
BUSY_WALL_OVER_CPU = 1.15  # a single-threaded pass whose wall time exceeds its CPU time so shared the CPUs
SAMPLE_CONTEXT = 150  # characters either side of an alert found in no sentence
LEXICAL, LINGUISTIC = "lexical rules", "rules needing NLP"


# -- corpora ------------------------------------------------------------------


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # a few BBC files are Latin-1
        return data.decode("latin-1")


def bbc_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/*.txt"))


def polnear_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("train/text/*.txt")) + sorted(folder.glob("dev/text/*.txt"))


def load_corpus(files: list[Path], limit: int | None) -> list[tuple[Path, str, int]]:
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


def copydesk_rules(folder: Path | None = None, config: Path | None = None):
    """The default packs' rules, as ``copydesk check`` would run them (or
    every pack in ``folder``, to time rules in the making, or the rules a
    config file gives, to measure a house style)."""
    from lint import packs
    from lint.config import ConfigResolver

    if config is not None:
        return ConfigResolver(config).for_folder(config.parent).rules_for(None)
    if folder is not None:
        return [rule for name, path in packs.find_packs(folder).items() for rule in packs.load_pack(path, name)]
    available = packs.builtin_packs()
    rules = []
    for name in packs.DEFAULT_PACKS:
        rules.extend(packs.load_pack(available[name], name))
    return rules


def rule_groups(rules) -> dict[str, list]:
    """Rules by whether they read the linguistic layer."""
    return {
        LEXICAL: [r for r in rules if not r.check.NEEDS_NLP],
        LINGUISTIC: [r for r in rules if r.check.NEEDS_NLP],
    }


def parsed_documents(corpus, with_nlp: bool, seconds: Counter, names: bool = False):
    """Each article as a parsed Document, in order; ``with_nlp``, through
    ``nlp.parse_documents`` in batches of articles as the CLI reads them,
    then (``names``) the entity recognizer over each batch, as the CLI
    runs it for rules on the people model. Adds each step's time to
    ``seconds``."""
    from lint import nlp
    from lint.parallel import BATCH_FILES
    from lint.document import parse
    from lint.people import recognize_names

    for start in range(0, len(corpus), BATCH_FILES):
        t0 = time.perf_counter()
        docs = [parse(text, str(path)) for path, text, _ in corpus[start : start + BATCH_FILES]]
        t1 = time.perf_counter()
        seconds["document parse"] += t1 - t0
        if with_nlp:
            for _ in nlp.parse_documents(docs):
                pass
            t2 = time.perf_counter()
            seconds["spacy parse"] += t2 - t1
            if names:
                recognize_names(docs)
                seconds["entity recognizer"] += time.perf_counter() - t2
        yield from docs


def lint_corpus(corpus, rules, known, sampled_rules: frozenset = frozenset()) -> dict:
    """One timed pass over the corpus: parse, spaCy when a rule needs it,
    lint. Alerts of ``sampled_rules`` are kept (path, alert) for --sample."""
    from lint import engine

    # The engine runs once per rule group so that each group's cost is
    # timed on its own: the same rule work as one call (alerts are deduped
    # per rule, and no corpus article carries a suppression comment).
    groups = {name: group for name, group in rule_groups(rules).items() if group}
    seconds: Counter = Counter()
    alerts_by_rule: Counter = Counter()
    alerts_by_category: Counter = Counter()
    kept = []
    total_alerts = 0
    with Stopwatch() as sw:
        names = engine.needs_names(rules)
        for doc in parsed_documents(corpus, LINGUISTIC in groups, seconds, names):
            for name, group in groups.items():
                t0 = time.perf_counter()
                alerts = engine.lint(doc, group, (), known)
                seconds[name] += time.perf_counter() - t0
                total_alerts += len(alerts)
                for alert in alerts:
                    alerts_by_rule[alert.rule] += 1
                    alerts_by_category[alert.category] += 1
                    if alert.rule in sampled_rules:
                        kept.append((doc.path, alert))
    return {
        "seconds": sw.wall,
        "cpu_seconds": sw.cpu,
        "split_seconds": dict(seconds),
        "alerts": total_alerts,
        "by_rule": dict(alerts_by_rule),
        "by_category": dict(alerts_by_category),
        "kept_alerts": kept,
    }


def bench_copydesk(corpus, rules, repeat: int, sampled_rules: frozenset = frozenset()) -> dict:
    """The fastest of ``repeat`` passes of ``rules``, after one-off costs
    (spaCy load, a one-article warm-up) measured apart."""
    from lint import engine, nlp
    from lint.document import parse

    known = [r.id for r in rules]
    uses_nlp = engine.needs_nlp(rules)
    with Stopwatch() as spacy_load:
        if uses_nlp:
            nlp.load()
    # Warm-up on the first article: lazy imports (syntok, ...) happen here.
    with Stopwatch() as warm:
        path, text, _ = corpus[0]
        engine.lint(parse(text, str(path)), rules, (), known)

    best = None
    for _ in range(repeat):
        result = lint_corpus(corpus, rules, known, sampled_rules)
        if best is None or result["seconds"] < best["seconds"]:
            best = result
    best.update(
        spacy_load_seconds=spacy_load.wall if uses_nlp else None,
        warmup_seconds=warm.wall,
        rules=len(rules),
        rule_categories={r.id: r.category for r in rules},
        nlp_rules=sorted(r.id for r in rules if r.check.NEEDS_NLP),
    )
    return best


def bench_bare_pipeline(corpus, repeat: int) -> dict:
    """spaCy alone: the pipeline copydesk loads, over the prose blocks
    ``nlp.parse_documents`` would send it, with the same batch size."""
    from lint import nlp
    from lint.document import parse

    blocks = []
    for path, text, _ in corpus:
        doc = parse(text, str(path))
        blocks += [doc.prose[b.start : b.end] for b in doc.blocks if b.kind in nlp.PARSED_KINDS and b.end > b.start]
    pipeline = nlp.load()
    best = None
    for _ in range(repeat):
        with Stopwatch() as sw:
            for _ in pipeline.pipe(blocks, batch_size=nlp.BATCH_SIZE):
                pass
        if best is None or sw.wall < best["seconds"]:
            best = {"seconds": sw.wall, "cpu_seconds": sw.cpu}
    best.update(pipeline=nlp.DEFAULT_PIPELINE, components=list(pipeline.pipe_names), blocks=len(blocks),
                batch_size=nlp.BATCH_SIZE)
    return best


def time_rules(corpus, rules, known) -> tuple[dict, dict]:
    """Cost of each rule alone, and of the document work rules share
    (done up front so that no rule is charged for it)."""
    from lint import attribution, engine

    uses_nlp = engine.needs_nlp(rules)
    per_rule: Counter = Counter()
    shared: Counter = Counter()
    for doc in parsed_documents(corpus, uses_nlp, shared, engine.needs_names(rules)):
        if uses_nlp:
            t0 = time.perf_counter()
            attribution.model(doc)
            shared["attribution model"] += time.perf_counter() - t0
        for name in ("sentences", "quotes", "ignored", "_quote_starts", "_line_starts"):
            t0 = time.perf_counter()
            getattr(doc, name, None)
            shared[name] += time.perf_counter() - t0
        for rule in rules:
            t0 = time.perf_counter()
            engine.lint(doc, [rule], (), known)
            per_rule[rule.id] += time.perf_counter() - t0
    return dict(per_rule), dict(shared)


# -- samples for editors ---------------------------------------------------------------


def parse_sample(value: str) -> tuple[str, int]:
    rule, _, count = value.rpartition(":")
    if not rule or not count.isdigit() or int(count) < 1:
        raise argparse.ArgumentTypeError(f"expected RULE:N (e.g. newsroom.vague-source:20), got '{value}'")
    return rule, int(count)


def sentence_around(path: str, start: int, end: int) -> str:
    """The sentence(s) holding a source span, on one line; 150 characters
    either side when no sentence does."""
    from lint.document import parse

    doc = parse(read_text(Path(path)), path)
    spans = [doc.source_span(s, e) for s, e in doc.sentences]
    holding = [(s, e) for s, e in spans if s < end and start < e]
    if holding:
        start, end = holding[0][0], holding[-1][1]
    else:
        start, end = max(0, start - SAMPLE_CONTEXT), end + SAMPLE_CONTEXT
    return " ".join(doc.source[start:end].split())


def draw_samples(kept_alerts, count: int, seed: int, roots: list[Path]) -> list[dict]:
    """``count`` alerts drawn at random (reproducibly), in corpus order."""
    chosen = sorted(random.Random(seed).sample(range(len(kept_alerts)), min(count, len(kept_alerts))))
    samples = []
    for index in chosen:
        path, alert = kept_alerts[index]
        root = next((r for r in roots if Path(path).is_relative_to(r)), Path(path).parent)
        samples.append({
            "file": f"{Path(path).relative_to(root.parent)}:{alert.line}:{alert.column}",
            "match": " ".join(alert.match.split()),
            "message": alert.message,
            "sentence": sentence_around(path, alert.start, alert.end),
        })
    return samples
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


# spaCy loaded as copydesk loads it (lint.nlp.load) and the article parsed.
SPACY_ALONE = "import sys; from lint import nlp; nlp.load()(open(sys.argv[1], encoding='utf-8').read())"


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
    """Median of ``runs`` runs of each target after a warm-up. A target
    whose warm-up or any run failed gets only its error: a failed
    measurement has no figure."""
    result = {}
    for label, target in targets.items():
        argv = command + [str(target)]
        error = spawner.run(argv, cwd, env)[-1]  # warm-up: page cache, .pyc files, pattern cache
        walls, rss, cpu = [], [], []
        for _ in range(runs):
            if error:
                break
            wall, maxrss, utime, stime, error = spawner.run(argv, cwd, env)
            walls.append(wall)
            rss.append(maxrss)
            cpu.append(utime + stime)
        if error:
            result[label] = {"error": error, "runs": runs}
            continue
        result[label] = {
            "median_seconds": statistics.median(walls),
            "min_seconds": min(walls),
            "max_seconds": max(walls),
            "median_cpu_seconds": statistics.median(cpu),
            "peak_rss_mib": max(rss) / 1024,
            "runs": runs,
        }
    return result


def bench_with_server(spawner: Spawner, script: str, check: list[str], article: Path, runs: int, tmp: Path) -> dict:
    """The cold start of ``copydesk check`` handing the article to a
    running ``copydesk server`` (started here, in a private runtime folder)."""
    runtime = tmp / "runtime"
    runtime.mkdir(exist_ok=True)
    env = {"XDG_RUNTIME_DIR": str(runtime)}
    socket_path = runtime / "copydesk" / "server.sock"
    server = subprocess.Popen([script, "server", "--idle-timeout", "600"], env={**os.environ, **env},
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while not socket_path.exists() and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        if not socket_path.exists():
            return {"article": {"error": "the server did not start", "runs": runs}}
        return bench_cold(spawner, check, {"article": article}, runs, str(tmp), env)
    finally:
        server.terminate()
        server.wait()


def console_script(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    return shutil.which(name)


def median_article(corpus) -> Path:
    ordered = sorted(corpus, key=lambda item: item[2])
    return ordered[len(ordered) // 2][0]


def utf8_articles(files: list[Path]) -> list[Path]:
    """The articles copydesk can read (a few BBC files are Latin-1, which
    copydesk reports as unreadable, exit 2): whole-process runs take only these."""
    readable = []
    for path in files:
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        readable.append(path)
    return readable


def bench_scale(spawner: Spawner, script: str, corpus, size: int, memory_sizes: list[int], tmp: Path) -> dict:
    """``copydesk check`` as whole processes on the first ``size`` articles:
    one core and two without the result cache, then a first and a second
    run with it (each from a fresh folder, so the cache starts empty); and
    one core on each of ``memory_sizes`` articles, for memory as the
    corpus grows. Each row has the load average before it ran."""
    runs = {}

    def run(label: str, count: int, options: list[str], folder: str) -> None:
        files = [str(path) for path, _, _ in corpus[:count]]
        cwd = tmp / folder
        cwd.mkdir(exist_ok=True)
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        log(f"scale: {label} on {len(files)} articles (load {load}) ...")
        wall, maxrss, utime, stime, error = spawner.run([script, "check", "--format", "json", *options, *files], str(cwd))
        runs[label] = {"articles": len(files), "words": sum(n for _, _, n in corpus[:count]), "load_average": load}
        if error:
            runs[label]["error"] = error
        else:
            runs[label].update(seconds=wall, cpu_seconds=utime + stime, peak_rss_mib=maxrss / 1024)

    run("-j 1, no cache", size, ["-j", "1", "--no-cache"], "serial")
    run("-j 2, no cache", size, ["-j", "2", "--no-cache"], "workers")
    run("-j 2, first run with the cache", size, ["-j", "2"], "cached")
    run("-j 2, re-run with the cache", size, ["-j", "2"], "cached")
    for count in memory_sizes:
        run(f"-j 1, no cache, {count} articles", count, ["-j", "1", "--no-cache"], "serial")
    return {"size": min(size, len(corpus)), "memory_sizes": memory_sizes, "runs": runs}


def bench_audit(spawner: Spawner, script: str, corpus, sample: int, seed: int, tmp: Path) -> dict:
    """``copydesk audit`` with a local Dask cluster of 2 workers on the
    whole corpus, timed as a whole process; then ``check`` on a random
    sample of its articles, whose alerts must be the audit's."""
    files = [str(path) for path, _, _ in corpus]
    out = tmp / "audit"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    log(f"audit: {len(files)} articles on 2 Dask workers (load {load}) ...")
    wall, maxrss, utime, stime, error = spawner.run(
        [script, "audit", "--workers", "2", "--out", str(out), *files], str(tmp)
    )
    result = {"articles": len(files), "words": sum(n for _, _, n in corpus), "load_average": load}
    if error:
        result["error"] = error
        return result
    # The Dask workers are not children the spawner waits for: their CPU is not in these figures.
    result.update(seconds=wall, peak_rss_mib=maxrss / 1024)
    import csv

    with (out / "alerts.csv").open(encoding="utf-8", newline="") as file:
        audited = [(r["path"], r["rule"], int(r["line"]), int(r["column"]), r["message"]) for r in csv.DictReader(file)]
    chosen = sorted(random.Random(seed).sample(files, min(sample, len(files))))
    log(f"audit: check on a sample of {len(chosen)} articles ...")
    checked = subprocess.run([script, "check", "--no-cache", "--format", "json", *chosen], cwd=tmp,
                             capture_output=True, text=True)
    if checked.returncode not in (0, 1):
        result["sample_error"] = (checked.stderr.strip().splitlines() or [f"exit {checked.returncode}"])[-1]
        return result
    expected = sorted((f["path"], a["rule"], a["line"], a["column"], a["message"])
                      for f in json.loads(checked.stdout)["files"] for a in f["alerts"])
    wanted = set(chosen)
    got = sorted(row for row in audited if row[0] in wanted)
    result.update(sample=len(chosen), sample_alerts=len(expected), sample_same=got == expected,
                  sample_only_audit=len(set(got) - set(expected)), sample_only_check=len(set(expected) - set(got)))
    return result


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


def verdict(met: bool) -> str:
    return "MET" if met else "NOT MET"


def ratio_line(label: str, wall: float, cpu: float, target: float | None) -> str:
    """A words/s ratio on wall and CPU time, each held to ``target``: on a
    busy machine the wall ratio moves with whatever else runs, the CPU one
    much less."""
    goal = "no target"
    if target:
        goal = f"target >= {target:g}x: wall {verdict(wall >= target)}, CPU {verdict(cpu >= target)}"
    return f"ratio {label} words/s: {wall:.2f}x wall, {cpu:.2f}x CPU ({goal})"


def busy_note(timings: dict[str, tuple[float, float]]) -> list[str]:
    """Warn of the measurements (label: wall, CPU seconds) that waited for a CPU."""
    busy = [f"  {label}: wall {100 * (wall / cpu - 1):.0f}% over CPU"
            for label, (wall, cpu) in timings.items() if cpu and wall > BUSY_WALL_OVER_CPU * cpu]
    if not busy:
        return []
    return ["note: the machine was busy (the CPU figures are the steadier) during"] + busy


def throughput_row(label: str, result: dict, words: int, articles: int) -> list:
    return [
        label, fmt_int(words), f"{result['seconds']:.2f}", fmt_int(words / result["seconds"]),
        f"{result['cpu_seconds']:.2f}", fmt_int(words / result["cpu_seconds"]) if result["cpu_seconds"] else "-",
        f"{1000 * result['seconds'] / articles:.2f}",
    ]


def speed_ratio(fast: dict, slow: dict) -> tuple[float, float]:
    """Words/s of ``fast`` over words/s of ``slow`` (same words): wall, CPU."""
    return slow["seconds"] / fast["seconds"], slow["cpu_seconds"] / fast["cpu_seconds"]


def cost_split(result: dict) -> str:
    """Where a pass's wall time went; the rest is the loop and the counting."""
    split = result["split_seconds"]
    parts = [
        (name, split[name])
        for name in ("document parse", "spacy parse", "entity recognizer", LEXICAL, LINGUISTIC)
        if name in split
    ]
    parts.append(("rest", result["seconds"] - sum(s for _, s in parts)))
    return ", ".join(f"{name} {s:.2f} s ({100 * s / result['seconds']:.0f}%)" for name, s in parts)


def report_throughput(fig: dict) -> list[str]:
    full, lexical, bare, prose = fig["copydesk"], fig["copydesk_lexical"], fig["bare_pipeline"], fig.get("proselint")
    words, articles = fig["words"], fig["articles"]
    out = ["\n1. Throughput in-process on BBC (after one-off costs and a one-article warm-up)"]
    passes = {
        f"copydesk full pack ({full['rules']} rules, spaCy)": full,
        f"bare spaCy pipeline ({bare['pipeline']}, no rules)": bare,
        f"copydesk lexical rules only ({lexical['rules']} rules)": lexical,
    }
    if prose:
        passes[f"proselint ({prose['checks']} checks)"] = prose
    rows = [throughput_row(label, result, words, articles) for label, result in passes.items()]
    out.append(table(["pass", "words", "wall s", "words/s", "cpu s", "words/cpu-s", "ms/article"], rows))
    out += busy_note({label: (result["seconds"], result["cpu_seconds"]) for label, result in passes.items()})
    out.append(ratio_line("copydesk full pack / bare spaCy pipeline", *speed_ratio(full, bare), TARGET_PIPELINE_RATIO))
    out.append(f"full pack cost split: {cost_split(full)}")
    out.append(f"  ({LINGUISTIC} include building the attribution model; spaCy: {', '.join(bare['components'])}, "
               f"{fmt_int(bare['blocks'])} prose blocks, batch size {bare['batch_size']})")
    out.append(f"lexical-only cost split: {cost_split(lexical)}")
    out.append(
        f"one-off: import {1000 * fig['import_seconds']:.0f} ms, rule load {1000 * fig['rule_load_seconds']:.0f} ms, "
        f"spaCy load {1000 * (full['spacy_load_seconds'] or 0):.0f} ms, "
        f"first article {1000 * full['warmup_seconds']:.0f} ms"
    )
    if prose:
        out.append(ratio_line("copydesk lexical rules / proselint", *speed_ratio(lexical, prose), TARGET_SPEEDUP))
        out.append(ratio_line("copydesk full pack / proselint", *speed_ratio(full, prose), None))
    return out


def report_alerts(fig: dict) -> list[str]:
    full, prose, words = fig["copydesk"], fig.get("proselint"), fig["words"]
    polnear = fig.get("polnear")
    out = ["\n2. Alerts per 1,000 words, full pack"]
    if polnear:
        pn = polnear["copydesk"]
        out.append(
            f"PolNeAR: {polnear['articles']:,} articles, {polnear['words']:,} words ({polnear['data']}); "
            f"full pack {fmt_int(polnear['words'] / pn['seconds'])} words/s; {cost_split(pn)}"
        )
    else:
        out.append(f"PolNeAR: skipped ({fig.get('polnear_skipped')})")

    def counts(key: str, name: str) -> list:
        """BBC and PolNeAR columns for one category or rule."""
        n = full[key].get(name, 0)
        row = [fmt_int(n), per_k(n, words)]
        if polnear:
            m = polnear["copydesk"][key].get(name, 0)
            row += [fmt_int(m), per_k(m, polnear["words"])]
        return row

    corpus_headers = ["BBC alerts", "/1k words"] + (["PolNeAR alerts", "/1k words"] if polnear else [])
    categories = sorted(set(full["by_category"]) | set(polnear["copydesk"]["by_category"] if polnear else ()),
                        key=lambda name: -full["by_category"].get(name, 0))
    rows = [[name] + counts("by_category", name) for name in categories]
    total = [fmt_int(full["alerts"]), per_k(full["alerts"], words)]
    if polnear:
        total += [fmt_int(polnear["copydesk"]["alerts"]), per_k(polnear["copydesk"]["alerts"], polnear["words"])]
    rows.append(["total"] + total)
    out.append(table(["copydesk category"] + corpus_headers, rows))

    out.append("\ncopydesk per rule")
    per_rule_s = full.get("per_rule_seconds")
    nlp_rules = set(full["nlp_rules"])
    rows = []
    for rule_id, category in sorted(full["rule_categories"].items()):
        row = [rule_id, category, "yes" if rule_id in nlp_rules else ""] + counts("by_rule", rule_id)
        if per_rule_s:
            row.append(f"{1000 * per_rule_s.get(rule_id, 0):.0f}")
        rows.append(row)
    alerting = set(full["by_rule"]) | set(polnear["copydesk"]["by_rule"] if polnear else ())
    for rule_id in sorted(alerting - set(full["rule_categories"])):  # e.g. copydesk.unused-suppression
        rows.append([rule_id, "-", ""] + counts("by_rule", rule_id) + ([""] if per_rule_s else []))
    headers = ["rule", "category", "nlp"] + corpus_headers + (["BBC ms total (alone)"] if per_rule_s else [])
    out.append(table(headers, rows, "lll" + "r" * (len(headers) - 3)))
    if per_rule_s:
        out.append("shared document work on BBC (ms total): "
                   + ", ".join(f"{k} {1000 * v:.0f}" for k, v in full["document_seconds"].items()))

    if prose:
        out.append("\nproselint per check family, BBC")
        families = sorted(prose["by_family"].items(), key=lambda kv: -kv[1])
        rows = [[name, fmt_int(n), per_k(n, words)] for name, n in families]
        rows.append(["total", fmt_int(prose["alerts"]), per_k(prose["alerts"], words)])
        out.append(table(["proselint family", "alerts", "/1k words"], rows))
    return out


def report_cold(fig: dict) -> list[str]:
    cold = fig.get("cold")
    if not cold:
        return [f"\n3-4. Cold start: skipped ({fig.get('cold_skipped')})"]
    out = [f"\n3-4. Cold start, whole process: median of {cold['runs']} runs after a warm-up "
           f"(article: {cold['article_name']}, {cold['article_words']} words)"]
    names = {
        "copydesk": "copydesk check",
        "copydesk_no_cache": "copydesk check, no pack cache",
        "copydesk_lexical": "copydesk check, NLP rules ignored",
        "copydesk_cached": "copydesk check, result cached",
        "copydesk_server": "copydesk check, server on",
        "spacy_alone": "spaCy alone: import, load, parse",
        "proselint": "proselint check",
    }
    commands = {
        f"{name} ({label})": x for tool, name in names.items() for label, x in (cold.get(tool) or {}).items()
    }
    failed = "FAILED"
    rows = [
        [command, failed, "", "", "", x["error"]] if x.get("error") else
        [command, f"{x['median_seconds']:.3f}", f"{x['min_seconds']:.3f}-{x['max_seconds']:.3f}",
         f"{x['median_cpu_seconds']:.3f}", f"{x['peak_rss_mib']:.1f}", ""]
        for command, x in commands.items()
    ]
    out.append(table(["command", "median s", "range s", "cpu s", "peak MiB", "error"], rows, "lrrrrl"))
    out.append(f"(peak RSS per process from wait4; spawner floor {cold.get('rss_floor_mib', 0):.1f} MiB)")
    out += busy_note({command: (x["median_seconds"], x["median_cpu_seconds"])
                      for command, x in commands.items() if not x.get("error")})

    def article(tool: str) -> dict | None:
        return (cold.get(tool) or {}).get("article")

    def ratio_to_proselint(label: str, tool: str, target: float | None) -> None:
        """One cold-start ratio line, or why it could not be measured."""
        mine, prose = article(tool), article("proselint")
        if not mine or not prose:
            return
        broken = [name for name, x in ((tool, mine), ("proselint", prose)) if x.get("error")]
        if broken:
            out.append(f"{label} / proselint cold start: FAILED ({', '.join(broken)} did not run; see error)")
            return
        ratio = mine["median_seconds"] / prose["median_seconds"]
        goal = f"target <= {target:.2f}x: {verdict(ratio <= target)}" if target else "no target"
        out.append(f"{label} / proselint cold start: {ratio:.2f}x ({goal})")

    full = article("copydesk")
    if full and full.get("error"):
        out.append(f"copydesk check ARTICLE: FAILED ({full['error']})")
    elif full:
        seconds = full["median_seconds"]
        cpu = full["median_cpu_seconds"]
        out.append(
            f"copydesk check ARTICLE, spaCy load included: {seconds:.3f} s median wall, {cpu:.3f} s CPU, peak RSS "
            f"{full['peak_rss_mib']:.1f} MiB (target < {TARGET_COLD_SECONDS} s: wall "
            f"{verdict(seconds < TARGET_COLD_SECONDS)}, CPU {verdict(cpu < TARGET_COLD_SECONDS)})"
        )
    ratio_to_proselint("copydesk (NLP rules ignored)", "copydesk_lexical", 1.0)
    ratio_to_proselint("copydesk full pack, server off", "copydesk", TARGET_COLD_RATIO)
    ratio_to_proselint("copydesk full pack, server on", "copydesk_server", TARGET_COLD_SERVER_RATIO)
    ratio_to_proselint("copydesk full pack, result cached", "copydesk_cached", None)
    ratio_to_proselint("spaCy alone (import, load, parse; no rules: the floor)", "spacy_alone", None)
    return out


def report_scale(fig: dict) -> list[str]:
    scale = fig.get("scale")
    if not scale and not fig.get("audit"):
        return [f"\n6. Scale: skipped ({fig.get('scale_skipped')})"]
    scale = scale or {"runs": {}, "size": 0, "memory_sizes": []}
    runs = scale["runs"]
    out = [f"\n6. Scale: copydesk check --format json as whole processes, {fig['cpus']} CPUs "
           "(peak RSS: the largest process, the main one or a worker; a busy machine distorts wall times)"]
    rows = []
    for label, x in runs.items():
        if x.get("error"):
            rows.append([label, fmt_int(x["articles"]), "FAILED", "", "", "", "", x["load_average"], x["error"]])
            continue
        rows.append([label, fmt_int(x["articles"]), f"{x['seconds']:.1f}", fmt_int(x["words"] / x["seconds"]),
                     f"{x['cpu_seconds']:.1f}", fmt_int(x["words"] / x["cpu_seconds"]), f"{x['peak_rss_mib']:.0f}",
                     x["load_average"], ""])
    if rows:
        out.append(table(["run", "articles", "wall s", "words/s", "cpu s", "words/cpu-s", "peak MiB", "load before",
                          "error"], rows, "lrrrrrrrl"))

    def ratio(label: str, numerator: str, denominator: str, value, target: float, at_most: bool) -> None:
        broken = [name for name in (numerator, denominator) if name not in runs or runs[name].get("error")]
        if broken:
            out.append(f"{label}: FAILED ({', '.join(broken)} did not run)")
            return
        figure = value(runs[numerator], runs[denominator])
        met = figure <= target if at_most else figure >= target
        out.append(f"{label}: {figure:.3f}x (target {'<=' if at_most else '>='} {target:g}x: {verdict(met)})")

    audit = fig.get("audit")
    if audit:
        if audit.get("error"):
            out.append(f"audit, 2 Dask workers, {audit['articles']:,} articles: FAILED ({audit['error']})")
        else:
            out.append(f"audit, 2 Dask workers (local cluster), {audit['articles']:,} articles: {audit['seconds']:.1f} s wall, "
                       f"{fmt_int(audit['words'] / audit['seconds'])} words/s (load before {audit['load_average']}; "
                       f"peak RSS of the driver {audit['peak_rss_mib']:.0f} MiB)")
            ratio_jobs = runs.get("-j 2, no cache")
            if ratio_jobs and not ratio_jobs.get("error"):
                out.append(f"  beside check -j 2 on {ratio_jobs['articles']:,} articles: "
                           f"{fmt_int(ratio_jobs['words'] / ratio_jobs['seconds'])} words/s")
            if "sample_error" in audit:
                out.append(f"audit vs check on a sample: FAILED ({audit['sample_error']})")
            elif "sample" in audit:
                out.append(
                    f"audit vs check, random sample of {audit['sample']} articles ({audit['sample_alerts']:,} alerts by check): "
                    + ("the same alerts (MET)" if audit["sample_same"] else
                       f"DIFFERENT (NOT MET): {audit['sample_only_audit']} only in audit, "
                       f"{audit['sample_only_check']} only in check")
                )
    if not runs:
        return out
    ratio(f"re-run with the cache / first run, wall time, {scale['size']:,} articles",
          "-j 2, re-run with the cache", "-j 2, first run with the cache",
          lambda a, b: a["seconds"] / b["seconds"], TARGET_CACHED_RERUN, True)
    ratio(f"-j 2 / -j 1 words/s (wall), {scale['size']:,} articles", "-j 2, no cache", "-j 1, no cache",
          lambda a, b: b["seconds"] / a["seconds"], TARGET_JOBS_SPEEDUP, False)
    sizes = scale["memory_sizes"]
    if len(sizes) >= 2:
        ratio(f"peak RSS, {sizes[-1]:,} / {sizes[0]:,} articles (-j 1)", f"-j 1, no cache, {sizes[-1]} articles",
              f"-j 1, no cache, {sizes[0]} articles", lambda a, b: a["peak_rss_mib"] / b["peak_rss_mib"],
              TARGET_MEMORY_GROWTH, True)
    return out


def report_samples(fig: dict) -> list[str]:
    out = []
    for rule, drawn in fig.get("samples", {}).items():
        out.append(f"\n5. {len(drawn['alerts'])} random alerts of {rule} (of {drawn['found']:,} in "
                   f"{' and '.join(drawn['corpora'])}; seed {drawn['seed']})")
        if drawn.get("unknown"):
            out.append(f"(no rule {rule} among the rules run)")
        for number, sample in enumerate(drawn["alerts"], 1):
            out.append(f"[{number}] {sample['file']}")
            out.append(f"    match:    {sample['match']}")
            out.append(f"    message:  {sample['message']}")
            if sample["sentence"] != sample["match"]:
                out.append(f"    sentence: {sample['sentence']}")
    return out


def report(fig: dict) -> str:
    out = [
        f"copydesk benchmark: {fig['articles']:,} BBC articles, {fig['words']:,} words ({fig['data']})\n"
        f"python {fig['python']}, {fig['cpus']} CPUs, load average {fig['load_average']}; "
        f"best of {fig['repeat']} pass(es)"
    ]
    out += report_throughput(fig)
    out += report_alerts(fig)
    out += report_cold(fig)
    out += report_scale(fig)
    out += report_samples(fig)
    return "\n".join(out)


# -- main ----------------------------------------------------------------------------


def import_copydesk() -> None:
    """Import copydesk's kernel (timed apart: every process pays it once)."""
    import lint.document  # noqa: F401
    import lint.engine  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of <section>/*.txt articles (BBC)")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR,
                        help="PolNeAR folder ({train,dev}/text/*.txt), linted when it exists")
    parser.add_argument("--no-polnear", action="store_true", help="skip PolNeAR")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of each corpus (quick run)")
    parser.add_argument("--repeat", type=int, default=1, help="in-process passes on BBC; the fastest counts")
    parser.add_argument("--runs", type=int, default=10, help="cold-start runs per command (after a warm-up)")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start processes")
    parser.add_argument("--scale", type=int, default=1000, metavar="N",
                        help="articles for the whole-process cache and -j runs (0: skip them)")
    parser.add_argument("--audit-size", type=int, default=-1, metavar="N",
                        help="articles for copydesk audit on 2 Dask workers (-1: all; 0: skip)")
    parser.add_argument("--audit-sample", type=int, default=50, metavar="N",
                        help="articles of the audit checked again with copydesk check, alert for alert")
    parser.add_argument("--memory-sizes", default="100,2000", metavar="N,N",
                        help="article counts for memory as the corpus grows (-j 1)")
    parser.add_argument("--no-proselint", action="store_true", help="skip proselint")
    parser.add_argument("--per-rule", action="store_true", help="also time each rule alone")
    parser.add_argument("--rules", type=Path, help="in-process: lint with the packs in DIR instead of the defaults")
    parser.add_argument("--config", type=Path, help="in-process: lint with the rules this copydesk config gives "
                        "(packs, select, ignore, rule-options), e.g. benchmarks/house-styles/bbc.yaml")
    parser.add_argument("--article", type=Path, help="article for the cold start (default: the median-length one)")
    parser.add_argument("--sample", type=parse_sample, action="append", default=[], metavar="RULE:N",
                        help="print N random alerts of RULE with their sentences (repeatable)")
    parser.add_argument("--seed", type=int, default=1, help="seed of --sample's draw")
    parser.add_argument("--json", metavar="FILE", help="dump the figures as JSON to FILE ('-': stdout, no table)")
    args = parser.parse_args(argv)
    # The cold-start commands run from an empty temporary folder, so every
    # path they are given must be absolute.
    args.data, args.polnear = args.data.resolve(), args.polnear.resolve()
    if args.article:
        args.article = args.article.resolve()

    if not args.data.is_dir() or not bbc_files(args.data):
        print(f"bench_newsroom: no corpus at {args.data} (expected <section>/*.txt); pass --data DIR", file=sys.stderr)
        return 0
    sys.path.insert(0, str(REPO))  # a source checkout works without install
    from lint.entry import tune_collector

    tune_collector()  # as the copydesk command runs, for every in-process pass alike

    memory_sizes = sorted(int(n) for n in args.memory_sizes.split(",") if n.strip())
    spawner = None if args.no_cold and not args.scale and not args.audit_size else Spawner()  # before we grow: see _SPAWNER
    corpus = load_corpus(bbc_files(args.data), args.limit)
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
    with Stopwatch() as imp:
        import_copydesk()
    with Stopwatch() as load:
        rules = copydesk_rules(args.rules, args.config)
    fig["import_seconds"], fig["rule_load_seconds"] = imp.wall, load.wall
    sampled_rules = frozenset(rule for rule, _ in args.sample)

    log(f"{len(corpus)} BBC articles, {words:,} words; copydesk lexical rules in-process ...")
    fig["copydesk_lexical"] = bench_copydesk(corpus, rule_groups(rules)[LEXICAL], args.repeat)
    if not args.no_proselint:
        log("proselint in-process ...")
        try:
            fig["proselint"] = bench_proselint(corpus, args.repeat)
        except ImportError as exc:
            log(f"proselint is not importable ({exc}); skipped")
            args.no_proselint = True
    log("copydesk full pack with spaCy in-process ...")
    fig["copydesk"] = bench_copydesk(corpus, rules, args.repeat, sampled_rules)
    log("bare spaCy pipeline ...")
    fig["bare_pipeline"] = bench_bare_pipeline(corpus, args.repeat)
    if args.per_rule:
        log("each rule alone ...")
        fig["copydesk"]["per_rule_seconds"], fig["copydesk"]["document_seconds"] = time_rules(
            corpus, rules, [r.id for r in rules]
        )

    kept_alerts = list(fig["copydesk"].pop("kept_alerts"))
    fig["copydesk_lexical"].pop("kept_alerts")
    corpora = ["BBC"]
    roots = [args.data.resolve()]
    if args.no_polnear:
        fig["polnear_skipped"] = "--no-polnear"
    elif not polnear_files(args.polnear):
        fig["polnear_skipped"] = f"no {{train,dev}}/text/*.txt under {args.polnear}"
    else:
        polnear = load_corpus(polnear_files(args.polnear), args.limit)
        polnear_words = sum(n for _, _, n in polnear)
        log(f"PolNeAR: {len(polnear)} articles, {polnear_words:,} words; copydesk full pack ...")
        result = lint_corpus(polnear, rules, [r.id for r in rules], sampled_rules)
        kept_alerts += result.pop("kept_alerts")
        fig["polnear"] = {
            "data": str(args.polnear), "articles": len(polnear), "words": polnear_words, "copydesk": result,
        }
        corpora.append("PolNeAR")
        roots.append(args.polnear.resolve())

    fig["samples"] = {}
    for rule, count in args.sample:
        of_rule = [(path, alert) for path, alert in kept_alerts if alert.rule == rule]
        fig["samples"][rule] = {
            "found": len(of_rule),
            "corpora": corpora,
            "seed": args.seed,
            "unknown": rule not in fig["copydesk"]["rule_categories"],
            "alerts": draw_samples(of_rule, count, args.seed, roots),
        }

    if args.no_cold:
        fig["cold_skipped"] = "--no-cold"
    else:
        article = args.article or median_article(corpus)
        tools = {"copydesk": console_script("copydesk")}
        if not args.no_proselint:
            tools["proselint"] = console_script("proselint")
        cold = {"runs": args.runs, "article": str(article), "article_name": f"{article.parent.name}/{article.name}",
                "article_words": len(read_text(article).split())}
        # The check command's defaults, whatever --rules times in-process.
        default_nlp_rules = [r.id for r in rule_groups(copydesk_rules())[LINGUISTIC]]
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
                # copydesk: no result cache (each run lints) and no server, unless said.
                check = [script, "check"] if tool == "proselint" else [script, "check", "--no-cache"]
                alone = {"COPYDESK_NO_SERVER": "1"} if tool == "copydesk" else None
                cold[tool] = bench_cold(spawner, check, targets, args.runs, tmp, alone)
                if tool == "copydesk":
                    # Every run compiling its patterns, as the very first one does.
                    cold["copydesk_no_cache"] = bench_cold(
                        spawner, check, {"article": article}, args.runs, tmp, {**alone, "COPYDESK_NO_CACHE": "1"}
                    )
                    # Without the rules needing NLP spaCy is never imported: the
                    # start-up to hold against proselint's.
                    if default_nlp_rules:
                        cold["copydesk_lexical"] = bench_cold(
                            spawner, [*check, "--ignore", ",".join(default_nlp_rules)],
                            {"article": article}, args.runs, tmp, alone,
                        )
                    # The result cache: the same article again, unchanged.
                    cold["copydesk_cached"] = bench_cold(spawner, [script, "check"], {"article": article},
                                                         args.runs, tmp, alone)
                    cold["copydesk_server"] = bench_with_server(spawner, script, check, article, args.runs, Path(tmp))
                    # The floor of any cold check that parses: spaCy loaded as
                    # copydesk loads it, the article parsed, no rules.
                    cold["spacy_alone"] = bench_cold(
                        spawner, [sys.executable, "-c", SPACY_ALONE], {"article": article}, args.runs, tmp, alone
                    )
        fig["cold"] = cold
        fig["load_average_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())

    script = console_script("copydesk")
    if not script:
        fig["scale_skipped"] = "no 'copydesk' console script"
    elif not args.scale and not args.audit_size:
        fig["scale_skipped"] = "--scale 0 --audit-size 0"
    else:
        with tempfile.TemporaryDirectory(prefix="copydesk-scale-") as tmp:
            if args.scale:
                scale_corpus = load_corpus(utf8_articles(bbc_files(args.data)), max([args.scale, *memory_sizes]))
                fig["scale"] = bench_scale(spawner, script, scale_corpus, args.scale, memory_sizes, Path(tmp))
            if args.audit_size:
                audit_corpus = load_corpus(utf8_articles(bbc_files(args.data)),
                                           None if args.audit_size < 0 else args.audit_size)
                fig["audit"] = bench_audit(spawner, script, audit_corpus, args.audit_sample, args.seed, Path(tmp))
        fig["load_average_after_scale"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    if spawner:
        spawner.close()

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
