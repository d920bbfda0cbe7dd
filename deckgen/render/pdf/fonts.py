"""Embedded fonts for the PDF back end, with a per-run fallback for missing glyphs.

Which faces is the design's (``Design.faces``, a ``Typefaces``): by default deckgen's
own Liberation Sans (SIL OFL 1.1; metric-compatible with Arial, so the PDF sets lines
exactly as layout measured them) covering Latin, Greek and Cyrillic, Liberation Mono
for code, and DejaVu Sans, where the system has it, for other characters. A character
no font covers is reported once, never drawn as a silent box.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ...layout.compositions import FaceFiles, LineModel, Typefaces
from .kerning import kerned_face, kerned_width

HERE = Path(__file__).resolve().parents[2] / "fonts"
STYLES = 4  # regular, bold, italic, bold italic


@dataclass
class Fonts:
    primary: dict
    fallback: dict
    missing: dict = field(default_factory=dict)  # char -> first place seen
    heading: dict | None = None  # titles' faces, if not the primary ones
    mono: dict | None = None  # code's faces (Liberation Mono)
    lines: LineModel = LineModel()  # where a line's baseline and a link's underline go
    _pieces: dict = field(default_factory=dict, repr=False)

    def face(self, bold: bool, italic: bool, mono: bool = False) -> str:
        return (self.mono if mono and self.mono else self.primary)[(bold, italic)]

    def register_family(self) -> None:
        """Every face of the primary family (a paragraph's <b> and <i> name them)."""
        if isinstance(self.primary, _LazyFaces):
            self.primary.register_all()

    def pieces(
        self,
        text: str,
        bold: bool,
        italic: bool,
        where: str = "",
        heading: bool = False,
        mono: bool = False,
    ) -> list:
        """Split ``text`` into (font name, text) pieces, each drawable in its font (the
        same text split once: a missing character is recorded where first seen)."""
        key = (text, bold, italic, heading, mono)
        found = self._pieces.get(key)
        if found is None:
            found = self._pieces[key] = self._split(text, bold, italic, where, heading, mono)
        return found

    def _split(
        self, text: str, bold: bool, italic: bool, where: str, heading: bool, mono: bool
    ) -> list:
        if mono and self.mono:
            faces = self.mono
        else:
            faces = self.heading if heading and self.heading else self.primary
        primary = faces[(bold, italic)]
        fallback = self.fallback.get((bold, italic))
        out: list[list[str]] = []
        for ch in text:
            name = primary
            if not _covers(primary, ch):
                if fallback and _covers(fallback, ch):
                    name = fallback
                elif ch not in self.missing and not ch.isspace():
                    self.missing[ch] = where
            if out and out[-1][0] == name:
                out[-1][1] += ch
            else:
                out.append([name, ch])
        return [(n, t) for n, t in out]

    def width(
        self,
        text: str,
        size: float,
        bold: bool = False,
        italic: bool = False,
        heading=False,
        mono: bool = False,
    ) -> float:
        pieces = self.pieces(text, bold, italic, heading=heading, mono=mono)
        return sum(_width(name, piece, size) for name, piece in pieces)


@lru_cache(maxsize=4096)
def _width(name: str, text: str, size: float) -> float:
    kerned = kerned_width(name, text, size)
    return kerned if kerned is not None else pdfmetrics.stringWidth(text, name, size)


def _covers(font_name: str, ch: str) -> bool:
    font = pdfmetrics.getFont(font_name)
    return ord(ch) in font.face.charToGlyph


class _LazyFaces(dict):
    """style -> font name, each face's file parsed and registered with reportlab the first
    time a document uses it (a slides PDF in regular and bold never reads the italics,
    nor the fallback family unless a character needs it)."""

    def __init__(self, files: Mapping[tuple[bool, bool], tuple[str, Path]], family: bool = False):
        super().__init__({style: name for style, (name, _path) in files.items()})
        self._files = dict(files)
        self._family = family  # <b> and <i> find the faces under the regular face's name
        self._ready: set[str] = set()

    def __getitem__(self, style: tuple[bool, bool]) -> str:
        name, path = self._files[style]
        if name not in self._ready:
            _ensure(name, str(path))
            self._ready.add(name)
            if self._family:  # registering a TrueType face maps its name to itself alone
                self._map()
        return name

    def _map(self) -> None:
        family = self._files[(False, False)][0]
        for (bold, italic), (name, _path) in self._files.items():
            addMapping(family, int(bold), int(italic), name)

    def get(self, style, default=None):
        return self[style] if style in self._files else default

    def register_all(self) -> None:
        for style in self._files:
            self[style]


@lru_cache(maxsize=64)
def _ensure(name: str, path: str) -> None:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path))


@lru_cache(maxsize=4)
def _register(faces: Typefaces) -> tuple[_LazyFaces, _LazyFaces, _LazyFaces]:
    primary, mono = _bundled(faces.sans), _bundled(faces.mono)
    fallback = _LazyFaces({})
    for folder in map(Path, faces.fallback_dirs):
        if all((folder / file).is_file() for _style, _name, file in faces.fallback):
            fallback = _LazyFaces(
                {style: (name, folder / file) for style, name, file in faces.fallback}
            )
            break
    return primary, fallback, mono


def _bundled(faces: FaceFiles) -> _LazyFaces:
    """A family shipped in deckgen/fonts, each face registered when first used; <b> and
    <i> in paragraphs find its faces under the regular face's name."""
    family = _LazyFaces({style: (name, HERE / file) for style, name, file in faces}, family=True)
    family._map()
    return family


def load_fonts(
    files: Mapping[str, Mapping[tuple[bool, bool], str]] | None = None,
    faces: Typefaces | None = None,
) -> Fonts:
    """A fresh Fonts (its own record of missing characters) over the registered faces:
    the deck's own font files where the design names them ("body", "heading"), else
    ``faces``' stand-in (the design's; by default Liberation Sans)."""
    faces = faces or Typefaces()
    primary, fallback, mono = _register(faces)
    files = files or {}
    body = _register_files(files.get("body")) or primary
    heading = _register_files(files.get("heading")) or body
    return Fonts(body, fallback, heading=heading, mono=mono, lines=faces.lines)


@lru_cache(maxsize=8)
def _registered(faces: tuple[tuple[tuple[bool, bool], str], ...], _stamps: tuple) -> dict | None:
    """Register a family's four face files under names of their own (and a family for
    <b> and <i> in paragraphs); None if reportlab cannot read one. Registered again
    when a file changes (``_stamps``: deckgen watch keeps running); the names depend on
    the paths alone, so the PDFs stay reproducible."""
    key = hashlib.sha256("|".join(path for _style, path in faces).encode()).hexdigest()[:12]
    family = f"DeckFont-{key}"
    names = {}
    try:
        for (bold, italic), path in faces:
            name = f"{family}-{int(bold)}{int(italic)}"
            pdfmetrics.registerFont(TTFont(name, path))
            kerned_face(name, path)  # layout shaped this face with HarfBuzz: draw it so
            names[(bold, italic)] = name
            addMapping(family, int(bold), int(italic), name)
    except Exception:  # noqa: BLE001 - a font reportlab cannot embed: the stand-in serves
        return None
    return names


def _register_files(faces: Mapping[tuple[bool, bool], str] | None) -> dict | None:
    if not faces or len(faces) < STYLES:
        return None
    ordered = tuple(sorted(faces.items()))
    stamps = []
    for _style, path in ordered:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        stamps.append((stat.st_mtime_ns, stat.st_size))
    return _registered(ordered, tuple(stamps))
