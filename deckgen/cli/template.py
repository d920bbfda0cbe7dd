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
    from ..build import build_time
    from ..errors import InputError, error
    from ..layout.design import default_design
    from ..layout.frames import Deck, DeckMeta
    from ..output import write_all
    from ..render.pptx.deck import render_pptx
    from ..template.package import as_potx

    path = Path(file)
    if path.suffix.lower() not in (".pptx", ".potx"):
        raise InputError(
            "not a template name",
            [
                error(
                    f"{file}: name it .pptx or .potx",
                    hint="e.g. deckgen template new ours.potx",
                )
            ],
        )
    if (path.exists() or path.is_symlink()) and not force:
        raise InputError(
            f"{file} exists",
            [error(f"{file} already exists", hint="pass --force to replace it")],
        )
    talk = _talk_for(outline)
    design = default_design(talk)
    meta = DeckMeta(f"{talk.meta.title} template", None, None, None, None, "en")
    from ..kinds import kind_layouts

    deck = Deck(design.grid.width, design.grid.height, (), meta, design, layouts=kind_layouts())
    data = render_pptx(deck, build_time())
    if path.suffix.lower() == ".potx":
        data = as_potx(data)
    write_all([(path, data)])
    click.echo(f"wrote {path} (open it in PowerPoint, edit its masters, then build on it)")


def _talk_for(outline):
    """The outline's tailored talk, or a bare one in deckgen's default theme."""
    from ..outline.loader import load_outline, load_outline_text
    from ..outline.tailor import tailor

    if outline:
        return tailor(load_outline(outline))
    bare = "meta: {title: deckgen}\nsections:\n  - title: S\n    slides:\n      - {kind: title}\n"
    return tailor(load_outline_text(bare, "(default)"))


TOPICS = (
    ("fit", "fit"),
    ("contrast", "contrast"),
    ("font", "fonts"),
    ("template", "template"),
    (None, "other"),
)


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
    from ..build import BuildOptions, load, render_loaded
    from ..check.findings import by_layout
    from ..errors import BuildError
    from . import _resolve_outline
    from .check import seen_on_template

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
    seen = []
    try:
        rendered = render_loaded(load(options), options)
        diagnostics, slides, failed = rendered.result.diagnostics, rendered.result.slides, False
        seen = seen_on_template(rendered.prepared, rendered.files[0][1], layouts=True)
    except BuildError as exc:
        diagnostics, slides, failed = exc.diagnostics, None, True
    report = _check_report(file, name, _layouts(file, options), diagnostics, slides, failed)
    report["template_findings"] = [finding.to_json() for finding in seen]
    report["by_layout"] = by_layout(seen)
    if as_json:
        del report["by_layout"]
        _print([_json(report)])
    else:
        _print(_check_lines(report))
    if failed:
        raise SystemExit(1)


def _layouts(file, options) -> list[str]:
    from ..template.inspect import as_text, describe
    from ..template.package import TemplateOptions, read_template

    opening = TemplateOptions(options.strip_macros, options.allow_external_links)
    opened = read_template(file, Path.cwd(), Path(file).resolve().parent, None, opening)
    return [line for line in as_text(describe(opened)) if " slides use " in line]


def _check_report(file, outline, layouts, diagnostics, slides, failed) -> dict:
    known = {topic for topic, _label in TOPICS}
    groups = {
        label: [
            d.to_json()
            for d in diagnostics
            if d.topic == topic or (topic is None and d.topic not in known)
        ]
        for topic, label in TOPICS
    }
    return {
        "file": file,
        "outline": outline,
        "builds": not failed,
        "slides": slides,
        "layouts": layouts,
        **groups,
    }


def _check_lines(report: dict) -> list[str]:
    verdict = (
        f"builds: {report['slides']} slides"
        if report["builds"]
        else "does not build: the errors below say what to change"
    )
    lines = [f"{report['file']} with {report['outline']}: {verdict}", *report["layouts"]]
    for _topic, label in TOPICS:
        found = report[label]
        lines.append(f"{label}: {len(found) or 'nothing to say'}")
        for item in found:
            where = f"{item['file']}:{item['line']}:{item['column']}: " if item["file"] else ""
            hint = f" ({item['hint']})" if item["hint"] else ""
            lines.append(f"  {where}{item['severity']}: {item['message']}{hint}")
    lines.append(
        f"on the template, by layout: {len(report['template_findings']) or 'nothing to say'}"
    )
    return lines + report.pop("by_layout")
