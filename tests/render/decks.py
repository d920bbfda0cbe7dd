"""Hand-built decks for the renderer tests: no outline, no layout engine.

Every frame and deck the renderer tests use is made here, so that when the frame
types change (SlideFrame's ``kind`` becoming a layout, a source reference, new Deck
fields) only this file needs to follow. Tests speak of layouts through the constants
below, never through a SlideFrame or Deck field.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt

from deckgen.layout.design import Design, Palette
from deckgen.layout.frames import (
    Align,
    Anchor,
    Deck,
    DeckMeta,
    Paragraph,
    Picture,
    Placeholder,
    Role,
    Run,
    Shape,
    ShapeKind,
    SlideFrame,
    SlideLayout,
    Table,
    TableCell,
    TextBox,
)
from deckgen.layout.geometry import Insets, Rect, inch, pt
from deckgen.layout.text import prose_of

# the deck size of the shipped theme: 13.333 x 7.5 in, 16:9
WIDTH, HEIGHT = 12_192_000, 6_858_000
FONT = "Arial"
TEXT = "1F2933"
NO_INSETS = Insets()
CELL_INSETS = Insets(pt(6), pt(4), pt(6), pt(4))  # table() cells' default insets
PRIMARY = "1F2A44"
MUTED = "52606D"
SURFACE = "EEF1F5"
CREATED = _dt.datetime(2030, 1, 2, 3, 4, 6, tzinfo=_dt.UTC)  # even seconds: zip time

# Which master layout a frame asks the PPTX renderer for.
TITLE_LAYOUT = SlideLayout.TITLE  # "Title Slide": a centred title and a subtitle
CONTENT_LAYOUT = SlideLayout.CONTENT  # "Title and Content": a title and a body
TITLE_ONLY_LAYOUT = SlideLayout.TITLE_ONLY  # "Title Only"
SECTION_LAYOUT = SlideLayout.SECTION  # "Section Header"


def run(text: str, *, bold: bool = False, italic: bool = False, color: str | None = None) -> Run:
    return Run(text, bold=bold, italic=italic, color=color)


def paragraph(
    *content: str | Run,
    size: float = 20,
    color: str = TEXT,
    pitch: float | None = None,
    lines: list[list[Run]] | None = None,
    space_before: float = 0.0,
    align: Align = Align.LEFT,
    level: int = 0,
    bullet: str | None = None,
    bullet_color: str | None = None,
    margin_left: int = 0,
    hanging: int = 0,
) -> Paragraph:
    """A paragraph of runs (a str is a plain run), set on one line unless ``lines`` says."""
    runs = tuple(run(c) if isinstance(c, str) else c for c in content)
    return Paragraph(
        runs=runs,
        size=size,
        color=color,
        lines=tuple(tuple(line) for line in lines) if lines is not None else (runs,),
        line_pitch=pitch if pitch is not None else round(size * 1.2, 2),
        space_before=space_before,
        align=align,
        level=level,
        bullet=bullet,
        bullet_color=bullet_color,
        margin_left=margin_left,
        hanging=hanging,
    )


def text_box(
    rect: Rect,
    *paragraphs: Paragraph | str,
    name: str = "Text",
    role: Role = Role.BODY,
    placeholder: Placeholder | None = None,
    anchor: Anchor = Anchor.TOP,
    insets: Insets = NO_INSETS,
    fill: str | None = None,
    slide_number: bool = False,
    font: str = FONT,
) -> TextBox:
    """A text box; a str is a one-run paragraph. ``slide_number``: the slide-number field."""
    paras = tuple(paragraph(p) if isinstance(p, str) else p for p in paragraphs)
    return TextBox(
        rect=rect,
        paragraphs=paras,
        role=role,
        font=font,
        name=name,
        anchor=anchor,
        insets=insets,
        placeholder=placeholder,
        fill=fill,
        field="slidenum" if slide_number else None,
    )


def title_box(rect: Rect, text: str, *, size: float = 36, name: str = "Title", **kw) -> TextBox:
    return text_box(
        rect,
        paragraph(run(text, bold=True), size=size),
        name=name,
        role=Role.TITLE,
        placeholder=Placeholder.TITLE,
        **kw,
    )


def body_box(rect: Rect, *paragraphs: Paragraph | str, name: str = "Body", **kw) -> TextBox:
    return text_box(
        rect, *paragraphs, name=name, role=Role.BODY, placeholder=Placeholder.BODY, **kw
    )


def table(
    rect: Rect,
    rows: list[list[str]],
    *,
    col_widths: list[int],
    row_heights: list[int],
    fills: list[list[str | None]] | None = None,
    size: float = 16,
    name: str = "Table",
    header_rows: int = 1,
    insets: Insets = CELL_INSETS,
    border: str = "FFFFFF",
    font: str = FONT,
) -> Table:
    cells = tuple(
        tuple(
            TableCell(
                paragraphs=(paragraph(text, size=size),) if text else (),
                fill=fills[r][c] if fills is not None else None,
            )
            for c, text in enumerate(row)
        )
        for r, row in enumerate(rows)
    )
    return Table(
        rect=rect,
        col_widths=tuple(col_widths),
        row_heights=tuple(row_heights),
        cells=cells,
        font=font,
        name=name,
        insets=insets,
        header_rows=header_rows,
        border=border,
    )


def picture(rect: Rect, path, alt: str, *, name: str = "Picture") -> Picture:
    return Picture(rect=rect, path=str(path), alt=alt, name=name)


def shape(
    rect: Rect,
    kind: ShapeKind = ShapeKind.RECT,
    fill: str | None = "2D5F9A",
    *,
    name: str = "Shape",
    line: str | None = None,
    line_width: float = 0.0,
    corner: float | None = None,
) -> Shape:
    """A shape; a round rectangle's ``corner`` (a share of its shorter side) defaults to 0.06."""
    if corner is None:
        corner = 0.06 if kind is ShapeKind.ROUND_RECT else 0.0
    return Shape(
        rect=rect,
        kind=kind,
        fill=fill,
        name=name,
        line=line,
        line_width=line_width,
        corner=corner,
    )


