"""The trained loaded-language layer: the model file (loading, determinism,
a missing or corrupt file) and the ``loaded`` rule kind (thresholds,
categories, the contexts it leaves alone)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from conftest import load_error, make_rule, run, write
from lint import nlp
from lint import subjectivity as sj
from lint.checks import loaded
from lint.document import parse
from lint.engine import lint, lint_text
from lint.errors import RuleError
from lint.packs import builtin_packs, load_pack

LOADED = "The regime's brutal crackdown continued. It was a grim, weird week for the coalition."
RULE = """\
extends: loaded
message: "'%s' %s."
category: loaded-language
quotes: skip
attributed: skip
threshold: {threshold}
sentence-threshold: 0.5
{extra}
"""


def loaded_rule(threshold: float = 0.6, extra: str = ""):
    return make_rule(RULE.format(threshold=threshold, extra=textwrap.dedent(extra)))


def matches(text: str, rule=None, path: str = "story.md") -> list[str]:
    return [a.match for a in lint_text(text, [rule or loaded_rule()], path)]


# -- the model -----------------------------------------------------------------


def test_the_model_loads_once_per_process_and_only_when_asked():
    assert sj.load() is sj.load()
    code = ("import lint.engine, lint.packs, sys; lint.packs.load_pack(lint.packs.builtin_packs()['newsroom'], 'newsroom');"
            "print('lint.subjectivity' in sys.modules, 'numpy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]  # loading the rules reads no model


def test_the_shipped_model_is_small_and_names_its_pipeline():
    model = sj.load()
    assert (sj.DEFAULT_MODEL / sj.MODEL_FILE).stat().st_size < 5_000_000
    assert (sj.DEFAULT_MODEL / "MODEL_CARD.md").is_file()
    assert model.meta["pipeline"] == nlp.DEFAULT_PIPELINE
    assert model.meta["tensor_width"] == nlp.load().get_pipe("tok2vec").model.get_dim("nO")


def test_scores_are_probabilities_and_name_the_loaded_words():
    doc = nlp.load()(LOADED)
    scores = sj.load().score(doc)
    assert ((scores.tokens >= 0) & (scores.tokens <= 1)).all()
    by_word = {t.text: scores.tokens[t.i] for t in doc}
    assert by_word["grim"] > 0.5 > by_word["week"]
    assert by_word["the"] == 0  # function words are not scored


def test_scoring_is_deterministic_within_and_across_processes():
    doc = nlp.load()(LOADED)
    first, second = sj.load().score(doc), sj.load().score(nlp.load()(LOADED))
    assert np.array_equal(first.tokens, second.tokens) and first.sentences == second.sentences
    code = ("from lint import nlp, subjectivity as sj; s = sj.load().score(nlp.load()(%r));"
            "print(repr(s.tokens.tolist()), repr(s.sentences))" % LOADED)
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
               for _ in range(2)}
    assert outputs == {f"{first.tokens.tolist()!r} {first.sentences!r}\n"}


def test_the_context_head_reads_each_token_beside_its_neighbours_and_its_sentence():
    # tokens 0-5 in two sentences [0, 3) and [3, 6); 1 and 4 are not scored
    logits = np.array([2.0, -np.inf, 0.5, -1.0, -np.inf, 3.0])
    scored = np.array([0, 2, 3, 5])
    rows = sj.context_features(logits, scored, [(0, 3), (3, 6)], [1.5, -0.5])
    column = {name: rows[:, i].tolist() for i, name in enumerate(sj.CONTEXT_FEATURES)}
    assert column["logit"] == [2.0, 0.5, -1.0, 3.0]
    assert column["sentence_logit"] == [1.5, 1.5, -0.5, -0.5]
    unscored = sj._UNSCORED_LOGIT  # an unscored neighbour, or none: beyond the block
    assert column["logit_before"] == [unscored, unscored, 0.5, unscored]
    assert column["logit_after"] == [unscored, -1.0, unscored, unscored]
    assert column["logit_2_before"] == [unscored, 2.0, unscored, -1.0]
    assert column["rank"] == [0, 1, 1, 0] and column["first"] == [1, 0, 0, 1]
    assert column["below_sentence_max"] == [0.0, -1.5, -4.0, 0.0]
    assert column["sentence_count_over_0"] == [2, 2, 1, 1] and column["sentence_scored"] == [2, 2, 2, 2]
    assert column["logit_x_sentence_logit"] == [3.0, 0.75, 0.5, -1.5]


def test_the_lemma_prior_is_each_lemmas_smoothed_marked_rate():
    from lint import training

    def parsed(hashes, labels):
        features = sj.TokenFeatures(np.arange(len(hashes)), None, None, None, None, np.zeros((len(hashes), 1)), None, None)
        return training.Parsed(features, np.array(labels, dtype=np.int8), np.array(hashes, dtype=np.uint64))

    # lemma 7 marked in 3 of 3 uses, lemma 9 in 0 of 5, over 8 tokens of which 3 are marked
    prior = training.lemma_prior([parsed([7, 9, 9], [1, 0, 0]), parsed([7, 7, 9, 9, 9], [1, 1, 0, 0, 0])])
    rows = prior.features(np.array([7, 9, 11], dtype=np.uint64))
    base = (3 + 1) / (8 + 2)
    expected = [(3 + training.PRIOR_SMOOTHING * base) / (3 + training.PRIOR_SMOOTHING),
                (0 + training.PRIOR_SMOOTHING * base) / (5 + training.PRIOR_SMOOTHING), base]
    assert np.allclose(rows[:, 0], [np.log(r / (1 - r)) for r in expected])
    assert np.allclose(rows[:, 1], [np.log1p(3), np.log1p(5), 0.0])
    assert rows[0, 0] > rows[2, 0] > rows[1, 0]  # a marked lemma above one never seen, above one never marked


def test_the_second_lemma_prior_counts_only_sentences_holding_a_marked_word():
    from lint import training

    def parsed(hashes, labels):
        features = sj.TokenFeatures(np.arange(len(hashes)), None, None, None, None, np.zeros((len(hashes), 1)), None, None)
        return training.Parsed(features, np.array(labels, dtype=np.int8), np.array(hashes, dtype=np.uint64))

    # lemma 7 is marked once; it also stands, unmarked, in a sentence with no mark (a neutral one)
    with_mark, without = parsed([7, 9], [1, 0]), parsed([7, 7, 9], [0, 0, 0])
    every, marked_only = training.lemma_priors([with_mark, without])
    assert np.allclose(every.features(np.array([7], dtype=np.uint64)),
                       training.lemma_prior([with_mark, without]).features(np.array([7], dtype=np.uint64)))
    assert np.allclose(marked_only.features(np.array([7], dtype=np.uint64)),
                       training.lemma_prior([with_mark]).features(np.array([7], dtype=np.uint64)))
    assert marked_only.seen[list(marked_only.keys).index(7)] == np.log1p(1)  # the neutral sentence's two uses left out
    rows = sj.prior_features((every, marked_only), np.array([7, 9], dtype=np.uint64))
    assert rows.shape == (2, 2 * len(sj.PRIOR_FEATURES))


def test_a_blocks_sentences_are_featured_at_once_as_each_would_be_alone():
    # two sentences, tokens [0, 4) and [4, 7); the second has one scored token, a third [7, 8) none
    rng = np.random.default_rng(3)
    tensor, lexicon, static = rng.normal(size=(8, 5)).astype(np.float32), rng.random((8, 8)), rng.normal(size=(4, 3))
    scored = np.array([0, 2, 3, 5])
    logits = np.full(8, -np.inf)
    logits[scored] = [0.5, 2.0, -1.0, 1.5]
    block = sj.TokenFeatures(scored, None, None, None, None, tensor, lexicon, static)
    rows = sj.sentences_features(block, logits, [(0, 4), (4, 7), (7, 8)])
    for row, (start, end) in zip(rows, [(0, 4), (4, 7), (7, 8)]):
        inside = (scored >= start) & (scored < end)
        alone = sj.TokenFeatures(scored[inside] - start, None, None, None, None, tensor[start:end], lexicon[start:end],
                                 static[inside])
        assert row.tolist() == pytest.approx(sj.sentence_features(alone, logits[start:end]).tolist())
    summary = rows[:, -len(sj.SENTENCE_FEATURES):]
    assert summary[:, 0].tolist() == [2.0, 1.5, -10.0]  # the best score; -10 with none
    assert summary[:, 1].tolist() == pytest.approx([0.5, 1.5, -10.0])  # the mean of the best three
    assert summary[:, 2].tolist() == [2, 1, 0]  # scores over 0


def test_the_lexicon_columns_the_rule_reads_are_the_models():
    assert sj.LEXICON_COLUMNS[loaded._INTENSITY_COLUMN] == "tb_intensity"
    assert sj.LEXICON_COLUMNS[loaded._POLARITY_COLUMN] == "tb_polarity"


def test_static_vectors_cover_words_by_their_hash_and_leave_unknown_ones_empty():
    vectors = sj.load().vectors
    strings = nlp.load().vocab.strings
    rows = vectors.of(np.array([strings.add("scathing"), strings.add("harsh"), strings.add("qzxvwk")], dtype=np.uint64))
    assert rows.shape == (3, vectors.width + 1)
    assert rows[0, -1] == rows[1, -1] == 1.0 and np.abs(rows[0, :-1]).sum() > 0
    assert not rows[2].any()


def test_training_reads_only_the_pinned_vectors(tmp_path):
    from lint import training

    impostor = tmp_path / training.VECTORS_WHEEL
    impostor.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    with pytest.raises(ValueError, match="not the pinned"):
        training.static_vectors_from_wheel(impostor)


@pytest.mark.parametrize("content", [None, b"not a zip file", b"PK\x03\x04 truncated"])
def test_a_missing_or_corrupt_model_is_an_error_naming_it(tmp_path, content):
    folder = tmp_path / "model"
    folder.mkdir()
    if content is not None:
        (folder / sj.MODEL_FILE).write_bytes(content)
    with pytest.raises(RuleError) as caught:
        sj.LoadedModel(folder)
    assert caught.value.path == str(folder / sj.MODEL_FILE)
    assert ("missing" if content is None else "corrupt") in caught.value.message


def test_a_model_with_missing_arrays_is_an_error(tmp_path):
    with np.load(sj.DEFAULT_MODEL / sj.MODEL_FILE) as data:
        arrays = {k: data[k] for k in data.files if k != "sentence_lemma"}
    np.savez(tmp_path / sj.MODEL_FILE, **arrays)
    with pytest.raises(RuleError, match="lacks sentence_lemma"):
        sj.LoadedModel(tmp_path)


@pytest.mark.parametrize("content", [None, b"garbage"])
def test_the_cli_exits_2_naming_a_missing_or_corrupt_model(tmp_path, content):
    model = tmp_path / "styles" / "desk" / "ours"
    model.mkdir(parents=True)
    if content is not None:
        (model / sj.MODEL_FILE).write_bytes(content)
    write(tmp_path / "styles/desk/loaded.yml", RULE.format(threshold=0.6, extra="model: ours"))
    write(tmp_path / ".copydesk.yaml", "packs: [desk]\nrule-dirs: [styles]\n")
    write(tmp_path / "story.md", LOADED + "\n")
    result = run("check", str(tmp_path / "story.md"))
    assert result.exit_code == 2
    assert str(model / sj.MODEL_FILE) in result.output


def test_a_model_folder_that_does_not_exist_is_a_rule_error():
    error = load_error(RULE.format(threshold=0.6, extra="model: no/such/folder"))
    assert "'model' names no folder" in error.message and error.line == 8


# -- the rule kind -------------------------------------------------------------


def test_the_threshold_decides_what_is_flagged():
    assert matches(LOADED, loaded_rule(0.6)) == ["brutal", "grim", "weird"]
    assert matches(LOADED, loaded_rule(1.0)) == []
    everything = matches(LOADED, loaded_rule(0.0, "evidence: context"))
    assert {"grim", "weird", "brutal", "week", "continued", "crackdown"} <= set(everything)


@pytest.mark.parametrize("bad, problem", [
    ("threshold: 1.5", "'threshold' must be a probability"),
    ("threshold: high", "key 'threshold' must be a number"),
    ("categories: [judgment, snark]", "unknown value 'snark' in 'categories'"),
    ("classes: {snark: [grim]}", "unknown category 'snark' in 'classes'"),
    ("types: {opinion: [snark]}", "'types.opinion' must list categories"),
    ("evidence: vibes", "key 'evidence' must be one of"),
])
def test_bad_options_are_rule_errors(bad, problem):
    source = RULE.format(threshold=0.6, extra="").replace("threshold: 0.6\n", "") + bad + "\n"
    assert problem in load_error(source).message


def test_a_category_may_have_a_stricter_threshold():
    brutal = "classes: {dramatization: [brutal]}\n"
    assert "brutal" in matches(LOADED, loaded_rule(0.5, brutal))
    assert "brutal" not in matches(LOADED, loaded_rule(0.5, brutal + "thresholds: {dramatization: 1.0}"))
    assert "brutal" in matches(LOADED, loaded_rule(0.5, brutal + "thresholds: {judgment: 1.0}"))


@pytest.mark.parametrize("bad", ["thresholds: {sarcasm: 0.5}", "thresholds: {judgment: 2}", "thresholds: {judgment: yes}"])
def test_bad_per_category_thresholds_are_rule_errors(bad):
    assert "thresholds" in str(load_error(RULE.format(threshold=0.5, extra=bad)))


def test_categories_and_classes_choose_what_is_reported():
    only_labels = loaded_rule(extra="categories: [label]\nclasses: {label: [grim]}")
    assert matches(LOADED, only_labels) == ["grim"]


def test_exceptions_and_alternatives():
    rule = loaded_rule(extra="exceptions: [weird]\nalternatives: {brutal: describe what was done}")
    alerts = lint_text(LOADED, [rule], "story.md")
    assert [a.match for a in alerts] == ["brutal", "grim"]
    assert alerts[0].message == "'brutal' judges what it describes (judgment); neutral: describe what was done."


def test_quotations_and_attributed_opinions_are_the_speakers():
    assert matches(f'"{LOADED}" the mayor said.') == []
    assert matches("The crackdown was brutal, the opposition leader said.") == []
    assert matches("The regime's brutal crackdown continued.") == ["brutal"]


@pytest.mark.parametrize("text, plain", [
    ("Spamhaus is worried about the new filter.", "worried"),
    ("The favourite faded badly in the race.", "badly"),
    ("His influence on the horror genre was huge.", "horror"),
    ("He was sceptical that the cells would work.", "sceptical"),
])
def test_descriptive_uses_are_not_flagged_whatever_the_score(text, plain):
    # threshold 0 and no evidence asked: every scored word but the plain use
    rule = make_rule(RULE.format(threshold=0.0, extra="evidence: context").replace("sentence-threshold: 0.5", "sentence-threshold: 0.0"))
    found = matches(text, rule)
    assert found and plain not in found


@pytest.mark.parametrize("text, kind", [
    ("City won 3-1 at home on Saturday.", "sports"),
    ("The coach named his squad for the tournament.", "sports"),
    ("The council named its budget team for the year.", "news"),
])
def test_copy_type_detects_sports_reports(text, kind):
    assert loaded.copy_type(parse(text + "\n", "story.md")) == kind


@pytest.mark.parametrize("front, kind", [
    ("type: opinion", "opinion"),
    ("type: Review", "review"),
    ("section: Sport", "sports"),
    ("kicker: Comment", "opinion"),
    ("headline: A week", "news"),
])
def test_copy_type_from_front_matter(front, kind):
    assert loaded.copy_type(parse(f"---\n{front}\n---\n\nText.\n", "story.md")) == kind


@pytest.mark.parametrize("opening, kind", [("OPINION: ", "opinion"), ("Review | ", "review"), ("DVD review: ", "review"),
                                           ("Preview: ", "news"), ("Spending review: ", "news"), ("", "news")])
def test_copy_type_from_a_kicker(opening, kind):
    assert loaded.copy_type(parse(f"{opening}The plan fails.\n", "story.md")) == kind


@pytest.mark.parametrize("standfirst, kind", [
    ("We are reaching the point where broadband matters, argues technology analyst Bill Thompson.", "opinion"),
    ("Sales rose 26%, according to analyst Jane Doe of Gartner.", "news"),
    ("Sales rose in a period that, according to Gartner analyst Carolina Milanesi, is seldom strong.", "news"),
    ("Prices will rise, says analyst Jane Doe.", "news"),
    ("Sales will double, according to a report by analysts Forrester Research.", "news"),
])
def test_copy_type_from_a_standfirst_naming_its_columnist(standfirst, kind):
    assert loaded.copy_type(parse(f"Learning to love broadband\n{standfirst}\nThe plan fails.\n", "story.txt")) == kind


@pytest.mark.parametrize("headline, standfirst, kind", [
    ("What now for Kelly Holmes?", "Holmes has pulled out of the championships.", "analysis"),
    ("What really divides the parties", "So what is the gap between Labour and the Tories nowadays?", "analysis"),
    # a title's question mark, mid-sentence; a question in quotation marks; one past the standfirst
    ("Band Aid single storms to No 1", "The song Do They Know It's Christmas? has gone straight in at number one.", "news"),
    ("Minister faces MPs", '"Where is the money?" the minister was asked on Tuesday.', "news"),
    ("Minister faces MPs", "The minister spoke on Tuesday.\nIs the plan working?", "news"),
])
def test_copy_type_from_an_opening_that_asks_the_reader(headline, standfirst, kind):
    assert loaded.copy_type(parse(f"{headline}\n\n{standfirst}\n", "story.txt")) == kind


def test_opinion_and_review_copy_are_left_alone_and_sports_keeps_judgments():
    rule = loaded_rule(extra="types: {opinion: [], sports: [judgment]}\nclasses: {dramatization: [brutal]}")
    assert matches(f"---\ntype: opinion\n---\n\n{LOADED}\n", rule) == []
    assert matches(f"OPINION: {LOADED}\n", rule) == []
    assert matches(f"---\ntype: sports\n---\n\n{LOADED}\n", rule) == ["grim", "weird"]
    assert matches(f"---\ntype: news\n---\n\n{LOADED}\n", rule) == ["brutal", "grim", "weird"]


# Eight sentences of a reviewer's verdicts: copy that judges throughout.
REVIEW = """The sequel is a grim, weird slog. Its puzzles are fiendish and its villains absurd.
The dialogue is irritatingly bland. The brutal combat is gruesome and pointless.
The plot is a chaotic, meaningless mess. Its heroes are vain and pompous.
The ending is a shameful, lazy cop-out. It is the most disappointing game of the year.
"""


def test_copy_that_judges_throughout_reads_as_a_review():
    review_is_quiet = "types: {review: []}\nevaluative-copy: 0.7"
    assert matches(REVIEW, loaded_rule(extra=review_is_quiet)) == []
    assert len(matches(REVIEW, loaded_rule(extra="types: {review: []}"))) >= 5  # the default, 1: off
    # one such sentence, linted alone, is not a review
    assert matches(LOADED, loaded_rule(extra=review_is_quiet)) == ["brutal", "grim", "weird"]


def test_a_paragraph_that_speaks_as_i_or_to_you_is_its_writers():
    reader = "I think the minimum wage is good news. It was a grim, weird week for the coalition.\n"
    assert matches(reader) == []
    assert matches("The council met on Monday. It was a grim, weird week for the coalition.\n") == ["grim", "weird"]
    assert matches('"I quit," she said. It was a grim, weird week for the coalition.\n') == ["grim", "weird"]
    assert matches("You cannot compare the threats. It was a grim, weird week for the coalition.\n") == []


def test_signed_readers_comments_are_theirs():
    comments = ("It was a grim, weird week for the coalition and its leaders.\nJane Doe, Leeds\n\n"
                "It was a grim, weird week for the coalition and its leaders.\nDave Smith, Cork, Ireland\n")
    assert matches("The council met on Monday.\n\n" + comments, path="story.txt") == []
    # one signature alone may be a heading: both paragraphs are flagged
    assert matches("The council met on Monday.\n\n" + comments.replace("Jane Doe, Leeds\n", ""),
                   path="story.txt") == ["grim", "weird"] * 2


def test_a_closing_run_of_personal_paragraphs_is_its_writers_throughout():
    news = "The council met on Monday to discuss the budget.\n\n"
    grim = "It was a grim, weird week for the coalition.\n\n"
    comments = "".join(["I think the council is right.\n\n", "You cannot trust the figures.\n\n"] * 5)
    # a comment that says neither "I" nor "you", inside readers' comments
    assert matches(news + comments + grim + comments, path="story.txt") == []
    # the same paragraph among news paragraphs, before the comments start
    assert matches(news * 3 + grim + news * 3 + comments, path="story.txt") == ["grim", "weird"]
    # too short a run to be a comment page, and a comment or two closing a story makes no personal piece
    assert matches(news + grim + comments[: len(comments) // 5], path="story.txt") == ["grim", "weird"]
    # nor does a call-out asking the reader
    callout = "What are your experiences? Are you happy with your bank? Do you plan to move?\n\n"
    assert matches(news * 3 + callout + grim, path="story.txt") == ["grim", "weird"]
    # the same voice throughout the draft does
    assert matches("I think the council is right.\n\nYou cannot trust the figures.\n\n" + grim, path="story.txt") == []


@pytest.mark.parametrize("voiced, start", [
    ("..........", 10),
    ("..IIIIIIII.I", 2),  # the run starts on its first personal paragraph
    ("I.........IIIIIIII.I", 10),  # the densest start, not the first personal paragraph
    ("....IIIIIII", 11),  # seven paragraphs are too few
    ("I.I.I.I.I.I.", 12),  # half is not more than half
])
def test_the_closing_personal_run_starts_where_it_is_densest(voiced, start):
    assert loaded._personal_tail([c == "I" for c in voiced]) == start


def test_headlines_are_skipped_unless_asked_for():
    text = "# Grim, weird week for the brutal regime\n\nThe council met on Monday.\n"
    assert matches(text) == []
    assert {"Grim", "weird"} <= set(matches(text, loaded_rule(extra="headlines: check\nscope: [text]")))


def test_the_shipped_rule_defers_to_the_word_lists():
    newsroom = {r.id: r for r in load_pack(builtin_packs()["newsroom"], "newsroom")}
    trained, editorializing = newsroom["newsroom.loaded-language"], newsroom["newsroom.editorializing"]
    text = "The governor's absurd retreat left voters stranded."
    assert [a.rule for a in lint_text(text, [trained])] == ["newsroom.loaded-language"]
    both = lint_text(text, [trained, editorializing])
    assert [(a.rule, a.match) for a in both] == [("newsroom.editorializing", "absurd")]


def test_scores_are_computed_once_per_document_for_every_loaded_rule(monkeypatch):
    scored = []
    model = sj.load()
    original = type(model)._score
    monkeypatch.setattr(type(model), "_score", lambda self, docs, whole: scored.extend(docs) or original(self, docs, whole))
    doc = parse(LOADED + "\n\nThe mayor's absurd plan stalled.\n", "story.md")
    lint(doc, [loaded_rule(), make_rule(RULE.format(threshold=0.9, extra=""), "test.other")])
    assert len(doc.parses) == 2
    assert sorted(id(d) for d in scored) == sorted(id(parsed.doc) for parsed in doc.parses)


def test_a_drafts_blocks_scored_at_once_score_as_each_alone():
    # the first block leaves a quotation open (the next block's words are not quoted) and ends
    # on a scored word, as the next starts with one (neither is the other's neighbour)
    texts = ['He called it "a brutal, grim crackdown', "Absurd scenes followed in a weird week", "",
             'The "absurd" plan stalled, she said.']
    blocks = [nlp.load()(text) for text in texts]
    model = sj.load()
    for together, text in zip(model.score_blocks(blocks), texts):
        alone = model.score(nlp.load()(text))
        assert np.array_equal(together.tokens, alone.tokens) and together.sentences == alone.sentences
        assert np.array_equal(together.marked, alone.marked) and np.array_equal(together.listed, alone.listed)


# -- retraining ----------------------------------------------------------------

OWN_SENTENCES = [
    ("The council approved the budget on Tuesday.", 0, ""),
    ("The mayor's reckless, shameful plan will ruin the town.", 1, "reckless|shameful|ruin"),
    ("Officials counted 4,000 ballots by noon.", 0, ""),
    ("The senator's pathetic excuse fooled nobody.", 1, "pathetic|fooled"),
    ("The bridge reopened after repairs.", 0, ""),
    ("A disgraceful, cowardly vote betrayed the voters.", 1, "disgraceful|cowardly|betrayed"),
    ("Rain is expected on Friday.", 0, ""),
    ("The absurd ruling was a farce.", 1, "absurd|farce"),
]


def test_a_newsroom_retrains_the_model_on_its_own_sentences(tmp_path):
    for module in ("sklearn", "scipy", "textblob", "vaderSentiment"):  # the train extra
        pytest.importorskip(module)
    rows = ["text,label,words"] + [f'"{t}",{label},{words}' for t, label, words in OWN_SENTENCES * 4]
    data = write(tmp_path / "ours.csv", "\n".join(rows) + "\n")
    result = run("train", str(data), "--out", str(tmp_path / "ours"))
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "macro F1" in result.output
    model = sj.LoadedModel(tmp_path / "ours")
    assert model.meta["data"]["sentences"] == 32
    first = (tmp_path / "ours" / sj.MODEL_FILE).read_bytes()
    assert run("train", str(data), "--out", str(tmp_path / "ours")).exit_code == 0
    assert (tmp_path / "ours" / sj.MODEL_FILE).read_bytes() == first  # the same data, the same file


def test_marked_words_mark_every_token_they_span_case_and_apostrophe_aside():
    from lint import training

    doc = nlp.load()("The far-left group’s Radical plan, radical as ever, won.")
    marked = training.marked_tokens(doc, ["far-left", "group's", "radical"])
    assert [t.text for t in doc if marked[t.i]] == ["far", "-", "left", "group", "’s", "Radical", "radical"]
    # a marked word counts once, however many times it stands in the sentence
    assert [len(found) for found in training.marked_spans(doc.text, ["radical", "Radical", "won"])] == [2, 1]


def test_train_names_a_data_file_it_cannot_use(tmp_path):
    data = write(tmp_path / "ours.csv", "sentence,verdict\nA plain line.,0\n")
    result = run("train", str(data), "--out", str(tmp_path / "ours"))
    assert result.exit_code == 2
    assert str(data) in result.output and "needs columns text and label" in result.output


def test_marks_are_evidence_for_the_part_of_speech_annotators_marked():
    # BABE's annotators marked "mock" the verb, never the adjective ("a mock election")
    model = sj.load()
    verb = nlp.load()("Critics mocked the plan.")
    adjective = nlp.load()("Pupils held a mock election.")
    assert model.score(verb).marked[1]
    assert not model.score(adjective).marked[3]
    lemma = np.array([verb[1].lemma], dtype=np.uint64)
    assert sj.sense_hashes(lemma, np.array([0]))[0] != sj.sense_hashes(lemma, np.array([1]))[0]


@pytest.mark.parametrize("text, word, flagged", [
    ("The impact was devastating.", "devastating", True),
    ("The impact was not devastating.", "devastating", False),
    ("The phone was not hugely popular.", "hugely", False),
    ("The claim was not credible.", "credible", True),  # a denied judgment still judges
])
def test_a_negation_takes_back_dramatization_and_intensity(text, word, flagged):
    rule = make_rule(RULE.format(threshold=0.0, extra="""evidence: context
