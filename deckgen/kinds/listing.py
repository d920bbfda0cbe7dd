"""What the agenda, glossary and references slides share: one paragraph per entry."""

from __future__ import annotations

from ..layout.context import SlideContext
from ..layout.fit import FlowBlock
from ..layout.frames import Paragraph, Run
from ..layout.text import ParaStyle


def entry(
    ctx: SlideContext,
    runs: tuple[Run, ...],
    before: float,
    hang: int = 0,
    hang_size: float | None = None,
) -> FlowBlock:
    """One entry of a listing, sized when it is placed; ``before`` is its space above,
    a share of the size; ``hang`` how far its first line hangs left of the rest, for
    text at ``hang_size`` (where given, set larger on a sparse slide, it hangs as much
    further: the number or time before it is wider too)."""

    def make(size: float, width: int) -> list[Paragraph]:
        hung = round(hang * size / hang_size) if hang_size and size > hang_size else hang
        style = ParaStyle(
            size,
            ctx.design.palette.text,
            space_before=size * before,
            margin_left=hung,
            hanging=hung,
        )
        return [ctx.text.set(runs, width, style)]

    return FlowBlock(make)
