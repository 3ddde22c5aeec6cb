"""hegao server driven over a real stdio pipe: initialize, open a draft, read the
diagnostics, ask for the code actions, apply a fix's edit, see the diagnostic go."""

from __future__ import annotations

from pathlib import Path

import pytest

from .lsp_driver import Client
from .test_cli import SLIP

pytest.importorskip("pygls")

DRAFT = SLIP + "全县民警民警开展夜间巡逻。\n"


def apply(text: str, edits: list[dict]) -> str:
    """Apply LSP text edits (BMP text: UTF-16 units are characters)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(position: dict) -> int:
        return starts[position["line"]] + position["character"]

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        text = text[: offset(edit["range"]["start"])] + edit["newText"] + text[offset(edit["range"]["end"]) :]
    return text


def open_draft(client: Client, path: Path, language: str) -> str:
    """Write the draft and open it in the server as an editor does; its URI."""
    path.write_text(DRAFT, "utf-8")
    return client.open_document(path.as_uri(), DRAFT, language)


def test_diagnostics_code_actions_and_a_fix(client: Client, tmp_path: Path) -> None:
    uri = open_draft(client, tmp_path / "draft.md", "markdown")
    diagnostics = client.diagnostics(uri)
    codes = {d["code"] for d in diagnostics}
    assert codes == {"SUM001", "DUP003"}
    total = next(d for d in diagnostics if d["code"] == "SUM001")
    assert total["severity"] == 1 and total["source"] == "hegao" and "合计与分项不符" in total["message"]
    assert total["range"]["start"] == {"line": 0, "character": SLIP.index("80650.5万元")}
    assert len(total["relatedInformation"]) == 2
    doubled = next(d for d in diagnostics if d["code"] == "DUP003")
    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": doubled["range"]["start"]}
    )
    assert "DUP003 字词重复" in hover["contents"]["value"]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": doubled["range"], "context": {"diagnostics": [doubled]}},
    )
    titles = [a["title"] for a in actions]
    assert any("DUP003" in t and "删除重复" in t for t in titles)
    assert any("忽略" in t and "DUP003" in t for t in titles)  # the suppression comment
    fix = next(a for a in actions if "删除重复" in a["title"])
    fixed = apply(DRAFT, fix["edit"]["changes"][uri])
    assert "民警民警" not in fixed
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]},
    )
    after = client.diagnostics(uri, version=2)
    assert {d["code"] for d in after} == {"SUM001"}
    suppress = next(a for a in actions if "忽略" in a["title"])
    quiet = apply(DRAFT, suppress["edit"]["changes"][uri])  # the comment above the original line
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": quiet}]},
    )
    assert "DUP003" not in {d["code"] for d in client.diagnostics(uri, version=3)}


def test_configuration_is_read_again_when_it_changes(client: Client, tmp_path: Path) -> None:
    uri = open_draft(client, tmp_path / "draft.txt", "plaintext")
    assert {d["code"] for d in client.diagnostics(uri)} == {"SUM001", "DUP003"}
    config = tmp_path / "hegao.toml"
    config.write_text('ignore = ["DUP003"]\n', "utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 1}]})
    assert {d["code"] for d in client.diagnostics(uri)} == {"SUM001"}
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_an_edit_lands_on_the_line_the_editor_counts(client: Client, tmp_path: Path) -> None:
    # U+2028 is no line break for LSP: an edit on the second line goes after the first \n.
    path = tmp_path / "notes.md"
    text = "附注：甲\u2028乙。\n正文。\n"
    path.write_text(text, "utf-8")
    uri = client.open_document(path.as_uri(), text)
    assert client.diagnostics(uri) == []
    at = {"line": 1, "character": 0}
    change = {"range": {"start": at, "end": at}, "text": "全县民警民警巡逻。"}
    edit = {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]}
    client.notify("textDocument/didChange", edit)
    doubled = next(d for d in client.diagnostics(uri, version=2) if d["code"] == "DUP003")
    assert doubled["range"]["start"] == {"line": 1, "character": 2}
