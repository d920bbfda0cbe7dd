"""Frames: the contract between layout and the renderers.

A :class:`Deck` is a list of :class:`SlideFrame`, each a list of positioned
items. Every position and size is final (EMU, origin top-left), every line
break is decided, every font size chosen. Renderers only convert units and draw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from ..errors import Diagnostic, SourcePos
from ..nodes import paragraphs_like
from .chart_marks import ChartMarks
from .geometry import EMU_PER_PT, Insets, Rect

if TYPE_CHECKING:
    from .design import Design


class Role(StrEnum):
    TITLE = "title"
    SUBTITLE = "subtitle"
    BODY = "body"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    LABEL = "label"
    CAPTION = "caption"
    FOOTER = "footer"
    SLIDE_NUMBER = "slide-number"
    DECORATION = "decoration"


class Placeholder(StrEnum):
    """Which layout placeholder a text box fills in the PPTX (outline view, screen readers)."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    BODY = "body"
    SECOND_BODY = "second-body"  # a two-content layout's other body (the right column)
    FOOTER = "footer"
    SLIDE_NUMBER = "slide-number"


class SlideLayout(StrEnum):
    """Which kind of master layout a slide is built on (the PPTX picks the template's)."""

    TITLE = "title"  # the opening slide: title and subtitle placeholders
    SECTION = "section"  # a section divider
    TITLE_ONLY = "title-only"  # a title and designed content
    CONTENT = "content"  # a title and a body placeholder
    TWO_CONTENT = "two-content"  # a title and two body placeholders side by side


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Anchor(StrEnum):
    TOP = "top"
    MIDDLE = "middle"
    BOTTOM = "bottom"


class ShapeKind(StrEnum):
    RECT = "rect"
    ROUND_RECT = "round-rect"
    ELLIPSE = "ellipse"
    PATH = "path"  # a template's freeform: ``Shape.path``


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    color: str | None = None  # "RRGGBB"; None = the paragraph's colour
    code: bool = False  # in the monospace font
    link: str | None = None  # a hyperlink's target (http, https, mailto)
    lang: str | None = None  # its language (BCP 47) where not the talk's: a fallback's


@dataclass(frozen=True)
class Prose:
    """Text a renderer flows itself (notes, the handout's and guide's text): runs with
    their emphasis, code and links decided by layout, not broken into lines; a "\\n" in a
    run's text ends a paragraph, a "\\v" breaks a line inside one."""

    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def paragraphs(self) -> tuple[tuple[Run, ...], ...]:
        """The runs a paragraph, split at each "\\n" (empty paragraphs kept)."""
        found: list[list[Run]] = [[]]
        for run in self.runs:
            for index, piece in enumerate(run.text.split("\n")):
                if index:
                    found.append([])
                if piece:
                    found[-1].append(
                        Run(piece, run.bold, run.italic, run.color, run.code, run.link, run.lang)
                    )
        return tuple(tuple(p) for p in found)


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    size: float  # points
    color: str  # "RRGGBB"
    lines: tuple[tuple[Run, ...], ...]  # the wrapped lines, runs split at line ends
    line_pitch: float  # points from one baseline to the next (exact spacing)
    space_before: float = 0.0  # points
    align: Align = Align.LEFT
    level: int = 0
    bullet: str | None = None
    bullet_color: str | None = None
    margin_left: int = 0  # EMU from the text box's inner left edge to the text
    hanging: int = 0  # EMU the first line (or its bullet) hangs left of the text
    # EMU of text width the lines were broken for, from margin_left; None: the box's
    # full width. Narrower for balanced display text: the box's right inset says so.
    measure: int | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def height(self) -> float:
        return self.space_before + len(self.lines) * self.line_pitch


@dataclass(frozen=True)
class TextBox:
    rect: Rect
    paragraphs: tuple[Paragraph, ...]
    role: Role
    font: str
    name: str
    anchor: Anchor = Anchor.TOP
    insets: Insets = Insets()
    placeholder: Placeholder | None = None
    fill: str | None = None
    field: str | None = None  # "slidenum": the text is PowerPoint's slide-number field
    pos: SourcePos | None = None

    @property
    def content_height(self) -> float:
        """Points of text, from the top of the first line to the bottom of the last."""
        return sum(p.height for p in self.paragraphs) - (
            self.paragraphs[0].space_before if self.paragraphs else 0
        )


