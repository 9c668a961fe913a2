"""The ``spelling`` kind, as Vale documents it (vale.sh/docs/checks/spelling,
vale.sh/docs/keys/vocab) and as Vale's own feature tests exercise it
(testdata/features: checks.feature "Spelling", misc.feature "Spelling" and
"Vocab"): the default en_US dictionary, ``dictionaries`` found through
``dicpath``, ``$DICPATH`` and ``<StylesPath>/config/dictionaries``,
``append``, ``aff``/``dic``, the default ``filters`` and ``custom``, ``ignore``
files, and a vocabulary's accept.txt and reject.txt."""

from __future__ import annotations

import pytest
from conftest import load_error, make_rule, run_json, write

from lint.checks.spelling import builtin_dictionaries
from lint.engine import lint_text
from lint.errors import ConfigError, RuleError
from lint.packs import load_pack
from lint.rule import build_rule
from lint.yamlsrc import load_yaml

# A tiny Hunspell pair of our own: two words, one with a plural suffix.
MEDICAL_AFF = "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n"
MEDICAL_DIC = "2\nabdominocentesis\nendoscope/S\n"


def matches(rule, text, **kwargs):
    return [a.match for a in lint_text(text, [rule], **kwargs)]


def spelling_rule(folder, body: str, name: str = "Spell"):
    """A spelling rule saved as <folder>/styles/Test/<name>.yml, so that its
    StylesPath is <folder>/styles, as Vale's is."""
    path = write(folder / "styles" / "Test" / f"{name}.yml", body)
    data = load_yaml(path.read_text(encoding="utf-8"), str(path), RuleError)
    return build_rule(data, f"Test.{name}", "Test", str(path))


def medical(folder):
    write(folder / "en_medical.aff", MEDICAL_AFF)
    write(folder / "en_medical.dic", MEDICAL_DIC)
    return folder


def test_copydesk_ships_american_and_british_dictionaries():
    assert {"en_US", "en_GB"} <= set(builtin_dictionaries())


def test_default_dictionary_is_american_english():
    # Vale: "By default, spelling includes a custom, open-source dictionary
    # for American English." checks.feature: "This is a typpo." is flagged.
    rule = make_rule("""
        extends: spelling
        message: "Did you really mean '%s'?"
        level: error
    """)
    alerts = lint_text("This is a typpo. The color is gray.", [rule])
    assert [a.match for a in alerts] == ["typpo"]
    assert alerts[0].message == "Did you really mean 'typpo'?"
    assert matches(rule, "The colour is grey.") == ["colour", "grey"]


def test_dictionaries_choose_british_english():
    rule = make_rule("""
        extends: spelling
        message: "'%s'"
        dictionaries: [en_GB]
    """)
    assert matches(rule, "The colour of the organisation is grey.") == []
    assert matches(rule, "The color of the organization.") == ["color"]


def test_curly_apostrophes_are_read_as_straight_ones():
    # Vale's spelling fixture: "That doesn’t work." / "That doesn‘t work."
    rule = make_rule("extends: spelling\nmessage: \"'%s'\"\n")
    assert matches(rule, "That doesn’t work. That doesn't work. That doesn‘t work.") == []


def test_default_filters_skip_mixed_case_upper_case_and_non_letters():
    rule = make_rule("extends: spelling\nmessage: \"'%s'\"\n")
    text = "MongoDB and XKQZ use v2 of the zxqv2 file at 3pm in the U.S. today."
    assert matches(rule, text) == []


def test_custom_turns_the_default_filters_off():
    rule = make_rule("extends: spelling\nmessage: \"'%s'\"\ncustom: true\n")
    assert matches(rule, "FooBarz and XKQZ are here.") == ["FooBarz", "XKQZ"]


def test_filters_are_patterns_of_words_not_to_check():
    # vale.sh: "filters: An array of patterns to ignore during spell checking."
    rule = make_rule("""
        extends: spelling
        message: "'%s'"
        filters: ['[pP]y.*\\b']
    """)
    assert matches(rule, "We use pyproject and Pyflakz, not flakz.") == ["flakz"]


