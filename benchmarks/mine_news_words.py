#!/usr/bin/env python
"""Mine the words edited news uses that the Hunspell dictionaries lack:
the list behind ``newsroom.spelling``'s ``ignore`` file
(``rules/newsroom/news-words.txt``).

A slip of the keys seldom repeats itself in another story by another
writer; a word the dictionary lacks does ("ahold", "yearslong",
"jihadis"). Over the training articles of
``benchmarks/splits/copy-errors.json`` (BBC and PolNeAR in ``../shared/data``;
read, never copied) this counts, for each lower-case word that neither the
en_US nor the en_GB dictionary knows, the distinct articles (identical
texts counted once: BBC repeats some stories) that use it, and prints those
used in at least ``--min-articles`` of them, one a line. The evaluation
articles (dev and test) are never read. Usage::

    python benchmarks/mine_news_words.py > rules/newsroom/news-words.txt
    python benchmarks/mine_news_words.py --min-articles 2 --counts   # to inspect
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

from seeded_errors import article_paths_or_exit, load_split, read_article  # noqa: E402

from lint.checks.spelling import _APOSTROPHES, _BROKEN_BEFORE, _WORD, Speller, builtin_dictionaries  # noqa: E402

_CHECKED = re.compile(r"[a-z][a-z']*[a-z]")
# Evidence that a word is a word: used by this many distinct training articles.
MIN_ARTICLES = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-articles", type=int, default=MIN_ARTICLES)
    parser.add_argument("--counts", action="store_true", help="print each word's article count too")
    args = parser.parse_args()
    paths = article_paths_or_exit()
    builtin = builtin_dictionaries()
    speller = Speller((str(builtin["en_US"]), str(builtin["en_GB"])), ())
    texts = {read_article(paths[a]) for a in load_split()["train"] if a in paths}
    articles: Counter = Counter()
    for text in sorted(texts):
        words = set()
        for m in _WORD.finditer(text):
            word = m.group().translate(_APOSTROPHES)
            word = word[:-2] if word.endswith("'s") and len(word) > 2 else word
            # a piece of a word an entity or a mangled letter broke ("caf&#233;")
            after = text[m.end() : m.end() + 1]
            if _BROKEN_BEFORE.search(text[max(0, m.start() - 8) : m.start()]) or after == "&" or (after and not after.isascii()):
                continue
            # a lower-case word of letters, as the spelling rule checks it (names are
            # name-drift's; Vale's filters drop words with digits, dots or hyphens)
            if _CHECKED.fullmatch(word):
                words.add(word)
        articles.update(w for w in words if not speller.knows(w))
    kept = sorted(w for w, n in articles.items() if n >= args.min_articles)
    print(f"# {len(kept)} lower-case words the en_US and en_GB dictionaries lack, each used in at least")
    print(f"# {args.min_articles} distinct training articles of BBC News and PolNeAR: made by")
    print("# benchmarks/mine_news_words.py (see there); words, not text, from the corpora.")
    for word in kept:
        print(f"{word}\t{articles[word]}" if args.counts else word)


if __name__ == "__main__":
    main()
