"""``drift``: a name spelled two ways in one story ("Kowalski" ... "Kowalsky").

Every capitalized word the dictionary does not know in lower case is a
name (or part of one). Two such names an edit or two apart (one edit up to
seven letters, two from eight), with the same first letter, are one name
drifting when the rarer spelling is not itself a dictionary word: the
rarer is flagged wherever it occurs, pointing at the other (on a tie, the
later one, unless only the later is an item of a team sheet). Real pairs are left alone: two dictionary words ("Sudan",
"Susan"), and a name inside the other ("Robert", "Roberts"; "Kenya",
"Kenyan").

Keys: ``dictionaries`` (copydesk's, as the spelling kind names them),
``min-length`` (shorter names are not compared).
"""

from __future__ import annotations

import regex

from lint import lexicon as lx
from lint.checks.spelling import DEFAULT_DICTIONARY, Speller, builtin_dictionaries, known_dictionaries
from lint.rule import Check, Field, Hit

_NAME = regex.compile(r"(?<!['’])\b\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*(?=(?:['’]s)?\b)")


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, or
    ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class Drift(Check):
    FIELDS = {
        "dictionaries": Field("strlist", [DEFAULT_DICTIONARY]),
        "min-length": Field("int", 5),
    }

    def __init__(self, rule, options):
        super().__init__(rule, options)
        builtin = builtin_dictionaries()
        unknown = [name for name in options["dictionaries"] if name not in builtin]
        if unknown:
            raise self.error(f"rule {rule.id}: no dictionary '{unknown[0]}' (known: {known_dictionaries(builtin)})", "dictionaries")
        self.speller = Speller(tuple(str(builtin[name]) for name in options["dictionaries"]), ())

    def run(self, doc):
        spans = list(self.spans(doc))
        occurrences: dict[str, list[int]] = {}
        for start, end in spans:
            for m in _NAME.finditer(doc.prose, start, end):
                name = m.group()
                if len(name) >= self.options["min-length"]:
                    occurrences.setdefault(name, []).append(m.start())
        names = sorted(occurrences, key=lambda n: occurrences[n][0])
        partners = {name: _partners(doc.prose, name, starts) for name, starts in occurrences.items()}
        surnames = {name: _surnames(doc.prose, name, starts) for name, starts in occurrences.items()}
        # The dictionary is asked only about names with a near namesake:
        # most stories have none, and never load it (a second of start-up).
        for i, first in enumerate(names):
            for second in names[i + 1 :]:
                if not _near(first, second) or self.speller.knows(first.lower()) or self.speller.knows(second.lower()):
                    continue
                rare, other = (first, second) if _rarer(doc.prose, first, second, occurrences) else (second, first)
                if self.speller.knows(rare) or _two_people(partners[rare], partners[other]) or _two_people(surnames[rare], surnames[other]):
                    continue
                if _roll_only(doc.prose, rare, occurrences[rare]) and _on_roll(doc.prose, other, occurrences[other]):
                    continue
                if _given_and_surname(partners[rare], surnames[rare], partners[other], surnames[other]):
                    continue
                for start in occurrences[rare]:
                    yield Hit(start, start + len(rare), (rare, other))


def _rarer(prose: str, first: str, second: str, occurrences: dict[str, list[int]]) -> bool:
    """Whether the earlier of two spellings is the one to flag: the rarer;
    on a tie, the later, unless only the later is an item between two
    names of a list, a team sheet copied from the club's list ("Fabregas"
    listed, "Faregas" in the report)."""
    if len(occurrences[first]) != len(occurrences[second]):
        return len(occurrences[first]) < len(occurrences[second])
    listed = all(_listed(prose, start, start + len(second)) for start in occurrences[second])
    return listed and not _on_roll(prose, first, occurrences[first])


# A name between two names of a list ("Flamini, Fabregas, Reyes"), not a
# name set off by commas in a sentence ("In her speech, Merkel, who ...").
_LIST_BEFORE = regex.compile(r"\p{Lu}\p{Ll}+, $")
_LIST_AFTER = regex.compile(r"^, \p{Lu}")


