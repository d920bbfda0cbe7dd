"""Slide compositions with a designed visual: definition (a quote with its
attribution), analogy (two panels), comparison (a native table) and takeaways.
A mixin of the layout engine (see engine.py)."""

from __future__ import annotations

from collections.abc import Sequence

from ..outline import model as m
from .common import ANALOGY_SIZE, NoRoom
from .frames import (
    Align,
    Anchor,
    Item,
    Paragraph,
    Placeholder,
    Role,
    Shape,
    ShapeKind,
    Table,
    TableCell,
)
from .geometry import Insets, Rect, inch
from .theme import on_color


class VisualSlides:
    """Mixed into the engine; uses its helpers (para, box, picture, title_items, emit…)."""

    def slide_definition(self, slide: m.DefinitionSlide) -> None:
        t = self.theme
        accent = t.concept_color(slide.concept or (self.section.concept if self.section else None))
        concept = t.concepts.get(slide.concept) if slide.concept else None
        body = t.body_box
        mark_w = inch(1.1)
        icon_d = inch(2.6)
        has_icon = concept is not None and concept.icon is not None
        quote_x = body.x + mark_w
        quote_w = body.right - quote_x - (icon_d + inch(0.5) if has_icon else 0)
        attribution = "— " + slide.attribution + (f", {slide.source}" if slide.source else "")
        ids = [r.id for r in self.outline.references]
        if slide.reference in ids:  # the number it has on the references slide
            attribution += f" [{ids.index(slide.reference) + 1}]"
        attr_gap = inch(0.3)

        def build(size: float) -> tuple[Paragraph, Paragraph]:
            q = self.para(slide.quote, size, quote_w, t.text, italic=True, pitch=1.25, balance=True)
            a = self.para(attribution, 20, quote_w, accent, bold=True)
            return q, a

        chosen = None
        for size in self.sizes(t.scale.quote):
            q, a = build(size)
            if self.height_of([q]) + attr_gap + self.height_of([a]) <= body.h:
                chosen = size
                break
        if chosen is None:
            # a quote longer than a slide continues on the next, cut between lines
            q, a = build(t.scale.floor)
            room = body.h - attr_gap - self.height_of([a])
            try:
                pieces = self.split_lines([q], room)
            except NoRoom:
                self.fail(
                    f"the attribution of '{slide.title}' leaves no room for the quote",
                    slide.pos,
                    "shorten the attribution to a name and a source",
                )
                return
            self.warn(
                slide.title,
                f"the quote is too long even at {t.scale.floor:g} pt; "
                f"continued on {len(pieces) - 1} '(cont.)' slide(s)",
                slide.pos,
                "quote the key sentence and put the rest in the notes",
            )
        else:
            if chosen < t.scale.quote:
                self.warn(
                    slide.title,
                    f"quote set at {chosen:g} pt instead of {t.scale.quote:g} pt to fit",
                    slide.pos,
                )
            pieces = [[q]]
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            qh = self.height_of(piece)
            block_h = qh + ((attr_gap + self.height_of([a])) if last else 0)
            # every definition starts at the same height, so the quote does not jump
            # when the presenter moves from one definition to the next
            top = body.y + min(inch(0.35), max(0, body.h - block_h))
            title = self.continued_title(slide.title, i > 0)
            items = self.title_items(title, slide.pos, accent)
            mark = self.para("“", 120, mark_w, accent, bold=True, pitch=1.0)
            items.append(
                self.box(
                    Rect(body.x, top - inch(0.35), mark_w, self.height_of([mark])),
                    [mark],
                    Role.DECORATION,
                    "Quote mark",
                )
            )
            items.append(
                self.box(
                    Rect(quote_x, top, quote_w, qh),
                    piece,
                    Role.QUOTE,
                    "Quote",
                    placeholder=Placeholder.BODY,
                    pos=slide.pos,
                )
            )
            if last:
                items.append(
                    self.box(
                        Rect(quote_x, top + qh + attr_gap, quote_w, self.height_of([a])),
                        [a],
                        Role.ATTRIBUTION,
                        "Attribution",
                    )
                )
            if has_icon and i == 0:
                x = body.right - icon_d
                y = body.y + inch(0.35)
                items.append(
                    Shape(
                        Rect(x, y, icon_d, icon_d),
                        ShapeKind.ELLIPSE,
                        t.tint(accent, 0.14),
                        "Icon disc",
                    )
                )
                items.append(
                    self.picture(
                        concept.icon,
                        Rect(x, y, icon_d, icon_d).inset(inch(0.5)),
                        f"{concept.label} icon",
                    )
                )
            self.emit(
                "definition",
                title,
                items,
                self.continued_notes(slide.title, slide.notes, i > 0),
                slide.pos,
                continued=i > 0,
            )

    def slide_analogy(self, slide: m.AnalogySlide) -> None:
        t = self.theme
        accent = t.concept_color(slide.concept or (self.section.concept if self.section else None))
        body = t.body_box
        gap = inch(0.7)
        panel_w = (body.w - gap) // 2
        pad = inch(0.25)
        text_w = panel_w - 2 * pad
        head_h = inch(0.95)
        row_gap = inch(0.16)
        summary = None
        summary_h = 0
        if slide.summary:
            summary = self.para(slide.summary, 20, body.w, accent, italic=True, balance=True)
            # the summary keeps clear of the footer below it
            summary_h = self.height_of([summary]) + inch(0.45)
        panels_h = body.h - summary_h
        rows_h = panels_h - head_h - 2 * pad + row_gap

        def rows_at(size: float):
            out = []
            for pair in slide.pairs:
                lp = self.para(pair.left, size, text_w, t.text)
                rp = self.para(pair.right, size, text_w, t.text)
                out.append((lp, rp, max(self.height_of([lp]), self.height_of([rp]))))
            return out

        pages = None
        for size in self.sizes(ANALOGY_SIZE):
            rows = rows_at(size)
            if sum(h + row_gap for *_, h in rows) <= rows_h:
                pages = [rows]
                if size < ANALOGY_SIZE:
                    self.warn(
                        slide.title,
                        f"text set at {size:g} pt instead of {ANALOGY_SIZE:g} pt to fit",
                        slide.pos,
                    )
                break
        if pages is None:
            pages, used = [[]], 0
            for row in rows:
                if pages[-1] and used + row[2] + row_gap > rows_h:
                    pages.append([])
                    used = 0
                pages[-1].append(row)
                used += row[2] + row_gap
            self.warn(
                slide.title,
                f"too many pairs to fit; continued on {len(pages) - 1} '(cont.)' slide(s)",
                slide.pos,
                "keep three or four pairs per analogy",
            )

        for i, rows in enumerate(pages):
            title = self.continued_title(slide.title, i > 0)
            items = self.title_items(title, slide.pos, accent)
            used = sum(h for *_, h in rows)
            # spread the rows over the panels' height, within reason
            spacing = min(inch(0.6), (rows_h - used) // max(1, len(rows)))
            used += spacing * len(rows) - spacing
            ph = min(panels_h, head_h + pad + used + pad + spacing // 2)
            for side, x, panel, fill, ink in (
                ("Left", body.x, slide.left, t.surface, t.primary),
                ("Right", body.x + panel_w + gap, slide.right, t.tint(accent, 0.12), accent),
            ):
                items.append(
                    Shape(Rect(x, body.y, panel_w, ph), ShapeKind.ROUND_RECT, fill, f"{side} panel")
                )
                hx = x + pad
                if panel.image is not None:
                    items.append(
                        self.picture(
                            panel.image,
                            Rect(x + pad, body.y + inch(0.15), inch(0.8), inch(0.8)),
                            f"{side} icon",
                        )
                    )
                    hx += inch(1.0)
                head = self.para(panel.heading, 24, x + panel_w - pad - hx, ink, bold=True)
                items.append(
                    self.box(
                        Rect(hx, body.y + inch(0.15), x + panel_w - pad - hx, inch(0.8)),
                        [head],
                        Role.LABEL,
                        f"{side} heading",
                        anchor=Anchor.MIDDLE,
                    )
                )
            y = body.y + head_h + pad
            for j, (lp, rp, h) in enumerate(rows, 1):
                items.append(
                    self.box(Rect(body.x + pad, y, text_w, h), [lp], Role.BODY, f"Pair {j} left")
                )
                arrow = self.para("→", 28, gap, accent, bold=True, align=Align.CENTER, pitch=1.0)
                ah = self.height_of([arrow])
                items.append(
                    self.box(
                        Rect(body.x + panel_w, y, gap, max(h, ah)),
                        [arrow],
                        Role.DECORATION,
                        f"Pair {j} arrow",
                    )
                )
                items.append(
                    self.box(
                        Rect(body.x + panel_w + gap + pad, y, text_w, h),
                        [rp],
                        Role.BODY,
                        f"Pair {j} right",
                    )
                )
                y += h + spacing
            if summary is not None and i == len(pages) - 1:
                items.append(
                    self.box(
                        Rect(body.x, body.y + ph + inch(0.2), body.w, self.height_of([summary])),
                        [summary],
                        Role.CAPTION,
                        "Summary",
                    )
                )
            self.emit(
                "analogy",
                title,
                items,
                self.continued_notes(slide.title, slide.notes, i > 0),
                slide.pos,
                continued=i > 0,
            )

    def slide_comparison(self, slide: m.ComparisonSlide) -> None:
        t = self.theme
        body = t.body_box
        ncol = len(slide.columns)
        first_w = round(body.w * (0.2 if ncol > 2 else 0.3))
        rest = (body.w - first_w) // (ncol - 1)
        widths = (first_w,) + (rest,) * (ncol - 2) + (body.w - first_w - rest * (ncol - 2),)
        ins = Insets(inch(0.12), inch(0.08), inch(0.12), inch(0.08))
        fills = [t.concept_color(c.concept) if c.concept else t.primary for c in slide.columns]

        def cell(text: str, size: float, col: int, *, header: bool) -> TableCell:
            w = widths[col] - ins.left - ins.right
            if header:
                p = self.para(text, size, w, on_color(fills[col], t.text), bold=True)
                return TableCell((p,), fills[col])
            color = t.text if col else t.primary
            p = self.para(text, size, w, color, bold=(col == 0))
            return TableCell((p,), None)

        def row_h(cells: Sequence[TableCell]) -> int:
            return max(self.height_of(c.paragraphs) for c in cells) + ins.top + ins.bottom

        def build(size: float):
            head = tuple(
                cell(c.label, t.scale.table_header, i, header=True)
                for i, c in enumerate(slide.columns)
            )
            rows = [
                tuple(cell(v, size, i, header=False) for i, v in enumerate(r)) for r in slide.rows
            ]
            return head, rows

        pages = None
        for size in self.sizes(t.scale.table):
            head, rows = build(size)
            if row_h(head) + sum(row_h(r) for r in rows) <= body.h:
                pages = [rows]
                if size < t.scale.table:
                    self.warn(
                        slide.title,
                        f"table text set at {size:g} pt instead of {t.scale.table:g} pt",
                        slide.pos,
                    )
                break
        if pages is None:
            pages, used = [[]], row_h(head)
            for r in rows:
                if pages[-1] and used + row_h(r) > body.h:
                    pages.append([])
                    used = row_h(head)
                pages[-1].append(r)
                used += row_h(r)
            self.warn(
                slide.title,
                f"the table does not fit; continued on {len(pages) - 1} "
                "'(cont.)' slide(s) with the header repeated",
                slide.pos,
                "shorten the cells; the full wording can go in the notes",
            )
        for i, rows in enumerate(pages):
            title = self.continued_title(slide.title, i > 0)
            items = self.title_items(title, slide.pos, t.primary)
            banded = []
            for j, r in enumerate(rows):
                fill = t.surface if j % 2 == 0 else t.background
                banded.append(tuple(TableCell(c.paragraphs, fill) for c in r))
            all_rows = [head, *banded]
            heights = tuple(row_h(r) for r in all_rows)
            items.append(
                Table(
                    rect=Rect(body.x, body.y, body.w, sum(heights)),
                    col_widths=widths,
                    row_heights=heights,
                    cells=tuple(all_rows),
                    font=t.font,
                    name="Comparison table",
                    insets=ins,
                    pos=slide.pos,
                )
            )
            self.emit(
                "comparison",
                title,
                items,
                self.continued_notes(slide.title, slide.notes, i > 0),
                slide.pos,
                continued=i > 0,
            )

    def slide_takeaways(self, slide: m.TakeawaysSlide) -> None:
        t = self.theme
        body = t.body_box
        badge = inch(1.0)
        text_x = body.x + badge + inch(0.4)
        text_w = body.right - text_x
        gap = inch(0.35)

        def build(size: float):
            return [self.para(p.text, size, text_w, t.text, balance=True) for p in slide.points]

        paras = None
        for size in self.sizes(28, 20):
            paras = build(size)
            total = sum(max(self.height_of([p]), badge) for p in paras) + gap * (len(paras) - 1)
            if total <= body.h:
                if size < 28:
                    self.warn(slide.title, f"text set at {size:g} pt instead of 28 pt", slide.pos)
                break
        else:
            self.fail(
                f"the takeaways of '{slide.title}' do not fit on one slide",
                slide.pos,
                "keep each takeaway to one or two lines",
            )
        items = self.title_items(slide.title, slide.pos, t.primary)
        heights = [max(self.height_of([p]), badge) for p in paras]
        y = body.y + max(0, (body.h - sum(heights) - gap * (len(paras) - 1)) // 2)
        # a concept's icon marks its takeaway; a takeaway about no one concept is
        # marked by all of them; where icons are missing, every takeaway is numbered
        icons = [c for c in t.concepts.values() if c.icon is not None]
        markers = (
            "icons"
            if icons
            and all(
                (p.concept is None or t.concepts[p.concept].icon is not None) for p in slide.points
            )
            else "numbers"
        )
        for i, (point, p, h) in enumerate(zip(slide.points, paras, heights, strict=True), 1):
            by = y + (h - badge) // 2
            items += self.takeaway_marker(point, i, Rect(body.x, by, badge, badge), markers)
            ph = self.height_of([p])
            items.append(
                self.box(
                    Rect(text_x, y + (h - ph) // 2, text_w, ph), [p], Role.BODY, f"Takeaway {i}"
                )
            )
            y += h + gap
        self.emit("takeaways", slide.title, items, slide.notes, slide.pos)

    def takeaway_marker(self, point, i: int, rect: Rect, markers: str) -> list[Item]:
        t = self.theme
        if markers == "numbers":
            color = t.concept_color(point.concept)
            num = self.para(
                str(i),
                28,
                rect.w,
                on_color(color, t.text),
                bold=True,
                align=Align.CENTER,
                pitch=1.0,
            )
            return [
                Shape(rect, ShapeKind.ELLIPSE, color, f"Takeaway {i} disc"),
                self.box(
                    rect, [num], Role.DECORATION, f"Takeaway {i} number", anchor=Anchor.MIDDLE
                ),
            ]
        concepts = [(k, c) for k, c in t.concepts.items() if c.icon is not None]
        if point.concept is not None:
            concepts = [(point.concept, t.concepts[point.concept])]
        else:
            concepts = concepts[:2]
        if len(concepts) == 1:
            ((key, concept),) = concepts
            return [
                Shape(
                    rect,
                    ShapeKind.ELLIPSE,
                    t.tint(t.concept_color(key), 0.14),
                    f"Takeaway {i} disc",
                ),
                self.picture(concept.icon, rect.inset(inch(0.18)), f"Takeaway {i} icon"),
            ]
        # two smaller discs side by side: this point is about both
        d = rect.w * 62 // 100
        out: list[Item] = []
        for j, (key, concept) in enumerate(concepts):
            disc = Rect(rect.x + j * (rect.w - d), rect.y + (rect.h - d) // 2, d, d)
            out.append(
                Shape(
                    disc,
                    ShapeKind.ELLIPSE,
                    t.tint(t.concept_color(key), 0.14),
                    f"Takeaway {i} disc {j + 1}",
                )
            )
            out.append(self.picture(concept.icon, disc.inset(d // 6), f"Takeaway {i} icon {j + 1}"))
        return out
