"""The ``copydesk`` command: a check of files goes to the warm server
when one is running (lint.server), everything else to lint.cli. Nothing
heavy is imported before that choice."""

from __future__ import annotations

import gc
import sys

# The collector runs after every 700 new objects by default, and each run
# that reaches the oldest generation walks every object loaded so far:
# while spaCy, the rule packs and the Hunspell dictionaries load (millions
# of objects, none of them garbage) that was a third of a cold check's CPU
# time. Collecting a hundred times less often costs a few MB at most.
COLLECTOR_THRESHOLDS = (100_000, 50, 100)


def tune_collector() -> None:
    """The collector's settings for a copydesk process (and the benchmark's)."""
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


def main() -> None:
    from lint.server import forward

    code = forward(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    tune_collector()
    from lint.cli import main as cli_main

    cli_main()
