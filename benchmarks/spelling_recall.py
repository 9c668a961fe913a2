#!/usr/bin/env python
"""Seeded misspellings: the recall of ``newsroom.spelling`` on slips of the
keys, and its alerts on the untouched articles.

Not a test: it prints figures. In each evaluation article of a part
(``benchmarks/splits/copy-errors-parts.json``; BBC News and PolNeAR in
``../shared/data``, read, never copied) one lower-case word of five letters
or more is misspelled by an edit (a letter substituted, doubled, dropped
from a double, or two swapped: ``seeded_errors._mutate``) into a word
neither dictionary knows; a misspelling is found when a spelling alert
covers it. BBC articles are checked with the en_GB dictionary, PolNeAR's
with en_US, as a desk would. Usage::

    python benchmarks/spelling_recall.py --part dev
    python benchmarks/spelling_recall.py --part dev --per-article 3 --seed 5
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from seeded_errors import _mutate, article_paths_or_exit, lint_all, load_part, load_rules, read_article  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("dev", "test"), default="dev")
    parser.add_argument("--per-article", type=int, default=1)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    from lint.checks.spelling import Speller, builtin_dictionaries

    paths = article_paths_or_exit()
    builtin = builtin_dictionaries()
    speller = Speller((str(builtin["en_US"]), str(builtin["en_GB"])), ())
    rng = random.Random(args.seed)
    originals = {a: read_article(paths[a]) for a in load_part(args.part) if a in paths}
    seeded = []
    for article, text in originals.items():
        words = list(re.finditer(r"(?<=[a-z,] )[a-z]{5,}(?=[ ,.])", text))
        for m in rng.sample(words, min(args.per_article, len(words))):
            for _ in range(20):
                variant = _mutate(m.group(), rng)
                if variant and variant != m.group() and not speller.knows(variant):
                    seeded.append((article, text[: m.start()] + variant + text[m.end() :], m.start(), m.start() + len(variant)))
                    break
    rules = {corpus: load_rules(british=corpus == "bbc", wanted=("newsroom.spelling",)) for corpus in ("bbc", "polnear")}
    rules_for = lambda article: rules["bbc" if article.startswith("bbc") else "polnear"]  # noqa: E731
    words = sum(len(t.split()) for t in originals.values())
    untouched = sum(len(found) for found in lint_all(list(originals.items()), rules_for))
    found = lint_all([(article, text) for article, text, _, _ in seeded], rules_for)
    hits = sum(1 for (_, _, s, e), alerts in zip(seeded, found) if any(a.start < e and s < a.end for a in alerts))
    print(f"{args.part}: {len(originals)} articles, {words} words")
    print(f"seeded misspellings found: {hits}/{len(seeded)} = {hits / len(seeded):.3f}")
    print(f"alerts on the untouched articles: {untouched} = {1000 * untouched / words:.2f} per 1,000 words")


if __name__ == "__main__":
    main()
