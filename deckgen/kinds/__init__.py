"""The slide kinds: one module each, and this registry.

Each module holds a kind's model class, its composition (``compose``: the slides it
becomes, through the layout toolkit), the master layout its slides ask for, its
place in the handout and its tailoring hook; it exports them as ``KIND``. The
registry makes the outline's ``Slide`` union, the list of kinds, the schema and
the dispatch from it. A new kind is a new module and one line here.
"""

from __future__ import annotations

from . import (
    agenda,
    analogy,
    bullets,
    closing,
    comparison,
    definition,
    glossary,
    references,
    takeaways,
    title,
)
from .base import InHandout, SlideKind

KINDS: tuple[SlideKind, ...] = (
    title.KIND,
    agenda.KIND,
    bullets.KIND,
    definition.KIND,
    analogy.KIND,
    comparison.KIND,
    takeaways.KIND,
    glossary.KIND,
    references.KIND,
    closing.KIND,
)

_BY_MODEL = {kind.model: kind for kind in KINDS}
_BY_NAME = {kind.name: kind for kind in KINDS}


def kind_of(slide) -> SlideKind:
    """The kind of a slide model instance."""
    return _BY_MODEL[type(slide)]


def kind_named(name: str) -> SlideKind | None:
    return _BY_NAME.get(name)


__all__ = ["KINDS", "InHandout", "SlideKind", "kind_named", "kind_of"]
