"""What a template must have before a deck can be built on it: at least one master, each
with a theme and at least one layout, a slide size PowerPoint accepts, and no more shapes
on a master or layout than :data:`MAX_TEMPLATE_SHAPES`."""

from __future__ import annotations

import re

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..errors import quoted
from ..layout.geometry import EMU_PER_INCH
from .zipped import Refusal

MIN_SLIDE_SIDE = EMU_PER_INCH  # PowerPoint's smallest slide side, in EMU
MAX_SLIDE_SIDE = 56 * EMU_PER_INCH  # its largest
MAX_TEMPLATE_SHAPES = 10_000  # shapes on one master or layout (groups' members counted)
_SHAPES = tuple(qn(f"p:{tag}") for tag in ("sp", "pic", "grpSp", "graphicFrame", "cxnSp"))
_FIX = "open it in PowerPoint and save it again as .pptx"


def check_structure(prs) -> None:
    """Refuse (zipped.Refusal) a template deckgen cannot build on."""
    _check_size(prs.part._element)
    masters = _listed(prs.part, "p:sldMasterIdLst", RT.SLIDE_MASTER, "slide master")
    if not masters:
        raise Refusal("it has no slide master", "save a presentation with at least one master")
    for master in masters:
        name = quoted(str(master.partname))
        if not any(rel.reltype == RT.THEME for rel in master.rels.values()):
            raise Refusal(f"the master {name} has no theme", _FIX)
        layouts = _listed(master, "p:sldLayoutIdLst", RT.SLIDE_LAYOUT, "layout")
        if not layouts:
            raise Refusal(f"the master {name} has no layouts", _FIX)
        for layout in layouts:
            if not any(rel.reltype == RT.SLIDE_MASTER for rel in layout.rels.values()):
                raise Refusal(f"the layout {quoted(str(layout.partname))} has no master", _FIX)
        for part in (master, *layouts):
            _check_shapes(part)


def _listed(part, listing: str, reltype: str, what: str) -> list:
    """The parts ``part``'s id list names, each checked to be related as ``reltype``."""
    found = []
    entries = part._element.find(qn(listing))
    for entry in entries if entries is not None else ():
        rel = part.rels.get(entry.get(qn("r:id")) or "")
        if rel is None or rel.is_external or rel.reltype != reltype:
            raise Refusal(
                f"{quoted(str(part.partname))} lists a {what} it does not relate to "
                f"({quoted(entry.get(qn('r:id')) or '')})",
                _FIX,
            )
        found.append(rel.target_part)
    return found


def _check_size(presentation) -> None:
    size = presentation.find(qn("p:sldSz"))
    if size is None:
        raise Refusal("it has no slide size (p:sldSz)", _FIX)
    for side in ("cx", "cy"):
        value = size.get(side) or ""
        if not re.fullmatch(r"[0-9]{1,12}", value):
            raise Refusal(f"its slide size has {side}={quoted(value)}, not a number", _FIX)
        if not MIN_SLIDE_SIDE <= int(value) <= MAX_SLIDE_SIDE:
            raise Refusal(
                f"its slide size has {side}={int(value):,} EMU, outside PowerPoint's "
                f"{MIN_SLIDE_SIDE:,} to {MAX_SLIDE_SIDE:,} (1 to 56 in)",
                "set a slide size PowerPoint accepts (Design › Slide Size)",
            )


def _check_shapes(part) -> None:
    count = sum(1 for _shape in part._element.iter(*_SHAPES))
    if count > MAX_TEMPLATE_SHAPES:
        raise Refusal(
            f"{quoted(str(part.partname))} has {count:,} shapes, over the limit of "
            f"{MAX_TEMPLATE_SHAPES:,}",
            "group or remove shapes, or use a picture of them instead",
        )
