"""The design record: every number and colour a slide kind or a renderer uses, in one place.

Slide kinds read their boxes, sizes and colours from a :class:`Design`; the PPTX
template and the PDF renderers read the same record. Nothing else in deckgen
holds a length, a size or a colour of its own. A corporate template will fill in
this record; the default design is the one below, resolved from the outline's theme.

Lengths are EMU (:mod:`.geometry`), sizes are points, colours "RRGGBB"; a length on the
slide is typed ``Emu`` and a type size ``Pt``: those are what another slide size scales.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

from .colors import hex6
from .compositions import (
    AnalogyDesign,
    BulletsDesign,
    ChartDesign,
    ClosingDesign,
    CodeDesign,
    ComparisonDesign,
    DefinitionDesign,
    DividerDesign,
    ListingDesign,
    NotesPageDesign,
    PictureDesign,
    Shapes,
    TakeawaysDesign,
    TemplateLayout,
    TitleSlideDesign,
    Typefaces,
)
from .frames import Align, Shape
from .geometry import ON_PAPER, Emu, Pt, Rect, inch
from .handout_design import HandoutDesign
from .palette import Palette

if TYPE_CHECKING:
    from ..outline.talk import Talk


@dataclass(frozen=True)
class TypeScale:
    """Preferred sizes and readable floors, in points."""

    title: Pt = 36
    title_floor: Pt = 28
    hero: Pt = 44  # title slide, dividers
    closing: Pt = 48  # the closing slide's title
    subtitle: Pt = 24
    body: Pt = 26
    sub_body: Pt = 22
    level3: Pt = 20  # the template's third body level
    floor: Pt = 18  # nothing on a slide (but chrome) goes below this
    quote: Pt = 28
    quote_mark: Pt = 120
    attribution: Pt = 20
    table: Pt = 20
    table_header: Pt = 20
    listing: Pt = 20  # glossary and references
    analogy: Pt = 20  # two panels side by side: a step below body text
    analogy_heading: Pt = 24
    arrow: Pt = 28
    caption: Pt = 20  # presenter lines, summaries
    section_number: Pt = 28
    takeaway: Pt = 28
    code: Pt = 20  # a code slide's listing, shrunk (never below code_floor) to fit
    chart: Pt = 16  # a chart's axis labels, legend and data labels
    code_floor: Pt = 16
    takeaway_floor: Pt = 20
    message: Pt = 28
    message_floor: Pt = 20
    marker: Pt = 28  # the number in a takeaway's disc
    chrome: Pt = 12  # the footer (on a template: its footer placeholder's size)
    chrome_number: Pt | None = None  # the slide number, where not the footer's size
    chrome_floor: Pt = 12  # a footer too long for its line is set smaller, to this
    disclosure: Pt = 14
    step: Pt = 2  # how much smaller each try is
    # issue 23 item 4: composed kinds
    code_lead: Pt = 28  # a short listing's step: the largest a code slide with room takes
    table_lead: Pt = 24  # a short comparison table's step (header and cells)
    # issue 23 item 4: flowing text
    # the step above body text, and above a listing's, for a slide with room to spare
    # (issue 23 item 4): bullets, quiz and agenda lines at `lead`, a short glossary or
    # reference list in one column at `listing_lead`. A template's design has none larger
    # than its own sizes (both equal to body and listing there): it grows by spacing only.
    lead: Pt = 30
    listing_lead: Pt = 24

    def lead_for(self, size: float) -> float | None:
        """The scale's larger step for text preferred at ``size`` (None: it has none)."""
        for base, lead in ((self.body, self.lead), (self.listing, self.listing_lead)):
            if size == base and lead > size:
                return lead
        return None


@dataclass(frozen=True)
class Spacing:
    """Line pitch (a multiple of the size) and paragraph spacing (a share of the size)."""

    body_pitch: float = 1.2
    title_pitch: float = 1.1
    quote_pitch: float = 1.25
    tight_pitch: float = 1.0  # marks, arrows, numbers in discs
    bullet_before: float = 0.55
    sub_before: float = 0.2
    entry_before: float = 0.6  # glossary and references entries
    agenda_before: float = 0.7
    # PowerPoint, LibreOffice and our PDF all set Arial/Liberation Sans with the same
    # advance widths (to 0.1%), so lines are broken for 99.7% of the measure: the rest
    # absorbs rounding without making the deck break lines where the handout does not.
    wrap_safety: float = 0.997
    # issue 23 item 4: flowing text
    # Flowing text (bullets, quiz, agenda, glossary, references) that fits one slide at its
    # preferred size but spans less than `fill_target` of the body's height uses the room:
    # the scale's larger step (TypeScale.lead_for) where the text at it, spaced as today,
    # spans at most `lead_within` of the height; then the space above each item after the
    # first grows, evenly, until the text spans `fill_target`, but never beyond
    # `most_between` of the item's size (a blank line: items never float apart).
    fill_target: float = 0.8
    lead_within: float = 0.7
    most_between: float = 1.2


