"""What the web handout needs beyond the handout's blocks: its own words in the talk's
language, the fonts it embeds (by licence, as the PDFs) and the colours its page takes in
a dark scheme. The renderer (``render/html``) only writes them out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .colors import readable
from .contrast import PAPER
from .handout_blocks import HandoutLayout

BUNDLED = Path(__file__).resolve().parents[1] / "fonts"  # the faces deckgen ships
SANS_STACK = "'Liberation Sans', Arial, Helvetica, sans-serif"
MONO_STACK = "'Liberation Mono', 'Courier New', monospace"
DARK_PAGE, DARK_TEXT = "1B1D21", "E8EAED"  # the page and its text in a dark scheme


@dataclass(frozen=True)
class WebFamily:
    css: str  # the name the page gives the embedded family
    stack: str  # installed fonts after it, or in its place
    files: tuple[tuple[tuple[bool, bool], str], ...]  # (bold, italic), font file; () none
    # an installed family asked for before the embedded one: the deck's own font where its
    # licence keeps it out of documents (a reader who has it sees the lines as laid out)
    prefer: str = ""

    @property
    def value(self) -> str:
        """The CSS ``font-family`` value."""
        return ", ".join(
            part for part in (self.prefer, self.css if self.files else "", self.stack) if part
        )


@dataclass(frozen=True)
class WebFonts:
    body: WebFamily
    heading: WebFamily | None  # the titles' family, if not the body's
    mono: WebFamily


@dataclass(frozen=True)
class WebHandout:
    handout: HandoutLayout  # the notes handout: every slide beside its notes
    fonts: WebFonts
    skip: str  # "Skip to the content"
    notes: str  # "Notes"
    chart_data: str  # "The chart's figures"
    # page colours: light scheme's on paper; the dark scheme's text and its shades
    dark_page: str = DARK_PAGE
    dark_text: str = DARK_TEXT
    accents: tuple[tuple[str, str, str], ...] = ()  # (colour, light shade, dark shade)


def web_handout(handout: HandoutLayout, labels) -> WebHandout:
    """The web handout of ``handout`` (laid out as notes pages) in ``labels``' words."""
    design = handout.design
    files = design.font_files
    body = _family("deck-body", files.get("body"), SANS_STACK) or _family(
        "deck-body", _bundled(design.faces.sans), SANS_STACK, _quoted(design.font)
    )
    heading = _family("deck-heading", files.get("heading"), SANS_STACK)
    if heading is None and design.heading_font and design.heading_font != design.font:
        prefer = _quoted(design.heading_font)
        heading = _family("deck-body", _bundled(design.faces.sans), SANS_STACK, prefer)
    mono = _family("deck-mono", _bundled(design.faces.mono), MONO_STACK)
    assert body is not None and mono is not None
    return WebHandout(
        handout,
        WebFonts(body, heading, mono),
        labels("skip_link"),
        labels("notes"),
        labels("chart_data"),
        accents=_accents(handout),
    )


def _bundled(faces) -> dict:
    """The files of a family deckgen ships (``Typefaces``: (style, name, file) a face)."""
    return {style: str(BUNDLED / file) for style, _name, file in faces}


def _family(css: str, faces, stack: str, prefer: str = "") -> WebFamily | None:
    if not faces:
        return None
    return WebFamily(css, stack, tuple(sorted(faces.items())), prefer)


def _quoted(family: str) -> str:
    """A family the page asks for by name, unless the stack already does (Arial's stand-in
    is embedded) or the name is a theme's reference; nothing a style sheet would read as
    anything but a name."""
    if not family or family.startswith("+") or family.lower() in SANS_STACK.lower():
        return ""
    # letters, digits, spaces and - _ . only: the name goes into the page's style sheet
    return "'" + "".join(c for c in family if c.isalnum() or c in " -_.") + "'"


def _accents(handout: HandoutLayout) -> tuple[tuple[str, str, str], ...]:
    """Every colour the page's headings take (the sections'), with the shade that reads
    on paper (light scheme) and on the dark page."""
    found = []
    for block in handout.body:
        color = getattr(block, "color", None) or getattr(
            getattr(block, "heading", None), "color", None
        )
        if color and color not in [c for c, _l, _d in found]:
            found.append(_shades(color))
    primary = handout.design.palette.primary
    if primary not in [c for c, _l, _d in found]:
        found.append(_shades(primary))
    return tuple(found)


def _shades(color: str) -> tuple[str, str, str]:
    """``color`` and its nearest shades that read as body text (WCAG AA, 4.5:1) on
    paper and on the dark page."""
    return color, readable(color, PAPER), readable(color, DARK_PAGE)
