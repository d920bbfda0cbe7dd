"""Options and arguments that several commands share."""

from __future__ import annotations

import re
from pathlib import Path

import click

from .report import JSON_ERRORS

DEFAULT_OUTLINE = "outline.yaml"


def _resolve_outline(outline: str | None) -> tuple[Path, str, bool]:
    """(path, display name, is_shipped) for the OUTLINE argument."""
    if outline is not None:
        return Path(outline), outline, False
    if Path(DEFAULT_OUTLINE).exists():
        return Path(DEFAULT_OUTLINE), DEFAULT_OUTLINE, False
    from .._shipped import shipped_outline

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


def _overlay_option(command):
    return click.option(
        "--overlay",
        "overlays",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="Merge a customisation file over the outline (repeatable, applied in order).",
    )(command)


def _template_options(command):
    """--template and what may be opened with it; the same options as 'template inspect'."""
    for option in (
        click.option(
            "--allow-external-links",
            is_flag=True,
            help="Build on a template that links to files outside itself.",
        ),
        click.option(
            "--strip-macros", is_flag=True, help="Build on a template with macros, without them."
        ),
        click.option(
            "--template",
            type=click.Path(dir_okay=False),
            help="Build on this PowerPoint template (.pptx or .potx); over theme.template.",
        ),
    ):
        command = option(command)
    return command


def _set_option(command):
    return click.option(
        "--set",
        "sets",
        multiple=True,
        metavar="NAME=VALUE",
        help="Fill a declared {variable}, e.g. --set presenter='Ada Lovelace'.",
    )(command)


def _audience_option(command):
    return click.option(
        "--audience", metavar="NAME", help="Tailor for one of the outline's audiences."
    )(command)


CLOCK = re.compile(r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$")


def _clock(_ctx, _param, value: str | None) -> str | None:
    if value is not None and not CLOCK.fullmatch(value):
        raise click.BadParameter(
            f"{value!r} is not a time of day: give hours and minutes on a 24-hour clock, "
            "e.g. --start 09:30 or --start 14:00"
        )
    return value


def start_option(command):
    """--start HH:MM: the session's start (the guide's and agenda's clock), over meta.start."""
    return click.option(
        "--start",
        metavar="HH:MM",
        callback=_clock,
        help="When the session starts (24-hour clock): the guide's and the agenda's clock "
        "times. Over meta.start.",
    )(command)


def output_option(default: str = "build", help: str = "Folder to write into."):  # noqa: A002
    """-o/--output DIR, the folder a command writes into."""
    return click.option(
        "-o", "--output", "out_dir", default=default, show_default=True, type=click.Path(),
        help=help,
    )  # fmt: skip


def _json_errors(ctx, _param, value: bool) -> bool:
    if value:  # the group's handler reads it: a failure is answered in JSON too
        ctx.meta[JSON_ERRORS] = True
    return value


def formats_option():
    """--format NAME (repeatable): the registered formats to write."""
    from ..formats import DEFAULT, NAMES, format_of

    what = ", ".join(f"{name} ({format_of(name).stage})" for name in NAMES)
    default = " and ".join(DEFAULT)
    return click.option(
        "--format",
        "formats",
        multiple=True,
        type=click.Choice(list(NAMES)),
        help=f"What to write (repeatable): {what}. Default: {default}.",
    )


def json_manifest_option(help: str):  # noqa: A002
    """--json for a command whose JSON answer stands in for its output: a failure
    (a DeckgenError) is then also a JSON object on stdout (``report.json_error``)."""
    return click.option("--json", "as_json", is_flag=True, callback=_json_errors, help=help)


def outline_argument(command):
    """OUTLINE, optional: ./outline.yaml, else the shipped explainer."""
    return click.argument("outline", required=False, type=click.Path(dir_okay=False))(command)


def build_options(
    outline, out_dir, audience, overlays, sets, template, strip_macros, links, **more
):
    """The library's BuildOptions from the options build, preview and watch share (and
    ``more`` of its fields); says so when the outline is the shipped explainer."""
    from ..build import BuildOptions

    path, name, shipped = _resolve_outline(outline)
    if shipped:
        click.echo(f"no outline.yaml here: building the shipped explainer ({path})", err=True)
    return BuildOptions(
        outline=path,
        out_dir=Path(out_dir),
        display_name=name,
        audience=audience,
        variables=_parse_sets(sets),
        overlays=tuple(Path(o) for o in overlays),
        template=Path(template) if template else None,
        strip_macros=strip_macros,
        allow_external_links=links,
        **more,
    )
