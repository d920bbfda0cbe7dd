"""Which of a template's layouts each kind of slide uses: the outline's naming, then a
known name, then the type, then structure; never a layout whose structure does not fit."""

from __future__ import annotations

from pptx import Presentation

from deckgen.layout.frames import SlideLayout
from deckgen.template.layouts import choose_layouts

from ..conftest import run_cli
from .test_package import sample_template


def test_the_default_templates_layouts_are_chosen_by_name():
    chosen, problems = choose_layouts(Presentation())
    assert {kind: c.name for kind, c in chosen.items()} == {
        SlideLayout.TITLE: "Title Slide",
        SlideLayout.SECTION: "Section Header",
        SlideLayout.TITLE_ONLY: "Title Only",
        SlideLayout.CONTENT: "Title and Content",
        SlideLayout.TWO_CONTENT: "Two Content",
    }
    assert {c.by for c in chosen.values()} == {"name"} and problems == []


def test_names_that_lie_are_overruled_by_structure():
    prs = Presentation()
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    # a 'Title and Content' that has no body, and the real one renamed and retyped
    fake = layouts["Title Only"]
    fake.name = "Title and Content"
    real = layouts["Title and Content"]
    real.name = "Titel und Inhalt"
    real._element.set("type", "blank")
    chosen, _problems = choose_layouts(prs)
    content = chosen[SlideLayout.CONTENT]
    assert content.layout is not fake
    assert any(
        ph.placeholder_format.type.name in ("BODY", "OBJECT") for ph in content.layout.placeholders
    )


def test_the_outline_can_name_a_layout_in_any_language():
    prs = Presentation()
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    layouts["Title and Content"].name = "Titel und Inhalt"
    chosen, _problems = choose_layouts(prs, {"content": "titel und inhalt"})
    assert (chosen[SlideLayout.CONTENT].name, chosen[SlideLayout.CONTENT].by) == (
        "Titel und Inhalt",
        "the outline",
    )


def test_a_missing_section_header_is_stood_in_for_by_structure_or_said():
    prs = Presentation()
    section = next(layout for layout in prs.slide_layouts if layout.name == "Section Header")
    section.name = "Something"
    section._element.set("type", "cust")
    chosen, problems = choose_layouts(prs)
    assert chosen[SlideLayout.SECTION].by in ("structure", "borrowed from title-only")
    assert all("no layout for" in d.message for d in problems)


def test_inspect_says_which_layout_each_kind_uses(tmp_path):
    result = run_cli("template", "inspect", str(sample_template(tmp_path)))
    assert result.exit_code == 0
    assert "content slides use 'Title and Content' of master 1 (chosen by name)" in result.stdout
