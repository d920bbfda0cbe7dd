"""Where the shipped explainer lives: inside the wheel, or at the repository root.

The wheel carries the repository's own outline.yaml and assets/ (see
pyproject.toml, force-include); a checkout or editable install uses them in place.
"""

from __future__ import annotations

from pathlib import Path


def shipped_outline() -> Path | None:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / "outline.yaml", here.parent / "outline.yaml"):
        if candidate.is_file():
            return candidate
    return None


def shipped_assets() -> Path | None:
    outline = shipped_outline()
    return outline.parent / "assets" if outline else None
