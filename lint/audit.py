"""``copydesk audit``: the lint of ``copydesk check`` over a whole archive,
spread over a Dask cluster, into a standards report.

- The driver lists the files (folders walked as ``check`` walks them, or
  a list of files) and sends them in batches to Dask workers: a local
  cluster by default, or an existing one (``--scheduler tcp://…``). Each
  worker process loads the rules and the spaCy pipeline once and lints
  its batches exactly as ``check`` does (``lint.cli``'s batch function).
- Each finished batch is written at once to ``OUT/parts/`` (JSON, atomic),
  so an interrupted audit resumes where it stopped: files already done
  are skipped.
- At the end it writes ``OUT/alerts.csv`` (every alert, for analysts),
  ``OUT/files.csv`` (every file: words, alerts, section, month, author)
  and ``OUT/report.html``: alerts per 1,000 words by rule, by section or
  desk, by month and by author (front matter when present; the section
  falls back to the file's folder), and the worst stories.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
from collections import Counter
from contextlib import redirect_stderr
from dataclasses import dataclass
from pathlib import Path

from lint.files import write_text_atomic

PARTS = "parts"
SECTION_KEYS = ("section", "desk", "category")
AUTHOR_KEYS = ("author", "byline")
DATE_KEYS = ("date", "published", "pubdate")
ALERT_COLUMNS = (
    "path", "section", "month", "author", "rule", "category", "severity",
    "line", "column", "end_line", "end_column", "match", "message",
)
FILE_COLUMNS = ("path", "section", "month", "author", "words", "alerts", "alerts_per_1k_words")
WORST_STORIES = 25
MIN_WORDS_FOR_WORST = 100  # a short brief with one alert is not the worst story
TOP_AUTHORS = 30


@dataclass(frozen=True)
class Settings:
    """What a worker needs to resolve each file's config and rules as ``check`` would."""

    config_file: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]


@dataclass
class Outcome:
    files: int
    skipped: int
    alerts: int
    errors: list[str]


def audit(files: list[tuple[str, str, str]], settings: Settings, out: Path, scheduler: str | None,
          workers: int, batch_size: int, progress=None) -> Outcome:
    """Lint ``files`` ((shown, path, section) each) on Dask and write the
    report into ``out``. ``progress(done)`` is called as batches finish."""
    from dask.distributed import Client, LocalCluster, as_completed

    parts = out / PARTS
    parts.mkdir(parents=True, exist_ok=True)
    done = {record["path"] for record in _read_parts(parts)}
    remaining = [entry for entry in files if entry[0] not in done]
    batches = [remaining[start : start + batch_size] for start in range(0, len(remaining), batch_size)]
    errors: list[str] = []
    if batches:
        if scheduler:
            client = Client(scheduler)
            cluster = None
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        try:
            futures = [client.submit(lint_batch, batch, settings, pure=False) for batch in batches]
            for future in as_completed(futures):
                records, batch_errors = future.result()
                errors.extend(batch_errors)
                _write_json(parts / f"{_batch_name(records, batch_errors)}.json", records)
                if progress:
                    progress(len(records) + len(batch_errors))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    records = _read_parts(parts)
    order = {shown: number for number, (shown, _, _) in enumerate(files)}
    records = sorted((r for r in records if r["path"] in order), key=lambda r: order[r["path"]])
    write_report(records, out)
    return Outcome(len(records), len(done), sum(len(r["alerts"]) for r in records), errors)


# -- on a worker -----------------------------------------------------------------------

_resolvers: dict = {}


