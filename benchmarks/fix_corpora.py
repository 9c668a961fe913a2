#!/usr/bin/env python
"""``copydesk check --fix`` on copies of the BBC and PolNeAR corpora.

Not a test: it prints figures. For each corpus it copies the article
texts into a scratch folder (the corpora are read, never written), then:

1. runs ``copydesk check --fix`` (``--unsafe-fixes`` with that flag) on the
   copies as a user would, as a process, and counts the files it changed;
2. runs it a second time and counts the files that changed again
   (target 0: a second ``--fix`` changes nothing);
3. re-applies the fixes in-process to each changed file from its original
   text with the same rules, and checks
   - that the result is byte for byte what the command wrote;
   - pass by pass, between the text before and after the pass, that no
     character changed outside the spans of the fixes the pass applied
     (every stretch between them stands unchanged at its shifted place;
     target 0 violations);
   - that the text after each pass lints with none of the fixed alerts: no
     alert of a fixed alert's rule overlapping the text its fix wrote
     (target 0);
4. prints, per rule, how many fixes were applied, and with ``--sample N``
   N of them drawn at random (``--seed``), each with the words around it
   before and after, for an editor to judge.

A measurement that failed prints as FAILED with the reason, never a
figure. Usage::

    python benchmarks/fix_corpora.py                   # safe fixes, both corpora
    python benchmarks/fix_corpora.py --unsafe-fixes
    python benchmarks/fix_corpora.py --limit 200       # the first 200 files of each corpus
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
CORPORA = {
    "bbc": (DATA / "bbc-news", "*/*.txt"),
    "polnear": (DATA / "polnear", "*/text/*.txt"),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_corpus(source: Path, pattern: str, target: Path, limit: int | None) -> dict[Path, Path]:
    """Copy the corpus' texts, keeping their relative paths; copy → original."""
    files = sorted(p for p in source.glob(pattern) if p.name.lower() != "readme.txt")
    if limit:
        files = files[:limit]
    copies = {}
    for original in files:
        try:
            original.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue  # copydesk reports it (exit 2) and fixes nothing: not a fix to measure
        copy = target / original.relative_to(source)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(original, copy)
        copies[copy] = original
    return copies


def run_fix(folder: Path, unsafe: bool) -> tuple[float, int]:
    command = [str(Path(sys.executable).parent / "copydesk"), "check", "--fix", "--exit-zero", "--format", "json", str(folder)]
    if unsafe:
        command.insert(3, "--unsafe-fixes")
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"copydesk exited {done.returncode}: {done.stderr.strip()[-400:]}")
    return time.perf_counter() - started, done.returncode


def outside_edits(before: str, after: str, edits) -> list[str]:
    """Where ``after`` differs from ``before`` outside the edits' spans:
    the text between two edits (and before the first, after the last) must
    stand unchanged at its shifted place in ``after``, and each span must
    hold exactly its replacement. (A character-level difflib of the two is
    no judge here: deleting "Hillary " from "to Hillary Clinton" aligns just
    as well as deleting " Hillary", one character outside the span.)"""
    problems = []
    cursor_before = cursor_after = 0
    for edit in [*edits, None]:
        end = edit.start if edit else len(before)
        kept = before[cursor_before:end]
        if after[cursor_after : cursor_after + len(kept)] != kept:
            problems.append(f"changed outside the fixes near {cursor_before}: {kept[:40]!r}")
            return problems
        cursor_after += len(kept)
        if edit is None:
            break
        if after[cursor_after : cursor_after + len(edit.replacement)] != edit.replacement:
            problems.append(f"span {edit.start}:{edit.end} does not hold {edit.replacement!r}")
            return problems
        cursor_after += len(edit.replacement)
        cursor_before = edit.end
    if cursor_after != len(after):
        problems.append(f"{len(after) - cursor_after} characters added at the end")
    return problems