def slide(
    *items,
    title: str = "Slide",
    notes: str = "",
    background: str = "FFFFFF",
    layout=CONTENT_LAYOUT,
    section: str | None = None,
) -> SlideFrame:
    """One slide; deck() numbers the slides in order."""
    return SlideFrame(
        number=0,
        title=title,
        items=tuple(items),
        notes=notes,
        background=background,
        layout=layout,
        section=section,
        presenter_prose=prose_of(notes),  # as the engine sets it: the notes page's runs
    )


def deck(
    *slides: SlideFrame,
    width: int = WIDTH,
    height: int = HEIGHT,
    title: str = "A hand-built deck",
    subtitle: str | None = "Frames made by hand",
    author: str | None = "Test Author",
    language: str = "en",
    keywords: tuple[str, ...] = ("frames", "renderers"),
    font: str = FONT,
) -> Deck:
    return Deck(
        width=width,
        height=height,
        slides=tuple(dataclasses.replace(s, number=i) for i, s in enumerate(slides, 1)),
        meta=DeckMeta(
            title=title,
            subtitle=subtitle,
            author=author,
            organisation=None,
            date=None,
            language=language,
            keywords=tuple(keywords),
        ),
        design=Design(
            font=font,
            palette=Palette(
                primary=PRIMARY,
                text=TEXT,
                muted=MUTED,
                background="FFFFFF",
                surface=SURFACE,
                concepts={},
            ),
        ),
    )


__all__ = [
    "Align",
    "Anchor",
    "Insets",
    "Placeholder",
    "Rect",
    "Role",
    "ShapeKind",
    "inch",
    "pt",
]
