"""A draft as rules see it: prose with exact positions back to the file.

Parsing turns a file into *prose*: the text a copy editor reads, without
front matter, code, URLs, HTML comments or Markdown markup. Rules match
against the prose; every prose offset maps back to the character of the
original file it came from, so alerts point at the right place with CRLF,
tabs, non-ASCII text, front matter and markup in between. Positions are
never found by searching the file again for the matched text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from lint.errors import InputError
from lint.yamlsrc import SourceMap, load_yaml

if TYPE_CHECKING:
    from lint.rule import Rule

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

# Scope names a rule may use; "frontmatter.<key>" is also accepted.
BLOCK_KINDS = ("paragraph", "heading", "list", "blockquote", "table")

_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\"“”]+[^\s<>()\"“”.,;:!?'’]")
_DIRECTIVE = re.compile(
    r"<!--\s*copydesk-(?P<action>disable-next-line|disable-file|disable|enable)\b"
    r"(?P<rules>(?:(?!--).)*?)(?:--(?P<reason>(?:(?!-->).)*))?-->",
    re.S,
)
# A speaker's label opening a paragraph, as transcripts and interviews
# write them ("Q: ...", "A: ...", "SMITH: ...", "- City boss Kevin Keegan:
# ..."), or a headline run in as a paragraph ("Paul Ryan: FBI decision
# ..."): the last word before the colon is capitalized.
SPEAKER_LABEL = regex.compile(
    r"[-–•*]?[ \t]*(?P<source>(?:\p{Lu}[\w’'.-]*[ \t]+)?(?:[\w’'.-]+[ \t]+){0,5}\p{Lu}[\w’'.-]*)[ \t]*(?P<colon>:)[ \t]+\S"
)
# How far into a paragraph a speaker label's colon can stand (seven words).
_LABEL_REACH = 120
# Words that label a paragraph rather than name its speaker ("Update: ...").
PARAGRAPH_LABELS = frozenset(
    "update note correction clarification editor photo video watch read related background analysis warning "
    "source sources caption credit pictured listen see also".split()
)
# The signature under an embedded social post: "— Jane Doe (@janedoe)
# March 3, 2016", or Instagram's "A post shared by Jane Doe (@janedoe)".
_POST_SIGNATURE = regex.compile(r"(?:(?<!\S)(?:[—–]|--?)|\bA post shared by)[ \t]*[^\n()@]{0,80}?\(@\w{1,30}\)")
# A social-media handle alone on its line: the signature of the reader's
# post above it ("Michelle was a class act. ¶ @JeffOstach.", PolNeAR's readers' posts).
_HANDLE_SIGNATURE = regex.compile(r"@\w+\.?")
# The label that opens a page of readers' letters or posts: from it on, the
# readers' words (PolNeAR's letters pages).
_READERS_LABEL = regex.compile(r"(?:LETTERS|FACEBOOK|TWITTER)\.?")
# The signature under a reader's comment on a news site's comment page
# ("Have your say"): "Jane Doe, Leeds", "Dave, Cork, Ireland" -- a name of
# one to four words, then one to three places, each after a comma.
_NAME_WORD = r"(?:[A-Z][\w'’-]*|[A-Z]\.|de|van|von|da|du|la|le|al|bin|of)"
_NAMES = rf"(?:[A-Z][\w'’-]*|[A-Z]\.)(?: {_NAME_WORD}){{0,3}}"
_READER_SIGNATURE = regex.compile(rf"{_NAMES}(?:, {_NAMES}){{1,3}}")
# The same signature closing its comment's paragraph ("... fired. Jane Doe, Leeds").
_SIGNED_PARAGRAPH = regex.compile(rf"[.!?…)\"”'’]\s+({_READER_SIGNATURE.pattern})\s*$")
# A comment has at least this many words (a line-up of names has fewer);
# it runs to at most _COMMENT_REACH paragraphs above its signature.
_COMMENT_WORDS = 8
_COMMENT_REACH = 4
# Line endings as CommonMark reads them; a lone CR (old Mac files) ends a
# line too, and parsing reads it as LF (one character for one: offsets hold).
_LINE_END = re.compile(r"\r\n?|\n")
_LONE_CR = re.compile(r"\r(?!\n)")
# Vale's own comments, honoured for styles and drafts migrated from Vale:
# "vale off"/"vale on", and "vale Style.Rule = NO"/"= YES" (a rule or a style).
_VALE_DIRECTIVE = re.compile(r"<!--\s*vale\s+(?:(?P<switch>off|on)|(?P<rule>[\w.-]+)\s*=\s*(?P<state>YES|NO))\s*-->", re.S)
_HEADING_END = re.compile(r"[.!?:;,\"”’')\]]\s*$")
_PARAGRAPH_END = re.compile(r"[.!?:\"”’')\]]\s*$")
# Source that may stand between two pieces of Markdown text without being
# text itself: markup, spaces and an ordered-list number ("12. "), but no
# other letter or digit, no escape (text) and no line break (a new line
# starts after a softbreak, which moves past it).
_MARKUP_ONLY = re.compile(r"(?:[^\w\\\n]|_|\d{1,9}[.)](?=\s))*")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# What follows a link's or image's text from its "]": an inline destination
# and title ("(url 'title')", a destination nesting one level of brackets), a
# reference ("[ref]", "[]") or nothing (a shortcut reference).
_LINK_TAIL = re.compile(
    r"""\]
    (?:\(\s*
        (?:<(?:[^<>\n\\]|\\.)*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)
        (?:\s+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?
        \s*\)
    |\[(?:[^\[\]\\]|\\.)*\]
    )?""",
    re.X | re.S,
)


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of prose: a paragraph, heading, list item, quote or table cell."""

    kind: str
    start: int
    end: int
    name: str = ""  # the key of a front-matter field; h1-h6 for a Markdown heading


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline suppression comment (``<!-- copydesk-disable RULE -->``)."""

    action: str
    rules: tuple[str, ...]
    reason: str
    line: int
    start: int
    end: int
    # a Vale comment: it says nothing about copydesk's rules, so it is never
    # reported as an unused suppression
    vale: bool = False


class _ProseBuilder:
    """Accumulates prose and the map from prose offsets to source offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.seg_prose: list[int] = []
        self.seg_source: list[int] = []
        self.seg_synthetic: list[bool] = []

    def text(self, text: str, source_start: int) -> None:
        """Prose copied verbatim from ``source[source_start:]``."""
        if text:
            self._segment(text, source_start, False)

    def synthetic(self, text: str, anchor: int) -> None:
        """Prose with no source of its own (a joiner); maps to ``anchor``."""
        if text:
            self._segment(text, anchor, True)

    def _segment(self, text: str, source_start: int, synthetic: bool) -> None:
        self.seg_prose.append(self.length)
        self.seg_source.append(source_start)
        self.seg_synthetic.append(synthetic)
        self.parts.append(text)
        self.length += len(text)


class Document:
    """A parsed draft. Build with :func:`parse`."""

    def __init__(self, path: str, source: str, fmt: str) -> None:
        self.path = path
        self.source = source
        self.format = fmt
        self.prose = ""
        self.blocks: list[Block] = []
        self.front_matter: dict = {}
        self.directives: list[Directive] = []
        # Code is not prose, but readability metrics count code blocks (Vale's `pre`).
        self.code_blocks = 0
        # The linguistic layer's parses (lint.nlp) and the models built on
        # them (lint.attribution, lint.people), filled when a rule first
        # needs them; ``pipeline`` names the spaCy pipeline that parsed it.
        self.parses = None
        self.pipeline: str | None = None
        # What rules read of each block's token vectors, computed as the
        # block is parsed, after which the vectors are dropped (see
        # lint.engine.prepare_parse); None: nobody said, so they are kept.
        self.vector_readers: list | None = None
        # The rules this run applies, and those its config built with
        # rule-options but leaves out, by id (set by lint.engine.lint): the
        # personal-piece count reads a desk's first-person and
        # editorializing rules (lint.checks.loaded).
        self.rules: dict[str, Rule] = {}
        self.models: dict = {}
        self._seg_prose: list[int] = []
        self._seg_source: list[int] = []
        self._seg_synthetic: list[bool] = []
        # a character decoded from an HTML character reference ("&#233;"):
        # its prose offset -> the source offset after the reference
        self._entity_ends: dict[int, int] = {}

    # -- positions -------------------------------------------------------

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _LINE_END.finditer(self.source)]

    def source_offset(self, prose_offset: int) -> int:
        """The source offset of the prose character at ``prose_offset``."""
        i = bisect.bisect_right(self._seg_prose, prose_offset) - 1
        if i < 0:
            return 0
        if self._seg_synthetic[i]:
            return self._seg_source[i]
        return self._seg_source[i] + (prose_offset - self._seg_prose[i])

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a prose span (end exclusive) to a source span."""
        s = self.source_offset(start)
        if end <= start:
            return s, s
        e = self._entity_ends.get(end - 1) or self.source_offset(end - 1) + 1
        return s, max(e, s + 1)

    def position(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        i = bisect.bisect_right(self._line_starts, source_offset) - 1
        return i + 1, source_offset - self._line_starts[i] + 1

    # -- structure derived from the prose ----------------------------------

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans in prose offsets, never crossing a block."""
        return [span for block in self.blocks for span in self.block_sentences(block)]

    def block_sentences(self, block: Block) -> list[tuple[int, int]]:
        """One block's sentence spans in prose offsets (for a caller that
        reads one block: segmenting them all cost more than its work)."""
        from syntok.segmenter import analyze

        spans: list[tuple[int, int]] = []
        text = self.prose[block.start : block.end]
        for paragraph in analyze(text):
            for sentence in paragraph:
                first, last = sentence[0], sentence[-1]
                spans.append(
                    (block.start + first.offset, block.start + last.offset + len(last.value))
                )
        return spans

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Quotation spans in prose offsets, quote marks included. A
        paragraph after one that leaves a quotation open may go on with it
        and close it with no opening mark of its own ('... we will win."')."""
        spans: list[tuple[int, int]] = []
        left_open = False
        for block in self.blocks:
            found = find_quotes(self.prose, block.start, block.end, continued=left_open)
            spans.extend(found)
            left_open = (
                block.kind != "heading" and bool(found) and found[-1][1] == block.end
                and self.prose[block.end - 1] not in _CLOSING_MARKS
            )
        return spans

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [s for s, _ in self.quotes]

    def quote_at(self, start: int) -> tuple[int, int] | None:
        """The quotation that opens at a prose offset, if one does."""
        i = bisect.bisect_left(self._quote_starts, start)
        return self.quotes[i] if i < len(self.quotes) and self._quote_starts[i] == start else None

    @cached_property
    def turns(self) -> list[tuple[int, int]]:
        """Other people's words that no quotation mark encloses, in prose
        offsets: a transcript speaker's turn after its label ("Q: ...",
        "SMITH: ...") and an embedded social post (the paragraph its
        signature, "— Name (@handle) date", closes or follows), readers'
        posts and letters (a handle alone on the line under a post; all
        after a LETTERS label) and readers' signed comments."""
        spans: list[tuple[int, int]] = []
        for n, block in enumerate(self.blocks):
            if block.kind == "blockquote":
                spans.append((block.start, block.end))  # a quotation set off with no marks
                continue
            text = self.prose[block.start : block.end]
            if block.kind != "frontmatter" and _READERS_LABEL.fullmatch(text.strip()):
                spans.append((block.start, len(self.prose)))
                break
            if n > 0 and block.kind != "frontmatter" and _HANDLE_SIGNATURE.fullmatch(text.strip()):
                spans += [(self.blocks[n - 1].start, self.blocks[n - 1].end), (block.start, block.end)]
                continue
            label = speaker_label(text)
            if label is not None:
                spans.append((block.start + label.end("colon"), block.end))
                continue
            signature = _POST_SIGNATURE.search(text) if "(@" in text else None
            if signature is None:
                continue
            if text[: signature.start()].strip():
                spans.append((block.start, block.end))  # the post and its signature in one paragraph
            else:
                if n > 0:
                    spans.append((self.blocks[n - 1].start, self.blocks[n - 1].end))
                spans.append((block.start, block.end))
        spans.extend(self._signed_comments())
        return sorted(set(spans))

    def _signed_comments(self) -> list[tuple[int, int]]:
        """Readers' comments on a comment page: paragraphs that a reader's
        signature ("Jane Doe, Leeds") closes, on a line of its own or at the
        end of the paragraph. One signature could be a heading ("Lansdowne
        Road, Dublin"), so only a run counts: a signature whose comment
        starts right after another signature, and that other one."""
        signed: list[tuple[int, int]] = []  # a comment's last block, its signature's block
        for n, block in enumerate(self.blocks):
            text = self.prose[block.start : block.end].strip()
            if n > 0 and _READER_SIGNATURE.fullmatch(text) and self._comment_like(self.blocks[n - 1]):
                signed.append((n - 1, n))
            elif _SIGNED_PARAGRAPH.search(text) and self._comment_like(block):  # a heading, too, with no full stop
                signed.append((n, n))
        starts = [last for last, _ in signed]
        kept = set()
        for i in range(1, len(signed)):
            previous, last = signed[i - 1][1], signed[i][0]
            if 1 <= last - previous <= _COMMENT_REACH:  # this comment follows the last signature
                starts[i] = previous + 1
                kept.update((i - 1, i))
        return [(self.blocks[n].start, self.blocks[n].end)
                for i in sorted(kept) for n in range(starts[i], signed[i][1] + 1)]

    def _comment_like(self, block: Block) -> bool:
        """Whether a block reads as a comment: a few sentences' words, not a
        list of names (a team's line-up: "Riise, Nunez, Hamann.")."""
        return block.kind != "blockquote" and len(self.prose[block.start : block.end].split()) >= _COMMENT_WORDS

    @cached_property
    def _others_words(self) -> tuple[list[int], list[int]]:
        """Quotations and turns merged into disjoint spans: starts, ends."""
        merged: list[list[int]] = []
        for start, end in sorted(self.quotes + self.turns):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return [s for s, _ in merged], [e for _, e in merged]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.blocks]

    def block_index(self, offset: int) -> int:
        """The index of the last block starting at or before a prose offset
        (-1 before the first); the block holds the offset if it ends after it."""
        return bisect.bisect_right(self._block_starts, offset) - 1

    def in_quote(self, start: int) -> bool:
        """Whether the prose offset lies in other people's words: inside a
        quotation (an open one runs on to its paragraph's end, and a
        paragraph continuing it opens with a quotation mark), a transcript
        turn or an embedded social post."""
        starts, ends = self._others_words
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and start < ends[i]

    def capitalized_mid_sentence(self, start: int) -> bool:
        """Whether the word at a prose offset is capitalized in mid-sentence,
        as names and titles of works are ("her song Outrageous", "Do They
        Know It's Christmas"); a sentence's first word and the pronoun I
        are not."""
        prose = self.prose
        if not prose[start : start + 1].isupper():
            return False
        if prose[start] == "I" and not prose[start + 1 : start + 2].isalpha():
            return False
        i = start - 1
        while i >= 0 and prose[i] in " \t":
            i -= 1
        return i >= 0 and (prose[i].isalnum() or prose[i] in ",;")

    @cached_property
    def ignored(self) -> list[tuple[int, int]]:
        """Prose spans no rule may flag (URLs written as plain text)."""
        return [m.span() for m in _URL.finditer(self.prose)]

    def overlaps_ignored(self, start: int, end: int) -> bool:
        # URL spans are in order and apart: only the last one starting before ``end`` can overlap
        i = bisect.bisect_left(self.ignored, (end,)) - 1
        return i >= 0 and start < self.ignored[i][1]

    def prose_source_spans(self) -> list[tuple[int, int]]:
        """The source spans that prose was copied from verbatim, adjacent
        ones merged: everything else (code, markup, URLs in links, front
        matter keys) is not prose."""
        merged: list[tuple[int, int]] = []
        ends = self._seg_prose[1:] + [len(self.prose)]
        for prose_start, prose_end, source_start, synthetic in zip(
            self._seg_prose, ends, self._seg_source, self._seg_synthetic
        ):
            if synthetic or prose_end <= prose_start:
                continue
            source_end = source_start + (prose_end - prose_start)
            if merged and merged[-1][1] == source_start:
                merged[-1] = (merged[-1][0], source_end)
            else:
                merged.append((source_start, source_end))
        return merged


