"""The design record filled from an organisation's template.

deckgen's own design, scaled to the template's slide size, then: the grid (margins,
title and body boxes) from the content layout's placeholders, the footer and slide-number
boxes from its footer and number placeholders, titles and text in the sizes, colours and
fonts the template sets for them, its theme's colour slots, the background its layouts
show; deckgen's full-bleed colour slides and accent rule step aside for the template's look.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import Diagnostic, quoted, warning
from ..layout.colors import LARGE_RATIO, TEXT_RATIO, contrast, hex6, mix, readable
from ..layout.design import (
    Chrome,
    Design,
    Grid,
    TemplateLayout,
    default_design,
)
from ..layout.frames import Align, SlideLayout
from ..layout.geometry import Rect
from ..layout.scaling import scaled
from . import backdrop, look
from .lists import ListLevel, list_levels
from .scenery import largest, placeholder_grounds, scenery

DEFAULT_WIDTH, DEFAULT_HEIGHT = Grid().width, Grid().height
MIN_FACTOR = 0.25  # slides at least a quarter of deckgen's own each way (3.33 × 1.88 in)
SURFACE_TINT = 0.06  # panels and banded rows, when the theme's lt2 does not suit
BODY_KEPT = 0.75  # a template's footer may not rise into the body's top three quarters
COLUMNS_COVER = 0.75  # a two-content layout's bodies cover this much of the body at least
ACCENTS = 6  # a theme's accent slots


def scale_factor(prs) -> float:
    """How much smaller or larger than deckgen's own the template's slides are."""
    return min(prs.slide_width / DEFAULT_WIDTH, prs.slide_height / DEFAULT_HEIGHT)


def design_on(prs, choices, talk) -> tuple[Design, list[Diagnostic]]:
    """The design for ``talk`` built on the template ``prs`` with its chosen layouts."""
    factor = scale_factor(prs)
    content = choices[SlideLayout.CONTENT].layout
    theme = look.ThemeLook(content.slide_master)
    design = _concepts_in_accents(scaled(default_design(talk), factor), talk, theme)
    title = look.placeholder(content, look.TITLES, theme)
    body = look.placeholder(content, look.BODIES, theme)
    grid, chrome = _frame(design, prs, content, theme)
    grid = replace(grid, two_content=_two_content(choices[SlideLayout.TWO_CONTENT], grid))
    palette, problems = _colors(design, content, theme, (title, body), chrome)
    scenery_of, backdrops, more = _behind(choices)
    levels = list_levels(content)
    problems = list(dict.fromkeys(problems + more))  # a layout used twice warns once
    written = (
        theme_reference((title.text.written if title else None) or "+mj-lt", theme),
        theme_reference((body.text.written if body else None) or "+mn-lt", theme),
    )
    family = (body.text.family if body else None) or theme.family("+mn-lt") or design.font
    return (
        replace(
            design,
            font=family,
            heading_font=(title.text.family if title else None) or theme.family("+mj-lt"),
            # OOXML's titles are regular unless their style says bold
            title_bold=bool(title.text.bold) if title is not None else design.title_bold,
            title_align=aligned(title.text.align) if title is not None else design.title_align,
            palette=palette,
            grid=grid,
            scale=_chrome_sizes(_scale(design, title, body, levels[1]), content, theme),
            bullets=_bullets(design, *levels),
            chrome=chrome,
            theme_slots=tuple(theme.slots.items()),
            fonts_written=written,
            plain=True,
            layouts={
                kind.value: found
                for kind in (SlideLayout.TITLE, SlideLayout.SECTION)
                if (found := _layout_boxes(choices[kind].layout, palette, chrome, problems))
                is not None
            },
            scenery=scenery_of,
            slide_colors={
                kind.value: look.background(
                    choice.layout, look.ThemeLook(choice.layout.slide_master)
                )
                for kind, choice in choices.items()
            },
            backdrops=backdrops,
            placeholder_grounds={
                kind.value: placeholder_grounds(
                    choice.layout, look.ThemeLook(choice.layout.slide_master)
                )
                for kind, choice in choices.items()
            },
        ),
        problems,
    )


def _two_content(choice, grid: Grid) -> tuple[Rect, ...] | None:
    """The two-content layout's bodies, left first, ending where the content layout's body
    does (above the footer); () where the template has none; None (the body box split,
    as on deckgen's own template) where they cover much less than the body does, as an
    exported layout's leftover boxes can: the columns would run to many more slides."""
    from .layouts import two_bodies

    if choice.by.startswith(("borrowed", "no layout")):
        return ()
    bodies = [
        Rect(body.x, body.y, body.w, min(body.bottom, grid.body_bottom) - body.y)
        for body in two_bodies(choice.layout) or ()
    ]
    if not bodies:
        return ()
    body = grid.body_box
    span = (bodies[1].right - bodies[0].x) * min(rect.h for rect in bodies)
    return tuple(bodies) if span >= COLUMNS_COVER * body.w * body.h else None


def _concepts_in_accents(design: Design, talk, theme) -> Design:
    """Concepts whose colour the outline leaves out take the template's accent slots in
    their order (accent1, accent2, … , then again from accent1), so the deck writes them
    as the theme's slots; a colour the outline sets stays."""
    palette = design.palette
    concepts = dict(palette.concepts)
    for index, (key, concept) in enumerate(talk.concepts.items()):
        accent = theme.slots.get(f"accent{index % ACCENTS + 1}")
        if concept.color is None and accent is not None:
            concepts[key] = (concepts[key][0], accent)
    fixed = tuple(hex6(c.color) for c in talk.concepts.values() if c.color is not None)
    return replace(design, palette=replace(palette, concepts=concepts), fixed_colors=fixed)


def aligned(written: str | None) -> Align:
    """A paragraph alignment as DrawingML writes it, as layout's (OOXML's default left;
    justified and distributed text is set left)."""
    return {"ctr": Align.CENTER, "r": Align.RIGHT}.get(written or "l", Align.LEFT)


def theme_reference(font: str, theme) -> str:
    """``font`` as a run should name it: the theme's reference where it is the theme's
    major or minor font (so Design > Fonts changes it), else the family itself."""
    for reference in ("+mj-lt", "+mn-lt"):
        if font == reference or font == theme.family(reference):
            return reference
    return font


def _colors(design: Design, content, theme, looks, chrome: Chrome):
    """The palette on the template: its text, title and footer colours, each made
    readable on what lies behind it where it is not (and said)."""
    title, body = looks
    # text stands on what lies behind the body (a panel of the template's, or its
    # background): tints and the contrast check start from there
    boxes = look.text_boxes(content) or (title.rect if title else None, None)
    behind_body = boxes[1] or (body.rect if body else None)
    background = (
        backdrop.behind(content, theme, behind_body)
        if behind_body is not None
        else look.background(content, theme)
    )
    palette = _palette(design, theme, title, body, background)
    problems: list[Diagnostic] = []
    # text stands on the background and on deckgen's panels (surface, concept tints)
    grounds = [background, palette.surface]
    grounds += [palette.tint(color, palette.panel_tint) for color in palette.accents]
    worst = min(grounds, key=lambda ground: contrast(palette.text, ground))
    text = legible("text", palette.text, worst, False, problems)
    heading = palette.title
    if boxes[0] is not None:
        behind_title = backdrop.behind(content, theme, boxes[0])
        heading = legible("title", heading, behind_title, True, problems)
    footer = look.placeholder(content, look.FOOTERS, theme)
    footer_color = number_color = None
    if footer is not None and footer.text.color and chrome.footer is not None:
        behind = backdrop.behind(content, theme, chrome.footer)
        footer_color = legible("footer", footer.text.color, behind, False, problems)
        if chrome.number is not None:  # where the slide number stands, in the same colour
            behind = backdrop.behind(content, theme, chrome.number)
            number_color = legible("slide number", footer.text.color, behind, False, problems)
    return (
        replace(palette, text=text, heading=heading, footer=footer_color, number=number_color),
        problems,
    )


def legible(what: str, color: str, behind: str, large: bool, problems: list) -> str:
    """``color``, or the nearest shade of it that reads on ``behind`` (WCAG AA: 4.5:1,
    3:1 for large text), with a warning saying which of the template's colours changed."""
    need = LARGE_RATIO if large else TEXT_RATIO
    ratio = contrast(color, behind)
    if ratio >= need:
        return color
    better = readable(color, behind, large)
    problems.append(
        warning(
            f"the template's {what} colour #{color} reads at {ratio:.1f}:1 on #{behind}: "
            f"set in #{better} instead",
            hint="give the template readable colours to keep its own",
            topic="contrast",
        )
    )
    return better


def _frame(design: Design, prs, content, theme) -> tuple[Grid, Chrome]:
    """The grid and the footer's boxes, from the content layout where it places them."""
    grid = replace(design.grid, width=prs.slide_width, height=prs.slide_height)
    boxes = look.text_boxes(content)  # None: deckgen's own grid, scaled, serves
    if boxes is not None and boxes[1] is not None:
        grid = _grid(grid, *boxes)
    chrome = _chrome(design, grid, content, theme)
    footer_top = replace(design, grid=grid, chrome=chrome).footer_top
    bottom = min(grid.body_bottom, footer_top - chrome.gap)
    return replace(grid, body_bottom=bottom), chrome


def _behind(choices) -> tuple[dict, dict, list[Diagnostic]]:
    """What each chosen layout draws behind slides (for the PDFs) and its filled boxes
    with their colours (for the contrast check), and one warning for what the PDFs leave
    out."""
    scenes, backdrops = {}, {}
    for kind, choice in choices.items():
        theme = look.ThemeLook(choice.layout.slide_master)
        scenes[kind.value] = scenery(choice.layout, theme)
        behind = backdrop.backdrops(choice.layout, theme)
        backdrops[kind.value] = tuple(largest(behind, lambda found: found[0]))
    skipped = sorted(set().union(*(scene.skipped for scene in scenes.values())))
    problems = []
    if skipped:
        problems.append(
            warning(
                "the handout's and slides PDF's pictures of the slides leave out what the "
                f"template draws as {', '.join(skipped)}",
                hint="the deck itself shows all of it",
                topic="template",
            )
        )
    return {key: tuple(scene.items) for key, scene in scenes.items()}, backdrops, problems


def _grid(grid: Grid, title, body) -> Grid:
    """Margins from the title's box, the title's and body's boxes from the layout (kept on
    the slide: a template's box may reach past its edge)."""
    left = max(min(title.x, body.x), 0)
    right = min(max(title.x + title.w, body.x + body.w), grid.width)
    top = max(title.y, 0)
    across = max(title.x, 0), min(title.x + title.w, grid.width)
    return replace(
        grid,
        margin=left,
        right_margin=grid.width - right,
        # titles keep the template's box, where it is narrower than the body's
        title_span=(across[0], across[1] - across[0]) if across != (left, right) else None,
        title_top=top,
        title_height=title.y + title.h - top,
        body_top=max(body.y, title.y + title.h),
        body_bottom=body.y + body.h,
    )


def _palette(design: Design, theme: look.ThemeLook, title, body, background: str):
    palette = design.palette
    text = (body.text.color if body else None) or theme.slots.get("dk1") or palette.text
    heading = (title.text.color if title else None) or theme.slots.get("dk2") or text
    surface = theme.slots.get("lt2") or palette.surface
    if contrast(text, surface) < TEXT_RATIO:
        surface = mix(text, background, SURFACE_TINT)
    accent = theme.slots.get("accent1") or palette.primary
    return replace(
        palette,
        text=text,
        heading=heading,
        background=background,
        surface=surface,
        primary=palette.readable(accent, background),
        muted=palette.readable(mix(text, background, 0.7), background),
        link=palette.readable(theme.slots.get("hlink") or palette.link, background),
    )


def _scale(design: Design, title, body, second: ListLevel):
    """The template's title and text sizes (sub-points in its list style's second level's),
    never below deckgen's readable floors."""
    scale = design.scale
    changes = {}
    if title is not None and title.text.size:
        changes["title"] = max(title.text.size, scale.title_floor)
    if body is not None and body.text.size:
        size = max(body.text.size, scale.floor)
        changes["body"] = size
        changes["sub_body"] = max(min(second.size or scale.sub_body, size), scale.floor)
        changes["level3"] = max(min(scale.level3, size), scale.floor)
    # issue 23 item 4: no step larger than the template's own sizes; sparse slides
    # use the room by spacing and width alone
    changes.update(code_lead=scale.code, table_lead=scale.table, listing_lead=scale.listing)
    changes["lead"] = changes.get("body", scale.body)
    return replace(scale, **changes)


def _chrome_sizes(scale, content, theme):
    """The footer and slide number in the sizes the template's placeholders give them
    (a footer too long for its line is set smaller, when laid out)."""
    footer = look.placeholder(content, look.FOOTERS, theme)
    number = look.placeholder(content, look.NUMBERS, theme)
    footer_size = footer.text.size if footer is not None else None
    number_size = number.text.size if number is not None else None
    return replace(
        scale,
        chrome=footer_size or scale.chrome,
        chrome_number=number_size if number_size != (footer_size or scale.chrome) else None,
        chrome_floor=min(footer_size or scale.chrome, number_size or scale.chrome, scale.chrome),
    )


def _bullets(design: Design, first: ListLevel, second: ListLevel):
    """Points and sub-points indented as the template's list style's first two levels."""
    bullets, changes = design.bullets, {}
    if first.hanging is not None:
        changes["indent"] = first.hanging
        changes["margin"] = max(first.margin or 0, first.hanging)
    if second.margin is not None and second.hanging is not None:
        changes["sub_indent"] = max(second.margin, second.hanging)
        changes["sub_hanging"] = second.hanging
    return replace(bullets, **changes)


def _layout_boxes(layout, palette, chrome: Chrome, problems: list) -> TemplateLayout | None:
    """The title and subtitle boxes of a title or section layout, and their colours
    (made readable on what lies behind them)."""
    theme = look.ThemeLook(layout.slide_master)
    title = look.placeholder(layout, look.TITLES, theme)
    if title is None:
        return None
    subtitle = look.placeholder(layout, look.SUBTITLES, theme)
    title_color = title.text.color or palette.title
    title_color = legible(
        f"{quoted(layout.name)} title",
        title_color,
        backdrop.behind(layout, theme, title.rect),
        True,
        problems,
    )
    subtitle_color = None
    if subtitle is not None:
        subtitle_color = legible(
            f"{quoted(layout.name)} subtitle",
            subtitle.text.color or palette.text,
            backdrop.behind(layout, theme, subtitle.rect),
            False,
            problems,
        )
    # the footer and number on this layout's own look (a title master's picture, say)
    footer = chrome.footer or Rect(0, chrome.top, chrome.number_width, chrome.height)
    chrome_color = readable(palette.footer or palette.muted, backdrop.behind(layout, theme, footer))
    number = chrome.number or Rect(footer.right, chrome.top, chrome.number_width, chrome.height)
    number_color = readable(
        palette.number or palette.footer or palette.muted, backdrop.behind(layout, theme, number)
    )
    return TemplateLayout(
        title=title.rect,
        title_color=title_color,
        chrome_color=chrome_color,
        number_color=number_color,
        title_size=title.text.size,
        title_bold=bool(title.text.bold),  # OOXML's titles are regular unless said
        title_align=aligned(title.text.align),
        subtitle=subtitle.rect if subtitle is not None else None,
        subtitle_color=subtitle_color,
        subtitle_size=subtitle.text.size if subtitle is not None else None,
    )


def _chrome(design: Design, grid: Grid, content, theme):
    """The template's footer and slide-number boxes, each where it does not cut into the
    body (over a quarter of it), else deckgen's own along the bottom; no number of ours
    where the template's master prints one itself."""
    # deckgen's own chrome keeps its distance from the bottom on a taller slide (4:3)
    rise = (DEFAULT_HEIGHT - Chrome().top) * grid.width // DEFAULT_WIDTH
    own = replace(design.chrome, top=grid.height - rise)
    limit = grid.body_top + BODY_KEPT * (grid.body_bottom - grid.body_top)

    def kept(types):
        box = _rect_of(content, types, theme)
        return box if box is not None and box.y >= limit else None

    return replace(
        own,
        footer=kept(look.FOOTERS),
        number=kept(look.NUMBERS),
        numbered_by_template=backdrop.numbers_slides(content),
    )


def _rect_of(layout, types, theme):
    found = look.placeholder(layout, types, theme)
    return found.rect if found is not None else None
