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
from dataclasses import dataclass, field
from functools import cached_property

from lint.errors import InputError
from lint.yamlsrc import SourceMap, load_yaml

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

# Scope names a rule may use; "frontmatter.<key>" is also accepted.
BLOCK_KINDS = ("paragraph", "heading", "list", "blockquote", "table")

_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\"“”]+[^\s<>()\"“”.,;:!?'’]")
_DIRECTIVE = re.compile(
    r"<!--\s*copydesk-(?P<action>disable-next-line|disable-file|disable|enable)\b"
    r"(?P<rules>(?:(?!--).)*?)(?:--(?P<reason>(?:(?!-->).)*))?-->",
    re.S,
)
_HEADING_END = re.compile(r"[.!?:;,\"”’')\]]\s*$")
_PARAGRAPH_END = re.compile(r"[.!?:\"”’')\]]\s*$")


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
        self._seg_prose: list[int] = []
        self._seg_source: list[int] = []
        self._seg_synthetic: list[bool] = []

    # -- positions -------------------------------------------------------

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.source)]

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
        e = self.source_offset(end - 1) + 1
        return s, max(e, s + 1)

    def position(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        i = bisect.bisect_right(self._line_starts, source_offset) - 1
        return i + 1, source_offset - self._line_starts[i] + 1

    def line_text(self, line: int) -> str:
        starts = self._line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.source)
        return self.source[start:end].rstrip("\r")

    # -- structure derived from the prose ----------------------------------

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans in prose offsets, never crossing a block."""
        from syntok.segmenter import analyze

        spans: list[tuple[int, int]] = []
        for block in self.blocks:
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
        """Quotation spans in prose offsets, quote marks included."""
        spans: list[tuple[int, int]] = []
        for block in self.blocks:
            spans.extend(find_quotes(self.prose, block.start, block.end))
        return spans

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [s for s, _ in self.quotes]

    def in_quote(self, start: int) -> bool:
        """Whether the prose offset lies inside a quotation."""
        i = bisect.bisect_right(self._quote_starts, start) - 1
        return i >= 0 and start < self.quotes[i][1]

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
        return any(s < end and start < e for s, e in self.ignored)


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations between ``start`` and ``end``: curly or straight double
    quotes, and curly single quotes that are not apostrophes. A quotation
    left open runs to the end of the block, as a quote continued into the
    next paragraph does in news copy; when paragraphs have been run
    together, the next paragraph's opening mark (after a sentence end) starts
    a new quotation instead of closing the open one. Two apostrophes
    (``''``), as some wire copy writes them, count as a double quote."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    i = start
    while i < end:
        ch, width = text[i], 1
        if ch == "'" and text[i + 1 : i + 2] == "'":
            ch, width = '"', 2
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


def _reopens(text: str, start: int, end: int, i: int, width: int) -> bool:
    """Whether the double quote at ``i`` opens a quotation although one is
    open: it follows a sentence end (perhaps closing a nested single
    quotation) and a space, and a word follows it."""
    before = text[start:i].rstrip().rstrip("'’")
    return (
        i > start
        and text[i - 1].isspace()
        and before[-1:] in (".", "!", "?")
        and i + width < end
        and text[i + width].isalnum()
    )


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


def _parse_text(source: str, path: str) -> Document:
    """Plain text: prose is the file itself, offset for offset, with line
    breaks inside a paragraph read as spaces. A block is a paragraph; a line
    that ends a sentence also ends its block (drafts often put one paragraph
    per line), and a short unpunctuated line is a heading."""
    doc = Document(path, source, "text")
    prose = list(source)
    blocks: list[Block] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*(?:\n|$)", source) if m.end() > m.start()]
    block_start: int | None = None
    block_end = 0
    for index, (line_start, line_end) in enumerate(lines):
        content_end = line_end
        while content_end > line_start and source[content_end - 1] in "\r\n":
            content_end -= 1
        stripped = source[line_start:content_end].strip()
        if not stripped:
            if block_start is not None:
                blocks.append(Block("paragraph", block_start, block_end))
                block_start = None
            continue
        line_text = source[line_start:content_end]
        lead = line_start + len(line_text) - len(line_text.lstrip())
        next_line = _next_nonblank(source, lines, index)
        if block_start is None and _looks_like_heading(stripped, next_line):
            blocks.append(Block("heading", lead, content_end))
            continue
        if block_start is None:
            block_start = lead
        else:
            for j in range(block_end, lead):  # the line break joining two lines
                prose[j] = " "
        block_end = content_end
        if _PARAGRAPH_END.search(stripped):
            blocks.append(Block("paragraph", block_start, block_end))
            block_start = None
    if block_start is not None:
        blocks.append(Block("paragraph", block_start, block_end))
    builder = _ProseBuilder()
    builder.text("".join(prose).replace("\r", " "), 0)
    return _finish(doc, builder, blocks)


def _next_nonblank(source: str, lines: list[tuple[int, int]], index: int) -> str | None:
    for start, end in lines[index + 1 :]:
        text = source[start:end].strip()
        if text:
            return text
    return None


def _looks_like_heading(line: str, next_line: str | None) -> bool:
    words = line.split()
    if len(words) > 12 or len(line) > 90 or _HEADING_END.search(line):
        return False
    if not line[0].isupper() and not line[0].isdigit():
        return False
    return next_line is None or next_line[0].isupper() or next_line[0].isdigit() or next_line[0] in "“\"'‘"


# -- Markdown ---------------------------------------------------------------


def _markdown_parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


_MD = None


def _parse_markdown(source: str, path: str) -> Document:
    global _MD
    if _MD is None:
        _MD = _markdown_parser()
    doc = Document(path, source, "markdown")
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def line_offset(line: int) -> int:
        return line_starts[line] if line < len(line_starts) else len(source)

    builder = _ProseBuilder()
    blocks: list[Block] = []
    stack: list[str] = []
    heading_level = ""
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
            _inline(doc, builder, blocks, token, kind, name, source, region)
    return _finish(doc, builder, blocks)


def _separate(builder: _ProseBuilder, anchor: int) -> None:
    if builder.length:
        builder.synthetic("\n\n", anchor)


def _inline(doc, builder, blocks, token, kind, name, source, region) -> None:
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
            found = source.find(child.content, cursor, region_end)
            if found >= 0:
                cursor = found + len(child.content)
        elif child.type == "html_inline":
            found = source.find(child.content, cursor, region_end)
            if found >= 0:
                _directives(doc, child.content, source, found, found + len(child.content))
                cursor = found + len(child.content)
        elif child.type == "link_open":
            in_autolink = child.markup == "autolink"
        elif child.type == "link_close":
            in_autolink = False
        elif child.type == "image":
            # The alt text is not the draft's prose; skip past the image.
            close = source.find(")", cursor, region_end)
            if close >= 0:
                cursor = close + 1
    if builder.length > start:
        blocks.append(Block(kind, start, builder.length, name))


def _align(builder: _ProseBuilder, content: str, source: str, cursor: int, limit: int) -> int:
    """Copy ``content`` into the prose, mapped to where it stands in the
    source at or after ``cursor``. Markdown unescapes ``\\*`` and decodes
    entities, so the fast exact search can fail; then each character is
    walked, skipping escapes, entities and line prefixes (``> ``)."""
    found = source.find(content, cursor, limit)
    if found >= 0 and "\n" not in source[cursor:found]:
        builder.text(content, found)
        return found + len(content)
    i = cursor
    run_source = 0
    run: list[str] = []

    def flush() -> None:
        if run:
            builder.text("".join(run), run_source)
            run.clear()

    for ch in content:
        while i < limit:
            if source[i] == ch:
                pos, width = i, 1
                break
            if source[i] == "\\" and i + 1 < limit and source[i + 1] == ch:
                pos, width = i + 1, 1
                break
            if source[i] == "&":
                entity = re.match(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", source[i:i + 40])
                if entity and _unescape(entity.group()) == ch:
                    pos, width = i, len(entity.group())
                    break
            i += 1
        else:
            break  # content not found in its region; map nothing more
        if run and pos == run_source + len(run) and width == 1:
            run.append(ch)
        else:
            flush()
            if width == 1:
                run_source = pos
                run.append(ch)
            else:  # an entity: one prose character for several source ones
                builder.text(ch, pos)
        i = pos + width
    flush()
    return i


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
