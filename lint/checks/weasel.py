"""``weasel``: weasel wording in the reporter's own voice ("some have
argued", "it is widely thought", "considerable criticism", "one of the
best"), scored by the trained model of :mod:`lint.weasel`.

Only a sentence in the reporter's voice is scored: not one whose words a
source it names stands behind ("..., the ministry said"), nor one its
context attributes, nor one mostly inside a quotation, a transcript turn
or a social post, nor one in copy that speaks in its writer's voice by
design (opinion, a column, a review, analysis, readers' comments: see
:func:`_writers_own`). Wording that is itself a vague source or an agentless
passive ("experts say", "is widely believed") is left to the source rules.
"""

from __future__ import annotations

from lint import lexicon as lx
from lint.attribution import COMPLEMENTS, NAMED, ORGANIZATION, PERSON, PRONOUN, ROLE, cue_token, model, mostly_quoted, personal_paragraphs
from lint.checks.loaded import others_voice
from lint.reference_fact import reference_rank
from lint.rule import Check, Field, Hit

_VAGUE_WORDS = frozenset("certain numerous various countless".split())
# Hedges Wikipedia's Words to watch names, each among the model's strongest adverbs.
# Not "allegedly" nor "alleged": AP asks for them on an accusation not yet
# proven, and all 8 such alerts on BBC's train part were that.
_HEDGES = frozenset(
    """probably possibly reportedly supposedly arguably reputedly purportedly apparently seemingly
    presumably often perhaps maybe""".split()
)
# Adverbs of how far a view has spread, which hedge only a view ("widely believed")
_SPREAD = frozenset("widely generally commonly".split())
_OPINION_VERBS = (lx.CUE_VERBS | lx.OPINION_PASSIVES) - {"expect"}
# naming passives ("now known as MCI"), "expected", which AP accepts, and
# "alleged" (see _HEDGES)
_NAMING = frozenset("know call name term dub refer expect allege".split())
# Verbs of an appearance (see _appearance).
_APPEARING = frozenset(("seem", "appear"))
# Modals that soften an impersonal appearance without making it a guess ("it would seem that").
_SOFTENING_MODALS = frozenset("would might could".split())
# Verbs of evidence given beside an appearance ("as the photos show").
_EVIDENCE_VERBS = frozenset(("show", "suggest"))
# Verbs whose subject holds a view or a feeling ("some analysts argue", "many fans hope").
_VIEW_VERBS = lx.CUE_VERBS | lx.MENTAL_VERBS | _APPEARING
# A verdict put as plain to see (see _verdict), and what makes it a question.
_PLAIN = frozenset("clear obvious apparent evident plain".split())
_ASKING = frozenset(("whether", "if"))
_PEOPLE = frozenset(
    """people person viewer reader listener fan voter resident user member citizen customer consumer
    player worker employee student parent observer commentator""".split()
)
# Sources that stand behind what their sentence says, wording and all.
_SOURCES = frozenset((NAMED, ROLE, ORGANIZATION, PERSON, PRONOUN))


