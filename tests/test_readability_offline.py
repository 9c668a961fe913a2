"""Readability must work on a machine with no network, without NLTK data.

textstat 0.7.9 and later call ``nltk.download`` on first use; the pinned
0.7.8 must not. The check runs in a fresh interpreter whose sockets refuse
to connect and whose name lookups fail, so nothing imported earlier by the
test session can hide an import or a download.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SCRIPT = r"""
import json, socket, sys

def refuse(*args, **kwargs):
    raise OSError("network disabled for this test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.getaddrinfo = refuse
try:
    socket.create_connection(("example.com", 80), timeout=1)
    network_blocked = False
except OSError:
    network_blocked = True

from lint.engine import lint_text
from lint.rule import build_rule
from lint.yamlsrc import load_yaml

def rule(source, rule_id):
    return build_rule(load_yaml(source, "r.yml"), rule_id, "t", "r.yml")

grade = rule("extends: readability\nmessage: 'Grade %s.'\nmetrics: [Flesch-Kincaid, SMOG]\ngrade: 10\n", "t.grade")
words = rule("extends: existence\nmessage: x\ntokens: [zebra]\n", "t.words")
text = sys.argv[1]

lint_text(text, [words])
textstat_before_readability = "textstat" in sys.modules
alerts = lint_text(text, [grade])
print(json.dumps({
    "network_blocked": network_blocked,
    "textstat_before_readability": textstat_before_readability,
    "alerts": [alert.rule for alert in alerts],
    "nltk": "nltk" in sys.modules,
}))
"""

HARD = (
    "Notwithstanding the aforementioned considerations, the administration's comprehensive "
    "infrastructure reauthorization legislation precipitated extraordinarily contentious "
    "intergovernmental negotiations. Consequently, representatives from numerous metropolitan "
    "jurisdictions articulated considerable apprehension concerning implementation methodologies. "
    "Subsequently, parliamentary committees commissioned independent environmental evaluations."
)


@pytest.fixture(scope="module")
def offline_run() -> dict:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, HARD], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_readability_alerts_with_the_network_blocked(offline_run):
    assert offline_run["network_blocked"]
    assert offline_run["alerts"] == ["t.grade"]


def test_readability_never_imports_nltk(offline_run):
    assert not offline_run["nltk"]


def test_textstat_is_imported_only_when_a_readability_rule_runs(offline_run):
    assert not offline_run["textstat_before_readability"]
