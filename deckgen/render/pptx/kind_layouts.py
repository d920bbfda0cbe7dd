"""The default template's layouts for kinds of slide: a slide a person adds by hand in
PowerPoint, from the layout named for its kind, looks like deckgen's.

Each kind's layout is made from the master layout its slides use ("Title and Content",
"Title Only", "Section Header"; the title slide styles "Title Slide" itself), named for
the kind ("Divider", "Bullets", "Comparison", "Closing" …). Layouts of one colour (the
dividers, the closing slide) take the primary colour as their background and light
titles; the title slide and dividers put their title and subtitle where deckgen does, in
its sizes, left-aligned, never in capitals. A stock layout whose name a kind's layout
takes is removed, so no name appears twice.
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.parts.slide import SlideLayoutPart

from ...layout.frames import Deck, KindLayout, SlideLayout
from ...layout.geometry import EMU_PER_PT, Rect
from ...pptx_private import add_layout_id
from .ink import Ink
from .units import centipoints, emu

_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_SUBTITLES = (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY)
_BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)


def add_kind_layouts(prs, deck: Deck, ink: Ink, bases: dict[SlideLayout, str]) -> None:
    master = prs.slide_master
    names = {spec.name for spec in deck.layouts}
    for layout in list(master.slide_layouts):
        if layout.name in names and layout.name not in bases.values():
            _remove(master, layout)  # the stock "Comparison": ours takes its name
    by_name = {layout.name: layout for layout in master.slide_layouts}
    for spec in deck.layouts:
        base = by_name[bases[spec.base]]
        layout = base if spec.name == base.name else _clone(prs, base, spec.name)
        _style(layout, spec, deck, ink)
        if spec.base is SlideLayout.SECTION:  # the stock Section Header: ours too, no capitals
            _style(base, spec, deck, ink)


def _clone(prs, base, name: str):
    package = prs.part.package
    master = base.slide_master
    element = parse_xml(base.part.blob)
    element.find(qn("p:cSld")).set("name", name)
    partname = package.next_partname("/ppt/slideLayouts/slideLayout%d.xml")
    part = SlideLayoutPart(partname, CT.PML_SLIDE_LAYOUT, package, element)
    part.relate_to(master.part, RT.SLIDE_MASTER)
    rid = master.part.relate_to(part, RT.SLIDE_LAYOUT)
    layout_id = _next_layout_id(prs)
    entry = add_layout_id(master)
    entry.set("id", str(layout_id))
    entry.set(qn("r:id"), rid)
    return part.slide_layout


def _next_layout_id(prs) -> int:
    """One above every slide-master and slide-layout id (they share one range)."""
    ids = [int(e.get("id")) for e in prs.element.iter(qn("p:sldMasterId"))]
    for master in prs.slide_masters:
        ids += [int(e.get("id")) for e in master.element.iter(qn("p:sldLayoutId"))]
    return max(ids) + 1


def _remove(master, layout) -> None:
    for entry in list(master.element.iter(qn("p:sldLayoutId"))):
        rid = entry.get(qn("r:id"))
        if master.part.related_part(rid) is layout.part:
            entry.getparent().remove(entry)
            master.part.drop_rel(rid)


def _style(layout, spec: KindLayout, deck: Deck, ink: Ink) -> None:
    design, palette = deck.design, deck.design.palette
    ground = palette.primary if spec.staged else palette.background
    if spec.staged:
        layout.background.fill.solid()
        ink.paint(layout.background.fill.fore_color, ground)
    title_color = palette.on(ground) if spec.staged else palette.title
    grid, scale = design.grid, design.scale
    if spec.base is SlideLayout.TITLE:
        box = design.title_slide
        _place(layout, _TITLES, Rect(grid.margin, box.title_top, box.text_width, box.title_height))
        _set_text(layout, _TITLES, scale.hero, title_color, ink, bold=True)
        subtitle = Rect(grid.margin, box.subtitle_top, box.text_width, box.subtitle_height)
        _place(layout, _SUBTITLES, subtitle)
        _set_text(layout, _SUBTITLES, scale.subtitle, palette.muted, ink)
    elif spec.base is SlideLayout.SECTION:
        box = design.divider
        height = round(box.title_lines * scale.hero * design.spacing.title_pitch * EMU_PER_PT)
        title = Rect(grid.margin, box.title_top, grid.content_width, height)
        _place(layout, _TITLES, title)
        _set_text(layout, _TITLES, scale.hero, title_color, ink, bold=True)
        below = Rect(grid.margin, title.bottom + box.subtitle_gap, grid.content_width, height)
        _place(layout, _SUBTITLES, below)
        _set_text(layout, _SUBTITLES, scale.subtitle, title_color, ink)
    elif spec.base is SlideLayout.TWO_CONTENT:
        bodies = [p for p in layout.placeholders if p.placeholder_format.type in _BODIES]
        for ph, rect in zip(bodies, grid.columns, strict=False):
            ph.left, ph.top, ph.width, ph.height = (
                emu(v) for v in (rect.x, rect.y, rect.w, rect.h)
            )
    elif spec.staged:
        box = design.closing
        _place(
            layout, _TITLES, Rect(grid.margin, box.title_top, grid.content_width, box.title_height)
        )
        _set_text(layout, _TITLES, scale.closing, title_color, ink, bold=True)


def _placeholder(layout, types):
    return next((p for p in layout.placeholders if p.placeholder_format.type in types), None)


def _place(layout, types, rect: Rect) -> None:
    ph = _placeholder(layout, types)
    if ph is not None:
        ph.left, ph.top, ph.width, ph.height = emu(rect.x), emu(rect.y), emu(rect.w), emu(rect.h)


def _set_text(layout, types, size: float, color: str, ink: Ink, bold: bool = False) -> None:
    """The placeholder's first-level text: left-aligned, ``size``, ``color``, no capitals."""
    ph = _placeholder(layout, types)
    if ph is None:
        return
    body = ph.element.get_or_add_txBody()
    lst = body.find(qn("a:lstStyle"))
    if lst is None:
        lst = body.makeelement(qn("a:lstStyle"), {})
        body.find(qn("a:bodyPr")).addnext(lst)
    for child in list(lst):
        lst.remove(child)
    level = lst.makeelement(qn("a:lvl1pPr"), {"algn": "l", "marL": "0", "indent": "0"})
    level.append(level.makeelement(qn("a:buNone"), {}))
    run = level.makeelement(qn("a:defRPr"), {"sz": centipoints(size), "cap": "none"})
    run.set("b", "1" if bold else "0")
    fill = run.makeelement(qn("a:solidFill"), {})
    ink.put(fill, color)
    run.append(fill)
    level.append(run)
    lst.append(level)
    body_pr = body.find(qn("a:bodyPr"))
    for inset in ("lIns", "tIns", "rIns", "bIns"):
        body_pr.set(inset, "0")  # text on the grid line, as on generated slides
