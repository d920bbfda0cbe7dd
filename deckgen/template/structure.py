"""What a template must have before a deck can be built on it: at least one master, each
with a theme and at least one layout, a slide size PowerPoint accepts, and no more shapes
on a master or layout than :data:`MAX_TEMPLATE_SHAPES`."""

from __future__ import annotations

import re

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..errors import quoted
from ..layout.geometry import EMU_PER_INCH
from ..pptx_private import package_relationships, part_element
from ..safexml import UnsafeXml, parse
from .zipped import PackageRefusal

MIN_SLIDE_SIDE = EMU_PER_INCH  # PowerPoint's smallest slide side, in EMU
MAX_SLIDE_SIDE = 56 * EMU_PER_INCH  # its largest
MAX_TEMPLATE_SHAPES = 10_000  # shapes on one master or layout (groups' members counted)
_SHAPES = tuple(qn(f"p:{tag}") for tag in ("sp", "pic", "grpSp", "graphicFrame", "cxnSp"))
_FIX = "open it in PowerPoint and save it again as .pptx"


def check_structure(prs) -> None:
    """Refuse (zipped.PackageRefusal) a template deckgen cannot build on."""
    package = prs.part.package
    _check_single(package_relationships(package), "the package")
    for part in package.iter_parts():
        _check_root(part)
        _check_single(part.rels, quoted(str(part.partname)), part is prs.part)
    _check_size(prs.element)
    masters = _listed(prs.part, "p:sldMasterIdLst", RT.SLIDE_MASTER, "slide master")
    if not masters:
        raise PackageRefusal(
            "it has no slide master", "save a presentation with at least one master"
        )
    for master in masters:
        name = quoted(str(master.partname))
        if not any(rel.reltype == RT.THEME for rel in master.rels.values()):
            raise PackageRefusal(f"the master {name} has no theme", _FIX)
        layouts = _listed(master, "p:sldLayoutIdLst", RT.SLIDE_LAYOUT, "layout")
        if not layouts:
            raise PackageRefusal(f"the master {name} has no layouts", _FIX)
        for layout in layouts:
            if not any(rel.reltype == RT.SLIDE_MASTER for rel in layout.rels.values()):
                raise PackageRefusal(
                    f"the layout {quoted(str(layout.partname))} has no master", _FIX
                )
        for part in (master, *layouts):
            _check_shapes(part)


def _listed(part, listing: str, reltype: str, what: str) -> list:
    """The parts ``part``'s id list names, each checked to be related as ``reltype``."""
    found = []
    entries = part_element(part).find(qn(listing))
    for entry in entries if entries is not None else ():
        rel = part.rels.get(entry.get(qn("r:id")) or "")
        if rel is None or rel.is_external or rel.reltype != reltype:
            raise PackageRefusal(
                f"{quoted(str(part.partname))} lists a {what} it does not relate to "
                f"({quoted(entry.get(qn('r:id')) or '')})",
                _FIX,
            )
        found.append(rel.target_part)
    return found


# the root element each kind of part python-pptx or deckgen reads must have, and what
# must lie under it
_ROOTS = {
    CT.PML_PRESENTATION_MAIN: ("p:presentation", "p:sldMasterIdLst"),
    CT.PML_SLIDE_MASTER: ("p:sldMaster", "p:cSld/p:spTree"),
    CT.PML_SLIDE_LAYOUT: ("p:sldLayout", "p:cSld/p:spTree"),
    CT.PML_NOTES_MASTER: ("p:notesMaster", "p:cSld/p:spTree"),
    CT.PML_HANDOUT_MASTER: ("p:handoutMaster", "p:cSld/p:spTree"),
}


# relationship types python-pptx and deckgen look up one of (a presentation has many masters)
_SINGLE = (
    RT.THEME,
    RT.SLIDE_MASTER,
    RT.NOTES_MASTER,
    RT.HANDOUT_MASTER,
    RT.TABLE_STYLES,
    RT.PRES_PROPS,
    RT.VIEW_PROPS,
    RT.CORE_PROPERTIES,
    RT.EXTENDED_PROPERTIES,
    RT.THUMBNAIL,
    RT.OFFICE_DOCUMENT,
    RT.NOTES_SLIDE,
)


