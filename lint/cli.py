"""The command line: it reads the drafts, prints the report and decides
the exit status (config and rule files are read by lint.config and
lint.packs; the engine touches no file).

Exit status: 0 clean; 1 alerts at or above ``--fail-on``; 2 usage,
config, rule or input errors (an unreadable file is reported and the
other files are still linted).
"""

from __future__ import annotations

import codecs
import functools
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

import click

from lint.alert import SEVERITIES, severity_rank
from lint.config import Config, ConfigResolver, Selection, did_you_mean
from lint.document import Document, parse
from lint.engine import lint, needs_names, needs_nlp
from lint.errors import ConfigError, CopydeskError, InputError, RuleError
from lint.examples import check_examples
from lint.formats import (
    FORMAT_NAMES,
    FileResult,
    Report,
    format_github,
    format_json,
    format_text_file,
    format_text_summary,
    plural,
)
from lint.nlp import parse_documents, prose_blocks
from lint.packs import builtin_packs, find_packs, load_pack
from lint import parallel, resultcache
from lint.server import DEFAULT_IDLE_SECONDS, NO_SERVER_OPTION
from lint.people import recognize_names
from lint.rule import Rule
from lint.suppression import UNUSED_RULE_RECORD

EXIT_CLEAN, EXIT_ALERTS, EXIT_ERROR = 0, 1, 2
SKIPPED_FOLDERS = ("node_modules",)  # and every hidden folder, .git included

config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use this config file for every input instead of finding one.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="copydesk", prog_name="copydesk", message="%(prog)s %(version)s")
def main() -> None:
    """copydesk: an editorial style linter for news copy."""


def _abort(error: CopydeskError) -> NoReturn:
    click.echo(str(error), err=True)
    sys.exit(EXIT_ERROR)


def _selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class _Input:
    shown: str  # the path as given; for standard input "-" or --stdin-filename
    file: Path | None  # None: standard input
    config: Config
    rules: list[Rule]


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMAT_NAMES),
    help="Output format [default: text; github when GITHUB_ACTIONS=true].",
)
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Lowest severity that fails the run [default: config's fail-on, else warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when alerts reach --fail-on.")
@click.option("--select", multiple=True, metavar="RULES", help="Run only these rules or packs (comma-separated; repeatable).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Never run these rules or packs (comma-separated; repeatable).")
@config_option
@click.option("--stdin-filename", metavar="NAME", help="Name for text read from '-': picks its format and config.")
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the config's exclude to files named on the command line too (for pre-commit).",
)
@click.option("--color/--no-color", default=None, help="Color the text output [default: on a terminal unless NO_COLOR is set].")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes [default: the number of cores].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache (.copydesk_cache).")
@click.option(NO_SERVER_OPTION, "no_server", is_flag=True, help="Lint in this process even when `copydesk server` runs.")
def check(
    paths: tuple[str, ...],
    output_format: str | None,
    fail_on: str | None,
    exit_zero: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_file: Path | None,
    stdin_filename: str | None,
    force_exclude: bool,
    color: bool | None,
    jobs: int | None,
    no_cache: bool,
    no_server: bool,  # read by lint.server.forward, before this command runs
) -> None:
    """Lint files, folders (recursively) and - (standard input)."""
    try:
        resolver = ConfigResolver(config_file, Selection(_selectors(select), _selectors(ignore)))
        inputs = list(_inputs(paths, resolver, stdin_filename, force_exclude))
    except CopydeskError as error:
        _abort(error)
    results: list[FileResult] = []
    errors: list[CopydeskError] = []
    failed = False
    output_format = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    use_color = output_format == "text" and (color if color is not None else _terminal_wants_color())
    cache = None if no_cache else resultcache.ResultCache(resultcache.default_root())
    # Standard input is read once, here: no worker may read it.
    jobs = 1 if any(item.file is None for item in inputs) else jobs or parallel.default_jobs()
    progress = sys.stderr.isatty() and any(Path(given).is_dir() for given in paths)
    linting = parallel.run(inputs, functools.partial(_lint_batch, cache=cache), errors, jobs, progress)
    for item, result in linting:
        threshold = severity_rank(fail_on or item.config.fail_on)
        failed = failed or any(severity_rank(alert.severity) >= threshold for alert in result.alerts)
        results.append(result)
        if output_format == "text" and result.alerts:  # each file as soon as it is done
            with parallel.printing_above_progress():
                click.echo(format_text_file(result, color=use_color), color=use_color)

    report = Report(results, errors)
    if output_format == "json":
        output = format_json(report)
    elif output_format == "github":
        output = format_github(report)
    else:
        output = format_text_summary(report)
    if output:
        click.echo(output, color=use_color)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_ALERTS if failed and not exit_zero else EXIT_CLEAN)


