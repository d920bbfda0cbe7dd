"""One slide frame as inline SVG for the web handout: the same frames the deck and the
PDFs draw, at the same places, with real text (selectable, searchable, read by screen
readers in the frame's order) set line by line as layout broke it.

Lengths are points (the ``viewBox`` is the slide in points); pictures are drawn once a
document (:class:`Pictures`, ``<use>`` of a shared ``<image>``), gradients once a slide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from ...layout.access import is_chrome, is_decorative, is_title
from ...layout.frames import (
    Align,
    Chart,
    Gradient,
    Item,
    Paragraph,
    Picture,
    Role,
    Run,
    Shape,
    ShapeKind,
    SlideFrame,
    Table,
    TextBox,
)
from ...layout.geometry import Rect
from ...layout.placing import placeholder_grounds, text_origin
from .chart import chart_svg
from .fonts import Families
from .paint import Pictures, gradient, picture_fill
from .units import EMU_PER_PT, attr, num, pt


@dataclass
class SlideSvg:
    """What drawing one slide needs: the deck's size and design, the document's pictures
    and font families, and the ids this slide's gradients and clips take."""

    width: int
    height: int
    design: object  # layout.design.Design
    pictures: Pictures
    families: Families
    prefix: str
    counter: list[int] = field(default_factory=lambda: [0])

    def new_id(self) -> str:
        self.counter[0] += 1
        return f"{self.prefix}-{self.counter[0]}"


def slide_svg(frame: SlideFrame, ctx: SlideSvg, labelledby: str) -> str:
    """The frame as an ``<svg>``: its ground and the template's scenery, then its items
    in paint order."""
    defs: list[str] = []
    parts = [_ground(frame, ctx, defs)]
    for item in frame.items:
        parts.append(_item(item, ctx, defs))
    return (
        f'<svg class="slide-art" viewBox="0 0 {pt(ctx.width)} {pt(ctx.height)}" '
        f'aria-labelledby="{labelledby}" role="group" '
        f'font-family="{attr(ctx.families.body)}">'
        + (f"<defs>{''.join(defs)}</defs>" if defs else "")
        + "".join(parts)
        + "</svg>"
    )


def _ground(frame: SlideFrame, ctx: SlideSvg, defs: list[str]) -> str:
    design = ctx.design
    fill = design.slide_fill(frame.layout, frame.background)
    out = [f'<rect width="{pt(ctx.width)}" height="{pt(ctx.height)}" fill="#{fill}"/>']
    if design.plain:
        for item in design.scenery.get(frame.layout.value, ()):
            out.append(_item(item, ctx, defs, scenery=True))
        out += [_shape(ground, ctx, defs) for ground in placeholder_grounds(design, frame)]
    return '<g aria-hidden="true">' + "".join(out) + "</g>"


def _item(item: Item, ctx: SlideSvg, defs: list[str], scenery: bool = False) -> str:
    hidden = scenery or is_decorative(item) or is_chrome(item) or is_title(item)
    match item:
        case TextBox():
            drawn = _text_box(item, ctx)
        case Table():
            drawn = _table(item, ctx)
        case Picture():
            drawn = _picture(item, ctx, hidden)
        case Shape():
            drawn = _shape(item, ctx, defs)
        case Chart():
            return chart_svg(item)
        case _:  # pragma: no cover - the frames are a closed set
            raise TypeError(f"unknown frame item {item!r}")
    # the title is the slide's heading in the page; chrome and decoration are skipped
    return f'<g aria-hidden="true">{drawn}</g>' if hidden and drawn else drawn


# ------------------------------------------------------------------------------- text


def _text_box(box: TextBox, ctx: SlideSvg) -> str:
    rect = box.rect
    out = []
    if box.fill:
        out.append(_rect(rect, f'fill="#{box.fill}"'))
    if box.paragraphs:
        left, top, width = text_origin(box)
        family = ctx.families.heading if box.role is Role.TITLE else ctx.families.body
        out.append(paragraphs_svg(box.paragraphs, (left, top, width), ctx, family))
    return "".join(out)


