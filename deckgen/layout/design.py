"""The design record: every number and colour a slide kind or a renderer uses, in one place.

Slide kinds read their boxes, sizes and colours from a :class:`Design`; the PPTX
template and the PDF renderers read the same record. Nothing else in deckgen
holds a length, a size or a colour of its own. A corporate template will fill in
this record; the default design is the one below, resolved from the outline's theme.

Lengths are EMU (:mod:`.geometry`), sizes are points, colours "RRGGBB".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .colors import WHITE, contrast, hex6, mix, on_color
from .geometry import Insets, Rect, inch
from .handout_design import HandoutDesign

if TYPE_CHECKING:
    from ..outline.talk import Talk


@dataclass(frozen=True)
class TypeScale:
    """Preferred sizes and readable floors, in points."""

    title: float = 36
    title_floor: float = 28
    hero: float = 44  # title slide, dividers
    closing: float = 48  # the closing slide's title
    subtitle: float = 24
    body: float = 26
    sub_body: float = 22
    level3: float = 20  # the template's third body level
    floor: float = 18  # nothing on a slide (but chrome) goes below this
    quote: float = 28
    quote_mark: float = 120
    attribution: float = 20
    table: float = 20
    table_header: float = 20
    listing: float = 20  # glossary and references
    analogy: float = 20  # two panels side by side: a step below body text
    analogy_heading: float = 24
    arrow: float = 28
    caption: float = 20  # presenter lines, summaries
    section_number: float = 28
    takeaway: float = 28
    takeaway_floor: float = 20
    message: float = 28
    message_floor: float = 20
    marker: float = 28  # the number in a takeaway's disc
    chrome: float = 12
    disclosure: float = 14
    step: float = 2  # how much smaller each try is


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


@dataclass(frozen=True)
class Palette:
    primary: str
    text: str
    muted: str
    background: str
    surface: str
    concepts: dict[str, tuple[str, str]]  # key -> (label, colour)
    panel_tint: float = 0.12  # a concept's colour over the background, for panels
    disc_tint: float = 0.14  # … for the discs behind icons
    disclosure_tint: float = 0.75  # the closing slide's small print, over its colour
    table_rule: str = WHITE
    icon_disc: str = WHITE  # a divider's icon sits on a white disc

    def concept(self, name: str | None) -> str:
        """The colour of concept ``name``; the primary colour for none."""
        if name and name in self.concepts:
            return self.concepts[name][1]
        return self.primary

    def label(self, name: str | None) -> str | None:
        return self.concepts[name][0] if name and name in self.concepts else None

    def tint(self, color: str, amount: float) -> str:
        return mix(color, self.background, amount)

    def on(self, fill: str) -> str:
        """Text colour that reads best on ``fill``: white or the text colour."""
        return on_color(fill, self.text)

    def readable(self, color: str, behind: str | None = None, large: bool = False) -> str:
        """``color`` for text on ``behind`` (the background if None), darkened or lightened
        as little as it takes to reach WCAG AA (4.5:1, or 3:1 for large text)."""
        behind = behind or self.background
        need = 3.0 if large else 4.5
        if contrast(color, behind) >= need:
            return color
        toward = "000000" if contrast("000000", behind) >= contrast("FFFFFF", behind) else WHITE
        for step in range(1, 11):
            candidate = mix(toward, color, step / 10)
            if contrast(candidate, behind) >= need:
                return candidate
        return toward

    @property
    def accents(self) -> tuple[str, ...]:
        return tuple(color for _label, color in self.concepts.values())

    def slots(self) -> tuple[tuple[str, str], ...]:
        """The theme colour slots of the editable template."""
        slots = [
            ("dk1", self.text),
            ("lt1", self.background),
            ("dk2", self.primary),
            ("lt2", self.surface),
        ]
        accents = [*self.accents, self.primary, self.muted]
        return tuple(slots + [(f"accent{i}", c) for i, c in enumerate(accents[:6], 1)])


@dataclass(frozen=True)
class Grid:
    """The frame every content slide shares (16:9, 13.333 × 7.5 in)."""

    width: int = 12_192_000
    height: int = 6_858_000
    margin: int = inch(0.6)
    title_top: int = inch(0.35)
    title_height: int = inch(1.15)
    title_lines: int = 2
    # the accent rule under the title, on the left margin: clearly apart from the title's
    # last line, so it never reads as an underline
    rule_top: int = inch(1.66)
    rule_width: int = inch(0.6)
    rule_height: int = inch(0.09)
    body_top: int = inch(1.98)
    body_bottom: int = inch(6.8)
    column_gap: int = inch(0.5)

    @property
    def slide(self) -> Rect:
        return Rect(0, 0, self.width, self.height)

    @property
    def content_width(self) -> int:
        return self.width - 2 * self.margin

    @property
    def title_box(self) -> Rect:
        return Rect(self.margin, self.title_top, self.content_width, self.title_height)

    @property
    def rule(self) -> Rect:
        return Rect(self.margin, self.rule_top, self.rule_width, self.rule_height)

    @property
    def body_box(self) -> Rect:
        return Rect(
            self.margin, self.body_top, self.content_width, self.body_bottom - self.body_top
        )


@dataclass(frozen=True)
class Chrome:
    """Footer, slide number and logo along the bottom of a slide."""

    top: int = inch(6.98)
    height: int = inch(0.32)
    number_width: int = inch(1.2)
    logo_width: int = inch(1.1)
    gap: int = inch(0.3)


@dataclass(frozen=True)
class ConceptBars:
    """The talk's colours side by side, one short bar per concept."""

    width: int = inch(1.1)
    height: int = inch(0.1)
    pitch: int = inch(1.25)
    most: int = 4


