#!/usr/bin/env python
"""The people rules and every rule's fixes on a split of BBC and PolNeAR
(``benchmarks/people_split.py``): alerts per 1,000 words per rule, the most
alerts a per-story rule gave one story, and seeded random samples of
alerts and of fixes printed for an editor to read.

Two steps, so that reading samples does not lint again::

    python benchmarks/eval_people.py lint --split test --out /tmp/people-test.jsonl [--config benchmarks/house-styles/bbc.yaml]
    python benchmarks/eval_people.py report /tmp/people-test.jsonl [--sample people:60] [--fixes 100] [--seed 1]

``lint`` runs the default packs' people-titles rules, the per-story rules
and every rule that gives a fix, and writes one JSON line per article (its
id, corpus, words and alerts). ``report`` prints the figures; ``--sample
people:N`` draws N alerts of the people rules other than honorific,
``--sample RULE:N`` N of one rule, ``--fixes N`` N alerts with a fix of
any rule, each fix shown applied to its sentence. Corpora are read from
``../shared/data``, never copied.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from people_split import DATA, load, read  # noqa: E402

BATCH = 20
PEOPLE = "people-titles"


def chosen_rules(config: Path | None):
    from lint import packs
    from lint.config import ConfigResolver

    if config is not None:
        rules = ConfigResolver(config).for_folder(config.parent).rules_for(None)
    else:
        available = packs.builtin_packs()
        rules = [r for name in packs.DEFAULT_PACKS for r in packs.load_pack(available[name], name)]
    return [r for r in rules if r.category == PEOPLE or getattr(r, "per_story", False) or r.fixable]


def lint_split(args) -> int:
    from lint import engine

    ids = [i for i in load(args.split) if (DATA / i).exists()]
    ids = ids[:: args.every]
    if args.limit:
        ids = ids[: args.limit]
    if not ids:
        print(f"no {args.split} articles under {DATA}", file=sys.stderr)
        return 1
    rules = chosen_rules(args.config)
    known = [r.id for r in rules]
    with open(args.out, "w", encoding="utf-8") as out:
        for done, (article, doc) in enumerate(parsed_articles(ids, args.cache), 1):
            alerts = engine.lint(doc, rules, (), known)
            out.write(json.dumps({
                "id": article, "corpus": article.split("/")[0], "words": len(doc.source.split()),
                "alerts": [a.to_dict() for a in alerts],
            }) + "\n")
            if done % BATCH == 0 or done == len(ids):
                print(f"{done}/{len(ids)}", file=sys.stderr, flush=True)
    return 0


def parsed_articles(ids, cache: Path | None):
    """Each article id with its document, parsed a batch at a time (through
    the cache) and its people's names recognized."""
    from lint.document import parse
    from lint.people import recognize_names

    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        docs = [parse(read(DATA / i), str(DATA / i), "text") for i in batch]
        parse_with_cache(docs, batch, cache)
        recognize_names(docs)
        yield from zip(batch, docs)


def parse_with_cache(docs, ids, cache: Path | None) -> None:
    """Parse the documents, reusing spaCy parses saved under ``cache`` (one
    file per article id and pipeline) so that a rerun after a rule change
    does not parse the split again."""
    import pickle

    from spacy.tokens import Doc

    from lint import nlp

    if cache is None:
        for _ in nlp.parse_documents(docs):
            pass
        return
    vocab = nlp.load().vocab
    paths = [cache / (hashlib.sha1(f"{nlp.DEFAULT_PIPELINE}:{i}".encode()).hexdigest() + ".pickle") for i in ids]
    missing = [doc for doc, path in zip(docs, paths) if not path.exists()]
    for _ in nlp.parse_documents(missing):
        pass
    cache.mkdir(parents=True, exist_ok=True)
    for doc, path in zip(docs, paths):
        if path.exists():
            saved = pickle.loads(path.read_bytes())
            doc.parses = [nlp.ParsedBlock(start, Doc(vocab).from_bytes(data)) for start, data in saved]
            doc.pipeline = nlp.DEFAULT_PIPELINE
        else:
            path.write_bytes(pickle.dumps([(block.start, block.doc.to_bytes()) for block in doc.parses]))


