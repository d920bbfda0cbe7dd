"""Sparse flowing slides, end to end (issue 23 item 4): `deckgen build` of the web
fixture writes its quiz and short bullets at the scale's larger step with the room
between items as paragraph spacing (spcBef, which PowerPoint keeps when the presenter
edits), the body placeholder where it always stood; its glossary and single reference
in one full-width body. On a template, the growth is spacing only: no run of those
slides is set in a size the template does not have."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Pt

from deckgen.layout.design import Grid, Spacing, TypeScale

from .conftest import (
    build_on_template,
    run_cli,
    run_size,
    slide_titled,
    two_content_template,
)

WEB = Path(__file__).parent / "fixtures" / "web" / "outline.yaml"


def _body(slide):
    (body,) = [
        shape
        for shape in slide.placeholders
        if shape.placeholder_format.type is not None
        and shape.placeholder_format.idx != 0
        and shape.has_text_frame
        and shape.text_frame.text.strip()
        and shape.top < Grid().body_bottom
    ]
    return body


def _before(paragraph) -> int | None:
    """A paragraph's spcBef in hundredths of a point, as written."""
    ppr = paragraph._p.find(qn("a:pPr"))
    found = None if ppr is None else ppr.find(qn("a:spcBef"))
    return None if found is None else int(found.find(qn("a:spcPts")).get("val"))


@pytest.fixture(scope="module")
def web_deck(tmp_path_factory):
    out = tmp_path_factory.mktemp("sparse")
    result = run_cli("build", str(WEB), "-o", str(out), "--format", "pptx")
    assert result.exit_code == 0, result.output
    (deck,) = out.glob("*.pptx")
    return Presentation(str(deck))


@pytest.mark.parametrize("title", ["Quick check", "Quick check (answer)"])
def test_the_quiz_is_written_at_the_larger_step_with_its_options_spread(web_deck, title):
    slide = slide_titled(web_deck, title)
    body = _body(slide)
    assert body.top == Grid().body_top  # the grid stays: content starts where it did
    question, *options = body.text_frame.paragraphs
    assert question.text == "Which of these is a guard?"
    sizes = {run_size(run, body, slide) for p in body.text_frame.paragraphs for run in p.runs}
    assert sizes == {Pt(TypeScale().lead)}
    spaces = {_before(p) for p in options}
    assert len(spaces) == 1  # evenly spaced
    (space,) = spaces
    assert space > Spacing().bullet_before * TypeScale().lead * 100
    assert space <= Spacing().most_between * TypeScale().lead * 100


def test_three_guards_are_spread_from_the_top_of_the_body(web_deck):
    slide = slide_titled(web_deck, "Three guards")
    body = _body(slide)
    assert body.top == Grid().body_top
    points = [p for p in body.text_frame.paragraphs if p.level == 0]
    assert len(points) == 3
    assert len({_before(p) for p in points[1:]}) == 1
    assert _before(points[1]) > Spacing().bullet_before * TypeScale().lead * 100


@pytest.mark.parametrize("title", ["Glossary", "References"])
def test_a_short_listing_is_one_full_width_body(web_deck, title):
    slide = slide_titled(web_deck, title)
    body = _body(slide)
    grid = Grid()
    assert (body.left, body.top, body.width) == (grid.margin, grid.body_top, grid.content_width)


def test_on_a_template_sparse_slides_grow_by_spacing_in_the_templates_sizes(tmp_path):
    template = two_content_template(tmp_path / "house.pptx", None)
    prs = Presentation(str(build_on_template(WEB, template, tmp_path / "out")))
    own = {
        int(node.get("sz"))
        for part in (prs.slide_master, *prs.slide_layouts)
        for node in part.element.iter(qn("a:defRPr"))
        if node.get("sz")
    }
    for title in ("Quick check", "Three guards"):
        slide = slide_titled(prs, title)
        body = _body(slide)
        paragraphs = body.text_frame.paragraphs
        for p in paragraphs:
            for run in p.runs:
                assert run.font.size is None, (title, run.text)  # no size of its own
                assert run_size(run, body, slide, p.level).centipoints in own, (title, run.text)
        heads = [p for p in paragraphs[1:] if p.level == 0]
        assert len({_before(p) for p in heads}) == 1
        size = run_size(heads[0].runs[0], body, slide).pt
        assert _before(heads[0]) > Spacing().bullet_before * size * 100
