"""The handout's own flowables: slide thumbnails, ruled lines, headings that are
bookmarks, and the page counter behind "page X of Y"."""

from __future__ import annotations

import itertools
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from ....layout.frames import Deck, SlideFrame
from ..slide import draw_slide, slide_alt
from ..tagging import Path, artifact, tagged, tagger_of
from ..units import rgb
from .linked import MarkedParagraph, language_marked, languages_in, link_texts
from .styles import LANGUAGE, Markup

_SPLITS = itertools.count()  # a key for each paragraph split across pages


class LayoutPass:
    """Whether the handout is in multiBuild's first pass, which only measures (its pages
    are thrown away): slides and paragraphs need not be drawn in it. Set by the page
    counter at each pass; one handout is built at a time in a process."""

    measuring = False


class SlideThumb(Flowable):
    """A slide drawn from its frame at ``width``; bookmarks itself (and its section).
    Given the structure path of its ``heading`` (a caption drawn after it), that
    heading's element comes before the figure's in the structure, so it is read first."""

    heading: Path | None = None

    def __init__(
        self,
        deck: Deck,
        frame: SlideFrame,
        width: float,
        markup: Markup,
        section: tuple[str, str] | None = None,
        level: int = 1,
    ):
        super().__init__()
        self.deck, self.frame, self.markup = deck, frame, markup
        self.level = level
        self.width = width
        self.height = width * deck.height / deck.width
        self.section = section

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        if self.section is not None:  # grid layouts have no headings: mark the section here
            key, title = self.section
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(title, key, level=0)
            canvas._doctemplate.notify("TOCEntry", (0, escape(title), canvas.getPageNumber(), key))
        key = f"slide-{self.frame.number}"
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(f"{self.frame.number}. {self.frame.title}", key, level=self.level)
        if LayoutPass.measuring:  # a pass whose pages are thrown away: the size is enough
            return
        border = self.deck.design.handout.thumb_border
        draw_slide(
            canvas, self.deck, self.frame, 0, self.height, self.width, self.markup.fonts, border
        )
        self.markup.note(self.frame.pos)

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab's name
        """The thumbnail is a figure: its text alternative is the slide's own text."""
        if LayoutPass.measuring:
            return super().drawOn(canvas, x, y, _sW)
        box = (x, y, x + self.width, y + self.height)
        tagger = tagger_of(canvas)
        if tagger is not None and self.heading is not None:
            tagger.element(self.heading)  # its place, before the figure's
        with tagged(canvas, (("Figure", None),), alt=slide_alt(self.frame), BBox=box):
            super().drawOn(canvas, x, y, _sW)


class RuledLines(Flowable):
    """Ruled lines for the attendee's own notes."""

    def __init__(self, width: float, height: float, pitch: float, color: str, weight: float):
        super().__init__()
        self.width, self.height, self.pitch = width, height, pitch
        self.color, self.weight = color, weight

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab's name
        with artifact(canvas):  # lines to write on, not content
            super().drawOn(canvas, x, y, _sW)

    def draw(self):
        canvas = self.canv
        canvas.setStrokeColorRGB(*rgb(self.color))
        canvas.setLineWidth(self.weight)
        y = self.height - self.pitch
        while y >= 0:
            canvas.line(0, y, self.width, y)
            y -= self.pitch


class MemoParagraph(Paragraph):
    """A paragraph that breaks its lines once per width: platypus wraps a paragraph again
    for every table cell measure, split attempt and layout pass (21,000 times for a
    1,000-slide handout), always to the same lines for the same width. In the handout's
    measuring pass (see LayoutPass) it is not drawn at all.

    Drawn, it is tagged content of the structure element ``struct`` names (a paragraph
    of its own unless told: a heading, a list item's body, a table cell's text); the
    words of each link in it are a Link element's inside that (see linked.py)."""

    struct: Path = (("P", None),)
    lang: str | None = None  # its language where not the document's (a fallback's)
    opening: str | None = None  # the language its first words are in (a split's part)
    once = False  # a table's header row: where the table repeats it, an artifact
    _linked: MarkedParagraph | None = None  # while a paragraph marked inside is drawn

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        """The parts of a paragraph split across pages stay one structure element, and
        a part that begins inside words in another language begins in it."""
        parts = super().split(availWidth, availHeight)
        if len(parts) > 1:
            *above, (tag, key, *extra) = self.struct
            key = key if key is not None else ("split", next(_SPLITS))
            opening = self.opening
            for part in parts:
                part.struct, part.once = (*above, (tag, key, *extra)), self.once
                part.lang, part.opening = self.lang, opening
                opening = ([opening, *languages_in(part.frags)])[-1]
        return parts

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab's name
        canvas.setNamedCB(LANGUAGE, language_marked)  # its language marks' call (linked.py)
        tagger = None if LayoutPass.measuring else tagger_of(canvas)
        if tagger is None:
            return super().drawOn(canvas, x, y, _sW)
        if self.once:  # a table's header row: repeated on a new page, an artifact
            if id(self) in tagger.drawn:
                with artifact(canvas):
                    return super().drawOn(canvas, x, y, _sW)
            tagger.drawn.add(id(self))
        text = self.getPlainText()[:200]
        links = link_texts(self.frags)
        others = {self.opening, *languages_in(self.frags)} - {None, self.lang}
        if not (links or others) or tagger.busy:
            with tagged(canvas, self.struct, text=text, lang=self.lang):
                return super().drawOn(canvas, x, y, _sW)
        # links: their words go into Link elements, words in another language into
        # spans that say it, inside the text object (linked.py)
        element = tagger.target(self.struct)
        element.text = element.text or text
        element.lang = element.lang or self.lang
        whole = self.blPara.kind == 0 and bool(links)  # one style: every word linked
        self._linked = MarkedParagraph(tagger, element, links, whole)
        self._linked.opening = self.opening
        made = len(getattr(canvas, "_annotationrefs", ()))
        try:
            with artifact(canvas):
                super().drawOn(canvas, x, y, _sW)
        finally:
            linked, self._linked = self._linked, None
        linked.annotate(list(getattr(canvas, "_annotationrefs", ())[made:]))

    def beginText(self, x, y):  # noqa: N802 - reportlab's name
        if self._linked is None:
            return super().beginText(x, y)
        return self._linked.text_object(self.canv, x, y)

    def draw(self):
        if not LayoutPass.measuring:
            super().draw()

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        known = self.__dict__
        if availWidth == known.get("_memo_width") and "blPara" in known:  # (a copy has none)
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._memo_width = availWidth
        return size