@dataclass(frozen=True)
class TitleSlideDesign:
    text_width: int = inch(8.0)  # the concepts' discs start at 8.6 in
    title_top: int = inch(1.2)
    title_height: int = inch(2.5)
    title_lines: int = 3
    bars_top: int = inch(3.95)
    subtitle_top: int = inch(4.25)
    subtitle_height: int = inch(1.0)
    presenter_top: int = inch(5.45)
    presenter_height: int = inch(1.0)
    disc: int = inch(2.6)
    disc_inset: int = inch(0.5)
    # the first disc's top-left from the right margin, the second's top
    first_disc_left_of_second: int = inch(1.5)
    first_disc_top: int = inch(1.05)
    second_disc_top: int = inch(3.65)
    logo: Rect = Rect(-inch(1.6), inch(0.4), inch(1.6), inch(0.6))  # x from the right margin


@dataclass(frozen=True)
class DividerDesign:
    text_width_beside_icon: int = inch(7.8)
    number_top: int = inch(1.9)
    number_height: int = inch(0.6)
    title_top: int = inch(2.6)
    title_lines: int = 2
    subtitle_gap: int = inch(0.3)
    subtitle_floor: float = 18
    disc: int = inch(3.0)
    disc_right_gap: int = inch(0.4)
    disc_inset: int = inch(0.6)


@dataclass(frozen=True)
class BulletsDesign:
    most: int = 6  # top-level points a slide
    marker: str = "•"
    sub_marker: str = "–"
    indent: int = inch(0.4)
    sub_indent: int = inch(0.85)
    sub_hanging: int = inch(0.35)
    picture_width: int = inch(3.4)
    picture_height: int = inch(3.4)
    picture_gap: int = inch(0.5)
    picture_drop: int = inch(0.2)


@dataclass(frozen=True)
class ListingDesign:
    """Agenda, glossary and references: entries generated from the whole outline."""

    columns: int = 2  # glossary and references
    agenda_hang: int = inch(0.75)
    reference_hang: int = inch(0.55)
    agenda_number_gap: str = "   "
    reference_gap: str = "  "


@dataclass(frozen=True)
class DefinitionDesign:
    mark_width: int = inch(1.1)
    mark_rise: int = inch(0.35)  # the quote mark starts this far above the quote
    icon_disc: int = inch(2.6)
    icon_gap: int = inch(0.5)
    icon_inset: int = inch(0.5)
    attribution_gap: int = inch(0.3)
    # every definition starts at the same height, so the quote does not jump
    # when the presenter moves from one definition to the next
    top: int = inch(0.35)


