"""`deckgen template …`: look at an organisation's template before building on it."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path

import click


@click.group()
def template() -> None:
    """Work with an organisation's PowerPoint template (.pptx or .potx)."""


@template.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--strip-macros", is_flag=True, help="Open a template with macros, without them.")
@click.option(
    "--allow-external-links", is_flag=True, help="Open a template that links to outside files."
)
def inspect(file, as_json, strip_macros, allow_external_links) -> None:
    """Show FILE's slide size, masters, layouts and placeholders, theme fonts and colours,
    and what opening it repaired (sample slides, duplicate ids, a missing table style)."""
    from ..template.inspect import as_text, describe
    from ..template.package import TemplateOptions, read_template

    path = Path(file)
    options = TemplateOptions(strip_macros, allow_external_links)
    # named on the command line by the person running deckgen: its own folder is fine
    opened = read_template(file, Path.cwd(), path.resolve().parent, None, options)
    report = describe(opened)
    if as_json:
        _print([_json(report)])
    else:
        _print(as_text(report))


def _json(report: dict) -> str:
    """The report as JSON with every character a terminal would not show as itself (a
    bidirectional override, a line separator) written as a JSON escape: the data read
    back is the same, and the text cannot disguise itself."""
    text = json.dumps(report, indent=2, ensure_ascii=False)
    return "".join(ch if ch.isprintable() or ch == "\n" else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # beyond the BMP: a surrogate pair, as JSON spells it
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _print(lines) -> None:
    """Print ``lines``; when the reader goes away (``… | head -1``), stop quietly with
    status 1, as Click's own commands do."""
    try:
        for line in lines:
            click.echo(line)
        sys.stdout.flush()
    except BrokenPipeError:
        with contextlib.suppress(OSError):  # whatever is still buffered goes nowhere
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None


@template.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("outline", required=False, type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
def new(file, outline, force) -> None:
    """Write deckgen's design as an editable template (FILE ending .pptx or .potx) a
    designer can start from: 16:9, its grid, type scale, fonts and colours (OUTLINE's
    theme and concepts if given), the footer and slide-number boxes, no slides."""
    from ..output import write_all
    from ..template_new import new_template

    path, data = new_template(file, outline, force)
    write_all([(path, data)])
    click.echo(f"wrote {path} (open it in PowerPoint, edit its masters, then build on it)")


@template.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("outline", required=False, type=click.Path(dir_okay=False))
@click.option("--audience", metavar="NAME", help="Check one of the outline's audiences.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--strip-macros", is_flag=True, help="Open a template with macros, without them.")
@click.option(
    "--allow-external-links", is_flag=True, help="Open a template that links to outside files."
)
def check(file, outline, audience, as_json, strip_macros, allow_external_links) -> None:
    """Build OUTLINE (default: ./outline.yaml, else the shipped talk) on FILE without
    writing anything, and report the layouts used and what did not fit, read poorly, or
    had to stand in (fonts); exit 1 if the build would fail."""
    from ..build import BuildOptions
    from ..template_trial import check_template
    from .options import _resolve_outline

    path, name, _shipped = _resolve_outline(outline)
    options = BuildOptions(
        outline=path,
        out_dir=Path("."),
        formats=("pptx",),
        display_name=name,
        audience=audience,
        template=Path(file),
        strip_macros=strip_macros,
        allow_external_links=allow_external_links,
    )
    trial = check_template(file, options)
    if as_json:
        _print([_json(trial.report)])
    else:
        _print(trial.lines())
    if not trial.builds:
        raise SystemExit(1)
