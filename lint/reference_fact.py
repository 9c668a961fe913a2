"""Reference fact in a story's own voice, which no source need stand
behind: a rank by size or wealth of a body the sentence names ("Angola is
one of the poorest countries in Africa"), and the figures a lede gives
with their source ("..., official figures show"). Read by the claim and
weasel check kinds alike, so it lives outside both."""

from __future__ import annotations

import regex

from lint import lexicon as lx
from lint.attribution import model

# Measures of size and wealth: a named body's rank by one ("Nigeria is the
# world's fourth-largest cocoa producer", "Angola is one of the poorest
# countries in Africa") is reference fact, checkable in any almanac. On BBC
# (all parts) 15 of the 47 superlative alerts were such ranks of a named
# body, all wrong by an editor's read; ranks judged rather than measured
# ("one of Hollywood's most bankable stars") still flag.
_MEASURED_RANKS = frozenset("large big small high low rich poor".split())
# Subjects that name what the sentence before spoke of.
_BACK_REFERENCES = frozenset("it latter former".split())
# What a rank of a body ranks it as (the nouns of the ranks by size this
# exemption was made for: "cocoa producer", "games maker", "private
# employer", "financial institution", "poorest countries", BBC tech/056's
# "games manufacturer").
_BODY_KINDS = lx.ORGANIZATION_NOUNS | frozenset("producer maker manufacturer employer institution country".split())
# What a story's figures come from, when its lede names it ("official
# figures show", "according to numbers released by the Finance Ministry").
# An investigation or a report in the lede sources its own finding, not the
# story's figures; an analysis of traffic is figures ("15% of all e-mail
# traffic, analysis by the firm has found": BBC tech/055 and 314).
_FIGURE_SOURCES = frozenset("figure number data statistic census analysis".split())


def reference_rank(doc, rank, root, head, previous=None) -> bool:
    """Whether a superlative is a rank by size or wealth that is reference
    fact: of a body the subject of ``root`` names ("Angola is one of the
    poorest countries in Africa") or of the figures the lede sources; not
    a verdict put as a measure ("one of the lowest points of his career",
    "one of the biggest threats"). ``head`` is what the rank qualifies,
    ``previous`` the sentence before, for "It is ..."."""
    if rank.lemma_.lower() not in _MEASURED_RANKS:
        return False
    return lede_sources_figures(doc) or _names_a_body(root, previous, head)


def _names_a_body(root, previous=None, rank=None, subjects=("nsubj",)) -> bool:
    """Whether the subject names a country, a firm or a work ("Ahold",
    "the Spider-Man series") or is a body the story means ("The firm");
    not a measure ("Test scores"). "It" or "the latter" names the body the
    sentence before is about when the rank is one of a body ("Fannie Mae
    was criticised by regulators. It is America's second largest financial
    institution."), not of a loss or a storm."""
    for subject in (c for c in root.children if c.dep_ in subjects):
        if previous is not None and subject.lower_ in _BACK_REFERENCES:
            if rank is None or rank.lemma_.lower() not in _BODY_KINDS:
                return False  # "Acme reported a loss. It is the biggest loss in the firm's history."
            before = previous.span.root
            if subject.lower_ == "it":  # "Fannie Mae was criticised ...": a passive's subject too
                return _names_a_body(before, subjects=("nsubj", "nsubjpass"))
            # "The two giants - ESPN and EA Sports - have ... The latter is": one of two names coordinated before
            return any(t.dep_ == "conj" and t.pos_ == "PROPN" and t.head.pos_ == "PROPN" for t in previous.span)
        if subject.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subject.children):
            return True
        if subject.lemma_.lower() in lx.ORGANIZATION_NOUNS and any(c.lower_ == "the" for c in subject.children):
            return True
    return False


def lede_sources_figures(doc) -> bool:
    """Whether the story's lede (its first two paragraphs, the headline
    among them) gives a figure and its figures their source ("..., official figures
    show.", "..., according to numbers released by Japan's Finance
    Ministry"): the story's statistics and ranks by size are those figures'.
    Worked out once per document."""
    known = doc.models.get("lede sources figures")
    if known is None:
        built = model(doc)
        known = doc.models["lede sources figures"] = any(
            a.speech and a.source is not None and _names_figures(doc.prose[a.source[0] : a.source[1]]) and _carries_a_figure(s)
            for block in sorted(built.paragraphs)[:2]
            for s in built.paragraphs[block]
            for a in s.attributions
        )
    return known


def _carries_a_figure(sentence) -> bool:
    return any(t.like_num and not is_year(t) for t in sentence.span)


def _names_figures(source: str) -> bool:
    return any(w.rstrip("s") in _FIGURE_SOURCES or w in _FIGURE_SOURCES for w in regex.findall(r"\p{L}+", source.lower()))


def is_year(token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20")
