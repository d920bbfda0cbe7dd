"""Code slides: Pygments' colours, highlighted lines, a 16 pt floor, long lines continued
with a mark, and positioned errors for what cannot be shown."""

from __future__ import annotations

import textwrap

import pytest
from pptx import Presentation

from deckgen.layout.frames import Shape, TextBox

from ..conftest import run_cli, slide_titled, without_id
from ..layout.support import build_errors, deck_from, line_of, named, outline_text

# the smallest valid slide of this kind (tests/kinds/support.py gathers them)
MINIMAL = "{kind: code, title: K, language: python, code: 'x = 1'}"

PYTHON = """\
def guard(prompt: str, policy: dict) -> str:
    # refuse what the policy blocks
    if prompt in policy["blocked"]:
        raise ValueError("blocked")
    return prompt
"""


def code_slide(code: str, language: str = "python", extra: str = "") -> str:
    block = textwrap.indent(code, "      ")
    return outline_text(
        f"- kind: code\n  title: Guard\n  language: {language}\n{extra}  code: |\n{block}"
    )


def listing(deck) -> TextBox:
    return named(deck.slides[0], "Code")


def test_tokens_take_the_designs_colours_and_weights():
    deck = deck_from(code_slide(PYTHON))
    tokens = {k: (c, b) for k, c, b in deck.design.code.tokens}
    runs = [r for p in listing(deck).paragraphs for r in p.runs]
    assert all(r.code for r in runs)
    by_text = {r.text.strip(): r for r in runs if r.text.strip()}
    assert (by_text["def"].color, by_text["def"].bold) == tokens["Keyword"]
    assert by_text['"blocked"'].color == tokens["String"][0]
    assert by_text["# refuse what the policy blocks"].color == tokens["Comment"][0]
    assert "".join(p.text + "\n" for p in listing(deck).paragraphs) == PYTHON


def test_highlighted_lines_have_a_band_behind_them():
    deck = deck_from(code_slide(PYTHON, extra="  highlight: [3, 4]\n"))
    box = listing(deck)
    pitch = box.paragraphs[0].line_pitch
    bands = [i for i in deck.slides[0].items if isinstance(i, Shape) and "Highlight" in i.name]
    assert [b.name for b in bands] == ["Highlight 3", "Highlight 4"]
    assert bands[1].rect.y - bands[0].rect.y == pytest.approx(pitch * 12700, abs=1)
    assert bands[0].rect.y == pytest.approx(box.rect.y + 2 * pitch * 12700, abs=1)


def test_a_long_line_continues_marked_and_nothing_goes_below_the_floor():
    long = "x = " + " + ".join(f"value_{i}" for i in range(40)) + "\n"
    deck = deck_from(code_slide(long))
    paragraphs = listing(deck).paragraphs
    assert len(paragraphs) > 1
    mark = deck.design.code.continuation
    assert all(p.text.startswith(mark) for p in paragraphs[1:])
    assert "".join(p.text.removeprefix(mark) for p in paragraphs) + "\n" == long
    assert all(p.size >= deck.design.scale.code_floor for p in paragraphs)
    panel = named(deck.slides[0], "Code panel")
    assert panel.rect.bottom <= deck.design.grid.body_box.bottom


def test_more_code_than_a_slide_holds_is_an_error_with_its_line():
    code = "".join(f"line_{i} = {i}\n" for i in range(60))
    text = code_slide(code)
    (error,) = build_errors(text)
    assert "takes 60 lines at 16 pt" in error.message and "the slide holds" in error.message
    assert error.pos.line == line_of(text, "kind: code")


@pytest.mark.parametrize(
    ("extra", "language", "message"),
    [
        ("  highlight: [9]\n", "python", "highlight: line 9"),
    ],
)
def test_what_cannot_be_shown_is_a_positioned_error(extra, language, message):
    text = code_slide(PYTHON, language, extra)
    (error,) = build_errors(text)
    assert message in error.message and error.pos.line == line_of(text, "kind: code")


def test_braces_in_code_are_code_not_variables(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text(
        code_slide('print(f"{name}: {{not a variable}}")\n', extra=""), encoding="utf-8"
    )
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx")
    assert result.exit_code == 0, result.output
    prs = Presentation(str(next((tmp_path / "out").glob("*.pptx"))))
    code = next(s for s in slide_titled(prs, "Guard").shapes if without_id(s.name) == "Code")
    assert code.text_frame.text == 'print(f"{name}: {{not a variable}}")'
    fonts = {r.font.name for p in code.text_frame.paragraphs for r in p.runs}
    assert fonts == {"Courier New"}


def test_a_smaller_slide_scales_the_panel_not_the_tab_width():
    from deckgen.layout.design import Design
    from deckgen.layout.scaling import scaled

    small = scaled(Design(font="Arial", palette=deck_from(code_slide(PYTHON)).design.palette), 0.5)
    assert small.code.tab == Design.__dataclass_fields__["code"].default.tab
    assert small.code.padding == round(Design.__dataclass_fields__["code"].default.padding / 2)