def _lint_batch(
    items: list[_Input], errors: list[CopydeskError], cache: resultcache.ResultCache | None
) -> list[tuple[_Input, FileResult]]:
    """Lint a batch of inputs: each file's cached alerts when its text and
    settings are unchanged, else a parse (spaCy batching across the batch)
    and the rules, whose alerts are then cached."""
    linted: dict[int, FileResult] = {}
    fresh = []
    for item, source, doc in _read_drafts(items, errors):
        unused = item.config.unused_suppression_level(item.file)
        settings = cache.settings_key(item.config, item.rules, unused, item.shown) if cache and item.file else None
        alerts = cache.get(settings, source) if settings else None
        if alerts is None:
            fresh.append((item, source, doc, settings, unused))
        else:
            linted[id(item)] = FileResult(item.shown, source, alerts)
    _parse_linguistics([(item, source, doc) for item, source, doc, _, _ in fresh])
    for item, source, doc, settings, unused in fresh:
        try:
            alerts = lint(
                doc,
                item.rules,
                vocabulary=item.config.vocabulary,
                known_rules=item.config.known_rules,
                unused_severity=unused,
                pipeline=item.config.pipeline,
            )
        except RuleError as error:  # a pattern spaCy rejects as its matcher compiles, on first use
            _abort(error)
        except Exception as error:  # a bug must not pass for "alerts found" (exit 1)
            _report(InputError(f"internal error while linting: {type(error).__name__}: {error}", item.shown), errors)
            continue
        if settings:
            cache.put(settings, source, alerts)
        linted[id(item)] = FileResult(item.shown, source, alerts)
    return [(item, linted[id(item)]) for item in items if id(item) in linted]


def _report(error: CopydeskError, errors: list[CopydeskError]) -> None:
    click.echo(str(error), err=True)
    errors.append(error)


def _read_drafts(items: list[_Input], errors: list[CopydeskError]) -> list[tuple[_Input, str, Document]]:
    """Read and parse each input; one that cannot be read or parsed (front
    matter that is not YAML) is reported and the others go on."""
    drafts = []
    for item in items:
        try:
            source = _decode(_read_bytes(item), item.shown)
            drafts.append((item, source, parse(source, item.shown)))
        except CopydeskError as error:
            error.path = error.path or item.shown
            _report(error, errors)
        except Exception as error:  # a bug must not pass for "alerts found" (exit 1)
            _report(InputError(f"internal error while reading: {type(error).__name__}: {error}", item.shown), errors)
    return drafts


def _parse_linguistics(drafts: list[tuple[_Input, str, Document]]) -> None:
    """Run the spaCy pipeline over every draft whose rules need it, many
    drafts to a batch (one batch per configured pipeline), and the entity
    recognizer over those whose rules read the people model."""
    by_pipeline: dict[str, list[tuple[Document, bool]]] = {}
    for item, _, doc in drafts:
        if needs_nlp(item.rules) and prose_blocks(doc):
            by_pipeline.setdefault(item.config.pipeline, []).append((doc, needs_names(item.rules)))
    for pipeline, batch in by_pipeline.items():
        try:
            for _ in parse_documents([doc for doc, _ in batch], pipeline):
                pass
            recognize_names([doc for doc, names in batch if names], pipeline)
        except ConfigError as error:  # installed when the config was read, gone since
            _abort(error)


def _terminal_wants_color() -> bool:
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _inputs(paths: tuple[str, ...], resolver: ConfigResolver, stdin_filename: str | None, force_exclude: bool):
    """Every input to lint, once each, with its config and rules."""
    seen: set[str] = set()
    for given in paths:
        if given == "-":
            named = Path(stdin_filename) if stdin_filename else None
            config = resolver.for_file(named) if named else resolver.for_folder(Path.cwd())
            yield _Input(stdin_filename or "-", None, config, config.rules_for(named))
            continue
        path = Path(given)
        if path.is_dir():
            files = _walk(path, resolver)
        elif force_exclude and resolver.for_file(path).excludes(path):
            continue
        else:
            files = [(given, path)]
        if not files:
            click.echo(f"warning: no files to lint in {given} (see include/exclude)", err=True)
        for shown, file in files:
            key = os.path.abspath(file)
            if key in seen:
                continue
            seen.add(key)
            config = resolver.for_file(file)
            yield _Input(shown, file, config, config.rules_for(file))


