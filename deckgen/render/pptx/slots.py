"""Which placeholder of a slide (or of a layout) takes which kind of text.

A kind of text (``Placeholder``) takes the first free placeholder, in the shape tree's
order, of the first of its types the slide has: titles a title, subtitles a subtitle,
else a body, bodies a body or content placeholder. Kinds are served in ``Placeholder``'s
order, so a subtitle takes a divider's first body and a second body the one after the
body's. A layout made for a kind of slide lists the kinds its slides fill
(``reserved``): every slide of it is matched as if it filled them all, so a slide
without a subtitle does not put its body where the layout has the subtitle.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...layout.frames import Placeholder
from .xmlns import PML

# the placeholder types (as the XML writes them) each kind of text takes, by preference
PH_XML = {
    Placeholder.TITLE: ("title", "ctrTitle"),
    Placeholder.SUBTITLE: ("subTitle", "body", "obj"),
    Placeholder.BODY: ("body", "obj"),
    Placeholder.SECOND_BODY: ("body", "obj"),
    Placeholder.FOOTER: ("ftr",),
    Placeholder.SLIDE_NUMBER: ("sldNum",),
}


def ph_of(element):
    """A shape element's ``p:ph`` (None: not a placeholder)."""
    return element.find(f"*/{PML}nvPr/{PML}ph")


def ph_type(element) -> str:
    """A placeholder element's type as its XML writes it ("obj" where it says none)."""
    return ph_of(element).get("type", "obj")


def placeholder_elements(tree) -> list:
    """The placeholders among the shape tree's children, in its order."""
    return [child for child in tree if ph_of(child) is not None]


def free_idx(trees, least: int) -> int:
    """The first idx from ``least`` no placeholder in ``trees`` (shape trees) has."""
    taken = {int(ph_of(e).get("idx", "0")) for tree in trees for e in placeholder_elements(tree)}
    return next(n for n in range(least, least + len(taken) + 1) if n not in taken)


def slots(tree, wanted: Iterable[Placeholder], reserved: Iterable[Placeholder] = ()) -> dict:
    """The placeholder elements of ``tree`` by the kind of text each takes, for the kinds
    ``wanted`` (matched as if the ``reserved`` ones were filled too)."""
    wanted = set(wanted)
    found: dict = {}
    free = [(element, ph_type(element)) for element in placeholder_elements(tree)]
    for kind in sorted(wanted | set(reserved), key=list(Placeholder).index):
        for xml_type in PH_XML[kind]:
            pair = next((pair for pair in free if pair[1] == xml_type), None)
            if pair is not None:
                free.remove(pair)
                if kind in wanted:
                    found[kind] = pair[0]
                break
    return found
