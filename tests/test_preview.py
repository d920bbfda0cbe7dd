"""`deckgen preview`: PNG images of the slides and a contact sheet, from deckgen's own
slides PDF."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from deckgen.preview import parse_slides

from .conftest import SMALL, SMALL_TITLES, run_cli


def test_every_slide_and_a_contact_sheet(tmp_path):
    out = tmp_path / "preview"
    result = run_cli("preview", str(SMALL), "-o", str(out), "--width", "640")
    assert result.exit_code == 0, result.output
    count = len(SMALL_TITLES)
    slides = sorted(out.glob("slide-*.png"))
    assert [p.name for p in slides] == [f"slide-{n:02d}.png" for n in range(1, count + 1)]
    for path in slides:
        with Image.open(path) as image:
            assert image.size == (640, 360)  # 16:9 at the width asked for
            colors = image.getcolors(1 << 16)  # None: more colours than that
            assert colors is None or len(colors) > 4  # drawn, not blank
    with Image.open(out / "contact-sheet.png") as sheet:
        rows = -(-count // 6)
        assert sheet.size == (6 * 256 + 16, rows * (135 + 22 + 16) + 16)
    assert f"of {count}" in result.stdout


def test_only_the_slides_asked_for(tmp_path):
    out = tmp_path / "preview"
    result = run_cli("preview", str(SMALL), "-o", str(out), "--slides", "2-3,5")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.png")) == [
        "contact-sheet.png",
        "slide-02.png",
        "slide-03.png",
        "slide-05.png",
    ]
    with Image.open(io.BytesIO((out / "slide-02.png").read_bytes())) as image:
        assert image.size == (1280, 720)


def test_a_slide_beyond_the_deck_is_an_error_and_writes_nothing(tmp_path):
    out = tmp_path / "preview"
    result = run_cli("preview", str(SMALL), "-o", str(out), "--slides", "2,99")
    assert result.exit_code == 2
    assert f"asks for slide 99, but the deck has {len(SMALL_TITLES)}" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("spec", ["x", "3-", "0", "5-2", "1,,2"])
def test_a_bad_list_of_slides_says_so(tmp_path, spec):
    result = run_cli("preview", str(SMALL), "-o", str(tmp_path), "--slides", spec)
    assert result.exit_code == 2
    assert "--slides" in result.stderr and "Traceback" not in result.stderr


def test_parse_slides():
    assert parse_slides("3-5,8, 4") == [3, 4, 5, 8]
    assert parse_slides("7") == [7]
