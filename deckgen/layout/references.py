"""Reference numbers, decided once: the references slide, the definitions' citations and
the handout's list all read them from the :class:`Bibliography`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import SourcePos
from ..nodes import spliced_join

if TYPE_CHECKING:
    from ..outline.talk import Talk


@dataclass(frozen=True)
class Entry:
    number: int
    title: str
    details: str  # author, publisher, year
    url: str | None = None
    id: str | None = None
    pos: SourcePos | None = None

    @property
    def label(self) -> str:
        return f"[{self.number}]"


@dataclass(frozen=True)
class Bibliography:
    entries: tuple[Entry, ...]

    def number(self, ref_id: str | None) -> int | None:
        for entry in self.entries:
            if ref_id is not None and entry.id == ref_id:
                return entry.number
        return None


def bibliography(talk: Talk) -> Bibliography:
    """The talk's references, numbered in the order the outline lists them. The last
    talk's are kept: the room notes lay the same references out thousands of times (each
    probe a talk of one slide, its references the same object)."""
    global _last
    references, last = talk.references, _last  # (read once: another thread may set it)
    if last is None or last[0] is not references:
        last = _last = (references, _numbered(references))
    return last[1]


_last: tuple | None = None  # (the references, their bibliography) last asked for


def _numbered(references) -> Bibliography:
    return Bibliography(
        tuple(
            Entry(
                number,
                ref.title,
                # each in its language (an untranslated author's in the outline's)
                spliced_join(", ", [x for x in (ref.author, ref.publisher, ref.year) if x]),
                ref.url,
                ref.id,
                ref.pos,
            )
            for number, ref in enumerate(references, 1)
        )
    )
