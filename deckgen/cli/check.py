"""`deckgen check`: an accessibility report of a build, nothing written."""

from __future__ import annotations

import json

import click

from ..formats import NAMES
from .options import (
    _audience_option,
    _overlay_option,
    _set_option,
    _template_options,
    build_options,
    outline_argument,
    start_option,
)
from .report import echo_diagnostics


@click.command()
@outline_argument
@_audience_option
@_overlay_option
@_set_option
@_template_options
@start_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def check(
    outline, audience, overlays, sets, template, strip_macros, allow_external_links, start,
    as_json,
) -> None:  # fmt: skip
    """Check OUTLINE's build for accessibility, writing nothing: PowerPoint's checker
    rules for the deck (alt text, titles present and unique, reading order, table
    headers, contrast, language, link text), PDF/UA for the handout, the slides PDF and
    the guide, the web handout's language, headings, text alternatives and self-containment,
    and the smallest text on each slide. Exit 1 if anything is found."""
    from ..build import load, render_loaded
    from ..check import TOPIC, check_outputs
    from ..check.findings import seen_on_template
    from ..formats import format_of

    options = build_options(
        outline, ".", audience, overlays, sets, template, strip_macros, allow_external_links,
        formats=NAMES, start=start, jobs=1,
    )  # fmt: skip
    rendered = render_loaded(load(options), options)
    deck = rendered.prepared.deck
    outputs = [(format_of(o.format), o.path, data) for o, (_p, data) in zip(
        rendered.result.outputs, rendered.files, strict=True)]  # fmt: skip
    report = check_outputs(deck, outputs)
    contrast = [d for d in rendered.result.diagnostics if d.topic == "contrast"]
    other = [d for d in rendered.result.diagnostics if d.topic not in ("contrast", TOPIC)]
    findings = [*contrast, *report.findings]
    pptx = next(data for fmt, _path, data in outputs if fmt.name == "pptx")
    seen = seen_on_template(rendered.prepared, pptx)
    if as_json:
        answer = {"ok": not findings, **report.to_json()}
        answer["findings"] = [d.to_json() for d in findings]
        answer["template_findings"] = [f.to_json() for f in seen]
        click.echo(json.dumps(answer, indent=2))
    else:
        echo_diagnostics(other)
        echo_diagnostics(findings, err=False)
        _echo_seen(seen)
        click.echo(_smallest(report))
        click.echo(
            f"{len(findings)} accessibility finding(s) in {len(deck.slides)} slides: "
            + ", ".join(report.checked)
        )
    raise SystemExit(1 if findings else 0)


def _smallest(report) -> str:
    """The smallest text of each slide, a line of slide: points."""
    parts = [
        f"{s.number}: {s.smallest:g}" if s.smallest is not None else f"{s.number}: -"
        for s in report.slides
    ]
    return "smallest text (slide: pt): " + ", ".join(parts)


def _echo_seen(seen) -> None:
    """Per slide: each finding on the template, one line each."""
    from ..check.findings import compact, counted

    click.echo(f"on the template: {counted(seen)}")
    for line in compact(seen):
        click.echo(f"  {line}")