def _check_single(rels, shown: str, presentation: bool = False) -> None:
    seen = set()
    for rel in rels.values():
        kind = rel.reltype
        if kind not in _SINGLE or (presentation and kind == RT.SLIDE_MASTER):
            continue
        if kind in seen:
            raise PackageRefusal(
                f"{shown} relates to more than one {kind.rsplit('/', 1)[-1]}", _FIX
            )
        seen.add(kind)


def _check_root(part) -> None:
    expected = _ROOTS.get(part.content_type)
    if part.content_type == CT.OFC_THEME:
        try:
            root = parse(part.blob)
        except UnsafeXml as exc:
            raise PackageRefusal(f"{quoted(str(part.partname))} is refused: {exc}", _FIX) from None
        if root.tag != qn("a:theme"):
            raise PackageRefusal(f"{quoted(str(part.partname))} is not a theme", _FIX)
        return
    if expected is None:
        return
    element = getattr(part, "_element", None)
    tag, inside = expected
    path = "/".join(qn(step) for step in inside.split("/"))
    if element is None or element.tag != qn(tag) or element.find(path) is None:
        raise PackageRefusal(
            f"{quoted(str(part.partname))} is not a {tag.split(':')[1]} part (or has no "
            f"{inside.rsplit('/', 1)[-1]})",
            _FIX,
        )


def _check_size(presentation) -> None:
    size = presentation.find(qn("p:sldSz"))
    if size is None:
        raise PackageRefusal("it has no slide size (p:sldSz)", _FIX)
    for side in ("cx", "cy"):
        value = size.get(side) or ""
        if not re.fullmatch(r"[0-9]{1,12}", value):
            raise PackageRefusal(f"its slide size has {side}={quoted(value)}, not a number", _FIX)
        if not MIN_SLIDE_SIDE <= int(value) <= MAX_SLIDE_SIDE:
            raise PackageRefusal(
                f"its slide size has {side}={int(value):,} EMU, outside PowerPoint's "
                f"{MIN_SLIDE_SIDE:,} to {MAX_SLIDE_SIDE:,} (1 to 56 in)",
                "set a slide size PowerPoint accepts (Design › Slide Size)",
            )


# what python-pptx parses of a master's or layout's shapes, and the values it accepts
_PH_TYPES = frozenset(
    [
        "title",
        "body",
        "ctrTitle",
        "subTitle",
        "dt",
        "sldNum",
        "ftr",
        "hdr",
        "obj",
        "chart",
        "tbl",
        "clipArt",
        "dgm",
        "media",
        "sldImg",
        "pic",
    ]
)
_CHECKED = {
    qn("p:ph"): {
        "type": _PH_TYPES.__contains__,
        "orient": ("horz", "vert").__contains__,
        "sz": ("full", "half", "quarter").__contains__,
        "idx": lambda value: bool(re.fullmatch(r"[0-9]{1,9}", value)),
    },
    qn("p:cNvPr"): {"id": lambda value: bool(re.fullmatch(r"[0-9]{1,9}", value))},
    qn("a:off"): {side: lambda value: bool(_COORDINATE.fullmatch(value)) for side in "xy"},
    qn("a:ext"): {side: lambda value: bool(_LENGTH.fullmatch(value)) for side in ("cx", "cy")},
}
_COORDINATE = re.compile(r"-?[0-9]{1,11}")
_LENGTH = re.compile(r"[0-9]{1,11}")


def _check_values(part) -> None:
    """Every value python-pptx parses in a master or layout, readable."""
    for element in part_element(part).iter(*_CHECKED):
        for name, good in _CHECKED[element.tag].items():
            value = element.get(name)
            if value is not None and not good(value):
                raise PackageRefusal(
                    f"{quoted(str(part.partname))} has {name}={quoted(value)} on a "
                    f"{element.tag.rsplit('}', 1)[-1]}, which PowerPoint does not write",
                    _FIX,
                )


def _check_shapes(part) -> None:
    _check_values(part)
    count = sum(1 for _shape in part_element(part).iter(*_SHAPES))
    if count > MAX_TEMPLATE_SHAPES:
        raise PackageRefusal(
            f"{quoted(str(part.partname))} has {count:,} shapes, over the limit of "
            f"{MAX_TEMPLATE_SHAPES:,}",
            "group or remove shapes, or use a picture of them instead",
        )
