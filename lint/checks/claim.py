"""``claim``: a sentence that asserts something disputable (a statistic, a
superlative, a prediction, an evaluation, a cause, an interpretation, a
feeling ascribed to a group) with no source in it or its context.

The attribution model decides what is attributed; this kind decides what
is a claim. Plain reporting of what happened is not: a past event with
numbers ("voted 5-2 on Monday") carries no signal.
"""

from __future__ import annotations

import regex

from lint import lexicon as lx
from lint.attribution import (
    DOCUMENT, NAMED, ORGANIZATION, PERSON, PRONOUN, ROLE, THING, model, mostly_quoted, personal_paragraphs,
)
from lint.checks.loaded import copy_type, personal_piece, sports_copy, types_option
from lint.patterns import compile_pattern, search
from lint.reference_fact import is_year, lede_sources_figures, reference_rank
from lint.rule import Check, Field, Hit

# The signals a rule may choose, and how the message names each.
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
SIGNALS = tuple(DESCRIPTIONS)
_STATE_VERBS = frozenset("be remain stand total exceed average hover sit represent account become".split())
_FUTURE = frozenset("will 'll shall wo".split())
_POSSIBLE = frozenset("can could may might".split())
_AMOUNTS = frozenset("percent point total number amount level figure price cost rate".split())
_PERSONAL_PRONOUNS = frozenset("i me my we us our you your".split())
# A source that is one of the group a claim spoke of: "Some former employees
# are angry. One told ..."
_ONE_OF_THEM = frozenset("one another a an two three several".split())
# What a record counts: the two BBC ranks this was made for ("with seven
# victories", "with more than 200 million songs downloaded") and their
# kin in sport and sales.
_ACHIEVEMENTS = frozenset("victory win title goal medal trophy sale song download".split())
# Words a speaker's sentence points back with at the claim before it: "this",
# "these", "those" as pronouns, "it" as the cue's object ("confirmed it"),
# "the move", "the figures"; not a determiner ("this week").
_POINTERS = frozenset("this these those".split())
_POINTED_NOUNS = frozenset("move figure".split())
_STATEMENT_END = regex.compile(r"[.!][\"”’')\]]*$")
_SOURCED = frozenset((NAMED, ROLE, ORGANIZATION, PERSON, PRONOUN, DOCUMENT))
_CLAUSES = frozenset("xcomp ccomp advcl relcl acl pcomp csubj".split())
_ASPECT_VERBS = frozenset("keep continue start begin stop".split())
# Signals still the reporter's right after someone's account (_follows_account):
# a verdict, a ranking, a feeling or a reading; and a forecast, unless a
# connective ties it to the account ("According to the commission's report
# 12 million are not saving enough. As a result, living standards could
# fall."): an alert on BBC, wrong; the shared cases' "Moving forward, the combined company will think
# outside the box." after the chief executive's words is the reporter's.
_OWN_SIGNALS = tuple(s for s in SIGNALS if s not in ("statistic", "cause", "prediction"))
# Not a contrast ("However, prices will keep climbing"): that gives the other side.
_CONNECTIVE = regex.compile(r"(?:therefore|thus|hence|consequently|so|as a result)(?![\p{L}-])", regex.IGNORECASE)
# A sentence opening on a contrast gives the other side, not the claim's source.
_CONTRASTS = frozenset("but however yet still though".split())


