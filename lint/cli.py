"""The command line: it reads the drafts, prints the report and decides
the exit status (config and rule files are read by lint.config and
lint.packs; the engine touches no file).

Exit status: 0 clean; 1 alerts at or above ``--fail-on``; 2 usage,
config, rule or input errors (an unreadable file is reported and the
other files are still linted).
"""

from __future__ import annotations

import codecs
import os
import signal
import sys
import threading
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
from lint.formats import FORMAT_NAMES, FileResult, Report, format_github, format_json, format_text, plural
from lint.nlp import MAX_PARSE_CHARS, parse_documents, prose_blocks, too_long_to_parse
from lint.packs import builtin_packs, find_packs, load_pack
from lint.people import recognize_names
from lint.rule import Rule
from lint.safeio import outside, read_regular
from lint.suppression import UNUSED_RULE_RECORD

EXIT_CLEAN, EXIT_ALERTS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130
SKIPPED_FOLDERS = ("node_modules",)  # and every hidden folder, .git included
# Drafts read, parsed and linted together: spaCy batches across them, and
# memory stays bounded on a large folder.
BATCH_FILES = 64

config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use this config file for every input instead of finding one.",
)


class _Main(click.Group):
    """The command group: whatever escapes a command is exit 2 with one
    line, never a traceback read as exit 1 ("alerts found"); Ctrl-C and
    SIGTERM end the run before anything is printed (exit 130 and 143)."""

    def invoke(self, ctx: click.Context):
        previous = signal.signal(signal.SIGTERM, _terminated) if _main_thread() else None
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("copydesk: interrupted; nothing was written", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as error:  # noqa: BLE001
            click.echo(f"copydesk: internal error: {type(error).__name__}: {error}", err=True)
            sys.exit(EXIT_ERROR)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _terminated(signum, frame) -> NoReturn:
    click.echo("copydesk: terminated; nothing was written", err=True)
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
) -> None:
    """Lint files, folders (recursively) and - (standard input)."""
    _reported.clear()
    try:
        resolver = ConfigResolver(config_file, Selection(_selectors(select), _selectors(ignore)))
        inputs = list(_inputs(paths, resolver, stdin_filename, force_exclude))
    except CopydeskError as error:
        _abort(error)
    except (RecursionError, MemoryError, ValueError, TypeError) as error:  # a config or rule file built to break us
        _abort(ConfigError(f"cannot load the config or its rules: {type(error).__name__}: {error}"))
    results: list[FileResult] = []
    errors: list[CopydeskError] = []
    failed = False
    for start in range(0, len(inputs), BATCH_FILES):
        drafts = _read_drafts(inputs[start : start + BATCH_FILES], errors)
        _parse_linguistics(drafts, errors)
        for item, source, doc in drafts:
            try:
                alerts = lint(
                    doc,
                    item.rules,
                    vocabulary=item.config.vocabulary,
                    known_rules=item.config.known_rules,
                    unused_severity=item.config.unused_suppression_level(item.file),
                    pipeline=item.config.pipeline,
                    rejected=item.config.rejected,
                )
            except RuleError as error:  # a pattern spaCy rejects as its matcher compiles, on first use
                _report(error, errors)
                continue
            except Exception as error:  # a bug must not pass for "alerts found" (exit 1)
                _report(InputError(f"internal error while linting: {type(error).__name__}: {error}", item.shown), errors)
                continue
            threshold = severity_rank(fail_on or item.config.fail_on)
            failed = failed or any(severity_rank(alert.severity) >= threshold for alert in alerts)
            results.append(FileResult(item.shown, source, alerts))

    report = Report(results, errors)
    output_format = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    use_color = False
    if output_format == "json":
        output = format_json(report)
    elif output_format == "github":
        output = format_github(report)
    else:
        use_color = color if color is not None else _terminal_wants_color()
        output = format_text(report, color=use_color)
    if output:
        click.echo(output, color=use_color)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_ALERTS if failed and not exit_zero else EXIT_CLEAN)


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
    for _ in parse_documents([doc for doc, _ in batch], pipeline):
        pass
    recognize_names([doc for doc, names in batch if names], pipeline)


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
