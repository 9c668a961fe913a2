"""The pure kernel: messages, limits, vocabulary, timeouts, suppression."""

import time

import pytest
import yaml

from lint import patterns
from lint.engine import _fix_applicability, format_message, lint_text
from lint.errors import RuleError
from lint.rule import Hit, build_rule
from lint.suppression import UNUSED_RULE
from lint.yamlsrc import load_yaml


def make_rule(rule_id="test.rule", **spec):
    spec = {"extends": "existence", "message": "Avoid '%s'.", **spec}
    pack = rule_id.split(".")[0]
    return build_rule(load_yaml(yaml.safe_dump(spec), "t.yml"), rule_id, pack, "t.yml")


@pytest.mark.parametrize(
    "template, args, expected",
    [
        ("Avoid '%s'.", ("x",), "Avoid 'x'."),
        ("Use '%s' instead of '%s'.", ("a", "b"), "Use 'a' instead of 'b'."),
        ("Use '%[2]s', not '%[1]s'.", ("a", "b"), "Use 'b', not 'a'."),
        ("Grade %.2f is 100%% too high", (12.3456,), "Grade 12.35 is 100% too high"),
        ("Count: %d", (3,), "Count: 3"),
        ("Extra %s %s", ("only",), "Extra only"),
        ("Two\nlines", (), "Two lines"),
    ],
)
def test_format_message(template, args, expected):
    assert format_message(template, args) == expected


def test_alert_carries_rule_fields():
    rule = make_rule(tokens=["shameful"], level="error", category="loaded-language", link="https://x.y/z")
    (alert,) = lint_text("A shameful act.", [rule])
    assert (alert.rule, alert.severity, alert.category, alert.link) == ("test.rule", "error", "loaded-language", "https://x.y/z")
    assert alert.message == "Avoid 'shameful'."
    assert alert.match == "shameful"


def test_limit_caps_alerts_per_file():
    rule = make_rule(tokens=["very"], limit=2)
    assert len(lint_text("very very very very", [rule])) == 2


def test_vocabulary_accepts_terms():
    rule = make_rule(tokens=["[A-Z]{2,}"])
    alerts = lint_text("NATO and the UN met.", [rule], vocabulary=["NATO"])
    assert [a.match for a in alerts] == ["UN"]


def test_vocab_false_ignores_vocabulary():
    rule = make_rule(tokens=["[A-Z]{2,}"], vocab=False)
    assert len(lint_text("NATO met.", [rule], vocabulary=["NATO"])) == 1


def test_action_remove_gives_empty_fix():
    rule = make_rule(tokens=["very"], action={"name": "remove"})
    assert lint_text("It is very good.", [rule])[0].fix == ""


def test_action_convert_changes_the_case_of_the_match():
    rule = make_rule(tokens=["Director"], action={"name": "convert", "params": ["lower"]})
    (alert,) = lint_text("Wang Yiwei, Director of the institute, spoke.", [rule])
    assert (alert.match, alert.fix) == ("Director", "director")
    assert rule.fixable


def test_action_convert_simple_as_vale():
    rule = make_rule(tokens=["AutoSave-Mode"], action={"name": "convert", "params": ["simple"]})
    assert lint_text("Turn on AutoSave-Mode now.", [rule])[0].fix == "auto save mode"


def test_action_convert_without_a_known_case_is_an_error():
    with pytest.raises(RuleError, match=r"action convert needs params \[simple\] \(Vale's\), \[lower\] or \[upper\], not \['title'\]"):
        make_rule(tokens=["x"], action={"name": "convert", "params": ["title"]})


@pytest.mark.parametrize(
    "params, match, fix",
    [
        (["regex", "(\\w+)-(\\w+)", "$2 $1"], "log-in", "in log"),
        (["trim_right", "."], "end.", "end"),
        (["trim_left", "-"], "--x", "x"),
        (["trim", "*"], "*bold*", "bold"),
        (["truncate", "-"], "re-enter", "re"),
        (["split", "-", "1"], "re-enter", "enter"),
    ],
)
def test_action_edit_operations_as_vale(params, match, fix):
    rule = make_rule(tokens=[match.replace(".", "\\.").replace("*", "\\*")], nonword=True, action={"name": "edit", "params": params})
    assert lint_text(f"say {match} now", [rule])[0].fix == fix


@pytest.mark.parametrize("params", [["regex", "("], ["trim"], ["split", "-", "x"], ["shout", "x"]])
def test_action_edit_with_bad_params_is_an_error(params):
    with pytest.raises(RuleError, match="action edit"):
        make_rule(tokens=["x"], action={"name": "edit", "params": params})


def test_runaway_pattern_is_stopped(monkeypatch):
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT", 0.2)
    rule = make_rule(raw=[r"(a|aa)+$"], nonword=True)
    started = time.perf_counter()
    alerts = lint_text("a" * 40 + "!", [rule])
    assert time.perf_counter() - started < 5
    assert [a.severity for a in alerts] == ["error"]
    assert "took too long" in alerts[0].message


def test_alerts_sorted_and_deduplicated():
    one = make_rule("test.one", tokens=["b"])
    two = make_rule("test.two", tokens=["a", "a"])
    alerts = lint_text("b a", [one, two])
    assert [(a.rule, a.match) for a in alerts] == [("test.one", "b"), ("test.two", "a")]


