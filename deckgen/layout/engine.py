"""The layout engine: Outline → Deck of positioned frames.

Every position, size, line break and font size is decided here, once, in EMU.
Text is measured through an injected :class:`~deckgen.layout.measure.Measurer`.
When content does not fit, the engine first shrinks it towards the readable
floor, then continues it on a "(cont.)" slide; each such decision is reported
as a warning that points at the outline line it came from. Nothing may leave
its box or the slide: a title that cannot fit even at the floor is an error.

This module is the driver and the shared machinery (measuring, fitting, flowing,
chrome, the final fit check); the compositions of each slide kind live in
compose_text.py and compose_visual.py, mixed into the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import BuildError, Diagnostic, SourcePos, error, warning
from ..outline import model as m
from .common import (
    BODY_PITCH,
    METRIC_FONTS,
    TITLE_PITCH,
    WRAP_SAFETY,
    Block,
    NoRoom,
    join_line,
    no_space,
    notes_text,
    reflow,
)
from .compose_text import TextSlides
from .compose_visual import VisualSlides
from .frames import (
    Align,
    Anchor,
    Deck,
    DeckMeta,
    Item,
    Paragraph,
    Picture,
    Placeholder,
    Role,
    Run,
    Shape,
    ShapeKind,
    SlideFrame,
    TextBox,
)
from .geometry import EMU_PER_PT, Insets, Rect, inch, pt
from .images import image_size
from .measure import Measurer
from .theme import Theme, resolve_theme
from .wrap import truncate, wrap_runs


@dataclass
class _State:
    slides: list[SlideFrame] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)


def layout_deck(outline: m.Outline, measurer: Measurer, theme: Theme | None = None) -> Deck:
    """Lay out every slide of ``outline``; raise BuildError if something cannot fit."""
    engine = _Engine(outline, theme or resolve_theme(outline), measurer)
    return engine.run()


class _Engine(TextSlides, VisualSlides):
    def __init__(self, outline: m.Outline, theme: Theme, measurer: Measurer):
        self.outline = outline
        self.theme = theme
        self.measurer = measurer
        self.state = _State()
        self.section_number = 0
        self.section: m.Section | None = None
        self.section_index = 0
        self.footer_warned = False
        self.errors_before = 0  # errors already explained for the slide being laid out
        self.base = outline.base_dir

    # ------------------------------------------------------------------ driver

    def run(self) -> Deck:
        if self.theme.font.casefold() not in METRIC_FONTS:
            self.state.diagnostics.append(
                warning(
                    f"deckgen measures text with Arial's metrics; '{self.theme.font}' may set "
                    "lines wider or narrower than laid out",
                    self.outline.theme.pos or self.outline.pos,
                    "use Arial (or Helvetica, Liberation Sans, Arimo) for an exact fit",
                )
            )
        for index, section in enumerate(self.outline.sections):
            self.section = section
            self.section_index = index
            if section.divider:
                self.errors_before = len(self.state.errors)
                self.section_number += 1
                self.divider(section, self.section_number)
            for slide in section.slides:
                self.errors_before = len(self.state.errors)
                getattr(self, "slide_" + slide.kind)(slide)
        if self.state.errors:
            raise BuildError(
                "the outline could not be laid out", self.state.errors + self.state.diagnostics
            )
        meta = self.outline.meta
        return Deck(
            width=self.theme.width,
            height=self.theme.height,
            slides=tuple(self.state.slides),
            meta=DeckMeta(
                title=meta.title,
                subtitle=meta.subtitle,
                author=meta.presenter,
                organisation=meta.organisation,
                date=meta.date,
                language=meta.language,
                keywords=tuple(meta.keywords),
            ),
            font=self.theme.font,
            diagnostics=tuple(self.state.diagnostics),
            palette=self.palette(),
            title_box=self.theme.title_box,
            body_box=self.theme.body_box,
        )

    def palette(self) -> tuple[tuple[str, str], ...]:
        t = self.theme
        slots = [("dk1", t.text), ("lt1", t.background), ("dk2", t.primary), ("lt2", t.surface)]
        accents = [t.concept_color(k) for k in self.outline.concepts] + [t.primary, t.muted]
        slots += [(f"accent{i}", c) for i, c in enumerate(accents[:6], 1)]
        return tuple(slots)

    # ----------------------------------------------------------------- helpers

    def para(
        self,
        runs: Sequence[Run] | str,
        size: float,
        width: int,
        color: str | None = None,
        *,
        bold: bool = False,
        italic: bool = False,
        pitch: float = BODY_PITCH,
        space_before: float = 0.0,
        align: Align = Align.LEFT,
        level: int = 0,
        bullet: str | None = None,
        bullet_color: str | None = None,
        margin_left: int = 0,
        hanging: int = 0,
        balance: bool = False,
    ) -> Paragraph:
        if isinstance(runs, str):
            runs = (Run(runs, bold=bold, italic=italic),)
        runs = tuple(runs)

        def wrap(measure: int):
            avail = measure / EMU_PER_PT * WRAP_SAFETY
            # without a bullet the first line starts `hanging` further left
            first = avail + hanging / EMU_PER_PT * WRAP_SAFETY if hanging and not bullet else None
            return wrap_runs(runs, avail, size, self.measurer, first)

        full = width - margin_left
        lines = wrap(full)
        measure = None
        if balance and len(lines) > 1:
            # the narrowest measure that keeps the line count: no word left alone
            low, high = full // 2, full
            while high - low > EMU_PER_PT:
                mid = (low + high) // 2
                if len(wrap(mid)) == len(lines):
                    high = mid
                else:
                    low = mid
            if high < full:
                measure, lines = high, wrap(high)
        return Paragraph(
            runs=runs,
            size=size,
            color=color or self.theme.text,
            lines=lines,
            line_pitch=round(size * pitch, 2),
            space_before=space_before,
            align=align,
            level=level,
            bullet=bullet,
            bullet_color=bullet_color,
            margin_left=margin_left,
            hanging=hanging,
            measure=measure,
        )

    @staticmethod
    def height_of(paragraphs: Sequence[Paragraph]) -> int:
        if not paragraphs:
            return 0
        points = sum(p.height for p in paragraphs) - paragraphs[0].space_before
        return pt(points)

    def sizes(self, preferred: float, floor: float | None = None) -> list[float]:
        floor = self.theme.scale.floor if floor is None else floor
        out, size = [], preferred
        while size > floor:
            out.append(size)
            size -= self.theme.scale.step
        out.append(floor)
        return out

    def box(
        self,
        rect: Rect,
        paragraphs: Sequence[Paragraph],
        role: Role,
        name: str,
        *,
        anchor: Anchor = Anchor.TOP,
        placeholder: Placeholder | None = None,
        pos: SourcePos | None = None,
        fill: str | None = None,
        field_: str | None = None,
    ) -> TextBox:
        # balanced paragraphs were broken for a narrower measure: a right inset makes
        # PowerPoint break them where we did
        needed = max(
            (
                p.margin_left + (p.measure if p.measure is not None else rect.w - p.margin_left)
                for p in paragraphs
            ),
            default=rect.w,
        )
        return TextBox(
            rect=rect,
            paragraphs=tuple(paragraphs),
            role=role,
            font=self.theme.font,
            name=name,
            anchor=anchor,
            insets=Insets(right=max(0, rect.w - needed)),
            placeholder=placeholder,
            fill=fill,
            field=field_,
            pos=pos,
        )

    def picture(self, image: m.Image, rect: Rect, name: str) -> Picture:
        """Fit ``image`` inside ``rect`` keeping its aspect ratio, centred."""
        import os

        path = image.path if os.path.isabs(image.path) else os.path.join(self.base, image.path)
        w, h = image_size(path)
        scale = min(rect.w / w, rect.h / h)
        pw, ph = round(w * scale), round(h * scale)
        return Picture(
            rect=Rect(rect.x + (rect.w - pw) // 2, rect.y + (rect.h - ph) // 2, pw, ph),
            path=os.path.abspath(path),
            alt=image.alt,
            name=name,
            pos=image.pos,
        )

    def warn(self, slide_title: str, message: str, pos: SourcePos | None, hint=None) -> None:
        number = len(self.state.slides) + 1
        self.state.diagnostics.append(
            warning(f"slide {number} '{slide_title}': {message}", pos, hint)
        )

    def fail(self, message: str, pos: SourcePos | None, hint: str | None = None) -> None:
        self.state.errors.append(error(message, pos, hint))

    # ------------------------------------------------------------------- chrome

    def title_items(
        self, text: str, pos: SourcePos | None, accent: str, color: str | None = None
    ) -> list[Item]:
        """The title placeholder (bottom-anchored, at most two lines) and the accent rule."""
        t = self.theme
        rect = t.title_box
        chosen = None
        for size in self.sizes(t.scale.title, t.scale.title_floor):
            p = self.para(
                text, size, rect.w, color or t.primary, bold=True, pitch=TITLE_PITCH, balance=True
            )
            if len(p.lines) <= 2 and self.height_of([p]) <= rect.h:
                chosen = p
                break
        if chosen is None:
            self.fail(
                f"the title '{text}' does not fit on a slide even at {t.scale.title_floor:g} pt",
                pos,
                "shorten the title to two short lines; move detail to the body or the notes",
            )
            chosen = p
        elif chosen.size < t.scale.title:
            self.warn(
                text,
                f"title set at {chosen.size:g} pt instead of {t.scale.title:g} pt",
                pos,
                "a shorter title keeps the type scale",
            )
        rule = Shape(
            Rect(t.margin, t.rule_y, inch(0.6), inch(0.09)), ShapeKind.RECT, accent, "Accent rule"
        )
        return [
            self.box(
                rect,
                [chosen],
                Role.TITLE,
                "Title",
                anchor=Anchor.BOTTOM,
                placeholder=Placeholder.TITLE,
                pos=pos,
            ),
            rule,
        ]

    def chrome(self, color: str | None = None) -> list[Item]:
        t = self.theme
        color = color or t.muted
        size = t.scale.chrome
        footer_text = self.outline.meta.footer or self.outline.meta.title
        y = t.footer_y
        h = inch(0.32)
        number_w = inch(1.2)
        logo_w = inch(1.1) if t.logo else 0
        footer_w = t.width - 2 * t.margin - number_w - logo_w - inch(0.3)
        avail = footer_w / EMU_PER_PT * WRAP_SAFETY
        short = truncate(footer_text, avail, size, self.measurer)
        if short != footer_text and not self.footer_warned:
            self.footer_warned = True
            self.state.diagnostics.append(
                warning(
                    f"the footer '{footer_text}' is too long for one line; shortened to '{short}'",
                    self.outline.meta.pos,
                    "shorten meta.footer",
                )
            )
        footer = self.para(short, size, footer_w, color)
        number = self.para(
            str(len(self.state.slides) + 1), size, number_w, color, align=Align.RIGHT
        )
        logo = []
        if t.logo:
            x = t.width - t.margin - number_w - logo_w
            logo = [self.picture(t.logo, Rect(x, y, logo_w, h), "Logo")]
        return logo + [
            self.box(
                Rect(t.margin, y, footer_w, h),
                [footer],
                Role.FOOTER,
                "Footer",
                anchor=Anchor.MIDDLE,
            ),
            self.box(
                Rect(t.width - t.margin - number_w, y, number_w, h),
                [number],
                Role.SLIDE_NUMBER,
                "Slide number",
                anchor=Anchor.MIDDLE,
                field_="slidenum",
            ),
        ]

    def emit(
        self,
        kind: str,
        title: str,
        items: list[Item],
        notes: str | None,
        pos: SourcePos | None,
        *,
        background: str | None = None,
        chrome: bool | str = True,
        continued: bool = False,
    ) -> None:
        bg = background or self.theme.background
        if chrome:
            items = items + self.chrome(chrome if isinstance(chrome, str) else None)
        self.check_fit(title, items, pos)
        self.state.slides.append(
            SlideFrame(
                number=len(self.state.slides) + 1,
                kind=kind,
                title=title,
                items=tuple(items),
                notes=reflow(notes_text(notes)),
                background=bg,
                section=self.section.title if self.section else None,
                section_index=self.section_index if self.section else None,
                continued=continued,
                pos=pos,
            )
        )

    def check_fit(self, title: str, items: list[Item], pos: SourcePos | None) -> None:
        """The last word on "nothing leaves its box or the slide", whatever built the items."""
        if len(self.state.errors) > self.errors_before:
            return  # a specific error already says what does not fit
        slide = self.theme.slide
        number = len(self.state.slides) + 1
        for item in items:
            text_too_tall = (
                isinstance(item, TextBox)
                and item.paragraphs
                and (pt(item.content_height) > item.rect.h + 1)
            )
            if not slide.contains(item.rect) or text_too_tall:
                self.fail(
                    f"slide {number} '{title}': the {item.name.lower()} does not fit on the slide",
                    pos,
                    "shorten this part; a single table row, analogy pair or title must fit "
                    "on one slide",
                )

    # ------------------------------------------------------------ flowing text

    def flow(
        self,
        slide_title: str,
        blocks: list[Block],
        area: Rect,
        preferred: float,
        pos: SourcePos | None,
        emit_page: Callable[[list[tuple[Rect, list[Paragraph]]], bool], None],
        *,
        floor: float | None = None,
        columns: int = 1,
        listing: bool = False,
    ) -> None:
        """Fit ``blocks`` into ``area``: shrink towards the floor, then continue on new slides.

        ``area`` is divided into ``columns``; ``emit_page(columns, continued)`` emits one
        slide given each column's rectangle and paragraphs. A ``listing`` (agenda,
        glossary, references: generated from the whole outline, not written per slide)
        shrinks and continues as a matter of course, without warnings.
        """
        gap = inch(0.5)
        col_w = (area.w - gap * (columns - 1)) // columns
        rects = [Rect(area.x + i * (col_w + gap), area.y, col_w, area.h) for i in range(columns)]
        sizes = self.sizes(preferred, floor)
        for size in sizes:
            pages = self.paginate(blocks, size, col_w, area.h, columns)
            if len(pages) == 1:
                break
        if size < preferred and not listing and len(pages) == 1:
            self.warn(
                slide_title,
                f"text set at {size:g} pt instead of {preferred:g} pt to fit",
                pos,
                "fewer or shorter points keep the type scale",
            )
        if len(pages) > 1 and not listing:
            self.warn(
                slide_title,
                f"too much to fit even at {size:g} pt; continued on {len(pages) - 1} "
                "'(cont.)' slide(s)",
                pos,
                "one idea per slide: split the content or move detail to the notes",
            )
        for i, page in enumerate(pages):
            emit_page([(rects[j], col) for j, col in enumerate(page) if col], i > 0)

    def paginate(
        self, blocks: list[Block], size: float, width: int, height: int, columns: int
    ) -> list[list[list[Paragraph]]]:
        """Pour blocks into columns of ``height``, ``columns`` to a page."""
        cols: list[list[Paragraph]] = [[]]

        def place(paras: list[Paragraph]) -> None:
            if not cols[-1] and paras[0].space_before:  # a column opens without extra space
                paras = [no_space(paras[0]), *paras[1:]]
            cols[-1].extend(paras)

        for block in blocks:
            paras = block.make(size, width)
            if self.height_of(cols[-1] + paras) <= height:
                place(paras)
                continue
            if cols[-1]:
                cols.append([])
            if self.height_of(paras) <= height:
                place(paras)
                continue
            # a single block taller than a column: break it between lines
            for piece in self.split_lines(paras, height):
                if cols[-1] and self.height_of(cols[-1] + piece) > height:
                    cols.append([])
                place(piece)
        return [cols[i : i + columns] for i in range(0, len(cols), columns)]

    def split_lines(self, paras: list[Paragraph], height: int) -> list[list[Paragraph]]:
        """Cut paragraphs into pieces no taller than ``height``, at line boundaries."""
        pieces: list[list[Paragraph]] = [[]]
        for p in paras:
            lines = list(p.lines)
            first = True
            while lines:
                room = height - self.height_of(pieces[-1])
                extra = p.space_before if (first and pieces[-1]) else 0
                fit = int((room / EMU_PER_PT - extra) // p.line_pitch)
                if fit <= 0:
                    if not pieces[-1]:  # not one line fits even an empty box: no progress
                        raise NoRoom(f"{height} EMU holds no line of {p.line_pitch:g} pt")
                    pieces.append([])
                    continue
                chunk, lines = lines[:fit], lines[fit:]
                runs = tuple(
                    r
                    for k, line in enumerate(chunk)
                    for r in (join_line(line) if k < len(chunk) - 1 else line)
                )
                piece = Paragraph(
                    **{
                        **p.__dict__,
                        "runs": runs,
                        "lines": tuple(chunk),
                        "bullet": p.bullet if first else None,
                        "space_before": p.space_before if first else 0.0,
                    }
                )
                pieces[-1].append(piece)
                first = False
                if lines:
                    pieces.append([])
        return [piece for piece in pieces if piece]

    def continued_title(self, title: str, continued: bool) -> str:
        return f"{title} (cont.)" if continued else title

    def continued_notes(self, title: str, notes: str | None, continued: bool) -> str:
        if continued:
            return f"Continued from “{title}”. The speaker notes are on the first slide."
        return notes or ""

    # ------------------------------------------------------------- slide kinds


__all__ = ["layout_deck", "reflow"]