def _walk(top: Path, resolver: ConfigResolver) -> list[tuple[str, Path]]:
    """Files under ``top`` that their config's include/exclude let in,
    in a stable order; hidden folders and node_modules are skipped."""
    found = []
    for folder, subfolders, names in os.walk(top):
        folder = Path(folder)
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".")
            and name not in SKIPPED_FOLDERS
            and not resolver.for_folder(folder / name).excludes(folder / name)
        )
        config = resolver.for_folder(folder)
        found.extend((str(folder / name), folder / name) for name in sorted(names) if config.wants(folder / name))
    return found


def _read_bytes(item: _Input) -> bytes:
    if item.file is None:
        return sys.stdin.buffer.read()
    try:
        return item.file.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", item.shown) from None


def _decode(data: bytes, shown: str) -> str:
    """UTF-8 text with a leading BOM dropped and newlines untouched, so
    offsets count every ``\\r``. Decoded from bytes (not ``utf-8-sig``
    on a text stream) so an error can name the file offset of the bad byte."""
    nul = data.find(b"\0")
    if nul >= 0:
        raise InputError(f"cannot read: binary file (NUL byte at offset {nul})", shown)
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = bom + error.start
        raise InputError(f"cannot read: not UTF-8 (byte 0x{data[offset]:02x} at offset {offset})", shown) from None


@main.command()
def clean() -> None:
    """Empty the result cache (.copydesk_cache here, or $COPYDESK_RESULT_CACHE)."""
    root = resultcache.default_root()
    try:
        removed = resultcache.clean(root)
    except OSError as error:
        click.echo(f"{root}: cannot remove the cache: {error.strerror or error}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"removed {root}" if removed else f"no cache at {root}")


@main.command()
@click.option(
    "--idle-timeout",
    type=click.FloatRange(min=1),
    default=DEFAULT_IDLE_SECONDS,
    show_default=True,
    help="Shut down after this many seconds with no request.",
)
def server(idle_timeout: float) -> None:
    """Keep the rules and the spaCy pipeline loaded for `copydesk check`
    (which uses the server when it runs) until idle."""
    from lint.server import serve

    def ready(path: Path) -> None:
        click.echo(f"copydesk server listening on {path} (idle timeout {idle_timeout:g} s)", err=True)

    try:
        serve(idle_timeout, ready)
    except CopydeskError as error:  # a pipeline gone since the install, or a server already running
        _abort(error)


@main.command()
@click.argument("archive", nargs=-1)
@click.option("--files-from", type=click.File("r", encoding="utf-8"), help="Also audit the files listed in this file (one a line).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("copydesk-audit"), show_default=True,
              help="Folder of the report; an audit found there is resumed.")
@click.option("--scheduler", metavar="ADDRESS", help="A running Dask scheduler (tcp://host:8786) [default: a local cluster].")
@click.option("--workers", type=click.IntRange(min=1), help="Local cluster workers [default: the number of cores].")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True, help="Files per Dask task.")
@click.option("--select", multiple=True, metavar="RULES", help="Run only these rules or packs (comma-separated; repeatable).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Never run these rules or packs (comma-separated; repeatable).")
@config_option
def audit(archive, files_from, out, scheduler, workers, batch_size, select, ignore, config_file) -> None:
    """Lint an archive (folders or listed files) on Dask, as check would,
    into a standards report: OUT/report.html, OUT/alerts.csv, OUT/files.csv."""
    try:
        from lint import audit as auditing
        import dask.distributed  # noqa: F401
        import plotly  # noqa: F401
    except ImportError as error:
        click.echo(f"audit needs Dask and plotly ({error.name} is missing): pip install 'copydesk[audit]'", err=True)
        sys.exit(EXIT_ERROR)
    paths = tuple(archive) + tuple(line.strip() for line in files_from or () if line.strip())
    if not paths:
        click.echo("audit: name an archive folder or files, or give --files-from", err=True)
        sys.exit(EXIT_ERROR)
    settings = auditing.Settings(str(config_file) if config_file else None, _selectors(select), _selectors(ignore))
    try:
        resolver = ConfigResolver(config_file, Selection(settings.select, settings.ignore))
        files = [(item.shown, str(item.file), item.file.parent.name) for item in _inputs(paths, resolver, None, False)]
    except CopydeskError as error:
        _abort(error)
    with parallel.progress_bar(len(files), sys.stderr.isatty()) as bar:
        outcome = auditing.audit(files, settings, out, scheduler, workers or parallel.default_jobs(), batch_size,
                                 bar.update if bar else None)
    for message in outcome.errors:
        click.echo(message, err=True)
    click.echo(
        f"{plural(outcome.files, 'file')} audited ({outcome.skipped} done before), "
        f"{plural(outcome.alerts, 'alert')}; report: {out / 'report.html'}"
    )
    sys.exit(EXIT_ERROR if outcome.errors else EXIT_CLEAN)


