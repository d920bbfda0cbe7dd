"""Fitting, written once: try sizes down to the floor, then continue, then a positioned error.

Every slide kind fits its content through :func:`fit` with a :class:`FitRule`;
how content continues on "(cont.)" slides is :func:`paginate` (flowing blocks
into columns), :func:`split_lines` (one text cut between lines) and
:func:`group_rows` (analogy pairs; each page filled in turn) and :func:`even_rows`
(table rows, spread evenly over as many pages). Each of them refuses a box that
holds nothing (:class:`NoRoom`), so continuing always ends.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Generic, TypeVar

from .frames import Paragraph
from .geometry import EMU_PER_PT
from .text import height, rejoin, without_space_before
from .wrap import TooNarrow

if TYPE_CHECKING:
    from ..labels import Labels
    from .context import Report, SlideContext
    from .text import ParaStyle

T = TypeVar("T")


class NoRoom(ValueError):
    """A box that cannot hold even one line or row: continuing would never end."""


class SlideFailed(Exception):
    """The slide cannot be laid out; its error is already reported."""


class GaveWay(Exception):
    """A text would give way, that is be set smaller with a warning, continue with one or
    fail, in a layout that only asks whether its slides fit as they are
    (``Report.fits_only``): what that layout would say is settled, nothing more to try."""


@dataclass(frozen=True)
class FitRule:
    """How one piece of a slide fits: sizes to try, and what to say when it must give."""

    preferred: float
    floor: float
    step: float
    what: str = "text"  # "text set at 24 pt instead of 26 pt"
    shrink_hint: str | None = None
    warn_shrink: bool = True  # False: display text and listings shrink as a matter of course
    continue_message: str = "too much to fit"  # "; continued on 2 '(cont.)' slide(s)"
    continue_note: str = ""  # " with the header repeated"
    continue_hint: str | None = None
    warn_continue: bool = True
    failure: str = "this part does not fit on the slide"
    failure_hint: str | None = None

    def __post_init__(self) -> None:
        if self.step <= 0:
            raise ValueError(f"a fit rule's step must be positive, not {self.step}")

    def sizes(self) -> list[float]:
        """The preferred size, then one step smaller each try, then the floor (once)."""
        out: list[float] = []
        for tries in itertools.count():
            size = round(self.preferred - tries * self.step, 6)  # no drift from repeated sums
            if size <= self.floor:
                break
            out.append(size)
        return [*out, self.floor]


@dataclass(frozen=True)
class Fitted(Generic[T]):
    size: float
    pages: list[T]


def fit(
    report: Report,
    rule: FitRule,
    attempt: Callable[[float], T | None],
    paginate: Callable[[float], list[T]] | None = None,
) -> Fitted[T]:
    """The first size from ``rule.preferred`` down to its floor at which ``attempt`` fits
    on one slide; else, if the content can continue, ``paginate`` at the floor; else an
    error at the slide's line (raising :class:`SlideFailed`). With ``report.fits_only``,
    raises :class:`GaveWay` as soon as that outcome is sure to be said (a warning or the
    error), before any smaller size or continuing is tried."""
    sizes = rule.sizes()
    for size in sizes:
        try:
            result = attempt(size)
        except TooNarrow:  # smaller type may fit the box
            result = None
        if result is not None:
            if size < rule.preferred and rule.warn_shrink:
                report.warn(
                    f"{rule.what} set at {size:g} pt instead of {rule.preferred:g} pt to fit",
                    rule.shrink_hint,
                )
            return Fitted(size, [result])
        if report.fits_only and _said(rule, len(sizes) > 1, paginate is not None):
            raise GaveWay
    if paginate is not None:
        try:
            pages = paginate(rule.floor)
        except (NoRoom, TooNarrow):
            pages = []
        if pages:
            if rule.warn_continue:
                report.warn(
                    rule.continue_message
                    + f"; continued on {len(pages) - 1} '(cont.)' slide(s)"
                    + rule.continue_note,
                    rule.continue_hint,
                )
            return Fitted(rule.floor, pages)
    report.fail(rule.failure, rule.failure_hint)
    raise SlideFailed


def _said(rule: FitRule, smaller: bool, continues: bool) -> bool:
    """Whether content that does not fit at ``rule``'s first size is sure to be warned of
    or failed: every smaller size (if ``smaller``) warns, and so does continuing (if it
    ``continues``), and where neither holds it fails, which is said too."""
    return (rule.warn_shrink or not smaller) and (rule.warn_continue or not continues)


def fit_paragraph(
    ctx: SlideContext,
    text: str,
    width: int,
    style: ParaStyle,
    rule: FitRule,
    *,
    lines: int | None = None,
    room: int | None = None,
) -> Paragraph:
    """``text`` in ``style`` at the first size of ``rule`` where it takes at most ``lines``
    lines and ``room`` EMU of height (a title, a subtitle, a message: text that cannot
    continue on another slide)."""

    unbalanced = replace(style, balance=False)

    def attempt(size: float) -> Paragraph | None:
        # balancing keeps the line count: only the size that fits is balanced
        para = ctx.text.set(text, width, unbalanced.at(size))
        too_many = lines is not None and len(para.lines) > lines
        too_tall = room is not None and height([para]) > room
        return None if too_many or too_tall else ctx.text.balanced(para, width, style.at(size))

    return fit(ctx.report, rule, attempt).pages[0]


# ------------------------------------------------------------------ continuing


@dataclass
class FlowBlock:
    """One unit of flowing content (a bullet with its sub-bullets, a glossary entry…)."""

    make: Callable[[float, int], list[Paragraph]]  # (size, width in EMU) -> paragraphs


TextColumn = list[Paragraph]


def paginate(
    blocks: Sequence[FlowBlock], size: float, width: int, room: int, columns: int
) -> list[list[TextColumn]]:
    """Pour blocks into columns ``room`` EMU tall, ``columns`` to a page; a block taller
    than a column is cut between lines."""
    cols: list[TextColumn] = [[]]

    def place(paras: list[Paragraph]) -> None:
        if not cols[-1] and paras[0].space_before:  # a column opens without extra space
            paras = [without_space_before(paras[0]), *paras[1:]]
        cols[-1].extend(paras)

    for block in blocks:
        paras = block.make(size, width)
        if height(cols[-1] + paras) <= room:
            place(paras)
            continue
        if cols[-1]:
            cols.append([])
        if height(paras) <= room:
            place(paras)
            continue
        for piece in split_lines(paras, room):
            if cols[-1] and height(cols[-1] + piece) > room:
                cols.append([])
            place(piece)
    return [cols[i : i + columns] for i in range(0, len(cols), columns)]


def split_lines(paras: Sequence[Paragraph], room: int) -> list[list[Paragraph]]:
    """Cut paragraphs into pieces no taller than ``room`` EMU, at line boundaries."""
    pieces: list[list[Paragraph]] = [[]]
    for p in paras:
        lines = list(p.lines)
        after = line_breaks(p)
        first = True
        while lines:
            extra = p.space_before if (first and pieces[-1]) else 0
            fit_lines = int(((room - height(pieces[-1])) / EMU_PER_PT - extra) // p.line_pitch)
            if fit_lines <= 0:
                if not pieces[-1]:
                    raise NoRoom(f"{room} EMU hold no line of {p.line_pitch:g} pt")
                pieces.append([])
                continue
            chunk, lines = lines[:fit_lines], lines[fit_lines:]
            gaps, after = after[:fit_lines], after[fit_lines:]
            runs = tuple(
                r
                for k, line in enumerate(chunk)
                for r in (rejoin(line, gaps[k]) if k < len(chunk) - 1 else line)
            )
            pieces[-1].append(
                replace(
                    p,
                    runs=runs,
                    lines=tuple(chunk),
                    bullet=p.bullet if first else None,
                    space_before=p.space_before if first else 0.0,
                )
            )
            first = False
            if lines:
                pieces.append([])
    return [piece for piece in pieces if piece]


def line_breaks(para: Paragraph) -> list[str]:
    """What the text had at each line break (a space, a newline, nothing after a hyphen or
    inside a long word), so a piece of a paragraph says exactly what the outline said."""
    text = para.text
    out: list[str] = []
    at = 0
    for k, line in enumerate(para.lines):
        shown = "".join(r.text for r in line)
        found = text.find(shown, at) if shown else at
        if k:
            out.append(text[at:found])
        at = found + len(shown)
    return out + [""]


def group_rows(heights: Sequence[int], room: int, gap: int = 0) -> list[list[int]]:
    """Indices of rows grouped into pages: each page's rows (each followed by ``gap``)
    within ``room``. A row that is taller than ``room`` alone raises :class:`NoRoom`."""
    pages: list[list[int]] = [[]]
    used = 0
    for i, h in enumerate(heights):
        if h > room:
            raise NoRoom(f"row {i + 1} is taller than {room} EMU")
        if pages[-1] and used + h + gap > room:
            pages.append([])
            used = 0
        pages[-1].append(i)
        used += h + gap
    return pages


def even_rows(heights: Sequence[int], room: int, gap: int = 0) -> list[list[int]]:
    """Indices of rows grouped into as many pages as :func:`group_rows` takes, spread
    as evenly as their heights allow: each page within ``room``, the pages' heights as
    near alike as they can be (least sum of squares), so 20 alike rows on four slides go
    5/5/5/5, not 6/6/6/2. A row taller than ``room`` raises :class:`NoRoom`."""
    count = len(group_rows(heights, room, gap))
    sizes = [h + gap for h in heights]
    ends = [0]
    for size in sizes:
        ends.append(ends[-1] + size)
    rows = len(sizes)
    # best[k][j]: least cost of rows[:j] on k pages; back[k][j]: where its last page starts
    best = [[0.0] + [float("inf")] * rows]
    back: list[list[int]] = [[0] * (rows + 1)]
    for k in range(1, count + 1):
        best.append([float("inf")] * (rows + 1))
        back.append([0] * (rows + 1))
        for j in range(k, rows + 1):
            for i in range(j - 1, k - 2, -1):
                used = ends[j] - ends[i]
                if used > room:
                    break
                cost = best[k - 1][i] + used * used
                if cost < best[k][j]:
                    best[k][j], back[k][j] = cost, i
    pages: list[list[int]] = []
    end = rows
    for k in range(count, 0, -1):
        start = back[k][end]
        pages.insert(0, list(range(start, end)))
        end = start
    return pages


def continued_title(labels: Labels, title: str, continued: bool) -> str:
    return labels("continued", title=title) if continued else title


def continued_notes(labels: Labels, title: str, notes: str | None, continued: bool) -> str:
    if continued:
        return labels("continued_notes", title=title)
    return notes or ""
