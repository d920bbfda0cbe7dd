"""`deckgen template …`: look at an organisation's template before building on it."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .report import fail


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
    from ..errors import DeckgenError
    from ..template.inspect import as_text, describe
    from ..template.package import TemplateOptions, read_template

    path = Path(file)
    options = TemplateOptions(strip_macros, allow_external_links)
    try:  # named on the command line by the person running deckgen: its own folder is fine
        opened = read_template(path.name, path.parent, path.parent, None, options)
    except DeckgenError as exc:
        fail(exc)
    report = describe(opened)
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for line in as_text(report):
        click.echo(line)
