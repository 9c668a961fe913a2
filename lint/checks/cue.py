"""``cue``: attribution verbs by lemma and tense: said-verbs that judge
("claims", "admits") and cues in the tense house style does not use
("Oduya says" where the desk writes "said"). A cue inside a dash
attribution is left to the rule on dashes, so one problem raises one
alert."""

from __future__ import annotations

from dataclasses import replace

from lint import lexicon as lx
from lint.attribution import GROUP, NAMED, ORGANIZATION, PERSON, PRONOUN, ROLE, SOURCE_KINDS, cue_token, model
from lint.people import possible_dek
from lint.rule import Check, Field, Hit

TENSES = ("present", "past", "any")
# What to write instead, when a rule gives no fix: the other tense, or "said".
_HOUSE_FORM = {"present": "past", "past": "present", "any": "said"}


class Cue(Check):
    FIELDS = {
        "verbs": Field("strlist", required=True),
        # Flag cues in this tense only ("present" for a desk that writes "said").
        "tense": Field("str", "any", choices=TENSES),
        "sources": Field("strlist", [NAMED, ROLE, ORGANIZATION, PERSON, PRONOUN, GROUP], choices=SOURCE_KINDS),
        # The fix: "past" or "present" puts the cue in that tense ("adds" →
        # "added"); any other text replaces it ("said"); empty: no fix.
        "fix": Field("str", ""),
    }
    NEEDS_NLP = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        self.verbs = frozenset(v.lower() for v in options["verbs"])
        self.kinds = frozenset(options["sources"])

    def gives_fixes(self):
        return bool(self.options["fix"])

    def run(self, doc):
        in_scope = self.in_scope(doc)
        tense = self.options["tense"]
        dek = possible_dek(doc) if self.options["fix"] else None
        for sentence in model(doc).sentences:
            hits = []  # each with its cue token
            # each verb cue with its token, None when the parse does not split there: no guard applies
            verb_cues = [(a, cue_token(sentence, a)) for a in sentence.attributions if a.style in ("verb", "passive")]
            cues = {token.i for _, token in verb_cues if token is not None}
            for a, token in verb_cues:
                if a.lemma not in self.verbs or not a.clause:
                    continue  # "announced his candidacy" reports no words
                if a.source_kind not in self.kinds or not a.speaker:
                    continue  # a document, data or "it" does not speak ("records revealed")
                if tense != "any" and a.tense != tense:
                    continue
                if token is not None and _reported(token, cues):
                    continue  # "she says that a chip tells the printer ...": the words reported keep their tense
                start, end = a.cue
                if not in_scope(start, end):
                    continue
                text = doc.prose[start:end]
                # The message names what to write (its second %s), so that
                # rule-options changing the fix change the advice too.
                advice = _fix(self.options["fix"] or _HOUSE_FORM[tense], a.lemma, text)
                unfixable = (
                    not self.options["fix"]
                    or token is not None and (
                        _has_auxiliary(token) or not _finite(token) or not _one_statement(token, a.lemma)
                        or _routine(token, self.verbs) or _demand(token)
                        or self.options["fix"] not in _TENSE_TAGS and _asks(token)
                    )
                    or doc.prose[end : end + 1] in ("'", "’")  # "Blair say's": a slip "said's" would keep
                    or dek is not None and dek[0] <= start < dek[1]  # a dek's "says" is display type's tense
                )
                hits.append((Hit(start, end, (text, advice), None if unfixable else advice), token))
            fixed = {token.i for hit, token in hits if hit.fix is not None and token is not None}
            # "Executives say they assume ..., and they also say ...": one cue put in the
            # other tense and another left would mix the tenses the fix means to unify
            mixed = self.options["fix"] in _TENSE_TAGS and tense in _TENSE_TAGS and any(
                t.i not in fixed for t in _cues_in_tense(doc, sentence, self.verbs, _TENSE_TAGS[tense], hits)
            )
            for hit, _ in hits:
                yield replace(hit, fix=None) if mixed else hit


