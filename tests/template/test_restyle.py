"""A template's text colour that does not read is mended where the template says it, so
runs inherit the readable shade and write no RGB of their own (issue 20: <= 10 % of
placeholder runs with a fixed RGB colour; Blue_Curve's literal #009BDD body text)."""

from __future__ import annotations

from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.check.fidelity import measure_fidelity
from deckgen.layout.colors import contrast

from ..conftest import build_on_template, check_pptx_strictly
from .test_build import talk_folder

PALE = "7FC8F0"  # light blue on white: 1.9:1


def _pale_body(path):
    """python-pptx's stock template, its body text style in a literal pale blue."""
    prs = Presentation()
    body = prs.slide_master._element.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}")
    for fill in body.iter(qn("a:solidFill")):
        for child in list(fill):
            fill.remove(child)
        fill.append(fill.makeelement(qn("a:srgbClr"), {"val": PALE}))
    prs.save(str(path))
    return path


def test_an_unreadable_literal_body_colour_is_mended_in_the_text_style(tmp_path):
    folder = talk_folder(tmp_path)
    deck = build_on_template(
        folder / "outline.yaml", _pale_body(folder / "pale.pptx"), tmp_path / "out"
    )
    check_pptx_strictly(deck)
    prs = Presentation(str(deck))
    body = prs.slide_master._element.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}")
    said = {color.get("val") for color in body.iter(qn("a:srgbClr"))}
    assert PALE not in said and len(said) == 1
    (mended,) = said
    assert contrast(mended, "FFFFFF") >= 4.5
    # the bullets' runs inherit it: the deck's RGB share stays small
    measured = measure_fidelity(deck)
    assert measured.placeholder_runs > 50
    assert measured.share_with_rgb <= 0.10, measured.runs_with_rgb


def test_a_colour_that_reads_is_left_as_the_template_says(tmp_path):
    folder = talk_folder(tmp_path)
    template = folder / "stock.pptx"
    Presentation().save(str(template))
    deck = build_on_template(folder / "outline.yaml", template, tmp_path / "out")
    before = Presentation(str(template)).slide_master._element.find(qn("p:txStyles"))
    after = Presentation(str(deck)).slide_master._element.find(qn("p:txStyles"))
    assert [c.get("val") for c in after.iter(qn("a:srgbClr"))] == [
        c.get("val") for c in before.iter(qn("a:srgbClr"))
    ]
