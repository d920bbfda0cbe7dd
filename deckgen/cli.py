"""The command line: a thin Click layer over the library.

Each command parses options into library types, calls one library function,
prints its diagnostics and maps DeckgenError to an exit code:
0 ok, 1 build failed (or warnings under --strict), 2 bad input or usage,
3 output could not be written, 130 interrupted. Heavy imports happen inside
the commands so that ``deckgen --help`` stays fast.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
DEFAULT_OUTLINE = "outline.yaml"


def _echo_diagnostics(diagnostics, err: bool = True) -> None:
    for d in diagnostics:
        click.echo(str(d), err=err)


def _fail(exc) -> None:
    """Print a DeckgenError's diagnostics and exit with its code."""
    _echo_diagnostics(exc.diagnostics)
    if not exc.diagnostics:
        click.echo(f"error: {exc.message}", err=True)
    counts = sum(1 for d in exc.diagnostics if d.severity.value == "error")
    if counts > 1:
        click.echo(f"{counts} errors", err=True)
    sys.exit(exc.exit_code)


def _resolve_outline(outline: str | None) -> tuple[Path, str, bool]:
    """(path, display name, is_shipped) for the OUTLINE argument."""
    if outline is not None:
        return Path(outline), outline, False
    if Path(DEFAULT_OUTLINE).exists():
        return Path(DEFAULT_OUTLINE), DEFAULT_OUTLINE, False
    from ._shipped import shipped_outline

    shipped = shipped_outline()
    if shipped is None:  # pragma: no cover - a broken install
        raise click.UsageError("no outline.yaml here and no shipped outline installed")
    return shipped, str(shipped), True


def _parse_sets(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"'{item}' is not NAME=VALUE", param_hint="--set")
        out[name.strip()] = value
    return out


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # a bug: say so plainly, keep the traceback for debugging
            if os.environ.get("DECKGEN_DEBUG"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
            click.echo(
                "this is a bug in deckgen; rerun with DECKGEN_DEBUG=1 for the "
                "traceback and report it",
                err=True,
            )
            sys.exit(1)


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="deckgen")
def main() -> None:
    """deckgen: one YAML outline of a talk in; an editable PowerPoint deck out.

    Run `deckgen build` in a folder with an outline.yaml (or anywhere, to build
    the shipped explainer "AI Security vs. AI Safety").
    """


@main.command()
@click.argument("outline", required=False, type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    "out_dir",
    default="build",
    show_default=True,
    type=click.Path(),
    help="Folder to write into.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["pptx", "handout", "slides-pdf"]),
    help="What to write (repeatable). Default: the deck and the handout.",
)
@click.option(
    "--per-page",
    type=click.Choice(["1", "2", "3", "4", "6", "9"]),
    help="Handout with N slides a page (PowerPoint's set) instead of slides with their notes.",
)
@click.option("--lines", is_flag=True, help="Ruled lines for notes beside or under each slide.")
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter"]),
    default="a4",
    show_default=True,
    help="Handout paper size.",
)
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="NAME=VALUE",
    help="Fill a declared {variable}, e.g. --set presenter='Ada Lovelace'.",
)
@click.option("--strict", is_flag=True, help="Treat layout warnings as errors (exit 1).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON manifest on stdout.")
def build(outline, out_dir, formats, per_page, lines, paper, sets, strict, as_json) -> None:
    """Build the deck and the handout from OUTLINE (default: ./outline.yaml)."""
    from .build import DEFAULT_FORMATS, BuildOptions
    from .build import build as run_build
    from .errors import DeckgenError
    from .layout.handout import HandoutOptions

    path, name, shipped = _resolve_outline(outline)
    if shipped:
        click.echo(f"no outline.yaml here: building the shipped explainer ({path})", err=True)
    options = BuildOptions(
        outline=path,
        out_dir=Path(out_dir),
        formats=tuple(dict.fromkeys(formats)) or DEFAULT_FORMATS,
        handout=HandoutOptions(int(per_page) if per_page else None, lines, paper),
        strict=strict,
        variables=_parse_sets(sets),
        display_name=name,
    )
    try:
        result = run_build(options)
    except DeckgenError as exc:
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "ok": False,
                        "exit_code": exc.exit_code,
                        "errors": [d.to_json() for d in exc.diagnostics],
                    },
                    indent=2,
                )
            )
        _fail(exc)
    _echo_diagnostics(result.diagnostics)
    if as_json:
        click.echo(json.dumps({"ok": True, **result.to_json()}, indent=2))
    else:
        for out in result.outputs:
            click.echo(f"wrote {out.path} ({out.format}, {out.slides} slides, {out.size:,} bytes)")


@main.command()
@click.argument("outline", required=False, type=click.Path(dir_okay=False))
def validate(outline) -> None:
    """Check OUTLINE without building; report every problem with file:line:col."""
    from .errors import DeckgenError
    from .outline.loader import load_outline

    path, name, _shipped = _resolve_outline(outline)
    try:
        result = load_outline(path, name)
    except DeckgenError as exc:
        _fail(exc)
    slides = sum(len(s.slides) for s in result.sections)
    click.echo(f"{name}: ok ({len(result.sections)} sections, {slides} slides in the outline)")


@main.command()
def schema() -> None:
    """Print the outline's JSON Schema (draft-07)."""
    from .outline.schema import outline_schema_json

    click.echo(outline_schema_json(), nl=False)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Write into a folder that already has an outline.")
def init(directory, force) -> None:
    """Start a new talk in DIRECTORY: a starter outline and assets that build."""
    from .errors import DeckgenError
    from .scaffold import scaffold

    try:
        written = scaffold(Path(directory), force=force)
    except DeckgenError as exc:
        _fail(exc)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"next: cd {directory} && deckgen build")