def verify(copies: dict[Path, Path], changed: list[Path], unsafe: bool) -> dict:
    """Re-apply the fixes in-process and check them (see the module doc)."""
    from lint import fixer
    from lint.config import ConfigResolver
    from lint.document import parse
    from lint.engine import lint

    resolver = ConfigResolver()
    figures = {"same_as_written": 0, "differs_from_written": 0, "outside_span": 0, "fixed_alert_left": 0,
               "not_converged": 0, "fixes": Counter(), "examples": [], "applied": []}
    for copy in changed:
        original = copies[copy].read_bytes().decode("utf-8")
        config = resolver.for_file(copy)
        rules = config.rules_for(copy)

        def relint(text, shown=str(copy)):
            doc = parse(text, shown)
            return doc, lint(doc, rules, vocabulary=config.vocabulary, known_rules=config.known_rules,
                             unused_severity=config.unused_suppression_level(copy), pipeline=config.pipeline)

        result = fixer.fix(original, relint, unsafe)
        written = copy.read_bytes().decode("utf-8")
        figures["same_as_written" if result.source == written else "differs_from_written"] += 1
        figures["not_converged"] += not result.converged
        for number, step in enumerate(result.passes):
            doc = parse(step.before, str(copy))
            _, edits = fixer.choose(doc, step.applied, unsafe)
            problems = outside_edits(step.before, step.after, edits)
            figures["outside_span"] += len(problems)
            figures["examples"] += [f"{copy.name}: {p}" for p in problems[:2]]
            after_alerts = relint(step.after)[1] if number + 1 < len(result.passes) else result.alerts
            # where each applied edit's text now lies in the pass's output
            shift = 0
            for edit in edits:
                new_start = edit.start + shift
                new_end = new_start + len(edit.replacement)
                shift += len(edit.replacement) - (edit.end - edit.start)
                owner = next(a for a in step.applied if edit in fixer.edits_of(a))
                left = [a for a in after_alerts if a.rule == owner.rule and a.start < max(new_end, new_start + 1) and new_start < a.end]
                figures["fixed_alert_left"] += bool(left)
                if left and len(figures["examples"]) < 10:
                    figures["examples"].append(f"{copy.name}: {owner.rule} {owner.match!r} -> {edit.replacement!r} flagged again")
            for alert in step.applied:
                figures["fixes"][alert.rule] += 1
                context = step.before[max(0, alert.start - 60) : alert.start] + "[" + alert.match + " -> " + str(alert.fix) + "]" + step.before[alert.end : alert.end + 40]
                figures["applied"].append(f"{copy.name}: {alert.rule}: " + " ".join(context.split()))
    return figures


def fixer_passes() -> int:
    from lint.fixer import MAX_PASSES

    return MAX_PASSES


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unsafe-fixes", action="store_true")
    parser.add_argument("--limit", type=int, help="files per corpus")
    parser.add_argument("--workdir", type=Path, help="scratch folder [default: a temp folder, removed after]")
    parser.add_argument("--sample", type=int, default=0, help="print this many applied fixes at random, per corpus")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    scratch = args.workdir or Path(tempfile.mkdtemp(prefix="copydesk-fix-"))
    mode = "safe and unsafe fixes" if args.unsafe_fixes else "safe fixes"
    print(f"copydesk check --fix on copies of the corpora ({mode}); scratch folder {scratch}")
    status = 0
    try:
        for name, (source, pattern) in CORPORA.items():
            if not source.is_dir():
                print(f"{name}: FAILED: corpus not found at {source}")
                status = 1
                continue
            target = scratch / name
            if target.exists():
                shutil.rmtree(target)
            copies = copy_corpus(source, pattern, target, args.limit)
            before = {copy: digest(copy) for copy in copies}
            try:
                seconds, _ = run_fix(target, args.unsafe_fixes)
                first = {copy: digest(copy) for copy in copies}
                changed = [copy for copy in copies if first[copy] != before[copy]]
                seconds_again, _ = run_fix(target, args.unsafe_fixes)
                again = [copy for copy in copies if digest(copy) != first[copy]]
            except (RuntimeError, OSError) as error:
                print(f"{name}: FAILED: {error}")
                status = 1
                continue
            figures = verify(copies, changed, args.unsafe_fixes)
            unreadable = len([p for p in source.glob(pattern) if p.name.lower() != "readme.txt"][: args.limit or None]) - len(copies)
            print(f"\n{name}: {len(copies)} files ({unreadable} not UTF-8, left out)")
            print(f"  first --fix: {len(changed)} files changed, {sum(figures['fixes'].values())} fixes ({seconds:.1f} s)")
            print(f"  second --fix: {len(again)} files changed (target 0) ({seconds_again:.1f} s)")
            print(f"  in-process replay equal to what was written: {figures['same_as_written']} of {len(changed)}")
            print(f"  changes outside a fix's span (per pass): {figures['outside_span']} (target 0)")
            print(f"  fixed alerts raised again on the fixed text: {figures['fixed_alert_left']} (target 0)")
            print(f"  files still changing after {fixer_passes()} passes: {figures['not_converged']} (target 0)")
            for rule, count in figures["fixes"].most_common():
                print(f"    {count:6d}  {rule}")
            for example in figures["examples"][:10]:
                print(f"  ! {example}")
            if args.sample:
                import random

                picked = random.Random(args.seed).sample(figures["applied"], min(args.sample, len(figures["applied"])))
                print(f"  {len(picked)} fixes at random (seed {args.seed}):")
                for line in picked:
                    print(f"    - {line}")
            if again or figures["outside_span"] or figures["fixed_alert_left"] or figures["differs_from_written"]:
                status = 1
    finally:
        if args.workdir is None:
            shutil.rmtree(scratch, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
