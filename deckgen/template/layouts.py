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

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from pptx.enum.shapes import PP_PLACEHOLDER

from ..errors import Diagnostic, InputError, SourcePos, error, quoted, warning
from ..layout.colors import LARGE_RATIO, TEXT_RATIO
from ..layout.frames import SlideLayout
from ..layout.geometry import Rect
from . import backdrop, look
from .look import BODIES, SUBTITLES, TITLES, WORKABLE_BODY

SUBTITLE_BODY = 0.3  # a divider's text box under its title covers less than this share
SIDE_BY_SIDE = 0.8  # two columns' bodies: the shorter's height shared, the narrower's width

NAMES = {
    SlideLayout.TITLE: ("title slide",),
    SlideLayout.SECTION: ("section header", "section title", "section"),
    SlideLayout.TITLE_ONLY: ("title only",),
    SlideLayout.CONTENT: ("title and content", "title, content"),
    SlideLayout.TWO_CONTENT: ("two content", "title, 2 content", "title and 2 content"),
}
TYPES = {
    SlideLayout.TITLE: ("title",),
    SlideLayout.SECTION: ("secHead",),
    SlideLayout.TITLE_ONLY: ("titleOnly",),
    SlideLayout.CONTENT: ("obj", "tx"),
    SlideLayout.TWO_CONTENT: ("twoObj", "twoColTx"),
}
# a kind whose own layout is missing borrows one of these, in order
FALLBACKS = {
    SlideLayout.SECTION: (SlideLayout.TITLE_ONLY, SlideLayout.TITLE),
    SlideLayout.TITLE_ONLY: (SlideLayout.CONTENT,),
    SlideLayout.TITLE: (SlideLayout.TITLE_ONLY, SlideLayout.CONTENT),
    SlideLayout.CONTENT: (),
    SlideLayout.TWO_CONTENT: (SlideLayout.CONTENT,),
}


# kinds of slide with a title near the top and text below it
_LIKE_CONTENT = (SlideLayout.CONTENT, SlideLayout.TITLE_ONLY, SlideLayout.TWO_CONTENT)


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
    # content first: title-only slides (takeaways, comparisons) carry the same text, so
    # they keep to the content layout's master where it has one that fits
    for kind in (
        SlideLayout.CONTENT,
        SlideLayout.TITLE_ONLY,
        SlideLayout.TWO_CONTENT,
        SlideLayout.TITLE,
        SlideLayout.SECTION,
    ):
        fits = [(m, layout) for m, layout in candidates if _fits(kind, layout, area)]
        content = chosen.get(SlideLayout.CONTENT)
        prefer = content.master if content and kind in _LIKE_CONTENT[1:] else None
        choice = _pick(kind, fits, named.get(kind), prefer)
        if choice is not None:
            chosen[kind] = choice
    chosen = {kind: chosen[kind] for kind in SlideLayout if kind in chosen}
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
        if kind is SlideLayout.TWO_CONTENT:
            continue  # its slides set their columns one below the other, and say so
        problems.append(
            warning(
                f"the template has no layout for {kind.value} slides; using "
                f"{quoted(chosen[kind].name)} ({chosen[kind].by})",
                hint="add one to the template, or name one under template.layouts",
                topic="template",
            )
        )
    return {kind: chosen[kind] for kind in SlideLayout}, problems


def _pick(kind: SlideLayout, fits, wanted: str | None, prefer: int | None = None):
    stages = []
    if wanted is not None:
        stages.append(("the outline", lambda layout: layout.name.casefold() == wanted.casefold()))
    stages += [
        ("name", lambda layout: layout.name.casefold() in NAMES[kind]),
        ("type", lambda layout: (layout.element.get("type") or "") in TYPES[kind]),
        ("structure", lambda layout: True),
    ]
    for by, test in stages:
        matching = [(m, layout) for m, layout in fits if test(layout)]
        placed = [(m, layout) for m, layout in matching if well_placed(kind, layout)]
        ranked = sorted(
            placed or matching, key=lambda found: (found[0] != prefer, *_rank(kind, found[1]))
        )
        for m, layout in ranked:
            return Choice(layout, m, by)
    return None


