"""Checking files: finding them, reading them, linting and fixing them — one after the
other, or in a pool of worker processes — with the results in a stable order.

Nothing here raises for a bad file: every problem with one file (missing, unreadable,
binary, undecodable, empty, too large, a bad configuration, even a bug in a rule)
becomes that file's one-line error, and the other files are still checked.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from pathlib import Path

from hegao import messages
from hegao.app.entry import check_text, internal_error, read_draft
from hegao.app.files import FileStamp, WriteRefused
from hegao.app.results import FileResult, Places
from hegao.app.settings import load_config
from hegao.checker.lint.config import Config, ConfigError
from hegao.checker.source.reading import DecodedText, InputError, os_reason
from hegao.messages import text
from hegao.rules import RULES

_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__"}

# Below this much text, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 1_000_000


class FixMode(StrEnum):
    none = "none"
    write = "write"
    diff = "diff"


@dataclass(frozen=True, slots=True)
class CheckOptions:
    fix: FixMode = FixMode.none
    unsafe: bool = False


@dataclass(frozen=True, slots=True)
class Job:
    """One file to check with its configuration, or the error that stops it."""

    path: Path
    config: Config | None
    error: str | None = None


# ---------------------------------------------------------------- finding files


@cache
def config_for(folder: Path) -> Config:
    """The configuration of the nearest hegao.toml / pyproject.toml above ``folder``."""
    return load_config(folder, RULES.codes(), RULES.options())


def reload_configuration() -> None:
    """Forget the configuration files read so far (one was edited): the editor's
    language server and watch mode read them again."""
    from hegao.app import settings

    config_for.cache_clear()
    settings.find_config_file_cache_clear()


def discover(
    paths: Iterable[Path], force_exclude: bool = False, respect_gitignore: bool = True
) -> tuple[list[Path], list[tuple[str, str]], list[str]]:
    """Files to check, in a stable order; (path, message) for paths that fail; notes.

    Files named on the command line are checked unless ``force_exclude`` and the
    configuration excludes them (pre-commit names the files it hands over); in folders,
    the configuration's include and exclude globs choose (default: .txt, .md, .docx), and
    what .gitignore ignores is left out unless told otherwise. A folder with nothing to
    check is a note, not an error.
    """
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    notes: list[str] = []
    seen: set[Path] = set()
    for path in paths:
        try:
            is_folder = _is_folder(path)
        except OSError as exc:  # one path that cannot be looked at: the others are checked
            errors.append((str(path), text("os_error", reason=os_reason(exc))))
            continue
        if is_folder is None:
            errors.append((str(path), text("no_such_path")))
            continue
        if is_folder:
            found, walk_errors, walk_notes = _walk(path, respect_gitignore)
            errors.extend(walk_errors)
            notes.extend(walk_notes)
            if not found and not walk_errors:
                notes.append(text("nothing_in_folder", path=path))
            candidates = found
        else:
            if force_exclude and _excluded(path):
                continue
            candidates = [path]
        for f in candidates:
            try:
                key = f.resolve()
            except (OSError, RuntimeError):  # a symlink loop: reading it will say so
                key = f
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, errors, notes


def _is_folder(path: Path) -> bool | None:
    """Whether ``path`` is a folder (None: nothing there); OSError if it cannot be told
    (a folder above it that may not be entered)."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except FileNotFoundError:
        return None if not path.is_symlink() else False  # a dangling link: reading says so
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return False  # a symlink loop: reading it will say so
        raise


def _excluded(path: Path) -> bool:
    try:
        return config_for(path.parent).is_excluded(path)
    except (ConfigError, OSError):
        return False  # checking it will report the broken configuration


def _inside(path: str, root: str) -> bool:
    """Whether ``path`` (a symbolic link found in a walk) leads into the folder ``root``
    being walked (both resolved)."""
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _walk(
    root: Path, respect_gitignore: bool = True
) -> tuple[list[Path], list[tuple[str, str]], list[str]]:
    """The files to check in ``root``, the folders that could not be read, and notes:
    symbolic links that lead out of ``root`` are not followed (a fix must never write
    outside the folder it was asked to check), each said once."""
    from hegao.app.gitignore import Ignored

    ignored = Ignored(root) if respect_gitignore else None
    out: list[Path] = []
    errors: list[tuple[str, str]] = []
    notes: list[str] = []
    visited: set[tuple[int, int]] = set()
    real_root = os.path.realpath(root)

    def unreadable(exc: OSError) -> None:
        errors.append((str(exc.filename), text("os_error", reason=os_reason(exc))))

    def stays_inside(folder: Path, name: str) -> bool:
        link = folder / name
        if not os.path.islink(link) or _inside(str(link), real_root):
            return True
        notes.append(text("symlink_outside", path=link))
        return False

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=unreadable):
        try:
            info = os.stat(dirpath)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in visited:
            dirnames[:] = []  # a symlink loop
            continue
        visited.add((info.st_dev, info.st_ino))
        folder = Path(dirpath)
        try:
            config = config_for(folder)
        except ConfigError as exc:
            # A broken configuration stops the files it governs, not the whole run.
            errors.append((str(folder), str(exc)))
            dirnames[:] = []
            continue
        use_gitignore = ignored is not None and config.respect_gitignore
        if use_gitignore:
            assert ignored is not None
            ignored.enter(folder)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if d not in _SKIP_DIRS
            and not d.startswith(".")
            and not (use_gitignore and ignored.ignores(folder / d, directory=True))  # type: ignore[union-attr]
            and stays_inside(folder, d)
        )
        for name in sorted(filenames):
            path = folder / name
            if use_gitignore and ignored.ignores(path, directory=False):  # type: ignore[union-attr]
                continue
            if config.is_included(path) and not config.is_excluded(path) and stays_inside(folder, name):
                out.append(path)
    return sorted(out), errors, notes  # in path order, as a listing shows them