def _listed(prose: str, start: int, end: int) -> bool:
    return bool(_LIST_BEFORE.search(prose[max(0, start - 30) : start]) and _LIST_AFTER.match(prose[end : end + 3]))


# Words before a name that are no part of it: "Mr Blair", "President Bush".
_TITLES = lx.TITLE_WORDS | lx.HONORIFICS | {"saint", "st"}
# A given name, or an initial with no dot ("M Horan" in a team sheet; the
# dotted middle initial of "John F. Kerry" is no given name).
_GIVEN_NAME = regex.compile(r"\b(\p{Lu}\p{Ll}+|\p{Lu}) $")
# A name standing alone as an item of a list: a team sheet, a roll of names.
_ROLL_BEFORE = regex.compile(r"[,:;] (?:\p{Lu} )?$")
_ROLL_AFTER = regex.compile(r"^(?:[,;.]|\s*\(|$)")


def _roll_only(prose: str, name: str, starts: list[int]) -> bool:
    """Whether every mention of a name is an item of a list of names ("...,
    Horan, O'Callaghan, ..."), the first item too (a paragraph opening
    "Dowson, Haughton, ..."): two near names on team sheets are mostly two
    players."""
    return all(_roll_item(prose, start, start + len(name)) for start in starts)


def _roll_item(prose: str, start: int, end: int) -> bool:
    after = prose[end : end + 2]
    if start == 0 or prose[start - 1] == "\n":
        return after.startswith(",")
    return bool(_ROLL_BEFORE.search(prose[max(0, start - 4) : start]) and _ROLL_AFTER.match(after))


def _on_roll(prose: str, name: str, starts: list[int]) -> bool:
    """Whether some mention of a name is an item of a list of names: two
    near names that are both items of team sheets are two players, whatever
    the prose says of one of them ("Horan" on the bench, "Shane Horgan" in
    the report)."""
    return any(_roll_item(prose, start, start + len(name)) for start in starts)


def _given_and_surname(rare_given, rare_surname, other_given, other_surname) -> bool:
    """Whether one spelling is always a surname (after a given name) and the
    other always a given name (before a surname): "Andy Haden" and "Hayden
    Tanner" are two people."""
    return (all(rare_given) and all(other_surname) and not any(rare_surname) and not any(other_given)) or (
        all(rare_surname) and all(other_given) and not any(rare_given) and not any(other_surname)
    )


def _partners(prose: str, name: str, starts: list[int]) -> list[frozenset[str]]:
    """For each occurrence, the given name or initial it follows ("David
    Walliams", "M Horan"), if any, titles aside."""
    found = []
    for start in starts:
        before = _GIVEN_NAME.search(prose[max(0, start - 30) : start])
        found.append(frozenset([before.group(1)]) if before and before.group(1).lower() not in _TITLES else frozenset())
    return found


# A surname right after a given name ("Patrik Berger").
_SURNAME = regex.compile(r"^ (\p{Lu}\p{Ll}+)\b")


def _surnames(prose: str, name: str, starts: list[int]) -> list[frozenset[str]]:
    """For each occurrence, the capitalized word right after it, if any:
    the surname when the name is a given name."""
    found = []
    for start in starts:
        after = _SURNAME.match(prose[start + len(name) : start + len(name) + 30])
        found.append(frozenset([after.group(1)]) if after else frozenset())
    return found


def _two_people(rare: list[frozenset[str]], other: list[frozenset[str]]) -> bool:
    """Whether two near spellings name two people: every mention of the
    rarer follows a given name (or, for given names, comes before a
    surname), the other does somewhere, and the two never share one
    ("David Walliams" and "Robbie Williams", "Mike Rubino" and "Marco
    Rubio", "Patrik Berger" and "Patrick Vieira")."""
    if not all(rare) or not any(other):
        return False
    return not frozenset().union(*rare) & frozenset().union(*other)


def _near(first: str, second: str) -> bool:
    """Two spellings of one name, by their letters alone: the same first
    letter, neither inside the other, an edit or two apart."""
    if first[0] != second[0] or first in second or second in first:
        return False
    limit = 1 if min(len(first), len(second)) < 8 else 2
    return edit_distance(first, second, limit) <= limit