CLUTTER_STEP = 0.1  # shares of cover closer than this count as equal (master order decides)


def _rank(kind: SlideLayout, layout) -> tuple[bool, bool, bool, float]:
    """Layouts whose body text and title read on what lies behind them first, then (for
    dividers) those without a body, then the quietest."""
    boxes = look.text_boxes(layout) or (None, None)
    body_unreadable = (
        kind in (SlideLayout.CONTENT, SlideLayout.TWO_CONTENT)
        and backdrop.text_contrast(layout, BODIES, boxes[1]) < TEXT_RATIO
    )
    title_unreadable = backdrop.text_contrast(layout, TITLES, boxes[0]) < LARGE_RATIO
    has_body = kind is SlideLayout.SECTION and any(
        ph.placeholder_format.type in BODIES for ph in look.placeholders(layout)
    )
    return body_unreadable, title_unreadable, has_body, _clutter(kind, layout)


def _clutter(kind: SlideLayout, layout) -> float:
    """How much of a content or title-only slide's body area the layout's own shapes and
    pictures cover: the quietest master serves text best (a title master's collage does
    not). Other kinds keep the template's order."""
    if kind not in _LIKE_CONTENT:
        return 0.0
    prs = layout.part.package.presentation_part.presentation
    width, height = prs.slide_width, prs.slide_height
    zone = look.TITLE_ZONE
    body = Rect(0, round(height * zone / 2), width, round(height * (1 - zone)))
    if backdrop.picture_background(layout):  # a photograph behind every word
        return round(1 / CLUTTER_STEP)
    shapes = backdrop.backdrops(layout, look.ThemeLook(layout.slide_master))
    return round(backdrop.covered(body, shapes) / CLUTTER_STEP)


def _fits(kind: SlideLayout, layout, area: int) -> bool:
    """Whether ``layout``'s placeholders can hold a ``kind`` slide: a title, and for
    content slides one body of workable size."""
    kinds = [ph.placeholder_format.type for ph in look.placeholders(layout)]
    if not any(k in TITLES for k in kinds):
        return False
    bodies = [ph for ph in look.placeholders(layout) if ph.placeholder_format.type in BODIES]
    if kind is SlideLayout.CONTENT:
        return len(bodies) == 1 and _area(bodies[0], layout) >= WORKABLE_BODY * area
    if kind is SlideLayout.TWO_CONTENT:
        return two_bodies(layout) is not None
    if kind is SlideLayout.TITLE:
        return any(k in SUBTITLES for k in kinds)
    if kind is SlideLayout.TITLE_ONLY:
        return not bodies and PP_PLACEHOLDER.SUBTITLE not in kinds
    # a section divider: a title and perhaps a line below it, not a content slide's body
    return not bodies or (len(bodies) == 1 and _area(bodies[0], layout) < SUBTITLE_BODY * area)


def two_bodies(layout) -> tuple[Rect, Rect] | None:
    """A two-content layout's bodies, left first: exactly two, side by side (apart across,
    level for most of their height), alike in width, each of half a workable body at
    least; else None (a picture-with-caption layout's narrow text beside its picture)."""
    bodies = [ph for ph in look.placeholders(layout) if ph.placeholder_format.type in BODIES]
    if len(bodies) != 2:
        return None
    rects = [look.shape_rect(ph) for ph in bodies]
    if any(rect is None for rect in rects):
        return None
    left, right = sorted(rects, key=lambda rect: rect.x)
    prs = layout.part.package.presentation_part.presentation
    least = WORKABLE_BODY * prs.slide_width * prs.slide_height / 2
    level = min(left.bottom, right.bottom) - max(left.y, right.y)
    alike = min(left.w, right.w) >= SIDE_BY_SIDE * max(left.w, right.w)
    if left.right > right.x or level < SIDE_BY_SIDE * min(left.h, right.h) or not alike:
        return None
    return (left, right) if min(r.w * r.h for r in rects) >= least else None


def well_placed(kind: SlideLayout, layout) -> bool:
    """Whether a fitting layout (or its master) also places its title where deckgen's
    slides have it: content and title-only slides' titles near the top, above the body.
    (Slides write their own positions, so a layout that fits but is placed otherwise
    still serves; it is only less preferred.)"""
    return kind not in _LIKE_CONTENT or bool(look.text_boxes(layout))


