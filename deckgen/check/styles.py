"""Styles a written deck sets over its template's, and titles moved off their layout's
box, as findings naming slide, shape, paragraph and runs (the counts are
``fidelity.py``'s, read the same way).

A paragraph's findings are one per property and value: its runs setting a size
(``a:rPr/@sz``, in a placeholder), naming the font the theme gives (``a:latin`` with the
theme's major or minor typeface, in any shape), fixing an RGB colour (``a:srgbClr``, in a
placeholder); a title's paragraph aligned (``algn``) or its runs weighted (``b``)
otherwise than the title style it inherits.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..layout.geometry import EMU_PER_PT
from ..render.pptx.xmlns import DML, PML
from .fidelity import (
    BOX_TOLERANCE,
    TITLE_TYPES,
    Inherited,
    Package,
    first_set,
    is_true,
    moved,
    own_box,
    own_sizes,
    paragraph_align,
    paragraph_level,
    shape_name,
    slide_parts,
    theme_fonts,
)
from .findings import Finding, where

BODY_TYPES = ("body", "subTitle", "obj")
ALIGNMENTS = {"l": "left", "ctr": "centred", "r": "right", "just": "justified", "dist": "spread"}


@dataclass(frozen=True)
class WrittenSlide:
    """A slide of the written deck: its number (from 1) and parts, its layout's name."""

    number: int
    part: str
    layout: str
    master: str
    layout_name: str


def written_slides(package: Package) -> list[WrittenSlide]:
    found = []
    for number, slide in slide_parts(package):
        (layout,) = package.related(slide, "slideLayout")
        (master,) = package.related(layout, "slideMaster")
        names = package.part(layout).find(f"{PML}cSld")
        name = names.get("name", "") if names is not None else ""
        found.append(WrittenSlide(number, slide, layout, master, name))
    return found


def style_findings(package: Package, slides: list[WrittenSlide]) -> list[Finding]:
    found: list[Finding] = []
    for slide in slides:
        themes = package.related(slide.master, "theme")
        fonts = theme_fonts(package.part(themes[0])) if themes else set()
        context = Inherited(package.part(slide.layout), package.part(slide.master))
        for shape in package.part(slide.part).iter(PML + "sp"):
            found += _shape_findings(shape, slide, fonts, context)
    return found


def _shape_findings(shape, slide: WrittenSlide, fonts: set[str], context: Inherited):
    name = shape_name(shape)
    ph = shape.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
    kind = ph.get("type", "obj") if ph is not None else None
    title = kind in TITLE_TYPES
    found = _off_box(shape, kind, context, slide, name) if title else []
    own = own_sizes(shape) if ph is not None else {}
    for level, size in own.items():
        given = _inherited_size(ph, kind, level, context)
        if size != given:
            place = (slide.number, name, None, ())
            found.append(
                _style_finding(slide, place, "box-size", _points(size), given and _points(given))
            )
    inherited = _Run(
        ph, kind, fonts, context, _title_style(shape, kind, context) if title else None, own
    )
    for number, paragraph in enumerate(shape.findall(f"{PML}txBody/{DML}p"), start=1):
        # property -> (its values, in order, what the template gives, the runs setting it)
        overridden: dict[str, tuple[list[str], str | None, list[int]]] = {}
        runs = [run for run in paragraph if run.tag in (DML + "r", DML + "fld")]
        for index, run in enumerate(runs, start=1):
            for what, value, given in inherited.overrides(run.find(DML + "rPr"), paragraph):
                values, _given, numbers = overridden.setdefault(what, ([], given, []))
                values += [value] if value not in values else []
                numbers.append(index)
        if title:
            align = inherited.title[0]
            if paragraph_align(paragraph, align) != align:
                said = _aligned(paragraph_align(paragraph, align))
                overridden["alignment"] = ([said], _aligned(align), [])
        for what, (values, given, numbers) in overridden.items():
            place = (slide.number, name, number, tuple(numbers))
            found.append(_style_finding(slide, place, what, ", ".join(values), given))
    return found


def _aligned(value: str) -> str:
    return ALIGNMENTS.get(value, value)


def _title_style(shape, kind: str, context: Inherited) -> tuple[str, bool]:
    own_level = shape.find(f"{PML}txBody/{DML}lstStyle/{DML}lvl1pPr")
    align = first_set([own_level], "algn", context.level_one(kind, "algn", "l"))
    bold = is_true(first_set([own_level], "b", context.level_one(kind, "b", "0")))
    return align, bold


