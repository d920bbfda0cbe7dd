"""A template whose master darkens the right half of every slide: after layout, only the
lines that reach into the dark half change colour (read back from the written deck), and
each change is a contrast warning naming the slide, the box and the paragraph."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation

from ..conftest import color_of, run_cli
from .test_build import talk_folder
from .test_scenery import _sp

WIDTH, HEIGHT = 12_192_000, 6_858_000
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _half_dark(folder: Path) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    tree = prs.slide_master.shapes._spTree
    rect = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    dark = etree.fromstring(_sp(900, (WIDTH // 2, 0, WIDTH // 2, HEIGHT), rect, "1A1A1A"))
    tree.find(f"{P}sp").addprevious(dark)  # under the placeholders
    path = folder / "half.template"
    prs.save(str(path))
    return path


def _colors(paragraph, prs) -> set[str | None]:
    """The colours a paragraph's runs say, as RRGGBB (theme slots resolved; None:
    inherited)."""
    found = set()
    for run in paragraph.runs:
        fill = run._r.find(f"{A}rPr/{A}solidFill")
        found.add(None if fill is None else color_of(fill, prs))
    return found


def test_only_the_lines_reaching_into_the_dark_half_change_colour(tmp_path):
    folder = talk_folder(tmp_path)
    template = _half_dark(folder)
    out = tmp_path / "out"
    args = ("build", str(folder / "outline.yaml"), "--template", str(template), "-o", str(out))
    result = run_cli(*args, "--format", "pptx")
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "under its lines" in line]
    # "Kinds of locks": its third and seventh bullets are long enough to reach the dark half
    changed = [line for line in said if "slide 5 'Kinds of locks': 'Body' paragraph" in line]
    assert len(changed) == 2, said
    assert all("set in #666666 instead" in line for line in changed)
    (deck,) = out.glob("*.pptx")
    prs = Presentation(str(deck))
    slide = prs.slides[4]
    (body,) = [shape for shape in slide.shapes if shape.name == "Body"]
    paragraphs = body.text_frame.paragraphs
    numbers = sorted(int(line.split("paragraph ")[1].split(":")[0]) for line in changed)
    for number, paragraph in enumerate(paragraphs, 1):
        if number in numbers:
            assert _colors(paragraph, prs) == {"666666"}, number
        else:  # on white all along: as the template has it
            assert "666666" not in _colors(paragraph, prs), number
