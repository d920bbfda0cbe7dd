"""LibreOffice's own Impress templates, converted to .pptx at test time (never committed:
some are CC BY-SA): each opens, cleans and saves as a deck PowerPoint accepts."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from deckgen.layout.frames import SlideLayout
from deckgen.template.layouts import choose_layouts
from deckgen.template.package import read_template

from ..conftest import check_pptx_strictly, lo_templates, soffice_pdf

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("corpus")
    return lo_templates(None, out, tmp_path_factory.mktemp("corpus-profile"))


def test_every_libreoffice_template_cleans_into_a_strictly_valid_package(corpus, tmp_path):
    for source in corpus:
        original = Presentation(str(source))
        size = (original.slide_width, original.slide_height)
        masters = len(original.slide_masters)
        assert len(original.slides) > 0  # every one ships sample slides
        template = read_template(source.name, source.parent, source.parent)
        said = " | ".join(d.message for d in template.repairs)
        assert "sample slide(s) removed" in said, source.name
        out = tmp_path / f"{source.stem}.pptx"
        template.prs.save(str(out))
        check_pptx_strictly(out)  # all 23 fail it as shipped (duplicate shape ids)
        with zipfile.ZipFile(out) as package:
            assert not [n for n in package.namelist() if n.startswith("ppt/slides/")], source
        cleaned = Presentation(str(out))
        assert (cleaned.slide_width, cleaned.slide_height) == size
        assert len(cleaned.slide_masters) == masters and len(cleaned.slides) == 0
        # a layout for every kind of slide, a content layout with a body ("Title Slide" is
        # typed tx and "Title, 6 Content" blank in these: names and structure decide)
        chosen, problems = choose_layouts(template.prs)
        assert problems == [], (source.name, [d.message for d in problems])
        body = [
            ph
            for ph in chosen[SlideLayout.CONTENT].layout.placeholders
            if ph.placeholder_format.type.name in ("BODY", "OBJECT")
        ]
        assert len(body) == 1, source.name


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory) -> dict:
    """The small talk built on every template (reproducibly): name -> (source, output
    folder, what the build printed, exit code)."""
    from ..conftest import SMALL, run_cli

    out = tmp_path_factory.mktemp("on-templates")
    found = {}
    for source in corpus:
        folder = out / source.stem
        args = ("build", str(SMALL), "-o", str(folder), "--template", str(source))
        result = run_cli(*args, env={"SOURCE_DATE_EPOCH": "1700000000"})
        found[source.stem] = (source, folder, result.output, result.exit_code)
    return found


def test_the_small_talk_builds_on_every_libreoffice_template(built):
    """Exit 0, the template's size and themes, every title in a title placeholder and
    every note kept, nothing of the sample slides, no text below 3:1; the deck passes the
    strict check (autouse)."""
    from ..facts import slide_titles

    for name, (source, out, output, code) in built.items():
        original = Presentation(str(source))
        assert code == 0, (name, output)
        # every colour the template gives text reads on what lies behind it, or was made to
        below_3 = re.findall(r"contrast of [0-2]\.\d:1", output)
        assert below_3 == [], (name, output)
        (deck,) = out.glob("*.pptx")
        prs = Presentation(str(deck))
        assert (prs.slide_width, prs.slide_height) == (
            original.slide_width,
            original.slide_height,
        )
        assert _theme_names(prs) == _theme_names(original), name  # its themes kept
        for slide in prs.slides:
            title = slide.shapes.title
            assert title is not None and title.text_frame.text.strip(), name
            assert slide.notes_slide.notes_text_frame.text.strip(), name
        sample_titles = {s.shapes.title.text_frame.text for s in original.slides if s.shapes.title}
        built_titles = {s.shapes.title.text_frame.text for s in prs.slides}
        assert not (sample_titles - {"", *slide_titles()}) & built_titles, name


def _theme_names(prs) -> list[str]:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    names = []
    for master in prs.slide_masters:
        root = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
        names.append(root.get("name"))
    return names


@pytest.mark.parametrize("name", ["Focus", "Vintage", "Midnightblue", "Candy"])
def test_a_build_on_a_template_is_byte_identical_when_repeated(built, tmp_path, name):
    from ..conftest import SMALL, run_cli

    source, first, _output, _code = built[name]
    again = tmp_path / "again"
    args = ("build", str(SMALL), "-o", str(again), "--template", str(source))
    assert run_cli(*args, env={"SOURCE_DATE_EPOCH": "1700000000"}).exit_code == 0
    assert {p.name: p.read_bytes() for p in first.iterdir()} == {
        p.name: p.read_bytes() for p in again.iterdir()
    }


def test_libreoffice_sets_every_word_inside_a_box_on_every_template(built, tmp_path):
    """Rendered by LibreOffice in each template's own fonts (DejaVu Sans, Noto Sans,
    Times New Roman's twin, Source Sans Pro's stand-in …), every word of the talk lands
    inside a box the layout made, or in one of the template's own text shapes."""
    from ..conftest import pdf_words

    decks = {
        name: next(out.glob("*.pptx")) for name, (_s, out, _o, code) in built.items() if code == 0
    }
    pdfs = tmp_path / "pdf"
    for name, deck in decks.items():  # distinct names for one conversion of them all
        pdfs.mkdir(exist_ok=True)
        (pdfs / f"{name}.pptx").write_bytes(deck.read_bytes())
    soffice_pdf(sorted(pdfs / f"{name}.pptx" for name in decks), pdfs, tmp_path / "profile")
    for name in decks:
        _every_word_in_a_box(
            name, built[name][0], pdfs / f"{name}.pptx", pdf_words(pdfs / f"{name}.pdf")
        )


def _every_word_in_a_box(name: str, source, deck, pages) -> None:
    from deckgen.build import BuildOptions, load, prepare

    from ..conftest import SMALL

    options = BuildOptions(SMALL, deck.parent, template=source)
    frames = prepare(load(options), None, {}, options).deck
    prs = Presentation(str(deck))
    emu = 12_700
    for frame, slide, (_w, _h, words) in zip(frames.slides, prs.slides, pages, strict=True):
        boxes = [
            (i.rect.x, i.rect.y, i.rect.right, i.rect.bottom)
            for i in frame.items
            if hasattr(i, "paragraphs") or hasattr(i, "cells")
        ]
        layout = slide.slide_layout
        for owner in (layout, layout.slide_master):  # the template's own text shapes
            for shape in owner.shapes:
                if not shape.is_placeholder and shape.has_text_frame and shape.width:
                    boxes.append(
                        (shape.left, shape.top, shape.left + shape.width, shape.top + shape.height)
                    )
        for x0, y0, x1, y1, text in words:
            slack = 0.25 * (y1 - y0) * emu
            inside = any(
                bx0 - 3 * emu <= x0 * emu
                and x1 * emu <= bx1 + 3 * emu
                and by0 - slack <= y0 * emu
                and y1 * emu <= by1 + slack
                for bx0, by0, bx1, by1 in boxes
            )
            assert inside, (name, frame.number, frame.title, text)
