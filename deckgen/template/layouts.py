"""Choosing a template's layout for each kind of slide deckgen makes.

Layout names and types mislead in real templates ("Title Slide" typed ``tx``, "Title,
6 Content" typed ``blank``), there may be no Section Header at all, and a template has
many masters. So, across every master's layouts, each kind of slide takes the first
layout that: the outline names for it; else is called by a name PowerPoint or
LibreOffice use; else has the matching type; else merely has the right structure. A
layout whose structure does not fit the kind (a title, and for content slides a body
of workable size) is never chosen, whatever its name or type. Each choice says how it
was made; a kind with no fitting layout falls back to the blank-est one, with a warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pptx.enum.shapes import PP_PLACEHOLDER

from ..errors import Diagnostic, warning
from ..layout.frames import SlideLayout

_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
_BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
_SUBTITLES = (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
WORKABLE_BODY = 0.15  # a content slide's body covers at least this share of the slide

NAMES = {
    SlideLayout.TITLE: ("title slide",),
    SlideLayout.SECTION: ("section header", "section title", "section"),
    SlideLayout.TITLE_ONLY: ("title only",),
    SlideLayout.CONTENT: ("title and content", "title, content"),
}
TYPES = {
    SlideLayout.TITLE: ("title",),
    SlideLayout.SECTION: ("secHead",),
    SlideLayout.TITLE_ONLY: ("titleOnly",),
    SlideLayout.CONTENT: ("obj", "tx"),
}
# a kind whose own layout is missing borrows one of these, in order
FALLBACKS = {
    SlideLayout.SECTION: (SlideLayout.TITLE_ONLY, SlideLayout.TITLE),
    SlideLayout.TITLE_ONLY: (SlideLayout.CONTENT,),
    SlideLayout.TITLE: (SlideLayout.TITLE_ONLY, SlideLayout.CONTENT),
    SlideLayout.CONTENT: (),
}


@dataclass(frozen=True)
class Choice:
    layout: object  # pptx SlideLayout
    master: int  # 1-based
    by: str  # "the outline", "name", "type", "structure", "borrowed from …"

    @property
    def name(self) -> str:
        return self.layout.name


def choose_layouts(
    prs, named: Mapping[str, str] | None = None
) -> tuple[dict[SlideLayout, Choice], list[Diagnostic]]:
    """A layout for each kind of slide, and warnings for kinds that had to borrow one."""
    named = {SlideLayout(kind): name for kind, name in (named or {}).items()}
    candidates = [
        (m, layout)
        for m, master in enumerate(prs.slide_masters, 1)
        for layout in master.slide_layouts
    ]
    area = prs.slide_width * prs.slide_height
    chosen: dict[SlideLayout, Choice] = {}
    for kind in SlideLayout:
        fits = [(m, layout) for m, layout in candidates if _fits(kind, layout, area)]
        choice = _pick(kind, fits, named.get(kind))
        if choice is not None:
            chosen[kind] = choice
    problems: list[Diagnostic] = []
    for kind in SlideLayout:
        if kind in chosen:
            continue
        lender = next((other for other in FALLBACKS[kind] if other in chosen), None)
        if lender is None:
            master, layout = candidates[0]
            chosen[kind] = Choice(layout, master, "no layout fits: the first one")
        else:
            lent = chosen[lender]
            chosen[kind] = Choice(lent.layout, lent.master, f"borrowed from {lender.value}")
        problems.append(
            warning(
                f"the template has no layout for {kind.value} slides; using "
                f"'{chosen[kind].name}' ({chosen[kind].by})",
                hint="add one to the template, or name one under template.layouts",
            )
        )
    return chosen, problems


def _pick(kind: SlideLayout, fits, wanted: str | None) -> Choice | None:
    stages = []
    if wanted is not None:
        stages.append(("the outline", lambda layout: layout.name.casefold() == wanted.casefold()))
    stages += [
        ("name", lambda layout: layout.name.casefold() in NAMES[kind]),
        ("type", lambda layout: (layout._element.get("type") or "") in TYPES[kind]),
        ("structure", lambda layout: True),
    ]
    for by, test in stages:
        for m, layout in fits:
            if test(layout):
                return Choice(layout, m, by)
    return None


def _fits(kind: SlideLayout, layout, area: int) -> bool:
    """Whether ``layout``'s placeholders can hold a ``kind`` slide."""
    kinds = [ph.placeholder_format.type for ph in layout.placeholders]
    has_title = any(k in _TITLES for k in kinds)
    if not has_title:
        return False
    bodies = [ph for ph in layout.placeholders if ph.placeholder_format.type in _BODIES]
    if kind is SlideLayout.CONTENT:
        return len(bodies) == 1 and _area(bodies[0]) >= WORKABLE_BODY * area
    if kind is SlideLayout.TITLE:
        return any(k in _SUBTITLES for k in kinds)
    if kind is SlideLayout.TITLE_ONLY:
        return not bodies and PP_PLACEHOLDER.SUBTITLE not in kinds
    return len(bodies) <= 1  # a section divider: a title, and perhaps a line below it


def _area(placeholder) -> int:
    width, height = placeholder.width, placeholder.height
    return (width or 0) * (height or 0)
