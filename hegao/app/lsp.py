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
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from hegao import __version__, messages
from hegao.app.entry import check_text, is_word, read_draft
from hegao.app.results import FileResult
from hegao.app.runner import config_for, reload_configuration
from hegao.checker.lint.config import Config, ConfigError
from hegao.checker.model import Finding, Severity, SourceText
from hegao.checker.source.reading import InputError
from hegao.messages import said
from hegao.rules import RULES

# How long the editor must pause before a change is checked (seconds).
DEBOUNCE = 0.12
_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}
_CONFIG_FILES = ("hegao.toml", "pyproject.toml")


def make_server() -> Any:
    # Imported here, not above: pygls is an optional extra (hegao[lsp]) that hegao
    # server alone needs, and the hegao command loads this module only for it.
    from lsprotocol import types
    from pygls import uris
    from pygls.lsp.server import LanguageServer
    from pygls.workspace import TextDocument

    server = LanguageServer("hegao", __version__)
    latest: dict[str, int] = {}  # uri → the version last changed
    config_stamps: dict[Path, float] = {}

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

    def checked(uri: str) -> FileResult:
        """The uri's draft checked as ``hegao check`` checks it: the editor's text, or a
        Word document read from disk with the places of its lines."""
        path = path_of(uri)
        config = configuration(uri)
        name = str(path) if path is not None else uri
        if path is None or not is_word(path.name):
            return check_text(name, server.workspace.get_text_document(uri).source, config)
        try:
            draft = read_draft(path, config.max_bytes)
        except InputError as exc:
            return FileResult(name, None, [], str(exc))
        return check_text(name, draft.text, config, draft.places)

    def lsp_range(document: Any, start: int, end: int) -> Any:
        return types.Range(document.client_position_at_offset(start), document.client_position_at_offset(end))

    def document_for(uri: str, source: SourceText) -> Any:
        """The document the findings' offsets are in (for a Word document, its text)."""
        opened = server.workspace.get_text_document(uri)
        if opened.source == source.text:
            return opened
        return TextDocument(uri, source.text, position_codec=opened.position_codec)

    def diagnostics(uri: str) -> None:
        result = checked(uri)
        if result.error is not None:
            message = f"{result.path}: {messages.text('error')}: {result.error}"
            server.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))
        out = []
        if result.source is not None:
            document = document_for(uri, result.source)
            titles = {r.code: r.title for r in RULES.all()}
            for f in result.findings:
                related = [
                    types.DiagnosticRelatedInformation(
                        types.Location(uri, lsp_range(document, r.span.start, r.span.end)),
                        _with_place(said(r.message), result.located(r.span.start)),
                    )
                    for r in f.related
                ]
                where = result.located(f.span.start)
                out.append(
                    types.Diagnostic(
                        range=lsp_range(document, f.span.start, f.span.end),
                        message=_with_place(f"{titles.get(f.code, '')}：{said(f.message)}", where),
                        severity=types.DiagnosticSeverity(_SEVERITY[f.severity]),
                        code=f.code,
                        source="hegao",
                        related_information=related or None,
                        data=where or None,
                    )
                )
        version = server.workspace.get_text_document(uri).version
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=out, version=version)
        )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Any, params: types.DidOpenTextDocumentParams) -> None:
        diagnostics(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: Any, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        version = params.text_document.version
        latest[uri] = version
        await asyncio.sleep(DEBOUNCE)
        if latest.get(uri) == version:  # the editor paused: check what it has now
            diagnostics(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: Any, params: types.DidSaveTextDocumentParams) -> None:
        path = path_of(params.text_document.uri)
        if path is not None and path.name in _CONFIG_FILES:
            reload_configuration()
            for uri in list(server.workspace.text_documents):
                if uri != params.text_document.uri:
                    diagnostics(uri)
            return
        diagnostics(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Any, params: types.DidCloseTextDocumentParams) -> None:
        latest.pop(params.text_document.uri, None)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: Any, params: types.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.endswith(_CONFIG_FILES) for change in params.changes):
            reload_configuration()
            for uri in list(server.workspace.text_documents):
                diagnostics(uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: Any, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        path = path_of(uri)
        if path is not None and is_word(path.name):
            return []  # a Word document is read-only here
        result = checked(uri)
        if result.source is None:
            return []
        text = result.source.text
        document = document_for(uri, result.source)
        start = document.offset_at_position(params.range.start)
        end = document.offset_at_position(params.range.end)
        actions = []
        for f in result.findings:
            if f.span.end < start or f.span.start > end:
                continue
            if f.fix is not None:
                key = "lsp_fix_safe" if f.fix.safe else "lsp_fix_unsafe"
                edits = [
                    types.TextEdit(lsp_range(document, e.span.start, e.span.end), e.replacement)
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
                line_start = text.rfind("\n", 0, f.span.start) + 1
                comment = f"<!-- hegao-disable-next-line {f.code} -->\n"
                actions.append(
                    types.CodeAction(
                        title=messages.text("lsp_suppress", code=f.code),
                        kind=types.CodeActionKind.QuickFix,
                        edit=types.WorkspaceEdit(
                            changes={
                                uri: [types.TextEdit(lsp_range(document, line_start, line_start), comment)]
                            }
                        ),
                    )
                )
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: Any, params: types.HoverParams) -> types.Hover | None:
        result = checked(params.text_document.uri)
        if result.source is None:
            return None
        document = document_for(params.text_document.uri, result.source)
        at = document.offset_at_position(params.position)
        here = [f for f in result.findings if f.span.start <= at <= f.span.end]
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
