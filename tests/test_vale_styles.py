"""Real Vale styles, as their users would bring them.

``tests/vale_styles/<Style>/`` holds a style folder as upstream ships it,
the upstream fixtures the stored copy of the repository holds, and the
expectations of upstream's ``features`` file for those fixtures (its README
says where each came from). Each style must load whole through the normal
path (``rule-dirs`` and ``packs``), and each fixture, configured from its
``.vale.ini`` by ``copydesk import-vale``, must raise the alerts Vale
raises, at the same line and column. Every expectation copydesk does not
reproduce, and every alert Vale does not raise, is listed in
KNOWN_DIFFERENCES with the reason; none is dropped silently.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import run, write

STYLES_ROOT = Path(__file__).parent / "vale_styles"
STYLES = sorted(folder.name for folder in STYLES_ROOT.iterdir() if folder.is_dir())
# Vale's --output=line: file:line:column:Style.Rule:message
EXPECTATION = re.compile(r"^\s*(?P<file>[^:\s]+):(?P<line>\d+):(?P<column>\d+):(?P<rule>[^:\s]+):")
SCENARIO = re.compile(r'When I test "(?P<fixture>[^"]+)"')

# (style, fixture, "file:line:column:rule") -> why copydesk differs from
# Vale there. "missing" entries are Vale alerts copydesk does not raise;
# "extra" entries are copydesk alerts Vale does not raise.
KNOWN_DIFFERENCES: dict[tuple[str, str, str], tuple[str, str]] = {
    # -- the stored fixture is older than the expectations, or absent --
    ("Google", "Punctuation", "test.md:37:21:Google.Spacing"): ("missing", "fixture ends at line 33; Spacing not in its .vale.ini"),
    ("Google", "Punctuation", "test.md:39:42:Google.Exclamation"): ("missing", "fixture ends at line 33"),
    ("Microsoft", "AMPM", "test.md:5:18:Microsoft.AMPM"): ("missing", "fixture has no line 5"),
    ("Microsoft", "DateFormat", "test.md:5:18:Microsoft.DateNumbers"): ("missing", "fixture has no line 5"),
    ("Microsoft", "DateFormat", "test.md:7:14:Microsoft.DateOrder"): ("missing", "fixture has no line 7"),
    ("Joblint", "basic", "real.md:3:32:Joblint.TechTerms"): ("missing", "real.md is not in the stored copy"),
    ("Joblint", "basic", "real.md:3:44:Joblint.Gendered"): ("missing", "real.md is not in the stored copy"),
    ("Joblint", "basic", "real.md:4:19:Joblint.TechTerms"): ("missing", "real.md is not in the stored copy"),
    # -- the vendored rule is another release than the fixture's; Vale itself
    # would answer as copydesk does with this rule --
    ("Google", "AMPM", "test.md:7:18:Google.AMPM"): ("extra", "'\\d{1,2} ?[ap]m' has no \\b: matches '5 am' in '5 ampoules'"),
    ("Google", "Terms", "test.md:33:8:Google.WordList"): ("extra", "this WordList still swaps 'check' for 'select'"),
    ("write-good", "Illusions", "test.md:1:1:write-good.Illusions"): ("missing", "this Illusions has no ignorecase: 'The the' differs in case"),
    ("write-good", "Weasel", "test.md:5:23:write-good.Weasel"): ("extra", "'fairly' is a weasel word; the fixture's line 5 is newer than its expectations"),
    ("proselint", "basic", "test.md:27:10:proselint.Illusions"): ("missing", "this release of the style has no Illusions rule"),
    ("Microsoft", "Terms", "test.md:5:9:Microsoft.Avoid"): ("missing", "'and/or' moved from Avoid to Vocab"),
    ("Microsoft", "Terms", "test.md:5:9:Microsoft.Vocab"): ("extra", "'and/or' moved from Avoid to Vocab (upstream's later features expect this)"),
    ("Microsoft", "Terms", "test.md:9:27:Microsoft.Wordiness"): ("missing", "this Wordiness has 'an adequate number of'; the fixture says 'adequate number of'"),
    ("Microsoft", "Numbers", "test.md:7:16:Microsoft.Negative"): ("missing", "this Negative needs a space after the number ('\\s-\\d+\\s'); '-4.' has a period"),
    ("Microsoft", "Numbers", "test.md:7:33:Microsoft.Negative"): ("missing", "this Negative needs a space after the number; '-9.99.' has a period"),
    # alex.Profanity was split into ProfanityLikely, ProfanityMaybe and
    # ProfanityUnlikely: each expected alert comes at its place from its
    # successor.
    ("alex", "basic", "fail.md:3:21:alex.Profanity"): ("missing", "renamed: alex.ProfanityLikely"),
    ("alex", "basic", "fail.md:3:21:alex.ProfanityLikely"): ("extra", "successor of alex.Profanity"),
    ("alex", "basic", "fail.md:6:13:alex.Profanity"): ("missing", "renamed: alex.ProfanityMaybe"),
    ("alex", "basic", "fail.md:6:13:alex.ProfanityMaybe"): ("extra", "successor of alex.Profanity"),
    ("alex", "basic", "fail.md:6:18:alex.Profanity"): ("missing", "renamed: alex.ProfanityMaybe"),
    ("alex", "basic", "fail.md:6:18:alex.ProfanityMaybe"): ("extra", "successor of alex.Profanity"),
    ("alex", "basic", "fail.md:8:210:alex.Profanity"): ("missing", "renamed: alex.ProfanityUnlikely"),
    ("alex", "basic", "fail.md:8:210:alex.ProfanityUnlikely"): ("extra", "successor of alex.Profanity"),
    # -- copydesk differs from Vale --
    # Vale's sentence case changed between releases: Microsoft's later
    # features flag this very heading under the same $sentence rule (three
    # of four words conform, under the 0.8 threshold); Google's do not.
    ("Google", "Headings", "test.md:9:3:Google.Headings"): ("extra", "'Accepting a JSON response': Vale releases disagree"),
    # "...than what's.": the rule's 'what''s(?=\.)' matches the final
    # "what's" (column 43), where copydesk reports it; Vale's expected column
    # 32 falls on neither "what's" of the stored line.
    ("Microsoft", "Contractions", "test.md:335:32:Microsoft.Contractions"): ("missing", "Vale's column 32 is on no match"),
    ("Microsoft", "Contractions", "test.md:335:43:Microsoft.Contractions"): ("extra", "the same alert at the match's column"),
}


def scenarios(style: str) -> list[tuple[str, list[str]]]:
    """Each scenario of a style's features file: the fixture it tests and
    the alerts it expects, as ``file:line:column:rule``."""
    found: list[tuple[str, list[str]]] = []
    for line in (STYLES_ROOT / style / "rules.feature").read_text(encoding="utf-8").splitlines():
        if m := SCENARIO.search(line):
            found.append((m["fixture"], []))
        elif (m := EXPECTATION.match(line)) and found:
            found[-1][1].append(f"{m['file']}:{m['line']}:{m['column']}:{m['rule']}")
    return found


def rule_files(style: str) -> list[Path]:
    return sorted((STYLES_ROOT / style / style).glob("*.yml"))


@pytest.fixture
def clean_env(monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.mark.parametrize("style", STYLES)
def test_the_style_loads_whole(style, tmp_path, monkeypatch, clean_env):
    shutil.copytree(STYLES_ROOT / style / style, tmp_path / "styles" / style)
    write(tmp_path / ".copydesk.yaml", f"rule-dirs: [styles]\npacks: [{style}]\n")
    monkeypatch.chdir(tmp_path)
    result = run("rules", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # no rule failed to load
    loaded = {rule["id"] for rule in json.loads(result.stdout) if rule["pack"] == style}
    assert loaded == {f"{style}.{path.stem}" for path in rule_files(style)}


CASES = [(style, fixture, expected) for style in STYLES for fixture, expected in scenarios(style)]


@pytest.mark.parametrize(("style", "fixture", "expected"), CASES, ids=[f"{s}-{f}" for s, f, _ in CASES])
def test_the_fixture_raises_what_vale_raises(style, fixture, expected, tmp_path, monkeypatch, clean_env):
    # Laid out as upstream's repository: the style folder at the top, each
    # fixture two folders down with a .vale.ini whose StylesPath is ../../
    (tmp_path / ".git").mkdir()  # the repository a config may load from
    shutil.copytree(STYLES_ROOT / style / style, tmp_path / style)
    folder = shutil.copytree(STYLES_ROOT / style / "fixtures" / fixture, tmp_path / "fixtures" / fixture)
    monkeypatch.chdir(folder)
    if not (folder / ".vale.ini").exists():
        # The stored copy lacks this fixture's .vale.ini; upstream's isolate
        # the rule under test, so turn on the rules the scenario expects.
        rules = sorted({item.rsplit(":", 1)[1] for item in expected})
        write(folder / ".vale.ini", "StylesPath = ../../\n\n[*.md]\n" + "".join(f"{rule} = YES\n" for rule in rules))
    imported = run("import-vale", ".vale.ini")
    assert imported.exit_code == 0, imported.output
    # A file the scenario names that the stored copy lacks is linted by
    # nobody: its expectations stand in KNOWN_DIFFERENCES.
    files = sorted(name for name in {item.split(":", 1)[0] for item in expected} if (folder / name).exists())
    result = run("check", "--format", "json", *files)
    assert result.exit_code in (0, 1), result.stderr
    got = Counter(
        f"{report['path']}:{alert['line']}:{alert['column']}:{alert['rule']}"
        for report in json.loads(result.stdout)["files"]
        for alert in report["alerts"]
    )
    want = Counter(expected)
    known = {key[2]: kind for key, (kind, _why) in KNOWN_DIFFERENCES.items() if key[:2] == (style, fixture)}
    assert sorted((want - got).elements()) == sorted(item for item, kind in known.items() if kind == "missing")
    assert sorted((got - want).elements()) == sorted(item for item, kind in known.items() if kind == "extra")


def test_every_known_difference_names_a_scenario_that_exists():
    cases = {(style, fixture) for style, fixture, _ in CASES}
    assert {key[:2] for key in KNOWN_DIFFERENCES} <= cases
    assert {kind for kind, _ in KNOWN_DIFFERENCES.values()} <= {"missing", "extra"}


def test_a_rule_turned_on_by_name_is_imported_alone(tmp_path, monkeypatch, clean_env):
    # Vale's fixtures isolate rules with "Style.Rule = YES" and no BasedOnStyles
    (tmp_path / ".git").mkdir()
    shutil.copytree(STYLES_ROOT / "Google" / "Google", tmp_path / "Google")
    write(tmp_path / "fixtures/one/.vale.ini", "StylesPath = ../../\n\n[*.md]\nGoogle.Exclamation = YES\n")
    monkeypatch.chdir(tmp_path / "fixtures/one")
    assert run("import-vale", ".vale.ini").exit_code == 0
    config = (tmp_path / "fixtures/one/.copydesk.yaml").read_text()
    assert "packs: [Google]\n" in config and "select: [Google.Exclamation]\n" in config
    write(tmp_path / "fixtures/one/test.md", "Wow! It will work.\n")  # Google.Will is not on
    report = json.loads(run("check", "--format", "json", "test.md").stdout)
    assert [alert["rule"] for alert in report["files"][0]["alerts"]] == ["Google.Exclamation"]


def test_vales_edit_replace_and_remove_give_their_fixes(tmp_path, monkeypatch, clean_env):
    shutil.copytree(STYLES_ROOT / "Microsoft" / "Microsoft", tmp_path / "styles" / "Microsoft")
    write(tmp_path / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [Microsoft]\nselect: [Microsoft.Dashes, Microsoft.RangeFormat]\n")
    write(tmp_path / "draft.md", "Wait \u2014 here. Pages 3-5 are done.\n")
    monkeypatch.chdir(tmp_path)
    report = json.loads(run("check", "--format", "json", "draft.md").stdout)
    found = [(alert["rule"], alert["match"], alert["fix"]) for alert in report["files"][0]["alerts"]]
    assert found == [
        ("Microsoft.Dashes", " \u2014", "\u2014"),  # edit: remove ' '
        ("Microsoft.RangeFormat", "3-5", "3\u20135"),  # edit: replace '-' '–'
    ]
