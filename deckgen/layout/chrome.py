"""What slides share around their content: the title with its accent rule, the footer
with the slide number and logo, and the concept colour bars."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .fit import FitRule, fit_paragraph
from .frames import Align, Anchor, Item, Paragraph, Placeholder, Role, Shape, ShapeKind, TextBox
from .geometry import EMU_PER_PT, Rect
from .text import ParaStyle

if TYPE_CHECKING:
    from .context import SlideContext
    from .design import Design
    from .text import Typesetter


def display_style(design: Design, size: float, color: str) -> ParaStyle:
    """Titles: bold, tight, balanced so no word sits alone on the last line."""
    return ParaStyle(size, color, bold=True, pitch=design.spacing.title_pitch, balance=True)


def title_box(ctx: SlideContext, rect: Rect, para: Paragraph, anchor=Anchor.BOTTOM) -> TextBox:
    """A slide's title, in the layout's title placeholder."""
    return ctx.text.box(
        rect,
        [para],
        Role.TITLE,
        "Title",
        anchor=anchor,
        placeholder=Placeholder.TITLE,
        pos=ctx.report.pos,
    )


def title_items(ctx: SlideContext, text: str, accent: str) -> list[Item]:
    """The title placeholder (bottom-anchored, at most two lines) and the accent rule."""
    design = ctx.design
    grid, scale = design.grid, design.scale
    rect = grid.title_box
    rule = FitRule(
        scale.title,
        scale.title_floor,
        scale.step,
        what="title",
        shrink_hint="a shorter title keeps the type scale",
        failure=f"the title '{text}' does not fit on a slide even at {scale.title_floor:g} pt",
        failure_hint="shorten the title to two short lines; move detail to the body or the notes",
    )
    style = display_style(design, scale.title, design.palette.primary)
    para = fit_paragraph(ctx, text, rect.w, style, rule, lines=grid.title_lines, room=rect.h)
    return [title_box(ctx, rect, para), Shape(grid.rule, ShapeKind.RECT, accent, "Accent rule")]


def concept_bars(design: Design, x: int, y: int, fallback: str | None = None) -> list[Item]:
    """The talk's colours side by side, one short bar per concept."""
    bars = design.bars
    colors = list(design.palette.accents[: bars.most])
    if not colors and fallback:
        colors = [fallback]
    return [
        Shape(
            Rect(x + i * bars.pitch, y, bars.width, bars.height),
            ShapeKind.RECT,
            color,
            f"Accent {i + 1}",
        )
        for i, color in enumerate(colors)
    ]


def footer_points(design: Design, has_logo: bool) -> float:
    """The width the footer's one line may take, in points."""
    return design.footer_box(has_logo).w / EMU_PER_PT * design.spacing.wrap_safety


def footer_items(
    design: Design,
    text: Typesetter,
    footer: str,
    number: int,
    color: str,
    logo: Item | None,
) -> list[Item]:
    """The footer line, the slide-number field and the logo, along the bottom, in the
    layout's footer and slide-number placeholders (so Header & Footer manages them)."""
    footer_box, number_box = design.footer_box(logo is not None), design.number_box()
    style = ParaStyle(design.scale.chrome, color)
    return ([logo] if logo is not None else []) + [
        text.box(
            footer_box,
            [text.set(footer, footer_box.w, style)],
            Role.FOOTER,
            "Footer",
            anchor=Anchor.MIDDLE,
            placeholder=Placeholder.FOOTER,
        ),
        text.box(
            number_box,
            [text.set(str(number), number_box.w, replace(style, align=Align.RIGHT))],
            Role.SLIDE_NUMBER,
            "Slide number",
            anchor=Anchor.MIDDLE,
            field="slidenum",
            placeholder=Placeholder.SLIDE_NUMBER,
        ),
    ]
