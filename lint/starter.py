"""``copydesk init``: a commented ``.copydesk.yaml`` for a newsroom, from
the house-style questions every desk answers first."""

from __future__ import annotations

TENSES = ("said", "says")
US_FORMS = ("U.S.", "US")

# Files in an article repository that are not news copy.
NOT_COPY = ["README*", "CHANGELOG*", "CONTRIBUTING*", "LICENSE*", "CODE_OF_CONDUCT*", "node_modules", "vendor"]


def starter_config(tense: str = "said", courtesy_titles: bool = False, us_form: str = "U.S.") -> str:
    """The text of a starter config; every line a desk may change is commented."""
    lines = [
        "# copydesk configuration: see `copydesk rules --all` and `copydesk explain RULE`.",
        "# Every option is checked: a typo is an error naming this file and line.",
        "",
        "# Rule packs to run. Add your own under rule-dirs (a folder of packs, like Vale's",
        "# StylesPath) and name them here; `readability` and `proselint` are built in.",
        "packs: [newsroom]",
        "# rule-dirs: [styles]",
        "",
        "# Files that are not news copy: never linted, even when named on the command line",
        "# by the pre-commit hook (it runs with --force-exclude).",
        f"exclude: [{', '.join(NOT_COPY)}]",
        "",
        "# Alerts at or above this level fail the run (exit 1): suggestion | warning | error.",
        "fail-on: warning",
        "",
        "rule-options:" if tense == "says" or courtesy_titles else "# rule-options:",
    ]
    if tense == "says":
        lines += [
            "  # Attribution tense: this desk writes \"says\" (features, profiles).",
            "  newsroom.present-tense-attribution: {tense: past, fix: present}",
            "  newsroom.judging-said-verb: {fix: says}",
        ]
    else:
        lines += [
            "#  Attribution tense: this desk writes \"said\", AP's news tense (the default).",
            "#  A desk that writes \"says\":",
            "  #   newsroom.present-tense-attribution: {tense: past, fix: present}",
            "  #   newsroom.judging-said-verb: {fix: says}",
        ]
    if courtesy_titles:
        lines += [
            "  # Courtesy titles on later references (\"Mr Blair\"), as the BBC and the Times do.",
            "  newsroom.honorific: {honorifics: courtesy}",
        ]
    else:
        lines += [
            "#  Courtesy titles: none, as AP (\"Blair\" on later references; the default).",
            "#  A desk that writes \"Mr Blair\":",
            "  #   newsroom.honorific: {honorifics: courtesy}",
        ]
    lines += [
        "",
        f"# The country's abbreviation: this desk writes \"{us_form}\". newsroom.us-abbreviation-consistency",
        "# flags a story that mixes the two forms, whichever it uses.",
    ]
    lines += [
        "",
        "# Terms accepted as written (regexes, case-sensitive), as Vale's accept.txt:",
        "# vocabulary: [Hezbollah]",
        "# vocab: [House]   # Vale vocabularies: <rule-dir>/config/vocabularies/House/{accept,reject}.txt",
        "",
        "# Overrides by path, for columns and opinion pieces:",
        "# per-path:",
        "#   - paths: [opinion/*]",
        "#     ignore: [newsroom.first-person]",
        "",
    ]
    return "\n".join(lines)
