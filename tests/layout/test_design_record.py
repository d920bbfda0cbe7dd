"""The design record holds the numbers and faces layout and the renderers use: scaling
decides by each field's type (Emu, Pt) what a slide size changes; the guide's plan
columns, the handout's grid with lines beside, the faces the deck and the PDFs name,
and where the PDFs put a baseline all come from it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import typing
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Annotated

import pypdfium2 as pdfium
import pytest
from pptx import Presentation

from deckgen.layout.compositions import LineModel, Typefaces
from deckgen.layout.design import Design
from deckgen.layout.engine import layout_deck
from deckgen.layout.geometry import LENGTH, ON_PAPER, TYPE_SIZE, Emu, Pt, Rect
from deckgen.layout.guide import layout_guide
from deckgen.layout.handout import HandoutOptions, SlideGrid, layout_handout
from deckgen.layout.scaling import _mark, scaled
from deckgen.layout.timing import plan_talk
from deckgen.render.pdf.slides import render_slides_pdf
from deckgen.render.pptx.deck import render_pptx

from .support import FAKE, SMALL, outline_text, talk_at, talk_from

CREATED = dt.datetime(2031, 2, 3, 4, 5, 6)


@dataclass(frozen=True)
class _Inner:
    length: Emu = 1000


@dataclass(frozen=True)
class _Record:
    """Names the old by-name rule got wrong both ways: what scales is the type."""

    most: Emu = 1000  # a length named like a count
    title_lines: Pt = 10  # a type size named like a count
    gap: int = 7  # a count named like a length
    share: float = 0.5
    inner: _Inner = _Inner()
    paper: Annotated[_Inner, ON_PAPER] = _Inner()
    maybe: Emu | None = None
    rect: Rect = Rect(10, 20, 30, 40)


def test_scaling_follows_the_type_not_the_name():
    from deckgen.layout.scaling import _scaled

    half = _scaled(_Record(), 0.5)
    assert half.most == 500 and half.title_lines == 5.0
    assert half.gap == 7 and half.share == 0.5
    assert half.inner.length == 500 and half.paper.length == 1000
    assert half.maybe is None
    assert half.rect == Rect(5, 10, 15, 20)
    assert _Record().title_lines == 10  # the record itself is left as it was


def test_type_sizes_scale_in_half_points_whatever_their_literal():
    """subtitle_floor's default is written 18 (an int): by name it was rounded to a
    whole point (14 at 4:3); by its type it is a type size, 13.5."""
    design = Design(font="Arial", palette=talk_design().palette)
    four_by_three = scaled(design, 0.75)
    assert four_by_three.divider.subtitle_floor == 13.5
    assert four_by_three.scale.body == 19.5


def talk_design() -> Design:
    return layout_deck(talk_at(SMALL), FAKE).design


def _walk(cls, seen: set) -> list[tuple[str, str, object]]:
    """(class, field, annotation) of every field of the slides' design record."""
    out = []
    hints = typing.get_type_hints(cls, include_extras=True)
    for field in fields(cls):
        hint = hints[field.name]
        out.append((cls.__name__, field.name, hint))
        if _mark(hint) is ON_PAPER:
            continue
        for arg in (hint, *typing.get_args(hint)):
            inner = typing.get_args(arg)[0] if typing.get_origin(arg) is Annotated else arg
            if isinstance(inner, type) and is_dataclass(inner) and inner not in seen:
                seen.add(inner)
                out += _walk(inner, seen)
    return out


def test_every_number_on_the_slide_says_whether_it_scales():
    """A plain int in the slides' record is a count, a plain float a ratio; a length or
    a type size added without its type would not scale: these are the only counts."""
    counts = sorted(
        f"{cls}.{name}" for cls, name, hint in _walk(Design, set()) if hint in (int, int | None)
    )
    assert counts == [
        "BulletsDesign.most",
        "ChartDesign.max_ticks",
        "CodeDesign.tab",
        "ConceptBars.most",
        "DividerDesign.title_lines",
        "Grid.title_lines",
        "ListingDesign.columns",
        "TitleSlideDesign.title_lines",
    ]
    marks = {_mark(hint) for _cls, _name, hint in _walk(Design, set())}
    assert {LENGTH, TYPE_SIZE, ON_PAPER} <= marks