classes: {dramatization: [devastating], intensity: [hugely], judgment: [credible]}""").replace(
        "sentence-threshold: 0.5", "sentence-threshold: 0.0"))
    assert (word in matches(text, rule)) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("The economy faces a dramatic slowdown next year.", True),
    ("Analysts expect a dramatic slowdown next year.", False),
    ("Economists are forecasting a further, albeit less dramatic, fall.", False),
    ("We expect a dramatic slowdown next year.", True),  # the writer's own estimate
])
def test_an_estimate_someone_makes_is_theirs(text, flagged):
    rule = make_rule(RULE.format(threshold=0.0, extra="evidence: context").replace("sentence-threshold: 0.5", "sentence-threshold: 0.0"))
    assert ("dramatic" in matches(text, rule)) is flagged


# -- voices that judge by design, for every loaded-language rule -----------------------


def word_list_rule(voice: str):
    return make_rule(f"""\
        extends: pattern
        message: "'%s' judges."
        category: loaded-language
        voice: {voice}
        patterns:
          - [{{LOWER: disgraceful}}]
        """)


def test_word_list_rules_keep_quiet_where_the_copy_judges_by_design():
    verdict = "The council's disgraceful budget passed on Monday.\n\n"
    news = "The council met on Monday to discuss the budget.\n\n"
    column = "I have covered this council for years.\n\n"
    rule = {voice: word_list_rule(voice) for voice in ("any", "story", "paragraph")}
    assert matches(news + verdict, rule["paragraph"]) == ["disgraceful"]
    # a paragraph that speaks as "I": its writer's, for `paragraph` only
    assert matches(news + "I think the council's disgraceful budget passed.\n", rule["paragraph"]) == []
    assert matches(news + "I think the council's disgraceful budget passed.\n", rule["story"]) == ["disgraceful"]
    # a personal piece: two sentences in the first person make the whole story a column
    assert matches(column * 2 + verdict, rule["story"]) == []
    assert matches(column + news * 2 + verdict, rule["story"]) == ["disgraceful"]
    # a declared column or review
    assert matches("---\ntype: review\n---\n" + news + verdict, rule["story"]) == []
    assert matches(column * 3 + verdict, rule["any"]) == ["disgraceful"]


def test_a_feature_that_speaks_as_we_is_a_personal_piece():
    verdict = "The council's disgraceful budget passed on Monday.\n\n"
    news = "The council met on Monday to discuss the budget.\n\n"
    feature = "The gadgets we carry around will change.\n\n"
    quoted = '"We will rebuild," the mayor said.\n\n'
    rule = word_list_rule("story")
    # two sentences when one says "I" or "you"; "we" alone needs a third (two "we" slips stand in news copy)
    assert matches(feature + "I have covered this council for years.\n\n" + verdict, rule) == []
    assert matches(feature + "You can buy one now.\n\n" + verdict, rule) == []
    assert matches(feature * 3 + verdict, rule) == []
    assert matches(feature * 2 + verdict, rule) == ["disgraceful"]
    # sentences, not paragraphs: BBC copy runs a feature's sentences into one paragraph
    assert matches("The gadgets we carry around will change. Our homes will too. So will you.\n\n" + verdict, rule) == []
    assert matches(feature + news * 2 + verdict, rule) == ["disgraceful"]
    # "we" inside a quotation, or a title's or a name's, is not the writer's
    assert matches(quoted * 3 + verdict, rule) == ["disgraceful"]
    assert matches("The song We Are The World is back.\n\n" * 3 + verdict, rule) == ["disgraceful"]
    # "We" before a capitalized noun is the writer's group, not a title
    assert matches("We Britons love a queue.\n\n" * 3 + verdict, rule) == []
    assert matches("We Are The World is back in the charts.\n\n" * 3 + verdict, rule) == ["disgraceful"]
    assert matches("US firms created 337,000 jobs.\n\n" * 3 + verdict, rule) == ["disgraceful"]
    assert matches("Her single I Believe in You went in at two.\n\n" * 3 + verdict, rule) == ["disgraceful"]
    assert matches("Lose My Breath slipped to four.\n\n" * 3 + verdict, rule) == ["disgraceful"]
    assert matches("He starred in I'm A Celebrity.\n\n" * 3 + verdict, rule) == ["disgraceful"]
    assert matches("Im Kwon-Taek won the prize.\n\n" * 3 + verdict, rule) == ["disgraceful"]
    assert matches("Talks will resume, our correspondent said.\n\n" * 3 + verdict, rule) == ["disgraceful"]


def test_an_aside_to_the_reader_counts_as_the_writer_speaking_in_person():
    verdict = "The council's disgraceful budget passed on Monday.\n\n"
    feature = "The gadgets we carry around will change.\n\n"
    rule = word_list_rule("story")
    # two "we" sentences and an aside ("of course", a commenting adverb) are three in the writer's voice
    assert matches(feature * 2 + "The council will, of course, meet again.\n\n" + verdict, rule) == []
    assert matches(feature * 2 + "Sadly, the council will meet again.\n\n" + verdict, rule) == []
    assert matches(feature * 2 + "The talks will undoubtedly go on.\n\n" + verdict, rule) == []
    # not "of course" as a ship's or a matter's, nor an adverb of manner, nor an aside in a quotation
    assert matches(feature * 2 + "The ship made a change of course.\n\n" + verdict, rule) == ["disgraceful"]
    assert matches(feature * 2 + "The policy was expressed clearly, and enforced.\n\n" + verdict, rule) == ["disgraceful"]
    assert matches(feature * 2 + '"Sadly, we lost," the coach said.\n\n' + verdict, rule) == ["disgraceful"]
    # asides alone, however many, do not make a personal piece
    asides = "Sadly, the council met.\n\nThe council will, of course, meet again.\n\nThe talks will undoubtedly go on.\n\n"
    assert matches(asides + verdict, rule) == ["disgraceful"]
    # nor do asides someone else voices count
    voiced = ("Unfortunately, the cuts are needed, the mayor said.\n\nOf course, taxes will rise, the treasurer said.\n\n"
              "Arguably, the plan is late, the auditor said.\n\n")
    assert matches(feature + voiced + verdict, rule) == ["disgraceful"]
    # an aside adds to the three-sentence count, not to the two that "I" or "you" needs
    assert matches("If you live in the area, you can object by Friday.\n\nThe council will, of course, meet again.\n\n" + verdict, rule) == ["disgraceful"]


@pytest.mark.parametrize("skipped", ["sports", "Sports"])  # copy types match in any case
def test_a_pattern_rule_keeps_quiet_in_the_copy_types_it_skips(skipped):
    rule = make_rule(f"""\
        extends: pattern
        message: "'%s' dramatizes."
        skip-types: [{skipped}]
        patterns:
          - [{{LEMMA: stranglehold}}]
        """)
    assert matches("The firm kept its stranglehold on the market.", rule) == ["stranglehold"]
    assert matches("Celtic won 3-1 after they took a stranglehold on the match.", rule) == []
    assert matches("---\ntype: SPORTS\n---\nThe firm kept its stranglehold on the market.\n", rule) == []
    assert matches("---\ntype: news\n---\nThe firm kept its stranglehold on the market.\n", rule) == ["stranglehold"]


def test_a_news_story_above_readers_comments_is_still_news():
    comments = "".join(["I think the council is right.\n\n", "You cannot trust the figures.\n\n"] * 5)
    verdict = "The council's disgraceful budget passed on Monday.\n\n"
    news = "The council met on Monday to discuss the budget.\n\n"
    assert matches(news * 3 + verdict + news + comments, word_list_rule("story"), path="story.txt") == ["disgraceful"]


@pytest.mark.parametrize("text, flagged", [
    ("The comedy Are We There Yet? topped the chart.", []),  # a title: capitalized inside a sentence
    ("We will know more in May, when the figures are out.", ["We"]),
    ("Talks resume next week, our correspondent says.", []),
    ("Talks resume next week, and our city will pay.", ["our"]),
    ("Her hit I Believe in You went to number two.", []),
    ("Veterans of World War I met on Monday.", []),
    ("When I asked the mayor, she walked away.", ["I"]),
])
def test_first_person_spares_titles_and_a_broadcasters_correspondent(text, flagged):
    rule = next(r for r in load_pack(builtin_packs()["newsroom"], "newsroom") if r.id == "newsroom.first-person")
    assert [a.match for a in lint_text(text, [rule], "story.md")] == flagged


@pytest.mark.parametrize("text, writers", [
    ('We are "expanding our network," said Oliver Valente.', False),  # a partial quotation: the speaker's
    ("Couples who wed abroad must register.", False),
    ("It is the end of the web as we know it.", False),
    ("Our correspondent says talks will resume.", False),
    ("Talks will resume, our business correspondent says.", False),
    ("We Are The World is back.", False),
    ("We Britons love a queue.", True),
    ("I, Robot is out.", True),  # both readers take this title's "I" for the writer's
    ("When I asked the mayor, she walked away.", True),
    ("We'd like to know more.", True),
    ("The coal mine closed in May.", False),  # "mine" is not one of the rule's pronouns (and here a pit)
])
def test_the_personal_piece_reads_the_first_person_as_the_first_person_rule_does(text, writers):
    rule = next(r for r in load_pack(builtin_packs()["newsroom"], "newsroom") if r.id == "newsroom.first-person")
    doc = next(iter(nlp.parse_documents([parse(text + "\n", path="story.txt")])))
    assert bool(lint(doc, [rule], unused_severity=None)) == writers
    assert loaded.personal_sentences(doc)[0] == writers


def test_the_personal_piece_count_reads_the_desks_first_person_and_editorializing_rules(tmp_path):
    from lint.config import ConfigResolver

    def editorializing(text: str, config: str) -> list[str]:
        write(tmp_path / ".copydesk.yaml", "packs: [newsroom]\n" + config)
        config = ConfigResolver().for_folder(tmp_path)
        rules = config.rules_for(tmp_path / "story.md")
        alerts = lint_text(text, rules, "story.md", unused_severity=None, configured_rules=config.overridden.values())
        return [a.match for a in alerts if a.rule == "newsroom.editorializing"]

    verdict = "The council's disgraceful budget passed on Monday.\n"
    we = "The gadgets we carry around will change.\n\n" * 3 + verdict
    both = "select: [newsroom.first-person, newsroom.editorializing]\n"
    assert editorializing(we, both) == []  # three sentences say "we": a personal piece
    # a desk whose "we" is the paper's own voice takes it out of the first-person rule: "we" is then no person speaking
    ours = "rule-options:\n  newsroom.first-person:\n    classes: {lower: [me, my, myself], capital: [My]}\n"
    assert editorializing(we, both + ours) == ["disgraceful"]
    # turned off, the rule is still read as the desk configured it: ignoring one rule does not silence another
    assert editorializing(we, "select: [newsroom.editorializing]\n" + ours) == ["disgraceful"]
    # an aside to the reader is one as the desk's editorializing rule has it: this desk's "frankly"
    classes = next(r for r in load_pack(builtin_packs()["newsroom"], "newsroom") if r.id == "newsroom.editorializing").check.classes
    frankly = {**classes, "commenting": [*classes["commenting"], "frankly"]}
    asides = "I have covered this council for years.\n\nFrankly, the vote was close.\n\nFrankly, it is late.\n\n" + verdict
    assert editorializing(asides, both) == ["disgraceful"]  # one sentence in person: not yet a personal piece
    assert editorializing(asides, both + "rule-options:\n  newsroom.editorializing: " + json.dumps({"classes": frankly}) + "\n") == []


@pytest.mark.parametrize(
    "turned_off",
    [
        ["--ignore", "newsroom.first-person"],
        ["--select", "newsroom.editorializing"],
        ["--config", "per-path.yaml"],
    ],
)
def test_turning_the_first_person_rule_off_keeps_the_desks_options_for_the_personal_piece_count(tmp_path, monkeypatch, turned_off):
    from conftest import run_json

    monkeypatch.chdir(tmp_path)
    desk = "packs: [newsroom]\nrule-options:\n  newsroom.first-person:\n    classes: {lower: [me, my, myself], capital: [My]}\n"
    write(tmp_path / ".copydesk.yaml", desk)
    write(tmp_path / "per-path.yaml", desk + "per-path:\n  - paths: ['*.md']\n    ignore: [newsroom.first-person]\n")
    # the desk's "we" is the paper's own voice: three of them make no personal piece
    write(tmp_path / "story.md", "The gadgets we carry around will change.\n\n" * 3 + "The council's disgraceful budget passed on Monday.\n")
    for args in ([], turned_off):
        _, report = run_json("--no-cache", *args, "story.md")
        assert [a["match"] for a in report["files"][0]["alerts"] if a["rule"] == "newsroom.editorializing"] == ["disgraceful"], args


def test_the_personal_piece_verdict_is_kept_per_pair_of_rules_it_reads(tmp_path):
    from lint.config import ConfigResolver

    write(tmp_path / ".copydesk.yaml", "packs: [newsroom]\nrule-options:\n  newsroom.first-person:\n    classes: {lower: [me, my, myself], capital: [My]}\n")
    config = ConfigResolver().for_folder(tmp_path)
    wanted = ("newsroom.first-person", "newsroom.editorializing")
    desk = [r for r in config.rules_for(tmp_path / "story.md") if r.id in wanted]
    shipped = [r for r in load_pack(builtin_packs()["newsroom"], "newsroom") if r.id in wanted]
    doc = parse("The gadgets we carry around will change.\n\n" * 3 + "The council's disgraceful budget passed on Monday.\n", "story.md")

    def editorializing(rules) -> list[str]:
        return [a.match for a in lint(doc, rules, unused_severity=None) if a.rule == "newsroom.editorializing"]

    # one draft linted under two configs, as the benchmark does: each gets its own verdict
    assert editorializing(shipped) == []  # three sentences say "we": a personal piece
    assert editorializing(desk) == ["disgraceful"]  # this desk's "we" is the paper's
    assert editorializing(shipped) == []


def test_the_personal_piece_count_names_a_shipped_rule_it_cannot_find():
    with pytest.raises(LookupError, match="newsroom.no-such-rule"):
        loaded._shipped_check("newsroom.no-such-rule")
