"""A scalar's new text from an edit of how the build showed it.

The built text is the scalar with ``{variables}`` filled; where the scalar is written
as ``markdown.py`` writes (the usual case), each changed stretch of the built text maps
back to the same stretch of the scalar, a variable's value standing for its placeholder.
An edit inside a value is refused, naming the variable; an edit around it changes the
text around the placeholder. A scalar written otherwise (``__bold__``, needless escapes)
without variables is replaced by the edited text, in the subset's own spelling.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..outline.tailor import fill
from ..outline.validate import PLACEHOLDER


@dataclass(frozen=True)
class _Piece:
    """A stretch of the scalar and the built text it shows; ``atom`` names what is
    replaced whole (a variable, or an escaped brace)."""

    source: tuple[int, int]
    shown: tuple[int, int]
    atom: str | None = None


class RewriteRefused(Exception):
    """The edit cannot be written back into the scalar: why."""


def rewritten(
    source: str, values: Mapping[str, str], old: str, new: str, notes: bool = False
) -> str:
    """``source`` edited so it shows ``new`` where it showed ``old`` (``notes``: a line of
    ``new`` is a paragraph, a blank line apart in the outline)."""
    pieces = _pieces(source, values)
    atoms = [piece for piece in pieces if piece.atom]
    filled = fill(source, values)
    spaced = _position_map(filled, old)
    if spaced is None:  # written otherwise than the subset's own spelling
        if atoms:
            raise RewriteRefused(
                "its text is written with variables and Markdown the sync cannot map; "
                "make the edit in the outline"
            )
        return _typed(new, notes)
    out = source
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(opcodes):
        if tag == "equal":
            continue
        f1, f2 = spaced(i1, start=True), spaced(i2, start=False)
        for piece in atoms:
            begin, end = piece.shown
            if (begin < f2 and f1 < end) if f1 < f2 else begin < f1 < end:
                raise RewriteRefused(_inside(piece.atom))
        start = _to_source(pieces, f1, len(source))
        finish = _to_source(pieces, f2, len(source))
        out = out[:start] + _typed(new[j1:j2], notes) + out[finish:]
    return out


def _inside(atom: str | None) -> str:
    if atom in ("{{", "}}"):
        return "the edit changes an escaped brace; make it in the outline"
    return (
        f"the edit changes the value of the variable {{{atom}}}: change it under "
        "'variables:' (or --set), or replace the placeholder in the outline"
    )


def _position_map(filled: str, shown: str):
    """A map from positions in ``shown`` to positions in ``filled`` where the two differ
    only in blanks (notes reflowed: lines joined, blank lines one break) and in what
    ``shown`` leaves out (the markup of bold in a paragraph set bold throughout, a
    link's target); None where they differ otherwise."""
    if filled == shown:
        return lambda index, start: index
    opcodes = SequenceMatcher(None, filled, shown, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal" or j1 == j2:
            continue
        if filled[i1:i2].strip() or shown[j1:j2].strip():
            return None

    def mapped(index: int, start: bool) -> int:
        for _tag, i1, i2, j1, j2 in opcodes:
            if _tag == "equal" and j1 <= index <= j2:
                if index == j2 and start and j2 < len(shown):
                    continue
                return i1 + index - j1
            if _tag != "equal" and j1 <= index <= j2:
                return i1 if start else i2
        return len(filled)

    return mapped


def _typed(text: str, notes: bool = False) -> str:
    """Typed text as outline text: braces doubled, so they are not {variables}; in
    notes, a new paragraph a blank line apart."""
    text = text.replace("{", "{{").replace("}", "}}")
    return text.replace("\n", "\n\n") if notes else text


def _pieces(source: str, values: Mapping[str, str]) -> list[_Piece]:
    pieces: list[_Piece] = []
    at = shown = 0
    for match in PLACEHOLDER.finditer(source):
        token, name = match.group(0), match.group(1)
        if token in ("{{", "}}"):
            value, atom = token[0], token
        elif name is not None and name in values:
            value, atom = values[name], name
        else:
            continue  # shown as written
        literal = match.start() - at
        if literal:
            pieces.append(_Piece((at, match.start()), (shown, shown + literal)))
            shown += literal
        pieces.append(_Piece((match.start(), match.end()), (shown, shown + len(value)), atom))
        shown += len(value)
        at = match.end()
    if at < len(source):
        pieces.append(_Piece((at, len(source)), (shown, shown + len(source) - at)))
    return pieces


def _to_source(pieces: list[_Piece], index: int, length: int) -> int:
    """Where the built text's ``index`` falls in the scalar (a boundary: the piece's)."""
    for piece in pieces:
        start, end = piece.shown
        if index == start:
            return piece.source[0]
        if start < index < end and piece.atom is None:
            return piece.source[0] + index - start
    return length
