"""Preparing a build: the outline in a translation's language where one is asked for,
tailored for an audience, on its template, laid out; everything but the rendering
(``deckgen build``, ``watch``, ``preview``, ``audiences`` and ``template new`` share it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily at run time, to keep `deckgen --help` fast
    from .errors import Diagnostic
    from .layout.frames import Deck
    from .layout.timing import Plan, TalkTime
    from .outline.tailor import TailorReport
    from .outline.talk import Talk
    from .template.build import OnTemplate


@dataclass(frozen=True)
class Prepared:
    """An outline tailored for one audience and laid out: everything but the rendering."""

    talk: Talk
    deck: Deck
    report: TailorReport
    time: TalkTime
    diagnostics: tuple[Diagnostic, ...]
    template: OnTemplate | None = None
    plan: Plan | None = None  # planned minutes and clock times
    grounds: object | None = None  # on a template, its layouts' drawn grounds (the checks')
    width: object | None = None  # and how wide runs set (the checks place lines by it)
    # with a translation: its language, and the outline's own title's slug (the outputs'
    # names are the outline's, not the translated title's: "talk-de.pptx")
    translated: tuple[str, str] | None = None
    profile: object | None = None  # the audience's profile (in the translation's language)
    measurers: tuple | None = None  # (body, titles or None): to lay out a slide again


def prepare(
    outline,
    audience: str | None,
    variables: Mapping[str, str],
    options=None,
) -> Prepared:
    """Translate (``options.translation``), tailor, open the template if there is one,
    and lay out; warn when the talk runs over the audience's slot. ``options``: the
    build's :class:`~deckgen.build.BuildOptions`, if a build asks."""
    from .layout.design import default_design
    from .layout.engine import layout_deck
    from .layout.slot import slot_warnings
    from .layout.text import run_width
    from .layout.timing import plan_talk, talk_time
    from .template.build import open_template

    outline, tailored, report, (translated, said) = _tailored(outline, audience, variables, options)
    on, design, problems = open_template(tailored, outline.base_dir, options)
    design = design or default_design(tailored)
    folders = [Path(outline.base_dir) / "fonts"]
    if on is not None:
        folders.append(on.template.path.parent / "fonts")
    (body, titles), files, font_problems = _measurers(
        design, folders, tailored.theme.pos or tailored.pos
    )
    design = replace(design, font_files=files)
    grounds = None
    if design.plain:  # on a template: text is checked against what its layouts draw
        design, grounds, drawn_problems = _on_drawn(design, on)
        problems += drawn_problems
    deck = layout_deck(tailored, body, design, titles, grounds)
    problems += font_problems
    pace, breaks = outline.pace, sum(s.pause or 0 for s in tailored.sections)
    time = talk_time(deck, pace.words_per_minute, pace.seconds_per_slide, breaks)
    diagnostics = list(outline.warnings) + said + problems + list(deck.diagnostics)
    plan = plan_talk(tailored)
    diagnostics += plan.problems
    profile = outline.audiences.get(audience) if audience else None
    if profile is not None:
        diagnostics += slot_warnings(audience, profile, time, plan)
    width = run_width(body, titles) if grounds is not None else None
    return Prepared(
        tailored,
        deck,
        report,
        time,
        tuple(diagnostics),
        on,
        plan,
        grounds,
        width,
        translated,
        profile,
        (body, titles),
    )


def _tailored(outline, audience, variables: Mapping[str, str], options):
    """The outline in a translation's language, if the build asks for one; the talk
    tailored for ``audience`` (and --start); and (the translation's language and name,
    what it left untranslated)."""
    from .outline.tailor import tailor_with_report
    from .render.pdf.image import clear_svg_png

    translated, said = None, []
    if options is not None and options.translation is not None:
        from .translation import for_build

        outline, translated, said = for_build(outline, variables, options.translation)
    tailored, report = tailor_with_report(outline, variables, audience)
    tailored = replace(tailored, svg_png=clear_svg_png)  # an SVG logo's edges are read too
    if options is not None and options.start:
        meta = tailored.meta.model_copy(update={"start": options.start})
        tailored = replace(tailored, meta=meta)
    return outline, tailored, report, (translated, said)


def _on_drawn(design, on):
    """On a template: the design decided on what its layouts draw, the drawn grounds, and
    what to say (the template's own number field, where it prints one, included)."""
    from .render.pdf.grounds import DrawnGrounds
    from .template.drawn import decide_on_drawn

    grounds = DrawnGrounds(design)
    design, problems = decide_on_drawn(design, grounds)
    if on is not None:
        from .template.drawn import theme_inks
        from .template.fields import readable_number_fields

        problems = [*problems, *readable_number_fields(on.plan.chosen, grounds, theme_inks(design))]
    return design, grounds, problems


def _measurers(design, folders: list[Path], pos):
    """The body's measurer and the titles' (None: the same), the font files the PDFs
    embed for each, and what to say about fonts."""
    from .layout.fonts import measurer_for

    body, problems, body_files = measurer_for(design.font, folders, pos)
    files = {"body": body_files, "heading": body_files}
    heading = design.heading_font
    if heading is None or heading.casefold() == design.font.casefold():
        return (body, None), files, problems
    titles, more, files["heading"] = measurer_for(heading, folders, pos)
    return (body, titles), files, problems + more