@dataclass(frozen=True)
class _Run:
    """What a run of one shape inherits: enough to say what it sets over it."""

    ph: object  # the shape's p:ph, None outside placeholders
    kind: str | None
    fonts: set[str]  # the theme's major and minor typefaces
    context: Inherited
    title: tuple[str, bool] | None  # a title's inherited alignment and weight
    own: dict[int, str]  # level -> the size the shape's own list style gives

    def overrides(self, props, paragraph) -> list[tuple[str, str, str | None]]:
        """(property, value, inherited value or None) for what ``props`` sets."""
        if props is None:
            return []
        found = []
        latin = props.find(DML + "latin")
        typeface = latin.get("typeface", "") if latin is not None else ""
        if typeface in self.fonts:
            found.append(("font", typeface, None))
        if self.ph is None:
            return found
        if props.get("sz") is not None:
            level = paragraph_level(paragraph)
            size = self.own.get(level) or _inherited_size(self.ph, self.kind, level, self.context)
            found.append(("size", _points(props.get("sz")), size and _points(size)))
        rgb = props.find(f"{DML}solidFill/{DML}srgbClr")
        if rgb is not None:
            found.append(("color", "#" + rgb.get("val", "").upper(), None))
        weight = props.get("b")
        if self.title is not None and weight is not None and is_true(weight) != self.title[1]:
            said = (
                "bold" if is_true(weight) else "regular",
                "bold" if self.title[1] else "regular",
            )
            found.append(("weight", *said))
        return found


def _points(hundredths: str) -> str:
    return f"{int(hundredths) / 100:g} pt" if hundredths.isdigit() else hundredths


def _inherited_size(ph, kind: str, level: int, context: Inherited) -> str | None:
    """The size a placeholder's paragraph at ``level`` inherits: its layout's placeholder
    (same idx, else same type), the master's of its type, the master's text style."""
    chain = [_layout_placeholder(context.layout, ph, kind), _master_placeholder(context, kind)]
    tag = f"{PML}txBody/{DML}lstStyle/{DML}lvl{level + 1}pPr"
    levels = [shape.find(tag) for shape in chain if shape is not None]
    style = "titleStyle" if kind in TITLE_TYPES else "bodyStyle" if kind in BODY_TYPES else None
    if style is not None:
        levels.append(context.master.find(f"{PML}txStyles/{PML}{style}/{DML}lvl{level + 1}pPr"))
    found = first_set(levels, "sz", "")
    return found or None


def _placeholders(part):
    for shape in part.iter(PML + "sp"):
        ph = shape.find(f"{PML}nvSpPr/{PML}nvPr/{PML}ph")
        if ph is not None:
            yield ph, shape


def _layout_placeholder(layout, ph, kind: str):
    if kind in TITLE_TYPES:
        return next((s for p, s in _placeholders(layout) if p.get("type") in TITLE_TYPES), None)
    idx = ph.get("idx")
    same = [s for p, s in _placeholders(layout) if idx is not None and p.get("idx") == idx]
    same += [s for p, s in _placeholders(layout) if p.get("type", "obj") == kind]
    return same[0] if same else None


def _master_placeholder(context: Inherited, kind: str):
    if kind in TITLE_TYPES:
        chain = context.chain(kind)
        return chain[-1] if chain else None
    wanted = "body" if kind in BODY_TYPES else kind
    found = [s for p, s in _placeholders(context.master) if p.get("type", "obj") == wanted]
    return found[0] if found else None


def _style_finding(slide: WrittenSlide, place, what: str, value, inherited) -> Finding:
    number, shape, paragraph, runs = place
    said = where(number, shape, paragraph, runs)
    sets = {
        "size": f"sets its own size, {value}",
        "box-size": f"sets its own size in its list style, {value}",
        "font": f"names the theme's font '{value}' instead of the theme's reference",
        "color": f"fixes the colour {value} instead of the theme's colours",
        "alignment": f"is {value}",
        "weight": f"is {value}",
    }[what]
    gives = f" (the template gives {inherited})" if inherited else ""
    figures = {"property": what, "value": value, "inherited": inherited}
    return Finding(
        "style-overridden", f"{said} {sets}{gives}", number, slide.layout_name, shape,
        paragraph, runs, figures,
    )  # fmt: skip


def _pt_box(box) -> list[float | None]:
    return [None if value is None else round(value / EMU_PER_PT, 1) for value in box]


EDGES = ("x", "y", "width", "height")


def _off_box(shape, kind: str, context: Inherited, slide: WrittenSlide, name: str):
    own, inherited = own_box(shape), context.box(kind)
    if not moved(own, inherited):
        return []
    box, layout_box = _pt_box(own), _pt_box(inherited) if inherited else None
    differ = [
        (edge, mine, theirs)
        for edge, mine, theirs in zip(EDGES, box, layout_box or box, strict=True)
        if mine is not None and (theirs is None or abs(mine - theirs) > BOX_TOLERANCE / EMU_PER_PT)
    ]
    distance = max(
        (abs(mine - theirs) for _e, mine, theirs in differ if theirs is not None), default=0
    )
    figures = {
        "box": box,
        "layout_box": layout_box,
        "differs": [edge for edge, _mine, _theirs in differ] if inherited else [],
        "moved": round(distance, 1) if inherited else None,
    }
    said = f"{where(slide.number, name)}: the title has a box of its own"
    if inherited:
        said += ", off its layout's: " + ", ".join(
            f"{edge} {mine:g} pt (the layout's {_said(theirs)})" for edge, mine, theirs in differ
        )
    else:
        said += ", where neither its layout nor its master has a title box"
    return [
        Finding("title-off-box", said, slide.number, slide.layout_name, name, None, (), figures)
    ]


def _said(points: float | None) -> str:
    return "unset" if points is None else f"{points:g} pt"