@dataclass(frozen=True)
class Grid:
    """The frame every content slide shares (16:9, 13.333 × 7.5 in)."""

    width: Emu = 12_192_000
    height: Emu = 6_858_000
    margin: Emu = inch(0.6)
    title_top: Emu = inch(0.35)
    title_height: Emu = inch(1.15)
    title_lines: int = 2
    # the accent rule under the title, on the left margin: clearly apart from the title's
    # last line, so it never reads as an underline
    rule_top: Emu = inch(1.66)
    rule_width: Emu = inch(0.6)
    rule_height: Emu = inch(0.09)
    body_top: Emu = inch(1.98)
    body_bottom: Emu = inch(6.8)
    column_gap: Emu = inch(0.5)
    right_margin: Emu | None = None  # a template's; None: the same as the left
    # a template's two-content layout's bodies, left first: () where it has none; None on
    # deckgen's own template (the body box split by the column gap)
    two_content: tuple[Rect, ...] | None = None
    # a template's title box across (x, width), where it is narrower than the margins
    title_span: tuple[int, int] | None = None

    @property
    def slide(self) -> Rect:
        return Rect(0, 0, self.width, self.height)

    @property
    def right(self) -> int:
        """Where content ends on the right: the right margin's line."""
        return self.width - (self.margin if self.right_margin is None else self.right_margin)

    @property
    def content_width(self) -> int:
        return self.right - self.margin

    @property
    def title_box(self) -> Rect:
        x, width = self.title_span or (self.margin, self.content_width)
        return Rect(x, self.title_top, width, self.title_height)

    @property
    def rule(self) -> Rect:
        return Rect(self.margin, self.rule_top, self.rule_width, self.rule_height)

    @property
    def body_box(self) -> Rect:
        return Rect(
            self.margin, self.body_top, self.content_width, self.body_bottom - self.body_top
        )

    @property
    def columns(self) -> tuple[Rect, ...]:
        """Two columns side by side where slides can have them (a two-content layout's
        bodies on a template), else the body box alone: columns go one below the other."""
        if self.two_content is not None:
            return self.two_content or (self.body_box,)
        body = self.body_box
        width = (body.w - self.column_gap) // 2
        return (
            Rect(body.x, body.y, width, body.h),
            Rect(body.right - width, body.y, width, body.h),
        )


@dataclass(frozen=True)
class Chrome:
    """Footer, slide number and logo along the bottom of a slide."""

    top: Emu = inch(6.98)
    height: Emu = inch(0.32)
    number_width: Emu = inch(1.2)
    logo_width: Emu = inch(1.1)
    gap: Emu = inch(0.3)
    # a template's own footer and slide-number boxes; None: along the bottom margin
    footer: Rect | None = None
    number: Rect | None = None
    numbered_by_template: bool = False  # its master prints the slide number: none of ours


@dataclass(frozen=True)
class ConceptBars:
    """The talk's colours side by side, one short bar per concept."""

    width: Emu = inch(1.1)
    height: Emu = inch(0.1)
    pitch: Emu = inch(1.25)
    most: int = 4


