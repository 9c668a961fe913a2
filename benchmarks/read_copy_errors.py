#!/usr/bin/env python
"""A precision read of the copy-error rules on BBC News and PolNeAR: alerts
per 1,000 words per rule, and a random sample of alerts printed with their
context for an editor to judge.

Not a test: it prints figures and alerts. It reads the evaluation articles
of ``benchmarks/splits/copy-errors.json`` (the confusables model never saw
them), in the halves the seeded benchmark uses: dev (where rules are
tuned) and test (where they are reported), committed as ids in
``benchmarks/splits/copy-errors-parts.json``; or a sample of the training
articles, a fresh pool once the test half has been read (the confusables
model learned from them, so its alerts there are fewer). Usage::

    python benchmarks/read_copy_errors.py --part dev --sample 40 --seed 1
    python benchmarks/read_copy_errors.py --part test --sample 40 --seed 2
    python benchmarks/read_copy_errors.py --part train --articles 600 --seed 3   # a fresh pool
    python benchmarks/read_copy_errors.py --part eval --sample 40 --seed 4   # what no mined list saw
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from seeded_errors import RULES, article_paths_or_exit, lint_all, load_part, load_rules, read_article  # noqa: E402

# The garbled-phrase rules of issue 13, read with the copy-error rules.
READ_RULES = RULES + ("newsroom.mixed-construction", "newsroom.impossible-modifier")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("dev", "test", "eval", "train"), default="dev", help="eval: dev and test together")
    parser.add_argument("--articles", type=int, default=0, help="read only N articles of the part, drawn by --seed")
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rule", action="append", help="print only this rule's alerts (all of them)")
    args = parser.parse_args()

    paths = article_paths_or_exit()
    ids = [a for a in load_part("all" if args.part == "eval" else args.part) if a in paths]
    if args.articles:
        ids = sorted(random.Random(args.seed).sample(ids, min(args.articles, len(ids))))
    texts = {a: read_article(paths[a]) for a in ids}
    rules = {
        corpus: [r for r in load_rules(british=corpus == "bbc", wanted=READ_RULES)] for corpus in ("bbc", "polnear")
    }
    alerts = lint_all(list(texts.items()), lambda article: rules["bbc" if article.startswith("bbc") else "polnear"])
    words = sum(len(t.split()) for t in texts.values())
    per_rule = Counter(a.rule for found in alerts for a in found)
    total = sum(per_rule.values())
    print(f"{args.part}: {len(ids)} articles, {words} words, {total} alerts = {1000 * total / words:.2f} per 1,000 words")
    for rule_id in READ_RULES:
        print(f"  {rule_id:30s} {per_rule[rule_id]:5d}  {1000 * per_rule[rule_id] / words:.3f} per 1,000 words")
    pool = [(article, alert) for article, found in zip(texts, alerts) for alert in found]
    if args.rule:
        chosen = [(a, alert) for a, alert in pool if alert.rule in args.rule]
    else:
        chosen = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
    for n, (article, alert) in enumerate(chosen, 1):
        text = texts[article]
        context = text[max(0, alert.start - 150) : alert.end + 100].replace("\n", " / ")
        print(f"\n{n}. {article} {alert.rule}: {alert.match!r}\n   {alert.message}\n   ...{context}...")


if __name__ == "__main__":
    main()
