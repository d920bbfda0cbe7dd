"""The layout engine: a tailored Talk → a Deck of positioned frames.

Every position, size, line break and font size is decided in layout, once, in EMU.
The engine walks the talk, has each slide's kind compose it (deckgen/kinds/, through
the toolkit in this package), numbers the slides, adds the footer chrome and checks
that nothing leaves its box or the slide. Each fitting decision is a warning that
points at the outline line it came from; an impossible fit is an error, and all of
them are reported together.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from typing import TYPE_CHECKING

from ..errors import BuildError, Diagnostic, SourcePos, error, warning
from ..inline import plain
from ..labels import LANGUAGES
from ..limits import MAX_DECK_SLIDES
from .access import described, reading_order
from .chrome import footer_items, footer_points
from .colors import luminance
from .context import Page, Report, SlideContext, place_logo
from .contrast import behind_of, low_contrast
from .design import Design, default_design
from .divider import compose_divider
from .fit import SlideFailed
from .frames import (
    Deck,
    DeckMeta,
    Item,
    Picture,
    Shape,
    ShapeKind,
    SlideFrame,
    SlideSource,
    TextBox,
)
from .geometry import pt
from .grounded import NON_TEXT, LowLogo, settle_pictures
from .legible import make_legible
from .measure import Measurer
from .references import bibliography
from .text import Typesetter, plain_like, prose_of_parts, reflow, run_width
from .wrap import TooNarrow, truncate

if TYPE_CHECKING:
    from ..outline.talk import Talk, TalkSection
    from .contrast import Grounds


def layout_deck(
    talk: Talk,
    measurer: Measurer,
    design: Design | None = None,
    heading_measurer: Measurer | None = None,
    grounds: Grounds | None = None,
    fits_only: bool = False,
    wraps: dict | None = None,
) -> Deck:
    """Lay out every slide of ``talk``, measuring text with ``measurer`` (titles with
    ``heading_measurer`` if given) and checking text on a template's artwork against
    ``grounds``' pixels if given; raise BuildError if something cannot fit. ``fits_only``
    (see Report) and ``wraps`` (Typesetter): for a caller laying a talk out again and again."""
    design = design or default_design(talk)
    return _Engine(talk, design, measurer, heading_measurer, grounds, fits_only, wraps).run()


@dataclass
class _Engine:
    talk: Talk
    design: Design
    measurer: Measurer
    heading_measurer: Measurer | None = None
    grounds: Grounds | None = None  # what a template draws, as pixels (the contrast check)
    fits_only: bool = False  # stop at the first text that gives way (layout_deck)
    wraps: dict | None = None  # lines broken before, by the caller's other layouts
    slides: list[SlideFrame] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)
    _grounds_warned: set[str] = field(default_factory=set)  # grounds a logo was said on

    def __post_init__(self) -> None:
        spacing = self.design.spacing
        self.text = Typesetter(
            self.measurer,
            self.design.font,
            spacing.wrap_safety,
            spacing.body_pitch,
            self.heading_measurer,
            self.design.palette.link,
            self.wraps,
        )
        self.bibliography = bibliography(self.talk)

    def run(self) -> Deck:
        kinds = self.talk.kinds  # the talk's kinds: layout imports none of them
        self._check_language()
        dividers = 0
        for index, section in enumerate(self.talk.sections):
            if section.divider:
                dividers += 1
                path = ("sections", section.index) if section.index is not None else ()
                source = SlideSource(index, None, "section", section.id, path)
                ctx = self._context(section.title, section.pos, section, dividers)
                self._add(partial(compose_divider, section, dividers, ctx), ctx, source)
            for number, slide in enumerate(section.slides):
                if len(self.slides) > MAX_DECK_SLIDES:
                    break
                kind = kinds.of(slide)
                title = getattr(slide, "title", None) or kind.name
                ctx = self._context(title, slide.pos, section, dividers)
                source = SlideSource(index, number, kind.name, slide.id, _path(section, number))
                self._add(partial(kind.compose, slide, ctx), ctx, source)
        if len(self.slides) > MAX_DECK_SLIDES:
            self.errors.append(
                error(
                    f"the deck would have more than {MAX_DECK_SLIDES:,} slides",
                    self.talk.pos,
                    "split the course into several outlines, or put detail in the notes",
                )
            )
        if self.errors:
            raise BuildError("the outline could not be laid out", self.errors + self.diagnostics)
        return Deck(
            width=self.design.grid.width,
            height=self.design.grid.height,
            slides=tuple(self.slides),
            meta=_meta(self.talk),
            design=self.design,
            diagnostics=tuple(self.diagnostics),
            layouts=kinds.layouts(),
        )

    def _context(
        self, title: str, pos: SourcePos | None, section: TalkSection, dividers: int
    ) -> SlideContext:
        number = len(self.slides) + 1
        report = Report(title, pos, number, self.diagnostics, self.errors, self.fits_only)
        return SlideContext(
            self.design, self.text, self.talk, self.bibliography, report, section, dividers
        )

    def _add(self, compose, ctx: SlideContext, source: SlideSource) -> None:
        """Compose one outline slide (or divider) and add its pages to the deck."""
        errors = len(self.errors)
        try:
            pages = compose()
        except SlideFailed:
            return
        except TooNarrow as exc:
            ctx.report.fail(
                f"slide {ctx.report.number} '{ctx.report.title}': {exc}",
                "shorten the text or use fewer columns, so each box is wider than a word",
            )
            return
        for page in pages:
            number = len(self.slides) + 1
            items = page.items + (self._chrome(page, number) if page.chrome else [])
            if len(self.errors) == errors:  # a specific error already says what does not fit
                self._check(page, number, items, ctx.report)
            background = page.background or self.design.palette.background
            report = ctx.report.at(number - ctx.report.number)
            items = self._grounded(page, items, background, report)
            items = self._warn_contrast(page, items, background, report)
            # bookmarks, contents, captions and messages (a fallback's in its language)
            title = plain_like(page.title)
            frame = SlideFrame(
                number=number,
                title=title,
                items=tuple(reading_order(described(items, title))),
                notes=reflow(page.notes),
                background=background,
                layout=page.layout,
                source=source,
                layout_name=self._layout_names.get(source.kind),
                section=ctx.section.title if ctx.section else None,
                continued=page.continued,
                pos=ctx.report.pos,
                answer=reflow(page.answer) if page.answer else "",
                reveals=page.reveals,
            )
            # the notes page's text as runs: what the renderers write
            self.slides.append(
                replace(frame, presenter_prose=prose_of_parts(frame.answer, frame.notes))
            )

    def _warn_contrast(self, page: Page, items: list[Item], background: str, report) -> list:
        """A warning for each text colour below WCAG AA on what lies behind it; on a
        template's drawn ground, the items made to read there (``legible``: each change
        said) and one warning for each line still below (naming the box)."""
        drawn = self.grounds is not None and background == self.design.palette.background
        for color, behind, ratio, need in self._low_contrast(page, items, background, drawn):
            report.warn(
                f"text in #{color} on #{behind} has a contrast of {ratio:.1f}:1, below {need:g}:1",
                "choose darker or lighter colours in theme.colors or the concepts",
                topic="contrast",
            )
        if not drawn:
            return items
        colors = partial(self.grounds.colors, page.layout)
        slide = self.design.grid.slide
        made = make_legible(items, colors, self._inks, self._run_width, slide)
        for change in made.changes:
            report.warn(
                change.message,
                "give the template's text a colour that reads on its artwork, or move the "
                "artwork from under the box",
                topic="contrast",
            )
        for found in made.unread:
            report.warn(
                f"'{found.box.name}' paragraph {found.line}: text in #{found.color} reads at "
                f"{found.ratio:.1f}:1 on the template's artwork under it (#{found.ground} "
                f"at worst), below {found.need:g}:1",
                "give the template's text a colour that reads on its artwork, or move the "
                "artwork from under the box",
                topic="contrast",
            )
        items = made.items
        return items

    @cached_property
    def _inks(self) -> list[str]:
        """The theme's text and background colours (dk1, lt1, dk2, lt2), once each."""
        slots = dict(self.design.theme_slots or ())
        found = [slots[slot] for slot in ("dk1", "lt1", "dk2", "lt2") if slot in slots]
        return list(dict.fromkeys(found))

    @cached_property
    def _run_width(self):
        """Points a run sets in at a size (in the titles' font with ``heading``)."""
        return run_width(self.text.measurer, self.text.heading_measurer)

    def _low_contrast(self, page: Page, items: list[Item], background: str, drawn: bool):
        """Text below WCAG AA on what lies behind it: on a template, its layout's own
        colour and the shapes and pictures it shows under the slide's own items (with
        ``drawn``, only the slide's own: the drawn ground is checked apart)."""
        design = self.design
        background = design.slide_fill(page.layout, background)
        if drawn:
            return low_contrast(items, background, drawn=True)
        behind = [
            Shape(rect, ShapeKind.RECT, color, "Template")
            for rect, color in design.backdrops.get(page.layout.value, ())
        ]
        return low_contrast(behind + items, background)

    def _chrome(self, page: Page, number: int) -> list[Item]:
        palette = self.design.palette
        color = page.chrome_color or palette.footer or palette.muted
        number_color = page.number_color or page.chrome_color or palette.number or color
        return footer_items(
            self.design, self.text, self._footer_text, number, color, self._logo, number_color
        )

    @cached_property
    def _layout_names(self) -> dict[str, str]:
        return self.talk.kinds.layout_names()

    @cached_property
    def _logo(self) -> Item | None:
        """The theme's logo beside the slide number: placed once (its variant is chosen
        for each slide's ground)."""
        return place_logo(self.talk, self.design.logo_box())

    def _grounded(self, page: Page, items: list[Item], background: str, report) -> list[Item]:
        """The pictures settled on what lies under them (``grounded.py``): each logo's
        variant and each picture's frame; a logo that reads below 3:1 is said once for
        each ground it stands on."""
        if not any(isinstance(item, Picture) for item in items):
            return items
        drawn = self.grounds is not None and background == self.design.palette.background

        def ground_of(index: int, picture: Picture):
            own = behind_of(items[:index], picture)
            if own is None and drawn:
                colors = self.grounds.colors(page.layout, picture.rect)
                if colors:
                    return colors
            return ((1, own or self.design.ground_at(page.layout, picture.rect, background)),)

        def inks_of(picture: Picture):
            return self.talk.inks(
                picture.data, picture.vector, picture.rect.w / max(picture.rect.h, 1)
            )

        design = self.design
        line = (design.palette.muted, design.picture.frame_width)
        items, low = settle_pictures(items, ground_of, inks_of, line)
        for found in low:
            if found.ground in self._grounds_warned:
                continue
            self._grounds_warned.add(found.ground)
            report.warn(
                f"the logo reads at {found.ratio:.1f}:1 on #{found.ground} under it, below "
                f"{NON_TEXT:g}:1 for a graphic (said once for this ground)",
                _logo_hint(found),
                topic="contrast",
            )
        return items

    def _check_language(self) -> None:
        """deckgen's own words exist in the talk's language, or the author is told."""
        labels = self.talk.labels
        if not labels.shipped:
            self.diagnostics.append(
                warning(
                    f"deckgen has no words of its own in '{labels.language}': its labels "
                    "(Contents, page X of Y, Glossary …) are in English",
                    self.talk.meta.pos,
                    "give them under 'labels:' (deckgen schema lists them), or build in one "
                    "of " + ", ".join(LANGUAGES),
                )
            )

    @cached_property
    def _footer_text(self) -> str:
        """The footer, shortened to one line (and said so, once, when first needed)."""
        meta = self.talk.meta
        full = meta.footer or meta.title
        room = footer_points(self.design, self.talk.theme.logo is not None)
        # shortened only where it does not fit at the smallest size the footer may take
        short = truncate(full, room, self.design.scale.chrome_floor, self.measurer)
        if short != full:
            self.diagnostics.append(
                warning(
                    f"the footer '{full}' is too long for one line; shortened to '{short}'",
                    meta.pos,
                    "shorten meta.footer",
                )
            )
        return short

    def _check(self, page: Page, number: int, items: list[Item], report: Report) -> None:
        """The last word on "nothing leaves its box or the slide, nor runs into the footer",
        whatever built the items."""
        slide = self.design.grid.slide
        content = len(page.items) if page.chrome else len(items)
        footer_top = self.design.footer_top
        for index, item in enumerate(items):
            text_too_tall = (
                isinstance(item, TextBox)
                and item.paragraphs
                and (pt(item.content_height) > item.rect.h + 1)
            )
            over_footer = index < content and page.chrome and item.rect.bottom > footer_top
            if not slide.contains(item.rect) or text_too_tall or over_footer:
                report.fail(
                    f"slide {number} '{page.title}': the {item.name.lower()} does not fit on "
                    "the slide",
                    f"shorten the {item.name.lower()}; what does not fit is never cut or "
                    "left to overlap",
                )


