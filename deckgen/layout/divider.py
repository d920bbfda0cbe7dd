"""A section divider: full-bleed in the section's concept colour, its number, its title
and subtitle, and the concept's icon on a white disc. Not an outline slide kind: the
engine makes one for each section that has ``divider: true``."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..nodes import spliced
from .chrome import display_style, template_title_items, title_box
from .context import Page, SlideContext
from .fit import FitRule, fit_paragraph
from .frames import Anchor, Item, Placeholder, Role, Shape, ShapeKind, SlideLayout, TextBox
from .geometry import Rect
from .text import ParaStyle, height

if TYPE_CHECKING:
    from ..outline.talk import TalkSection


def compose_divider(section: TalkSection, number: int, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    labels = ctx.talk.labels
    notes = labels.sentence(labels("divider_notes", number=number, title=section.title))
    if section.subtitle:  # each part in its language (a fallback's in the outline's)
        notes = spliced(notes, " ", labels.sentence(section.subtitle))
    boxes = design.template_layout(SlideLayout.SECTION)
    if boxes is not None:  # the template's section layout, in its boxes
        items = template_title_items(ctx, boxes, section.title, [section.subtitle or ""])
        page = Page(section.title, items, notes, SlideLayout.SECTION)
        return [replace(page, chrome_color=boxes.chrome_color, number_color=boxes.number_color)]
    box, grid, palette = design.divider, design.grid, design.palette
    background = design.stage(palette.concept(section.concept))
    # on a template its titles' colour, which its designer made readable on its look
    ink = palette.title if design.plain else palette.on(background)
    concept = ctx.talk.concepts.get(section.concept) if section.concept else None
    icon = concept.icon if concept is not None else None
    # beside an icon the title keeps to the left; without one it may use the width
    width = box.text_width_beside_icon if icon else grid.content_width
    label = ctx.text.set(
        f"{number:02d}", width, ParaStyle(design.scale.section_number, ink, bold=True)
    )
    items: list[Item] = [
        ctx.text.box(
            Rect(grid.margin, box.number_top, width, box.number_height),
            [label],
            Role.LABEL,
            "Section number",
            placeholder=Placeholder.BODY,
        )
    ]
    title = _title(ctx, section.title, width, ink)
    items.append(title)
    if section.subtitle:
        items.append(_subtitle(ctx, section.subtitle, title.rect.bottom, width, ink))
    if icon is not None:
        size = box.disc
        disc = Rect(
            grid.right - size - box.disc_right_gap,
            (grid.height - size) // 2,
            size,
            size,
        )
        items = [_full_width(item, grid.content_width) for item in items]
        items.append(Shape(disc, ShapeKind.ELLIPSE, palette.icon_disc, "Icon disc"))
        items.append(ctx.picture(icon, disc.inset(box.disc_inset), f"{concept.label} icon"))
    return [
        Page(
            section.title,
            items,
            notes,
            SlideLayout.SECTION,
            background=background,
            chrome_color=ink,
        )
    ]


def _full_width(item: Item, full: int) -> Item:
    """A placeholder set narrower beside the icon keeps the layout's full-width box (so
    the divider's boxes are its layout's, whatever the icon): a right inset keeps its
    text clear of the icon."""
    if not isinstance(item, TextBox) or item.placeholder is None or item.rect.w >= full:
        return item
    inset = item.insets.right + full - item.rect.w
    return replace(item, rect=replace(item.rect, w=full), insets=replace(item.insets, right=inset))


def _subtitle(ctx: SlideContext, subtitle: str, below: int, width: int, ink: str):
    """The subtitle under the title, above the footer: smaller if it must, else an error."""
    design = ctx.design
    box, scale = design.divider, design.scale
    top = below + box.subtitle_gap
    rule = FitRule(
        scale.subtitle,
        box.subtitle_floor,
        scale.step,
        warn_shrink=False,
        failure=f"the subtitle of section '{ctx.report.title}' does not fit on its divider",
        failure_hint="shorten the section's subtitle to a line or two",
    )
    style = ParaStyle(scale.subtitle, ink, balance=True)
    room = design.grid.body_bottom - top
    para = fit_paragraph(ctx, subtitle, width, style, rule, room=room)
    rect = Rect(design.grid.margin, top, width, height([para]))
    return ctx.text.box(rect, [para], Role.SUBTITLE, "Subtitle", placeholder=Placeholder.SUBTITLE)


def _title(ctx: SlideContext, title: str, width: int, ink: str):
    design = ctx.design
    box, scale = design.divider, design.scale
    rule = FitRule(
        scale.hero,
        scale.title_floor,
        scale.step,
        warn_shrink=False,
        failure=f"the section title '{title}' does not fit on its divider even at "
        f"{scale.title_floor:g} pt",
        failure_hint="shorten the section title to two short lines",
    )
    style = display_style(design, scale.hero, ink)
    para = fit_paragraph(ctx, title, width, style, rule, lines=box.title_lines)
    rect = Rect(design.grid.margin, box.title_top, width, height([para]))
    return title_box(ctx, rect, para, anchor=Anchor.TOP)
