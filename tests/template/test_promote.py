"""A look that lives only in prompt text becomes the placeholders' own style."""

from __future__ import annotations

from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.template import look
from deckgen.template.promote import promote_prompt_styles

from ..conftest import check_pptx_strictly


def prompt_only(prs) -> None:
    """The master's title: no list style and no text styles; its look only on the prompt."""
    master = prs.slide_master
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle"))
    for level in list(title):
        title.remove(level)
    ph = next(p for p in master.placeholders if p.placeholder_format.type == 1)  # title
    ph.text_frame.text = "Click to edit the title"
    run = ph.text_frame.paragraphs[0].runs[0]
    run.font.size = 4000 * 127  # 40 pt in EMU-based Length
    run.font.bold = True
    run.font.name = "Georgia"
    from pptx.dml.color import RGBColor

    run.font.color.rgb = RGBColor(0x8B, 0x1E, 0x3F)


def test_prompt_formatting_becomes_the_list_style_slides_inherit(tmp_path):
    prs = Presentation()
    prompt_only(prs)
    changed = promote_prompt_styles(prs)
    assert "/ppt/slideMasters/slideMaster1.xml" in changed
    layout = prs.slide_layouts[1]
    found = look.placeholder(layout, look.TITLES, look.ThemeLook(prs.slide_master))
    assert (found.text.size, found.text.family, found.text.color) == (40.0, "Georgia", "8B1E3F")
    master_title = next(p for p in prs.slide_master.placeholders if p.placeholder_format.type == 1)
    style = master_title._element.xpath("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr")
    assert len(style) == 1 and style[0].get("b") == "1" and style[0].get("sz") == "4000"
    # a second pass changes nothing: the style is there now
    assert promote_prompt_styles(prs) == []
    # and the package stays valid
    slide = prs.slides.add_slide(layout)
    slide.shapes.title.text = "Typed by hand"
    out = tmp_path / "promoted.pptx"
    prs.save(str(out))
    check_pptx_strictly(out)


def test_a_template_whose_prompts_carry_no_look_is_left_alone():
    # python-pptx's stock template styles its placeholders through the master's text
    # styles; its prompts carry only a language: nothing to promote, nothing changed
    prs = Presentation()
    before = [layout._element.xml for layout in prs.slide_layouts]
    assert promote_prompt_styles(prs) == []
    assert [layout._element.xml for layout in prs.slide_layouts] == before


def test_each_prompt_level_gives_its_own_level_of_the_style(tmp_path):
    """A body prompt as LibreOffice exports it: "Click to edit the outline text format"
    at 24 pt, "Second Outline Level" at 21 pt indented further, each in its colour. Each
    level's look (and its indents) becomes that level of the list style, so sub-points
    a person types come out as the template shows them."""
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    prs = Presentation()
    master = prs.slide_master
    styles = master._element.find(qn("p:txStyles"))
    for level in list(styles.find(qn("p:bodyStyle"))):
        styles.find(qn("p:bodyStyle")).remove(level)
    body = next(p for p in master.placeholders if p.placeholder_format.type == 2)  # body
    frame = body.text_frame
    frame.text = "Click to edit the outline text format"
    second = frame.add_paragraph()
    second.text = "Second Outline Level"
    second.level = 1
    second._p.get_or_add_pPr().set("marL", "673920")
    second._p.get_or_add_pPr().set("indent", "-252720")
    for paragraph, size, color in ((frame.paragraphs[0], 24, "009BDD"), (second, 21, "1C5A7A")):
        paragraph.runs[0].font.size = Pt(size)
        paragraph.runs[0].font.color.rgb = RGBColor.from_string(color)
    assert promote_prompt_styles(prs) == ["/ppt/slideMasters/slideMaster1.xml"]
    lst = body._element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}")
    levels = [child.tag.rsplit("}", 1)[-1] for child in lst]
    assert levels == ["lvl1pPr", "lvl2pPr"]  # the schema's order
    first, sub = lst
    assert first.find(qn("a:defRPr")).get("sz") == "2400"
    assert sub.find(qn("a:defRPr")).get("sz") == "2100"
    assert (
        sub.find(f"{qn('a:defRPr')}/{qn('a:solidFill')}/{qn('a:srgbClr')}").get("val") == "1C5A7A"
    )
    assert (sub.get("marL"), sub.get("indent")) == ("673920", "-252720")
    assert first.get("marL") is None  # the first prompt paragraph said none
    out = tmp_path / "levels.pptx"
    prs.save(str(out))
    check_pptx_strictly(out)
