"""The layout engine: Outline → Deck of positioned frames.

Every position, size, line break and font size is decided here, once, in EMU.
Text is measured through an injected :class:`~deckgen.layout.measure.Measurer`.
When content does not fit, the engine first shrinks it towards the readable
floor, then continues it on a "(cont.)" slide; each such decision is reported
as a warning that points at the outline line it came from. Nothing may leave
its box or the slide: a title that cannot fit even at the floor is an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import BuildError, Diagnostic, SourcePos, error, warning
from ..outline import model as m
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
    Table,
    TableCell,
    TextBox,
)
from .geometry import EMU_PER_PT, Insets, Rect, inch, pt
from .images import image_size
from .measure import Measurer
from .theme import Theme, on_color, resolve_theme
from .wrap import truncate, wrap_runs

# Renderers differ by a few per cent in how wide they set a line (hinting,
# kerning); wrapping to a slightly narrower measure keeps our breaks valid.
WRAP_SAFETY = 0.96
BODY_PITCH = 1.2
TITLE_PITCH = 1.1
METRIC_FONTS = {"arial", "helvetica", "liberation sans", "arimo"}
ANALOGY_SIZE = 20
MAX_BULLETS = 6  # top-level points a slide  # two panels side by side: a step below body text


@dataclass
class _Block:
    """One unit of flowing content (a bullet with its sub-bullets, a glossary entry…)."""

    make: Callable[[float, float], list[Paragraph]]  # (size, width in pt) -> paragraphs


@dataclass
class _State:
    slides: list[SlideFrame] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)


def layout_deck(outline: m.Outline, measurer: Measurer, theme: Theme | None = None) -> Deck:
    """Lay out every slide of ``outline``; raise BuildError if something cannot fit."""
    engine = _Engine(outline, theme or resolve_theme(outline), measurer)
    return engine.run()


class _Engine:
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
    ) -> Paragraph:
        if isinstance(runs, str):
            runs = (Run(runs, bold=bold, italic=italic),)
        runs = tuple(runs)
        avail = (width - margin_left) / EMU_PER_PT * WRAP_SAFETY
        lines = wrap_runs(runs, avail, size, self.measurer)
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
        return TextBox(
            rect=rect,
            paragraphs=tuple(paragraphs),
            role=role,
            font=self.theme.font,
            name=name,
            anchor=anchor,
            insets=Insets(),
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
            p = self.para(text, size, rect.w, color or t.primary, bold=True, pitch=TITLE_PITCH)
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
            Rect(t.margin, t.rule_y, inch(1.0), inch(0.07)), ShapeKind.RECT, accent, "Accent rule"
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
                notes=reflow(_notes_text(notes)),
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
        blocks: list[_Block],
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
        self, blocks: list[_Block], size: float, width: int, height: int, columns: int
    ) -> list[list[list[Paragraph]]]:
        """Pour blocks into columns of ``height``, ``columns`` to a page."""
        cols: list[list[Paragraph]] = [[]]

        def place(paras: list[Paragraph]) -> None:
            if not cols[-1] and paras[0].space_before:  # a column opens without extra space
                paras = [_no_space(paras[0]), *paras[1:]]
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
                    pieces.append([])
                    continue
                chunk, lines = lines[:fit], lines[fit:]
                runs = tuple(
                    r
                    for k, line in enumerate(chunk)
                    for r in (_join_line(line) if k < len(chunk) - 1 else line)
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

    def slide_title(self, slide: m.TitleSlide) -> None:
        t = self.theme
        meta = self.outline.meta
        title = slide.title or meta.title
        subtitle = slide.subtitle or meta.subtitle
        left = t.margin
        text_w = inch(7.6)
        items: list[Item] = []

        title_rect = Rect(left, inch(1.2), text_w, inch(2.5))
        para = None
        for size in self.sizes(t.scale.hero, t.scale.title_floor):
            para = self.para(title, size, text_w, t.primary, bold=True, pitch=TITLE_PITCH)
            if len(para.lines) <= 3 and self.height_of([para]) <= title_rect.h:
                break
        else:
            self.fail(
                f"the title '{title}' does not fit on the title slide",
                slide.pos,
                "shorten it; put the rest in the subtitle",
            )
        items.append(
            self.box(
                title_rect,
                [para],
                Role.TITLE,
                "Title",
                anchor=Anchor.BOTTOM,
                placeholder=Placeholder.TITLE,
                pos=slide.pos,
            )
        )
        # the talk's two colours, side by side, as a motif under the title
        x = left
        colors = [self.theme.concept_color(k) for k in self.outline.concepts] or [t.primary]
        for i, color in enumerate(colors[:4]):
            items.append(
                Shape(
                    Rect(x, inch(3.95), inch(1.1), inch(0.1)),
                    ShapeKind.RECT,
                    color,
                    f"Accent {i + 1}",
                )
            )
            x += inch(1.25)
        if subtitle:
            sub = self.para(subtitle, t.scale.subtitle, text_w, t.muted)
            items.append(
                self.box(
                    Rect(left, inch(4.25), text_w, inch(1.0)),
                    [sub],
                    Role.SUBTITLE,
                    "Subtitle",
                    placeholder=Placeholder.SUBTITLE,
                )
            )
        presenter = [s for s in (meta.presenter, meta.organisation, meta.date) if s]
        if presenter:
            lines = [self.para(presenter[0], 20, text_w, t.text, bold=True)]
            if len(presenter) > 1:
                lines.append(self.para(" · ".join(presenter[1:]), 20, text_w, t.muted))
            items.append(
                self.box(
                    Rect(left, inch(5.45), text_w, inch(1.0)), lines, Role.CAPTION, "Presenter"
                )
            )
        # the concepts' icons in tinted discs on the right
        icons = [(k, c) for k, c in self.outline.concepts.items() if c.icon][:2]
        spots = [(inch(8.75), inch(1.05)), (inch(10.25), inch(3.65))]
        for (key, concept), (x, y) in zip(icons, spots, strict=False):
            d = inch(2.6)
            items.append(
                Shape(
                    Rect(x, y, d, d),
                    ShapeKind.ELLIPSE,
                    t.tint(t.concept_color(key), 0.14),
                    f"{concept.label} disc",
                )
            )
            items.append(
                self.picture(
                    concept.icon, Rect(x, y, d, d).inset(inch(0.5)), f"{concept.label} icon"
                )
            )
        if t.logo:
            items.append(
                self.picture(
                    t.logo,
                    Rect(t.width - t.margin - inch(1.6), inch(0.4), inch(1.6), inch(0.6)),
                    "Logo",
                )
            )
        notes = slide.notes or f"{title}. {subtitle or ''}"
        self.emit("title", title, items, notes, slide.pos, chrome=False)

    def divider(self, section: m.Section, number: int) -> None:
        t = self.theme
        bg = t.concept_color(section.concept)
        fg = on_color(bg, t.text)
        left = t.margin
        text_w = inch(7.8)
        items: list[Item] = []
        num = self.para(f"{number:02d}", 28, text_w, fg, bold=True)
        items.append(
            self.box(Rect(left, inch(1.9), text_w, inch(0.6)), [num], Role.LABEL, "Section number")
        )
        para = None
        for size in self.sizes(t.scale.hero, t.scale.title_floor):
            para = self.para(section.title, size, text_w, fg, bold=True, pitch=TITLE_PITCH)
            if len(para.lines) <= 2:
                break
        title_h = self.height_of([para])
        items.append(
            self.box(
                Rect(left, inch(2.6), text_w, title_h),
                [para],
                Role.TITLE,
                "Title",
                anchor=Anchor.TOP,
                placeholder=Placeholder.TITLE,
                pos=section.pos,
            )
        )
        if section.subtitle:
            sub = self.para(section.subtitle, t.scale.subtitle, text_w, fg)
            items.append(
                self.box(
                    Rect(left, inch(2.6) + title_h + inch(0.3), text_w, self.height_of([sub])),
                    [sub],
                    Role.SUBTITLE,
                    "Subtitle",
                )
            )
        concept = t.concepts.get(section.concept) if section.concept else None
        if concept is not None and concept.icon is not None:
            d = inch(3.0)
            x, y = t.width - t.margin - d - inch(0.4), (t.height - d) // 2
            items.append(Shape(Rect(x, y, d, d), ShapeKind.ELLIPSE, "FFFFFF", "Icon disc"))
            items.append(
                self.picture(
                    concept.icon, Rect(x, y, d, d).inset(inch(0.6)), f"{concept.label} icon"
                )
            )
        notes = f"Section {number}: {section.title}."
        if section.subtitle:
            notes += f" {section.subtitle}."
        self.emit("section", section.title, items, notes, section.pos, background=bg, chrome=fg)

    def slide_agenda(self, slide: m.AgendaSlide) -> None:
        t = self.theme
        entries = [s for s in self.outline.sections if s.divider]
        area = t.body_box

        def block(i: int, s: m.Section) -> _Block:
            number = Run(f"{i:02d}   ", bold=True, color=t.concept_color(s.concept))
            return self.entry((number, Run(s.title)), space=0.7, hang=inch(0.75))

        blocks = [block(i, s) for i, s in enumerate(entries, 1)]
        notes = slide.notes or "Today: " + "; ".join(s.title for s in entries) + "."
        self._flow_slide(
            "agenda",
            slide.title,
            blocks,
            area,
            t.scale.body,
            slide.pos,
            notes,
            t.primary,
            listing=True,
        )

    def entry(self, runs: tuple[Run, ...], space: float = 0.6, hang: int = 0) -> _Block:
        """One paragraph of a listing (agenda, glossary, references), sized when placed."""

        def make(size: float, width: int) -> list[Paragraph]:
            return [
                self.para(
                    runs,
                    size,
                    width,
                    self.theme.text,
                    space_before=size * space,
                    margin_left=hang,
                    hanging=hang,
                )
            ]

        return _Block(make)

    def _flow_slide(
        self,
        kind,
        title,
        blocks,
        area,
        preferred,
        pos,
        notes,
        accent,
        *,
        columns=1,
        listing=False,
        side_items: Callable[[], list[Item]] | None = None,
        continued: bool = False,
    ):
        """One outline slide's flowing text onto as many slides as it takes.

        ``continued`` marks even the first of them "(cont.)": the outline slide was
        already split before its text was poured.
        """
        already = continued

        def emit_page(cols: list[tuple[Rect, list[Paragraph]]], continued: bool) -> None:
            continued = continued or already
            items = self.title_items(self.continued_title(title, continued), pos, accent)
            for i, (rect, paras) in enumerate(cols):
                first = i == 0
                items.append(
                    self.box(
                        rect,
                        paras,
                        Role.BODY,
                        "Body" if first else f"Body {i + 1}",
                        placeholder=Placeholder.BODY if first else None,
                        pos=pos,
                    )
                )
            if side_items and not continued:
                items.extend(side_items())
            self.emit(
                kind,
                self.continued_title(title, continued),
                items,
                self.continued_notes(title, notes, continued),
                pos,
                continued=continued,
            )

        if not blocks:
            emit_page([(area, [])], False)
            return
        self.flow(title, blocks, area, preferred, pos, emit_page, columns=columns, listing=listing)

    def slide_bullets(self, slide: m.BulletsSlide) -> None:
        t = self.theme
        accent = t.concept_color(slide.concept or (self.section.concept if self.section else None))
        area = t.body_box
        side = None
        if slide.image is not None:
            img_w = inch(3.4)
            area = Rect(area.x, area.y, area.w - img_w - inch(0.5), area.h)
            img_rect = Rect(t.width - t.margin - img_w, area.y + inch(0.2), img_w, inch(3.4))

            def side() -> list[Item]:
                return [self.picture(slide.image, img_rect, "Picture")]

        scale = t.scale

        def block(b: m.Bullet) -> _Block:
            def make(size: float, width: int) -> list[Paragraph]:
                sub_size = max(scale.floor, size - (scale.body - scale.sub_body))
                out = [
                    self.para(
                        b.text,
                        size,
                        width,
                        t.text,
                        space_before=size * 0.55,
                        bullet="•",
                        bullet_color=accent,
                        margin_left=inch(0.4),
                        hanging=inch(0.4),
                    )
                ]
                for s in b.sub:
                    out.append(
                        self.para(
                            s,
                            sub_size,
                            width,
                            t.text,
                            space_before=sub_size * 0.2,
                            level=1,
                            bullet="–",
                            bullet_color=t.muted,
                            margin_left=inch(0.85),
                            hanging=inch(0.35),
                        )
                    )
                return out

            return _Block(make)

        blocks = [block(b) for b in slide.bullets]
        # one idea per slide: more than MAX_BULLETS points continue on a new slide,
        # in balanced groups, before any of them is set in smaller type
        groups = -(-len(blocks) // MAX_BULLETS)
        if groups > 1:
            self.warn(
                slide.title,
                f"{len(blocks)} bullets; continued on {groups - 1} '(cont.)' slide(s), at most "
                f"{MAX_BULLETS} a slide",
                slide.pos,
                "move detail to the notes, or split the slide in the outline",
            )
        size = -(-len(blocks) // groups)
        for i in range(groups):
            self._flow_slide(
                "bullets",
                slide.title,
                blocks[i * size : (i + 1) * size],
                area,
                scale.body,
                slide.pos,
                slide.notes,
                accent,
                side_items=side,
                continued=i > 0,
            )

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
        attr_gap = inch(0.3)

        def build(size: float) -> tuple[Paragraph, Paragraph]:
            q = self.para(slide.quote, size, quote_w, t.text, italic=True, pitch=1.25)
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
            pieces = self.split_lines([q], room)
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
            top = body.y + max(0, (body.h - block_h) // 2)
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
                y = body.y + (body.h - icon_d) // 2
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
            summary = self.para(slide.summary, 20, body.w, accent, italic=True)
            summary_h = self.height_of([summary]) + inch(0.2)
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
        for size in self.sizes(20):
            head, rows = build(size)
            if row_h(head) + sum(row_h(r) for r in rows) <= body.h:
                pages = [rows]
                if size < 20:
                    self.warn(
                        slide.title, f"table text set at {size:g} pt instead of 20 pt", slide.pos
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
            return [self.para(p.text, size, text_w, t.text, bold=False) for p in slide.points]

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
        for i, (point, p, h) in enumerate(zip(slide.points, paras, heights, strict=True), 1):
            color = t.concept_color(point.concept)
            concept = t.concepts.get(point.concept) if point.concept else None
            by = y + (h - badge) // 2
            if concept is not None and concept.icon is not None:
                items.append(
                    Shape(
                        Rect(body.x, by, badge, badge),
                        ShapeKind.ELLIPSE,
                        t.tint(color, 0.14),
                        f"Takeaway {i} disc",
                    )
                )
                items.append(
                    self.picture(
                        concept.icon,
                        Rect(body.x, by, badge, badge).inset(inch(0.18)),
                        f"Takeaway {i} icon",
                    )
                )
            else:
                items.append(
                    Shape(
                        Rect(body.x, by, badge, badge),
                        ShapeKind.ELLIPSE,
                        color,
                        f"Takeaway {i} disc",
                    )
                )
                num = self.para(
                    str(i),
                    28,
                    badge,
                    on_color(color, t.text),
                    bold=True,
                    align=Align.CENTER,
                    pitch=1.0,
                )
                items.append(
                    self.box(
                        Rect(body.x, by, badge, badge),
                        [num],
                        Role.DECORATION,
                        f"Takeaway {i} number",
                        anchor=Anchor.MIDDLE,
                    )
                )
            ph = self.height_of([p])
            items.append(
                self.box(
                    Rect(text_x, y + (h - ph) // 2, text_w, ph), [p], Role.BODY, f"Takeaway {i}"
                )
            )
            y += h + gap
        self.emit("takeaways", slide.title, items, slide.notes, slide.pos)

    def slide_glossary(self, slide: m.GlossarySlide) -> None:
        t = self.theme
        entries = self.outline.glossary

        def block(e: m.GlossaryEntry) -> _Block:
            return self.entry((Run(e.term, bold=True, color=t.primary), Run(" — " + e.definition)))

        notes = slide.notes or "Glossary: " + ", ".join(e.term for e in entries) + "."
        self._flow_slide(
            "glossary",
            slide.title,
            [block(e) for e in entries],
            t.body_box,
            20,
            slide.pos,
            notes,
            t.primary,
            columns=2,
            listing=True,
        )

    def slide_references(self, slide: m.ReferencesSlide) -> None:
        t = self.theme

        def block(i: int, r: m.Reference) -> _Block:
            runs = [Run(f"[{i}]  ", bold=True, color=t.primary), Run(r.title, italic=True)]
            tail = ", ".join(x for x in (r.author, r.publisher, r.year) if x)
            if tail:
                runs.append(Run(". " + tail))
            if r.url:
                runs.append(Run(". " + r.url, color=t.muted))
            return self.entry(tuple(runs), hang=inch(0.55))

        blocks = [block(i, r) for i, r in enumerate(self.outline.references, 1)]
        notes = slide.notes or "References for this talk."
        self._flow_slide(
            "references",
            slide.title,
            blocks,
            t.body_box,
            20,
            slide.pos,
            notes,
            t.primary,
            columns=2,
            listing=True,
        )

    def slide_closing(self, slide: m.ClosingSlide) -> None:
        t = self.theme
        bg = t.primary
        fg = on_color(bg, t.text)
        left = t.margin
        text_w = t.width - 2 * t.margin
        items: list[Item] = []
        title = self.para(slide.title, t.scale.hero + 4, text_w, fg, bold=True, pitch=TITLE_PITCH)
        items.append(
            self.box(
                Rect(left, inch(1.6), text_w, inch(1.3)),
                [title],
                Role.TITLE,
                "Title",
                anchor=Anchor.BOTTOM,
                placeholder=Placeholder.TITLE,
                pos=slide.pos,
            )
        )
        x = left
        for i, key in enumerate(list(self.outline.concepts)[:4]):
            items.append(
                Shape(
                    Rect(x, inch(3.1), inch(1.1), inch(0.1)),
                    ShapeKind.RECT,
                    t.concept_color(key),
                    f"Accent {i + 1}",
                )
            )
            x += inch(1.25)
        if slide.message:
            msg = None
            for size in self.sizes(28, 20):
                msg = self.para(slide.message, size, inch(10.5), fg)
                if self.height_of([msg]) <= inch(1.6):
                    break
            items.append(
                self.box(
                    Rect(left, inch(3.4), inch(10.5), inch(1.6)), [msg], Role.SUBTITLE, "Message"
                )
            )
        meta = self.outline.meta
        who = " · ".join(s for s in (meta.presenter, meta.organisation) if s)
        if who:
            items.append(
                self.box(
                    Rect(left, inch(5.15), text_w, inch(0.5)),
                    [self.para(who, 20, text_w, fg, bold=True)],
                    Role.CAPTION,
                    "Presenter",
                )
            )
        if slide.show_disclosure and meta.disclosure:
            d = self.para(meta.disclosure, t.scale.chrome + 2, text_w, t.tint(fg, 0.75))
            items.append(
                self.box(
                    Rect(left, inch(6.55), text_w, inch(0.6)),
                    [d],
                    Role.FOOTER,
                    "Disclosure",
                    anchor=Anchor.BOTTOM,
                )
            )
        self.emit(
            "closing", slide.title, items, slide.notes, slide.pos, background=bg, chrome=False
        )


def _notes_text(notes) -> str:
    """Notes as text; an untailored outline may still hold a list of note paragraphs."""
    if isinstance(notes, list):
        return "\n\n".join(n.text for n in notes)
    return notes or ""


def reflow(text: str) -> str:
    """Speaker notes as paragraphs: lines are joined, a blank line starts a new paragraph.

    Outlines hard-wrap their notes (YAML block scalars); the notes page should not.
    """
    paragraphs = [
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in re.split(r"\n\s*\n", text.strip())
    ]
    return "\n".join(p for p in paragraphs if p)


def _no_space(p: Paragraph) -> Paragraph:
    return Paragraph(**{**p.__dict__, "space_before": 0.0})


def _join_line(line: tuple[Run, ...]) -> tuple[Run, ...]:
    """The runs of one wrapped line, with the space the break removed put back."""
    if not line:
        return line
    last = line[-1]
    return line[:-1] + (Run(last.text + " ", last.bold, last.italic, last.color),)
