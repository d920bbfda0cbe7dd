"""`deckgen watch`: a build, then another after each save; a bad save keeps the last good
files; Ctrl-C ends it with 130."""

from __future__ import annotations

import contextlib
import io
import json
import os
import queue
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from deckgen.watch import folders_to_watch, relevant

from .conftest import SMALL


class Lines:
    """A process's stderr, line by line, waited on with a timeout."""

    def __init__(self, stream) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream) -> None:
        for line in stream:
            self._queue.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = 60) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                line = self._queue.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} in {timeout} s; saw {self.seen}")


def _title_of_first_slide(deck: Path) -> str:
    return Presentation(str(deck)).slides[0].shapes.title.text_frame.text


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX here")
def test_watch_rebuilds_after_a_save_and_keeps_the_last_good_files(tmp_path):
    talk = tmp_path / "talk"
    shutil.copytree(SMALL.parent, talk)
    outline, out = talk / "outline.yaml", talk / "build"  # the output inside the watched folder
    proc = subprocess.Popen(
        [sys.executable, "-m", "deckgen", "watch", str(outline), "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = Lines(proc.stderr)
        lines.wait_for("built in")
        lines.wait_for("watching")
        deck = out / "locks-and-ladders.pptx"
        assert _title_of_first_slide(deck) == "Locks and Ladders"

        text = outline.read_text(encoding="utf-8")
        subtitle = 'subtitle: "A small talk that uses every slide kind"'
        assert subtitle in text
        outline.write_text(text.replace(subtitle, 'subtitle: "Saved again"'), encoding="utf-8")
        lines.wait_for("changed: outline.yaml")
        lines.wait_for("built in")
        prs = Presentation(str(deck))
        assert "Saved again" in [
            s.text_frame.paragraphs[0].text for s in prs.slides[0].shapes if s.has_text_frame
        ]
        good = deck.read_bytes()

        outline.write_text(text + "meta: [broken\n", encoding="utf-8")  # a bad save
        error = lines.wait_for("error:")
        assert error.startswith(f"{outline}:")
        lines.wait_for("the last good files are kept")
        assert deck.read_bytes() == good

        outline.write_text(text, encoding="utf-8")  # mended
        lines.wait_for("built in")
        assert _title_of_first_slide(deck) == "Locks and Ladders"

        picture = talk / "assets" / "lock.png"  # a picture redrawn
        buf = io.BytesIO()
        Image.new("RGB", (64, 64), (200, 30, 30)).save(buf, format="PNG")
        picture.write_bytes(buf.getvalue())
        lines.wait_for("changed: lock.png")
        lines.wait_for("built in")
        with zipfile.ZipFile(deck) as package:
            media = [package.read(n) for n in package.namelist() if n.startswith("ppt/media/")]
        assert buf.getvalue() in media
        builds = sum("built in" in line for line in lines.seen)
        assert builds == 4  # its own output folder never set it off again
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    assert code == 130
    assert "Traceback" not in "\n".join(lines.seen)


# deckgen with a bug planted in the deck's renderer: a slide titled BOOM raises TypeError
_BUGGY_DECKGEN = """
import sys
import deckgen.render.pptx.deck as deck_module
real = deck_module.render_pptx
def render_pptx(deck, *args, **kwargs):
    if any("BOOM" in frame.title for frame in deck.slides):
        raise TypeError("a renderer's bug\\nsecond line")
    return real(deck, *args, **kwargs)
deck_module.render_pptx = render_pptx
from deckgen.cli import run
sys.argv[0] = "deckgen"
run()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX here")
def test_watch_survives_a_bug_in_a_build_and_keeps_the_last_good_files(tmp_path):
    """A save that hit an internal error (an SVG with width="0") used to end the watch
    for good, with a traceback. It is one plain line now; the watch goes on."""
    talk = tmp_path / "talk"
    shutil.copytree(SMALL.parent, talk)
    outline, out = talk / "outline.yaml", tmp_path / "build"
    script = tmp_path / "buggy.py"
    script.write_text(_BUGGY_DECKGEN, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DECKGEN_DEBUG"}
    proc = subprocess.Popen(
        [sys.executable, str(script), "watch", str(outline), "-o", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        lines = Lines(proc.stderr)
        lines.wait_for("watching")
        deck = out / "locks-and-ladders.pptx"
        good = deck.read_bytes()
        text = outline.read_text(encoding="utf-8")
        assert "What is a lock?" in text
        outline.write_text(text.replace("What is a lock?", "BOOM"), encoding="utf-8")
        crash = lines.wait_for("internal error")
        assert crash == (
            "internal error: TypeError: a renderer's bug\\u000Asecond line "
            "(a bug in deckgen: DECKGEN_DEBUG=1 shows the traceback)"
        )
        lines.wait_for("the last good files are kept")
        assert deck.read_bytes() == good
        assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []

        outline.write_text(text.replace("What is a lock?", "What is a padlock?"), "utf-8")
        lines.wait_for("built in")  # still watching: the next save builds
        assert deck.read_bytes() != good
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    assert code == 130
    assert "Traceback" not in "\n".join(lines.seen)


def test_what_a_change_may_set_off(tmp_path):
    out = tmp_path / "build"
    folders = [tmp_path]
    assert relevant(tmp_path / "outline.yaml", out, folders)
    assert relevant(tmp_path / "assets" / "lock.png", out, folders)
    assert not relevant(out / "talk.pptx", out, folders)
    assert not relevant(out / ".talk.pptx.123.x.tmp", out, folders)
    for junk in (".outline.yaml.swp", "outline.yaml~", ".#outline.yaml", "a.tmp"):
        assert not relevant(tmp_path / junk, out, folders), junk
    assert not relevant(tmp_path / ".git" / "index", out, folders)
    hidden = tmp_path / ".talks"  # a talk in a hidden folder is still watched
    assert relevant(hidden / "outline.yaml", out, [hidden])


def test_the_folders_watched(tmp_path):
    from deckgen.build import BuildOptions

    (tmp_path / "o").mkdir()
    options = BuildOptions(
        outline=tmp_path / "talk" / "outline.yaml",
        out_dir=tmp_path / "build",
        overlays=(tmp_path / "o" / "client.yaml", tmp_path / "talk" / "x.yaml"),
        template=tmp_path / "brand" / "t.potx",
    )
    assert folders_to_watch(options) == [
        (tmp_path / "talk").resolve(),
        (tmp_path / "o").resolve(),
        (tmp_path / "brand").resolve(),
    ]


def _published(url: str, build: int, timeout: float = 60) -> None:
    """Wait until the page's state is that of ``build``: the watch says "built in" before
    it draws the page's slides, so the page may still show the build before."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with urllib.request.urlopen(url + "state.json", timeout=10) as answer:
            if json.load(answer)["build"] >= build:
                return
        time.sleep(0.1)
    raise AssertionError(f"the page never showed build {build}")


def _page(url: str) -> str:
    """The preview page as headless Chromium shows it, its script run."""
    done = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--virtual-time-budget=4000", "--dump-dom", url],
        capture_output=True, text=True, timeout=90,
    )  # fmt: skip
    return done.stdout


@contextlib.contextmanager
def _serving(tmp_path, *extra: str):
    """``deckgen watch --serve`` on a copy of the small talk, once it watches: (its
    outline, its stderr lines, the page's address, its output folder); stopped by
    Ctrl-C after, which must end it with 130."""
    talk = tmp_path / "talk"
    shutil.copytree(SMALL.parent, talk)
    outline = talk / "outline.yaml"
    proc = subprocess.Popen(
        [sys.executable, "-m", "deckgen", "watch", str(outline), "-o", str(talk / "build"),
         *extra, "--serve", "--port", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        lines = Lines(proc.stderr)
        url = lines.wait_for("serving http://127.0.0.1:").split()[-1]
        lines.wait_for("watching")
        yield outline, lines, url, talk / "build"
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    assert code == 130


@pytest.mark.tools("chromium")
def test_serve_shows_the_slides_and_follows_each_build(tmp_path):
    with _serving(tmp_path) as (outline, lines, url, _out):
        _published(url, 1)
        page = _page(url)
        assert "<h2>4. What is a lock?</h2>" in page and "build 1" in page
        assert "about " in page and " min (" in page  # the talk-time estimate

        text = outline.read_text(encoding="utf-8")
        assert "What is a lock?" in text
        outline.write_text(text.replace("What is a lock?", "What is a padlock?"), "utf-8")
        lines.wait_for("changed: outline.yaml")
        lines.wait_for("built in")
        _published(url, 2)
        page = _page(url)
        assert "<h2>4. What is a padlock?</h2>" in page and "build 2" in page

        outline.write_text(text + "meta: [broken\n", encoding="utf-8")
        lines.wait_for("the last good files are kept")
        _published(url, 3)
        page = _page(url)
        assert "YAML syntax error" in page  # the errors, over the last good slides
        assert "<h2>4. What is a padlock?</h2>" in page


def test_the_page_is_only_for_this_machine_and_serves_no_file(tmp_path):
    import urllib.error
    import urllib.request

    from deckgen.serve import Preview

    preview = Preview()
    url = preview.start(0)
    try:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "state.json") as answer:  # noqa: S310 - local
            assert answer.headers["Content-Type"] == "application/json"
            assert b'"build": 0' in answer.read()
        for path in ("../outline.yaml", "etc/passwd", "slide/0/1.png", "%2e%2e/x"):
            with pytest.raises(urllib.error.HTTPError) as missing:
                urllib.request.urlopen(url + path)  # noqa: S310 - local
            assert missing.value.code == 404, path
    finally:
        preview.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX here")
def test_serve_with_nobody_reading_stderr_still_stops_at_ctrl_c(tmp_path):
    """Every client that hung up mid-answer printed a traceback; once the stderr pipe was
    full (nobody reading it) the server's thread blocked holding stderr, and the watch
    ignored Ctrl-C for over 30 s."""
    talk = tmp_path / "talk"
    shutil.copytree(SMALL.parent, talk)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "deckgen", "watch", str(talk / "outline.yaml"),
         "-o", str(tmp_path / "build"), "--serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        image = None
        for _try in range(600):  # until the first build is on the page (a hang guard)
            with contextlib.suppress(OSError, ValueError):
                url = f"http://127.0.0.1:{port}/state.json"
                with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - local
                    slides = json.load(answer)["slides"]
                if slides:
                    image = "/" + slides[0]["image"]
                    break
            time.sleep(0.1)
        assert image is not None, "the page never showed the first build"
        for _client in range(150):  # enough tracebacks to fill a 64 KiB pipe twice
            with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
                conn.sendall(f"GET {image} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        time.sleep(1)  # the answering threads are done (or stuck on a full pipe) by now
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            code = None
    said = proc.stderr.read().decode()
    assert code == 130, "Ctrl-C was not heeded"
    assert "Traceback" not in said and said.count("\n") < 10, said[-2000:]


def test_the_page_shows_a_builds_bug_over_the_last_good_slides():
    from deckgen.serve import Preview
    from deckgen.watch import Outcome

    preview = Preview()
    preview._state["slides"] = [{"number": 1, "title": "kept", "image": "", "notes": []}]
    preview.publish(Outcome(None, None, 0.1, crash=TypeError("width 0\nx")))
    state = preview._state
    assert state["errors"] == [
        "internal error: TypeError: width 0\\u000Ax "
        "(a bug in deckgen: DECKGEN_DEBUG=1 shows the traceback)"
    ]
    assert state["slides"][0]["title"] == "kept" and state["build"] == 1


@pytest.mark.parametrize("debug", [False, True])
def test_a_bug_is_one_line_and_the_traceback_only_when_asked(capsys, monkeypatch, debug):
    from deckgen.cli.authoring import _report
    from deckgen.watch import Outcome

    monkeypatch.delenv("DECKGEN_DEBUG", raising=False)
    if debug:
        monkeypatch.setenv("DECKGEN_DEBUG", "1")
    try:
        raise TypeError("deep in a renderer")
    except TypeError as exc:
        bug = exc
    _report(Outcome(None, None, 0.25, crash=bug))
    said = capsys.readouterr().err.splitlines()
    assert said[-2:] == [
        "internal error: TypeError: deep in a renderer "
        "(a bug in deckgen: DECKGEN_DEBUG=1 shows the traceback)",
        "build failed (0.25 s): the last good files are kept",
    ]
    assert (said[0] == "Traceback (most recent call last):") is debug
    assert len(said) == 2 or debug


@pytest.mark.parametrize(
    ("bug", "line"),
    [
        (MemoryError(), "out of memory: the outline asks for more than this machine has"),
        (RecursionError("deep"), "internal error: something in the outline nests too deeply"),
    ],
)
def test_running_out_is_worded_as_the_command_line_words_it(bug, line):
    from deckgen.watch import crash_line

    assert crash_line(bug) == line
    assert len(crash_line(ValueError("x" * 5000))) < 400

    class Unsayable(Exception):
        def __str__(self) -> str:
            raise RuntimeError

    assert crash_line(Unsayable()).startswith("internal error: Unsayable: (its message")


@pytest.mark.tools("chromium")
def test_serve_links_the_web_handout_when_the_watch_writes_one(tmp_path):
    with _serving(tmp_path, "--format", "html") as (_outline, _lines, url, out):
        page = _page(url)
        assert 'id="handout" href="handout.html">' in page  # shown, no longer hidden
        with urllib.request.urlopen(url + "handout.html", timeout=30) as answer:
            served = answer.read()
        written = next(out.glob("*.html")).read_bytes()
        assert served == written and b"Locks and Ladders" in served
