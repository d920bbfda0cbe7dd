"""Insert › Header & Footer works on a generated deck: masters and layouts carry <p:hf>
(footer and slide number on, date off), their footer placeholders the deck's footer text,
and no date box overlaps a footer box (issue 20, item 2)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from pptx import Presentation

from ..conftest import pdf_words, run_cli, soffice_pdf

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
FOOTER = "Locks and Ladders · Fixture Works"  # the small talk's meta.footer, filled in


def _owners(prs):
    for master in prs.slide_masters:
        yield master
        yield from master.slide_layouts


def _boxes(owner, ph_type: str) -> list:
    found = []
    for shape in owner.placeholders:
        ph = shape._element.find(f"*/{_P}nvPr/{_P}ph")
        if ph.get("type") == ph_type:
            found.append(shape)
    return found


def _overlap(one, other) -> bool:
    return (
        one.left < other.left + other.width
        and other.left < one.left + one.width
        and one.top < other.top + other.height
        and other.top < one.top + one.height
    )


@pytest.fixture(scope="module")
def on_template(tmp_path_factory) -> Path:
    """The small talk on python-pptx's stock template (no <p:hf> on its master)."""
    from ..conftest import SMALL

    folder = tmp_path_factory.mktemp("hf")
    template = folder / "house.pptx"
    Presentation().save(str(template))
    assert Presentation(str(template)).slide_master._element.find(f"{_P}hf") is None
    result = run_cli("build", str(SMALL), "--template", str(template), "-o", str(folder / "out"))
    assert result.exit_code == 0, result.output
    (deck,) = (folder / "out").glob("*.pptx")
    return deck


@pytest.fixture(params=["default", "template"])
def deck(request, small_build, on_template) -> Path:
    return small_build[1] if request.param == "default" else on_template


def test_masters_and_layouts_say_footer_and_number_on_date_off(deck):
    prs = Presentation(str(deck))
    for owner in _owners(prs):
        hf = owner._element.find(f"{_P}hf")
        assert hf is not None, owner.name
        assert hf.get("ftr", "1") != "0" and hf.get("sldNum", "1") != "0"
        assert hf.get("dt") == "0" and hf.get("hdr") == "0"


def test_every_layout_gives_an_added_slide_its_footer_and_number(deck):
    prs = Presentation(str(deck))
    for layout in prs.slide_masters[0].slide_layouts:
        footers = _boxes(layout, "ftr")
        assert [f.text_frame.text for f in footers] == [FOOTER], layout.name
        number = _boxes(layout, "sldNum")
        assert number and number[0]._element.xpath(".//a:fld[@type='slidenum']"), layout.name


def test_no_date_box_overlaps_a_footer_box(deck):
    prs = Presentation(str(deck))
    for owner in _owners(prs):
        for date in _boxes(owner, "dt"):
            for footer in _boxes(owner, "ftr") + _boxes(owner, "sldNum"):
                assert not _overlap(date, footer), owner.name


def test_the_default_template_has_no_date_box_under_its_footer(small_build):
    prs = Presentation(str(small_build[1]))
    assert not any(_boxes(owner, "dt") for owner in _owners(prs))


def test_a_template_keeps_its_own_date_box(on_template):
    prs = Presentation(str(on_template))
    assert _boxes(prs.slide_master, "dt")


def _add_from_every_layout(deck: Path, out: Path) -> tuple[Path, int]:
    """A slide added from each layout, with what PowerPoint copies from the layout when
    the master's <p:hf> has the footer and number on (python-pptx copies neither)."""
    prs = Presentation(str(deck))
    before = len(prs.slides)
    for layout in prs.slide_masters[0].slide_layouts:
        slide = prs.slides.add_slide(layout)
        for kind in ("ftr", "sldNum"):
            for shape in _boxes(layout, kind):
                slide.shapes._spTree.append(copy.deepcopy(shape._element))
    prs.save(str(out))
    return out, before


def test_added_slides_are_valid(deck, tmp_path):
    _add_from_every_layout(deck, tmp_path / "added.pptx")  # the strict checker reads it


@pytest.mark.libreoffice
def test_libreoffice_shows_the_footer_on_slides_added_from_every_layout(deck, tmp_path):
    added, before = _add_from_every_layout(deck, tmp_path / "added.pptx")
    soffice_pdf([added], tmp_path, tmp_path / "profile")
    pages = pdf_words(tmp_path / "added.pdf")
    layouts = len(Presentation(str(added)).slide_masters[0].slide_layouts)
    assert len(pages) == before + layouts
    for number, (_w, _h, words) in enumerate(pages[before:], before + 1):
        text = " ".join(word[4] for word in words)
        assert "Locks and Ladders" in text, number
        assert str(number) in text.split(), number
