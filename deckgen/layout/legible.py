"""Text made to read on a template's drawn artwork, decided after layout, line by line.

A text box that lies on nothing of the slide's own shows the template's ground (its
background, pictures, gradients, freeforms: ``render/pdf/grounds.py``'s pixels). Once the
lines are set, each line's words stand somewhere known: from its bullet (or first word)
to its last word, the line's height, placed as the renderers place it. Each colour of a
paragraph is judged against the worst part of the ground under the lines it is in (WCAG
AA: 4.5:1, 3:1 for large text) and:

- kept, where it reads;
- else set in the theme's other text colour (dk1/lt1, then dk2/lt2: written as theme
  slots) that reads best, where one reads under every line of it;
- else in the nearest shade of its own that does;
- else, as a last resort, a panel is set behind the box's lines (the words' extent, a
  wrapped box's width, and a little air): in the theme colour nearest the artwork among
  those its text reads on, at the least opacity that lets it read there (a veil, a plain
  decorative shape drawn by both renderers); colours that do not read on it take the
  theme's that do. A column beside a panelled box takes the same panel.

A link's colour is not changed on its own (LibreOffice draws links in the theme's hlink
colour whatever the run says: ``template/drawn.py`` decides that colour once); where it
does not read, only a panel helps. Each change is said (``Change``); the engine makes it
a ``contrast`` warning, and names each line nothing could save.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .chart_layout import with_ink
from .colors import LARGE_RATIO, TEXT_RATIO, contrast, mix, readable
from .contrast import (
    Drawn,
    OnArtwork,
    Width,
    behind_of,
    large,
    line_extents,
    low_on_drawn,
    worst_ground,
)
from .frames import Chart, Item, Paragraph, Run, Shape, ShapeKind, TextBox
from .geometry import EMU_PER_PT, Rect

Counted = tuple[tuple[int, str], ...]

SCRIM_OPACITIES = (0.6, 0.7, 0.8, 0.9)  # tried in turn: the least that lets the text read
SCRIM_AIR = 0.5  # of the text size: the panel's margin around the words


@dataclass(frozen=True)
class Change:
    """A colour changed, or a panel set, so a box's text reads on the artwork."""

    box: str
    paragraph: int  # from 1
    message: str


@dataclass(frozen=True)
class Legible:
    """What ``make_legible`` made: the slide's items (panels before their boxes), each
    change said, and each line no change could make read."""

    items: list[Item]
    changes: list[Change]
    unread: list[OnArtwork]


def make_legible(
    items: Sequence[Item], drawn: Drawn, inks: Sequence[str], width: Width, slide: Rect
) -> Legible:
    """``items`` with each text box on the template's drawn ground made to read there
    (see the module's docstring); ``inks``: the theme's text and background colours
    (dk1, lt1, dk2, lt2), ``slide``: the slide's rect (a panel stays on it)."""
    made = Legible([], [], [])
    placed: list[tuple[Item, Shape | None, bool]] = []  # item, its panel, judged here
    for index, item in enumerate(items):
        if isinstance(item, Chart) and behind_of(items[:index], item) is None:
            chart, panel, said = _chart(item, drawn, inks, slide)
            made.changes.extend(said)
            placed.append((chart, panel, False))
            continue
        if (
            not isinstance(item, TextBox)
            or item.fill
            or not item.paragraphs
            or behind_of(items[:index], item) is not None
        ):
            placed.append((item, None, False))
            continue
        box, scrim, said = _decide(item, drawn, inks, width, slide)
        made.changes.extend(said)
        placed.append((box, scrim, True))
    placed = _matched(placed, drawn, width, slide, made.changes)
    for item, scrim, judged in placed:
        if scrim is not None:  # the panel was made for the text to read on it
            made.items.extend((scrim, item))
            continue
        made.items.append(item)
        if judged:  # what is left is judged where its lines stand (a lone box on the
            # drawn ground: low_on_drawn's flat ground goes unused)
            made.unread.extend(low_on_drawn([item], "FFFFFF", drawn, width))
    return made


