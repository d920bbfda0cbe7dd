"""`deckgen translate`: the talk's texts for translators' tools (PO, XLIFF), kept up to date
with the outline, and checked."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .options import _overlay_option, outline_argument

_FILE = click.Path(dir_okay=False, path_type=Path)


@click.group()
def translate() -> None:
    """Translate the talk: PO or XLIFF files for translators' tools."""


def _language(_context, _param, value: str) -> str:
    """``--to`` as a BCP 47 tag, or a usage error saying what one is."""
    from ..translation.apply import language_tag

    tag = language_tag(value)
    if tag is None:
        raise click.BadParameter(
            f"{value!r} is no language tag: give one as BCP 47 writes it (de, fr, pt-BR)"
        )
    return tag


@translate.command()
@outline_argument
@click.option(
    "--to",
    "language",
    required=True,
    callback=_language,
    help="The language to translate into: de, fr, pt-BR.",
)
@click.option("-o", "--output", type=_FILE, help="The file (default: translations/LANG.po).")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["po", "xliff"]),
    help="po (Poedit, Weblate) or xliff: XLIFF 1.2 (OmegaT, Trados, memoQ). Default: by "
    "the file's name (.xlf, .xliff: XLIFF), else po.",
)
@click.option(
    "--add-ids",
    is_flag=True,
    help="First write an id: into each slide of OUTLINE that has none (in place; nothing "
    "else in the file moves), so its texts' keys never follow its title.",
)
@_overlay_option
def extract(outline, language, output, format_name, add_ids, overlays) -> None:
    """Write every translatable text of OUTLINE to a new translation file: one unit a
    text, keyed by its slide's id and field, with its line and what it is on; markup and
    {variables} kept, URLs, ids and code left out."""
    from ..translation.commands import extract as run
    from . import _load_for_command, _resolve_outline

    source, name = _load_for_command(outline, overlays)
    if add_ids:
        from ..translation.ids import add_ids as write_ids

        path, _name, shipped = _resolve_outline(outline)
        if shipped:
            raise click.UsageError("--add-ids writes into an outline: name yours")
        given = write_ids(source, Path(path), name)
        for line, slide_id in given:
            click.echo(f"{name}:{line}: id: {slide_id}")
        source, name = _load_for_command(outline, overlays)
    suffix = ".xlf" if format_name == "xliff" else ".po"
    target = output or Path(source.base_dir) / "translations" / f"{language}{suffix}"
    counts = run(source, target, language, format_name, Path(name).name, _fits(source))
    click.echo(f"wrote {target} ({counts['new']} texts to translate into {language})")
    if counts["unnamed"]:
        click.echo(
            f"warning: {counts['unnamed']} texts are on slides without an id: their keys "
            "follow the slide's title (give each slide an 'id:' so a changed title keeps "
            "its translations)",
            err=True,
        )


@translate.command()
@click.argument("file", type=_FILE)
@outline_argument
@_overlay_option
def update(file, outline, overlays) -> None:
    """Extract OUTLINE's texts again into FILE: translations kept, those whose source
    changed marked for review (PO: fuzzy, with the previous source; XLIFF:
    needs-review-translation), new texts added, removed ones dropped."""
    from ..translation.commands import update as run
    from . import _load_for_command

    source, name = _load_for_command(outline, overlays)
    counts = run(source, file, Path(name).name, _fits(source))
    click.echo(
        f"updated {file}: {counts['kept']} kept, {counts['review']} to review, "
        f"{counts['new']} new, {counts['removed']} removed"
    )


@translate.command()
@click.argument("file", type=_FILE)
@outline_argument
@_overlay_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def check(file, outline, overlays, as_json) -> None:
    """Check FILE against OUTLINE: how much is translated, what awaits review, what is
    left over, and every translation that breaks its source's markup or {variables}.
    Exits 1 when a translation breaks its source."""
    from ..translation.commands import check as run
    from . import _load_for_command

    source, _name = _load_for_command(outline, overlays)
    report = run(source, file, _fits(source))
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(
            f"{file} ({report.language}): {report.translated} of {report.units} texts "
            f"translated, {len(report.missing)} untranslated, {len(report.stale)} to review"
        )
        for finding in report.findings():
            click.echo(str(finding), err=True)
    if not report.ok:
        raise SystemExit(1)


def _fits(source):
    """How long each slide text may get at the design's size (the default build's); none,
    and said, where the talk does not build as it is (its texts are extracted all the
    same)."""
    from ..fitnotes import room_notes

    fits, why = room_notes(source)
    if why is not None:
        click.echo(
            f"warning: the talk does not build as it is, so no note says how long a text may "
            f"get ({why})",
            err=True,
        )
    return fits