def speaker_label(text: str):
    """The match of a speaker's label opening a paragraph's text ("Q: ...",
    "SMITH: ..."), or None; a paragraph label ("Update: ...") is none."""
    if ":" not in text[:_LABEL_REACH]:
        return None  # the label's colon comes within its first few words
    m = SPEAKER_LABEL.match(text)
    if m is None or m.group("source").split()[0].lower().strip(".") in PARAGRAPH_LABELS:
        return None
    return m


def find_quotes(text: str, start: int, end: int, continued: bool = False) -> list[tuple[int, int]]:
    """Quotations between ``start`` and ``end``: curly or straight double
    quotes, and curly single quotes that are not apostrophes. A quotation
    left open runs to the end of the block, as a quote continued into the
    next paragraph does in news copy; when paragraphs have been run
    together, the next paragraph's opening mark (after a sentence end) starts
    a new quotation instead of closing the open one. Two apostrophes
    (``''``), as some wire copy writes them, count as a double quote, and a
    double quote typed twice (``""``) as one. With ``continued`` (the block
    before left a quotation open), a block whose first mark closes a
    quotation goes on with it from its start; without, such a mark after a
    sentence's punctuation ('... out of the blue," he said') closes a
    quotation whose opening mark was lost (a paragraph broken inside it, a
    typo), which runs from the start of the mark's sentence (on BBC's train
    and dev parts, 3 blocks: all 3 so)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    if text[start : start + 1] not in _OPENING_MARKS:
        first = _DOUBLE_MARK.search(text, start, end)
        if first is not None and _closes(text, start, end, first.start(), len(first.group())) and (
                continued or text[first.start() - 1] in ".,!?"):
            opened = start if continued else _sentence_start(text, start, first.start())
            open_at, closer = opened, ('"' if first.group()[0] in "\"'" else "”")
    i = start
    while i < end:
        if text[i] not in _QUOTATION_MARKS:  # only a mark opens or closes a quotation: skip to the next
            mark = _QUOTATION_MARK.search(text, i, end)
            if mark is None:
                break
            i = mark.start()
        ch, width = text[i], 1
        if ch == "'" and text[i + 1 : i + 2] == "'":
            ch, width = '"', 2
        elif ch == '"' and text[i + 1 : i + 2] == '"':
            width = 2
        if open_at is not None and closer != "’" and ch in "“\"" and _reopens(text, start, end, i, width):
            spans.append((open_at, _trim_end(text, open_at, i)))
            open_at = None
        if open_at is None:
            if ch == "“" or ch == '"':
                open_at, closer = i, ("”" if ch == "“" else '"')
            elif ch == "‘" and (i == start or not text[i - 1].isalnum()):
                open_at, closer = i, "’"
        elif ch == closer or (closer == "”" and ch == '"'):
            is_apostrophe = closer == "’" and i + 1 < end and text[i + 1].isalpha()
            if not is_apostrophe:
                spans.append((open_at, i + width))
                open_at = None
        i += width
    if open_at is not None:
        spans.append((open_at, end))
    return spans


_QUOTATION_MARKS = "\"'“”‘’"
_QUOTATION_MARK = re.compile(f"[{_QUOTATION_MARKS}]")
_OPENING_MARKS = "“\"‘'"
_CLOSING_MARKS = "”\"’'"
_DOUBLE_MARK = re.compile(r"''|\"\"?|[“”]")


def _closes(text: str, start: int, end: int, i: int, width: int) -> bool:
    """Whether the double quote at ``i`` can only close a quotation: a
    closing curly mark, or a straight one right after a word or a
    punctuation mark and before a space, a punctuation mark or the end."""
    if text[i] == "“":
        return False
    if text[i] == "”":
        return True
    after = text[i + width : i + width + 1]
    return i > start and not text[i - 1].isspace() and (not after or after.isspace() or after in ",.;:!?)")


def _reopens(text: str, start: int, end: int, i: int, width: int) -> bool:
    """Whether the double quote at ``i`` opens a quotation although one is
    open: it follows a sentence end (perhaps closing a nested single
    quotation) or a colon ('He added: "...', where the quotation before
    was left open: on BBC's train and dev parts, 8 quotations ran on
    past such a mark, all 8 wrongly) and a space, and a word follows it."""
    j = i - 1  # the last character before the mark, less spaces and single quotes
    while j >= start and text[j].isspace():
        j -= 1
    while j >= start and text[j] in "'’":
        j -= 1
    return (
        i > start
        and text[i - 1].isspace()
        and j >= start
        and text[j] in ".!?:"
        and i + width < end
        and text[i + width].isalnum()
    )


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


def _sentence_start(text: str, start: int, i: int) -> int:
    """Where the sentence holding offset ``i`` starts, within a block from ``start``."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, i)]
    return ends[-1] if ends else start


