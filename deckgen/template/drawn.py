"""A template's text colours decided on what its layouts draw (the pixels of
``render/pdf/grounds.py``, handed in as ``layout.contrast.Grounds``), not only on flat
colours: each colour is kept where it reads on the worst part of the ground under its box;
else the theme's other text colour (dk1 or lt1, then dk2 or lt2) where that reads on all
of the box; else the nearest readable shade, where that does. Each change is said; a
colour nothing better replaces stays, and the layout's check names the lines."""

from __future__ import annotations

from dataclasses import replace

from ..errors import Diagnostic, warning
from ..layout.colors import LARGE_RATIO, TEXT_RATIO, contrast, readable
from ..layout.contrast import Grounds, worst_ground
from ..layout.design import Design
from ..layout.frames import SlideLayout
from ..layout.geometry import Rect

VARIANTS = ("dk1", "lt1", "dk2", "lt2")  # the theme's text and background colours


def theme_inks(design: Design) -> list[str]:
    """The theme's text and background colours (dk1, lt1, dk2, lt2), once each."""
    slots = dict(design.theme_slots or ())
    return list(dict.fromkeys(slots[slot] for slot in VARIANTS if slot in slots))


def decide_on_drawn(design: Design, grounds: Grounds) -> tuple[Design, list[Diagnostic]]:
    """``design`` with its template text colours readable on the drawn grounds: the
    content layout's titles, footer and number, and the title and section layouts'
    title, subtitle, footer and number."""
    problems: list[Diagnostic] = []
    variants = [color for slot, color in design.theme_slots or () if slot in VARIANTS]
    chrome, palette = design.chrome, design.palette

    def decide(layout, what, color, rect, large):
        if color is None or not rect:
            return color
        colors = grounds.colors(layout, rect)
        return _decided(what, color, colors, large, variants, problems) if colors else color

    content = SlideLayout.CONTENT
    grid = design.grid
    title_box = grid.title_box
    body = Rect(grid.margin, grid.body_top, grid.content_width, grid.body_bottom - grid.body_top)
    link = palette.link
    colors = grounds.colors(content, body)
    if colors:  # a shade of the link colour first: a link is told from text by its hue
        link = _decided("hyperlink", link, colors, False, variants, problems, shade_first=True)
    palette = replace(
        palette,
        heading=decide(content, "title", palette.heading, title_box, True),
        footer=decide(content, "footer", palette.footer, chrome.footer, False),
        number=decide(content, "slide number", palette.number, chrome.number, False),
        link=link,
    )
    layouts = {}
    for key, boxes in design.layouts.items():
        layout, what = SlideLayout(key), f"{key} slides'"
        # the footer and number show on dividers, never on the title slide
        chrome_shown = layout != SlideLayout.TITLE
        layouts[key] = replace(
            boxes,
            title_color=decide(layout, f"{what} title", boxes.title_color, boxes.title, True),
            subtitle_color=decide(
                layout, f"{what} subtitle", boxes.subtitle_color, boxes.subtitle, False
            ),
            chrome_color=decide(
                layout, f"{what} footer", boxes.chrome_color, chrome_shown and chrome.footer, False
            ),
            number_color=decide(
                layout,
                f"{what} slide number",
                boxes.number_color,
                chrome_shown and chrome.number,
                False,
            ),
        )
    slots = design.theme_slots
    if slots is not None and any(slot == "hlink" for slot, _color in slots):
        # the deck's theme says it too: LibreOffice draws links in the theme's colour
        slots = tuple((slot, link if slot == "hlink" else color) for slot, color in slots)
    return replace(design, palette=palette, layouts=layouts, theme_slots=slots), problems


def _decided(
    what: str, color: str, colors, large: bool, variants, problems: list, shade_first=False
) -> str:
    need = LARGE_RATIO if large else TEXT_RATIO

    def worst(ink: str) -> tuple[float, str]:
        ground = worst_ground(colors, ink)
        return contrast(ink, ground), ground

    ratio, ground = worst(color)
    if ratio >= need:
        return color
    # a colour that reads on all of the box, so wherever the lines land; else the colour
    # stays and the layout's check names each line that does not read
    reading = [other for other in variants if worst(other)[0] >= need]
    shade = readable(color, ground, large)
    if shade_first and worst(shade)[0] >= need:
        reading = []
    if reading:
        chosen = max(reading, key=lambda other: worst(other)[0])
        said = f"the theme's #{chosen}"
    else:
        chosen, said = shade, f"#{shade}"
        if worst(chosen)[0] < need:
            return color
    problems.append(
        warning(
            f"the template's {what} colour #{color} reads at {ratio:.1f}:1 on the artwork "
            f"under its box (#{ground} at worst): set in {said} instead",
            hint="give the template's text a colour that reads on its artwork",
            topic="contrast",
        )
    )
    return chosen