class Claim(Check):
    FIELDS = {
        "claims": Field("strlist", list(SIGNALS), choices=SIGNALS),
        "evaluations": Field("strlist", []),
        "feelings": Field("strlist", []),
        "interpretations": Field("strlist", []),
        "causes": Field("strlist", []),
        # per kind of copy (lint.checks.loaded.copy_type), the signals still reported;
        # for sports copy, in passages that themselves read as sport
        "types": Field("map", {}),
    }
    NEEDS_NLP = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        self.signals = tuple(options["claims"])
        self.evaluations = frozenset(w.lower() for w in options["evaluations"])
        self.feelings = frozenset(w.lower() for w in options["feelings"])
        self.interpretations = self._pattern("interpretations")
        self.causes = self._pattern("causes")
        self.types = types_option(self, rule, SIGNALS, "signals")

    def _pattern(self, key):
        terms = self.options[key]
        if not terms:
            return None
        return compile_pattern("(?:" + "|".join(terms) + ")", False, (self.rule.path, self.rule.line_of(key)))

    def run(self, doc):
        kind = copy_type(doc)
        chosen = self.types.get(kind, self.signals)
        signals = tuple(s for s in self.signals if s in chosen)
        if not signals and kind != "sports":
            return
        if personal_piece(doc):
            return  # readers' comments, a column, a diary: the claims are their writers', as in opinion copy
        in_scope = self.in_scope(doc)
        built = model(doc)
        for sentence in built.sentences:
            if not in_scope(sentence.start, sentence.end):
                continue
            real = [a for a in sentence.attributions if a.source_kind != THING]
            if real or sentence.context or mostly_quoted(sentence, doc.quotes):
                continue  # a quotation's claims are its speaker's
            text = doc.prose[sentence.start : sentence.end].rstrip()
            if not _STATEMENT_END.search(text) or len(text.split()) < 4:
                continue  # a question, or a headline run in as a paragraph
            paragraph = built.paragraphs[sentence.block]
            if _sourced_after(doc, sentence, paragraph) or personal_paragraphs(doc)[sentence.block]:
                continue
            if _between_quotations(built.quotations, sentence, paragraph):
                continue  # a feature running its subject's words: "… my recovery." Physio has been a vital part of it. "…"
            nearby = built.paragraphs.get(sentence.block - 1, []) + paragraph
            here = signals
            if kind == "sports" and not _sports_passage(doc, nearby[0].start, paragraph[-1].end):
                # the draft reads as sport on a few words ("side", "goal", "round"), this passage does not
                here = self.signals
            if _follows_account(sentence, paragraph):
                # right after someone's account, a figure or an explanation goes on with it, and
                # so does a forecast tied to it ("As a result, ...")
                own = _OWN_SIGNALS if _tied_to_the_sentence_before(sentence) else _OWN_SIGNALS + ("prediction",)
                here = tuple(s for s in here if s in own)
            following = next((s for s in paragraph if s.start >= sentence.end), None)
            if following is not None and _named_speaker_goes_on(following, sentence):
                here = tuple(s for s in here if s == "no-mind")  # a source next gives a storm no mind
            previous = next((s for s in reversed(paragraph) if s.end <= sentence.start), None)
            found = self._signal(doc, sentence, nearby, previous, _thing_holding_view(sentence), here)
            if found:
                signal, trigger = found
                yield Hit(sentence.start, sentence.start + len(text), (DESCRIPTIONS[signal], trigger))

    def _signal(self, doc, sentence, nearby, previous, thing, signals):
        span = sentence.span
        root = span.root
        if doc.in_quote(sentence.offset(root)):
            return None
        tokens = [t for t in span if not doc.in_quote(sentence.offset(t))]
        if _share(tokens) and _survey_passage(sentence, nearby):
            # "For 57%, pensions were key issues, ... tax was a crucial area for 25%": a survey's answers, its verdicts and feelings
            signals = tuple(s for s in signals if s not in ("evaluation", "feeling"))
        figures_sourced = lede_sources_figures(doc)
        if any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in root.children):
            return None  # "If she wins, she will have proved ...": a condition, not an assertion
        if any(t.lower_ in _PERSONAL_PRONOUNS for t in tokens):
            return None  # "we have faced", "you are likely to play": a speaker's or a reviewer's voice, not the news voice
        text = doc.prose[sentence.start : sentence.end]
        for signal in signals:
            trigger = None
            if signal == "no-mind" and thing is not None:
                trigger = doc.prose[thing.source[0] : thing.cue[1]]
            elif signal == "interpretation" and self.interpretations is not None:
                m = search(self.interpretations, text)
                trigger = m.group() if m else None
            elif signal == "cause" and self.causes is not None:
                m = search(self.causes, text)
                trigger = m.group() if m else None
            elif signal == "statistic":
                trigger = None if figures_sourced or _passage_sourced(sentence, nearby) else _statistic(root, tokens)
            elif signal == "superlative":
                trigger = _superlative(doc, root, tokens, previous)
            elif signal == "prediction":
                trigger = _prediction(root, tokens)
            elif signal == "evaluation":
                trigger = _evaluation(root, tokens, self.evaluations)
            elif signal == "feeling":
                trigger = _feeling(root, self.feelings)
            if trigger:
                return signal, trigger
        return None


