"""Where each built paragraph's text came from, and which scalar an edit of it changes.

Each paragraph a frame shows (and its notes page) is traced to the outline scalars it
shows: the one it equals (several alike are taken in outline order), else the longest
it holds around text the build adds (a quote's marks, an option's letter, "(cont.)").
An edit is then cut into the stretches it changes: each must lie inside one traced
scalar's stretch; one outside all of them changed generated text.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from ..inline import plain
from .scalars import Candidate


@dataclass(frozen=True)
class Region:
    candidate: Candidate
    start: int
    end: int


class Generated(Exception):
    """An edit of text no outline scalar shows: what was changed."""


def trace_paragraphs(texts: list[str], found: list[Candidate]) -> list[list[Region]]:
    """For each built paragraph, the stretches of outline scalars it shows."""
    slide = [c for c in found if not c.notes and c.shown]
    used: dict[int, int] = {}
    out = []
    for text in texts:
        exact = [c for c in slide if c.shown == text]
        if exact:
            count = used.get(hash(text), 0)
            used[hash(text)] = count + 1
            out.append([Region(exact[min(count, len(exact) - 1)], 0, len(text))])
            continue
        words = [c for c in slide if plain(c.shown) == plain(text)]
        if words:  # the same words, styled otherwise (a question set bold throughout)
            out.append([Region(words[0], 0, len(text))])
            continue
        held = [c for c in slide if c.shown in text and 2 * len(c.shown) >= len(text)]
        if held:
            best = max(held, key=lambda held_one: len(held_one.shown))
            start = text.find(best.shown)
            out.append([Region(best, start, start + len(best.shown))])
        else:
            out.append([])
    return out


def trace_notes(text: str, found: list[Candidate]) -> list[Region]:
    """The stretches of the notes page's text each notes scalar shows, in order."""
    regions, at = [], 0
    for candidate in (c for c in found if c.notes and c.shown):
        start = text.find(candidate.shown, at)
        if start >= 0:
            regions.append(Region(candidate, start, start + len(candidate.shown)))
            at = start + len(candidate.shown)
    return regions


def edited_regions(old: str, new: str, regions: list[Region]) -> list[tuple[Candidate, str, str]]:
    """Each traced scalar the edit ``old`` -> ``new`` changes, with the text it showed
    and the text it now shows; raises Generated when a change lies outside every traced
    stretch."""
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    touched: list[Region] = []
    for tag, i1, i2, _j1, _j2 in opcodes:
        if tag == "equal":
            continue
        home = next(
            (r for r in regions if r.start <= i1 and i2 <= r.end),
            None,
        )
        if home is None:
            raise Generated(old)
        if home not in touched:
            touched.append(home)
    return [
        (r.candidate, old[r.start : r.end], new[_start(opcodes, r.start) : _end(opcodes, r.end)])
        for r in touched
    ]


def _start(opcodes, index: int) -> int:
    for tag, i1, i2, j1, _j2 in opcodes:
        if tag != "equal" and i1 == index:
            return j1
        if tag == "equal" and i1 <= index < i2:
            return j1 + index - i1
    return opcodes[-1][4] if opcodes else 0


def _end(opcodes, index: int) -> int:
    for tag, i1, i2, j1, j2 in reversed(opcodes):
        if tag != "equal" and i2 == index:
            return j2
        if tag == "equal" and i1 < index <= i2:
            return j1 + index - i1
    return 0