# ---------------------------------------------------------------- one file


def check_file(path: Path, config: Config, options: CheckOptions | None = None) -> FileResult:
    """Read, check and (as asked) fix one file. Never raises."""
    options = options or CheckOptions()
    try:
        draft = read_draft(path, config.max_bytes)
    except InputError as exc:
        return FileResult(str(path), None, [], str(exc))
    except Exception as exc:  # a reader's bug must not stop the other files either
        return FileResult(str(path), None, [], internal_error(exc))
    return check_decoded(str(path), draft.decoded, config, options, path, draft.places, draft.stamp)


def check_decoded(
    name: str,
    decoded: DecodedText,
    config: Config,
    options: CheckOptions | None = None,
    path: Path | None = None,
    labels: Places | None = None,
    stamp: FileStamp | None = None,
) -> FileResult:
    """Fix (as asked) and check a draft already read (hegao.app.entry checks it); a fix
    is written to ``path`` only if it is still the file ``stamp`` says was read."""
    options = options or CheckOptions()
    try:
        return _check_decoded(name, decoded, config, options, path, labels, stamp)
    except Exception as exc:  # a bug in a fix must not stop the other files
        return FileResult(name, None, [], internal_error(exc))


def _check_decoded(
    name: str,
    decoded: DecodedText,
    config: Config,
    options: CheckOptions,
    path: Path | None,
    labels: Places | None,
    stamp: FileStamp | None = None,
) -> FileResult:
    text = decoded.text
    fixed_count = 0
    diff = ""
    if options.fix is FixMode.write and decoded.encoding == "docx" and path is not None:
        return _fix_word(name, path, text, config, options, labels, stamp)
    if options.fix is not FixMode.none:
        from hegao.app.files import encode, write_atomic
        from hegao.core import fix_text

        fixed, fixed_count = fix_text(text, config, options.unsafe)
        if fixed != text:
            if options.fix is FixMode.write and path is not None:
                try:
                    write_atomic(path, encode(fixed, decoded), stamp)
                except (OSError, WriteRefused) as exc:
                    return FileResult(name, None, [], _not_written(path, exc))
                text = fixed
            else:  # a Word document's diff is of its text
                diff = unified_diff(name, text, fixed)
    result = check_text(name, text, config, labels)
    return replace(result, fixed=fixed_count, diff=diff) if result.checked else result


def _fix_word(
    name: str,
    path: Path,
    text: str,
    config: Config,
    options: CheckOptions,
    labels: Places | None,
    stamp: FileStamp | None = None,
) -> FileResult:
    """--fix on a Word document: the fixes that stay inside one run of text, written in
    place (atomically); the document is then read again and checked."""
    from hegao.app.word import fix_docx

    found = check_text(name, text, config, labels)
    if not found.checked:
        return found
    try:
        applied, unfixed = fix_docx(path, found.findings, options.unsafe, write=True, read_as=stamp)
    except (OSError, WriteRefused) as exc:
        return FileResult(name, None, [], _not_written(path, exc))
    if applied:
        try:
            draft = read_draft(path)
        except InputError as exc:
            return FileResult(name, None, [], str(exc))
        text, labels = draft.text, draft.places
    result = check_text(name, text, config, labels)
    return replace(result, fixed=applied, unfixed=len(unfixed)) if result.checked else result


def _not_written(path: Path, exc: OSError | WriteRefused) -> str:
    """Why fixes were not written, in the user's language."""
    if isinstance(exc, WriteRefused):
        return messages.text("fix_not_written", reason=exc)
    return messages.text("cannot_write", path=path, reason=os_reason(exc))


def unified_diff(name: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{name.lstrip('/')}",
        tofile=f"b/{name.lstrip('/')}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


# ---------------------------------------------------------------- many files


def run_job(job: Job, options: CheckOptions) -> FileResult:
    if job.config is None:
        return FileResult(str(job.path), None, [], job.error or text("no_configuration"))
    return check_file(job.path, job.config, options)


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worth_a_pool(jobs: list[Job]) -> bool:
    """Whether there is enough text for worker processes to pay for their start."""
    total = 0
    for job in jobs:
        try:
            total += job.path.stat().st_size
        except OSError:
            continue
        if total >= PARALLEL_MIN_BYTES:
            return len(jobs) > 1
    return False


def check_files(jobs: list[Job], options: CheckOptions, workers: int = 1) -> Iterator[FileResult]:
    """The result of each job, in the order of ``jobs`` whatever the number of workers."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_job(job, options)
        return
    yield from _in_pool(jobs, options, min(workers, len(jobs)))


def _in_pool(jobs: list[Job], options: CheckOptions, workers: int) -> Iterator[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from functools import partial

    # fork starts a worker in milliseconds with the rules already imported; elsewhere
    # (macOS, Windows) the default start method is used.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(16, len(jobs) // (workers * 8)))
    done = 0
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_ignore_interrupts)
    try:
        for result in pool.map(partial(run_job, options=options), jobs, chunksize=chunk):
            done += 1
            yield result
    except BrokenProcessPool:
        # A worker was killed (out of memory, most likely): the files it had are lost,
        # and they are reported rather than silently skipped.
        for job in jobs[done:]:
            yield FileResult(str(job.path), None, [], text("worker_died"))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    # Ctrl-C goes to the whole process group; the main process alone handles it.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