@dataclass(frozen=True)
class Design:
    font: str
    palette: Palette
    grid: Grid = Grid()
    scale: TypeScale = TypeScale()
    spacing: Spacing = Spacing()
    chrome: Chrome = Chrome()
    bars: ConceptBars = ConceptBars()
    title_slide: TitleSlideDesign = TitleSlideDesign()
    divider: DividerDesign = DividerDesign()
    bullets: BulletsDesign = BulletsDesign()
    picture: PictureDesign = PictureDesign()
    code: CodeDesign = CodeDesign()
    chart: ChartDesign = ChartDesign()
    listing: ListingDesign = ListingDesign()
    definition: DefinitionDesign = DefinitionDesign()
    analogy: AnalogyDesign = AnalogyDesign()
    comparison: ComparisonDesign = ComparisonDesign()
    takeaways: TakeawaysDesign = TakeawaysDesign()
    closing: ClosingDesign = ClosingDesign()
    shapes: Shapes = Shapes()
    faces: Typefaces = Typefaces()  # the faces deckgen names itself (code, bullets, PDFs')
    notes_page: Annotated[NotesPageDesign, ON_PAPER] = NotesPageDesign()
    handout: Annotated[HandoutDesign, ON_PAPER] = field(default_factory=HandoutDesign)
    # On an organisation's template: its theme's colour slots (else the palette's), the
    # fonts its titles and text use as written (a theme reference or a family), and
    # whether deckgen's own full-bleed colours and accent rule step aside for its look.
    theme_slots: tuple[tuple[str, str], ...] | None = None
    fonts_written: tuple[str, str] = ("+mj-lt", "+mn-lt")
    heading_font: str | None = None  # the titles' family, if not ``font``
    title_bold: bool = True  # titles' weight: a template's title style's (else bold)
    title_align: Align = Align.LEFT  # titles' alignment: a template's title style's
    # on a template, the colours the outline sets (its concepts'): written as they are,
    # and their shades and tints too, never as a shade of one of the template's slots
    fixed_colors: tuple[str, ...] = ()
    plain: bool = False
    # the filled shapes and pictures a template's layouts show behind the slide, by the
    # SlideLayout's value: (box, average colour), bottom first; text is checked against them
    backdrops: dict[str, tuple[tuple[Rect, str], ...]] = field(default_factory=dict)
    layouts: dict[str, TemplateLayout] = field(default_factory=dict)  # by SlideLayout value
    # what the template's master and layout draw behind slides (frame items: shapes and
    # pictures), by SlideLayout value: the PDFs draw it, the deck's master shows it itself
    scenery: dict[str, tuple] = field(default_factory=dict)
    # the plain fill a layout's placeholder gives slides' boxes of a kind, by SlideLayout
    # value and Placeholder value: the PDFs draw it under each such box, as the deck shows
    placeholder_grounds: dict[str, dict[str, Shape]] = field(default_factory=dict)
    # the colour a template's layout fills the slide with, by SlideLayout value (the
    # palette's background is the colour behind the body, perhaps a panel of the template)
    slide_colors: dict[str, str] = field(default_factory=dict)
    # the font files the PDFs embed for "body" and "heading" text, by (bold, italic): the
    # faces text was measured with, where their licence allows (none: Liberation Sans)
    font_files: dict[str, dict[tuple[bool, bool], str]] = field(default_factory=dict)

    def slide_fill(self, layout, fill: str) -> str:
        """The colour a slide of ``layout`` (a SlideLayout) that asks for ``fill`` shows:
        on a template, a slide on the palette's background shows its layout's own."""
        if self.plain and fill == self.palette.background:
            return self.slide_colors.get(layout.value, fill)
        return fill

    def ground_at(self, layout, rect: Rect, fill: str) -> str:
        """What lies behind the middle of ``rect`` on a slide of ``layout`` (a
        SlideLayout) filled with ``fill``: on a template, its shapes and pictures there,
        else its own colour; else ``fill``."""
        if not self.plain or fill != self.palette.background:
            return fill
        x, y = rect.x + rect.w // 2, rect.y + rect.h // 2
        for box, color in reversed(self.backdrops.get(layout.value, ())):
            if box.x <= x <= box.x + box.w and box.y <= y <= box.y + box.h:
                return color
        return self.slide_fill(layout, fill)

    def template_layout(self, layout) -> TemplateLayout | None:
        """The template's boxes for slides on ``layout`` (a SlideLayout), if any."""
        return self.layouts.get(layout.value) if self.plain else None

    def stage(self, color: str) -> str:
        """The background of a slide that would be all ``color`` (a divider, the closing
        slide): on a template, its own background instead."""
        return self.palette.background if self.plain else color

    def slots(self) -> tuple[tuple[str, str], ...]:
        """The deck theme's colour slots."""
        return self.theme_slots if self.theme_slots is not None else self.palette.slots()

    # the boxes along the bottom of a content slide (and of the template's master)

    def footer_box(self, has_logo: bool) -> Rect:
        chrome, grid = self.chrome, self.grid
        logo = chrome.logo_width if has_logo else 0
        if chrome.footer is not None:
            own = chrome.footer
            return Rect(own.x, own.y, max(own.w - logo, own.w // 2), own.h)
        width = grid.content_width - chrome.number_width - logo - chrome.gap
        return Rect(grid.margin, chrome.top, width, chrome.height)

    def number_box(self) -> Rect:
        chrome, grid = self.chrome, self.grid
        if chrome.number is not None:
            return chrome.number
        x = grid.right - chrome.number_width
        return Rect(x, chrome.top, chrome.number_width, chrome.height)

    @property
    def footer_top(self) -> int:
        """Where the footer line and the slide number begin: content stays above (no
        number of ours where the template's master prints its own)."""
        if self.chrome.numbered_by_template:
            return self.footer_box(False).y
        return min(self.footer_box(False).y, self.number_box().y)

    def logo_box(self) -> Rect:
        chrome = self.chrome
        number = self.number_box()
        return Rect(number.x - chrome.logo_width, chrome.top, chrome.logo_width, chrome.height)


# a concept's colour where the outline leaves it out, on deckgen's own design, in the
# concepts' order: each reads on white as text (WCAG AA)
CONCEPT_COLORS = ("1F5AA6", "B4530A", "2E7D32", "6A1B9A", "00838F", "AD1457")


def default_design(talk: Talk) -> Design:
    """The default design in the outline's font and colours."""
    colors = talk.theme.colors
    return Design(
        font=talk.theme.font,
        palette=Palette(
            primary=hex6(colors.primary),
            text=hex6(colors.text),
            muted=hex6(colors.muted),
            background=hex6(colors.background),
            surface=hex6(colors.surface),
            concepts={
                key: (
                    c.label,
                    hex6(c.color) if c.color else CONCEPT_COLORS[i % len(CONCEPT_COLORS)],
                )
                for i, (key, c) in enumerate(talk.concepts.items())
            },
        ),
    )
