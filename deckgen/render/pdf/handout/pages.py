"""The handout document: its page templates (the cover, the body pages with a running
header and footer) and the bookmarks and contents entries its headings make."""

from __future__ import annotations

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from ....layout.contrast import on_paper
from ....layout.handout import HandoutLayout
from ..tagging import artifact
from ..units import rgb
from .flowables import BookmarkHeading, PageCount
from .styles import Markup


class HandoutDoc(BaseDocTemplate):
    def afterFlowable(self, flowable):  # noqa: N802 - reportlab's name
        if isinstance(flowable, BookmarkHeading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.plain, flowable.key, level=flowable.level)
            self.notify("TOCEntry", (flowable.level, flowable.entry, self.page, flowable.key))


def _frame(x: float, y: float, width: float, height: float, name: str) -> Frame:
    return Frame(
        x,
        y,
        width,
        height,
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


class Pages:
    """Draws what every page carries besides its flowables."""

    def __init__(self, layout: HandoutLayout, markup: Markup, counter: PageCount):
        self.layout, self.markup, self.counter = layout, markup, counter
        self.fonts = markup.fonts

    def templates(self) -> list[PageTemplate]:
        page = self.layout.page
        body = _frame(
            page.margin_x,
            page.margin_bottom + page.footer_room,
            page.frame_width,
            page.frame_height,
            "body",
        )
        cover = _frame(
            page.margin_x,
            page.margin_bottom,
            page.frame_width,
            page.height - 2 * page.margin_bottom,
            "cover",
        )
        return [
            PageTemplate("cover", [cover], onPage=self.cover),
            PageTemplate("body", [body], onPage=self.body),
        ]

    def cover(self, canvas, doc) -> None:
        """The concepts' colour bars across the top of the cover (decoration)."""
        with artifact(canvas):
            self._bars(canvas)

    def _bars(self, canvas) -> None:
        box, page = self.layout.design.handout, self.layout.page
        canvas.saveState()
        x = page.margin_x
        for color in self.layout.cover.bars:
            canvas.setFillColorRGB(*rgb(color))
            canvas.rect(
                x, page.height - box.bar_drop, box.bar_width, box.bar_height, stroke=0, fill=1
            )
            x += box.bar_pitch
        canvas.restoreState()

    def body(self, canvas, doc) -> None:
        """The running header and footer: artifacts, not content."""
        with artifact(canvas):
            self._running(canvas, doc)

    def _running(self, canvas, doc) -> None:
        """The running header over a rule, and the footer with "page X of Y"."""
        box, page = self.layout.design.handout, self.layout.page
        running = self.layout.running
        canvas.saveState()
        size = self.layout.design.handout.chrome_size
        canvas.setFillColorRGB(*rgb(on_paper(self.layout.design.palette.muted, size)))
        top = page.height - page.margin_top + box.header_rise
        right = page.width - page.margin_x
        self.text(canvas, page.margin_x, top, running.left_header)
        self.text(canvas, right, top, running.right_header, right_aligned=True)
        canvas.setStrokeColorRGB(*rgb(box.rule))
        canvas.setLineWidth(box.rule_width)
        canvas.line(page.margin_x, top - box.rule_drop, right, top - box.rule_drop)
        total = self.counter.total
        # the labels may be the outline's own: only their own placeholders are filled
        label = (
            running.page_label.replace("{page}", str(doc.page)).replace("{total}", str(total))
            if total
            else running.first_pass_label.replace("{page}", str(doc.page))
        )
        bottom = page.margin_bottom - box.footer_drop
        self.text(canvas, page.margin_x, bottom, running.footer)
        self.text(canvas, right, bottom, label, right_aligned=True)
        canvas.restoreState()
        self.markup.note(running.pos)  # a character no font has: the meta's line

    def text(self, canvas, x: float, y: float, text: str, right_aligned: bool = False) -> None:
        """Header and footer text: drawn as it is (never markup), font by font."""
        size = self.layout.design.handout.chrome_size
        pieces = self.fonts.pieces(text, False, False)
        if right_aligned:
            x -= sum(canvas.stringWidth(t, name, size) for name, t in pieces)
        for name, t in pieces:
            canvas.setFont(name, size)
            canvas.drawString(x, y, t)
            x += canvas.stringWidth(t, name, size)
