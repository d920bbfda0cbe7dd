"""Styled runs back into the outline's Markdown subset (``deckgen/inline.py``): bold,
italic, code and links as ``**…**``, ``*…*``, ```…``` and ``[…](…)``, written so that
``inline.spans`` reads them back as the same runs (escaped only where it must be)."""

from __future__ import annotations

from collections.abc import Iterable

from ..inline import Span, spans
from ..layout.frames import Run

_ESCAPED = str.maketrans({"\\": "\\\\", "*": "\\*", "`": "\\`", "[": "\\[", "]": "\\]"})

Styled = tuple[str, bool, bool, bool, str | None]  # text, bold, italic, code, link


def styled(runs: Iterable[Run], bold: bool = False, italic: bool = False) -> tuple[Styled, ...]:
    """Runs as (text, bold, italic, code, link), bold and italic said against the
    paragraph's own (``bold``/``italic``: a title set bold has no bold of its own),
    neighbours in one style merged, empty ones dropped."""
    out: list[Styled] = []
    for run in runs:
        if not run.text:
            continue
        style = (run.bold != bold, run.italic != italic, run.code, run.link)
        if out and out[-1][1:] == style:
            out[-1] = (out[-1][0] + run.text, *style)
        else:
            out.append((run.text, *style))
    return tuple(out)


def of_spans(found: Iterable[Span]) -> tuple[Styled, ...]:
    return styled(Run(s.text, s.bold, s.italic, None, s.code, s.link) for s in found)


def markdown(runs: Iterable[Run], bold: bool = False, italic: bool = False) -> str:
    """``runs`` as outline text: plain where that reads back the same, else escaped."""
    pieces = styled(runs, bold, italic)
    for escape in (False, True):
        text = "".join(_piece(piece, escape) for piece in pieces)
        if of_spans(spans(text)) == pieces:
            return text
    return "".join(_piece(piece, False) for piece in pieces)  # nearest: blanks differ


def _piece(piece: Styled, escape: bool) -> str:
    text, bold, italic, code, link = piece
    if code:
        fence = "``" if "`" in text else "`"
        body = f"{fence}{text}{fence}"
    else:
        body = text.translate(_ESCAPED) if escape else text
    lead = body[: len(body) - len(body.lstrip())] if not code else ""
    trail = body[len(body.rstrip()) :] if not code else ""
    core = body.strip() if not code else body
    if not core:
        return body
    marks = ("**" if bold else "") + ("*" if italic else "")
    core = f"{marks}{core}{marks[::-1]}"
    if link:
        core = f"[{core}]({link})"
    return f"{lead}{core}{trail}"
