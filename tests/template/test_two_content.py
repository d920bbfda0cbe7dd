"""Columns in the template's boxes (issue 20, deliverable 2): a kind that sets two columns
(the glossary, the references) fills a two-content layout's two bodies where the template
has one, and sets its columns one below the other, saying so, where it has none. On
deckgen's own template the glossary's layout carries both bodies and the size its slides
use. Decks built through the CLI, read back with python-pptx."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from deckgen.check.fidelity import measure_fidelity
from deckgen.layout.frames import SlideLayout
from deckgen.template.layouts import choose_layouts, two_bodies

from ..conftest import built_on, check_pptx_strictly, run_cli, two_content_template

TERMS = "".join(
    f'  - term: "Term {n:02}"\n    definition: "What term {n} means, in a sentence or so."\n'
    for n in range(14)
)
OUTLINE = f"""\
meta:
  title: "Columns"
sections:
  - title: "One"
    slides:
      - kind: glossary
glossary:
{TERMS}"""


OFFSET = ((500_000, 1_700_000, 4_000_000, 4_300_000), (4_700_000, 1_700_000, 4_000_000, 4_300_000))


def _build(folder: Path, two_content: bool):
    """The glossary on the stock template, its two bodies placed otherwise than deckgen
    splits the body, or without a two-content layout."""
    (folder / "outline.yaml").write_text(OUTLINE, encoding="utf-8")
    template = two_content_template(folder / "house.pptx", OFFSET if two_content else None)
    deck, output = built_on(folder / "outline.yaml", template, folder / "o")
    return Presentation(str(deck)), output


def _glossary(prs) -> list:
    return [slide for slide in prs.slides if slide.shapes.title.text.startswith("Glossary")]


def _bodies(slide) -> list:
    return [
        shape
        for shape in slide.shapes
        if shape.is_placeholder and shape.placeholder_format.type in (2, 7)  # body, object
    ]


def test_a_two_content_layout_is_chosen_by_name_and_read_left_first():
    chosen, _ = choose_layouts(Presentation())
    choice = chosen[SlideLayout.TWO_CONTENT]
    assert (choice.name, choice.by) == ("Two Content", "name")
    left, right = two_bodies(choice.layout)
    assert left.right <= right.x and left.y == right.y


def test_the_glossary_fills_the_templates_two_bodies_where_they_stand(tmp_path):
    prs, _ = _build(tmp_path, two_content=True)
    first = _glossary(prs)[0]
    assert first.slide_layout.name == "Two Content"
    left, right = _bodies(first)
    assert (left.left, right.left) == (500_000, 4_700_000)
    assert left.top == right.top == 1_700_000
    assert left.text_frame.text.startswith("Term 00")
    assert right.text_frame.text and "Term 00" not in right.text_frame.text
    # every term is in a placeholder, none in a free text box
    assert not [
        s for s in first.shapes if s.has_text_frame and s.text_frame.text and not s.is_placeholder
    ]


def test_without_a_two_content_layout_the_columns_go_one_below_the_other(tmp_path):
    prs, output = _build(tmp_path, two_content=False)
    assert "no two-content layout" in output and "one below the other" in output
    slides = _glossary(prs)
    for slide in slides:
        assert len(_bodies(slide)) == 1
    text = "\n".join(_bodies(slide)[0].text_frame.text for slide in slides)
    assert all(f"Term {n:02}" in text for n in range(14))


def test_the_default_glossary_layout_has_both_columns_and_their_size(tmp_path):
    (tmp_path / "outline.yaml").write_text(OUTLINE, encoding="utf-8")
    result = run_cli("build", str(tmp_path / "outline.yaml"), "-o", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    (deck,) = (tmp_path / "o").glob("*.pptx")
    slide = _glossary(Presentation(str(deck)))[0]
    layout = slide.slide_layout
    assert layout.name == "Glossary"
    left, right = _bodies(slide)
    held = [ph for ph in layout.placeholders if ph.placeholder_format.idx in (1, 2)]
    assert [(ph.left, ph.top, ph.width) for ph in held] == [
        (shape.left, shape.top, shape.width) for shape in (left, right)
    ]
    assert not [
        s for s in slide.shapes if s.has_text_frame and s.text_frame.text and not s.is_placeholder
    ]
    # the layout says the size the entries are set in, so their runs need not (the
    # divider's number, in the Section Header's one body, says its own until the
    # divider's layout carries a body placeholder for it)
    assert measure_fidelity(deck).runs_with_size == 0
    check_pptx_strictly(deck)


def test_two_content_bodies_much_smaller_than_the_body_leave_the_columns_on_the_body(tmp_path):
    """An exported layout's leftover boxes (a strip low on the slide): the columns stand
    where the content body is, split as on deckgen's own template, still in the layout's
    two placeholders, and the glossary takes no more slides than with roomy bodies."""
    strip = (
        (600_000, 4_300_000, 4_000_000, 1_700_000),
        (6_600_000, 4_300_000, 4_000_000, 1_700_000),
    )
    (tmp_path / "outline.yaml").write_text(OUTLINE, encoding="utf-8")
    template = two_content_template(tmp_path / "strip.pptx", strip)
    deck, _ = built_on(tmp_path / "outline.yaml", template, tmp_path / "o")
    small = _glossary(Presentation(str(deck)))
    (tmp_path / "roomy").mkdir()
    roomy, _ = _build(tmp_path / "roomy", two_content=True)
    assert len(small) <= len(_glossary(roomy))
    left, right = _bodies(small[0])
    assert left.top < 4_300_000 and left.height > 1_700_000  # the body's, not the strip's
    assert left.left + left.width < right.left and left.top == right.top
