"""``claim``: a sentence that asserts something disputable (a statistic, a
superlative, a prediction, an evaluation, a cause, an interpretation, a
feeling ascribed to a group) with no source in it or its context.

The attribution model decides what is attributed; this kind decides what
is a claim. Plain reporting of what happened is not: a past event with
numbers ("voted 5-2 on Monday") carries no signal.
"""

from __future__ import annotations

from lint import lexicon as lx
from lint.attribution import THING, model
from lint.patterns import compile_pattern, search
from lint.rule import Check, Field, Hit

SIGNALS = ("statistic", "superlative", "prediction", "evaluation", "feeling", "interpretation", "cause", "no-mind")
# How the message names each signal.
DESCRIPTIONS = {
    "statistic": "A statistic",
    "superlative": "A superlative",
    "prediction": "A prediction",
    "evaluation": "An evaluation",
    "feeling": "A claim about how people feel",
    "interpretation": "An interpretation",
    "cause": "A claim of cause",
    "no-mind": "A view held by something that cannot hold one",
}
_STATE_VERBS = frozenset("be remain stand total exceed average hover sit represent account become".split())
_FUTURE = frozenset("will 'll shall wo".split())
_POSSIBLE = frozenset("can could may might".split())
_PREDICATES = ("attr", "acomp", "dobj", "oprd", "xcomp", "prep", "pobj", "npadvmod")


class Claim(Check):
    FIELDS = {
        "claims": Field("strlist", list(SIGNALS)),
        "evaluations": Field("strlist", []),
        "feelings": Field("strlist", []),
        "interpretations": Field("strlist", []),
        "causes": Field("strlist", []),
    }
    NEEDS_NLP = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        unknown = [c for c in options["claims"] if c not in SIGNALS]
        if unknown:
            raise self.error(f"rule {rule.id}: unknown claim '{unknown[0]}' (known: {', '.join(SIGNALS)})", "claims")
        self.signals = tuple(options["claims"])
        self.evaluations = frozenset(w.lower() for w in options["evaluations"])
        self.feelings = frozenset(w.lower() for w in options["feelings"])
        self.interpretations = self._pattern("interpretations")
        self.causes = self._pattern("causes")

    def _pattern(self, key):
        terms = self.options[key]
        if not terms:
            return None
        return compile_pattern("(?:" + "|".join(terms) + ")", False, (self.rule.path, self.rule.line_of(key)))

    def run(self, doc):
        scopes = list(self.spans(doc))
        for sentence in model(doc).sentences:
            if not any(s <= sentence.start and sentence.end <= e for s, e in scopes):
                continue
            real = [a for a in sentence.attributions if a.source_kind != THING]
            if real or sentence.context:
                continue
            text = doc.prose[sentence.start : sentence.end].rstrip()
            if text.endswith("?") or len(text.split()) < 4:
                continue
            found = self._signal(doc, sentence, bool(sentence.attributions))
            if found:
                signal, trigger = found
                yield Hit(sentence.start, sentence.start + len(text), (DESCRIPTIONS[signal], trigger))

    def _signal(self, doc, sentence, held_by_thing):
        span = sentence.span
        root = span.root
        tokens = [t for t in span if not doc.in_quote(sentence.start + t.idx - span.start_char)]
        text = span.text
        for signal in self.signals:
            trigger = None
            if signal == "no-mind" and held_by_thing:
                a = sentence.attributions[0]
                trigger = doc.prose[a.source[0] : a.cue[1]] if a.source else None
            elif signal == "interpretation" and self.interpretations is not None:
                m = search(self.interpretations, text)
                trigger = m.group() if m else None
            elif signal == "cause" and self.causes is not None:
                m = search(self.causes, text)
                trigger = m.group() if m else None
            elif signal == "statistic":
                trigger = _statistic(root, tokens)
            elif signal == "superlative":
                trigger = _superlative(root, tokens)
            elif signal == "prediction":
                trigger = _prediction(root, tokens)
            elif signal == "evaluation":
                trigger = next((t.text for t in tokens if t.lemma_.lower() in self.evaluations), None)
            elif signal == "feeling":
                trigger = _feeling(root, self.feelings)
            if trigger:
                return signal, trigger
        return None


def _present_state(root) -> bool:
    if root.lemma_ not in _STATE_VERBS:
        return False
    auxes = [c for c in root.children if c.dep_ == "aux"]
    if root.tag_ in ("VBZ", "VBP"):
        return not auxes
    return any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "have" for a in auxes)


def _statistic(root, tokens):
    if not _present_state(root):
        return None
    for i, token in enumerate(tokens):
        if token.text == "%" or token.lower_ in ("percent", "per", "percentage"):
            return _number_before(tokens, i) or token.text
        if token.like_num and token.tag_ == "CD" and not _is_year(token):
            following = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
            if following in ("%", "percent", "million", "billion", "trillion") or token.text[:1] in "$£€":
                return token.text + ("" if following == "%" else " ") + following
    return None


def _number_before(tokens, i):
    return next((tokens[j].text + tokens[i].text for j in (i - 1,) if j >= 0 and tokens[j].like_num), None)


def _is_year(token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20")


def _superlative(root, tokens):
    if root.lemma_ not in ("be", "become", "remain", "rank"):
        return None
    if root.tag_ not in ("VBZ", "VBP") and not any(c.lemma_ == "have" for c in root.children if c.dep_ == "aux"):
        return None
    predicate = {t.i for c in root.children if c.dep_ in _PREDICATES for t in c.subtree}
    for token in tokens:
        if token.tag_ in ("JJS", "RBS") and token.i in predicate and token.lower_ not in ("least", "most") :
            return token.text
        if token.tag_ == "RBS" and token.lower_ == "most" and token.i in predicate and token.head.tag_ == "JJ":
            return f"most {token.head.text}"
    return None


def _prediction(root, tokens):
    verb = root
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    future = next((a for a in auxes if a.lower_ in _FUTURE), None)
    possible = next((a for a in auxes if a.lower_ in _POSSIBLE), None)
    if future is None and not (possible is not None and verb.lemma_ in lx.QUANTITY_CHANGE_VERBS):
        return None
    if any(_scheduled(t) for t in tokens):
        return None  # a schedule ("will meet on Friday"), not a forecast
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lower_ in ("i", "we") for s in subjects):
        return None
    aux = future or possible
    return f"{aux.text} {verb.text}"


def _scheduled(token) -> bool:
    """A date the sentence is set for: "on Friday", "in May", "next week",
    "tomorrow"; not a span ("through the spring")."""
    if token.lower_ not in lx.TIME_WORDS or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "npadvmod" or token.lower_ in ("tomorrow", "tonight", "today"):
        return True
    if any(c.lower_ in ("next", "this") for c in token.children):
        return True
    return token.head.dep_ == "prep" and token.head.lower_ in ("on", "at", "in")


def _feeling(root, feelings):
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    plural_people = [s for s in subjects if s.tag_ == "NNS" and s.lemma_.lower() not in lx.INANIMATE_NOUNS]
    if not plural_people:
        return None
    if root.lemma_.lower() in feelings:
        return f"{plural_people[0].text} … {root.text}"
    for child in root.children:
        if child.dep_ in ("acomp", "attr") and child.lemma_.lower() in feelings:
            return f"{plural_people[0].text} … {child.text}"
    return None