def test_dicpath_dictionaries_replace_the_default(tmp_path):
    # misc.feature "Spelling" (Spelling.GB): a listed dictionary replaces
    # the built-in one, so common words it lacks are flagged.
    medical(tmp_path / "styles" / "medical")
    rule = spelling_rule(tmp_path, """
        extends: spelling
        message: "'%s' is a typo!"
        custom: true
        dicpath: medical
        dictionaries: [en_medical]
    """)
    assert matches(rule, "This abdominocentesis") == ["This"]
    assert matches(rule, "endoscopes abdominocentesis") == []


def test_several_dictionaries_and_append(tmp_path):
    medical(tmp_path / "styles" / "medical")
    both = spelling_rule(tmp_path, """
        extends: spelling
        message: "'%s' is a typo!"
        dicpath: medical
        dictionaries: [en_US, en_medical]
    """, "Both")
    appended = spelling_rule(tmp_path, """
        extends: spelling
        message: "'%s' is a typo!"
        dicpath: medical
        append: true
        dictionaries: [en_medical]
    """, "Appended")
    text = "The abdominocentesis is a word, endoscopez is not."
    assert matches(both, text) == ["endoscopez"]
    assert matches(appended, text) == ["endoscopez"]


def test_dictionaries_are_found_in_the_styles_config_folder_and_dicpath_env(tmp_path, monkeypatch):
    # vale.sh: "will look for en_US.{dic,aff} and en_medical.{dic,aff} files in
    # <StylesPath>/config/dictionaries. You can also use the DICPATH
    # environment variable or the dicpath key."
    medical(tmp_path / "styles" / "config" / "dictionaries")
    body = "extends: spelling\nmessage: \"'%s'\"\ndictionaries: [en_US, en_medical]\n"
    assert matches(spelling_rule(tmp_path, body), "An abdominocentesis today.") == []
    medical(tmp_path / "elsewhere")
    monkeypatch.setenv("DICPATH", str(tmp_path / "elsewhere"))
    other = tmp_path / "other"
    assert matches(spelling_rule(other, body), "An abdominocentesis today.") == []


def test_aff_and_dic_name_one_pair_by_path(tmp_path):
    medical(tmp_path / "styles" / "medical")
    rule = spelling_rule(tmp_path, """
        extends: spelling
        message: "'%s'"
        aff: medical/en_medical.aff
        dic: medical/en_medical.dic
    """)
    assert matches(rule, "abdominocentesis today") == ["today"]


def test_ignore_files_accept_their_words(tmp_path):
    # Spelling.Ignores: ignore takes one path or several, from StylesPath.
    write(tmp_path / "styles" / "Test" / "ignore" / "base.txt", "Nginx\nhttpie\n")
    write(tmp_path / "styles" / "Test" / "ignore" / "second.txt", "docbook\n")
    one = spelling_rule(tmp_path, """
        extends: spelling
        message: "'%s'"
        ignore: Test/ignore/base.txt
    """, "One")
    several = spelling_rule(tmp_path, """
        extends: spelling
        message: "'%s'"
        ignore: [Test/ignore/base.txt, Test/ignore/second.txt]
    """, "Several")
    text = "Nginx serves docbook files to Httpie and HTTPIE clients."
    assert matches(one, text) == ["docbook"]
    assert matches(several, text) == []


def test_suggestions_reach_the_message():
    rule = make_rule("extends: spelling\nmessage: \"'%s': %s\"\n")
    [alert] = lint_text("They will recieve it.", [rule])
    assert alert.message == "'recieve': did you mean 'receive' or 'relieve'?"


@pytest.mark.parametrize(
    "body, key, message",
    [
        ("dictionaries: [en_XX]", "dictionaries", "no dictionary 'en_XX'"),
        ("aff: nowhere.aff", "aff", "'aff' and 'dic' go together"),
        ("ignore: [missing.txt]", "ignore", "no ignore file"),
        ("filters: ['[a-']", "filters", "bad regular expression"),
        ("custom: maybe", "custom", "must be true or false"),
    ],
)
def test_bad_options_name_the_file_and_line(body, key, message):
    error = load_error(f"extends: spelling\nmessage: x\n{body}\n")
    assert message in error.message
    assert error.line == 3


