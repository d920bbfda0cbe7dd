"""The design record's parts for each composition: the title slide, dividers, bullets,
listings, definitions, analogies, comparisons, takeaways, the closing slide and the
notes page. Lengths are EMU (:mod:`.geometry`), sizes points."""

from __future__ import annotations

from dataclasses import dataclass

from .frames import Align
from .geometry import EMU_PER_PT, Emu, Insets, Pt, Rect, inch


@dataclass(frozen=True)
class TitleSlideDesign:
    text_width: Emu = inch(8.0)  # the concepts' discs start at 8.6 in
    title_top: Emu = inch(1.2)
    title_height: Emu = inch(2.5)
    title_lines: int = 3
    bars_top: Emu = inch(3.95)
    subtitle_top: Emu = inch(4.25)
    subtitle_height: Emu = inch(1.0)
    presenter_top: Emu = inch(5.45)
    presenter_height: Emu = inch(1.0)
    disc: Emu = inch(2.6)
    disc_inset: Emu = inch(0.5)
    # the first disc's top-left from the right margin, the second's top
    first_disc_left_of_second: Emu = inch(1.5)
    first_disc_top: Emu = inch(1.05)
    second_disc_top: Emu = inch(3.65)
    logo: Rect = Rect(-inch(1.6), inch(0.4), inch(1.6), inch(0.6))  # x from the right margin


@dataclass(frozen=True)
class DividerDesign:
    text_width_beside_icon: Emu = inch(7.8)
    number_top: Emu = inch(1.9)
    number_height: Emu = inch(0.6)
    title_top: Emu = inch(2.6)
    title_lines: int = 2
    subtitle_gap: Emu = inch(0.3)
    subtitle_floor: Pt = 18
    disc: Emu = inch(3.0)
    disc_right_gap: Emu = inch(0.4)
    disc_inset: Emu = inch(0.6)


@dataclass(frozen=True)
class BulletsDesign:
    most: int = 6  # top-level points a slide
    marker: str = "•"
    sub_marker: str = "–"
    # the indents at the type scale's body and sub_body sizes (a template's list style's
    # lvl1pPr/lvl2pPr on a template); they scale with the size text is set in
    indent: Emu = inch(0.4)  # how far a point's bullet hangs left of its text
    margin: Emu | None = None  # a point's text from the box's edge (None: ``indent``)
    sub_indent: Emu = inch(0.85)
    sub_hanging: Emu = inch(0.35)
    bullet_gap: float = 0.35  # ems between a bullet (or a quiz's letter) and its text, at least
    picture_width: Emu = inch(3.4)  # at least; and at least picture_share of the body
    picture_share: float = 0.4
    picture_gap: Emu = inch(0.5)
    picture_drop: Emu = inch(0.2)

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
    padding: Emu = inch(0.25)  # around the listing, inside its panel
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
    # issue 23 item 4: composed kinds
    # a short listing is set larger (up to the scale's code_lead, no line wrapped that was
    # not at the code size) while its panel spans at most this share of the body's height
    fill: float = 0.6


@dataclass(frozen=True)
class PictureDesign:
    caption_gap: Emu = inch(0.15)  # between a picture slide's picture and its caption
    caption_share: float = 0.25  # of the body's height, at most
    frame_width: Pt = 0.75  # the hairline round a picture whose edge is near its ground


@dataclass(frozen=True)
class ListingDesign:
    """Agenda, glossary and references: entries generated from the whole outline."""

    columns: int = 2  # glossary and references
    agenda_hang: Emu = inch(0.75)
    reference_hang: Emu = inch(0.55)
    agenda_number_gap: str = "   "
    reference_gap: str = "  "


@dataclass(frozen=True)
class DefinitionDesign:
    mark_width: Emu = inch(1.1)
    mark_rise: Emu = inch(0.35)  # the quote mark starts this far above the quote
    icon_disc: Emu = inch(2.6)
    icon_gap: Emu = inch(0.5)
    icon_inset: Emu = inch(0.5)
    attribution_gap: Emu = inch(0.3)
    # every definition starts at the same height, so the quote does not jump
    # when the presenter moves from one definition to the next
    top: Emu = inch(0.35)


@dataclass(frozen=True)
class AnalogyDesign:
    gap: Emu = inch(0.7)  # between the panels, where the arrows are
    pad: Emu = inch(0.25)
    heading_height: Emu = inch(0.95)
    heading_top: Emu = inch(0.15)
    heading_box: Emu = inch(0.8)
    icon: Emu = inch(0.8)
    icon_advance: Emu = inch(1.0)
    row_gap: Emu = inch(0.16)
    most_spacing: Emu = inch(0.6)
    summary_clearance: Emu = inch(0.45)  # the summary keeps clear of the footer below it
    summary_gap: Emu = inch(0.2)


