"""`deckgen import`: an existing PowerPoint deck as an outline deckgen builds."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click

from .options import json_manifest_option
from .report import echo_diagnostics


@click.command("import")
@click.argument("deck", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="The folder to write into. Default: a folder named after DECK in the current "
    "directory (./talk for talk.pptx).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace the outline.yaml, pictures and template.pptx of an earlier import there.",
)
@json_manifest_option("Print a JSON manifest: slides, warnings, files.")
@click.option(
    "-q", "--quiet", is_flag=True, help="No slide-by-slide report: warnings and files only."
)
def import_deck(deck, out_dir, force, as_json, quiet) -> None:
    """Turn DECK (.pptx, .potx or .pptm; nothing in it runs) into an outline deckgen
    builds: DIR/outline.yaml, DIR/assets/ (its pictures) and DIR/template.pptx (its
    design), all or none. Says what each slide became and warns, slide by slide, of
    everything left behind (exit 2 for a deck it cannot read)."""
    from ..deck_import.summary import next_command, slide_line, warning_line, wrote_line

    source = Path(deck)
    folder = Path(out_dir) if out_dir else Path(source.stem or "imported")
    imported, written, loaded = _import(source, folder, force)
    if not quiet and not as_json:
        for record in imported.slides:
            click.echo(slide_line(record))
    for warning in imported.warnings:
        click.echo(warning_line(deck, warning), err=True)
    echo_diagnostics(loaded)
    if as_json:
        from ..deck_import.summary import manifest

        click.echo(json.dumps(manifest(deck, folder, imported, written, loaded), indent=2))
        return
    click.echo(wrote_line(folder, imported))
    click.echo(f"next: {next_command(folder)}")


def _import(source: Path, folder: Path, force: bool):
    """Read, write and load back: (the deck read, the files written, the outline's
    warnings as deckgen build will give them)."""
    from ..deck_import.read import read_deck
    from ..deck_import.write import (
        OUTLINE_NAME,
        check_written,
        refuse_existing,
        write_import,
    )

    if not force:  # before reading: a deck can take seconds
        refuse_existing(folder, [folder / OUTLINE_NAME])
    imported = read_deck(source)
    # loaded back from a scratch copy first: an outline deckgen would refuse (a bug)
    # never replaces an earlier import
    with tempfile.TemporaryDirectory(prefix="deckgen-import-") as scratch:
        write_import(imported, Path(scratch), source, force=True)
        loaded = check_written(Path(scratch) / OUTLINE_NAME)
    written = write_import(imported, folder, source, force)
    return imported, written, _here(loaded, Path(scratch), folder)


def _here(loaded, scratch: Path, folder: Path) -> tuple:
    """The outline's warnings as the written folder's: positions in the scratch copy
    named as the outline in ``folder``."""
    from dataclasses import replace

    out = []
    for found in loaded:
        pos = found.pos
        if pos is not None and Path(pos.file).parent == scratch:
            found = replace(found, pos=replace(pos, file=str(folder / Path(pos.file).name)))
        out.append(found)
    return tuple(out)
