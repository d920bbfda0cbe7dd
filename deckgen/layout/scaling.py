"""A design for another slide size than deckgen's own 13.333 × 7.5 in."""

from __future__ import annotations

import functools
import typing
from dataclasses import fields, is_dataclass, replace

from .design import Design
from .geometry import LENGTH, ON_PAPER, TYPE_SIZE, Scaling


def scaled(design: Design, factor: float) -> Design:
    """``design`` for a slide ``factor`` times the size of 13.333 × 7.5 in: every length
    (``Emu``) and type size (``Pt``) times ``factor``, so a slide looks the same, only
    smaller or larger; counts, ratios and colours stay, and what is on paper (the notes
    page, the handout) keeps its sizes. What scales is said by each field's type."""
    if factor == 1:
        return design
    return _scaled(design, factor)


def _scaled(record, factor: float):
    """A part of the design record (a dataclass) with its fields scaled by their types;
    a part inside it (a dataclass value: a Rect, Insets, a composition's design) in turn."""
    marks = _marks(type(record))
    changes = {}
    for name, mark in marks.items():
        value = getattr(record, name)
        if value is None or isinstance(value, bool) or mark is ON_PAPER:
            continue
        if is_dataclass(value):
            changes[name] = _scaled(value, factor)
        elif mark is LENGTH and isinstance(value, int):
            changes[name] = round(value * factor)
        elif mark is TYPE_SIZE and isinstance(value, int | float):
            changes[name] = round(value * factor * 2) / 2  # half points, as PowerPoint offers
    return replace(record, **changes) if changes else record


@functools.cache
def _marks(cls: type) -> dict[str, Scaling | None]:
    """Each field of ``cls`` and how its type says it scales (None: it does not, unless
    its value is a part of the record)."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return {field.name: _mark(hints[field.name]) for field in fields(cls)}


def _mark(hint) -> Scaling | None:
    """The Scaling an annotation carries: ``Annotated[…, mark]``, also inside ``… | None``."""
    for arg in (hint, *typing.get_args(hint)):
        if typing.get_origin(arg) is typing.Annotated:
            found = [m for m in arg.__metadata__ if isinstance(m, Scaling)]
            if found:
                return found[0]
    return None
