"""Rule patterns: Vale's regex dialect and the phrase trie."""

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from lint.errors import RuleError
from lint.patterns import alternation, compile_pattern, exception_pattern, word_pattern


def matches(pattern, text):
    return [m.group() for m in pattern.finditer(text)]


def test_trie_prefers_the_longest_phrase():
    pattern = compile_pattern(word_pattern(["experts", "experts agree", "expert"]), ignorecase=True)
    assert matches(pattern, "Experts agree; experts agreed; an expert.") == ["Experts agree", "experts", "expert"]


words = st.text(alphabet="abc ", min_size=1, max_size=6).map(str.strip).filter(bool)


@given(st.lists(words, min_size=1, max_size=25, unique=True), st.text(alphabet="abc .", max_size=60))
def test_trie_finds_what_a_longest_first_alternation_finds(phrases, text):
    plain = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
    expected = regex.compile(rf"\b(?:{plain})\b")
    assert matches(compile_pattern(word_pattern(phrases)), text) == matches(expected, text)


def test_regex_tokens_stay_regexes():
    pattern = compile_pattern(word_pattern(["U\\.S", "colou?r", "plain words"]))
    assert matches(pattern, "U.S. US color colour plain words") == ["U.S", "color", "colour", "plain words"]


def test_vale_dialect_variable_lookbehind_and_unicode_classes():
    pattern = compile_pattern(r"(?<!the |the Red Hat )\p{Lu}\p{Ll}+")
    assert matches(pattern, "the Red Hat Linux and Fedora") == ["Hat", "Fedora"]


def test_scoped_inline_flags_like_vale():
    pattern = compile_pattern(r"(?i)abc(?-i:D)")
    assert matches(pattern, "ABCD abcd") == ["ABCD"]


def test_exceptions_are_case_sensitive_unless_marked():
    pattern = compile_pattern(exception_pattern(["NASA", "(?i)esa"]))
    assert pattern.search("nasa") is None
    assert pattern.search("NASA") and pattern.search("Esa")


def test_bad_regex_names_file_and_line():
    with pytest.raises(RuleError) as err:
        compile_pattern("(unclosed", where=("rules/x.yml", 7))
    assert str(err.value).startswith("rules/x.yml:7: bad regular expression '(unclosed'")


def test_empty_alternation_never_matches():
    assert compile_pattern(alternation([])).search("anything") is None


def test_ignorecase_folds_one_character_to_one_as_vale_does():
    pattern = compile_pattern(word_pattern(["straße"]), ignorecase=True)
    assert matches(pattern, "STRAßE Straße") == ["STRAßE", "Straße"]
    assert matches(pattern, "STRASSE") == []


@pytest.mark.parametrize("source, linear", [
    (r"([^\s]+)", True), (r"(?i)(?-f)([^\s]+)", True), (r"[\p{L}']+", True),
    (r"([^\s]+)+", False), (r"(\w+\w+)", False), (r"(?:[^\s]+)", False), (r"[[a-z]--[aeiou]]+", False),
])
def test_only_one_character_class_repeated_is_matched_without_a_timeout(source, linear):
    from lint.patterns import _one_class_repeated

    assert _one_class_repeated(source) is linear


def test_a_word_token_matches_alike_without_the_timeout():
    text = "the the  cat\u00a0sat\ton, the mat.\n\nA  b"
    pattern = compile_pattern(r"([^\s]+)", ignorecase=True)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.compiled.finditer(text, timeout=2.0)]
    assert [m.group() for m in pattern.finditer(text, 4, 22)] == ["the", "cat", "sat", "on,", "t"]
