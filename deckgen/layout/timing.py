"""How long a talk takes: the estimate from a laid-out deck's speaker notes, and the
session plan (the outline's planned ``minutes:``, clock times from the start)."""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..errors import Diagnostic, warning
from .frames import Deck

if TYPE_CHECKING:
    from ..outline.talk import Talk

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class TalkTime:
    words: int
    slides: int
    words_per_minute: int
    seconds_per_slide: int
    breaks: float = 0.0  # the sections' breaks, in minutes

    @property
    def minutes(self) -> float:
        spoken = self.words / self.words_per_minute + self.slides * self.seconds_per_slide / 60
        return spoken + self.breaks

    def describe(self) -> str:
        breaks = f" + {minutes_text(self.breaks)} min of breaks" if self.breaks else ""
        return (
            f"about {self.minutes:.0f} min ({self.words:,} words of notes at "
            f"{self.words_per_minute} a minute + {self.slides} slides × "
            f"{self.seconds_per_slide} s{breaks})"
        )


def talk_time(
    deck: Deck, words_per_minute: int, seconds_per_slide: int, breaks: float = 0.0
) -> TalkTime:
    """Notes are what the presenter says; continuation slides add only their allowance;
    the sections' breaks add their minutes."""
    words = sum(len(_WORD.findall(s.notes)) for s in deck.slides if not s.continued)
    return TalkTime(words, len(deck.slides), words_per_minute, seconds_per_slide, breaks)


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class SlideTime:
    """A slide's (or a section divider's) place in the session plan."""

    section: int
    slide: int | None  # its index in the section; None: the section's divider
    minutes: float
    planned: bool  # the outline plans these minutes (its own, or its section's share)
    start: float  # minutes from the start of the session


@dataclass(frozen=True)
class SectionTime:
    index: int
    title: str
    minutes: float
    planned: bool  # the outline gives the section's minutes, or all of its slides'
    start: float
    slides: tuple[SlideTime, ...]
    pause: float = 0.0  # the break after the section, in minutes

    @property
    def end(self) -> float:
        """Minutes from the session's start to the section's end (its break not in it)."""
        return self.start + self.minutes


@dataclass(frozen=True)
class Plan:
    """Planned minutes and start times: the outline's ``minutes:`` where it gives them,
    the estimate from the notes where it does not."""

    sections: tuple[SectionTime, ...]
    start: _dt.time | None  # the session's start, if known
    planned: bool  # the outline plans any minutes at all
    problems: tuple[Diagnostic, ...] = ()

    @property
    def minutes(self) -> float:
        """The session's length: the sections and their breaks."""
        return sum(s.minutes + s.pause for s in self.sections)

    @property
    def breaks(self) -> float:
        return sum(s.pause for s in self.sections)

    @property
    def all_planned(self) -> bool:
        """Every section's minutes are the outline's (none only estimated)."""
        return all(s.planned for s in self.sections)

    def clock(self, offset: float) -> _dt.time | None:
        """The time of day ``offset`` minutes into the session (None without a start)."""
        if self.start is None:
            return None
        at = _dt.datetime.combine(_dt.date(2000, 1, 1), self.start)
        return (at + _dt.timedelta(minutes=round(offset))).time()

    def slide(self, section: int, slide: int | None) -> SlideTime | None:
        return self._slides.get((section, slide))

    @cached_property
    def _slides(self) -> dict[tuple[int, int | None], SlideTime]:
        return {(t.section, t.slide): t for s in self.sections for t in s.slides}


def rounded(minutes: float) -> float:
    """Minutes as a plan says them: whole from 10 on, to a tenth below (0.5, 2.3, 12)."""
    return round(minutes) if minutes >= 10 else round(minutes, 1)


def minutes_text(minutes: float) -> str:
    return f"{rounded(minutes):g}"


def slide_estimate(slide, pace) -> float:
    """Minutes to present one outline slide: its notes read aloud, and the allowance."""
    words = len(_WORD.findall(slide.notes or "")) if isinstance(slide.notes, str) else 0
    return words / pace.words_per_minute + pace.seconds_per_slide / 60