def _trim_end(text: str, open_at: int, i: int) -> int:
    while i > open_at + 1 and text[i - 1].isspace():
        i -= 1
    return i


def parse(source: str, path: str = "<text>", fmt: str | None = None) -> Document:
    """Parse ``source`` as Markdown or plain text (chosen by ``path`` unless
    ``fmt`` is given)."""
    if fmt is None:
        fmt = "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"
    if fmt == "markdown":
        return _parse_markdown(source, path)
    if fmt == "text":
        return _parse_text(source, path)
    raise ValueError(f"unknown format {fmt!r}")


def _finish(doc: Document, builder: _ProseBuilder, blocks: list[Block]) -> Document:
    doc.prose = "".join(builder.parts)
    doc.blocks = blocks
    doc._seg_prose = builder.seg_prose
    doc._seg_source = builder.seg_source
    doc._seg_synthetic = builder.seg_synthetic
    return doc


# -- plain text -----------------------------------------------------------


# A line longer than this holds a paragraph, or most of one: text hard-wrapped
# at a fixed width (72-80 columns, usually) has no line this long.
_WRAP_WIDTH = 100
# Nor is text wrapped much narrower than this, so a line with room left for
# the next line's first word was not broken by wrapping.
_NARROWEST_WRAP = 60
# A dash can start a wrapped line too, so only in a chunk that starts with a
# bullet does a line starting with one start a list item.
_BULLET = re.compile(r"[-*•] ")
_MINOR_WORDS = frozenset("a an and as at but by for from in into nor of on or per the to via vs with".split())


