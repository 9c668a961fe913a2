#!/usr/bin/env python
"""Mine the words that open no person's name (``lint/data/not-given-names.txt``)
from the dev split of BBC and PolNeAR (``benchmarks/people_split.py``):
words news copy writes in lower case ("iron", "finding", "narcotics")
that it never uses as a given name.

A capitalized word counts as a given name when it opens a two-word name
("Priya Raman") whose second word the same article later uses alone for a
person, after a courtesy title ("Ms Raman", "Mr. Raman"); or that an
age or "who" sets off ("Priya Raman, 34,", "Priya Raman, who ..."). Words written in lower case at least
``LOWER_RATIO`` times as often as capitalized are left out: they open
sentences ("When Raman said"), not names. A word written in lower case
at least ``MIN_LOWER`` times that is no given name is written out. The
people model reads a name that opens with one of these, and which the
story never calls by its surname, as a band, a company or a work ("Iron
Maiden", "Finding Neverland"), not a person to introduce; a name it has
never seen ("Priya Raman") stays a name. Only the words are written, one
a line; no text of the corpora. Deterministic.

    python benchmarks/mine_given_names.py      # writes lint/data/not-given-names.txt
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from people_split import mine_dev_words  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "lint" / "data" / "not-given-names.txt"
_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
NAME = re.compile(rf"\b({_WORD}) (?:[A-Z]\.? )?({_WORD})\b")
DESCRIBED = re.compile(rf"\b({_WORD}) (?:[A-Z]\.? )?{_WORD}, (?:\d{{1,2}},|who\b)")
LOWER_RATIO = 10
MIN_LOWER = 3


def person_surnames(text: str) -> set[str]:
    """Words the article uses alone for a person: "Ms Raman", "Mr. Raman"
    (not "Raman said", which a body says too: "Age Concern said")."""
    return set(re.findall(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? ({_WORD})\b", text))


def described_names(text: str) -> set[str]:
    """Given names of names set off as people: "Priya Raman, 34,", "Priya
    Raman, who ..."."""
    return {m.group(1).lower() for m in DESCRIBED.finditer(text)}


def mine(texts: list[str], min_articles: int) -> list[str]:
    """The words written in lower case that open no name."""
    given = given_names(texts, min_articles)
    lower = Counter(w for text in texts for w in re.findall(r"\b[a-z]+\b", text))
    return sorted(w for w, n in lower.items() if n >= MIN_LOWER and w not in given and len(w) > 1)


def given_names(texts: list[str], min_articles: int) -> set[str]:
    articles, lower, upper = Counter(), Counter(), Counter()
    for text in texts:
        surnames = person_surnames(text)
        articles.update({given.lower() for given, surname in NAME.findall(text) if surname in surnames and given != surname}
                        | described_names(text))
        for word in re.findall(r"[A-Za-z]+", text):
            (upper if word[0].isupper() else lower)[word.lower()] += 1
    return {w for w, n in articles.items() if n >= min_articles and lower[w] < LOWER_RATIO * max(upper[w], 1)}


def main() -> int:
    return mine_dev_words(__doc__, mine, 1, OUT, "lower-case words that open no name")

if __name__ == "__main__":
    sys.exit(main())