class BookmarkHeading(MemoParagraph):
    """A heading that is a bookmark and a contents entry."""

    struct: Path = (("H2", None),)

    def __init__(self, text_markup: str, plain: str, key: str, style, level: int = 0):
        super().__init__(f'<a name="{key}"/>{text_markup}', style)
        self.plain, self.key, self.level = plain, key, level
        self.entry = escape(plain)  # its contents entry's markup (see styles.entry_markup)


class TaggedTable(Table):
    """A table whose backgrounds and rules are artifacts (its cells' text is tagged by
    the cells' own flowables)."""

    def _drawBkgrnd(self):  # noqa: N802 - reportlab's name
        with artifact(self.canv):
            super()._drawBkgrnd()

    def _drawLines(self):  # noqa: N802
        with artifact(self.canv):
            super()._drawLines()


def as_table(rows: list, key: str, header_rows: int = 1, row_header: int | None = None) -> list:
    """Tag the paragraphs of ``rows`` (cells of flowables or lists of them) as a table's:
    Table › TR › TH (a header row's: scope Column; the ``row_header`` column's: scope
    Row) or TD."""
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if r < header_rows:
                kind = ("TH", (key, r, c), {"Scope": "Column"})
            elif c == row_header:
                kind = ("TH", (key, r, c), {"Scope": "Row"})
            else:
                kind = ("TD", (key, r, c))
            struct = (("Table", key), ("TR", (key, r)), kind)
            for flowable in cell if isinstance(cell, list | tuple) else (cell,):
                if isinstance(flowable, MemoParagraph):
                    flowable.struct = (*struct, ("P", None))
                    flowable.once = r < header_rows  # repeated on the next page: an artifact
    return rows


def as_list(paragraphs: list, key: str) -> list:
    """Tag ``paragraphs`` as a list's items: L › LI › LBody."""
    for i, paragraph in enumerate(paragraphs):
        paragraph.struct = (("L", key), ("LI", (key, i)), ("LBody", None))
    return paragraphs


class PageCount(Flowable):
    """Remembers the page count of the last pass, so the footer can say "of Y", and
    decides which passes only measure (LayoutPass).

    A pass is drawn only when it will be the last: when the page count is known and the
    contents table will lay out the same entries it laid out last pass (its lines wrap
    the same whatever their page numbers), so every page falls where it fell. Seeded
    with its entries before the first pass (``contents_entries``), a handout takes one
    measuring pass and one drawn; before, a contents table that ran over a page took a
    third, drawn in full and thrown away. Must come first in the story: its
    ``beforeBuild`` reads what the contents table found before that table's own resets it.
    """

    def __init__(self, doc, contents=None):
        super().__init__()
        self.doc = doc
        self.contents = contents  # the TableOfContents, if the handout has one
        self.total: int | None = None
        self.previous: int | None = -1

    def wrap(self, *args):
        return 0, 0

    def draw(self):
        pass

    def isIndexing(self):  # noqa: N802 - reportlab's name
        return 1

    def isSatisfied(self):  # noqa: N802
        return self.total == self.previous

    def beforeBuild(self):  # noqa: N802
        self.previous = self.total
        LayoutPass.measuring = self.total is None or not self._contents_settled()

    def _contents_settled(self) -> bool:
        toc = self.contents
        if toc is None:
            return True
        found, laid_out = toc._entries, toc._lastEntries  # reportlab keeps no other record
        return _shape(found) == _shape(laid_out)

    def afterBuild(self):  # noqa: N802
        self.total = self.doc.page
        LayoutPass.measuring = False

    def notify(self, kind, stuff):
        pass


def _shape(entries) -> list:
    """What a contents table's geometry depends on: each entry but its page number."""
    return [(level, text, key) for level, text, _page, key in entries]


def contents_entries(story) -> list[tuple[int, str, str]]:
    """The (level, text, key) of every contents entry the story will make, in the order
    it makes them: headings in the story itself (the ones ``afterFlowable`` sees) and
    thumbnails that mark a section, wherever they are (tables draw row by row)."""
    found: list[tuple[int, str, str]] = []

    def walk(item, top: bool) -> None:
        if isinstance(item, list | tuple):
            for part in item:
                walk(part, top)
        elif isinstance(item, BookmarkHeading):
            if top:
                found.append((item.level, item.entry, item.key))
        elif isinstance(item, SlideThumb):
            if item.section is not None:
                key, title = item.section
                found.append((0, escape(title), key))
        elif isinstance(item, Table):
            for row in item._cellvalues:
                walk(row, False)
        elif isinstance(item, KeepTogether):
            walk(item._content, top)

    walk(story, True)
    return found