# The tags of a verb in each tense a fix puts a cue in.
_TENSE_TAGS = {"present": ("VBZ", "VBP"), "past": ("VBD",)}


def _cues_in_tense(doc, sentence, verbs, tags, hits) -> list:
    """The sentence's cues in the tense the rule flags: finite cue verbs
    that report words (an attribution, or a verb taking a clause; not
    "continues in his form"), outside quotations and outside the words a
    flagged cue reports ("say she now acknowledges that ...": reported
    speech keeps its own tense)."""
    base = sentence.start - sentence.span.start_char
    attributed = {t.i for a in sentence.attributions if (t := cue_token(sentence, a)) is not None}
    reported = {
        g.i for _, t in hits if t is not None for c in t.children if c.dep_ in _REPORTED for g in c.subtree
    }
    return [
        t for t in sentence.span
        if t.tag_ in tags and t.lemma_.lower() in verbs and t.i not in reported and not doc.in_quote(t.idx + base)
        and (t.i in attributed or any(c.dep_ in _REPORTED for c in t.children))
    ]


# The dependencies of what a cue reports: a clause, or a sentence beside it.
_REPORTED = ("ccomp", "parataxis")


def _fix(form: str, lemma: str, text: str) -> str | None:
    if form == "past":
        fixed = IRREGULAR_PAST.get(lemma) or (lemma + "d" if lemma.endswith("e") else lemma + "ed")
    elif form == "present":
        fixed = IRREGULAR_PRESENT.get(lemma) or (lemma + "es" if lemma.endswith(("s", "sh", "ch", "x")) else lemma + "s")
    else:
        return form or None
    return fixed.capitalize() if text[:1].isupper() else fixed


# Forms the suffix rules get wrong; a verb in a rule's `verbs` that is
# irregular or doubles its last consonant belongs here.
IRREGULAR_PAST = {
    "say": "said", "tell": "told", "write": "wrote", "think": "thought", "see": "saw", "reply": "replied",
    "admit": "admitted", "commit": "committed", "regret": "regretted", "plan": "planned", "stop": "stopped",
    "go": "went", "speak": "spoke", "hold": "held", "feel": "felt", "read": "read", "find": "found",
}
IRREGULAR_PRESENT = {"say": "says", "reply": "replies", "go": "goes", "do": "does"}


def _finite(token) -> bool:
    """A finite cue ("claims", "claimed", "say"): one word that takes
    "said". A participle does not ("sued him, claiming he ..." would
    read "sued him, said he ...", read on BBC and PolNeAR)."""
    # "the taxes claimed are linked": a participle modifying a noun, tagged as a past tense
    return token.tag_ in ("VBD", "VBZ", "VBP") and token.dep_ not in ("acl", "amod")


# "often says", "always tells": a habit, which the present tense states
# rightly; "said" would make it one occasion.
_HABITUAL = frozenset("often always usually regularly frequently routinely repeatedly sometimes never typically now".split())
# Prepositions that take a noun phrase, never a clause: after one, the "cue"
# is a noun the tagger took for a verb ("amid Tory claims the ads were ...").
_NOUN_PREPOSITIONS = frozenset("amid amidst despite among against over about of with regarding following".split())


def _routine(token, verbs) -> bool:
    """Whether the cue is joined to an action in the present tense: what
    someone does as a rule ("management sits down with analysts and tells
    them why ..."), or is doing ("He's comparing ... and says ...", "As
    boos erupt from the crowd, the executive says ..."), where
    "told" would make one occasion of it and leave "sits" beside it (read
    on PolNeAR)."""
    joined = [token.head] if token.dep_ == "conj" else []
    joined += [c for c in token.children if c.dep_ == "conj"]
    if any(_present_clause(c) for c in token.children if c.dep_ == "advcl"):
        return True  # "As boos erupt from the crowd, the executive says ...": a scene told in the present
    if token.dep_ == "advcl" and _in_present(token.head):
        return True  # "While she says ..., she applauds ...": "said" under a present main clause would mix tenses
    if any(
        _present_beside(c, token) and c.lemma_.lower() not in verbs
        for c in token.children if c.dep_ in ("ccomp", "parataxis") and c.i < token.i
    ):
        return True  # "53% describe themselves as liberal; 26% say ...": "said" would leave "describe" beside it
    # "He's comparing the actions ... and says ...": a present carried by its auxiliary, which
    # stays whatever the cue's fix, even on a cue verb ("is telling a group ... and says")
    return any(t.tag_ in ("VBZ", "VBP") and t.lemma_.lower() not in verbs or _present_auxiliary(t) for t in joined)


