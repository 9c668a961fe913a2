#!/usr/bin/env python
"""Count PolNeAR's attribution cue verbs and write the list the attribution
model reads (lint/models/attribution/cue-verbs.txt).

PolNeAR annotates attributions in the broad sense: besides speech, a stance,
an intention or an action taken as a position ("endorsed", "vowed",
"offered", "expressed concern") is a cue, and its subject the source. Our
own word lists (lint/lexicon.py) name the commonest; this script finds the
rest on the train split only:

- every verb (not an auxiliary) with a subject that can hold a position
  (a name, a role, a body, a person, a pronoun, a group) is counted;
- it is counted as a cue when an annotated Cue with a Source covers it and
  its subject overlaps that Source;
- so is the verb with its particle or its object's lemma ("put forward",
  "make case", "take aim"), for light verbs that are cues only in a phrase.

A lemma not in our lists is kept when it is a cue at least ``--min-count``
times and in at least ``--min-share`` of its counted uses; a phrase needs
one use more. The thresholds
were chosen on the dev split with benchmarks/eval_attribution.py
(``--polnear-splits dev``); the test split is kept back by PolNeAR's
authors. The data is read from ../shared/data/polnear, never copied: the
list holds lemmas only. Deterministic::

    python benchmarks/train_cue_verbs.py             # count and write the list
    python benchmarks/train_cue_verbs.py --dry-run   # print the lemmas with their counts
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from eval_attribution import POLNEAR, load_polnear, overlaps  # noqa: E402

from lint import attribution  # noqa: E402
from lint import lexicon as lx  # noqa: E402

MIN_COUNT = 2
MIN_SHARE = 0.4
# Subjects that can take a position (not a thing, a document or nobody).
_HOLDERS = frozenset(
    (attribution.NAMED, attribution.ROLE, attribution.ORGANIZATION, attribution.PERSON, attribution.PRONOUN,
     attribution.GROUP)
)


def count(articles) -> tuple[Counter, Counter]:
    """(lemma → uses with a holder as subject, lemma → those an annotated cue)."""
    from lint import nlp
    from lint.document import parse

    uses: Counter = Counter()
    cues: Counter = Counter()
    documents = (parse(article.text, path=f"{article.name}.txt") for article in articles)
    for article, doc in zip(articles, nlp.parse_documents(documents)):
        sourced = [a for a in article.attributions if a.source and a.cue]
        for parsed in doc.parses or ():
            for token in parsed.doc:
                if token.pos_ != "VERB":
                    continue
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if subject is None or attribution._source_kind(subject) not in _HOLDERS:
                    continue
                lemma = token.lemma_.lower()
                uses[lemma] += 1
                phrase = attribution.verb_phrase(token)
                if phrase:
                    uses[phrase] += 1
                verb = doc.source_span(parsed.start + token.idx, parsed.start + token.idx + len(token))
                holder = doc.source_span(
                    parsed.start + subject.left_edge.idx,
                    parsed.start + subject.right_edge.idx + len(subject.right_edge),
                )
                if any(overlaps(verb, a.cue) and overlaps(holder, a.source) for a in sourced):
                    cues[lemma] += 1
                    if phrase:
                        cues[phrase] += 1
    return uses, cues


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--min-share", type=float, default=MIN_SHARE)
    parser.add_argument("--dry-run", action="store_true", help="print the list, do not write it")
    args = parser.parse_args(argv)
    if not (POLNEAR / "train").is_dir():
        print(f"skipped: PolNeAR not found at {POLNEAR}")
        return 0
    uses, cues = count(load_polnear(None, ("train",)))
    frequent = {
        lemma for lemma, n in cues.items() if n >= args.min_count and n / uses[lemma] >= args.min_share
    }
    # a phrase only for a verb that is no cue alone ("make case", not "tout claim")
    kept = sorted(
        lemma for lemma in frequent
        if lemma.replace(" ", "").isalpha() and lemma.split()[0] not in lx.CUE_VERBS
        and (" " not in lemma or lemma.split()[0] not in frequent and cues[lemma] >= args.min_count + 1)
    )
    for lemma in kept:
        print(f"{lemma:<16} {cues[lemma]:>4} of {uses[lemma]:>4}")
    print(f"{len(kept)} lemmas (min count {args.min_count}, min share {args.min_share})")
    if not args.dry_run:
        header = (
            "# Attribution cue verbs beyond lint/lexicon.py's lists, counted on PolNeAR's train split\n"
            f"# by benchmarks/train_cue_verbs.py (min count {args.min_count}, min share {args.min_share}).\n"
        )
        attribution.LEARNED_CUES_PATH.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
        print(f"wrote {attribution.LEARNED_CUES_PATH.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