def plan_talk(talk: Talk) -> Plan:
    """The session plan of a tailored talk, its clock from ``meta.start``."""
    pace = talk.pace
    sections, problems, offset = [], [], 0.0
    for i, section in enumerate(talk.sections):
        entries: list[tuple[int | None, float, float | None]] = []  # (slide, estimate, minutes)
        if section.divider:
            entries.append((None, pace.seconds_per_slide / 60, None))
        for j, slide in enumerate(section.slides):
            entries.append((j, slide_estimate(slide, pace), slide.minutes))
        minutes = _share(section, entries, problems)
        times, at = [], offset
        for (j, _estimate, given), (spent, planned) in zip(entries, minutes, strict=True):
            times.append(SlideTime(i, j, spent, planned or given is not None, at))
            at += spent
        total = max(section.minutes or 0.0, at - offset)
        planned = section.minutes is not None or all(t.planned for t in times)
        pause = section.pause or 0.0
        sections.append(SectionTime(i, section.title, total, planned, offset, tuple(times), pause))
        offset += total + pause
    given = any(s.minutes is not None or s.pause for s in talk.sections) or any(
        slide.minutes is not None for _s, slide in talk.slides()
    )
    clock = talk.meta.start
    begins = _dt.time.fromisoformat(clock.zfill(5)) if clock else None
    return Plan(tuple(sections), begins, given, tuple(problems))


def _share(section, entries, problems) -> list[tuple[float, bool]]:
    """Each entry's minutes, and whether planned: its own; else, in a section with
    minutes, its share of what the others leave (in proportion to the estimates); else
    its estimate."""
    fixed = sum(given for _j, _e, given in entries if given is not None)
    free = [e for _j, e, given in entries if given is None]
    if section.minutes is not None and fixed > section.minutes:
        problems.append(
            warning(
                f"section '{section.title}' plans {minutes_text(section.minutes)} min, but its "
                f"slides' own minutes add up to {minutes_text(fixed)}",
                section.pos,
                "raise the section's minutes or lower its slides'",
            )
        )
    if section.minutes is None or not free:
        return [(given, True) if given is not None else (e, False) for _j, e, given in entries]
    left = max(section.minutes - fixed, 0.0)
    weight = sum(free)
    return [
        (given, True) if given is not None else (left * e / weight, True)
        for _j, e, given in entries
    ]


# --------------------------------------------------------------------------- the agenda


@dataclass(frozen=True)
class Stop:
    """A line of the agenda's clock: a listed section (``section``), a break after a
    section (``pause`` its minutes) or the end (neither)."""

    offset: float  # minutes from the session's start, as the agenda shows them
    section: int | None = None
    pause: float = 0.0


def agenda_stops(plan: Plan, listed: list[bool]) -> list[Stop]:
    """The listed sections' starts, the breaks and the end, as a trainer writes them:
    the first listed section at the session's start (an unlisted section before it is
    folded into it, one after a listed section into that), the outline's planned times
    to the minute, estimated ones on the clock's five minutes (to the minute where
    five would run two lines together)."""
    first = next((i for i, shown in enumerate(listed) if shown), None)
    if first is None:
        return []
    stops: list[tuple[Stop, bool]] = []
    for timed in plan.sections:
        before = all(s.planned for s in plan.sections[: timed.index])
        if listed[timed.index]:
            at = 0.0 if timed.index == first else timed.start
            stops.append((Stop(at, timed.index), before or timed.index == first))
        if timed.pause:
            stops.append((Stop(timed.end, pause=timed.pause), before and timed.planned))
    stops.append((Stop(plan.minutes), plan.all_planned))
    rounded_stops = [stop if exact else _on_five(plan, stop) for stop, exact in stops]
    offsets = [round(stop.offset) for stop in rounded_stops]
    if all(a < b for a, b in zip(offsets, offsets[1:], strict=False)):
        return rounded_stops
    return [stop for stop, _exact in stops]


def _on_five(plan: Plan, stop: Stop) -> Stop:
    """``stop`` moved to the nearest five minutes on the clock (the end: the next)."""
    if plan.start is None:
        return stop
    begins = plan.start.hour * 60 + plan.start.minute
    fives = (begins + stop.offset) / 5
    # the end is never said before the plan's: up to the next five minutes
    at = 5 * (math.ceil(fives - 1e-9) if stop.section is None and not stop.pause else round(fives))
    at -= begins
    return Stop(float(at), stop.section, stop.pause)