def _parse_text(source: str, path: str) -> Document:
    """Plain text: prose is the file itself, offset for offset, with line
    breaks inside a paragraph read as spaces. Blank lines split the text
    into chunks, and a chunk is read one of two ways:

    - Hard-wrapped, as text broken at a fixed width is: a chunk of several
      lines, none longer than 100 characters, where some line break cannot
      end a paragraph. The whole chunk is one paragraph: only a blank line
      ends it, so a heading has a chunk of its own. (A chunk that starts
      with a bullet, "- ", is a list: each line with a bullet starts an item.)
    - Otherwise one paragraph per line, as drafts often are (and a chunk of
      one line): a line that ends a sentence also ends its block, and a
      short unpunctuated line starting with a capital is a heading.

    A line break can end a paragraph only before a line that does not start
    in lower case, and only after a line that ends a sentence without
    leaving a quotation open (unless the next line reopens it, as a quote
    running on into the next paragraph does) or after a heading in title
    case or too short to have been wrapped."""
    doc = Document(path, source, "text")
    source = _LONE_CR.sub("\n", source)
    prose = list(source)
    blocks: list[Block] = []
    chunks = _chunks(source)
    for n, chunk in enumerate(chunks):
        texts = [source[start:end].strip() for start, end in chunk]
        if _hard_wrapped(texts):
            # A chunk that starts with a bullet is a list, an item to a bullet.
            is_list = _BULLET.match(texts[0])
            starts = [i for i, text in enumerate(texts) if i == 0 or (is_list and _BULLET.match(text))]
            for first, after_last in zip(starts, starts[1:] + [len(chunk)]):
                _join_lines(prose, chunk[first:after_last])
                blocks.append(Block("paragraph", chunk[first][0], chunk[after_last - 1][1]))
            continue
        following = source[chunks[n + 1][0][0] : chunks[n + 1][0][1]].strip() if n + 1 < len(chunks) else None
        block: list[tuple[int, int]] = []  # the lines of the paragraph being read
        for index, (start, end) in enumerate(chunk):
            next_line = texts[index + 1] if index + 1 < len(chunk) else following
            if not block and _looks_like_heading(texts[index], next_line):
                blocks.append(Block("heading", start, end))
                continue
            block.append((start, end))
            if _PARAGRAPH_END.search(texts[index]):
                _join_lines(prose, block)
                blocks.append(Block("paragraph", block[0][0], end))
                block = []
        if block:
            _join_lines(prose, block)
            blocks.append(Block("paragraph", block[0][0], block[-1][1]))
    builder = _ProseBuilder()
    shifts = _decode_entities(doc, builder, "".join(prose).replace("\r", " "))
    if shifts:
        blocks = [Block(b.kind, _shifted(b.start, shifts), _shifted(b.end, shifts), b.name) for b in blocks]
    return _finish(doc, builder, blocks)


