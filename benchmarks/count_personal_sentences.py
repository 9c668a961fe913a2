#!/usr/bin/env python
"""Count the sentences of BBC articles that speak in a personal voice,
for the loaded-language rules' "personal piece" (``PERSONAL_PIECE_SENTENCES``
and ``PERSONAL_PIECE_SENTENCES_I_OR_YOU`` in ``lint/checks/loaded.py``).

Not a test: it prints, for a split of ``training/splits/bbc-news.json``,
how many articles have 0, 1, 2, 3 or more sentences (before a closing run
of readers' comments) that speak as "I" or "we", or to "you", in the
writer's voice, how many of those say "I" or "you", and lists the
personal pieces, with their headlines, for a person to judge what kind
of copy they are. Usage::

    python benchmarks/count_personal_sentences.py --part train
"""

from __future__ import annotations

import argparse
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
    from lint.checks.loaded import PERSONAL_PIECE_SENTENCES, personal_piece, personal_sentences
    from lint.document import parse

    from eval_bias import read_bbc

    ids, texts = read_bbc(args.part)
    counts, as_i_or_you, pieces = Counter(), Counter(), []
    documents = (parse(text, path=name) for name, text in zip(ids, texts))
    top = PERSONAL_PIECE_SENTENCES + 1
    for name, text, doc in zip(ids, texts, nlp.parse_documents(documents)):
        found, addressed, _ = personal_sentences(doc)
        counts[min(found, top)] += 1
        as_i_or_you[min(found, top)] += addressed > 0
        if personal_piece(doc):
            pieces.append(f"  {name}: {found} ({addressed} as I or you); {text.strip().splitlines()[0][:70]}")
    print(f"BBC {args.part}: {len(ids)} articles; sentences in a personal voice (last: {top} or more)")
    print("  " + ", ".join(f"{k}: {counts[k]} ({as_i_or_you[k]} with I or you)" for k in range(top + 1)))
    print(f"personal pieces ({len(pieces)}):")
    print("\n".join(pieces))
    return 0


if __name__ == "__main__":
    sys.exit(main())
