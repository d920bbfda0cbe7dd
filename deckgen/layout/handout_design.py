"""The handout's part of the design record: paper, margins, paragraph styles, the
geometry of thumbnails, grids, ruled lines and tables. Lengths are points."""

from __future__ import annotations

from dataclasses import dataclass, field

from .geometry import MM

CM = 72.0 / 2.54  # points per centimetre, as reportlab computes it


@dataclass(frozen=True)
class PrintStyle:
    """A paragraph style of the handout, in points; ``ink`` names a palette colour."""

    size: float
    leading: float
    bold: bool = False
    ink: str = "text"  # text, primary, muted or white
    space_before: float = 0
    space_after: float = 0
    left_indent: float = 0
    first_line_indent: float = 0


def _print_styles() -> dict[str, PrintStyle]:
    return {
        "body": PrintStyle(10, 14),
        "notes": PrintStyle(10, 14, space_after=4),
        "reference": PrintStyle(10, 14, space_after=4, left_indent=18, first_line_indent=-18),
        "small": PrintStyle(8.5, 11, ink="muted"),
        "label": PrintStyle(9.5, 14, ink="muted"),
        "contents": PrintStyle(13, 16, bold=True, ink="primary", space_after=4),
        "slide": PrintStyle(11, 14, bold=True, ink="primary", space_after=3),
        "h1": PrintStyle(18, 22, bold=True, ink="primary", space_before=6, space_after=10),
        "cover-title": PrintStyle(30, 35, bold=True, ink="primary", space_after=10),
        "cover-sub": PrintStyle(15, 20, ink="muted", space_after=18),
        "section-sub": PrintStyle(12, 15, ink="muted", space_before=-6, space_after=10),
        "cell": PrintStyle(9.5, 12.5),
        "cell-head": PrintStyle(10, 13, bold=True, ink="white"),
        "toc0": PrintStyle(11, 16, bold=True, space_before=5),
        "toc1": PrintStyle(9.5, 13, ink="muted", left_indent=14),
    }


@dataclass(frozen=True)
class HandoutDesign:
    """The printed handout's page geometry, in points."""

    papers: dict[str, tuple[float, float]] = field(
        default_factory=lambda: {"a4": (21 * CM, 29.7 * CM), "letter": (8.5 * 72.0, 11 * 72.0)}
    )
    styles: dict[str, PrintStyle] = field(default_factory=_print_styles)

    margin_x: float = 18 * MM
    margin_top: float = 20 * MM
    margin_bottom: float = 18 * MM
    footer_room: float = 14
    header_rise: float = 8  # the running header's baseline above the frame
    rule_drop: float = 4
    footer_drop: float = 2
    chrome_size: float = 8
    thumb_border: str = "C5CCD4"
    thumb_border_width: float = 0.5
    rule: str = "B9C0C8"
    rule_width: float = 0.5
    link: str = "1F5AA6"
    bar_width: float = 30 * MM
    bar_height: float = 3 * MM
    bar_pitch: float = 33 * MM
    bar_drop: float = 14 * MM
    cover_drop: float = 28 * MM
    cover_label_width: float = 32 * MM
    contents_gap: float = 10 * MM
    disclosure_gap: float = 8 * MM
    notes_thumb: float = 0.46  # share of the frame's width
    gap: float = 6 * MM
    slide_gap: float = 7 * MM
    notes_max: float = 0.8  # notes taller than this share of a page flow below the slide
    lines_pitch: float = 22
    notes_lines: int = 4
    caption_height: float = 26
    caption_gap: float = 2  # between a slide and its caption
    lines_gap: float = 4  # between a caption and ruled lines under it
    thumb_caption_gap: float = 3 * MM  # a slide above notes that flow below it
    grid_reserve: float = 4 * MM
    three_up_share: float = 0.5
    lines_share: float = 0.62  # a grid cell's height left to the slide when lines follow
    section_keep: float = 90 * MM
    table_keep: float = 80 * MM
    listing_keep: float = 60 * MM
    about_keep: float = 50 * MM
    heading_gap: float = 4 * MM
    table_padding: tuple[float, float] = (5, 6)  # above and below a cell's text
    table_rule_width: float = 0.75
    cover_fact_gap: float = 5  # below each of the cover's facts
    table_gap: float = 8 * MM
    lines_beside: int = 3  # the grid (PowerPoint's three a page) with lines beside its slides
    # the guide's session plan, shares of the width: section and minutes; with a start,
    # the time first
    plan_columns: tuple[tuple[float, ...], tuple[float, ...]] = ((0.78, 0.22), (0.18, 0.62, 0.2))
    grids: dict[int, tuple[int, int]] = field(
        default_factory=lambda: {1: (1, 1), 2: (1, 2), 3: (1, 3), 4: (2, 2), 6: (2, 3), 9: (3, 3)}
    )
