"""The handout and the slides PDF, re-opened with pypdf, pdftotext, pdffonts and qpdf."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from ..conftest import ROOT, SHIPPED, run_cli

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def build(tmp_path: Path, *args: str, outline: Path = SHIPPED, env=None) -> dict[str, Path]:
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
def test_notes_handout_document(notes_handout):
    reader = PdfReader(str(notes_handout))
    texts = page_texts(notes_handout)
    assert "AI Security vs. AI Safety" in texts[0] and "Presenter" in texts[0]
    assert "Contents" in texts[0]  # the contents are on the cover
    # contents with page numbers that lead to the right page
    contents = pdftotext(notes_handout, "-f", "1", "-l", "1")
    match = re.search(r"Glossary[ .]*(\d+)", contents)
    assert match, contents
    assert "Data poisoning" in texts[int(match.group(1)) - 1]
    # every page but the cover says "page X of Y"
    n = len(reader.pages)
    for i, text in enumerate(texts[1:], 2):
        assert f"page {i} of {n}" in text
    body = "\n".join(texts)
    # notes beside the slides, the comparison table, glossary, references, disclosure
    assert "Let’s start with security" in body or "start with security" in body
    assert "Source of Threat" in body and "Deliberate, malicious external attacks" in body
    assert "Data poisoning" in body and "Glossary" in body
    assert "NIST" in body and re.search(r"Quoted on slide 7, 1\d\.", body)
    assert "This educational content was created with the assistance of AI tools" in body


def test_bookmarks_for_every_section_and_slide(notes_handout):
    reader = PdfReader(str(notes_handout))
    titles = outline_titles(reader)
    sections = [t for level, t in titles if level == 0]
    slides = [t for level, t in titles if level == 1]
    for name in ("Welcome", "AI Security", "AI Safety", "Conclusion", "Glossary", "References"):
        assert name in sections
    assert "7. What is AI security?" in slides
    assert "8. Locks, alarms and guards" in slides
    # section dividers are headings in the notes handout, not thumbnails
    assert not any(t.startswith("3. Two sides") for t in slides)


def test_metadata_and_paper(notes_handout, tmp_path):
    reader = PdfReader(str(notes_handout))
    info = reader.metadata
    assert info.title == "AI Security vs. AI Safety"
    assert info.author == "Your Name"
    assert "responsible AI" in info.subject
    assert "prompt injection" in info["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    letter = build(tmp_path, "--format", "handout", "--paper", "letter")["handout.pdf"]
    box = PdfReader(str(letter)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


@pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("qpdf") is None,
    reason="needs poppler and qpdf",
)
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
        tmp_path, "--format", "handout", "--format", "slides-pdf", "--per-page", str(per_page)
    )
    pdf = files["handout.pdf"]
    texts = page_texts(pdf)
    slides = len(PdfReader(str(files["slides.pdf"])).pages)
    assert slides > 20
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
    assert sum(1 for level, _ in levels if level == 1) == slides


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
    for page in reader.pages:
        assert "/XObject" not in (page.get("/Resources") or {}) or all(
            "/etc" not in str(x) for x in page["/Resources"]["/XObject"].values()
        )


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
    assert len(reader.pages) == len(deck.slides) > 20
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (960, 540)
    assert "What is AI security?" in reader.pages[6].extract_text()
    assert "[AI security] primarily revolves around" in reader.pages[6].extract_text()
    assert len(outline_titles(reader)) == len(deck.slides)


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
    result = run_cli("build", str(SHIPPED), "-o", str(out), "--set", "presenter=Someone Else")
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
                text = re.sub(r"\s+", "", shape.text_frame.text)
                assert text in page_text, (slide.shapes.title.text, shape.name)


def test_root_readme_mentions_the_handout():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--per-page" in readme and "handout" in readme
