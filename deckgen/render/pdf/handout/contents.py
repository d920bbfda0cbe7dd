"""The handout's contents, tagged: TOC › TOCI › Reference, an entry's words and its page
number each a Link to the page, the leader dots between them an artifact."""

from __future__ import annotations

from ast import literal_eval

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from ..tagging import Path, artifact, tagged, tagger_of
from .flowables import MemoParagraph, TaggedTable


class Contents(TableOfContents):
    """reportlab's contents table, tagged (TOC › TOCI › Reference, the entry's words and
    its page number each a Link) and drawing each entry's dots and page number after its
    text, so the page number follows the entry in the content stream too (reportlab
    draws it first: its callback runs before the line's text is written). The dots are
    an artifact: a screen reader reads the entry and its page, not the leader."""

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        entries = self._lastEntries or [(0, "Placeholder for table of contents", 0, None)]
        later: list = []

        def entry_end(canvas, _kind, label):
            page, level, index, key = label.split(",")
            level, index, key = int(level), int(index), literal_eval(key)
            style = self.getLevelStyle(level)
            dots = " . " if 0 <= self.dotsMinLevel <= level else ""
            at = dict(canvas._curr_tx_info)  # where the entry's text ends
            reference = _reference(index)
            later.append(
                lambda: _page_number(canvas, at, style, page, key, availWidth, dots, reference)
            )

        self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
        rows = []
        for i, (level, text, page, key) in enumerate(entries):
            style = self.getLevelStyle(level)
            value = None
            if key:
                text = f'<a href="#{key}">{text}</a>'
                value = repr(key).replace(",", "\\x2c").replace('"', "\\x2c")
            mark = f'<onDraw name="drawTOCEntryEnd" label="{page},{level},{i},{value}"/>'
            entry = ContentsEntry(text + mark, style, later)
            entry.struct = _reference(i)
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([entry])
        self._table = TaggedTable(rows, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


def _reference(index: int) -> Path:
    return (("TOC", "contents"), ("TOCI", index), ("Reference", index))


def _page_number(canvas, at: dict, style, page: str, key, width: float, dots: str, reference):
    """An entry's leader dots (an artifact) and page number (a Link to the page, in the
    entry's Reference), right-aligned as reportlab's ``drawPageNumbers`` sets them."""
    x, y = at["cur_x"], at["cur_y"]
    font, size = style.fontName, style.fontSize
    number_width = stringWidth(page, font, size)
    while number_width > width - x and size >= 1.0:  # too long: smaller, as reportlab does
        size *= 0.9
        number_width = stringWidth(page, font, size)
    count = int((width - x - number_width) / stringWidth(dots, font, size)) if dots else 0
    number_x = width - number_width

    def write(text: str, left: float) -> None:
        words = canvas.beginText(left, y)
        words.setFont(font, size)
        words.setFillColor(style.textColor)
        words.textOut(text)
        canvas.drawText(words)

    if count > 0:
        with artifact(canvas):
            write(count * dots, number_x - count * stringWidth(dots, font, size))
    if not key:
        with tagged(canvas, reference):
            write(page, number_x)
        return
    tagger = tagger_of(canvas)
    said = f"{tagger.element(reference).text} {page}".strip() if tagger else page
    with tagged(canvas, (*reference, ("Link", None)), text=said):
        write(page, number_x)
        canvas.linkRect("", key, (number_x, y, width, y + style.leading), relative=1)


class ContentsEntry(MemoParagraph):
    """A contents entry that draws, after its text, what its end callback left."""

    def __init__(self, text: str, style, later: list):
        super().__init__(text, style)
        self._later = later

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab's name
        super().drawOn(canvas, x, y, _sW)
        if not self._later:
            return
        canvas.saveState()  # where the paragraph drew itself
        canvas.translate(x, y)
        while self._later:
            self._later.pop(0)()
        canvas.restoreState()


__all__ = ["Contents", "ContentsEntry"]
