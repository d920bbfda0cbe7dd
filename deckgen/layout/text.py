"""Setting text: a paragraph style, the typesetter that wraps and measures, text boxes.

A :class:`ParaStyle` says how a paragraph looks; :meth:`Typesetter.set` breaks a
text into lines for a width in that style (optionally balanced, so no word sits
alone on the last line); :meth:`Typesetter.box` puts paragraphs in a text box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..errors import SourcePos
from ..inline import paragraphs_of, plain, spans
from ..nodes import Foreign, Mixed, Spliced, foreign_like, language_of, spliced
from .design import Spacing
from .frames import Align, Anchor, Paragraph, Placeholder, Prose, Role, Run, TextBox
from .geometry import EMU_PER_PT, Insets, Rect, pt
from .measure import MONO, Measurer
from .wrap import wrap_runs


@dataclass(frozen=True)
class ParaStyle:
    size: float
    color: str
    bold: bool = False
    italic: bool = False
    pitch: float | None = None  # line pitch, a multiple of the size; None: the body pitch
    space_before: float = 0.0  # points
    align: Align = Align.LEFT
    level: int = 0
    bullet: str | None = None
    bullet_color: str | None = None
    margin_left: int = 0  # EMU from the box's inner left edge to the text
    hanging: int = 0  # EMU the first line (or its bullet) hangs left of the text
    balance: bool = False  # the narrowest measure that keeps the line count
    heading: bool = False  # set in the titles' font (a template's may differ from the body's)

    def at(self, size: float) -> ParaStyle:
        return replace(self, size=size)


class Typesetter:
    """Wraps text for a width with an injected measurer, in the deck's font."""

    def __init__(
        self,
        measurer: Measurer,
        font: str,
        wrap_safety: float,
        body_pitch: float = Spacing.body_pitch,
        heading_measurer: Measurer | None = None,
        link_color: str | None = None,
        wraps: dict | None = None,
    ):
        # lines already broken, by what breaking them depends on: a caller laying out
        # one talk many times over (the room notes) keeps it, so each text at each
        # measure and size is broken once
        self.wraps = wraps
        self.measurer = measurer
        self.link_color = link_color  # a link's text (None: its paragraph's colour)
        self.heading_measurer = heading_measurer or measurer
        self.font = font
        self.safety = wrap_safety
        self.body_pitch = body_pitch

    def width(self, text: str, size: float, bold: bool = False) -> int:
        """How wide ``text`` sets in the body font at ``size`` points, in EMU."""
        return pt(self.measurer.width(text, size, bold))

    def set(self, text: Sequence[Run] | str, width: int, style: ParaStyle) -> Paragraph:
        """``text`` broken into lines ``width`` EMU wide (less the style's left margin)."""
        if isinstance(text, str):
            runs = runs_of(text, style.bold, style.italic, link_color=self.link_color)
        else:
            runs = tuple(text)
        para = Paragraph(
            runs=runs,
            size=style.size,
            color=style.color,
            lines=self._wrap(runs, width - style.margin_left, style),
            line_pitch=round(style.size * (style.pitch or self.body_pitch), 2),
            space_before=style.space_before,
            align=style.align,
            level=style.level,
            bullet=style.bullet,
            bullet_color=style.bullet_color,
            margin_left=style.margin_left,
            hanging=style.hanging,
        )
        return self.balanced(para, width, style)

    def balanced(self, para: Paragraph, width: int, style: ParaStyle) -> Paragraph:
        """``para``, as :meth:`set` broke it for ``width`` in ``style`` without balancing,
        balanced where ``style`` says so: what ``set`` gives in ``style``, in as many lines
        (so a caller that only needs its height can balance only the one it keeps)."""
        if not style.balance or len(para.lines) <= 1:
            return para
        measure, lines = self._balance(para.runs, width - style.margin_left, style, para.lines)
        return replace(para, lines=lines, measure=measure)

    def _wrap(self, runs: tuple[Run, ...], measure: int, style: ParaStyle):
        avail = measure / EMU_PER_PT * self.safety
        first = None
        if style.hanging and not style.bullet:  # the first line starts `hanging` further left
            first = avail + style.hanging / EMU_PER_PT * self.safety
        measurer = self.heading_measurer if style.heading else self.measurer
        if self.wraps is None:
            return wrap_runs(runs, avail, style.size, measurer, first, MONO)
        key = (runs, avail, style.size, measurer, first)
        lines = self.wraps.get(key)
        if lines is None:
            lines = self.wraps[key] = wrap_runs(runs, avail, style.size, measurer, first, MONO)
        return lines

    def _balance(self, runs, full: int, style: ParaStyle, lines):
        """The narrowest measure (to a point) that keeps the line count: no word left alone."""
        low, high = full // 2, full
        while high - low > EMU_PER_PT:
            mid = (low + high) // 2
            if len(self._wrap(runs, mid, style)) == len(lines):
                high = mid
            else:
                low = mid
        if high < full:
            return high, self._wrap(runs, high, style)
        return None, lines

    def box(
        self,
        rect: Rect,
        paragraphs: Sequence[Paragraph],
        role: Role,
        name: str,
        *,
        anchor: Anchor = Anchor.TOP,
        placeholder: Placeholder | None = None,
        pos: SourcePos | None = None,
        field: str | None = None,
    ) -> TextBox:
        # balanced paragraphs were broken for a narrower measure: the box is that narrow,
        # so PowerPoint breaks them where we did, and a person editing the text sees the
        # box it wraps in (no hidden inset); a placeholder keeps its layout's box and
        # insets say the measure (on the side its alignment leaves free)
        needed = max(
            (
                p.margin_left + (p.measure if p.measure is not None else rect.w - p.margin_left)
                for p in paragraphs
            ),
            default=rect.w,
        )
        slack = max(rect.w - needed, 0)
        insets = Insets()
        if placeholder is not None and slack:  # the layout's box stays, the text as narrow
            align = paragraphs[0].align
            before = {Align.CENTER: slack // 2, Align.RIGHT: slack}.get(align, 0)
            insets, slack = Insets(left=before, right=slack - before), 0
        return TextBox(
            rect=Rect(rect.x, rect.y, rect.w - slack, rect.h),
            paragraphs=tuple(paragraphs),
            role=role,
            font=self.font,
            name=name,
            anchor=anchor,
            insets=insets,
            placeholder=placeholder,
            field=field,
            pos=pos,
        )


def runs_of(
    text: str,
    bold: bool = False,
    italic: bool = False,
    color: str | None = None,
    link_color: str | None = None,
) -> tuple[Run, ...]:
    """Outline text as runs: its emphasis, code and links (deckgen.inline) over the given
    style, a link in ``link_color`` where given. A text without markup is one run. A text
    in another language (``Foreign``) gives runs in it; a ``Spliced`` one each piece's
    runs in its own (each piece read on its own: a label's words carry no markup)."""
    if isinstance(text, Spliced):
        return tuple(
            run for p in text.pieces for run in runs_of(p, bold, italic, color, link_color)
        )
    lang = language_of(text)
    return tuple(
        Run(
            s.text,
            bold or s.bold,
            italic or s.italic,
            (link_color or color) if s.link else color,
            s.code,
            s.link,
            lang,
        )
        for s in spans(text)
    ) or (Run(text, bold, italic, color, lang=lang),)


def height(paragraphs: Sequence[Paragraph]) -> int:
    """EMU from the top of the first line to the bottom of the last."""
    if not paragraphs:
        return 0
    return pt(sum(p.height for p in paragraphs) - paragraphs[0].space_before)


def reflow(text: str) -> str:
    """Speaker notes as paragraphs: lines are joined, a blank line starts a new paragraph.

    Outlines hard-wrap their notes (YAML block scalars); the notes page should not.
    """
    if isinstance(text, Mixed):  # each part reflowed in its own language
        parts = tuple(part for part in (reflow(p) for p in text.parts) if part)
        return Mixed("\n".join(parts), parts)
    if isinstance(text, Spliced):  # its words where they were, in their languages
        return respliced(reflow(str(text)), text)
    return foreign_like("\n".join(paragraphs_of(text)), text)


def without_space_before(para: Paragraph) -> Paragraph:
    return replace(para, space_before=0.0)


def rejoin(line: tuple[Run, ...], gap: str) -> tuple[Run, ...]:
    """The runs of one wrapped line, with what the break removed (``gap``) put back."""
    if not gap:
        return line
    if not line:  # an empty line between two newlines
        return (Run(gap),)
    last = line[-1]
    return line[:-1] + (replace(last, text=last.text + gap),)


def run_width(measurer: Measurer, heading_measurer: Measurer | None = None):
    """How wide a run sets (points) at a size, in the titles' font where ``heading``:
    the width contrast checks place each line's words by (``contrast.Width``)."""

    def width(run: Run, size: float, heading: bool) -> float:
        found = MONO if run.code else (heading_measurer or measurer) if heading else measurer
        return found.width(run.text, size, run.bold, run.italic)

    return width


def prose_of(text: str, color: str | None = None, link_color: str | None = None) -> Prose:
    """Outline text a renderer will flow itself (notes, the handout's text) as
    :class:`Prose`: its emphasis, code and links as runs, a run a span of
    :func:`deckgen.inline.spans` (so a text that shows nothing, as an empty link, has none),
    in the text's own language where it has one (``Foreign``; a ``Mixed`` text's parts
    each in theirs)."""
    if isinstance(text, Mixed):
        return prose_of_parts(*text.parts, color=color, link_color=link_color)
    if isinstance(text, Spliced):  # each piece read on its own, in its language
        return Prose(tuple(run for p in text.pieces for run in prose_of(p, color, link_color).runs))
    lang = language_of(text)
    return Prose(
        tuple(
            Run(
                s.text,
                s.bold,
                s.italic,
                (link_color or color) if s.link else color,
                s.code,
                s.link,
                lang,
            )
            for s in spans(text)
        )
    )


def prose_of_parts(*texts: str, color: str | None = None, link_color: str | None = None) -> Prose:
    """Texts one after another, a paragraph each (a quiz's answer, then the notes), as
    :func:`prose_of`: each part in its own language where one is in another."""
    kept = [text for text in texts if text]
    mixed = any(isinstance(text, Mixed | Spliced) for text in kept)
    if not mixed and len({language_of(text) for text in kept}) < 2:
        joined = foreign_like("\n".join(kept), kept[0]) if kept else ""
        return prose_of(joined, color, link_color)
    runs: list[Run] = []
    for i, text in enumerate(kept):
        runs += [Run("\n")] if i else []
        runs += prose_of(text, color, link_color).runs
    return Prose(tuple(runs))


def respliced(made: str, source: Spliced) -> str:
    """``made``, ``source`` with only its spaces and line breaks changed (reflowed,
    stripped), in ``source``'s pieces' languages: each word's characters in theirs, a
    space in the language of the characters before it."""
    langs = iter([language_of(p) for p in source.pieces for ch in p if not ch.isspace()])
    groups: list[tuple[str | None, list[str]]] = []
    for character in made:
        space = character.isspace()
        lang = (groups[-1][0] if groups else None) if space else next(langs, None)
        if groups and groups[-1][0] == lang:
            groups[-1][1].append(character)
        else:
            groups.append((lang, [character]))
    return spliced(
        *(Foreign("".join(chars), lang) if lang else "".join(chars) for lang, chars in groups)
    )


def lines_of(text: str) -> list[str]:
    """A text's lines (notes as the handout, the guide and the web set them, a paragraph
    a line), each in its language: a ``Foreign`` text's in its, a ``Mixed`` text's
    parts' in theirs, a ``Spliced`` text's pieces in theirs."""
    if isinstance(text, Mixed):
        return [line for part in text.parts for line in lines_of(part)]
    if not isinstance(text, Spliced):
        return [foreign_like(line, text) for line in text.split("\n")]
    lines: list[str] = []
    current: list[str] = []
    for piece in text.pieces:
        first, *more = piece.split("\n")
        current.append(foreign_like(first, piece))
        for line in more:
            lines.append(spliced(*current))
            current = [foreign_like(line, piece)]
    return [*lines, spliced(*current)]


def plain_like(text: str) -> str:
    """``text`` without its markup (:func:`deckgen.inline.plain`), in its languages."""
    if isinstance(text, Spliced):
        return spliced(*(plain_like(piece) for piece in text.pieces))
    return foreign_like(plain(text), text)


def plain_runs(text: str) -> tuple[Run, ...]:
    """Text without markup (a chart's names, its alt text) as runs, read as it is, each
    piece in its language."""
    pieces = text.pieces if isinstance(text, Spliced) else (text,)
    return tuple(Run(str(piece), lang=language_of(piece)) for piece in pieces if piece)
