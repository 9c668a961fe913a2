#!/usr/bin/env python
"""A precision read of the attribution rules on BBC News or PolNeAR: alerts
per 1,000 words per rule, and a random sample of alerts printed with their
paragraph for an editor to judge.

Not a test: it prints figures and alerts. It reads the parts of
``benchmarks/splits/copy-errors-parts.json`` that benchmarks/read_copy_errors.py
reads: ``train`` (where rules are tuned from reads), ``eval`` (held out: its
dev and test halves), or ``all``; of one corpus. Usage::

    python benchmarks/read_attribution.py --corpus bbc --part eval --rule newsroom.unattributed-claim --seed 5
    python benchmarks/read_attribution.py --corpus bbc --part all --sample 0       # rates only
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from seeded_errors import article_paths_or_exit, lint_all, load_part, load_rules, read_article  # noqa: E402

ATTRIBUTION_RULES = tuple(
    f"newsroom.{name}" for name in (
        "unattributed-claim", "vague-source", "quote-without-speaker", "weasel-wording", "passive-weasel",
        "weasel-source", "judging-said-verb", "present-tense-attribution", "dash-attribution",
    )
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=("bbc", "polnear"), default="bbc")
    parser.add_argument("--part", choices=("train", "eval", "all"), default="eval")
    parser.add_argument("--rule", action="append", help="sample only this rule's alerts (default: every attribution rule's)")
    parser.add_argument("--sample", type=int, default=40, help="alerts to print, drawn by --seed (all when fewer)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    paths = article_paths_or_exit()
    parts = ("train", "all") if args.part == "all" else ("all" if args.part == "eval" else "train",)
    ids = sorted(a for part in parts for a in load_part(part) if a in paths and a.startswith(args.corpus + "/"))
    texts = {a: read_article(paths[a]) for a in ids}
    rules = load_rules(british=args.corpus == "bbc", wanted=ATTRIBUTION_RULES)
    alerts = lint_all(list(texts.items()), lambda article: rules)
    words = sum(len(t.split()) for t in texts.values())
    per_rule = Counter(a.rule for found in alerts for a in found)
    print(f"{args.corpus} {args.part}: {len(ids)} articles, {words:,} words")
    for rule_id in ATTRIBUTION_RULES:
        print(f"  {rule_id:38s} {per_rule[rule_id]:5d}  {1000 * per_rule[rule_id] / words:.3f} per 1,000 words")
    wanted = set(args.rule or ATTRIBUTION_RULES)
    pool = [(article, alert) for article, found in zip(texts, alerts) for alert in found if alert.rule in wanted]
    chosen = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
    for n, (article, alert) in enumerate(chosen, 1):
        text = texts[article]
        start = text.rfind("\n\n", 0, alert.start) + 2 if "\n\n" in text[: alert.start] else 0
        end = text.find("\n\n", alert.end)
        paragraph = text[max(start, alert.start - 400) : min(end if end >= 0 else len(text), alert.end + 250)]
        print(f"\n{n}. {article} {alert.rule}: {alert.match[:160]!r}\n   ...{paragraph.replace(chr(10), ' / ')}...")


if __name__ == "__main__":
    main()
