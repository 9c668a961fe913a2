"""``loaded``: words the trained model (:mod:`lint.subjectivity`) reads as
the writer's judgment, in the writer's voice.

The lemma lists of the ``pattern`` rules stay the precise, explainable
layer; this kind is the one that generalizes to words nobody listed. It
flags a scored word (adjective, adverb, noun, verb) whose probability of
being loaded reaches ``threshold`` in a sentence whose own probability
reaches ``sentence-threshold``, and names the word, why it reads as
loaded (its category) and a neutral alternative when ``alternatives``
knows one. Keys:

- ``threshold``, ``sentence-threshold``: probabilities (0-1);
  ``thresholds``: a stricter ``threshold`` per category (category ->
  probability);
- ``categories``: which of ``judgment``, ``intensity``, ``label``,
  ``dramatization``, ``puffery`` to report. A word's category comes from
  ``classes`` (lemma lists per category), else from its part of speech and
  lexicon scores (an adverb that intensifies: intensity; a verb:
  dramatization; a noun: label; an adjective of praise: puffery; else
  judgment);
- ``exceptions``: lemmas never flagged;
- ``alternatives``: lemma -> neutral wording, given in the message;
- ``types``: per kind of copy (the front matter's ``type:``, or what
  :func:`copy_type` detects), the categories still reported (an empty
  list: none). Opinion columns and reviews carry their writer's
  judgment by design; sports copy has its own vivid verbs;
- ``evaluative-copy``: a draft of at least :data:`EVALUATIVE_MIN_SENTENCES`
  sentences whose mean sentence probability reaches it reads as a review
  or opinion throughout (a game review, a column nobody marked) and is
  treated as ``review`` copy (``types``); 1 turns this off;
- ``attributed: skip``: no alert in an opinion attributed to a source
  (``pattern``'s rule, the same spans), nor where :func:`others_voice`
  (``paragraph``) finds a voice that judges by design: a paragraph that
  speaks as "I", or to "you" (a reader's comment, a letter: the
  first-person rule names that voice), a personal piece, readers'
  comments closing the draft; ``quotes: skip`` (shared key): none inside
  quotations;
- ``headlines``: ``skip`` (default) or ``check`` (headings are parsed on
  their own for this rule);
- ``evidence``: what a word needs beside its score (see ``_evidence``):
  ``lexicon`` (default), ``marked`` or ``context`` (nothing);
- ``model``: a folder holding another trained ``model.npz`` (a newsroom's
  own, from ``copydesk train``), relative to the rule file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lint import lexicon as lx
from lint import nlp
from lint.attribution import personal_paragraphs
from lint.attribution import model as attribution_model
from lint.checks.pattern import _Containment, _voiced_spans, prose_span
from lint.rule import Check, Field, Hit

CATEGORIES = ("judgment", "intensity", "label", "dramatization", "puffery")
REASONS = {
    "judgment": "judges what it describes",
    "intensity": "amplifies rather than measures",
    "label": "labels rather than describes",
    "dramatization": "dramatizes what happened",
    "puffery": "praises rather than informs",
}
# Front-matter keys that may say what kind of copy a draft is, and the
# words in their values (or in a kicker opening the draft) that say it.
TYPE_KEYS = ("type", "genre", "section", "category", "kicker", "label")
TYPE_WORDS = {
    "opinion": ("opinion", "op-ed", "oped", "comment", "commentary", "editorial", "column", "columnist", "letters", "viewpoint"),
    "review": ("review", "reviews", "critic"),
    "analysis": ("analysis",),
    "sports": ("sport", "sports"),
}
# A result in sports copy's form: "won 3-1", "a 2-0 win" (on BBC's train
# split: in 29% of sport articles, 1 of 1,046 others).
_SCORELINE = re.compile(
    r"\b(?:won|lost|beat|beaten|drew|draw|win|victory|defeat|lead|led|trailed|scored?)\b[^.]{0,40}?\b\d{1,2}-\d{1,2}\b"
    r"|\b\d{1,2}-\d{1,2}\s+(?:win|victory|defeat|draw|loss|lead|home|away|triumph|thrashing)\b", re.I)
_SCORE_DIGITS = re.compile(r"\d-\d")  # in every scoreline: a search for it rules out most drafts at once
# Distinct words of lint/data/sports-words.txt that make a draft sports copy
# (chosen on BBC dev and PolNeAR dev: at 2, 93 of 112 BBC sport articles,
# 2 of 333 others and 2 of 84 political stories; at 3, 62, 1 and 0).
SPORTS_WORDS_MIN = 2
# The kicker may name the medium reviewed: "DVD review: Spider-Man 2" (the
# only medium a BBC kicker names: 3 reviews, no CD, film, album, book,
# game, theatre, TV or gig).
_KICKER = re.compile(
    r"^\s*(?:DVD\s+)?(?P<kind>OPINION|COMMENT|COMMENTARY|EDITORIAL|COLUMN|REVIEW|ANALYSIS)\b\s*[:|—–-]", re.I)
# A standfirst (the draft's first paragraph) whose sentence closes on its
# writer, a columnist, analyst, commentator or critic with a name, after an
# inverted verb of argument ("..., argues technology analyst Bill
# Thompson."): a column. On BBC train and dev 2 standfirsts do, both
# columns; news names its analyst otherwise ("according to Gartner analyst
# Carolina Milanesi is ...", "..., says analyst ...").
_STANDFIRST_WRITER = re.compile(
    r", (?!says\b)[a-z]+s (?:[\w-]+ ){0,4}?(?:columnist|analyst|commentator|critic) [A-Z][a-z]+ [A-Z][a-z]+\.")
# A question mark that ends a sentence (not a title's: "Do They Know It's
# Christmas? has gone straight in"). In the writer's voice in a draft's
# opening (its headline and standfirst: "What now for Kelly Holmes?", "So
# what is the gap between Labour and the Tories nowadays?"), it makes the
# draft analysis or a feature: on BBC train 21 of the 22 articles whose
# headline or standfirst asks one are analysis, features, columns or
# reviews (the other: a song title), on BBC dev 6 of 6.
_SENTENCE_QUESTION = re.compile(r"\?(?=\s*$|\s+[\"“‘'(]?[A-Z])")
# Columns of the model's lexicon table (lint.subjectivity.LEXICON_COLUMNS),
# which is imported only when a rule runs: it brings numpy.
_INTENSITY_COLUMN = 3
_POLARITY_COLUMN = 1
# The attribution model voices an estimate verb's clause; its noun object
# ("analysts are forecasting a less dramatic weakening") is voiced here.
_WRITER = frozenset(("i", "we"))
# Categories a negation takes back: "the impact is not devastating" does
# not dramatize, "not hugely" does not amplify (a denied judgment, "not
# credible", still judges).
_DENIABLE = frozenset(("dramatization", "intensity"))
# A paragraph that speaks as "I", or to "you", outside quotations is a
# reader's comment, a letter or an essay, not the news voice (read on BBC
# dev: the readers' comments under an article). Not "we": a desk's own
# estimate ("we expect a dramatic slowdown") is the writer's.
# Readers' comments under an article often reach a draft with their
# signatures stripped (BBC's comment pages, chosen on its train split): the
# draft then closes with a run of at least _TAIL_PARAGRAPHS paragraphs, at
# least _TAIL_SHARE of which speak in that voice. The whole run is theirs
# (or a columnist's), including a comment that says neither "I" nor "you".
_TAIL_PARAGRAPHS = 8
_TAIL_SHARE = 0.5
# A shorter closing run, of at most _CLOSING_COMMENTS such paragraphs
# after news paragraphs, is a comment or two appended to a story: it does
# not make the draft a personal piece (:func:`personal_sentences`).
_CLOSING_COMMENTS = 2
# A draft shorter than this is not judged evaluative copy by its mean
# sentence probability: one biased sentence linted alone is not a review.
EVALUATIVE_MIN_SENTENCES = 8


class Loaded(Check):
    FIELDS = {
        "threshold": Field("number", 0.5),
        "thresholds": Field("map", {}),
        "sentence-threshold": Field("number", 0.0),
        "categories": Field("strlist", list(CATEGORIES), choices=CATEGORIES),
        "classes": Field("map", {}),
        "exceptions": Field("strlist", []),
        "alternatives": Field("strmap", {}),
        "types": Field("map", {}),
        "attributed": Field("str", "include", choices=("skip", "include")),
        "headlines": Field("str", "skip", choices=("skip", "check")),
        "model": Field("str", ""),
        "evaluative-copy": Field("number", 1.0),
        # what a word needs beside its score: see _evidence
        "evidence": Field("str", "lexicon", choices=("marked", "lexicon", "context")),
    }
    NEEDS_NLP = True
    DEFERS = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        for key in ("threshold", "sentence-threshold", "evaluative-copy"):
            if not 0.0 <= options[key] <= 1.0:
                raise self.error(f"rule {rule.id}: '{key}' must be a probability between 0 and 1, not {options[key]}", key)
        self.thresholds = {}
        for category, threshold in options["thresholds"].items():
            if category not in CATEGORIES:
                raise self.error(f"rule {rule.id}: unknown category {category!r} in 'thresholds' (known: {', '.join(CATEGORIES)})",
                                 "thresholds")
            if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
                raise self.error(f"rule {rule.id}: 'thresholds.{category}' must be a probability between 0 and 1, not {threshold!r}",
                                 "thresholds")
            self.thresholds[category] = float(threshold)
        self.categories = frozenset(options["categories"])
        self.category_of_lemma = {}
        for category, lemmas in options["classes"].items():
            if category not in CATEGORIES:
                raise self.error(f"rule {rule.id}: unknown category {category!r} in 'classes' (known: {', '.join(CATEGORIES)})",
                                 "classes")
            if not isinstance(lemmas, list) or not all(isinstance(w, str) for w in lemmas):
                raise self.error(f"rule {rule.id}: class '{category}' in 'classes' must be a list of lemmas", "classes")
            self.category_of_lemma.update({w.lower(): category for w in lemmas})
        self.exceptions = frozenset(w.lower() for w in options["exceptions"])
        self.alternatives = {k.lower(): v for k, v in options["alternatives"].items()}
        self.types = types_option(self, rule, CATEGORIES, "categories")
        model = options["model"]
        self.model_path = str((Path(rule.path).parent / model).resolve()) if model else None
        if self.model_path and not Path(self.model_path).is_dir():
            raise self.error(f"rule {rule.id}: 'model' names no folder: {self.model_path}", "model")

    def run(self, doc):
        reported = self.categories
        kind = copy_type(doc)
        if kind in self.types:
            reported = reported & self.types[kind]
        if not reported:
            return
        import numpy as np

        from lint import subjectivity as sj

        model = sj.load(self.model_path)  # a RuleError naming the file when missing or corrupt
        in_scope = self.in_scope(doc)
        voiced = None  # found when a word first needs it
        evaluative = None  # likewise
        for start, spacy_doc in self._parses(doc):
            scores = _scores(doc, model, start, spacy_doc, self.model_path)
            for i in np.flatnonzero(scores.tokens >= self.options["threshold"]).tolist():
                token = spacy_doc[i]
                lemma = token.lemma_.lower()
                if lemma in self.exceptions or token.lower_ in self.exceptions:
                    continue
                if not self._evidence(token.pos_, lemma, scores, i) or _plain_use(token) or _estimated(token):
                    continue
                if scores.sentence_of(i)[2] < self.options["sentence-threshold"]:
                    continue
                category = self.category_of_lemma.get(lemma) or _category(token, model)
                if category not in reported or (category in _DENIABLE and _denied(token)):
                    continue
                if scores.tokens[i] < self.thresholds.get(category, 0.0):
                    continue
                if evaluative is None:
                    evaluative = self._evaluative(doc, model)
                    if evaluative:
                        reported = reported & self.types.get("review", reported)
                    if category not in reported:
                        continue
                hit_start = start + token.idx
                hit_end = hit_start + len(token.text)
                if not in_scope(hit_start, hit_end):
                    continue
                if voiced is None:
                    voiced = _voiced_spans(doc) if self.options["attributed"] == "skip" else []
                if any(s <= hit_start and hit_end <= e for s, e in voiced):
                    continue
                if self.options["attributed"] == "skip" and others_voice(doc, hit_start, "paragraph", self.options["evaluative-copy"]):
                    continue
                yield Hit(hit_start, hit_end, (token.text, self._why(category, lemma)), self.action_fix(token.text))

    def _evidence(self, pos: str, lemma: str, scores, i: int) -> bool:
        """Whether the word has support beyond the model's reading of its
        context (``evidence``). Read on BBC dev, most verbs and nouns the
        model scored high were literal ("threw up", "slammed his racket",
        "floods", "a supernatural horror"), so a verb or noun needs a class
        naming it (the dramatizing and label rules' patterns judge the
        rest); an adjective or adverb, a class, a sense (lemma and part of
        speech) annotators marked in training or a lexicon listing it."""
        evidence = self.options["evidence"]
        if evidence == "context" or lemma in self.category_of_lemma:
            return True
        if pos in ("VERB", "NOUN"):
            return False
        return bool(scores.marked[i]) or (evidence == "lexicon" and pos in ("ADJ", "ADV") and bool(scores.listed[i]))

    def _evaluative(self, doc, model) -> bool:
        """Whether the draft reads as a review or opinion throughout
        (:func:`evaluative_copy` at ``evaluative-copy``)."""
        return evaluative_copy(doc, model, self.model_path, self._parses(doc), self.options["evaluative-copy"])

    def _why(self, category: str, lemma: str) -> str:
        why = f"{REASONS[category]} ({category})"
        alternative = self.alternatives.get(lemma)
        return f"{why}; neutral: {alternative}" if alternative else why

    def _parses(self, doc):
        """(prose offset, spaCy doc) of each parsed block, and of each
        heading when ``headlines: check``."""
        for parsed in doc.parses or []:
            yield parsed.start, parsed.doc
        if self.options["headlines"] == "check":
            cache = doc.models.setdefault("heading-parses", {})
            headings = [b for b in doc.blocks if b.kind == "heading" and b.end > b.start]
            missing = [b for b in headings if b.start not in cache]
            if missing:
                pipeline = nlp.load(doc.pipeline or nlp.DEFAULT_PIPELINE)
                for block, parsed in zip(missing, pipeline.pipe(doc.prose[b.start : b.end] for b in missing)):
                    cache[block.start] = parsed
            for block in headings:
                yield block.start, cache[block.start]


def evaluative_copy(doc, model, model_path, parses, threshold: float) -> bool:
    """Whether a draft reads as a review or opinion throughout: its
    sentences' mean probability reaches ``threshold`` (1: never). Read on
    BBC dev, the three game reviews stood apart (0.71 to 0.81; the next
    article 0.66, the median 0.3)."""
    if threshold >= 1.0:
        return False
    probabilities = [p for start, spacy_doc in parses for _, _, p in _scores(doc, model, start, spacy_doc, model_path).sentences]
    return len(probabilities) >= EVALUATIVE_MIN_SENTENCES and sum(probabilities) / len(probabilities) >= threshold


def _scores(doc, model, start: int, spacy_doc, model_path):
    """A block's scores, computed once per document for every loaded rule
    on the same model: the first block asked scores every parsed block of
    the draft at once (:meth:`~lint.subjectivity.LoadedModel.score_blocks`)."""
    cache = doc.models.setdefault(("loaded-scores", model_path), {})
    if start not in cache:
        unscored = [parsed for parsed in doc.parses or [] if parsed.start not in cache]
        cache.update(zip([parsed.start for parsed in unscored], model.score_blocks([parsed.doc for parsed in unscored])))
    scores = cache.get(start)
    if scores is None:  # a heading, parsed apart
        scores = cache[start] = model.score(spacy_doc)
    return scores


def _in_personal_voice(doc, offset: int, closing_only: bool = False) -> bool:
    """Whether the paragraph at a prose offset speaks as "I", or to
    "you", outside quotations (:func:`lint.attribution.personal_voice`;
    not asked when ``closing_only``), or belongs to the run of such
    paragraphs that closes the draft."""
    built = attribution_model(doc)
    sentence = next((s for s in built.sentences if s.start <= offset < s.end), None)
    if sentence is None:
        return False
    personal, closing = _personal_blocks(doc).get(sentence.block, (False, False))
    return closing or (personal and not closing_only)


def _personal_blocks(doc) -> dict[int, tuple[bool, bool]]:
    """For each parsed block, whether it speaks as "I" or to "you"
    outside quotations, and whether it belongs to the run of such
    paragraphs that closes the draft (:func:`_personal_tail`)."""
    blocks = doc.models.get("personal blocks")
    if blocks is None:
        voiced = personal_paragraphs(doc)
        order = sorted(voiced)
        tail = _personal_tail([voiced[block] for block in order])
        blocks = doc.models["personal blocks"] = {block: (voiced[block], k >= tail) for k, block in enumerate(order)}
    return blocks


# Kinds of copy that carry their writer's judgment by design (the front
# matter's ``type:``, or what :func:`copy_type` detects).
OPINION_TYPES = frozenset(("opinion", "column", "editorial", "review", "analysis"))
# The shipped loaded-language rule's ``evaluative-copy``, for the rules that
# ask :func:`others_voice` (chosen on BBC dev, see :func:`evaluative_copy`).
EVALUATIVE_COPY = 0.7
# A draft with at least PERSONAL_PIECE_SENTENCES sentences that speak as
# "I" or "we", or to "you", in the writer's voice (outside quotations, not
# in a title: see _writer_pronoun; before any closing run of readers'
# comments: the story above them is news), or PERSONAL_PIECE_SENTENCES_I_OR_YOU
# when one of them says "I" or "you", is a personal piece throughout: a
# column, review, feature or readers' page. Sentences, not paragraphs: BBC
# copy runs most of an article into one paragraph. "We" alone needs the
# third sentence: two "we" slips stand in news copy (the shared seed
# article's "Here, we see" and "whether we all start"), where "I" or "you"
# is a writer in the story or addressing the reader. On BBC train: 1,246
# articles have no such sentence, 47 one, 13 two, 34 three or more; of the
# 19 that this brings in beyond the earlier count of three paragraphs, 18
# are features, columns, reviews or readers' pages (the other: a news list
# of search queries, "How do I structure a French letter?"); the two it
# drops were news whose song titles said "I" or "My"
# (benchmarks/count_personal_sentences.py).
PERSONAL_PIECE_SENTENCES = 3
PERSONAL_PIECE_SENTENCES_I_OR_YOU = 2
_SECOND_PERSON = frozenset("you your yours yourself yourselves".split())
_I_OR_YOU = _SECOND_PERSON | frozenset("i me my myself".split())
# The rule whose patterns say which first-person pronouns are the writer's,
# as the run configured it (:func:`_configured_check`).
FIRST_PERSON_RULE = "newsroom.first-person"
# An aside to the reader ("of course", "Sadly, ...", "will undoubtedly") is
# the writer speaking in person as "we" is, and counts as such a sentence:
# on BBC train and dev the two drafts it brings to three sentences are
# analysis and a sketch in the correspondent's voice (politics/346, 362);
# no news draft there has three. Found by the editorializing rule, of its
# classes ASIDE_CLASSES, and the phrases ASIDE_PHRASES.
EDITORIALIZING_RULE = "newsroom.editorializing"
ASIDE_CLASSES = ("commenting", "sentence-adverbs")
ASIDE_PHRASES = frozenset(("of course",))
# Contractions after a pronoun, skipped to reach the word after it.
_CONTRACTIONS = frozenset(("'m", "'ve", "'d", "'ll", "'re", "’m", "’ve", "’d", "’ll", "’re"))


def others_voice(doc, offset: int, voice: str, evaluative: float = EVALUATIVE_COPY) -> bool:
    """Whether a rule of loaded language with ``voice`` keeps quiet at a
    prose offset, because the words there carry their writer's judgment
    by design: ``story``: in opinion, column, editorial, review or analysis
    copy (declared, a kicker, a personal piece:
    :data:`PERSONAL_PIECE_SENTENCES`, or copy that reads as biased
    throughout: :func:`evaluative_copy` at ``evaluative``, with the shipped
    model), and in the closing run of readers' comments; ``paragraph``:
    also in a paragraph that speaks as "I", or to "you" (a reader's letter,
    a column within a story); ``any``: never. Read on BBC train: such copy
    held 40% of the category's alerts, nearly all of them the genre's own
    voice, not a slip."""
    if voice == "any":
        return False
    known = doc.models.setdefault("evaluative copy", {})
    # the personal piece is asked each time: its verdict depends on the run's rules (:func:`personal_piece`)
    opinion = copy_type(doc) in OPINION_TYPES or personal_piece(doc) or known.get(evaluative)
    if opinion is None:
        from lint import subjectivity as sj

        opinion = False
        if doc.parses:
            parses = [(parsed.start, parsed.doc) for parsed in doc.parses]
            opinion = evaluative_copy(doc, sj.load(None), None, parses, evaluative)
        known[evaluative] = opinion
    return opinion or _in_personal_voice(doc, offset, closing_only=voice == "story")


def personal_piece(doc) -> bool:
    """Whether at least :data:`PERSONAL_PIECE_SENTENCES` sentences before
    any closing run of readers' comments speak as "I", "we" or to "you"
    in the writer's voice, or :data:`PERSONAL_PIECE_SENTENCES_I_OR_YOU`
    when one says "I" or "you"; sentences with only an aside to the reader
    add to the first count once one sentence speaks in person, never
    alone (worked out once per draft and pair of rules it reads: several
    rules ask, and one draft may be linted under several configs)."""
    checks = (_configured_check(doc, FIRST_PERSON_RULE), _configured_check(doc, EDITORIALIZING_RULE))
    known = doc.models.setdefault("personal piece", {})
    found = known.get(tuple(map(id, checks)))
    if found is None:
        personal, as_i_or_you, aside_only = personal_sentences(doc)
        verdict = (personal > 0 and personal + aside_only >= PERSONAL_PIECE_SENTENCES) or (
            as_i_or_you > 0 and personal >= PERSONAL_PIECE_SENTENCES_I_OR_YOU)
        # kept with the checks, so that no other check takes their ids
        found = known[tuple(map(id, checks))] = (checks, verdict)
    return found[1]


def personal_sentences(doc) -> tuple[int, int, int]:
    """How many sentences before any closing run of readers' comments have
    a :func:`_writer_pronoun`, how many of them say "I" or "you", and how
    many others have an aside to the reader (:func:`_aside_offsets`). Not
    counted: a question to the reader (a call-out closing a news story,
    "What are your experiences?"), and a run of at most
    _CLOSING_COMMENTS paragraphs in a personal voice that closes a draft
    after news paragraphs (a reader's comment or two under a story)."""
    from lint.checks.person import _asks_the_reader  # person.py imports this module

    blocks = _personal_blocks(doc)
    order = sorted(blocks)
    closing = len(order)
    while closing and blocks[order[closing - 1]][0]:
        closing -= 1
    comments = set(order[closing:]) if 0 < closing and len(order) - closing <= _CLOSING_COMMENTS else set()
    personal = as_i_or_you = aside_only = 0
    first_person = _first_person_offsets(doc)
    asides = _aside_offsets(doc)
    for paragraph_block, paragraph in attribution_model(doc).paragraphs.items():
        if blocks.get(paragraph_block, (False, False))[1] or paragraph_block in comments:
            continue
        for sentence in paragraph:
            if _asks_the_reader(doc, sentence.start):
                continue
            pronouns = {token.lower_ for token in sentence.span if _writer_pronoun(doc, sentence, token, first_person)}
            personal += bool(pronouns)
            as_i_or_you += bool(pronouns & _I_OR_YOU)
            aside_only += not pronouns and any(sentence.start <= a < sentence.end for a in asides)
    return personal, as_i_or_you, aside_only


def _writer_pronoun(doc, sentence, token, first_person: frozenset[int]) -> bool:
    """Whether a token is "I", "we" or "you" (any case form) in the
    writer's voice, outside quotations: a pronoun the first-person rule
    flags (``first_person``: :func:`_first_person_offsets`, that rule's
    patterns less its ``unless``: titles, "US", "our correspondent", a
    partial quotation's "we", "as we know it"), or "you" in lower case or
    opening a sentence before a word that is not capitalized (else a
    title's: "I Believe in You", "You Raise Me Up")."""
    if token.lower_ not in _SECOND_PERSON:
        return sentence.offset(token) in first_person
    if not token.is_lower:
        following = next((t for t in token.doc[token.i + 1 : sentence.span.end] if t.lower_ not in _CONTRACTIONS), None)
        if not token.is_title or not token.is_sent_start or (following is not None and following.is_title and following.text != "I"):
            return False
    return not doc.in_quote(sentence.offset(token))


def _rule_matches(doc, check, words: frozenset[str] | None) -> list[tuple[int, int]]:
    """Prose spans of a pattern rule's matches outside quotations: its own
    matcher, patterns and ``unless`` (one source for that rule and the
    personal-piece count), run only on a block where one of ``words``
    (lower case; None: any block) stands outside quotations: most blocks
    have none, and the matcher costs ten times the look."""
    spans = []
    for parsed in doc.parses or ():
        if words is not None and not any(t.lower_ in words and not doc.in_quote(parsed.start + t.idx) for t in parsed.doc):
            continue
        spans += [prose_span(parsed, first, last) for first, last in check.unexcused_matches(doc, parsed)]
    return [(start, end) for start, end in spans if not doc.in_quote(start)]


def _first_person_offsets(doc) -> frozenset[int]:
    """Prose offsets of the pronouns the first-person rule flags."""
    check = _configured_check(doc, FIRST_PERSON_RULE)
    return frozenset(start for start, _ in _rule_matches(doc, check, _pattern_words(check)))


def _pattern_words(check) -> frozenset[str] | None:
    """The words, in lower case, one of which every match of a pattern
    rule holds: the word each token pattern requires (the first-person
    rule's classes, and "I", which a pattern of its own names); None when
    a pattern requires only a tag or a lemma, or the rule has dependency
    patterns, which a word cannot rule out."""
    if check.reaches is None or check.dependency:
        return None
    words = set()
    for (attr, values), _, _ in check.reaches:
        if attr not in ("LOWER", "ORTH", "TEXT"):
            return None
        words.update(value.lower() for value in values)
    return frozenset(words)


def _aside_offsets(doc) -> list[int]:
    """Prose offsets of the writer's asides to the reader, as the
    editorializing rule finds them: a commenting adverb of its classes
    (``ASIDE_CLASSES``: "sadly,", "undoubtedly") or "of course", not in a
    span someone else voices (that rule's ``attributed: skip``: "Of
    course, taxes will rise, the treasurer said")."""
    check = _configured_check(doc, EDITORIALIZING_RULE)
    # a desk's rule without one of the classes has no such asides
    asides = {w.lower() for name in ASIDE_CLASSES for w in check.classes.get(name, ())} | ASIDE_PHRASES
    words = frozenset(phrase.split()[-1] for phrase in asides)
    found = [(start, end) for start, end in _rule_matches(doc, check, words) if doc.prose[start:end].lower() in asides]
    voiced = _Containment(_voiced_spans(doc) if found and check.options["attributed"] == "skip" else [])
    return [start for start, end in found if not voiced.contains(start, end)]


def _configured_check(doc, rule_id: str):
    """A rule's check as this run configured it (:attr:`Document.rules`:
    a desk's ``rule-options`` for its words and excuses reach the
    personal-piece count, whether the run applies the rule or leaves it
    out), or the shipped rule's when the config has no options for it.
    Turning a rule's alerts off does not say which words speak in person:
    a desk that lets its writers say "we" still runs columns, and the
    loaded rules still keep quiet in them."""
    rule = doc.rules.get(rule_id)
    return rule.check if rule is not None else _shipped_check(rule_id)


@lru_cache(maxsize=2)
def _shipped_check(rule_id: str):
    from lint.packs import builtin_packs, load_pack

    check = next((r.check for r in load_pack(builtin_packs()["newsroom"], "newsroom") if r.id == rule_id), None)
    if check is None:
        raise LookupError(f"the newsroom pack has no rule {rule_id!r}, which the personal-piece count reads")
    return check


def _personal_tail(voiced: list[bool]) -> int:
    """Where the closing run of personal paragraphs starts in a draft's
    paragraphs (``voiced``: whether each speaks as "I" or to "you"): at
    the start, on such a paragraph, that leaves the most of them beyond
    _TAIL_SHARE (the latest of equals), if the run has _TAIL_PARAGRAPHS;
    past the end otherwise."""
    start, best, gain = len(voiced), 0.0, 0.0
    for k in range(len(voiced) - 1, -1, -1):
        gain += voiced[k] - _TAIL_SHARE
        if voiced[k] and gain > best:
            start, best = k, gain
    return start if len(voiced) - start >= _TAIL_PARAGRAPHS else len(voiced)


def _plain_use(token) -> bool:
    """Uses that read on BBC dev as description, not the writer's verdict,
    whatever the word: a noun modifying a noun names a kind ("horror
    genre"); an adverb after the verb it modifies says how it went ("faded
    badly", "vied unsuccessfully"); a participle-like adjective after a
    copula is a state someone is in, theirs to report ("Spamhaus is
    worried", "advocates are concerned"); so is an adjective after a copula
    that takes a clause, and the clause is that someone's view ("he was
    sceptical that ...", "advocates are concerned that monitoring is
    damaging")."""
    if token.dep_ == "compound" and token.pos_ == "NOUN":
        return True
    if token.pos_ == "ADV" and token.dep_ == "advmod" and token.head.pos_ == "VERB" and token.i > token.head.i:
        return True
    if token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lower_.endswith("ed"):
        return True
    return any(t.pos_ == "ADJ" and t.dep_ == "acomp" and any(c.dep_ == "ccomp" for c in t.children)
               for t in (token, *token.ancestors))


def _estimated(token) -> bool:
    """Whether the word is in the object of an estimate someone else makes
    ("analysts are forecasting a further, albeit less dramatic weakening"):
    its nearest verb is one of :data:`lint.lexicon.ESTIMATE_VERBS` with a subject that
    is not the writer."""
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in lx.ESTIMATE_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.lower_ not in _WRITER for s in subjects)


