"""How long each text of a talk may get before its slide no longer fits at the design's
sizes: the note a translation file gives the translator ("Fits: up to 84 characters").

Each slide of the default build is laid out alone, then again with one of its texts
made longer (the text's own words, repeated), until it would shrink, continue on
another slide or fail; the longest length that still fits is the unit's limit, found
by doubling and then halving the step. Measured in characters of the talk's font, for
the default audience, as the build lays it out (on its template, if it names one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from .errors import DeckgenError
from .inline import plain
from .prepare import prepare

MOST = 2000  # no note speaks of more characters than this: a text that long fits anywhere
NOTES = ("/notes", "/cue")  # the notes page and the guide: no fixed room


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
    from .translation.walk import slide_units

    prepared = prepare(outline, None, dict(variables or {}))
    probe = _Probe(prepared)
    found: dict[str, Fit] = {}
    for section, slide, key in slide_units_of(prepared.talk):
        if only is not None and key not in only:
            continue
        alone = probe.alone(section, slide)
        base = probe.pages(alone)
        for unit in slide_units(slide, key):
            if unit.key.endswith(NOTES) or "/notes/" in unit.key:
                continue
            if base is None:
                found[unit.key] = Fit(None, shrunk=True)
                continue
            found[unit.key] = Fit(probe.longest(section, slide, key, unit, base))
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
    """Every slide of a tailored talk with its section and its units' key prefix."""
    from .translation.walk import slide_key

    taken: set[str] = set()
    for section in talk.sections:
        for slide in section.slides:
            key = slide_key(slide, taken)
            taken.add(key)
            yield section, slide, key


class _Probe:
    def __init__(self, prepared) -> None:
        self.talk = prepared.talk
        self.design = prepared.deck.design
        self.body, self.titles = prepared.measurers

    def alone(self, section, slide):
        """The talk with only ``slide`` in it (no divider before it)."""
        return replace(self.talk, sections=(replace(section, slides=(slide,), divider=False),))

    def pages(self, talk) -> int | None:
        """How many slides ``talk`` takes at the design's sizes; ``None`` where a text is
        set smaller, continues, or does not fit at all."""
        from .layout.engine import layout_deck

        try:
            deck = layout_deck(talk, self.body, self.design, self.titles)
        except DeckgenError:
            return None
        if any(d.topic == "fit" for d in deck.diagnostics):
            return None
        return len(deck.slides)

    def longest(self, section, slide, key: str, unit, base: int) -> int | None:
        """The most characters ``unit`` may have with its slide still as it is."""
        from .translation.walk import with_text

        def fits(length: int) -> bool:
            longer = with_text(slide, key, unit.key, _longer(unit.source, length))
            pages = self.pages(self.alone(section, longer))
            return pages is not None and pages <= base

        if fits(MOST):
            return None  # no fixed room: an alt text, a text the slide does not show
        now = len(plain(unit.source))
        good, step = now, max(8, now // 2)
        while good + step <= MOST and fits(good + step):
            good, step = good + step, step * 2
        bad = min(good + step, MOST + 1)
        while bad - good > max(2, good // 20):  # to within 5 %
            middle = (good + bad) // 2
            good, bad = (middle, bad) if fits(middle) else (good, middle)
        return good


def _longer(text: str, length: int) -> str:
    """``text``'s own words, repeated to ``length`` characters (no markup, no braces)."""
    words = plain(text).replace("{", "").replace("}", "").split() or ["text"]
    line = " ".join(words)
    repeats = -(-length // (len(line) + 1))
    return " ".join([line] * repeats)[:length].rstrip() or words[0]
