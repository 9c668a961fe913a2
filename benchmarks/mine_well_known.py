#!/usr/bin/env python
"""Mine the names a news desk's readers know without a title
(``lint/data/well-known-names.txt``) from the dev split of BBC and PolNeAR
(``benchmarks/people_split.py``): the people the people model finds, named
in full, in at least ``--share`` of one corpus's dev articles (a prime
minister in a British corpus of 2004-5, the candidates in an American one
of 2016), whom the corpus's own writers introduce with no title or role in
at least ``--bare`` of those articles (not a campaign's spokesman, quoted
as often but always with his title). Whether such a name still takes a title on first reference is a
house choice: first-reference leaves them alone unless its rule sets
``well-known: flag``.

Only the folded names are written, one a line; no text of the corpora.
Deterministic: no sampling.

    python benchmarks/mine_well_known.py [--cache /tmp/parses]   # writes lint/data/well-known-names.txt
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_people import parsed_articles  # noqa: E402
from people_split import DATA, load  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "lint" / "data" / "well-known-names.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--share", type=float, default=0.01, help="the least share of a corpus's articles")
    parser.add_argument("--cache", type=Path, help="a folder of spaCy parses kept between runs")
    parser.add_argument("--bare", type=float, default=0.33,
                        help="the least share of those articles whose first reference has no title or role")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--counts", type=Path, help="also write each name's counts here (name, corpus, articles, bare)")
    args = parser.parse_args()

    from lint.people import fold_name, model

    ids = [i for i in load("dev") if (DATA / i).exists()]
    if not ids:
        print(f"no dev articles under {DATA}", file=sys.stderr)
        return 1
    articles: Counter[str] = Counter()
    named: dict[str, Counter[str]] = defaultdict(Counter)
    bare: dict[str, Counter[str]] = defaultdict(Counter)
    for article, doc in parsed_articles(ids, args.cache):
        corpus = article.split("/")[0]
        articles[corpus] += 1
        people = {" ".join(fold_name(w) for w in p.words): p for p in model(doc).people if len(p.words) > 1}
        named[corpus].update(people.keys())
        bare[corpus].update(name for name, p in people.items()
                            if p.first_reference is not None and not p.first_reference.described)
    kept = sorted({name for corpus, counts in named.items() for name, n in counts.items()
                   if n >= args.share * articles[corpus] and bare[corpus][name] >= args.bare * n})
    if args.counts:
        args.counts.write_text("".join(f"{name}\t{corpus}\t{n}\t{bare[corpus][name]}\n" for corpus, counts in named.items()
                                       for name, n in counts.most_common() if n >= 3), encoding="utf-8")
    args.out.write_text("".join(f"{name}\n" for name in kept), encoding="utf-8")
    print(f"{len(kept)} names in at least {args.share:.0%} of a corpus's dev articles "
          f"({dict(articles)}) written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
