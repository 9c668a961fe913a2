#!/usr/bin/env python
"""Seeded copy errors: recall per error type, and false alerts on the
untouched originals, for the copy-error rules.

Not a test: it prints figures. Articles come from ``../shared/data``
(BBC News and PolNeAR's train and dev texts), read, never copied. They are
split once into a training part (which the confusables model learns from,
``benchmarks/train_confusables.py``) and an evaluation part, by a fixed
seed; the split is committed as ids in ``benchmarks/splits/copy-errors.json``
(``--write-split`` makes it again, identically). Only evaluation articles
are seeded and measured.

Each seeded article is an evaluation article with one error put in (a
tense clash may also be put in a training article, its rule having learned
nothing from them, once the evaluation articles run out):

- ``name-drift``: a later mention of a name the story uses twice, spelled
  an edit away ("Kowalski" -> "Kowalsky");
- ``confusable``: a word of a confusion set swapped for another member
  ("its" -> "it's", "led" -> "lead");
- ``doubled-dropped``: a word written twice ("the the"), or a little word
  dropped ("went to the shop" -> "went the shop"), half each;
- ``tense-clash``: a simple past with a definite past time turned into a
  present perfect ("said on Tuesday" -> "has said on Tuesday");
- ``mindless-subject``: the subject of a mental verb replaced by a thing
  ("Smith believes" -> "The budget believes").

The last two are seeded outside quotations only: their rules leave a
quotation to its speaker.

An error is found when an alert of the copy-error rules overlaps it.
False alerts are those rules' alerts on the untouched evaluation articles,
per 1,000 words (words: whitespace-separated tokens). Usage::

    python benchmarks/seeded_errors.py            # 200 per type (seed 13)
    python benchmarks/seeded_errors.py --per-type 300 --seed 7
    python benchmarks/seeded_errors.py --part dev   # the dev half (tuning); --part test to report
    python benchmarks/seeded_errors.py --write-split
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DATA = REPO.parent / "shared" / "data"
SPLIT_FILE = REPO / "benchmarks" / "splits" / "copy-errors.json"
SPLIT_SEED = 13
EVAL_SHARE = 0.2
RULES = (
    "newsroom.spelling",
    "newsroom.name-drift",
    "newsroom.doubled-word",
    "newsroom.dropped-word",
    "newsroom.dropped-of",
    "newsroom.confusable",
    "newsroom.tense-clash",
    "newsroom.mindless-subject",
)
TYPES = ("name-drift", "confusable", "doubled-dropped", "tense-clash", "mindless-subject")
# Types whose rules learn nothing from the corpora may be seeded in training
# articles too once the evaluation articles run out (a simple past with a
# definite time is rare: about 70 in the evaluation part, outside quotations).
ALSO_TRAINING_ARTICLES = {"tense-clash"}


# -- the corpora and their split ---------------------------------------------------------


def article_paths() -> dict[str, Path]:
    """Every article by id: ``bbc/<section>/<file>``, ``polnear/<split>/<file>``."""
    found = {}
    for path in sorted((DATA / "bbc-news").glob("*/*.txt")):
        found[f"bbc/{path.parent.name}/{path.stem}"] = path
    for path in sorted((DATA / "polnear").glob("*/text/*.txt")):
        found[f"polnear/{path.parent.parent.name}/{path.stem}"] = path
    return found


def article_paths_or_exit() -> dict[str, Path]:
    """:func:`article_paths`, or a failed run (exit 1) saying where the
    corpora should be: a measurement with no data prints no figure, and a
    list mined from none is not written."""
    paths = article_paths()
    if not paths:
        print(f"no corpora at {DATA}: failed", file=sys.stderr)
        sys.exit(1)
    return paths


def make_split(ids: list[str]) -> dict[str, list[str]]:
    shuffled = sorted(ids)
    random.Random(SPLIT_SEED).shuffle(shuffled)
    cut = int(len(shuffled) * EVAL_SHARE)
    return {"seed": SPLIT_SEED, "eval": sorted(shuffled[:cut]), "train": sorted(shuffled[cut:])}


def load_split() -> dict[str, list[str]]:
    return json.loads(SPLIT_FILE.read_text(encoding="utf-8"))


# The evaluation articles split once more, in halves: dev (where the rules
# are tuned) and test (where they are reported).
PART_FILE = REPO / "benchmarks" / "splits" / "copy-errors-parts.json"
PART_SEED = 1313


def make_parts(evaluation: list[str]) -> dict:
    shuffled = sorted(evaluation)
    random.Random(PART_SEED).shuffle(shuffled)
    half = len(shuffled) // 2
    return {"seed": PART_SEED, "dev": sorted(shuffled[:half]), "test": sorted(shuffled[half:])}


def load_part(part: str) -> list[str]:
    """The evaluation articles of a part (dev, test, or all of them), or
    the training articles (train: for reads only; the confusables model
    learned from them)."""
    if part in ("all", "train"):
        return load_split()["eval" if part == "all" else "train"]
    return json.loads(PART_FILE.read_text(encoding="utf-8"))[part]


def read_article(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    if "/bbc-news/" in str(path):
        # line 1 is the headline; the body's paragraphs are blank-line separated
        head, _, body = text.partition("\n")
        return head.strip() + "\n\n" + body.strip() + "\n"
    return text


# -- seeding -------------------------------------------------------------------------------

# The sets the confusables model covers (benchmarks/train_confusables.py).
CONFUSION_SETS = (
    ("affect", "effect"), ("affects", "effects"), ("affected", "effected"),
    ("its", "it's"), ("their", "there", "they're"), ("lead", "led"),
    ("principal", "principle"), ("compliment", "complement"), ("compliments", "complements"),
    ("discreet", "discrete"), ("flout", "flaunt"), ("reign", "rein"), ("reins", "reigns"),
    ("peak", "peek", "pique"), ("accountant", "account"), ("accountants", "accounts"),
    ("than", "then"), ("lose", "loose"), ("whose", "who's"), ("your", "you're"),
    ("passed", "past"), ("council", "counsel"), ("stationary", "stationery"),
    ("economic", "economical"), ("historic", "historical"),
)
# Past tenses whose past participle is the same word (so "has" + it reads right).
SAME_PARTICIPLE = {
    "said", "told", "made", "found", "held", "paid", "sold", "lost", "won", "built", "sent",
    "spent", "kept", "left", "met", "bought", "brought", "caught", "taught", "heard", "felt", "led",
    "read", "set", "cut", "put", "hit", "quit", "agreed", "announced", "warned", "claimed",
}
# A time that is past whenever the story was written (a year may be this year).
DEFINITE_TIME = r"(?:yesterday|last (?:week|month|year|night|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\w+ (?:days|weeks|months|years) ago)"
# Words that open another clause between the verb and the time.
CLAUSE_WORDS = {"that", "which", "who", "to", "when", "after", "before", "as", "while", "and", "but", "if", "because"}
MENTAL_VERBS = "believes|believed|hopes|hoped|wants|wanted|thinks|thought|fears|feared|expects|expected|knows|knew|wishes|wished|feels|felt|worries|worried|doubts|doubted|prefers|preferred|regrets|regretted"
PLURAL_MENTAL_VERBS = "believe|hope|want|think|fear|expect|know|wish|feel|worry|doubt|prefer|regret"
THINGS = (
    "The budget", "The storm", "The report", "The bridge", "The decision", "The building",
    "The engine", "The policy", "The document", "The meeting", "The election", "The flood",
    "The merger", "The contract", "The season", "The vaccine", "The verdict",
)
# A word before a past form that makes it no simple past ("was arrested", "had left").
NOT_A_SUBJECT = {"was", "were", "had", "has", "have", "be", "been", "being", "is", "are", "to", "not", "never", "the", "a", "an", "of", "and", "or", "who", "that", "which", "will", "would", "could", "should", "may", "might", "must", "can", "did", "do", "does", "get", "got"}
DROPPABLE = ("the", "a", "to", "of", "in", "and", "was", "is", "for", "on", "that", "with")
SUBSTITUTES = {"a": "e", "e": "a", "i": "y", "y": "i", "o": "a", "u": "o", "k": "c", "c": "k", "s": "z", "z": "s"}


@dataclasses.dataclass
class Seeded:
    kind: str
    article: str
    text: str
    start: int
    end: int
    detail: str


def _in_quote(text: str, position: int) -> bool:
    """Whether a position lies inside a quotation of its paragraph: the
    tense and mindless-subject rules leave quotations to the speaker."""
    segment = text[text.rfind("\n\n", 0, position) + 1 : position]
    doubled = segment.count("''")
    return segment.count("“") > segment.count("”") or segment.count('"') % 2 == 1 or doubled % 2 == 1


def _replace(text: str, start: int, end: int, new: str) -> tuple[str, int, int]:
    return text[:start] + new + text[end:], start, start + len(new)


def seed_name_drift(text: str, rng: random.Random, knows) -> tuple[str, int, int, str] | None:
    counts = Counter(m.group() for m in re.finditer(r"\b[A-Z][a-z]{4,}\b", text))
    names = sorted(n for n, c in counts.items() if c >= 2 and not knows(n.lower()))
    if not names:
        return None
    name = rng.choice(names)
    later = [m for m in re.finditer(rf"\b{name}\b", text)][1:]
    target = rng.choice(later)
    for _ in range(20):
        variant = _mutate(name, rng)
        if variant and variant != name and variant not in text and not knows(variant):
            new_text, s, e = _replace(text, target.start(), target.end(), variant)
            return new_text, s, e, f"{name} -> {variant}"
    return None


def _mutate(name: str, rng: random.Random) -> str | None:
    i = rng.randrange(1, len(name))
    op = rng.choice(("substitute", "double", "undouble", "transpose"))
    if op == "substitute" and name[i] in SUBSTITUTES:
        return name[:i] + SUBSTITUTES[name[i]] + name[i + 1 :]
    if op == "double":
        return name[: i + 1] + name[i] + name[i + 1 :]
    if op == "undouble":
        doubles = [j for j in range(1, len(name) - 1) if name[j] == name[j + 1]]
        return name[: doubles[0]] + name[doubles[0] + 1 :] if doubles else None
    if op == "transpose" and 1 <= i < len(name) - 1:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return None


def seed_confusable(text: str, rng: random.Random) -> tuple[str, int, int, str] | None:
    members = {w: s for s in CONFUSION_SETS for w in s}
    found = [m for m in re.finditer(r"\b[A-Za-z']+\b", text) if m.group().lower() in members]
    if not found:
        return None
    m = rng.choice(found)
    word = m.group()
    other = rng.choice([w for w in members[word.lower()] if w != word.lower()])
    if word[0].isupper():
        other = other[0].upper() + other[1:]
    new_text, s, e = _replace(text, m.start(), m.end(), other)
    return new_text, s, e, f"{word} -> {other}"


def seed_doubled_dropped(text: str, rng: random.Random) -> tuple[str, int, int, str] | None:
    words = list(re.finditer(r"(?<=[a-z,] )[a-z]+(?= [a-z])", text))
    if not words:
        return None
    if rng.random() < 0.5:
        m = rng.choice(words)
        new_text, s, e = _replace(text, m.start(), m.end(), f"{m.group()} {m.group()}")
        return new_text, s, e, f"doubled {m.group()}"
    return seed_dropped(text, rng)


def seed_dropped(text: str, rng: random.Random) -> tuple[str, int, int, str] | None:
    little = [m for m in re.finditer(r"(?<=[a-z,] )[a-z]+(?= [a-z])", text) if m.group() in DROPPABLE]
    if not little:
        return None
    m = rng.choice(little)
    # the span of a dropped word: the two words it stood between
    before = text.rfind(" ", 0, m.start() - 1) + 1
    after = text.find(" ", m.end() + 1)
    new_text = text[: m.start()] + text[m.end() + 1 :]
    return new_text, before, after - len(m.group()) - 1, f"dropped {m.group()}"


def seed_tense_clash(text: str, rng: random.Random) -> tuple[str, int, int, str] | None:
    verbs = "|".join(sorted(SAME_PARTICIPLE))
    pattern = rf"\b(?P<before2>[A-Za-z.]+) (?P<before>[A-Za-z]+) (?P<verb>{verbs}|[a-z]{{3,}}ed) (?P<gap>(?:[\w,]+ ){{0,5}}?){DEFINITE_TIME}\b"
    found = [
        m
        for m in re.finditer(pattern, text)
        if not {m.group("before").lower(), m.group("before2").lower()} & NOT_A_SUBJECT
        and not any(w.endswith(("ed", "en")) or w in CLAUSE_WORDS for w in m.group("gap").split())
        and not _in_quote(text, m.start())
    ]
    if not found:
        return None
    m = rng.choice(found)
    plural = m.group("before").lower() in ("they", "we", "i", "you") or m.group("before").endswith("s")
    aux = "have" if plural else "has"
    new_text, s, _ = _replace(text, m.start("verb"), m.end("verb"), f"{aux} {m.group('verb')}")
    return new_text, s, m.end() + len(aux) + 1, f"{aux} {m.group('verb')}"


def seed_mindless_subject(text: str, rng: random.Random, knows) -> tuple[str, int, int, str] | None:
    subjects = r"He|She|he|she|They|they|Mr [A-Z][a-z]+|Ms [A-Z][a-z]+|[A-Z][a-z]+ [A-Z][a-z]+|[A-Z][a-z]+"
    verbs = f"{MENTAL_VERBS}|{PLURAL_MENTAL_VERBS}"
    found = [
        m
        for m in re.finditer(rf"(?:^|(?<=[.,;] )|(?<=\band )|(?<=\bthat ))(?P<subject>{subjects}) (?P<verb>{verbs}) (?=\w)", text, re.M)
        if (m.group("subject").lower() == "they") == (re.fullmatch(PLURAL_MENTAL_VERBS, m.group("verb")) is not None)
        and not (" " not in m.group("subject") and m.group("subject")[0].isupper() and m.group("subject") not in ("He", "She", "They") and knows(m.group("subject").lower()))
        and not re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.? $", text[max(0, m.start() - 5) : m.start()])
        and not _in_quote(text, m.start())
    ]
    if not found:
        return None
    m = rng.choice(found)
    thing = rng.choice(THINGS)
    if m.group("subject").lower() == "they":
        thing += "s"
    if m.group("subject")[0].islower():
        thing = thing[0].lower() + thing[1:]
    new_text, s, _ = _replace(text, m.start("subject"), m.end("subject"), thing)
    return new_text, s, s + len(thing) + 1 + len(m.group("verb")), f"{m.group('subject')} -> {thing}"


# -- linting ---------------------------------------------------------------------------------


def load_rules(british: bool, wanted: tuple[str, ...] = RULES):
    from lint.errors import RuleError
    from lint.packs import builtin_packs, load_pack
    from lint.rule import build_rule
    from lint.yamlsrc import load_yaml

    rules = [r for r in load_pack(builtin_packs()["newsroom"], "newsroom") if r.id in wanted]
    if british:
        rebuilt = []
        for rule in rules:
            if rule.id == "newsroom.spelling":
                data = dict(load_yaml(Path(rule.path).read_text(encoding="utf-8"), rule.path, RuleError))
                data["dictionaries"] = ["en_GB"]
                rule = build_rule(data, rule.id, rule.pack, rule.path)
            rebuilt.append(rule)
        rules = rebuilt
    return rules


def lint_all(texts: list[tuple[str, str]], rules_for) -> list[list]:
    """Alerts for each (article id, text), spaCy batching across them."""
    from lint import engine, nlp
    from lint.document import parse

    docs = [parse(text, article, "text") for article, text in texts]
    if engine.needs_nlp(rules_for("bbc")) or engine.needs_nlp(rules_for("polnear")):
        docs = list(nlp.parse_documents(docs))
    return [engine.lint(doc, rules_for(doc.path)) for doc in docs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-type", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--write-split", action="store_true", help="write the split files again and stop")
    parser.add_argument("--part", choices=("dev", "test", "all"), default="all", help="which evaluation articles")
    parser.add_argument("--show", type=int, default=0, help="print N missed errors per type")
    parser.add_argument("--false-sample", type=int, default=0, help="print N random false alerts")
    args = parser.parse_args()

    paths = article_paths_or_exit()
    if args.write_split:
        SPLIT_FILE.parent.mkdir(parents=True, exist_ok=True)
        SPLIT_FILE.write_text(json.dumps(make_split(list(paths)), indent=0) + "\n", encoding="utf-8")
        PART_FILE.write_text(json.dumps(make_parts(load_split()["eval"]), indent=0) + "\n", encoding="utf-8")
        print(f"wrote {SPLIT_FILE} and {PART_FILE}")
        return
    split = load_split()
    evaluation = [a for a in load_part(args.part) if a in paths]
    originals = {a: read_article(paths[a]) for a in evaluation}
    originals_for_seeding = dict(originals)

    from lint.checks.spelling import Speller, builtin_dictionaries

    builtin = builtin_dictionaries()
    speller = Speller((str(builtin["en_US"]), str(builtin["en_GB"])), ())
    rng = random.Random(args.seed)
    seeders = {
        "name-drift": lambda t: seed_name_drift(t, rng, speller.knows),
        "confusable": lambda t: seed_confusable(t, rng),
        "doubled-dropped": lambda t: seed_doubled_dropped(t, rng),
        "tense-clash": lambda t: seed_tense_clash(t, rng),
        "mindless-subject": lambda t: seed_mindless_subject(t, rng, speller.knows),
    }
    seeded: list[Seeded] = []
    training = [a for a in split["train"] if a in paths]
    for kind in TYPES:
        order = list(evaluation)
        rng.shuffle(order)
        if kind in ALSO_TRAINING_ARTICLES:
            extra = list(training)
            rng.shuffle(extra)
            order += extra
            originals_for_seeding.update({a: read_article(paths[a]) for a in extra if a not in originals_for_seeding})
        made = 0
        taken: set = set()
        for pass_number in range(10):  # an article may carry one error of a kind per pass
            for article in order:
                if made >= args.per_type:
                    break
                result = seeders[kind](originals_for_seeding[article])
                if result and (article, result[1], result[3]) not in taken:
                    text, start, end, detail = result
                    taken.add((article, start, detail))
                    seeded.append(Seeded(kind, article, text, start, end, detail))
                    made += 1
        if made < args.per_type:
            print(f"{kind}: only {made} seeded (the evaluation articles have no more)")

    rules = {"bbc": load_rules(british=True), "polnear": load_rules(british=False)}
    rules_for = lambda article: rules["bbc" if article.startswith("bbc") else "polnear"]  # noqa: E731
    print(f"rules: {', '.join(r.id for r in rules['polnear'])}")

    started = time.perf_counter()
    original_alerts = lint_all(list(originals.items()), rules_for)
    words = sum(len(t.split()) for t in originals.values())
    per_rule = Counter(a.rule for alerts in original_alerts for a in alerts)
    total = sum(per_rule.values())
    print(f"\noriginals: {len(originals)} evaluation articles, {words} words")
    print(f"false alerts: {total} = {1000 * total / words:.2f} per 1,000 words (target <= 1)")
    for rule_id in RULES:
        print(f"  {rule_id:28s} {per_rule[rule_id]:5d}  {1000 * per_rule[rule_id] / words:.2f} per 1,000 words")

    seeded_alerts = lint_all([(s.article, s.text) for s in seeded], rules_for)
    found = defaultdict(int)
    by_rule = defaultdict(Counter)
    missed = defaultdict(list)
    totals = Counter(s.kind for s in seeded)
    from_training = Counter(s.kind for s in seeded if s.article not in originals)
    for item, alerts in zip(seeded, seeded_alerts):
        hits = [a for a in alerts if a.start < item.end and item.start < a.end]
        if hits:
            found[item.kind] += 1
            by_rule[item.kind].update({a.rule for a in hits})
        else:
            missed[item.kind].append(item)
    print("\nrecall per error type (target >= 0.7):")
    for kind in TYPES:
        n = totals[kind]
        recall = found[kind] / n if n else float("nan")
        caught = ", ".join(f"{r} {c}" for r, c in by_rule[kind].most_common())
        print(f"  {kind:18s} {found[kind]:4d}/{n:<4d} {recall:.3f}   ({caught})")
        if from_training[kind]:
            print(f"    ({from_training[kind]} of them seeded in training articles)")
        if kind == "doubled-dropped":
            for sub in ("doubled", "dropped"):
                items = [s for s in seeded if s.kind == kind and s.detail.startswith(sub)]
                hit = sum(1 for s in items if s not in missed[kind])
                print(f"    {sub:16s} {hit:4d}/{len(items)}")
        for item in missed[kind][: args.show]:
            print(f"      missed {item.article}: {item.detail}: ...{item.text[max(0, item.start - 60) : item.end + 40]!r}")
    if args.false_sample:
        pool = [(a, alert) for a, alerts in zip(originals, original_alerts) for alert in alerts]
        for article, alert in random.Random(args.seed).sample(pool, min(args.false_sample, len(pool))):
            text = originals[article]
            print(f"\n{article} {alert.rule}: {alert.match!r}\n  ...{text[max(0, alert.start - 120) : alert.end + 80]!r}")
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
