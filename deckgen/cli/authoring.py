"""`deckgen preview` and `deckgen watch`: seeing a talk while writing it."""

from __future__ import annotations

import click

from .options import (
    _audience_option,
    _overlay_option,
    _set_option,
    _template_options,
    build_options,
    formats_option,
    outline_argument,
    output_option,
)
from .report import echo_diagnostics


@click.command()
@outline_argument
@output_option("build/preview", "Folder for the PNG files.")
@click.option(
    "--slides",
    metavar="LIST",
    help="Only these slides, e.g. 3-5 or 1,4,7-9 (the contact sheet always shows all).",
)
@click.option(
    "--width",
    type=click.IntRange(min=160, max=3840),
    default=1280,
    show_default=True,
    help="Width of each slide's PNG, in pixels.",
)
@_audience_option
@_overlay_option
@_set_option
@_template_options
def preview(
    outline, out_dir, slides, width, audience, overlays, sets, template, strip_macros,
    allow_external_links,
) -> None:  # fmt: skip
    """PNG images of OUTLINE's slides and a contact sheet of the whole deck, drawn from
    deckgen's own slides PDF (no office suite needed)."""
    from ..output import write_all
    from ..preview import parse_slides, render_preview

    try:
        wanted = parse_slides(slides) if slides else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--slides") from None
    options = build_options(
        outline, out_dir, audience, overlays, sets, template, strip_macros, allow_external_links
    )
    files, diagnostics, count = render_preview(options, wanted, width)
    write_all(files)
    echo_diagnostics(diagnostics)
    shown = len(files) - 1
    click.echo(f"wrote {shown} slide image(s) of {count} and a contact sheet into {out_dir}")


@click.command()
@outline_argument
@output_option()
@formats_option()
@_audience_option
@_overlay_option
@_set_option
@_template_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Processes to use, as for build.")
@click.option(
    "--serve",
    is_flag=True,
    help="Also show the slides, their notes, the talk time and the warnings on a page at "
    "127.0.0.1 that follows every build.",
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
    help="The page's port with --serve (0: any free one).",
)  # fmt: skip
def watch(
    outline, out_dir, formats, audience, overlays, sets, template, strip_macros,
    allow_external_links, jobs, serve, port,
) -> None:  # fmt: skip
    """Build OUTLINE's deck and handout (or what --format asks for), then again each time
    the outline, an overlay, a picture or the template is saved. A failed build prints
    why and keeps the last good files. With --serve and --format html, the page links
    the web handout. Ctrl-C stops."""
    from ..watch import watch as run_watch

    options = build_options(
        outline, out_dir, audience, overlays, sets, template, strip_macros, allow_external_links,
        jobs=jobs, **({"formats": tuple(dict.fromkeys(formats))} if formats else {}),
    )  # fmt: skip

    preview = None
    if serve:
        from ..serve import Preview

        preview = Preview()
        try:
            address = preview.start(port)
        except OSError as exc:
            raise click.UsageError(f"cannot serve on port {port}: {exc.strerror}") from None
        click.echo(f"serving {address}", err=True)

    def ready(folders) -> None:
        shown = ", ".join(str(f) for f in folders)
        click.echo(f"watching {shown} (Ctrl-C to stop)", err=True)

    def report(outcome) -> None:
        _report(outcome)
        if preview is not None:
            try:
                preview.publish(outcome)
            except Exception as exc:  # a bug drawing the page: said, the watch goes on
                _say_crash(exc)

    try:
        run_watch(options, report, ready)
    finally:
        if preview is not None:
            preview.stop()


def _report(outcome) -> None:
    """One build of the watch, said as it went."""
    from .report import echo_outputs

    # an editor's temporary file, saved and renamed away, is no news: what is there now
    changed = [p for p in outcome.changed if p.exists()] or list(outcome.changed)
    if changed:
        names = ", ".join(p.name for p in changed[:3])
        more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
        click.echo(f"changed: {names}{more}", err=True)
    if outcome.crash is not None:
        _say_crash(outcome.crash)
    if outcome.error is not None or outcome.crash is not None:
        if outcome.error is not None:
            echo_diagnostics(outcome.error.diagnostics)
        click.echo(
            f"build failed ({outcome.seconds:.2f} s): the last good files are kept", err=True
        )
        return
    echo_diagnostics(outcome.result.diagnostics)
    echo_outputs(outcome.result)
    click.echo(f"built in {outcome.seconds:.2f} s", err=True)


def _say_crash(exc: Exception) -> None:
    """A bug met while watching, in one plain line (the traceback with DECKGEN_DEBUG=1):
    the watch goes on, so the line says what the command line's handler would."""
    import os
    import traceback

    from ..watch import crash_line

    if os.environ.get("DECKGEN_DEBUG"):
        click.echo("".join(traceback.format_exception(exc)).rstrip("\n"), err=True)
    click.echo(crash_line(exc), err=True)