def _present_auxiliary(verb) -> bool:
    return any(a.dep_ == "aux" and a.tag_ in ("VBZ", "VBP") for a in verb.children)


def _in_present(verb) -> bool:
    """A verb in the present, or carried into it by its auxiliary ("is touring")."""
    return verb.tag_ in ("VBZ", "VBP") or _present_auxiliary(verb)


def _reported(token, cues) -> bool:
    """Whether a cue stands in the words another cue of its sentence
    reports; not in a statement set beside that cue by a semicolon ("voters
    say ...; 26 percent say ..."), nor joined by "and" to what it reports,
    where the parser often hangs the speaker's next act ("said he was
    disappointed and claimed ...", read on BBC), nor set after it as a
    contrast ("insisted he has done no deals while Mr Brown says ...")."""
    child = token
    for head in token.ancestors:
        if child.dep_ == "conj" or _contrast_after(child):
            return False
        if head.i in cues and child.dep_ in _REPORTED:
            between = head.doc[head.i + 1 : child.left_edge.i] if child.i > head.i else head.doc[child.right_edge.i + 1 : head.i]
            return not any(t.text == ";" for t in between)
        child = head
    return False


# Conjunctions that set one statement against another ("... while Mr Brown says ...").
_CONTRASTS = frozenset("while whereas".split())


def _contrast_after(clause) -> bool:
    """Whether a clause is a contrast set after the one it hangs on ("Mr
    Blair has insisted he has done no deals while Mr Brown says ..."):
    the writer's, beside what the first cue reports, not inside it."""
    return clause.dep_ == "advcl" and clause.i > clause.head.i and any(
        c.dep_ == "mark" and c.lower_ in _CONTRASTS for c in clause.children
    )


def _present_beside(clause, cue) -> bool:
    """Whether a clause before the cue is a statement in the present set
    beside it by a semicolon, not the words it reports (those end with a
    comma or a quotation mark)."""
    return clause.tag_ in ("VBZ", "VBP") and any(t.text == ";" for t in clause.doc[clause.i + 1 : cue.i])


_PAST_AUXILIARIES = frozenset("was were had did would could might should".split())
_AT_THE_TIME = frozenset("as while when whenever".split())


def _present_clause(clause) -> bool:
    """A clause of time with its subject, not in the past ("as boos
    erupt", whose verb the tagger may take for an adjective); not a
    state the cue is set against ("although France have yet to click")."""
    children = list(clause.children)
    return any(c.dep_ == "mark" and c.lower_ in _AT_THE_TIME for c in children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in children) and clause.tag_ not in ("VBD", "VBN", "VBG") \
        and not any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_AUXILIARIES for c in children)


