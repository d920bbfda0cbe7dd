"""A deck's pictures as the outline's assets: each written once (the same bytes shown on
several slides are one file), named after its alt text or its slide, PNG, JPEG and SVG
kept as they are, GIF, TIFF and BMP made PNG with Pillow, EMF and WMF converted by
LibreOffice where it is installed; each held to the limits every picture of an outline
is held to (``outline/files.py``), and left out with a warning where it is over them."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from ..errors import Diagnostic
from ..outline.files import MAX_PICTURE_BYTES, MAX_PICTURE_PIXELS, PICTURE_FORMATS, _decode
from ..outline.svg import check_svg, looks_like_svg
from .model import Asset

_PILLOW_TO_PNG = ("gif", "tiff", "tif", "bmp", "dib")
VECTOR = ("emf", "wmf")
_EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "SVG": "svg"}
_SOFFICE_SECONDS = 120


class PictureStore:
    """The assets taken so far, by content; ``take`` gives a picture's outline path."""

    def __init__(self, converted: dict[str, bytes] | None = None) -> None:
        self.assets: dict[str, Asset] = {}  # by content hash
        self.paths: dict[str, str | None] = {}  # content hash -> "assets/<name>" or None
        self.problems: dict[str, str] = {}  # content hash -> why it was left out
        self.converted = converted or {}  # EMF/WMF by content hash -> PNG

    def take(self, blob: bytes, ext: str, alt: str, slide: int) -> tuple[str | None, str | None]:
        """The picture's path in the outline, or None and why it is left out."""
        key = hashlib.sha256(blob).hexdigest()
        if key in self.paths:
            path = self.paths[key]
            if path is not None:
                asset = self.assets[key]
                if slide not in asset.slides:
                    self.assets[key] = Asset(asset.name, asset.data, (*asset.slides, slide))
            return path, self.problems.get(key)
        data, problem = self._usable(key, blob, ext)
        if data is None:
            self.paths[key] = None
            self.problems[key] = problem or "a picture left out"
            return None, self.problems[key]
        kind = _kind(data)
        name = self._unique(_slug(alt) or f"slide-{slide}", _EXTENSIONS[kind])
        self.assets[key] = Asset(name, data, (slide,))
        self.paths[key] = f"assets/{name}"
        return self.paths[key], None

    def _usable(self, key: str, blob: bytes, ext: str) -> tuple[bytes | None, str | None]:
        if ext in VECTOR:
            if key not in self.converted:
                return None, f"a {ext.upper()} picture left out (LibreOffice could not convert it)"
            blob = self.converted[key]
        elif ext in _PILLOW_TO_PNG:
            blob = _as_png(blob)
            if blob is None:
                return None, f"a {ext.upper()} picture left out: it cannot be decoded"
        return checked(blob)

    def _unique(self, stem: str, extension: str) -> str:
        taken = {asset.name for asset in self.assets.values()}
        name, count = f"{stem}.{extension}", 1
        while name in taken:
            count += 1
            name = f"{stem}-{count}.{extension}"
        return name


def _kind(data: bytes) -> str:
    kind = next((name for magic, name in PICTURE_FORMATS.items() if data.startswith(magic)), None)
    return kind or "SVG"


def checked(data: bytes) -> tuple[bytes | None, str | None]:
    """The picture's bytes if an outline may show it (for an SVG: the sanitised SVG),
    else None and why not."""
    if len(data) > MAX_PICTURE_BYTES:
        return None, f"a picture left out: over {MAX_PICTURE_BYTES >> 20} MiB"
    kind = next((name for magic, name in PICTURE_FORMATS.items() if data.startswith(magic)), None)
    problems: list[Diagnostic]
    if kind is None and looks_like_svg(data):
        svg, problems = check_svg(data, "an SVG picture", None, MAX_PICTURE_PIXELS)
        if svg is not None:
            return svg.data, None
    elif kind is None:
        return None, "a picture left out: it is not a PNG, JPEG, SVG, GIF, TIFF or BMP"
    else:
        picture, problems = _decode(Path("picture"), data, kind, "the picture", None)
        if picture is not None:
            return data, None
    reason = problems[0].message if problems else "it cannot be read"
    return None, f"a picture left out: {reason}"


def _as_png(blob: bytes) -> bytes | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(blob)) as image:
            if image.width * image.height > MAX_PICTURE_PIXELS:
                return None
            image.seek(0)
            out = io.BytesIO()
            image.convert("RGBA" if "A" in image.getbands() else "RGB").save(out, "PNG")
            return out.getvalue()
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for damaged files
        return None


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:6]
    return "-".join(words)[:60].strip("-")


def convert_vector(blobs: dict[str, tuple[bytes, str]]) -> tuple[dict[str, bytes], str | None]:
    """EMF and WMF pictures (by content hash: bytes, extension) as PNG, by one LibreOffice
    run; what could not be converted is missing, with the reason."""
    if not blobs:
        return {}, None
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return {}, "LibreOffice (soffice) is not installed"
    with tempfile.TemporaryDirectory(prefix="deckgen-import-") as folder:
        root = Path(folder)
        files = []
        for key, (blob, ext) in blobs.items():
            source = root / f"{key}.{ext}"
            source.write_bytes(blob)
            files.append(str(source))
        command = [
            soffice,
            f"-env:UserInstallation={(root / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "png",
            "--outdir",
            str(root / "out"),
            *files,
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=_SOFFICE_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return {}, "LibreOffice did not convert them in time"
        out = {}
        for key in blobs:
            made = root / "out" / f"{key}.png"
            if made.is_file():
                out[key] = made.read_bytes()
    return out, None
