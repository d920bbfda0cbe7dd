"""Finding and measuring any font: the family a deck or template names, its four faces.

Arial and its metric twins are measured from reportlab's Helvetica tables (no file
needed). Any other family is looked up in a ``fonts/`` folder beside the outline or the
template (read with fontTools), then through fontconfig (``fc-match``); its faces are then
shaped with HarfBuzz, kerning included, so a line breaks where PowerPoint and LibreOffice
break it. A family that is not installed is measured with the face fontconfig would put in
its place, and a warning names it. Faces also say whether their licence lets a PDF embed them.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic, SourcePos, quoted, warning
from .measure import METRIC_FONTS, AfmMeasurer, Measurer

FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
FC_TIMEOUT = 5  # seconds: fontconfig answers in milliseconds once its cache is built
# families whose advance widths are another's (made so to replace it): measuring one with
# the other's file is exact
METRIC_TWINS = {
    "times new roman": ("liberation serif", "tinos"),
    "times": ("liberation serif", "tinos"),
    "courier new": ("liberation mono", "cousine"),
    "calibri": ("carlito",),
    "cambria": ("caladea",),
}
STYLES = ((False, False), (True, False), (False, True), (True, True))  # (bold, italic)
BOLD_WEIGHT = 600  # OS/2 weight classes from this up are bold
RESTRICTED = 0x0002  # OS/2 fsType: restricted licence, no embedding
BITMAP_ONLY = 0x0200  # OS/2 fsType: only bitmaps may be embedded


@dataclass(frozen=True)
class Face:
    path: Path
    family: str
    bold: bool
    italic: bool
    embeddable: bool  # the licence lets a document embed it
    truetype: bool  # TrueType outlines (what reportlab can embed), not CFF


def _read_face(path: Path) -> Face | None:
    """As _read_face_of, read again when the file changes (deckgen watch keeps running)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _read_face_of(path, (stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=256)
def _read_face_of(path: Path, _stamp: tuple[int, int]) -> Face | None:
    """A font file's family, style and licence bits; None for what is not a font."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(str(path), lazy=True, fontNumber=0)
        names = font["name"]
        family = names.getDebugName(16) or names.getDebugName(1)
        os2 = font.get("OS/2")
        weight = os2.usWeightClass if os2 is not None else 400
        italic = bool(os2.fsSelection & 1) if os2 is not None else False
        fs_type = os2.fsType if os2 is not None else 0
        truetype = "glyf" in font
    except (TTLibError, OSError, KeyError, AttributeError, ValueError):
        return None
    if not family:
        return None
    embeddable = not fs_type & (RESTRICTED | BITMAP_ONLY)
    return Face(path, family, weight >= BOLD_WEIGHT, italic, embeddable, truetype)


def _folder_faces(folder: Path) -> tuple[Face, ...]:
    """The fonts in ``folder`` (read again when it changes: a watched build adds some)."""
    try:
        changed = folder.stat().st_mtime_ns
    except OSError:
        return ()
    return _faces_in(folder, changed) if folder.is_dir() else ()


@functools.lru_cache(maxsize=16)
def _faces_in(folder: Path, _changed: int) -> tuple[Face, ...]:
    found = (
        _read_face(path)
        for path in sorted(folder.iterdir())
        if path.suffix.lower() in FONT_SUFFIXES and path.is_file()
    )
    return tuple(face for face in found if face is not None)


def _matches(family: str, wanted: str) -> bool:
    names = {wanted.casefold(), *METRIC_TWINS.get(wanted.casefold(), ())}
    return family.casefold() in names


@functools.lru_cache(maxsize=64)
def _fc_match(family: str, bold: bool, italic: bool) -> Face | None:
    """The face fontconfig gives for ``family`` in a style (perhaps another family's)."""
    if shutil.which("fc-match") is None:
        return None
    pattern = family.replace(":", r"\:").replace("-", r"\-")
    pattern += ":weight=bold" if bold else ":weight=regular"
    pattern += ":slant=italic" if italic else ":slant=roman"
    try:
        done = subprocess.run(
            ["fc-match", "-f", "%{file}", pattern],
            capture_output=True,
            text=True,
            timeout=FC_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(done.stdout.strip())
    return (
        _read_face(path) if done.returncode == 0 and path.suffix.lower() in FONT_SUFFIXES else None
    )


@dataclass(frozen=True)
class FontChoice:
    """How a family is measured: its faces (or a substitute's), and what to say."""

    family: str
    faces: dict[tuple[bool, bool], Face]  # (bold, italic) -> face; empty: Arial's tables
    substitute: str | None = None  # the family measured in its place

    @property
    def exact(self) -> bool:
        return self.substitute is None


def find_family(family: str, folders: Sequence[Path] = ()) -> FontChoice:
    """The faces of ``family``: from ``folders`` first, then fontconfig; a metric twin
    counts as the family itself; else the faces fontconfig substitutes."""
    if family.casefold() in METRIC_FONTS:
        return FontChoice(family, {})
    faces: dict[tuple[bool, bool], Face] = {}
    for folder in folders:
        for face in _folder_faces(Path(folder)):
            if _matches(face.family, family):
                faces.setdefault((face.bold, face.italic), face)
    substitutes: dict[tuple[bool, bool], Face] = {}
    for style in STYLES:
        if style in faces:
            continue
        face = _fc_match(family, *style)
        if face is not None and _matches(face.family, family):
            faces[style] = face
        elif face is not None:
            substitutes[style] = face
    if (False, False) in faces:
        for style in STYLES:  # a family without a bold or italic face: its regular serves
            faces.setdefault(style, faces[(False, False)])
        return FontChoice(family, faces)
    if (False, False) in substitutes:
        instead = substitutes[(False, False)].family
        if instead.casefold() in METRIC_FONTS:
            return FontChoice(family, {}, instead)
        return FontChoice(family, {**substitutes}, instead)
    return FontChoice(family, {}, "Arial")


class ShapingMeasurer:
    """Widths from a family's own faces, shaped by HarfBuzz with kerning; cached by text."""

    def __init__(self, faces: dict[tuple[bool, bool], Face]) -> None:
        self._faces = faces
        self._fonts: dict[tuple[bool, bool], tuple[object, int]] = {}
        self._widths: dict[tuple[str, bool, bool], float] = {}

    def _font(self, style: tuple[bool, bool]):
        if style not in self._fonts:
            import uharfbuzz as hb

            face = self._faces.get(style) or self._faces[(False, False)]
            blob = hb.Blob.from_file_path(str(face.path))
            hb_face = hb.Face(blob)
            self._fonts[style] = (hb.Font(hb_face), hb_face.upem)
        return self._fonts[style]

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        key = (text, bold, italic)
        em = self._widths.get(key)
        if em is None:
            import uharfbuzz as hb

            font, upem = self._font((bold, italic))
            buf = hb.Buffer()
            buf.add_str(text)
            buf.guess_segment_properties()
            hb.shape(font, buf, {"kern": True, "liga": True})
            em = sum(pos.x_advance for pos in buf.glyph_positions) / upem
            self._widths[key] = em
        return em * size


def measurer_for(
    family: str, folders: Sequence[Path], pos: SourcePos | None
) -> tuple[Measurer, list[Diagnostic], dict[tuple[bool, bool], str]]:
    """The measurer for ``family``, what to say (a family not installed, names what stands
    in; faces a PDF may not embed), and the font files the PDFs may embed (none: Arial's
    stand-in Liberation Sans)."""
    choice = find_family(family, folders)
    measurer: Measurer = ShapingMeasurer(choice.faces) if choice.faces else AfmMeasurer()
    files, problems = _embeddable(choice, pos)
    if choice.exact:
        return measurer, problems, files
    return (
        measurer,
        problems
        + [
            warning(
                f"the font {quoted(family)} is not installed here: text is measured with "
                f"{quoted(choice.substitute)}, which stands in for it, so lines may break "
                "differently where it is installed",
                pos,
                "put its .ttf or .otf files in a fonts/ folder beside the outline or template, "
                "or install it",
                topic="font",
            )
        ],
        files,
    )


def _embeddable(choice: FontChoice, pos) -> tuple[dict[tuple[bool, bool], str], list]:
    """The faces' files if a PDF may embed every one (licence bits, TrueType outlines)."""
    if not choice.faces:
        return {}, []
    barred = sorted({face.path.name for face in choice.faces.values() if not face.embeddable})
    cff = sorted({face.path.name for face in choice.faces.values() if not face.truetype})
    if not barred and not cff:
        return {style: str(face.path) for style, face in choice.faces.items()}, []
    why = (
        f"its licence does not allow embedding ({', '.join(barred)})"
        if barred
        else "its files have PostScript outlines, which the PDF writer cannot embed "
        f"({', '.join(cff)})"
    )
    return {}, [
        warning(
            f"the handout and slides PDF set {quoted(choice.family)} text in Liberation Sans: "
            + why,
            pos,
            "use a TrueType (.ttf) file of the font, or accept the stand-in in the PDFs",
            topic="font",
        )
    ]
