"""The command line: a thin Click layer over the library.

Each command parses options into library types, calls one library function,
prints its diagnostics and maps DeckgenError to an exit code:
0 ok, 1 build failed (or warnings under --strict), 2 bad input or usage,
3 output could not be written, 130 interrupted. Heavy imports happen inside
the commands so that ``deckgen --help`` stays fast.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import click

from .. import __version__
from .options import (
    _audience_option,
    _overlay_option,
    _resolve_outline,
    _set_option,
    _template_options,
    build_options,
    formats_option,
    json_manifest_option,
    outline_argument,
    output_option,
    start_option,
)
from .report import Group, echo_diagnostics, echo_outputs, run

__all__ = ["main", "run"]  # run: the `deckgen` command; main: the Click group

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="deckgen")
def main() -> None:
    """deckgen: one YAML outline of a talk in; an editable deck and a printable handout out.

    Run `deckgen build` in a folder with an outline.yaml (or anywhere, to build
    the shipped explainer "AI Security vs. AI Safety").
    """


@main.command()
@outline_argument
@output_option()
@formats_option()
@_audience_option
@click.option(
    "--all-audiences",
    is_flag=True,
    help="Build every audience's deck and handout, in parallel (names get -AUDIENCE).",
)
@click.option(
    "--all-languages",
    is_flag=True,
    help="Build the talk in its own language and in each the outline's translations: list, "
    "in parallel (names get -LANG); with --all-audiences, every audience in each.",
)
@_overlay_option
@click.option(
    "--per-page",
    type=click.Choice(["notes", "1", "2", "3", "4", "6", "9"]),
    help="Handout: N slides a page (PowerPoint's set), or 'notes' (each slide with its "
    "notes, the default).",
)
@click.option(
    "--lines/--no-lines",
    default=None,
    help="Handout: ruled lines for notes beside or under each slide.",
)
@click.option(
    "--paper", type=click.Choice(["a4", "letter"]), help="Handout paper size (default a4)."
)
@click.option(
    "--answers",
    is_flag=True,
    help="Handout: the presenter's copy, with quiz answers and reveal slides (participants' "
    "copies never have them).",
)
@start_option
@click.option(
    "--translation",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A translation file (.po, .xlf: deckgen translate): the talk in its language, "
    "every output (names get -LANG).",
)
@_set_option
@_template_options
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
@json_manifest_option("Print a JSON manifest on stdout.")
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress line (shown on a terminal after 1 s)."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes to use: the deck, the handout and each audience render side by side "
    "(default: one a core). 1 renders everything in this process, in the least memory.",
)
def build(
    outline,
    out_dir,
    formats,
    audience,
    all_audiences,
    all_languages,
    overlays,
    per_page,
    lines,
    paper,
    answers,
    start,
    translation,
    sets,
    template,
    strip_macros,
    allow_external_links,
    strict,
    as_json,
    quiet,
    jobs,
) -> None:
    """Build the deck and the handout from OUTLINE (default: ./outline.yaml)."""
    from ..build import DEFAULT_FORMATS, HandoutRequest

    if audience and all_audiences:
        raise click.UsageError("--audience and --all-audiences exclude each other")
    if translation and all_languages:
        raise click.UsageError("--translation and --all-languages exclude each other")
    options = build_options(
        outline,
        out_dir,
        audience,
        overlays,
        sets,
        template,
        strip_macros,
        allow_external_links,
        formats=tuple(dict.fromkeys(formats)) or DEFAULT_FORMATS,
        handout=HandoutRequest(per_page, lines, paper, answers),
        strict=strict,
        jobs=jobs,
        start=start,
        translation=translation,
    )
    if all_audiences or all_languages:
        _build_all(options, as_json, quiet, (all_audiences, all_languages))
    else:
        _build_one(options, as_json, quiet)


def _build_one(options, as_json: bool, quiet: bool) -> None:
    from ..build import build as run_build
    from .progress import Progress

    with Progress(enabled=not quiet and not as_json) as progress:
        result = run_build(options, progress)
    echo_diagnostics(result.diagnostics)
    if as_json:
        click.echo(json.dumps({"ok": True, **result.to_json()}, indent=2))
    else:
        echo_outputs(result)


def _build_all(options, as_json: bool, quiet: bool, every: tuple[bool, bool]) -> None:
    from ..all_audiences import build_all, variants_of

    variants = variants_of(options, *every)  # read once: the bar needs the count
    bar_stream = io.StringIO() if quiet else sys.stderr  # -q: no bar
    what = "audiences" if every == (True, False) else "builds"
    with click.progressbar(length=len(variants), label=what, file=bar_stream) as bar:

        def done(audience: str) -> None:
            bar.label = f"built {audience}"
            bar.update(1)

        results = build_all(options, on_done=done, variants=variants)
    failed = [(a, exc) for a, _r, exc in results if exc is not None]
    for audience, result, exc in results:
        if exc is not None:
            click.echo(f"{what[:-1]} '{audience}' failed:", err=True)
            echo_diagnostics(exc.diagnostics)
        else:
            echo_diagnostics(result.diagnostics)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "ok": not failed,
                    "builds": [
                        r.to_json()
                        if r is not None
                        else {"audience": a, "errors": [d.to_json() for d in e.diagnostics]}
                        for a, r, e in results
                    ],
                },
                indent=2,
            )
        )
    else:
        for _audience, result, _exc in results:
            if result is not None:
                echo_outputs(result)
    if failed:
        sys.exit(max(exc.exit_code for _a, exc in failed))


@main.command()
@outline_argument
@_overlay_option
def validate(outline, overlays) -> None:
    """Check OUTLINE (and overlays) without building; report every problem with file:line:col."""
    result, name = _load_for_command(outline, overlays)
    echo_diagnostics(result.warnings)
    slides = sum(len(s.slides) for s in result.sections)
    click.echo(f"{name}: ok ({len(result.sections)} sections, {slides} slides in the outline)")


def _load_for_command(outline, overlays):
    from ..outline.loader import load_outline

    path, name, _shipped = _resolve_outline(outline)
    return load_outline(path, name, tuple(Path(o) for o in overlays)), name


@main.command()
@outline_argument
@_overlay_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def audiences(outline, overlays, as_json) -> None:
    """List OUTLINE's audiences: description, time slot, slides and estimated time."""
    from ..audiences import summarise_audiences

    source, _name = _load_for_command(outline, overlays)
    rows = summarise_audiences(source)
    if as_json:
        click.echo(json.dumps([r.to_json() for r in rows], indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("the outline defines no audiences")
        return
    width = max(len(r.name) for r in rows)
    for r in rows:
        over = "  OVER" if r.over else "  UNDER" if r.under else ""
        plan = f"plan {r.planned_minutes:.0f} min, " if r.planned_minutes is not None else ""
        click.echo(
            f"{r.name:<{width}}  {r.minutes:>3} min slot, ~{r.estimated_minutes:.0f} min, "
            f"{plan}{r.slides:>2} slides{over}  {r.description}"
        )


@main.command()
@outline_argument
@_audience_option
@_overlay_option
@start_option
def explain(outline, audience, overlays, start) -> None:
    """Say what --audience NAME keeps, drops and overrides, and how long it runs (the
    estimate from the notes and the plan from minutes:)."""
    from ..build import BuildOptions, prepare

    source, name = _load_for_command(outline, overlays)
    prepared = prepare(source, audience, {}, BuildOptions(Path(name), Path("."), start=start))
    report = prepared.report
    profile = source.audiences.get(audience) if audience else None
    title = f"audience '{audience}'" if audience else "no audience (everything)"
    click.echo(f"{name}: {title}")
    if profile is not None:
        click.echo(f"  {profile.description}")
    click.echo(f"kept ({len(report.kept)}):")
    for item in report.kept:
        click.echo(f"  + {item}")
    click.echo(f"dropped ({len(report.dropped)}):")
    for item in report.dropped:
        click.echo(f"  - {item}")
    click.echo(f"overridden ({len(report.overridden)}):")
    for item in report.overridden:
        click.echo(f"  ~ {item}")
    slot = f" of a {profile.minutes}-minute slot" if profile is not None else ""
    click.echo(f"time: {prepared.time.describe()}{slot}; {len(prepared.deck.slides)} slides")
    for line in plan_lines(prepared.plan):
        click.echo(line)
    echo_diagnostics(prepared.diagnostics)


def plan_lines(plan) -> list[str]:
    """The session plan by section: start time (with a start), minutes, and whether the
    outline plans them or they are the estimate from the notes."""
    if not plan.planned:
        return []
    from ..layout.timing import minutes_text

    begins = f" from {plan.start:%H:%M}" if plan.start else ""
    out = [f"plan{begins}: {minutes_text(plan.minutes)} min"]
    width = max(len(minutes_text(m)) for s in plan.sections for m in (s.minutes, s.pause))
    for section in plan.sections:
        at = f"{plan.clock(section.start):%H:%M}  " if plan.start else ""
        how = "planned" if section.planned else "estimated"
        if not section.planned and any(t.planned for t in section.slides):
            how = "partly planned"
        said = minutes_text(section.minutes)
        out.append(f"  {at}{said:>{width}} min  {section.title} ({how})")
        if section.pause:
            at = f"{plan.clock(section.end):%H:%M}  " if plan.start else ""
            out.append(f"  {at}{minutes_text(section.pause):>{width}} min  break")
    if plan.start:
        out.append(f"  {plan.clock(plan.minutes):%H:%M}  end")
    return out


@main.command()
def schema() -> None:
    """Print the outline's JSON Schema (draft-07)."""
    from ..outline.schema import outline_schema_json

    click.echo(outline_schema_json(), nl=False)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Write into a folder that already has an outline.")
def init(directory, force) -> None:
    """Start a new talk in DIRECTORY: a starter outline and assets that build."""
    from ..scaffold import scaffold

    written = scaffold(directory, force=force)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"next: cd {directory} && deckgen build")


# registered once main and the shared options exist
from .authoring import preview, watch  # noqa: E402
from .check import check  # noqa: E402
from .export import export  # noqa: E402
from .importing import import_deck  # noqa: E402
from .sync import sync  # noqa: E402
from .template import template  # noqa: E402
from .translate import translate  # noqa: E402

for _command in (check, export, import_deck, preview, sync, template, translate, watch):
    main.add_command(_command)