def _logo_hint(found: LowLogo) -> str:
    dark = luminance(found.ground) < LIGHT_GROUND
    if found.has_variant:
        which = "logo.on_dark a lighter" if dark else "logo.path a darker"
        return f"neither logo.path nor logo.on_dark reads on this ground: give {which} variant"
    if dark:
        return "give logo.on_dark: a light variant of the logo, placed where the ground is dark"
    return (
        "give logo.path a variant of the logo that reads on light grounds (a darker one), "
        "and logo.on_dark the light one"
    )


LIGHT_GROUND = 0.18  # a ground's luminance above which a dark logo is the one to read on it


def _meta(talk: Talk) -> DeckMeta:
    meta = talk.meta
    return DeckMeta(  # the file's properties: what the title reads as, without its markup
        title=plain(meta.title),
        subtitle=plain(meta.subtitle) if meta.subtitle else None,
        author=meta.presenter,
        organisation=meta.organisation,
        date=meta.date,
        language=meta.language,
        keywords=tuple(meta.keywords),
        comments=talk.labels("deck_comments"),
    )


__all__ = ["layout_deck", "reflow"]


def _path(section: TalkSection, number: int) -> tuple[str | int, ...]:
    """Where slide ``number`` of ``section`` stands in the outline (``()``: unknown)."""
    indices = section.slide_indices
    if section.index is None or number >= len(indices) or indices[number] < 0:
        return ()
    return ("sections", section.index, "slides", indices[number])