def lint_batch(batch: list[tuple[str, str, str]], settings: Settings) -> tuple[list[dict], list[str]]:
    """Lint files as ``check`` does; one record per file linted, and the
    messages of the files that could not be (as ``check`` prints them).
    The config resolver and rules are built once per worker process, the
    spaCy pipeline is loaded once per worker process (lint.nlp)."""
    from lint import cli
    from lint.config import ConfigResolver, Selection
    from lint.document import parse

    resolver = _resolvers.get(settings)
    if resolver is None:
        config_file = Path(settings.config_file) if settings.config_file else None
        resolver = _resolvers[settings] = ConfigResolver(config_file, Selection(settings.select, settings.ignore))
    sections = {shown: section for shown, _, section in batch}
    items = []
    for shown, path, _ in batch:
        config = resolver.for_file(Path(path))
        items.append(cli._Input(shown, Path(path), config, config.rules_for(Path(path))))
    errors: list = []
    messages = io.StringIO()
    with redirect_stderr(messages):  # unreadable files: reported once, by the driver
        linted = cli._lint_batch(items, errors, cache=None)
    records = []
    for item, result in linted:
        doc = parse(result.source, item.shown)
        meta = {key.lower(): value for key, value in (doc.front_matter or {}).items()}
        records.append({
            "path": item.shown,
            "words": len(doc.prose.split()),
            "section": _first(meta, SECTION_KEYS) or sections[item.shown],
            "month": _month(_first(meta, DATE_KEYS)),
            "author": _first(meta, AUTHOR_KEYS),
            "alerts": [alert.to_dict() for alert in result.alerts],
        })
    return records, [str(error) for error in errors]


def _first(meta: dict, keys: tuple[str, ...]) -> str:
    for key in keys:
        value = meta.get(key)
        if value not in (None, "") and not isinstance(value, (dict, list)):
            return str(value).strip()
    return ""


def _month(value: str) -> str:
    """``YYYY-MM`` from a date written ``YYYY-MM-DD…``; else empty."""
    return value[:7] if len(value) >= 7 and value[:4].isdigit() and value[4] == "-" and value[5:7].isdigit() else ""


# -- parts (resume) ------------------------------------------------------------------------


def _batch_name(records: list[dict], errors: list[str]) -> str:
    return hashlib.sha256(json.dumps([r["path"] for r in records] + errors).encode()).hexdigest()[:32]


def _write_json(path: Path, data) -> None:
    write_text_atomic(path, json.dumps(data, ensure_ascii=False))


def _read_parts(parts: Path) -> list[dict]:
    records = {}
    for part in sorted(parts.glob("*.json")):
        try:
            for record in json.loads(part.read_text(encoding="utf-8")):
                records[record["path"]] = record
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a damaged part: its files are linted again
    return list(records.values())


# -- the report ------------------------------------------------------------------------------


def write_report(records: list[dict], out: Path) -> None:
    _write_csv(out / "alerts.csv", ALERT_COLUMNS, (
        {**{key: record[key] for key in ("path", "section", "month", "author")},
         **{key: alert[key] for key in ALERT_COLUMNS[4:]}}
        for record in records for alert in record["alerts"]
    ))
    _write_csv(out / "files.csv", FILE_COLUMNS, (
        {**{key: record[key] for key in ("path", "section", "month", "author", "words")},
         "alerts": len(record["alerts"]), "alerts_per_1k_words": f"{_rate(len(record['alerts']), record['words']):.2f}"}
        for record in records
    ))
    write_text_atomic(out / "report.html", render_html(records))


def _write_csv(path: Path, columns: tuple[str, ...], rows) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    write_text_atomic(path, buffer.getvalue())


def _rate(alerts: int, words: int) -> float:
    return 1000 * alerts / words if words else 0.0


def _rates_by(records: list[dict], field: str) -> list[tuple[str, float, int, int]]:
    """(group, alerts per 1,000 words, alerts, words) per value of ``field``."""
    words: Counter = Counter()
    alerts: Counter = Counter()
    for record in records:
        if record[field]:
            words[record[field]] += record["words"]
            alerts[record[field]] += len(record["alerts"])
    return [(group, _rate(alerts[group], words[group]), alerts[group], words[group]) for group in words]


