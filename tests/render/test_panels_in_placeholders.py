"""The analogy's and the takeaways' text in the layout's placeholders (issue 20,
deliverable 2), read back from written decks: each analogy panel's heading and its side
of the pairs are one body placeholder of a two-content layout (the right panel the
second body), the takeaways the paragraphs of one body placeholder; the panels, icons,
arrows and badges stay decoration around them, and the summary, which spans both
panels, a text box. On a template the panels stand in its two-content layout's bodies,
or keep deckgen's places without one (the left side then in the content layout's body).
In LibreOffice's render the rows start at the same height on both sides, level with
their arrows, and each takeaway is centred on its badge."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from ..conftest import (
    SHIPPED,
    built_on,
    lo_templates,
    pdf_words,
    run_cli,
    slide_titled,
    soffice_pdf,
    two_content_template,
    without_id,
)

BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
SHIPPED_ANALOGIES = ("Locks, alarms and guards", "Fire code, exits and sprinklers")

OUTLINE = """\
meta: {title: Panels}
concepts:
  security: {label: Security, color: "#1F5AA6"}
sections:
  - title: One
    divider: false
    slides:
      - kind: analogy
        title: A lock is a guard
        concept: security
        left: {heading: The door}
        right: {heading: The guard}
        pairs:
          - {left: The key opens it, right: The badge lets you in}
          - {left: A picked lock, right: A fooled guard}
        summary: Both keep people out.
      - kind: takeaways
        title: What to remember
        points:
          - Locks keep people out
          - Guards keep people out too
"""


def _free_text(slide) -> list[str]:
    """The names of the slide's text boxes that are not placeholders and hold text."""
    return [
        without_id(shape.name)
        for shape in slide.shapes
        if shape.has_text_frame and shape.text_frame.text and not shape.is_placeholder
    ]


def _side(slide, name: str):
    (shape,) = [shape for shape in slide.shapes if without_id(shape.name) == name]
    return shape


def _in_body(shape) -> bool:
    return shape.is_placeholder and shape.placeholder_format.type in BODIES


def test_the_shipped_analogies_fill_their_layouts_two_bodies(shipped_deck):
    for title in SHIPPED_ANALOGIES:
        slide = slide_titled(shipped_deck, title)
        assert slide.slide_layout.name == "Analogy"
        left, right = _side(slide, "Left side"), _side(slide, "Right side")
        assert _in_body(left) and _in_body(right)
        assert left.text_frame.paragraphs[0].text == "The building"
        assert right.text_frame.paragraphs[0].text == "The AI system"
        assert len(left.text_frame.paragraphs) == len(right.text_frame.paragraphs) == 5
        # what is left outside: the summary below both panels and the arrows
        assert _free_text(slide) == [f"Pair {j} arrow" for j in (1, 2, 3, 4)] + ["Summary"]
        bodies = [
            ph for ph in slide.slide_layout.placeholders if ph.placeholder_format.type in BODIES
        ]
        assert len(bodies) == 2


def test_the_shipped_takeaways_are_the_paragraphs_of_one_body(shipped_deck):
    slide = slide_titled(shipped_deck, "Shield and compass")
    assert slide.slide_layout.name == "Takeaways"
    body = _side(slide, "Takeaways")
    assert _in_body(body)
    assert [p.text for p in body.text_frame.paragraphs] == [
        "AI security is the shield: it protects the system from outside forces",
        "AI safety is the internal compass: it keeps behavior as intended",
        "Both are non-negotiable pillars: complementary, not competing",
    ]
    assert _free_text(slide) == []
    # the first paragraph starts at the box's top, the others where their badges are
    before = [p.space_before for p in body.text_frame.paragraphs]
    assert before[0] == 0 and all(space > 0 for space in before[1:])


APART = ((900_000, 1_900_000, 4_600_000, 3_900_000), (6_500_000, 1_900_000, 4_600_000, 3_900_000))


def _build_on(folder: Path, two_content: bool):
    """The analogy on the stock template, its two-content bodies moved apart and a
    little lower, or without a two-content layout."""
    (folder / "outline.yaml").write_text(OUTLINE, encoding="utf-8")
    template = two_content_template(folder / "house.pptx", APART if two_content else None)
    return Presentation(str(built_on(folder / "outline.yaml", template, folder / "o")[0]))


