"""Tailoring: a pure function from an Outline to the Talk one build renders.

For an audience it keeps what is meant for that audience (sections, slides,
bullets, takeaways, note paragraphs and glossary entries with ``only``/``skip``),
applies the audience's overrides of slide fields and its theme, then fills
``{name}`` placeholders from the variables and any ``--set name=value``. The
result is a :class:`~deckgen.outline.talk.Talk`, with no audience left in it. It
also says what it did (:class:`TailorReport`), for ``deckgen explain``.
Layout and the renderers never see audiences.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel

from ..errors import InputError, error, quoted
from ..kinds import kind_of
from ..labels import ENGLISH, Labels, fields, labels_for
from ..nodes import Mixed, foreign_like, paragraphs_like
from . import model as m
from .languages import keep_languages
from .talk import Talk, TalkSection, Term
from .validate import PLACEHOLDER
from .yamltree import TEXT_HINT, forbidden_character


@dataclass
class TailorReport:
    audience: str | None
    kept: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    overridden: list[str] = field(default_factory=list)


def check_audience(outline: m.Outline, audience: str | None) -> None:
    if audience is None or audience in outline.audiences:
        return
    known = list(outline.audiences)
    close = difflib.get_close_matches(audience, known, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    hint += ("audiences: " + ", ".join(known)) if known else "the outline defines no audiences"
    # the name came from the command line: no line of the outline is to blame
    raise InputError(
        f"unknown audience {audience}",
        [error(f"--audience {quoted(audience)}: the outline has no such audience", hint=hint)],
    )


def tailor(
    outline: m.Outline,
    variables: Mapping[str, str] | None = None,
    audience: str | None = None,
) -> Talk:
    return tailor_with_report(outline, variables, audience)[0]


def tailor_with_report(
    outline: m.Outline,
    variables: Mapping[str, str] | None = None,
    audience: str | None = None,
) -> tuple[Talk, TailorReport]:
    check_audience(outline, audience)
    values = dict(outline.variables)
    unknown = sorted(set(variables or {}) - set(values))
    if unknown:
        raise InputError(
            "unknown variable",
            [
                error(
                    f"--set {name}: the outline declares no variable '{name}'",
                    hint="declared: "
                    + (", ".join(sorted(values)) or "none")
                    + "; declare it under 'variables:' first",
                )
                for name in unknown
            ],
        )
    _check_set_values(variables or {})
    values.update(variables or {})
    unset = [name for name, value in values.items() if value is None]
    if unset:
        raise InputError(
            "variable without a value",
            [
                error(
                    f"variable '{name}' has no value",
                    outline.variable_pos.get(name, outline.pos),
                    f"pass --set {name}=VALUE, or give it a default under 'variables:'",
                )
                for name in unset
            ],
        )
    report = TailorReport(audience)
    selected = _select(outline, audience, report)
    profile = outline.audiences.get(audience) if audience else None
    labels = _labels(outline, profile, values)
    meta: dict = {}
    if labels.language != selected.meta.language:
        meta["language"] = labels.language
    if profile is not None and profile.start:
        meta["start"] = profile.start  # this group's session; --start still wins
    if meta:
        selected = selected.model_copy(update={"meta": selected.meta.model_copy(update=meta)})
    return _talk(_substitute(selected, values), labels, _origins(outline)), report


def _origins(outline: m.Outline) -> dict:
    """Each section's and slide's place in the outline, by where it starts (tailoring
    keeps every node's position)."""
    places: dict = {}
    for i, section in enumerate(outline.sections):
        places[("section", section.pos)] = i
        for j, slide in enumerate(section.slides):
            places[("slide", slide.pos)] = j
    return places


def _labels(outline: m.Outline, profile: m.Audience | None, values: Mapping[str, str]) -> Labels:
    """The talk's words: its language's (an audience may choose another language), with
    the outline's and the audience's own in their place, variables filled in."""
    language = (profile.language if profile else None) or outline.meta.language
    overrides = [outline.labels] + ([profile.labels] if profile and profile.labels else [])
    given = []
    for override in overrides:
        said = override.model_dump(exclude_none=True)
        given.append(
            {
                key: fill(text, {k: v for k, v in values.items() if k not in fields(ENGLISH[key])})
                for key, text in said.items()
            }
        )
    return labels_for(language, *given)


def _talk(outline: m.Outline, labels: Labels, origins: dict | None = None) -> Talk:
    sections = []
    untitled = _untitled(outline)
    origins = origins or {}
    for s in outline.sections:
        slides = tuple(_titled(slide, labels, untitled) for slide in s.slides)
        indices = tuple(origins.get(("slide", slide.pos), -1) for slide in s.slides)
        sections.append(
            TalkSection(
                s.title,
                slides,
                s.subtitle,
                s.divider,
                s.concept,
                s.id,
                s.pos,
                s.minutes,
                origins.get(("section", s.pos)),
                indices,
                s.pause,
                s.agenda,
            )
        )
    return Talk(
        meta=outline.meta,
        theme=outline.theme,
        concepts=dict(outline.concepts),
        sections=tuple(sections),
        glossary=tuple(Term(g.term, g.definition, g.pos) for g in outline.glossary),
        references=tuple(outline.references),
        base_dir=outline.base_dir,
        pos=outline.pos,
        pictures=outline.pictures,
        labels=labels,
        pace=outline.pace,
    )


def _untitled(outline: m.Outline) -> dict[int, tuple[int, int]]:
    """For each slide that will take its kind's own title, its number among the slides
    of its kind that will, and their count, when there are several."""
    found: dict[str, list[int]] = {}
    for _section, slide in outline.slides():
        if kind_of(slide).title_label is not None and getattr(slide, "title", None) is None:
            found.setdefault(slide.kind, []).append(id(slide))
    return {
        key: (number, len(ids))
        for ids in found.values()
        if len(ids) > 1
        for number, key in enumerate(ids, 1)
    }


def _titled(slide, labels: Labels, untitled: dict[int, tuple[int, int]]):
    """A slide whose kind has a title of deckgen's own (Agenda, Glossary …) and the
    outline none: with the label in the talk's language, numbered when several would
    share it ("Check your understanding (2/3)"), so each slide's title is its own."""
    key = kind_of(slide).title_label
    if key is None or getattr(slide, "title", None) is not None:
        return slide
    title = labels(key)
    if id(slide) in untitled:
        number, count = untitled[id(slide)]
        title = f"{title} ({number}/{count})"
    return slide.model_copy(update={"title": title})


def _check_set_values(variables: Mapping[str, str]) -> None:
    """Text given with --set obeys the outline's own rule for text."""
    problems = []
    for name, value in variables.items():
        bad = forbidden_character(value)
        if bad is not None:
            problems.append(error(f"--set {name}: the value contains {bad}", hint=TEXT_HINT))
    if problems:
        raise InputError("a --set value is not text", problems)


# ---------------------------------------------------------------------------
# Selection


def _notes_text(notes: m.Notes | None, audience: str | None) -> str | None:
    if notes is None or isinstance(notes, str):
        return notes
    kept = [n.text for n in notes if n.kept_for(audience)]
    # notes all in one other language (a translation's fallback) stay in it; mixed ones
    # keep each paragraph's (Mixed)
    return paragraphs_like("\n\n", kept)


def _select(outline: m.Outline, audience: str | None, report: TailorReport) -> m.Outline:
    sections = []
    for section in outline.sections:
        if not section.kept_for(audience):
            report.dropped.append(_named("section", section.id, section.title))
            continue
        slides = []
        for slide in section.slides:
            label = _named(f"{slide.kind} slide", slide.id, getattr(slide, "title", None))
            if not slide.kept_for(audience):
                report.dropped.append(label)
                continue
            slide = _tailor_slide(slide, audience, report, label)
            slides.append(slide)
            report.kept.append(label)
        if not slides:
            report.dropped.append(f"{_named('section', section.id, section.title)}: no slides left")
            continue
        update = {"slides": slides}
        if audience is not None and section.divider and len(slides) == 1:
            # a divider announcing a single slide is noise in a short cut
            update["divider"] = False
            named = _named("section", section.id, section.title)
            report.dropped.append(f"divider of {named}: one slide left")
        sections.append(section.model_copy(update=update))
    if not sections:
        raise InputError(
            "nothing left",
            [
                error(
                    f"audience '{audience}' keeps no slide at all",
                    outline.pos,
                    "check the 'only'/'skip' lists",
                )
            ],
        )
    glossary = [g for g in outline.glossary if g.kept_for(audience)]
    for g in outline.glossary:
        if not g.kept_for(audience):
            report.dropped.append(f"glossary entry '{g.term}'")
    update: dict = {"sections": sections, "glossary": glossary}
    profile = outline.audiences.get(audience) if audience else None
    if profile is not None and profile.theme is not None:
        update["theme"] = _theme(outline.theme, profile.theme)
    return outline.model_copy(update=update)


def _named(what: str, ident: str | None, title: str | None) -> str:
    """'bullets slide 'lock-kinds' ('Kinds of locks')': by the id the outline gives it (what
    overlays, only and skip name), with its title; else by its title, else by ``what``."""
    if ident and title and ident != title:
        return f"{what} '{ident}' ('{title}')"
    return f"{what} '{ident or title or what.split()[0]}'"


def _tailor_slide(slide, audience: str | None, report: TailorReport, label: str):
    override = slide.overrides.get(audience) if audience else None
    if override:
        slide = apply_override(slide, override)
        report.overridden.append(f"{label}: {', '.join(override)} replaced")
    update: dict = {"notes": _notes_text(slide.notes, audience), "overrides": {}}
    select = kind_of(slide).select
    if select is not None:
        changes, said = select(slide, audience)
        update.update(changes)
        report.overridden += [f"{label}: {line}" for line in said]
    return slide.model_copy(update=update)


def apply_override(slide, override: dict):
    """``slide`` with some fields replaced (the loader has validated the result)."""
    override = by_field_name(type(slide), override)
    data = slide.model_dump(exclude={"pos", "overrides"})
    data.update(override)
    made = type(slide).model_validate(data).model_copy(update={"pos": slide.pos})
    # a translation's fallback keeps its language (validation makes it a plain str)
    source = {name: getattr(slide, name) for name in type(slide).model_fields} | override
    return keep_languages(made, source)


def by_field_name(kind: type, raw: dict) -> dict:
    """``raw`` (fields as the outline writes them) keyed by the model's names: a field the
    outline writes under another key (its alias) by its own name."""
    names = {info.alias: name for name, info in kind.model_fields.items() if info.alias}
    return {names.get(key, key): value for key, value in raw.items()}


def _theme(base: m.Theme, override: m.ThemeOverride) -> m.Theme:
    update: dict = {}
    if override.font:
        update["font"] = override.font
    if override.logo:
        update["logo"] = override.logo
    if override.template:
        update["template"] = override.template
    if override.colors:
        update["colors"] = base.colors.model_copy(update=dict(override.colors))
    return base.model_copy(update=update)


# ---------------------------------------------------------------------------
# Variables


def fill(text: str, values: Mapping[str, str]) -> str:
    def replace(match) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = match.group(1)
        return values.get(name, token) if name is not None else token

    if isinstance(text, Mixed):  # each paragraph filled, in its own language
        return Mixed(PLACEHOLDER.sub(replace, text), tuple(fill(p, values) for p in text.parts))
    return foreign_like(PLACEHOLDER.sub(replace, text), text)  # a Foreign stays one


_KEPT_AS_IS = (
    "code",  # a code slide's listing: its braces are code, not {variables}
    "pos",
    "base_dir",
    "variables",
    "variable_pos",
    "overrides",
    "audiences",
    "labels",  # filled with the talk's labels (their own {fields} are not variables)
    "only",
    "skip",
    "pictures",
    "warnings",
)


def _substitute(node, values):
    if isinstance(node, str):
        return fill(node, values)
    if isinstance(node, list):
        return [_substitute(x, values) for x in node]
    if isinstance(node, dict):
        return {k: _substitute(v, values) for k, v in node.items()}
    if isinstance(node, m.Image):  # the file path was checked as written; the alt text is text
        return node.model_copy(update={"alt": fill(node.alt, values) if node.alt else None})
    if isinstance(node, BaseModel):
        update = {}
        if isinstance(node, m.Selectable) and (node.only is not None or node.skip is not None):
            update = {"only": None, "skip": None}  # selection is done: no audience is left
        for name in type(node).model_fields:
            if name in _KEPT_AS_IS:
                continue
            value = getattr(node, name)
            new = _substitute(value, values)
            if new is not value:
                update[name] = new
        return node.model_copy(update=update) if update else node
    return node
