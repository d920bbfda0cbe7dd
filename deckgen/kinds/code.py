"""Code: a listing in a monospace font, coloured by Pygments from its language's name,
with chosen lines highlighted. It gives way as every kind does (``fit``): smaller sizes
down to a readable 16 pt, a line too long for the panel continued on the next, marked;
then "(cont.)" slides, cut between source lines where it can; a panel that holds no
line at all is an error at the slide's line."""

from __future__ import annotations

import difflib
import functools
from typing import Literal

from pydantic import Field, field_validator

from ..errors import quoted
from ..layout.context import Page, SlideContext
from ..layout.fit import FitRule, SlideFailed, fit
from ..layout.flow import continued_page
from ..layout.frames import Item, Role, Shape, ShapeKind, SlideLayout, TextBox
from ..layout.geometry import Insets, Rect
from ..layout.listing_code import CodeBox, SetCode, page_code, set_code
from ..nodes import SlideBase, Text
from .base import InHandout, SlideKind


class CodeSlide(SlideBase):
    kind: Literal["code"]
    title: Text
    language: str = Field(
        default="text",
        max_length=40,
        description="Pygments' name for the language: python, bash, yaml, json, sql, … "
        "('text' for none).",
    )
    code: str = Field(  # a listing, not a file
        min_length=1, max_length=20_000, description="The code, as written."
    )
    highlight: list[int] = Field(
        default_factory=list, max_length=200, description="Line numbers (from 1) to highlight."
    )

    @field_validator("language")
    @classmethod
    def _known_language(cls, name: str) -> str:
        """Checked when the outline is read, so validate says it, not the build."""
        names = _language_names()
        if name.lower() not in names:
            close = difflib.get_close_matches(name.lower(), names, n=1)
            guess = f"did you mean '{close[0]}'? " if close else ""
            raise ValueError(
                f"Pygments knows no language {quoted(name)} ({guess}use its short name: "
                "python, bash, yaml, json, sql, javascript, or 'text')"
            )
        return name


@functools.cache
def _language_names() -> list[str]:
    """Every short name Pygments' lexers answer to (from its table: no lexer imported)."""
    from pygments.lexers import get_all_lexers

    return sorted({alias.lower() for entry in get_all_lexers() for alias in entry[1]})


def compose(slide: CodeSlide, ctx: SlideContext) -> list[Page]:
    design = ctx.design
    box, body, floor = design.code, design.grid.body_box, design.scale.code_floor
    lines = slide.code.rstrip("\n").expandtabs(box.tab).split("\n")
    _check_highlights(slide, len(lines), ctx)
    pieces = _highlighted(slide, lines, {k: (c, b) for k, c, b in box.tokens}, ctx)
    inner = Rect(body.x + box.padding, body.y + box.padding, body.w - box.padding * 2, 0)
    room = CodeBox(inner.w, body.h - box.padding * 2, box)
    rule = FitRule(
        design.scale.code,
        floor,
        design.scale.step,
        what="code",
        warn_shrink=False,  # a listing shrinks as a matter of course
        continue_message=f"the code is too long for one slide even at {floor:g} pt "
        "(long lines wrapped)",
        continue_hint="split it over two code slides, or show the part that matters",
        failure=f"the code panel of '{slide.title}' holds no line at {floor:g} pt",
        failure_hint="a template's body this small cannot show code",
    )
    listings = fit(
        ctx.report,
        rule,
        lambda size: set_code(pieces, room, size),
        lambda floor: page_code(pieces, room, floor),
    ).pages
    if len(listings) == 1:
        listings = [_larger(pieces, room, listings[0], ctx)]
    said = (slide.title, slide.notes, design.palette.primary)
    return [
        continued_page(
            ctx,
            i,
            said,
            lambda listing=listing: _items(slide, ctx, inner, listing),
            SlideLayout.TITLE_ONLY,
            continued=i > 0,
        )  # fmt: skip
        for i, listing in enumerate(listings)
    ]


def _larger(pieces: list, room: CodeBox, listing: SetCode, ctx: SlideContext) -> SetCode:
    """A short listing at the type scale's larger code step (or the largest between it and
    the code size) at which its panel still spans at most the design's fill of the body
    and no line wraps that did not at the code size; a listing that fills more, or that
    shrank, is kept as it was set."""
    design = ctx.design
    scale, box = design.scale, design.code
    if listing.size != scale.code:
        return listing
    most = design.grid.body_box.h * box.fill - box.padding * 2
    steps = int((scale.code_lead - scale.code) // scale.step)
    for size in (scale.code_lead - k * scale.step for k in range(steps)):
        larger = set_code(pieces, room, size)
        if larger and len(larger.paragraphs) == len(listing.paragraphs) and larger.height <= most:
            return larger
    return listing


def _items(slide: CodeSlide, ctx: SlideContext, inner: Rect, listing: SetCode) -> list[Item]:
    """The panel, the bands behind highlighted lines and the listing."""
    design = ctx.design
    box, body = design.code, design.grid.body_box
    panel = Rect(body.x, body.y, body.w, listing.height + box.padding * 2)
    items: list[Item] = [Shape(panel, ShapeKind.RECT, box.background, "Code panel")]
    for i, (number, _first) in enumerate(listing.sources):
        if number in slide.highlight:
            band = Rect(body.x, inner.y + i * listing.pitch, body.w, listing.pitch)
            items.append(Shape(band, ShapeKind.RECT, box.highlight, f"Highlight {number}"))
    text = Rect(inner.x, inner.y, inner.w, listing.height)
    items.append(TextBox(text, listing.paragraphs, Role.BODY, design.font, "Code", insets=Insets()))
    return items


def _check_highlights(slide: CodeSlide, count: int, ctx: SlideContext) -> None:
    beyond = [n for n in slide.highlight if not 1 <= n <= count]
    if beyond:
        ctx.report.fail(
            f"highlight: line {beyond[0]} of '{slide.title}' does not exist "
            f"(the code has {count} lines)",
            f"highlight lines between 1 and {count}",
        )
        raise SlideFailed


def _highlighted(
    slide: CodeSlide, lines: list[str], colors: dict, ctx: SlideContext
) -> list[list[tuple[str, str | None, bool]]]:
    """Each line as (text, colour or None, bold) pieces, from Pygments' tokens."""
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(slide.language, stripnl=False, ensurenl=False)
    except ClassNotFound:
        ctx.report.fail(
            f"Pygments knows no language '{slide.language}' (on '{slide.title}')",
            "use its short name: python, bash, yaml, json, sql, javascript, or 'text'",
        )
        raise SlideFailed from None
    out: list[list[tuple[str, str | None, bool]]] = [[]]
    for token, value in lexer.get_tokens("\n".join(lines)):
        color, bold = _style_of(token, colors)
        for k, piece in enumerate(value.split("\n")):
            if k:
                out.append([])
            if piece:
                line = out[-1]
                if line and line[-1][1:] == (color, bold):  # one run for one colour
                    line[-1] = (line[-1][0] + piece, color, bold)
                else:
                    line.append((piece, color, bold))
    return out[: len(lines)] + [[] for _ in range(len(lines) - len(out))]


def _style_of(token, colors: dict) -> tuple[str | None, bool]:
    """The colour and weight of a token's most specific kind the design names
    (Token.Literal.String.Doc is a String; Token.Operator.Word an Operator)."""
    for kind in reversed(str(token).split(".")):
        if kind in colors:
            return colors[kind]
    return None, False


KIND = SlideKind(
    "code",
    CodeSlide,
    compose,
    in_handout=InHandout.LARGE,
    slide_layout=SlideLayout.TITLE_ONLY,
)
