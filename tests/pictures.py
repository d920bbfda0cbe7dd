"""Real picture bytes for tests, made with Pillow, and broken ones that pass a signature
check: the kinds of file the loader must decode or refuse."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def png(width: int = 4, height: int = 3, color=(31, 90, 166)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buf, format="PNG")
    return buf.getvalue()


def jpeg(width: int = 4, height: int = 3, color=(180, 83, 42)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buf, format="JPEG")
    return buf.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb,
    or 0 × 0), with almost no pixel data behind it."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 7)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


PNG_MAGIC_THEN_GARBAGE = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
TRUNCATED_PNG = png(64, 64)[:-40]
TRUNCATED_JPEG = jpeg(64, 64)[: len(jpeg(64, 64)) // 2]
