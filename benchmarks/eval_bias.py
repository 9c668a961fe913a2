#!/usr/bin/env python
"""Evaluate copydesk's loaded-language layer: the trained model and the
rules, on BABE's held-out split and on BBC articles.

Not a test: it prints figures for a person to read.

BABE (Spinde et al. 2021) holds 3,673 news sentences labelled "Biased" or
"Non-biased" by expert annotators, with the words that make a biased
sentence biased marked. The split is ``training/splits/babe.json`` (row
numbers; train 60%, dev 20%, test 20%); the model learned from train and
every setting was chosen on dev. ``--split test`` (the default) reads the
test rows, once per change of design. Printed:

1. the model (``lint/models/loaded``), each row scored as one sentence:
   sentence macro F1 at the model's dev-chosen threshold (the figure the
   BABE paper reports: its best trained model reaches 0.804); word
   precision and recall at the rule's thresholds: a marked word (BABE
   lists a marked phrase word by word; matched on the text, so that
   "left-wing", three tokens, is found) counts once per sentence, found
   when a token of one of its occurrences passes the rule's token and
   sentence thresholds; precision counts every flagged token in every row
   (Non-biased ones too) and, beside it, in the Biased rows only; and the
   token network alone at the word threshold training chose on dev (the
   issue's "biased-word recall at word precision"). ``--model DIR``
   scores another model file (one trained with ``--out``);
2. the rules through copydesk (each row linted as its own document):
   precision, recall, F1 and macro F1 of "some alert" against "Biased",
   and the share of marked words an alert's span covers, for every rule
   of category ``loaded-language`` together, the trained rule alone, and
   each rule;
3. with ``--cold N``: the cost of the trained rule at start-up: median
   wall and CPU seconds of N ``copydesk check`` processes on a BBC
   article with the rule and with it ignored (interleaved, after a
   warm-up; CPU is the steadier figure on a busy machine);
4. with ``--bbc train|dev|test|heldout|all``: alerts of ``newsroom.loaded-language``
   per 1,000 words on that split of the BBC articles
   (``training/splits/bbc-news.json``; ``heldout``: train and test, the
   parts the rule was not tuned on until its thresholds per category were
   chosen on train: since then ``test`` alone is held out) and, with
   ``--samples N``, N seeded random alerts with their sentences to read
   (``--every-rule``: drawn from every loaded-language rule's alerts, the
   issue's read).

The data is read from ``../shared/data`` (relative to the repository),
never copied; the script says so and exits 0 when it is absent. Usage::

    python benchmarks/eval_bias.py                          # BABE test
    python benchmarks/eval_bias.py --split dev --bbc dev    # while tuning
    python benchmarks/eval_bias.py --no-babe --bbc test --samples 40 --every-rule --seed N   # the BBC read
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DATA = REPO.parent / "shared" / "data"
BABE = DATA / "babe" / "final_labels_SG2.csv"
BBC = DATA / "bbc-news"
SPLITS = REPO / "training" / "splits"
CATEGORY = "loaded-language"
TRAINED_RULE = "newsroom.loaded-language"
PUBLISHED_MACRO_F1 = 0.804  # Spinde et al. 2021, best trained model
SEED = 1


def split_ids(name: str, part: str) -> set[str]:
    record = json.loads((SPLITS / f"{name}.json").read_text(encoding="utf-8"))
    parts = {"all": ("train", "dev", "test"), "heldout": ("train", "test")}.get(part, (part,))
    return {str(i) for p in parts for i in record[p]}


def load_babe(part: str) -> list[tuple[str, bool, list[str]]]:
    wanted = split_ids("babe", part)
    with BABE.open(encoding="utf-8-sig", newline="") as f:  # ;-separated, UTF-8 with a byte-order mark
        return [
            (row["text"].strip(), row["label_bias"] == "Biased", ast.literal_eval(row["biased_words"] or "[]"))
            for number, row in enumerate(csv.DictReader(f, delimiter=";"))
            if row["label_bias"] in ("Biased", "Non-biased") and str(number) in wanted
        ]


def confusion_scores(c: Counter) -> dict:
    def f1(tp, fp, fn):
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    precision, recall, biased_f1 = f1(c["tp"], c["fp"], c["fn"])
    _, _, neutral_f1 = f1(c["tn"], c["fn"], c["fp"])  # the "Non-biased" class as positive
    return {"precision": precision, "recall": recall, "f1": biased_f1, "macro_f1": (biased_f1 + neutral_f1) / 2}


def evaluate_model(rows, parsed, rule, model_path: str | None = None) -> list[str]:
    """The model's own figures, rows scored whole (as trained)."""
    from lint import subjectivity as sj
    from lint.training import marked_spans, marked_tokens

    model = sj.load(model_path)
    sentence_threshold = model.meta["thresholds"]["sentence"]
    token_threshold = rule.check.options["threshold"]
    head_threshold = model.meta["thresholds"]["word"]
    rule_sentence_threshold = rule.check.options["sentence-threshold"]
    confusion = Counter()
    words = Counter()
    for (text, biased, marked), doc in zip(rows, parsed):
        scores = model.score(doc, whole=True)
        sentence = scores.sentences[0][2] if scores.sentences else 0.0
        flagged = sentence >= sentence_threshold
        confusion[("t" if flagged == biased else "f") + ("p" if flagged else "n")] += 1
        head = scores.tokens >= head_threshold
        over = (scores.tokens >= token_threshold) & (sentence >= rule_sentence_threshold)
        over &= np.array([rule.check._evidence(t.pos_, t.lemma_.lower(), scores, t.i) for t in doc], dtype=bool)
        in_marked = marked_tokens(doc, marked if biased else [])
        words["flagged"] += int(over.sum())
        words["flagged in biased"] += int(over.sum()) if biased else 0
        words["head flagged"] += int(head.sum())
        words["right"] += int((over & in_marked).sum())
        words["head right"] += int((head & in_marked).sum())
        # a marked word counts once per sentence, found when a token of one of its occurrences is flagged
        for occurrences in marked_spans(text, marked) if biased else []:
            tokens = [t.i for t in doc if any(start < t.idx + len(t) and t.idx < end for start, end in occurrences)]
            if tokens:
                words["marked"] += 1
                words["found"] += bool(over[tokens].any())
                words["head found"] += bool(head[tokens].any())
                words["unscored"] += not (scores.tokens[tokens] > 0).any()  # a function word or a name

    def ratio(a: str, b: str) -> float:
        return words[a] / words[b] if words[b] else 0.0

    s = confusion_scores(confusion)
    return [
        f"model, sentence (threshold {sentence_threshold}): macro F1 {s['macro_f1']:.3f}, Biased P {s['precision']:.3f} "
        f"R {s['recall']:.3f} F1 {s['f1']:.3f}  (published best trained model: {PUBLISHED_MACRO_F1})",
        f"model, words (token >= {token_threshold}, sentence >= {rule_sentence_threshold}): recall {ratio('found', 'marked'):.3f} "
        f"({words['found']}/{words['marked']} marked words), precision {ratio('right', 'flagged'):.3f} over all rows "
        f"({words['flagged']} flagged tokens), {ratio('right', 'flagged in biased'):.3f} over Biased rows",
        f"model, token head alone (token >= {head_threshold}, its dev-chosen threshold; no sentence or evidence test): "
        f"recall {ratio('head found', 'marked'):.3f}, precision {ratio('head right', 'head flagged'):.3f} "
        f"({words['head flagged']} flagged tokens)",
        "(recall: of the marked words (BABE lists a phrase word by word), each counted once per sentence and found "
        "when a token of it is flagged; precision: flagged tokens that stand in a marked word; "
        f"{words['unscored']} of the {words['marked']} marked words are function words or names, which the model does not score)",
    ]


