"""The command line: it reads the drafts, prints the report and decides
the exit status (config and rule files are read by lint.config and
lint.packs; the engine touches no file).

Exit status: 0 clean; 1 alerts at or above ``--fail-on``; 2 usage,
config, rule or input errors (an unreadable file is reported and the
other files are still linted).
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import os
import signal
import sys
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

import click

from lint import fixer, starter
from lint.alert import SEVERITIES, severity_rank
from lint.config import CONFIG_NAME, Config, ConfigResolver, Selection, did_you_mean
from lint.document import Document, parse
from lint.engine import lint, needs_names, needs_nlp, prepare_parse
from lint.errors import ConfigError, CopydeskError, InputError, RuleError
from lint.examples import check_examples
from lint.files import write_draft, write_text_atomic
from lint.formats import (
    FORMAT_NAMES,
    FileResult,
    Report,
    format_diff,
    format_github,
    format_github_summary,
    format_gitlab,
    format_json,
    format_junit,
    format_sarif,
    format_statistics,
    format_text,
    format_text_file,
    format_text_summary,
    plural,
)
from lint.nlp import MAX_PARSE_CHARS, parse_documents, parsed_pieces, prose_blocks, too_long_to_parse
from lint.packs import builtin_packs, find_packs, load_pack_reporting
from lint import parallel, resultcache
from lint.server import DEFAULT_IDLE_SECONDS, NO_SERVER_OPTION
from lint.people import recognize_names
from lint.rule import Rule
from lint.safeio import outside, read_regular
from lint.suppression import UNUSED_RULE_RECORD

EXIT_CLEAN, EXIT_ALERTS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130
SKIPPED_FOLDERS = ("node_modules",)  # and every hidden folder, .git included

config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use this config file for every input instead of finding one.",
)


class _Main(click.Group):
    """The command group: whatever escapes a command is exit 2 with one
    line, never a traceback read as exit 1 ("alerts found"); Ctrl-C and
    SIGTERM end the run with no file changed and no report file written
    (exit 130 and 143)."""

    def invoke(self, ctx: click.Context):
        previous = signal.signal(signal.SIGTERM, _terminated) if _main_thread() else None
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo(f"copydesk: interrupted; {_stop_note()}", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as error:  # noqa: BLE001
            click.echo(f"copydesk: internal error: {type(error).__name__}: {error}", err=True)
            sys.exit(EXIT_ERROR)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


# What a stopped command leaves behind, when it is not "nothing" (ctx.meta key).
_STOP_NOTE = "copydesk.stop_note"


def _stop_note() -> str:
    ctx = click.get_current_context(silent=True)
    return (ctx.meta.get(_STOP_NOTE) if ctx else None) or "no file was written"


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _terminated(signum, frame) -> NoReturn:
    click.echo(f"copydesk: terminated; {_stop_note()}", err=True)
    sys.exit(128 + signum)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
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
    # The folder being walked that found the file; None: named on the command
    # line, where a symlink to anywhere is the user's own choice.
    walked: Path | None = None


@main.command()
@click.argument("paths", nargs=-1)
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
@click.option("--fix", "apply_fixes", is_flag=True, help="Apply safe fixes to the files, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too (read them first).")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--statistics", is_flag=True, help="Print a count of alerts per rule instead of each alert.")
@click.option("--output-file", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to this file (atomically), not stdout.")
@click.option("--diff-from", metavar="REF", help="Report only alerts on lines changed since this git ref (a branch, tag or commit).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path), help="Hide the alerts this baseline holds (see 'copydesk baseline').")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), hidden=True)  # the baseline command
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
    apply_fixes: bool = False,
    unsafe_fixes: bool = False,
    show_diff: bool = False,
    statistics: bool = False,
    output_file: Path | None = None,
    diff_from: str | None = None,
    baseline_file: Path | None = None,
    write_baseline: Path | None = None,
    jobs: int | None = None,
    no_cache: bool = False,
    no_server: bool = False,  # read by lint.server.forward, before this command runs
) -> None:
    """Lint files, folders (recursively) and - (standard input) [default: the current folder]."""
    paths = paths or (".",)
    if apply_fixes and "-" in paths:
        _abort(ConfigError("--fix cannot write standard input back; use --diff to see the fixes"))
    _reported.clear()
    try:
        resolver = ConfigResolver(config_file, Selection(_selectors(select), _selectors(ignore)))
        inputs = list(_inputs(paths, resolver, stdin_filename, force_exclude))
        keep = _alert_filter(diff_from, baseline_file)
    except CopydeskError as error:
        _abort(error)
    except (RecursionError, MemoryError, ValueError, TypeError) as error:  # a config or rule file built to break us
        _abort(ConfigError(f"cannot load the config or its rules: {type(error).__name__}: {error}"))
    _notice_disabled_packs(inputs)
    fixing = apply_fixes or show_diff
    diffs: list[str] = []
    fixed_alerts = fixed_files = 0
    results: list[FileResult] = []
    errors: list[CopydeskError] = []
    for error in _rule_load_errors(item.config for item in inputs):
        _report(error, errors)  # the pack's other rules still run; exit 2 at the end
    failed = False
    output_format = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    # Text is streamed file by file unless it is rewritten first (fixes),
    # counted (statistics) or written to a file.
    streaming = output_format == "text" and not (fixing or statistics or output_file or write_baseline)
    use_color = streaming and (color if color is not None else _terminal_wants_color())
    cache = None if no_cache else resultcache.ResultCache(resultcache.default_root())
    # Standard input is read once, here: no worker may read it.
    jobs = 1 if any(item.file is None for item in inputs) else jobs or parallel.default_jobs()
    progress = sys.stderr.isatty() and any(Path(given).is_dir() for given in paths)
    linting = parallel.run(inputs, functools.partial(_lint_batch, cache=cache), errors, jobs, progress)
    for item, result in linting:
        source, alerts = result.source, keep(item.shown, result.source, result.alerts)
        if fixing and any(fixer.is_applicable(alert, unsafe_fixes) for alert in alerts):
            try:
                fixed = _fix(item, source, alerts, keep, unsafe_fixes, errors)
            except Exception as error:  # a bug must not pass for "alerts found" (exit 1)
                _report(InputError(f"internal error while fixing: {type(error).__name__}: {error}", item.shown), errors)
                continue
            if fixed.passes:
                fixed_alerts += fixed.fixed
                fixed_files += 1
                if show_diff:
                    diffs.append(format_diff(item.shown, source, fixed.source))
                elif not _write_fixed(item, fixed.source, errors):
                    continue
            if not show_diff:
                source, alerts = fixed.source, fixed.alerts
        threshold = severity_rank(fail_on or item.config.fail_on)
        failed = failed or any(severity_rank(alert.severity) >= threshold for alert in alerts)
        result = FileResult(item.shown, source, alerts)
        if streaming and alerts:  # each file as soon as it is done
            with parallel.printing_above_progress():
                click.echo(format_text_file(result, color=use_color), color=use_color)
        # Streamed, a file's text is not needed again (the summary counts alerts).
        results.append(replace(result, source="") if streaming else result)

    report = Report(results, errors)
    if write_baseline:
        from lint import baseline

        _write_report_file(write_baseline, baseline.dump([(r.path, r.source, r.alerts) for r in report.files], Path(os.path.abspath(write_baseline)).parent))
        click.echo(f"{plural(sum(len(r.alerts) for r in report.files), 'alert')} in {plural(len(report.files), 'file')} written to {write_baseline}", err=True)
        sys.exit(EXIT_ERROR if errors else EXIT_CLEAN)
    if show_diff:
        _emit("".join(diffs), output_file, color=False)
        click.echo(f"{fixed_alerts} fix{'' if fixed_alerts == 1 else 'es'} would change {plural(fixed_files, 'file')}", err=True)
        sys.exit(EXIT_ERROR if errors else EXIT_ALERTS if diffs else EXIT_CLEAN)
    if apply_fixes:
        click.echo(f"fixed {plural(fixed_alerts, 'alert')} in {plural(fixed_files, 'file')}", err=True)
    if statistics:
        output = format_statistics(report)
    elif output_format == "json":
        output = format_json(report)
    elif output_format == "github":
        output = format_github(report)
        _append_step_summary(report)
    elif output_format == "sarif":
        from lint import __version__

        output = format_sarif(report, __version__)
    elif output_format == "gitlab":
        output = format_gitlab(report)
    elif output_format == "junit":
        output = format_junit(report)
    else:
        if streaming:
            output = format_text_summary(report)
        else:
            use_color = output_file is None and (color if color is not None else _terminal_wants_color())
            output = format_text(report, color=use_color)
    _emit(output, output_file, use_color)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_ALERTS if failed and not exit_zero else EXIT_CLEAN)


def _lint_item(item: _Input, doc: Document) -> list:
    """A draft's alerts under its config and rules."""
    return lint(
        doc,
        item.rules,
        vocabulary=item.config.vocabulary,
        known_rules=item.config.known_rules,
        unused_severity=item.config.unused_suppression_level(item.file),
        pipeline=item.config.pipeline,
        quiet_rules=item.config.turned_off_by_command_line(item.file),
        configured_rules=item.config.overridden.values(),
    )


