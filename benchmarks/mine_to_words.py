#!/usr/bin/env python
"""Mine the words edited news follows with "to" (``according``, ``able``,
``expected``, ``fails``, ``wanting``): the ``to-words`` class of
``newsroom.dropped-word``, which flags such a word written straight before
a bare verb ("is expected rise", "any bank that fails meet").

Over the training articles of ``benchmarks/splits/copy-errors.json`` (BBC
News and PolNeAR in ``../shared/data``; read, never copied), a word written
in lower case at least ``--min`` times is kept when "to" follows it in at
least ``--share`` of them. At 0.2 and 10, on the copy-error dev part: 10
of 600 seeded dropped words found (all of them a dropped "to": 10 of 96),
and one alert on the untouched dev articles (155,000 words), itself a slip
of the original ("fails meet"). Usage::

    python benchmarks/mine_to_words.py > /tmp/to-words.yml   # the class, as YAML
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from seeded_errors import article_paths_or_exit, load_split, read_article  # noqa: E402

from lint.confusables import tokenize  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min", type=int, default=10, help="times a word is written in lower case")
    parser.add_argument("--share", type=float, default=0.2, help="share of them followed by 'to'")
    args = parser.parse_args()
    paths = article_paths_or_exit()
    seen, before_to = Counter(), Counter()
    # identical texts counted once (BBC repeats some stories)
    for text in sorted({read_article(paths[a]) for a in load_split()["train"] if a in paths}):
        for paragraph in text.split("\n\n"):
            words = tokenize(paragraph)
            for word, after in zip(words, words[1:] + [""]):
                if word.isalpha() and word.islower():
                    seen[word] += 1
                    before_to[word] += after == "to"
    kept = sorted(w for w, n in seen.items() if n >= args.min and before_to[w] >= args.share * n and w != "to")
    print(f"# {len(kept)} words written in lower case at least {args.min} times, 'to' after at least {args.share:.0%} of them")
    print("to-words: [" + ", ".join(kept) + "]")


if __name__ == "__main__":
    main()
