"""Slide compositions made mostly of text: title, section divider, agenda, bullets,
glossary, references and closing. A mixin of the layout engine (see engine.py)."""

from __future__ import annotations

from collections.abc import Callable

from ..outline import model as m
from .common import (
    MAX_BULLETS,
    TITLE_PITCH,
    Block,
)
from .frames import (
    Anchor,
    Item,
    Paragraph,
    Placeholder,
    Role,
    Run,
    Shape,
    ShapeKind,
)
from .geometry import Rect, inch
from .theme import on_color


class TextSlides:
    """Mixed into the engine; uses its helpers (para, box, flow, emit…)."""

    def slide_title(self, slide: m.TitleSlide) -> None:
        t = self.theme
        meta = self.outline.meta
        title = slide.title or meta.title
        subtitle = slide.subtitle or meta.subtitle
        left = t.margin
        text_w = inch(8.0)  # the concepts' discs start at 8.6 in
        items: list[Item] = []

        title_rect = Rect(left, inch(1.2), text_w, inch(2.5))
        para = None
        for size in self.sizes(t.scale.hero, t.scale.title_floor):
            para = self.para(
                title, size, text_w, t.primary, bold=True, pitch=TITLE_PITCH, balance=True
            )
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
        items += self.concept_bars(left, inch(3.95), fallback=t.primary)
        if subtitle:
            sub = self.para(subtitle, t.scale.subtitle, text_w, t.muted, balance=True)
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
        d = inch(2.6)
        right = t.width - t.margin  # the second disc ends on the right margin
        spots = [(right - d - inch(1.5), inch(1.05)), (right - d, inch(3.65))]
        for (key, concept), (x, y) in zip(icons, spots, strict=False):
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

    def concept_bars(self, x: int, y: int, fallback: str | None = None) -> list[Item]:
        """The talk's colours side by side, one short bar per concept (at most four)."""
        colors = [self.theme.concept_color(k) for k in self.outline.concepts][:4]
        if not colors and fallback:
            colors = [fallback]
        return [
            Shape(
                Rect(x + i * inch(1.25), y, inch(1.1), inch(0.1)),
                ShapeKind.RECT,
                color,
                f"Accent {i + 1}",
            )
            for i, color in enumerate(colors)
        ]

    def divider(self, section: m.Section, number: int) -> None:
        t = self.theme
        bg = t.concept_color(section.concept)
        fg = on_color(bg, t.text)
        left = t.margin
        concept = t.concepts.get(section.concept) if section.concept else None
        has_icon = concept is not None and concept.icon is not None
        # beside an icon the title keeps to the left; without one it may use the width
        text_w = inch(7.8) if has_icon else t.width - 2 * t.margin
        items: list[Item] = []
        num = self.para(f"{number:02d}", 28, text_w, fg, bold=True)
        items.append(
            self.box(Rect(left, inch(1.9), text_w, inch(0.6)), [num], Role.LABEL, "Section number")
        )
        para = None
        for size in self.sizes(t.scale.hero, t.scale.title_floor):
            para = self.para(
                section.title, size, text_w, fg, bold=True, pitch=TITLE_PITCH, balance=True
            )
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
            sub = self.para(section.subtitle, t.scale.subtitle, text_w, fg, balance=True)
            items.append(
                self.box(
                    Rect(left, inch(2.6) + title_h + inch(0.3), text_w, self.height_of([sub])),
                    [sub],
                    Role.SUBTITLE,
                    "Subtitle",
                )
            )
        if has_icon:
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

        def block(i: int, s: m.Section) -> Block:
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

    def entry(self, runs: tuple[Run, ...], space: float = 0.6, hang: int = 0) -> Block:
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

        return Block(make)

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

        def block(b: m.Bullet) -> Block:
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

            return Block(make)

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

    def slide_glossary(self, slide: m.GlossarySlide) -> None:
        t = self.theme
        entries = self.outline.glossary

        def block(e: m.GlossaryEntry) -> Block:
            return self.entry((Run(e.term, bold=True, color=t.primary), Run(" — " + e.definition)))

        notes = slide.notes or "Glossary: " + ", ".join(e.term for e in entries) + "."
        self._listing_slide(slide, [block(e) for e in entries], notes)

    def slide_references(self, slide: m.ReferencesSlide) -> None:
        t = self.theme

        def block(i: int, r: m.Reference) -> Block:
            runs = [Run(f"[{i}]  ", bold=True, color=t.primary), Run(r.title, italic=True)]
            tail = ", ".join(x for x in (r.author, r.publisher, r.year) if x)
            if tail:
                runs.append(Run(". " + tail))
            if r.url:
                runs.append(Run(". " + r.url, color=t.muted))
            return self.entry(tuple(runs), hang=inch(0.55))

        blocks = [block(i, r) for i, r in enumerate(self.outline.references, 1)]
        self._listing_slide(slide, blocks, slide.notes or "References for this talk.")

    def _listing_slide(self, slide, blocks: list[Block], notes: str) -> None:
        """Glossary and references: 20 pt in two columns, continued as they need."""
        t = self.theme
        self._flow_slide(
            slide.kind,
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
        title = self.para(
            slide.title, t.scale.hero + 4, text_w, fg, bold=True, pitch=TITLE_PITCH, balance=True
        )
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
        items += self.concept_bars(left, inch(3.1))
        if slide.message:
            msg = None
            for size in self.sizes(28, 20):
                msg = self.para(slide.message, size, inch(10.5), fg, balance=True)
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
