"""``hegao server``: a Language Server over standard input and output (pygls).

An editor that speaks LSP (VS Code, Neovim, Helix, Emacs, Sublime) shows hegao's findings
as diagnostics while the editor types: on open, on change (after a short pause, so that
typing in a long draft stays fluid) and on save. Each diagnostic has the rule's code,
Chinese title and message, its severity and related places; code actions apply a fix
(unsafe ones labelled) or add a suppression comment above the line (Markdown); hovering a
finding shows ``hegao explain`` for its rule. Rules and options come from the nearest
hegao.toml, read again when it changes. A .docx opened in the editor is read from disk,
never written, and checked as ``hegao check`` checks it (hegao/app/entry.py): its table
findings too, each message naming its paragraph or cell (第 2 段, 表 1 第 5 行第 2 列),
which is also in the diagnostic's ``data`` ({"location": …, "place": {…}}).

A long draft must not freeze the editor: each check runs in a worker process (the
:class:`Checker`), so hover and code actions are answered meanwhile from the last
published results; a check whose draft has changed since is stopped or its result
dropped, never published; a check that takes longer than :data:`TIME_LIMIT` is stopped
and says so; a draft above ``max-file-size`` is not checked, and one diagnostic at its
top says why. Positions are computed once per publish (:class:`Positions`).
"""

from __future__ import annotations

import asyncio
import bisect
import itertools
import multiprocessing
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from hegao import __version__, messages
from hegao.app.entry import check_text, is_word, read_draft
from hegao.app.results import FileResult
from hegao.app.runner import config_for, reload_configuration
from hegao.checker.lint.config import Config, ConfigError
from hegao.checker.model import Finding, Severity
from hegao.checker.source.reading import InputError
from hegao.messages import said
from hegao.rules import RULES

# How long the editor must pause before a change is checked (seconds).
DEBOUNCE = 0.12
# How long one check may take (seconds) before it is stopped and the draft reported as
# too large or too slow: a bulletin takes milliseconds, 1 MB 2–3 s, 5 MB 20–28 s on a
# busy 2-core machine (bench/lsp_large.py), so a draft well inside max-file-size is
# checked; what runs longer is a pathological text. An editor may set its own: the
# initialization option {"timeLimit": seconds}.
TIME_LIMIT = 60.0
_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}
_CONFIG_FILES = ("hegao.toml", "pyproject.toml")
# Line breaks as LSP counts lines (the editor's count, which str.splitlines exceeds: it
# also breaks at \x0b, \x1c, \u2028 and others).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 code units each
# The worker is forked from a small server process that imported the engine once
# (forkserver): a new worker starts in milliseconds, so a stale or overlong check can be
# stopped and the next one started at once; forking the language server itself would
# copy the locks its threads hold.
_START = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
_CONTEXT: Any = multiprocessing.get_context(_START)  # typed as the base, which lacks Process


class Positions:
    """Where a text's lines start and where its astral characters are (two UTF-16 units
    each), built once per published version: each offset becomes an LSP position with a
    bisect or two, where the editor's document rebuilt its lines for every finding (a
    5 MB draft got no diagnostics in 300 s). ``encoding`` is the one agreed with the
    client: utf-16 (the default), utf-32 (characters) or utf-8 (bytes)."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding if encoding in ("utf-8", "utf-32") else "utf-16"
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
        self.astral = [m.start() for m in _ASTRAL.finditer(text)] if self.encoding == "utf-16" else []

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character), 0-based, of ``offset`` (an index into the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start = self.starts[line]
        if self.encoding == "utf-8":
            return line, len(self.text[start:offset].encode("utf-8", "surrogatepass"))
        wide = bisect.bisect_left(self.astral, offset) - bisect.bisect_left(self.astral, start)
        return line, offset - start + wide

    def offset(self, line: int, character: int) -> int:
        """The index into the text of an LSP position (the reverse of :meth:`position`);
        a position past the end of its line is the line's end."""
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[max(line, 0)], self._end(line)
        if self.encoding == "utf-8":
            offset, units = start, 0
            while offset < end and units < character:
                units += len(self.text[offset].encode("utf-8", "surrogatepass"))
                offset += 1
            return offset
        offset = start + max(character, 0)
        # each astral character before the position takes two units for one character
        for at in self.astral[bisect.bisect_left(self.astral, start) :]:
            if at >= min(offset, end):
                break
            offset -= 1
        return min(offset, end)

    def _end(self, line: int) -> int:
        """Where the line's text ends, before its line break."""
        if line + 1 >= len(self.starts):
            return len(self.text)
        end = self.starts[line + 1]
        if self.text[end - 1] == "\n":
            end -= 1
        if end > self.starts[line] and self.text[end - 1] == "\r":
            end -= 1
        return end


