"""Every built-in rule against its own examples.

Each ``flag`` example must draw an alert from its rule and each ``pass``
example none, with the rule run alone (``lint.examples.check_examples``,
the same check as ``copydesk test-rules``). Test ids name the rule and the
example: ``newsroom.cliche-flag-0``. A pack that fails to load fails its
own test instead of stopping the collection of the others.
"""

from __future__ import annotations

import dataclasses

import pytest

from lint.examples import check_examples
from lint.packs import builtin_packs, load_pack
from lint.rule import CATEGORIES

PACKS = sorted(builtin_packs().items())


def _loaded():
    rules, errors = [], {}
    for name, folder in PACKS:
        try:
            rules.extend(load_pack(folder, name))
        except Exception as error:  # noqa: BLE001 - reported by test_pack_loads
            errors[name] = error
    return rules, errors


RULES, LOAD_ERRORS = _loaded()
CASES = [
    pytest.param(rule, kind, text, id=f"{rule.id}-{kind}-{index}")
    for rule in RULES
    for kind in ("flag", "pass")
    for index, text in enumerate(rule.examples[kind])
]


@pytest.mark.parametrize("name", [name for name, _ in PACKS])
def test_pack_loads(name):
    assert name not in LOAD_ERRORS, f"pack {name} does not load: {LOAD_ERRORS.get(name)}"


@pytest.mark.parametrize("rule, kind, text", CASES)
def test_rule_example(rule, kind, text):
    # the rule with only this example, so that each example is a test of its own
    alone = dataclasses.replace(rule, examples={"flag": [], "pass": [], kind: [text]})
    assert check_examples(alone) == []


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_rule_is_documented(rule):
    assert rule.examples["flag"], f"{rule.id}: no flag example"
    assert rule.examples["pass"], f"{rule.id}: no pass example"
    assert rule.explanation.strip(), f"{rule.id}: no explanation"
    # written in the rule file, not left to the default
    assert "category" in rule.key_lines and rule.category in CATEGORIES, f"{rule.id}: no category"
