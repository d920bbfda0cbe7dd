"""The slide kinds: one module each, and this registry.

Each module holds a kind's model class, its composition (``compose``: the slides it
becomes, through the layout toolkit), the master layout its slides ask for, its
place in the handout and its tailoring hook; it exports them as ``KIND``. The
registry makes the outline's ``Slide`` union, the list of kinds, the schema and
the dispatch from it. A new kind is a new module and one line here.
"""

from __future__ import annotations

from ..layout.frames import KindLayout
from . import (
    agenda,
    analogy,
    bullets,
    chart,
    closing,
    code,
    comparison,
    definition,
    glossary,
    picture,
    quiz,
    references,
    takeaways,
    title,
)
from .base import DIVIDER_LAYOUT, InHandout, KindRegistry, SlideKind

KINDS: tuple[SlideKind, ...] = (
    title.KIND,
    agenda.KIND,
    bullets.KIND,
    picture.KIND,
    code.KIND,
    chart.KIND,
    definition.KIND,
    analogy.KIND,
    comparison.KIND,
    takeaways.KIND,
    quiz.KIND,
    glossary.KIND,
    references.KIND,
    closing.KIND,
)

REGISTRY = KindRegistry(KINDS)  # what a talk carries for layout (Talk.kinds)


def kind_of(slide) -> SlideKind:
    """The kind of a slide model instance."""
    return REGISTRY.of(slide)


def kind_named(name: str) -> SlideKind | None:
    return REGISTRY.named(name)


def kind_layouts() -> tuple[KindLayout, ...]:
    """The layouts the default template makes for kinds of slide, dividers first."""
    return REGISTRY.layouts()


def layout_names() -> dict[str, str]:
    """The default template's layout for each kind's name (and 'section', dividers)."""
    return REGISTRY.layout_names()


__all__ = [
    "DIVIDER_LAYOUT",
    "KINDS",
    "REGISTRY",
    "InHandout",
    "KindRegistry",
    "SlideKind",
    "kind_named",
    "kind_layouts",
    "kind_of",
    "layout_names",
]
