#!/usr/bin/env python
"""Evaluate copydesk's attribution model and attribution rules on annotated corpora.

Not a test: it prints figures for a person to read.

1. PolNeAR (political news, attributions annotated by hand as Source / Cue /
   Content spans; train and dev splits, the test split is kept back):

   a. False alarms on attributed text. A sentence of copydesk's model is
      *inside attributed content* when at least half of its characters lie in
      the Content spans of annotated attributions that have a Source. The
      share of those sentences that get a ``newsroom.unattributed-claim``,
      ``newsroom.vague-source`` or ``newsroom.weasel-wording`` alert should
      stay at or under 2%; the rate on sentences outside every Content span
      is printed for contrast. Sentences that are mostly the content of
      attributions annotated as having no source ("it was reported that")
      should get an attribution alert (those three rules, passive-weasel or
      weasel-source) at least half the time.
   b. Source recognition. An annotated attribution with a Source is
      *recognized* when some model attribution's source overlaps the
      annotated Source and its cue overlaps the annotated Cue or its content
      the annotated Content (target: 85%). The rest are split into "source
      found but linked to another cue" and "missed", with the commonest cue
      texts among them and the rate by cue and source shape.
   c. Articles, words and time taken.

2. CoNLL-2010 shared task 1, Wikipedia weasel sentences (label 1 = weasel):
   each sentence is linted as its own document, and sentence-level
   precision, recall and F1 are printed for ``vague-source``,
   ``passive-weasel``, the two together, and the two plus the lexical
   ``weasel-source``. (The best trained system of the shared task reached
   F about 0.60.) Penn Treebank escapes in the sentences (``, '', -LRB-)
   are turned back into the characters they stand for before linting, so
   that quotation marks and brackets read as written.

The data is read from ``../shared/data`` (relative to the repository), never
copied; the script says so and exits 0 when it is absent. The 18 PolNeAR
articles annotated by several annotators (agreement checks) are read with
the first annotation file in name order. Usage::

    python benchmarks/eval_attribution.py                  # everything (several minutes)
    python benchmarks/eval_attribution.py --limit 100      # 100 articles and 100 sentences (seeded sample)
    python benchmarks/eval_attribution.py --samples 15     # plus examples for error analysis
    python benchmarks/eval_attribution.py --json out.json  # also dump the figures
    python benchmarks/eval_attribution.py --polnear-splits dev --conll-held-out   # issue 11's targets
    python benchmarks/eval_attribution.py --polnear-splits test --no-conll        # once, at the end

Only the standard library and copydesk are used.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
POLNEAR = DATA / "polnear"
POLNEAR_SPLITS = ("train", "dev")
POLNEAR_IDS = REPO / "benchmarks" / "splits"
CONLL = DATA / "conll2010-wiki-weasel" / "train.csv"

UNATTRIBUTED = "newsroom.unattributed-claim"
VAGUE = "newsroom.vague-source"
PASSIVE = "newsroom.passive-weasel"
WEASEL_WORDS = "newsroom.weasel-source"
WEASEL_WORDING = "newsroom.weasel-wording"
# weasel-wording with its `cues: any` option: whatever the model weighs
# most may carry the alert, as suits Wikipedia's sentences
WEASEL_WORDING_ANY = "newsroom.weasel-wording (cues: any)"
# Rules that say a sentence has no (or no real) source: alerts on attributed
# content are false alarms.
FALSE_ALARM_RULES = (UNATTRIBUTED, VAGUE, WEASEL_WORDING)
# Any attribution alert, for attributions annotated as having no source.
NO_SOURCE_RULES = FALSE_ALARM_RULES + (PASSIVE, WEASEL_WORDS)
CONLL_TEST = REPO / "benchmarks" / "splits" / "conll2010-weasel-test.ids"
# Each CoNLL system is a set of rules; a sentence is flagged when any fires.
WEASEL_SYSTEMS = {
    "vague-source": (VAGUE,),
    "passive-weasel": (PASSIVE,),
    "vague-source + passive-weasel": (VAGUE, PASSIVE),
    "vague-source + passive-weasel + weasel-source": (VAGUE, PASSIVE, WEASEL_WORDS),
    "weasel-wording": (WEASEL_WORDING,),
    "all four": (VAGUE, PASSIVE, WEASEL_WORDS, WEASEL_WORDING),
    "weasel-wording, cues: any": (WEASEL_WORDING_ANY,),
    "all four, weasel-wording with cues: any": (VAGUE, PASSIVE, WEASEL_WORDS, WEASEL_WORDING_ANY),
}
ERROR_ANALYSIS_SYSTEM = "all four"
TARGET_NO_SOURCE_ALERTED = 0.5  # attributions annotated as having no source that get an attribution alert
TARGET_INSIDE_ALERTED = 0.02  # attributed content alerted (issue 11's target)

TARGET_RECOGNIZED = 0.85  # at least this share of annotated sources recognized
CONLL_BEST_F1 = 0.60  # best trained system of the shared task
INSIDE_CONTENT = 0.5  # share of a sentence's characters in Content spans
SPEECH_VERBS = frozenset("said says told added wrote say".split())
PRONOUNS = frozenset("i you he she it we they me him her us them who this that".split())
TOP_MISSED_CUES = 25
SEED = 2010

Span = tuple[int, int]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}% ({part:,}/{whole:,})" if whole else "  n/a (0)"


def overlaps(span: Span | None, spans: list[Span]) -> bool:
    return span is not None and any(span[0] < end and start < span[1] for start, end in spans)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def sample_in_order(items: list, limit: int | None) -> list:
    """``limit`` items drawn at random (seeded), in their original order.
    Not the first ``limit``: both corpora are sorted (PolNeAR by publisher,
    CoNLL by label, all its weasel sentences last)."""
    if not limit or limit >= len(items):
        return items
    chosen = sorted(random.Random(SEED).sample(range(len(items)), limit))
    return [items[i] for i in chosen]


# -- PolNeAR: brat standoff annotations ------------------------------------------------


@dataclass
class AnnotatedAttribution:
    source: list[Span]  # empty for "Attribution-no-source"
    cue: list[Span]
    content: list[Span]  # Content and Content2


@dataclass
class Article:
    name: str
    text: str
    attributions: list[AnnotatedAttribution]


# "T12\tContent 10 20;25 40\ttext": discontinuous spans are joined by ";".
_TEXT_BOUND = re.compile(r"(T\d+)\t[\w-]+ (\d+ \d+(?:;\d+ \d+)*)\t")


def read_brat(path: Path) -> list[AnnotatedAttribution]:
    spans: dict[str, list[Span]] = {}
    events: list[list[str]] = []
    # A span's text may run over several lines; only lines that open with an
    # id are records. split("\n"), not splitlines(): the text holds U+2028.
    for line in path.read_text(encoding="utf-8").split("\n"):
        if m := _TEXT_BOUND.match(line):
            spans[m.group(1)] = [tuple(map(int, part.split())) for part in m.group(2).split(";")]
        elif re.match(r"E\d+\t", line):
            events.append(line.split("\t", 1)[1].split())
    attributions = []
    for arguments in events:
        kind = arguments[0].split(":", 1)[0]
        if kind not in ("Attribution", "Attribution-no-source"):
            continue
        roles: dict[str, list[Span]] = {"Source": [], "Cue": [], "Content": []}
        for argument in arguments[1:]:
            role, ref = argument.split(":", 1)
            role = role.rstrip("0123456789")  # Content2: a second Content span
            if role in roles:
                roles[role].extend(spans.get(ref, []))
        source = roles["Source"] if kind == "Attribution" else []
        attributions.append(AnnotatedAttribution(source, roles["Cue"], roles["Content"]))
    return attributions


def split_paths(split: str) -> list[Path]:
    """The article texts of a split: a folder of the data (train, dev), or
    one of benchmarks/splits/polnear-{train,dev,test}.ids when that is
    committed (the tagger's train and held-out test parts of the train
    folder; see benchmarks/train_attribution_tagger.py)."""
    ids = POLNEAR_IDS / f"polnear-{split}.ids"
    if split == "test" or (split == "train" and ids.exists()):
        names = ids.read_text(encoding="utf-8").split()
        return [POLNEAR / "train" / "text" / f"{name}.txt" for name in names]
    return sorted((POLNEAR / split / "text").glob("*.txt"))


def load_polnear(limit: int | None, splits: tuple[str, ...] = POLNEAR_SPLITS) -> list[Article]:
    text_paths = [path for split in splits for path in split_paths(split)]
    articles = []
    for text_path in sample_in_order(text_paths, limit):
        annotations = sorted((text_path.parent.parent / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            log(f"polnear: no annotation for {text_path.name}; skipped")
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(Article(text_path.stem, text, read_brat(annotations[0])))
    return articles


# -- PolNeAR: evaluation ---------------------------------------------------------


@dataclass(frozen=True)
class ModelAttribution:
    """A model attribution in source offsets."""

    cue: Span
    source: Span | None
    content: Span | None


def source_shape(text: str) -> str:
    words = text.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if words and words[0][:1].isupper():
        return "capitalized (name, title, organization)"
    return "lower-case noun phrase"


def cue_shape(cue_text: str) -> str:
    words = set(re.findall(r"[a-z]+", cue_text))
    if "according" in words:
        return "according to"
    if words & SPEECH_VERBS:
        return "common speech verb"
    return "other cue"


def is_common_speech_cue(cue_text: str) -> bool:
    return cue_shape(cue_text) in ("according to", "common speech verb")


class PolnearEvaluation:
    def __init__(self) -> None:
        # Sentences by where they lie: "inside" sourced content, "outside"
        # every content span, "no-source" (mostly content of an attribution
        # without a source), "partial" (the rest).
        self.sentences: Counter = Counter()
        self.alerted: Counter = Counter()  # (region, rule or "any")
        self.outcomes: Counter = Counter()  # recognized / linked-elsewhere / missed
        self.missed_detail: Counter = Counter()
        self.speech_outcomes: Counter = Counter()
        self.unrecognized_cues: Counter = Counter()
        self.by_shape: Counter = Counter()  # (dimension, bucket, recognized?)
        self.articles = self.words = 0
        self.alert_samples: list[dict] = []

    def add(self, article: Article, doc, alerts, model) -> None:
        self.articles += 1
        self.words += len(article.text.split())
        sentences = [doc.source_span(s.start, s.end) for s in model.sentences]
        self._count_false_alarms(article, sentences, alerts)
        self._count_recognition(article, doc, sentences, model)

    def _count_false_alarms(self, article: Article, sentences: list[Span], alerts) -> None:
        sourced = bytearray(len(article.text))
        anywhere = bytearray(len(article.text))
        for attribution in article.attributions:
            for start, end in attribution.content:
                anywhere[start:end] = b"\1" * (end - start)
                if attribution.source:
                    sourced[start:end] = b"\1" * (end - start)
        starts = [start for start, _ in sentences]
        rules_by_sentence: dict[int, dict[str, object]] = {}
        for alert in alerts:
            i = bisect.bisect_right(starts, alert.start) - 1
            if i >= 0 and alert.start < sentences[i][1]:
                rules_by_sentence.setdefault(i, {}).setdefault(alert.rule, alert)
        for i, (start, end) in enumerate(sentences):
            length = max(end - start, 1)
            if sum(sourced[start:end]) >= INSIDE_CONTENT * length:
                region = "inside"
            elif not any(anywhere[start:end]):
                region = "outside"
            elif sum(anywhere[start:end]) >= INSIDE_CONTENT * length:
                region = "no-source"
            else:
                region = "partial"
            self.sentences[region] += 1
            fired = rules_by_sentence.get(i, {})
            for rule in fired:
                self.alerted[region, rule] += 1
            if set(fired) & set(FALSE_ALARM_RULES):
                self.alerted[region, "any"] += 1
            if fired:
                self.alerted[region, "any attribution alert"] += 1
            if region == "inside" and UNATTRIBUTED in fired:
                self.alert_samples.append(self._alert_sample(article, start, end, fired[UNATTRIBUTED]))

    @staticmethod
    def _alert_sample(article: Article, start: int, end: int, alert) -> dict:
        text = article.text
        # The annotated attribution whose content covers most of the sentence.
        def covered(a: AnnotatedAttribution) -> int:
            return sum(max(0, min(end, e) - max(start, s)) for s, e in a.content)

        best = max((a for a in article.attributions if a.source), key=covered)
        return {
            "article": article.name,
            "sentence": squeeze(text[start:end]),
            "message": alert.message.split(" Attribute it")[0],
            "annotated_source": squeeze(" ".join(text[s:e] for s, e in best.source)),
            "annotated_cue": squeeze(" ".join(text[s:e] for s, e in best.cue)),
        }

    def _count_recognition(self, article: Article, doc, sentences: list[Span], model) -> None:
        found = [
            ModelAttribution(
                doc.source_span(*a.cue),
                doc.source_span(*a.source) if a.source else None,
                doc.source_span(*a.content) if a.content else None,
            )
            for a in model.attributions
        ]
        starts = [start for start, _ in sentences]

        def sentence_of(offset: int) -> int | None:
            i = bisect.bisect_right(starts, offset) - 1
            return i if i >= 0 and offset < sentences[i][1] else None

        for annotated in article.attributions:
            if not annotated.source or not annotated.cue:
                continue
            cue_text = squeeze(" ".join(article.text[s:e] for s, e in annotated.cue)).lower()
            same_source = [a for a in found if overlaps(a.source, annotated.source)]
            if any(overlaps(a.cue, annotated.cue) or overlaps(a.content, annotated.content) for a in same_source):
                outcome = "recognized"
            elif same_source:
                outcome = "source found, linked to another cue"
            else:
                outcome = "missed"
                cue_sentence = sentence_of(annotated.cue[0][0])
                if cue_sentence is None:
                    detail = "cue outside parsed prose (headline, heading)"
                elif any(overlaps(a.cue, annotated.cue) for a in found):
                    detail = "cue found, with no source or another source"
                else:
                    detail = "cue not found"
                self.missed_detail[detail] += 1
            self.outcomes[outcome] += 1
            if is_common_speech_cue(cue_text):
                self.speech_outcomes[outcome] += 1
            recognized = outcome == "recognized"
            if not recognized:
                self.unrecognized_cues[cue_text] += 1
            source_text = " ".join(article.text[s:e] for s, e in annotated.source)
            source_first = annotated.source[0][0] < annotated.cue[0][0]
            same_sentence = sentence_of(annotated.source[0][0]) == sentence_of(annotated.cue[0][0])
            for dimension, bucket in (
                ("cue", cue_shape(cue_text)),
                ("source", source_shape(source_text)),
                ("source position", "before the cue" if source_first else "after the cue"),
                ("source sentence", "cue's sentence" if same_sentence else "another sentence"),
            ):
                self.by_shape[dimension, bucket, recognized] += 1

    def figures(self, seconds: float) -> dict:
        regions = {}
        for region in ("inside", "outside", "no-source", "partial"):
            total = self.sentences[region]
            regions[region] = {
                "sentences": total,
                "alerted": {rule: self.alerted[region, rule] for rule in ("any", "any attribution alert", *NO_SOURCE_RULES)},
                "share_alerted": share(self.alerted[region, "any"], total),
                "share_any_attribution_alert": share(self.alerted[region, "any attribution alert"], total),
            }
        sourced = sum(self.outcomes.values())
        speech = sum(self.speech_outcomes.values())
        shapes: dict[str, dict[str, dict]] = {}
        for dimension, bucket, _ in sorted(self.by_shape):
            hit = self.by_shape[dimension, bucket, True]
            total = hit + self.by_shape[dimension, bucket, False]
            shapes.setdefault(dimension, {})[bucket] = {"attributions": total, "recognized": hit}
        return {
            "articles": self.articles,
            "words": self.words,
            "seconds": round(seconds, 1),
            "words_per_second": round(self.words / seconds) if seconds else None,
            "sentences": regions,
            "attributions_with_source": sourced,
            "outcomes": dict(self.outcomes),
            "missed_detail": dict(self.missed_detail),
            "share_recognized": share(self.outcomes["recognized"], sourced),
            "speech_verb_attributions": speech,
            "speech_verb_outcomes": dict(self.speech_outcomes),
            "share_recognized_speech_verbs": share(self.speech_outcomes["recognized"], speech),
            "by_shape": shapes,
            "top_unrecognized_cues": self.unrecognized_cues.most_common(TOP_MISSED_CUES),
        }


def evaluate_polnear(articles: list[Article], rules) -> tuple[dict, list[dict]]:
    from lint import nlp
    from lint.attribution import model
    from lint.document import parse
    from lint.engine import lint

    evaluation = PolnearEvaluation()
    started = time.perf_counter()
    documents = (parse(article.text, path=f"{article.name}.txt") for article in articles)
    # parse_documents batches blocks across articles and yields in order.
    for n, (article, doc) in enumerate(zip(articles, nlp.parse_documents(documents)), 1):
        evaluation.add(article, doc, lint(doc, rules), model(doc))
        if n % 100 == 0:
            log(f"polnear: {n}/{len(articles)} articles")
    return evaluation.figures(time.perf_counter() - started), evaluation.alert_samples


# -- CoNLL-2010 Wikipedia weasel sentences ---------------------------------------------

_PTB_ESCAPES = {
    "``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
}
_PTB_ESCAPE = re.compile("|".join(re.escape(e) for e in _PTB_ESCAPES))


def unescape_ptb(text: str) -> str:
    return _PTB_ESCAPE.sub(lambda m: _PTB_ESCAPES[m.group()], text)


def load_conll(limit: int | None, held_out: bool = False, train_part: bool = False) -> list[tuple[str, bool]]:
    """The sentences (with ``held_out``, only the rows of the committed
    test split that benchmarks/train_weasel.py never trains on; with
    ``train_part``, only the rest, on which the rules are tuned)."""
    with CONLL.open(encoding="utf-8", newline="") as f:
        rows = [(unescape_ptb(row["text"]).strip(), row["label"] == "1") for row in csv.DictReader(f)]
    if held_out or train_part:
        test = {int(line) for line in CONLL_TEST.read_text().split()}
        rows = [row for i, row in enumerate(rows) if (i in test) == held_out]
    return sample_in_order(rows, limit)


def evaluate_conll(rows: list[tuple[str, bool]], rules) -> tuple[dict, dict]:
    from lint import nlp
    from lint.document import parse
    from lint.engine import lint

    confusion = {system: Counter() for system in WEASEL_SYSTEMS}
    errors: dict[str, list[dict]] = {"false_positives": [], "false_negatives": []}
    started = time.perf_counter()
    documents = (parse(text, path="sentence.txt") for text, _ in rows)
    for n, ((text, weasel), doc) in enumerate(zip(rows, nlp.parse_documents(documents)), 1):
        alerts = lint(doc, rules)
        fired = {alert.rule for alert in alerts}
        for system, system_rules in WEASEL_SYSTEMS.items():
            flagged = bool(fired.intersection(system_rules))
            confusion[system][("t" if flagged == weasel else "f") + ("p" if flagged else "n")] += 1
            if system == ERROR_ANALYSIS_SYSTEM and flagged != weasel:
                kind = "false_positives" if flagged else "false_negatives"
                matches = [f"{a.rule.split('.')[-1]}: '{a.match}'" for a in alerts if a.rule in system_rules]
                errors[kind].append({"sentence": squeeze(text), "alerts": matches})
        if n % 2000 == 0:
            log(f"conll: {n}/{len(rows)} sentences")
    seconds = time.perf_counter() - started
    systems = {}
    for system, c in confusion.items():
        precision = share(c["tp"], c["tp"] + c["fp"])
        recall = share(c["tp"], c["tp"] + c["fn"])
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
        counts = {k: c[k] for k in ("tp", "fp", "fn", "tn")}
        systems[system] = {"precision": precision, "recall": recall, "f1": f1, **counts}
    figures = {
        "sentences": len(rows),
        "weasel_sentences": sum(weasel for _, weasel in rows),
        "words": sum(len(text.split()) for text, _ in rows),
        "seconds": round(seconds, 1),
        "systems": systems,
    }
    return figures, errors


# -- report ---------------------------------------------------------------------


def report_polnear(fig: dict, splits: tuple[str, ...]) -> list[str]:
    out = [f"1. PolNeAR ({' + '.join(splits)})"]
    out.append(f"   c. {fig['articles']:,} articles, {fig['words']:,} words, {fig['seconds']:.1f} s "
               f"({fig['words_per_second']:,} words/s, parse + model + lint)")
    inside = fig["sentences"]["inside"]
    met = "met" if (inside["share_alerted"] or 0) <= TARGET_INSIDE_ALERTED else "NOT met"
    out.append(f"   a. Alerts of {', '.join(r.split('.')[-1] for r in FALSE_ALARM_RULES)} on sentences inside "
               f"attributed content (>= {INSIDE_CONTENT:.0%} of characters in sourced Content spans); "
               f"target <= {TARGET_INSIDE_ALERTED:.0%}: {met}")
    no_source = fig["sentences"]["no-source"]
    met = "met" if (no_source["share_any_attribution_alert"] or 0) >= TARGET_NO_SOURCE_ALERTED else "NOT met"
    out.append(f"      Sentences mostly content of attributions annotated with no source, with any attribution "
               f"alert ({', '.join(r.split('.')[-1] for r in NO_SOURCE_RULES)}); target >= "
               f"{TARGET_NO_SOURCE_ALERTED:.0%}: {met}")
    labels = {
        "inside": "inside attributed content",
        "outside": "outside every content span",
        "no-source": "mostly content with no source",
        "partial": "partly in content",
    }
    for region, label in labels.items():
        r = fig["sentences"][region]
        total = r["sentences"]
        out.append(f"      {label:<30} any {percent(r['alerted']['any'], total)}; any attribution alert "
                   f"{percent(r['alerted']['any attribution alert'], total)}")
        for rule in NO_SOURCE_RULES:
            out.append(f"      {'':<30} {rule.split('.')[-1]:<20} {percent(r['alerted'][rule], total)}")
    total = fig["attributions_with_source"]
    recognized = fig["outcomes"].get("recognized", 0)
    met = "met" if (fig["share_recognized"] or 0) >= TARGET_RECOGNIZED else "NOT met"
    out.append(f"   b. Annotated attributions with a source recognized: {percent(recognized, total)}; "
               f"target >= {TARGET_RECOGNIZED:.0%}: {met}")
    for outcome in ("recognized", "source found, linked to another cue", "missed"):
        out.append(f"      {outcome:<40} {percent(fig['outcomes'].get(outcome, 0), total)}")
        if outcome == "missed":
            for detail, count in sorted(fig["missed_detail"].items(), key=lambda kv: -kv[1]):
                out.append(f"        {detail:<46} {count:,}")
    speech = fig["speech_verb_attributions"]
    out.append(f"      cue with a common speech verb ({', '.join(sorted(SPEECH_VERBS))}, according to): "
               f"recognized {percent(fig['speech_verb_outcomes'].get('recognized', 0), speech)}")
    out.append("      recognized by shape:")
    for dimension, buckets in fig["by_shape"].items():
        for bucket, b in sorted(buckets.items(), key=lambda kv: -kv[1]["attributions"]):
            out.append(f"        {dimension + ': ' + bucket:<58} {percent(b['recognized'], b['attributions'])}")
    out.append(f"      top {TOP_MISSED_CUES} annotated cues among attributions not recognized (lower case):")
    for cue, count in fig["top_unrecognized_cues"]:
        out.append(f"        {count:>5}  {cue}")
    return out


def report_conll(fig: dict, part: str) -> list[str]:
    out = [f"2. CoNLL-2010 Wikipedia weasel sentences ({part}): {fig['sentences']:,} sentences "
           f"({fig['weasel_sentences']:,} weasel), {fig['words']:,} words, {fig['seconds']:.1f} s"]
    out.append(f"   {'rules':<48} {'P':>6} {'R':>6} {'F1':>6}   {'TP':>5} {'FP':>5} {'FN':>5}")
    for system, s in fig["systems"].items():
        p, r = s["precision"] or 0.0, s["recall"] or 0.0
        out.append(f"   {system:<48} {p:6.3f} {r:6.3f} {s['f1']:6.3f}   {s['tp']:>5} {s['fp']:>5} {s['fn']:>5}")
    out.append(f"   (best trained system of the shared task: F about {CONLL_BEST_F1:.2f})")
    return out


def report_samples(samples: dict[str, list[dict]]) -> list[str]:
    out = []
    for title, items in samples.items():
        out.append(f"\nSamples: {title} ({len(items)})")
        for item in items:
            if "message" in item:
                out.append(f"  - {item['sentence']}\n      [{item['message']}] annotated: "
                           f"{item['annotated_source']!r} / {item['annotated_cue']!r} ({item['article']})")
            else:
                alerts = "; ".join(item["alerts"]) or "no alert"
                out.append(f"  - {item['sentence']}\n      [{alerts}]")
    return out


# -- main --------------------------------------------------------------------------


def load_rules(ids):
    import copy
    import dataclasses

    from lint.packs import builtin_packs, load_pack

    rules = {rule.id: rule for rule in load_pack(builtin_packs()["newsroom"], "newsroom")}
    chosen = [rules[rule_id] for rule_id in ids if rule_id != WEASEL_WORDING_ANY]
    if WEASEL_WORDING_ANY in ids:
        check = copy.copy(rules[WEASEL_WORDING].check)
        check.options = {**check.options, "cues": "any"}
        chosen.append(dataclasses.replace(rules[WEASEL_WORDING], id=WEASEL_WORDING_ANY, check=check))
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="a seeded random sample of N articles and N sentences (quick runs)")
    parser.add_argument("--json", metavar="PATH", help="also write the figures (and samples) as JSON")
    parser.add_argument("--polnear-splits", default=",".join(POLNEAR_SPLITS),
                        help="PolNeAR splits, comma-separated (default: train,dev)")
    parser.add_argument("--conll-held-out", action="store_true",
                        help="CoNLL: only the held-out rows (benchmarks/splits/conll2010-weasel-test.ids)")
    parser.add_argument("--conll-train-part", action="store_true",
                        help="CoNLL: only the rows outside the held-out ones, to tune the rules on")
    parser.add_argument("--no-polnear", action="store_true", help="skip PolNeAR")
    parser.add_argument("--no-conll", action="store_true", help="skip CoNLL-2010")
    parser.add_argument("--samples", type=int, default=0, metavar="N",
                        help="print N random (seeded) examples of each kind of error")
    args = parser.parse_args(argv)

    if not DATA.is_dir():
        print(f"skipped: evaluation data not found at {DATA}")
        return 0
    figures: dict = {}
    samples: dict[str, list[dict]] = {}
    pick = random.Random(SEED)
    lines: list[str] = []

    splits = tuple(args.polnear_splits.split(","))
    if args.no_polnear:
        pass
    elif (POLNEAR / "train").is_dir():
        articles = load_polnear(args.limit, splits)
        figures["polnear"], alert_samples = evaluate_polnear(articles, load_rules(NO_SOURCE_RULES))
        lines += report_polnear(figures["polnear"], splits)
        if args.samples:
            samples["PolNeAR sentences inside attributed content with an unattributed-claim alert"] = (
                pick.sample(alert_samples, min(args.samples, len(alert_samples))))
    else:
        lines.append(f"1. PolNeAR: skipped, not found at {POLNEAR}")

    if args.no_conll:
        pass
    elif CONLL.is_file():
        rows = load_conll(args.limit, args.conll_held_out, args.conll_train_part)
        figures["conll2010"], errors = evaluate_conll(
            rows, load_rules((VAGUE, PASSIVE, WEASEL_WORDS, WEASEL_WORDING, WEASEL_WORDING_ANY))
        )
        part = "held-out 25%" if args.conll_held_out else "the 75% outside the held-out rows" if args.conll_train_part else "all of train.csv"
        lines += report_conll(figures["conll2010"], part)
        if args.samples:
            for kind, label in (("false_positives", "false positives"), ("false_negatives", "false negatives")):
                items = errors[kind]
                samples[f"CoNLL {label} of {ERROR_ANALYSIS_SYSTEM}"] = pick.sample(items, min(args.samples, len(items)))
    else:
        lines.append(f"2. CoNLL-2010: skipped, not found at {CONLL}")

    lines += report_samples(samples)
    print("\n".join(lines))
    if args.json:
        dump = json.dumps({"figures": figures, "samples": samples}, indent=2, ensure_ascii=False)
        Path(args.json).write_text(dump + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
