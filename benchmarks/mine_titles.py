#!/usr/bin/env python
"""Mine the title and role inventory of the people model
(``lint/data/titles.txt``) from the dev split of BBC and PolNeAR
(``benchmarks/people_split.py``): the words news copy sets before a name
("Special Counsel Robert Mueller", "actress Ruby Dee") and heads its
appositives with ("Jane Roe, a former agency lawyer,").

A word is kept when it heads an appositive after a two-word name in at
least ``--min-articles`` articles, and also stands right before such a
name in as many ("actress Ruby Dee"), or in one and is a person by its company ("the
W who" in an article), and takes "who" at least twice as often as "which"
("the company, which"). Only
the words are written, one a line with their article counts as a
comment-free list; no text of the corpora. Deterministic: no sampling.

    python benchmarks/mine_titles.py            # writes lint/data/titles.txt
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from people_split import mine_dev_words  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "lint" / "data" / "titles.txt"
_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# "Special Counsel Robert Mueller", "actress Ruby Dee": the word right before a name
BEFORE_NAME = re.compile(rf"\b([A-Za-z]+)\.? (?={_NAME}\b)")
# "Jane Roe, a former agency lawyer, ..."; "..., the party's leader at ...": the appositive's last word
APPOSITIVE = re.compile(rf"\b{_NAME}, (?:a|an|the|its|his|her|their)(?: [A-Za-z'’-]+){{0,4}}? ([a-z]+)(?=,| of | at | for | in | from | to | with | who )")
# a person by its company: "the senator, who ...", "a lawyer who ..." (a body takes "which")
WHO = re.compile(r"\b(?:the|a|an|another) ([a-z]+),? (who|which)\b")


def mine(texts: list[str], min_articles: int) -> list[str]:
    before, appositive, who, which = Counter(), Counter(), Counter(), Counter()
    for text in texts:
        before.update({m.group(1).lower() for m in BEFORE_NAME.finditer(text) if m.group(1)[0].isupper() or m.start() == 0 or text[m.start() - 2 : m.start()].strip() not in ".!?"})
        appositive.update({m.group(1) for m in APPOSITIVE.finditer(text)})
        relatives = set(WHO.findall(text))
        who.update(w for w, pronoun in relatives if pronoun == "who")
        which.update(w for w, pronoun in relatives if pronoun == "which")
    found = {
        w for w, n in appositive.items()
        if n >= min_articles and before[w] >= 1 and (before[w] >= min_articles or who[w] >= 1) and who[w] >= 2 * which[w]
    }
    return sorted(w for w in found if len(w) > 2)


def main() -> int:
    return mine_dev_words(__doc__, mine, 3, OUT, "title and role words")

if __name__ == "__main__":
    sys.exit(main())
