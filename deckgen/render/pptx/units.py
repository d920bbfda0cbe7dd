"""Unit conversion for the PPTX back end: layout's EMU are PowerPoint's EMU."""

from pptx.util import Emu, Pt


def emu(value: int | float) -> Emu:
    return Emu(int(round(value)))


def points(value: float) -> Pt:
    return Pt(value)


def centipoints(value: float) -> str:
    """DrawingML's spcPts unit: hundredths of a point."""
    return str(int(round(value * 100)))
