"""The PDFs draw text in the deck's own font faces kerned, as layout measured it with
HarfBuzz (LibreOffice's render of the deck agrees): "Two" at 44 pt in DejaVu Sans is
7.5 pt narrower than its letters' advances, so every later word of the line stood 7.5 pt
off before."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from deckgen.layout.fonts import ShapingMeasurer, find_family
from deckgen.render.pdf.kerning import segments

from ..conftest import in_ci, run_cli
from ..template.test_build import talk_folder

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FACES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)


@pytest.fixture(autouse=True)
def _dejavu():
    """DejaVu Sans (Debian's fonts-dejavu-core and -extra, which .ci/run installs): skipped without
    it, failed under CI."""
    if not all((DEJAVU / face).is_file() for face in FACES):
        message = f"needs DejaVu Sans in {DEJAVU} (.ci/run installs fonts-dejavu-core and -extra)"
        if in_ci():
            pytest.fail(f"CI is set and this test {message}", pytrace=False)
        pytest.skip(message)


def test_a_kerned_pair_starts_a_new_segment_where_harfbuzz_puts_it():
    path = str(DEJAVU / "DejaVuSans.ttf")
    starts, width = segments(path, "Two")
    assert [index for index, _ in starts] == [0, 1]  # "T", then "wo" tucked under it
    plain_starts, plain_width = segments(path, "one")
    assert plain_starts == ((0, 0.0),)  # nothing kerned: one piece
    measured = ShapingMeasurer(find_family("DejaVu Sans", []).faces).width("Two", 1.0)
    assert width == pytest.approx(measured)  # the width layout measured
    assert starts[1][1] < 0.62  # T's advance is 0.61 em; kerning pulls w left of it


def test_the_slides_pdf_sets_a_kerned_title_where_layout_measured_it(tmp_path):
    folder = talk_folder(tmp_path)
    fonts = folder / "fonts"
    fonts.mkdir()
    for face in FACES:
        shutil.copy(DEJAVU / face, fonts / face)
    outline = folder / "outline.yaml"
    text = outline.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(\s+title: )\"?[^\n\"]+\"?$", r'\1"Two words"', text, count=1)
    outline.write_text(text.replace('font: "Arial"', 'font: "DejaVu Sans"', 1))
    out = tmp_path / "out"
    result = run_cli("build", str(outline), "-o", str(out), "--format", "slides-pdf")
    assert result.exit_code == 0, result.output
    (pdf,) = out.glob("*-slides.pdf")
    words = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    boxes = {
        word: float(right) - float(left)
        for left, right, word in re.findall(
            r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(\w+)<', words
        )
    }
    assert {"Two", "words"} <= set(boxes), words[:2000]
    # the size cancels out: the drawn widths stand as the kerned ones do
    shaped = ShapingMeasurer(find_family("DejaVu Sans", []).faces)
    # deckgen's own titles are bold
    kerned = shaped.width("Two", 1.0, bold=True) / shaped.width("words", 1.0, bold=True)
    assert boxes["Two"] / boxes["words"] == pytest.approx(kerned, rel=0.01)
    _starts, plain = segments(str(DEJAVU / "DejaVuSans.ttf"), "T")  # unkerned: T + wo
    unkerned = (plain + segments(str(DEJAVU / "DejaVuSans.ttf"), "wo")[1]) / shaped.width(
        "words", 1.0
    )
    assert abs(unkerned - kerned) > 0.04  # what the PDF drew before: 7 % off
