"""The PDFs draw a chart's marks, as layout decided them: each bar, slice and line's
point in its colour where its mark stands, each label's words where its mark puts them
(as the anchor says), in the slides PDF and, scaled, in the handout's thumbnails."""

from __future__ import annotations

import math
from pathlib import Path

import pypdfium2
import pytest

from deckgen.layout.chart_marks import ChartBar, ChartPolyline, ChartText, ChartWedge
from deckgen.layout.frames import Chart
from deckgen.layout.geometry import EMU_PER_PT
from deckgen.layout.measure import AfmMeasurer
from deckgen.render.pdf.slides import render_slides_pdf

from ..conftest import pdf_words
from ..layout.support import deck_from, outline_text
from .decks import CREATED

CHARTS = """\
- kind: chart
  title: Columns
  chart: column
  unit: incidents
  categories: [Q1, Q2, Q3]
  series:
    - {name: Phishing, values: [12, 18, 9]}
    - {name: Malware, values: [3, 5, 2.5]}
  alt: Phishing peaked in Q2.
- kind: chart
  title: Bars
  chart: bar
  categories: [North, South]
  series: [{name: Change, values: [-4, 6]}]
  alt: Mixed.
- kind: chart
  title: Lines
  chart: line
  categories: [Jan, Feb, Mar]
  series: [{name: Reach, values: [0.2, 0.5, 0.4]}]
  alt: Up, then down.
- kind: chart
  title: Pie
  chart: pie
  categories: [Email, Web, USB]
  series: [{name: Alerts, values: [60, 30, 10]}]
  alt: Email most.
"""


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    deck = deck_from(outline_text(CHARTS), AfmMeasurer())
    pdf = tmp_path_factory.mktemp("charts") / "slides.pdf"
    pdf.write_bytes(render_slides_pdf(deck, CREATED))
    charts = [next(i for i in s.items if isinstance(i, Chart)) for s in deck.slides]
    return pdf, charts


def _pixels(pdf: Path, page: int):
    """The page at one pixel a point."""
    return pypdfium2.PdfDocument(str(pdf))[page].render(scale=1).to_pil().convert("RGB")


def _close(pixel, color: str) -> bool:
    want = tuple(int(color[i : i + 2], 16) for i in (0, 2, 4))
    return all(abs(a - b) <= 8 for a, b in zip(pixel, want, strict=True))


def _at(emu: float) -> int:
    return round(emu / EMU_PER_PT)


def test_every_bar_slice_and_point_is_drawn_in_its_colour_where_its_mark_stands(drawn):
    pdf, charts = drawn
    checked = 0
    for page, chart in enumerate(charts):
        image = _pixels(pdf, page)
        for mark in chart.marks.marks:
            if isinstance(mark, ChartBar) and mark.rect.w > EMU_PER_PT * 4 < mark.rect.h:
                rect = mark.rect
                where = (_at(rect.x + rect.w / 2), _at(rect.y + rect.h / 2))
            elif isinstance(mark, ChartWedge) and mark.sweep:
                middle = math.radians(mark.start + mark.sweep / 2)
                reach = mark.radius / 2
                where = (
                    _at(mark.cx + reach * math.sin(middle)),
                    _at(mark.cy - reach * math.cos(middle)),
                )
            elif isinstance(mark, ChartPolyline):
                for x, y in mark.points:
                    assert _close(image.getpixel((_at(x), _at(y))), mark.color), mark
                    checked += 1
                continue
            else:
                continue
            assert _close(image.getpixel(where), mark.color), (chart.kind, mark)
            checked += 1
    # 6 columns and 2 swatches, 2 bars, 3 points, 3 slices and 3 swatches
    assert checked == 6 + 2 + 2 + 3 + 3 + 3


@pytest.mark.tools("pdftotext")
def test_every_label_is_text_where_its_mark_puts_it(drawn):
    pdf, charts = drawn
    pages = pdf_words(pdf)
    for (_w, _h, words), chart in zip(pages, charts, strict=True):
        texts = [m for m in chart.marks.marks if isinstance(m, ChartText)]
        assert texts
        for text in texts:
            x, baseline, size = text.x / EMU_PER_PT, text.y / EMU_PER_PT, text.size
            found = [w for w in words if w[4] == text.text and w[1] < baseline < w[3] + size / 2]
            assert found, (text.text, chart.kind)
            candidates = []
            for x0, _y0, x1, _y1, _word in found:
                drawn_at = {"start": x0, "middle": (x0 + x1) / 2, "end": x1}[text.anchor]
                candidates.append(abs(drawn_at - x))
            assert min(candidates) < 1.0, (text.text, text.anchor, candidates)
    words = {w[4] for _w, _h, page in pages for w in page}
    for label in ("incidents", "Phishing", "Malware", "Q2", "20", "North", "-4", "Web", "60%"):
        assert label in words, label


def test_the_renderer_draws_marks_not_reportlabs_charts():
    source = (Path(__file__).resolve().parents[2] / "deckgen/render/pdf/chart.py").read_text()
    assert "reportlab.graphics.charts" not in source and "item.marks" in source