def test_the_guides_plan_columns_come_from_the_design():
    talk = talk_at(SMALL)
    deck = layout_deck(talk, FAKE)
    shares = ((0.5, 0.5), (0.25, 0.5, 0.25))
    handout = replace(deck.design.handout, plan_columns=shares)
    deck = replace(deck, design=replace(deck.design, handout=handout))
    guide = layout_guide(talk, deck, plan_talk(talk), "a4", None, CREATED)
    widths = guide.cover.plan.widths
    share = shares[len(widths) == 3]
    assert [w / sum(widths) for w in widths] == pytest.approx(share)


def test_which_grid_has_its_lines_beside_comes_from_the_design():
    talk = talk_at(SMALL)
    deck = layout_deck(talk, FAKE)

    def beside(per_page: int, design: Design) -> float:
        layout = layout_handout(
            talk, replace(deck, design=design), HandoutOptions(per_page=per_page), None, CREATED
        )
        return next(b for b in layout.body if isinstance(b, SlideGrid)).lines_beside

    assert beside(3, deck.design) > 0 and beside(4, deck.design) == 0
    four = replace(deck.design, handout=replace(deck.design.handout, lines_beside=4))
    assert beside(4, four) > 0 and beside(3, four) == 0


CODE = outline_text(
    "- kind: bullets\n  title: Points\n  bullets: [One, Two]\n"
    "- kind: code\n  title: Code\n  language: python\n  code: 'x = 1'\n"
)


def _deck_with(faces: Typefaces):
    deck = layout_deck(talk_from(CODE), FAKE)
    return replace(deck, design=replace(deck.design, faces=faces))


def test_the_deck_names_the_designs_code_and_bullet_faces():
    faces = Typefaces(code="Consolas", bullet="Wingdings")
    prs = Presentation(io.BytesIO(render_pptx(_deck_with(faces), CREATED)))
    xml = b"".join(
        shape._element.xml.encode() for slide in prs.slides for shape in slide.shapes
    )  # the deck's own markup: the test reads what was written
    assert b'typeface="Consolas"' in xml and b'typeface="Courier New"' not in xml
    assert b'<a:buFont typeface="Wingdings"/>' in xml


def _pdf_fonts(faces: Typefaces) -> set[str]:
    pdf = pdfium.PdfDocument(render_slides_pdf(_deck_with(faces), CREATED))
    return {
        obj.get_font().get_base_name().split("+")[-1]
        for page in pdf
        for obj in page.get_objects()
        if isinstance(obj, pdfium.PdfTextObj)
    }


def test_the_pdfs_draw_code_in_the_designs_monospace_files():
    assert "LiberationMono" in _pdf_fonts(Typefaces())
    sans = Typefaces().sans  # the sans files standing in for code: no mono face drawn
    faces = Typefaces(mono=tuple((style, name + "-AsMono", file) for style, name, file in sans))
    assert not any("Mono" in name for name in _pdf_fonts(faces))


def _first_baseline(pdf_bytes: bytes, word: str) -> float:
    page = pdfium.PdfDocument(pdf_bytes)[1]  # the code slide
    text = page.get_textpage()
    at = text.get_text_range().index(word)
    _left, bottom, _right, top = text.get_charbox(at, loose=False)
    return bottom


def test_the_pdfs_put_baselines_where_the_designs_line_model_says():
    plain = render_slides_pdf(_deck_with(Typefaces()), CREATED)
    lower = Typefaces(lines=dataclasses.replace(LineModel(), ascent=LineModel().ascent + 0.1))
    moved = render_slides_pdf(_deck_with(lower), CREATED)
    code_slide = layout_deck(talk_from(CODE), FAKE).slides[1]
    size = next(item for item in code_slide.items if item.name == "Code").paragraphs[0].size
    # 'x' has no descender: its box's bottom is the baseline (PDF y grows upwards)
    assert _first_baseline(plain, "x") - _first_baseline(moved, "x") == pytest.approx(
        0.1 * size, abs=0.05
    )