class Weasel(Check):
    FIELDS = {
        # The model's probability at or above which a sentence is flagged;
        # empty: the threshold chosen when the model was trained.
        "threshold": Field("number", None),
        # The least weight of the words flagged; empty: the trained model's.
        "cue-weight": Field("number", None),
        # words: the alert's words must be weasel wording themselves (a
        # hedge, a vague quantifier of people ...), as news copy needs;
        # any: whatever the model weighs most, as in Wikipedia's sentences.
        "cues": Field("str", "words", choices=("words", "any")),
    }
    NEEDS_NLP = True

    def run(self, doc):
        from lint.weasel import scorer

        weasel = scorer()
        threshold = self.options["threshold"] if self.options["threshold"] is not None else weasel.threshold
        cue_weight = self.options["cue-weight"] if self.options["cue-weight"] is not None else weasel.cue_weight
        in_scope = self.in_scope(doc)
        built = model(doc)
        others = doc.quotes + doc.turns
        for sentence in built.sentences:
            if sentence.context:
                continue
            if personal_paragraphs(doc)[sentence.block]:
                continue  # a reader's letter or a column: the writer's own voice
            if mostly_quoted(sentence, others) or not in_scope(sentence.start, sentence.end):
                continue
            verdict = _verdict(sentence.span)
            if verdict is not None:
                start = sentence.offset(verdict)
                end = start + len(verdict)
                if not doc.in_quote(start) and not _said_by_source(sentence, verdict, start, end) and not _writers_own(doc, start):
                    yield Hit(start, end, (doc.prose[start:end],))
                continue
            if any(a.speech and a.source_kind in _SOURCES for a in sentence.attributions):
                continue
            appearance = _appearance(sentence.span)
            if appearance is not None:
                start = sentence.offset(appearance)
                end = start + len(appearance)
                # the appearance is the reporter's, whoever it is of ("Republicans seem confident")
                attributions = [a for a in sentence.attributions if not _overlaps(a.cue, start, end)]
            else:
                text = doc.prose[sentence.start : sentence.end]
                probability, trigger, weight = weasel.score(text)
                if probability < threshold or trigger is None or weight < cue_weight:
                    continue
                start, end = sentence.start + trigger[0], sentence.start + trigger[1]
                attributions = sentence.attributions
            if doc.in_quote(start):
                continue  # the wording is a speaker's
            if any(_overlaps(a.source, start, end) or _overlaps(a.cue, start, end) for a in attributions):
                continue  # a vague source or an agentless passive: the source rules' alert
            if any(a.clause and _overlaps(a.content, start, end) for a in attributions):
                continue  # what a source, named or vague, says or thinks ("Analysts say it was probably ...")
            span = sentence.span
            tokens = [t for t in span if start <= sentence.offset(t) < end]
            paragraph = built.paragraphs[sentence.block]
            previous = next((s for s in reversed(paragraph) if s.end <= sentence.start), None)
            if appearance is None and self.options["cues"] == "words" and not any(_weasel_word(t, doc, previous) for t in tokens):
                continue  # a topic or tense word the model learned from Wikipedia ("national", "went")
            if _writers_own(doc, start):
                continue
            yield Hit(start, end, (doc.prose[start:end],))


def _writers_own(doc, offset: int) -> bool:
    """Whether the copy at a prose offset speaks in its writer's voice by
    design, as loaded language reads it (:func:`lint.checks.loaded.others_voice` with voice
    ``story``): opinion, column, review or analysis copy, a personal piece
    or copy that reads as biased throughout, and a closing run of readers'
    comments. On BBC train such copy held 28 of the rule's 152 alerts, 3 of
    them right (benchmarks/read_attribution.py --part train): readers'
    pages, columns, reviews, analysis and sketches."""
    return others_voice(doc, offset, "story")


def _verdict(span):
    """The word of a verdict the reporter puts as plain to see, whoever
    judged so ("it should be obvious that", "it is apparent that", "it was
    clear Clinton is attempting ..."), whatever the model scores; None when
    the sentence has none. Not a plainness denied or asked about ("it is
    not clear whether", "nor is it clear that", "it is clear what"), nor
    one in a condition. (Appearances, "seems to", "appears that", are left
    to the model: on BBC copy most are a match report's or a review's own
    observation, or rest on evidence given beside them.)"""
    if _PLAIN.isdisjoint(t.lower_ for t in span):
        return None  # no word of plainness: no verb's children to read
    for token in span:
        if token.lemma_.lower() != "be" or _conditional(token):
            continue
        if any(c.dep_ == "neg" or c.lower_ in ("nor", "never") for c in token.children):
            continue
        if not any(c.lower_ == "it" and c.dep_ in ("nsubj", "expl") for c in token.children):
            continue
        plain = next((c for c in token.children if c.dep_ == "acomp" and c.lower_ in _PLAIN), None)
        if plain is None:
            continue
        clause = next((c for c in token.children if c.dep_ == "ccomp"), None) or next(
            (c for c in plain.children if c.dep_ == "ccomp"), None
        )
        if clause is not None and not any(c.lower_ in _ASKING or c.tag_ in ("WDT", "WP", "WRB") for c in clause.children):
            return plain
    return None