@dataclass(frozen=True)
class TableCell:
    paragraphs: tuple[Paragraph, ...]
    fill: str | None = None
    anchor: Anchor | None = None  # where its text sits in its row; None: the table's


@dataclass(frozen=True)
class Table:
    rect: Rect
    col_widths: tuple[int, ...]
    row_heights: tuple[int, ...]
    cells: tuple[tuple[TableCell, ...], ...]
    font: str
    name: str
    insets: Insets
    header_rows: int = 1
    row_headers: bool = False  # the first column names each row (PowerPoint's First Column)
    alt: str = ""  # what the table compares, for screen readers (its slide's title)
    border: str = "FFFFFF"
    border_width: float = 1.0  # points
    pos: SourcePos | None = None
    anchor: Anchor = Anchor.TOP  # every cell's text in its row: a short table's is MIDDLE

    def text_top(self, top: int, height: int, cell: TableCell) -> int:
        """Where ``cell``'s text starts in a row ``top`` EMU down, ``height`` tall: below
        the top inset, or centred between the insets (its or the table's anchor MIDDLE)."""
        ins = self.insets
        if (cell.anchor or self.anchor) is not Anchor.MIDDLE or not cell.paragraphs:
            return top + ins.top
        text = sum(p.height for p in cell.paragraphs) - cell.paragraphs[0].space_before
        return top + ins.top + (height - ins.top - ins.bottom - round(text * EMU_PER_PT)) // 2


@dataclass(frozen=True)
class Picture:
    rect: Rect
    path: str  # absolute: where the picture came from
    alt: str
    name: str
    pos: SourcePos | None = None
    data: bytes = field(default=b"", repr=False)  # the checked bytes to draw (else: path)
    vector: bool = False  # an SVG: drawn as vector graphics (the deck adds a PNG fallback)
    decorative: bool = False  # for the look alone: no alt text, screen readers skip it
    # the hairline frame round it: its colour and width in points (every renderer draws it)
    line: str | None = None
    line_width: float = 0.0
    # before the engine settles it (``grounded.py``): whether it is framed (None: where its
    # edge is near the ground), and a logo's light variant, placed where it reads better
    frame: bool | None = False
    logo: bool = False
    on_dark: Picture | None = None


# an affine map (a, b, c, d, e, f): (x, y) -> (a x + c y + e, b x + d y + f), EMU
Affine = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class Gradient:
    """A template's gradient fill, drawn inside its shape's outline. ``stops`` are
    (position 0–1, "RRGGBB", opacity 0–1); a linear one runs at ``angle`` degrees
    (clockwise from left to right) across the shape's own box, ``width`` × ``height``
    EMU, which ``place`` maps onto the slide (rotation, flips, groups); a radial one
    spreads from ``centre`` (shares of that box) to its farthest corner."""

    stops: tuple[tuple[float, str, float], ...]
    width: int
    height: int
    place: Affine
    radial: bool = False
    angle: float = 0.0
    centre: tuple[float, float] = (0.5, 0.5)


@dataclass(frozen=True)
class PictureFill:
    """A template's picture fill, drawn inside its shape's outline: the whole picture
    over ``box`` (EMU in the shape's own box, larger than it where the picture is
    cropped), or ``tile`` copies of that size from its top-left; ``place`` as for a
    :class:`Gradient`."""

    data: bytes = field(repr=False)
    box: tuple[int, int, int, int]
    width: int
    height: int
    place: Affine
    tile: bool = False


@dataclass(frozen=True)
class Shape:
    rect: Rect
    kind: ShapeKind
    fill: str | None
    name: str
    line: str | None = None
    line_width: float = 0.0  # points
    corner: float = 0.0  # a round rectangle's corner radius, a share of its shorter side
    # a freeform's outline, EMU on the slide: ("M", x, y), ("L", x, y),
    # ("C", x1, y1, x2, y2, x, y) and ("Z",), as in DrawingML's custom geometry
    path: tuple[tuple, ...] = ()
    paint: Gradient | PictureFill | None = None  # a template's fill other than a colour
    opacity: float = 1.0  # the fill's (a template's transparent shapes)


