"""Helpers several check kinds share: Vale's exceptions, and the document
summary that the measuring kinds (readability, metric) read."""

from __future__ import annotations

from lint.document import Document
from lint.patterns import compile_pattern, exception_pattern, finditer
from lint.rule import Check, Hit

# Vale's summary holds the body text: paragraphs, list items and quotations,
# but not headings, tables or front matter.
SUMMARY_KINDS = ("paragraph", "list", "blockquote")


class Exceptions:
    """A rule's ``exceptions`` the way Vale applies them: a match is excused
    when an exception term occurs in it, or when it lies inside a multi-word
    exception phrase written in the text around it (Vale #1035)."""

    def __init__(self, check: Check, terms: list[str]) -> None:
        where = (check.rule.path, check.rule.line_of("exceptions"))
        source = exception_pattern(terms)
        self.terms = compile_pattern(source, False, where) if source else None
        phrases = exception_pattern([t for t in terms if " " in t or "\t" in t or r"\s" in t])
        self.phrases = compile_pattern(phrases, False, where) if phrases else None
        self._scanned: tuple[str, tuple[int, int]] | None = None
        self._spans: list[tuple[int, int]] = []

    def excuse(self, prose: str, start: int, end: int, scope: tuple[int, int]) -> bool:
        if self.terms is not None and self.terms.search(prose[start:end].strip()):
            return True
        if self.phrases is None:
            return False
        return any(s <= start and end <= e for s, e in self._phrase_spans(prose, scope))

    def _phrase_spans(self, prose: str, scope: tuple[int, int]) -> list[tuple[int, int]]:
        # One scan per scope span, however many matches it holds.
        if self._scanned is None or self._scanned[0] is not prose or self._scanned[1] != scope:
            self._scanned = (prose, scope)
            self._spans = [m.span() for m in finditer(self.phrases, prose, *scope)]
        return self._spans


def summary_text(doc: Document) -> str:
    return "\n\n".join(doc.prose[b.start : b.end] for b in doc.blocks if b.kind in SUMMARY_KINDS)


def document_hit(doc: Document, args: tuple) -> Hit | None:
    """A whole-document alert, anchored on the first block. It is a source
    (raw) hit so that a URL or a quotation in that block cannot drop it: the
    alert is about the document, not about the anchor's words."""
    if not doc.blocks:
        return None
    start, end = doc.source_span(doc.blocks[0].start, doc.blocks[0].end)
    return Hit(start, end, args, raw=True)
