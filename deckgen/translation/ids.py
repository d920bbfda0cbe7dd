"""``deckgen translate extract --add-ids``: an ``id:`` written into each slide of an
outline that lacks one, so its units' keys stop following its title.

Each id is inserted where the slide's mapping starts, as its first key, so nothing else
in the file moves: comments, quoting, block scalars and order stay as written. A block
mapping's first line ``- kind: bullets`` becomes ``- id: why-it-matters`` and ``kind:
bullets`` on the next line at the same column; a flow mapping ``{kind: …}`` gets ``id:
…,`` after its brace. The file is written only if the outline with its ids loads.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, error
from ..inline import plain
from ..outline import model as m
from .walk import _slug, _unique


def with_ids(outline: m.Outline, text: str, name: str) -> tuple[str, list[tuple[int, str]]]:
    """``text`` (the outline's file, loaded as ``name``) with an id for each slide that
    has none, and each id given with its line. Only slides of the file itself (not of an
    overlay)."""
    taken = {slide.id for _section, slide in outline.slides() if slide.id}
    lines = text.split("\n")
    given: list[tuple[int, str]] = []
    # from the end, so earlier positions stay where the model says
    slides = [
        slide
        for _section, slide in outline.slides()
        if not slide.id and slide.pos and slide.pos.file == name
    ]
    for slide in sorted(slides, key=lambda found: (found.pos.line, found.pos.col), reverse=True):
        title = plain(getattr(slide, "title", None) or slide.kind)
        given_name = _name(_slug(title), taken)
        row, col = slide.pos.line - 1, slide.pos.col - 1
        line = lines[row]
        if line[col : col + 1] == "{":
            lines[row] = f"{line[: col + 1]}id: {given_name}, {line[col + 1 :]}"
        else:
            lines[row] = f"{line[:col]}id: {given_name}"
            lines.insert(row + 1, " " * col + line[col:])
        given.append((slide.pos.line, given_name))
    return "\n".join(lines), sorted(given)


def add_ids(outline: m.Outline, path: Path, name: str) -> list[tuple[int, str]]:
    """Write ids into the outline file at ``path`` (loaded as ``name``); the ids given,
    each with its line."""
    from ..outline.loader import load_outline_text
    from ..output import write_all

    text = path.read_text(encoding="utf-8")
    done, given = with_ids(outline, text, name)
    if not given:
        return []
    try:
        load_outline_text(done, name, path.parent)
    except InputError as exc:  # never write an outline that does not load
        message = "the outline with ids added would not load; nothing was written"
        raise InputError(message, [error(message, outline.pos), *exc.diagnostics]) from None
    write_all([(path, done.encode("utf-8"))])
    return given


def _name(slug: str, taken: set[str]) -> str:
    """An id from a slug: a Name starts with a letter, and no two slides share one."""
    return _unique(slug if slug[:1].isalpha() else f"slide-{slug}", taken)
