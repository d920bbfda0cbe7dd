"""Helpers for layout and slide-kind tests: small talks written inline, laid out with a
deterministic measurer, and ways to find items on the frames."""

from __future__ import annotations

import signal
import textwrap
from contextlib import contextmanager
from pathlib import Path

import pytest

from deckgen.errors import BuildError, Diagnostic, Severity
from deckgen.layout.design import Design
from deckgen.layout.engine import layout_deck
from deckgen.layout.frames import Deck, Item, Placeholder, SlideFrame, TextBox
from deckgen.layout.geometry import EMU_PER_PT, Rect
from deckgen.layout.measure import FixedMeasurer, Measurer
from deckgen.outline.loader import load_outline, load_outline_text
from deckgen.outline.model import Outline
from deckgen.outline.tailor import tailor
from deckgen.outline.talk import Talk

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "outline.yaml"
SMALL = ROOT / "tests" / "fixtures" / "small" / "outline.yaml"
FAKE = FixedMeasurer(0.5)

# two concepts with icons (from the shipped assets) and one without
CONCEPTS = """\
concepts:
  security:
    label: Security
    color: "#1F5AA6"
    icon: {path: assets/icons/shield.png, alt: A shield}
  safety:
    label: Safety
    color: "#B4530A"
    icon: {path: assets/icons/compass.png, alt: A compass}
  plain:
    label: Plain
    color: "#2E7D32"
"""


def outline_text(
    slides: str, head: str = "", section: str = "divider: false", meta: str = "{title: Talk}"
) -> str:
    """An outline of one section holding ``slides`` (YAML list items, unindented);
    ``head`` goes after ``meta`` (concepts, theme, references…), ``section`` into the
    section's mapping."""
    body = textwrap.indent(textwrap.dedent(slides).strip("\n"), " " * 6)
    section_keys = textwrap.indent(textwrap.dedent(section).strip("\n"), " " * 4)
    if "\n" in meta.strip():
        meta = "\n" + textwrap.indent(textwrap.dedent(meta).strip("\n"), "  ")
    return (
        f"meta: {meta}\n"
        + textwrap.dedent(head)
        + "sections:\n  - title: Section\n"
        + section_keys
        + "\n    slides:\n"
        + body
        + "\n"
    )


def outline_from(text: str) -> Outline:
    """The outline as loaded, before tailoring (audiences and only/skip still in it)."""
    return load_outline_text(textwrap.dedent(text), "outline.yaml", base_dir=ROOT)


def talk_from(text: str, audience: str | None = None) -> Talk:
    """The talk one build lays out (layout takes a tailored talk, never an outline)."""
    return tailor(outline_from(text), None, audience)


def talk_at(path: Path, audience: str | None = None) -> Talk:
    return tailor(load_outline(path), None, audience)


def deck_from(
    text: str,
    measurer: Measurer = FAKE,
    audience: str | None = None,
    design: Design | None = None,
) -> Deck:
    return layout_deck(talk_from(text, audience), measurer, design)


def build_errors(text: str, measurer: Measurer = FAKE) -> list[Diagnostic]:
    """The errors laying out ``text`` raises (it must raise)."""
    with pytest.raises(BuildError) as info:
        layout_deck(talk_from(text), measurer)
    return [d for d in info.value.diagnostics if d.severity is Severity.ERROR]


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``text`` that holds ``needle`` first."""
    for number, line in enumerate(textwrap.dedent(text).splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the outline")


# ------------------------------------------------------------------ reading frames


def names(slide: SlideFrame) -> list[str]:
    return [item.name for item in slide.items]


def named(slide: SlideFrame, name: str) -> Item:
    """The one item called ``name`` on ``slide``."""
    found = [item for item in slide.items if item.name == name]
    assert len(found) == 1, (name, names(slide))
    return found[0]


CHROME = (Placeholder.FOOTER, Placeholder.SLIDE_NUMBER)


def placeholders(slide: SlideFrame) -> list:
    """The placeholders the kind's own text boxes fill, in order (the engine's footer and
    slide number, in their placeholders on every content slide, are left out)."""
    return [
        i.placeholder
        for i in slide.items
        if isinstance(i, TextBox) and i.placeholder and i.placeholder not in CHROME
    ]


def of_kind(deck: Deck, kind: str) -> list[SlideFrame]:
    return [s for s in deck.slides if s.source is not None and s.source.kind == kind]


def text_of(item: TextBox) -> str:
    return "\n".join(p.text for p in item.paragraphs)


def line_texts(paragraph) -> list[str]:
    return ["".join(r.text for r in line) for line in paragraph.lines]


def is_chrome(item: Item) -> bool:
    """The footer line and the slide number the engine adds (not the closing's small print)."""
    return isinstance(item, TextBox) and item.name in ("Footer", "Slide number")


def margins(design: Design) -> Rect:
    """Where everything but a full-bleed background may go: within the side margins,
    from the title's top down to the bottom of the footer."""
    grid, chrome = design.grid, design.chrome
    bottom = chrome.top + chrome.height
    return Rect(grid.margin, grid.title_top, grid.content_width, bottom - grid.title_top)


def assert_inside(deck: Deck) -> None:
    """Every item of every slide lies on the slide and inside the design's margins."""
    design = deck.design
    slide_rect, safe = design.grid.slide, margins(design)
    for slide in deck.slides:
        for item in slide.items:
            assert slide_rect.contains(item.rect), (slide.number, item.name, item.rect)
            assert safe.contains(item.rect), (slide.number, item.name, item.rect, safe)


def assert_text_fits(deck: Deck) -> None:
    """Every text box is tall enough for its lines."""
    for slide in deck.slides:
        for item in slide.items:
            if isinstance(item, TextBox) and item.paragraphs:
                assert item.content_height * EMU_PER_PT <= item.rect.h + 1, (
                    slide.number,
                    item.name,
                )


@contextmanager
def deadline(seconds: int = 10):
    """Fail, rather than hang, if the block does not end within ``seconds``."""

    def expire(signum, frame):
        raise AssertionError(f"did not end within {seconds} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
