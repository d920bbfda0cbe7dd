"""Text measurement with real font metrics.

Layout asks a :class:`Measurer` how wide a string is; it never imports a back
end itself. :class:`AfmMeasurer` uses the Adobe font metrics reportlab ships
for Helvetica, whose advance widths are those of Arial and Liberation Sans
(metric-compatible by design), so a deck set in Arial is measured exactly with
no font file at all. Characters outside those metrics (Greek, Cyrillic, …) are
measured at a conservative 0.62 em.
"""

from __future__ import annotations

from typing import Protocol

FALLBACK_EM = 0.62
# fonts whose advance widths are Helvetica's: measured exactly
METRIC_FONTS = {"arial", "helvetica", "liberation sans", "arimo"}


class Measurer(Protocol):
    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        """Advance width of ``text`` in points at ``size`` points."""


class AfmMeasurer:
    """Helvetica (= Arial) metrics from reportlab's AFM tables, cached per character."""

    # a text is never narrower than one it begins: its characters' widths (none below
    # 0) summed in order (a kerned, shaped measurer's are not: a ligature is narrower)
    grows = True

    _FACES = {
        (False, False): "Helvetica",
        (True, False): "Helvetica-Bold",
        (False, True): "Helvetica-Oblique",
        (True, True): "Helvetica-BoldOblique",
    }

    def __init__(self) -> None:
        from reportlab.pdfbase import pdfmetrics

        self._widths: dict[tuple[bool, bool], dict[str, float]] = {}
        self._ems: dict[tuple[str, bool, bool], float] = {}  # a word's width at 1 pt
        for key, face in self._FACES.items():
            font = pdfmetrics.getFont(face)
            table: dict[str, float] = {}
            for code in range(32, 256):
                try:
                    ch = bytes([code]).decode("cp1252")
                except UnicodeDecodeError:
                    continue
                table[ch] = font.stringWidth(ch, 1000) / 1000
            table["\u00a0"] = table[" "]
            self._widths[key] = table

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        key = (text, bold, italic)
        em = self._ems.get(key)
        if em is None:  # a talk repeats its words: each is summed once
            get = self._widths[(bold, italic)].get
            em = self._ems[key] = sum(get(ch, FALLBACK_EM) for ch in text)
        return em * size


class MonoMeasurer:
    """Code's monospace font: Liberation Mono in the PDFs, Courier New in the deck (its
    metric twin), every character 1229/2048 em wide in every style."""

    EM = 1229 / 2048
    grows = True  # as AfmMeasurer's

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        return len(text) * self.EM * size


MONO = MonoMeasurer()


class FixedMeasurer:
    """Every character is ``em`` wide: a deterministic stand-in for tests."""

    grows = True  # as AfmMeasurer's

    def __init__(self, em: float = 0.5) -> None:
        self.em = em

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        return len(text) * self.em * size * (1.1 if bold else 1.0)
