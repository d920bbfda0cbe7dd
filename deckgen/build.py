"""The pipeline wiring: load → tailor → lay out → render → write (atomically)."""

from __future__ import annotations

import datetime as _dt
import functools
import gc
import hashlib
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import forked
from .errors import BuildError, Diagnostic, InputError, Severity, error
from .formats import DEFAULT as DEFAULT_FORMATS
from .layout.handout import HandoutOptions
from .output import write_all

if TYPE_CHECKING:  # imported lazily at run time, to keep `deckgen --help` fast
    from .layout.frames import Deck
    from .layout.timing import Plan, TalkTime
    from .outline.tailor import TailorReport
    from .outline.talk import Talk
    from .template.build import OnTemplate


@dataclass(frozen=True)
class HandoutRequest:
    """Handout settings asked for on the command line; None defers to the audience's
    profile, then to the default (slides with notes, no lines, A4)."""

    per_page: int | str | None = None  # 1..9, "notes", or None
    lines: bool | None = None
    paper: str | None = None
    answers: bool = False  # the presenter's copy: quiz answers and reveal slides

    def resolve(self, profile) -> HandoutOptions:
        defaults = profile.handout if profile is not None and profile.handout else None

        def pick(name, fallback):
            mine = getattr(self, name)
            if mine is not None:
                return mine
            theirs = getattr(defaults, name, None) if defaults else None
            return fallback if theirs is None else theirs

        per_page = pick("per_page", "notes")
        return HandoutOptions(
            per_page=None if per_page == "notes" else int(per_page),
            lines=bool(pick("lines", False)),
            paper=pick("paper", "a4"),
            answers=self.answers,
        )


@dataclass(frozen=True)
class BuildOptions:
    outline: Path
    out_dir: Path
    formats: Sequence[str] = DEFAULT_FORMATS
    strict: bool = False
    handout: HandoutRequest = field(default_factory=HandoutRequest)
    variables: Mapping[str, str] = field(default_factory=dict)
    display_name: str | None = None
    audience: str | None = None
    overlays: Sequence[Path] = ()
    template: Path | None = None  # --template: over the outline's theme.template
    strip_macros: bool = False
    allow_external_links: bool = False
    jobs: int | None = None  # processes a build may use; None: one a core, 1: this one only
    start: str | None = None  # --start 09:30: the session's start, over meta.start


@dataclass(frozen=True)
class Output:
    path: Path
    format: str
    size: int
    sha256: str
    slides: int
    answers: bool = False  # the presenter's copy (--answers): NAME-answers.pdf, not the handout

    def to_json(self) -> dict:
        return {
            "path": str(self.path),
            "format": self.format,
            "answers": self.answers,
            "bytes": self.size,
            "sha256": self.sha256,
            "slides": self.slides,
        }

    @property
    def what(self) -> str:
        """What the output is, as the "wrote" line says it: "handout, presenter's copy"."""
        return f"{self.format}, presenter's copy" if self.answers else self.format


@dataclass(frozen=True)
class BuildResult:
    outline: str
    outputs: tuple[Output, ...]
    diagnostics: tuple[Diagnostic, ...]
    slides: int
    audience: str | None = None
    minutes: float | None = None

    def to_json(self) -> dict:
        return {
            "outline": self.outline,
            "audience": self.audience,
            "slides": self.slides,
            "estimated_minutes": round(self.minutes, 1) if self.minutes is not None else None,
            "outputs": [o.to_json() for o in self.outputs],
            "warnings": [d.to_json() for d in self.diagnostics],
        }


# a .pptx is a zip, whose member dates run from 1980 to the end of 2107
LATEST_EPOCH = 4_354_819_199  # 2107-12-31 23:59:59 UTC


