"""Text in the deck's own font faces drawn as layout measured it: kerned.

Layout measures a template's or outline's own faces with HarfBuzz, kerning included
(``layout/fonts.py``), and LibreOffice and PowerPoint (with ``kern``) set them so: "Two"
at 44 pt is 7.5 pt narrower than its letters' advance widths, as T and w tuck together.
reportlab draws a string with the advance widths alone, so a kerned word came out wider
in the PDFs than it was measured, and a centred or right-aligned line stood elsewhere. A
piece of text in such a face is drawn in segments instead, each starting where the
kerned advances put it, and its width is the kerned one. Liberation Sans, the stand-in
for Arial, is measured from Arial's widths without kerning, and is drawn so.
"""

from __future__ import annotations

from functools import lru_cache

KERNED: dict[str, str] = {}  # a registered font's name -> its file, for faces layout shaped


def kerned_face(name: str, path: str) -> None:
    """Draw the registered font ``name`` (from ``path``) kerned, as layout measured it."""
    KERNED[name] = path


@lru_cache(maxsize=16)
def _font(path: str):
    import uharfbuzz as hb

    face = hb.Face(hb.Blob.from_file_path(path))
    return hb.Font(face), face.upem


@lru_cache(maxsize=16384)
def segments(path: str, text: str) -> tuple[tuple[tuple[int, float], ...], float]:
    """Where each segment of ``text`` starts (character index, ems from the text's
    start), a new one after every glyph kerning moved, and the whole width in ems."""
    import uharfbuzz as hb

    font, upem = _font(path)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font, buf, {"kern": True, "liga": True})
    starts: list[tuple[int, float]] = [(0, 0.0)]
    at, moved = 0, False
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        if moved and info.cluster > starts[-1][0]:
            starts.append((info.cluster, at / upem))
        moved = pos.x_advance != font.get_glyph_h_advance(info.codepoint) or pos.x_offset != 0
        at += pos.x_advance
    return tuple(starts), at / upem


def draw_kerned(canvas, name: str, text: str, x: float, y: float, size: float) -> float:
    """``text`` drawn at ``x`` in the font ``name`` at ``size`` (page units), kerned
    where layout measured it so; where the next text starts."""
    path = KERNED.get(name)
    if path is None:
        canvas.drawString(x, y, text)
        return x + canvas.stringWidth(text, name, size)
    starts, width = segments(path, text)
    ends = [index for index, _ in starts[1:]] + [len(text)]
    for (index, ems), end in zip(starts, ends, strict=True):
        canvas.drawString(x + ems * size, y, text[index:end])
    return x + width * size


def kerned_width(name: str, text: str, size: float) -> float | None:
    """``text``'s kerned width in the font ``name`` at ``size``; None for faces drawn
    with their advance widths alone."""
    path = KERNED.get(name)
    return segments(path, text)[1] * size if path is not None else None
