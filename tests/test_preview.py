"""`deckgen preview`: PNG images of the slides and a contact sheet, from deckgen's own
slides PDF."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from deckgen.preview import parse_slides

from .conftest import SMALL, run_cli
from .facts import laid_out_slides


def test_every_slide_and_a_contact_sheet(tmp_path):
    out = tmp_path / "preview"
    result = run_cli("preview", str(SMALL), "-o", str(out), "--width", "640")
    assert result.exit_code == 0, result.output
    count = laid_out_slides()
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
    assert f"asks for slide 99, but the deck has {laid_out_slides()}" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("spec", ["x", "3-", "0", "5-2", "1,,2"])
def test_a_bad_list_of_slides_says_so(tmp_path, spec):
    result = run_cli("preview", str(SMALL), "-o", str(tmp_path), "--slides", spec)
    assert result.exit_code == 2
    assert "--slides" in result.stderr and "Traceback" not in result.stderr


def test_parse_slides():
    assert parse_slides("3-5,8, 4") == [3, 4, 5, 8]
    assert parse_slides("7") == [7]


def test_a_huge_range_is_refused_before_it_is_expanded(tmp_path):
    """``--slides 1-99999999`` used to become a list of a hundred million numbers (5.7 GB)
    before the deck's size was looked at. Under a 1 GiB address-space limit it now ends
    at once with a usage error naming the option."""
    import resource
    import subprocess
    import sys

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    out = tmp_path / "preview"
    done = subprocess.run(
        [sys.executable, "-m", "deckgen", "preview", str(SMALL), "-o", str(out),
         "--slides", "2,1-99999999"],
        capture_output=True, text=True, timeout=120, preexec_fn=limited,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "--slides" in done.stderr and "'1-99999999' goes beyond slide 3,000" in done.stderr
    assert not out.exists()


def test_a_number_beyond_any_deck_names_the_limit():
    with pytest.raises(ValueError, match="beyond slide 3,000"):
        parse_slides("3001")
    with pytest.raises(ValueError, match=r"'4-\\u00015'"):  # shown escaped
        parse_slides("1,4-\x015")
    assert len(parse_slides(",".join(["1-3000"] * 500))) == 3000  # each counted once
