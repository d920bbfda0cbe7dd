"""A slide added by hand to a generated deck gets the deck's grid, type and colours."""

from __future__ import annotations

import zipfile

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from ..conftest import check_pptx_strictly, shapes_named, slide_titled
from ..facts import kind_layout_names


def test_new_slides_from_every_layout_stay_on_the_slide(small_build, tmp_path):
    prs = Presentation(str(small_build[1]))
    w, h = prs.slide_width, prs.slide_height
    for layout in prs.slide_layouts:
        slide = prs.slides.add_slide(layout)
        for ph in slide.placeholders:
            assert ph.width and ph.height, (layout.name, ph.name)
            assert ph.left >= 0 and ph.left + ph.width <= w, (layout.name, ph.name)
            assert ph.top >= 0 and ph.top + ph.height <= h, (layout.name, ph.name)
    # python-pptx's stock layouts, then one layout a kind of slide (the registry's), each
    # name once: the kinds' "Title Slide" is the stock one, their "Comparison" replaces it
    stock = ["Title Slide", "Title and Content", "Section Header", "Two Content", "Title Only"]
    stock += ["Blank", "Content with Caption", "Picture with Caption"]
    stock += ["Title and Vertical Text", "Vertical Title and Text"]
    kinds = [name for name in kind_layout_names() if name not in stock]
    assert [layout.name for layout in prs.slide_layouts] == stock + kinds
    edited = tmp_path / "edited.pptx"
    prs.save(str(edited))
    check_pptx_strictly(edited)


def test_a_new_title_and_content_slide_matches_the_generated_ones(small_build):
    prs = Presentation(str(small_build[1]))
    generated = slide_titled(prs, "Kinds of locks").shapes.title  # a bullets slide
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Title and Content")
    slide = prs.slides.add_slide(layout)
    title = slide.shapes.title
    assert (title.left, title.top, title.width, title.height) == (
        generated.left,
        generated.top,
        generated.width,
        generated.height,
    )
    body = next(p for p in slide.placeholders if p.placeholder_format.idx == 1)
    assert body.top >= title.top + title.height
    (generated_body,) = shapes_named(slide_titled(prs, "Kinds of locks"), "Body")
    assert (body.left, body.top, body.width, body.height) == (
        generated_body.left,
        generated_body.top,
        generated_body.width,
        generated_body.height,
    )
    master = prs.slide_master._element.xml
    assert 'algn="l"' in master.split("<p:titleStyle>")[1][:300]
    assert 'sz="3600"' in master.split("<p:titleStyle>")[1][:600]


def test_the_deck_is_sixteen_by_nine_everywhere(small_build):
    prs = Presentation(str(small_build[1]))
    assert (prs.slide_width, prs.slide_height) == (12_192_000, 6_858_000)
    with zipfile.ZipFile(small_build[1]) as z:
        presentation = z.read("ppt/presentation.xml").decode()
    assert "screen4x3" not in presentation
    image = next(
        p
        for p in prs.notes_master.placeholders
        if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_IMAGE
    )
    assert abs(image.width / image.height - 16 / 9) < 0.01


def test_each_kind_of_slide_is_built_on_a_layout_of_its_own(small_build):
    """So a slide a person adds from "Divider" or "Closing" looks like deckgen's."""
    from deckgen.kinds import KINDS

    prs = Presentation(str(small_build[1]))
    used = {slide.slide_layout.name for slide in prs.slides}
    assert {"Title Slide", "Divider", "Bullets", "Definition", "Analogy", "Comparison"} <= used
    assert {"Takeaways", "Glossary", "References", "Closing", "Agenda"} <= used
    assert {kind.layout_name for kind in KINDS} <= {lay.name for lay in prs.slide_layouts}
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    for name in ("Divider", "Closing"):  # one colour: the primary, and a light title
        background = by_name[name]._element.xpath("./p:cSld/p:bg//a:schemeClr/@val")
        assert background == ["tx2"], name
        title = by_name[name].placeholders[0]._element
        assert title.xpath(".//a:lstStyle/a:lvl1pPr/a:defRPr/a:solidFill/*/@val") == ["bg1"]
    title = by_name["Title Slide"].placeholders[0]._element
    assert title.xpath(".//a:lstStyle/a:lvl1pPr/@algn") == ["l"]  # not the stock centred
    assert title.xpath(".//a:lstStyle/a:lvl1pPr/a:defRPr/@cap") == ["none"]
