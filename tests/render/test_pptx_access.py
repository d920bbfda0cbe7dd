"""The deck, read back as PowerPoint's Accessibility Checker reads it: every shape with
alt text or marked decorative, the title read first, a language on every run (notes
too), table headers marked, links that say where they go."""

from __future__ import annotations

import re

import pytest

from deckgen.render.pptx.xmlns import ADEC, DECORATIVE_EXT

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
SHAPES = (P + "sp", P + "pic", P + "graphicFrame", P + "grpSp", P + "cxnSp")
URL = re.compile(r"^(https?://|mailto:|www\.)", re.I)


def decorative(element) -> bool:
    props = element.find(f".//{P}cNvPr")
    ext = props.find(f"{A}extLst/{A}ext[@uri='{DECORATIVE_EXT}']")
    return ext is not None and ext.find(ADEC + "decorative").get("val") == "1"


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(A + "t"))


def shapes(slide):
    return [el for el in slide._element.cSld.spTree if el.tag in SHAPES]


def is_title(element) -> bool:
    ph = element.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    return ph is not None and ph.get("type") in ("title", "ctrTitle")


@pytest.fixture(scope="module", params=["shipped_deck", "small_deck"])
def deck(request):
    return request.getfixturevalue(request.param)


def test_every_shape_has_alt_text_or_is_decorative_never_both(deck):
    missing = []
    for number, slide in enumerate(deck.slides, 1):
        for element in shapes(slide):
            props = element.find(f".//{P}cNvPr")
            alt, flagged = props.get("descr", ""), decorative(element)
            assert not (alt and flagged), (number, props.get("name"))
            if element.tag == P + "sp" and text_of(element).strip():
                continue  # text speaks for itself
            if not (alt.strip() or flagged):
                missing.append((number, props.get("name")))
    assert missing == []


def test_every_drawn_shape_without_text_is_decorative(shipped_deck):
    """Rules, bars, discs and panels: 34 in the shipped deck when this was audited, on
    its slides and (rules its slides share) on their layouts."""
    owners = list(shipped_deck.slides)
    owners += list({id(s.slide_layout): s.slide_layout for s in shipped_deck.slides}.values())
    found = [
        el
        for owner in owners
        for el in shapes(owner)
        if el.tag == P + "sp" and not text_of(el).strip()
    ]
    assert len(found) >= 30 and all(decorative(el) for el in found)


def test_the_title_is_read_first(deck):
    for number, slide in enumerate(deck.slides, 1):
        read = [el for el in shapes(slide) if not decorative(el)]
        titles = [el for el in read if is_title(el)]
        if titles:
            assert read[0] is titles[0], (
                number,
                [el.find(f".//{P}cNvPr").get("name") for el in read],
            )


def test_a_dividers_number_comes_after_its_title(shipped_deck):
    dividers = [s for s in shipped_deck.slides if s.slide_layout.name == "Divider"]
    assert len(dividers) == 5
    for slide in dividers:
        names = [el.find(f".//{P}cNvPr").get("name") for el in shapes(slide)]
        assert names.index("Section number") > [is_title(el) for el in shapes(slide)].index(True)


def test_every_run_has_the_talks_language_notes_included(deck):
    language = deck.core_properties.language
    assert language
    for number, slide in enumerate(deck.slides, 1):
        parts = [slide._element]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide._element)
        for part in parts:
            for run in part.iter(A + "r", A + "fld"):
                props = run.find(A + "rPr")
                assert props is not None and props.get("lang") == language, (number, text_of(run))


def test_the_tables_have_a_header_row_and_alt_text(shipped_deck):
    frames = [
        el
        for slide in shipped_deck.slides
        for el in shapes(slide)
        if el.tag == P + "graphicFrame" and el.find(f".//{A}tbl") is not None
    ]
    assert frames
    for frame in frames:
        assert frame.find(f".//{A}tblPr").get("firstRow") == "1"
        assert frame.find(f".//{P}cNvPr").get("descr")


def test_no_link_reads_as_a_bare_address(deck):
    for number, slide in enumerate(deck.slides, 1):
        for run in slide._element.iter(A + "r"):
            props = run.find(A + "rPr")
            if props is not None and props.find(A + "hlinkClick") is not None:
                assert not URL.match(text_of(run).strip()), (number, text_of(run))
