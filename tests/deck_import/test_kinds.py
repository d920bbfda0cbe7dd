"""Each kind read from a slide made the way people make it, and what an outline cannot
hold said with its slide number."""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from deckgen.deck_import.read import read_deck

from .roundtrip import load


def _deck(tmp_path: Path, slides, name="deck.pptx", prepare=None) -> Path:
    """A deck of title-and-content slides: (title, [lines or (line, level)], notes)."""
    prs = Presentation()
    for title, lines, notes in slides:
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        for i, line in enumerate(lines):
            text, level = line if isinstance(line, tuple) else (line, 0)
            para = body.paragraphs[0] if i == 0 else body.add_paragraph()
            para.text = text
            para.level = level
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    if prepare:
        prepare(prs)
    path = tmp_path / name
    prs.save(path)
    return path


def _slides(deck) -> list[dict]:
    return [slide for section in deck.outline["sections"] for slide in section["slides"]]


def _said(deck, slide: int, words: str) -> bool:
    return any(w.slide == slide and words in w.message for w in deck.warnings)


def test_a_quiz_needs_lettered_options_and_a_shown_answer(tmp_path):
    options = ["Which is phishing?", "A) A real invoice", "B) A fake login page", "C) A memo"]
    deck = read_deck(
        _deck(
            tmp_path,
            [
                ("Quiz time", options, "Answer: B. It asks for your password.\nWait for hands."),
                ("Quiz again", options, "Ask the room."),
            ],
        )
    )
    quiz, unanswered = _slides(deck)
    assert quiz == {
        "kind": "quiz",
        "title": "Quiz time",
        "question": "Which is phishing?",
        "options": ["A real invoice", "A fake login page", "A memo"],
        "answer": 2,
        "explanation": "It asks for your password.",
        "notes": "Wait for hands.",
    }
    assert unanswered["kind"] == "bullets"
    assert _said(deck, 2, "no answer the deck shows")
    load(deck, tmp_path / "out")


def test_glossary_references_takeaways_and_closing_by_their_titles(tmp_path):
    deck = read_deck(
        _deck(
            tmp_path,
            [
                ("Phishing", ["Mail that pretends"], None),
                (
                    "Key terms",
                    ["Phishing: mail that pretends", "Vishing — the same by phone"],
                    None,
                ),
                (
                    "Sources",
                    ["[1] NCSC guide. https://www.ncsc.gov.uk/phishing", "Verizon DBIR 2024"],
                    None,
                ),
                ("Key takeaways", ["Hover first", "Report it"], None),
                ("Questions?", ["mail me at a@b.org"], "Thank them."),
            ],
        )
    )
    kinds = [slide["kind"] for slide in _slides(deck)]
    assert kinds == ["bullets", "glossary", "references", "takeaways", "closing"]
    assert deck.outline["glossary"] == [
        {"term": "Phishing", "definition": "mail that pretends"},
        {"term": "Vishing", "definition": "the same by phone"},
    ]
    assert deck.outline["references"] == [
        {"id": "ncsc-guide", "title": "NCSC guide", "url": "https://www.ncsc.gov.uk/phishing"},
        {"id": "verizon-dbir-2024", "title": "Verizon DBIR 2024"},
    ]
    assert _slides(deck)[3]["points"] == [{"text": "Hover first"}, {"text": "Report it"}]
    assert _slides(deck)[4]["message"] == "mail me at a@b.org"
    load(deck, tmp_path / "out")


def test_levels_below_the_second_are_flattened_and_said(tmp_path):
    lines = ["Top", ("Second", 1), ("Third", 2), ("Fourth", 3), "Next"]
    deck = read_deck(_deck(tmp_path, [("Levels", lines, None)]))
    (slide,) = _slides(deck)
    assert slide["bullets"] == [{"text": "Top", "sub": ["Second", "Third", "Fourth"]}, "Next"]
    assert _said(deck, 1, "2 bullet(s) below the second level")