def build_time() -> _dt.datetime:
    """SOURCE_DATE_EPOCH if set (reproducible builds), else now; always UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return _dt.datetime.now(_dt.UTC).replace(microsecond=0)
    seconds = int(epoch) if epoch.isascii() and epoch.isdigit() else None
    if seconds is None or seconds > LATEST_EPOCH:
        raise InputError(
            "bad SOURCE_DATE_EPOCH",
            [
                error(
                    f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds from 1970 "
                    "to the end of 2107",
                    hint="unset it or set it to e.g. $(git log -1 --format=%ct)",
                )
            ],
        )
    return _dt.datetime.fromtimestamp(seconds, _dt.UTC)


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:60].strip("-") or "deck"


@dataclass(frozen=True)
class Prepared:
    """An outline tailored for one audience and laid out: everything but the rendering."""

    talk: Talk
    deck: Deck
    report: TailorReport
    time: TalkTime
    diagnostics: tuple[Diagnostic, ...]
    template: OnTemplate | None = None
    plan: Plan | None = None  # planned minutes and clock times
    grounds: object | None = None  # on a template, its layouts' drawn grounds (the checks')
    width: object | None = None  # and how wide runs set (the checks place lines by it)


def load(options: BuildOptions):
    from .outline.loader import load_outline

    return load_outline(options.outline, options.display_name, options.overlays)


def prepare(
    outline,
    audience: str | None,
    variables: Mapping[str, str],
    options: BuildOptions | None = None,
) -> Prepared:
    """Tailor, open the template if there is one, and lay out; warn when the talk runs
    over the audience's slot."""
    from .layout.design import default_design
    from .layout.engine import layout_deck
    from .layout.slot import slot_warnings
    from .layout.text import run_width
    from .layout.timing import plan_talk, talk_time
    from .outline.tailor import tailor_with_report
    from .render.pdf.image import clear_svg_png
    from .template.build import open_template

    tailored, report = tailor_with_report(outline, variables, audience)
    tailored = replace(tailored, svg_png=clear_svg_png)  # an SVG logo's edges are read too
    if options is not None and options.start:
        meta = tailored.meta.model_copy(update={"start": options.start})
        tailored = replace(tailored, meta=meta)
    on, design, problems = open_template(tailored, outline.base_dir, options)
    design = design or default_design(tailored)
    folders = [Path(outline.base_dir) / "fonts"]
    if on is not None:
        folders.append(on.template.path.parent / "fonts")
    (body, titles), files, font_problems = _measurers(
        design, folders, tailored.theme.pos or tailored.pos
    )
    design = replace(design, font_files=files)
    grounds = None
    if design.plain:  # on a template: text is checked against what its layouts draw
        from .render.pdf.grounds import DrawnGrounds
        from .template.drawn import decide_on_drawn

        grounds = DrawnGrounds(design)
        design, drawn_problems = decide_on_drawn(design, grounds)
        problems += drawn_problems
        if on is not None:  # the template's own number field, where it prints one
            from .template.drawn import theme_inks
            from .template.fields import readable_number_fields

            problems += readable_number_fields(on.plan.chosen, grounds, theme_inks(design))
    deck = layout_deck(tailored, body, design, titles, grounds)
    problems += font_problems
    pace, breaks = outline.pace, sum(s.pause or 0 for s in tailored.sections)
    time = talk_time(deck, pace.words_per_minute, pace.seconds_per_slide, breaks)
    diagnostics = list(outline.warnings) + problems + list(deck.diagnostics)
    plan = plan_talk(tailored)
    diagnostics += plan.problems
    profile = outline.audiences.get(audience) if audience else None
    if profile is not None:
        diagnostics += slot_warnings(audience, profile, time, plan)
    width = run_width(body, titles) if grounds is not None else None
    return Prepared(tailored, deck, report, time, tuple(diagnostics), on, plan, grounds, width)


def _measurers(design, folders: list[Path], pos):
    """The body's measurer and the titles' (None: the same), the font files the PDFs
    embed for each, and what to say about fonts."""
    from .layout.fonts import measurer_for

    body, problems, body_files = measurer_for(design.font, folders, pos)
    files = {"body": body_files, "heading": body_files}
    heading = design.heading_font
    if heading is None or heading.casefold() == design.font.casefold():
        return (body, None), files, problems
    titles, more, files["heading"] = measurer_for(heading, folders, pos)
    return (body, titles), files, problems + more


def build(options: BuildOptions, progress=None) -> BuildResult:
    """Build every requested output. Nothing is written unless all of them render.
    ``progress(stage)`` hears where the build is."""
    return build_loaded(load(options), options, progress)


def build_loaded(source, options: BuildOptions, progress=None) -> BuildResult:
    """Render every requested output, then write them all (or none)."""
    rendered = render_loaded(source, options, progress)
    if progress is not None:
        progress("writing the files")
    write_all(rendered.files)
    return rendered.result