def paragraphs_svg(paragraphs, at: tuple[float, float, float], ctx: SlideSvg, family) -> str:
    """The paragraphs' lines from ``at`` ((left, top, width), EMU), each a ``<text>`` at
    its baseline, where the design's line model puts it (as the PDFs do)."""
    left, top, width = at
    lines, families = ctx.design.faces.lines, ctx.families
    out = []
    y = top
    for index, para in enumerate(paragraphs):
        if index:
            y += para.space_before * EMU_PER_PT
        for number, line in enumerate(para.lines):
            baseline = y + lines.baseline(para.size, para.line_pitch) * EMU_PER_PT
            out.append(_line(para, line, number == 0, left, baseline, width, families, family))
            y += para.line_pitch * EMU_PER_PT
    return "".join(out)


def _line(para: Paragraph, line, first: bool, left, baseline, width, families, family) -> str:
    x = left + para.margin_left
    if first and para.hanging and not para.bullet:
        x -= para.hanging
    anchor = ""
    if para.align is Align.CENTER:
        x, anchor = left + para.margin_left + (width - para.margin_left) / 2, "middle"
    elif para.align is Align.RIGHT:
        x, anchor = left + width, "end"
    out = []
    size = num(para.size)
    if first and para.bullet:
        bullet_x = left + para.margin_left - para.hanging
        out.append(
            f'<text x="{pt(bullet_x)}" y="{pt(baseline)}" font-size="{size}" '
            f'fill="#{para.bullet_color or para.color}" aria-hidden="true">'
            f"{escape(para.bullet)}</text>"
        )
    spans = "".join(run_svg(run, para.color, families) for run in line)
    lead = f' text-anchor="{anchor}"' if anchor else ""
    face = f' font-family="{attr(family)}"' if family != families.body else ""
    out.append(
        f'<text x="{pt(x)}" y="{pt(baseline)}" font-size="{size}" fill="#{para.color}"'
        f"{lead}{face}>{spans}</text>"
    )
    return "".join(out)


def run_svg(run: Run, color: str, families) -> str:
    attrs = []
    if run.bold:
        attrs.append('font-weight="bold"')
    if run.italic:
        attrs.append('font-style="italic"')
    if run.color and run.color != color:
        attrs.append(f'fill="#{run.color}"')
    if run.code:
        attrs.append(f'font-family="{attr(families.mono)}"')
    if run.link:
        attrs.append('text-decoration="underline"')
    if run.lang:  # words in another language than the page's (a translation's fallback)
        attrs.append(f'lang="{attr(run.lang)}"')
    span = f"<tspan {' '.join(attrs)}>{escape(run.text)}</tspan>" if attrs else escape(run.text)
    if run.link:
        return f'<a href="{attr(run.link)}">{span}</a>'
    return span


# ------------------------------------------------------------------------ tables


def _table(table: Table, ctx: SlideSvg) -> str:
    ins = table.insets
    out, texts = [], []
    y = table.rect.y
    for row, height in zip(table.cells, table.row_heights, strict=True):
        x = table.rect.x
        for cell, width in zip(row, table.col_widths, strict=True):
            if cell.fill:
                out.append(_rect(Rect(x, y, width, height), f'fill="#{cell.fill}"'))
            at = (x + ins.left, table.text_top(y, height, cell), width - ins.left - ins.right)
            texts.append(paragraphs_svg(cell.paragraphs, at, ctx, ctx.families.body))
            x += width
        y += height
    rules = []
    rect = table.rect
    x = rect.x
    for width in table.col_widths[:-1]:
        x += width
        rules.append(f"M{pt(x)} {pt(rect.y)}V{pt(rect.bottom)}")
    y = rect.y
    for height in table.row_heights[:-1]:
        y += height
        rules.append(f"M{pt(rect.x)} {pt(y)}H{pt(rect.right)}")
    stroke = (
        f'<path d="{"".join(rules)}" stroke="#{table.border}" '
        f'stroke-width="{num(table.border_width)}" fill="none"/>'
        if rules
        else ""
    )
    return f'<g aria-hidden="true">{"".join(out)}{stroke}</g>{"".join(texts)}'


