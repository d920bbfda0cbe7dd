"""Inline emphasis, code and links: parsed from outline text (a safe subset), laid out in
their own fonts, and written as real runs and links in the deck, the slides PDF, the
handout and the notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from deckgen.inline import Span, plain, spans
from deckgen.layout.measure import MONO, AfmMeasurer
from deckgen.layout.text import runs_of
from deckgen.layout.wrap import wrap_runs

from .conftest import EVERY_FORMAT, font_of, run_bold, run_cli, run_font, slide_titled

# ------------------------------------------------------------------------ the subset


def test_bold_italic_code_and_links_become_spans():
    assert spans("Press **Report Phish**, *now*, or run `deckgen build`") == (
        Span("Press "),
        Span("Report Phish", bold=True),
        Span(", "),
        Span("now", italic=True),
        Span(", or run "),
        Span("deckgen build", code=True),
    )
    assert spans(
        "[the **guide**](https://example.org/a?b=1&c=2) or [mail](mailto:x@example.org)"
    ) == (
        Span("the ", link="https://example.org/a?b=1&c=2"),
        Span("guide", bold=True, link="https://example.org/a?b=1&c=2"),
        Span(" or "),
        Span("mail", link="mailto:x@example.org"),
    )
    assert spans("***both***") == (Span("both", bold=True, italic=True),)


@pytest.mark.parametrize(
    "text",
    [
        "<img src=x onerror=alert(1)>",
        "AT&amp;T &lt;b&gt;",
        "[click](javascript:alert(1))",
        "[file](file:///etc/passwd)",
        "[ftp](ftp://example.org)",
        "# not a heading",
        "- not a list",
        "2 * 3 * 4",
        "snake_case_name_here",
        "[AI security] primarily …",
        "a line\nand another  \nwith spaces",
        "",
    ],
)
def test_anything_else_stays_the_literal_text(text):
    got = spans(text)
    assert "".join(s.text for s in got) == text
    assert all(not (s.bold or s.italic or s.code or s.link) for s in got)
    assert plain(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "__globals__ and __init__",
        "snake__case and _private and __dunder__",
        "_italic_ and __bold__ are not deckgen's",
        "2*3*4",
        "a*b*c and x**y**z",
        "w**x** and **x**y",
    ],
)
def test_code_and_arithmetic_need_no_escapes(text):
    """An underscore is never emphasis; asterisks between two letters or digits are
    literal (issue 19's decision), so quoting Python or arithmetic needs no backslash."""
    assert spans(text) == (Span(text),)


def test_emphasis_at_word_boundaries_still_works_beside_literal_asterisks():
    assert spans("**2*3** is *six*, and (*so*) is *this*.") == (
        Span("2*3", bold=True),
        Span(" is "),
        Span("six", italic=True),
        Span(", and ("),
        Span("so", italic=True),
        Span(") is "),
        Span("this", italic=True),
        Span("."),
    )
    assert spans("*snake_case*") == (Span("snake_case", italic=True),)


def test_backslash_escapes_show_the_character():
    assert spans(r"\*not italic\* and \`not code\` and \[not a link](https://x.org)") == (
        Span("*not italic* and `not code` and [not a link](https://x.org)"),
    )


def test_plain_is_what_the_text_reads_as():
    assert plain("What **Report Phish** means, in `code` and [a link](https://x.org)") == (
        "What Report Phish means, in code and a link"
    )


# ------------------------------------------------------------------------ layout


def test_runs_carry_the_style_over_the_paragraphs():
    runs = runs_of("a **b** `c`", bold=False, italic=True, color="112233")
    assert [(r.text, r.bold, r.italic, r.code, r.color) for r in runs] == [
        ("a ", False, True, False, "112233"),
        ("b", True, True, False, "112233"),
        (" ", False, True, False, "112233"),
        ("c", False, True, True, "112233"),
    ]


def test_code_is_measured_in_the_monospace_font():
    sans, size = AfmMeasurer(), 20
    code = "iiiiiiiiii"  # narrow in Arial, 0.6 em each in a monospace font
    assert MONO.width(code, size) == pytest.approx(10 * 1229 / 2048 * size)
    assert MONO.width(code, size) > 2 * sans.width(code, size)
    width = MONO.width(code, size) * 1.5  # room for one code word, or ~3 plain ones
    plain_lines = wrap_runs(runs_of(f"{code} {code} {code}"), width, size, sans, None, MONO)
    code_lines = wrap_runs(runs_of(f"`{code}` `{code}` `{code}`"), width, size, sans, None, MONO)
    assert len(plain_lines) == 1 and len(code_lines) == 3


# ------------------------------------------------------------------------ outputs

OUTLINE = r"""
meta:
  title: "Inline **markup**"
  subtitle: "Emphasis, `code` and [links](https://example.org)"
  presenter: "Ada *Lovelace*"
sections:
  - title: "The **markup**"
    slides:
      - kind: bullets
        title: "What **Report Phish** means"
        bullets:
          - "Press **Report Phish** in the *toolbar*, never `forward` it"
          - >-
            Read the [intranet page](https://intranet.example.org/phish?a=1&b=2)
            or [mail us](mailto:sec@example.org)
          - "Literal: <img src=x> &amp; [js](javascript:alert(1)) 2 * 3 \\*stars\\*"
        notes: >-
          Say **this** loudly. See [the guide](https://example.org/guide),
          run `deckgen watch`.
      - kind: glossary
      - kind: references
glossary:
  - {term: "**Phish**", definition: "a *fake* message; see [the guide](https://example.org/g)"}
references:
  - {id: guide, title: "The *phishing* guide", url: "https://example.org/guide_book"}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inline")
    outline = folder / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    out = folder / "out"
    result = run_cli(
        "build",
        str(outline),
        "-o",
        str(out),
        *EVERY_FORMAT,
    )
    assert result.exit_code == 0, result.output
    return {p.suffix + ("-slides" if "slides" in p.name else ""): p for p in out.iterdir()}


def test_the_deck_has_real_runs_fonts_and_links(built):
    prs = Presentation(str(built[".pptx"]))
    slide = slide_titled(prs, "What Report Phish means")
    title = slide.shapes.title
    title_runs = title.text_frame.paragraphs[0].runs
    assert [(r.text, run_bold(r, title, slide)) for r in title_runs] == [
        ("What ", True),  # the title style is bold already
        ("Report Phish", True),
        (" means", True),
    ]
    assert title_runs[0].font.bold is None  # and the runs do not say it again
    body = next(s for s in slide.placeholders if s.placeholder_format.idx != 0)
    first, second, third = body.text_frame.paragraphs
    # the body font is the placeholder's (no run names it); code names its own
    body_font = font_of("+mn-lt", prs)
    assert [
        (r.text, run_bold(r, body, slide), bool(r.font.italic), run_font(r, body, slide, prs))
        for r in first.runs
    ] == [
        ("Press ", False, False, body_font),
        ("Report Phish", True, False, body_font),
        (" in the ", False, False, body_font),
        ("toolbar", False, True, body_font),
        (", never ", False, False, body_font),
        ("forward", False, False, "Courier New"),
        (" it", False, False, body_font),
    ]
    assert first.runs[0].font.name is None
    # a link of several words is a run a word, the same link on each (so LibreOffice can
    # break lines between them), then an invisible character in the link's colour
    links = [(r.text, r.hyperlink.address) for r in second.runs if r.hyperlink.address]
    assert links == [
        ("intranet ", "https://intranet.example.org/phish?a=1&b=2"),
        ("page", "https://intranet.example.org/phish?a=1&b=2"),
        ("mail ", "mailto:sec@example.org"),
        ("us", "mailto:sec@example.org"),
    ]
    texts = [r.text for r in second.runs]
    assert texts[texts.index("page") + 1] == "\u200b"  # text follows the link
    assert texts[-1] == "us"  # nothing follows: nothing to fix
    assert third.text == "Literal: <img src=x> &amp; [js](javascript:alert(1)) 2 * 3 *stars*"
    assert not [r for r in third.runs if r.hyperlink.address]


def test_notes_keep_their_emphasis_code_and_links(built):
    prs = Presentation(str(built[".pptx"]))
    notes = slide_titled(prs, "What Report Phish means").notes_slide.notes_text_frame
    runs = notes.paragraphs[0].runs
    assert notes.text == "Say this loudly. See the guide, run deckgen watch."
    styled = {r.text: (r.font.bold, r.font.name, r.hyperlink.address) for r in runs}
    assert styled["this"] == (True, None, None)
    assert styled["the guide"] == (None, None, "https://example.org/guide")
    assert styled["deckgen watch"] == (None, "Courier New", None)


def test_glossary_and_reference_runs(built):
    prs = Presentation(str(built[".pptx"]))
    glossary = slide_titled(prs, "Glossary")
    runs = [
        r
        for s in glossary.shapes
        if s.has_text_frame
        for p in s.text_frame.paragraphs
        for r in p.runs
    ]
    assert ("Phish", True) in [(r.text, r.font.bold) for r in runs]
    assert ("fake", True) in [(r.text, r.font.italic) for r in runs]
    references = slide_titled(prs, "References")
    addresses = [
        r.hyperlink.address
        for s in references.shapes
        if s.has_text_frame
        for p in s.text_frame.paragraphs
        for r in p.runs
    ]
    assert "https://example.org/guide_book" in addresses  # a reference's URL is a link


def _uris(pdf: Path) -> set[str]:
    found = set()
    for page in PdfReader(str(pdf)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get("/URI"):
                found.add(str(action["/URI"]))
    return found


def _fonts(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(str(pdf)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_the_pdfs_draw_links_and_code(built):
    for key in (".pdf-slides", ".pdf"):
        uris = _uris(built[key])
        assert {"https://intranet.example.org/phish?a=1&b=2", "mailto:sec@example.org"} <= uris, key
        assert "https://example.org/guide_book" in uris, key
        assert not any(u.startswith(("javascript", "file")) for u in uris), key
    assert any(name.startswith("LiberationMono") for name in _fonts(built[".pdf-slides"]))
    handout = built[".pdf"]
    assert "https://example.org/guide" in _uris(handout)  # from the notes
    text = " ".join(page.extract_text() or "" for page in PdfReader(str(handout)).pages)
    assert "Report Phish" in text and "**" not in text.replace("2 * 3 *stars*", "")
    # the running header and the contents are drawn as they read, never as Markdown
    assert "Ada Lovelace" in text and "*Lovelace*" not in text
    assert "The markup" in text and "`" not in text


def test_titles_read_plainly_where_markup_cannot_show(built):
    prs = Presentation(str(built[".pptx"]))
    assert prs.core_properties.title == "Inline markup"
    assert prs.core_properties.subject == "Emphasis, code and links"
    for key in (".pdf-slides", ".pdf"):
        reader = PdfReader(str(built[key]))
        assert reader.metadata.title.startswith("Inline markup"), key
        marks = _bookmarks(reader.outline)
        assert any("What Report Phish means" in m for m in marks), (key, marks)
        assert not any("**" in m or "`" in m for m in marks), (key, marks)


def _bookmarks(items) -> list[str]:
    found = []
    for item in items:
        found += _bookmarks(item) if isinstance(item, list) else [item.title]
    return found


def test_links_take_the_themes_hyperlink_colour_everywhere(built):
    from pptx.enum.dml import MSO_THEME_COLOR

    prs = Presentation(str(built[".pptx"]))
    slide = slide_titled(prs, "What Report Phish means")
    body = next(s for s in slide.placeholders if s.placeholder_format.idx != 0)
    link = next(r for r in body.text_frame.paragraphs[1].runs if r.hyperlink.address)
    assert link.font.color.theme_color == MSO_THEME_COLOR.HYPERLINK  # PowerPoint's own hlink
    theme = next(p for p in prs.part.package.iter_parts() if p.partname.endswith("theme1.xml"))
    assert b'<a:hlink><a:srgbClr val="0563C1"/></a:hlink>' in theme.blob
