#!/usr/bin/env python
"""Recall of ``newsroom.quote-without-speaker`` on quotations whose speaker
was removed.

In the BBC articles (``../shared/data/bbc-news``, read, never copied), a
quoted statement with its attribution in its own sentence (``"...,"
Smith said.`` or ``"...," said Smith.``), when the rest of the paragraph
has no quotation and no speech verb, and the paragraph before no
quotation and no closing colon, is rewritten without
the attribution (``"...."``). The article is
linted with only that rule; the quotation is found when an alert covers
it. The rate of alerts on the same quotations with their speaker kept is
printed beside it (they are false alarms). Not a test: it prints figures::

    python benchmarks/quote_speaker_recall.py            # every such paragraph
    python benchmarks/quote_speaker_recall.py --limit 200 --seed 7
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
BBC = REPO.parent / "shared" / "data" / "bbc-news"
RULE = "newsroom.quote-without-speaker"
_SPEECH = r"(?:said|says|added|told|explained|argued|insisted|warned)"
_SPEAKER = r"(?:[A-Z][\w.'-]*|he|she|they|it|the|a|an|of|[a-z][\w-]*)(?: [\w.'-]+){0,6}?"
# '"..., the minister said.' or '"..., said the minister.', opening the paragraph or after a sentence
_ATTRIBUTED = re.compile(
    r'(?:^|(?<=[.!?] ))(?P<quote>"(?P<words>[A-Z][^"]{10,}?),")(?P<tail> (?:' + _SPEAKER + " " + _SPEECH + "|"
    + _SPEECH + " " + _SPEAKER + r")\.)(?= |$)"
)
_SPOKEN = re.compile(r'"|“|\b(?:said|says|told|added|according)\b')
_QUOTING = re.compile(r'"|“|:\s*$')


def cases(limit: int | None, seed: int) -> list[tuple[str, int, int, str]]:
    """(article text with the speaker removed, quote start, quote end, original article text)."""
    found = []
    for path in sorted(BBC.glob("*/*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")  # a few articles are Latin-1
        paragraphs = text.split("\n\n")
        for i in range(1, len(paragraphs)):
            paragraph = paragraphs[i]
            m = _ATTRIBUTED.search(paragraph)
            rest = paragraph[: m.start()] + paragraph[m.end() :] if m else ""
            if m is None or _QUOTING.search(paragraphs[i - 1]) or _SPOKEN.search(rest):
                continue
            bare = f'"{m.group("words")}."'
            edited = paragraphs[:i] + [paragraph[: m.start()] + bare + paragraph[m.end() :]] + paragraphs[i + 1 :]
            start = len("\n\n".join(paragraphs[:i])) + 2 + m.start()
            found.append(("\n\n".join(edited), start, start + len(bare), text))
    if limit and limit < len(found):
        found = [found[i] for i in sorted(random.Random(seed).sample(range(len(found)), limit))]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    if not BBC.is_dir():
        print(f"skipped: BBC articles not found at {BBC}")
        return 0
    from lint import nlp
    from lint.document import parse
    from lint.engine import lint
    from lint.packs import builtin_packs, load_pack

    rules = [r for r in load_pack(builtin_packs()["newsroom"], "newsroom") if r.id == RULE]
    chosen = cases(args.limit, args.seed)
    found = kept_flagged = 0
    documents = (parse(text, path="article.txt") for text, *_ in chosen)
    for (_, start, end, original), doc in zip(chosen, nlp.parse_documents(documents)):
        found += any(a.start < end and start < a.end for a in lint(doc, rules))
    originals = (parse(original, path="article.txt") for *_, original in chosen)
    for (_, start, _, original), doc in zip(chosen, nlp.parse_documents(originals)):
        # the same quotation, speaker kept: it starts where the edited one does
        kept_flagged += any(a.start <= start + 1 and start < a.end for a in lint(doc, rules))
    n = len(chosen)
    print(f"quotations whose speaker was removed: {n}; flagged {found} ({found / n:.1%})" if n else "no cases")
    if n:
        print(f"the same quotations with their speaker: flagged {kept_flagged} ({kept_flagged / n:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