def test_proper_nouns_skip_leaves_capitalized_words_to_the_name_rules():
    rule = make_rule("extends: spelling\nmessage: \"'%s'\"\nproper-nouns: skip\n")
    text = "Kowalczyk said no. Officials backed Przemysl. They recieve it."
    assert matches(rule, text) == ["recieve"]
    vale = make_rule("extends: spelling\nmessage: \"'%s'\"\n")
    assert matches(vale, text) == ["Kowalczyk", "Przemysl", "recieve"]


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("They said goverment and xqzvwk.", ["goverment"]),  # no near spelling: a name or a loanword
        ("The matchday showpiece drew reinsurers.", []),  # closed compounds the dictionary lacks
        ("He thinks thefirst is best.", ["thefirst"]),  # two little words run together
        ("Send teh pls note.", ["teh"]),  # short: only reordered letters
        ("Follow @goverment and #goverment, not the goverment.", ["goverment"]),  # a handle, a hashtag
    ],
)
def test_needs_suggestion_flags_what_reads_as_a_misspelling(text, flagged):
    rule = make_rule("extends: spelling\nmessage: \"'%s'\"\nneeds-suggestion: true\n")
    assert matches(rule, text) == flagged


def test_repeated_skip_takes_a_word_spelled_twice_as_meant():
    rule = make_rule("extends: spelling\nmessage: \"'%s'\"\nrepeated: skip\n")
    text = "Each adoptee met a judge. The adoptee and the goverment agreed."
    assert matches(rule, text) == ["goverment"]
    vale = make_rule("extends: spelling\nmessage: \"'%s'\"\n")
    assert matches(vale, text) == ["adoptee", "adoptee", "goverment"]


# -- vocabularies (vale.sh/docs/keys/vocab; misc.feature "Vocab") ----------------------


