"""The handout and the slides PDF, re-opened with pypdf, pdftotext, pdffonts and qpdf."""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from ..conftest import EVERY_FORMAT, ROOT, SMALL, laid_out_slides, number_of, run_cli, titles

# skipped without poppler, failed under CI (see conftest)
needs_poppler = pytest.mark.tools("pdftotext")

# the small fixture talk's sections (level 0 bookmarks) and its divider and listing slides
SECTIONS = ["Opening", "Locks", "Ladders", "Side by side", "End"]
DIVIDERS = {"Locks", "Ladders", "Side by side"}
LISTINGS = {"Glossary", "References"}


def build(tmp_path: Path, *args: str, outline: Path = SMALL, env=None) -> dict[str, Path]:
    result = run_cli("build", str(outline), "-o", str(tmp_path), *args, env=env)
    assert result.exit_code == 0, result.output
    return {
        p.name.rsplit("-", 1)[-1] if p.suffix == ".pdf" else "pptx": p for p in tmp_path.iterdir()
    }


def pdftotext(path: Path, *args: str, layout: bool = True) -> str:
    mode = ["-layout"] if layout else []
    return subprocess.run(
        ["pdftotext", *mode, *args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def page_texts(path: Path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def outline_titles(reader: PdfReader) -> list[tuple[int, str]]:
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title))

    walk(reader.outline, 0)
    return out


@pytest.fixture(scope="module")
def notes_handout(tmp_path_factory):
    out = tmp_path_factory.mktemp("handout")
    return build(out, "--format", "handout")["handout.pdf"]


@needs_poppler
def test_notes_handout_document(notes_handout, small_deck):
    reader = PdfReader(str(notes_handout))
    texts = page_texts(notes_handout)
    assert "Locks and Ladders" in texts[0] and re.search(r"Presenter\s+Pat Example", texts[0])
    assert "Contents" in texts[0]  # the contents are on the cover
    # contents with page numbers that lead to the right page
    contents = pdftotext(notes_handout, "-f", "1", "-l", "1")
    for heading, found_there in (
        ("Glossary", "Tension wrench — The tool that turns"),
        ("References", "[1] The Fixture Dictionary"),
        ("Ladders", f"{number_of(small_deck, 'Ladder rules')}. Ladder rules"),
    ):
        match = re.search(heading + r"[ .]*(\d+)", contents)
        assert match, contents
        assert found_there in texts[int(match.group(1)) - 1], heading
    # every page but the cover says "page X of Y"
    n = len(reader.pages)
    assert n > 2
    for i, text in enumerate(texts[1:], 2):
        assert f"page {i} of {n}" in text
    body = re.sub(r"\s+", " ", "\n".join(texts))  # lines wrapped in the PDF, joined
    # notes beside the slides (reflowed), the comparison table, glossary, disclosure
    assert "We start with locks. A lock keeps a door shut until the right key turns it" in body
    assert "The table puts the two side by side, row by row." in body
    assert "Main risk" in body and "A fall from the top rung" in body
    table_slide = number_of(small_deck, "Locks vs. ladders")
    assert f"The comparison from slide {table_slide}, at reading size." in body
    assert "Pin tumbler — A lock whose pins must line up" in body
    assert "Fixture disclosure: this talk was written by hand for the test suite." in body
    # references say which slide quotes them; a quote without a reference gets one
    lock = number_of(small_deck, "What is a lock?")
    ladder = number_of(small_deck, "What is a ladder?")
    assert (
        "[1] The Fixture Dictionary. Fixture Press, 2030. "
        f"https://example.org/fixture-dictionary. Quoted on slide {lock}." in body
    )
    assert "[2] Ladder safety for everyone. A. Climber" in body
    assert f"[3] A carpenter. Quoted on slide {ladder}." in body


def test_the_shipped_handout_cites_both_definitions(shipped_build, shipped_deck):
    """The shipped talk quotes one source on two slides: the reference names both."""
    handout = shipped_build[1].with_name("ai-security-vs-ai-safety-handout.pdf")
    body = re.sub(r"\s+", " ", "\n".join(page_texts(handout)))
    security = number_of(shipped_deck, "What is AI security?")
    safety = number_of(shipped_deck, "What is AI safety?")
    assert f"Quoted on slides {security} and {safety}." in body
    assert "NIST" in body and "Data poisoning" in body


def test_bookmarks_for_every_section_and_slide(notes_handout, small_deck):
    reader = PdfReader(str(notes_handout))
    marks = outline_titles(reader)
    headings = [t for level, t in marks if level == 0 and not re.match(r"\d+\. ", t)]
    slides = [t for _level, t in marks if re.match(r"\d+\. ", t)]
    # a heading for each section the deck opens with a divider, as the deck's agenda lists
    # them; the slides before the first one are bookmarks of their own
    assert headings == [
        *[s for s in SECTIONS if s in DIVIDERS],
        "Locks vs. ladders",
        "Glossary",
        "References",
        "About this handout",
    ]
    assert all(level == 0 for level, t in marks[: SECTIONS.index("Locks")] if t in slides)
    # every slide has its bookmark, numbered as in the deck, but section dividers and the
    # glossary and references slides: the notes handout gives those as headings and text
    assert slides == [
        f"{n}. {title}"
        for n, title in enumerate(titles(small_deck), 1)
        if title not in DIVIDERS | LISTINGS
    ]
    # each leads to the page with that slide's caption
    texts = page_texts(notes_handout)

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            elif re.match(r"\d+\. ", item.title):
                page = reader.get_destination_page_number(item)
                assert item.title in texts[page], (item.title, page)

    walk(reader.outline)


def test_metadata_and_paper(notes_handout, tmp_path):
    reader = PdfReader(str(notes_handout))
    info = reader.metadata
    assert info.title == "Locks and Ladders"
    assert info.author == "Pat Example"
    assert "A small talk that uses every slide kind" in info.subject
    assert info["/Keywords"] == "fixture talk, locks, ladders"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    letter = build(tmp_path, "--format", "handout", "--paper", "letter")["handout.pdf"]
    box = PdfReader(str(letter)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


@pytest.mark.tools("pdffonts", "qpdf")
def test_fonts_are_embedded_and_the_file_is_sound(notes_handout):
    fonts = subprocess.run(
        ["pdffonts", str(notes_handout)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), fonts
    assert all("LiberationSans" in line for line in fonts)
    subprocess.run(["qpdf", "--check", str(notes_handout)], check=True, capture_output=True)


@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 6, 9])
def test_grid_layouts_put_n_slides_on_a_page(tmp_path, per_page):
    files = build(
        tmp_path,
        *EVERY_FORMAT,
        "--per-page",
        str(per_page),
    )
    pdf = files["handout.pdf"]
    texts = page_texts(pdf)
    slides = len(PdfReader(str(files["slides.pdf"])).pages)
    assert slides == len(Presentation(str(files["pptx"])).slides) == laid_out_slides()
    pages_with_slides = []
    for i, text in enumerate(texts):
        numbers = {int(n) for n in re.findall(r"^(\d+)\. ", text, re.M) if 0 < int(n) <= slides}
        if numbers and i > 0:
            pages_with_slides.append(numbers)
    assert len(pages_with_slides) == math.ceil(slides / per_page)
    assert all(len(p) <= per_page for p in pages_with_slides)
    assert set().union(*pages_with_slides) == set(range(1, slides + 1))
    # bookmarks still lead to every slide
    levels = outline_titles(PdfReader(str(pdf)))
    assert sum(1 for _level, t in levels if re.match(r"\d+\. ", t)) == slides
    assert [t for level, t in levels if level == 0 and not re.match(r"\d+\. ", t)] == [
        s for s in SECTIONS if s in DIVIDERS
    ] + ["Locks vs. ladders", "Glossary", "References", "About this handout"]


def test_lines_add_ruled_lines(tmp_path):
    plain = build(tmp_path / "a", "--format", "handout", "--per-page", "4")["handout.pdf"]
    lined = build(tmp_path / "b", "--format", "handout", "--per-page", "4", "--lines")[
        "handout.pdf"
    ]

    def strokes(path):
        reader = PdfReader(str(path))
        return sum(
            p.get_contents().get_data().count(b" l S") + p.get_contents().get_data().count(b" l\nS")
            for p in reader.pages
        )

    assert strokes(lined) > strokes(plain) + 20


def hostile_outline(tmp_path: Path) -> Path:
    text = """\
meta:
  title: "Markup <b>& friends</b>"
  disclosure: "Made by AT&T <a href=javascript:alert(1)>click</a>"
sections:
  - title: "Ελληνικά и кириллица"
    slides:
      - kind: bullets
        title: "a<b & c>d"
        bullets: ["<img src=/etc/passwd>", "<font color=red>red</font>"]
        notes: |
          Notes with <img src="/etc/hostname"/> and <a href="javascript:alert(1)">a link</a>,
          AT&T, a<b, Ünïcödé façade, Ελληνικά, Кириллица.
      - kind: glossary
glossary:
  - {term: "<font size=40>Big</font>", definition: "x < y & z > w"}
"""
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@needs_poppler
def test_outline_text_is_text_never_markup(tmp_path):
    outline = hostile_outline(tmp_path)
    pdf = build(tmp_path / "out", "--format", "handout", outline=outline)["handout.pdf"]
    text = pdftotext(pdf, layout=False)
    flat = re.sub(r"\s+", " ", text)
    for literal in (
        "<img src=/etc/passwd>",
        "<font color=red>red</font>",
        "a<b & c>d",
        '<img src="/etc/hostname"/>',
        '<a href="javascript:alert(1)">a link</a>',
        "AT&T",
        "<font size=40>Big</font>",
        "x < y & z > w",
        "Ünïcödé façade",
        "Ελληνικά",
        "Кириллица",
        "Markup <b>& friends</b>",
    ):
        assert literal in flat, literal
    reader = PdfReader(str(pdf))
    for page in reader.pages:  # no live link was made from outline text
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            assert "javascript" not in str(action.get("/URI", "")).lower()
    # no image was made from the outline's <img> markup: the outline has none, so the
    # handout has no image at all (a loaded /etc/passwd would be one)
    assert [len(page.images) for page in reader.pages] == [0] * len(reader.pages)


def test_a_character_no_font_has_is_a_warning_with_its_line(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text(
        "meta: {title: T}\nsections:\n  - title: S\n    slides:\n      - kind: bullets\n"
        '        title: Music\n        bullets: [x]\n        notes: "A clef \\U0001D11E here"\n',
        encoding="utf-8",
    )
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "handout")
    assert result.exit_code == 0
    assert "U+1D11E" in result.stderr and f"{outline}:5:" in result.stderr
    strict = run_cli(
        "build", str(outline), "-o", str(tmp_path / "s"), "--format", "handout", "--strict"
    )
    assert strict.exit_code == 1


def test_slides_pdf_is_the_deck_at_full_size(tmp_path):
    pdf = build(tmp_path, "--format", "slides-pdf")["slides.pdf"]
    reader = PdfReader(str(pdf))
    deck = Presentation(str(build(tmp_path / "deck", "--format", "pptx")["pptx"]))
    assert len(reader.pages) == len(deck.slides) == laid_out_slides()
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (960, 540)
    # one bookmark a slide, "N. Title", leading to that slide's page
    n = number_of(deck, "What is a lock?")
    assert [t for _level, t in outline_titles(reader)] == [
        f"{i}. {title}" for i, title in enumerate(titles(deck), 1)
    ]
    (mark,) = [m for m in reader.outline if m.title == f"{n}. What is a lock?"]
    page = reader.pages[reader.get_destination_page_number(mark)].extract_text()
    assert "What is a lock?" in page
    assert "A lock is a device that keeps a" in page


def test_pdfs_are_reproducible_with_source_date_epoch(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    a = build(tmp_path / "a", "--format", "handout", "--format", "slides-pdf", env=env)
    b = build(tmp_path / "b", "--format", "handout", "--format", "slides-pdf", env=env)
    for key in ("handout.pdf", "slides.pdf"):
        assert a[key].read_bytes() == b[key].read_bytes()
    assert "2023" in PdfReader(str(a["handout.pdf"])).metadata["/CreationDate"]


def test_a_failed_handout_publishes_no_deck(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def boom(*args, **kwargs):
        raise RuntimeError("handout renderer exploded")

    import deckgen.render.pdf.handout as handout

    monkeypatch.setattr(handout, "render_handout", boom)
    result = run_cli("build", str(SMALL), "-o", str(out), "--set", "presenter=Someone Else")
    assert result.exit_code == 1
    assert "internal error" in result.stderr and "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_handout_renders_the_same_frames_as_the_deck(tmp_path):
    """The thumbnails come from the layout frames: their text is the deck's text."""
    files = build(tmp_path, "--format", "pptx", "--format", "slides-pdf")
    deck = Presentation(str(files["pptx"]))
    reader = PdfReader(str(files["slides.pdf"]))
    for slide, page in zip(deck.slides, reader.pages, strict=True):
        page_text = re.sub(r"\s+|•|–", "", page.extract_text())  # bullets are drawn glyphs
        for shape in slide.shapes:
            if shape.has_text_frame:
                text = re.sub(r"\s+|\u200b", "", shape.text_frame.text)  # (LibreOffice's fix)
                assert text in page_text, (slide.shapes.title.text, shape.name)


def test_root_readme_mentions_the_handout():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--per-page" in readme and "handout" in readme


def test_a_character_no_font_has_in_the_title_is_reported_at_the_meta_line(tmp_path):
    """The warning used to come without a position when the character was in meta.title."""
    outline = tmp_path / "talk.yaml"
    outline.write_text(
        'meta: {title: "Talk \\u0915"}\nsections:\n  - title: S\n    slides:\n'
        "      - {kind: bullets, title: B, bullets: [x]}\n",
        encoding="utf-8",
    )
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "handout")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "U+0915" in line]
    assert warnings and all(line.startswith(f"{outline}:1:") for line in warnings), warnings


def test_the_handouts_last_pass_draws_even_after_a_build_left_measuring_on(tmp_path):
    """multiBuild's first pass only measures and draws nothing; whatever a failed build
    left behind, the pages written are drawn, and the flag is off afterwards."""
    from deckgen.render.pdf.handout.flowables import LayoutPass

    from ..conftest import SMALL, pdf_words, run_cli

    LayoutPass.measuring = True  # as a build that failed in its first pass would leave it
    result = run_cli("build", str(SMALL), "-o", str(tmp_path), "--format", "handout")
    assert result.exit_code == 0, result.output
    assert LayoutPass.measuring is False
    (pdf,) = tmp_path.glob("*-handout.pdf")
    words = " ".join(w[4] for _w, _h, page in pdf_words(pdf) for w in page)
    assert "Locks and Ladders" in words and "What is a lock?" in words