class Drafts:
    """The editor's open texts, kept here and changed as LSP counts lines. The framework's
    own copy splits lines where ``str.splitlines`` does (also at U+2028, \\x0b, \\x1c …),
    so that an edit after such a character would land on the wrong line."""

    def __init__(self) -> None:
        self._texts: dict[str, tuple[int | None, str]] = {}

    def open(self, uri: str, version: int | None, text: str) -> None:
        self._texts[uri] = (version, text)

    def change(self, uri: str, version: int | None, changes: Sequence[Any], encoding: str) -> None:
        text = self._texts.get(uri, (None, ""))[1]
        for change in changes:
            where = getattr(change, "range", None)
            if where is None:  # the whole text
                text = change.text
                continue
            positions = Positions(text, encoding)
            start = positions.offset(where.start.line, where.start.character)
            end = max(start, positions.offset(where.end.line, where.end.character))
            text = text[:start] + change.text + text[end:]
        self._texts[uri] = (version, text)

    def close(self, uri: str) -> None:
        self._texts.pop(uri, None)

    def text(self, uri: str) -> str:
        return self._texts.get(uri, (None, ""))[1]

    def version(self, uri: str) -> int | None:
        return self._texts.get(uri, (None, ""))[0]

    def uris(self) -> list[str]:
        return list(self._texts)


@dataclass(frozen=True, slots=True)
class Job:
    """One check for the worker: the editor's text, or a Word document to read from disk
    (``text`` None), under ``config``."""

    name: str
    text: str | None
    path: Path | None
    config: Config
    language: str  # the server's (hegao --lang en server): the worker's messages say it too


def run_job(job: Job) -> FileResult:
    """What the worker does with a job: ``hegao check``'s own check (entry.py)."""
    messages.set_language(job.language)
    if job.text is not None:
        return check_text(job.name, job.text, job.config)
    assert job.path is not None
    try:
        draft = read_draft(job.path, job.config.max_bytes)
    except InputError as exc:
        return FileResult(job.name, None, [], str(exc))
    return check_text(job.name, draft.text, job.config, draft.places)


def _work(connection: Connection) -> None:
    """The worker's loop: a job in, its result out, until the server goes away."""
    # Standard output is the server's channel to the editor: nothing of the worker's goes there.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(run_job(job))


def _exchange(connection: Connection, job: Job) -> FileResult:
    try:
        connection.send(job)
        result: FileResult = connection.recv()
    except (EOFError, OSError):  # the worker was stopped or died
        connection.close()
        raise
    return result


