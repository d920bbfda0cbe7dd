"""Code slides: Pygments' colours, highlighted lines, a 16 pt floor, long lines continued
with a mark, and positioned errors for what cannot be shown."""

from __future__ import annotations

import textwrap
from dataclasses import replace

import pytest
from pptx import Presentation

from deckgen.errors import BuildError, Severity
from deckgen.layout.compositions import CodeDesign
from deckgen.layout.engine import layout_deck
from deckgen.layout.fit import NoRoom
from deckgen.layout.frames import Shape, TextBox
from deckgen.layout.geometry import EMU_PER_PT
from deckgen.layout.listing_code import CodeBox, page_code

from ..conftest import run_cli, slide_titled, without_id
from ..layout.support import (
    FAKE,
    build_errors,
    deck_from,
    line_of,
    named,
    of_kind,
    outline_text,
    talk_from,
)

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


def listing_of(slide) -> TextBox:
    return named(slide, "Code")


def deck_warnings(text: str):
    return deck_from(text).diagnostics


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


def test_more_code_than_a_slide_holds_continues_on_cont_slides_at_the_floor():
    code = "".join(f"line_{i} = {i}\n" for i in range(60))
    deck = deck_from(code_slide(code, extra="  highlight: [1, 40]\n"))
    slides = of_kind(deck, "code")
    assert len(slides) > 1
    assert [s.title for s in slides] == ["Guard"] + ["Guard (cont.)"] * (len(slides) - 1)
    assert [s.continued for s in slides] == [False] + [True] * (len(slides) - 1)
    shown = [p.text for s in slides for p in listing_of(s).paragraphs]
    assert "\n".join(shown) + "\n" == code  # every line once, in order
    floor = deck.design.scale.code_floor
    assert {p.size for s in slides for p in listing_of(s).paragraphs} == {floor}
    body = deck.design.grid.body_box
    for s in slides:
        assert named(s, "Code panel").rect.bottom <= body.bottom
    bands = [i.name for s in slides for i in s.items if "Highlight" in i.name]
    assert bands == ["Highlight 1", "Highlight 40"]  # each on the slide that shows it
    assert "Continued from" in slides[1].notes


def test_continuing_code_warns_at_its_line():
    code = "".join(f"line_{i} = {i}\n" for i in range(60))
    text = code_slide(code)
    (warned,) = [w for w in deck_warnings(text) if "code" in w.message]
    assert "too long for one slide even at 16 pt" in warned.message
    assert "continued on" in warned.message
    assert warned.pos.line == line_of(text, "kind: code")


def test_a_wrapped_line_is_not_cut_between_slides_where_a_slide_holds_it():
    long = "y = " + " + ".join(f"value_{i}" for i in range(30))  # three lines wrapped
    code = "".join(f"line_{i} = {i}\n" for i in range(13)) + long + "\n"
    slides = of_kind(deck_from(code_slide(code)), "code")
    sources = [listing_of(s).paragraphs for s in slides]
    mark = deck_from(code_slide(PYTHON)).design.code.continuation
    firsts = [paras[0].text for paras in sources]
    assert not any(first.startswith(mark) for first in firsts)  # a slide starts a line
    assert sources[-1][0].text.startswith("y = ")


def test_a_panel_that_holds_no_line_is_an_error_at_the_slides_line():
    text = code_slide(PYTHON)
    design = deck_from(text).design
    tiny = replace(design, code=replace(design.code, padding=design.grid.body_box.h // 2 - 10))
    with pytest.raises(BuildError) as info:
        layout_deck(talk_from(text), FAKE, tiny)
    (error,) = [d for d in info.value.diagnostics if d.severity is Severity.ERROR]
    assert "holds no line at 16 pt" in error.message
    assert error.pos.line == line_of(text, "kind: code")


def test_page_code_refuses_a_box_that_holds_no_line():
    box = CodeBox(EMU_PER_PT * 400, EMU_PER_PT * 10, CodeDesign())
    with pytest.raises(NoRoom):
        page_code([[("x = 1", None, False)]], box, 16)


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
