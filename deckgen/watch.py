"""Rebuilding as the talk is written: the outline, its overlays, its pictures and its
template watched, the deck and the handout built again after each save.

One process builds every time, so its imports, fonts and caches are paid once: a
rebuild of the shipped talk takes a fraction of a first build. A build that fails
prints its diagnostics and writes nothing, so the last good outputs stay as they were;
so does a build that meets a bug in deckgen (any other exception): the watch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .build import BuildOptions, BuildResult, Prepared, load, render_loaded
from .errors import DeckgenError, quoted
from .output import write_all

# editors' swap, backup and lock files: saving one is not saving the talk
_JUNK_SUFFIXES = (".swp", ".swx", ".swo", "~", ".tmp", ".bak", ".part", ".crdownload")
_JUNK_PREFIXES = (".#", "#", ".~lock")
_CRASH_TEXT = 300  # characters of a bug's message said


@dataclass(frozen=True)
class Outcome:
    """One build of the watch: its result, its error or the bug it met, and how long
    it took."""

    result: BuildResult | None
    error: DeckgenError | None
    seconds: float
    changed: tuple[Path, ...] = ()  # what set it off (nothing for the first)
    prepared: Prepared | None = None  # the talk as laid out, if it built
    crash: Exception | None = None  # a bug in deckgen met by this build (nothing written)
    page: bytes = b""  # the web handout, where the build wrote one (--format html)


def _inputs(options: BuildOptions) -> list[Path]:
    """The files a build is asked to read: the outline, its overlays, the template."""
    return [Path(f) for f in (options.outline, *options.overlays, options.template) if f]


def folders_to_watch(options: BuildOptions) -> list[Path]:
    """The folders whose files a build reads: the outline's (pictures and fonts live
    beside it), each overlay's and the template's."""
    return list(dict.fromkeys(f.resolve().parent for f in _inputs(options)))


def relevant(path: Path, out_dir: Path, folders: list[Path]) -> bool:
    """Whether a change to ``path`` can change the build: not deckgen's own output (its
    folder), not an editor's swap or backup file, not in a hidden folder (.git) below
    the folders watched."""
    path = path.resolve()
    out = out_dir.resolve()
    if path == out or out in path.parents:
        return False
    name = path.name
    if name.endswith(_JUNK_SUFFIXES) or name.startswith(_JUNK_PREFIXES):
        return False
    for folder in folders:
        if folder in path.parents:
            return not any(p.startswith(".") for p in path.relative_to(folder).parts[:-1])
    return True


def watch(
    options: BuildOptions,
    report: Callable[[Outcome], None],
    ready: Callable[[list[Path]], None] | None = None,
    stop=None,
) -> None:
    """Build, then build again after every relevant change, until interrupted (Ctrl-C
    raises KeyboardInterrupt) or ``stop`` (a threading.Event) is set. ``report`` hears
    each outcome; ``ready`` the folders watched, once the first build is done."""
    import watchfiles

    started = time.time()
    report(_build(options, ()))
    folders = folders_to_watch(options)
    watching = False
    # yield_on_timeout: the first (empty) batch says the watcher is running, so "ready"
    # is never said before a save could be seen
    batches = watchfiles.watch(
        *folders, stop_event=stop, raise_interrupt=True, yield_on_timeout=True, rust_timeout=200
    )
    for changes in batches:
        if not watching:
            watching = True
            if ready is not None:
                ready(folders)
            saved = _saved_since(_inputs(options), started)  # while the first build ran
            if saved:
                report(_build(options, saved))
        changed = tuple(
            sorted({Path(p) for _kind, p in changes if relevant(Path(p), options.out_dir, folders)})
        )
        if changed:
            report(_build(options, changed))


def crash_line(exc: BaseException) -> str:
    """A bug met by a build, in one line (its text's control characters escaped), worded
    as the command line's own handler words it."""
    if isinstance(exc, MemoryError):
        return "out of memory: the outline asks for more than this machine has"
    if isinstance(exc, RecursionError):
        return "internal error: something in the outline nests too deeply"
    try:
        said = str(exc)
    except Exception:  # noqa: BLE001 - a message that cannot be said is no reason to stop
        said = "(its message cannot be shown)"
    text = quoted(said[:_CRASH_TEXT])[1:-1] + ("…" if len(said) > _CRASH_TEXT else "")
    return (
        f"internal error: {type(exc).__name__}: {text} "
        "(a bug in deckgen: DECKGEN_DEBUG=1 shows the traceback)"
    )


def _saved_since(files: list[Path], since: float) -> tuple[Path, ...]:
    """Which of ``files`` changed after ``since`` (a time.time())."""
    found = []
    for path in files:
        try:
            if path.stat().st_mtime > since:
                found.append(path)
        except OSError:
            continue
    return tuple(found)


def _build(options: BuildOptions, changed: tuple[Path, ...]) -> Outcome:
    start = time.perf_counter()
    try:
        rendered = render_loaded(load(options), options)
        write_all(rendered.files)
    except DeckgenError as exc:
        return Outcome(None, exc, time.perf_counter() - start, changed)
    except Exception as exc:  # a bug (or out of memory): this save fails, the watch goes on
        return Outcome(None, None, time.perf_counter() - start, changed, crash=exc)
    seconds = time.perf_counter() - start
    page = next(
        (data for out, (_path, data) in zip(rendered.result.outputs, rendered.files, strict=True)
         if out.format == "html"),
        b"",
    )  # fmt: skip
    return Outcome(rendered.result, None, seconds, changed, rendered.prepared, page=page)
