"""``readability``: flag a document whose reading grade is too high.

Vale semantics: the chosen grade-level formulas are averaged over the
document's summary (its body text) and the rule raises one alert when the
average is above ``grade``. The formulas come from textstat, imported only
when a readability rule runs.
"""

from __future__ import annotations

from lint.checks.shared import document_hit, summary_text
from lint.rule import Check, Field

# Vale's metric names and the textstat function computing each.
METRICS = {
    "Gunning Fog": "gunning_fog",
    "Coleman-Liau": "coleman_liau_index",
    "Flesch-Kincaid": "flesch_kincaid_grade",
    "SMOG": "smog_index",
    "Automated Readability": "automated_readability_index",
}


class Readability(Check):
    FIELDS = {
        "metrics": Field("strlist", required=True, choices=tuple(METRICS)),
        "grade": Field("number", required=True),
    }
    FORCED_SCOPE = "summary"

    def __init__(self, rule, options):
        super().__init__(rule, options)
        if not options["metrics"]:
            raise self.error(f"rule {rule.id}: 'metrics' is empty", "metrics")

    def run(self, doc):
        text = summary_text(doc)
        if not text.strip():
            return
        import textstat

        metrics = self.options["metrics"]
        grade = sum(getattr(textstat, METRICS[name])(text) for name in metrics) / len(metrics)
        if grade > self.options["grade"]:
            hit = document_hit(doc, (f"{grade:.2f}",))
            if hit:
                yield hit