def _matched(placed, drawn: Drawn, width: Width, slide: Rect, changes: list[Change]):
    """A box beside one that took a panel (a column: the same role and top, side by side)
    takes the same panel where its text reads on it, so the columns look alike."""
    panels = [(item, scrim) for item, scrim, judged in placed if scrim is not None and judged]
    out = []
    for item, scrim, judged in placed:
        twin = next(
            (
                (other, panel)
                for other, panel in panels
                if judged
                and scrim is None
                and other.role is item.role
                and abs(other.rect.y - item.rect.y) <= EMU_PER_PT  # level, side by side
                and (other.rect.right <= item.rect.x or item.rect.right <= other.rect.x)
            ),
            None,
        )
        if twin is not None:
            extents = line_extents(item, width)
            rect = _panel_rect(item, extents, slide)
            like = replace(twin[1], rect=rect, name=f"{item.name} backing")
            if _reads_on(item, extents, like, drawn):
                scrim = like
                changes.append(
                    Change(item.name, 0, f"'{item.name}': a panel set behind it as behind "
                           f"'{twin[0].name}' beside it, so the columns look alike")
                )  # fmt: skip
        out.append((item, scrim, judged))
    return out


def _reads_on(box: TextBox, extents, panel: Shape, drawn: Drawn) -> bool:
    """Whether every colour of ``box`` reads on ``panel`` over the artwork under it."""
    seen = tuple(
        (count, mix(panel.fill, color, panel.opacity))
        for count, color in _coarse(drawn(panel.rect))
    )
    return bool(seen) and all(
        contrast(color, worst_ground(seen, color))
        >= (LARGE_RATIO if large(box.paragraphs[index]) else TEXT_RATIO)
        for index, lines in enumerate(extents)
        for line in lines
        for color in line.colors
    )


def _decide(box: TextBox, drawn: Drawn, inks, width: Width, slide: Rect):
    extents = line_extents(box, width)
    paragraphs = list(box.paragraphs)
    changes: list[Change] = []
    unread: list[Rect] = []  # lines no colour of the theme's saves
    for index, para in enumerate(box.paragraphs):
        need = LARGE_RATIO if large(para) else TEXT_RATIO
        colors = sorted(set().union(*(line.colors for line in extents[index])))
        recolor = {}
        for color in colors:
            grounds = [drawn(line.rect) for line in extents[index] if color in line.colors]
            grounds = [ground for ground in grounds if ground]
            ratio, ground = _worst(color, grounds)
            if ratio >= need:
                continue
            # a link keeps the theme's hyperlink colour (LibreOffice draws links in it,
            # whatever the run says): where that does not read, only a panel helps
            links = {run.color for run in para.runs if run.link}
            chosen, said = (None, "") if color in links else _other(color, grounds, need, inks)
            if chosen is None:
                unread += [line.rect for line in extents[index] if color in line.colors]
                continue
            recolor[color] = chosen
            changes.append(_said(box, index, color, ratio, ground, need, said))
        paragraphs[index] = recolored(para, recolor)
    if not unread:
        return replace(box, paragraphs=tuple(paragraphs)), None, changes
    # a card behind the text: its own colours kept where they read on it
    return _scrimmed(box, unread, extents, drawn, inks, slide)


