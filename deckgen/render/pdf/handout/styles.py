"""The handout's paragraph styles (from the design record) and safe text.

Every text the layout set as runs reaches reportlab through :class:`Markup`, which
writes each run's emphasis, code and link as reportlab's tags, escapes its text
(outline text is text, never markup) and switches font for characters the main
font lacks; a character no font has becomes a warning naming it and its line.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from ....errors import Diagnostic, warning
from ....layout.colors import WHITE
from ....layout.contrast import on_paper
from ....layout.design import Design
from ....layout.frames import Prose
from ..fonts import Fonts


def hex_color(color: str):
    return HexColor("#" + color)


def paragraph_styles(design: Design, fonts: Fonts) -> dict[str, ParagraphStyle]:
    """One reportlab style per style of the design's handout."""
    palette = design.palette
    inks = {"text": palette.text, "primary": palette.primary, "muted": palette.muted}
    inks["white"] = WHITE
    body = design.handout.styles["body"]
    base = ParagraphStyle(
        "base",
        fontName=fonts.face(False, False),
        fontSize=body.size,
        leading=body.leading,
        textColor=hex_color(on_paper(palette.text, body.size)),
        alignment=TA_LEFT,
    )
    return {
        name: ParagraphStyle(
            name,
            parent=base,
            fontName=fonts.face(style.bold, False),
            fontSize=style.size,
            leading=style.leading,
            # a colour that would not read on paper (a dark template's white text)
            # prints in its nearest readable shade; white ink is only ever on a fill
            textColor=hex_color(
                inks[style.ink]
                if style.ink == "white"
                else on_paper(inks[style.ink], style.size, style.bold)
            ),
            spaceBefore=style.space_before,
            spaceAfter=style.space_after,
            leftIndent=style.left_indent,
            firstLineIndent=style.first_line_indent,
        )
        for name, style in design.handout.styles.items()
    }


class Markup:
    """Runs → safe reportlab paragraph markup: their emphasis, code and links as
    reportlab's tags, everything else escaped, and a font switch for characters the main
    font lacks."""

    def __init__(self, fonts: Fonts, link_color: str = "0563C1"):
        self.fonts = fonts
        self.link_color = link_color
        self.places: dict[str, object] = {}

    def __call__(self, text: Prose, pos=None, bold: bool = False, italic: bool = False) -> str:
        out = []
        for run in text.runs:
            strong, slanted = bold or run.bold, italic or run.italic
            face = self.fonts.face(strong, slanted)
            body = []
            for name, piece in self.fonts.pieces(run.text, strong, slanted, mono=run.code):
                safe = escape(piece).replace("\n", "<br/>")
                body.append(f'<font name="{name}">{safe}</font>' if name != face else safe)
            markup = "".join(body)
            if run.bold and not bold:
                markup = f"<b>{markup}</b>"
            if run.italic and not italic:
                markup = f"<i>{markup}</i>"
            if run.link:
                color = self.link_color
                markup = (
                    f'<a href={quoteattr(run.link)} color="#{color}" underline="1">{markup}</a>'
                )
            if run.lang:  # words in another language than the talk's: where they start, end
                markup = f"{language_mark(run.lang)}{markup}{language_mark(None)}"
            out.append(markup)
        self.note(pos)
        return "".join(out)

    def note(self, pos) -> None:
        """Attribute characters found missing since the last call to ``pos``."""
        for ch in self.fonts.missing:
            self.places.setdefault(ch, pos)

    def diagnostics(self) -> list[Diagnostic]:
        return [
            warning(
                f"the handout has no font for the character {ch!r} (U+{ord(ch):04X}); "
                "it will show as a box",
                pos,
                "replace it, or install DejaVu Sans (fonts-dejavu-core) for wider coverage",
            )
            for ch, pos in self.places.items()
        ]


LANGUAGE = "deckgen_language"  # the name of the language marks' callback (flowables.py)


def language_mark(lang: str | None) -> str:
    """Where words in ``lang`` begin (None: where they end and the paragraph's own resume):
    a zero-width mark reportlab calls back as it draws the words after it, so the handout
    marks their language however lines break (see linked.py)."""
    return f'<onDraw name="{LANGUAGE}" label={quoteattr(lang or "")}/>'


def entry_markup(text: Prose) -> str:
    """A heading's words as its contents entry sets them: plain, words in another
    language than the talk's between language marks."""
    return "".join(
        f"{language_mark(run.lang)}{escape(run.text)}{language_mark(None)}"
        if run.lang
        else escape(run.text)
        for run in text.runs
    )


def whole_language(text: Prose) -> str | None:
    """The language every word of ``text`` is in, where that is not the talk's (a
    translation's fallback): the paragraph's structure element says it. None where
    its words are the talk's, or of mixed languages (a paragraph's part is not marked);
    a run without a letter (a caption's number) is in neither."""
    found = {run.lang for run in text.runs if any(char.isalpha() for char in run.text)}
    return found.pop() if len(found) == 1 else None
