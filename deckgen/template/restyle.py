"""A template's own text colour that does not read, mended in its text styles.

Where the template's body or title colour reads below WCAG AA on what lies behind its
text (LibreOffice's Blue_Curve sets body text in #009BDD on white, 3.0:1), the design
sets that text in the nearest readable shade (``template/design.py``, said as a
``contrast`` warning). That shade is not one of the theme's slots, so each run would
have to fix it as RGB, and a paragraph a presenter adds, or a slide added by hand, would
come out in the unreadable colour again. Instead the shade goes where the colour was
said: in the list styles of the master's and the chosen layouts' placeholders of that
kind, and in the master's text style (``p:titleStyle``/``p:bodyStyle``), wherever they
give the old colour as a literal (``a:srgbClr``). Runs then inherit the readable colour
and write none. Colours the template gives as theme slots are left alone: Design ›
Colors owns them, and the runs say their shade as the slot with modifiers.
"""

from __future__ import annotations

from .. import oxml
from ..layout.design import Design
from ..layout.frames import SlideLayout
from . import look

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_TITLE_TYPES = ("title", "ctrTitle")
_BODY_TYPES = ("body", "obj", "subTitle")
_COLOR = f"{_A}defRPr/{_A}solidFill/{_A}srgbClr"


def restyle_unreadable_text(chosen, design: Design) -> None:
    """The template's body and title colours, where the design set them in another
    shade to read, replaced by it in the text styles of the chosen layouts (``chosen``:
    SlideLayout -> layouts.Choice) and their masters."""
    content = chosen[SlideLayout.CONTENT].layout
    theme = look.ThemeLook(content.slide_master)
    changes = {}
    for types, styles, looks, new in (
        (_BODY_TYPES, "bodyStyle", look.BODIES, design.palette.text),
        (_TITLE_TYPES, "titleStyle", look.TITLES, design.palette.title),
    ):
        found = look.placeholder(content, looks, theme)
        old = found.text.color if found is not None else None
        if old and new and old.upper() != new.upper():
            changes[(types, styles)] = (old.upper(), new.upper())
    if not changes:
        return
    layouts = list({id(choice.layout.part): choice.layout for choice in chosen.values()}.values())
    masters = {id(layout.slide_master.part): layout.slide_master for layout in layouts}
    for owner in [*masters.values(), *layouts]:
        for (types, styles), (old, new) in changes.items():
            _restyle(owner.element, types, styles, old, new)


def _restyle(tree, types: tuple[str, ...], styles: str, old: str, new: str) -> None:
    """In ``tree`` (a master's or layout's), ``old`` -> ``new`` wherever a placeholder
    of ``types`` or the master's ``styles`` text style gives ``old`` as a literal."""
    lists = [
        shape.find(f"{_P}txBody/{_A}lstStyle")
        for shape in tree.iter(f"{_P}sp")
        if (ph := shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")) is not None
        and ph.get("type", "obj") in types
    ]
    lists.append(tree.find(f"{_P}txStyles/{_P}{styles}"))
    for found in lists:
        for level in found if found is not None else ():
            color = level.find(_COLOR)
            if color is not None and len(color) == 0 and color.get("val", "").upper() == old:
                oxml.set_srgb_color(color, new)
