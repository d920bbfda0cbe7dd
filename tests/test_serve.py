"""`deckgen watch --serve`'s server, spoken to on 127.0.0.1 only: it answers its own
name only (DNS rebinding), sends its security headers with every answer, says nothing
on the terminal, and no number of idle, slow or vanishing clients holds it."""

from __future__ import annotations

import selectors
import socket
import struct
import threading
import time

import pytest

from deckgen import door
from deckgen.serve import SECURITY_HEADERS, Preview

BIG = b"\x89PNG" + bytes(4 << 20)  # an answer far larger than a socket's buffers


_RUNNING: dict[int, Preview] = {}


@pytest.fixture
def served():
    """A running preview with one big slide image: (port, its address for the image)."""
    preview = Preview()
    url = preview.start(0)
    preview._images = {"slide/1/1.png": BIG}
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    _RUNNING[port] = preview
    try:
        yield port, "/slide/1/1.png"
    finally:
        _RUNNING.pop(port, None)
        preview.stop()


def served_preview(port: int) -> Preview:
    return _RUNNING[port]


def ask(port: int, request: bytes, timeout: float = 20) -> tuple[str, dict[str, str], bytes]:
    """``request`` sent raw: the status line, the headers (names lowercased), the body."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        conn.sendall(request)
        data = b""
        while chunk := conn.recv(1 << 16):
            data += chunk
    head, _sep, body = data.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _colon, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


def get(port: int, path: str = "/state.json", host: str | None = "127.0.0.1:{port}"):
    lines = [f"GET {path} HTTP/1.1"]
    if host is not None:
        lines.append("Host: " + host.format(port=port))
    return ask(port, ("\r\n".join(lines) + "\r\n\r\n").encode())


def test_it_answers_only_its_own_name(served):
    """Any Host used to be answered: a site rebound to 127.0.0.1 read /state.json."""
    port, image = served
    for host in ("127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}"):
        for path in ("/", "/state.json", image):
            status, _headers, _body = get(port, path, host)
            assert status.split()[1] == "200", (host, path, status)
    refused = ("evil.example:{port}", "evil.example", "127.0.0.1", "localhost:1",
               "127.0.0.1:{port}.evil.example", "[::1]:{port}", "")  # fmt: skip
    for host in (*refused, None):
        for path in ("/", "/state.json", image, "/nothing"):
            status, headers, body = get(port, path, host)
            assert status.split()[1] == "421", (host, path, status)
            assert headers["content-type"].startswith("text/plain")
            assert b"127.0.0.1:" in body and len(body) < 200 and b"slide" not in body
    twice = f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\n\r\n"
    assert ask(port, twice.encode())[0].split()[1] == "421"


def test_every_answer_carries_the_security_headers_and_no_banner(served):
    port, image = served
    host = f"Host: 127.0.0.1:{port}\r\n"
    answers = {
        "200": ask(port, f"GET / HTTP/1.1\r\n{host}\r\n".encode()),
        "200 image": ask(port, f"GET {image} HTTP/1.1\r\n{host}\r\n".encode()),
        "404": ask(port, f"GET /../outline.yaml HTTP/1.1\r\n{host}\r\n".encode()),
        "421": ask(port, b"GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n"),
        "400": ask(port, b"GARBAGE\r\n\r\n"),
        "501": ask(port, f"POST / HTTP/1.1\r\n{host}Content-Length: 0\r\n\r\n".encode()),
    }
    for what, (status, headers, _body) in answers.items():
        assert status.split()[1] == what.split()[0], (what, status)
        for name, value in SECURITY_HEADERS:
            assert headers.get(name.lower()) == value, (what, name)
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert "server" not in headers, (what, headers.get("server"))  # no version banner


def _thread_count() -> int:
    return threading.active_count()


def test_idle_connections_hold_no_thread_and_never_block_a_request(served):
    """1,000 idle connections used to hold 1,003 threads (and ~220 blocked the server)."""
    port, _image = served
    before = _thread_count()
    idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(300)]
    try:
        for _round in range(3):
            status, _headers, body = get(port)
            assert status.split()[1] == "200" and b'"build": 0' in body
            assert _thread_count() <= before + door.MAX_ANSWERING
        # the door keeps MAX_WAITING of them, the longest waiting closed first
        assert _closed_by_server(idle) >= len(idle) - door.MAX_WAITING
    finally:
        for conn in idle:
            conn.close()


def _closed_by_server(conns: list[socket.socket]) -> int:
    """How many of ``conns`` the server has closed (it never sends an idle one anything,
    so a readable one is at its end)."""
    with selectors.DefaultSelector() as watcher:
        for conn in conns:
            watcher.register(conn, selectors.EVENT_READ)
        return len(watcher.select(timeout=1.0))


def test_an_idle_connection_is_closed_after_its_time(served, monkeypatch):
    port, _image = served
    monkeypatch.setattr(door, "IDLE_SECONDS", 0.3)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        assert conn.recv(1) == b""  # closed by the server (the timeout guards a hang)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(b"GET / HT")  # half a request, then silence: one read's time
        assert conn.recv(1) == b""


def test_a_slow_client_is_cut_off(served, monkeypatch):
    """One byte at a time never lets a read time out; the whole answer still has a limit."""
    port, _image = served
    monkeypatch.setattr(door, "ANSWER_SECONDS", 0.5)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        cut = False
        for _byte in range(600):  # 60 s of dribbling at most: a hang guard
            try:
                conn.sendall(b"X")
            except OSError:
                cut = True
                break
            time.sleep(0.1)
        assert cut


def test_many_clients_at_once_are_all_answered(served):
    """More clients than answering threads wait their turn instead of being dropped."""
    port, image = served
    answers: list[str] = []

    def client() -> None:
        status, _headers, body = get(port, image)
        answers.append(status.split()[1] if len(body) == len(BIG) else "short")

    clients = [threading.Thread(target=client) for _ in range(door.MAX_ANSWERING * 3)]
    for each in clients:
        each.start()
    for each in clients:
        each.join(timeout=60)
    assert answers == ["200"] * len(clients)


def _hang_up_mid_answer(port: int, image: str, times: int) -> None:
    for _time in range(times):
        conn = socket.create_connection(("127.0.0.1", port), timeout=10)
        conn.sendall(f"GET {image} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        conn.recv(1)  # the answer has begun
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()  # reset: the server's next write fails


def test_clients_that_hang_up_mid_answer_are_not_news(served, capfd):
    """Each used to print a full traceback; with nobody reading stderr that blocked the
    watch and Ctrl-C."""
    port, image = served
    _hang_up_mid_answer(port, image, 40)
    assert get(port)[0].split()[1] == "200"  # still serving
    time.sleep(0.3)  # let the last answering threads end
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_the_web_handout_is_served_from_memory_under_its_own_policy(served):
    from deckgen.serve import HANDOUT_POLICY

    port, _image = served
    status, _headers, _body = get(port, "/handout.html")
    assert status.split()[1] == "404"  # no build wrote one yet
    page = b"<!DOCTYPE html><title>handout</title>"
    preview = served_preview(port)
    preview._page = page
    status, headers, body = get(port, "/handout.html")
    assert status.split()[1] == "200" and body == page
    assert headers["content-security-policy"] == HANDOUT_POLICY
    assert "img-src data:" in HANDOUT_POLICY and "script" not in HANDOUT_POLICY
    for name, value in SECURITY_HEADERS:
        if name != "Content-Security-Policy":
            assert headers[name.lower()] == value
    # the preview's own answers keep the preview's policy
    _status, headers, _body = get(port, "/state.json")
    assert headers["content-security-policy"] == dict(SECURITY_HEADERS)["Content-Security-Policy"]