def _chart(chart: Chart, drawn: Drawn, inks, slide: Rect):
    """A chart on the drawn artwork: its labels' and legend's colour kept where it reads
    on the worst of the ground under the chart, else the theme's that does (or a shade),
    else a panel behind the whole chart, as behind text."""
    under = [found] if (found := drawn(chart.rect)) else []
    need = LARGE_RATIO if chart.label_size >= 18 else TEXT_RATIO
    ratio, ground = _worst(chart.text_color, under)
    if ratio >= need:
        return chart, None, []
    said = (
        f"'{chart.name}': its labels and legend in #{chart.text_color} read at {ratio:.1f}:1 "
        f"on the template's artwork under it (#{ground} at worst, below {need:g}:1): "
    )
    chosen, how = _other(chart.text_color, under, need, inks)
    if chosen is not None:
        return (
            with_ink(chart, chosen),
            None,
            [Change(chart.name, 0, said + f"set in {how} instead")],
        )
    coarse = _coarse(under[0])
    reading = [ink for ink in inks if max(contrast(other, ink) for other in inks) >= need]
    fill = min(reading or list(inks), key=lambda ink: (contrast(ink, _mean(coarse)), ink))
    text = max(inks, key=lambda ink: contrast(ink, fill))
    opacity = _veil(fill, coarse, {(text, need)})
    air = round(chart.label_size * SCRIM_AIR * EMU_PER_PT)
    rect = chart.rect
    left, top = max(rect.x - air, slide.x), max(rect.y - air, slide.y)
    right, bottom = min(rect.right + air, slide.right), min(rect.bottom + air, slide.bottom)
    panel = Rect(left, top, right - left, bottom - top)
    scrim = Shape(
        panel, ShapeKind.ROUND_RECT, fill, f"{chart.name} backing",
        corner=_corner(panel, air), opacity=opacity,
    )  # fmt: skip
    message = said + f"a #{fill} panel ({opacity:.0%} opaque) set behind it, labels in #{text}"
    return with_ink(chart, text), scrim, [Change(chart.name, 0, message)]


def _worst(color: str, grounds: list[Counted]) -> tuple[float, str | None]:
    """The lowest ratio of ``color`` on the worst part of each ground, with that ground."""
    worst: tuple[float, str | None] = (21.0, None)
    for counted in grounds:
        ground = worst_ground(counted, color)
        worst = min(worst, (contrast(color, ground), ground), key=lambda found: found[0])
    return worst


def _other(color: str, grounds: list[Counted], need: float, inks) -> tuple[str | None, str]:
    """The theme's colour reading best under every line, else the nearest shade of
    ``color`` that reads under every line; (None, "") if neither does."""
    reading = [(_worst(ink, grounds)[0], ink) for ink in inks if _worst(ink, grounds)[0] >= need]
    if reading:
        chosen = max(reading)[1]
        return chosen, f"the theme's #{chosen}"
    ratio, ground = _worst(color, grounds)
    shade = readable(color, ground, need < TEXT_RATIO) if ground else color
    if shade != color and _worst(shade, grounds)[0] >= need:
        return shade, f"#{shade}"
    return None, ""


def _said(box: TextBox, index: int, color, ratio, ground, need, said: str) -> Change:
    return Change(
        box.name,
        index + 1,
        f"'{box.name}' paragraph {index + 1}: text in #{color} reads at {ratio:.1f}:1 on the "
        f"template's artwork under its lines (#{ground} at worst, below {need:g}:1): set in "
        f"{said} instead",
    )


def recolored(para: Paragraph, recolor: dict[str, str]) -> Paragraph:
    """``para`` with each colour in ``recolor`` replaced (runs, lines and bullet)."""
    if not recolor:
        return para

    def run(old: Run) -> Run:
        ink = old.color or para.color
        return replace(old, color=recolor[ink]) if ink in recolor and old.color else old

    bullet = para.bullet_color
    return replace(
        para,
        color=recolor.get(para.color, para.color),
        runs=tuple(map(run, para.runs)),
        lines=tuple(tuple(map(run, line)) for line in para.lines),
        bullet_color=recolor.get(bullet, bullet) if bullet else None,
    )


