"""Any slide size (issue 20, deliverable 5): the small fixture talk built on python-pptx's
stock template made 16:10, A4 landscape, a small 16:9 and portrait 3:4 (its masters and
layouts scaled as PowerPoint's Slide Size does) keeps every shape on the slide, no two
texts over each other, bullets hanging by the template's list style scaled with the size
they are set in, and sub-points at the template's second-level size. (4:3 is
tests/template/test_list_indents.py's.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from ..conftest import SMALL, build_on_template, check_pptx_strictly, inherited

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
SIZES = {
    "16:10": (12_192_000, 7_620_000),
    "A4 landscape": (9_906_000, 6_858_000),
    "small 16:9": (9_144_000, 5_143_500),
    "portrait": (6_858_000, 9_144_000),
}


def _template(path: Path, width: int, height: int) -> Path:
    """The stock template at ``width`` × ``height``, every master and layout box scaled."""
    prs = Presentation()
    across, down = width / prs.slide_width, height / prs.slide_height
    prs.slide_width, prs.slide_height = width, height
    for owner in (prs.slide_master, *prs.slide_layouts):
        for offset in owner._element.iter(f"{_A}off"):
            offset.set("x", str(round(int(offset.get("x")) * across)))
            offset.set("y", str(round(int(offset.get("y")) * down)))
        for extent in owner._element.iter(f"{_A}ext"):
            if extent.get("cx") is not None:
                extent.set("cx", str(round(int(extent.get("cx")) * across)))
                extent.set("cy", str(round(int(extent.get("cy")) * down)))
    prs.save(str(path))
    return path


@pytest.fixture(scope="module", params=list(SIZES))
def built(request, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("size")
    template = _template(folder / "house.pptx", *SIZES[request.param])
    deck = build_on_template(SMALL, template, folder / "out")
    check_pptx_strictly(deck)
    return deck


def _texts(slide) -> list:
    return [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]


def _apart(one, other) -> bool:
    return (
        one.left + one.width <= other.left
        or other.left + other.width <= one.left
        or one.top + one.height <= other.top
        or other.top + other.height <= one.top
    )


def test_everything_stays_on_the_slide_and_no_text_lies_on_another(built):
    prs = Presentation(str(built))
    width, height = prs.slide_width, prs.slide_height
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (number, shape.name)
            assert shape.left + shape.width <= width, (number, shape.name)
            assert shape.top + shape.height <= height, (number, shape.name)
        texts = _texts(slide)
        for i, one in enumerate(texts):
            for other in texts[i + 1 :]:
                assert _apart(one, other), (number, one.name, other.name)


def test_bullets_hang_by_the_templates_list_style_at_any_size(built):
    """The stock template's lvl1 hangs 342900 EMU at 32 pt, lvl2 285750 at 28 pt: scaled
    with the size the text is set in; sub-points at 28/32 of the points' size."""
    found = []
    for slide in Presentation(str(built)).slides:
        for shape in _texts(slide):
            for para in shape._element.iter(f"{_A}p"):
                ppr = para.find(f"{_A}pPr")
                if ppr is None or ppr.find(f"{_A}buChar") is None or ppr.get("lvl", "0") > "1":
                    continue
                level = int(ppr.get("lvl", "0"))
                size = para.find(f".//{_A}rPr").get("sz") or inherited(shape, slide).size(level)
                found.append((level, -int(ppr.get("indent")), int(size) / 100))
    points = [(hang, size) for level, hang, size in found if level == 0 and size >= 18]
    subs = [(hang, size) for level, hang, size in found if level == 1]
    assert points and subs
    for hang, size in points:
        assert hang >= 342_900 * size / 32 - 2
    top_size = points[0][1]
    assert any(size == pytest.approx(28 * top_size / 32, abs=0.5) for _, size in subs)
    for hang, size in subs:
        assert hang >= 285_750 * size / 28 - 2
