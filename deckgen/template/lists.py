"""A template's list levels: where its body text's first and second levels put their
bullets and text, and how large they set, as the layout's body placeholder inherits them
(its own list style, then the master's body placeholder's, then the master's body style).
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.oxml.ns import qn

from . import look


@dataclass(frozen=True)
class ListLevel:
    """One list level's indents (EMU) and size (points); None where the chain says nothing."""

    margin: int | None = None  # marL: the text from the box's edge
    hanging: int | None = None  # -indent: how far the first line (its bullet) hangs left
    size: float | None = None


def list_levels(layout) -> tuple[ListLevel, ListLevel]:
    """``layout``'s body text's first and second list levels."""
    master = layout.slide_master
    chain = []
    for owner in (layout, master):
        body = next(
            (ph for ph in look.placeholders(owner) if ph.placeholder_format.type in look.BODIES),
            None,
        )
        if body is not None:
            chain += body.element.xpath("./p:txBody/a:lstStyle")
    chain += master.element.xpath("./p:txStyles/p:bodyStyle")
    return _level(chain, "a:lvl1pPr"), _level(chain, "a:lvl2pPr")


def _level(chain: list, tag: str) -> ListLevel:
    levels = [found for style in chain if (found := style.find(qn(tag))) is not None]

    def first(get):
        return next((value for value in map(get, levels) if value is not None), None)

    margin = first(lambda ppr: look.emu(ppr.get("marL")))
    indent = first(lambda ppr: look.emu(ppr.get("indent")))
    size = first(lambda ppr: _size(ppr.find(qn("a:defRPr"))))
    return ListLevel(
        margin=margin if margin is not None and margin >= 0 else None,
        hanging=max(-indent, 0) if indent is not None else None,
        size=size,
    )


def _size(rpr) -> float | None:
    value = look.emu(rpr.get("sz")) if rpr is not None else None
    return value / 100 if value is not None and 100 <= value <= 400_000 else None
