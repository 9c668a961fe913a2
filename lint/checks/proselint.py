"""``proselint``: run proselint's own checks over each scope span.

``checks`` names proselint check paths or families (``cliches``,
``typography.symbols``); each result is a hit whose message argument is
proselint's message and whose fix is its replacement. Naming a path that
matches no proselint check is an error at load time, which is why loading a
rule of this kind imports proselint; other kinds never do.
"""

from __future__ import annotations

from functools import cache

from lint.rule import Check, Field, Hit


@cache
def _selected(paths: tuple[str, ...]) -> tuple:
    from proselint.checks import __register__

    return tuple(check for check in __register__ if any(check.matches_partial(path) for path in paths))


class Proselint(Check):
    FIELDS = {"checks": Field("strlist", required=True)}

    def __init__(self, rule, options):
        super().__init__(rule, options)
        paths = tuple(options["checks"])
        if not paths:
            raise self.error(f"rule {rule.id}: 'checks' is empty", "checks")
        for path in paths:
            if not _selected((path,)):
                raise self.error(f"rule {rule.id}: unknown proselint check '{path}' in 'checks'", "checks")
        self.paths = paths

    def run(self, doc):
        checks = _selected(self.paths)
        for start, end in self.spans(doc):
            # proselint pads its input with a newline on each side and its
            # patterns rely on it; offsets shift back by that one character.
            text = "\n" + doc.prose[start:end] + "\n"
            for check in checks:
                for result in check.check_with_flags(text):
                    s, e = result.span
                    hit_start = min(max(start + s - 1, start), end)
                    hit_end = min(max(start + e - 1, hit_start), end)
                    yield Hit(hit_start, hit_end, (result.message,), result.replacements)
