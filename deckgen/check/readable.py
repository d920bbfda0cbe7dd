"""Low contrast as findings naming slide, box and paragraph: what the layout engine
warns of (``layout/engine.py``'s ``_warn_contrast``), worked out again on the laid-out
frames with the same functions of ``layout/contrast.py``, so the two cannot disagree:

- on a template's drawn ground (``grounds``, a slide on the palette's background), each
  paragraph of a box lying on nothing of the slide's own against the worst of the pixels
  under its lines (``low_on_drawn``; figures ``on``: "artwork");
- every other paragraph against the fill behind it: a shape of the slide's, a box's own
  fill, the layout's colour or backdrop (``low_contrast``; ``on``: "fill").

Tables' cells are left to the build's warnings (they name no box of the template).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from ..layout.contrast import low_contrast, low_on_drawn
from ..layout.frames import Shape, ShapeKind, TextBox
from .findings import Finding, where


def contrast_findings(deck, drawn, layouts: dict[int, str]) -> list[Finding]:
    """The paragraphs of ``deck`` below WCAG AA; ``drawn``: the grounds and run widths
    (``template_findings``'); ``layouts``: slide number -> the name of the template
    layout it is written on."""
    grounds, width = drawn
    design = deck.design
    found: list[Finding] = []
    for frame in deck.slides:
        layout = layouts.get(frame.number)
        drawn = grounds is not None and frame.background == design.palette.background
        fill = design.slide_fill(frame.layout, frame.background)
        if drawn:
            colors = partial(grounds.colors, frame.layout)
            for low in low_on_drawn(frame.items, fill, colors, width):
                figures = _figures(low.color, low.ground, low.ratio, low.need, "artwork")
                place = (frame.number, low.box.name, low.line)
                found.append(_finding(place, layout, figures, "the template's artwork under it"))
        behind = [] if drawn else _backdrops(design, frame.layout)
        found += _on_fills(frame, layout, behind, fill, drawn)
    return found


def _backdrops(design, layout) -> list[Shape]:
    return [
        Shape(rect, ShapeKind.RECT, color, "Template")
        for rect, color in design.backdrops.get(layout.value, ())
    ]


def _on_fills(frame, layout, behind: list, fill: str, drawn: bool) -> list[Finding]:
    """Each paragraph of each text box below AA on a fill: the box checked alone, a
    paragraph at a time, on the shapes drawn before it."""
    found = []
    shapes = list(behind)
    for item in frame.items:
        if isinstance(item, Shape):
            shapes.append(item)
            continue
        if not isinstance(item, TextBox):
            continue
        for line, para in enumerate(item.paragraphs, start=1):
            alone = replace(item, paragraphs=(para,))
            for color, ground, ratio, need in low_contrast([*shapes, alone], fill, drawn):
                figures = _figures(color, ground, ratio, need, "fill")
                place = (frame.number, item.name, line)
                found.append(_finding(place, layout, figures, f"#{ground} under it"))
    return found


def _figures(color: str, ground: str, ratio: float, need: float, on: str) -> dict:
    return {"color": color, "ground": ground, "ratio": round(ratio, 2), "need": need, "on": on}


def _finding(place, layout: str | None, figures: dict, under: str) -> Finding:
    slide, shape, line = place
    worst = f" (#{figures['ground']} at worst)" if figures["on"] == "artwork" else ""
    message = (
        f"{where(slide, shape, line)}: text in #{figures['color']} reads at "
        f"{figures['ratio']:.1f}:1 on {under}{worst}, below {figures['need']:g}:1"
    )
    return Finding("low-contrast", message, slide, layout, shape, line, (), figures)
