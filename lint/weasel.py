"""A weasel-wording scorer: how likely a sentence hides who holds its view
behind vague wording ("some have argued", "it is widely thought",
"considerable criticism", "one of the best").

A logistic regression over the sentence's words and word pairs, trained by
``benchmarks/train_weasel.py`` on the CoNLL-2010 Wikipedia weasel
sentences (see ``lint/models/attribution/MODEL_CARD.md``). Inference is
plain Python over a small JSON file of weights, loaded once, on first use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from lint.model_files import read_json

WEIGHTS = Path(__file__).parent / "models" / "attribution" / "weasel.json"
_NEIGHBOUR_WEIGHT = 0.3
# Words that cannot carry an alert alone: Wikipedia's tenses and
# pronouns ("has been", "it") weigh for weasel wording there, but say
# nothing wrong in a news sentence.
_FUNCTION_WORDS = frozenset(
    """a an the this that these those it its there here is are was were be been being has have had do does did
    will would can could of to in on at by for from with as and or but not""".split()
)
_WORD = regex.compile(r"\p{L}+|\p{N}+(?:[.,]\p{N}+)*")


def words(text: str) -> list[tuple[str, int, int]]:
    """Lower-case words with their spans; a number is "0" (an apostrophe
    splits a word, so "Munch's" and the Treebank's "Munch 's" agree)."""
    return [
        ("0" if m.group()[0].isdigit() else m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)
    ]


def features(tokens: list[str]) -> list[tuple[str, int, int]]:
    """Each feature with the token range it covers: words and word pairs."""
    found = [(token, i, i + 1) for i, token in enumerate(tokens)]
    found += [(f"{a} {b}", i, i + 2) for i, (a, b) in enumerate(zip(tokens, tokens[1:]))]
    return found


@dataclass(frozen=True)
class Scorer:
    bias: float
    threshold: float
    weights: dict[str, float]
    # The least weight of the words an alert points at: a sentence must hold
    # one strong cue, not only many faint ones (topic words of Wikipedia).
    cue_weight: float = 0.0

    def score(self, text: str) -> tuple[float, tuple[int, int] | None, float]:
        """The probability that ``text`` is weasel-worded, the span of the
        words that count most for it (None when nothing counts for it) and
        their weight."""
        spans = words(text)
        tokens = [w for w, _, _ in spans]
        total = self.bias
        best, best_weight = None, 0.0
        for feature, first, last in features(tokens):
            weight = self.weights.get(feature)
            if weight is None:
                continue
            total += weight
            if weight > best_weight and not _FUNCTION_WORDS.issuperset(tokens[first:last]):
                best, best_weight = (first, last), weight
        if best is None:
            return 1.0 / (1.0 + math.exp(-total)), None, 0.0
        # widen to the neighbouring words that weigh for it too ("widely thought")
        first, last = best
        while first > 0 and self._neighbour(tokens[first - 1]):
            first -= 1
        while last < len(tokens) and self._neighbour(tokens[last]):
            last += 1
        return 1.0 / (1.0 + math.exp(-total)), (spans[first][1], spans[last - 1][2]), best_weight


    def _neighbour(self, token: str) -> bool:
        return token not in _FUNCTION_WORDS and self.weights.get(token, 0.0) >= _NEIGHBOUR_WEIGHT


@lru_cache(maxsize=1)
def scorer() -> Scorer:
    data = read_json(WEIGHTS, "the weasel-wording scorer's weights file", "python benchmarks/train_weasel.py",
                     ("bias", "threshold", "weights", "cue_weight"))
    return Scorer(data["bias"], data["threshold"], data["weights"], data["cue_weight"])