def _lint_batch(
    items: list[_Input], errors: list[CopydeskError], cache: resultcache.ResultCache | None
) -> list[tuple[_Input, FileResult]]:
    """Lint a batch of inputs: each file's cached alerts when its text and
    settings are unchanged, else a parse (spaCy batching across the batch)
    and the rules, whose alerts are then cached unless the file gave an
    error (which a cached re-run would not repeat)."""
    linted: dict[int, FileResult] = {}
    fresh = []
    for item, source, doc in _read_drafts(items, errors):
        settings = cache.settings_key(item.config, item.rules, item.shown, item.file) if cache and item.file else None
        alerts = cache.get(settings, source) if settings else None
        if alerts is None:
            fresh.append((item, source, doc, settings))
        else:
            linted[id(item)] = FileResult(item.shown, source, alerts)
    _parse_linguistics([(item, source, doc) for item, source, doc, _ in fresh], errors)
    for item, source, doc, settings in fresh:
        try:
            alerts = _lint_item(item, doc)
        except RuleError as error:  # a pattern spaCy rejects as its matcher compiles, on first use
            _report(error, errors)
            continue
        except Exception as error:  # a bug must not pass for "alerts found" (exit 1)
            _report(InputError(f"internal error while linting: {type(error).__name__}: {error}", item.shown), errors)
            continue
        if settings and not any(getattr(error, "path", None) == item.shown for error in errors):
            cache.put(settings, source, alerts)
        linted[id(item)] = FileResult(item.shown, source, alerts)
    return [(item, linted[id(item)]) for item in items if id(item) in linted]