def apply_fix(text: str, alert: dict) -> str:
    """The text with the alert's fix and its extra edits applied (last first)."""
    edits = [(alert["start"], alert["end"], alert["fix"])]
    edits += [(e["start"], e["end"], e["replacement"]) for e in alert.get("extra_edits") or []]
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def context(text: str, start: int, end: int, width: int = 120) -> str:
    return " ".join(text[max(0, start - width) : end + width].split())


def report(args) -> int:
    articles = [json.loads(line) for line in open(args.dump, encoding="utf-8")]
    rules = sorted({a["rule"] for art in articles for a in art["alerts"]})
    print(f"{len(articles)} articles from {args.dump}")
    for corpus in sorted({a["corpus"] for a in articles}):
        group = [a for a in articles if a["corpus"] == corpus]
        words = sum(a["words"] for a in group)
        counts = Counter(al["rule"] for a in group for al in a["alerts"])
        most = {r: max(sum(al["rule"] == r for al in a["alerts"]) for a in group) for r in rules}
        people = sum(n for r, n in counts.items() if any(al["category"] == PEOPLE and al["rule"] == r
                                                         for a in group for al in a["alerts"]))
        print(f"\n{corpus}: {len(group)} articles, {words:,} words; people-titles {1000 * people / words:.2f} per 1,000 words")
        print(f"  {'rule':45} {'alerts':>7} {'per 1k words':>12} {'most in a story':>16}")
        for rule in rules:
            print(f"  {rule:45} {counts[rule]:7d} {1000 * counts[rule] / words:12.2f} {most[rule]:16d}")
    rng = random.Random(args.seed)
    texts: dict[str, str] = {}

    def text_of(article):
        if article["id"] not in texts:
            texts[article["id"]] = read(DATA / article["id"])
        return texts[article["id"]]

    for spec in args.sample:
        target, _, n = spec.rpartition(":")
        pool = [(art, al) for art in articles for al in art["alerts"]
                if (al["rule"] == target or target == "people" and al["category"] == PEOPLE
                    and al["rule"] != "newsroom.honorific")]
        print(f"\n== sample of {target}: {min(int(n), len(pool))} of {len(pool)}")
        for k, (art, al) in enumerate(rng.sample(pool, min(int(n), len(pool))), 1):
            print(f"[{k}] {art['id']} {al['rule']} '{al['match']}': {al['message'][:160]}")
            print(f"     …{context(text_of(art), al['start'], al['end'])}…")
    if args.fixes:
        pool = [(art, al) for art in articles for al in art["alerts"] if al["fix"] is not None]
        by_rule = Counter(al["rule"] for _, al in pool)
        print(f"\n== {min(args.fixes, len(pool))} random fixes of {len(pool)} ({dict(by_rule)})")
        for k, (art, al) in enumerate(rng.sample(pool, min(args.fixes, len(pool))), 1):
            text = text_of(art)
            fixed = apply_fix(text, al)
            extra = len(al.get("extra_edits") or [])
            print(f"[{k}] {art['id']} {al['rule']} {al['fix_applicability']} '{al['match']}' -> '{al['fix']}'"
                  + (f" (+{extra} more edits)" if extra else ""))
            print(f"     before: …{context(text, al['start'], al['end'], 80)}…")
            shift = len(al['fix']) - (al['end'] - al['start'])
            print(f"     after:  …{context(fixed, al['start'], al['end'] + shift, 80)}…")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("lint")
    run.add_argument("--split", choices=("dev", "test"), default="dev")
    run.add_argument("--out", type=Path, required=True)
    run.add_argument("--config", type=Path)
    run.add_argument("--limit", type=int)
    run.add_argument("--cache", type=Path, help="a folder to keep spaCy parses in between runs")
    run.add_argument("--every", type=int, default=1, help="every Nth article of the split (a quick, spread read)")
    rep = sub.add_parser("report")
    rep.add_argument("dump", type=Path)
    rep.add_argument("--sample", action="append", default=[], metavar="RULE:N")
    rep.add_argument("--fixes", type=int, default=0)
    rep.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    return lint_split(args) if args.command == "lint" else report(args)


if __name__ == "__main__":
    sys.exit(main())
