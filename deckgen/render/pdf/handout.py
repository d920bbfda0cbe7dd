"""The printable handout: the deck's own frames as vector thumbnails, in a real document.

Cover, contents with page numbers, one bookmark per section and slide, the slides
with their speaker notes (or PowerPoint's 1/2/3/4/6/9 per page, with ruled lines
for the attendee's notes), the comparison tables at reading size, the glossary, the
references and the AI-assistance disclosure; header and footer with "page X of Y".

Every outline string reaches reportlab through :func:`markup`, which escapes it
(outline text is text, never markup) and switches font for characters the main
font lacks; a character no font has becomes a warning naming it and its line.
"""

from __future__ import annotations

import datetime as _dt
import io
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ...errors import Diagnostic, warning
from ...layout.handout import Handout
from . import pin_reportlab_settings
from .document import stamp
from .fonts import Fonts, load_fonts
from .slide import draw_slide
from .units import rgb

PAPER = {"a4": A4, "letter": LETTER}
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm
GRID = {1: (1, 1), 2: (1, 2), 3: (1, 3), 4: (2, 2), 6: (2, 3), 9: (3, 3)}
THUMB_BORDER = "C5CCD4"
RULE = "B9C0C8"


def _hex(color: str):
    from reportlab.lib.colors import HexColor

    return HexColor("#" + color)


# --------------------------------------------------------------------------- text


class Markup:
    """Outline text → safe reportlab paragraph markup, with font fallback per character."""

    def __init__(self, fonts: Fonts):
        self.fonts = fonts
        self.places: dict[str, object] = {}

    def __call__(self, text: str, pos=None, bold: bool = False, italic: bool = False) -> str:
        out = []
        for name, piece in self.fonts.pieces(text, bold, italic, where=""):
            safe = escape(piece).replace("\n", "<br/>")
            if name != self.fonts.face(bold, italic):
                safe = f'<font name="{name}">{safe}</font>'
            out.append(safe)
        self.note(pos)
        return "".join(out)

    def note(self, pos) -> None:
        """Attribute characters found missing since the last call to ``pos``."""
        for ch in self.fonts.missing:
            self.places.setdefault(ch, pos)

    def diagnostics(self) -> list[Diagnostic]:
        out = []
        for ch, pos in self.places.items():
            out.append(
                warning(
                    f"the handout has no font for the character {ch!r} (U+{ord(ch):04X}); "
                    "it will show as a box",
                    pos,
                    "replace it, or install DejaVu Sans (fonts-dejavu-core) for wider coverage",
                )
            )
        return out


def _styles(colors: dict) -> dict[str, ParagraphStyle]:
    text, primary, muted = _hex(colors["text"]), _hex(colors["primary"]), _hex(colors["muted"])
    base = ParagraphStyle(
        "body", fontName="DeckSans", fontSize=10, leading=14, textColor=text, alignment=TA_LEFT
    )
    return {
        "body": base,
        "notes": ParagraphStyle("notes", parent=base, fontSize=10, leading=14, spaceAfter=4),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=muted),
        "label": ParagraphStyle("label", parent=base, fontSize=9.5, leading=14, textColor=muted),
        "contents": ParagraphStyle(
            "contents",
            parent=base,
            fontName="DeckSans-Bold",
            fontSize=13,
            leading=16,
            textColor=primary,
            spaceAfter=4,
        ),
        "slide": ParagraphStyle(
            "slide",
            parent=base,
            fontName="DeckSans-Bold",
            fontSize=11,
            leading=14,
            textColor=primary,
            spaceAfter=3,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName="DeckSans-Bold",
            fontSize=18,
            leading=22,
            textColor=primary,
            spaceBefore=6,
            spaceAfter=10,
        ),
        "cover-title": ParagraphStyle(
            "ct",
            parent=base,
            fontName="DeckSans-Bold",
            fontSize=30,
            leading=35,
            textColor=primary,
            spaceAfter=10,
        ),
        "cover-sub": ParagraphStyle(
            "cs", parent=base, fontSize=15, leading=20, textColor=muted, spaceAfter=18
        ),
        "section-sub": ParagraphStyle(
            "ss",
            parent=base,
            fontSize=12,
            leading=15,
            textColor=muted,
            spaceBefore=-6,
            spaceAfter=10,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12.5),
        "cell-head": ParagraphStyle(
            "ch",
            parent=base,
            fontName="DeckSans-Bold",
            fontSize=10,
            leading=13,
            textColor=_hex("FFFFFF"),
        ),
        "toc0": ParagraphStyle(
            "toc0", parent=base, fontName="DeckSans-Bold", fontSize=11, leading=16, spaceBefore=5
        ),
        "toc1": ParagraphStyle(
            "toc1", parent=base, fontSize=9.5, leading=13, leftIndent=14, textColor=muted
        ),
    }


