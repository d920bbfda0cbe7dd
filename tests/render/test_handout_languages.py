"""A handout paragraph whose words are in two languages (a translation's term beside the
outline's definition it lacks) marks the other language's words as a span that says it,
inside the paragraph's own marked content, however its lines break and when it is split
across pages; a paragraph in one language marks no span."""

from __future__ import annotations

import pikepdf
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from deckgen.render.pdf.handout.flowables import MemoParagraph
from deckgen.render.pdf.handout.styles import language_mark
from deckgen.render.pdf.tagging import tagging_canvas

STYLE = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)
ENGLISH = "An English definition that runs over several lines of the page. " * 12


def _draw(path, paragraphs, height=10_000):
    """Each paragraph (split to fit ``height``) drawn on a page of its own, tagged."""
    canvas = tagging_canvas(Canvas)(str(path))
    canvas.described = ("Languages", "de", __import__("datetime").datetime(2026, 1, 1))
    for paragraph in paragraphs:
        rest = paragraph
        while rest is not None:
            parts = rest.split(300, height) if rest.wrap(300, height)[1] > height else [rest]
            part, rest = parts[0], (parts[1] if len(parts) > 1 else None)
            part.wrap(300, height)
            part.drawOn(canvas, 50, 50)
            canvas.showPage()
    canvas.save()


def _spans(path):
    """Per page: (the /Lang of each language span, the words inside it), and whether
    every marked-content sequence the page opens it closes."""
    out = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            open_, spans, balanced = [], [], True
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    props = operands[1] if op == "BDC" else None
                    lang = isinstance(props, pikepdf.Dictionary) and props.get("/Lang")
                    open_.append(str(lang) if lang else None)
                    if lang:
                        spans.append([str(lang), ""])
                elif op == "EMC":
                    balanced = balanced and bool(open_)
                    open_ and open_.pop()
                elif op in ("Tj", "TJ") and any(open_):
                    shown = operands[0]
                    items = shown if isinstance(shown, pikepdf.Array) else [shown]
                    spans[-1][1] += "".join(
                        bytes(i).decode("latin-1") for i in items if isinstance(i, pikepdf.String)
                    )
            out.append((spans, balanced and not open_))
    return out


def test_the_other_languages_words_are_a_span_in_it(tmp_path):
    text = f"<b>Begriff</b> — {language_mark('en')}{ENGLISH}{language_mark(None)} (Ende)"
    _draw(tmp_path / "one.pdf", [MemoParagraph(text, STYLE)])
    [(spans, balanced)] = _spans(tmp_path / "one.pdf")
    assert balanced
    assert [lang for lang, _words in spans] == ["en"]
    said = spans[0][1].replace(" ", "")
    assert said == ENGLISH.replace(" ", "")  # every English word, no German one
    assert "Begriff" not in said and "Ende" not in said


def test_a_part_split_onto_the_next_page_keeps_its_words_language(tmp_path):
    text = f"Begriff — {language_mark('en')}{ENGLISH}{language_mark(None)} Ende"
    _draw(tmp_path / "split.pdf", [MemoParagraph(text, STYLE)], height=40)
    pages = _spans(tmp_path / "split.pdf")
    assert len(pages) > 2
    assert all(balanced for _spans, balanced in pages)
    words = "".join(w for spans, _b in pages for lang, w in spans if lang == "en")
    assert words.replace(" ", "") == ENGLISH.replace(" ", "")
    assert all(spans for spans, _b in pages[1:-1])  # a middle page: all of it English


def test_a_paragraph_in_one_language_has_no_span(tmp_path):
    whole = MemoParagraph(f"{language_mark('en')}{ENGLISH}{language_mark(None)}", STYLE)
    whole.lang = "en"  # its element says it (styles.whole_language)
    _draw(tmp_path / "plain.pdf", [MemoParagraph("Nur Deutsch hier.", STYLE), whole])
    assert [spans for spans, _b in _spans(tmp_path / "plain.pdf")] == [[], []]