def _denied(token) -> bool:
    """Whether a negation governs the word: its own ("not devastating"), or
    that of the predicate it is part of ("is not devastating", "was not
    hugely popular")."""
    node = token
    while not any(c.dep_ == "neg" for c in node.children):
        if node.dep_ not in ("acomp", "attr", "advmod") or node.head is node:
            return False
        node = node.head
    return True


def _category(token, model) -> str:
    """A word's category when no class names it: by part of speech and the
    lexicon's intensity and polarity."""
    pos = token.pos_
    row = _lexicon_row(token, model)
    if pos == "ADV":
        return "intensity" if row is not None and row[_INTENSITY_COLUMN] > 0 else "judgment"
    if pos == "VERB":
        return "dramatization"
    if pos == "NOUN":
        return "label"
    if row is not None and row[_POLARITY_COLUMN] >= 0.3:
        return "puffery"
    return "judgment"


def _lexicon_row(token, model):
    row = model.lexicon_row(token.lower)
    return row if row is not None else model.lexicon_row(token.lemma)


def copy_type(doc) -> str:
    """What kind of copy a draft is: the front matter's ``type:`` as given
    (lowercased), else ``opinion``, ``review``, ``analysis`` or ``sports``
    when a front-matter field (type, genre, section, category, kicker,
    label) or a kicker opening the draft ("OPINION: ...", "Review |")
    says so, or ``opinion`` when the standfirst names its writer as a
    columnist, analyst, commentator or critic, or ``analysis`` when its
    headline or standfirst (its first two blocks) asks a question outside
    quotations; else ``sports`` when the text reads as a sports report
    (:func:`sports_copy`); else ``news``. Worked out once per document:
    several rules ask."""
    kind = doc.models.get("copy type")
    if kind is None:
        kind = doc.models["copy type"] = _copy_type(doc)
    return kind