def evaluate_rules(rows, documents, rules) -> list[str]:
    from lint.engine import lint
    from lint.training import marked_spans

    systems = {"all loaded-language rules": {r.id for r in rules}, "trained rule alone": {TRAINED_RULE}}
    systems |= {r.id: {r.id} for r in rules if r.id != TRAINED_RULE}
    confusion = {name: Counter() for name in systems}
    words = {name: Counter() for name in systems}
    for (text, biased, marked), doc in zip(rows, documents):
        alerts = lint(doc, rules, unused_severity=None)
        for name, ids in systems.items():
            mine = [a for a in alerts if a.rule in ids]
            flagged = bool(mine)
            confusion[name][("t" if flagged == biased else "f") + ("p" if flagged else "n")] += 1
            occurrences = marked_spans(text, marked) if biased else []
            spans = [span for found in occurrences for span in found]
            words[name]["alerts"] += len(mine)
            words[name]["right"] += sum(any(a.start < e and s < a.end for s, e in spans) for a in mine)
            for found in occurrences:
                if found:
                    words[name]["marked"] += 1
                    words[name]["covered"] += any(a.start < e and s < a.end for s, e in found for a in mine)
    out = [f"{'rules':34} {'precision':>9} {'recall':>7} {'F1':>6} {'macro F1':>9} {'words covered':>14} {'alert precision':>16}"]
    for name, c in confusion.items():
        s, w = confusion_scores(c), words[name]
        covered = w["covered"] / w["marked"] if w["marked"] else 0.0
        right = w["right"] / w["alerts"] if w["alerts"] else 0.0
        out.append(f"{name:34} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['macro_f1']:9.3f} "
                   f"{covered:14.3f} {right:16.3f}")
    out.append("(words covered: marked words an alert overlaps; alert precision: alerts on a marked word)")
    return out


