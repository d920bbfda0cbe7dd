"""deckgen check: the accessibility report of a build, and build --strict failing on it."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from deckgen.check.pdf import pdf_findings
from deckgen.check.slides import deck_findings, pptx_findings, smallest_text
from deckgen.layout.frames import TextBox

from .conftest import SHIPPED, run_cli
from .facts import laid_out_slides
from .layout.support import deck_from, outline_text

DUPLICATES = """\
meta: {title: Twins}
sections:
  - title: One
    divider: false
    slides:
      - {kind: bullets, title: Same, bullets: [a]}
      - {kind: bullets, title: Same, bullets: [b]}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outline.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_talk_is_clean_and_the_report_gives_each_slides_smallest_text():
    result = run_cli("check", str(SHIPPED))
    assert result.exit_code == 0, result.output
    slides = laid_out_slides(SHIPPED)
    formats = "layout, pptx, handout, slides-pdf, guide"
    assert f"0 accessibility finding(s) in {slides} slides: {formats}" in result.stdout
    assert re.search(r"smallest text \(slide: pt\): 1: \d+, 2: \d+", result.stdout)
    report = json.loads(run_cli("check", str(SHIPPED), "--json").stdout)
    assert report["ok"] and report["findings"] == []
    assert len(report["slides"]) == slides and all(s["smallest_pt"] >= 18 for s in report["slides"])


def test_findings_name_their_slide_and_line_and_fail_check_and_strict(tmp_path):
    path = _write(tmp_path, DUPLICATES)
    result = run_cli("check", str(path))
    assert result.exit_code == 1
    assert (
        f"{path}:6:9: warning: slide 1 'Same': slides 1, 2 share the title 'Same'" in result.stdout
    )
    out = tmp_path / "out"
    assert run_cli("build", str(path), "-o", str(out)).exit_code == 0  # a warning-free build
    strict = run_cli("build", str(path), "-o", str(tmp_path / "strict"), "--strict")
    assert strict.exit_code == 1 and "share the title 'Same'" in strict.stderr
    assert not (tmp_path / "strict").exists()


def test_a_light_colour_is_a_finding_of_check(tmp_path):
    text = DUPLICATES.replace("title: Same, bullets: [b]", "title: Other, bullets: [b]")
    path = _write(tmp_path, text.replace("meta: {title: Twins}", "meta: {title: Twins}\n"
                  "theme: {colors: {text: '#C8C8C8'}}"))  # fmt: skip
    report = json.loads(run_cli("check", str(path), "--json").stdout)
    assert not report["ok"]
    assert any("contrast of 1.7:1" in f["message"] for f in report["findings"])


def test_the_quizzes_of_a_talk_take_numbered_titles_of_their_own():
    quiz = "- {kind: quiz, question: Q%d?, options: [a, b], answer: 1}\n"
    deck = deck_from(outline_text(quiz % 1 + quiz % 2))
    assert [f.title for f in deck.slides] == [
        "Check your understanding (1/2)",
        "Check your understanding (2/2)",
    ]
    assert [f.title for f in deck_from(outline_text(quiz % 1)).slides] == [
        "Check your understanding"
    ]
    assert deck_findings(deck) == []


def test_text_below_twelve_points_is_a_finding():
    deck = deck_from(outline_text("- {kind: bullets, title: T, bullets: [one]}\n"))
    frame = deck.slides[0]
    items = [
        replace(i, paragraphs=tuple(replace(p, size=10) for p in i.paragraphs))
        if isinstance(i, TextBox) and i.name.startswith("Body")
        else i
        for i in frame.items
    ]
    small = replace(deck, slides=(replace(frame, items=tuple(items)),))
    assert smallest_text(small)[0].smallest == 10
    (finding,) = deck_findings(small)
    assert "its smallest text is 10 pt, below 12 pt" in finding.message


def test_the_written_deck_is_read_as_powerpoints_checker_reads_it(tmp_path):
    out = tmp_path / "out"
    assert run_cli("build", str(SHIPPED), "-o", str(out), "--format", "pptx").exit_code == 0
    data = next(out.glob("*.pptx")).read_bytes()
    deck = _deck_of_shipped()
    assert pptx_findings(data, deck) == []
    # the decorative flags and the notes' language taken out of slide 2 and its notes
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            blob = source.read(item.filename)
            if item.filename in ("ppt/slides/slide2.xml", "ppt/notesSlides/notesSlide2.xml"):
                text = blob.decode()
                text = re.sub(r"<a:extLst><a:ext uri=\"\{C183D7F6.*?</a:extLst>", "", text)
                text = re.sub(r' lang="[^"]*"', "", text)
                blob = text.encode()
            target.writestr(item, blob)
    found = [d.message for d in pptx_findings(broken.getvalue(), deck)]
    assert any("slide 2 " in m and "not marked decorative" in m for m in found), found
    assert any("slide 2 " in m and "its notes have text without a language" in m for m in found)


def _deck_of_shipped():
    from deckgen.build import BuildOptions, load, prepare

    options = BuildOptions(SHIPPED, Path("."))
    return prepare(load(options), None, {}, options).deck


def test_an_untagged_pdf_is_found_wanting():
    buf = io.BytesIO()
    canvas = Canvas(buf)
    canvas.drawString(72, 720, "Untagged")
    canvas.showPage()
    canvas.save()
    found = [d.message for d in pdf_findings(buf.getvalue(), "plain.pdf")]
    assert "plain.pdf: no structure tree" in found and "plain.pdf: no MarkInfo" in found


def _tagged_pdf(draw) -> bytes:
    """A tagged PDF (deckgen's own tagging) with what ``draw`` puts on its page."""
    import datetime as dt

    from deckgen.render.pdf.tagging import tagging_canvas

    buf = io.BytesIO()
    canvas = tagging_canvas(Canvas)(buf)
    canvas.described = ("Title", "en", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    canvas.setTitle("Title")
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def test_a_link_without_its_words_and_tables_without_scoped_headers_are_found():
    from deckgen.render.pdf.tagging import tagged

    def draw(canvas):
        with tagged(canvas, (("P", None),)):  # the annotation alone gets a Link
            canvas.drawString(72, 720, "See the site")
            canvas.linkURL("https://example.org", (72, 715, 200, 730), relative=1)
        with tagged(canvas, (("Table", "t"), ("TR", 0), ("TD", 0))):
            canvas.drawString(72, 700, "data only")
        with tagged(canvas, (("Table", "u"), ("TR", 0), ("TH", 0))):
            canvas.drawString(72, 680, "a head without scope")

    found = [d.message for d in pdf_findings(_tagged_pdf(draw), "t.pdf")]
    assert "t.pdf: a link's text is not in its Link element (only its annotation is)" in found
    assert "t.pdf: a table has no header cells" in found
    assert "t.pdf: a table's header cell has no scope (Column or Row)" in found


def test_a_link_holding_its_words_and_scoped_headers_pass():
    from deckgen.render.pdf.tagging import link_text, tagged

    def draw(canvas):
        with tagged(canvas, (("P", None),)):
            canvas.drawString(72, 720, "See ")
            with link_text(canvas, "the site") as annotate:
                canvas.drawString(100, 720, "the site")
                assert annotate
                canvas.linkURL("https://example.org", (100, 715, 200, 730), relative=1)
        head = ("TH", 0, {"Scope": "Column"})
        with tagged(canvas, (("Table", "t"), ("TR", 0), head)):
            canvas.drawString(72, 700, "head")

    found = [d.message for d in pdf_findings(_tagged_pdf(draw), "t.pdf")]
    assert not [m for m in found if "link" in m or "table" in m], found
