"""The preview server's door: connections on 127.0.0.1, held so that none of them, idle
or slow, can hold the server (or a thread per connection) for long.

One thread accepts connections and keeps those that have not asked anything yet in a
selector: waiting costs a file descriptor, no thread. At most ``MAX_WAITING`` wait, each
at most ``IDLE_SECONDS``; when one more comes, the one waiting longest is closed. A
connection that has sent something gets one of ``MAX_ANSWERING`` threads (it waits its
turn, still threadless, when all are busy); each read or write then times out after
``IDLE_SECONDS`` and the whole answer is cut off after ``ANSWER_SECONDS``. Nothing here
ever writes to the terminal: a client that hangs up, times out or sends garbage ends its
connection silently.
"""

from __future__ import annotations

import collections
import contextlib
import selectors
import socket
import threading
import time

MAX_WAITING = 128  # connections that have asked nothing yet, or wait for a thread
MAX_ANSWERING = 16  # threads answering at once
IDLE_SECONDS = 10.0  # a connection that asks nothing, or one read or write, at most
ANSWER_SECONDS = 30.0  # one connection's answer, however slowly it reads or writes
_TICK = 0.25  # seconds between the door's looks at the clock


class Door:
    """Serve ``handler`` (a socketserver-style request handler class, called with the
    connection, the client's address and this door) on 127.0.0.1:``port``."""

    def __init__(self, port: int, handler) -> None:
        self._handler = handler
        self._listener = socket.create_server(("127.0.0.1", port), backlog=MAX_WAITING)
        self._listener.setblocking(False)
        self.port: int = self._listener.getsockname()[1]
        self.server_address = ("127.0.0.1", self.port)  # what http.server may ask
        self._wake, self._waker = socket.socketpair()
        self._waker.setblocking(False)  # a full pipe already wakes the door
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ)
        self._selector.register(self._wake, selectors.EVENT_READ)
        self._waiting: dict[socket.socket, tuple[float, object]] = {}  # oldest first
        self._queued: collections.deque[tuple[socket.socket, float, object]] = collections.deque()
        self._answering: dict[socket.socket, float] = {}  # guarded by _lock
        self._lock = threading.Lock()
        self._free = MAX_ANSWERING  # guarded by _lock
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._run, name="deckgen-door", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop accepting, close every connection, cut off every answer."""
        self._closed.set()
        self._nudge()
        self._thread.join(timeout=5)
        with self._lock:
            for connection in self._answering:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)

    def _run(self) -> None:
        try:
            while not self._closed.is_set():
                try:
                    self._turn()
                except Exception:  # noqa: BLE001, S112 - the door must stay open, and quiet
                    time.sleep(_TICK)
        finally:
            for connection in [*self._waiting, *(entry[0] for entry in self._queued)]:
                connection.close()
            self._selector.close()
            for end in (self._listener, self._wake, self._waker):
                end.close()

    def _turn(self) -> None:
        for key, _events in self._selector.select(timeout=_TICK):
            if key.fileobj is self._listener:
                self._accept()
            elif key.fileobj is self._wake:
                with contextlib.suppress(OSError):
                    self._wake.recv(4096)
            else:
                self._asked(key.fileobj)
        self._expire(time.monotonic())
        self._dispatch()

    def _accept(self) -> None:
        for _each in range(MAX_WAITING):  # a burst, but never the loop's whole turn
            try:
                connection, address = self._listener.accept()
            except BlockingIOError:
                return
            except OSError:  # out of file descriptors: the longest waiting makes room
                if not self._drop_oldest():
                    time.sleep(_TICK)
                return
            if len(self._waiting) + len(self._queued) >= MAX_WAITING:
                self._drop_oldest()
            self._waiting[connection] = (time.monotonic(), address)
            self._selector.register(connection, selectors.EVENT_READ)

    def _drop_oldest(self) -> bool:
        """Close the connection waiting longest; False if none waits."""
        if self._waiting:
            connection = next(iter(self._waiting))
            self._selector.unregister(connection)
            del self._waiting[connection]
            connection.close()
        elif self._queued:
            self._queued.popleft()[0].close()
        else:
            return False
        return True

    def _asked(self, connection: socket.socket) -> None:
        """``connection`` sent something (or hung up): its turn for a thread."""
        self._selector.unregister(connection)
        since, address = self._waiting.pop(connection)
        self._queued.append((connection, since, address))

    def _expire(self, now: float) -> None:
        for connection, (since, _address) in list(self._waiting.items()):
            if now - since <= IDLE_SECONDS:
                break  # oldest first: the rest are younger
            self._selector.unregister(connection)
            del self._waiting[connection]
            connection.close()
        while self._queued and now - self._queued[0][1] > IDLE_SECONDS:
            self._queued.popleft()[0].close()
        with self._lock:
            for connection, since in self._answering.items():
                if now - since > ANSWER_SECONDS:
                    with contextlib.suppress(OSError):  # its thread ends at once
                        connection.shutdown(socket.SHUT_RDWR)

    def _dispatch(self) -> None:
        while self._queued:
            with self._lock:
                if not self._free:
                    return
                self._free -= 1
                connection, _since, address = self._queued.popleft()
                self._answering[connection] = time.monotonic()
            answer = threading.Thread(target=self._answer, args=(connection, address), daemon=True)
            try:
                answer.start()
            except RuntimeError:  # no thread to be had: this one is closed, not leaked
                self._done(connection)
                raise

    def _done(self, connection: socket.socket) -> None:
        with self._lock:  # off the list before it is closed: never shut down after
            del self._answering[connection]
            self._free += 1
        with contextlib.suppress(OSError):
            connection.shutdown(socket.SHUT_WR)  # the answer's end reaches the client
        connection.close()

    def _answer(self, connection: socket.socket, address) -> None:
        try:
            connection.settimeout(IDLE_SECONDS)
            self._handler(connection, address, self)
        except Exception:  # noqa: BLE001, S110 - gone, timed out or garbled: nothing to say
            pass
        finally:
            self._done(connection)
            self._nudge()

    def _nudge(self) -> None:
        """Wake the door's thread (a thread is free, or it is closing)."""
        with contextlib.suppress(OSError):
            self._waker.send(b"x")
