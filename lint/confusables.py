"""The confusables model: which member of a confusion set ("its"/"it's",
"lead"/"led") the words around an occurrence call for.

A naive Bayes model per set (Golding 1995) over collocations and context
words, trained by ``benchmarks/train_confusables.py`` and shipped as
``lint/models/confusables/model.json.gz`` with its model card. Plain
Python at run time; the model loads on first use, once per process.
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from importlib import resources

import regex

ALPHA = 0.1  # additive smoothing of feature counts
MIN_FEATURE_COUNT = 2  # rarer features are dropped from the model file
WINDOW = 2  # context words within this many tokens either side

_TOKEN = regex.compile(r"\p{L}+(?:['’]\p{L}+)*|\d+(?:[.,]\d+)*|[^\s\p{L}\d]")


def tokenize(text: str) -> list[str]:
    return [t.replace("’", "'") for t in _TOKEN.findall(text)]


def token_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().replace("’", "'")) for m in _TOKEN.finditer(text, start, end)]


def features(lowered: list[str], i: int) -> list[str]:
    """Collocations and context words of the token at ``i``."""

    def at(j: int) -> str:
        return lowered[j] if 0 <= j < len(lowered) else "<s>"

    found = [
        f"L1={at(i - 1)}",
        f"R1={at(i + 1)}",
        f"L2={at(i - 2)} {at(i - 1)}",
        f"R2={at(i + 1)} {at(i + 2)}",
        # word endings stand in for parts of speech ("they're going", "their goals")
        f"R1end={at(i + 1)[-3:]}",
        f"L1end={at(i - 1)[-3:]}",
    ]
    context = {lowered[j] for j in range(max(0, i - WINDOW), min(len(lowered), i + WINDOW + 1)) if j != i}
    found.extend(f"W={w}" for w in sorted(context) if w[0].isalpha())
    return found


def score(model: dict, members, feats: list[str]) -> dict[str, float]:
    """Each member's log score for the features (prior times likelihoods)."""
    alpha, vocabulary = model["alpha"], model["vocabulary"]
    total = sum(model["members"][m]["count"] for m in members) + len(members)
    scores = {}
    # A feature no member was seen with says nothing about which is meant;
    # counted, its smoothing would favour the rarer member at every
    # unseen word ("like its Sky+ boxes" read as "it's").
    seen = [f for f in feats if any(f in model["members"][m]["features"] for m in members)]
    for member in members:
        entry = model["members"][member]
        counts, denominator = entry["features"], entry["count"] + alpha * vocabulary
        value = math.log((entry["count"] + 1) / total)
        for feat in seen:
            value += math.log((counts.get(feat, 0) + alpha) / denominator)
        scores[member] = value
    return scores


@lru_cache(maxsize=None)
def load(name: str = "confusables") -> dict:
    path = resources.files("lint") / "models" / name / "model.json.gz"
    with path.open("rb") as raw, gzip.GzipFile(fileobj=raw) as handle:
        model = json.loads(handle.read().decode("utf-8"))
    model["set_of"] = {w: tuple(s) for s in model["sets"] for w in s}
    return model


def suspects(model: dict, text: str, start: int, end: int, margin: float):
    """(start, end, written, better, lead) for each member in
    ``text[start:end]`` that another member of its set beats by ``lead``,
    more than ``margin`` (log-odds)."""
    spans = token_spans(text, start, end)
    lowered = [t.lower() for _, _, t in spans]
    set_of = model["set_of"]
    for i, word in enumerate(lowered):
        members = set_of.get(word)
        if members is None:
            continue
        scores = score(model, members, features(lowered, i))
        better = max((m for m in members if m != word), key=lambda m: scores[m])
        if better == "than" and not _comparative_before(lowered, i):
            continue
        if scores[better] - scores[word] > margin:
            s, e, written = spans[i]
            yield s, e, written, better, scores[better] - scores[word]


# "than" needs a comparative before it in its clause ("taller than",
# "more than", "rather than", "different than", "other than"): without one,
# "then" is right whatever its neighbours suggest ("one way then the other").
_COMPARATIVES = frozenset("more less fewer rather other else different differently worse".split())
_CLAUSE_ENDS = frozenset(",;:.!?()\"“”")
COMPARATIVE_WINDOW = 6


def _comparative_before(lowered: list[str], i: int) -> bool:
    for word in reversed(lowered[max(0, i - COMPARATIVE_WINDOW) : i]):
        if word in _CLAUSE_ENDS:
            return False
        if word in _COMPARATIVES or (len(word) >= 4 and word.endswith("er")):
            return True
    return False