# ---------------------------------------------------------------------- flowables


class SlideThumb(Flowable):
    """A slide drawn from its frame at ``width``; bookmarks itself (and its section)."""

    def __init__(
        self,
        handout: Handout,
        frame,
        width: float,
        markup: Markup,
        section: tuple[str, str] | None = None,
        bookmark: bool = True,
    ):
        super().__init__()
        self.handout, self.frame, self.markup = handout, frame, markup
        self.bookmark = bookmark
        self.fonts = markup.fonts
        self.width = width
        self.height = width * handout.deck.height / handout.deck.width
        self.section = section

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        c = self.canv
        if self.section is not None:  # grid layouts have no headings: mark the section here
            key, title = self.section
            c.bookmarkPage(key)
            c.addOutlineEntry(title, key, level=0)
            c._doctemplate.notify("TOCEntry", (0, escape(title), c.getPageNumber(), key))
        if self.bookmark:
            key = f"slide-{self.frame.number}"
            c.bookmarkPage(key)
            c.addOutlineEntry(f"{self.frame.number}. {self.frame.title}", key, level=1)
        draw_slide(
            c,
            self.handout.deck,
            self.frame,
            0,
            self.height,
            self.width,
            self.fonts,
            border=THUMB_BORDER,
        )
        self.markup.note(self.frame.pos)


class RuledLines(Flowable):
    """Ruled lines for the attendee's own notes."""

    def __init__(self, width: float, height: float, pitch: float = 22):
        super().__init__()
        self.width, self.height, self.pitch = width, height, pitch

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setStrokeColorRGB(*rgb(RULE))
        c.setLineWidth(0.5)
        y = self.height - self.pitch
        while y >= 0:
            c.line(0, y, self.width, y)
            y -= self.pitch


class Heading(Paragraph):
    """A level-0 heading that is a bookmark and a contents entry."""

    def __init__(self, text_markup: str, plain: str, key: str, style, level: int = 0):
        super().__init__(f'<a name="{key}"/>{text_markup}', style)
        self.plain, self.key, self.level = plain, key, level


class PageCount(Flowable):
    """Remembers the page count of the last pass, so the footer can say "of Y"."""

    def __init__(self, doc):
        super().__init__()
        self.doc = doc
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

    def afterBuild(self):  # noqa: N802
        self.total = self.doc.page

    def notify(self, kind, stuff):
        pass


class _Doc(BaseDocTemplate):
    def afterFlowable(self, flowable):  # noqa: N802 - reportlab's name
        if isinstance(flowable, Heading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.plain, flowable.key, level=flowable.level)
            self.notify(
                "TOCEntry", (flowable.level, escape(flowable.plain), self.page, flowable.key)
            )


# ------------------------------------------------------------------------ builder