def _alert_filter(diff_from: str | None, baseline_file: Path | None):
    """What ``--diff-from`` and ``--baseline`` let through, as one
    function of (path, source, alerts)."""
    from lint.baseline import Baseline
    from lint.changes import ChangedLines

    changed = ChangedLines(diff_from, Path.cwd()) if diff_from else None
    known = Baseline(baseline_file) if baseline_file else None

    def keep(path: str, source: str, alerts: list) -> list:
        if changed is not None:
            alerts = [a for a in alerts if changed.touches(path, a.line, a.end_line)]
        if known is not None:
            alerts = known.new_alerts(path, source, alerts)
        return alerts

    return keep


def _fix(item: _Input, source: str, alerts: list, keep, unsafe: bool, errors: list) -> fixer.FixResult:
    """Apply a file's fixes, linting afresh after each pass with the
    file's rules (and the run's filters, so only reported alerts are fixed)."""

    def relint(text: str):
        fresh = parse(text, item.shown)
        return fresh, keep(item.shown, text, _lint_item(item, fresh))

    result = fixer.fix(source, relint, unsafe, first=(parse(source, item.shown), alerts))
    if not result.converged:
        _report(
            InputError(f"fixes still changing the text after {fixer.MAX_PASSES} passes (rules that undo each other?)", item.shown),
            errors,
        )
    return result


def _write_fixed(item: _Input, text: str, errors: list) -> bool:
    try:
        write_draft(item.file, text)
    except OSError as error:
        _report(InputError(f"cannot write the fixed file: {error.strerror or error}", item.shown), errors)
        return False
    return True


def _write_report_file(path: Path, text: str) -> None:
    try:
        write_text_atomic(path, text)
    except OSError as error:
        _abort(InputError(f"cannot write: {error.strerror or error}", str(path)))


def _emit(output: str, output_file: Path | None, color: bool) -> None:
    if output_file is not None:
        _write_report_file(output_file, output + ("\n" if output and not output.endswith("\n") else ""))
    elif output:
        click.echo(output, color=color, nl=not output.endswith("\n"))


