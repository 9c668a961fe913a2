#!/usr/bin/env python
"""Count which common nouns edited news lets think, hope or want: the
broad animacy list behind ``newsroom.mindless-subject``.

A noun that edited copy makes the subject of a mental verb ("the company
hopes", "investors fear", "Beijing believes" aside, as a name) holds a mind,
or stands for people who do. Over the training articles of
``benchmarks/splits/copy-errors.json`` (BBC and PolNeAR in ``../shared/data``;
read, never copied) this counts the nouns written right before a mental
verb after a determiner or a possessive ("the committee believes", "their
fans want") or as a bare plural ("analysts think"), and prints those seen at
least ``--min`` times as ``MINDED_NOUNS`` in lint/lexicon.py (the rule's
``$minded-nouns``), singular and plural. A noun never seen so, with a mental verb, is flagged; the rule
also spares role and organization nouns and nouns naming people by their
ending (-er, -or, -ist, -ian, -ant, -ent). Usage::

    python benchmarks/count_minded_nouns.py            # prints the list
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from seeded_errors import article_paths_or_exit, load_split, read_article  # noqa: E402

# Mental verbs in forms that are neither a noun ("election hopes", "an injury
# worry") nor a past participle ("the election expected this year"): the
# present tense, "knew", and any past form that takes a "that" clause.
PRESENT = (
    "believe|believes|think|thinks|want|wants|expect|expects|know|knows|feel|feels|understand|understands|"
    "realise|realises|realize|realizes|intend|intends|prefer|prefers|knew"
)
PAST = (
    "believed|hoped|feared|wanted|wished|expected|felt|worried|doubted|suspected|regretted|preferred|"
    "understood|realised|realized|thought|hopes|fears|worries|suspects"
)
MENTAL = rf"(?:{PRESENT})\b(?! by\b)|(?:{PAST})\s+that\b"
# After a bare plural at the head of a clause ("analysts expected ...") any
# form is a verb.
BARE_MENTAL = rf"(?:{PRESENT}|{PAST}|hope|fear|worry|doubt|wish|regret|suspect)\b(?! by\b)"
DETERMINERS = "the|a|an|this|that|these|those|its|his|her|their|our|many|some|most|other|both|all|every|each|no"
_AFTER_DETERMINER = re.compile(rf"\b(?:{DETERMINERS})\s+(?:[a-z]+\s+)?([a-z]{{3,}})\s+(?:{MENTAL})", re.I)
_BARE_PLURAL = re.compile(rf"(?:^|[.,;]\s+|\band\s+)([a-z]{{3,}}s)\s+(?:{BARE_MENTAL})", re.M)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min", type=int, default=2)
    args = parser.parse_args()
    paths = article_paths_or_exit()
    counts: Counter = Counter()
    # identical texts counted once (BBC repeats some stories)
    for text in sorted({read_article(paths[a]) for a in load_split()["train"] if a in paths}):
        for pattern in (_AFTER_DETERMINER, _BARE_PLURAL):
            counts.update(m.group(1).lower() for m in pattern.finditer(text))
    lemmas: Counter = Counter()
    for word, n in counts.items():
        lemma = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        lemmas[lemma] += n
    kept = sorted(w for w, n in lemmas.items() if n >= args.min)
    words = sorted({w for w in kept} | {w + "s" for w in kept})
    print(f"# {len(kept)} nouns seen at least {args.min} times as the subject of a mental verb")
    print("minded-nouns: [" + ", ".join(words) + "]")


if __name__ == "__main__":
    main()
