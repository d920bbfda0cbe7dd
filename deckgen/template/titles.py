"""Titles on their layout's box, even where a template's layout places its title oddly.

deckgen sets content slides' titles where the content layout (or its master, where the
layout's own boxes are not placed as titles are: exported templates give some layouts a
title in mid-slide, under artwork or below the body's top) has its title. Where a layout
content, title-only or two-content slides are built on places its title elsewhere, its
title placeholder is moved to that box, and said: then the slides' titles stand on their
layout's box, and a slide added by hand from the layout puts its title there too.
"""

from __future__ import annotations

from .. import oxml
from ..errors import Diagnostic, quoted, warning
from ..layout.frames import SlideLayout
from ..layout.geometry import EMU_PER_INCH, EMU_PER_PT, Rect
from . import look

NEAR = EMU_PER_PT  # boxes within a point of each other are the same box
_TITLED = (SlideLayout.CONTENT, SlideLayout.TITLE_ONLY, SlideLayout.TWO_CONTENT)


def place_titles(chosen: dict, title_box: Rect) -> list[Diagnostic]:
    """Move the title of each layout content-like slides use to ``title_box`` where it
    stands elsewhere (the master's title when the layout has none of its own); one
    warning for the layouts moved from one place."""
    moved: dict[str, list[str]] = {}
    seen = set()
    for kind in _TITLED:
        layout = chosen[kind].layout
        title = next(
            (ph for ph in look.placeholders(layout) if ph.placeholder_format.type in look.TITLES),
            None,
        )
        if id(layout.part) in seen or title is None:
            continue
        seen.add(id(layout.part))
        held = look.shape_rect(title) or look.master_rect(layout.slide_master, look.TITLES)
        if held is not None and _near(held, title_box):
            continue
        oxml.move_shape(title, title_box.x, title_box.y, title_box.w, title_box.h)
        moved.setdefault(_where(held), []).append(quoted(layout.name))
    return [
        warning(
            f"the template's {'layouts' if len(names) > 1 else 'layout'} {', '.join(names)} "
            f"{'place their titles' if len(names) > 1 else 'places its title'} at {where}, not "
            f"where slides' titles go: moved to {_where(title_box)}, so the slides and slides "
            "added by hand agree",
            hint="place the layouts' titles where their master has it, or name other layouts "
            "under template.layouts",
            topic="template",
        )
        for where, names in moved.items()
    ]


def _near(one: Rect, other: Rect) -> bool:
    return all(
        abs(a - b) <= NEAR
        for a, b in zip(
            (one.x, one.y, one.w, one.h), (other.x, other.y, other.w, other.h), strict=True
        )
    )


def _where(rect: Rect | None) -> str:
    if rect is None:
        return "nowhere"
    inches = [value / EMU_PER_INCH for value in (rect.x, rect.y, rect.w, rect.h)]
    return "{:.2f}, {:.2f} in ({:.2f} × {:.2f} in)".format(*inches)
