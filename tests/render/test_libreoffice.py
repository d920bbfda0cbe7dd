"""Render the deck with LibreOffice, as a presenter's machine would, and read it back."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are needed; .ci/run installs them",
)

WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


@pytest.fixture(scope="module")
def rendered(shipped_build, tmp_path_factory):
    deck = shipped_build[1]
    out = tmp_path_factory.mktemp("lo")
    profile = tmp_path_factory.mktemp("lo-profile")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(deck),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = out / (deck.stem + ".pdf")
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for chunk in html.split("<page ")[1:]:
        w, h = map(float, PAGE.match("<page " + chunk).groups())
        words = [
            (float(a), float(b), float(c), float(d), unescape(t))
            for a, b, c, d, t in WORD.findall(chunk)
        ]
        pages.append((w, h, words))
    return pages


def test_one_page_per_slide(rendered, shipped_deck):
    assert len(rendered) == len(shipped_deck.slides)


def test_no_word_falls_outside_the_slide(rendered):
    for number, (w, h, words) in enumerate(rendered, 1):
        assert words, f"slide {number} rendered no text"
        for x0, y0, x1, y1, text in words:
            assert x0 >= 0 and x1 <= w and y0 >= 0 and y1 <= h, (number, text)


def test_body_text_stays_above_the_footer(rendered, shipped_deck):
    """Text that overflowed its box would run into the footer band at the bottom."""
    for number, (_w, h, words) in enumerate(rendered, 1):
        footer_top = h * (6.93 / 7.5)
        chrome = {str(number)}
        footer_words = set(["AI", "Security", "vs.", "AI", "Safety", "·", "Your", "Organisation"])
        for _x0, _y0, _x1, y1, text in words:
            if y1 > footer_top:
                assert text in chrome | footer_words or number in (1, len(rendered)), (number, text)


def test_the_quotes_and_table_render_as_text(rendered):
    text = " ".join(t for _w, _h, words in rendered for *_, t in words)
    assert "unauthorized access and tampering" in text
    assert "Source of" in text and "Threat" in text


def test_every_word_lands_inside_a_box_the_layout_made(rendered):
    """LibreOffice sets the text itself; if it wrapped a line our layout did not, a word
    would fall outside every box (above a bottom-anchored title, below a body)."""
    from deckgen.layout.engine import layout_deck
    from deckgen.layout.frames import Table, TextBox
    from deckgen.layout.measure import AfmMeasurer
    from deckgen.outline.loader import load_outline
    from deckgen.outline.tailor import tailor

    from ..conftest import SHIPPED

    deck = layout_deck(tailor(load_outline(SHIPPED)), AfmMeasurer())
    assert len(deck.slides) == len(rendered)
    emu_per_pt = 12_700
    # a word's box runs from its ascender to its descender, past the line's own extent;
    # a line wrapped where we did not wrap would land a whole line (~1.2 em) outside
    slack_x = 3.0
    for frame, (_w, _h, words) in zip(deck.slides, rendered, strict=True):
        boxes = [
            (
                item.rect.x / emu_per_pt - slack_x,
                item.rect.y / emu_per_pt,
                item.rect.right / emu_per_pt + slack_x,
                item.rect.bottom / emu_per_pt,
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
