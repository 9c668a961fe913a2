#!/usr/bin/env python
"""Train the confusables model (lint/models/confusables/): for each
confusion set ("affect"/"effect", "its"/"it's", ...), which member a
context calls for.

The classic approach to context-sensitive spelling correction (Golding
1995; Golding and Roth 1999): a naive Bayes model per confusion set over
the words around each occurrence, as collocations (the word one or two
before and after, the pair before and the pair after) and as a bag of
context words (within four tokens either side). It learns from edited
text: the training articles of ``benchmarks/splits/copy-errors.json``
(BBC News and PolNeAR, in ``../shared/data``; read, never copied), every
occurrence of a member counting as a correct use. A tenth of the training
articles (by a fixed seed) is held out to choose the decision margin: the
smallest margin whose false alerts on that untouched text stay under
``--max-false`` per 1,000 words. The evaluation articles are never read
here.

Deterministic: the same data give the same file byte for byte. Writes
``lint/models/confusables/model.json.gz`` and prints the figures for the
model card. Usage::

    python benchmarks/train_confusables.py
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from seeded_errors import CONFUSION_SETS, article_paths, load_split, read_article  # noqa: E402

from lint.confusables import ALPHA, MIN_FEATURE_COUNT, features, score, tokenize  # noqa: E402

MODEL = REPO / "lint" / "models" / "confusables" / "model.json.gz"
DEV_SEED = 13
DEV_SHARE = 0.1


def occurrences(texts, members):
    for text in texts:
        tokens = tokenize(text)
        lowered = [t.lower() for t in tokens]
        for i, word in enumerate(lowered):
            if word in members:
                yield word, features(lowered, i), lowered, i


def train(texts: list[str]) -> dict:
    members = {w: n for n, s in enumerate(CONFUSION_SETS) for w in s}
    counts: dict[str, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    for word, feats, _, _ in occurrences(texts, members):
        totals[word] += 1
        counts[word].update(feats)
    model = {"sets": [list(s) for s in CONFUSION_SETS], "alpha": ALPHA, "members": {}}
    for word in sorted(members):
        kept = {f: c for f, c in sorted(counts[word].items()) if c >= MIN_FEATURE_COUNT}
        model["members"][word] = {"count": totals[word], "features": kept}
    vocabulary = {f for m in model["members"].values() for f in m["features"]}
    model["vocabulary"] = len(vocabulary)
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-false", type=float, default=0.1, help="false alerts per 1,000 words on held-out text")
    args = parser.parse_args()
    paths = article_paths()
    training = sorted(a for a in load_split()["train"] if a in paths)
    rng = random.Random(DEV_SEED)
    dev = set(rng.sample(training, int(len(training) * DEV_SHARE)))
    fit_texts = [read_article(paths[a]) for a in training if a not in dev]
    dev_texts = [read_article(paths[a]) for a in sorted(dev)]
    model = train(fit_texts)
    members = {w: s for s in model["sets"] for w in s}

    # margins on held-out text: each correct use, and the same context with
    # each other member swapped in (a seeded error)
    correct, swapped = [], []
    for word, feats, _, _ in occurrences(dev_texts, members):
        scores = score(model, members[word], feats)
        best_other = max(v for w, v in scores.items() if w != word)
        correct.append(best_other - scores[word])
        for other in members[word]:
            if other != word:
                swapped.append(scores[word] - scores[other])
    dev_words = sum(len(t.split()) for t in dev_texts)
    margin = None
    for candidate in [x / 4 for x in range(0, 121)]:
        false = sum(1 for m in correct if m > candidate)
        if 1000 * false / dev_words <= args.max_false:
            margin = candidate
            break
    if margin is None:
        print("no margin keeps false alerts under the limit: failed")
        sys.exit(1)
    model["margin"] = margin
    recall = sum(1 for m in swapped if m > margin) / len(swapped)
    false = sum(1 for m in correct if m > margin)
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(model, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with open(MODEL, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write(payload)
    print(f"training articles: {len(fit_texts)} ({sum(len(t.split()) for t in fit_texts)} words); held out: {len(dev_texts)} ({dev_words} words)")
    print(f"occurrences: {sum(m['count'] for m in model['members'].values())}; features kept: {model['vocabulary']}")
    for word in sorted(model["members"]):
        print(f"  {word:12s} {model['members'][word]['count']}")
    print(f"margin: {margin} (log-odds); held-out false alerts {false} = {1000 * false / dev_words:.3f} per 1,000 words")
    print(f"held-out recall of swapped members: {recall:.3f} ({len(swapped)} swaps)")
    print(f"model file: {MODEL.relative_to(REPO)} ({MODEL.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
