#!/usr/bin/env python
"""An experiment, not shipped: could "an adjective and noun that edited
news never pairs" find a mixed metaphor ("a new, convoluted pivot in
history") at a false-alert rate an editor would bear?

Counts the word pairs of the training articles of
``benchmarks/splits/copy-errors.json`` (BBC News and PolNeAR in
``../shared/data``; read, never copied), parses the first ``--articles``
dev articles (``copy-errors-parts.json``), and prints how many of their
adjective-noun pairs (the adjective right before the noun it modifies) the
training text never writes, also among pairs of two words it uses 20 times
or more. Every such pair would be an alert: edited news is full of pairs
a million words have not seen. Usage::

    python benchmarks/unseen_pairs.py --articles 80
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from seeded_errors import article_paths_or_exit, load_part, load_split, read_article  # noqa: E402

COMMON = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=80)
    args = parser.parse_args()
    from lint.nlp import load

    paths = article_paths_or_exit()
    unigrams: Counter = Counter()
    bigrams: Counter = Counter()
    for text in {read_article(paths[a]) for a in load_split()["train"] if a in paths}:
        tokens = re.findall(r"[a-z]+", text.lower())
        unigrams.update(tokens)
        bigrams.update(zip(tokens, tokens[1:]))
    dev = [read_article(paths[a]) for a in load_part("dev") if a in paths][: args.articles]
    pairs = unseen = unseen_common = tokens = 0
    for doc in load().pipe(dev):
        tokens += len(doc)
        for t in doc:
            if t.dep_ == "amod" and t.pos_ == "ADJ" and t.head.pos_ == "NOUN" and t.i + 1 == t.head.i:
                pairs += 1
                if bigrams[(t.lower_, t.head.lower_)] == 0:
                    unseen += 1
                    unseen_common += unigrams[t.lower_] >= COMMON and unigrams[t.head.lower_] >= COMMON
    print(f"{len(dev)} dev articles, {tokens} tokens: {pairs} adjective-noun pairs")
    print(f"never written in the training articles: {unseen} ({unseen / pairs:.2f}), {1000 * unseen / tokens:.1f} per 1,000 tokens")
    print(f"  of two words each used {COMMON}+ times: {unseen_common}, {1000 * unseen_common / tokens:.1f} per 1,000 tokens")


if __name__ == "__main__":
    main()
