"""What ``deckgen check`` and ``deckgen template check`` see of a deck on its template
(issue 20): four kinds of finding, each naming its slide (or, for a layout's own
placeholder, its layout), its shape and, where it is about text, its paragraph and runs.

- ``low-contrast`` (warning): a paragraph whose ink reads below WCAG AA on what lies
  under it: the template's drawn artwork (``layout.contrast.low_on_drawn``) or a fill;
- ``artwork-under-text`` (note): a text box with the template's own shapes, pictures,
  gradients or a picture background under it, even where the text still reads;
- ``title-off-box`` (warning): a slide title with a box of its own off its layout's box;
- ``style-overridden`` (note): runs or paragraphs that set what the template should give:
  a size, a font the theme gives, a fixed RGB colour, a title's alignment or weight.

The kinds, the properties and the JSON keys are a closed set (``docs/checks.md``): a
new one is a change of the report's contract. None of these changes an exit status;
low contrast is also an accessibility finding of ``deckgen check`` as before.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from ..errors import SourcePos

KINDS = ("low-contrast", "artwork-under-text", "title-off-box", "style-overridden")
SEVERITIES = {
    "low-contrast": "warning",
    "artwork-under-text": "note",
    "title-off-box": "warning",
    "style-overridden": "note",
}
PROPERTIES = ("size", "box-size", "font", "color", "alignment", "weight")  # of style-overridden


@dataclass(frozen=True)
class Finding:
    """One thing seen: ``slide`` None for a layout's own placeholder; ``paragraph`` and
    ``runs`` (from 1) where it is about text; ``figures`` its measures (docs/checks.md)."""

    kind: str
    message: str
    slide: int | None
    layout: str | None
    shape: str
    paragraph: int | None = None
    runs: tuple[int, ...] = ()
    figures: dict = field(default_factory=dict, compare=False, hash=False)
    pos: SourcePos | None = None

    @property
    def severity(self) -> str:
        return SEVERITIES[self.kind]

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "slide": self.slide,
            "layout": self.layout,
            "shape": self.shape,
            "paragraph": self.paragraph,
            "runs": list(self.runs),
            "figures": dict(self.figures),
            "message": self.message,
            "file": self.pos.file if self.pos else None,
            "line": self.pos.line if self.pos else None,
            "column": self.pos.col if self.pos else None,
        }

    def __str__(self) -> str:
        where = f"{self.pos}: " if self.pos else ""
        return f"{where}{self.severity}: {self.kind}: {self.message}"


def where(slide: int | None, shape: str, paragraph: int | None = None, runs=()) -> str:
    """'slide 3 'Title 1' paragraph 2 run 1' (a layout's placeholder: its name only)."""
    said = f"slide {slide} '{shape}'" if slide is not None else f"'{shape}'"
    if paragraph is not None:
        said += f" paragraph {paragraph}"
    if runs:
        said += (" run " if len(runs) == 1 else " runs ") + _spans(runs)
    return said


def _spans(numbers) -> str:
    """1, 2, 3, 5 -> '1-3, 5'."""
    parts, start, last = [], None, None
    for number in sorted(numbers):
        if start is not None and number == last + 1:
            last = number
            continue
        if start is not None:
            parts.append(f"{start}" if start == last else f"{start}-{last}")
        start = last = number
    parts.append(f"{start}" if start == last else f"{start}-{last}")
    return ", ".join(parts)


def template_findings(
    deck, pptx: bytes, drawn=(None, None), layouts: bool = False
) -> list[Finding]:
    """The findings on ``deck`` (laid out) as written in ``pptx`` (its bytes): per slide,
    and with ``layouts`` also per placeholder of each layout the slides use. ``drawn``:
    the grounds (``layout.contrast.Grounds``, on a template: the drawn pixels, for the
    contrast on artwork and whether artwork really lies under a box, else boxes are
    compared) and how wide runs set (``contrast.Width``: lines judged where their words
    stand, as the build judges them; None: across the box)."""
    grounds, width = drawn
    from .artwork import DrawnShares, artwork_findings, layout_findings
    from .fidelity import Package
    from .inks import layout_contrast
    from .readable import contrast_findings
    from .styles import style_findings, written_slides

    with zipfile.ZipFile(io.BytesIO(pptx)) as archive:
        package = Package(archive)
        slides = written_slides(package)
        names = {slide.number: slide.layout_name for slide in slides}
        found = contrast_findings(deck, (grounds, width), names)
        shares = DrawnShares(grounds, deck.design)
        found += artwork_findings(package, slides, deck, shares)
        found += style_findings(package, slides)
        above = []
        if layouts:
            above = layout_contrast(package, slides, deck, grounds)
            above += layout_findings(package, slides, deck, shares)
            used = list(dict.fromkeys(slide.layout_name for slide in slides))  # first use
            above.sort(key=lambda one: (used.index(one.layout), KINDS.index(one.kind), one.shape))
    positions = {frame.number: frame.pos for frame in deck.slides}
    found = [_placed(finding, positions.get(finding.slide)) for finding in found]
    found.sort(key=lambda one: (one.slide, KINDS.index(one.kind), one.shape, one.paragraph or 0))
    return above + found


def seen_on_template(prepared, pptx: bytes, layouts: bool = False) -> list[Finding]:
    """What the deck written as ``pptx`` shows of its template, for a prepared build:
    on a template, measured on its layouts' drawn grounds (the build's, else drawn here)."""
    deck, grounds = prepared.deck, prepared.grounds
    if grounds is None and deck.design.plain:
        from ..render.pdf.grounds import DrawnGrounds

        grounds = DrawnGrounds(deck.design)
    return template_findings(deck, pptx, (grounds, prepared.width), layouts)


def _placed(finding: Finding, pos: SourcePos | None) -> Finding:
    if finding.pos is not None or pos is None:
        return finding
    from dataclasses import replace

    return replace(finding, pos=pos)


def by_layout(findings: list[Finding]) -> list[str]:
    """The findings as lines under their layout's name, layouts in order of first use."""
    order: dict[str | None, list[Finding]] = {}
    for finding in findings:
        order.setdefault(finding.layout, []).append(finding)
    lines = []
    for layout, found in order.items():
        lines.append(f"  layout '{layout}': {counted(found)}")
        lines += [f"    {line}" for line in compact(found)]
    return lines


def compact(findings: list[Finding]) -> list[str]:
    """The findings as lines, overridden styles gathered per shape ('slide 2 'Body':
    size in paragraphs 1-3; color in paragraph 1'); --json lists each."""
    lines: list[str] = []
    styles: dict[tuple, dict[str, list[int]]] = {}
    for finding in findings:
        if finding.kind != "style-overridden":
            lines.append(str(finding))
            continue
        key = (finding.pos, finding.slide, finding.shape)
        if key not in styles:
            styles[key] = {}
            lines.append(key)
        styles[key].setdefault(finding.figures["property"], []).append(finding.paragraph)
    return [line if isinstance(line, str) else _styles_line(line, styles[line]) for line in lines]


def _styles_line(key, properties: dict[str, list[int]]) -> str:
    pos, slide, shape = key
    said = "; ".join(
        f"{what} in paragraph{'s' if len(set(numbers)) > 1 else ''} {_spans(set(numbers))}"
        if None not in numbers
        else "its own size in its list style"
        for what, numbers in properties.items()
    )
    where_said = f"{pos}: " if pos else ""
    return f"{where_said}note: style-overridden: {where(slide, shape)}: {said}"


def counted(findings: list[Finding]) -> str:
    """'2 low-contrast, 5 style-overridden' (kinds in their order), or 'nothing to say'."""
    parts = [
        f"{sum(f.kind == kind for f in findings)} {kind}"
        for kind in KINDS
        if any(f.kind == kind for f in findings)
    ]
    return ", ".join(parts) or "nothing to say"


__all__ = ["KINDS", "PROPERTIES", "SEVERITIES", "Finding", "by_layout", "template_findings"]