def render_html(records: list[dict]) -> str:
    """The standards report: self-contained (plotly's script inline), so
    it opens with no network."""
    import plotly.graph_objects as go
    import plotly.io as pio

    total_words = sum(r["words"] for r in records)
    total_alerts = sum(len(r["alerts"]) for r in records)
    by_rule: Counter = Counter(alert["rule"] for r in records for alert in r["alerts"])
    rule_rows = sorted(((rule, _rate(n, total_words), n) for rule, n in by_rule.items()), key=lambda row: -row[1])

    def grouped(field: str, limit: int | None = None) -> list[tuple[str, float, int, int]]:
        rows = _rates_by(records, field)
        rows.sort(key=(lambda row: row[0]) if field == "month" else (lambda row: -row[3]))
        return rows[:limit] if limit else rows

    charts = [
        ("Alerts per 1,000 words by rule", [(rule, rate) for rule, rate, _ in rule_rows]),
        ("Alerts per 1,000 words by section or desk", [(g, rate) for g, rate, _, _ in grouped("section")]),
        ("Alerts per 1,000 words by month", [(g, rate) for g, rate, _, _ in grouped("month")]),
        (f"Alerts per 1,000 words by author (the {TOP_AUTHORS} with most words)",
         [(g, rate) for g, rate, _, _ in grouped("author", TOP_AUTHORS)]),
    ]
    sections = []
    plotly_included = False
    for title, rows in charts:
        if not rows:
            sections.append(f"<h2>{html.escape(title)}</h2><p class='empty'>No data (no such front matter).</p>")
            continue
        figure = go.Figure(go.Bar(x=[value for _, value in rows], y=[label for label, _ in rows], orientation="h"))
        figure.update_layout(title=title, height=max(300, 24 * len(rows) + 120), margin={"l": 260},
                             yaxis={"autorange": "reversed", "type": "category"},
                             xaxis={"title": "alerts per 1,000 words"})
        sections.append(pio.to_html(figure, full_html=False, include_plotlyjs=not plotly_included))
        plotly_included = True

    worst = sorted((r for r in records if r["words"] >= MIN_WORDS_FOR_WORST),
                   key=lambda r: -_rate(len(r["alerts"]), r["words"]))[:WORST_STORIES]
    worst_rows = "".join(
        f"<tr><td>{html.escape(r['path'])}</td><td>{html.escape(r['section'])}</td>"
        f"<td class='n'>{r['words']:,}</td><td class='n'>{len(r['alerts']):,}</td>"
        f"<td class='n'>{_rate(len(r['alerts']), r['words']):.1f}</td></tr>"
        for r in worst
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>copydesk standards report</title>
<script>
window.copydeskErrors = [];
window.addEventListener("error", function (event) {{ window.copydeskErrors.push(String(event.message)); }});
</script>
<style>
body {{ font-family: sans-serif; margin: 2em; max-width: 1100px; }}
table {{ border-collapse: collapse; }} td, th {{ padding: 0.2em 0.6em; border-bottom: 1px solid #ddd; }}
td.n {{ text-align: right; }} .empty {{ color: #777; }}
</style></head>
<body>
<h1>copydesk standards report</h1>
<p id="summary">{len(records):,} stories, {total_words:,} words, {total_alerts:,} alerts
({_rate(total_alerts, total_words):.2f} per 1,000 words).</p>
{"".join(sections)}
<h2>The worst stories (alerts per 1,000 words, {MIN_WORDS_FOR_WORST}+ words)</h2>
<table id="worst"><tr><th>story</th><th>section</th><th>words</th><th>alerts</th><th>per 1,000 words</th></tr>
{worst_rows}</table>
<pre id="status"></pre>
<script>
window.addEventListener("load", function () {{
  var charts = Array.from(document.querySelectorAll(".js-plotly-plot"))
    .filter(function (plot) {{ return plot.querySelector(".main-svg .barlayer .trace.bars path"); }}).length;
  document.getElementById("status").textContent =
    "charts drawn: " + charts + "; errors: " + window.copydeskErrors.length + " " + window.copydeskErrors.join(" | ");
}});
</script>
</body></html>
"""
