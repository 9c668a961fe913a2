"""The attribute ruler matched through an index, and the lemmatizer
remembering its answers, give spaCy's annotations."""

from __future__ import annotations

import pytest

from lint import nlp
from lint.attribute_rules import indexed
from lint.document import parse
from lint.lemmas import remembering

# Text that fires the pinned ruler's exceptions as well as its tag map:
# "ai n't", "gon na", "got ta", "let 's", "y' all", expletive "there is",
# subject and object pronouns, "but" as an adverb, auxiliaries, "do" as a
# main verb, a determiner standing as a pronoun, and runs of spaces.
TEXTS = [
    "I ain't gonna lie: we gotta go, so let's see if y'all can come.",
    "There is a plan, and there were two. She said it to me and I told it to you.",
    "All but one of them did it; that was what they had. Do you have it?  It  works.",
    "The minister, who has been criticised, said the report was \"wrong\" and that he would appeal.",
    "C'mon, those are the ones that matter —   and  these, too.",
]
ATTRIBUTES = ("TAG", "POS", "MORPH", "DEP", "HEAD", "LEMMA")


@pytest.fixture(scope="module")
def pipeline():
    return nlp.load()


def test_the_index_finds_the_rulers_matches(pipeline):
    ruler = pipeline.get_pipe("attribute_ruler")
    fast = indexed(ruler)
    assert fast is not None
    docs = list(pipeline.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer"]))
    for doc in docs:
        expected = ruler.match(doc)
        assert expected  # every token matches some tag rule
        assert fast.match(doc) == expected
    # the two-token exceptions are among them
    pairs = [m for doc in docs for m in fast.match(doc) if m[3] - m[2] == 2]
    assert len(pairs) >= 4


def test_parsed_blocks_carry_the_pipelines_own_annotations(pipeline):
    from spacy.attrs import IDS

    skipped, finish = nlp._finishing_steps(nlp.DEFAULT_PIPELINE)
    assert "attribute_ruler" in skipped and finish  # the index is in use
    doc = parse("\n\n".join(TEXTS))
    next(iter(nlp.parse_documents([doc])))
    attrs = [IDS[a] for a in ATTRIBUTES]
    for parsed, text in zip(doc.parses, TEXTS):
        assert parsed.doc.to_array(attrs).tolist() == pipeline(text).to_array(attrs).tolist()


@pytest.mark.parametrize("pattern", [
    [{"ORTH": "x"}],  # an attribute the index does not read
    [{"LOWER": "x", "OP": "?"}],  # a quantifier
    [{"TAG": {"REGEX": "^N", "IN": ["NN"]}}],  # two operators on one attribute
    [{"LOWER": "a"}, {"LOWER": "b"}, {"LOWER": "c"}],  # three tokens
])
def test_a_ruler_the_index_cannot_read_is_left_to_spacy(pipeline, pattern):
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    assert indexed(ruler) is not None
    ruler.add([pattern], {"POS": "X"})
    assert indexed(ruler) is None


def test_the_remembering_lemmatizer_gives_spacys_lemmas_and_keeps_the_rulers(pipeline):
    from spacy.attrs import LEMMA

    lemmatizer = pipeline.get_pipe("lemmatizer")
    fast = remembering(lemmatizer)
    assert fast is not None
    ruler = indexed(pipeline.get_pipe("attribute_ruler"))
    for text in TEXTS * 2:  # the second time from its table
        doc = ruler(pipeline(text, disable=["attribute_ruler", "lemmatizer"]))
        expected = lemmatizer(doc.copy()).to_array([LEMMA]).tolist()
        assert fast(doc).to_array([LEMMA]).tolist() == expected
    assert [t.lemma_ for t in fast(ruler(pipeline("He gets it: they got it.", disable=["attribute_ruler", "lemmatizer"])))][:4] == [
        "he", "get", "it", ":"]


def test_only_spacys_rule_lemmatizer_is_remembered():
    import spacy

    blank = spacy.blank("en")
    assert remembering(blank.add_pipe("lemmatizer", config={"mode": "lookup"})) is None