def read_bbc(part: str) -> tuple[list[str], list[str]]:
    """The ids and texts of a part of the BBC split, in id order."""
    ids = sorted(split_ids("bbc-news", part))
    texts = []
    for name in ids:
        data = (BBC / name).read_bytes()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:  # a few BBC files are Latin-1
            texts.append(data.decode("latin-1"))
    return ids, texts


def evaluate_bbc(part: str, rules, samples: int, seed: int = SEED, every_rule: bool = False) -> list[str]:
    from lint import nlp
    from lint.document import parse
    from lint.engine import lint

    ids, texts = read_bbc(part)
    trained = [r for r in rules if r.id == TRAINED_RULE]
    words = sum(len(t.split()) for t in texts)
    found = []
    every = []  # alerts of every rule of the category
    documents = (parse(text, path=name) for name, text in zip(ids, texts))
    for name, doc in zip(ids, nlp.parse_documents(documents)):
        for alert in lint(doc, rules, unused_severity=None):
            every.append((name, doc, alert))
            if alert.rule == TRAINED_RULE:
                found.append((name, doc, alert))
    out = [f"BBC {part}: {len(ids)} articles, {words:,} words; {TRAINED_RULE}: {len(found)} alerts, "
           f"{1000 * len(found) / words:.2f} per 1,000 words (trained rule with the other {CATEGORY} rules, "
           f"after deferring to them); every {CATEGORY} rule: {len(every)} alerts, {1000 * len(every) / words:.2f} per 1,000 words"]
    pool = every if every_rule else found
    if samples and (trained or every_rule):
        out.append(f"\n{min(samples, len(pool))} random alerts of {'every ' + CATEGORY + ' rule' if every_rule else TRAINED_RULE} "
                   f"(seed {seed}):")
        for number, (name, doc, alert) in enumerate(random.Random(seed).sample(pool, min(samples, len(pool))), 1):
            sentence = next((doc.prose[s:e] for s, e in doc.sentences if s <= alert.start < e), "")
            if alert.rule == TRAINED_RULE:
                token_p, sentence_p = alert_probabilities(doc, alert)
                why = f"(p {token_p:.2f}, sentence {sentence_p:.2f}): {alert.message.split('. Say')[0].split(' ', 1)[1]}"
            else:
                why = f"({alert.rule})"
            out.append(f"{number:3}. {name} '{alert.match}' {why}\n     | {' '.join(sentence.split())}")
    return out