def vocab_project(tmp_path, accept: str, reject: str = ""):
    write(tmp_path / "styles" / "Test" / "Spell.yml", "extends: spelling\nmessage: \"'%s': %s\"\nlevel: error\n")
    folder = tmp_path / "styles" / "config" / "vocabularies" / "Basic"
    write(folder / "accept.txt", accept)
    if reject:
        write(folder / "reject.txt", reject)
    write(tmp_path / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [Test]\nvocab: [Basic]\n")
    return tmp_path


def test_accepted_vocabulary_is_spelled_right(tmp_path, monkeypatch):
    # Vale's Basic vocabulary: a regex a line, case-sensitive unless (?i),
    # comments with #.
    vocab_project(tmp_path, "(?i)GitHub\n# a comment\ndefinately\n[Oo]bservabilitty\n")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story.md", "Githubb and github and definately. Definately Observabilitty, observabilitty.\n")
    _, report = run_json("story.md")
    assert [a["match"] for a in report["files"][0]["alerts"]] == ["Githubb", "Definately"]


def test_rejected_vocabulary_is_flagged_even_when_spelled_right(tmp_path, monkeypatch):
    # Vale.Avoid: "Entries in reject.txt ... will flag all occurrences".
    vocab_project(tmp_path, "", "Mac OS X\ncolour\n")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story.md", "We ran Mac OS X with a blue color.\n")
    _, report = run_json("story.md")
    alerts = report["files"][0]["alerts"]
    # one alert, from the one rule that flags rejected terms (Vale.Avoid's)
    assert [(a["rule"], a["match"]) for a in alerts] == [("copydesk.rejected-term", "Mac OS X")]
    assert "rejects" in alerts[0]["message"]


def test_the_old_option_name_reads_the_same_vocabulary_with_a_notice(tmp_path, monkeypatch):
    # 'vocabularies' was a second name for Vale's Vocab: a config that uses
    # it keeps working, and is told to rename it.
    vocab_project(tmp_path, "definately\n", "utilize\n")
    write(tmp_path / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [Test]\nvocabularies: [styles/config/vocabularies/Basic]\n")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story.md", "We definately utilize it, said Definately.\n")
    result, report = run_json("story.md")
    assert [(a["rule"], a["match"]) for a in report["files"][0]["alerts"]] == [
        ("copydesk.rejected-term", "utilize"), ("Test.Spell", "Definately"),
    ]
    assert "notice: 'vocabularies' in" in result.stderr and "rename it 'vocab'" in result.stderr
    write(tmp_path / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [Test]\nvocab: [Basic]\n")
    result, _ = run_json("story.md")
    assert "deprecated" not in result.stderr


def test_vocab_folder_by_path_and_bad_entries(tmp_path, monkeypatch):
    write(tmp_path / "words" / "accept.txt", "ok\n[bad\n")
    write(tmp_path / ".copydesk.yaml", "vocab: [words]\n")
    monkeypatch.chdir(tmp_path)
    from lint.config import ConfigResolver

    with pytest.raises(ConfigError) as caught:
        ConfigResolver().for_folder(tmp_path)
    assert caught.value.path.endswith("accept.txt") and caught.value.line == 2
    write(tmp_path / ".copydesk.yaml", "vocab: [nowhere]\n")
    with pytest.raises(ConfigError) as caught:
        ConfigResolver().for_folder(tmp_path)
    assert "no vocabulary 'nowhere'" in caught.value.message


def test_a_vale_style_spelling_rule_loads(tmp_path):
    # Vale's testdata/styles/Spelling/Ignore.yml, as a Vale style ships it.
    medical(tmp_path / "styles" / "medical")
    write(tmp_path / "styles" / "Spelling" / "ignore" / "base.txt", "Nginx\n")
    path = write(tmp_path / "styles" / "Spelling" / "Ignore.yml", """\
        ---
        extends: spelling
        message: "'%s' is a typo!"
        custom: true
        action:
          name: suggest
        dicpath: medical
        dictionaries:
          - en_US
          - en_medical
        ignore: Spelling/ignore/base.txt
    """)
    [rule] = load_pack(path.parent, "Spelling")
    text = "Nginx is a web server. abdominocentesis is a word. HTTPie is a client."
    assert matches(rule, text) == ["HTTPie"]


def test_english_elsewhere_accepts_the_other_varietys_words_but_not_its_spellings():
    # copydesk's key: a word another English dictionary knows is English
    # ("hardline" for en_US), unless it is that variety's spelling of a word
    # the rule's dictionary knows ("lacklustre" in American copy).
    body = "extends: spelling\nmessage: \"'%s'\"\nneeds-suggestion: true\n"
    plain = make_rule(body)
    elsewhere = make_rule(body + "english-elsewhere: [en_GB]\n")
    text = "The party took a hardline stance. The show was lacklustre."
    assert matches(plain, text) == ["hardline", "lacklustre"]
    assert matches(elsewhere, text) == ["lacklustre"]
    assert "no dictionary 'en_XX'" in load_error(body + "english-elsewhere: [en_XX]\n").message


@pytest.mark.parametrize(
    "word, flagged",
    [
        ("unpayable", False),  # prefix + known word
        ("autos", False),  # known word + suffix
        ("flutist", False),  # the stem's "e" dropped before a suffix
        ("hisss", True),  # a letter typed once too often is no suffix
        ("recieve", True),
        ("bpd", False),  # no vowel: an abbreviation
        ("impermissibly", False),  # the adverb of an adjective in -le
    ],
)
def test_needs_suggestion_leaves_derived_words_and_abbreviations(word, flagged):
    rule = make_rule("""
        extends: spelling
        message: "'%s'"
        needs-suggestion: true
    """)
    assert matches(rule, f"They said it was {word} in the end.") == ([word] if flagged else [])


@pytest.mark.parametrize(
    "word, flagged",
    [
        ("recieve", True),  # 2.8 on the Zipf scale; "receive" 4.9
        ("tased", False),  # 2.2; its near spellings at most 3.7
        ("trippy", False),  # 2.9; "drippy" 2.1
        ("wouldnt", True),  # "wouldn't": only the apostrophe, which wordfreq folds
    ],
)
def test_commoner_by_flags_only_words_a_far_commoner_near_spelling_was_meant(word, flagged):
    body = "extends: spelling\nmessage: \"'%s'\"\nneeds-suggestion: true\n"
    assert matches(make_rule(body), f"They said it was {word} in the end.") == [word]
    gated = make_rule(body + "commoner-by: 1.5\n")
    assert matches(gated, f"They said it was {word} in the end.") == ([word] if flagged else [])
