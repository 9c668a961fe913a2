#!/usr/bin/env python
"""Count the paragraphs of BBC articles that speak in a personal voice,
for the loaded-language rules' "personal piece" (``PERSONAL_PIECE_PARAGRAPHS``
in ``lint/checks/loaded.py``).

Not a test: it prints, for a split of ``training/splits/bbc-news.json``,
how many articles have 0, 1, 2, 3 or more paragraphs (before a closing run
of readers' comments) that speak as "I" or to "you" outside quotations,
the same counting a paragraph that speaks as "we" too, and lists the
articles that only the second count brings to the threshold, with their
headlines, for a person to judge what kind of copy they are. Usage::

    python benchmarks/count_personal_paragraphs.py --part train
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
BBC = REPO.parent / "shared" / "data" / "bbc-news"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("train", "dev", "test"), default="train")
    args = parser.parse_args(argv)
    if not BBC.is_dir():
        print(f"no BBC articles at {BBC}", file=sys.stderr)
        return 1
    from lint import nlp
    from lint.attribution import model
    from lint.checks.loaded import PERSONAL_PIECE_PARAGRAPHS, _personal_blocks, _speaks_as_we
    from lint.document import parse

    from eval_bias import read_bbc

    ids, texts = read_bbc(args.part)
    without, with_we, brought = Counter(), Counter(), []
    documents = (parse(text, path=name) for name, text in zip(ids, texts))
    for name, text, doc in zip(ids, texts, nlp.parse_documents(documents)):
        blocks = _personal_blocks(doc)
        personal = we = 0
        for block, paragraph in model(doc).paragraphs.items():
            voiced, closing = blocks.get(block, (False, False))
            if closing:
                continue
            personal += voiced
            we += voiced or _speaks_as_we(doc, paragraph)
        without[min(personal, PERSONAL_PIECE_PARAGRAPHS)] += 1
        with_we[min(we, PERSONAL_PIECE_PARAGRAPHS)] += 1
        if personal < PERSONAL_PIECE_PARAGRAPHS <= we:
            brought.append(f"  {name}: {personal} as I/you, {we} with we; {text.strip().splitlines()[0][:70]}")
    top = PERSONAL_PIECE_PARAGRAPHS
    print(f"BBC {args.part}: {len(ids)} articles; paragraphs in a personal voice (last: {top} or more)")
    print("  I or you:       " + ", ".join(f"{k}: {without[k]}" for k in range(top + 1)))
    print("  I, you or we:   " + ", ".join(f"{k}: {with_we[k]}" for k in range(top + 1)))
    print(f"brought to {top} by 'we' ({len(brought)}):")
    print("\n".join(brought))
    return 0


if __name__ == "__main__":
    sys.exit(main())
