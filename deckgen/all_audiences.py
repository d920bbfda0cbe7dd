"""Every audience of an outline built at once: one audience a worker process, the files
all written by the parent at the end (all or none)."""

from __future__ import annotations

import contextlib
from dataclasses import replace

from . import forked
from .build import BuildOptions, load, render_loaded
from .errors import InputError, error
from .formats import distinct_paths
from .output import write_all


def _render_one(options: BuildOptions):
    """Worker for build_all: the rendered files (never written here), or the error
    (exceptions cross processes as data)."""
    from .errors import DeckgenError

    try:
        return options.audience, render_loaded(load(options), options), None
    except DeckgenError as exc:
        return options.audience, None, exc


def _worker_init() -> None:
    """A worker of build_all: ended with its parent, and rendering its formats in line
    (every core already has a worker)."""
    forked.die_with_parent()
    forked.enabled = False


def audiences_of(options: BuildOptions) -> list[str]:
    """The outline's audience names; loading validates it before any process starts."""
    return list(load(options).audiences)


def build_all(
    options: BuildOptions,
    on_done=None,
    workers: int | None = None,
    names: list[str] | None = None,
):
    """Build every audience of the outline, in parallel processes.

    Returns [(audience, BuildResult | None, DeckgenError | None)] in the outline's
    order; ``on_done(audience)`` is called as each finishes (for a progress bar).
    ``names`` are the audiences if the caller has already read them (audiences_of).
    """
    if names is None:
        names = audiences_of(options)
    if not names:
        raise InputError(
            "no audiences",
            [error("the outline defines no audiences", hint="add an 'audiences:' mapping")],
        )
    jobs = [replace(options, audience=name) for name in names]
    results = {}
    workers = workers or min(len(jobs), options.jobs or forked.cores())
    if workers <= 1:
        for job in jobs:
            results[job.audience] = _render_one(job)
            if on_done:
                on_done(job.audience)
    else:
        results = _render_in_workers(jobs, workers, on_done)
    ordered = [results[name] for name in names]
    distinct_paths(
        [
            (f"the {out.format} of audience '{name}'", out.path)
            for name, rendered, _e in ordered
            if rendered
            for out in rendered.result.outputs
        ]
    )
    # the parent writes every audience's files at the end, all or none: a worker never
    # publishes, so an interrupted or killed parent leaves every earlier output as it was
    write_all([file for _a, rendered, _e in ordered if rendered for file in rendered.files])
    return [(a, rendered.result if rendered else None, e) for a, rendered, e in ordered]


def _render_in_workers(jobs: list[BuildOptions], workers: int, on_done) -> dict:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results = {}
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    try:
        futures = [pool.submit(_render_one, job) for job in jobs]
        for future in as_completed(futures):
            audience, rendered, exc = future.result()
            results[audience] = (audience, rendered, exc)
            if on_done:
                on_done(audience)
    except BaseException:
        # interrupted: stop the workers now rather than let them finish unseen
        for process in list((pool._processes or {}).values()):
            with contextlib.suppress(Exception):
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results