def _decode_entities(doc: Document, builder: _ProseBuilder, text: str) -> list[tuple[int, int]]:
    """Copy ``text`` into the prose with its HTML character references
    decoded, as web copy pasted in carries them ("Jos&#233; Manuel Barroso"):
    a name spelled with one is no name to the parser. Each decoded character
    maps to its reference in the source. Returns, for each reference, the
    source offset after it and the characters the prose has lost by then."""
    shifts: list[tuple[int, int]] = []
    cursor = lost = 0
    for m in _ENTITY.finditer(text):
        decoded = _unescape(m.group())
        if len(decoded) > 2:
            continue  # no reference HTML knows (at most two characters; "&notanentity;" would be read as "&not")
        builder.text(text[cursor : m.start()], cursor)
        builder.text(decoded, m.start())
        doc._entity_ends[builder.length - 1] = m.end()
        cursor = m.end()
        lost += len(m.group()) - len(decoded)
        shifts.append((m.end(), lost))
    builder.text(text[cursor:], cursor)
    return shifts


def _shifted(offset: int, shifts: list[tuple[int, int]]) -> int:
    """The prose offset of source ``offset`` (not inside a reference)."""
    i = bisect.bisect_right(shifts, offset, key=lambda shift: shift[0]) - 1
    return offset - shifts[i][1] if i >= 0 else offset


