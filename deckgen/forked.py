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


def available(parallel: bool = True) -> bool:
    """Whether work may go to forked children: asked for (``parallel``; --jobs 1 says
    no), not in a worker of --all-audiences, fork exists, and there is a second core."""
    return parallel and enabled and hasattr(os, "fork") and cores() > 1


def cores() -> int:
    """The cores this process may run on (taskset and cpusets narrow them)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def beside(fn: Callable[[], Any], parallel: bool = True) -> Forked | InLine:
    """``fn`` started in a forked child now, or (where that is not available) run in line
    when its result is first asked for. Either way: ``result()``, ``cancel()``."""
    return Forked(fn) if available(parallel) else InLine(fn)


def all_of(jobs: list[Callable[[], Any]], parallel: bool = True) -> list[Any]:
    """Every job's value, in order: the first job runs here while the others run beside
    it. If a job fails, the others are stopped and its error is raised."""
    aside: list[Forked | InLine] = []
    try:  # a stop while the children start stops those already started too
        for job in jobs[1:]:
            aside.append(beside(job, parallel))
        first = jobs[0]()
        return [first] + [child.result() for child in aside]
    finally:
        for child in aside:
            child.cancel()


class InLine:
    """``fn`` run in this process when its result is first asked for."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        self._fn: Callable[[], Any] | None = fn
        self._value: Any = None

    def result(self) -> Any:
        if self._fn is not None:
            self._value, self._fn = self._fn(), None
        return self._value

    def cancel(self) -> None:
        self._fn = None


class ChildFailed(RuntimeError):
    """The child ended without an answer (killed, or its answer could not be pickled)."""


_STOPS = {signal.SIGINT, signal.SIGTERM}


class Forked:
    """``fn()`` running in a forked child; ``result()`` is its value, or raises what it
    raised."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        read, write = os.pipe()
        parent = os.getpid()
        # A stop (Ctrl-C, SIGTERM) waits until the child is started and known: one that
        # landed in fork's own handlers (logging's locks) was ignored there, and one
        # before ``self.pid`` was set left a child nobody could cancel.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
        pid = os.fork()
        if pid == 0:  # the child: answer through the pipe, then end without cleaning up
            code = 0
            try:
                os.close(read)
                die_with_parent()
                if os.getppid() != parent:  # the parent ended before that took hold
                    os._exit(1)
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
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
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a stop that came is handled now
        except BaseException:  # its exception: this child is known, and nobody else has it
            self.cancel()
            raise

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