def _append_step_summary(report: Report) -> None:
    """GitHub's step summary file is appended to, by every step that writes one."""
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_file:
        return
    try:
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(format_github_summary(report))
    except OSError as error:
        click.echo(f"warning: cannot write the step summary {summary_file}: {error.strerror or error}", err=True)


def _rule_load_errors(configs) -> list[RuleError]:
    """Each rule file that could not load, once, in the packs the run loaded."""
    found: list[RuleError] = []
    for config in configs:
        found.extend(error for error in config.load_errors if error not in found)
    return found


def _notice_disabled_packs(inputs: list[_Input]) -> None:
    """One line per pack found under ``rule-dirs`` that nothing enables,
    which would otherwise be silently off, and per notice of a config (an
    old option name)."""
    configs = {id(item.config): item.config for item in inputs}
    for config in configs.values():
        for pack, folder in config.disabled_rule_dir_packs():
            where = config.path or "the config"
            click.echo(f"notice: pack '{pack}' in {folder} is not enabled; add it to 'packs' in {where} to run it", err=True)
        for notice in config.notices:
            click.echo(notice, err=True)


def _report(error: CopydeskError, errors: list[CopydeskError]) -> None:
    message = str(error)
    if message not in _reported:  # a broken rule fails every file alike: say so once
        _reported.add(message)
        click.echo(message, err=True)
    errors.append(error)


_reported: set[str] = set()


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


def _parse_linguistics(drafts: list[tuple[_Input, str, Document]], errors: list[CopydeskError]) -> None:
    """Run the spaCy pipeline over every draft whose rules need it, many
    drafts to a batch (one batch per configured pipeline), and the entity
    recognizer over those whose rules read the people model. A paragraph
    too long to parse, or a draft the parser fails on, is reported; its
    other rules still run."""
    by_pipeline: dict[str, list[tuple[Document, bool]]] = {}
    for item, _, doc in drafts:
        if needs_nlp(item.rules) and prose_blocks(doc):
            prepare_parse(doc, item.rules)
            for block in too_long_to_parse(doc):
                line, _ = doc.position(doc.source_offset(block.start))
                _report(InputError(
                    f"a paragraph of {block.end - block.start:,} characters is too long to parse (the most is "
                    f"{MAX_PARSE_CHARS:,}): rules that read the parse skipped it", item.shown, line,
                ), errors)
            by_pipeline.setdefault(item.config.pipeline, []).append((doc, needs_names(item.rules)))
    for pipeline, batch in by_pipeline.items():
        try:
            _parse_batch(batch, pipeline)
        except ConfigError as error:  # installed when the config was read, gone since
            _abort(error)
        except Exception:  # noqa: BLE001 - some draft broke the parser: parse each alone to name it
            for doc, names in batch:
                try:
                    if doc.parses is None:
                        _parse_batch([(doc, False)], pipeline)
                    if names:
                        recognize_names([doc], pipeline)  # skips a draft already done
                except Exception as error:  # noqa: BLE001
                    doc.parses = []
                    _report(InputError(f"the parser failed ({pipeline}): {type(error).__name__}: {error}", doc.path), errors)


def _parse_batch(batch: list[tuple[Document, bool]], pipeline: str) -> None:
    docs = [doc for doc, _ in batch]
    with _parse_progress(docs) as progress:
        for _ in parse_documents(docs, pipeline, progress):
            pass
    recognize_names([doc for doc, names in batch if names], pipeline)


# A draft with this much prose to parse shows a progress bar on a terminal
# (a few seconds of parsing).
LONG_DRAFT_CHARS = 200_000