@dataclass(frozen=True)
class AnalogyDesign:
    gap: int = inch(0.7)  # between the panels, where the arrows are
    pad: int = inch(0.25)
    heading_height: int = inch(0.95)
    heading_top: int = inch(0.15)
    heading_box: int = inch(0.8)
    icon: int = inch(0.8)
    icon_advance: int = inch(1.0)
    row_gap: int = inch(0.16)
    most_spacing: int = inch(0.6)
    summary_clearance: int = inch(0.45)  # the summary keeps clear of the footer below it
    summary_gap: int = inch(0.2)


@dataclass(frozen=True)
class ComparisonDesign:
    # the first column names the aspect: a narrower share of the width with more columns
    first_column: float = 0.2
    first_of_two: float = 0.3
    insets: Insets = Insets(inch(0.12), inch(0.08), inch(0.12), inch(0.08))
    rule_width: float = 1.0  # points: the white rules between cells

    def first_share(self, columns: int) -> float:
        return self.first_column if columns > 2 else self.first_of_two


@dataclass(frozen=True)
class TakeawaysDesign:
    badge: int = inch(1.0)
    text_gap: int = inch(0.4)
    gap: int = inch(0.35)
    least_gap: int = inch(0.15)  # four takeaways close up to this to fit
    icon_inset: int = inch(0.18)
    pair_disc: float = 0.62  # two discs side by side, each this share of the badge
    pair_icon_inset: float = 1 / 6


@dataclass(frozen=True)
class ClosingDesign:
    title_top: int = inch(1.6)
    title_height: int = inch(1.3)
    bars_top: int = inch(3.1)
    message_top: int = inch(3.4)
    message_width: int = inch(10.5)
    message_height: int = inch(1.6)
    presenter_top: int = inch(5.15)
    presenter_height: int = inch(0.5)
    disclosure_top: int = inch(6.55)
    disclosure_height: int = inch(0.6)


@dataclass(frozen=True)
class NotesPageDesign:
    """The notes page of the PPTX (portrait, 7.5 × 10 in): the slide above, notes below."""

    slide_image: Rect = Rect(inch(0.5), inch(0.75), inch(6.5), inch(6.5 * 9 / 16))  # 16:9
    notes: Rect = Rect(inch(0.75), inch(4.75), inch(6.0), inch(4.5))


@dataclass(frozen=True)
class Shapes:
    corner: float = 0.06  # rounded corners, a share of the shorter side


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
    listing: ListingDesign = ListingDesign()
    definition: DefinitionDesign = DefinitionDesign()
    analogy: AnalogyDesign = AnalogyDesign()
    comparison: ComparisonDesign = ComparisonDesign()
    takeaways: TakeawaysDesign = TakeawaysDesign()
    closing: ClosingDesign = ClosingDesign()
    shapes: Shapes = Shapes()
    notes_page: NotesPageDesign = NotesPageDesign()
    handout: HandoutDesign = field(default_factory=HandoutDesign)

    # the boxes along the bottom of a content slide (and of the template's master)

    def footer_box(self, has_logo: bool) -> Rect:
        chrome, grid = self.chrome, self.grid
        logo = chrome.logo_width if has_logo else 0
        width = grid.content_width - chrome.number_width - logo - chrome.gap
        return Rect(grid.margin, chrome.top, width, chrome.height)

    def number_box(self) -> Rect:
        chrome, grid = self.chrome, self.grid
        x = grid.width - grid.margin - chrome.number_width
        return Rect(x, chrome.top, chrome.number_width, chrome.height)

    def logo_box(self) -> Rect:
        chrome = self.chrome
        number = self.number_box()
        return Rect(number.x - chrome.logo_width, chrome.top, chrome.logo_width, chrome.height)


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
            concepts={key: (c.label, hex6(c.color)) for key, c in talk.concepts.items()},
        ),
    )