class Checker:
    """The one worker process that checks drafts for the language server, started when
    first needed and again after it was stopped. A thread would not do: a check is
    CPU-bound and holds the GIL, and the server would answer nothing while it runs."""

    def __init__(self) -> None:
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def start(self) -> None:
        """Start the worker ahead of the first check (the first start also starts the
        forkserver, which imports the engine: a quarter of a second)."""
        self._started()

    def _started(self) -> Connection:
        if self._process is None or self._connection is None or not self._process.is_alive():
            self.stop()
            if _START == "forkserver":
                _CONTEXT.set_forkserver_preload(["hegao.app.lsp"])
            ours, theirs = _CONTEXT.Pipe()
            process = _CONTEXT.Process(target=_work, args=(theirs,), daemon=True, name="hegao-check")
            process.start()
            theirs.close()  # the worker's end: when it dies, reading ours ends
            self._process, self._connection = process, ours
        return self._connection

    async def check(self, job: Job, limit: float) -> FileResult | None:
        """The job's result, or None when it took more than ``limit`` seconds (the
        worker is then stopped). A worker stopped or dead meanwhile gives a result
        with an error."""
        connection = self._started()
        work = asyncio.get_running_loop().run_in_executor(None, _exchange, connection, job)
        try:
            return await asyncio.wait_for(work, limit)
        except TimeoutError:
            self.stop()
            return None
        except (EOFError, OSError):
            self.stop()
            return FileResult(job.name, None, [], messages.text("lsp_worker_failed"))

    def stop(self) -> None:
        """Stop the worker at once, whatever it is doing (a check gone stale or over
        time); the next check starts another."""
        process, self._process, self._connection = self._process, None, None
        if process is not None and process.is_alive():
            process.kill()  # not terminate: a handler for SIGTERM could wait out a regex
            process.join(5)


@dataclass(frozen=True, slots=True)
class Published:
    """What was published for a document, for hover and code actions to read while the
    next check runs: the version, the result and its positions."""

    version: int | None
    result: FileResult
    positions: Positions | None


