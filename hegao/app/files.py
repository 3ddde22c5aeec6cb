"""Writing a user's file: in its own encoding, atomically (a crash never leaves half a
draft behind), and with respect for the file: not over an edit made since it was read,
not over a read-only file, through a symbolic link to the file it names, with the
original's owner, group and mode, never splitting a hard link, and without leaving a
temporary file behind when the process is terminated.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from hegao.checker.source.reading import BOMS, DecodedText, InputError

TEMP_SUFFIX = ".hegao-tmp"
# A temporary file is written, flushed and renamed within a second or two; one that has
# not been touched for this long was left by a process that was killed (kill -9, a
# power cut), and it is removed the next time a fix is written beside it.
STALE_AFTER_SECONDS = 600
# The names write_atomic's tempfile.mkstemp gives: .NAME.XXXXXXXX.hegao-tmp (8 of [a-z0-9_]).
_OUR_TEMP = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))
# Folders already swept by this process: a folder of 10,000 drafts is listed once, not
# once per fixed draft.
_swept: set[str] = set()


class WriteRefused(InputError):
    """A fix that is not written, to respect the file (a message key and its values)."""


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What a file was when it was read: a fix is written only over that same file."""

    size: int
    mtime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileStamp:
        return cls(info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)


def encode(text: str, decoded: DecodedText) -> bytes:
    if decoded.newline == "\r":
        text = text.replace("\n", "\r")  # an old Mac file was read with its CRs as LFs
    data = text.encode(decoded.encoding)
    return BOMS[decoded.encoding] + data if decoded.bom else data


def write_atomic(path: Path, data: bytes, read_as: FileStamp | None = None) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old file or the
    new one, never a half-written draft: write a temporary file beside it, flush it to
    disk, then rename it over the original.

    A symbolic link is written through (its target is replaced; the link stays a link).
    :class:`WriteRefused` when the file is not to be rewritten: changed since it was read
    (``read_as``), read-only, hard-linked (see :func:`_may_rewrite`), or its owner could
    not be kept.
    """
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None  # a new file: an annotated copy
    if info is not None:
        _may_rewrite(target, info, read_as)
    remove_stale_temps(target)
    with _removed_on_termination() as in_flight:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
        in_flight.add(tmp)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                _keep_owner_and_mode(fh.fileno(), info)
                os.fsync(fh.fileno())
            if read_as is not None:
                # Again at the last moment: an editor may have saved while we wrote.
                _unchanged(target, read_as)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    _sync_folder(target.parent)


def _may_rewrite(target: Path, info: os.stat_result, read_as: FileStamp | None) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused("not_regular")
    # Root may write anything: a file nobody may write (0444) is still left alone.
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteRefused("fix_read_only")
    if info.st_nlink > 1:
        # Refused rather than written in place: a rename would split the link (the other
        # names keep the old text), and writing in place (truncate, write) is not atomic,
        # so a kill in the middle would leave half a draft under every name. A hard link
        # is most often a backup snapshot (cp -al, rsnapshot), which must not change.
        raise WriteRefused("fix_hardlinked", count=info.st_nlink)
    if read_as is not None:
        _unchanged(target, read_as)


def _unchanged(target: Path, read_as: FileStamp) -> None:
    try:
        now = FileStamp.of(os.stat(target))
    except FileNotFoundError:
        raise WriteRefused("fix_changed") from None
    if now != read_as:
        raise WriteRefused("fix_changed")


def _keep_owner_and_mode(fd: int, info: os.stat_result | None) -> None:
    if info is None:
        # A new file gets the mode any new file gets here (mkstemp makes it 0600).
        mask = os.umask(0o022)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)
        return
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
        try:
            os.fchown(fd, info.st_uid, info.st_gid)
        except PermissionError:
            # Writing it would take the file from its owner (or its group).
            raise WriteRefused("fix_owner") from None
    os.fchmod(fd, stat.S_IMODE(info.st_mode))


def _sync_folder(folder: Path) -> None:
    # The rename is durable once the folder is flushed too (not possible everywhere).
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_temps(target: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files that an earlier, killed hegao left beside ``target``
    (once per folder and process): hegao's by their name (.NAME.XXXXXXXX.hegao-tmp),
    untouched for :data:`STALE_AFTER_SECONDS`. The paths removed."""
    removed: list[Path] = []
    folder = str(target.parent)
    if folder in _swept:
        return removed
    _swept.add(folder)
    now = time.time() if now is None else now
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not _OUR_TEMP.fullmatch(name):
            continue
        leftover = target.parent / name
        with contextlib.suppress(OSError):
            info = os.lstat(leftover)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER_SECONDS:
                os.unlink(leftover)
                removed.append(leftover)
    return removed


# ---------------------------------------------------------------- termination

_TERMINATING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_in_flight: list[set[str]] = []  # the temporary files of each write under way
_previous: dict[int, Any] = {}


@contextlib.contextmanager
def _removed_on_termination() -> Iterator[set[str]]:
    """While the temporary files put in the set yielded are written, SIGTERM and SIGHUP
    remove them before they end the process as they would have (kill -9 cannot be
    caught: the next write removes what it left, see :func:`remove_stale_temps`)."""
    mine: set[str] = set()
    _in_flight.append(mine)
    installed = threading.current_thread() is threading.main_thread()  # signals: main thread only
    if installed:
        for sig in _TERMINATING:
            _previous[sig] = signal.signal(sig, _on_termination)
    try:
        yield mine
    finally:
        if installed:
            for sig in _TERMINATING:
                restored = _previous.pop(sig, None)  # None: a handler not set from Python
                signal.signal(sig, signal.SIG_DFL if restored is None else restored)
        _in_flight.remove(mine)


def _on_termination(signum: int, frame: FrameType | None) -> None:
    previous = _previous.get(signum, signal.SIG_DFL)
    if previous == signal.SIG_IGN:
        return  # the signal was ignored before the write: it still is
    for tmp in [tmp for temps in _in_flight for tmp in temps]:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    if callable(previous):
        previous(signum, frame)
        return
    # The default action (end the process), as if no handler had been installed.
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