def test_on_a_template_the_panels_stand_in_its_two_content_bodies(tmp_path):
    prs = _build_on(tmp_path, two_content=True)
    slide = slide_titled(prs, "A lock is a guard")
    assert slide.slide_layout.name == "Two Content"
    left, right = _side(slide, "Left side"), _side(slide, "Right side")
    assert _in_body(left) and _in_body(right)
    assert left.text_frame.text == "The door\nThe key opens it\nA picked lock"
    assert right.text_frame.text == "The guard\nThe badge lets you in\nA fooled guard"
    panels = [_side(slide, f"{side} panel") for side in ("Left", "Right")]
    assert [(p.left, p.top, p.width) for p in panels] == [
        (900_000, 1_900_000, 4_600_000),
        (6_500_000, 1_900_000, 4_600_000),
    ]
    assert panels[0].left < left.left < panels[0].left + panels[0].width
    assert panels[1].left < right.left < panels[1].left + panels[1].width
    assert _free_text(slide) == ["Pair 1 arrow", "Pair 2 arrow", "Summary"]
    takeaways = slide_titled(prs, "What to remember")
    assert takeaways.slide_layout.name == "Title and Content"
    assert _in_body(_side(takeaways, "Takeaways"))
    # without icons the badges are numbered discs: the figures are decoration
    assert _free_text(takeaways) == ["Takeaway 1 number", "Takeaway 2 number"]


def test_without_a_two_content_layout_the_left_side_takes_the_body(tmp_path):
    prs = _build_on(tmp_path, two_content=False)
    slide = slide_titled(prs, "A lock is a guard")
    assert slide.slide_layout.name == "Title and Content"
    left, right = _side(slide, "Left side"), _side(slide, "Right side")
    assert _in_body(left) and not right.is_placeholder
    assert right.text_frame.text == "The guard\nThe badge lets you in\nA fooled guard"
    # side by side as on deckgen's own template
    assert left.top == right.top and left.left + left.width < right.left


# ------------------------------------------------------------- LibreOffice's render


def _middle(page, text: str, side: str | None = None) -> float:
    """The vertical middle (pt) of the line that starts with ``text``'s first two words,
    in the page's left or right half if ``side`` says which."""
    width, _, words = page
    first, second = text.split()[:2]
    for (x0, y0, _, y1, word), after in zip(words, words[1:], strict=False):
        if word != first or after[4] != second:
            continue
        if side is None or (x0 < width / 2) == (side == "left"):
            return (y0 + y1) / 2
    raise AssertionError(f"no line starting {first!r} {second!r}")


def _rows(page, pairs) -> tuple[list[float], list[float]]:
    return (
        [_middle(page, left, "left") for left, _ in pairs],
        [_middle(page, right, "right") for _, right in pairs],
    )


PAIRS = [  # the shipped talk's first analogy (slide 8)
    ("Locks on the doors", "Access control: no unauthorized access"),
    ("Alarms and security guards", "Monitoring and digital defenses"),
    ("Intruders who break in on purpose", "Intentional, external attackers"),
    ("Burglar tricks the guard with a hidden note", "Indirect prompt injection (XPIA)"),
]
TAKEAWAYS = [  # slide 22
    "AI security is the shield: it protects the system from outside forces",
    "AI safety is the internal compass: it keeps behavior as intended",
    "Both are non-negotiable pillars: complementary, not competing",
]


def _arrows(page) -> list[float]:
    """The vertical middles (pt) of the arrows between the panels, top first."""
    return sorted((y0 + y1) / 2 for _, y0, _, y1, word in page[2] if word == "→")


def _badges(deck: Path) -> list[float]:
    """The vertical middles (pt) of the takeaways' badges, from the deck."""
    slide = Presentation(str(deck)).slides[21]
    return [
        (shape.top + shape.height / 2) / 12_700
        for i in (1, 2, 3)
        for shape in slide.shapes
        if shape.name in (f"Takeaway {i} disc", f"Takeaway {i} disc 1")
    ]


def _spread(values) -> float:
    return max(values) - min(values)


@pytest.mark.libreoffice
@pytest.mark.parametrize("template", ["default", "Vivid"])
def test_in_libreoffices_render_rows_stand_beside_their_arrows_and_badges(template, tmp_path):
    args = ["build", str(SHIPPED), "-o", str(tmp_path / "o"), "--format", "pptx"]
    if template != "default":
        (converted,) = lo_templates((template,), tmp_path, tmp_path / "p")
        args += ["--template", str(converted)]
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    (deck,) = (tmp_path / "o").glob("*.pptx")
    soffice_pdf([deck], tmp_path / "lo", tmp_path / "p")
    pages = pdf_words(tmp_path / "lo" / f"{deck.stem}.pdf")
    # each row starts at the same height on both sides, level with its arrow (a text box
    # of its own, placed at the row's top): the placeholders' spaces before are exact
    lefts, rights = _rows(pages[7], PAIRS)
    assert _spread([a - b for a, b in zip(lefts, rights, strict=True)]) <= 0.5, (lefts, rights)
    arrows = _arrows(pages[7])
    assert len(arrows) == len(PAIRS)
    assert _spread([a - b for a, b in zip(lefts, arrows, strict=True)]) <= 0.5, (lefts, arrows)
    # each takeaway (two lines each, on both) centred on its badge
    firsts = [_middle(pages[21], text) for text in TAKEAWAYS]
    badges = _badges(deck)
    assert _spread([a - b for a, b in zip(firsts, badges, strict=True)]) <= 0.5, (firsts, badges)
