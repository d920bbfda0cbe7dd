"""The template's artwork under text boxes, read from the written deck: a note for each
text box with a master's or layout's own shapes, pictures, lines, charts or a picture,
gradient or pattern background under it, even where its text still reads, so a designer
sees what a box is set on.

What a layout shows under every slide: its master's shapes (unless the layout or the
slide hides them, ``showMasterSp="0"``), then its own, placeholders left out, and the
background (the slide's, else the layout's, else the master's). A text box is each shape
of the slide with text and no fill of its own, where it stands (its own ``a:xfrm``, else
its layout's placeholder's, else its master's). Candidates are the elements whose box
(rotation included) overlaps the text box by a point each way. With the drawn grounds
(on a template, ``render/pdf/grounds.py``), a box counts only where at least
``ARTWORK_SHARE`` of the pixels under it differ from the layout's plain colour, and the
figures say that share; without them (deckgen's own template) the boxes decide.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..layout.geometry import EMU_PER_PT, Rect
from ..render.pptx.xmlns import DML, PML
from .fidelity import shape_name
from .findings import Finding, where
from .outlines import polygons, reaches

ARTWORK_SHARE = 0.02  # of the pixels under a box: less is an edge's anti-aliasing
TOLERANCE = 12  # a channel's difference from the plain colour that is still the colour
PICTURED = {"gradFill": "gradient", "blipFill": "picture", "pattFill": "pattern"}
NOT_TEXT = ("pic", "chart", "tbl", "dgm", "media", "clipArt", "sldImg")
_PARTS = {"sp": "shape", "pic": "picture", "grpSp": "group", "cxnSp": "line"}


@dataclass(frozen=True)
class Artwork:
    """An element a layout shows under slides: what it is, where, and whose it is."""

    said: str  # "freeform #11 on the master"
    rect: Rect | None  # None: the whole slide (a background)
    shapes: tuple | None = None  # a freeform's polygons on the slide (outlines.py)


def layout_artwork(
    package, layout: str, master: str, hidden: bool = False, slide: str | None = None
) -> list[Artwork]:
    """What slides of ``layout`` show under their own shapes (``hidden``: the slide hides
    its layout's and master's shapes; ``slide``: one with a background of its own)."""
    found = [] if hidden else _shown_shapes(package, layout, master)
    owners = [(layout, "layout"), (master, "master")]
    background = _background(package, [(slide, "slide"), *owners] if slide else owners, master)
    return found + ([background] if background else [])


def _shown_shapes(package, layout: str, master: str) -> list[Artwork]:
    owners = [(layout, "layout")]
    if package.part(layout).get("showMasterSp") not in ("0", "false"):
        owners.insert(0, (master, "master"))
    found = []
    for part, whose in owners:
        tree = package.part(part).find(f"{PML}cSld/{PML}spTree")
        for element in tree if tree is not None else ():
            artwork = _artwork(element, whose)
            if artwork is not None:
                found.append(artwork)
    return found


def _artwork(element, whose: str) -> Artwork | None:
    tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
    props = None
    if tag == "graphicFrame":
        xfrm, kind = element.find(PML + "xfrm"), "chart or table"
    elif tag in _PARTS:
        if element.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph") is not None:
            return None
        props = element.find(PML + ("grpSpPr" if tag == "grpSp" else "spPr"))
        xfrm = props.find(DML + "xfrm") if props is not None else None
        kind = _kind(element, tag, props)
        if kind is None:
            return None
    else:
        return None
    rect = _rect(xfrm)
    if rect is None:
        return None
    names = element.find(f"./*/{PML}cNvPr")
    name = names.get("name", "") if names is not None else ""
    ident = names.get("id", "?") if names is not None else "?"
    said = f"{kind} '{name}'" if name.strip() else f"{kind} #{ident}"
    shapes = polygons(props, rect) if tag == "sp" else None
    return Artwork(f"{said} on the {whose}", rect, shapes)


def _kind(element, tag: str, props) -> str | None:
    """What an element draws: None for a shape without fill, outline or text."""
    if tag != "sp":
        return _PARTS[tag]
    if element.xpath("string(./p:txBody)", namespaces={"p": PML[1:-1]}).strip():
        return "text"
    geometry = (
        "freeform" if props is not None and props.find(DML + "custGeom") is not None else "shape"
    )
    style = element.find(PML + "style")
    filled = _painted(props, style, "fillRef", _FILLS)
    outline = props.find(DML + "ln") if props is not None else None
    lined = (
        _painted(outline, style, "lnRef", _FILLS) if outline is not None else _ref(style, "lnRef")
    )
    if filled:
        painted = [
            PICTURED[tag]
            for tag in PICTURED
            if props is not None and props.find(DML + tag) is not None
        ]
        return f"{geometry} filled with a {painted[0]}" if painted else geometry
    return f"{geometry} outline" if lined else None


_FILLS = ("solidFill", "gradFill", "blipFill", "pattFill", "grpFill")


def _painted(props, style, ref: str, fills) -> bool:
    """Whether ``props`` paints (a fill of its own, else its style's reference)."""
    if props is not None:
        if props.find(DML + "noFill") is not None:
            return False
        if any(props.find(DML + fill) is not None for fill in fills):
            return True
    return _ref(style, ref)


def _ref(style, ref: str) -> bool:
    found = style.find(DML + ref) if style is not None else None
    return found is not None and found.get("idx", "0") not in ("0", "")


def _rect(xfrm) -> Rect | None:
    """The box an ``a:xfrm`` (or ``p:xfrm``) covers on the slide, turned by its rotation."""
    if xfrm is None:
        return None
    off, ext = xfrm.find(DML + "off"), xfrm.find(DML + "ext")
    if off is None or ext is None:
        return None
    try:
        x, y = int(off.get("x", 0)), int(off.get("y", 0))
        width, height = int(ext.get("cx", 0)), int(ext.get("cy", 0))
        turn = math.radians(int(xfrm.get("rot", 0)) / 60000)
    except ValueError:
        return None
    if turn:
        cos, sin = abs(math.cos(turn)), abs(math.sin(turn))
        turned = (width * cos + height * sin, width * sin + height * cos)
        x, y = round(x + (width - turned[0]) / 2), round(y + (height - turned[1]) / 2)
        width, height = round(turned[0]), round(turned[1])
    return Rect(x, y, max(width, EMU_PER_PT), max(height, EMU_PER_PT))  # a line has a width


def _background(package, owners, master: str) -> Artwork | None:
    """The background the first of ``owners`` ((part, whose), …) with one shows, if it is
    more than a colour."""
    for part, whose in owners:
        bg = package.part(part).find(f"{PML}cSld/{PML}bg")
        if bg is None:
            continue
        props = bg.find(PML + "bgPr")
        kinds = [
            PICTURED[tag]
            for tag in PICTURED
            if props is not None and props.find(DML + tag) is not None
        ]
        ref = bg.find(PML + "bgRef")
        if ref is not None and ref.get("idx", "0").isdigit() and int(ref.get("idx")) > 1000:
            kinds.append(_theme_background(package, master, int(ref.get("idx")) - 1001))
        kinds = [kind for kind in kinds if kind]
        return Artwork(f"the {whose}'s {kinds[0]} background", None) if kinds else None
    return None


def _theme_background(package, master: str, index: int) -> str | None:
    themes = package.related(master, "theme")
    styles = package.part(themes[0]).find(f".//{DML}bgFillStyleLst") if themes else None
    fills = [fill for fill in styles if isinstance(fill.tag, str)] if styles is not None else []
    return PICTURED.get(fills[index].tag.rsplit("}", 1)[-1]) if index < len(fills) else None


def overlapping(box: Rect, artwork: list[Artwork], drawn: bool = True) -> list[Artwork]:
    """The artwork under ``box``: its box overlaps, and, with ``drawn``, a freeform's
    drawing reaches into it."""
    return [
        art
        for art in artwork
        if art.rect is None
        or (_overlap(box, art.rect) and (not drawn or not art.shapes or reaches(art.shapes, box)))
    ]


def _under(box: Rect, artwork: list[Artwork], share: float | None) -> list[Artwork] | None:
    """What to name under ``box`` (None: nothing is there): the artwork reaching into it;
    where the pixels show artwork but no drawing reaches a sampled point, its boxes."""
    if share is not None and share < ARTWORK_SHARE:
        return None
    found = overlapping(box, artwork)
    if not found and share is not None:
        found = overlapping(box, artwork, drawn=False)
    return found if found or share is not None else None


def _overlap(one: Rect, other: Rect) -> bool:
    width = min(one.right, other.right) - max(one.x, other.x)
    height = min(one.bottom, other.bottom) - max(one.y, other.y)
    return width >= EMU_PER_PT and height >= EMU_PER_PT


def drawn_share(colors, plain: str) -> float:
    """The share of ``colors``' pixels ((count, "RRGGBB"), …) not ``plain``'s colour."""
    total = sum(count for count, _color in colors)
    if not total:
        return 0.0
    red, green, blue = _channels(plain)
    other = 0
    for count, color in colors:
        value = int(color, 16)
        if (
            abs((value >> 16) - red) > TOLERANCE
            or abs((value >> 8 & 0xFF) - green) > TOLERANCE
            or abs((value & 0xFF) - blue) > TOLERANCE
        ):
            other += count
    return other / total


def _channels(color: str) -> tuple[int, int, int]:
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def note(place, layout_name: str, under: list[Artwork], share: float | None) -> Finding:
    """The note for a text box (``place``: slide or None, shape) with ``under`` under it."""
    slide, shape = place
    names = [art.said for art in under]
    shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
    measured = f"; {share:.0%} of the ground under it is artwork" if share is not None else ""
    message = (
        f"{where(slide, shape)}: the template's artwork lies under the text box: "
        f"{shown or 'drawn, not named'}{measured}"
    )
    figures = {"artwork": names, "share": None if share is None else round(share, 3)}
    return Finding("artwork-under-text", message, slide, layout_name, shape, None, (), figures)


def artwork_findings(package, slides, deck, shares: DrawnShares) -> list[Finding]:
    """A note for each text box of each slide with the template's artwork under it."""
    frames = {frame.number: frame for frame in deck.slides}
    shown: dict[tuple, list[Artwork]] = {}
    found = []
    for slide in slides:
        tree = package.part(slide.part)
        hidden = tree.get("showMasterSp") in ("0", "false")
        own = slide.part if tree.find(f"{PML}cSld/{PML}bg") is not None else None
        key = (slide.layout, hidden, own)
        if key not in shown:
            shown[key] = layout_artwork(package, slide.layout, slide.master, hidden, own)
        if not shown[key]:
            continue
        inherited = (package.part(slide.layout), package.part(slide.master))
        own_fills = []
        for shape in top_shapes(tree):
            box = placed(shape, *inherited)
            if _filled(shape):
                own_fills += [box] if box is not None else []
                continue
            if box is None or not _has_text(shape) or _on_own_fill(box, own_fills):
                continue
            share = shares.under(frames.get(slide.number), box)
            under = _under(box, shown[key], share)
            if under is not None:
                found.append(
                    note((slide.number, shape_name(shape)), slide.layout_name, under, share)
                )
    return found


def layout_findings(package, slides, deck, shares: DrawnShares) -> list[Finding]:
    """A note for each text placeholder of each layout the slides use (in order of first
    use) with the layout's or master's artwork under it."""
    frames = {frame.number: frame for frame in deck.slides}
    seen: dict[str, int] = {}
    for slide in slides:
        seen.setdefault(slide.layout, slide.number)
    names = {slide.layout: slide for slide in slides}
    found = []
    for layout, number in seen.items():
        slide = names[layout]
        artwork = layout_artwork(package, layout, slide.master)
        tree, master = package.part(layout), package.part(slide.master)
        for shape in top_shapes(tree):
            ph = shape.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
            if ph is None or ph.get("type") in NOT_TEXT or _filled(shape):
                continue
            box = placed(shape, tree, master)
            if box is None:
                continue
            share = shares.under(frames.get(number), box)
            under = _under(box, artwork, share)
            if under is not None:
                found.append(note((None, shape_name(shape)), slide.layout_name, under, share))
    return found


def top_shapes(tree):
    """The shapes (``p:sp``) at the top of a slide's, layout's or master's shape tree."""
    shapes = tree.find(f"{PML}cSld/{PML}spTree")
    return [] if shapes is None else shapes.findall(PML + "sp")


def _has_text(shape) -> bool:
    return any((text.text or "").strip() for text in shape.iter(DML + "t"))


def _filled(shape) -> bool:
    """Whether a shape paints a fill of its own (which hides what lies under it)."""
    props = shape.find(PML + "spPr")
    return props is not None and any(
        props.find(DML + fill) is not None
        for fill in ("solidFill", "gradFill", "blipFill", "pattFill")
    )


def _on_own_fill(box: Rect, fills: list[Rect]) -> bool:
    x, y = box.x + box.w // 2, box.y + box.h // 2
    return any(rect.x <= x <= rect.right and rect.y <= y <= rect.bottom for rect in fills)


def placed(shape, layout, master) -> Rect | None:
    """Where a shape stands: its own box, else its layout's placeholder's (same idx, else
    same type), else its master's (of its type)."""
    own = _rect(shape.find(f"{PML}spPr/{DML}xfrm"))
    ph = shape.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
    if own is not None or ph is None:
        return own
    kind = ph.get("type", "obj")
    for part, matches in ((layout, _same_idx_or_type), (master, _same_type)):
        for other in top_shapes(part):
            theirs = other.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
            if theirs is not None and theirs is not ph and matches(ph, theirs, kind):
                rect = _rect(other.find(f"{PML}spPr/{DML}xfrm"))
                if rect is not None:
                    return rect
    return None


_TITLES = ("title", "ctrTitle")
_BODIES = ("body", "subTitle", "obj")


def _same_idx_or_type(ph, theirs, kind: str) -> bool:
    if ph.get("idx") is not None and theirs.get("idx") == ph.get("idx"):
        return True
    return _same_type(ph, theirs, kind)


def _same_type(ph, theirs, kind: str) -> bool:
    other = theirs.get("type", "obj")
    if kind in _TITLES:
        return other in _TITLES
    if kind in _BODIES:
        return other in _BODIES
    return other == kind


class DrawnShares:
    """The share of artwork in the drawn ground under boxes (``grounds``: the layouts'
    drawn grounds, or None), worked out once per layout and box."""

    def __init__(self, grounds, design) -> None:
        self._grounds = grounds
        self._design = design
        self._known: dict[tuple, float | None] = {}

    def under(self, frame, box: Rect) -> float | None:
        """The share under ``box`` on ``frame``'s layout; None: not measured."""
        if self._grounds is None or frame is None:
            return None
        key = (frame.layout, box)
        if key not in self._known:
            colors = self._grounds.colors(frame.layout, box)
            plain = self._design.slide_fill(frame.layout, self._design.palette.background)
            self._known[key] = drawn_share(colors, plain) if colors else None
        return self._known[key]
