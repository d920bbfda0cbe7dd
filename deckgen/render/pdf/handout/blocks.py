"""The handout's and the guide's blocks as reportlab flowables: one function per type of
block, chosen by one ``match``. The layout decided what goes where (and the room above a
heading); this only draws it, knowing no kind of slide."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    TableStyle,
)

from ....layout import handout_blocks as h
from ....layout.contrast import on_paper
from ....layout.frames import Prose
from .contents import Contents
from .flowables import (
    BookmarkHeading,
    MemoParagraph,
    RuledLines,
    SlideThumb,
    TaggedTable,
    as_list,
    as_table,
)
from .styles import Markup, entry_markup, hex_color, whole_language


class Blocks:
    def __init__(self, layout: h.HandoutLayout, markup: Markup, styles: dict):
        self.layout, self.markup, self.styles = layout, markup, styles
        self.box = layout.design.handout
        self.face = markup.fonts.face(False, False)
        self.contents: Contents | None = None  # the cover's, once made

    def para(
        self, text: Prose, style: str, pos=None, bold=False, italic=False, tag: str = "P"
    ) -> Paragraph:
        body = self.markup(text, pos, bold, italic)
        if bold:
            body = f"<b>{body}</b>"
        if italic:
            body = f"<i>{body}</i>"
        paragraph = MemoParagraph(body, self.styles[style])
        paragraph.lang = whole_language(text)
        if tag != "P":
            paragraph.struct = ((tag, None),)
        return paragraph

    def table_style(self, *extra) -> TableStyle:
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.face), *extra])

    def flowables(self, block: h.HandoutBlock) -> list:
        match block:
            case h.Cover():
                return self.cover(block)
            case h.Heading():
                return self.heading(block)
            case h.SlideWithNotes():
                return self.slide_with_notes(block)
            case h.SlideGrid():
                return self.grid(block)
            case h.ReadingTable():
                return self.table(block)
            case h.DefinitionList():
                return self.definition_list(block)
            case h.ReferenceList():
                return self.references(block)
            case h.Paragraphs():
                return [self.para(t.prose, block.style, t.pos) for t in block.texts]
            case h.QuestionList():
                return self.question_list(block)
            case h.AnswerKey():
                return self.answer_key(block)
            case h.ItemList():
                return self.item_list(block)
            case _:  # pragma: no cover - the blocks are a closed set
                raise TypeError(f"unknown handout block {block!r}")

    def cover(self, cover: h.Cover) -> list:
        box = self.box
        title = self.para(cover.title.prose, "cover-title", cover.title.pos, tag="H1")
        out: list = [Spacer(1, box.cover_drop), title]
        if cover.subtitle:
            out.append(self.para(cover.subtitle.prose, "cover-sub", cover.subtitle.pos))
        table = TaggedTable(
            as_table(
                [
                    [self.para(k, "label"), self.para(v, "body", cover.title.pos)]
                    for k, v in cover.facts
                ],
                "facts",
                header_rows=0,
                row_header=0,
            ),
            colWidths=[box.cover_label_width, self.layout.page.frame_width - box.cover_label_width],
        )
        table.setStyle(
            self.table_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), box.cover_fact_gap),
            )
        )
        out += [table, Spacer(1, box.contents_gap)]
        if cover.plan is not None:  # the guide: the session plan is its contents
            out += self.plan_table(cover.plan, cover.title.pos)
        else:
            toc = Contents(dotsMinLevel=0)
            toc.levelStyles = [self.styles["toc0"], self.styles["toc1"]]
            toc.tableStyle = self.table_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            )
            heading = MemoParagraph(escape(cover.contents), self.styles["contents"])
            heading.struct = (("H2", None),)
            out += [heading, toc]
            self.contents = toc
        if cover.disclosure:
            out += [
                Spacer(1, box.disclosure_gap),
                self.para(cover.disclosure.prose, "small", cover.disclosure.pos),
            ]
        return out

    def heading(self, heading: h.Heading) -> list:
        out: list = [CondPageBreak(heading.keep)] if heading.keep else []
        if heading.space_before:
            out.append(Spacer(1, heading.space_before))
        out.append(self.heading_paragraph(heading))
        if heading.subtitle:
            out.append(self.para(heading.subtitle.prose, "section-sub", heading.subtitle.pos))
        return out

    def heading_paragraph(self, heading: h.Heading) -> BookmarkHeading:
        style = self.styles["h1"]
        if heading.color:  # a section about one concept is headed in its colour
            style = ParagraphStyle(
                f"h1-{heading.color}",
                parent=style,
                textColor=hex_color(on_paper(heading.color, style.fontSize, True)),
            )
        text = heading.text
        made = BookmarkHeading(self.markup(text.prose, text.pos), text.text, heading.key, style)
        made.entry = entry_markup(text.prose)
        return made

    def slide_with_notes(self, block: h.SlideWithNotes) -> list:
        frame = block.frame
        caption = self.para(block.caption, "slide", frame.pos)
        caption.struct = (("H3", ("caption", frame.number)),)
        thumb = SlideThumb(
            self.layout.deck, frame, block.thumb_width, self.markup, level=block.level
        )
        thumb.heading = caption.struct  # read before the slide it heads
        right = [caption]
        right += [self.para(p, "notes", frame.pos) for p in block.notes]
        if block.lines_height:
            right.append(self.lines(block.text_width, block.lines_height))
        gap = Spacer(1, self.box.slide_gap)
        tall = sum(f.wrap(block.text_width, self.layout.page.frame_height)[1] for f in right)
        if tall > block.beside_max:  # very long notes: the slide above, the notes below
            below = Spacer(1, self.box.thumb_caption_gap)
            return [KeepTogether([thumb, below, right[0]]), *right[1:], gap]
        row = TaggedTable(
            [[thumb, right]], colWidths=[block.thumb_width + block.gap, block.text_width]
        )
        row.setStyle(self.table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_PADDING))
        return [KeepTogether([row]), gap]

    def lines(self, width: float, height: float) -> RuledLines:
        box = self.box
        return RuledLines(width, height, box.lines_pitch, box.rule, box.rule_width)

    def grid(self, grid: h.SlideGrid) -> list:
        cells = [self.grid_cell(grid, cell) for cell in grid.cells]
        thumb_h = grid.thumb_width * self.layout.deck.height / self.layout.deck.width
        if grid.lines_beside:  # 3 a page: lines beside each slide
            data = [[c, self.lines(grid.lines_beside, thumb_h)] for c in cells]
            widths = [grid.cell_width + grid.gap, grid.lines_beside]
        else:
            cols = grid.columns
            data = [
                cells[r * cols : (r + 1) * cols] for r in range((len(cells) + cols - 1) // cols)
            ]
            data = [row + [""] * (cols - len(row)) for row in data]
            widths = [grid.cell_width + (grid.gap if c < cols - 1 else 0) for c in range(cols)]
        table = TaggedTable(data, colWidths=widths, rowHeights=[grid.row_height] * len(data))
        table.setStyle(
            self.table_style(
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *_NO_PADDING[:3],
                ("BOTTOMPADDING", (0, 0), (-1, -1), grid.gap),
            )
        )
        return [table, PageBreak()]

    def grid_cell(self, grid: h.SlideGrid, cell: h.GridCell) -> list:
        frame = cell.frame
        thumb = SlideThumb(
            self.layout.deck,
            frame,
            grid.thumb_width,
            self.markup,
            section=cell.section,
            level=cell.level,
        )
        out = [thumb, Spacer(1, self.box.caption_gap), self.para(cell.caption, "small", frame.pos)]
        if grid.lines_height:
            out += [Spacer(1, self.box.lines_gap), self.lines(grid.thumb_width, grid.lines_height)]
        return out

    def table(self, block: h.ReadingTable) -> list:
        box = self.box
        out = [
            *self.heading(block.heading),
            self.para(block.note, "small"),
            Spacer(1, box.heading_gap),
        ]
        heads = []
        for text, ink in zip(block.header, block.header_inks, strict=True):
            style = ParagraphStyle(
                f"cell-head-{ink}", parent=self.styles["cell-head"], textColor=hex_color(ink)
            )
            heads.append(MemoParagraph(self.markup(text.prose, text.pos), style))
        data = [heads] + [
            [self.para(v.prose, "cell", v.pos, bold=(j == 0)) for j, v in enumerate(row)]
            for row in block.rows
        ]
        table = TaggedTable(
            as_table(data, block.heading.key, row_header=0 if block.row_headers else None),
            colWidths=list(block.col_widths),
            repeatRows=1,
        )
        above, below = box.table_padding
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            (
                "GRID",
                (0, 0),
                (-1, -1),
                box.table_rule_width,
                hex_color(self.layout.design.palette.table_rule),
            ),
            ("TOPPADDING", (0, 0), (-1, -1), above),
            ("BOTTOMPADDING", (0, 0), (-1, -1), below),
        ]
        style += [
            ("BACKGROUND", (j, 0), (j, 0), hex_color(fill))
            for j, fill in enumerate(block.header_fills)
        ]
        style += [
            ("BACKGROUND", (0, r), (-1, r), hex_color(block.band))
            for r in range(1, len(data))
            if r % 2
        ]
        table.setStyle(self.table_style(*style))
        return out + [table, Spacer(1, box.table_gap)]

    def definition_list(self, block: h.DefinitionList) -> list:
        out = self.heading(block.heading)
        for t in block.terms:
            text = (
                f"<b>{self.markup(t.term, t.pos, bold=True)}</b> — "
                f"{self.markup(t.definition, t.pos)}"
            )
            out.append(MemoParagraph(text, self.styles["notes"]))
        return out

    def references(self, block: h.ReferenceList) -> list:
        return self.heading(block.heading) + [self.reference(r) for r in block.references]

    def reference(self, ref: h.CitedReference) -> Paragraph:
        text = f"{escape(ref.label)} <i>{self.markup(ref.title, ref.pos, italic=True)}</i>"
        stop = ref.stops[0]  # after each part its full stop, where it has none of its own
        if ref.details is not None:
            text += f"{stop} " + self.markup(ref.details, ref.pos)
            stop = ref.stops[1]
        if ref.url_text is not None:
            shown = self.markup(ref.url_text, ref.pos)
            if ref.url:
                link = self.box.link
                shown = f'<a href={quoteattr(ref.url)} color="#{link}">{shown}</a>'
            text += f"{stop} {shown}"
            stop = ref.stops[2]
        if ref.cited:
            muted = self.layout.design.palette.muted
            text += f'{stop} <font color="#{muted}">{escape(ref.cited)}</font>'
        return MemoParagraph(text, self.styles["reference"])

    def question_list(self, block: h.QuestionList) -> list:
        """Each question, then its options with a box to tick; no answer."""
        out = [*self.heading(block.heading), Spacer(1, self.box.heading_gap)]
        for i, asked in enumerate(block.questions, 1):
            question = self.para(asked.question, "slide", asked.pos, bold=True)
            options = as_list(
                [
                    MemoParagraph(
                        f"{escape(block.box)}  {escape(mark)}  {self.markup(text, asked.pos)}",
                        self.styles["notes"],
                    )
                    for mark, text in asked.options
                ],
                f"{block.heading.key}-{i}",
            )
            out.append(KeepTogether([question, *options, Spacer(1, self.box.slide_gap)]))
        return out

    def answer_key(self, block: h.AnswerKey) -> list:
        """The presenter's copy: every question's answer and explanation, on its own page."""
        out: list = [PageBreak(), self.heading_paragraph(block.heading)]
        for asked in block.questions:
            question = self.para(asked.question, "slide", asked.pos, bold=True)
            out.append(KeepTogether([question, self.para(asked.answer, "notes", asked.pos)]))
        return out

    def plan_table(self, plan: h.PlanTable, pos) -> list:
        """Time, section, minutes: a row a section, a rule under the header, the end and
        the total in bold."""
        rows = [[self.para(text, "label") for text in plan.header]]
        rows += [[self.para(text, "body", pos) for text in row] for row in plan.rows]
        rows.append([self.para(text, "body", pos, bold=True) for text in plan.total])
        table = TaggedTable(
            as_table(rows, "plan", row_header=plan.row_header),
            colWidths=list(plan.widths),
            repeatRows=1,
        )
        rule = hex_color(self.layout.design.palette.muted)
        table.setStyle(
            self.table_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), self.box.cover_fact_gap),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, rule),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, rule),
            )
        )
        heading = MemoParagraph(escape(plan.heading), self.styles["contents"])
        heading.struct = (("H2", None),)
        return [heading, table]

    def item_list(self, block: h.ItemList) -> list:
        style = self.styles[block.style]
        items = [
            MemoParagraph(f"\u2022\u00a0\u00a0{self.markup(i.prose, i.pos)}", style)
            for i in block.items
        ]
        return as_list(items, block.key)


_NO_PADDING = (
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
)
