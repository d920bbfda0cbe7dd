"""Writing a build's files: all of them or none, with no temporary file left behind.

Every file is first written in full to a temporary file beside its target (named with
the writing process's id), then the files replace their targets one by one. If a
replacement fails, the ones already made are undone from hard-linked backups, so the
folder holds either every new output or every earlier one. Temporary files go on every
exit path, a stop signal's too: each name is listed for cleanup before its file is made,
and a cleanup that a stop interrupts goes on to the end before the stop is raised. The
files a killed build could not remove are removed by the next build into the folder
(only those whose process is gone, so concurrent builds are safe).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import OutputError, error

# .NAME.PID.RANDOM.tmp (new output) and .NAME.PID.RANDOM.bak (the one it replaces)
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.(?:tmp|bak)$")
_CLEANUP_ATTEMPTS = 1000  # a step interrupted by a stop signal runs again, this often at most
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


# set when the user has asked deckgen to stop (SIGTERM, Ctrl-C): raised instead of writing
_refusal: BaseException | None = None


def slug(text: str, most: int = 60, empty: str = "deck") -> str:
    """A title as an output's name (or a unit's key): ASCII letters, digits and hyphens,
    lower case, at most ``most`` characters; ``empty`` where nothing is left."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:most].strip("-") or empty


def output_stem(title: str, audience: str | None = None, language: str | None = None) -> str:
    """The name a build's outputs share: the title's slug, then the audience, then the
    language of a translation ("talk", "talk-executives", "talk-executives-de")."""
    return title + (f"-{audience}" if audience else "") + (f"-{language}" if language else "")


def refuse_from_now(reason: BaseException) -> None:
    """Publish nothing from now on: ``write_all`` raises ``reason`` instead (a stop
    signal's exception can be swallowed on its way up; this cannot)."""
    global _refusal
    _refusal = reason


def write_all(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write every ``(path, data)``, all or none; raise OutputError naming the output."""
    if _refusal is not None:
        raise _refusal
    temps: list[Path] = []  # every temporary name, listed before its file is made
    try:
        for folder in dict.fromkeys(path.parent for path, _data in files):
            _remove_stale_temps(folder)
        for path, data in files:
            _write_temp(path, data, temps)
        if _refusal is not None:  # a stop whose exception was swallowed meanwhile
            raise _refusal
        _publish(list(zip(temps, (path for path, _data in files), strict=True)))
        return [path for path, _data in files]
    finally:
        _finish(_quietly_remove, temps)


def _publish(pairs: list[tuple[Path, Path]]) -> None:
    """Each ``(temp, target)`` renamed over its target; on any failure (a stop signal
    too) the targets replaced so far are put back: all new outputs or all old ones."""
    backups: list[tuple[Path, Path | None]] = []  # (target, backup or None if it was new)
    try:
        for temp, path in pairs:
            _backup(path, backups)
            _replace(temp, path)
    except BaseException:
        _finish(_restore, backups[::-1])
        raise
    finally:
        _finish(_quietly_remove, [backup for _path, backup in backups])


def _finish(step: Callable, items: list) -> None:
    """``step`` done for every item (a tuple is spread), even if a stop signal's
    exception (Ctrl-C, SIGTERM) lands in one: that one is done again (each step is
    harmless to repeat), the rest follow, and the first such exception is raised last."""
    stop: BaseException | None = None
    for item in items:
        for _attempt in range(_CLEANUP_ATTEMPTS):
            try:
                step(*item) if isinstance(item, tuple) else step(item)
                break
            except BaseException as exc:  # noqa: BLE001 - finish first, raise after
                stop = stop or exc
    if stop is not None:
        raise stop


def _write_temp(path: Path, data: bytes, temps: list[Path]) -> None:
    """``data`` in a new temporary file beside ``path``. Its name goes on ``temps``
    before the file exists, so whatever stops the build after this line, the caller's
    cleanup knows the file (removing a name never made is harmless)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    while True:
        temp = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
        temps.append(temp)
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_CLOEXEC, 0o600)
            break
        except FileExistsError:  # not ours: never remove it
            temps.remove(temp)
        except OSError as exc:
            raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), 0o644)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def _backup(path: Path, backups: list[tuple[Path, Path | None]]) -> None:
    """A hard link to the output ``path`` is about to replace, listed on ``backups``
    before it is made (None: there is none to keep)."""
    if not path.exists() or path.is_dir():
        backups.append((path, None))
        return
    backup = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.bak"
    backups.append((path, backup))
    try:
        os.link(path, backup)
    except OSError:
        try:
            shutil.copy2(path, backup)
        except OSError as exc:
            raise _cannot_write(path, exc) from None


def _replace(temp: Path, path: Path) -> None:
    try:
        os.replace(temp, path)
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def _restore(path: Path, backup: Path | None) -> None:
    """Put back what replacing ``path`` replaced (nothing: remove the new file)."""
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
