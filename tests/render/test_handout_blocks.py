"""Every type of handout block is drawn by every renderer that draws blocks: the PDF
handout's, the PDF guide's (the same flowables under the guide's cover) and the web
handout's. A block added to ``HandoutBlock`` without a sample here, or without a case in
a renderer, fails: each sample carries a word found nowhere else, looked for in the
written file."""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import get_args

import pypdfium2
import pytest

import deckgen
from deckgen.build import BuildOptions, load, prepare
from deckgen.kinds import KINDS
from deckgen.layout import handout_blocks as h
from deckgen.layout.guide import layout_guide
from deckgen.layout.handout import layout_handout
from deckgen.layout.text import prose_of
from deckgen.layout.timing import plan_talk
from deckgen.layout.web import web_handout
from deckgen.render.html import render_web
from deckgen.render.pdf.handout import render_handout

from ..facts import SMALL

CREATED = dt.datetime(2031, 2, 3, 4, 5, 6)
# the web handout shows every slide whole with its notes: a page of thumbnails is print's
PRINT_ONLY = {h.SlideGrid}


@pytest.fixture(scope="module")
def talk_deck():
    options = BuildOptions(outline=str(SMALL), out_dir=".")
    prepared = prepare(load(options), None, {}, options)
    return prepared.talk, prepared.deck


@pytest.fixture(scope="module")
def bases(talk_deck):
    """The small talk's handout (notes and four a page) and guide, laid out."""
    talk, deck = talk_deck
    notes = layout_handout(talk, deck, h.HandoutOptions(), None, CREATED)
    grid = layout_handout(talk, deck, h.HandoutOptions(per_page=4), None, CREATED)
    guide = layout_guide(talk, deck, plan_talk(talk), "a4", None, CREATED)
    return {"notes": notes, "grid": grid, "guide": guide}


def _first(layout: h.HandoutLayout, block_type):
    return next(b for b in layout.body if isinstance(b, block_type))


def _heading(word: str) -> h.Heading:
    return h.Heading(h.sourced(word), word.lower(), keep=20, space_before=6)


def _question(word: str) -> h.Question:
    options = (("A", prose_of("Stripes")), ("B", prose_of("Spots")))
    return h.Question(prose_of(f"{word} question?"), options, prose_of(f"{word}answer"))


def sample(block_type, bases):
    """A block of that type with ``Zebra<Type>`` among what it shows."""
    word = f"Zebra{block_type.__name__}"
    heading = _heading(word)
    match block_type:
        case h.Cover:
            return replace(bases["notes"].cover, title=h.sourced(word))
        case h.Heading:
            return heading
        case h.Paragraphs:
            return h.Paragraphs((h.sourced(f"First {word}"), h.sourced("second")), "small")
        case h.ItemList:
            return h.ItemList((h.sourced(word), h.sourced("another item")), "items")
        case h.SlideWithNotes:
            return replace(_first(bases["notes"], h.SlideWithNotes), notes=(prose_of(word),))
        case h.SlideGrid:
            grid = _first(bases["grid"], h.SlideGrid)
            return replace(grid, cells=(replace(grid.cells[0], caption=prose_of(word)),))
        case h.ReadingTable:
            header = (h.sourced("Term"), h.sourced("Meaning"))
            rows = ((h.sourced("Horse"), h.sourced(word)),)
            fills, inks = ("1F4E79", "1F4E79"), ("FFFFFF", "FFFFFF")
            return h.ReadingTable(
                heading, prose_of("A note."), header, rows, fills, inks, (120, 300), "EEF2F7"
            )
        case h.DefinitionList:
            term = h.DefinedTerm(prose_of("Zebra"), prose_of(f"{word}, a striped horse"))
            return h.DefinitionList(heading, (term,))
        case h.ReferenceList:
            ref = h.CitedReference(
                "[1]",
                prose_of(f"{word} book"),
                prose_of("Someone, 2030"),
                "https://example.org/zebra",
                prose_of("example.org/zebra"),
                (1,),
                cited="Quoted on slide 1.",
            )
            return h.ReferenceList(heading, (ref,))
        case h.QuestionList:
            return h.QuestionList(heading, (_question(word),))
        case h.AnswerKey:
            return h.AnswerKey(heading, (_question(word),))
    raise AssertionError(f"no sample of {block_type.__name__}: add one here")