def _area(body, layout) -> int:
    """A body placeholder's area: its own box, else the master's body's it inherits."""
    rect = look.shape_rect(body) or look.master_rect(layout.slide_master, (PP_PLACEHOLDER.BODY,))
    return max(rect.w, 0) * max(rect.h, 0) if rect is not None else 0


_NEEDS = {
    SlideLayout.TITLE: "a title and a subtitle placeholder",
    SlideLayout.SECTION: "a title placeholder and at most a small text placeholder",
    SlideLayout.TITLE_ONLY: "a title placeholder and no body",
    SlideLayout.CONTENT: "a title placeholder and one body placeholder of workable size",
    SlideLayout.TWO_CONTENT: "a title placeholder and two body placeholders side by side",
}


def _slide_layout_of(kind: str) -> SlideLayout:
    """The master layout slides of ``kind`` (a ``template.layouts`` key) ask for."""
    from ..kinds import kind_named

    found = kind_named(kind)
    return SlideLayout.SECTION if found is None else found.slide_layout


# the kind of slide an outline's ``template.layouts`` key names, as frames say it
DIVIDER, SECTION_SOURCE = "divider", "section"


@dataclass(frozen=True)
class LayoutPlan:
    """The layout each slide is built on: the outline's choice for its kind where it
    fits the slide, else the one chosen for its kind of layout."""

    chosen: dict[SlideLayout, Choice]
    named: dict[str, object]  # kind name -> pptx SlideLayout the outline names for it

    def for_frame(self, frame, area: int):
        """The pptx layout ``frame`` (a SlideFrame) is built on."""
        kind = frame.source.kind if frame.source is not None else None
        key = DIVIDER if kind == SECTION_SOURCE else kind
        wanted = self.named.get(key) if key else None
        if wanted is not None and _fits(frame.layout, wanted, area):
            return wanted
        return self.chosen[frame.layout].layout


def plan_layouts(
    prs, named: Mapping[str, str], pos: SourcePos | None, name_pos: Mapping | None = None
) -> tuple[LayoutPlan, list[Diagnostic]]:
    """The layouts to build on, and what to warn about; layouts the outline names that the
    template does not have are an error, all of them at once, each at its own place
    (``name_pos``, by kind; else ``pos``) with the likeliest of the template's names."""
    chosen, problems = choose_layouts(prs)
    by_name = {
        layout.name.casefold(): layout
        for master in prs.slide_masters
        for layout in master.slide_layouts
    }
    unknown = [
        _unknown_layout(kind, name, by_name, (name_pos or {}).get(kind, pos))
        for kind, name in named.items()
        if name.casefold() not in by_name
    ]
    if unknown:
        count = "a layout" if len(unknown) == 1 else f"{len(unknown)} layouts"
        raise InputError(f"the template lacks {count} the outline names", unknown)
    area = prs.slide_width * prs.slide_height
    resolved = {}
    for kind, name in named.items():
        layout = by_name[name.casefold()]
        needs = _slide_layout_of(kind)
        if not _fits(needs, layout, area):
            problems.append(
                warning(
                    f"the layout {quoted(name)} named for {kind} slides cannot hold them "
                    f"(they need {_NEEDS[needs]}): not used",
                    pos,
                    f"name a layout with {_NEEDS[needs]}",
                    topic="template",
                )
            )
            continue
        resolved[kind] = layout
    return LayoutPlan(chosen, resolved), problems


def _unknown_layout(kind: str, name: str, by_name: Mapping, pos) -> Diagnostic:
    """A layout name the template lacks: did you mean the closest of its names?"""
    names = {layout.name.casefold(): layout.name for layout in by_name.values()}
    close = difflib.get_close_matches(name.casefold(), list(names), n=1, cutoff=0.5)
    have = ", ".join(quoted(n) for n in sorted(names.values(), key=str.casefold))
    hint = f"did you mean {quoted(names[close[0]])}? " if close else ""
    return error(
        f"the template has no layout {quoted(name)} (named for {kind} slides)",
        pos,
        f"{hint}its layouts are: {have}",
    )
