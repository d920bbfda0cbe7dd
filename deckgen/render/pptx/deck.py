"""Deck frames → .pptx bytes, with python-pptx.

The walk is one exhaustive ``match`` on item kind; the other modules here each
draw one kind. No layout arithmetic lives here beyond unit conversion.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from ...layout.frames import (
    Deck,
    Picture,
    Placeholder,
    Shape,
    SlideFrame,
    SlideLayout,
    Table,
    TextBox,
)
from .image import add_picture
from .ink import Ink
from .kind_layouts import add_kind_layouts
from .maker import SlideMaker
from .package import count_notes_partnames
from .properties import finish_package
from .shape import add_shape
from .table import add_table
from .template import fit_notes_slide_image, prepare_template
from .text import add_text_box, fill_placeholder

# The default template's layout (by name) for each kind of slide layout.
_LAYOUT = {
    SlideLayout.TITLE: "Title Slide",
    SlideLayout.SECTION: "Section Header",
    SlideLayout.TITLE_ONLY: "Title Only",
    SlideLayout.CONTENT: "Title and Content",
}

# the placeholder types each kind of text takes, in order of preference
_PH_TYPES = {
    Placeholder.TITLE: (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE),
    Placeholder.SUBTITLE: (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT),
    Placeholder.BODY: (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT),
    Placeholder.FOOTER: (PP_PLACEHOLDER.FOOTER,),
    Placeholder.SLIDE_NUMBER: (PP_PLACEHOLDER.SLIDE_NUMBER,),
}


def render_pptx(
    deck: Deck, created: _dt.datetime, thumbnail: bytes | None = None, on=None
) -> bytes:
    """The deck as .pptx bytes, on python-pptx's default template made ours, or ``on`` an
    organisation's (an OnTemplate); ``thumbnail`` (JPEG) replaces the package's blank one."""
    ink = Ink.of(deck)
    if on is None:
        prs = Presentation()
        prs.slide_width, prs.slide_height = deck.width, deck.height
        prepare_template(prs, deck)
        add_kind_layouts(prs, deck, ink, _LAYOUT)
        layouts = {layout.name: layout for layout in prs.slide_layouts}

        def layout_for(frame: SlideFrame):
            return layouts.get(frame.layout_name) or layouts.get(_LAYOUT[frame.layout])
    else:
        prs = on.template.prs
        area = prs.slide_width * prs.slide_height
        fit_notes_slide_image(prs)

        def layout_for(frame: SlideFrame):
            return on.plan.for_frame(frame, area)

    count_notes_partnames(prs.part.package)
    maker = SlideMaker(prs)
    for frame in deck.slides:
        _render_slide(maker, layout_for(frame), frame, ink)
    _core_properties(prs, deck, created)
    finish_package(prs, deck, thumbnail)
    buf = io.BytesIO()
    prs.save(buf)
    return _normalise_zip(buf.getvalue(), created)


def _render_slide(maker: SlideMaker, layout, frame: SlideFrame, ink: Ink) -> None:
    slide = maker.add_slide(layout)
    if frame.background.upper() != ink.background:  # else the master's shows
        slide.background.fill.solid()
        ink.paint(slide.background.fill.fore_color, frame.background)
    placeholders = _placeholders(slide, layout, frame)
    filled = set()
    tree = slide.shapes._spTree
    for item in frame.items:
        match item:
            case TextBox(placeholder=kind) if kind is not None and kind in placeholders:
                shape = fill_placeholder(placeholders[kind], item, ink)
                filled.add(shape.shape_id)
            case TextBox():
                shape = add_text_box(slide.shapes, item, ink)
            case Table():
                shape = add_table(slide.shapes, item, ink)
            case Picture():
                shape = add_picture(slide.shapes, item)
            case Shape():
                shape = add_shape(slide.shapes, item, ink)
            case _:  # pragma: no cover - the frames are a closed set
                raise TypeError(f"unknown frame item {item!r}")
        # keep the frame's paint order: move each shape to the top as it is drawn
        tree.remove(shape._element)
        tree.append(shape._element)
    for ph in list(slide.placeholders):
        if ph.shape_id not in filled:  # no empty "Click to add text" boxes
            ph._element.getparent().remove(ph._element)
    maker.set_notes(slide, frame.notes)


# python-pptx does not copy these from the layout when it adds a slide
_NOT_CLONED = (Placeholder.FOOTER, Placeholder.SLIDE_NUMBER)


def _placeholders(slide, layout, frame: SlideFrame) -> dict:
    """The slide's placeholders by kind, with the layout's footer and slide-number ones
    added where the frame fills them (so Insert > Header & Footer manages them)."""
    wanted = {item.placeholder for item in frame.items if isinstance(item, TextBox)}
    for kind in _NOT_CLONED:
        source = next(
            (p for p in layout.placeholders if p.placeholder_format.type in _PH_TYPES[kind]),
            None,
        )
        if kind in wanted and source is not None:
            slide.shapes.clone_placeholder(source)
    placeholders: dict = {}
    free = list(slide.placeholders)
    for kind in sorted(wanted - {None}, key=list(Placeholder).index):
        for ph_type in _PH_TYPES[kind]:
            ph = next((p for p in free if p.placeholder_format.type == ph_type), None)
            if ph is not None:
                placeholders[kind] = ph
                free.remove(ph)
                break
    return placeholders


def _core_properties(prs, deck: Deck, created: _dt.datetime) -> None:
    core = prs.core_properties
    meta = deck.meta
    core.title = _clip(meta.title)
    core.subject = _clip(meta.subtitle or "")
    core.author = _clip(meta.author or "")
    core.keywords = _clip(", ".join(meta.keywords), ", ")
    core.language = meta.language
    core.last_modified_by = "deckgen"
    core.comments = "Made with deckgen from an outline."
    core.revision = 1
    core.created = created.replace(tzinfo=None)
    core.modified = created.replace(tzinfo=None)
    core.last_printed = created.replace(tzinfo=None)


CORE_PROPERTY_CHARS = 255  # what python-pptx and Office allow in a core property


def _clip(text: str, between: str = " ") -> str:
    """``text`` cut to fit a core property, after a whole word (or keyword), with '…'."""
    if len(text) <= CORE_PROPERTY_CHARS:
        return text
    cut = text[: CORE_PROPERTY_CHARS - 1]
    if between in cut:
        cut = cut[: cut.rindex(between)]
    return cut.rstrip(" ,;:") + "…"


def _normalise_zip(data: bytes, when: _dt.datetime) -> bytes:
    """Rewrite the package with fixed member timestamps so builds are reproducible."""
    stamp = max(when, _dt.datetime(1980, 1, 1, tzinfo=when.tzinfo)).timetuple()[:6]
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()
