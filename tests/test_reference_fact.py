"""Reference fact (:mod:`lint.reference_fact`) is read by the claim and
weasel check kinds alike; its behaviour is tested through them
(test_kinds.py: a named body's rank by size, "one of the poorest
countries"). Here: that neither check kind borrows it from the other."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["lint.reference_fact", "lint.checks.weasel"])
def test_reference_fact_loads_no_other_check_kind(module):
    code = f"import sys, {module}; print(*sorted(m for m in sys.modules if m.startswith('lint.checks.')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert set(result.stdout.split()) == ({module} - {"lint.reference_fact"})
