#!/usr/bin/env python
"""The fixed dev/test split of BBC and PolNeAR articles that the people
rules and their title inventory are tuned on (dev) and reported on (test).

An article goes to test when the SHA-1 of its id (its path under the
corpus folder, e.g. ``bbc-news/politics/001.txt``) ends in a digit below
3 (about 30%), so the split never depends on file order or on what else is
in the folder. ``python benchmarks/people_split.py`` writes the ids to
``benchmarks/splits/people-{dev,test}.txt``; the ids are committed, the
texts never are.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
SPLITS = REPO / "benchmarks" / "splits"
CORPORA = {"bbc-news": "*/*.txt", "polnear": "*/text/*.txt"}


def article_ids(data: Path = DATA) -> list[str]:
    return sorted(
        str(path.relative_to(data)) for corpus, pattern in CORPORA.items() for path in (data / corpus).glob(pattern)
    )


def split_of(article_id: str) -> str:
    return "test" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 10 < 3 else "dev"


def load(split: str) -> list[str]:
    """The committed ids of one split."""
    return (SPLITS / f"people-{split}.txt").read_text().split()


def read(path: Path) -> str:
    """An article's text (a few BBC files are Latin-1)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")



def mine_dev_words(description: str, mine, default_min_articles: int, out: Path, what: str) -> int:
    """The command line of a script that mines a word list from the dev
    split's articles with ``mine(texts, min_articles)`` and writes it to
    ``out``, one word a line."""
    import argparse

    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-articles", type=int, default=default_min_articles)
    parser.add_argument("--out", type=Path, default=out)
    args = parser.parse_args()
    texts = [read(DATA / i) for i in load("dev") if (DATA / i).exists()]
    if not texts:
        print(f"no dev articles under {DATA}", file=sys.stderr)
        return 1
    words = mine(texts, args.min_articles)
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text("".join(f"{w}\n" for w in words))
    print(f"{len(words)} {what} from {len(texts)} dev articles -> {args.out}")
    return 0

def main() -> int:
    ids = article_ids()
    if not ids:
        print(f"no corpora under {DATA}", file=sys.stderr)
        return 1
    SPLITS.mkdir(exist_ok=True)
    for split in ("dev", "test"):
        chosen = [i for i in ids if split_of(i) == split]
        (SPLITS / f"people-{split}.txt").write_text("".join(f"{i}\n" for i in chosen))
        print(f"{split}: {len(chosen)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
