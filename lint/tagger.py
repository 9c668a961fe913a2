"""A trained attribution cue tagger: how likely a word is the cue of an
attribution PolNeAR would annotate with a source ("vowed", "endorsed",
"called X a liar", "his plan", "criticism from ...").

A logistic regression over the word's parse (its lemma, tag and dependency,
its head's, its children's relations, its subject's shape and the words
beside it), trained by ``benchmarks/train_attribution_tagger.py`` on the
PolNeAR train split (see ``lint/models/attribution/MODEL_CARD.md``).
:mod:`lint.attribution` asks it about the words its own rules did not take
for cues and links the source by the parse. Inference is plain Python over
a small JSON file of weights, loaded once, on first use.
"""

from __future__ import annotations

import math
from itertools import repeat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lint.model_files import read_json

if TYPE_CHECKING:
    from spacy.tokens import Token

WEIGHTS = Path(__file__).parent / "models" / "attribution" / "tagger.json"
# Parts of speech a cue may have: verbs, nouns ("his plan", "criticism")
# and adjectives ("critical of", "confident that").
CANDIDATE_POS = frozenset(("VERB", "NOUN", "ADJ"))
_SUBJECTS = ("nsubj", "nsubjpass")


def candidate(token: "Token") -> bool:
    return token.pos_ in CANDIDATE_POS and token.is_alpha


def _shape(token: "Token") -> str:
    """A source word's shape: a pronoun by itself, else its part of speech."""
    return token.lower_ if token.pos_ == "PRON" else token.pos_


def features(token: "Token") -> list[str]:
    """The names of the word's features (the same at training and at run time)."""
    lemma = token.lemma_.lower()
    head = token.head
    head_lemma = head.lemma_.lower()
    doc = token.doc
    # the words beside it in its sentence, told by where sentences start (spaCy's
    # token.sent builds the sentence afresh at each call: half this function's time)
    before = doc[token.i - 1].lower_ if token.i > 0 and not token.is_sent_start else "<s>"
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) and not doc[token.i + 1].is_sent_start else "</s>"
    found = [
        f"l={lemma}", f"t={token.tag_}", f"d={token.dep_}", f"ld={lemma}|{token.dep_}", f"lt={lemma}|{token.tag_}",
        f"h={head_lemma}", f"hd={token.dep_}|{head_lemma}", f"hp={token.dep_}|{head.pos_}",
        f"b={before}", f"a={after}", f"la={lemma}|{after}", f"bl={before}|{lemma}",
        f"lh={lemma}|{head_lemma}", f"g={token.dep_}|{head.dep_}", f"x={lemma[-3:]}|{token.pos_}",
    ]
    subject = None
    for child in token.children:
        found.append(f"c={child.dep_}")
        found.append(f"lc={lemma}|{child.dep_}")
        if child.dep_ in _SUBJECTS and subject is None:
            subject = child
        elif child.dep_ in ("prep", "agent", "prt", "mark"):
            found.append(f"cw={child.dep_}|{child.lower_}")
            found.append(f"lcw={lemma}|{child.lower_}")
        elif child.dep_ in ("poss", "dobj"):
            found.append(f"cs={child.dep_}|{_shape(child)}")
        if child.dep_ in ("ccomp", "xcomp", "dobj"):
            found.append(f"lk={lemma}|{child.dep_}|{child.lemma_.lower()}")
    if subject is not None:
        found.append(f"s={_shape(subject)}")
        found.append(f"ls={lemma}|{_shape(subject)}")
        found.append(f"sl={subject.lemma_.lower()}")
    if token.dep_ in ("dobj", "attr", "pobj"):
        holder = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
        if holder is not None:
            found.append(f"hs={token.dep_}|{_shape(holder)}")
    return found


@dataclass(frozen=True)
class Tagger:
    bias: float
    threshold: float
    weights: dict[str, float]

    def probability(self, token: "Token") -> float:
        total = self.bias + sum(map(self.weights.get, features(token), repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-total))

    def is_cue(self, token: "Token") -> bool:
        return candidate(token) and self.probability(token) >= self.threshold


@lru_cache(maxsize=1)
def tagger() -> Tagger:
    data = read_json(WEIGHTS, "the attribution cue tagger's weights file",
                     "python benchmarks/train_attribution_tagger.py", ("bias", "threshold", "weights"))
    return Tagger(data["bias"], data["threshold"], data["weights"])
