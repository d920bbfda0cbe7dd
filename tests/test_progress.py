"""The progress line: shown on a terminal for a build past the delay, never elsewhere."""

from __future__ import annotations

import io
import time

from deckgen.cli.progress import Progress

from .conftest import SMALL, run_cli


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_slow_build_on_a_terminal_shows_its_stage_and_clears_the_line():
    stream = Terminal()
    with Progress(stream, delay=0.05) as progress:
        progress("writing the deck (1,027 slides)")
        time.sleep(0.4)
    shown = stream.getvalue()
    assert "deckgen: writing the deck (1,027 slides)…" in shown
    assert shown.endswith("\r\x1b[2K")  # nothing left on the line


def test_a_quick_build_shows_nothing():
    stream = Terminal()
    with Progress(stream, delay=5) as progress:
        progress("laying out the slides")
    assert stream.getvalue() == ""


def test_nothing_is_shown_when_piped_or_quiet():
    piped = io.StringIO()  # not a terminal
    with Progress(piped, delay=0) as progress:
        progress("writing the handout")
        time.sleep(0.1)
    assert piped.getvalue() == ""
    quiet = Terminal()
    with Progress(quiet, enabled=False, delay=0):
        time.sleep(0.1)
    assert quiet.getvalue() == ""


def test_the_cli_prints_no_progress_through_a_pipe(tmp_path):
    result = run_cli("build", str(SMALL), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code == 0
    assert "deckgen:" not in result.output
