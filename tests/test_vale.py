"""Migrating from Vale: styles that load as they are (a bad rule reported
with file:line while the rest of its style runs), Vale's actions,
comments and vocabulary folders, a style named as a built-in pack, and
``copydesk import-vale``.

The styles here are written for these tests in the shapes of Microsoft's,
Google's, write-good's, proselint's, Joblint's and alex's Vale styles
(the keys and constructs those styles use), not copied from them.
"""

from __future__ import annotations

import json

import pytest
from conftest import rules_hit, run, write

STYLES = {
    # Microsoft: convert simple (Microsoft.Auto), sentence-case headings, heading punctuation
    "Microsoft/Auto.yml": """\
        extends: existence
        message: "In general, don't hyphenate '%s'."
        ignorecase: true
        level: error
        action:
          name: convert
          params:
            - simple
        tokens:
          - 'auto-\\w+'
        """,
    "Microsoft/Headings.yml": """\
        extends: capitalization
        message: "'%s' should use sentence-style capitalization."
        level: suggestion
        scope: heading
        match: $sentence
        exceptions: [Kubernetes, Docker]
        """,
    "Microsoft/HeadingPunctuation.yml": """\
        extends: existence
        message: "Don't use punctuation in headings."
        nonword: true
        level: warning
        scope: heading
        action:
          name: edit
          params: [trim_right, ".?!"]
        tokens:
          - '\\w+[.?!]$'
        """,
    # Google: swaps, and a future tense to avoid
    "Google/Latin.yml": """\
        extends: substitution
        message: "Use '%s' instead of '%s'."
        ignorecase: true
        level: error
        nonword: true
        action:
          name: replace
        swap:
          '\\b(?:eg|e\\.g\\.)[\\s,]': for example
          '\\b(?:ie|i\\.e\\.)[\\s,]': that is
        """,
    "Google/Will.yml": """\
        extends: existence
        message: "Avoid using '%s'."
        ignorecase: true
        level: warning
        tokens: [will]
        """,
    # write-good: raw passive pattern, weasel words with an exception list
    "write-good/Passive.yml": """\
        extends: existence
        message: "'%s' may be passive voice. Use active voice if you can."
        ignorecase: true
        level: warning
        raw:
          - \\b(am|are|were|being|is|been|was|be)\\b\\s*
        tokens:
          - '[\\w]+ed'
          - built
          - written
        """,
    "write-good/Weasel.yml": """\
        extends: existence
        message: "'%s' is a weasel word!"
        ignorecase: true
        level: warning
        tokens: [clearly, really, very]
        exceptions: [very well]
        """,
    # Joblint: gendered and exclusionary job-ad words
    "Joblint/Bro.yml": """\
        extends: existence
        message: Exclusionary terminology found ('%s').
        ignorecase: true
        level: error
        tokens: [bros?, brogrammers?]
        """,
    "Joblint/Sexualised.yml": """\
        extends: existence
        message: Sexualised terms found ('%s').
        ignorecase: true
        level: warning
        tokens: [sexy, hot]
        """,
    # alex: several suggestions with '|', and a repetition-free occurrence
    "alex/Ablist.yml": """\
        extends: substitution
        message: "When referring to a person, consider using '%s' instead of '%s'."
        ignorecase: true
        level: warning
        action:
          name: replace
        swap:
          crazy: rude|mean|disgusting
          lame: boring|dull
        """,
}


@pytest.fixture
def vale_repo(tmp_path, monkeypatch):
    for name, text in STYLES.items():
        write(tmp_path / "styles" / name, text)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


DRAFT = """\
# Kubernetes Tips And Tricks.

Turn on auto-save, eg the first switch. The team will ship it. The code was written
by the bros, and it is clearly a hot, crazy feature. It works very well.
"""


