"""The web handout's fonts: the families layout chose, each face the page uses embedded
as a WOFF font cut down to the characters the page shows (fontTools), where its licence
bits let a document embed it; else the family's stack of installed fonts."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from functools import lru_cache
from html import escape

NO_SUBSETTING = 0x0100  # OS/2 fsType: embed the whole font or nothing


@dataclass
class Families:
    """The CSS ``font-family`` values text takes (an embedded family first, then its
    stack)."""

    body: str
    heading: str
    mono: str


def families_of(fonts) -> Families:
    """``fonts``: layout's ``WebFonts``."""
    heading = fonts.heading or fonts.body
    return Families(fonts.body.value, heading.value, fonts.mono.value)


def font_faces(fonts, text: str, styles, mono: bool) -> str:
    """``@font-face`` rules for every embedded face of ``styles`` ((bold, italic) the
    page sets text in) the page uses, and the code's family where ``mono``, cut to
    ``text``'s characters. A face left out is one the page never asks for (the browser
    would draw a bold italic from the bold face, as it is in no text here)."""
    chars = "".join(sorted(set(text) | set(" ")))
    rules = []
    wanted = [fonts.body]
    if fonts.heading is not None and fonts.heading.css != fonts.body.css:
        wanted.append(fonts.heading)
    if mono:
        wanted.append(fonts.mono)
    for family in wanted:
        for (bold, italic), path in family.files:
            if (bold, italic) not in styles:
                continue
            data = _woff(path, chars)
            rules.append(
                "@font-face{"
                f"font-family:{family.css};"
                f"font-weight:{'bold' if bold else 'normal'};"
                f"font-style:{'italic' if italic else 'normal'};"
                "font-display:swap;"
                f"src:url(data:font/woff;base64,{base64.b64encode(data).decode('ascii')}) "
                'format("woff")}'
            )
    return "\n".join(rules)


@lru_cache(maxsize=64)
def _woff(path: str, chars: str) -> bytes:
    import logging

    from fontTools import subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # tables it drops

    font = TTFont(path, recalcTimestamp=False, lazy=True)  # only the glyphs kept are read
    os2 = font.get("OS/2")
    if os2 is None or not os2.fsType & NO_SUBSETTING:
        options = subset.Options()
        options.layout_features = ["kern", "liga", "calt", "clig"]
        options.hinting = False
        options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # copyright, names and version: the licence
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=chars)
        subsetter.subset(font)
    font.flavor = "woff"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def styles_of(markup: str) -> set[tuple[bool, bool]]:
    """The (bold, italic) faces ``markup`` (the page's body) sets text in: regular and
    bold always (headings), italic and bold italic where its emphasis asks for them."""
    styles = {(False, False), (True, False)}
    if any(mark in markup for mark in ("<em>", "<cite>", 'font-style="italic"')):
        styles.add((False, True))
    if any(mark in markup for mark in ("<strong><em>", 'font-weight="bold" font-style="italic"')):
        styles.add((True, True))
    return styles


def sets_code(markup: str, families: Families) -> bool:
    """Whether the page's ``markup`` sets any text in the code's family: code in notes,
    definitions or sources, or a slide's code run."""
    return "<code>" in markup or f'font-family="{escape(families.mono, quote=True)}"' in markup
