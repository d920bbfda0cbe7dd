"""Writing a build's files: all of them or none, with no temporary file left behind.

Every file is first written in full to a temporary file beside its target (named with
the writing process's id), then the files replace their targets one by one. If a
replacement fails, the ones already made are undone from hard-linked backups, so the
folder holds either every new output or every earlier one. Temporary files go on every
exit path; the ones a killed build could not remove are removed by the next build
into the folder (only those whose process is gone, so concurrent builds are safe).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import OutputError, error

# .NAME.PID.RANDOM.tmp (new output) and .NAME.PID.RANDOM.bak (the one it replaces)
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.(?:tmp|bak)$")


# set when the user has asked deckgen to stop (SIGTERM, Ctrl-C): raised instead of writing
_refusal: BaseException | None = None


def refuse_from_now(reason: BaseException) -> None:
    """Publish nothing from now on: ``write_all`` raises ``reason`` instead (a stop
    signal's exception can be swallowed on its way up; this cannot)."""
    global _refusal
    _refusal = reason


def write_all(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write every ``(path, data)``, all or none; raise OutputError naming the output."""
    if _refusal is not None:
        raise _refusal
    temps: list[tuple[Path, Path]] = []  # (temp, target)
    backups: list[tuple[Path, Path | None]] = []  # (target, backup or None if it was new)
    try:
        for folder in dict.fromkeys(path.parent for path, _data in files):
            _remove_stale_temps(folder)
        for path, data in files:
            temps.append((_write_temp(path, data), path))
        for temp, path in temps:
            backups.append((path, _backup(path)))
            _replace(temp, path)
        done = [path for _temp, path in temps]
        for _path, backup in backups:
            _quietly_remove(backup)
        backups = []
        return done
    except BaseException:
        _undo(backups)
        raise
    finally:
        for temp, _path in temps:
            _quietly_remove(temp)


def _write_temp(path: Path, data: bytes) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
        )
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, 0o644)
    except OSError as exc:
        _quietly_remove(temp)
        raise _cannot_write(path, exc) from None
    return temp


def _backup(path: Path) -> Path | None:
    """A hard link to the output ``path`` is about to replace (None: there is none)."""
    if not path.exists() or path.is_dir():
        return None
    backup = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.bak"
    try:
        os.link(path, backup)
    except OSError:
        try:
            shutil.copy2(path, backup)
        except OSError as exc:
            raise _cannot_write(path, exc) from None
    return backup


def _replace(temp: Path, path: Path) -> None:
    try:
        os.replace(temp, path)
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def _undo(backups: list[tuple[Path, Path | None]]) -> None:
    """Put back what the replacements made so far replaced."""
    for path, backup in reversed(backups):
        with contextlib.suppress(OSError):
            if backup is not None:
                os.replace(backup, path)
            else:
                os.unlink(path)
        # a backup still linked to an output that was never replaced: rename() of two
        # links to one file does nothing, so the link itself must go
        _quietly_remove(backup)


def _remove_stale_temps(folder: Path) -> None:
    """Remove the temporary files of builds into ``folder`` whose process is gone."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = _TEMP.match(name)
        if match and not _alive(int(match["pid"])):
            _quietly_remove(folder / name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but is not ours to signal
        return True
    return True


def _quietly_remove(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _cannot_write(path: Path, exc: OSError) -> OutputError:
    return OutputError(
        f"cannot write {path}",
        [
            error(
                f"cannot write {path}: {exc.strerror or exc}",
                hint="check the output folder exists and is writable, and the disk has room; "
                "earlier outputs are as they were",
            )
        ],
    )