def test_the_styles_load_whole_and_raise_their_alerts(vale_repo):
    write(vale_repo / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [Microsoft, Google, write-good, Joblint, alex]\n")
    write(vale_repo / "draft.md", DRAFT)
    result = run("check", "--format", "json", "draft.md")
    assert result.exit_code == 1, result.stderr
    assert result.stderr == ""  # every rule loaded
    alerts = json.loads(result.stdout)["files"][0]["alerts"]
    found = [(a["rule"], a["match"], a["fix"]) for a in alerts]
    assert found == [
        ("Microsoft.Headings", "Kubernetes Tips And Tricks.", "Kubernetes tips and tricks."),
        ("Microsoft.HeadingPunctuation", "Tricks.", "Tricks"),
        ("Microsoft.Auto", "auto-save", "auto save"),
        ("Google.Latin", "eg ", "for example"),
        ("Google.Will", "will", None),
        ("write-good.Passive", "was written", None),
        ("Joblint.Bro", "bros", None),
        ("write-good.Weasel", "clearly", None),
        ("Joblint.Sexualised", "hot", None),
        ("alex.Ablist", "crazy", None),  # several suggestions: a reader picks, no fix
    ]


def test_a_rule_that_cannot_load_is_reported_and_the_rest_of_its_style_runs(vale_repo):
    write(vale_repo / "styles/Microsoft/Sequence.yml", "extends: sequence\nmessage: \"Use %s.\"\n")
    write(vale_repo / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [Microsoft]\n")
    write(vale_repo / "draft.md", "Turn on auto-save.\n")
    result = run("check", "--format", "json", "draft.md")
    assert result.exit_code == 2
    assert rules_hit(json.loads(result.stdout)) == [["Microsoft.Auto"]]
    assert f"{vale_repo / 'styles/Microsoft/Sequence.yml'}:1: rule Microsoft.Sequence: unknown kind 'sequence'" in result.stderr


def test_a_style_named_as_a_built_in_pack_replaces_it(vale_repo):
    write(vale_repo / "styles/proselint/Very.yml", "extends: existence\nmessage: \"Drop '%s'.\"\ntokens: [very]\n")
    write(vale_repo / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [proselint]\n")
    write(vale_repo / "draft.md", "It is very good.\n")
    result = run("check", "--format", "json", "draft.md")
    assert rules_hit(json.loads(result.stdout)) == [["proselint.Very"]]
    listed = run("rules", "--all").stdout
    assert "proselint.Very" in listed and "proselint.cliches" not in listed  # the built-in pack is replaced


def test_vale_comments_are_honoured_and_never_reported_unused(vale_repo):
    write(vale_repo / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [Google, Joblint]\n")
    write(vale_repo / "draft.md", (
        "<!-- vale off -->\n\nThe team will ship it.\n\n<!-- vale on -->\n\nThe team will ship it.\n\n"
        "<!-- vale Google.Will = NO -->\n\nThe bros will ship it.\n\n<!-- vale Google.Will = YES -->\n\n"
        "<!-- vale Microsoft.Auto = NO -->\n\nNothing here.\n"
    ))
    alerts = json.loads(run("check", "--format", "json", "draft.md").stdout)["files"][0]["alerts"]
    assert [(a["rule"], a["line"]) for a in alerts] == [("Google.Will", 7), ("Joblint.Bro", 11)]


def test_vale_vocabulary_folders(vale_repo):
    write(vale_repo / "styles/config/vocabularies/House/accept.txt", "# accepted as written (case-sensitive)\nBros\n")
    write(vale_repo / "styles/config/vocabularies/House/reject.txt", "(?i)utili[sz]e\n")
    write(vale_repo / ".copydesk.yaml", (
        "rule-dirs: [styles]\npacks: [Joblint]\nvocab: [House]\n"
    ))
    write(vale_repo / "draft.md", "Broadway Bros hired two bros. We utilize it.\n")
    result = run("check", "--format", "json", "draft.md")
    alerts = json.loads(result.stdout)["files"][0]["alerts"]
    assert [(a["rule"], a["match"]) for a in alerts] == [("Joblint.Bro", "bros"), ("copydesk.rejected-term", "utilize")]
    assert alerts[1]["severity"] == "error"
    assert run("check", "--ignore", "copydesk.rejected-term", "draft.md").stdout.count("rejected-term") == 0
    write(vale_repo / "styles/config/vocabularies/House/reject.txt", "ok\n(unclosed\n")
    bad = run("check", "draft.md")
    assert bad.exit_code == 2 and "reject.txt:2: vocabulary term:" in bad.stderr


def test_import_vale_writes_the_equivalent_config(vale_repo):
    write(vale_repo / "styles/config/vocabularies/House/accept.txt", "Kubernetes\n")
    write(vale_repo / ".vale.ini", """\
        StylesPath = styles
        MinAlertLevel = warning
        Vocab = House
        Packages = Microsoft

        [*.{md,txt}]
        BasedOnStyles = Vale, Microsoft, Google
        Google.Will = NO
        Microsoft.Headings = warning
        TokenIgnores = (\\$+[^\\n$]+\\$+)

        [docs/legal/*.md]
        BasedOnStyles = alex
        """)
    result = run("import-vale", ".vale.ini")
    assert result.exit_code == 0, result.output
    text = (vale_repo / ".copydesk.yaml").read_text()
    assert text == (
        "# Converted from .vale.ini by copydesk import-vale.\n"
        "# Not converted (no copydesk equivalent):\n"
        "#   Packages = Microsoft\n"
        "#   [*.{md,txt}] BasedOnStyles: Vale (spelling and Vale.Terms have no copydesk equivalent)\n"
        "#   [*.{md,txt}] TokenIgnores = (\\$+[^\\n$]+\\$+)\n"
        "\n"
        "rule-dirs: [styles]\n"
        "packs: [Microsoft, Google]\n"
        "fail-on: warning            # Vale's MinAlertLevel\n"
        "vocab: [styles/config/vocabularies/House]\n"
        "ignore: [Google.Will]\n"
        "severity:\n"
        "  Microsoft.Headings: warning\n"
        "per-path:\n"
        "  - paths: [docs/legal/*.md]\n"
        "    select: [alex]\n"
    )
    write(vale_repo / "draft.md", DRAFT)
    checked = run("check", "--format", "json", "draft.md")
    rules = [a["rule"] for a in json.loads(checked.stdout)["files"][0]["alerts"]]
    assert "Google.Will" not in rules and "Microsoft.Auto" in rules and "Google.Latin" in rules
    assert run("import-vale", ".vale.ini").exit_code == 2  # never overwrites unasked
