"""deckgen's own kind layouts carry what their slides fill (issue 20, deliverable 2): each
placeholder where most of its slides have it, bodies in the size their text is set in;
slides' placeholders then say no position of their own, so Reset Slide moves nothing, and
a slide added by hand from a kind's layout puts its text where the generated ones do."""

from __future__ import annotations

from collections import Counter

from pptx import Presentation

from deckgen.render.pptx.layout_fit import _add_body
from deckgen.render.pptx.slots import placeholder_elements

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _own_xfrm(shape) -> bool:
    return shape._element.find(f"{_P}spPr/{_A}xfrm") is not None


def _where(shape) -> tuple:
    return (shape.left, shape.top, shape.width, shape.height)


def test_most_slide_placeholders_inherit_their_position(shipped_deck):
    placeholders = [ph for slide in shipped_deck.slides for ph in slide.placeholders]
    own = Counter(ph.name for ph in placeholders if _own_xfrm(ph))
    # footers, numbers, bodies and most titles stand where their layout has them
    assert sum(own.values()) <= len(placeholders) // 10, own
    assert not {"Footer", "Slide number", "Body", "Body 2"} & set(own)


def test_a_slide_added_by_hand_puts_its_text_where_generated_ones_do(shipped_build):
    prs = Presentation(str(shipped_build[1]))  # its own copy: a slide is added to it
    generated = [s for s in prs.slides if s.slide_layout.name == "Bullets"]
    layout = generated[0].slide_layout
    by_hand = prs.slides.add_slide(layout)
    # (python-pptx, unlike PowerPoint, leaves the footer and number off a new slide)
    made_by_hand = {p.placeholder_format.idx: p for p in by_hand.placeholders}
    assert len(made_by_hand) == 2  # the title and the body
    for made in generated:
        for ph in made.placeholders:
            if ph.placeholder_format.idx in made_by_hand:
                assert _where(made_by_hand[ph.placeholder_format.idx]) == _where(ph), ph.name
    # the bullets' size is the layout's: a point typed by hand matches
    body = next(p for p in layout.placeholders if p.placeholder_format.idx == 1)
    level = body._element.find(f"{_P}txBody/{_A}lstStyle/{_A}lvl1pPr/{_A}defRPr")
    assert level is not None and level.get("sz")
    sizes = {
        run.get("sz")
        for made in generated
        for ph in made.placeholders
        if ph.placeholder_format.idx == 1
        for run in ph._element.iter(f"{_A}rPr")
    }
    assert sizes <= {None}, sizes  # no run of a bullet says a size: the layout's serves


def test_a_missing_body_is_added_before_the_footer_with_a_fresh_idx():
    prs = Presentation()
    layout = next(lt for lt in prs.slide_layouts if lt.name == "Section Header")
    tree = layout._element.cSld.spTree
    before = placeholder_elements(tree)
    _add_body(tree)
    after = placeholder_elements(tree)
    added = next(e for e in after if e not in before)
    ph = added.find(f"*/{_P}nvPr/{_P}ph")
    indices = [e.find(f"*/{_P}nvPr/{_P}ph").get("idx", "0") for e in before]
    assert ph.get("type") == "body" and ph.get("idx") not in indices and int(ph.get("idx")) >= 13
    kinds = [e.find(f"*/{_P}nvPr/{_P}ph").get("type") for e in after]
    assert kinds.index("body", kinds.index("body") + 1) < kinds.index("dt")
    ids = [e.get("id") for e in tree.iter(f"{_P}cNvPr")]
    assert len(ids) == len(set(ids))
    # a slide made from the layout gets it
    slide = prs.slides.add_slide(layout)
    assert int(ph.get("idx")) in [p.placeholder_format.idx for p in slide.placeholders]


def _rules(shapes) -> list:
    return [shape for shape in shapes if shape.name == "Accent rule"]


def test_the_accent_rule_lives_on_the_layout_and_a_concepts_over_it(shipped_deck):
    bullets = [s for s in shipped_deck.slides if s.slide_layout.name == "Bullets"]
    (rule,) = _rules(bullets[0].slide_layout.shapes)
    fill = rule._element.find(f"{_P}spPr/{_A}solidFill")
    assert fill is not None  # in the primary colour
    own = [s for s in bullets if _rules(s.shapes)]
    # slides in the primary colour leave it to the layout, concepts' slides draw their own
    assert own and len(own) < len(bullets)
    for slide in own:
        (mine,) = _rules(slide.shapes)
        assert _where(mine) == _where(rule)
        assert mine._element.find(f"{_P}spPr/{_A}solidFill")[0].attrib != fill[0].attrib


def test_every_title_stands_on_its_layouts_box_dividers_with_an_icon_too(shipped_build):
    """A divider with a concept's icon sets its title, number and subtitle narrower, in
    its layout's full-width boxes with a right inset clear of the icon."""
    from deckgen.check.fidelity import measure_fidelity

    assert measure_fidelity(shipped_build[1]).titles_off_box == 0
    prs = Presentation(str(shipped_build[1]))
    with_icon = [
        s
        for s in prs.slides
        if s.slide_layout.name == "Divider" and any(shape.name == "Icon disc" for shape in s.shapes)
    ]
    assert with_icon
    for slide in with_icon:
        body_pr = slide.shapes.title._element.find(f"{_P}txBody/{_A}bodyPr")
        assert int(body_pr.get("rIns", "0")) > 0