class _Builder:
    def __init__(self, handout: Handout, created: _dt.datetime):
        self.h = handout
        self.created = created
        self.fonts = load_fonts()
        self.markup = Markup(self.fonts)
        self.styles = _styles(handout.colors)
        self.page_w, self.page_h = PAPER[handout.options.paper]
        self.frame_w = self.page_w - 2 * MARGIN_X
        self.frame_h = self.page_h - MARGIN_TOP - MARGIN_BOTTOM - 14

    def p(self, text: str, style: str, pos=None, bold=False, italic=False) -> Paragraph:
        body = self.markup(text, pos, bold, italic)
        if bold:
            body = f"<b>{body}</b>"
        if italic:
            body = f"<i>{body}</i>"
        return Paragraph(body, self.styles[style])

    # -- document

    def build(self) -> bytes:
        pin_reportlab_settings()
        h = self.h
        buf = io.BytesIO()
        doc = _Doc(
            buf,
            pagesize=(self.page_w, self.page_h),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=h.title,
            author=h.presenter or h.organisation or "",
            subject=(h.subtitle or h.title) + " (handout)",
            keywords=", ".join(h.deck.meta.keywords),
            creator="deckgen",
            lang=h.deck.meta.language,
            invariant=1,
            initialFontName="DeckSans",
        )
        body = Frame(
            MARGIN_X,
            MARGIN_BOTTOM + 14,
            self.frame_w,
            self.frame_h,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        cover = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            self.frame_w,
            self.page_h - 2 * MARGIN_BOTTOM,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.counter = PageCount(doc)
        doc.addPageTemplates(
            [
                PageTemplate("cover", [cover], onPage=self.decorate_cover),
                PageTemplate("body", [body], onPage=self.decorate_page),
            ]
        )
        # the cover carries the contents: no half-empty page for either
        story = [self.counter, NextPageTemplate("body"), *self.cover(), PageBreak()]
        story += self.slides()
        story += self.tables()
        story += self.glossary()
        story += self.references()
        story += self.about()
        created = self.created

        def canvasmaker(*args, **kwargs):
            kwargs["initialFontName"] = "DeckSans"  # else an unused, unembedded Helvetica
            c = Canvas(*args, **kwargs)
            stamp(c._doc, created)
            c.showOutline()
            return c

        doc.multiBuild(story, canvasmaker=canvasmaker)
        return buf.getvalue()

    def decorate_cover(self, c, doc):
        c.saveState()
        x = MARGIN_X
        for color in self.h.colors["accents"] or (self.h.colors["primary"],):
            c.setFillColorRGB(*rgb(color))
            c.rect(x, self.page_h - 14 * mm, 30 * mm, 3 * mm, stroke=0, fill=1)
            x += 33 * mm
        c.restoreState()

    def decorate_page(self, c, doc):
        c.saveState()
        c.setFillColorRGB(*rgb(self.h.colors["muted"]))
        top = self.page_h - MARGIN_TOP + 8
        right = self.h.presenter or ""
        if self.h.audience:
            right = f"{right} · for {self.h.audience}" if right else f"for {self.h.audience}"
        self.chrome_text(c, MARGIN_X, top, self.h.title)
        self.chrome_text(c, self.page_w - MARGIN_X, top, right, right_aligned=True)
        c.setStrokeColorRGB(*rgb(RULE))
        c.setLineWidth(0.5)
        c.line(MARGIN_X, top - 4, self.page_w - MARGIN_X, top - 4)
        total = self.counter.total
        label = f"page {doc.page} of {total}" if total else f"page {doc.page}"
        footer = " · ".join(s for s in (self.h.organisation, self.h.date) if s)
        self.chrome_text(c, MARGIN_X, MARGIN_BOTTOM - 2, footer)
        self.chrome_text(c, self.page_w - MARGIN_X, MARGIN_BOTTOM - 2, label, right_aligned=True)
        c.restoreState()

    def chrome_text(self, c, x: float, y: float, text: str, right_aligned: bool = False):
        """Header and footer text: drawn as it is (never markup), font by font."""
        size = 8
        pieces = self.fonts.pieces(text, False, False)
        if right_aligned:
            x -= sum(c.stringWidth(t, name, size) for name, t in pieces)
        for name, t in pieces:
            c.setFont(name, size)
            c.drawString(x, y, t)
            x += c.stringWidth(t, name, size)

    # -- parts

    def cover(self) -> list:
        h = self.h
        out: list = [Spacer(1, 28 * mm), self.p(h.title, "cover-title")]
        if h.subtitle:
            out.append(self.p(h.subtitle, "cover-sub"))
        rows = [
            (label, value)
            for label, value in (
                ("Presenter", h.presenter),
                ("Organisation", h.organisation),
                ("Date", h.date),
                ("Audience", h.audience),
                ("Slides", f"{len(h.deck.slides)}"),
            )
            if value
        ]
        table = Table(
            [[self.p(k, "label"), self.p(v, "body")] for k, v in rows],
            colWidths=[32 * mm, self.frame_w - 32 * mm],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), "DeckSans"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        out += [table, Spacer(1, 10 * mm), *self.contents()]
        if h.disclosure:
            out += [Spacer(1, 8 * mm), self.p(h.disclosure.text, "small", h.disclosure.pos)]
        return out

    def contents(self) -> list:
        toc = TableOfContents(dotsMinLevel=0)
        toc.levelStyles = [self.styles["toc0"], self.styles["toc1"]]
        toc.tableStyle = TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "DeckSans"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        return [Paragraph("Contents", self.styles["contents"]), toc]

    def heading(
        self, text: str, key: str, pos=None, color: str | None = None, toc_entry: bool = True
    ):
        style = self.styles["h1"]
        if color:  # a section about one concept is headed in its colour, as on the slides
            style = ParagraphStyle(f"h1-{color}", parent=style, textColor=_hex(color))
        if not toc_entry:
            return Paragraph(self.markup(text, pos), style)
        return Heading(self.markup(text, pos), text, key, style)

    def slides(self) -> list:
        if self.h.options.per_page is None:
            return self.notes_layout()
        return self.grid_layout(self.h.options.per_page)

    def notes_layout(self) -> list:
        out: list = []
        thumb_w = self.frame_w * 0.46
        gap = 6 * mm
        text_w = self.frame_w - thumb_w - gap
        for i, section in enumerate(self.h.sections):
            out.append(CondPageBreak(90 * mm))
            out.append(self.heading(section.title, f"section-{i}", section.pos, section.color))
            if section.subtitle:
                out.append(self.p(section.subtitle, "section-sub", section.pos))
            for frame in section.slides:
                if frame.source and frame.source.kind in ("section", "glossary", "references"):
                    continue  # the heading says it; the appendix has them at reading size
                thumb = SlideThumb(self.h, frame, thumb_w, self.markup)
                right = [self.p(f"{frame.number}. {frame.title}", "slide", frame.pos)]
                notes = "" if frame.continued else frame.notes
                for para in notes.split("\n"):
                    if para.strip():
                        right.append(self.p(para, "notes", frame.pos))
                if self.h.options.lines:
                    right.append(RuledLines(text_w, 22 * 4))
                height = sum(f.wrap(text_w, self.frame_h)[1] for f in right)
                if height <= self.frame_h * 0.8:
                    row = Table([[thumb, right]], colWidths=[thumb_w + gap, text_w])
                    row.setStyle(
                        TableStyle(
                            [
                                ("FONTNAME", (0, 0), (-1, -1), "DeckSans"),
                                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                ("TOPPADDING", (0, 0), (-1, -1), 0),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                            ]
                        )
                    )
                    out += [KeepTogether([row]), Spacer(1, 7 * mm)]
                else:  # very long notes: the slide above, the notes flowing below
                    out += [
                        KeepTogether([thumb, Spacer(1, 3 * mm), right[0]]),
                        *right[1:],
                        Spacer(1, 7 * mm),
                    ]
        return out

    def grid_layout(self, per_page: int) -> list:
        cols, rows = GRID[per_page]
        lines = self.h.options.lines or per_page == 3
        gap = 6 * mm
        deck = self.h.deck
        ratio = deck.height / deck.width
        frames = [(s, f) for s in self.h.sections for f in s.slides]
        first_of_section = {
            id(s.slides[0]): (f"section-{i}", s.title)
            for i, s in enumerate(self.h.sections)
            if s.slides
        }
        # every page is a grid of equal rows filling the frame; each slide sits in the
        # middle of its cell, its caption (up to two lines) and any lines under it
        row_h = (self.frame_h - 4 * mm) / rows
        caption_h = 26
        if per_page == 3:  # PowerPoint's: slides on the left, lines on the right
            cell_w = self.frame_w * 0.5
            thumb_w = min(cell_w, (row_h - gap - caption_h) / ratio)
        else:
            cell_w = (self.frame_w - gap * (cols - 1)) / cols
            room = row_h - gap - caption_h
            thumb_w = min(cell_w, (room * (0.62 if lines else 1.0)) / ratio)
        thumb_h = thumb_w * ratio
        lines_h = (row_h - gap - caption_h - thumb_h - 4) // 22 * 22
        out: list = []
        for start in range(0, len(frames), per_page):
            page = frames[start : start + per_page]
            cells = []
            for _section, frame in page:
                thumb = SlideThumb(
                    self.h, frame, thumb_w, self.markup, section=first_of_section.get(id(frame))
                )
                caption = self.p(f"{frame.number}. {frame.title}", "small", frame.pos)
                cell = [thumb, Spacer(1, 2), caption]
                if lines and per_page != 3 and lines_h >= 22:
                    cell += [Spacer(1, 4), RuledLines(thumb_w, lines_h)]
                cells.append(cell)
            if per_page == 3:
                data = [[c, RuledLines(self.frame_w - cell_w - gap, thumb_h)] for c in cells]
                widths = [cell_w + gap, self.frame_w - cell_w - gap]
            else:
                data = [
                    cells[r * cols : (r + 1) * cols] for r in range((len(cells) + cols - 1) // cols)
                ]
                data = [row + [""] * (cols - len(row)) for row in data]
                widths = [cell_w + (gap if c < cols - 1 else 0) for c in range(cols)]
            table = Table(data, colWidths=widths, rowHeights=[row_h] * len(data))
            table.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), "DeckSans"),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), gap),
                    ]
                )
            )
            out += [table, PageBreak()]
        return out

    def tables(self) -> list:
        out: list = []
        for i, t in enumerate(self.h.tables):
            out += [
                CondPageBreak(80 * mm),
                self.heading(t.title, f"table-{i}", t.pos),
                self.p(f"The comparison from slide {t.slide_number}, at reading size.", "small"),
                Spacer(1, 4 * mm),
            ]
            n = len(t.header)
            first = self.frame_w * (0.22 if n > 2 else 0.32)
            rest = (self.frame_w - first) / (n - 1)
            data = [[self.p(c, "cell-head", t.pos) for c in t.header]]
            for row in t.rows:
                data.append([self.p(v, "cell", t.pos, bold=(j == 0)) for j, v in enumerate(row)])
            table = Table(data, colWidths=[first] + [rest] * (n - 1), repeatRows=1)
            style = [
                ("FONTNAME", (0, 0), (-1, -1), "DeckSans"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.75, _hex("FFFFFF")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
            for j, color in enumerate(t.header_colors):
                style.append(("BACKGROUND", (j, 0), (j, 0), _hex(color)))
            for r in range(1, len(data)):
                if r % 2:
                    style.append(("BACKGROUND", (0, r), (-1, r), _hex(self.h.colors["surface"])))
            table.setStyle(TableStyle(style))
            out += [table, Spacer(1, 8 * mm)]
        return out

    def glossary(self) -> list:
        if not self.h.glossary:
            return []
        out: list = [CondPageBreak(60 * mm), self.heading("Glossary", "glossary")]
        for g in self.h.glossary:
            text = (
                f"<b>{self.markup(g.term, g.pos, bold=True)}</b> — "
                f"{self.markup(g.definition, g.pos)}"
            )
            out.append(Paragraph(text, self.styles["notes"]))
        return out

    def references(self) -> list:
        if not self.h.references:
            return []
        out: list = [
            CondPageBreak(60 * mm),
            Spacer(1, 4 * mm),
            self.heading("References", "references"),
        ]
        for r in self.h.references:
            text = f"{escape(r.label)} <i>{self.markup(r.title, r.pos, italic=True)}</i>"
            if r.details:
                text += ". " + self.markup(r.details, r.pos)
            if r.url:
                shown = self.markup(r.url, r.pos)
                if r.url.startswith(("https://", "http://")):
                    text += f'. <a href={quoteattr(r.url)} color="#1F5AA6">{shown}</a>'
                else:
                    text += ". " + shown
            if r.cited_on:
                slides = ", ".join(str(n) for n in r.cited_on)
                text += (
                    f'. <font color="#{self.h.colors["muted"]}">Quoted on slide {slides}.</font>'
                )
            out.append(
                Paragraph(
                    text,
                    ParagraphStyle(
                        "ref", parent=self.styles["notes"], leftIndent=18, firstLineIndent=-18
                    ),
                )
            )
        return out

    def about(self) -> list:
        out: list = [
            CondPageBreak(50 * mm),
            Spacer(1, 4 * mm),
            self.heading("About this handout", "about"),
        ]
        if self.h.disclosure:
            out.append(self.p(self.h.disclosure.text, "notes", self.h.disclosure.pos))
        made = self.created.strftime("%Y-%m-%d")
        out.append(
            self.p(
                f"Made with deckgen on {made} from the same outline and the same "
                "laid-out slides as the deck.",
                "small",
            )
        )
        return out


def render_handout(handout: Handout, created: _dt.datetime) -> tuple[bytes, list[Diagnostic]]:
    """The handout PDF and its warnings (characters no font can draw)."""
    builder = _Builder(handout, created)
    data = builder.build()
    return data, builder.markup.diagnostics()