BLOCK_TYPES = get_args(h.HandoutBlock)


def test_every_block_type_has_a_sample(bases):
    for block_type in BLOCK_TYPES:
        assert isinstance(sample(block_type, bases), block_type)


def with_block(base: h.HandoutLayout, block) -> h.HandoutLayout:
    """``base`` with only ``block`` in its body (a cover takes the cover's place)."""
    if isinstance(block, h.Cover):
        cover = replace(block, plan=base.cover.plan, contents=base.cover.contents)
        return replace(base, cover=cover, body=())
    return replace(base, body=(block,))


def pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    return " ".join(page.get_textpage().get_text_range() for page in pdf)


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("base", ["notes", "guide"])
@pytest.mark.parametrize("block_type", BLOCK_TYPES, ids=lambda t: t.__name__)
def test_the_pdf_renderer_draws_every_block(bases, base, block_type):
    block = sample(block_type, bases)
    data, problems = render_handout(with_block(bases[base], block), CREATED)
    assert problems == []
    assert f"Zebra{block_type.__name__}" in words(pdf_text(data))


@pytest.mark.parametrize("block_type", BLOCK_TYPES, ids=lambda t: t.__name__)
def test_the_web_renderer_draws_every_block(talk_deck, bases, block_type):
    talk, _deck = talk_deck
    block = sample(block_type, bases)
    web = web_handout(with_block(bases["notes"], block), talk.labels)
    page, problems = render_web(web)
    assert problems == []
    body = page.decode("utf-8").split("<body>", 1)[1]
    shown = f"Zebra{block_type.__name__}" in words(re.sub(r"<[^>]*>", " ", body))
    assert shown is (block_type not in PRINT_ONLY)


def test_a_paragraphs_style_is_the_designs_and_a_class_on_the_page(talk_deck, bases):
    """Running text is the page's own paragraph; any other style is its class."""
    talk, _deck = talk_deck
    notes = h.Paragraphs((h.sourced("Plain words"),), "notes")
    small = h.Paragraphs((h.sourced("Small words"), h.sourced("More")), "small")
    layout = replace(bases["notes"], body=(notes, small))
    page, _problems = render_web(web_handout(layout, talk.labels))
    assert "<p>Plain words</p>" in page.decode("utf-8")
    assert '<p class="small">Small words</p><p class="small">More</p>' in page.decode("utf-8")
    assert set(bases["notes"].design.handout.styles) >= {"notes", "small"}


def _block_renderers() -> list[Path]:
    render = Path(deckgen.__file__).parent / "render"
    return sorted([*(render / "html").glob("*.py"), *(render / "pdf" / "handout").glob("*.py")])


def test_no_block_renderer_knows_a_kind():
    """They read no frame's kind (its ``source`` names it) and compare nothing with a
    kind's name: a kind reaches them only as generic blocks."""
    names = {kind.name for kind in KINDS}
    found = []
    for path in _block_renderers():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("source", "kind_name"):
                found.append(f"{path.name}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.Compare | ast.MatchValue):
                constants = [n.value for n in ast.walk(node) if isinstance(n, ast.Constant)]
                found += [f"{path.name}:{node.lineno} {c!r}" for c in constants if c in names]
    assert len(_block_renderers()) > 5
    assert found == []


def test_the_back_matter_is_generic_blocks_with_the_designs_room_above(bases):
    """The guide ends with its materials as a heading and a bulleted list; the handout's
    references and closing note have the design's room above their headings."""
    gap = bases["notes"].design.handout.heading_gap
    heading, items = bases["guide"].body[-2:]
    assert isinstance(heading, h.Heading) and heading.key == "materials"
    assert heading.space_before == gap
    assert isinstance(items, h.ItemList) and items.key == "materials" and items.style == "notes"
    headings = {b.key: b for b in bases["notes"].body if isinstance(b, h.Heading)}
    assert headings["about"].space_before == gap
    (refs,) = [b for b in bases["notes"].body if isinstance(b, h.ReferenceList)]
    assert refs.heading.space_before == gap
