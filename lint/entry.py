"""The ``copydesk`` command: a check of files goes to the warm server
when one is running (lint.server), everything else to lint.cli. Nothing
heavy is imported before that choice."""

from __future__ import annotations

import sys


def main() -> None:
    from lint.server import forward

    code = forward(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from lint.cli import main as cli_main

    cli_main()