def _sports_passage(doc, start: int, end: int) -> bool:
    """:func:`sports_copy` of a passage (a paragraph and the one before),
    worked out once per document: each sentence of the paragraph asks."""
    known = doc.models.setdefault("sports passages", {})
    if (start, end) not in known:
        known[start, end] = sports_copy(doc.prose[start:end])
    return known[start, end]


def _thing_holding_view(sentence):
    """The attribution whose source is a thing, when it is the main verb's
    ("Recent events have sensed"); not a relative clause's, whose
    antecedent the parser often gets wrong ("a case ..., which claimed")."""
    return next((a for a in sentence.attributions if a.source_kind == THING and a.cue[0] == _root_start(sentence)), None)


def _root_start(sentence) -> int:
    """Where the sentence's main verb starts in the prose."""
    return sentence.offset(sentence.span.root)


def _passage_sourced(sentence, nearby) -> bool:
    """Whether this paragraph or the one before names a source: figures are
    sourced once for a passage, not in every sentence."""
    return any(_sourced_speech(s) for s in nearby if s is not sentence)


def _sourced_speech(sentence) -> bool:
    return any(a.speech and a.source_kind in _SOURCED for a in sentence.attributions)


def _survey_passage(sentence, nearby) -> bool:
    """Whether a sentence of this paragraph or the one before reports what
    a poll, a survey or a study found ("In the survey by ICM Research, 14%
    said ...")."""
    return any(
        _sourced_speech(s) and any(t.lemma_.lower() in lx.DOCUMENT_NOUNS for t in s.span)
        for s in nearby
        if s is not sentence
    )


def _tied_to_the_sentence_before(sentence) -> bool:
    """Whether the sentence opens on a connective that goes on from the one
    before ("As a result, ...", "So ..."; not "So-called")."""
    return bool(_CONNECTIVE.match(sentence.span.text))


def _between_quotations(quotations, sentence, paragraph) -> bool:
    """Whether attributed quotations stand in the sentences right before
    and right after it, and the paragraph names one speaker at most: it
    relays that speaker's account between their words."""
    at = next(i for i, s in enumerate(paragraph) if s is sentence)
    if at == 0 or at + 1 == len(paragraph):
        return False
    before, after = paragraph[at - 1], paragraph[at + 1]
    around = [q for q in quotations if q.attributed]
    if not (any(before.start <= q.end <= sentence.start for q in around) and any(sentence.end <= q.start < after.end for q in around)):
        return False
    speakers = {a.source for s in paragraph for a in s.attributions if a.speech and a.source is not None}
    return len(speakers) <= 1


def _share(tokens):
    """The first share in the tokens ("50%", "9.1 per cent"), not a year's."""
    for i, token in enumerate(tokens[1:], 1):
        following = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
        is_share = token.text == "%" or token.lower_ == "percent" or (token.lower_ == "per" and following == "cent")
        if is_share and tokens[i - 1].like_num and not is_year(tokens[i - 1]):
            unit = token.text if token.text == "%" else " " + token.text + (" cent" if token.lower_ == "per" else "")
            return tokens[i - 1].text + unit
    return None


def _follows_account(sentence, paragraph) -> bool:
    """Whether the sentence before it in the paragraph reports what someone
    said ("Some observers said a tenth of growth may be lost. For Thailand,
    that figure is lower."): a figure or an explanation right after it goes
    on with that account, as copy often does."""
    earlier = [s for s in paragraph if s.end <= sentence.start]
    return bool(earlier) and any(a.speech and a.source_kind != THING for a in earlier[-1].attributions)


