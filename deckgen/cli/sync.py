"""`deckgen sync`: the edits made in a built deck carried back into its outline."""

from __future__ import annotations

from pathlib import Path

import click

from .report import echo_diagnostics


@click.command()
@click.argument("deck", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("outline", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Print the outline's diff; write nothing.")
def sync(deck: Path, outline: Path | None, dry_run: bool) -> None:
    """Carry the text edited in DECK (a deck deckgen built, edited in PowerPoint or
    LibreOffice) back into OUTLINE (default: the outline the deck names, in the deck's
    folder, the one above it or the working folder; the one it was built from first).
    Each edited title, bullet, note, table cell, quote, analogy pair, takeaway or quiz
    text changes exactly its scalar in the outline; nothing else in the file changes.
    Prints the outline's diff. What cannot be carried back (slides added, deleted or
    moved, generated text) is a conflict: reported with its slide number, never
    blocking the other edits; exit 1."""
    from ..output import write_all
    from ..sync.run import sync_deck

    result = sync_deck(deck, outline)
    diff = result.diff()
    click.echo(diff, nl=False)
    echo_diagnostics(result.warnings)
    echo_diagnostics(result.conflicts)
    if not dry_run and diff:
        write_all([(result.outline, result.written())])
        click.echo(f"wrote {result.outline} ({result.edits} edits)", err=True)
    if result.conflicts:
        click.echo(f"{len(result.conflicts)} conflicts", err=True)
        raise SystemExit(1)