# ---------------------------------------------------------------------- pictures


def _picture(picture: Picture, ctx: SlideSvg, hidden: bool) -> str:
    data = picture.data
    if not data:
        try:
            with open(picture.path, "rb") as handle:
                data = handle.read()
        except OSError:
            return ""
    drawn = ctx.pictures.use(data, picture.rect)
    if picture.line is not None:  # its hairline frame, as the deck's a:ln and the PDFs draw it
        stroke = f'stroke="#{picture.line}" stroke-width="{num(picture.line_width)}"'
        drawn += _rect(picture.rect, f'fill="none" {stroke}')
    if hidden or not picture.alt:
        return drawn
    return f'<g role="img" aria-label="{attr(picture.alt)}">{drawn}</g>'


# ------------------------------------------------------------------------- shapes


def _rect(rect: Rect, paint: str) -> str:
    return (
        f'<rect x="{pt(rect.x)}" y="{pt(rect.y)}" width="{pt(rect.w)}" '
        f'height="{pt(rect.h)}" {paint}/>'
    )


def outline_svg(shape: Shape, paint: str) -> str:
    rect = shape.rect
    if shape.kind is ShapeKind.PATH:
        return f'<path d="{path_data(shape.path)}" {paint}/>'
    if shape.kind is ShapeKind.ELLIPSE:
        return (
            f'<ellipse cx="{pt(rect.x + rect.w / 2)}" cy="{pt(rect.y + rect.h / 2)}" '
            f'rx="{pt(rect.w / 2)}" ry="{pt(rect.h / 2)}" {paint}/>'
        )
    if shape.kind is ShapeKind.ROUND_RECT:
        radius = pt(shape.corner * min(rect.w, rect.h))
        return _rect(rect, f'rx="{radius}" {paint}')
    return _rect(rect, paint)


def path_data(steps) -> str:
    out = []
    for step in steps:
        match step:
            case ("M", x, y):
                out.append(f"M{pt(x)} {pt(y)}")
            case ("L", x, y):
                out.append(f"L{pt(x)} {pt(y)}")
            case ("C", x1, y1, x2, y2, x, y):
                out.append(f"C{pt(x1)} {pt(y1)} {pt(x2)} {pt(y2)} {pt(x)} {pt(y)}")
            case ("Z",):
                out.append("Z")
    return "".join(out)


def _shape(shape: Shape, ctx: SlideSvg, defs: list[str]) -> str:
    stroke = f' stroke="#{shape.line}" stroke-width="{num(shape.line_width)}"' if shape.line else ""
    opacity = f' fill-opacity="{num(shape.opacity)}"' if shape.opacity < 1 else ""
    paint = shape.paint
    if paint is None:
        fill = f'fill="#{shape.fill}"' if shape.fill else 'fill="none"'
        return outline_svg(shape, fill + opacity + stroke)
    clip = ctx.new_id()
    defs.append(f'<clipPath id="{clip}">{outline_svg(shape, "")}</clipPath>')
    if isinstance(paint, Gradient):
        inside = gradient(paint, ctx.new_id, defs)
    else:
        inside = picture_fill(paint, ctx.pictures)
    xx, yx, xy, yy, dx, dy = paint.place
    place = f"matrix({num(xx)} {num(yx)} {num(xy)} {num(yy)} {pt(dx)} {pt(dy)})"
    see_through = f' opacity="{num(shape.opacity)}"' if shape.opacity < 1 else ""
    group = f'<g clip-path="url(#{clip})"{see_through}><g transform="{place}">{inside}</g></g>'
    line = outline_svg(shape, 'fill="none"' + stroke) if shape.line else ""
    return group + line
