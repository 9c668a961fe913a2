#!/usr/bin/env python
"""Train the attribution cue tagger (lint/tagger.py) on PolNeAR and write
lint/models/attribution/tagger.json.

A word is a positive example when it lies in the Cue span of an attribution
annotated with a Source. The data is read from ../shared/data/polnear,
never copied. Splits (article names committed in benchmarks/splits/):

- ``polnear-test.ids``: a fixed 10% of the train folder's articles (seed
  11), never trained or tuned on; scored once, at the end
  (``python benchmarks/eval_attribution.py --no-conll --polnear-splits test``);
- ``polnear-train.ids``: the rest of the train folder, trained on;
- ``polnear-dev.ids``: the dev folder, for the L2 strength and the threshold.

Parses are cached under /tmp/issue11d (spaCy DocBin), since they take most
of the time. Plain numpy, deterministic (full-batch gradient descent from
zero weights)::

    python benchmarks/train_attribution_tagger.py             # train and write the weights
    python benchmarks/train_attribution_tagger.py --report    # score the committed weights on dev
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from eval_attribution import POLNEAR, read_brat  # noqa: E402

from lint.tagger import WEIGHTS, candidate, features, tagger  # noqa: E402

SPLITS = REPO / "benchmarks" / "splits"
CACHE = Path("/tmp/issue11d")
SEED = 11
TEST_SHARE = 0.1
L2_GRID = (1.0, 3.0, 10.0)
MIN_COUNT = 2
STEPS = 300
# Chosen on dev by the sources recognized (benchmarks/eval_attribution.py)
# with the shared cases and tests/test_attribution.py kept: 0.35 recognized
# 79.8% (79.5% before a noun with a mind could hold a cue), 0.25 81.0% (L2 10
# wins at both). Lower, the script picks other L2
# strengths (0.2: L2 3, about 81.9%; 0.15: L2 1, about 82.3%), and the
# subject becomes the holder of a predicate noun or a copula ("Charter
# schools remain a favorite of both parties": "favorite" 0.21, "remain" 0.19).
THRESHOLD = 0.25


def split_ids() -> dict[str, list[str]]:
    """The committed article names of each split (written once, seeded)."""
    paths = {name: SPLITS / f"polnear-{name}.ids" for name in ("train", "dev", "test")}
    if not all(p.exists() for p in paths.values()):
        train = sorted(p.stem for p in (POLNEAR / "train" / "text").glob("*.txt"))
        shuffled = train[:]
        random.Random(SEED).shuffle(shuffled)
        test = set(shuffled[: round(len(train) * TEST_SHARE)])
        ids = {
            "train": [n for n in train if n not in test],
            "dev": sorted(p.stem for p in (POLNEAR / "dev" / "text").glob("*.txt")),
            "test": sorted(test),
        }
        for name, path in paths.items():
            path.write_text("\n".join(ids[name]) + "\n", encoding="utf-8")
    return {name: path.read_text(encoding="utf-8").split() for name, path in paths.items()}


def folder(split: str) -> Path:
    return POLNEAR / ("dev" if split == "dev" else "train")


def parsed(split: str, names: list[str]):
    """Each article's parsed blocks with every token's source span, cached."""
    from spacy.tokens import DocBin

    from lint import nlp
    from lint.document import parse

    cache = CACHE / f"polnear-{split}.pkl"
    if cache.exists():
        blobs, offsets, owners = pickle.loads(cache.read_bytes())
        vocab = nlp.load().vocab
        return owners, DocBin().from_bytes(blobs).get_docs(vocab), offsets
    texts = [(folder(split) / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    bin_, offsets, owners, docs = DocBin(), [], [], []
    documents = (_without_vectors(parse(text, path=f"{n}.txt")) for n, text in zip(names, texts))
    for name, doc in zip(names, nlp.parse_documents(documents)):
        for block in doc.parses:
            spans = [doc.source_span(block.start + t.idx, block.start + t.idx + len(t)) for t in block.doc]
            bin_.add(block.doc)
            docs.append(block.doc)
            offsets.append(spans)
            owners.append(name)
    CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps((bin_.to_bytes(), offsets, owners)))
    return owners, docs, offsets


def _without_vectors(doc):
    doc.vector_readers = []  # nothing here reads the token vectors: drop them as each block is parsed
    return doc


def annotated_cues(split: str, name: str) -> list[tuple[int, int]]:
    annotations = sorted((folder(split) / "attributions").glob(f"{name}_*.ann"))
    if not annotations:
        return []
    return [span for a in read_brat(annotations[0]) if a.source for span in a.cue]


def examples(split: str, names: list[str]) -> tuple[list[list[str]], np.ndarray]:
    rows, labels = [], []
    cues = {name: annotated_cues(split, name) for name in names}
    for owner, doc, spans in zip(*parsed(split, names)):
        for token, (start, end) in zip(doc, spans):
            if not candidate(token):
                continue
            rows.append(features(token))
            labels.append(any(start < e and s < end for s, e in cues[owner]))
    return rows, np.array(labels, dtype=float)


def matrix(rows: list[list[str]], index: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    pairs = [(i, index[f]) for i, row in enumerate(rows) for f in row if f in index]
    array = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    return array[:, 0], array[:, 1]


def fit(rows, cols, y, n_features, l2) -> tuple[np.ndarray, float]:
    """L2-regularized logistic regression, full-batch Adam from zero weights."""
    w, b = np.zeros(n_features), 0.0
    m, v, mb, vb = np.zeros(n_features), np.zeros(n_features), 0.0, 0.0
    n = len(y)
    for step in range(1, STEPS + 1):
        z = np.bincount(rows, weights=w[cols], minlength=n) + b
        p = 1 / (1 + np.exp(-z))
        g = np.bincount(cols, weights=(p - y)[rows], minlength=n_features) / n + l2 * w / n
        gb = float(np.mean(p - y))
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        rate = 0.1 * np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
        w -= rate * m / (np.sqrt(v) + 1e-8)
        b -= rate * mb / (np.sqrt(vb) + 1e-8)
    return w, b


def scores(rows, cols, w, b, n) -> np.ndarray:
    return 1 / (1 + np.exp(-(np.bincount(rows, weights=w[cols], minlength=n) + b)))


def prf(p: np.ndarray, y: np.ndarray, threshold: float) -> tuple[float, float, float]:
    flagged = p >= threshold
    tp = float(np.sum(flagged & (y == 1)))
    precision = tp / max(np.sum(flagged), 1)
    recall = tp / max(np.sum(y == 1), 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", action="store_true", help="score the committed weights on dev")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"skipped: PolNeAR not found at {POLNEAR}")
        return 0
    ids = split_ids()
    dev_rows, dev_y = examples("dev", ids["dev"])
    if args.report:
        model = tagger()
        p = np.array([model.bias + sum(model.weights.get(f, 0.0) for f in row) for row in dev_rows])
        p = 1 / (1 + np.exp(-p))
        precision, recall, f1 = prf(p, dev_y, model.threshold)
        print(f"dev words (candidates) {len(dev_y):,}, cues {int(dev_y.sum()):,}: "
              f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f} at {model.threshold}")
        return 0
    train_rows, train_y = examples("train", ids["train"])
    counts = Counter(f for row in train_rows for f in set(row))
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    tr, tc = matrix(train_rows, index)
    dr, dc = matrix(dev_rows, index)
    best = None
    for l2 in L2_GRID:
        w, b = fit(tr, tc, train_y, len(names), l2)
        p = scores(dr, dc, w, b, len(dev_y))
        precision, recall, f1 = prf(p, dev_y, args.threshold)
        print(f"L2 {l2}: dev P {precision:.3f} R {recall:.3f} F1 {f1:.3f} at {args.threshold}", file=sys.stderr)
        if best is None or f1 > best[0]:
            best = (f1, l2, w, b)
    _, l2, w, b = best
    weights = {f: round(float(x), 4) for f, x in zip(names, w) if abs(x) >= 0.05}
    WEIGHTS.write_text(json.dumps(
        {"bias": round(b, 4), "threshold": args.threshold, "l2": l2, "weights": weights},
        indent=0, sort_keys=True,
    ) + "\n", encoding="utf-8")
    print(f"train candidates {len(train_y):,} ({int(train_y.sum()):,} cues), features {len(names):,}, "
          f"kept {len(weights):,}; L2 {l2}; wrote {WEIGHTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