@contextlib.contextmanager
def _parse_progress(docs: list[Document]):
    """A progress bar (tqdm, on stderr) over the characters a batch parses
    when it holds a long draft and stderr is a terminal; yields its
    update function, or None."""
    sizes = [sum(end - start for start, end in parsed_pieces(doc)) for doc in docs]
    long = [doc.path for doc, size in zip(docs, sizes) if size >= LONG_DRAFT_CHARS]
    if not long or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: workers may fork from this process
    with tqdm(total=sum(sizes), desc=f"parsing {long[0]}", unit="char", unit_scale=True,
              file=sys.stderr, leave=False, dynamic_ncols=True) as bar:
        yield bar.update


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
        walked = path if path.is_dir() else None
        if walked:
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
            yield _Input(shown, file, config, config.rules_for(file), walked)


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
    """A draft's bytes: only a regular file (a FIFO or a device is an error,
    never a hang), no larger than ``max-file-size``, and when a folder walk
    found it, not a symlink out of that folder."""
    limit = item.config.max_file_size
    if item.file is None:
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError(f"file too large: over {limit:,} bytes (raise max-file-size in the config)", item.shown)
        return data
    if item.walked is not None:
        try:
            real = outside(item.file, item.walked)
        except OSError as error:
            raise InputError(f"cannot read: {'symlink loop' if error.errno == 40 else error.strerror}", item.shown) from None
        if real is not None:
            raise InputError(f"not read: a symlink to {real}, outside {item.walked} (name it on the command line to lint it)", item.shown)
    try:
        return read_regular(item.file, limit, InputError, item.shown)
    except InputError as error:
        if error.message.startswith("file too large"):
            error.message += " (raise max-file-size in the config)"
        raise