class TestSuppression:
    rule = make_rule("news.loaded", tokens=["shameful"])
    other = make_rule("news.other", tokens=["tragic"])

    def lint(self, text):
        return lint_text(text, [self.rule, self.other], "a.md", known_rules={"news.loaded", "news.other", "news.off"})

    def test_disable_next_line(self):
        alerts = self.lint("<!-- copydesk-disable-next-line news.loaded -- quoted from the filing -->\nA shameful act.\n\nA shameful act.\n")
        assert [(a.rule, a.line) for a in alerts] == [("news.loaded", 4)]

    def test_disable_enable_range_by_pack(self):
        text = "<!-- copydesk-disable news -->\nshameful\n\ntragic\n<!-- copydesk-enable news -->\n\nshameful\n"
        assert [(a.rule, a.line) for a in self.lint(text)] == [("news.loaded", 7)]

    def test_disable_all_rules_for_the_file(self):
        assert self.lint("shameful tragic\n\n<!-- copydesk-disable-file -->\n") == []

    def test_only_the_named_rule_is_suppressed(self):
        alerts = self.lint("<!-- copydesk-disable-file news.loaded -->\nshameful tragic\n")
        assert [a.rule for a in alerts] == ["news.other"]

    def test_unused_suppression_is_reported(self):
        alerts = self.lint("Clean text.\n\n<!-- copydesk-disable-next-line news.loaded -->\nStill clean.\n")
        (alert,) = alerts
        assert alert.rule == UNUSED_RULE
        assert alert.line == 3 and "suppressed nothing" in alert.message

    @pytest.mark.parametrize(
        "selector, reason",
        [("news.nope", "unknown rule 'news.nope'"), ("news.off", "rule 'news.off' is not enabled")],
    )
    def test_unused_suppression_says_why(self, selector, reason):
        (alert,) = self.lint(f"<!-- copydesk-disable-file {selector} -->\nText.\n")
        assert reason in alert.message

    def test_a_range_may_open_and_close_on_one_line(self):
        text = "shameful <!-- copydesk-disable news.loaded --> shameful <!-- copydesk-enable news.loaded --> shameful\n"
        assert [a.column for a in self.lint(text)] == [1, 94]

    def test_a_bare_enable_closes_every_open_range(self):
        text = "<!-- copydesk-disable news.loaded -->\nshameful\n<!-- copydesk-enable -->\n\nshameful\n"
        assert [(a.rule, a.line) for a in self.lint(text)] == [("news.loaded", 5)]

    def test_an_enable_with_nothing_open_is_reported(self):
        (alert,) = self.lint("Text.\n\n<!-- copydesk-enable news.loaded -->\n")
        assert alert.rule == UNUSED_RULE and "no disable comment is open" in alert.message

    def test_naming_the_report_silences_it(self):
        text = "<!-- copydesk-disable-file copydesk.unused-suppression -->\n<!-- copydesk-disable-file news.loaded -->\nText.\n"
        assert self.lint(text) == []

    def test_a_bare_disable_file_does_not_hide_that_it_did_nothing(self):
        (alert,) = self.lint("<!-- copydesk-disable-file -->\nText.\n")
        assert alert.rule == UNUSED_RULE

    def test_unused_reports_take_the_configured_severity_or_none(self):
        text = "<!-- copydesk-disable-file news.loaded -->\nText.\n"
        rules = [self.rule, self.other]
        assert [a.severity for a in lint_text(text, rules, "a.md", unused_severity="error")] == ["error"]
        assert lint_text(text, rules, "a.md", unused_severity=None) == []

    def test_directive_is_not_linted_as_prose(self):
        alerts = self.lint("<!-- copydesk-disable-next-line news.loaded -- shameful but quoted -->\nshameful\n")
        assert alerts == []


def test_fix_applicability_is_unsafe_unless_the_rule_says_safe():
    def applicability(**spec):
        rule = make_rule(tokens=["utilize"], action={"name": "replace", "params": ["use"]}, **spec)
        (alert,) = lint_text("We utilize it.", [rule])
        return alert.fix, alert.fix_applicability

    assert applicability() == ("use", "unsafe")
    assert applicability(**{"fix-applicability": "safe"}) == ("use", "safe")


def test_an_alert_without_a_fix_has_no_applicability():
    (alert,) = lint_text("A shameful act.", [make_rule(tokens=["shameful"])])
    assert (alert.fix, alert.fix_applicability) == (None, None)


def test_a_hit_can_make_a_safe_rules_fix_unsafe():
    rule = make_rule(tokens=["utilize"], action={"name": "replace", "params": ["use"]}, **{"fix-applicability": "safe"})
    assert _fix_applicability(rule, Hit(0, 7, fix="use")) == "safe"
    assert _fix_applicability(rule, Hit(0, 7, fix="use", unsafe_fix=True)) == "unsafe"


def test_fix_applicability_on_a_rule_without_fixes_is_a_load_error():
    with pytest.raises(RuleError, match="'fix-applicability' is set but the rule gives no fix"):
        make_rule(tokens=["shameful"], **{"fix-applicability": "safe"})