def _appearance(span):
    """The verb of an appearance that stands in for a source, whatever the
    model scores: an impersonal one ("it seems that ...", "it appears
    likely that ...", "it seems almost certain ...") or a deed reported
    with its doer unnamed and hedged ("appears to have been put on
    hold"). Wikipedia's Words to watch lists both, PolNeAR's
    annotators mark them as attributions with no source, and an editor
    asks "seems to whom?". Either in the present: not an observation of
    how someone looked or a state seemed ("it seemed that nothing could
    stop them", "seemed untouchable", "seemed to be truly enjoying
    himself", "Kezman appeared to have made the game safe"), which on
    BBC copy is a match report's or a review's own, nor a guess under a
    modal ("it must have seemed"), though "it would (might, could) seem
    that" is the present softened, nor one in a condition or a question,
    nor one with its evidence ("..., as the photos show", "according to
    the report"). None when the sentence has none."""
    if span[-1].text == "?" or _gives_evidence(span):
        return None
    for token in span:
        if token.lemma_.lower() not in _APPEARING or token.pos_ not in ("VERB", "AUX") or _conditional(token):
            continue
        impersonal = any(c.lower_ == "it" and c.dep_ in ("nsubj", "expl") for c in token.children)
        modals = [c for c in token.children if c.dep_ == "aux" and c.tag_ == "MD"]
        if modals:
            # "it would seem that ...", "it might seem": the reporter's hedge, softened; not "it must have seemed
            # that ...", a guess at how it felt
            perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in token.children)
            if impersonal and not perfect and all(m.lower_ in _SOFTENING_MODALS for m in modals):
                if any(c.dep_ in ("ccomp", "acomp", "oprd") for c in token.children):
                    return token
            continue
        # present tense: what is known now is hedged; a past one tells a scene ("It seemed that nothing could stop
        # them", "Kezman appeared to have made the game safe")
        if token.tag_ not in ("VBZ", "VBP"):
            continue
        for c in token.children:
            if impersonal and c.dep_ in ("ccomp", "acomp", "oprd"):
                return token
            # passive: a deed whose doer the reporter does not name, not a reading of what the subject did, which
            # on BBC copy comes with its evidence ("Japan seems to have jumped onto the bandwagon with a wave of
            # products")
            if c.dep_ == "xcomp" and _perfect_passive(c):
                return token
    return None


def _gives_evidence(span) -> bool:
    """Whether the sentence gives what it goes by: "as the photos show",
    "as the figures suggest", "according to the report"."""
    return any(
        (t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to")
        or (t.lemma_.lower() in _EVIDENCE_VERBS and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children))
        for t in span
    )


def _perfect_passive(verb) -> bool:
    """Whether an infinitive is perfect and passive: "(to) have been put on hold"."""
    return any(a.dep_ == "aux" and a.lower_ == "have" for a in verb.children) and any(
        a.dep_ == "auxpass" for a in verb.children
    )


def _said_by_source(sentence, verdict, start: int, end: int) -> bool:
    """Whether a source the sentence names, vague or not, says the verdict
    ("X said it was clear that ...", "It is clear, X said, that ...", "...,
    according to analysts"): not when a source stands inside it ("it is
    apparent that Clinton wanted ...")."""
    head = verdict if verdict.pos_ in ("VERB", "AUX") else verdict.head
    for a in sentence.attributions:
        if not (a.speech and a.source is not None) or _overlaps(a.cue, start, end):
            continue
        if _overlaps(a.content, start, end):
            return True
        cue = cue_token(sentence, a)
        if cue is not None and (cue in head.ancestors or (cue.head == head and cue.dep_ == "parataxis")):
            return True
    return False


def _conditional(token) -> bool:
    """Whether the verb, or the clause it sits in, is under "if", "unless" or "whether"."""
    while True:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in token.children):
            return True
        if token.head == token or token.dep_ not in ("conj", "advcl", "ccomp", "xcomp"):
            return False
        token = token.head


def _overlaps(span, start: int, end: int) -> bool:
    return span is not None and span[0] < end and start < span[1]


