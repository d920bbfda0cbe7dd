"""The contrast guard: text against what lies behind it, WCAG AA (issue 9, item 8)."""

from __future__ import annotations

from deckgen.layout.colors import contrast
from deckgen.layout.contrast import low_contrast
from deckgen.layout.frames import Paragraph, Role, Run, Shape, ShapeKind, TextBox
from deckgen.layout.geometry import Rect

from ..conftest import run_cli
from .support import deck_from, of_kind, outline_text

BOX = Rect(100, 100, 1000, 500)


def text(color: str, size: float = 12, bold: bool = False) -> TextBox:
    run = Run("Words", bold=bold)
    para = Paragraph((run,), size, color, ((run,),), size * 1.2)
    return TextBox(BOX, (para,), Role.BODY, "Arial", "Text")


def test_grey_on_white_is_too_faint_and_dark_on_white_is_fine():
    assert low_contrast([text("1F2933")], "FFFFFF") == []
    ((color, behind, ratio, need),) = low_contrast([text("BBBBBB")], "FFFFFF")
    assert (color, behind, need) == ("BBBBBB", "FFFFFF", 4.5) and ratio < 4.5


def test_large_text_needs_only_three_to_one():
    faint = "909090"  # between 3:1 and 4.5:1 on white
    assert 3.0 <= contrast(faint, "FFFFFF") < 4.5
    assert low_contrast([text(faint, size=18)], "FFFFFF") == []
    assert low_contrast([text(faint, size=14, bold=True)], "FFFFFF") == []
    assert low_contrast([text(faint, size=14)], "FFFFFF") != []


def test_text_is_judged_against_the_filled_shape_under_it():
    panel = Shape(Rect(0, 0, 2000, 2000), ShapeKind.RECT, "1F2A44", "Panel")
    assert low_contrast([panel, text("FFFFFF")], "FFFFFF") == []  # white on navy
    ((_c, behind, _r, _n),) = low_contrast([panel, text("1F2933")], "FFFFFF")
    assert behind == "1F2A44"
    # a shape drawn after the text, or elsewhere, is not behind it
    assert low_contrast([text("1F2933"), panel], "FFFFFF") == []
    aside = Shape(Rect(5000, 5000, 100, 100), ShapeKind.RECT, "1F2A44", "Aside")
    assert low_contrast([aside, text("1F2933")], "FFFFFF") == []


def test_faint_theme_colours_are_a_warning_naming_the_slide():
    deck = deck_from(
        outline_text(
            "- {kind: bullets, title: B, bullets: [x]}",
            head="theme: {colors: {text: '#CCCCCC'}}\n",
        )
    )
    warnings = [d for d in deck.diagnostics if "contrast" in d.message]
    assert warnings and warnings[0].message.startswith("slide 1 'B': text in #CCCCCC on #FFFFFF")
    assert warnings[0].hint


def test_colours_deckgen_picks_itself_are_made_readable():
    """A pale concept colour still colours the agenda's numbers, a definition's attribution
    and an analogy's heading, darkened as little as it takes to read."""
    head = "concepts:\n  sun: {label: Sun, color: '#FFE066'}\n"
    deck = deck_from(
        outline_text(
            "- {kind: agenda}\n"
            "- {kind: definition, title: D, term: t, quote: q, attribution: a, concept: sun}\n"
            "- {kind: analogy, title: A, concept: sun, left: {heading: L}, right: {heading: R},"
            " pairs: [{left: a, right: b}]}",
            head=head,
            section="concept: sun",
        )
    )
    assert [d.message for d in deck.diagnostics if "contrast" in d.message] == []
    (definition,) = of_kind(deck, "definition")
    said = next(i for i in definition.items if i.name == "Quote").paragraphs[-1]
    assert said.color != "FFE066" and contrast(said.color, "FFFFFF") >= 3.0


def test_strict_refuses_a_deck_with_text_too_faint_to_read(tmp_path):
    from ..conftest import run_cli

    outline = tmp_path / "talk.yaml"
    outline.write_text(
        "meta: {title: T}\ntheme: {colors: {muted: '#DDDDDD'}}\nsections:\n  - title: S\n"
        "    slides:\n      - {kind: bullets, title: B, bullets: [x]}\n",
        encoding="utf-8",
    )
    plain = run_cli("build", str(outline), "-o", str(tmp_path / "out"), "--format", "pptx")
    assert plain.exit_code == 0 and "#DDDDDD on #FFFFFF" in plain.stderr  # the footer
    strict = run_cli("build", str(outline), "-o", str(tmp_path / "s"), "--strict")
    assert strict.exit_code == 1 and not (tmp_path / "s").exists()


LIGHT = """\
meta: {title: Light}
theme:
  colors: {text: "#C8C8C8"}
sections:
  - title: One
    slides:
      - {kind: bullets, title: Pale, bullets: [one, two]}
"""


def test_a_light_user_colour_is_a_warning_and_fails_strict(
    tmp_path,
):
    path = tmp_path / "outline.yaml"
    path.write_text(LIGHT, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", str(path), "-o", str(out))
    assert result.exit_code == 0
    assert "text in #C8C8C8 on #FFFFFF has a contrast of 1.7:1, below 3:1" in result.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = run_cli("build", str(path), "-o", str(out), "--strict")
    assert result.exit_code == 1 and "contrast" in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing written


def test_print_colours_read_on_paper():
    """A dark template's white text, or a pale user colour, prints in the nearest shade
    that reads on white paper at its size; a colour that reads already is kept."""
    from deckgen.layout.contrast import PAPER, on_paper

    assert on_paper("1F2933", 10) == "1F2933"
    for color, size, bold in (("FFFFFF", 10, False), ("C8C8C8", 9.5, False), ("95B3D7", 13, True)):
        printed = on_paper(color, size, bold)
        assert contrast(printed, PAPER) >= 4.5, (color, printed)
    assert contrast(on_paper("FFE066", 30, True), PAPER) >= 3  # large text: 3:1