def _decode(data: bytes, shown: str) -> str:
    """UTF-8 (or UTF-16 with its byte-order mark) text with a leading BOM
    dropped and newlines untouched, so offsets count every ``\\r``.
    Decoded from bytes (not ``utf-8-sig`` on a text stream) so an error can
    name the file offset of the bad byte."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(f"cannot read: not UTF-16 (bad bytes at offset {error.start + 2})", shown) from None
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
    # finished batches are written as they come, so a stopped audit is resumed
    click.get_current_context().meta[_STOP_NOTE] = (
        f"no report was written; the batches finished are kept in {out / auditing.PARTS} "
        "and the same audit run again resumes from them"
    )
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
        # as check does, a disabled pack is loaded only when asked for (--all)
        listed = config.all_rules() if show_all else [UNUSED_RULE_RECORD, *config.rules_for(None)]
        rows = [(enabled.get(rule.id, rule), rule.id in enabled) for rule in listed if show_all or rule.id in enabled]
    except CopydeskError as error:
        _abort(error)
    load_errors = _rule_load_errors([config])
    for error in load_errors:
        click.echo(str(error), err=True)
    if output_format == "json":
        import json

        listing = [
            {"id": r.id, "kind": r.kind, "category": r.category, "level": r.level, "pack": r.pack, "enabled": on}
            for r, on in rows
        ]
        click.echo(json.dumps(listing, indent=2))
        sys.exit(EXIT_ERROR if load_errors else EXIT_CLEAN)
    table = [("ID", "KIND", "CATEGORY", "LEVEL", "PACK", "STATUS")]
    table += [(r.id, r.kind, r.category, r.level, r.pack, "enabled" if on else "disabled") for r, on in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    sys.exit(EXIT_ERROR if load_errors else EXIT_CLEAN)


@main.command()
@click.argument("rule_id", metavar="RULE")
@config_option
def explain(rule_id: str, config_file: Path | None) -> None:
    """Explain a rule: what it flags, why, and its examples."""
    try:
        config = ConfigResolver(config_file).for_folder(Path.cwd())
        pack = rule_id.partition(".")[0]
        # only the rule's own pack is loaded: a broken pack elsewhere is no matter here
        if pack in config.pack_folders:
            rules = {rule.id: rule for rule in config.rules_of(pack)}
        else:
            rules = {rule.id: rule for rule in config.all_rules()}
        rules[UNUSED_RULE_RECORD.id] = UNUSED_RULE_RECORD
    except CopydeskError as error:
        _abort(error)
    rule = rules.get(rule_id)
    if rule is None:
        broken = [error for error in config.load_errors if Path(error.path or "").stem == rule_id.partition(".")[2]]
        for error in broken:
            click.echo(str(error), err=True)
        if not broken:
            click.echo(f"unknown rule '{rule_id}'{did_you_mean(rule_id, [*rules, *config.known_rules])}", err=True)
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


@main.command()
@click.argument("data", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write model.npz to (point a loaded rule's 'model' at it).")
@click.option("--dev-share", type=click.FloatRange(0.05, 0.5), default=0.2, show_default=True,
              help="Share of the sentences held out to choose the thresholds.")
def train(data: Path, out: Path, dev_share: float) -> None:
    """Retrain the loaded-language model on a newsroom's own labelled
    sentences: a CSV with columns text, label (1 or 0) and optionally words
    (the loaded words, separated by |). Needs the train extra:
    pip install "copydesk[train]"."""
    try:
        from lint.training import retrain

        meta = retrain(data, out, dev_share)
    except ImportError as error:
        _abort(ConfigError(f"copydesk train needs the train extra (pip install \"copydesk[train]\"): {error}"))
    except ValueError as error:
        _abort(InputError(str(error), str(data)))
    dev = meta["dev"]
    click.echo(f"wrote {out / 'model.npz'}; held-out sentences: macro F1 {dev['sentence_macro_f1']:.3f}, "
               f"word precision {dev['word_precision']:.3f}, recall {dev['word_recall']:.3f}; "
               f"thresholds: word {meta['thresholds']['word']}, sentence {meta['thresholds']['sentence']}")


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
        rules, errors = load_pack_reporting(folder, name)
        for error in errors:  # the pack's other rules are still tested
            click.echo(str(error), err=True)
        load_errors += len(errors)
        for rule in rules:
            rule_count += 1
            example_count += len(rule.examples["flag"]) + len(rule.examples["pass"])
            for failure in check_examples(rule):
                failures += 1
                click.echo(f"{rule.path}:{rule.line_of('examples')}: {rule.id}: {failure}")
    click.echo(
        f"{plural(rule_count, 'rule')}, {plural(example_count, 'example')}: {plural(failures, 'failure')}"
        + (f", {plural(load_errors, 'rule')} not loaded" if load_errors else "")
    )
    sys.exit(EXIT_ERROR if load_errors else EXIT_ALERTS if failures else EXIT_CLEAN)


@main.command("baseline")
@click.argument("paths", nargs=-1)
@click.option(
    "--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path), default=Path(".copydesk-baseline.json"),
    show_default=True, help="The baseline file to write.",
)
@config_option
@click.pass_context
def write_baseline_command(ctx: click.Context, paths: tuple[str, ...], output: Path, config_file: Path | None) -> None:
    """Record the alerts an archive has now, so that 'check --baseline FILE'
    reports only new ones. PATHS as for check [default: the current folder]."""
    ctx.invoke(check, paths=paths, config_file=config_file, write_baseline=output, output_format=None, fail_on=None,
               exit_zero=False, select=(), ignore=(), stdin_filename=None, force_exclude=False, color=None)


def _write_new_config(path: Path, text: str, force: bool) -> None:
    if path.exists() and not force:
        _abort(ConfigError("already exists (use --force to replace it)", str(path)))
    _write_report_file(path, text)
    try:
        ConfigResolver(path)  # what was written must load
    except CopydeskError as error:
        _abort(error)
    click.echo(f"wrote {path}", err=True)


@main.command()
@click.option("--tense", type=click.Choice(starter.TENSES), default="said", show_default=True, help="The attribution tense the desk writes.")
@click.option("--courtesy-titles/--no-courtesy-titles", default=False, show_default=True, help="'Mr Blair' on later references (BBC), or none (AP).")
@click.option("--us", "us_form", type=click.Choice(starter.US_FORMS), default="U.S.", show_default=True, help="How the desk abbreviates the United States.")
@click.option("--force", is_flag=True, help="Replace an existing .copydesk.yaml.")
def init(tense: str, courtesy_titles: bool, us_form: str, force: bool) -> None:
    """Write a commented .copydesk.yaml here for the house style."""
    _write_new_config(Path(CONFIG_NAME), starter.starter_config(tense, courtesy_titles, us_form), force)


@main.command("import-vale")
@click.argument("ini", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=".vale.ini")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="The config to write [default: .copydesk.yaml beside the .vale.ini].")
@click.option("--force", is_flag=True, help="Replace an existing config.")
def import_vale(ini: Path, output: Path | None, force: bool) -> None:
    """Write the .copydesk.yaml equivalent to a Vale .vale.ini."""
    from lint import vale_import

    try:
        text = vale_import.convert(ini.read_text(encoding="utf-8-sig"), ini)
    except OSError as error:
        _abort(InputError(f"cannot read: {error.strerror or error}", str(ini)))
    except CopydeskError as error:
        _abort(error)
    _write_new_config(output or ini.parent / CONFIG_NAME, text, force)