def _chunks(source: str) -> list[list[tuple[int, int]]]:
    """Runs of lines that are not blank; each line as the span of its text
    from its first non-space character to its line break."""
    chunks: list[list[tuple[int, int]]] = []
    chunk: list[tuple[int, int]] = []
    line_start = 0
    for line in source.split("\n"):
        text = line.rstrip("\r")
        if text.strip():
            chunk.append((line_start + len(text) - len(text.lstrip()), line_start + len(text)))
        elif chunk:
            chunks.append(chunk)
            chunk = []
        line_start += len(line) + 1
    if chunk:
        chunks.append(chunk)
    return chunks


def _join_lines(prose: list[str], lines: list[tuple[int, int]]) -> None:
    """Read the line breaks (and indents) between lines of a paragraph as spaces."""
    for (_, end), (start, _) in zip(lines, lines[1:]):
        for j in range(end, start):
            prose[j] = " "


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether a chunk's lines (stripped) are a paragraph broken at a fixed width."""
    if len(lines) < 2 or any(len(line) > _WRAP_WIDTH for line in lines):
        return False
    return not all(_can_end_paragraph(line, next_line) for line, next_line in zip(lines, lines[1:]))


def _can_end_paragraph(line: str, next_line: str) -> bool:
    """Whether a paragraph (or a heading) could end at the break after ``line``."""
    if next_line[0].islower():  # no paragraph starts in lower case
        return False
    if _PARAGRAPH_END.search(line):
        quote_left_open = line.count('"') % 2 == 1 or line.count("“") > line.count("”")
        return not quote_left_open or next_line[0] in "“\"‘'"
    if not _looks_like_heading(line, next_line):
        return False
    title_case = all(not w[0].isalpha() or w[0].isupper() or w.lower() in _MINOR_WORDS for w in line.split())
    return title_case or len(line) + 1 + len(next_line.split()[0]) <= _NARROWEST_WRAP


def _looks_like_heading(line: str, next_line: str | None) -> bool:
    if len(line) > 90 or _HEADING_END.search(line) or len(line.split()) > 12:
        return False
    if not line[0].isupper() and not line[0].isdigit():
        return False
    return next_line is None or next_line[0].isupper() or next_line[0].isdigit() or next_line[0] in "“\"'‘"