def _sourced_after(doc, sentence, paragraph) -> bool:
    """Whether one of the next two sentences of the paragraph gives the
    claim its source, as copy often does: "according to" ("... are the most
    keen. ... According to the Datamonitor report, ..."), or, right after
    it, one of the group it spoke of ("Some former employees are angry. One
    told BBC News Online ...")."""
    following = [s for s in paragraph if s.start >= sentence.end][:2]
    for s in following:
        for a in s.attributions:
            if not (a.speech and a.source_kind in _SOURCED and a.source is not None):
                continue
            first_word = doc.prose[a.source[0] : a.source[1]].split()[0].lower()
            if a.style == "according" or (s is following[0] and first_word in _ONE_OF_THEM):
                return True
    return False


def _named_speaker_goes_on(sentence, claim) -> bool:
    """Whether a named person or body speaks in the sentence, which does not
    open on a contrast, of what the claim before spoke of: the claim is
    theirs ("Human rights campaigners have been outraged ... Amnesty
    International has called Camp Delta a 'major human-rights scandal'");
    a speaker on another matter ("Crime is the worst in a decade. The
    council announced a new parking scheme.") sources nothing."""
    if sentence.span[0].lower_ in _CONTRASTS:
        return False  # "But the government says ...": the other side
    # the speaker of its main verb: not one in a clause of time ("The move follows protests after the firm said")
    speaks = any(
        a.style == "verb" and a.speaker and a.source_kind in (NAMED, ORGANIZATION, ROLE) and a.cue[0] == _root_start(sentence)
        for a in sentence.attributions
    )
    return speaks and _linked(sentence, claim)


def _linked(sentence, claim) -> bool:
    """Whether the sentence speaks of what the claim did: a word they share
    ("detainees' camp" and "the camp") or a word pointing back ("it",
    "this", "the move")."""
    if any(_points_back(t) for t in sentence.span):
        return True
    return bool(_content_lemmas(sentence) & _content_lemmas(claim))


def _points_back(token) -> bool:
    if token.pos_ == "PRON":
        return token.lower_ in _POINTERS or token.lower_ == "it" and token.dep_ == "dobj"
    return token.lemma_.lower() in _POINTED_NOUNS and token.i > 0 and token.nbor(-1).lower_ == "the"


def _content_lemmas(sentence) -> set[str]:
    """A sentence's nouns, names and adjectives, but not its dates: two
    sentences set "in the spring" speak of different things."""
    return {
        t.lemma_.lower()
        for t in sentence.span
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_stop and t.lemma_.lower() not in lx.TIME_WORDS
    }


def _present_state(root) -> bool:
    if root.lemma_ not in _STATE_VERBS:
        return False
    if any(c.dep_ == "xcomp" for c in root.children):
        return False  # "is to raise its dividend": a plan
    auxes = [c for c in root.children if c.dep_ == "aux"]
    if root.tag_ in ("VBZ", "VBP"):
        return not auxes
    return any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "have" for a in auxes)


def _statistic(root, tokens):
    """A share stated as a standing fact: "is more than 50%", "remains
    at 9.1 per cent"."""
    if not _present_state(root):
        return None
    return _share([t for t in tokens if _in_main_clause(t, root)])


def _in_main_clause(token, root) -> bool:
    # spaCy makes a new Token object on each access: compare indexes
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in _CLAUSES:
            return False
        token = token.head
    return token.i == root.i


def _superlative(doc, root, tokens, previous):
    """A superlative that is what the main clause says of its subject: "are
    the lowest", "one of the worst performers", "the staunchest backers";
    not one inside a name or a phrase ("the best actress award"), nor a
    rank by size of a named body or of the figures the lede sources."""
    if root.lemma_ not in ("be", "become", "remain", "rank") or any(c.dep_ == "neg" for c in root.children):
        return None  # "is not the fastest" claims nothing
    if root.tag_ not in ("VBZ", "VBP") and not any(c.lemma_ == "have" for c in root.children if c.dep_ == "aux"):
        return None
    heads = [c for c in root.children if c.dep_ in ("attr", "acomp", "oprd")]
    for head in list(heads):  # "one of the lowest", "among the worst"
        heads += [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("of", "among") for p in prep.children if p.dep_ == "pobj"]
    allowed = {t.i for t in tokens}
    for head in heads:
        for token in [head, *(c for c in head.children if c.dep_ in ("amod", "advmod"))]:
            if token.i in allowed and token.tag_ in ("JJS", "RBS") and token.lower_ not in lx.ORDER_SUPERLATIVES:
                if reference_rank(doc, token, root, head, previous):
                    continue
                if _counted(head):
                    continue
                return token.text
            if token.i in allowed and any(c.lower_ == "most" and c.tag_ == "RBS" for c in token.children) and not _counted(head):
                return f"most {token.text}"
    return None


