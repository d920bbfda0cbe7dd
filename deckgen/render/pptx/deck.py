"""Deck frames → .pptx bytes, with python-pptx.

The walk is one exhaustive ``match`` on item kind; the other modules here each
draw one kind. No layout arithmetic lives here beyond unit conversion.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from pptx import Presentation

from ...layout.access import is_decorative
from ...layout.frames import (
    Chart,
    Deck,
    Picture,
    Placeholder,
    Shape,
    SlideFrame,
    SlideLayout,
    Table,
    TextBox,
)
from .chart import add_chart
from .header_footer import header_footer
from .ids import DeckIds
from .image import add_picture
from .inherit import Inheritance
from .ink import Ink
from .kind_layouts import add_kind_layouts
from .layout_fit import Carried, fit_kind_layouts, own_box
from .maker import SlideMaker
from .package import count_notes_partnames
from .properties import finish_package
from .shape import add_shape
from .slots import PH_XML, ph_type, placeholder_elements, slots
from .table import add_table
from .template import fit_notes_slide_image, prepare_template
from .text import add_text_box, fill_placeholder
from .theme_link import theme_hyperlink
from .writer import stamped_package
from .xmlns import mark_decorative

# The default template's layout (by name) for each kind of slide layout.
_LAYOUT = {
    SlideLayout.TITLE: "Title Slide",
    SlideLayout.SECTION: "Section Header",
    SlideLayout.TITLE_ONLY: "Title Only",
    SlideLayout.CONTENT: "Title and Content",
    SlideLayout.TWO_CONTENT: "Two Content",
}


def render_pptx(
    deck: Deck,
    created: _dt.datetime,
    thumbnail: bytes | Callable[[], bytes] | None = None,
    on=None,
) -> bytes:
    """The deck as .pptx bytes, on python-pptx's default template made ours, or ``on`` an
    organisation's (an OnTemplate); ``thumbnail`` (JPEG, or what returns it once the
    slides are written: it may be drawn meanwhile) replaces the package's blank one."""
    ink = Ink.of(deck)
    if on is None:
        prs = Presentation()
        prs.slide_width, prs.slide_height = deck.width, deck.height
        prepare_template(prs, deck)
        add_kind_layouts(prs, deck, ink, _LAYOUT)
        header_footer(prs, deck, ink.lang, own=True)
        layouts = {layout.name: layout for layout in prs.slide_layouts}
        carried = fit_kind_layouts(layouts, deck, ink)

        def layout_for(frame: SlideFrame):
            return layouts.get(frame.layout_name) or layouts.get(_LAYOUT[frame.layout])
    else:
        prs = on.template.prs
        area = prs.slide_width * prs.slide_height
        fit_notes_slide_image(prs)
        header_footer(prs, deck, ink.lang, own=False)
        theme_hyperlink(prs, deck.design.theme_slots)
        carried = {}

        def layout_for(frame: SlideFrame):
            return on.plan.for_frame(frame, area)

    count_notes_partnames(prs.part.package)
    maker = SlideMaker(prs)
    inheritance = Inheritance()
    tagger = DeckIds(prs.part.package)
    for frame in deck.slides:
        layout = layout_for(frame)
        placing = (layout, inheritance, carried.get(id(layout.part), Carried()), tagger)
        _render_slide(maker, placing, frame, ink, created)
    _core_properties(prs, deck, created)
    finish_package(prs, deck, thumbnail() if callable(thumbnail) else thumbnail)
    return stamped_package(prs, created)


def _render_slide(
    maker: SlideMaker, on: tuple, frame: SlideFrame, ink: Ink, created: _dt.datetime
) -> None:
    """``frame`` as a slide ``on`` its layout (with the Inheritance that says what the
    layout's placeholders give its text, and the kinds of text the layout places)."""
    layout, inheritance, carried, tagger = on
    wanted = {item.placeholder for item in frame.items if isinstance(item, TextBox)} - {None}
    chrome = tuple(kind for kind in _NOT_CLONED if kind in wanted)
    slide = maker.add_slide(layout, chrome, lambda new: _clone_chrome(new, layout, chrome))
    if frame.background.upper() != ink.background:  # else the master's shows
        slide.background.fill.solid()
        ink.paint(slide.background.fill.fore_color, frame.background)
    tree = slide.element.cSld.spTree
    placeholders = slots(tree, wanted, carried.kinds)
    ink = ink.on_part(slide.part)
    filled = set()
    shapes = slide.shapes
    for index, item in enumerate(frame.items):
        if item in carried.decorations:
            continue  # its layout draws it
        match item:
            case TextBox(placeholder=kind) if kind is not None and kind in placeholders:
                element = placeholders[kind]
                inherited = ink.inheriting(inheritance.of(element, layout))
                fill_placeholder(element, item, inherited, own_box(element, layout, item.rect))
                filled.add(element)
            case TextBox():
                element = add_text_box(shapes, item, ink)
            case Table():
                element = add_table(tree, item, ink)
            case Picture():
                element = add_picture(shapes, item, maker, ink)
            case Shape():
                element = add_shape(shapes, item, ink)
            case Chart():
                element = add_chart(shapes, item, ink, created)
            case _:  # pragma: no cover - the frames are a closed set
                raise TypeError(f"unknown frame item {item!r}")
        if is_decorative(item):
            mark_decorative(element)
        else:
            tagger.tag_shape(slide.part, element, frame, index, item)
        # keep the frame's paint order: move each shape to the top as it is drawn
        tree.remove(element)
        tree.append(element)
    for element in placeholder_elements(tree):
        if element not in filled:  # no empty "Click to add text" boxes
            tree.remove(element)
    tagger.tag_slide(slide, frame)
    maker.set_notes(slide, frame.presenter_prose, ink.lang)
    maker.finish(slide)


# python-pptx does not copy these from the layout when it adds a slide
_NOT_CLONED = (Placeholder.FOOTER, Placeholder.SLIDE_NUMBER)


def _clone_chrome(slide, layout, kinds) -> None:
    """The layout's footer and slide-number placeholders on the slide, where it fills
    them (so Insert > Header & Footer manages them)."""
    for kind in kinds:
        source = next((p for p in layout.placeholders if ph_type(p.element) in PH_XML[kind]), None)
        if source is not None:
            slide.shapes.clone_placeholder(source)


def _core_properties(prs, deck: Deck, created: _dt.datetime) -> None:
    core = prs.core_properties
    meta = deck.meta
    core.title = _clip(meta.title)
    core.subject = _clip(meta.subtitle or "")
    core.author = _clip(meta.author or "")
    core.keywords = _clip(", ".join(meta.keywords), ", ")
    core.language = meta.language
    core.last_modified_by = "deckgen"
    core.comments = meta.comments
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