# -- Markdown ---------------------------------------------------------------


def _markdown_parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    # commonmark's nesting limit of 20 drops everything nested deeper (a
    # quotation in a list in quotations...). The limit guards the parser's
    # recursion, about three frames a level for links nested in links, so
    # 200 levels stay well inside Python's default limit of 1,000 frames.
    options = {"maxNesting": 200}
    return MarkdownIt("commonmark", options).enable("table").use(front_matter_plugin)


_MD = None


def _parse_markdown(source: str, path: str) -> Document:
    global _MD
    if _MD is None:
        _MD = _markdown_parser()
    doc = Document(path, source, "markdown")
    source = _LONE_CR.sub("\n", source)
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def line_offset(line: int) -> int:
        return line_starts[line] if line < len(line_starts) else len(source)

    builder = _ProseBuilder()
    blocks: list[Block] = []
    stack: list[str] = []
    heading_level = ""
    cursor = 0  # where the last inline text ended; table cells share a line
    for token in _MD.parse(source):
        if token.nesting == 1:
            stack.append(token.type)
            if token.type == "heading_open":
                heading_level = token.tag
            continue
        if token.nesting == -1:
            if stack:
                stack.pop()
            continue
        region = (line_offset(token.map[0]), line_offset(token.map[1])) if token.map else (0, len(source))
        if token.type == "front_matter":
            _front_matter(doc, builder, blocks, token, source, region, line_offset)
        elif token.type in ("fence", "code_block"):
            doc.code_blocks += 1
        elif token.type == "html_block":
            _directives(doc, token.content, source, region[0], region[1])
        elif token.type == "inline":
            name = ""
            if "heading_open" in stack:
                kind, name = "heading", heading_level
            elif "table_open" in stack:
                kind = "table"
            elif "blockquote_open" in stack:
                kind = "blockquote"
            elif "bullet_list_open" in stack or "ordered_list_open" in stack:
                kind = "list"
            else:
                kind = "paragraph"
            start = cursor if region[0] <= cursor <= region[1] else region[0]
            cursor = _inline(doc, builder, blocks, token, kind, name, source, (start, region[1]))
    return _finish(doc, builder, blocks)


def _separate(builder: _ProseBuilder, anchor: int) -> None:
    if builder.length:
        builder.synthetic("\n\n", anchor)


def _inline(doc, builder, blocks, token, kind, name, source, region) -> int:
    """Add an inline token's text to the prose; return the source offset
    where it ends. The cursor only moves forward: each piece of text and
    markup is looked for after the one before it."""
    cursor, region_end = region
    _separate(builder, cursor)
    start = builder.length
    in_autolink = False
    for child in token.children or []:
        if child.type == "text":
            if not in_autolink:
                cursor = _align(builder, child.content, source, cursor, region_end)
        elif child.type in ("softbreak", "hardbreak"):
            newline = source.find("\n", cursor, region_end)
            anchor = newline if newline >= 0 else cursor
            builder.synthetic(" ", anchor)
            cursor = anchor + 1 if newline >= 0 else cursor
        elif child.type == "code_inline":
            # Skip by its backticks: the content has its line breaks and
            # edge spaces normalized, so it may not stand in the source as is.
            opening = source.find(child.markup, cursor, region_end)
            closing = re.compile(f"(?<!`){child.markup}(?!`)").search(source, opening + len(child.markup), region_end)
            if opening >= 0 and closing:
                cursor = closing.end()
        elif child.type == "html_inline":
            found = source.find(child.content, cursor, region_end)
            if found >= 0:
                _directives(doc, child.content, source, found, found + len(child.content))
                cursor = found + len(child.content)
        elif child.type == "link_open":
            in_autolink = child.markup == "autolink"
        elif child.type == "link_close":
            if in_autolink:  # <https://...>: the address is not prose
                opening = source.find("<", cursor, region_end)
                closing = source.find(">", opening, region_end) if opening >= 0 else -1
                cursor = closing + 1 if closing >= 0 else cursor
            else:  # the link text is aligned; skip its "](url "title")" or "][ref]"
                closing = source.find("]", cursor, region_end)
                if closing >= 0:
                    cursor = _LINK_TAIL.match(source, closing, region_end).end()
            in_autolink = False
        elif child.type == "image":
            # The alt text is not the draft's prose; skip the whole image.
            cursor = _skip_image(source, cursor, region_end)
    if builder.length > start:
        blocks.append(Block(kind, start, builder.length, name))
    return cursor


