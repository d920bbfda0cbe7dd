"""Cleaning a template's package so a deck can be built on it, each repair said."""

from __future__ import annotations

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from .. import oxml
from ..errors import SourcePos, warning
from ..pptx_private import part_element

# PowerPoint's own default table style (Medium Style 2 - Accent 1)
_TABLE_STYLES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    b'def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>'
)


def clean(template, pos: SourcePos | None) -> None:
    """Remove sample slides, renumber duplicate shape ids, add a table-styles part."""
    shown = f"template {template.path.name}"
    prs = template.prs
    removed, listings = _remove_sample_slides(prs)
    if removed:
        also = f", and {listings} section or custom-show list(s) naming them" if listings else ""
        template.repairs.append(
            warning(f"{shown}: {removed} sample slide(s) removed{also}", pos, topic="template")
        )
    for part, count in _renumber_duplicate_ids(prs):
        template.repairs.append(
            warning(
                f"{shown}: {count} duplicate shape id(s) renumbered in {part}",
                pos,
                topic="template",
            )
        )
    from .promote import promote_prompt_styles

    promoted = promote_prompt_styles(prs)
    if promoted:
        template.repairs.append(
            warning(
                f"{shown}: the look of its prompt text made its placeholders' style in "
                f"{len(promoted)} master(s), so text typed into them matches",
                pos,
                topic="template",
            )
        )
    if _add_table_styles(prs):
        template.repairs.append(
            warning(f"{shown}: a table-styles part added", pos, topic="template")
        )


def _remove_sample_slides(prs) -> tuple[int, int]:
    """Drop every slide: the section and custom-show lists that name slides first (they
    would adopt new ones), then each slide's id and relationship, so neither its part
    nor its notes are saved."""
    listings = int(oxml.remove_custom_shows(prs))
    listings += oxml.remove_section_lists(prs)
    return oxml.remove_slides(prs), listings


def _renumber_duplicate_ids(prs):
    """Give each repeated p:cNvPr id in a master or layout a new, unused number."""
    parts = [master.part for master in prs.slide_masters]
    parts += [layout.part for master in prs.slide_masters for layout in master.slide_layouts]
    for part in parts:
        names = part_element(part).iter(qn("p:cNvPr"))
        seen: set[str] = set()
        duplicates = []
        for shape in names:
            if shape.get("id") in seen:
                duplicates.append(shape)
            seen.add(shape.get("id"))
        if duplicates:
            oxml.renumber_shape_ids(duplicates, max(int(i) for i in seen if i.isdigit()) + 1)
            yield str(part.partname), len(duplicates)


def _add_table_styles(prs) -> bool:
    if any(rel.reltype == RT.TABLE_STYLES for rel in prs.part.rels.values()):
        return False
    oxml.add_table_styles(prs, _TABLE_STYLES)
    return True
