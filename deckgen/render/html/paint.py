"""What the web handout's slides paint other than plain colours: pictures (each once a
document, drawn with ``<use>``), a template's gradients and picture fills."""

from __future__ import annotations

import base64
import hashlib
import math
from dataclasses import dataclass, field

from ...layout.frames import Gradient, PictureFill
from ...layout.geometry import Rect
from .units import EMU_PER_PT, num, pt

MAX_TILES = 400  # copies of a tiled picture fill; more: stretched once, as the PDFs


@dataclass
class Pictures:
    """Every picture of the document as one ``<image>`` in a shared ``<defs>``, drawn
    with ``<use>``: a template's artwork on every slide is in the page once."""

    found: dict[str, str] = field(default_factory=dict)  # id -> data URL

    def use(self, data: bytes, rect: Rect, extra: str = "") -> str:
        key = "p" + hashlib.sha256(data).hexdigest()[:16]
        if key not in self.found:
            self.found[key] = data_url(data)
        scale = f"{pt(rect.w)} {pt(rect.h)}"
        return (
            f'<use href="#{key}" transform="translate({pt(rect.x)} {pt(rect.y)}) '
            f'scale({scale})"{extra}/>'
        )

    def defs(self) -> str:
        images = "".join(
            f'<image id="{key}" width="1" height="1" preserveAspectRatio="none" href="{url}"/>'
            for key, url in self.found.items()
        )
        return (
            '<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">'
            f"<defs>{images}</defs></svg>"
        )


def data_url(data: bytes) -> str:
    return f"data:{mime_of(data)};base64,{base64.b64encode(data).decode('ascii')}"


def mime_of(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    return "image/svg+xml"


def gradient(paint: Gradient, new_id, defs: list[str]) -> str:
    key = new_id()
    width, height = paint.width / EMU_PER_PT, paint.height / EMU_PER_PT
    stops = paint.stops if len(paint.stops) > 1 else paint.stops * 2
    marks = "".join(
        f'<stop offset="{num(pos if len(paint.stops) > 1 else index)}" stop-color="#{color}"'
        + (f' stop-opacity="{num(alpha)}"' if alpha < 1 else "")
        + "/>"
        for index, (pos, color, alpha) in enumerate(stops)
    )
    if paint.radial:
        cx, cy = paint.centre[0] * width, paint.centre[1] * height
        radius = max(math.hypot(width, height) / 2, 0.01)
        defs.append(
            f'<radialGradient id="{key}" gradientUnits="userSpaceOnUse" cx="{num(cx)}" '
            f'cy="{num(cy)}" r="{num(radius)}">{marks}</radialGradient>'
        )
    else:
        turn = math.radians(paint.angle)
        dx, dy = math.cos(turn), math.sin(turn)
        reach = abs(width / 2 * dx) + abs(height / 2 * dy)
        mx, my = width / 2, height / 2
        defs.append(
            f'<linearGradient id="{key}" gradientUnits="userSpaceOnUse" '
            f'x1="{num(mx - dx * reach)}" y1="{num(my - dy * reach)}" '
            f'x2="{num(mx + dx * reach)}" y2="{num(my + dy * reach)}">{marks}</linearGradient>'
        )
    return f'<rect width="{num(width)}" height="{num(height)}" fill="url(#{key})"/>'


def picture_fill(paint: PictureFill, pictures: Pictures) -> str:
    left, top, width, height = paint.box
    if not paint.tile:
        return pictures.use(paint.data, Rect(left, top, width, height))
    across = -(-(paint.width - left % width) // width) + 1
    down = -(-(paint.height - top % height) // height) + 1
    if across * down > MAX_TILES:
        return pictures.use(paint.data, Rect(0, 0, paint.width, paint.height))
    first_x, first_y = left % width - width, top % height - height
    return "".join(
        pictures.use(
            paint.data, Rect(first_x + column * width, first_y + row * height, width, height)
        )
        for row in range(down + 1)
        for column in range(across + 1)
    )
