"""The handout renders in a forked child beside the deck: what it returns, what it raises,
and that a build's files and warnings are the same either way."""

from __future__ import annotations

import os
import shutil
import signal
import time

import pytest

from deckgen import forked
from deckgen.all_audiences import _worker_init
from deckgen.errors import InputError, error
from tests.conftest import EVERY_FORMAT, SMALL, run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")


def test_a_child_returns_its_value():
    child = forked.Forked(lambda: {"pid": os.getpid(), "data": b"x" * 3_000_000})
    answer = child.result()
    assert answer["pid"] != os.getpid()  # it really ran elsewhere
    assert answer["data"] == b"x" * 3_000_000  # larger than a pipe's buffer


def test_a_childs_error_is_raised_in_the_parent():
    def fails():
        raise InputError("bad", [error("something is wrong", hint="fix it")])

    with pytest.raises(InputError) as caught:
        forked.Forked(fails).result()
    assert caught.value.diagnostics[0].message == "something is wrong"


def test_an_error_that_will_not_pickle_arrives_as_its_traceback():
    class Local(Exception):  # a local class cannot be pickled
        pass

    def fails():
        raise Local("the details")

    with pytest.raises(forked.ChildFailed, match="the details"):
        forked.Forked(fails).result()


def test_a_child_killed_before_it_answers_is_an_error():
    child = forked.Forked(lambda: time.sleep(30))
    os.kill(child.pid, signal.SIGKILL)
    with pytest.raises(forked.ChildFailed, match="without an answer"):
        child.result()


def test_cancel_stops_the_child_and_reaps_it():
    child = forked.Forked(lambda: time.sleep(30))
    child.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # already reaped: no zombie left
    child.cancel()  # twice is harmless


class Stop(Exception):
    """What this module's SIGTERM handler raises, as deckgen's CLI raises Terminated."""


@pytest.fixture
def stop_on_fork(monkeypatch):
    """os.fork sends this process SIGTERM from the parent's side of the fork numbered in
    the list it returns (1: the first), while the child is being made: the exact moment
    a stop used to be lost. The pids forked are appended to the list."""
    fork, forks = os.fork, []
    at: list[int] = []

    def fork_then_stop():
        pid = fork()
        if pid:
            forks.append(pid)
            if len(forks) in at:
                os.kill(os.getpid(), signal.SIGTERM)
        return pid

    def stopped(_signum, _frame):
        raise Stop

    previous = signal.signal(signal.SIGTERM, stopped)
    monkeypatch.setattr(forked.os, "fork", fork_then_stop)
    monkeypatch.setattr(forked, "available", lambda parallel=True: parallel)  # one core too
    yield at, forks
    signal.signal(signal.SIGTERM, previous)


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_a_stop_during_the_fork_is_raised_once_the_child_is_known_and_ends_it(stop_on_fork):
    at, forks = stop_on_fork
    at.append(1)
    with pytest.raises(Stop):
        forked.Forked(lambda: time.sleep(30))
    (child,) = forks
    assert _reaped(child)  # killed and reaped: nothing runs on, no zombie


def test_a_stop_while_the_children_start_ends_those_already_started(stop_on_fork):
    at, forks = stop_on_fork
    at.append(2)  # the second child's fork
    ran = []
    jobs = [lambda: ran.append("first"), lambda: time.sleep(30), lambda: time.sleep(30)]
    with pytest.raises(Stop):
        forked.all_of(jobs)
    assert len(forks) == 2 and all(_reaped(pid) for pid in forks)
    assert ran == []  # the first job never ran here


def _build(tmp_path, monkeypatch, name: str, parallel: bool, *extra: str):
    started = []
    real = forked.Forked

    def counting(fn):
        started.append(fn)
        return real(fn)

    real_available = forked.available
    monkeypatch.setattr(forked, "available", lambda asked=True: asked and parallel)
    monkeypatch.setattr(forked, "Forked", counting)
    assert real_available(False) is False
    out = tmp_path / name
    result = run_cli(
        "build", str(SMALL), "-o", str(out), *extra, env={"SOURCE_DATE_EPOCH": "1700000000"}
    )
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in out.iterdir()}, result, len(started)


def test_the_files_are_the_same_in_line_and_beside(tmp_path, monkeypatch):
    inline, _r, children = _build(tmp_path, monkeypatch, "inline", False)
    assert children == 0
    beside, _r, children = _build(tmp_path, monkeypatch, "beside", True)
    assert children == 2  # the deck's thumbnail and the handout
    assert inline == beside and len(beside) == 2


def test_jobs_1_renders_everything_in_this_process(tmp_path, monkeypatch):
    alone, _r, children = _build(tmp_path, monkeypatch, "alone", True, "--jobs", "1")
    assert children == 0
    beside, _r, children = _build(tmp_path, monkeypatch, "beside", True)
    assert children == 2 and alone == beside


def test_three_formats_and_the_thumbnail_use_three_children(tmp_path, monkeypatch):
    files, _r, children = _build(
        tmp_path,
        monkeypatch,
        "three",
        True,
        *EVERY_FORMAT,
    )
    assert children == 3 and len(files) == 3


def test_a_deck_alone_draws_its_thumbnail_beside(tmp_path, monkeypatch):
    files, _r, children = _build(tmp_path, monkeypatch, "deck", True, "--format", "pptx")
    assert children == 1 and len(files) == 1


def test_the_handouts_warnings_come_back_from_the_child(tmp_path, monkeypatch):
    text = SMALL.read_text(encoding="utf-8").replace(
        'title: "Locks and Ladders"', 'title: "Locks and Ladders \U00013000"', 1
    )
    assert "\U00013000" in text
    shutil.copytree(SMALL.parent, tmp_path / "talk")  # its pictures too
    outline = tmp_path / "talk" / "outline.yaml"
    outline.write_text(text, encoding="utf-8")
    monkeypatch.setattr(forked, "available", lambda asked=True: asked)
    result = run_cli("build", str(outline), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "the handout has no font for the character" in result.stderr
    assert "U+13000" in result.stderr


def test_a_failing_child_fails_the_build_and_writes_nothing(tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise InputError("bad handout", [error("the handout could not be made", hint="h")])

    import deckgen.render.pdf.handout as handout

    monkeypatch.setattr(handout, "render_handout", broken)
    monkeypatch.setattr(forked, "available", lambda asked=True: asked)
    out = tmp_path / "out"
    result = run_cli("build", str(SMALL), "-o", str(out))
    assert result.exit_code == 2
    assert "the handout could not be made" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_in_line_work_runs_once_when_asked_and_not_after_cancel():
    calls = []
    later = forked.InLine(lambda: calls.append(1) or len(calls))
    assert calls == []
    assert later.result() == 1 and later.result() == 1 and calls == [1]
    dropped = forked.InLine(lambda: calls.append(2))
    dropped.cancel()
    assert dropped.result() is None and calls == [1]


def test_workers_of_all_audiences_render_in_line(monkeypatch):
    monkeypatch.setattr(forked, "enabled", True)
    monkeypatch.setattr(forked, "die_with_parent", lambda: None)
    _worker_init()
    assert forked.enabled is False and not forked.available()


def test_all_audiences_with_jobs_1_starts_no_worker(tmp_path, monkeypatch):
    import deckgen.all_audiences as build_module

    def no_workers(*_args, **_kwargs):
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(build_module, "_render_in_workers", no_workers)
    monkeypatch.setattr(forked, "Forked", no_workers)
    result = run_cli("build", str(SMALL), "-o", str(tmp_path), "--all-audiences", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("*.pptx"))) == 2  # the small talk's two audiences
