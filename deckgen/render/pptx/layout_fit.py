"""deckgen's own layouts carry what their slides fill: a slide added by hand in
PowerPoint from a kind's layout gets its placeholders where the generated slides have
them, in the size their text is set in, and Reset Slide moves nothing.

For each layout made for a kind of slide, the kinds of text its slides put in
placeholders (``slots.slots``) each take one of the layout's placeholders (a body
placeholder is added where the layout has none left), placed at the box most of its
slides use and, for subtitles and bodies, with the size most of that text is set in as
its first level's (the master's styles size titles, footers and numbers). A slide's
placeholder then writes its own position only where it stands elsewhere (``own_box``).
Plain shapes its slides show alike (the accent rule, in no concept's colour) are drawn on
the layout and left off the slides; a concept's own stays on its slide, over it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml.etree import SubElement

from ...layout.frames import Deck, Placeholder, Shape, TextBox
from .inherit import layout_placeholder
from .ink import Ink
from .shape import add_shape
from .slots import free_idx, ph_of, ph_type, placeholder_elements, slots
from .units import centipoints, emu
from .xmlns import DML, PML, level_size, mark_decorative, new_placeholder, write_xfrm

# the kinds of text a kind's layout places, and those whose size it says too
_SIZED = (Placeholder.SUBTITLE, Placeholder.BODY, Placeholder.SECOND_BODY)
_PLACED = (Placeholder.TITLE, *_SIZED, Placeholder.FOOTER, Placeholder.SLIDE_NUMBER)
_CHROME = ("dt", "ftr", "sldNum")
FIRST_ADDED_IDX = 13  # above the indices PowerPoint's own layouts use


@dataclass(frozen=True)
class Carried:
    """What a kind's layout carries for its slides: the kinds of text it has places for
    (``slots``' ``reserved``) and the decorations it draws, which its slides leave out."""

    kinds: tuple[Placeholder, ...] = ()
    decorations: frozenset[Shape] = frozenset()


def fit_kind_layouts(layouts: dict, deck: Deck, ink: Ink) -> dict[int, Carried]:
    """Each kind's layout (by name in ``layouts``) fitted to its slides, by its part's
    id: its placeholders placed and sized, its decorations drawn."""
    carried = {}
    for spec in deck.layouts:
        layout = layouts.get(spec.name)
        if layout is None:
            continue
        boxes = [
            item
            for frame in deck.slides
            if frame.layout_name == spec.name
            for item in frame.items
            if isinstance(item, TextBox) and item.placeholder in _PLACED
        ]
        kinds = tuple(kind for kind in _PLACED if any(b.placeholder is kind for b in boxes))
        tree = layout.element.cSld.spTree
        for kind in kinds:
            if kind in _SIZED and kind not in slots(tree, [kind], kinds):
                _add_body(tree)
        found = slots(tree, kinds)
        for kind in (kind for kind in kinds if kind in found):
            mine = [box for box in boxes if box.placeholder is kind]
            _place(found[kind], _usual(box.rect for box in mine))
            if kind in _SIZED:
                sizes = (para.size for box in mine for para in box.paragraphs)
                level_size(found[kind].find(f"{PML}txBody"), centipoints(_usual(sizes)))
        decorations = _decorations(deck, spec.name)
        for shape in decorations:
            element = add_shape(layout.shapes, shape, ink)
            mark_decorative(element)
            _behind_placeholders(tree, element)
        carried[id(layout.part)] = Carried(kinds, decorations)
    return carried


def _decorations(deck: Deck, name: str) -> frozenset[Shape]:
    """The plain shapes (rules, panels) at least two slides of layout ``name`` show alike,
    in no concept's own colour, where every slide of it has one so (in some colour): a
    slide whose accent rule is a concept's draws its own over the layout's."""
    frames = [frame for frame in deck.slides if frame.layout_name == name]
    palette = deck.design.palette
    concepts = {color.upper() for _, color in palette.concepts.values()}
    concepts.discard(palette.primary.upper())
    plain = [
        {item for item in frame.items if isinstance(item, Shape) and not item.path}
        for frame in frames
    ]
    counts = Counter(shape for shapes in plain for shape in shapes if shape.paint is None)

    def everywhere(shape: Shape) -> bool:
        return all(any(_alike(shape, other) for other in shapes) for shapes in plain)

    return frozenset(
        shape
        for shape, seen in counts.items()
        if seen >= 2 and (shape.fill or "").upper() not in concepts and everywhere(shape)
    )


def _alike(shape: Shape, other: Shape) -> bool:
    """The same shape in the same place, whatever its colour."""
    return (shape.rect, shape.kind, shape.corner) == (other.rect, other.kind, other.corner)


def _behind_placeholders(tree, element) -> None:
    """``element`` before the layout's first placeholder, so it lies behind their text."""
    placeholders = placeholder_elements(tree)
    if placeholders:
        placeholders[0].addprevious(element)


def own_box(element, layout, rect) -> bool:
    """Whether a slide's placeholder ``element`` at ``rect`` must say its position: it
    stands elsewhere than the layout's placeholder it inherits from, or that one is not
    unique (exported templates give several the same idx) or has no position."""
    kind, idx = ph_type(element), ph_of(element).get("idx", "0")
    source = layout_placeholder(layout.element, kind, idx)
    if source is None:
        return True
    same_idx = [
        shape
        for shape in placeholder_elements(layout.element.cSld.spTree)
        if ph_of(shape).get("idx", "0") == idx
    ]
    off = source.find(f"{PML}spPr/{DML}xfrm/{DML}off")
    ext = source.find(f"{PML}spPr/{DML}xfrm/{DML}ext")
    if len(same_idx) != 1 or off is None or ext is None:
        return True
    held = (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy"))
    return held != tuple(str(emu(v)) for v in (rect.x, rect.y, rect.w, rect.h))


def _usual(values):
    """The most common of ``values`` (the first met among equals)."""
    return Counter(values).most_common(1)[0][0]


def _place(element, rect) -> None:
    sp_pr = element.find(f"{PML}spPr")
    xfrm = sp_pr.find(f"{DML}xfrm")
    if xfrm is None:
        xfrm = sp_pr.makeelement(f"{DML}xfrm", {})
        sp_pr.insert(0, xfrm)
    for child in list(xfrm):
        xfrm.remove(child)
    write_xfrm(xfrm, rect)


def _add_body(tree) -> None:
    """A body placeholder (its prompt as PowerPoint's), after the layout's others and
    before its date, footer and number, so slides match it in that order."""
    elements = placeholder_elements(tree)
    idx = free_idx([tree], FIRST_ADDED_IDX)
    sp, para = new_placeholder(tree, "body", idx, f"Text Placeholder {idx}")
    run = SubElement(para, f"{DML}r")
    SubElement(run, f"{DML}rPr", lang="en-US")
    SubElement(run, f"{DML}t").text = "Click to edit Master text styles"
    chrome = [e for e in elements if ph_type(e) in _CHROME]
    if chrome:
        chrome[0].addprevious(sp)
