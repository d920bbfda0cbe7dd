"""Pixel size of the pictures layout places (PNG and JPEG, checked by the loader)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=256)
def image_size(path: str) -> tuple[int, int]:
    from PIL import Image  # Pillow comes with python-pptx

    with Image.open(path) as im:
        return im.size