def _skip_image(source: str, cursor: int, limit: int) -> int:
    """The offset just after the image that starts at or after ``cursor``:
    ``![alt](src "title")``, ``![alt][ref]``, ``![alt][]`` or ``![alt]``.
    The alt text may hold brackets and code spans, so its end is found the
    way markdown-it finds it."""
    from markdown_it.rules_inline import StateInline

    start = source.find("![", cursor, limit)
    if start < 0:
        return cursor
    state = StateInline(source, _MD, {}, [])
    state.posMax = limit
    label_end = _MD.helpers.parseLinkLabel(state, start + 1)
    if label_end < 0:
        return cursor
    return _LINK_TAIL.match(source, label_end, limit).end()


def _align(builder: _ProseBuilder, content: str, source: str, cursor: int, limit: int) -> int:
    """Copy ``content`` into the prose, mapped to where it is written in the
    source at or after ``cursor``; return the offset after it. Only markup
    may stand between the cursor and the text, so a copy of the text found
    further on is not it when letters stand in between: then (and when
    Markdown has unescaped ``\\*`` or decoded ``&amp;``) the text is spelled
    out character by character from the cursor on."""
    found = source.find(content, cursor, limit)
    if found >= 0 and _MARKUP_ONLY.fullmatch(source, cursor, found):
        builder.text(content, found)
        return found + len(content)
    for start in range(cursor, limit):
        places = _spelled_at(content, source, start, limit)
        if places is not None:
            break
    else:
        return cursor  # not written in its region: map nothing rather than guess
    run = 0  # where the run of characters written one after another starts
    for k in range(1, len(content) + 1):
        if k == len(content) or places[k][0] != places[k - 1][0] + 1:
            builder.text(content[run:k], places[run][0])
            run = k
    return places[-1][1]


def _spelled_at(content: str, source: str, start: int, limit: int) -> list[tuple[int, int]] | None:
    """The source span of each character of ``content`` if it is written from
    ``start`` on: each character as itself, escaped (``\\*``) or as an entity
    (``&amp;``). None if it is not written there."""
    places = []
    i = start
    for ch in content:
        if i >= limit:
            return None
        entity = _ENTITY.match(source, i) if source[i] == "&" else None
        if entity and _unescape(entity.group()) == ch:
            places.append((i, entity.end()))
        elif source[i] == ch or (ch == "\ufffd" and source[i] == "\0"):  # markdown-it replaces NUL
            places.append((i, i + 1))
        elif source[i] == "\\" and source[i + 1 : i + 2] == ch:
            places.append((i + 1, i + 2))
        else:
            return None
        i = places[-1][1]
    return places


def _unescape(entity: str) -> str:
    import html  # only Markdown with entities needs it (html.entities: ~1 ms to import)

    return html.unescape(entity)


def _front_matter(doc, builder, blocks, token, source, region, line_offset) -> None:
    first_content_line = token.map[0] + 1
    try:
        data = load_yaml(token.content, doc.path, InputError) if token.content.strip() else {}
    except InputError as error:  # its line counts from the front matter's first line
        raise InputError(f"front matter: {error.message}", doc.path, (error.line or 1) + token.map[0] + 1) from None
    if not isinstance(data, dict):
        raise InputError("front matter is not a mapping", doc.path, token.map[0] + 1)
    doc.front_matter = dict(data)
    if not isinstance(data, SourceMap):
        return
    for key, value in data.items():
        if isinstance(value, (dict, list)) or value is None:
            continue
        # The field as written on its line (a date or number too), without quotes.
        line = first_content_line + data.line_of(key) - 1
        line_start, line_end = line_offset(line), line_offset(line + 1)
        colon = source.find(":", line_start, line_end)
        written = re.match(r"""\s*(["']?)(.*?)\1\s*(?:#.*)?$""", source[colon + 1 : line_end].rstrip("\r\n"))
        if colon < 0 or not written or not written.group(2):
            continue  # a block scalar or a value on later lines: no single place to point at
        found = colon + 1 + written.start(2)
        _separate(builder, found)
        start = builder.length
        builder.text(written.group(2), found)
        blocks.append(Block("frontmatter", start, builder.length, str(key)))


def _directives(doc: Document, text: str, source: str, start: int, end: int) -> None:
    offset = source.find(text, start, end) if text else -1
    base = offset if offset >= 0 else start
    for m in _DIRECTIVE.finditer(text):
        rules = tuple(r for r in re.split(r"[\s,]+", m.group("rules").strip()) if r)
        s = base + m.start()
        line = bisect.bisect_right(doc._line_starts, s)
        doc.directives.append(
            Directive(m.group("action"), rules, (m.group("reason") or "").strip(), line, s, base + m.end())
        )
    for m in _VALE_DIRECTIVE.finditer(text):
        off = m.group("switch") == "off" or m.group("state") == "NO"
        rules = (m.group("rule"),) if m.group("rule") else ()
        s = base + m.start()
        line = bisect.bisect_right(doc._line_starts, s)
        doc.directives.append(Directive("disable" if off else "enable", rules, "", line, s, base + m.end(), vale=True))
    doc.directives.sort(key=lambda d: d.start)
