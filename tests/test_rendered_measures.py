"""The render measures (benchmarks/rendered.py) on PDFs drawn here with reportlab, where
the colours, and so the WCAG ratios, are known."""

from __future__ import annotations

import pytest
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from benchmarks.rendered import FLOOR, grey_differences, word_contrasts

PAGE = (400, 200)


def _pdf(path, pages):
    """One page per (ground, ink, words) triple: words at 36 pt on a full-page ground."""
    canvas = Canvas(str(path), pagesize=PAGE)
    for ground, ink, words in pages:
        canvas.setFillColor(HexColor(ground))
        canvas.rect(0, 0, *PAGE, stroke=0, fill=1)
        canvas.setFillColor(HexColor(ink))
        canvas.setFont("Helvetica-Bold", 36)
        canvas.drawString(20, 100, words)
        canvas.showPage()
    canvas.save()
    return path


@pytest.mark.tools("pdftotext")
def test_each_words_contrast_is_read_from_its_ink_and_ground(tmp_path):
    pdf = _pdf(
        tmp_path / "words.pdf",
        [("#FFFFFF", "#000000", "Black on white"), ("#777777", "#999999", "Grey - on grey")],
    )
    found = word_contrasts(pdf)
    assert [(w.slide, w.word) for w in found] == [
        (1, "Black"),
        (1, "on"),
        (1, "white"),
        (2, "Grey"),  # the dash, without a letter, is left out
        (2, "on"),
        (2, "grey"),
    ]
    first, second = found[:3], found[3:]
    assert all(w.ratio > 19 for w in first)  # 21:1 less anti-aliasing
    # #999 on #777: (0.318 + 0.05) / (0.184 + 0.05) = 1.57
    assert all(abs(w.ratio - 1.57) < 0.05 for w in second), second
    assert all(w.ratio < FLOOR for w in second)


def test_grey_difference_is_zero_for_the_same_render_and_grows_with_change(tmp_path):
    same = _pdf(tmp_path / "a.pdf", [("#FFFFFF", "#000000", "x"), ("#FFFFFF", "#000000", "y")])
    darker = _pdf(tmp_path / "b.pdf", [("#FFFFFF", "#000000", "x"), ("#808080", "#000000", "y")])
    assert grey_differences(same, same) == [0.0, 0.0]
    first, second = grey_differences(same, darker)
    assert first == 0.0 and 100 < second < 130  # 255 - 128 where the ground changed
    shorter = _pdf(tmp_path / "c.pdf", [("#FFFFFF", "#000000", "x")])
    assert grey_differences(same, shorter) == [0.0, 255.0]


def test_grey_difference_sees_fine_stripes_as_their_mean_colour(tmp_path):
    """A page of black and white stripes, a pair to each 24 dpi pixel, looks grey at 24
    dpi: against a plain mid-grey page it differs little, where a render at 24 dpi
    draws each stripe a whole pixel wide and the page black (a difference of ~128)."""
    from reportlab.lib.colors import black
    from reportlab.pdfgen.canvas import Canvas

    striped, grey = tmp_path / "striped.pdf", tmp_path / "grey.pdf"
    canvas = Canvas(str(striped), pagesize=(720, 405))
    canvas.setFillColor(black)
    for step in range(0, 720, 3):  # 1.5 pt black, 1.5 pt white: a 24 dpi pixel (3 pt)
        canvas.rect(step, 0, 1.5, 405, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    canvas = Canvas(str(grey), pagesize=(720, 405))
    canvas.setFillGray(0.5)
    canvas.rect(0, 0, 720, 405, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    (difference,) = grey_differences(striped, grey)
    assert difference < 10
