"""The spylls speed-ups change no answer, and the dictionary cache loads
only spylls' data."""

import io
import itertools
import os
import pickle

import pytest
from spylls.hunspell import Dictionary

from lint import packcache, spylls_tuning
from lint.checks.spelling import builtin_dictionaries

# Misspellings, a closed compound, run-together words, numerals (compound
# rules), capitals, a possessive and an unknown name.
WORDS = ["recieve", "goverment", "definately", "teh", "matchday", "thefirst", "badcat", "111th", "121th",
         "2nd", "Goverment", "NASA", "Zbigniew", "ministers'", "reinsurers", "aaaaaaaaaaaa"]


def answers(dictionary):
    return [(dictionary.lookup(w), list(itertools.islice(dictionary.suggest(w), 3))) for w in WORDS]


@pytest.mark.parametrize("name", ["en_US", "en_GB"])
def test_a_tuned_dictionary_answers_as_spylls_does(name):
    base = str(builtin_dictionaries()[name])
    plain, tuned = Dictionary.from_files(base), Dictionary.from_files(base)
    for dictionary in (plain, tuned):
        dictionary.aff.MAXNGRAMSUGS = 0
    assert spylls_tuning._affix_forms_enumerable(tuned.aff)
    spylls_tuning.tune(tuned)
    assert answers(tuned) == answers(plain)
    assert answers(tuned)[0][1][0] == "receive"


def test_every_affixed_form_is_among_the_forms():
    dictionary = Dictionary.from_files(str(builtin_dictionaries()["en_US"]))
    forms = spylls_tuning.affixed_forms(dictionary)
    assert {"government", "governments", "receive", "received", "unreadable"} <= forms
    assert "goverment" not in forms


def test_the_dictionary_cache_refuses_anything_but_spylls_data():
    class Shell:
        def __reduce__(self):
            return (os.system, ("true",))

    with pytest.raises(pickle.UnpicklingError):
        packcache._SpyllsUnpickler(io.BytesIO(pickle.dumps(Shell()))).load()
