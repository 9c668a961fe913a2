"""Speed-ups for spylls dictionaries that leave every answer as it was.

spylls' suggestion search checks each of a word's edits (a thousand or
more) twice: once for affixed forms, once for compounds.

- A dictionary's compound rules (COMPOUNDRULE; en_US's spell numerals:
  "111th") build a compound only from stems carrying the rules' flags, and
  a compound's first part is a prefix of the word: a word whose first
  letter begins no such stem is no compound by rule, answered at once
  instead of after a look-up of each of its prefixes.
- An affixed form is a stem with at most a prefix and a suffix, each
  allowed by the stem's flags (when no affix carries flags of its own):
  the suggester is given every such form, in lower case, and an edit
  outside them is no word, answered without the affix search (which tries
  every affix the edit could end or begin with).

The forms are built on the first suggestion (0.25 s for en_US), so that
checking known words costs nothing more.
"""

from __future__ import annotations

import copy
import re

_LITERAL = re.compile(r"[\w'\-]*")


def tune(dictionary, forms=None) -> None:
    """Speed up ``dictionary``'s look-ups and, with a look-up of its own
    that knows every affixed form, its suggestions. ``forms()`` gives
    :func:`affixed_forms` (from a cache, say)."""
    _skip_impossible_rule_compounds(dictionary.lookuper, dictionary)
    if _affix_forms_enumerable(dictionary.aff):
        lookup = copy.copy(dictionary.lookuper)
        _skip_impossible_rule_compounds(lookup, dictionary)
        _skip_unknown_affix_forms(lookup, forms or (lambda: affixed_forms(dictionary)))
        dictionary.suggester.lookup = lookup


def _skip_impossible_rule_compounds(lookup, dictionary) -> None:
    rules = dictionary.aff.COMPOUNDRULE
    if not rules:
        return
    rule_flags = set().union(*(rule.flags for rule in rules))
    first_letters = frozenset(word.stem[:1] for word in dictionary.dic.words if rule_flags.intersection(word.flags))
    search = type(lookup).compounds_by_rules.__get__(lookup)

    def compounds_by_rules(word_rest, prev_parts=(), rules=None, allow_nosuggest=True):
        if not prev_parts and word_rest[:1] not in first_letters:
            return iter(())
        return search(word_rest, list(prev_parts), rules, allow_nosuggest)

    lookup.compounds_by_rules = compounds_by_rules


def _affix_forms_enumerable(aff) -> bool:
    """Whether every affixed form is a stem with at most one prefix and one
    suffix of its own flags: no affix with flags of its own (continuation
    classes), no second prefix, no ignored characters, affixes literal (a hyphen is literal outside a class)."""
    affixes = [a for table in (aff.PFX, aff.SFX) for entries in table.values() for a in entries]
    return (
        not aff.COMPLEXPREFIXES
        and not aff.IGNORE
        and all(not a.flags and _LITERAL.fullmatch(a.add) and _LITERAL.fullmatch(a.strip) for a in affixes)
    )


def affixed_forms(dictionary) -> frozenset[str]:
    """Every stem of ``dictionary`` with each prefix and suffix (and pair)
    its flags allow whose strip and condition fit, in lower case: more
    than the dictionary accepts, never less."""
    aff = dictionary.aff
    forms: set[str] = set()
    for word in dictionary.dic.words:
        suffixes = [s for flag in word.flags for s in aff.SFX.get(flag, ())]
        prefixes = [p for flag in word.flags for p in aff.PFX.get(flag, ())]
        for stem in {word.stem, word.stem.lower()}:
            suffixed = [stem]
            for suffix in suffixes:
                if stem.endswith(suffix.strip) and suffix.cond_regexp.search(stem):
                    suffixed.append(stem[: len(stem) - len(suffix.strip)] + suffix.add)
            forms.update(form.lower() for form in suffixed)
            for prefix in prefixes:
                for form in suffixed:
                    if form.startswith(prefix.strip) and prefix.cond_regexp.search(form):
                        forms.add((prefix.add + form[len(prefix.strip) :]).lower())
    return frozenset(forms)


def _skip_unknown_affix_forms(lookup, forms) -> None:
    search = type(lookup).affix_forms.__get__(lookup)
    known: list[frozenset[str]] = []

    def affix_forms(word, *args, **kwargs):
        if kwargs.get("compoundpos") is None and not args[5:6] and word.isascii():
            if not known:
                known.append(forms())
            if word.lower() not in known[0]:
                return iter(())
        return search(word, *args, **kwargs)

    lookup.affix_forms = affix_forms
