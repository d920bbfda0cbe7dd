"""`deckgen init`: a starter talk that builds as it is, with its schema beside it."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from ._shipped import shipped_assets
from .errors import InputError, OutputError, error

STARTER_ICONS = ("shield.png", "compass.png")
STARTER_PICTURES = ("diagram.svg",)  # from deckgen/starter, into assets/
SCHEMA_NAME = "outline.schema.json"  # the starter's $schema line points here: no network


def scaffold(folder: str | Path, force: bool = False) -> list[Path]:
    """Write the starter outline, its schema and its icons into ``folder``."""
    if not str(folder).strip():
        raise InputError(
            "no folder",
            [error("deckgen init needs a folder to write into", hint="e.g. deckgen init my-talk")],
        )
    directory = Path(folder)
    outline = directory / "outline.yaml"
    icons = directory / "assets" / "icons"
    targets = [outline, directory / SCHEMA_NAME, *(icons / name for name in STARTER_ICONS)]
    targets += [directory / "assets" / name for name in STARTER_PICTURES]
    _refuse_links([directory / "assets", icons, *targets])
    if outline.exists() and not force:
        raise InputError(
            f"{outline} exists",
            [error(f"{outline} already exists", hint="pick a new folder, or pass --force")],
        )
    try:
        return _write(directory, outline, icons)
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


def _refuse_links(paths: list[Path]) -> None:
    """init never writes through a symbolic link: it would overwrite what it points to."""
    links = [path for path in paths if path.is_symlink()]
    if links:
        raise InputError(
            "symbolic link in the way",
            [
                error(
                    f"{path} is a symbolic link; deckgen init never writes through one",
                    hint="remove the link, or pick a new folder",
                )
                for path in links
            ],
        )


def _write(directory: Path, outline: Path, icons: Path) -> list[Path]:
    from .outline.schema import outline_schema_json

    icons.mkdir(parents=True, exist_ok=True)
    text = resources.files("deckgen").joinpath("starter/outline.yaml").read_text("utf-8")
    outline.write_text(text, encoding="utf-8")
    schema = directory / SCHEMA_NAME
    schema.write_text(outline_schema_json(), encoding="utf-8")
    written = [outline, schema]
    assets = shipped_assets()
    for name in STARTER_ICONS:
        target = icons / name
        shutil.copyfile(assets / "icons" / name, target)
        written.append(target)
    for name in STARTER_PICTURES:
        target = directory / "assets" / name
        target.write_bytes(resources.files("deckgen").joinpath("starter", name).read_bytes())
        written.append(target)
    return written
