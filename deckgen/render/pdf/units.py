"""EMU (origin top-left) → PDF points (origin bottom-left), with a scale for thumbnails."""

from __future__ import annotations

from dataclasses import dataclass

from ...layout.geometry import EMU_PER_PT

__all__ = ["EMU_PER_PT", "Transform", "rgb"]


def rgb(color: str) -> tuple[float, float, float]:
    return tuple(int(color[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


@dataclass(frozen=True)
class Transform:
    """Maps a slide's EMU to page points: the slide's top-left lands at (left, top)."""

    left: float
    top: float
    scale: float = 1.0

    def x(self, emu: float) -> float:
        return self.left + emu / EMU_PER_PT * self.scale

    def y(self, emu: float) -> float:
        return self.top - emu / EMU_PER_PT * self.scale

    def length(self, emu: float) -> float:
        return emu / EMU_PER_PT * self.scale

    def size(self, points: float) -> float:
        return points * self.scale
