"""The strict OOXML check is made, or its absence is loud.

tests/conftest.py runs ../shared/ooxml/validate_pptx.py on every deck the tests write.
Here a pytest of its own runs tests/fixtures/checker/writes_a_deck.py with the checker
moved (DECKGEN_OOXML_VALIDATOR) to a missing path or to a stand-in that rejects
everything: under CI a missing checker stops the session, elsewhere the run says the
decks went unchecked, and a rejected deck fails its test wherever it was written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

from ..conftest import ROOT, VALIDATOR, in_ci, validator_missing_message

PROBE = ROOT / "tests" / "fixtures" / "checker" / "writes_a_deck.py"


def inner_pytest(tmp_path: Path, node: str, validator: Path, ci: bool):
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
    env["DECKGEN_OOXML_VALIDATOR"] = str(validator)
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path / 'inner'}",
            f"{PROBE}::{node}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_strict_checker_is_present(tmp_path):
    if not VALIDATOR.is_file():
        assert not in_ci()  # conftest stops a CI session before it gets here
        pytest.skip(validator_missing_message())
    deck = tmp_path / "plain.pptx"
    Presentation().save(str(deck))
    proc = subprocess.run(
        [sys.executable, str(VALIDATOR), str(deck)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("0 problems")


def test_a_missing_checker_stops_a_ci_session(tmp_path):
    missing = tmp_path / "nowhere" / "validate_pptx.py"
    proc = inner_pytest(tmp_path, "test_writes_a_deck_under_tmp_path", missing, ci=True)
    output = proc.stdout + proc.stderr
    assert proc.returncode == pytest.ExitCode.USAGE_ERROR, output
    assert f"CI is set but the strict OOXML checker {missing} is missing" in output
    assert "passed" not in output  # no test ran


def test_a_missing_checker_outside_ci_is_reported(tmp_path):
    missing = tmp_path / "nowhere" / "validate_pptx.py"
    proc = inner_pytest(tmp_path, "test_writes_a_deck_under_tmp_path", missing, ci=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "1 passed" in output
    # a newcomer's machine is not CI: one quiet line, not a banner and a paragraph
    said = [line for line in output.splitlines() if "OOXML" in line or str(missing) in line]
    assert said == [
        f"strict OOXML check not made for 1 deck(s): {missing} not found "
        "(CI makes it; DECKGEN_OOXML_VALIDATOR=PATH makes it here)"
    ], output
    assert "\x1b[" not in output  # not coloured


@pytest.fixture
def rejecting_checker(tmp_path) -> Path:
    script = tmp_path / "reject_everything.py"
    script.write_text(
        "import sys\n\n\ndef check(path):\n"
        "    print('stand-in problem in', path)\n    return 1\n\n\n"
        "if __name__ == '__main__':\n    sys.exit(check(sys.argv[1]))\n",
        encoding="utf-8",
    )
    return script


def test_a_deck_under_tmp_path_is_checked_after_its_test(tmp_path, rejecting_checker):
    proc = inner_pytest(tmp_path, "test_writes_a_deck_under_tmp_path", rejecting_checker, ci=True)
    output = proc.stdout + proc.stderr
    assert proc.returncode == pytest.ExitCode.TESTS_FAILED, output
    assert "plain.pptx fails the strict OOXML check" in output
    assert "stand-in problem in" in output


def test_a_deck_written_elsewhere_is_checked_too(tmp_path, rejecting_checker):
    proc = inner_pytest(tmp_path, "test_writes_a_deck_elsewhere", rejecting_checker, ci=True)
    output = proc.stdout + proc.stderr
    assert proc.returncode == pytest.ExitCode.TESTS_FAILED, output
    assert "elsewhere.pptx fails the strict OOXML check" in output
