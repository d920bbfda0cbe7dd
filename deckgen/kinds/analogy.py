"""An analogy: two panels side by side, a heading (and icon) each, and the mapping
between them spelled out row by row, an arrow between each pair."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from ..layout.chrome import title_items
from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule, continued_notes, continued_title, fit, group_rows
from ..layout.frames import Align, Anchor, Item, Paragraph, Role, Shape, ShapeKind, SlideLayout
from ..layout.geometry import Rect
from ..layout.text import ParaStyle, height
from ..outline.limits import MAX_PAIRS
from ..outline.nodes import Image, Name, Node, SlideBase, Text
from .base import SlideKind


class AnalogyPanel(Node):
    heading: Text
    image: Image | None = None


class AnalogyPair(Node):
    left: Text
    right: Text


class AnalogySlide(SlideBase):
    """Two panels side by side, the mapping between them spelled out row by row."""

    kind: Literal["analogy"]
    title: Text
    concept: Name | None = Field(default=None, description="A key of `concepts`.")
    left: AnalogyPanel
    right: AnalogyPanel
    pairs: list[AnalogyPair] = Field(min_length=1, max_length=MAX_PAIRS)
    summary: Text | None = None


@dataclass(frozen=True)
class _Row:
    left: Paragraph
    right: Paragraph
    height: int


@dataclass(frozen=True)
class _Frame:
    """Where the panels and their rows go on this slide."""

    body: Rect
    panel_w: int
    text_w: int
    panels_h: int  # the panels' most height, above the summary
    rows_h: int  # the rows' room inside the panels


def compose(slide: AnalogySlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    box, scale = design.analogy, design.scale
    accent = ctx.accent(slide.concept)
    summary = None
    if slide.summary:
        ink = design.palette.readable(accent, large=True)
        style = ParaStyle(scale.caption, ink, italic=True, balance=True)
        summary = ctx.text.set(slide.summary, design.grid.body_box.w, style)
    frame = _frame(ctx, summary)
    text = ParaStyle(scale.analogy, design.palette.text)

    def rows_at(size: float) -> list[_Row]:
        rows = []
        for pair in slide.pairs:
            left = ctx.text.set(pair.left, frame.text_w, text.at(size))
            right = ctx.text.set(pair.right, frame.text_w, text.at(size))
            rows.append(_Row(left, right, max(height([left]), height([right]))))
        return rows

    def attempt(size: float):
        rows = rows_at(size)
        return rows if sum(r.height + box.row_gap for r in rows) <= frame.rows_h else None

    def paginate(floor: float):
        rows = rows_at(floor)
        pages = group_rows([r.height for r in rows], frame.rows_h, box.row_gap)
        return [[rows[i] for i in page] for page in pages]

    rule = FitRule(
        scale.analogy,
        scale.floor,
        scale.step,
        continue_message="too many pairs to fit",
        continue_hint="keep three or four pairs per analogy",
        failure=f"a pair of the analogy '{slide.title}' does not fit on a slide",
        failure_hint="keep each side of a pair to a line or two",
    )
    pages = fit(ctx.report, rule, attempt, paginate).pages
    out = []
    for i, rows in enumerate(pages):
        title = continued_title(ctx.talk.labels, slide.title, i > 0)
        items = title_items(ctx.at(i), title, accent)
        content, panel_h = _panels_and_rows(ctx, slide, frame, rows, accent)
        items += content
        if summary is not None and i == len(pages) - 1:
            top = frame.body.y + panel_h + box.summary_gap
            rect = Rect(frame.body.x, top, frame.body.w, height([summary]))
            items.append(ctx.text.box(rect, [summary], Role.CAPTION, "Summary"))
        notes = continued_notes(ctx.talk.labels, slide.title, slide.notes, i > 0)
        out.append(Page(title, items, notes, SlideLayout.TITLE_ONLY, continued=i > 0))
    return out


def _frame(ctx: SlideContext, summary: Paragraph | None) -> _Frame:
    box = ctx.design.analogy
    body = ctx.design.grid.body_box
    panel_w = (body.w - box.gap) // 2
    # the summary keeps clear of the footer below it
    summary_h = height([summary]) + box.summary_clearance if summary is not None else 0
    panels_h = body.h - summary_h
    rows_h = panels_h - box.heading_height - 2 * box.pad + box.row_gap
    return _Frame(body, panel_w, panel_w - 2 * box.pad, panels_h, rows_h)


def _panels_and_rows(
    ctx: SlideContext, slide: AnalogySlide, frame: _Frame, rows: list[_Row], accent: str
) -> tuple[list[Item], int]:
    """The panels, sized to their rows, and the rows; and the panels' height."""
    box = ctx.design.analogy
    used = sum(r.height for r in rows)
    # spread the rows over the panels' height, within reason
    spacing = min(box.most_spacing, (frame.rows_h - used) // max(1, len(rows)))
    used += spacing * len(rows) - spacing
    panel_h = min(frame.panels_h, box.heading_height + box.pad + used + box.pad + spacing // 2)
    items = _panels(ctx, slide, frame, panel_h, accent)
    y = frame.body.y + box.heading_height + box.pad
    for j, row in enumerate(rows, 1):
        items += _row(ctx, frame, row, j, y, accent)
        y += row.height + spacing
    return items, panel_h


def _panels(
    ctx: SlideContext, slide: AnalogySlide, frame: _Frame, panel_h: int, accent: str
) -> list[Item]:
    design = ctx.design
    box, palette = design.analogy, design.palette
    body = frame.body
    items: list[Item] = []
    for side, x, panel, fill, ink in (
        ("Left", body.x, slide.left, palette.surface, palette.primary),
        (
            "Right",
            body.x + frame.panel_w + box.gap,
            slide.right,
            palette.tint(accent, palette.panel_tint),
            palette.readable(accent, palette.tint(accent, palette.panel_tint), large=True),
        ),
    ):
        rect = Rect(x, body.y, frame.panel_w, panel_h)
        items.append(
            Shape(rect, ShapeKind.ROUND_RECT, fill, f"{side} panel", corner=design.shapes.corner)
        )
        heading_x = x + box.pad
        top = body.y + box.heading_top
        if panel.image is not None:
            icon = Rect(x + box.pad, top, box.icon, box.icon)
            items.append(ctx.picture(panel.image, icon, f"{side} icon"))
            heading_x += box.icon_advance
        width = x + frame.panel_w - box.pad - heading_x
        style = ParaStyle(design.scale.analogy_heading, ink, bold=True)
        items.append(
            ctx.text.box(
                Rect(heading_x, top, width, box.heading_box),
                [ctx.text.set(panel.heading, width, style)],
                Role.LABEL,
                f"{side} heading",
                anchor=Anchor.MIDDLE,
            )
        )
    return items


def _row(ctx: SlideContext, frame: _Frame, row: _Row, j: int, y: int, accent: str) -> list[Item]:
    design = ctx.design
    box = design.analogy
    body = frame.body
    arrow_style = ParaStyle(
        design.scale.arrow,
        design.palette.readable(accent, large=True),
        bold=True,
        align=Align.CENTER,
        pitch=design.spacing.tight_pitch,
    )
    arrow = ctx.text.set("→", box.gap, arrow_style)
    right_x = body.x + frame.panel_w + box.gap + box.pad
    return [
        ctx.text.box(
            Rect(body.x + box.pad, y, frame.text_w, row.height),
            [row.left],
            Role.BODY,
            f"Pair {j} left",
        ),
        ctx.text.box(
            Rect(body.x + frame.panel_w, y, box.gap, max(row.height, height([arrow]))),
            [arrow],
            Role.DECORATION,
            f"Pair {j} arrow",
        ),
        ctx.text.box(
            Rect(right_x, y, frame.text_w, row.height), [row.right], Role.BODY, f"Pair {j} right"
        ),
    ]


KIND = SlideKind("analogy", AnalogySlide, compose, slide_layout=SlideLayout.TITLE_ONLY)
