"""Writing an imported deck into a folder: ``outline.yaml``, ``assets/<name>`` for each
picture and ``template.pptx`` for the source's design, all of them or none
(``output.write_all``), never over an earlier import unless asked (``force``).

Then ``check_written`` reads the outline back with deckgen's own loader: an import that
writes an outline deckgen refuses is a bug, said as one.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..errors import BuildError, Diagnostic, InputError, error
from ..outline.yamltree import forbidden_character
from .model import ImportedDeck
from .write_yaml import outline_text

__all__ = [
    "OUTLINE_NAME",
    "check_written",
    "import_files",
    "outline_text",
    "refuse_existing",
    "write_import",
]

OUTLINE_NAME = "outline.yaml"
TEMPLATE_NAME = "template.pptx"
ASSETS = "assets"
MAX_NAME_BYTES = 255  # one file name, as most file systems allow


def import_files(deck: ImportedDeck, folder: Path, source: Path) -> list[tuple[Path, bytes]]:
    """What an import writes, in order: the outline, each picture, the template."""
    files = [(folder / OUTLINE_NAME, outline_text(deck, source.name).encode("utf-8"))]
    seen: set[str] = set()
    for asset in deck.assets:
        _check_asset_name(asset.name, seen)
        files.append((folder / ASSETS / asset.name, asset.data))
    if deck.template is not None:
        files.append((folder / TEMPLATE_NAME, deck.template))
    return files


def write_import(deck: ImportedDeck, folder: Path, source: Path, force: bool = False) -> list[Path]:
    """Write ``deck`` into ``folder``, all or none, and return the paths written.

    Refuses (InputError, exit 2) when the outline, a picture or the template it would
    write is there already, unless ``force``; and always when ``folder/assets`` is a
    symbolic link (the pictures would land wherever it points)."""
    from ..output import write_all

    folder = Path(folder)
    files = import_files(deck, folder, Path(source))
    assets = folder / ASSETS
    if assets.is_symlink():
        raise InputError(
            f"{assets} is a symbolic link",
            [
                error(
                    f"{assets} is a symbolic link; deckgen import never writes through one",
                    hint="remove the link, or import into another folder with -o",
                )
            ],
        )
    if not force:
        refuse_existing(folder, [path for path, _data in files])
    return write_all(files)


def refuse_existing(folder: Path, targets: list[Path]) -> None:
    there = [path for path in targets if path.exists() or path.is_symlink()]
    if not there:
        return
    names = ", ".join(str(path.relative_to(folder)) for path in there)
    raise InputError(
        f"{folder} already holds an import",
        [
            error(
                f"{folder} already holds {names}; deckgen import replaces nothing unasked",
                hint="pass --force to replace them, or import into another folder with -o",
            )
        ],
    )


def _check_asset_name(name: str, seen: set[str]) -> None:
    """A picture's name is one plain file name inside assets/, given once. The reader
    makes them (from alt text a deck supplies): one that is not is deckgen's bug."""
    plain = (
        bool(name)
        and name == PurePosixPath(name).name
        and "\\" not in name
        and not name.startswith(".")
        and forbidden_character(name) is None
        and len(name.encode("utf-8", "surrogatepass")) <= MAX_NAME_BYTES
    )
    if not plain or name in seen:
        why = "is given twice" if plain else "is not a plain file name"
        raise BuildError(
            "bad picture name",
            [
                error(
                    f"deckgen import made the picture name {name!r}, which {why}",
                    hint="this is a bug in deckgen import; please report it with the deck",
                )
            ],
        )
    seen.add(name)


def check_written(outline: Path) -> tuple[Diagnostic, ...]:
    """Load the written outline as ``deckgen build`` will; its warnings (a picture
    without alt text…) come back. One deckgen refuses is a BuildError naming the bug."""
    from ..outline.loader import load_outline

    try:
        loaded = load_outline(outline)
    except InputError as exc:
        said = [
            error(
                f"deckgen import wrote {outline}, which deckgen refuses: a bug in deckgen "
                "import; please report it with the deck",
            ),
            *exc.diagnostics,
        ]
        raise BuildError(f"{outline}: imported outline does not load", said) from None
    return tuple(loaded.warnings)