def make_server() -> Any:
    # Imported here, not above: pygls is an optional extra (hegao[lsp]) that hegao
    # server alone needs, and the hegao command loads this module only for it.
    from lsprotocol import types
    from pygls import uris
    from pygls.lsp.server import LanguageServer

    server = LanguageServer("hegao", __version__)
    config_stamps: dict[Path, float] = {}
    checker = Checker()
    one_at_a_time = asyncio.Lock()  # one worker: checks queue for it
    tickets: dict[str, int] = {}  # uri → the newest check asked for; older ones are dropped
    numbers = itertools.count(1)
    running: list[tuple[str, int]] = []  # the check in the worker: (uri, ticket)
    published: dict[str, Published] = {}
    drafts = Drafts()
    tasks: set[asyncio.Task[None]] = set()  # the checks asked for (a task needs a reference)
    settings = {"time_limit": TIME_LIMIT}
    titles = {r.code: r.title for r in RULES.all()}

    def path_of(uri: str) -> Path | None:
        path = uris.to_fs_path(uri)
        return Path(path) if path else None

    def configuration(uri: str) -> Config:
        path = path_of(uri)
        if path is None:
            return Config()
        try:
            config = config_for(path.parent)
        except ConfigError as exc:
            server.window_show_message(types.ShowMessageParams(types.MessageType.Error, str(exc)))
            return Config()
        source = config.source
        if source is not None:
            try:
                stamp = source.stat().st_mtime
            except OSError:
                stamp = 0.0
            if config_stamps.setdefault(source, stamp) != stamp:  # hegao.toml was edited
                config_stamps[source] = stamp
                reload_configuration()
                return configuration(uri)
        return config.for_path(path)

    def encoding() -> str:
        agreed = server.workspace.position_encoding  # an enumeration's member, or a string
        return str(getattr(agreed, "value", agreed) or "utf-16")

    def lsp_range(positions: Positions, start: int, end: int) -> Any:
        (line, character), (end_line, end_character) = positions.position(start), positions.position(end)
        return types.Range(types.Position(line, character), types.Position(end_line, end_character))

    def notice(uri: str, version: int | None, message: str) -> None:
        """One diagnostic at the top of a draft that was not checked, saying why."""
        top = types.Range(types.Position(0, 0), types.Position(0, 0))
        diagnostic = types.Diagnostic(
            range=top, message=message, severity=types.DiagnosticSeverity.Warning, source="hegao"
        )
        published.pop(uri, None)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[diagnostic], version=version)
        )

    def publish(uri: str, version: int | None, result: FileResult) -> None:
        if result.error is not None:
            message = f"{result.path}: {messages.text('error')}: {result.error}"
            server.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))
        positions = Positions(result.source.text, encoding()) if result.source is not None else None
        published[uri] = Published(version, result, positions)
        out = []
        if positions is not None:
            for f in result.findings:
                related = [
                    types.DiagnosticRelatedInformation(
                        types.Location(uri, lsp_range(positions, r.span.start, r.span.end)),
                        _with_place(said(r.message), result.located(r.span.start)),
                    )
                    for r in f.related
                ]
                where = result.located(f.span.start)
                out.append(
                    types.Diagnostic(
                        range=lsp_range(positions, f.span.start, f.span.end),
                        message=_with_place(f"{titles.get(f.code, '')}：{said(f.message)}", where),
                        severity=types.DiagnosticSeverity(_SEVERITY[f.severity]),
                        code=f.code,
                        source="hegao",
                        related_information=related or None,
                        data=where or None,
                    )
                )
        if result.figures_stopped is not None:  # where the reading of figures stopped
            line, count = result.figures_stopped
            at = types.Range(types.Position(line - 1, 0), types.Position(line - 1, 0))
            information = types.DiagnosticSeverity.Information
            said_here = messages.text("figures_stopped", count=count)
            out.append(types.Diagnostic(range=at, message=said_here, severity=information, source="hegao"))
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=out, version=version)
        )

    def ask(uri: str, pause: float = 0.0) -> None:
        """Check the draft now (or after ``pause``), instead of any check of it asked
        before: a check of an older text still in the worker is stopped."""
        tickets[uri] = ticket = next(numbers)
        if running and running[0][0] == uri:
            checker.stop()  # its result would be dropped
        keep(asyncio.get_running_loop().create_task(check(uri, ticket, pause)))

    def keep(task: asyncio.Task[None]) -> None:
        tasks.add(task)  # the loop holds a task weakly
        task.add_done_callback(tasks.discard)

    async def check(uri: str, ticket: int, pause: float) -> None:
        if pause:
            await asyncio.sleep(pause)  # the editor may still be typing
        async with one_at_a_time:
            if tickets.get(uri) != ticket:  # a newer check was asked for, or it was closed
                return
            version = drafts.version(uri)
            config = configuration(uri)
            path = path_of(uri)
            name = str(path) if path is not None else uri
            if path is not None and is_word(path.name):
                job = Job(name, None, path, config, messages.language())
            else:
                text = drafts.text(uri)
                size = len(text.encode("utf-8", "surrogatepass"))
                if size > config.max_bytes:
                    size_mb, limit = f"{size / 1e6:.1f}", f"{config.max_file_size:g}"
                    notice(uri, version, messages.text("lsp_too_large", size=size_mb, limit=limit))
                    return
                job = Job(name, text, None, config, messages.language())
            running.append((uri, ticket))
            try:
                result = await checker.check(job, settings["time_limit"])
            finally:
                running.remove((uri, ticket))
        if tickets.get(uri) != ticket:  # the draft changed meanwhile: never published
            return
        if result is None:
            notice(uri, version, messages.text("lsp_too_slow", seconds=f"{settings['time_limit']:g}"))
        else:
            publish(uri, version, result)

    @server.feature(types.INITIALIZE)
    def initialize(ls: Any, params: types.InitializeParams) -> None:
        options = params.initialization_options
        limit = options.get("timeLimit") if isinstance(options, dict) else None
        if isinstance(limit, int | float) and not isinstance(limit, bool) and limit > 0:
            settings["time_limit"] = float(limit)

    async def warm_up() -> None:
        async with one_at_a_time:  # the first check waits for it
            await asyncio.get_running_loop().run_in_executor(None, checker.start)

    @server.feature(types.INITIALIZED)
    def initialized(ls: Any, params: types.InitializedParams) -> None:
        # The worker starts before the editor opens a draft, in a thread: the server
        # answers meanwhile.
        keep(asyncio.get_running_loop().create_task(warm_up()))

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: Any, params: Any) -> None:
        checker.stop()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Any, params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        drafts.open(document.uri, document.version, document.text)
        ask(document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: Any, params: types.DidChangeTextDocumentParams) -> None:
        document = params.text_document
        drafts.change(document.uri, document.version, params.content_changes, encoding())
        ask(document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: Any, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = path_of(uri)
        if path is not None and path.name in _CONFIG_FILES:
            reload_configuration()
            for other in drafts.uris():
                if other != uri:
                    ask(other)
            return
        if running and running[0] == (uri, tickets.get(uri)):
            return  # the text saved is the one in the worker (typed, then saved at once)
        ask(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Any, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        drafts.close(uri)
        tickets.pop(uri, None)
        published.pop(uri, None)
        if running and running[0][0] == uri:
            checker.stop()
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: Any, params: types.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.endswith(_CONFIG_FILES) for change in params.changes):
            reload_configuration()
            for uri in drafts.uris():
                ask(uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: Any, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        path = path_of(uri)
        if path is not None and is_word(path.name):
            return []  # a Word document is read-only here
        last = published.get(uri)
        if last is None or last.positions is None:
            return []
        if last.version != drafts.version(uri):
            return []  # the text changed since: its edits would land in the wrong places
        positions = last.positions
        start = positions.offset(params.range.start.line, params.range.start.character)
        end = positions.offset(params.range.end.line, params.range.end.character)
        actions = []
        for f in last.result.findings:
            if f.span.end < start or f.span.start > end:
                continue
            if f.fix is not None:
                key = "lsp_fix_safe" if f.fix.safe else "lsp_fix_unsafe"
                edits = [
                    types.TextEdit(lsp_range(positions, e.span.start, e.span.end), e.replacement)
                    for e in f.fix.edits
                ]
                actions.append(
                    types.CodeAction(
                        title=messages.text(key, code=f.code, title=said(f.fix.title)),
                        kind=types.CodeActionKind.QuickFix,
                        is_preferred=f.fix.safe,
                        edit=types.WorkspaceEdit(changes={uri: edits}),
                    )
                )
            if path is None or path.suffix.lower() in (".md", ".markdown"):
                line_start = positions.starts[positions.line_of(f.span.start)]
                comment = f"<!-- hegao-disable-next-line {f.code} -->\n"
                actions.append(
                    types.CodeAction(
                        title=messages.text("lsp_suppress", code=f.code),
                        kind=types.CodeActionKind.QuickFix,
                        edit=types.WorkspaceEdit(
                            changes={
                                uri: [types.TextEdit(lsp_range(positions, line_start, line_start), comment)]
                            }
                        ),
                    )
                )
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: Any, params: types.HoverParams) -> types.Hover | None:
        last = published.get(params.text_document.uri)
        if last is None or last.positions is None:
            return None
        at = last.positions.offset(params.position.line, params.position.character)
        here = [f for f in last.result.findings if f.span.start <= at <= f.span.end]
        if not here:
            return None
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(_explain(f) for f in here)
            )
        )

    return server


def _with_place(message: str, where: dict[str, object]) -> str:
    """A message with the paragraph or table cell it is in, as the text report shows it:
    a Word document's line numbers mean nothing to its reader."""
    return f"{message}（{where['location']}）" if where else message


def _explain(f: Finding) -> str:
    rule = RULES.get(f.code)
    if rule is None:
        return said(f.message)
    lang = messages.language()
    lines = [f"**{rule.code} {rule.title}** — {rule.summary_in(lang)}", "", said(f.message)]
    for title, body in rule.sections_in(lang).items():
        lines += ["", f"**{title}**", "", "\n".join(line.strip() for line in body.splitlines())]
    return "\n".join(lines)


def run() -> None:
    make_server().start_io()
