#!/usr/bin/env python
"""Evaluate copydesk's loaded-language rules on BABE (Spinde et al. 2021).

Not a test: it prints figures for a person to read.

BABE holds 3,674 news sentences labelled "Biased" or "Non-biased" by expert
annotators, with the words that make a biased sentence biased marked. Each
sentence is linted as its own document with the newsroom pack's rules of
category ``loaded-language`` (together, and each rule alone); a sentence is
*flagged* when one of them raises an alert. Printed:

1. sentence level, against the label "Biased": precision, recall and F1 of
   the flagged sentences, and the macro F1 over both classes (the figure
   the paper reports: its best trained model reaches macro F1 0.804);
2. word level: of the marked biased words found in their sentence, the
   share that an alert's span covers (overlaps);
3. with ``--samples N``: seeded examples of false alarms and of marked
   words no alert covers, for error analysis.

The sentence with no agreement on its label is left out. BABE's sentences
are excerpts of opinionated and partisan outlets; its "bias" includes
framing and word choice that no word list can judge, so a rule set should
be read by its precision first. The data is read from
``../shared/data/babe`` (relative to the repository), never copied; the
script says so and exits 0 when it is absent. Usage::

    python benchmarks/eval_bias.py
    python benchmarks/eval_bias.py --samples 15
    python benchmarks/eval_bias.py --limit 500    # a seeded sample, quick

Only the standard library and copydesk are used.
"""

from __future__ import annotations

import argparse
import ast
import csv
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BABE = REPO.parent / "shared" / "data" / "babe" / "final_labels_SG2.csv"
CATEGORY = "loaded-language"
PUBLISHED_MACRO_F1 = 0.804  # Spinde et al. 2021, best trained model
SEED = 1


def load_babe(limit: int | None) -> list[tuple[str, bool, list[str]]]:
    # ;-separated, UTF-8 with a byte-order mark (utf-8-sig drops it)
    with BABE.open(encoding="utf-8-sig", newline="") as f:
        rows = [
            (row["text"].strip(), row["label_bias"] == "Biased", ast.literal_eval(row["biased_words"] or "[]"))
            for row in csv.DictReader(f, delimiter=";")
            if row["label_bias"] in ("Biased", "Non-biased")
        ]
    if limit and limit < len(rows):
        rows = random.Random(SEED).sample(rows, limit)
    return rows


def word_spans(text: str, word: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.I)]


def scores(c: Counter) -> dict:
    def f1(tp, fp, fn):
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    precision, recall, biased_f1 = f1(c["tp"], c["fp"], c["fn"])
    _, _, neutral_f1 = f1(c["tn"], c["fn"], c["fp"])  # the "Non-biased" class as positive
    return {"precision": precision, "recall": recall, "f1": biased_f1, "macro_f1": (biased_f1 + neutral_f1) / 2}


def evaluate(rows, rules, samples: int):
    from lint import nlp
    from lint.document import parse
    from lint.engine import lint

    systems = {"all loaded-language rules": {r.id for r in rules}} | {r.id: {r.id} for r in rules}
    confusion = {name: Counter() for name in systems}
    words = Counter()
    false_alarms, uncovered = [], []
    documents = (parse(text, path="sentence.txt") for text, _, _ in rows)
    for (text, biased, marked), doc in zip(rows, nlp.parse_documents(documents)):
        alerts = [a for a in lint(doc, rules, unused_severity=None)]
        for name, ids in systems.items():
            flagged = any(a.rule in ids for a in alerts)
            confusion[name][("t" if flagged == biased else "f") + ("p" if flagged else "n")] += 1
        if alerts and not biased:
            false_alarms.append(f"{', '.join(sorted({a.rule.split('.')[-1] + ': ' + a.match for a in alerts}))} | {text}")
        if not biased:
            continue
        for word in marked:
            spans = word_spans(text, word)
            if not spans:
                words["not found"] += 1
                continue
            covered = any(a.start < e and s < a.end for s, e in spans for a in alerts)
            words["covered" if covered else "missed"] += 1
            if not covered:
                uncovered.append(f"{word!r} | {text}")
    pick = random.Random(SEED)
    examples = {
        "false alarms (Non-biased sentences flagged)": pick.sample(false_alarms, min(samples, len(false_alarms))),
        "marked biased words no alert covers": pick.sample(uncovered, min(samples, len(uncovered))),
    }
    return {name: {**scores(c), **{k: c[k] for k in ("tp", "fp", "fn", "tn")}} for name, c in confusion.items()}, words, examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="a seeded random sample of N sentences")
    parser.add_argument("--samples", type=int, default=0, metavar="N", help="print N examples of each kind of error")
    args = parser.parse_args(argv)
    if not BABE.is_file():
        print(f"skipped: BABE not found at {BABE}")
        return 0
    from lint.packs import builtin_packs, load_pack

    rules = [r for r in load_pack(builtin_packs()["newsroom"], "newsroom") if r.category == CATEGORY]
    rows = load_babe(args.limit)
    started = time.perf_counter()
    systems, words, examples = evaluate(rows, rules, args.samples)
    seconds = time.perf_counter() - started
    biased = sum(b for _, b, _ in rows)
    print(f"BABE: {len(rows)} sentences ({biased} Biased), {seconds:.0f} s; rules of category {CATEGORY}")
    print(f"{'rules':34} {'precision':>9} {'recall':>7} {'F1':>6} {'macro F1':>9} {'tp':>5} {'fp':>5}")
    for name, s in systems.items():
        print(f"{name:34} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['macro_f1']:9.3f} {s['tp']:5} {s['fp']:5}")
    found = words["covered"] + words["missed"]
    share = words["covered"] / found if found else 0.0
    print(f"marked biased words covered by an alert: {words['covered']}/{found} = {share:.3f}"
          f" ({words['not found']} marked words not found verbatim in their sentence)")
    print(f"published best trained model (Spinde et al. 2021): macro F1 {PUBLISHED_MACRO_F1}")
    for title, items in examples.items():
        if items:
            print(f"\n{title}:")
            print("\n".join(f"  - {item}" for item in items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
