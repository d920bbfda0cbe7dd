"""What slides share around their content: the title with its accent rule, the footer
with the slide number and logo, and the concept colour bars."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .fit import FitRule, fit, fit_paragraph
from .frames import Align, Anchor, Item, Paragraph, Placeholder, Role, Shape, ShapeKind, TextBox
from .geometry import EMU_PER_PT, Rect
from .text import ParaStyle, height

if TYPE_CHECKING:
    from .context import SlideContext
    from .design import Design, TemplateLayout
    from .text import Typesetter


def display_style(design: Design, size: float, color: str) -> ParaStyle:
    """Titles: in the design's title weight (bold, or a template's), tight, balanced so
    no word sits alone on the last line."""
    return ParaStyle(
        size,
        color,
        bold=design.title_bold,
        align=design.title_align,
        pitch=design.spacing.title_pitch,
        balance=True,
        heading=True,
    )


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
    style = display_style(design, scale.title, design.palette.title)
    para = fit_paragraph(ctx, text, rect.w, style, rule, lines=grid.title_lines, room=rect.h)
    title = title_box(ctx, rect, para)
    if design.plain:  # a template's own look: no accent rule of ours under its titles
        return [title]
    return [title, Shape(grid.rule, ShapeKind.RECT, accent, "Accent rule")]


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


def one_line(text: Typesetter, words: str, box: Rect, style: ParaStyle, floor: float):
    """``words`` at ``style``'s size (the template's footer size, say), or the largest
    half point down to ``floor`` that sets them on one line within ``box``'s height."""
    size = style.size
    while True:
        para = text.set(words, box.w, style.at(size))
        fits = len(para.lines) <= 1 and para.line_pitch * EMU_PER_PT <= box.h
        if fits or size - 0.5 < floor:
            return para
        size -= 0.5


def footer_items(
    design: Design,
    text: Typesetter,
    footer: str,
    number: int,
    color: str,
    logo: Item | None,
    number_color: str | None = None,
) -> list[Item]:
    """The footer line, the slide-number field and the logo, along the bottom, in the
    layout's footer and slide-number placeholders (so Header & Footer manages them); the
    number in ``number_color`` where it stands on something else than the footer."""
    footer_box, number_box = design.footer_box(logo is not None), design.number_box()
    scale = design.scale
    style = ParaStyle(scale.chrome, color)
    items = [logo] if logo is not None else []
    if footer.strip():  # a blank footer leaves the line out
        items.append(
            text.box(
                footer_box,
                [one_line(text, footer, footer_box, style, scale.chrome_floor)],
                Role.FOOTER,
                "Footer",
                anchor=Anchor.MIDDLE,
                placeholder=Placeholder.FOOTER,
            )
        )
    if design.chrome.numbered_by_template:  # its master prints the number itself
        return items
    return items + [
        text.box(
            number_box,
            [
                one_line(
                    text,
                    str(number),
                    number_box,
                    replace(
                        style.at(scale.chrome_number or scale.chrome),
                        align=Align.RIGHT,
                        color=number_color or color,
                    ),
                    scale.chrome_floor,
                )
            ],
            Role.SLIDE_NUMBER,
            "Slide number",
            anchor=Anchor.MIDDLE,
            field="slidenum",
            placeholder=Placeholder.SLIDE_NUMBER,
        ),
    ]


def template_title_items(ctx: SlideContext, boxes: TemplateLayout, title: str, lines: list[str]):
    """On an organisation's template: the title in its layout's title box and the lines
    below it (subtitle, presenter) in its subtitle box, in its colours and sizes, each at
    the largest size that fits; deckgen's discs and bars step aside for its design."""
    design = ctx.design
    scale = design.scale
    size = max(boxes.title_size or scale.hero, scale.title_floor)
    rule = FitRule(
        size,
        scale.title_floor,
        scale.step,
        warn_shrink=False,
        failure=f"the title '{title}' does not fit in the template's title box",
        failure_hint="shorten it; put the rest in the subtitle",
    )
    style = display_style(design, size, boxes.title_color)
    if boxes.title_bold is not None:  # this layout's own title weight and alignment
        style = replace(style, bold=boxes.title_bold)
    if boxes.title_align is not None:
        style = replace(style, align=boxes.title_align)
    para = fit_paragraph(ctx, title, boxes.title.w, style, rule, room=boxes.title.h)
    items: list[Item] = [title_box(ctx, boxes.title, para, anchor=Anchor.MIDDLE)]
    lines = [line for line in lines if line]
    if lines:
        items.append(_under_title(ctx, boxes, lines))
    return items


def _under_title(ctx: SlideContext, boxes: TemplateLayout, lines: list[str]) -> Item:
    design, scale = ctx.design, ctx.design.scale
    box = boxes.subtitle
    bottom = min(design.footer_top, design.grid.height)
    if box is None or box.y >= bottom:  # the lines go below the title, to the footer
        top = boxes.title.bottom
        box = Rect(boxes.title.x, top, boxes.title.w, bottom - top)
    box = Rect(box.x, box.y, box.w, min(box.bottom, bottom) - box.y)
    color = boxes.subtitle_color or design.palette.text
    # the layout's subtitle size (never below the slides' readable floor), else deckgen's;
    # the lines below it a step smaller
    preferred = max(boxes.subtitle_size, scale.floor) if boxes.subtitle_size else scale.subtitle

    def attempt(size: float):
        paras = [
            ctx.text.set(
                line,
                box.w,
                ParaStyle(size if i == 0 else size * scale.caption / scale.subtitle, color),
            )
            for i, line in enumerate(lines)
        ]
        return paras if height(paras) <= box.h else None

    rule = FitRule(
        preferred,
        scale.chrome_floor,  # deckgen's own footer size, whatever the template's
        scale.step,
        warn_shrink=False,
        failure="the subtitle and presenter do not fit in the template's subtitle box",
        failure_hint="shorten the subtitle",
    )
    paras = fit(ctx.report, rule, attempt).pages[0]
    return ctx.text.box(box, paras, Role.SUBTITLE, "Subtitle", placeholder=Placeholder.SUBTITLE)
