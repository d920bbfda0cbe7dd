"""What assistive technology needs from a laid-out slide: which items are decoration,
and the order a screen reader reads them in.

A slide's items are in paint order (what is drawn later lies on top), and both the
deck's shape tree and the tagged PDF read them in that order. :func:`reading_order`
moves the title to the front, as far as paint order allows: never below an item it
overlaps, so what it covers and what covers it stay as they were. Whatever is left
before it is decoration (a backdrop, a rule), which screen readers skip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..inline import has_markup, plain
from .frames import Chart, Item, Picture, Placeholder, Role, Shape, Table, TextBox


def is_title(item: Item) -> bool:
    return isinstance(item, TextBox) and (
        item.placeholder is Placeholder.TITLE or item.role is Role.TITLE
    )


def is_chrome(item: Item) -> bool:
    """Text that repeats on every slide and is not its content: the footer, the number."""
    return isinstance(item, TextBox) and item.role in (Role.FOOTER, Role.SLIDE_NUMBER)


def is_decorative(item: Item) -> bool:
    """Drawn for the look alone: every plain shape (rules, bars, panels, discs), a
    decoration's text (a quote mark) and a picture the outline calls decorative."""
    if isinstance(item, Shape):
        return True
    if isinstance(item, TextBox):
        return item.role is Role.DECORATION
    if isinstance(item, Picture):
        return item.decorative
    return False


def described(items: Sequence[Item], title: str) -> list[Item]:
    """A table says what it is to a screen reader before its cells: the slide's title,
    where its kind gave it no alt text of its own. Every alt text is what the outline's
    reads as, without its markup (a screen reader says no asterisks)."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, Table) and not item.alt:
            item = replace(item, alt=title)
        elif isinstance(item, Table | Picture | Chart) and has_markup(item.alt):
            item = replace(item, alt=plain(item.alt))
        out.append(item)
    return out


def reading_order(items: Sequence[Item]) -> list[Item]:
    """``items`` with the title read first: moved in front of everything drawn before it
    that it does not overlap."""
    out = list(items)
    at = next((i for i, item in enumerate(out) if is_title(item)), None)
    if at is None or at == 0:
        return out
    title = out.pop(at)
    rect = title.rect
    floor = max((i + 1 for i in range(at) if out[i].rect.overlaps(rect)), default=0)
    out.insert(floor, title)
    return out


__all__ = ["described", "is_chrome", "is_decorative", "is_title", "reading_order"]
