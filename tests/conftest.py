"""Shared fixtures: the shipped outline, a deck built from it once, and the strict checker."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "outline.yaml"
VALIDATOR = ROOT.parent / "shared" / "ooxml" / "validate_pptx.py"


def run_cli(*args: str, env: dict | None = None):
    """Invoke the CLI in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)


def check_pptx_strictly(path: Path) -> None:
    """Run ../shared/ooxml/validate_pptx.py on a deck (skipped only where shared/ is absent)."""
    if not VALIDATOR.exists():
        return
    proc = subprocess.run(
        [sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory):
    """The shipped outline built once through the CLI: (result, deck path)."""
    out = tmp_path_factory.mktemp("shipped")
    result = run_cli("build", str(SHIPPED), "-o", str(out), "--json")
    assert result.exit_code == 0, result.output
    decks = list(out.glob("*.pptx"))
    assert len(decks) == 1
    return result, decks[0]


@pytest.fixture(scope="session")
def shipped_deck(shipped_build):
    from pptx import Presentation

    return Presentation(str(shipped_build[1]))


@pytest.fixture(autouse=True)
def every_deck_passes_the_strict_checker(request):
    """After each test, every .pptx it wrote under tmp_path must pass validate_pptx.py."""
    uses_tmp = "tmp_path" in request.fixturenames and VALIDATOR.exists()
    tmp_path = request.getfixturevalue("tmp_path") if uses_tmp else None
    yield
    if tmp_path is not None:
        for deck in sorted(Path(tmp_path).rglob("*.pptx")):
            check_pptx_strictly(deck)
