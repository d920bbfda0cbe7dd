"""The pipeline wiring: load → tailor → lay out → render → write (atomically)."""

from __future__ import annotations

import datetime as _dt
import functools
import gc
import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import forked
from .errors import BuildError, Diagnostic, InputError, Severity, error
from .formats import DEFAULT as DEFAULT_FORMATS
from .layout.handout import HandoutOptions
from .output import output_stem, slug, write_all
from .prepare import Prepared, prepare


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
    # --translation de.po (or a language the outline's translations: name): the talk in
    # that file's language
    translation: Path | str | None = None


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
    language: str | None = None  # a translation's (build --translation)

    def to_json(self) -> dict:
        return {
            "outline": self.outline,
            "audience": self.audience,
            "language": self.language,
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


def load(options: BuildOptions):
    from .outline.loader import load_outline

    return load_outline(options.outline, options.display_name, options.overlays)


def output_name(prepared: Prepared, audience: str | None) -> str:
    """The outputs' name without suffix: the title's slug, the audience, the language of
    a translation ("talk", "talk-executives", "talk-executives-de")."""
    language, title = prepared.translated or (None, slug(prepared.talk.meta.title))
    return output_stem(title, audience, language)


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
    try:
        prepared = prepare(source, options.audience, options.variables, options)
    except BuildError as exc:  # a translation too long to fit at all: name it too
        said = _too_long(source, options, exc.diagnostics)
        if not said:
            raise
        raise BuildError(exc.message, exc.diagnostics + tuple(said)) from None
    said = _too_long(source, options, [d for d in prepared.diagnostics if d.topic == "fit"])
    if said:
        prepared = replace(prepared, diagnostics=prepared.diagnostics + tuple(said))
    # What is loaded and laid out lives until the end: frozen, the collector's full
    # passes while rendering no longer walk it (0.3 s of a 1,027-slide build)
    gc.freeze()
    try:
        return _render_prepared(prepared, options, say)
    finally:
        gc.unfreeze()


def _too_long(source, options: BuildOptions, problems) -> list[Diagnostic]:
    """In a translation's build whose slides do not fit: each translation on those slides
    longer than its room, at the translation file's line (the layout names the slide)."""
    if options.translation is None or not problems:
        return []
    from .fitnotes import translated_too_long

    return translated_too_long(source, options.variables, options.translation, problems)


def _render_prepared(prepared: Prepared, options: BuildOptions, say) -> Rendered:
    deck = prepared.deck
    diagnostics = list(prepared.diagnostics)
    profile = prepared.profile
    created = build_time()
    stem = output_name(prepared, options.audience)
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
        language=prepared.translated[0] if prepared.translated else None,
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
