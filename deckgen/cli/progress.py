"""Progress on stderr for a build that takes more than a second on a terminal: which
stage it is in and for how long. Silent when stderr is not a terminal (piped, CI) or
with -q, and for any build quicker than the delay."""

from __future__ import annotations

import sys
import threading
import time

DELAY = 1.0  # seconds before anything is shown
TICK = 0.2  # seconds between updates


class Progress:
    def __init__(self, stream=None, enabled: bool = True, delay: float = DELAY) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and _is_terminal(self.stream)
        self.delay = delay
        self.stage = "reading the outline"
        self._start = time.monotonic()
        self._shown = False
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Progress:
        if self.enabled:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        if self._shown:  # leave the line clean for what the build prints next
            self.stream.write("\r\x1b[2K")
            self.stream.flush()

    def __call__(self, stage: str) -> None:
        """The build has reached ``stage`` ("laying out 1,027 slides", "writing the deck")."""
        self.stage = stage

    def _run(self) -> None:
        if self._done.wait(self.delay):
            return
        while not self._done.is_set():
            elapsed = time.monotonic() - self._start
            self.stream.write(f"\r\x1b[2Kdeckgen: {self.stage}… {elapsed:.0f} s")
            self.stream.flush()
            self._shown = True
            self._done.wait(TICK)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