@dataclass(frozen=True)
class Rendered:
    """A build's files, rendered to memory but not written, and what to say about them."""

    result: BuildResult
    files: tuple[tuple[Path, bytes], ...]
    prepared: Prepared | None = None  # the talk as laid out (deckgen watch shows it)


def render_loaded(source, options: BuildOptions, progress=None) -> Rendered:
    say = progress or (lambda _stage: None)
    say("laying out the slides")
    prepared = prepare(source, options.audience, options.variables, options)
    # What is loaded and laid out lives until the end: frozen, the collector's full
    # passes while rendering no longer walk it (0.3 s of a 1,027-slide build)
    gc.freeze()
    try:
        return _render_prepared(source, prepared, options, say)
    finally:
        gc.unfreeze()


def _render_prepared(source, prepared: Prepared, options: BuildOptions, say) -> Rendered:
    talk, deck = prepared.talk, prepared.deck
    diagnostics = list(prepared.diagnostics)
    profile = source.audiences.get(options.audience) if options.audience else None

    created = build_time()
    stem = slug(talk.meta.title) + (f"-{options.audience}" if options.audience else "")
    _distinct(options, stem)
    say(_stage(options.formats) + f" ({len(deck.slides):,} slides)")
    if options.jobs != 1:  # SVGs drawn once here, shared by the processes forked below
        from .render.pdf.image import warm_svgs

        warm_svgs(deck)
    thumbnail = None
    if "pptx" in options.formats:  # wanted only when the deck is written: drawn beside it
        from .render.pdf.thumbnail import render_thumbnail

        draw = functools.partial(render_thumbnail, deck, created)
        thumbnail = forked.beside(draw, parallel=options.jobs != 1)
    renders = [
        functools.partial(_render_format, fmt, prepared, options, stem, created, profile, thumbnail)
        for fmt in options.formats
    ]
    try:
        rendered = forked.all_of(renders, parallel=options.jobs != 1)
    finally:
        if thumbnail is not None:
            thumbnail.cancel()
    for _fmt, _path, _data, problems in rendered:
        diagnostics += problems
    if options.strict:  # the accessibility check's findings count as warnings too
        from .check import check_outputs
        from .formats import format_of

        outputs = [(format_of(fmt), path, data) for fmt, path, data, _p in rendered]
        diagnostics += check_outputs(deck, outputs).findings
    if options.strict and any(d.severity is Severity.WARNING for d in diagnostics):
        raise BuildError("warnings under --strict", diagnostics)
    result = BuildResult(
        outline=options.display_name or str(options.outline),
        outputs=tuple(
            Output(
                path,
                fmt,
                len(data),
                hashlib.sha256(data).hexdigest(),
                len(deck.slides),
                _presenters(fmt, options),
            )
            for fmt, path, data, _p in rendered
        ),
        diagnostics=tuple(diagnostics),
        slides=len(deck.slides),
        audience=options.audience,
        minutes=prepared.time.minutes,
    )
    files = tuple((path, data) for _fmt, path, data, _p in rendered)
    return Rendered(result, files, prepared)


def _presenters(fmt: str, options: BuildOptions) -> bool:
    """Whether the build's ``fmt`` file is the presenter's copy, with the answers."""
    from .formats import format_of

    return format_of(fmt).prints_answers(options.handout.answers)


def _distinct(options: BuildOptions, stem: str) -> None:
    """Refuse, before anything renders, formats of this build that would share a name."""
    from .formats import distinct_paths, format_of

    answers = options.handout.answers
    distinct_paths(
        [(fmt, format_of(fmt).path(options.out_dir, stem, answers)) for fmt in options.formats]
    )


def _stage(formats: Sequence[str]) -> str:
    from .formats import format_of

    names = [format_of(fmt).stage for fmt in formats]
    return "writing " + (" and ".join(names) if len(names) < 3 else ", ".join(names))


def _render_format(
    fmt: str, prepared: Prepared, options: BuildOptions, stem, created, profile, thumbnail
):
    """One format rendered to memory: (format, path, bytes, diagnostics)."""
    from .formats import Job, format_of

    found = format_of(fmt)
    data, problems = found.render(Job(prepared, options, stem, created, profile, thumbnail))
    return fmt, found.path(options.out_dir, stem, options.handout.answers), data, problems
