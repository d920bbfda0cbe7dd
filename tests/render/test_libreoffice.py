"""Render decks with LibreOffice, as a presenter's machine would, and read them back.

Marked ``libreoffice``: the fast suite is ``pytest -m "not libreoffice"``. Without
soffice and pdftotext these tests are skipped, and under CI they fail (conftest).
They run on the small fixture talk and on the shipped talk, whose real content must
fit its boxes too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation

from ..conftest import SHIPPED, SMALL, pdf_words, soffice_pdf

pytestmark = pytest.mark.libreoffice

EMU_PER_PT = 12_700
OUTLINES = {"small": SMALL, "shipped": SHIPPED}


@dataclass
class Rendered:
    name: str
    deck: Path
    prs: object  # the deck re-opened with python-pptx
    frames: object  # the layout's Deck for the same outline
    pages: list  # per page: (width, height, [(x0, y0, x1, y1, word)]) in points


def lo_pdf(deck: Path, out: Path, profile: Path) -> Path:
    soffice_pdf([deck], out, profile)
    return out / (deck.stem + ".pdf")


@pytest.fixture(scope="module", params=list(OUTLINES))
def rendered(request, tmp_path_factory) -> Rendered:
    from deckgen.build import prepare
    from deckgen.outline.loader import load_outline

    name = request.param
    deck = request.getfixturevalue(f"{name}_build")[1]
    pdf = lo_pdf(deck, tmp_path_factory.mktemp(f"lo-{name}"), tmp_path_factory.mktemp("lo-profile"))
    frames = prepare(load_outline(OUTLINES[name]), None, {}).deck
    return Rendered(name, deck, Presentation(str(deck)), frames, pdf_words(pdf))


def items_named(frame, name: str) -> list:
    return [item for item in frame.items if item.name == name]


def text_of(item) -> str:
    return " ".join(p.text for p in item.paragraphs)


def test_one_page_per_slide(rendered):
    assert len(rendered.pages) == len(rendered.prs.slides) == len(rendered.frames.slides)
    for w, h, _words in rendered.pages:
        assert (round(w), round(h)) == (960, 540)


def test_no_word_falls_outside_the_slide(rendered):
    for number, (w, h, words) in enumerate(rendered.pages, 1):
        assert words, f"slide {number} rendered no text"
        for x0, y0, x1, y1, text in words:
            assert x0 >= 0 and x1 <= w and y0 >= 0 and y1 <= h, (number, text)


def test_body_text_stays_above_the_footer(rendered):
    """Text that overflowed its box would run into the footer band at the bottom."""
    checked = 0
    for frame, (_w, _h, words) in zip(rendered.frames.slides, rendered.pages, strict=True):
        footer = items_named(frame, "Footer")
        if not footer:  # the title and closing slides have no footer band
            continue
        checked += 1
        (footer,) = footer
        footer_top = footer.rect.y / EMU_PER_PT
        chrome = set(text_of(footer).split()) | {str(frame.number)}
        for _x0, _y0, _x1, y1, text in words:
            if y1 > footer_top:
                assert text in chrome, (frame.number, frame.title, text)
    assert checked >= len(rendered.frames.slides) - 2


def test_the_quotes_and_table_render_as_text(rendered):
    checked = 0
    for frame, (_w, _h, words) in zip(rendered.frames.slides, rendered.pages, strict=True):
        page = " ".join(t for *_, t in words)
        for quote in items_named(frame, "Quote"):
            first_words = " ".join(text_of(quote).split()[:5])
            assert first_words in page, (frame.title, first_words)
            checked += 1
        for table in items_named(frame, "Comparison table"):
            for row in table.cells:
                for cell in row:
                    for word in " ".join(p.text for p in cell.paragraphs).split():
                        assert word in page, (frame.title, word)
            checked += 1
    assert checked >= 3  # two definitions and a comparison in either talk


def test_every_word_lands_inside_a_box_the_layout_made(rendered):
    """LibreOffice sets the text itself; if it wrapped a line our layout did not, a word
    would fall outside every box (above a bottom-anchored title, below a body)."""
    from deckgen.layout.frames import Table, TextBox

    # a word's box runs from its ascender to its descender, past the line's own extent;
    # a line wrapped where we did not wrap would land a whole line (~1.2 em) outside
    slack_x = 3.0
    for frame, (_w, _h, words) in zip(rendered.frames.slides, rendered.pages, strict=True):
        boxes = [
            (
                item.rect.x / EMU_PER_PT - slack_x,
                item.rect.y / EMU_PER_PT,
                item.rect.right / EMU_PER_PT + slack_x,
                item.rect.bottom / EMU_PER_PT,
            )
            for item in frame.items
            if isinstance(item, TextBox | Table)
        ]
        for x0, y0, x1, y1, text in words:
            slack_y = 0.25 * (y1 - y0)
            inside = any(
                bx0 <= x0 and x1 <= bx1 and by0 - slack_y <= y0 and y1 <= by1 + slack_y
                for bx0, by0, bx1, by1 in boxes
            )
            assert inside, (frame.number, frame.title, text, (x0, y0, x1, y1))