class ChartKind(StrEnum):
    BAR = "bar"  # horizontal bars
    COLUMN = "column"  # vertical bars
    LINE = "line"
    PIE = "pie"


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: tuple[float, ...]
    color: str  # "RRGGBB"


@dataclass(frozen=True)
class Chart:
    """A chart from the outline's data: native (editable, data embedded) in the deck,
    vector graphics in the PDFs."""

    rect: Rect
    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    name: str
    alt: str
    unit: str | None  # the value axis's title
    text_color: str  # labels, legend
    grid_color: str  # the value axis's gridlines
    label_size: float  # points: axis labels, legend, data labels
    legend: bool
    slices: tuple[str, ...] = ()  # a pie's colours, a category each
    pos: SourcePos | None = None
    decimal: str = "."  # the talk's decimal sign, for the PDFs' value labels ("2,5")
    percents: tuple[str, ...] = ()  # a pie's shares, as the talk's locale writes them
    # its geometry, as layout decides it (axes, ticks, bars, wedges, labels, legend)
    marks: ChartMarks | None = field(default=None, compare=False, repr=False)


Item = TextBox | Table | Picture | Shape | Chart


@dataclass(frozen=True)
class SlideSource:
    """The outline slide a frame came from: its section's index and its own index in it
    (None for a section divider) in the talk, its id and its kind's name, and its path in
    the outline (``("sections", 2, "slides", 5)``; an audience's cut leaves slides out, so
    the indices may differ; ``()`` where unknown)."""

    section: int | None
    slide: int | None
    kind: str
    id: str | None = None
    path: tuple[str | int, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class SlideFrame:
    number: int
    title: str
    items: tuple[Item, ...]
    notes: str
    background: str
    layout: SlideLayout = SlideLayout.CONTENT
    source: SlideSource | None = None
    layout_name: str | None = None  # the default template's layout for its kind
    section: str | None = None
    continued: bool = False
    pos: SourcePos | None = None
    answer: str = ""  # a quiz's answer and explanation: for the presenter, not participants
    reveals: bool = False  # the slide shows an answer (a quiz's reveal slide)
    # what the deck's notes page shows: ``presenter_notes`` as runs (renderers read this;
    # ``notes`` and ``answer`` stay the outline's text, for layout, timing and sync)
    presenter_prose: Prose = Prose(())

    @property
    def presenter_notes(self) -> str:
        """The notes the presenter reads: a quiz's answer first, then the slide's notes
        (outline text; :attr:`presenter_prose` is it as runs), in their language where
        both are in the same other one."""
        parts = [part for part in (self.answer, self.notes) if part]
        if len(parts) < 2:
            return parts[0] if parts else ""
        return paragraphs_like("\n", parts)

    @property
    def section_index(self) -> int | None:
        return self.source.section if self.source else None


@dataclass(frozen=True)
class DeckMeta:
    title: str
    subtitle: str | None
    author: str | None
    organisation: str | None
    date: str | None
    language: str
    keywords: tuple[str, ...] = ()
    comments: str = ""  # "Made with deckgen from an outline.", in the talk's language


@dataclass(frozen=True)
class KindLayout:
    """A layout the default template makes for a kind of slide: its name, the master
    layout it is made from, and whether its slides are all one colour."""

    name: str
    base: SlideLayout
    staged: bool = False


@dataclass(frozen=True)
class Deck:
    width: int
    height: int
    slides: tuple[SlideFrame, ...]
    meta: DeckMeta
    design: Design  # the numbers and colours the renderers share with layout
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    layouts: tuple[KindLayout, ...] = ()  # the default template's layouts for kinds
    # what the deck was built with (audience, overlays, --set values, template, start,
    # outline file), as JSON text the .pptx keeps for `deckgen sync`; "" for none
    record: str = ""

    @property
    def font(self) -> str:
        return self.design.font
