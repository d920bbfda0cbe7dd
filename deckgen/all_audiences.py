"""Every audience, every language of an outline built at once (``--all-audiences``,
``--all-languages``, or both: each pair): one build a worker process, the files all
written by the parent at the end (all or none)."""

from __future__ import annotations

import contextlib
from dataclasses import replace

from . import forked
from .build import BuildOptions, load, render_loaded
from .errors import InputError, error
from .formats import distinct_paths
from .output import write_all


def _render_one(label: str, options: BuildOptions):
    """Worker for build_all: the rendered files (never written here), or the error
    (exceptions cross processes as data)."""
    from .errors import DeckgenError

    try:
        return label, render_loaded(load(options), options), None
    except DeckgenError as exc:
        return label, None, exc


def _worker_init() -> None:
    """A worker of build_all: ended with its parent, and rendering its formats in line
    (every core already has a worker)."""
    forked.die_with_parent()
    forked.enabled = False


def variants_of(
    options: BuildOptions, audiences: bool = True, languages: bool = False
) -> list[tuple[str, BuildOptions]]:
    """The builds asked for, each with its label: every audience (or the one asked for)
    in every language the outline's ``translations:`` lists and its own (or the one
    asked for). Loading validates the outline before any process starts."""
    source = load(options)
    names: list = list(source.audiences) if audiences else [options.audience]
    if audiences and not names:
        raise InputError(
            "no audiences",
            [error("the outline defines no audiences", hint="add an 'audiences:' mapping")],
        )
    tongues: list = [options.translation]
    if languages:
        if not source.translations:
            message = "the outline lists no translations"
            hint = "add translations: {de: translations/de.po} (deckgen translate extract)"
            raise InputError(message, [error(message, source.pos, hint)])
        tongues = [None, *source.translations]
    own = source.meta.language
    return [
        (
            ", ".join(p for p in (name, (tongue or own) if languages else None) if p) or own,
            replace(options, audience=name, translation=tongue),
        )
        for name in names
        for tongue in tongues
    ]


def build_all(
    options: BuildOptions,
    on_done=None,
    workers: int | None = None,
    variants: list[tuple[str, BuildOptions]] | None = None,
):
    """Build every audience of the outline (or the ``variants`` given: label and options
    of each build, :func:`variants_of`, if the caller has read them already), in
    parallel processes.

    Returns [(label, BuildResult | None, DeckgenError | None)] in the outline's order;
    ``on_done(label)`` is called as each finishes (for a progress bar).
    """
    if variants is None:
        variants = variants_of(options)
    results = {}
    workers = workers or min(len(variants), options.jobs or forked.cores())
    if workers <= 1:
        for label, job in variants:
            results[label] = _render_one(label, job)
            if on_done:
                on_done(label)
    else:
        results = _render_in_workers(variants, workers, on_done)
    ordered = [results[label] for label, _job in variants]
    one_language = all(job.translation == options.translation for _label, job in variants)
    what = "audience" if one_language else "build"
    distinct_paths(
        [
            (f"the {out.format} of {what} '{label}'", out.path)
            for label, rendered, _e in ordered
            if rendered
            for out in rendered.result.outputs
        ]
    )
    # the parent writes every build's files at the end, all or none: a worker never
    # publishes, so an interrupted or killed parent leaves every earlier output as it was
    write_all([file for _a, rendered, _e in ordered if rendered for file in rendered.files])
    return [(a, rendered.result if rendered else None, e) for a, rendered, e in ordered]


def _render_in_workers(jobs: list[tuple[str, BuildOptions]], workers: int, on_done) -> dict:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results = {}
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    try:
        futures = [pool.submit(_render_one, label, job) for label, job in jobs]
        for future in as_completed(futures):
            label, rendered, exc = future.result()
            results[label] = (label, rendered, exc)
            if on_done:
                on_done(label)
    except BaseException:
        # interrupted: stop the workers now rather than let them finish unseen
        for process in list((pool._processes or {}).values()):
            with contextlib.suppress(Exception):
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results
