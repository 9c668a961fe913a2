"""``repetition``: flag a token matched twice in a row ("the the").

Vale semantics: the tokens form one alternation without word boundaries;
two consecutive matches repeat when their trimmed text is equal (ignoring
case with ``ignorecase``; letters only with ``alpha``), and a pair that
straddles two sentences is not flagged ("I forgot that. That matters.").
``max`` is how many repeats in a row are allowed. Unlike Vale, whose
counter carries over from one run of repeats to the next, the count here
restarts whenever the run breaks.

Our addition: ``grammatical: true`` reads the parse and leaves the repeats
that English makes on purpose: a particle or a preposition with no object
of its own, then the same preposition opening a time ("the Soviets came
in in 1979", "the moment I've been waiting for for years"); a demonstrative
standing as a pronoun, then the same word as a determiner ("add to this
this new law"). A slip doubles a preposition before a place or a thing
("lived in in London") at least as often as before a time, so only a time
excuses it.
"""

from __future__ import annotations

import bisect

from lint import lexicon as lx
from lint.checks.shared import Exceptions
from lint.patterns import compile_pattern, finditer
from lint.rule import Check, Field, Hit


class Repetition(Check):
    FIELDS = {
        "tokens": Field("strlist", required=True),
        "max": Field("int", 0),
        "ignorecase": Field("bool", False),
        "alpha": Field("bool", False),
        "exceptions": Field("strlist", []),
        "vocab": Field("bool", True),
        "grammatical": Field("bool", False),
    }
    SUPPORTS_VOCAB = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        if not options["tokens"]:
            raise self.error(f"rule {rule.id}: 'tokens' is empty", "tokens")
        where = (rule.path, rule.line_of("tokens"))
        self.pattern = compile_pattern("(" + "|".join(options["tokens"]) + ")", options["ignorecase"], where)
        self.exceptions = Exceptions(self, options["exceptions"])
        self.NEEDS_NLP = options["grammatical"]

    def _same(self, current: str, previous: str | None) -> bool:
        if not current or previous is None:
            return False
        if self.options["ignorecase"]:
            same = current.casefold() == previous.casefold()
        else:
            same = current == previous
        return same and (not self.options["alpha"] or current.isalpha())

    def run(self, doc):
        sentence_starts: list[int] = []

        def one_sentence(start: int, end: int) -> bool:
            # sentences are split only once a repeat is found: most drafts have none
            if not sentence_starts:
                sentence_starts.extend(s for s, _ in doc.sentences)
            i = bisect.bisect_right(sentence_starts, start) - 1
            return i >= 0 and end <= doc.sentences[i][1]

        for scope in self.spans(doc):
            previous: str | None = None
            previous_start = 0
            repeats = 0
            for m in finditer(self.pattern, doc.prose, *scope):
                current = m.group().strip()
                if self._same(current, previous):
                    repeats += 1
                    start, end = previous_start, m.end()
                    if (
                        repeats > self.options["max"]
                        and one_sentence(start, end)
                        and not self.exceptions.excuse(doc.prose, start, end, scope)
                        and not (self.options["grammatical"] and _grammatical_double(doc, start, m.start()))
                    ):
                        yield Hit(start, end, (current,), self.action_fix(doc.prose[start:end]))
                        repeats = 0
                else:
                    repeats = 0
                previous, previous_start = current, m.start()


# Where a demonstrative stands as a pronoun: an object or a subject.
_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass"})


def _grammatical_double(doc, first: int, second: int) -> bool:
    """Whether the parse reads the words at prose offsets ``first`` and
    ``second`` as a double English makes on purpose (see the docstring)."""
    for parsed in doc.parses or ():
        if not parsed.start <= first < parsed.start + len(parsed.doc.text):
            continue
        tokens = {parsed.start + t.idx: t for t in parsed.doc}
        one, two = tokens.get(first), tokens.get(second)
        if one is None or two is None or one.i + 1 != two.i or any(True for _ in one.children):
            return False
        if one.dep_ in ("prt", "prep") and two.dep_ == "prep":
            return any(_is_time(child) for child in two.children if child.dep_ == "pobj")
        return one.lower_ in lx.DEMONSTRATIVES and one.dep_ in _NOMINAL_DEPS and two.dep_ == "det"
    return False


def _is_time(token) -> bool:
    return token.tag_ == "CD" or token.lemma_.lower() in lx.TIME_WORDS or token.lower_ in lx.TIME_WORDS