def test_more_than_eight_columns_split_and_merged_cells_spread(tmp_path):
    def prepare(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = "Wide"
        table = slide.shapes.add_table(3, 10, Inches(0.5), Inches(2), Inches(9), Inches(2)).table
        for c in range(10):
            table.cell(0, c).text = f"H{c}"
            table.cell(1, c).text = f"a{c}"
            table.cell(2, c).text = f"b{c}"
        table.cell(1, 1).merge(table.cell(1, 2))
        table.cell(1, 1).text = "merged"

    deck = read_deck(_deck(tmp_path, [], prepare=prepare))
    first, second = _slides(deck)
    assert first["columns"] == [f"H{c}" for c in range(8)]
    assert first["rows"][0][:3] == ["a0", "merged", "merged"]
    assert second["title"] == "Wide (cont.)"
    assert second["columns"] == ["H0", "H8", "H9"]
    assert _said(deck, 1, "10 columns, over the limit of 8")
    assert _said(deck, 1, "merged cell")
    load(deck, tmp_path / "out")


def test_a_monospace_body_is_code_and_a_quote_without_a_term_is_said(tmp_path):
    def prepare(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = "In practice"
        box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(8), Inches(2)).text_frame
        for i, line in enumerate(["def admit(user):", "    return user.ok"]):
            para = box.paragraphs[0] if i == 0 else box.add_paragraph()
            run = para.add_run()
            run.text = line
            run.font.name = "Consolas"
        quote = prs.slides.add_slide(prs.slide_layouts[1])
        quote.shapes.title.text = "Wise words"
        body = quote.placeholders[1].text_frame
        body.text = "“Trust, but verify.”"
        body.add_paragraph().text = "— Proverb"

    deck = read_deck(_deck(tmp_path, [], prepare=prepare))
    code, definition = _slides(deck)
    assert code == {
        "kind": "code",
        "title": "In practice",
        "code": "def admit(user):\n    return user.ok",
    }
    assert definition["quote"] == "Trust, but verify."
    assert definition["attribution"] == "Proverb"
    assert definition["term"] == "Wise words"
    assert _said(deck, 2, "a quote without a term")


def test_what_an_outline_cannot_hold_is_said_with_its_slide(tmp_path):
    def prepare(prs):
        slide = prs.slides[0]
        slide._element.append(
            etree.fromstring(
                '<p:timing xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
                '<p:tnLst><p:par><p:cTn id="1"><p:childTnLst><p:set><p:cBhvr><p:cTn id="2"/>'
                '<p:tgtEl><p:spTgt spid="2"/></p:tgtEl></p:cBhvr></p:set></p:childTnLst>'
                "</p:cTn></p:par></p:tnLst></p:timing>"
            )
        )

    deck = read_deck(_deck(tmp_path, [("Animated", ["moves"], None)], prepare=prepare))
    assert _said(deck, 1, "left out: animations")


def test_pictures_other_formats_become_png_and_pictures_over_the_limits_are_left_out(tmp_path):
    def prepare(prs):
        for kind, size in (("GIF", (40, 30)), ("PNG", (8000, 6000))):
            slide = prs.slides.add_slide(prs.slide_layouts[5])
            slide.shapes.title.text = f"A {kind}"
            out = io.BytesIO()
            Image.new("1" if kind == "PNG" else "P", size).save(out, kind)
            picture = slide.shapes.add_picture(io.BytesIO(out.getvalue()), Inches(1), Inches(2))
            picture._element.nvPicPr.cNvPr.set("descr", f"{kind} picture")

    deck = read_deck(_deck(tmp_path, [], prepare=prepare))
    assert [asset.name for asset in deck.assets] == ["gif-picture.png"]
    assert deck.assets[0].data.startswith(b"\x89PNG")
    assert _said(deck, 2, "megapixels")


def test_the_title_falls_back_to_the_file_name_with_a_warning(tmp_path):
    deck = read_deck(_deck(tmp_path, [("Only", ["one"], None)], name="my-deck.pptx"))
    assert deck.outline["meta"]["title"] in ("my-deck", "PowerPoint Presentation")
    assert any(w.slide is None and "title taken from" in w.message for w in deck.warnings)


def test_a_potx_reads_as_a_deck(tmp_path):
    from deckgen.template.package import as_potx

    source = _deck(tmp_path, [("From a template", ["point"], None)])
    potx = tmp_path / "deck.potx"
    potx.write_bytes(as_potx(source.read_bytes()))
    deck = read_deck(potx)
    assert _slides(deck)[0]["title"] == "From a template"


def test_without_libreoffice_emf_pictures_are_left_out_and_said(monkeypatch):
    from deckgen.deck_import import pictures

    monkeypatch.setattr(pictures.shutil, "which", lambda name: None)
    converted, problem = pictures.convert_vector({"key": (b"\x01\x00\x00\x00", "emf")})
    assert converted == {} and "not installed" in problem
    store = pictures.PictureStore(converted)
    path, why = store.take(b"\x01\x00\x00\x00", "emf", "A drawing", 3)
    assert path is None and "EMF" in why


def test_a_video_is_said_and_never_inflated(tmp_path):
    def prepare(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = "Watch"
        slide.shapes.add_movie(
            io.BytesIO(b"\0\0\0\x18ftypmp42" + b"\0" * 4000),
            Inches(1), Inches(2), Inches(4), Inches(3),
            poster_frame_image=io.BytesIO(_poster()), mime_type="video/mp4",
        )  # fmt: skip

    deck = read_deck(_deck(tmp_path, [], prepare=prepare))
    assert any(w.slide == 1 and "a video" in w.message for w in deck.warnings)
    assert deck.assets == []  # its poster frame is not the video


def _poster() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "blue").save(out, "PNG")
    return out.getvalue()


def test_an_agenda_is_kept_as_made_from_the_sections_only_when_its_lines_are_them(tmp_path):
    def prepare(prs):
        for title in ("Spotting it", "Reporting it"):
            header = prs.slides.add_slide(prs.slide_layouts[2])  # Section Header
            header.shapes.title.text = title
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            slide.shapes.title.text = f"About {title.lower()}"
            slide.placeholders[1].text = "A point"

    matching = read_deck(
        _deck(
            tmp_path, [("Agenda", ["1. Spotting it", "2. Reporting it"], None)], "a.pptx", prepare
        )
    )
    assert _slides(matching)[0] == {"kind": "agenda", "title": "Agenda"}
    other = read_deck(
        _deck(tmp_path, [("Agenda", ["Coffee first", "Then the demo"], None)], "b.pptx", prepare)
    )
    assert _slides(other)[0]["bullets"] == ["Coffee first", "Then the demo"]
    assert _said(other, 1, "kept as bullets")
    sections = [(s["title"], s["divider"]) for s in other.outline["sections"]]
    assert sections == [("Introduction", False), ("Spotting it", True), ("Reporting it", True)]


def test_a_small_picture_shown_once_is_kept_and_a_logo_on_every_slide_is_left_out(tmp_path):
    """A small picture (under a quarter of the slide wide) is content when the deck
    shows it once: it comes in, a picture slide after the table it stood beside. The same
    small picture on every slide (three or more) is the deck's logo: left out, said."""

    def png(color) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (60, 40), color).save(out, "PNG")
        return out.getvalue()

    logo, sketch = png((200, 30, 30)), png((30, 30, 200))

    def prepare(prs):
        for number, slide in enumerate(prs.slides):
            slide.shapes.add_picture(io.BytesIO(logo), Inches(8.5), Inches(0.2), Inches(1))
            if number == 1:
                table = slide.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(4), Inches(1))
                for row, cells in enumerate((("Name", "Value"), ("Width", "10"))):
                    for column, text in enumerate(cells):
                        table.table.cell(row, column).text = text
                small = slide.shapes.add_picture(
                    io.BytesIO(sketch), Inches(6), Inches(3), Inches(1.5)
                )
                small._element.nvPicPr.cNvPr.set("descr", "A sketch")

    slides = [("One", ["a point"], None), ("Two", [], None), ("Three", ["another"], None)]
    deck = read_deck(_deck(tmp_path, slides, prepare=prepare))
    assert [asset.name for asset in deck.assets] == ["a-sketch.png"]
    kinds = [slide["kind"] for slide in _slides(deck)]
    assert "picture" in kinds
    assert all(_said(deck, number, "shown on several slides") for number in (1, 2, 3))


def test_a_picture_shown_twice_on_one_slide_comes_in_once(tmp_path):
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (90, 120, 40)).save(out, "PNG")

    def prepare(prs):
        slide = prs.slides[0]
        for left in (Inches(1), Inches(5)):
            picture = slide.shapes.add_picture(
                io.BytesIO(out.getvalue()), left, Inches(3), Inches(3)
            )
            picture._element.nvPicPr.cNvPr.set("descr", "A field")

    deck = read_deck(_deck(tmp_path, [("Twice", ["a point"], None)], prepare=prepare))
    slides = _slides(deck)
    assert [asset.name for asset in deck.assets] == ["a-field.png"]
    assert sum(1 for slide in slides if slide.get("image") or slide["kind"] == "picture") == 1