@main.command("rules")
@click.option("--all", "show_all", is_flag=True, help="List disabled rules too.")
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
@config_option
def list_rules(show_all: bool, output_format: str, config_file: Path | None) -> None:
    """List the rules the config found from here enables (per-path
    overrides aside), at their configured level."""
    try:
        config = ConfigResolver(config_file).for_folder(Path.cwd())
        enabled = {rule.id: rule for rule in config.rules_for(None)}
        unused_level = config.unused_suppression_level(None)
        if unused_level:
            enabled[UNUSED_RULE_RECORD.id] = replace(UNUSED_RULE_RECORD, level=unused_level)
        rows = [
            (enabled.get(rule.id, rule), rule.id in enabled)
            for rule in config.all_rules()
            if show_all or rule.id in enabled
        ]
    except CopydeskError as error:
        _abort(error)
    if output_format == "json":
        import json

        listing = [
            {"id": r.id, "kind": r.kind, "category": r.category, "level": r.level, "pack": r.pack, "enabled": on}
            for r, on in rows
        ]
        click.echo(json.dumps(listing, indent=2))
        return
    table = [("ID", "KIND", "CATEGORY", "LEVEL", "PACK", "STATUS")]
    table += [(r.id, r.kind, r.category, r.level, r.pack, "enabled" if on else "disabled") for r, on in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


@main.command()
@click.argument("rule_id", metavar="RULE")
@config_option
def explain(rule_id: str, config_file: Path | None) -> None:
    """Explain a rule: what it flags, why, and its examples."""
    try:
        rules = {rule.id: rule for rule in ConfigResolver(config_file).for_folder(Path.cwd()).all_rules()}
    except CopydeskError as error:
        _abort(error)
    rule = rules.get(rule_id)
    if rule is None:
        click.echo(f"unknown rule '{rule_id}'{did_you_mean(rule_id, rules)}", err=True)
        sys.exit(EXIT_ERROR)
    fields = [
        ("kind", rule.kind),
        ("category", rule.category),
        ("level", rule.level),
        ("fixable", f"yes ({rule.fix_applicability})" if rule.fixable else "no"),
        ("message", rule.message),
        ("link", rule.link),
        ("file", rule.path),
    ]
    lines = [rule.id]
    lines += [f"  {name + ':':<10}{value}" for name, value in fields if value]
    prose = [text.strip() for text in (rule.description, rule.explanation) if text.strip()]
    if prose:
        lines += ["", "\n\n".join(prose)]
    for heading, key in (("Flagged:", "flag"), ("Passes:", "pass")):
        if rule.examples[key]:
            lines += ["", heading] + [f"  {example}" for example in rule.examples[key]]
    click.echo("\n".join(lines))


@main.command("test-rules")
@click.argument("folders", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
def test_rules(folders: tuple[Path, ...]) -> None:
    """Run every rule's examples: each flag example must draw an alert
    from its rule, each pass example none. FOLDERS are packs or folders of
    packs [default: the built-in packs]."""
    try:
        packs = {name: folder for top in folders for name, folder in find_packs(top).items()} or builtin_packs()
    except RuleError as error:
        _abort(error)
    load_errors = failures = rule_count = example_count = 0
    for name, folder in packs.items():
        try:
            rules = load_pack(folder, name)
        except RuleError as error:
            click.echo(str(error), err=True)
            load_errors += 1
            continue
        for rule in rules:
            rule_count += 1
            example_count += len(rule.examples["flag"]) + len(rule.examples["pass"])
            for failure in check_examples(rule):
                failures += 1
                click.echo(f"{rule.path}:{rule.line_of('examples')}: {rule.id}: {failure}")
    click.echo(
        f"{plural(rule_count, 'rule')}, {plural(example_count, 'example')}: {plural(failures, 'failure')}"
        + (f", {plural(load_errors, 'pack')} not loaded" if load_errors else "")
    )
    sys.exit(EXIT_ERROR if load_errors else EXIT_ALERTS if failures else EXIT_CLEAN)
