"""Short composed slides use the room, end to end (issue 23 item 4): `deckgen build` of
the web fixture writes its three-line listing at the type scale's larger code step and
its two-row table with taller rows, cells centred (tcPr anchor="ctr"), and the slides PDF
draws the cells' text where the deck centres it; the small talk's three takeaways are set
apart by the paragraphs' space before (spcBef). On a template none of this gives a run a
size the build did not give it before: code and table stay at their sizes."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pptx import Presentation
from pptx.util import Emu

from deckgen.layout.compositions import TakeawaysDesign
from deckgen.layout.design import Grid, TypeScale
from deckgen.layout.geometry import EMU_PER_PT

from .conftest import build_on_template, number_of, run_cli, shapes_named, slide_titled
from .facts import SHIPPED, SMALL, WEB

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


@pytest.fixture(scope="module")
def web_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("web")
    result = run_cli(
        "build", str(WEB), "-o", str(out), "--format", "pptx", "--format", "slides-pdf"
    )
    assert result.exit_code == 0, result.output
    return out


def _deck(out: Path):
    (deck,) = out.glob("*.pptx")
    return Presentation(str(deck))


def _sizes(shape) -> set[float]:
    return {run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs}


def test_the_short_listing_is_written_at_the_larger_code_step(web_build):
    slide = slide_titled(_deck(web_build), "An allow-list")
    (code,) = shapes_named(slide, "Code")
    assert _sizes(code) == {TypeScale().code_lead}
    (panel,) = shapes_named(slide, "Code panel")
    body = Grid().body_box  # the fixture's design: deckgen's own
    assert (panel.left, panel.top, panel.width) == (body.x, body.y, body.w)


def _table(slide):
    return next(shape for shape in slide.shapes if shape.has_table)


def test_the_short_table_has_taller_rows_and_centred_cells(web_build):
    frame = _table(slide_titled(_deck(web_build), "Guard or gauge"))
    cells = frame._element.findall(f".//{{{A}}}tcPr")
    assert cells and {tc.get("anchor") for tc in cells} == {"ctr"}
    rows = [row.height for row in frame.table.rows]
    assert rows[1] > rows[0] * 1.5 and rows[2] > rows[0] * 1.5  # the header keeps its own
    sizes = {
        run.font.size.pt
        for row in frame.table.rows
        for cell in row.cells
        for p in cell.text_frame.paragraphs
        for run in p.runs
    }
    assert sizes == {TypeScale().table_lead}


def test_the_slides_pdf_centres_the_cells_text_as_the_deck_does(web_build):
    prs = _deck(web_build)
    number = number_of(prs, "Guard or gauge")
    frame = _table(prs.slides[number - 1])
    (pdf,) = web_build.glob("*-slides.pdf")
    page = pdfium.PdfDocument(str(pdf))[number - 1]
    text = page.get_textpage()
    scale = page.get_height() / (prs.slide_height / EMU_PER_PT)  # points on the page a point
    top = frame.top
    for row, word in zip(frame.table.rows, ("Aspect", "Does", "When"), strict=True):
        at = text.get_text_range().index(word)
        _left, bottom, _right, high = text.get_charbox(at, loose=True)
        middle = page.get_height() - (bottom + high) / 2  # from the page's top
        row_middle = (top + row.height / 2) / EMU_PER_PT * scale
        assert abs(middle - row_middle) < 4, (word, middle, row_middle)
        top += row.height


def test_the_takeaways_open_up_by_space_before(tmp_path):
    result = run_cli("build", str(SMALL), "-o", str(tmp_path), "--format", "pptx")
    assert result.exit_code == 0, result.output
    slide = slide_titled(_deck(tmp_path), "What to remember")
    (box,) = shapes_named(slide, "Takeaways")
    before = [p.space_before for p in box.text_frame.paragraphs[1:]]
    box = TakeawaysDesign()
    discs = [shapes_named(slide, f"Takeaway {i} disc")[0] for i in (1, 2)]
    gap = discs[1].top - (discs[0].top + discs[0].height)
    assert box.gap < gap <= box.most_gap
    # one-line takeaways beside badges: the space before is the gap and a badge's slack
    assert all(b is not None and Emu(b) > box.gap for b in before)


def test_on_a_template_code_and_tables_keep_their_sizes(tmp_path):
    template = tmp_path / "plain.pptx"
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12_192_000, 6_858_000
    prs.save(str(template))
    deck = Presentation(str(build_on_template(WEB, template, tmp_path / "out")))
    scale = TypeScale()
    (code,) = shapes_named(slide_titled(deck, "An allow-list"), "Code")
    assert _sizes(code) == {scale.code}
    frame = _table(slide_titled(deck, "Guard or gauge"))
    sizes = {
        run.font.size.pt if run.font.size else None
        for row in frame.table.rows
        for cell in row.cells
        for p in cell.text_frame.paragraphs
        for run in p.runs
    }
    assert scale.table_lead not in sizes and scale.code_lead not in sizes
    # the room still goes to the rows: taller than the header, the cells centred
    rows = [row.height for row in frame.table.rows]
    assert rows[1] > rows[0] and {
        tc.get("anchor") for tc in frame._element.iter(f"{{{A}}}tcPr")
    } == {"ctr"}


def test_the_shipped_talks_unsure_row_is_centred_and_no_other(tmp_path):
    """'Deliberate, malicious external attacks' fits its cell's full width but not the
    99.7 % the layout breaks at: PowerPoint sets the row's text a line shorter than the
    row, so the row's cells are centred; the table's other rows keep theirs at the top."""
    result = run_cli("build", str(SHIPPED), "-o", str(tmp_path), "--format", "pptx")
    assert result.exit_code == 0, result.output
    frame = _table(slide_titled(_deck(tmp_path), "Security and safety, side by side"))
    anchors = {
        row.cells[0].text: {tc.get("anchor") for tc in row._tr.iter(f"{{{A}}}tcPr")}
        for row in frame.table.rows
    }
    assert anchors.pop("Source of Threat") == {"ctr"}
    assert set(map(frozenset, anchors.values())) == {frozenset({"t"})}