def alert_probabilities(doc, alert) -> tuple[float, float]:
    """The model's token and sentence probabilities behind an alert."""
    scores = doc.models[("loaded-scores", None)]
    parsed = max((p for p in doc.parses if p.start <= alert.start), key=lambda p: p.start)
    token = next(t for t in parsed.doc if parsed.start + t.idx == alert.start)
    block = scores[parsed.start]
    sentence = next(p for first, end, p in block.sentences if first <= token.i < end)
    return float(block.tokens[token.i]), sentence


def cold_start(runs: int) -> list[str]:
    import os
    import resource
    import shutil
    import statistics
    import subprocess
    import tempfile

    command = shutil.which("copydesk")
    if command is None:
        return ["cold start: failed (no copydesk on PATH)"]
    article = BBC / "business" / "206.txt"

    def run(args: list[str], folder: str) -> tuple[float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(args, cwd=folder, capture_output=True, check=False, env=environment)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)

    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(article, Path(folder) / "article.txt")
        # no result cache and no warm server: each run lints the article afresh
        environment = {**os.environ, "COPYDESK_NO_SERVER": "1"}
        commands = {"with the trained rule": [command, "check", "--no-cache", "--exit-zero", "article.txt"],
                    "with it ignored": [command, "check", "--no-cache", "--exit-zero", "--ignore", TRAINED_RULE, "article.txt"]}
        for args in commands.values():
            run(args, folder)  # warm-up: the pack cache
        times = {name: [] for name in commands}
        for _ in range(runs):
            for name, args in commands.items():
                times[name].append(run(args, folder))
    medians = {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for name, t in times.items()}
    lines = [f"cold start, copydesk check on {article.relative_to(BBC)} (median of {runs}):"]
    lines += [f"  {name:22} wall {w:.3f} s, cpu {c:.3f} s" for name, (w, c) in medians.items()]
    (w1, c1), (w0, c0) = medians.values()
    lines.append(f"  the trained rule adds: wall {w1 - w0:+.3f} s, cpu {c1 - c0:+.3f} s")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="test", help="BABE split to score (default: test)")
    parser.add_argument("--bbc", choices=("train", "dev", "test", "heldout", "all"), help="also count alerts on this BBC split")
    parser.add_argument("--samples", type=int, default=0, metavar="N", help="print N random BBC alerts")
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed of the random alerts (default {SEED}; a new read: a new seed)")
    parser.add_argument("--every-rule", action="store_true",
                        help=f"draw the random alerts from every {CATEGORY} rule, not the trained rule alone")
    parser.add_argument("--no-babe", action="store_true", help="skip BABE")
    parser.add_argument("--model", help="score BABE with the model in this folder (default: the shipped one)")
    parser.add_argument("--cold", type=int, default=0, metavar="N", help="time N cold starts with and without the rule")
    args = parser.parse_args(argv)
    if not BABE.is_file():
        print(f"skipped: BABE not found at {BABE}")
        return 0
    from lint import nlp
    from lint.document import parse
    from lint.packs import builtin_packs, load_pack

    rules = [r for r in load_pack(builtin_packs()["newsroom"], "newsroom") if r.category == CATEGORY]
    trained = next(r for r in rules if r.id == TRAINED_RULE)
    if not args.no_babe:
        started = time.perf_counter()
        rows = load_babe(args.split)
        parsed = list(nlp.load().pipe(text for text, _, _ in rows))
        documents = list(nlp.parse_documents(parse(text, path="sentence.txt") for text, _, _ in rows))
        lines = evaluate_model(rows, parsed, trained, args.model) + [""] + evaluate_rules(rows, documents, rules)
        biased = sum(b for _, b, _ in rows)
        print(f"BABE {args.split} split: {len(rows)} sentences ({biased} Biased), {time.perf_counter() - started:.0f} s")
        print("\n".join(lines))
    if args.cold:
        print()
        print("\n".join(cold_start(args.cold)))
    if args.bbc:
        print()
        print("\n".join(evaluate_bbc(args.bbc, rules, args.samples, args.seed, args.every_rule)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
