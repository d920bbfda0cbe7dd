"""Concepts on an organisation's template take its accent slots unless the outline sets
their colours (issue 20's Decision), and colours deckgen derives from the template's slots
(a shade made readable, a tint for a panel) are written as the slot with DrawingML's
modifiers, so Design > Colors changes them; a colour the outline sets stays a literal, its
shades too. Decks built on python-pptx's stock template (its Office theme: accent1 #4F81BD,
which reads at 3.9:1 on white, accent2 #C0504D), read back with python-pptx."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from deckgen.layout.colors import contrast, modulated, modulation

from ..conftest import build_on_template, color_of

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
ACCENT1, ACCENT2, DK2 = "4F81BD", "C0504D", "1F497D"
OUTLINE = """\
meta:
  title: "Concepts"
concepts:
  first: {{label: "First"{first}}}
  second: {{label: "Second"{second}}}
sections:
  - title: "Opening"
    slides:
      - kind: agenda
  - title: "One"
    concept: first
    slides:
      - {{kind: bullets, title: "On the first", bullets: ["a point"]}}
  - title: "Two"
    concept: second
    slides:
      - {{kind: bullets, title: "On the second", bullets: ["a point"]}}
"""


def _build(folder: Path, first: str = "", second: str = "") -> Path:
    text = OUTLINE.format(first=first, second=second)
    (folder / "outline.yaml").write_text(text, encoding="utf-8")
    template = folder / "house.pptx"
    Presentation().save(str(template))
    return build_on_template(folder / "outline.yaml", template, folder / "out")


def _agenda_numbers(deck: Path):
    """The colour elements of the agenda's section numbers ("01", "02", …), by number."""
    prs = Presentation(str(deck))
    agenda = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Agenda")
    found = {}
    for run in agenda.shapes._spTree.iter(f"{_A}r"):
        text = run.findtext(f"{_A}t").strip()
        if text.isdigit():
            found[text] = run.find(f"{_A}rPr/{_A}solidFill")
    return prs, found


def test_concepts_without_colours_take_the_templates_accents(tmp_path):
    prs, numbers = _agenda_numbers(_build(tmp_path))
    first, second = numbers["02"][0], numbers["03"][0]
    # accent1 reads at 3.9:1: made readable, it is written as accent1 made darker
    assert (first.tag, first.get("val")) == (f"{_A}schemeClr", "accent1")
    mods = {child.tag.removeprefix(_A) for child in first}
    assert "lumMod" in mods and mods <= {"lumMod", "lumOff", "satMod"}, mods
    shade = color_of(numbers["02"], prs)
    assert shade != ACCENT1 and contrast(shade, "FFFFFF") >= 4.5
    assert modulation(shade, ACCENT1) is not None  # the same hue, only darker
    # accent2 reads as it is: the slot itself
    assert (second.tag, second.get("val"), len(second)) == (f"{_A}schemeClr", "accent2", 0)
    assert color_of(numbers["03"], prs) == ACCENT2


def test_a_colour_the_outline_sets_is_kept_as_it_is(tmp_path):
    deck = _build(tmp_path, second=', color: "#1F5AA6"')
    prs, numbers = _agenda_numbers(deck)
    second = numbers["03"][0]
    assert (second.tag, second.get("val")) == (f"{_A}srgbClr", "1F5AA6")
    # never as a shade of the template's dk2, though modifiers would give it
    assert modulation("1F5AA6", DK2) is not None
    assert numbers["02"][0].get("val") == "accent1"  # the other concept still takes a slot


def test_shades_written_as_modifiers_give_the_colour_back():
    for base, color in (("4F81BD", "4774AA"), ("C0504D", "F6E6E6"), ("000000", "767676")):
        found = modulation(color, base)
        assert found is not None and modulated(base, *found) == color
    assert modulation("C0504D", "4F81BD") is None  # another hue: no shade of it
    assert modulation("767676", "4F81BD") is None  # a grey is no shade of a colour


def test_a_shade_of_the_followed_link_colour_is_no_slot():
    """A theme's folHlink is no colour a shape or run may name: a colour that is a shade
    of it only is written as a literal (Blueprint_Plans: a concept's tint)."""
    from deckgen.render.pptx.ink import Ink

    slots = (("dk1", "000000"), ("folHlink", "800080"))
    ink = Ink({}, "en", "FFFFFF", slot_colors=slots)
    assert modulation("400040", "800080") is not None
    assert ink.xml("400040") == '<a:srgbClr val="400040"/>'


def test_a_colour_is_the_shade_of_what_it_changes_least():
    """Yellow_Idea: the template's accent1 made readable on its ground (#2F4D71) is also
    some shade of the outline's concept colour #1F5AA6, but less of a change of accent1:
    it is written as accent1; the concept's own colour and its tints stay literals."""
    from deckgen.render.pptx.ink import Ink

    slots = (("dk1", "000000"), ("lt1", "FFFFFF"), ("dk2", DK2), ("accent1", ACCENT1))
    ink = Ink({}, "en", "FFFFFF", slot_colors=slots, fixed=("1F5AA6",))
    assert ink.xml("2F4D71").startswith('<a:schemeClr val="accent1"><a:lumMod')
    assert ink.xml("1F5AA6") == '<a:srgbClr val="1F5AA6"/>'
    assert ink.xml("E4EBF4") == '<a:srgbClr val="E4EBF4"/>'  # its panel tint
