"""A trained model of subjective and loaded wording, scored on the parse
copydesk already makes.

Each token gets the probability that it carries the writer's judgment
(BABE's "biased words"); each sentence the probability that it reads as
biased. The features cost almost nothing on top of the parse:

- the contextual vector spaCy's ``tok2vec`` computed for the token while
  parsing (``doc.tensor``, 96 numbers for ``en_core_web_sm``);
- its part of speech and dependency role (one-hot);
- lexicon scores of the word: subjectivity, polarity and intensity from
  TextBlob's ``en-sentiment.xml`` (Pattern's adjective lexicon, BSD) and
  valence from VADER's ``vader_lexicon.txt`` (MIT), copied into the
  model file when it is trained, so neither package is needed to run it;
- whether the token stands inside quotation marks in its block;
- the static word vector of its lemma (``en_core_web_md``'s 300-number
  vectors, reduced to their first principal components and stored in the
  model file for the 250,000 lowercase words they cover): what lets the
  model read a word nobody marked in training by the company it keeps
  ("scathing" near "harsh" and "withering");
- a learned weight per lemma (lemmas kept as spaCy's 64-bit string
  hashes, so the model file holds no text of its training data).

Beside the weights the file lists the senses (lemma and part of speech)
BABE's annotators marked: the rule's evidence that a word is loaded as it
is used here ("mock" the verb, not "a mock election"; "alien" the noun of
immigration copy, not "alien horde").

The model is a one-hidden-layer network for tokens, a logistic regression
for sentences and a second logistic regression, the context head, that
reads a token's score again beside its neighbours' scores, its rank in its
sentence and the sentence's score (annotators mark the one or two words
that carry a biased sentence's bias, not every word the network likes)
and how often annotators marked its lemma in training
(:class:`LemmaPrior`), evaluated in numpy (spaCy's own dependency) from
one ``.npz`` file. It loads once per process, when an enabled rule first
needs it; a model file that is missing or unreadable is a
:class:`~lint.errors.RuleError` naming it (exit 2). ``training/train_loaded.py``
builds it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from lint.errors import RuleError

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "loaded"
MODEL_FILE = "model.npz"
FORMAT = 6  # 6: the lemma prior within marked sentences; 5: the lemma prior; 4: the context head; 3: static word vectors; 2: marks keyed by lemma and part of speech (1: by lemma)
# Universal parts of speech the model scores; the others (names, function
# words, numbers, punctuation) carry no loaded wording of their own.
SCORED_POS = ("ADJ", "ADV", "NOUN", "VERB")
POS_NAMES = (
    "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X SPACE".split()
)
# Lexicon columns, in order (see the training script for their sources).
LEXICON_COLUMNS = ("tb_subjectivity", "tb_polarity", "tb_abs_polarity", "tb_intensity", "vader", "vader_abs", "in_tb", "in_vader")
_IN_LEXICON = [LEXICON_COLUMNS.index("in_tb"), LEXICON_COLUMNS.index("in_vader")]


class Scores:
    """A parsed block's scores: ``tokens[i]`` is token i's probability of
    being loaded (0 for tokens the model does not score); ``marked`` and
    ``listed`` the model's evidence beyond context (BABE's annotators
    marked the lemma in training; a lexicon lists the word); each
    sentence's token range and probability (the context head needs them
    all)."""

    def __init__(self, tokens, marked, listed, bounds, sentence_probabilities) -> None:
        self.tokens = tokens
        self.marked = marked
        self.listed = listed
        self.bounds = bounds
        self._sentence_probabilities = sentence_probabilities

    def sentence_of(self, i: int) -> tuple[int, int, float]:
        """The sentence holding token i: first token, end token, probability."""
        number = next(n for n, (start, end) in enumerate(self.bounds) if start <= i < end)
        return (*self.bounds[number], self._sentence_probabilities[number])

    @property
    def sentences(self) -> list[tuple[int, int, float]]:
        return [(*bound, p) for bound, p in zip(self.bounds, self._sentence_probabilities)]


class LoadedModel:
    """The weights and tables of one trained model (see the module doc)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        file = path / MODEL_FILE
        try:
            with np.load(file, allow_pickle=False) as data:
                # float32 on disk, float64 in memory: a mixed-type product
                # leaves BLAS for numpy's slow loop
                arrays = {key: data[key].astype(np.float64) if data[key].dtype.kind == "f" else data[key]
                          for key in data.files}
            meta = json.loads(str(arrays.pop("meta")))
        except FileNotFoundError:
            raise RuleError("loaded-language model file is missing (reinstall copydesk, or retrain it: "
                            "python training/train_loaded.py)", str(file)) from None
        except Exception as error:  # a truncated zip, a bad member, bad JSON
            raise RuleError(f"loaded-language model file is corrupt or unreadable ({type(error).__name__}: {error})",
                            str(file)) from None
        missing = sorted(self._ARRAYS - set(arrays))
        if meta.get("format") != FORMAT or missing:
            raise RuleError(f"loaded-language model file has format {meta.get('format')!r} (expected {FORMAT})"
                            + (f" and lacks {', '.join(missing)}" if missing else "")
                            + ": a model trained by an older copydesk; retrain it with `copydesk train`", str(file))
        self.meta = meta
        self.dep_hashes = arrays["dep_hashes"]
        self.lexicon_keys = arrays["lexicon_keys"]
        self.lexicon = arrays["lexicon"]
        self.lemma_keys = arrays["lemma_keys"]
        self.vectors = StaticVectors(arrays["vector_keys"], arrays["vector_rows"], arrays["vectors"])
        self.marked_sense_keys = arrays["marked_sense_keys"]
        self.scale_mean = arrays["scale_mean"]
        self.scale_std = arrays["scale_std"]
        self.hidden_weights = arrays["hidden_weights"]
        self.hidden_lemma = arrays["hidden_lemma"]
        self.hidden_bias = arrays["hidden_bias"]
        self.out_weights = arrays["out_weights"]
        self.out_bias = float(arrays["out_bias"])
        self.sentence_weights = arrays["sentence_weights"]
        self.sentence_lemma = arrays["sentence_lemma"]
        self.sentence_bias = float(arrays["sentence_bias"])
        self.sentence_mean = arrays["sentence_mean"]
        self.sentence_std = arrays["sentence_std"]
        self.context_weights = arrays["context_weights"]
        self.context_bias = float(arrays["context_bias"])
        self.context_mean = arrays["context_mean"]
        self.context_std = arrays["context_std"]
        self.priors = lemma_priors(arrays)
        width = token_feature_width(len(self.dep_hashes), self.lexicon.shape[1], self.meta["tensor_width"], self.vectors.width)
        rows = len(self.lemma_keys) + 1
        if (self.hidden_weights.shape[0] != width or self.hidden_lemma.shape[0] != rows or self.sentence_lemma.shape[0] != rows
                or self.context_weights.shape[0] != len(CONTEXT_FEATURES) + len(PRIOR_FEATURES) * len(PRIOR_PREFIXES)):
            raise RuleError("loaded-language model file's weights do not fit its tables (corrupt?)", str(file))

    @property
    def _kept_key(self) -> tuple[str, str]:
        return ("copydesk.loaded-scores", str(self.path))

    def keep_scores(self, docs: list["Doc"]) -> None:
        """Score parsed blocks (a draft's, in one pass) while their token
        vectors exist (the parser drops them: kept, they were most of a long
        draft's memory) and keep each block's scores with it for :meth:`score`."""
        for doc, scores in zip(docs, self._score(docs, whole=False)):
            doc.user_data[self._kept_key] = scores

    _ARRAYS = frozenset(
        """dep_hashes lexicon_keys lexicon lemma_keys marked_sense_keys vector_keys vector_rows vectors scale_mean scale_std
        hidden_weights hidden_lemma hidden_bias out_weights out_bias sentence_weights sentence_lemma sentence_bias sentence_mean
        sentence_std context_weights context_bias context_mean context_std prior_keys prior_logits prior_seen
        prior_default marked_prior_keys marked_prior_logits marked_prior_seen marked_prior_default""".split()
    )

    def score(self, doc: "Doc", whole: bool = False) -> "Scores":
        """Token probabilities for one parsed block, and its sentences'
        on demand (``whole``: the block is one sentence, as in training);
        those :meth:`keep_scores` computed as the block was parsed, if it did."""
        kept = None if whole else doc.user_data.get(self._kept_key)
        return kept if kept is not None else self._score([doc], whole)[0]

    def score_blocks(self, docs: list["Doc"]) -> list["Scores"]:
        """:meth:`score` of each of several parsed blocks (a draft's), those
        without kept scores in one pass: on BBC paragraphs the model's
        numpy work cost as much per call as for the tokens it scored."""
        kept = [doc.user_data.get(self._kept_key) for doc in docs]
        missing = [doc for doc, scores in zip(docs, kept) if scores is None]
        fresh = iter(self._score(missing, whole=False) if missing else ())
        return [scores if scores is not None else next(fresh) for scores in kept]

    def _score(self, docs: list["Doc"], whole: bool) -> list["Scores"]:
        """The scores of each block, computed on the blocks' tokens in a row
        (each token's features, neighbours and sentences are its block's)."""
        lengths = [len(doc) for doc in docs]
        offsets = np.cumsum([0, *lengths]).tolist()  # each block's first token in the row, and the row's end
        features = blocks_token_features(docs, self.dep_hashes, self.lexicon_keys, self.lexicon, self.lemma_keys,
                                         self.meta["tensor_width"], self.vectors)
        logits = self.token_logits(features)
        all_logits = np.full(offsets[-1], -np.inf)
        all_logits[features.scored] = logits
        block_bounds = [[(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START") and not whole
                        else [(0, len(doc))] for doc in docs]
        bounds = [(offset + start, offset + end) for offset, block in zip(offsets, block_bounds) for start, end in block]
        grouping = _by_sentence(features.scored, all_logits, bounds)
        sentence_logits = self.sentence_logits(features, all_logits, bounds, grouping)
        token_block = np.repeat(np.arange(len(docs)), lengths)
        context = ((np.hstack([context_features(all_logits, features.scored, bounds, sentence_logits, grouping,
                                                token_block),
                               prior_features(self.priors, features.lemma_hashes)]) - self.context_mean)
                   / self.context_std)
        probabilities = np.zeros(offsets[-1], dtype=np.float64)
        probabilities[features.scored] = _sigmoid(np.einsum("ij,j->i", context, self.context_weights) + self.context_bias)
        marked = np.zeros(offsets[-1], dtype=bool)
        marked[features.scored] = _lookup(self.marked_sense_keys, features.sense_hashes)[0]
        listed = features.lexicon[:, _IN_LEXICON].max(axis=1) > 0 if offsets[-1] else np.zeros(0, dtype=bool)
        sentence_probabilities = _sigmoid(sentence_logits).tolist()
        scores = []
        first_sentence = 0
        for block, start, end in zip(block_bounds, offsets, offsets[1:]):
            scores.append(Scores(probabilities[start:end], marked[start:end], listed[start:end], block,
                                 sentence_probabilities[first_sentence : first_sentence + len(block)]))
            first_sentence += len(block)
        return scores

    def sentence_logits(self, features: "TokenFeatures", logits: np.ndarray, bounds, grouping) -> np.ndarray:
        """The logits of a block's sentences (token ranges ``bounds``, in
        order, covering the block), all at once (``grouping``:
        :func:`_by_sentence`'s)."""
        rows = (sentences_features(features, logits, bounds, grouping) - self.sentence_mean) / self.sentence_std
        return (np.einsum("ij,j->i", rows, self.sentence_weights)
                + _lemma_sums(self.sentence_lemma, features, len(bounds), grouping[0]) + self.sentence_bias)

    def lexicon_row(self, key: int) -> np.ndarray | None:
        """The lexicon's row for a word's spaCy hash, if it lists the word."""
        where = int(np.searchsorted(self.lexicon_keys, np.uint64(key)))
        if where < len(self.lexicon_keys) and int(self.lexicon_keys[where]) == key:
            return self.lexicon[where]
        return None

    def token_logits(self, features: "TokenFeatures") -> np.ndarray:
        dense = (features.dense - self.scale_mean) / self.scale_std
        # einsum, not @: a paragraph's product is small, and multithreaded
        # BLAS costs more in waking its threads (milliseconds on a busy
        # machine) than the sums; einsum's own loop also sums the same way
        # on every machine.
        hidden = np.einsum("ij,jk->ik", dense, self.hidden_weights) + self.hidden_lemma[features.lemma_rows] + self.hidden_bias
        np.maximum(hidden, 0.0, out=hidden)
        return np.einsum("ij,j->i", hidden, self.out_weights) + self.out_bias


@dataclass(frozen=True)
class StaticVectors:
    """Static word vectors by word: ``keys`` (sorted spaCy hashes) index
    ``rows`` into ``table`` (one reduced vector per row; many words share
    a row, as in spaCy's pruned vectors)."""

    keys: np.ndarray
    rows: np.ndarray
    table: np.ndarray

    @property
    def width(self) -> int:
        return self.table.shape[1]

    def of(self, hashes: np.ndarray) -> np.ndarray:
        """One row per hash: its vector and a last column 1, or zeros
        (a word the vectors do not know)."""
        out = np.zeros((len(hashes), self.width + 1))
        found, where = _lookup(self.keys, hashes)
        out[found, :-1] = self.table[self.rows[where[found]]]
        out[found, -1] = 1.0
        return out


@dataclass(frozen=True)
class TokenFeatures:
    """The scored tokens' features: ``scored`` indexes the doc's tokens,
    ``dense`` has one row per scored token, ``lemma_rows`` its lemma's row
    in the lemma table (the last row: a lemma the model never saw),
    ``sense_hashes`` its lemma and part of speech (:func:`sense_hashes`);
    ``tensor`` and ``lexicon`` cover every token of the doc; ``static``
    is the scored tokens' static vectors (:meth:`StaticVectors.of`)."""

    scored: np.ndarray
    dense: np.ndarray
    lemma_hashes: np.ndarray
    sense_hashes: np.ndarray
    lemma_rows: np.ndarray
    tensor: np.ndarray
    lexicon: np.ndarray
    static: np.ndarray


def token_feature_width(dependencies: int, lexicon_columns: int, tensor_width: int, vector_width: int) -> int:
    # tensor, POS one-hot, dependency one-hot (+ unknown), lexicon, in-quote, capitalized, static vector (+ known)
    return tensor_width + len(POS_NAMES) + dependencies + 1 + lexicon_columns + 2 + vector_width + 1


def token_features(doc: "Doc", dep_hashes, lexicon_keys, lexicon, lemma_keys, tensor_width: int,
                   vectors: StaticVectors) -> TokenFeatures:
    """The features of a parsed doc's scorable tokens, vectorized (no loop
    over tokens in Python: the check runs on every paragraph)."""
    return blocks_token_features([doc], dep_hashes, lexicon_keys, lexicon, lemma_keys, tensor_width, vectors)


def blocks_token_features(docs: list["Doc"], dep_hashes, lexicon_keys, lexicon, lemma_keys, tensor_width: int,
                          vectors: StaticVectors) -> TokenFeatures:
    """:func:`token_features` of several parsed docs' tokens in a row."""
    from spacy.attrs import DEP, IS_ALPHA, IS_QUOTE, IS_STOP, IS_TITLE, LEMMA, LOWER, POS

    lengths = [len(doc) for doc in docs]
    n = sum(lengths)
    columns = lexicon.shape[1]
    width = token_feature_width(len(dep_hashes), columns, tensor_width, vectors.width)
    if n == 0:
        return TokenFeatures(np.zeros(0, dtype=np.int64), np.zeros((0, width)), np.zeros(0, dtype=np.uint64),
                             np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64), np.zeros((0, tensor_width)),
                             np.zeros((0, columns)), np.zeros((0, vectors.width + 1)))
    attributes = [LOWER, LEMMA, POS, DEP, IS_QUOTE, IS_ALPHA, IS_STOP, IS_TITLE]
    array = np.concatenate([doc.to_array(attributes) for doc in docs if len(doc)]).astype(np.uint64)
    lower, lemma, pos, dep = array[:, 0], array[:, 1], array[:, 2].astype(np.int64), array[:, 3]
    is_quote, is_alpha, is_stop, is_title = (array[:, i].astype(bool) for i in (4, 5, 6, 7))
    tensor = np.concatenate([_tensor(doc, tensor_width) for doc in docs if len(doc)])
    lexicon_rows = np.zeros((n, columns))
    found, where = _lookup(lexicon_keys, lower)
    lexicon_rows[found] = lexicon[where[found]]
    by_lemma, where_lemma = _lookup(lexicon_keys, lemma)
    fallback = by_lemma & ~found
    lexicon_rows[fallback] = lexicon[where_lemma[fallback]]
    pos_index = _pos_index(pos)
    scored = np.flatnonzero(_scored_pos_mask(pos_index) & is_alpha & ~is_stop)
    # A quotation mark toggles: tokens after an odd number of them in their block are quoted.
    marks_before = np.concatenate(([0], np.cumsum(is_quote)))
    block_first = np.repeat(np.cumsum([0, *lengths[:-1]]), lengths)
    in_quote = (marks_before[:-1] - marks_before[block_first]) % 2 == 1
    k = len(scored)
    dense = np.zeros((k, width))
    static = vectors.of(lemma[scored])
    if k:
        dense[:, :tensor_width] = tensor[scored]
        offset = tensor_width
        dense[np.arange(k), offset + pos_index[scored]] = 1.0
        offset += len(POS_NAMES)
        dep_found, dep_where = _lookup(dep_hashes, dep[scored])
        dense[np.arange(k), offset + np.where(dep_found, dep_where, len(dep_hashes))] = 1.0
        offset += len(dep_hashes) + 1
        dense[:, offset : offset + columns] = lexicon_rows[scored]
        offset += columns
        dense[:, offset] = in_quote[scored]
        dense[:, offset + 1] = is_title[scored]
        dense[:, offset + 2 :] = static
    lemma_found, lemma_where = _lookup(lemma_keys, lemma[scored])
    lemma_rows = np.where(lemma_found, lemma_where, len(lemma_keys))
    return TokenFeatures(scored, dense, lemma[scored], sense_hashes(lemma[scored], pos_index[scored]), lemma_rows, tensor,
                         lexicon_rows, static)


def _tensor(doc: "Doc", width: int) -> np.ndarray:
    """A parsed doc's token vectors, or zeros when the parse kept none."""
    tensor = doc.tensor
    return tensor if tensor is not None and tensor.shape == (len(doc), width) else np.zeros((len(doc), width), dtype=np.float32)


# An odd 64-bit constant (the golden ratio's): a part of speech's multiple
# of it scatters the lemma hashes it is mixed into.
_SENSE_MIX = np.uint64(0x9E3779B97F4A7C15)


def sense_hashes(lemma_hashes: np.ndarray, pos_index: np.ndarray) -> np.ndarray:
    """One 64-bit key per (lemma, part of speech): the lemma's hash mixed
    with its part of speech (an index into :data:`POS_NAMES`)."""
    # arrays wrap around silently (only numpy scalars warn of overflow)
    return lemma_hashes ^ ((pos_index.astype(np.uint64) + np.uint64(1)) * _SENSE_MIX)


SENTENCE_FEATURES = ("max_logit", "top3_logit", "count_over_0", "mean_subjectivity", "max_subjectivity", "max_vader_abs",
                     "tokens")


def sentence_features(features: TokenFeatures, logits: np.ndarray) -> np.ndarray:
    """The features of a block read as one sentence (:func:`sentences_features`)."""
    return sentences_features(features, logits, [(0, len(features.tensor))])[0]


def sentences_features(features: TokenFeatures, logits: np.ndarray, bounds, grouping=None) -> np.ndarray:
    """Each sentence's features (one row per token range in ``bounds``, in
    order, covering the block): the mean contextual vector of its tokens,
    the mean static vector of its scored words, the strongest token scores
    (``logits`` covers every token, -inf where unscored), and its lexicon
    scores. Computed for the whole block at once: a Python loop over
    sentences cost more than the sums. ``grouping``: :func:`_by_sentence`'s,
    if already known."""
    starts = np.array([start for start, _ in bounds], dtype=np.intp)
    lengths = np.array([end - start for start, end in bounds], dtype=np.intp)
    tensor, lexicon = features.tensor, features.lexicon
    mean_tensor = np.zeros((len(bounds), tensor.shape[1]), dtype=tensor.dtype)
    subjectivity_mean = np.zeros(len(bounds))
    subjectivity_max = np.zeros(len(bounds))
    vader_abs_max = np.zeros(len(bounds))
    full = lengths > 0
    if full.any():
        at = starts[full]
        mean_tensor[full] = np.add.reduceat(tensor, at, axis=0) / lengths[full, None].astype(tensor.dtype)
        subjectivity, vader_abs = lexicon[:, 0], lexicon[:, 5]
        subjectivity_mean[full] = np.add.reduceat(subjectivity, at) / lengths[full]
        subjectivity_max[full] = np.maximum.reduceat(subjectivity, at)
        vader_abs_max[full] = np.maximum.reduceat(vader_abs, at)
    sentence, first, order = grouping or _by_sentence(features.scored, logits, bounds)
    counts = np.bincount(sentence, minlength=len(bounds))
    mean_static = np.zeros((len(bounds), features.static.shape[1]))
    has = counts > 0
    if has.any():
        mean_static[has] = np.add.reduceat(features.static, first[has], axis=0) / counts[has, None]
    # the three best scores of each sentence (-10 for a sentence with none)
    ranked = logits[features.scored][order]
    rank = np.arange(len(order)) - first[sentence[order]]
    best = np.full(len(bounds), -10.0)
    best[sentence[order][rank == 0]] = ranked[rank == 0]
    top_sum = np.zeros(len(bounds))
    for place in range(3):  # ((first + second) + third): the order np.mean sums three numbers in
        at_place = rank == place
        top_sum[sentence[order][at_place]] += ranked[at_place]
    top_mean = np.where(has, top_sum / np.maximum(np.minimum(counts, 3), 1), -10.0)
    over_0 = np.bincount(sentence, weights=logits[features.scored] > 0, minlength=len(bounds))
    summary = np.column_stack([best, top_mean, over_0, subjectivity_mean, subjectivity_max, vader_abs_max,
                               np.log1p(lengths)])
    return np.hstack([mean_tensor.astype(np.float64), mean_static, summary])


def _by_sentence(scored: np.ndarray, logits: np.ndarray, bounds) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sentence of each scored token (an index into ``bounds``), where
    each sentence's scored tokens start among them, and the order that
    sorts them by sentence and, within one, by score, best first (equal
    scores in text order)."""
    starts = np.array([start for start, _ in bounds], dtype=np.intp)
    sentence = np.searchsorted(starts, scored, side="right") - 1
    first = np.searchsorted(sentence, np.arange(len(bounds)))
    return sentence, first, np.lexsort((-logits[scored], sentence))


CONTEXT_FEATURES = ("logit", "sentence_logit", "logit_before", "logit_after", "logit_2_before", "logit_2_after",
                    "below_sentence_max", "rank", "first", "sentence_count_over_0", "logit_x_sentence_logit", "sentence_scored")
# The logit given a neighbour the model does not score (a function word,
# a name) or that lies beyond the block.
_UNSCORED_LOGIT = -8.0


def context_features(logits: np.ndarray, scored: np.ndarray, bounds, sentence_logits, grouping=None,
                     token_block: np.ndarray | None = None) -> np.ndarray:
    """The context head's features (:data:`CONTEXT_FEATURES`) of each scored
    token: ``logits`` covers every token of the block (-inf where unscored),
    ``bounds`` its sentences (token ranges, in order, covering the block)
    and ``sentence_logits`` theirs (``grouping``: as for
    :func:`sentences_features`); ``token_block``: each token's block, for
    blocks in a row (a neighbour is one of its block's tokens)."""
    if not len(scored):
        return np.zeros((0, len(CONTEXT_FEATURES)))
    # each block between two unscored logits either side
    position = np.arange(len(logits)) + 2 + (0 if token_block is None else 4 * token_block)
    padded = np.full(position[-1] + 3, _UNSCORED_LOGIT)
    padded[position] = np.where(np.isfinite(logits), logits, _UNSCORED_LOGIT)
    at = position[scored]
    sentence, first, order = grouping or _by_sentence(scored, logits, bounds)
    z = logits[scored]
    rank = np.empty(len(z))
    rank[order] = np.arange(len(z)) - first[sentence[order]]
    best = np.full(len(bounds), -np.inf)
    np.maximum.at(best, sentence, z)
    sentence_logit = np.asarray(sentence_logits, dtype=np.float64)[sentence]
    over_0 = np.bincount(sentence, weights=z > 0, minlength=len(bounds))[sentence]
    count = np.bincount(sentence, minlength=len(bounds))[sentence].astype(np.float64)
    return np.column_stack([
        z, sentence_logit, padded[at - 1], padded[at + 1], padded[at - 2], padded[at + 2],
        z - best[sentence], np.minimum(rank, 4), rank == 0, over_0, z * sentence_logit, count,
    ])


PRIOR_FEATURES = ("lemma_prior", "lemma_seen")
# The model's two lemma priors, by the prefix of their arrays: counted over
# every training sentence, and over the sentences holding a marked word
# alone (how often the lemma is the marked word where there is one: BABE
# dev, train-alone model, word recall at precision 0.6 0.430 to 0.459).
PRIOR_PREFIXES = ("prior_", "marked_prior_")


@dataclass(frozen=True)
class LemmaPrior:
    """How often annotators marked each lemma in training, smoothed toward
    the rate over all tokens: ``keys`` (sorted lemma hashes), each one's
    log-odds of being marked and ``log1p`` of how often it was seen;
    ``default``: the log-odds of a lemma never seen. BABE's annotators
    mark the same words again and again ("radical", "slammed"), which a
    network weight per lemma learned in ten passes does not take in
    (BABE dev, the train-alone model: word recall at precision 0.6 from
    0.313 to 0.43 with these features in the context head)."""

    keys: np.ndarray
    logits: np.ndarray
    seen: np.ndarray
    default: float

    @classmethod
    def of(cls, arrays, prefix: str) -> "LemmaPrior":
        """The prior stored in a model's arrays (``prior_*``, or another prefix's)."""
        return cls(arrays[prefix + "keys"], arrays[prefix + "logits"], arrays[prefix + "seen"], float(arrays[prefix + "default"]))

    def features(self, lemma_hashes: np.ndarray) -> np.ndarray:
        """:data:`PRIOR_FEATURES` of scored tokens (``lemma_hashes``
        theirs): the lemma's log-odds and how often it was seen (the
        default and 0 for a lemma never seen)."""
        if not len(self.keys):
            return np.column_stack([np.full(len(lemma_hashes), self.default), np.zeros(len(lemma_hashes))])
        found, where = _lookup(self.keys, lemma_hashes)
        return np.column_stack([np.where(found, self.logits[where], self.default), np.where(found, self.seen[where], 0.0)])


def lemma_priors(arrays) -> tuple[LemmaPrior, ...]:
    """The priors stored in a model's arrays, in the order of :data:`PRIOR_PREFIXES`."""
    return tuple(LemmaPrior.of(arrays, prefix) for prefix in PRIOR_PREFIXES)


def prior_features(priors: tuple[LemmaPrior, ...], lemma_hashes: np.ndarray) -> np.ndarray:
    """Each prior's :data:`PRIOR_FEATURES` of scored tokens, side by side."""
    return np.hstack([prior.features(lemma_hashes) for prior in priors])


def _lemma_sums(weights: np.ndarray, features: TokenFeatures, sentences: int, sentence: np.ndarray) -> np.ndarray:
    """Each sentence's sum of the sentence model's weights of the distinct
    lemmas among its scored tokens (``sentence``: each one's sentence; a
    bag of lemmas; unknown lemmas weigh 0)."""
    pairs = np.sort(sentence * len(weights) + features.lemma_rows)
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))] if len(pairs) else pairs
    return np.bincount(pairs // len(weights), weights=weights[pairs % len(weights)], minlength=sentences)


def _lookup(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each value, whether it is in the sorted ``keys`` and where."""
    if len(keys) == 0:
        return np.zeros(len(values), dtype=bool), np.zeros(len(values), dtype=np.int64)
    where = np.searchsorted(keys, values)
    where = np.minimum(where, len(keys) - 1)
    return keys[where] == values, where


@lru_cache(maxsize=1)
def _pos_table() -> tuple[np.ndarray, np.ndarray]:
    from spacy.parts_of_speech import IDS

    ids = np.array([int(IDS[name]) for name in POS_NAMES], dtype=np.int64)
    scored = np.array([name in SCORED_POS for name in POS_NAMES])
    return ids, scored


def _pos_index(pos: np.ndarray) -> np.ndarray:
    ids, _ = _pos_table()
    order = np.argsort(ids)
    where = np.searchsorted(ids[order], pos)
    where = np.minimum(where, len(ids) - 1)
    index = order[where]
    return np.where(ids[index] == pos, index, POS_NAMES.index("X"))


def _scored_pos_mask(pos_index: np.ndarray) -> np.ndarray:
    _, scored = _pos_table()
    return scored[pos_index]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -40.0, 40.0)))


@lru_cache(maxsize=4)
def load(path: str | None = None) -> LoadedModel:
    """The model in ``path`` (a folder holding ``model.npz``; default: the
    one shipped with copydesk), loaded once per process."""
    return LoadedModel(Path(path) if path else DEFAULT_MODEL)
