"""Bullets and quiz letters on a template hang by its list style's indents, scaled with
the size they are set in and never less than the bullet and a space; sub-points take the
template's second-level size (issue 20, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from ..conftest import build_on_template, inherited, pdf_words, soffice_pdf

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EMU_PER_PT = 12_700
OUTLINE = """\
meta:
  title: "Nicht klicken"
  footer: "Schulung"
theme:
  font: "Liberation Sans"
sections:
  - title: "Phishing"
    slides:
      - kind: bullets
        title: "Was tun?"
        bullets:
          - text: "Nicht klicken"
            sub: ["Erst den Absender prüfen", "Dann melden"]
          - text: "Melden"
      - kind: quiz
        question: "Was tun Sie mit einer verdächtigen Mail?"
        options:
          - "Den Link öffnen"
          - "Die Mail melden"
        answer: 2
"""


def _template_4x3(path: Path) -> Path:
    """python-pptx's stock template: 4:3, body 32 pt, second level 28 pt, its own indents."""
    prs = Presentation()
    prs.save(str(path))
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("indents")
    (folder / "outline.yaml").write_text(OUTLINE, encoding="utf-8")
    template = _template_4x3(folder / "house.pptx")
    return build_on_template(folder / "outline.yaml", template, folder / "out")


def _paragraphs(deck: Path):
    """Every bulleted paragraph: (level, marL, indent, size pt, bullet char)."""
    found = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            found += _bulleted(shape, slide)
    return found


def _bulleted(shape, slide) -> list:
    """(level, marL, indent, size pt, bullet char) of each bulleted paragraph of
    ``shape``: a run's own size, else what its placeholder gives it."""
    found = []
    for para in shape._element.iter(f"{_A}p"):
        ppr = para.find(f"{_A}pPr")
        char = ppr.find(f"{_A}buChar") if ppr is not None else None
        if char is None:
            continue
        level = int(ppr.get("lvl", "0"))
        size = para.find(f".//{_A}rPr").get("sz") or inherited(shape, slide).size(level)
        size = int(size) / 100
        found.append((level, int(ppr.get("marL")), int(ppr.get("indent")), size, char.get("char")))
    return found


def _width(text: str, size: float) -> float:
    """``text``'s advance at ``size`` in Arial's metrics (the bullet's font), bold, in points."""
    from deckgen.layout.measure import AfmMeasurer

    return AfmMeasurer().width(text, size, True)


def test_the_stock_4x3_template_is_what_the_test_means(tmp_path):
    prs = Presentation(str(_template_4x3(tmp_path / "t.pptx")))
    assert (prs.slide_width, prs.slide_height) == (9_144_000, 6_858_000)
    body = prs.slide_master._element.find(".//{*}txStyles/{*}bodyStyle")
    assert body.find(f"{_A}lvl1pPr/{_A}defRPr").get("sz") == "3200"
    assert body.find(f"{_A}lvl2pPr/{_A}defRPr").get("sz") == "2800"


def test_bullets_and_letters_hang_clear_of_their_words(built):
    paragraphs = _paragraphs(built)
    letters = {char for *_, char in paragraphs if char.isalpha()}
    assert {"A", "B"} <= letters  # the quiz's options are there
    assert any(level == 1 for level, *_ in paragraphs)  # and sub-points
    for _level, margin, indent, size, char in paragraphs:
        hanging = -indent / EMU_PER_PT  # a quarter of an em between the bullet and its word
        assert hanging >= _width(char, size) + size / 4, (char, size, hanging)
        assert margin + indent >= 0  # the bullet stays inside the box


def test_indents_come_from_the_template_list_style(built):
    top = [(m, i, s) for level, m, i, s, c in _paragraphs(built) if level == 0 and c == "•"]
    subs = [(m, i, s) for level, m, i, s, c in _paragraphs(built) if level == 1]
    margin, indent, size = top[0]
    # the stock template: lvl1 marL 342900, indent -342900 at 32 pt; lvl2 marL 742950,
    # indent -285750 at 28 pt: each scaled with the size the text is set in, hanging
    # wider where the bullet and a space need more (its bullet stays where it was)
    assert -indent >= 342_900 * size / 32 - 2
    assert margin + indent == 0
    sub_margin, sub_indent, sub_size = subs[0]
    assert sub_size == pytest.approx(28 * size / 32, abs=0.5)  # not deckgen's 16.5 pt
    assert -sub_indent >= 285_750 * sub_size / 28 - 2
    assert sub_margin + sub_indent == pytest.approx((742_950 - 285_750) * sub_size / 28, abs=2)


def test_the_default_design_hangs_as_before_at_its_own_sizes():
    from deckgen.layout.compositions import BulletsDesign
    from deckgen.layout.geometry import inch

    box = BulletsDesign()
    assert box.point(1.0, 0) == (inch(0.4), inch(0.4))
    assert box.sub(1.0, 0) == (inch(0.85), inch(0.35))
    # smaller type, smaller indents; never less than the bullet needs
    assert box.point(0.5, 0) == (inch(0.2), inch(0.2))
    assert box.point(0.5, inch(0.3)) == (inch(0.3), inch(0.3))
    assert box.sub(0.5, inch(0.3)) == (inch(0.425) - inch(0.175) + inch(0.3), inch(0.3))


@pytest.mark.libreoffice
def test_libreoffice_sets_a_gap_between_bullet_and_word(built, tmp_path):
    soffice_pdf([built], tmp_path, tmp_path / "profile")
    pages = pdf_words(tmp_path / (built.stem + ".pdf"))
    pairs = [("•", "Nicht"), ("–", "Erst"), ("–", "Dann"), ("•", "Melden")]
    pairs += [("A", "Den"), ("B", "Die")]  # the quiz's letters
    found = []
    for _w, _h, words in pages:
        for word in words:
            after = _next(words, word)
            if (word[4], after[4]) not in pairs:
                continue
            _x0, y0, x1, y1, mark = word
            em = (y1 - y0) / 1.3  # a word's box is 1.3 em high in LibreOffice's PDF
            assert after[0] - x1 >= 0.25 * em, (mark, after[4], after[0] - x1, em)
            found.append((mark, after[4]))
    assert sorted(found) == sorted(pairs)


def _next(words, word):
    """The word right of ``word`` on its line (or a stand-in far away)."""
    x0, y0, _x1, y1, _ = word
    after = [w for w in words if w[0] > x0 and abs(w[1] - y0) < (y1 - y0) / 2]
    return min(after, key=lambda w: w[0]) if after else (1e9, 0, 0, 0, "")
