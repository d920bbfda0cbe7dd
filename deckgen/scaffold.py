"""`deckgen init`: a starter talk that builds as it is."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from ._shipped import shipped_assets
from .errors import InputError, OutputError, error

STARTER_ICONS = ("shield.png", "compass.png")


def scaffold(directory: Path, force: bool = False) -> list[Path]:
    outline = directory / "outline.yaml"
    if outline.exists() and not force:
        raise InputError(
            f"{outline} exists",
            [error(f"{outline} already exists", hint="pick a new folder, or pass --force")],
        )
    assets = shipped_assets()
    try:
        (directory / "assets" / "icons").mkdir(parents=True, exist_ok=True)
        text = resources.files("deckgen").joinpath("starter/outline.yaml").read_text("utf-8")
        outline.write_text(text, encoding="utf-8")
        written = [outline]
        for name in STARTER_ICONS:
            target = directory / "assets" / "icons" / name
            shutil.copyfile(assets / "icons" / name, target)
            written.append(target)
    except OSError as exc:
        raise OutputError(
            f"cannot write {directory}",
            [
                error(
                    f"cannot write into {directory}: {exc.strerror or exc}",
                    hint="choose a folder you can write to",
                )
            ],
        ) from None
    return written
