"""Work done beside the main process, in a forked copy of it.

A build renders its formats (the deck, the handout) from one laid-out talk, and they do
not depend on each other: on a machine with more than one core the handout is rendered
in a forked child while the parent writes the deck. A fork shares everything already
loaded and laid out (nothing is pickled on the way in); only the child's answer crosses
back, pickled through a pipe. The child never writes a file and never prints: it ends
with ``os._exit``, so it flushes no stream that another thread may hold.

Where fork is unavailable (Windows) or there is one core, callers run the work in line.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from typing import Any

# a worker of --all-audiences already has a core to itself; it renders its formats in line
enabled = True


def available() -> bool:
    return enabled and hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def all_of(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Every job's value, in order: the first job runs here while the others run in
    forked children beside it (in line where that is not available). If one fails,
    the others are stopped and its error is raised."""
    if len(jobs) < 2 or not available():
        return [job() for job in jobs]
    aside = [Forked(job) for job in jobs[1:]]
    try:
        first = jobs[0]()
        return [first] + [child.result() for child in aside]
    finally:
        for child in aside:
            child.cancel()


class ChildFailed(RuntimeError):
    """The child ended without an answer (killed, or its answer could not be pickled)."""


class Forked:
    """``fn()`` running in a forked child; ``result()`` is its value, or raises what it
    raised."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: answer through the pipe, then end without cleaning up
            code = 0
            try:
                os.close(read)
                die_with_parent()
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(_answer(fn))
            except BaseException:  # noqa: BLE001 - a child must never return into the caller
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self.pid = pid
        self._read = read
        self._done = False

    def result(self) -> Any:
        try:
            with os.fdopen(self._read, "rb") as pipe:
                data = pipe.read()
        finally:
            self._reap()
        if not data:
            raise ChildFailed("the process rendering beside this one ended without an answer")
        ok, value = pickle.loads(data)
        if ok:
            return value
        raise value

    def cancel(self) -> None:
        """Stop the child (the build failed or was interrupted before its answer was read)."""
        if not self._done:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.close(self._read)
            self._reap()

    def _reap(self) -> None:
        if not self._done:
            self._done = True
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)


def _answer(fn: Callable[[], Any]) -> bytes:
    try:
        return pickle.dumps((True, fn()), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # noqa: BLE001 - carried to the parent, raised there
        try:
            return pickle.dumps((False, exc), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an exception that will not pickle: its text
            text = "".join(traceback.format_exception(exc))
            return pickle.dumps((False, ChildFailed(text)), protocol=pickle.HIGHEST_PROTOCOL)


def die_with_parent() -> None:
    """On Linux, have the kernel end this process when its parent ends (even by SIGKILL):
    a child never writes, so outliving the parent would only waste time."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
