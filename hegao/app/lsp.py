"""``hegao server``: a Language Server over standard input and output (pygls).

An editor that speaks LSP (VS Code, Neovim, Helix, Emacs, Sublime) shows hegao's findings
as diagnostics while the editor types: on open, on change (after a short pause, so that
typing in a long draft stays fluid) and on save. Each diagnostic has the rule's code,
Chinese title and message, its severity and related places; code actions apply a fix
(unsafe ones labelled) or add a suppression comment above the line (Markdown); hovering a
finding shows ``hegao explain`` for its rule. Rules and options come from the nearest
hegao.toml, read again when it changes. A .docx opened in the editor is read from disk,
never written.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from hegao import __version__, messages
from hegao.checker.lint.config import Config, ConfigError
from hegao.checker.model import Finding, Severity
from hegao.core import lint_text
from hegao.messages import said
from hegao.rules import RULES

# How long the editor must pause before a change is checked (seconds).
DEBOUNCE = 0.12
_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}
_CONFIG_FILES = ("hegao.toml", "pyproject.toml")


def make_server() -> Any:
    from lsprotocol import types
    from pygls import uris
    from pygls.lsp.server import LanguageServer

    from hegao.app.runner import config_for, reload_configuration

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

    def text_of(uri: str) -> str | None:
        path = path_of(uri)
        if path is not None and path.suffix.lower() == ".docx":
            from hegao.checker.source.docx import read_docx
            from hegao.checker.source.reading import InputError

            try:
                return read_docx(path)[0]
            except InputError:
                return None
        return server.workspace.get_text_document(uri).source

    def findings_of(uri: str) -> tuple[str, list[Finding]] | None:
        text = text_of(uri)
        if text is None:
            return None
        return text, lint_text(text, configuration(uri))

    def lsp_range(document: Any, start: int, end: int) -> Any:
        return types.Range(document.client_position_at_offset(start), document.client_position_at_offset(end))

    def document_for(uri: str, text: str) -> Any:
        from pygls.workspace import TextDocument

        opened = server.workspace.get_text_document(uri)
        if opened.source == text:
            return opened
        return TextDocument(uri, text, position_codec=opened.position_codec)

    def diagnostics(uri: str) -> None:
        found = findings_of(uri)
        if found is None:
            return
        text, findings = found
        document = document_for(uri, text)
        titles = {r.code: r.title for r in RULES.all()}
        out = []
        for f in findings:
            related = [
                types.DiagnosticRelatedInformation(
                    types.Location(uri, lsp_range(document, r.span.start, r.span.end)), said(r.message)
                )
                for r in f.related
            ]
            out.append(
                types.Diagnostic(
                    range=lsp_range(document, f.span.start, f.span.end),
                    message=f"{titles.get(f.code, '')}：{said(f.message)}",
                    severity=types.DiagnosticSeverity(_SEVERITY[f.severity]),
                    code=f.code,
                    source="hegao",
                    related_information=related or None,
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
        if path is not None and path.suffix.lower() == ".docx":
            return []  # a Word document is read-only here
        found = findings_of(uri)
        if found is None:
            return []
        text, findings = found
        document = document_for(uri, text)
        start = document.offset_at_position(params.range.start)
        end = document.offset_at_position(params.range.end)
        actions = []
        for f in findings:
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
        found = findings_of(params.text_document.uri)
        if found is None:
            return None
        text, findings = found
        document = document_for(params.text_document.uri, text)
        at = document.offset_at_position(params.position)
        here = [f for f in findings if f.span.start <= at <= f.span.end]
        if not here:
            return None
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(_explain(f) for f in here)
            )
        )

    return server


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
