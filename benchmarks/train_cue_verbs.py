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

A lemma not in our lists is kept when it is a cue at least ``min count``
times and in at least ``min share`` of its counted uses; a phrase needs
one use more. Both thresholds are chosen on PolNeAR's dev folder, counted
the same way: of a grid of pairs, the one whose list gains most on dev
(uses that are annotated cues less uses that are not; the smaller list on
a tie). Counts come from the train ids only
(benchmarks/splits/polnear-train.ids), never from the test ids kept back
in the train folder (polnear-test.ids). The data is read from
../shared/data/polnear, never copied: the list holds lemmas only.
Deterministic::

    python benchmarks/train_cue_verbs.py             # count, choose the thresholds on dev, write the list
    python benchmarks/train_cue_verbs.py --dry-run   # print the grid and the lemmas with their counts
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from eval_attribution import POLNEAR, load_polnear, overlaps, split_paths  # noqa: E402

from lint import attribution  # noqa: E402
from lint import lexicon as lx  # noqa: E402

MIN_COUNTS = (2, 3, 4, 5, 6, 7, 8)
MIN_SHARES = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
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


def select(uses: Counter, cues: Counter, min_count: int, min_share: float) -> list[str]:
    """The lemmas and phrases kept at these thresholds, in order."""
    frequent = {lemma for lemma, n in cues.items() if n >= min_count and n / uses[lemma] >= min_share}
    # a phrase only for a verb that is no cue alone ("make case", not "tout claim")
    return sorted(
        lemma for lemma in frequent
        if lemma.replace(" ", "").isalpha() and lemma.split()[0] not in lx.CUE_VERBS
        and (" " not in lemma or lemma.split()[0] not in frequent and cues[lemma] >= min_count + 1)
    )


def dev_gain(kept: list[str], dev_uses: Counter, dev_cues: Counter) -> int:
    """On dev, the kept list's uses that are annotated cues less those that are not."""
    hits = sum(dev_cues[lemma] for lemma in kept)
    return hits - (sum(dev_uses[lemma] for lemma in kept) - hits)


def choose(uses: Counter, cues: Counter, dev_uses: Counter, dev_cues: Counter) -> tuple[int, float]:
    """The grid's (min count, min share) of the largest dev gain, the shorter list on a tie; the grid is printed."""
    scored = []
    for min_count in MIN_COUNTS:
        row = []
        for min_share in MIN_SHARES:
            kept = select(uses, cues, min_count, min_share)
            gain = dev_gain(kept, dev_uses, dev_cues)
            scored.append((gain, -len(kept), min_count, min_share))
            row.append(f"{min_share:.1f}: {len(kept):>3} {gain:>+4}")
        print(f"min count {min_count}  " + "  ".join(row))
    _, _, min_count, min_share = max(scored)
    return min_count, min_share


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print the list, do not write it")
    args = parser.parse_args(argv)
    if not (POLNEAR / "train").is_dir():
        print(f"skipped: PolNeAR not found at {POLNEAR}")
        return 0
    train = load_polnear(None, ("train",))
    held_out = set(split_paths("test")) & set(split_paths("train"))
    if held_out:
        print(f"error: {len(held_out)} test articles among the train articles", file=sys.stderr)
        return 1
    uses, cues = count(train)
    dev_uses, dev_cues = count(load_polnear(None, ("dev",)))
    print("lemmas kept and their dev gain (annotated cue uses less other uses) by min share:")
    min_count, min_share = choose(uses, cues, dev_uses, dev_cues)
    kept = select(uses, cues, min_count, min_share)
    for lemma in kept:
        print(f"{lemma:<16} {cues[lemma]:>4} of {uses[lemma]:>4}")
    print(f"{len(kept)} lemmas (min count {min_count}, min share {min_share}, chosen on dev)")
    if not args.dry_run:
        header = (
            "# Attribution cue verbs beyond lint/lexicon.py's lists, counted on PolNeAR's train ids\n"
            f"# by benchmarks/train_cue_verbs.py (min count {min_count}, min share {min_share}, chosen on dev).\n"
        )
        attribution.LEARNED_CUES_PATH.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
        print(f"wrote {attribution.LEARNED_CUES_PATH.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
