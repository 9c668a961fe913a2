"""``capitalization``: check the case of a whole scope span, usually a heading.

Vale semantics. ``match`` is ``$title``, ``$sentence``, ``$lower``, ``$upper``
or a regex the text must match. For ``$title`` and ``$sentence`` the text is
converted to that case (AP or Chicago title case; sentence case) and compared
word by word: the span passes when at least ``threshold`` of its words
conform. A word conforms when it equals the converted word, matches an
exception, or (in title case) is all capitals. A first word that is not
capitalized fails sentence case outright.

AP capitalizes "to" in an infinitive; telling an infinitive from a
preposition needs a part-of-speech tagger, so "to" is treated as the
preposition it usually is in headlines.
"""

from __future__ import annotations

import regex

from lint.patterns import compile_pattern, exception_pattern
from lint.rule import Check, Field, Hit

SMALL_WORDS = frozenset(
    "a an and as at but by en for if in nor of on or per the to vs vs. via v v.".split()
)
CHICAGO_PREPOSITIONS = frozenset(
    "with from into during including until against among throughout despite towards upon concerning about "
    "over through before between after since without under within along following across beyond around "
    "down near above".split()
)
_TITLE_WORD = regex.compile(r"[\p{N}\p{L}]+[^\s\-/]*")
_WORD = r"[\p{N}\p{L}*]+[^\s]*"
_NUMBERED_ITEM = regex.compile(r"\d+\.")
# Typographic marks read as their ASCII forms when deciding whether a small
# word sits after a hyphen or a colon; one character for one keeps positions.
_ASCII = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "."})


def _char_at(text: str, i: int) -> str:
    """Vale's lookup: out of range reads the first character."""
    return text[i] if 0 <= i < len(text) else text[:1]


def _capitalize(word: str, rest_lower: bool) -> str:
    rest = word[1:].lower() if rest_lower else word[1:]
    return word[:1].upper() + rest


class Capitalization(Check):
    FIELDS = {
        "match": Field("str", required=True),
        "style": Field("str", "AP", choices=("AP", "Chicago")),
        "exceptions": Field("strlist", []),
        "indicators": Field("strlist", []),
        "threshold": Field("number", 0.8),
        "prefix": Field("str", ""),
        "vocab": Field("bool", True),
    }
    SUPPORTS_VOCAB = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        if not 0 < options["threshold"] <= 1:
            raise self.error(f"rule {rule.id}: 'threshold' must be above 0 and at most 1", "threshold")
        exceptions_at = (rule.path, rule.line_of("exceptions"))
        self.exception_terms = [
            (term, compile_pattern(term, False, exceptions_at)) for term in options["exceptions"]
        ]
        source = exception_pattern(options["exceptions"])
        self.exceptions = compile_pattern(source, False, exceptions_at) if source else None
        self.words = compile_pattern(f"{source}|{_WORD}" if source else _WORD, False, exceptions_at)
        prefix = options["prefix"]
        self.prefix = compile_pattern(prefix, False, (rule.path, rule.line_of("prefix"))) if prefix else None
        match = options["match"]
        if match == "$title":
            small = SMALL_WORDS | CHICAGO_PREPOSITIONS if options["style"] == "Chicago" else SMALL_WORDS
            self.small_words = small
            self.convert, self.conforms = self._title_case, self._title_conforms
        elif match == "$sentence":
            self.convert, self.conforms = self._sentence_case, self._sentence_conforms
        elif match == "$lower":
            self.convert, self.conforms = str.lower, self._equals_converted
        elif match == "$upper":
            self.convert, self.conforms = str.upper, self._equals_converted
        else:
            self.pattern = compile_pattern(match, False, (rule.path, rule.line_of("match")))
            self.convert, self.conforms = None, self._matches_pattern

    def run(self, doc):
        for start, end in self.spans(doc):
            text = doc.prose[start:end]
            if not text.strip():
                continue
            expected = self.convert(text) if self.convert else None
            if self.conforms(text, expected):
                continue
            if expected is None:
                yield Hit(start, end, (text, self.options["match"]), self.action_fix(text))
            else:
                yield Hit(start, end, (text, expected), expected)

    # -- converters ----------------------------------------------------------

    def _split_prefix(self, text: str) -> tuple[str, str]:
        m = self.prefix.match(text) if self.prefix else None
        return (m.group(), text[m.end() :]) if m else ("", text)

    def _exception_form(self, word: str) -> str | None:
        """The spelling an exception gives ``word``, if one covers it."""
        for term, pattern in self.exception_terms:
            if term.casefold() == word.casefold():
                return term
            if pattern.search(word):
                return word
        return None

    def _title_case(self, text: str) -> str:
        prefix, body = self._split_prefix(text)
        ascii_body = body.translate(_ASCII)

        def convert(m: regex.Match) -> str:
            word, pos, end = m.group(), m.start(), m.end()
            kept = self._exception_form(word)
            if kept is not None:
                return kept
            bounding = pos == 0 or end == len(body)
            lowercase = (
                not bounding
                and word.lower() in self.small_words
                and _char_at(ascii_body, pos - 1) in " -/"
                and _char_at(ascii_body, pos - 2) not in ":-"
                and (_char_at(ascii_body, end) != "-" or _char_at(ascii_body, pos - 1) == "-")
            )
            return word.lower() if lowercase else _capitalize(word, rest_lower=False)

        return prefix + _TITLE_WORD.sub(convert, body)

    def _sentence_case(self, text: str) -> str:
        prefix, body = self._split_prefix(text)
        indicators = tuple(self.options["indicators"])
        previous: list[str] = []

        def convert(m: regex.Match) -> str:
            word, index = m.group(), len(previous)
            kept = self._exception_form(word)
            after_indicator = index > 0 and (
                previous[-1].endswith(indicators)
                or (index == 1 and _NUMBERED_ITEM.search(previous[-1]) is not None)
            )
            previous.append(word)
            if kept is not None:
                return kept
            if index == 0 or after_indicator:
                return _capitalize(word, rest_lower=True)
            return word.lower()

        return prefix + self.words.sub(convert, body)

    # -- conformance ----------------------------------------------------------

    def _share_conforming(self, text: str, expected: str, first_word_rule: bool) -> bool:
        observed = [m.group() for m in self.words.finditer(text)]
        wanted = [m.group() for m in self.words.finditer(expected)]
        conforming = 0
        for i, word in enumerate(observed):
            if i >= len(wanted) or word == wanted[i] or self._is_exception(word):
                conforming += 1
            elif not first_word_rule and word == word.upper():
                conforming += 1
            elif first_word_rule and i == 0 and word != word.lower().title():
                return False
        return not observed or conforming / len(observed) >= self.options["threshold"]

    def _is_exception(self, word: str) -> bool:
        return self.exceptions is not None and self.exceptions.search(word) is not None

    def _title_conforms(self, text: str, expected: str) -> bool:
        return self._share_conforming(text, expected, first_word_rule=False)

    def _sentence_conforms(self, text: str, expected: str) -> bool:
        return self._share_conforming(text, expected, first_word_rule=True)

    def _equals_converted(self, text: str, expected: str) -> bool:
        return text == expected or self._is_exception(text)

    def _matches_pattern(self, text: str, expected: None) -> bool:
        return self.pattern.search(text) is not None or self._is_exception(text)
