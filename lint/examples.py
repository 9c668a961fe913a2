"""Checking a rule against its own examples.

Every ``flag`` example must draw at least one alert from the rule, every
``pass`` example none. Each is linted with that rule alone, so another
rule can neither satisfy nor spoil it. ``copydesk test-rules`` and the
test suite both call :func:`check_examples`.
"""

from __future__ import annotations

from lint.alert import Alert
from lint.engine import lint_text
from lint.rule import Rule

# Examples are read as Markdown: its blocks do not depend on line length or
# punctuation, whereas the plain-text reader takes a short unpunctuated
# line for a heading.
EXAMPLE_PATH = "example.md"


def check_examples(rule: Rule) -> list[str]:
    """One message per example that does not behave; empty when all do."""
    failures = []
    for text in rule.examples["flag"]:
        if not _own_alerts(rule, text):
            failures.append(f"flag example not flagged: {text!r}")
    for text in rule.examples["pass"]:
        alerts = _own_alerts(rule, text)
        if alerts:
            failures.append(f"pass example flagged at {alerts[0].match!r}: {text!r}")
    return failures


def _own_alerts(rule: Rule, text: str) -> list[Alert]:
    return [alert for alert in lint_text(text, [rule], EXAMPLE_PATH) if alert.rule == rule.id]
