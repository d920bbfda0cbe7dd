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
