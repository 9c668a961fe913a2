"""Reference fact (:mod:`lint.reference_fact`) is read by the claim and
weasel check kinds alike; its behaviour is tested through them
(test_kinds.py: a named body's rank by size, "one of the poorest
countries"). Here: that neither check kind borrows it from the other."""

from __future__ import annotations

import subprocess
import sys


def _check_kinds_loaded_by(module: str) -> set[str]:
    code = f"import sys, {module}; print(*sorted(m for m in sys.modules if m.startswith('lint.checks.')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_reference_fact_loads_no_check_kind():
    assert _check_kinds_loaded_by("lint.reference_fact") == set()


def test_weasel_does_not_borrow_from_the_claim_check():
    # weasel reads the writer's voice from loaded language (others_voice), by design
    assert "lint.checks.claim" not in _check_kinds_loaded_by("lint.checks.weasel")