@dataclass(frozen=True)
class ComparisonDesign:
    # the first column names the aspect: a narrower share of the width with more columns
    first_column: float = 0.2
    first_of_two: float = 0.3
    insets: Insets = Insets(inch(0.12), inch(0.08), inch(0.12), inch(0.08))
    rule_width: Pt = 1.0  # points: the white rules between cells
    # issue 23 item 4: composed kinds
    # a short table grows (the scale's table_lead, then taller rows with their cells
    # centred) while it spans at most this share of the body's height
    fill: float = 0.7
    row_stretch: float = 2.0  # a body row grows to at most this many times its set height

    def first_share(self, columns: int) -> float:
        return self.first_column if columns > 2 else self.first_of_two


@dataclass(frozen=True)
class TakeawaysDesign:
    badge: Emu = inch(1.0)
    text_gap: Emu = inch(0.4)
    gap: Emu = inch(0.35)
    least_gap: Emu = inch(0.15)  # four takeaways close up to this to fit
    icon_inset: Emu = inch(0.18)
    pair_disc: float = 0.62  # two discs side by side, each this share of the badge
    pair_icon_inset: float = 1 / 6
    # issue 23 item 4: composed kinds
    most_gap: Emu = inch(0.55)  # where the body has room, takeaways open up to this apart


@dataclass(frozen=True)
class ClosingDesign:
    title_top: Emu = inch(1.6)
    title_height: Emu = inch(1.3)
    bars_top: Emu = inch(3.1)
    message_top: Emu = inch(3.4)
    message_width: Emu = inch(10.5)
    message_height: Emu = inch(1.6)
    presenter_top: Emu = inch(5.15)
    presenter_height: Emu = inch(0.5)
    disclosure_top: Emu = inch(6.55)
    disclosure_height: Emu = inch(0.6)
    # the logo where the title slide has it (x from the right margin): the deck ends as it began
    logo: Rect = Rect(-inch(1.6), inch(0.4), inch(1.6), inch(0.6))


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


Style = tuple[bool, bool]  # bold, italic
FaceFiles = tuple[tuple[Style, str, str], ...]  # (style, the name it is registered as, file)


@dataclass(frozen=True)
class LineModel:
    """Where the PDFs put a line's baseline in exact line spacing (as the deck's lines
    are spaced), in em of the size, for every face alike: the line box centred in the
    pitch, the baseline ``ascent`` below its top. LibreOffice draws a deck's Liberation
    Sans, DejaVu Sans and Liberation Mono lines on the same baseline whatever each
    face's own ascent (measured for issue 22), so the PDFs use one model, Arial's
    metrics; and a link's underline: its drop below the baseline, its thickness."""

    ascent: float = 0.905
    line_box: float = 1.15  # Arial's ascent + descent + line gap
    underline_drop: float = 0.106
    underline_width: float = 0.073

    def baseline(self, size: float, pitch: float) -> float:
        """Points from a line's top to its baseline, for text of ``size`` at ``pitch``:
        the line box centred in the pitch, the baseline its ascent down."""
        return (pitch - size * self.line_box) / 2 + size * self.ascent


@dataclass(frozen=True)
class Typefaces:
    """The faces deckgen names itself, beside the outline's or template's fonts: the
    deck's (family names PowerPoint looks up) and the PDFs' (font files, each face
    registered under a name of its own): the stand-ins shipped in deckgen/fonts, and the
    family found on the system that fills in characters a face lacks."""

    code: str = "Courier New"  # the deck's code (LibreOffice shows its twin Liberation Mono)
    bullet: str = "Arial"  # the deck's bullet characters
    # the PDFs' stand-in for Arial and for any family they may not embed; their code
    sans: FaceFiles = (
        ((False, False), "DeckSans", "LiberationSans-Regular.ttf"),
        ((True, False), "DeckSans-Bold", "LiberationSans-Bold.ttf"),
        ((False, True), "DeckSans-Italic", "LiberationSans-Italic.ttf"),
        ((True, True), "DeckSans-BoldItalic", "LiberationSans-BoldItalic.ttf"),
    )
    mono: FaceFiles = (
        ((False, False), "DeckMono", "LiberationMono-Regular.ttf"),
        ((True, False), "DeckMono-Bold", "LiberationMono-Bold.ttf"),
        ((False, True), "DeckMono-Italic", "LiberationMono-Italic.ttf"),
        ((True, True), "DeckMono-BoldItalic", "LiberationMono-BoldItalic.ttf"),
    )
    fallback: FaceFiles = (
        ((False, False), "DeckFallback", "DejaVuSans.ttf"),
        ((True, False), "DeckFallback-Bold", "DejaVuSans-Bold.ttf"),
        ((False, True), "DeckFallback-Italic", "DejaVuSans-Oblique.ttf"),
        ((True, True), "DeckFallback-Bold-Italic", "DejaVuSans-BoldOblique.ttf"),
    )
    fallback_dirs: tuple[str, ...] = (
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
    )
    lines: LineModel = LineModel()  # where the PDFs put baselines and links' underlines
