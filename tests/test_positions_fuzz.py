"""The position contract, fuzzed: for every alert of every built-in rule,
on generated Markdown and plain text (quotes of every script, CRLF and lone
CR, zero-width and combining characters, right-to-left text, emoji
sequences, front matter, comments, tables, code), ``match`` is the source
text at ``start:end`` and line/column point at the same characters.

Documents go through the CLI a hundred at a time (one folder, one run),
so that 2,000 documents cost twenty runs, not two thousand.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run, write

DOCUMENTS_PER_RUN = 100
RUNS = 20  # 2,000 documents

WORDS = (
    "Experts agree", "some say", "the minister", "said", "says", "claimed", "clearly", "shameful", "very",
    "The Energy Secretary warned", "Wang Yiwei", "Wang", "Mr. Smith", "Xi Jinping", "at the end of the day",
    "U.S.", "US", "don't", "50%", "will", "the best", "could of", "between 10% to 15%", "believes",
    "record", "unprecedented", "according to", "reports suggest", "Director of the Institute",
    "naïve", "café", "e\u0301te\u0301", "Zoë", "straße", "İstanbul", "東京", "北京市", "Москва",
    "قال الوزير", "שלום", "\u202eevil\u202c", "\u200b", "\u200d", "\u00ad", "\ufeff", "👩\u200d👩\u200d👧",
    "🇬🇧", "👍🏽", "—", "–", "-", "…", "&amp;", "&#233;", "\\*", "1.", "#",
)
QUOTES = (
    ("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("»", "«"), ("„", "“"), ("‚", "‘"),
    ("「", "」"), ("『", "』"), ("‹", "›"), ("''", "''"), ("“", ""), ("", "”"),
)
INLINE = ("*{}*", "**{}**", "_{}_", "[{}](https://example.org/x)", "`{}`", "<!-- {} -->", "{} <https://a.b/c>",
          "<b>{}</b>", "![{}](i.png)", "~~{}~~", "{}\\")


@st.composite
def sentence(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
    text = " ".join(words)
    if draw(st.booleans()):
        opening, closing = draw(st.sampled_from(QUOTES))
        text = f"{opening}{text}{closing}"
    if draw(st.integers(0, 3)) == 0:
        text = draw(st.sampled_from(INLINE)).format(text)
    return text + draw(st.sampled_from((".", "!", "?", ",", "", ":", " said Ruiz.")))


@st.composite
def block(draw) -> str:
    kind = draw(st.integers(0, 9))
    body = " ".join(draw(st.lists(sentence(), min_size=1, max_size=3)))
    wrapped = draw(st.booleans())
    if wrapped:
        body = re.sub(r"(.{20,40}?) ", "\\1\n", body)  # hard-wrapped lines
    if kind == 0:
        return "#" * draw(st.integers(1, 3)) + " " + body.replace("\n", " ")
    if kind == 1:
        return "\n".join(f"- {line}" for line in body.split("\n"))
    if kind == 2:
        return "\n".join(f"> {line}" for line in body.split("\n"))
    if kind == 3:
        return f"| {body.replace(chr(10), ' ')} | b |\n|---|---|\n| c | {draw(sentence())} |"
    if kind == 4:
        return f"```\n{body}\n```"
    if kind == 5:
        return f"<!-- copydesk-disable-next-line newsroom.vague-source -->\n{body}"
    return body


@st.composite
def document(draw) -> tuple[str, str, bytes]:
    """(file name, text as copydesk should read it, bytes as written)."""
    # small drafts, many of them: CI time goes on parsing, the cases on variety
    blocks = draw(st.lists(block(), min_size=1, max_size=3))
    text = "\n\n".join(blocks) + draw(st.sampled_from(("\n", "", "\n\n")))
    if draw(st.integers(0, 3)) == 0:
        text = f"---\ntitle: {draw(sentence())!r}\nbyline: Jane Doe\n---\n" + text
    newline = draw(st.sampled_from(("\n", "\r\n", "\r", "mixed")))
    if newline == "mixed":
        text = re.sub("\n", lambda m: draw(st.sampled_from(("\n", "\r\n", "\r"))), text)
    else:
        text = text.replace("\n", newline)
    written = draw(st.sampled_from(("", "\ufeff"))) + text
    suffix = draw(st.sampled_from((".md", ".txt")))
    # copydesk reads a leading U+FEFF as the byte-order mark, not as text
    return suffix, written.removeprefix("\ufeff"), written.encode("utf-8")


_LINE_END = re.compile(r"\r\n|\r|\n")


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column, a line ending at CRLF, CR or LF."""
    line, line_start = 1, 0
    for m in _LINE_END.finditer(text):
        if m.end() > offset:
            break
        line, line_start = line + 1, m.end()
    return line, offset - line_start + 1


@pytest.fixture(scope="module")
def every_pack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    write(folder / ".copydesk.yaml", "packs: [newsroom, readability, proselint]\n")
    return folder


@settings(max_examples=RUNS, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(document(), min_size=DOCUMENTS_PER_RUN, max_size=DOCUMENTS_PER_RUN))
def test_match_is_the_source_at_its_offsets_for_every_alert(every_pack, monkeypatch, documents):
    monkeypatch.chdir(every_pack)
    batch = every_pack / "batch"
    if batch.exists():
        for old in batch.iterdir():
            old.unlink()
    batch.mkdir(exist_ok=True)
    texts = {}
    for number, (suffix, text, data) in enumerate(documents):
        name = f"batch/{number:03}{suffix}"
        (every_pack / name).write_bytes(data)
        texts[name] = text
    result = run("check", "--format", "json", "--exit-zero", "batch")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["files"]) == len(documents), result.stderr
    for file in report["files"]:
        text = texts[file["path"]]
        for alert in file["alerts"]:
            start, end = alert["start"], alert["end"]
            where = f"{file['path']} {alert['rule']} {text!r}"
            assert 0 <= start < end <= len(text), where
            assert text[start:end] == alert["match"], where
            assert (alert["line"], alert["column"]) == position(text, start), where
            assert (alert["end_line"], alert["end_column"]) == position(text, end), where
