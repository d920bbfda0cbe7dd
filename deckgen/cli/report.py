"""What the command line prints: diagnostics, outputs, JSON errors, and the top-level
handler that turns any failure into a plain message and an exit code: a DeckgenError
any command raises is mapped here, once (its diagnostics on stderr, its exit code)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys

import click

from .. import output
from ..errors import DeckgenError

# set in the context's meta by --json where the JSON answer stands in for the output
# (options.json_manifest_option): a DeckgenError is then a JSON object on stdout too
JSON_ERRORS = "deckgen.json_errors"


def echo_diagnostics(diagnostics, err: bool = True) -> None:
    for d in diagnostics:
        click.echo(str(d), err=err)


def fail(exc) -> None:
    """Print a DeckgenError's diagnostics and exit with its code."""
    echo_diagnostics(exc.diagnostics)
    if not exc.diagnostics:
        click.echo(f"error: {exc.message}", err=True)
    counts = sum(1 for d in exc.diagnostics if d.severity.value == "error")
    if counts > 1:
        click.echo(f"{counts} errors", err=True)
    sys.exit(exc.exit_code)


def echo_outputs(result) -> None:
    for out in result.outputs:
        click.echo(f"wrote {out.path} ({out.what}, {out.slides} slides, {out.size:,} bytes)")


def json_error(exc) -> None:
    click.echo(
        json.dumps(
            {
                "ok": False,
                "exit_code": exc.exit_code,
                "errors": [d.to_json() for d in exc.diagnostics],
            },
            indent=2,
        )
    )


def plainly(message: str) -> None:
    """Say ``message`` on stderr even when printing itself is in trouble."""
    with contextlib.suppress(Exception):  # nothing more can be said
        click.echo(message, err=True)


class Terminated(KeyboardInterrupt):
    """SIGTERM: ends deckgen as Ctrl-C does (cleanup runs, no temporary file stays)."""


def _stopped(signum, frame) -> None:
    """SIGTERM or Ctrl-C. The exception raised here may land inside a library's bare
    ``except:`` (reportlab wraps imports in them) and be lost, so output is told too:
    from now on it publishes nothing."""
    stop = Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()
    output.refuse_from_now(stop)
    raise stop


class Group(click.Group):
    def invoke(self, ctx):
        with contextlib.suppress(ValueError):  # only the main thread may set handlers
            signal.signal(signal.SIGTERM, _stopped)
            signal.signal(signal.SIGINT, _stopped)
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            terminated = isinstance(exc, Terminated)
            plainly("terminated" if terminated else "interrupted")
            sys.exit(143 if terminated else 130)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except DeckgenError as exc:  # every command's, here once
            if ctx.meta.get(JSON_ERRORS):
                json_error(exc)
            fail(exc)
        except MemoryError:
            plainly("out of memory: the outline asks for more than this machine has")
            sys.exit(1)
        except RecursionError:
            plainly("internal error: something in the outline nests too deeply")
            sys.exit(1)
        except Exception as exc:  # a bug: say so plainly, keep the traceback for debugging
            if os.environ.get("DECKGEN_DEBUG"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
            click.echo(
                "this is a bug in deckgen; rerun with DECKGEN_DEBUG=1 for the "
                "traceback and report it",
                err=True,
            )
            sys.exit(1)


def run() -> None:
    """The ``deckgen`` command: ``main``, then out at once. Everything deckgen writes is
    written and closed by then, and the streams are flushed here; tearing down a
    heap of laid-out slides object by object (a tenth of a second for the shipped
    talk) would only keep the shell waiting."""
    try:
        from . import main

        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nobody is reading
            stream.flush()
    os._exit(code)
