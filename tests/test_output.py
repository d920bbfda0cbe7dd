"""Writing outputs: all or none, temporary files never left, earlier outputs kept, and
--all-audiences workers that never publish (not even when their parent is killed)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deckgen import output
from deckgen.errors import OutputError
from deckgen.output import write_all

from .facts import SMALL


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_all_files_are_written_and_nothing_else(tmp_path):
    files = [(tmp_path / "a.deck", b"deck"), (tmp_path / "a-handout.pdf", b"handout")]
    assert write_all(files) == [path for path, _data in files]
    assert [p.read_bytes() for p, _d in files] == [b"deck", b"handout"]
    assert leftovers(tmp_path) == []


def test_after_a_stop_signal_nothing_is_written(tmp_path, monkeypatch):
    """A stop signal's exception can be swallowed by a library's bare except on its way
    up; the build must still publish nothing after it."""
    (tmp_path / "deck.bin").write_bytes(b"earlier")
    monkeypatch.setattr(output, "_refusal", None)
    output.refuse_from_now(KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        write_all([(tmp_path / "deck.bin", b"new"), (tmp_path / "h.pdf", b"new")])
    assert (tmp_path / "deck.bin").read_bytes() == b"earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.bin"]


def test_a_failed_replacement_undoes_the_ones_before_it(tmp_path, monkeypatch):
    """It used to leave the new deck beside the old handout (exit 3): the two disagreed."""
    deck, handout = tmp_path / "a.deck", tmp_path / "a-handout.pdf"
    deck.write_bytes(b"old deck")
    handout.write_bytes(b"old handout")
    real = os.replace

    def failing(src, dst):
        if Path(dst) == handout:
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(output.os, "replace", failing)
    with pytest.raises(OutputError) as info:
        write_all([(deck, b"new deck"), (handout, b"new handout")])
    monkeypatch.undo()
    (diag,) = info.value.diagnostics
    assert str(handout) in diag.message and ".tmp" not in diag.message
    assert (deck.read_bytes(), handout.read_bytes()) == (b"old deck", b"old handout")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, SystemExit])
def test_an_interrupt_during_the_write_leaves_no_temporary_file(tmp_path, monkeypatch, interrupt):
    deck = tmp_path / "a.deck"
    deck.write_bytes(b"old deck")

    def interrupted(temp, path):
        raise interrupt

    monkeypatch.setattr(output, "_replace", interrupted)
    with pytest.raises(interrupt):
        write_all([(deck, b"new deck"), (tmp_path / "b.pdf", b"pdf")])
    assert deck.read_bytes() == b"old deck"
    assert leftovers(tmp_path) == [] and not (tmp_path / "b.pdf").exists()


def test_a_killed_builds_temporary_files_are_removed_by_the_next_build(tmp_path):
    gone = 2**22 + 12345  # above the kernel's pid range: no such process
    stale = tmp_path / f".a.deck.{gone}.x1y2.tmp"
    stale_backup = tmp_path / f".a.deck.{gone}.x1y2.bak"
    live = tmp_path / f".a.deck.{os.getppid()}.z9.tmp"  # a concurrent build's: left alone
    for path in (stale, stale_backup, live):
        path.write_bytes(b"partial")
    write_all([(tmp_path / "a.deck", b"deck")])
    assert leftovers(tmp_path) == [live.name]


def test_the_message_names_the_output_when_the_folder_cannot_be_made(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError) as info:
        write_all([(blocker / "out" / "a.deck", b"deck")])
    assert str(blocker / "out" / "a.deck") in info.value.diagnostics[0].message


def _processes_building(outline: Path, *also: Path) -> list[int]:
    """The live processes whose command line names ``outline`` (workers inherit it), and
    each of ``also`` (one test's own build among others of the same outline)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            named = all(str(path).encode() in cmdline for path in (outline, *also))
            if named and not _ended(int(entry.name)):
                found.append(int(entry.name))
    return found


def _big_talk(folder: Path, count: int = 250) -> Path:
    """A talk slow enough to interrupt: three audiences, ``count`` slides each."""
    folder.mkdir()
    slides = "".join(
        f"      - {{kind: bullets, title: 'Point {i}', bullets: [one, two, three],"
        f" notes: 'Say {i}.'}}\n"
        for i in range(count)
    )
    text = (
        "meta: {title: Big}\n"
        "audiences:\n"
        "  a: {description: A, minutes: 500}\n"
        "  b: {description: B, minutes: 500}\n"
        "  c: {description: C, minutes: 500}\n"
        "sections:\n  - title: S\n    slides:\n" + slides
    )
    outline = folder / "outline.yaml"
    outline.write_text(text, encoding="utf-8")
    return outline


# --all-audiences with workers that say their pid once they run, then wait until the
# test lets them go on to render: the stop lands while every worker is known to be busy.
WAITING_WORKERS = """\
import os, sys

import deckgen.all_audiences as all_audiences
from deckgen.cli.report import run

outline, out, said, release = sys.argv[1:5]
render = all_audiences._render_one


def waits(label, options):
    os.write(int(said), b"%d\\n" % os.getpid())
    os.read(int(release), 1)  # until the test lets go (a worker outliving its parent)
    return render(label, options)


all_audiences._render_one = waits
sys.argv = ["deckgen", "build", outline, "-o", out, "--all-audiences", "--jobs", "2"]
run()
"""


@pytest.mark.parametrize("how", ["kill-parent", "sigterm-parent"])
def test_all_audiences_workers_never_publish_after_their_parent_is_stopped(tmp_path, how):
    """After kill -9 of the parent its workers used to run on and write every audience.
    Both workers are known to be running (each waiting for the test) when the parent is
    stopped: no guessed delay, and none of them may outlive it."""
    out = tmp_path / "out"
    said_read, said_write = os.pipe()
    release_read, release_write = os.pipe()
    args = [str(SMALL), str(out), str(said_write), str(release_read)]
    proc = subprocess.Popen(
        [sys.executable, "-c", WAITING_WORKERS, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        pass_fds=(said_write, release_read),
    )
    os.close(said_write)
    os.close(release_read)
    with os.fdopen(said_read, "rb") as said:
        workers = [int(said.readline()), int(said.readline())]  # the small talk's two
    proc.send_signal(signal.SIGKILL if how == "kill-parent" else signal.SIGTERM)
    code = proc.wait(timeout=60)

    def left() -> list[int]:
        return _processes_building(SMALL, tmp_path) + [p for p in workers if not _ended(p)]

    deadline = time.monotonic() + 30  # the kernel ends them as their parent ends
    while left() and time.monotonic() < deadline:
        time.sleep(0.02)
    survivors = left()
    os.close(release_write)
    for pid in survivors:  # still waiting: ended here, so a failure leaves nothing running
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert survivors == [], "workers outlived their parent"
    written = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert written == [], (how, code, written)
    stderr = proc.stderr.read().decode()
    if how != "kill-parent":
        assert code == 143, stderr
    assert "Traceback" not in stderr


# A build run with its stop delivered at an exact moment, not after a guessed delay:
# "before-fork" and "after-fork" send it from inside os.fork (its at-fork hooks, where
# logging's locks are taken) for the first child deckgen forks; "child-running" lets the
# handout's child say its pid and then wait until it is ended, and the test stops the build.
STOPPED_BUILD = """\
import os, signal, sys

from deckgen import forked
from deckgen.cli.report import run

moment, name, outline, out, report = sys.argv[1:6]
stop = getattr(signal, name)
forked.available = lambda parallel=True: parallel  # children even on one core
sent = []


def from_inside_fork():
    if sys._getframe(1).f_code is forked.Forked.__init__.__code__ and not sent:
        sent.append(stop)
        os.kill(os.getpid(), stop)


if moment == "before-fork":
    os.register_at_fork(before=from_inside_fork)
elif moment == "after-fork":
    os.register_at_fork(after_in_parent=from_inside_fork)
else:
    import deckgen.render.pdf.handout as handout

    def waits(*_args, **_kwargs):
        os.write(int(report), b"%d\\n" % os.getpid())
        signal.pause()

    handout.render_handout = waits
sys.argv = ["deckgen", "build", outline, "-o", out]
run()
"""

STOPS = [
    ("before-fork", "SIGTERM"),
    ("after-fork", "SIGTERM"),
    ("before-fork", "SIGINT"),
    ("after-fork", "SIGINT"),
    ("child-running", "SIGTERM"),
    ("child-running", "SIGKILL"),
]


@pytest.mark.parametrize("moment, name", STOPS)
def test_a_build_stopped_while_it_forks_or_renders_beside_stops_cleanly(tmp_path, moment, name):
    """A stop (SIGTERM, Ctrl-C) that landed in fork's own handlers was printed as
    'Exception ignored' and the build ran on; one sent at a guessed moment made the test
    flaky. Now the stop lands exactly there, every time: the build ends with the stop's
    status and one line, no traceback, no file written, no child left behind."""
    stop = getattr(signal, name)
    out = tmp_path / "out"
    read, write = os.pipe()
    proc = subprocess.Popen(
        [sys.executable, "-c", STOPPED_BUILD, moment, name, str(SMALL), str(out), str(write)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        pass_fds=(write,),
    )
    os.close(write)
    child = None
    if moment == "child-running":
        with os.fdopen(read, "rb") as said:
            child = int(said.readline())  # the child is rendering (waiting) now
        proc.send_signal(stop)
    else:
        os.close(read)
    code = proc.wait(timeout=120)
    stderr = proc.stderr.read().decode()
    expected = {"SIGTERM": (143, "terminated"), "SIGINT": (130, "interrupted")}
    if name == "SIGKILL":
        assert code == -signal.SIGKILL
    else:
        assert (code, stderr.strip()) == expected[name], stderr  # no traceback, nothing ignored
    known = [child] if child is not None else []

    def left() -> list[int]:
        return _processes_building(SMALL, tmp_path) + [pid for pid in known if not _ended(pid)]

    deadline = time.monotonic() + 30  # a child may take a moment to be ended by the kernel
    while left() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert left() == [], "a child outlived the stopped build"
    assert not out.exists() or list(out.iterdir()) == []


def _ended(pid: int) -> bool:
    """The process is gone, or ended and not yet reaped by its new parent."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X", "x")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_a_stop_while_the_deck_is_written_leaves_no_temporary_file(tmp_path):
    """A stop sent as soon as the first temporary file appears used to leave it behind
    every time (it was listed for cleanup only once written). Now no temporary file or
    backup stays, and the folder holds every earlier output or every new one."""
    outline = _big_talk(tmp_path / "talk", count=300)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    out, fresh = tmp_path / "out", tmp_path / "fresh"

    def build(folder: Path) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "deckgen", "build", str(outline), "-o", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )

    assert build(out).wait(timeout=120) == 0
    earlier = _outputs(out)
    outline.write_text(outline.read_text("utf-8").replace("Point 0", "Point zero"), "utf-8")
    assert build(fresh).wait(timeout=120) == 0
    new = _outputs(fresh)
    assert earlier.keys() == new.keys() and earlier != new

    stopped = 0
    for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGINT, signal.SIGTERM):
        proc = build(out)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if any(p.name.endswith(".tmp") for p in out.iterdir()):
                proc.send_signal(stop)
                break
            time.sleep(0.001)
        code = proc.wait(timeout=60)
        stopped += code == {signal.SIGINT: 130, signal.SIGTERM: 143}[stop]
        assert leftovers(out) == [], code
        assert _outputs(out) in (earlier, new), code  # all old or all new, never a mix
        assert "Traceback" not in proc.stderr.read().decode()
    assert stopped, "no build was stopped while writing: the test proved nothing"


def test_a_stop_right_after_the_temporary_file_is_made_removes_it(tmp_path, monkeypatch):
    """The window the signal test hits: the file exists, the build has not written it."""
    (tmp_path / "a.deck").write_bytes(b"old deck")

    def stopped(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fdopen", stopped)
    with pytest.raises(KeyboardInterrupt):
        write_all([(tmp_path / "a.deck", b"new deck")])
    assert leftovers(tmp_path) == []
    assert (tmp_path / "a.deck").read_bytes() == b"old deck"


def _stopped_once(monkeypatch, name: str) -> None:
    """``output.<name>`` raises KeyboardInterrupt the first time, as a signal would."""
    real = getattr(output, name)
    calls = []

    def once(*args):
        calls.append(args)
        if len(calls) == 1:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(output, name, once)


@pytest.mark.parametrize("where", ["_restore", "_quietly_remove"])
def test_a_stop_during_the_cleanup_does_not_cut_it_short(tmp_path, monkeypatch, where):
    """A second stop (or one that lands in the undo) used to end the cleanup half-way:
    outputs left half replaced, backups and temporary files behind."""
    deck, handout = tmp_path / "a.deck", tmp_path / "a-handout.pdf"
    deck.write_bytes(b"old deck")
    handout.write_bytes(b"old handout")
    real = output._replace

    def failing(temp, path):
        if path == handout:
            raise KeyboardInterrupt  # the first stop, between the two replacements
        return real(temp, path)

    monkeypatch.setattr(output, "_replace", failing)
    _stopped_once(monkeypatch, where)  # the second, in the cleanup
    with pytest.raises(KeyboardInterrupt):
        write_all([(deck, b"new deck"), (handout, b"new handout")])
    assert (deck.read_bytes(), handout.read_bytes()) == (b"old deck", b"old handout")
    assert leftovers(tmp_path) == []
