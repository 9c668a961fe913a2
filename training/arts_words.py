#!/usr/bin/env python
"""Mine the words that mark arts and entertainment copy
(lint/data/arts-words.txt) from BBC News' entertainment section: the
articles of the BBC train split (training/splits/bbc-news.json) that are
also in the people rules' dev split (benchmarks/splits/people-dev.txt), so
that the people rules' test split stays unseen. The first-reference rule
leaves an arts story's names alone: a review, a chart or an awards story
names its performers by their work ("Clint Eastwood's Million Dollar
Baby", "beating Avril Lavigne to best pop act").

    python training/arts_words.py    # write the list, print how it separates the held-out articles

Same criteria as training/sports_words.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sports_words import BBC, SPLIT, print_separation, section_words

REPO = Path(__file__).resolve().parent.parent
PEOPLE_DEV = REPO / "benchmarks" / "splits" / "people-dev.txt"
OUT = REPO / "lint" / "data" / "arts-words.txt"


def main() -> int:
    if not SPLIT.is_file() or not BBC.is_dir():
        print(f"BBC News not found at {BBC}")
        return 1
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    dev = {name.removeprefix("bbc-news/") for name in PEOPLE_DEV.read_text().split()}
    kept = section_words("entertainment", [name for name in split["train"] if name in dev])
    OUT.write_text("\n".join(sorted(kept)) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: {len(kept)} words")
    sys.path.insert(0, str(REPO))
    from lint.people import arts_story

    print_separation("BBC held out", "entertainment", "arts copy", [name for name in split["dev"] if name in dev], arts_story)
    return 0


if __name__ == "__main__":
    sys.exit(main())
