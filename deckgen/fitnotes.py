"""How long each text of a talk may get before its slide no longer fits at the design's
sizes: the note a translation file gives the translator ("Fits: up to 84 characters").

Each slide of the default build is laid out alone, then again with one of its texts
made longer (the text's own words, repeated), until it would shrink, continue on
another slide or fail; the longest length that still fits is the unit's limit, found
by doubling and then halving the step. Measured in characters of the talk's font, for
the default audience, as the build lays it out (on its template, if it names one).
A probe only asks whether its slide fits as it is, so its layout stops at the first text
that would give way with a word (``layout_deck(fits_only=True)``), and the lines a text
breaks into at a measure and size are kept for every probe of the talk (``wraps``): the
same answers as laying each probe out in full, a fraction of the work. The slides are
shared out between the machine's cores (forked copies of the process, as a build's
formats are), each slide's answers the same wherever it is measured.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, replace

from . import forked
from .errors import DeckgenError
from .inline import plain
from .prepare import prepare

MOST = 2000  # no note speaks of more characters than this: a text that long fits anywhere


@dataclass(frozen=True)
class Fit:
    """A unit's room: ``most`` characters at the design's sizes, the slide's other texts
    as they are; ``None`` where it has no fixed room (an alt text), or where its slide is
    set smaller already (``shrunk``)."""

    most: int | None
    shrunk: bool = False


def fit_limits(
    outline, variables: Mapping[str, str] | None = None, only: set[str] | None = None
) -> dict[str, Fit]:
    """Each slide text's :class:`Fit`, by its unit's key (texts not on a slide's face,
    and notes, have none); ``only``: of the slides with these keys."""
    prepared = prepare(outline, None, dict(variables or {}))
    probe = _Probe(prepared)
    slides = [task for task in slide_units_of(prepared.talk) if only is None or task[2] in only]
    shares = max(1, min(forked.cores(), len(slides) // SHARE)) if forked.available() else 1
    jobs = [functools.partial(_slide_rooms, probe, slides[i::shares]) for i in range(shares)]
    if only is None:
        jobs.append(functools.partial(_divider_rooms, probe))
    found: dict[str, Fit] = {}
    for rooms in forked.all_of(jobs):
        found.update(rooms)
    # in the talk's order, as measured in one process: slide by slide, the dividers last
    order = {key: index for index, (_section, _slide, key) in enumerate(slides)}
    last = len(order)
    return dict(sorted(found.items(), key=lambda item: order.get(_slide_key(item[0]), last)))


SHARE = 8  # slides a forked share measures at least (fewer: not worth a fork)


def _slide_key(unit_key: str) -> str:
    """The slide's key prefix of a unit's key (``two-terms`` of ``two-terms/title``)."""
    return unit_key.split("/", 1)[0]


def _slide_rooms(probe, slides) -> dict[str, Fit]:
    """The room of each text on ``slides`` ((section, slide, key) each)."""
    from .translation.walk import flows, slide_units, with_text

    found: dict[str, Fit] = {}
    for section, slide, key in slides:
        base = probe.pages(probe.alone(section, slide))
        for unit in slide_units(slide, key):
            if flows(unit.key) or unit.key.endswith("/cue"):  # no fixed room: notes, cues
                continue

            def made(text: str, unit=unit, section=section, slide=slide, key=key):
                return probe.alone(section, with_text(slide, key, unit.key, text))

            found[unit.key] = probe.room(unit.source, made, base)
    return found


def _divider_rooms(probe) -> dict[str, Fit]:
    """The room of each divider's title and subtitle (a section's, on its own slide)."""
    from .translation.walk import section_keys

    found: dict[str, Fit] = {}
    for section, (key, _slides) in section_keys(probe.talk):
        if not section.divider:
            continue
        base = probe.pages(probe.divider(section, {}))
        for field in ("title", "subtitle"):
            text = getattr(section, field)
            if not text:
                continue

            def made(longer: str, section=section, field=field):
                return probe.divider(section, {field: longer})

            found[f"{key}/{field}"] = probe.room(text, made, base)
    return found


def room_notes(outline) -> tuple[dict[str, Fit], str | None]:
    """:func:`fit_limits` of ``outline``, or none and why, where the talk does not build
    as it is (its texts are extracted all the same)."""
    try:
        return fit_limits(outline), None
    except DeckgenError as exc:
        return {}, str(exc.diagnostics[0]) if exc.diagnostics else exc.message


def translated_too_long(outline, variables, translation, fit_diagnostics) -> list:
    """For a build in a translation's language whose slides did not fit: each unit on
    those slides whose translation is longer than its room, at the translation file's
    line (the layout's warnings name the slide; these name the text to shorten)."""
    from .translation.apply import translate_store, translation_file
    from .translation.commands import too_long
    from .translation.stores import read

    lines = {(d.pos.file, d.pos.line) for d in fit_diagnostics if d.pos is not None}
    keys = {
        key
        for _section, slide, key in slide_units_of(outline)
        if slide.pos is not None and (slide.pos.file, slide.pos.line) in lines
    }
    if not keys:
        return []
    store = read(translation_file(outline, translation))
    done = translate_store(outline, store, refuse=False)
    return too_long(done, store, fit_limits(outline, variables, only=keys))


def slide_units_of(talk):
    """Every slide of a tailored talk (or an outline) with its section and its units' key
    prefix, keyed as the translation walk keys them."""
    from .translation.walk import section_keys

    for section, (_key, slide_keys) in section_keys(talk):
        for slide, key in zip(section.slides, slide_keys, strict=True):
            yield section, slide, key


class _Probe:
    def __init__(self, prepared) -> None:
        self.talk = prepared.talk
        # the design's own sizes: a sparse slide's larger step (which a longer text only
        # gives back) is not the room a text has
        scale = prepared.deck.design.scale
        plain_sizes = replace(
            scale,
            lead=scale.body,
            listing_lead=scale.listing,
            code_lead=scale.code,
            table_lead=scale.table,
        )
        self.design = replace(prepared.deck.design, scale=plain_sizes)
        self.body, self.titles = prepared.measurers
        # every probe lays out with these measurers and this design: each text at each
        # measure and size is broken into lines once (kept for this talk only)
        self.wraps: dict = {}

    def alone(self, section, slide):
        """The talk with only ``slide`` in it (no divider before it)."""
        return replace(self.talk, sections=(replace(section, slides=(slide,), divider=False),))

    def pages(self, talk) -> tuple[float, ...] | None:
        """What ``talk`` sets its text at: each text box's smallest size, slide by slide;
        ``None`` where a text does not fit at all or a warning says it was set smaller
        or continued. A text that shrinks without a word (a divider's subtitle) shows as
        a smaller size than the slide's own."""
        from .layout.frames import TextBox

        deck = self.laid_out(talk)
        if deck is None or any(d.topic == "fit" for d in deck.diagnostics):
            return None
        return tuple(
            min(para.size for para in item.paragraphs)
            for frame in deck.slides
            for item in frame.items
            if isinstance(item, TextBox) and item.paragraphs
        )

    def laid_out(self, talk):
        """``talk`` laid out as far as a probe needs: None where a text gives way with a
        word (the layout stops there) or does not fit at all."""
        from .layout.engine import layout_deck
        from .layout.fit import GaveWay

        try:
            return layout_deck(
                talk, self.body, self.design, self.titles, fits_only=True, wraps=self.wraps
            )
        except (DeckgenError, GaveWay):
            return None

    def divider(self, section, changes: dict):
        """The talk with only ``section``'s divider in it (``changes`` to its fields)."""
        alone = replace(section, slides=(), divider=True, **changes)
        return replace(self.talk, sections=(alone,))

    def room(self, source: str, made, base: tuple[float, ...] | None) -> Fit:
        """The :class:`Fit` of a text now ``source``: ``made(text)`` is the talk with it in
        its place, ``base`` its sizes as it is (None: set smaller already)."""
        if base is None:
            return Fit(None, shrunk=True)

        def fits(length: int) -> bool:
            sizes = self.pages(made(_longer(source, length)))
            # as many boxes (no slide or box more), none set smaller
            return (
                sizes is not None
                and len(sizes) == len(base)
                and all(size >= before for size, before in zip(sizes, base, strict=True))
            )

        if fits(MOST):
            return Fit(None)  # no fixed room: an alt text, a text the slide does not show
        good = len(plain(source))
        step = max(8, good // 2)
        while good + step <= MOST and fits(good + step):
            good, step = good + step, step * 2
        bad = min(good + step, MOST + 1)
        while bad - good > max(2, good // 20):  # to within 5 %
            middle = (good + bad) // 2
            good, bad = (middle, bad) if fits(middle) else (good, middle)
        return Fit(good)


def _longer(text: str, length: int) -> str:
    """``text``'s own words, repeated to ``length`` characters (no markup, no braces)."""
    words = plain(text).replace("{", "").replace("}", "").split() or ["text"]
    line = " ".join(words)
    repeats = -(-length // (len(line) + 1))
    return " ".join([line] * repeats)[:length].rstrip() or words[0]