def _counted(head) -> bool:
    """Whether a rank comes with the count it rests on ("the most successful
    country in the show's history with seven victories", "the world's most
    popular online music store with more than 200 million songs
    downloaded"): a record anyone can check, not a verdict; a count of
    something else ("the most corrupt mayor, with 2 children") backs
    nothing."""
    preps = [t for t in head.subtree if t.dep_ == "prep"] + [c for c in head.head.children if c.dep_ == "prep"]
    return any(
        prep.lower_ == "with" and any(t.like_num and t.head.lemma_.lower() in _ACHIEVEMENTS for t in prep.subtree)
        for prep in preps
    )


def _prediction(verb, tokens):
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    future = next((a for a in auxes if a.lower_ in _FUTURE), None)
    possible = next((a for a in auxes if a.lower_ in _POSSIBLE), None)
    # "will keep climbing", "could start to rise": the change is the complement
    changing = next((c for c in verb.children if c.dep_ == "xcomp"), verb) if verb.lemma_ in _ASPECT_VERBS else verb
    # "could double (up) as travel cards" is a use, "could not be reached" an act: PolNeAR train's 2
    # alerts on a passive or a particle were these; "could be doubled", "could drop off" still forecast
    quantity = changing.lemma_ in lx.QUANTITY_CHANGE_VERBS and not _another_sense(changing) and not any(
        c.dep_ in ("dobj", "attr", "acomp", "oprd") and not c.like_num and c.pos_ == "NOUN" and c.lemma_ not in _AMOUNTS
        for c in changing.children
    )  # "may fall victim" is no forecast
    if future is None and possible is None:
        return None
    if future is None and not quantity:
        return None
    if future is not None and not (quantity or verb.lemma_ in lx.FORECAST_VERBS):
        return None  # a plan or a rule ("will be built in Japan", "will apply to all flights")
    if quantity and any(t.like_num for t in changing.subtree if t.i != changing.i):
        return None  # a figure to the decimal ("will rise by 9.4%") is a budget or a plan, reported
    if any(_scheduled(t) for t in tokens):
        return None  # a schedule ("will meet on Friday"), not a forecast
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lower_ in ("i", "we") for s in subjects):
        return None
    aux = future or possible
    return f"{aux.text} {verb.text}"


def _another_sense(verb) -> bool:
    children = list(verb.children)
    if verb.lemma_ == "reach":
        return any(c.dep_ == "auxpass" for c in children) and any(c.dep_ == "neg" for c in children)
    if verb.lemma_ == "drop":
        # "the charges will be dropped" is let go, not fallen: all 18 passive "dropped" in BBC and PolNeAR
        return any(c.dep_ == "auxpass" for c in children)
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i for c in children)  # not "As a result, ... could fall"


def _evaluation(root, tokens, evaluations):
    """A judgment the sentence makes: what it predicates of its subject
    ("are remarkable", "is a vital step"), a renaming ("a vital component"),
    or a judging noun ("a stranglehold"); not a word describing an event in
    passing ("a crucial turnover", "won vital votes")."""
    for token in tokens:
        lemma = token.lemma_.lower()
        if lemma not in evaluations:
            continue
        if token.pos_ == "NOUN":
            return token.text
        head = token.head if token.dep_ == "amod" else token
        if head.dep_ in ("attr", "acomp", "oprd", "appos") or (head.dep_ == "ROOT" and head.i == root.i):
            return token.text
    return None


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