def _one_statement(token, lemma: str) -> bool:
    """Whether the cue reports words said once: it takes a clause or a
    quotation ("says unions will be consulted", '"...," says Saffo',
    "tells the commissioner: ...") and no adverb makes it a habit. Not
    "people tell their friends about it" (no words reported: "told ...
    and show off" would mix tenses), "often says", "now says", nor a noun
    the tagger took for a verb ("amid Tory claims the ads were ...") (read
    on BBC and PolNeAR)."""
    children = list(token.children)
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in children):
        return False
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
    if subject is not None and subject.lower_ in ("i", "we"):
        return False  # "I tell you what I enjoyed": the writer's own voice, whose present is theirs
    if subject is not None and subject.lemma_.lower() in _STANDING_WORKS:
        return False  # "The ad, which is still airing, argues that ...": a work's words stand, as a report's
    if token.tag_ in ("VBZ", "VBP") and any(c.dep_ in ("mark", "advmod") and c.lower_ in _WHENEVER for c in children):
        return False  # "Sanders exaggerates when he says ...": whenever he says it, not once
    before = (subject.left_edge.i if subject is not None else token.i) - 1
    while before >= 0 and token.doc[before].pos_ in ("PROPN", "NOUN", "ADJ", "DET"):
        before -= 1  # "amid Tory claims", "despite the party's claims"
    if before >= 0 and (token.doc[before].lower_ in _NOUN_PREPOSITIONS or token.doc[before].pos_ == "VERB"):
        return False  # "could dent Lycos claims that ...": the object of a verb, a noun
    if token.text[:1].isupper() and token.i > token.sent.start:
        return False  # "Bush Says We Should ...": a headline run into the text
    # "I hope America says ...", "if he says ...": words wished or supposed, not said once
    if any(c.lemma_.lower() in _WISHES or c.dep_ == "mark" and c.lower_ in _SUPPOSING for c in children) \
            or any(a.lemma_.lower() in _WISHES for a in token.ancestors):
        return False
    if lemma != "say" and any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in children
    ):
        return False  # "claimed to retire", "admitted to lying": "said to" would change the sense
    quoted = any(t.text in ('"', "“", "”") for t in token.sent)
    if token.dep_ in ("parataxis", "ccomp") and (quoted or not any(c.dep_ == "dobj" for c in children)):
        return True  # '"...," says Saffo'; not "the lies hucksters tell them"
    # With a direct object, the words reported come after the cue: a clause
    # before it belongs to another verb ("Reid was seventh ... Shannon claimed
    # the titles", one sentence to the parser), and quotation marks enclose
    # the object ("admitted “one or two instances” where ..."), not a statement.
    has_object = any(c.dep_ == "dobj" for c in children)
    return any(
        # a clause with its subject: not "the side claimed their second win", a noun to the tagger
        c.dep_ in ("ccomp", "parataxis") and (c.i > token.i or not has_object) and any(
            g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and g.pos_ in ("NOUN", "PROPN", "PRON") for g in c.children
        )
        or c.dep_ == "xcomp" or c.text == ":" or c.text in ('"', "“", "”") and not has_object
        for c in children
    )


# Verbs of wishing and supposing, and the conjunctions of a condition: a cue
# under one reports no words said ("I hope in 2017 America says, ...").
_WISHES = frozenset("hope wish pray imagine suppose want".split())
_SUPPOSING = frozenset("if unless until once whether".split())
# A present-tense cue under these tells what someone does each time ("some
# cheer when he insists that ..."); "said" would clash with the main verb.
_WHENEVER = frozenset("when whenever".split())
# Subjects whose words stand, like a report's: documents, works and
# advertisements ("The ad, titled 'Unifier?', concludes that ...").
_STANDING_WORKS = lx.DOCUMENT_NOUNS | frozenset("ad advert advertisement commercial poster".split())


def _demand(token) -> bool:
    """Whether the cue takes a demand in the subjunctive ("insisted that
    the first lady go", "insisted the rules be changed"), which "said"
    does not take (read on PolNeAR)."""
    for clause in token.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if clause.tag_ == "VB" and not auxiliaries or auxiliaries and all(a.lower_ == "be" for a in auxiliaries):
            return True
    return False


# The words that open an indirect question ("revealed how ...").
_QUESTION_WORDS = frozenset("how why where when whether".split())


def _asks(token) -> bool:
    """Whether the cue reports an indirect question ("revealed how Ferguson
    talked him into it"): "said how" is not standard English, so a fixed
    word such as "said" cannot replace it (read on BBC)."""
    return any(
        clause.dep_ == "ccomp" and clause.left_edge.lower_ in _QUESTION_WORDS for clause in token.children
    )


def _has_auxiliary(token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in token.children)
