"""The design record's parts for each composition: the title slide, dividers, bullets,
listings, definitions, analogies, comparisons, takeaways, the closing slide and the
notes page. Lengths are EMU (:mod:`.geometry`), sizes points."""

from __future__ import annotations

from dataclasses import dataclass

from .frames import Align
from .geometry import EMU_PER_PT, Insets, Rect, inch


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
    # the indents at the type scale's body and sub_body sizes (a template's list style's
    # lvl1pPr/lvl2pPr on a template); they scale with the size text is set in
    indent: int = inch(0.4)  # how far a point's bullet hangs left of its text
    margin: int | None = None  # a point's text from the box's edge (None: ``indent``)
    sub_indent: int = inch(0.85)
    sub_hanging: int = inch(0.35)
    bullet_gap: float = 0.35  # ems between a bullet (or a quiz's letter) and its text, at least
    picture_width: int = inch(3.4)  # at least; and at least picture_share of the body
    picture_share: float = 0.4
    picture_gap: int = inch(0.5)
    picture_drop: int = inch(0.2)

    def least(self, mark: int, size: float) -> int:
        """The hanging indent a bullet ``mark`` EMU wide needs at ``size`` points."""
        return mark + round(self.bullet_gap * size * EMU_PER_PT)

    def point(self, factor: float, least: int) -> tuple[int, int]:
        """A point's left margin and hanging indent (EMU) at ``factor`` times the body
        size, its bullet hanging at least ``least`` (the bullet's width and a space)."""
        margin = self.indent if self.margin is None else self.margin
        return hang(margin, self.indent, factor, least)

    def sub(self, factor: float, least: int) -> tuple[int, int]:
        """A sub-point's left margin and hanging indent at ``factor`` times sub_body."""
        return hang(self.sub_indent, self.sub_hanging, factor, least)


def hang(margin: int, hanging: int, factor: float, least: int) -> tuple[int, int]:
    """``margin`` and ``hanging`` scaled by ``factor`` (so an indent is the same share of an
    em at any size), the hanging indent at least ``least``; the bullet keeps its place."""
    scaled = round(hanging * factor)
    wider = max(scaled, least)
    return max(round(margin * factor) - scaled, 0) + wider, wider


@dataclass(frozen=True)
class ChartDesign:
    grid_tint: float = 0.35  # the gridlines: the muted colour over the background
    tints: tuple[float, ...] = (0.6, 0.35)  # lighter shades for series past the colours
    bar_label_share: float = 0.4  # a bar chart's category labels: at most this of its width
    # the geometry layout gives every chart (layout/chart_layout.py); "em" is the chart's
    # label size, so a chart on a smaller slide (smaller labels) shrinks with it
    pad: float = 0.6  # em: around the drawing, and between the plot and its labels
    label_gap: float = 0.3125  # em: from an axis to its labels
    tick: float = 0.3125  # em: a tick mark's length, outside the plot
    middle: float = 0.4  # em: a label's baseline below the middle it is centred on
    axis_band: float = 1.5  # em: the category (or value) labels' band under the plot
    unit_band: float = 1.5  # em: the unit's band above the plot, its baseline 1 em down
    axis_width: float = 1.0  # points: the axes and their ticks
    grid_width: float = 0.25  # points: the value axis's gridlines
    max_ticks: int = 7  # the value axis's ticks, at most, ends included
    steps: tuple[int, ...] = (1, 2, 5)  # "nice" tick steps, times a power of ten
    bar_gap: float = 0.5  # between one category's bars and the next's, a bar's width
    line_width: float = 1 / 6  # em: a line chart's series
    marker: float = 0.4  # em across: the disc on each of a line's points
    pie_room: float = 4.0  # em: the pie's diameter short of its box, for the labels
    pie_labels: float = 1.15  # a share's label: its baseline's middle, radii out
    wedge_edge: float = 1.0  # points: the light line between a pie's slices
    wedge_edge_color: str = "FFFFFF"
    legend_band: float = 2.5  # em: the legend's band under the chart, for one row
    legend_row: float = 1.5  # em: each further row of the legend
    legend_middle: float = 1.25  # em: the last row's middle above the chart's bottom
    swatch: float = 0.8  # em: a legend entry's square
    swatch_gap: float = 0.625  # em: from the square to its name
    swatch_text: float = 0.36  # em: the name's baseline below the square's middle
    legend_spacing: float = 2.5  # em: an entry's width past the widest name


@dataclass(frozen=True)
class CodeDesign:
    padding: int = inch(0.25)  # around the listing, inside its panel
    tab: int = 4  # columns a tab stands for
    pitch: float = 1.25  # line pitch, a multiple of the size
    continuation: str = "→ "  # starts a line that continues the one above
    background: str = "F3F5F8"
    highlight: str = "FFF1C2"  # behind a highlighted line
    text: str = "1F2933"
    mark: str = "5B6670"  # the continuation mark
    # Pygments' token kinds -> (colour or None for the text's, bold): dark ink that reads
    # at 4.5:1 or better on the panel and on a highlighted line
    tokens: tuple[tuple[str, str | None, bool], ...] = (
        ("Keyword", "1F4E9A", True),
        ("String", "1D6B2F", False),
        ("Number", "8A3B00", False),
        ("Comment", "5B6670", False),
        ("Operator", "7A1F5C", False),
    )


@dataclass(frozen=True)
class PictureDesign:
    caption_gap: int = inch(0.15)  # between a picture slide's picture and its caption
    caption_share: float = 0.25  # of the body's height, at most


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
class TemplateLayout:
    """Where a template's layout puts its title and subtitle (or body), and in what colour:
    the title slide and dividers fill these boxes on a template."""

    title: Rect
    title_color: str
    title_size: float | None = None
    title_bold: bool | None = None  # its title style's weight; None: the design's
    title_align: Align | None = None  # its title style's alignment; None: the design's
    subtitle: Rect | None = None
    subtitle_color: str | None = None
    subtitle_size: float | None = None  # its subtitle style's size; None: the design's
    chrome_color: str | None = None  # the footer's, on what this layout shows there
    number_color: str | None = None  # the slide number's, likewise
