"""What a slide kind is handed to compose its slides, and what it hands back.

A kind's ``compose(slide, ctx)`` reads the design, sets text and places pictures
through the :class:`SlideContext`, reports through ``ctx.report``, and returns
:class:`Page` objects; the engine numbers them, adds the chrome and checks them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..errors import Diagnostic, InputError, SourcePos, error, warning
from .frames import Item, Picture, SlideLayout
from .geometry import Rect

if TYPE_CHECKING:
    from ..nodes import Image
    from ..outline.talk import Talk, TalkSection
    from .design import Design
    from .references import Bibliography
    from .text import Typesetter


@dataclass
class Report:
    """Warnings and errors about one outline slide, each naming it and its line."""

    title: str
    pos: SourcePos | None
    number: int  # the deck number of the slide's first page
    diagnostics: list[Diagnostic]
    errors: list[Diagnostic]
    # only whether the slide fits as it is matters: fit() stops at the first text that
    # would give way (raising GaveWay) instead of trying smaller sizes and continuing
    fits_only: bool = False

    def warn(self, message: str, hint: str | None = None, topic: str = "fit") -> None:
        self.diagnostics.append(
            warning(f"slide {self.number} '{self.title}': {message}", self.pos, hint, topic)
        )

    def fail(self, message: str, hint: str | None = None, pos: SourcePos | None = None) -> None:
        """An error at ``pos`` (a part of the slide), else at the slide's line."""
        self.errors.append(error(message, pos or self.pos, hint, "fit"))

    def at(self, page: int) -> Report:
        """The same report, about the slide's ``page``-th page."""
        return replace(self, number=self.number + page)


@dataclass(frozen=True)
class Page:
    """One slide a kind composed: its own items, before the engine adds the chrome."""

    title: str
    items: list[Item]
    notes: str
    layout: SlideLayout = SlideLayout.CONTENT
    background: str | None = None  # None: the design's background
    chrome: bool = True
    chrome_color: str | None = None  # None: the muted colour
    number_color: str | None = None  # the slide number's, if not the chrome colour
    continued: bool = False
    answer: str = ""  # a quiz's answer: the presenter's notes only, never the participants'
    reveals: bool = False  # the slide shows an answer: left out of participants' handouts


@dataclass
class SlideContext:
    """The explicit context of one outline slide's composition."""

    design: Design
    text: Typesetter
    talk: Talk
    bibliography: Bibliography
    report: Report
    section: TalkSection | None = None
    section_number: int = 0  # the divider's number, counting sections that have one

    def at(self, page: int) -> SlideContext:
        """The same context, reporting about the slide's ``page``-th page."""
        return replace(self, report=self.report.at(page))

    @property
    def section_concept(self) -> str | None:
        return self.section.concept if self.section else None

    def accent(self, concept: str | None) -> str:
        """The slide's own concept's colour, else its section's, else the primary."""
        return self.design.palette.concept(concept or self.section_concept)

    def picture(
        self, image: Image, rect: Rect, name: str, native: bool = False, top: bool = False
    ) -> Picture:
        return place_picture(image, rect, name, self.talk, native, top)

    def logo(self, rect: Rect, top: bool = False) -> Picture | None:
        return place_logo(self.talk, rect, top)


EMU_PER_PIXEL = 9525  # a pixel at 96 dpi


def place_picture(
    image: Image, rect: Rect, name: str, talk: Talk, native: bool = False, top: bool = False
) -> Picture:
    """``image`` fitted inside ``rect``, keeping its aspect ratio, centred (``top``: at
    the top, centred across); drawn from the bytes the talk's checked picture holds
    (``Talk.picture``: layout reads no file). ``native``: never larger than its own
    pixels at a 96 dpi projection (a screenshot enlarged past them only blurs)."""
    checked, problems = talk.picture(image)
    if checked is None:
        raise InputError("a picture cannot be used", problems)
    scale = min(rect.w / checked.width, rect.h / checked.height)
    vector = checked.format == "SVG"
    if native and not vector:  # a vector picture is sharp at any size
        scale = min(scale, EMU_PER_PIXEL)
    width, height = round(checked.width * scale), round(checked.height * scale)
    return Picture(
        rect=Rect(
            rect.x + (rect.w - width) // 2,
            rect.y if top else rect.y + (rect.h - height) // 2,
            width,
            height,
        ),
        path=checked.path,
        alt=image.alt or "",
        name=name,
        decorative=image.decorative,
        pos=image.pos,
        data=checked.data,
        vector=vector,
        frame=None if image.frame == "auto" else bool(image.frame),
    )


def place_logo(talk: Talk, rect: Rect, top: bool = False) -> Picture | None:
    """The theme's logo fitted inside ``rect`` (None: the theme has none), with its light
    variant where the theme gives one: the engine keeps the one that reads on what lies
    under it (``grounded.py``). A logo is framed only where the outline asks."""
    logo = talk.theme.logo
    if logo is None:
        return None
    main = replace(place_picture(logo, rect, "Logo", talk, top=top), logo=True)
    main = replace(main, frame=main.frame is True)
    if logo.on_dark:
        light = place_picture(logo.model_copy(update={"path": logo.on_dark}), rect, "Logo", talk,
                              top=top)  # fmt: skip
        main = replace(main, on_dark=replace(light, logo=True, frame=main.frame))
    return main