def _copy_type(doc) -> str:
    front = doc.front_matter or {}
    declared = front.get("type")
    if isinstance(declared, str) and declared.strip():
        return declared.strip().lower()
    for key in TYPE_KEYS:
        value = front.get(key)
        if isinstance(value, str):
            words = set(re.findall(r"[a-z-]+", value.lower()))
            for kind, markers in TYPE_WORDS.items():
                if words & set(markers):
                    return kind
    body = [b for b in doc.blocks if b.kind != "frontmatter"]
    if body:
        match = _KICKER.match(doc.prose[body[0].start : body[0].end])
        if match:
            word = match.group("kind").lower()
            return next(kind for kind, markers in TYPE_WORDS.items() if word in markers or word == kind)
        standfirst = next((b for b in body if b.kind == "paragraph"), None)
        if standfirst is not None and _STANDFIRST_WRITER.search(doc.prose, standfirst.start, standfirst.end):
            return "opinion"
        if any(not doc.in_quote(m.start()) for b in body[:2] for m in _SENTENCE_QUESTION.finditer(doc.prose, b.start, b.end)):
            return "analysis"
    if sports_copy(doc.prose):
        return "sports"
    return "news"


def types_option(check, rule, choices, what: str) -> dict[str, frozenset[str]]:
    """A rule's ``types`` option: per kind of copy (see :func:`copy_type`),
    the ``choices`` still reported."""
    types = {}
    for name, chosen in check.options["types"].items():
        if not isinstance(chosen, list) or any(c not in choices for c in chosen):
            raise check.error(f"rule {rule.id}: 'types.{name}' must list {what} ({', '.join(choices)})", "types")
        types[str(name).lower()] = frozenset(chosen)
    return types


@lru_cache(maxsize=1)
def _sports_words() -> frozenset[str]:
    # mined from BBC News' sport section by training/sports_words.py
    return frozenset(resources.files("lint").joinpath("data/sports-words.txt").read_text(encoding="utf-8").split())


def sports_copy(text: str) -> bool:
    """Whether text reads as a sports report: a scoreline, or at least
    :data:`SPORTS_WORDS_MIN` distinct words of sports copy."""
    if _SCORE_DIGITS.search(text) and _SCORELINE.search(text):
        return True
    return len({w.lower() for w in re.findall(r"[A-Za-z]+", text)} & _sports_words()) >= SPORTS_WORDS_MIN