def _weasel_word(token, doc, previous) -> bool:
    """Whether a word can itself be weasel wording, as Wikipedia's Words to
    watch lists it: a hedging adverb ("probably", "widely"), an opinion
    participle ("considered", "alleged"), "seems", a vague quantifier of
    people ("some viewers", "many"), or "one of" before a superlative ("one
    of the best"). A quantity of things ("some other companies", "many
    years") is no weasel, nor a plain superlative, which is a claim for
    newsroom.unattributed-claim, nor a rank by size or wealth of a named body
    or of figures the lede sources ("one of the poorest countries",
    reference fact: see :func:`lint.reference_fact.reference_rank`)."""
    lower = token.lower_
    lemma = token.lemma_.lower()
    if lower in _SPREAD:  # "widely believed", not "widely used"
        return token.pos_ == "ADV" and token.head.lemma_.lower() in _OPINION_VERBS
    if lower in _HEDGES:
        return token.pos_ == "ADV"
    if token.tag_ == "VBN" and lemma in lx.OPINION_PASSIVES and lemma not in _NAMING:
        if any(c.dep_ == "agent" for c in token.children):
            return False  # its holder named: "(reported by the Swiss daily Le Matin)"
        if token.dep_ in ("amod", "compound"):
            return False  # "better-than-expected"
        # a reduced relative names who was asked or what was weighed ("44% of those questioned", "proposals
        # considered", "in order to be considered for selection") unless it holds a view ("reported to have doubts",
        # "considered 'critical'", "regarded as"): on BBC train 3 alerts went, all wrong; CoNLL train part unchanged.
        # Not every complement-less participle: "has been questioned" is Wikipedia's vague reception.
        return token.dep_ != "acl" or any(c.dep_ in COMPLEMENTS or (c.dep_ == "prep" and c.lower_ == "as") for c in token.children)
    if lemma in _APPEARING:
        return True
    if lower in lx.VAGUE_QUANTIFIERS or lower in _VAGUE_WORDS:
        of = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children), None)
        if of is not None:
            return _people(of) and not any(c.dep_ == "poss" or c.tag_ == "PRP$" for c in of.children) and _holds_view(token)
        if token.i > 0 and token.doc[token.i - 1].lower_ in ("how", "so", "too", "as"):
            return False  # "how many", "so many": a count, not a crowd
        if token.dep_ in ("nsubj", "nsubjpass"):
            return _holds_view(token)  # "some have argued", "many are worried"
        return token.dep_ in ("det", "amod") and _people(token.head) and _holds_view(token.head)
    if lower == "one" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "of":
        ranks = [t for t in token.doc[token.i + 2 : token.i + 6] if t.tag_ in ("JJS", "RBS")]
        # a rank by size or wealth of a named body ("one of the poorest countries") is reference fact, as for the claim rule
        return any(not reference_rank(doc, t, token.head, t if t.dep_ == "pobj" else t.head, previous) for t in ranks)
    return False


def _holds_view(group) -> bool:
    """Whether the people a vague quantifier counts hold a view or a
    feeling in the sentence ("some analysts argue", "many fans are angry",
    "prompted some analysts to forecast", "are said to", "criticism from
    some viewers", "disliked by many critics"), not only act or undergo
    ("several people are being questioned", "many people use a search
    engine"): on BBC's train part, most alerts on a crowd that acts were
    facts an editor leaves alone."""
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _VIEW_VERBS for c in group.children):
        return True  # "with some analysts saying", "many who believe"
    verb = group.head
    if group.dep_ == "nsubj":
        if verb.lemma_ == "be":
            return any(c.dep_ in ("acomp", "xcomp") for c in verb.children)  # "are angry", "are yet to be convinced"
        return verb.lemma_.lower() in _VIEW_VERBS
    if group.dep_ == "nsubjpass":
        return any(c.dep_ == "xcomp" for c in verb.children)  # "are said to", "are understood to"
    if group.dep_ == "dobj":
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in _VIEW_VERBS for c in verb.children)
    if group.dep_ == "pobj":
        return verb.dep_ == "agent" or verb.lower_ == "from" or (verb.lower_ == "of" and verb.head.pos_ == "NOUN")
    return False


def _people(token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in lx.VAGUE_GROUPS or lemma in _PEOPLE
