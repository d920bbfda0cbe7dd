"""Where input files may come from, and the pictures checked once before anything is built.

Outlines, overlays and pictures are untrusted. Every file deckgen reads must be a
regular file (no FIFO, device or folder: a FIFO would block forever), and overlays and
pictures must lie inside the project folder (the outline's folder) once symlinks and
``..`` are resolved, so an outline can never make deckgen read, embed or quote a file
from elsewhere. Pictures are read and decoded fully here, once, within documented
limits; layout and both renderers use these same checked bytes.
"""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic, SourcePos, decoder_said, error, quoted
from .svg import check_svg, looks_like_svg

MAX_PICTURE_BYTES = 20 * 1024 * 1024  # a picture file
MAX_PICTURE_PIXELS = 40_000_000  # width × height, checked before decoding
PICTURE_FORMATS = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


@dataclass(frozen=True)
class CheckedPicture:
    """A picture's bytes, decoded once and found whole."""

    path: str  # resolved, absolute
    data: bytes
    width: int
    height: int
    format: str  # "PNG", "JPEG" or "SVG" (width and height: its size in CSS pixels)


def resolve(path_text: str, base: str | Path) -> Path:
    """Where ``path_text`` (relative to ``base``) really leads, symlinks and '..' resolved."""
    path = Path(path_text)
    return (path if path.is_absolute() else Path(base) / path).resolve()


def inside(path: Path, folder: str | Path) -> bool:
    """Whether the resolved ``path`` lies in ``folder`` (resolved too)."""
    return path.is_relative_to(Path(folder).resolve())


MISSING, FOLDER, SPECIAL, UNREADABLE = "missing", "folder", "special", "unreadable"


def not_regular(path: Path) -> tuple[str, str] | None:
    """Why ``path`` cannot be read as a file, and which case it is (MISSING, FOLDER,
    SPECIAL for a FIFO, device or socket, UNREADABLE); None if it can."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "not found", MISSING
    except NotADirectoryError:
        return "not found (a part of its path is a file, not a folder)", MISSING
    except OSError as exc:
        return f"cannot be read ({exc.strerror})", UNREADABLE
    except ValueError:  # a NUL in the path
        return "is not a valid file name", UNREADABLE
    if stat.S_ISDIR(mode):
        return "is a folder, not a file", FOLDER
    if not stat.S_ISREG(mode) or _of_the_kernel(path):
        return "is not a regular file (a pipe, a device, a socket or the kernel's)", SPECIAL
    return None


_KERNEL_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))


def _of_the_kernel(path: Path) -> bool:
    """Whether ``path`` is one of the kernel's own files (/proc/self/environ passes for a
    regular file of size 0, and reads what it likes)."""
    try:
        where = Path(path).resolve()
    except (OSError, RuntimeError, ValueError):
        return False
    return any(where.is_relative_to(folder) for folder in _KERNEL_FOLDERS)


def check_picture(
    path_text: str, base: str | Path, project: str | Path, pos: SourcePos | None
) -> tuple[CheckedPicture | None, list[Diagnostic]]:
    """The picture at ``path_text``, read and decoded, or the problem at ``pos``."""
    shown = f"image {quoted(path_text)}"
    path, problems = locate_input(path_text, base, project, pos, shown, "a .png, .jpg or .svg file")
    if path is None:
        return None, problems
    return _read(path, shown, pos)


def locate_input(
    path_text: str,
    base: str | Path,
    project: str | Path,
    pos: SourcePos | None,
    shown: str,
    kind: str,
) -> tuple[Path | None, list[Diagnostic]]:
    """Where a file an outline names really is, if it may be read: a regular file inside
    the project folder, symlinks and '..' resolved; else the problem at ``pos``.
    ``shown`` names it in messages ("image 'a.png'"), ``kind`` says what to name instead."""
    if path_text.endswith(("/", os.sep)):
        return None, [error(f"{shown} ends with '/', as a folder does", pos, f"name {kind}")]
    try:
        path = resolve(path_text, base)
    except (OSError, ValueError, RuntimeError):
        return None, [error(f"{shown} is not a valid file name", pos, f"name {kind}")]
    if not inside(path, project):
        return None, [
            error(
                f"{shown} is outside the outline's folder",
                pos,
                "copy it into the outline's folder (e.g. assets/) and give the path from there",
            )
        ]
    problem = not_regular(path)
    if problem is not None:
        return None, [error(f"{shown} {problem[0]}", pos, _where(path_text, base, pos))]
    return path, []


def _where(path_text: str, base: str | Path, pos: SourcePos | None) -> str:
    if os.path.isabs(path_text) or pos is None:  # absolute, or named on the command line
        return "check the path"
    return f"paths are relative to the folder of {pos.file} ({base})"


def _read(path: Path, shown: str, pos) -> tuple[CheckedPicture | None, list[Diagnostic]]:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_PICTURE_BYTES + 1)
    except OSError as exc:
        return None, [error(f"{shown} cannot be read ({exc.strerror})", pos)]
    if len(data) > MAX_PICTURE_BYTES:
        limit = MAX_PICTURE_BYTES // (1024 * 1024)
        return None, [error(f"{shown} is over {limit} MiB", pos, "save it smaller")]
    kind = next((name for magic, name in PICTURE_FORMATS.items() if data.startswith(magic)), None)
    if kind is None and looks_like_svg(data):
        svg, problems = check_svg(data, shown, pos, MAX_PICTURE_PIXELS)
        if svg is None:
            return None, problems
        # the sanitised SVG, never the file's own bytes: what the deck and PDFs use
        return CheckedPicture(str(path), svg.data, svg.width, svg.height, "SVG"), problems
    if kind is None:
        return None, [
            error(f"{shown} is not a PNG, JPEG or SVG file", pos, "convert it to PNG or JPEG")
        ]
    return _decode(path, data, kind, shown, pos)


def _decode(path: Path, data: bytes, kind: str, shown: str, pos):
    from PIL import Image  # Pillow comes with python-pptx

    fix = "open it in an image editor and save it again as PNG or JPEG"
    try:
        with Image.open(io.BytesIO(data), formats=[kind]) as im:
            width, height = im.size
            if width <= 0 or height <= 0:
                return None, [error(f"{shown} has no pixels ({width} × {height})", pos, fix)]
            if width * height > MAX_PICTURE_PIXELS:
                return None, [
                    error(
                        f"{shown} is {width:,} × {height:,} pixels, over the limit of "
                        f"{MAX_PICTURE_PIXELS // 1_000_000} megapixels",
                        pos,
                        "scale it down: a slide needs at most about 4000 pixels across",
                    )
                ]
            im.load()  # decode every pixel now: a damaged file fails here, not mid-build
    except Image.DecompressionBombError:
        limit = MAX_PICTURE_PIXELS // 1_000_000
        return None, [
            error(
                f"{shown} declares more than {limit} megapixels",
                pos,
                "scale it down: a slide needs at most about 4000 pixels across",
            )
        ]
    except Image.UnidentifiedImageError:
        return None, [
            error(f"{shown} cannot be decoded (only its signature says {kind})", pos, fix)
        ]
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for damaged files
        return None, [error(f"{shown} cannot be decoded ({decoder_said(exc)})", pos, fix)]
    return CheckedPicture(str(path), data, width, height, kind), []