def _scrimmed(box: TextBox, unread: list[Rect], extents, drawn: Drawn, inks, slide: Rect):
    """A panel behind all of the box's lines (one card, not a highlight under the
    ``unread`` ones), in the theme's colour of ``_card``; colours that do not read on it
    set in the theme's colour that reads best there."""
    panel = _panel_rect(box, extents, slide)
    air = _air(box)
    covered = [(index, line) for index, placed in enumerate(extents) for line in placed]
    colors = set().union(*(line.colors for _index, line in covered))
    under = _coarse(drawn(panel))
    fill = _card(box, covered, inks, under)
    paragraphs = list(box.paragraphs)
    wants = set()  # (colour, ratio needed) of the text on the panel
    for index in sorted({index for index, _line in covered}):
        para = paragraphs[index]
        need = LARGE_RATIO if large(para) else TEXT_RATIO
        own = set().union(*(line.colors for at, line in covered if at == index))
        best = max(inks, key=lambda ink: contrast(ink, fill))
        recolor = {color: best for color in own if contrast(color, fill) < need}
        paragraphs[index] = recolored(para, recolor)
        wants |= {(recolor.get(color, color), need) for color in own}
    opacity = _veil(fill, under, wants)
    ground = _worst(sorted(colors)[0], [drawn(rect) for rect in unread])[1]
    message = (
        f"'{box.name}': no colour of the theme's reads on all of the template's artwork "
        f"under its lines (#{ground} at worst): a #{fill} panel "
        f"({opacity:.0%} opaque) set behind them"
    )
    scrim = Shape(
        panel,
        ShapeKind.ROUND_RECT,
        fill,
        f"{box.name} backing",
        corner=_corner(panel, air),
        opacity=opacity,
    )
    return replace(box, paragraphs=tuple(paragraphs)), scrim, [Change(box.name, 0, message)]


def _air(box: TextBox) -> int:
    return round(max(para.size for para in box.paragraphs) * SCRIM_AIR * EMU_PER_PT)


def _panel_rect(box: TextBox, extents, slide: Rect) -> Rect:
    """The words' extent with air around it; text that wraps spans its box's inner width
    (another renderer's fonts may break its lines a little wider)."""
    air = _air(box)
    lines = [line.rect for placed in extents for line in placed if line.rect.w > 0]
    left, right = min(rect.x for rect in lines), max(rect.right for rect in lines)
    if any(len(para.lines) > 1 for para in box.paragraphs):
        left = min(left, box.rect.x + box.insets.left)
        right = max(right, box.rect.right - box.insets.right)
    top = max(min(rect.y for rect in lines) - air, slide.y)
    bottom = min(max(rect.bottom for rect in lines) + air, slide.bottom)
    left, right = max(left - air, slide.x), min(right + air, slide.right)
    return Rect(left, top, right - left, bottom - top)


def _card(box: TextBox, covered, inks, under: Counted) -> str:
    """The panel's colour: of the theme's colours all of the box's text reads on, the
    one nearest the artwork it covers (the quietest card); else the one its colours read
    best on."""
    wants = {
        (color, LARGE_RATIO if large(box.paragraphs[index]) else TEXT_RATIO)
        for index, line in covered
        for color in line.colors
    }
    reading = [ink for ink in inks if all(contrast(c, ink) >= need for c, need in wants)]
    if reading and under:
        mean = _mean(under)
        return min(reading, key=lambda ink: (contrast(ink, mean), ink))
    return max(inks, key=lambda ink: min(contrast(color, ink) for color, _need in wants))


def _veil(fill: str, under: Counted, wants) -> float:
    """The least opacity of ``SCRIM_OPACITIES`` at which the panel, over the artwork
    under it, lets every colour of ``wants`` read at its ratio: a veil, not a block."""
    for opacity in SCRIM_OPACITIES:
        seen = tuple((count, mix(fill, color, opacity)) for count, color in under)
        if all(contrast(ink, worst_ground(seen, ink)) >= need for ink, need in wants):
            return opacity
    return 1.0


def _coarse(counted: Counted) -> Counted:
    """``counted`` with each channel cut to a multiple of 8 and like colours merged: a
    picture's thousands of colours become a few hundred, each within 8 levels."""
    merged: dict[int, int] = {}
    for count, color in counted:
        key = int(color, 16) & 0xF8F8F8
        merged[key] = merged.get(key, 0) + count
    return tuple((count, f"{key:06X}") for key, count in merged.items())


def _mean(counted: Counted) -> str:
    """The average of counted colours ("RRGGBB")."""
    total = sum(count for count, _color in counted)
    channels = (
        round(sum(count * int(color[at : at + 2], 16) for count, color in counted) / total)
        for at in (0, 2, 4)
    )
    return "".join(f"{value:02X}" for value in channels)


def _corner(panel: Rect, air: int) -> float:
    """The panel's corner radius, as a share of its shorter side: half its air, so the
    rounding never reaches the words."""
    return min(0.5, air / 2 / max(min(panel.w, panel.h), 1))
