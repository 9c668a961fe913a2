#!/usr/bin/env python
"""Mine the words that mark sports copy (lint/data/sports-words.txt) from the
BBC News articles' train split (training/splits/bbc-news.json): the
sections are the labels. The loaded rule reports fewer categories in sports
copy (its genre's colour, "a tense contest", is house style there), and
tells a sports report with no front matter by these words.

    python training/sports_words.py            # write the list, print how it separates the dev split

A word is kept when at least MIN_SHARE of sport articles use it, sport
articles use it at least MIN_RATIO times as often as the others (BBC's other
sections and PolNeAR's political stories, its train split), and it is
written in lower case at least 90% of the time (no team or player names).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BBC = REPO.parent / "shared" / "data" / "bbc-news"
SPLIT = REPO / "training" / "splits" / "bbc-news.json"
OUT = REPO / "lint" / "data" / "sports-words.txt"
POLNEAR = REPO.parent / "shared" / "data" / "polnear"
MIN_SHARE = 0.08
MIN_RATIO = 8.0
WORD = re.compile(r"[A-Za-z]+")


def read(name: str) -> str:
    return (BBC / name).read_bytes().decode("utf-8", errors="replace")


def section_words(section: str, names: list[str], min_share: float = MIN_SHARE, min_ratio: float = MIN_RATIO,
                  others: list[str] = ()) -> list[str]:
    """The words that mark one BBC section's copy among ``names``: used by
    at least ``min_share`` of its articles, ``min_ratio`` times as often as
    by the others (and by the texts ``others``), and written in lower case
    at least 90% of the time (no team, band or player names)."""
    articles = {True: Counter(), False: Counter()}
    counts = {True: 0, False: 0}
    cased = Counter()
    lower = Counter()
    for name in names:
        words = WORD.findall(read(name))
        inside = name.startswith(section + "/")
        counts[inside] += 1
        articles[inside].update({w.lower() for w in words})
        cased.update(w.lower() for w in words)
        lower.update(w for w in words if w.islower())
    for text in others:
        counts[False] += 1
        articles[False].update({w.lower() for w in WORD.findall(text)})
    kept = []
    for word, used in articles[True].items():
        share = used / counts[True]
        other = (articles[False][word] + 1) / (counts[False] + 2)
        if share >= min_share and share / other >= min_ratio and lower[word] >= 0.9 * cased[word] and len(word) > 2:
            kept.append(word)
    return kept


def main() -> int:
    if not SPLIT.is_file() or not BBC.is_dir():
        print(f"BBC News not found at {BBC}")
        return 1
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    politics = polnear_texts("train") if POLNEAR.is_dir() else []
    if not politics:
        print(f"PolNeAR not found at {POLNEAR}")
        return 1
    kept = section_words("sport", split["train"], others=politics)
    OUT.write_text("\n".join(sorted(kept)) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: {len(kept)} words")
    sys.path.insert(0, str(REPO))
    from lint.checks.loaded import sports_copy

    print_separation("BBC dev", "sport", "sports copy", split["dev"], sports_copy)
    dev = polnear_texts("dev")
    print(f"PolNeAR dev: {sum(map(sports_copy, dev))}/{len(dev)} political stories read as sports copy")
    return 0


def polnear_texts(part: str) -> list[str]:
    """PolNeAR's articles of one committed split (benchmarks/splits): US
    political news, none of it sport. Its words weigh against a word that
    BBC's other sections happen to lack ("side", "round", "goal": on
    PolNeAR train, 46 of 840 stories had three words of the list mined on
    BBC alone)."""
    ids = (REPO / "benchmarks" / "splits" / f"polnear-{part}.ids").read_text(encoding="utf-8").split()
    folders = sorted(POLNEAR.glob("*/text"))
    return [next(f / f"{i}.txt" for f in folders if (f / f"{i}.txt").is_file()).read_bytes().decode("utf-8", errors="replace")
            for i in ids]


def print_separation(label: str, section: str, copy: str, names: list[str], detector) -> None:
    """How many of one section's articles among ``names`` the detector takes
    for its copy, and how many of the others."""
    found = Counter((name.startswith(section + "/"), detector(read(name))) for name in names)
    inside, other = found[(True, True)] + found[(True, False)], found[(False, True)] + found[(False, False)]
    print(f"{label}: {found[(True, True)]}/{inside} {section} articles read as {copy}, "
          f"{found[(False, True)]}/{other} others ({math.nan if not other else found[(False, True)] / other:.3f})")


if __name__ == "__main__":
    sys.exit(main())
