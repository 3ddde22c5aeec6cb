"""hegao server on long drafts, over a real stdio pipe: the check runs in a worker, so
hover and code actions are answered while it runs; a burst of edits publishes the last
version alone; a draft over max-file-size, or a check over the time limit, is reported
in one diagnostic and the server goes on. Positions: LSP's UTF-16 units per line."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from hegao.app.lsp import DEBOUNCE, Positions

from .lsp_driver import PLANTED, Client, long_bulletin, planted
from .test_cli import SLIP

pytest.importorskip("pygls")


def open_text(client: Client, path: Path, text: str) -> str:
    return client.open_document(path.as_uri(), text)


def change(client: Client, uri: str, version: int, text: str) -> None:
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
    )


def hover(client: Client, uri: str, position: dict[str, int]) -> Any:
    return client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position})


def published(client: Client, uri: str) -> list[int]:
    """The versions of the diagnostics published for ``uri`` so far (read, not taken)."""
    return [
        n["params"].get("version")
        for n in client.notifications
        if n["method"] == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri
    ]


def until_version(client: Client, uri: str, version: int, timeout: float = 60) -> list[list[Any]]:
    """Every publication for ``uri`` up to the one for ``version``: (version, codes)."""
    seen: list[list[Any]] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = client.notifications.pop(0) if client.notifications else client.read()
        if message.get("method") != "textDocument/publishDiagnostics" or message["params"]["uri"] != uri:
            continue
        params = message["params"]
        seen.append([params.get("version"), sorted(d.get("code") for d in params["diagnostics"])])
        if params.get("version") == version:
            return seen
    raise TimeoutError(f"no diagnostics for version {version}")


def test_hover_and_code_actions_are_answered_while_a_megabyte_is_checked(
    client: Client, tmp_path: Path
) -> None:
    text, line = planted(1_000_000)
    uri = open_text(client, tmp_path / "long.md", text)
    # sent right after the draft: answered before its diagnostics (nothing published yet)
    position = {"line": line + 1, "character": 3}
    assert hover(client, uri, position) is None
    assert published(client, uri) == []
    diagnostics = client.diagnostics(uri, version=1, timeout=60)
    assert {d["code"]: d["range"]["start"] for d in diagnostics} == {
        "SUM001": {"line": line, "character": SLIP.index("80650.5万元")},
        "DUP003": {"line": line + 1, "character": 2},
    }
    # an edit far from the errors; once its check is under way, ask about the DUP003
    change(client, uri, 2, text + "全县共出动警力120人次。\n")
    time.sleep(DEBOUNCE + 0.1)
    assert "DUP003" in hover(client, uri, position)["contents"]["value"]  # from the last results
    doubled = next(d for d in diagnostics if d["code"] == "DUP003")
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": doubled["range"], "context": {"diagnostics": [doubled]}},
    )
    assert actions == []  # the text changed since: a fix from version 1 could land elsewhere
    assert 2 not in published(client, uri)
    assert {d["code"] for d in client.diagnostics(uri, version=2, timeout=60)} == {"SUM001", "DUP003"}
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": doubled["range"], "context": {"diagnostics": [doubled]}},
    )
    assert any("删除重复" in a["title"] for a in actions)


def test_a_burst_of_edits_publishes_the_last_version_alone(client: Client, tmp_path: Path) -> None:
    text = long_bulletin(300_000)
    uri = open_text(client, tmp_path / "burst.md", text)
    assert client.diagnostics(uri, version=1, timeout=60) == []
    # each pause longer than DEBOUNCE: each edit's check starts, and is stopped by the next
    for version in range(2, 6):
        change(client, uri, version, text + f"第{version}次修改。\n")
        time.sleep(DEBOUNCE + 0.15)
    change(client, uri, 6, text + "全县民警民警开展夜间巡逻。\n")
    assert until_version(client, uri, 6) == [[6, ["DUP003"]]]


def test_a_draft_over_max_file_size_is_not_checked_and_says_why(client: Client, tmp_path: Path) -> None:
    (tmp_path / "hegao.toml").write_text("max-file-size = 0.002\n", "utf-8")  # 2 kB
    text, _ = planted(3000)
    uri = open_text(client, tmp_path / "over.md", text)
    [diagnostic] = client.diagnostics(uri, version=1)
    assert diagnostic["range"]["start"] == {"line": 0, "character": 0}
    assert "文档太大" in diagnostic["message"] and "上限 0.002 MB" in diagnostic["message"]
    assert "max-file-size" in diagnostic["message"]
    change(client, uri, 2, PLANTED)  # under the limit again: checked
    assert {d["code"] for d in client.diagnostics(uri, version=2)} == {"SUM001", "DUP003"}


def test_a_check_over_the_time_limit_is_stopped_and_the_server_goes_on(tmp_path: Path) -> None:
    client = Client(tmp_path)
    client.start(tmp_path, {"timeLimit": 0.5})  # a megabyte takes seconds
    try:
        text, line = planted(1_000_000)
        uri = open_text(client, tmp_path / "slow.md", text)
        [diagnostic] = client.diagnostics(uri, version=1, timeout=60)
        assert "0.5 秒内未能检查完" in diagnostic["message"] and "已停止检查" in diagnostic["message"]
        position = {"line": line + 1, "character": 3}
        assert hover(client, uri, position) is None
        change(client, uri, 2, PLANTED)  # a short draft: a new worker checks it in time
        assert {d["code"] for d in client.diagnostics(uri, version=2, timeout=60)} == {"SUM001", "DUP003"}
    finally:
        client.stop()


def test_astral_characters_count_two_utf16_units(client: Client, tmp_path: Path) -> None:
    wide = "𠀀𡈽"  # CJK extension B: one character, two UTF-16 units each
    text = f"{wide}标题\r\n{wide}{SLIP}"
    uri = open_text(client, tmp_path / "wide.md", text)
    [total] = client.diagnostics(uri)
    assert total["range"]["start"] == {"line": 1, "character": 4 + SLIP.index("80650.5万元")}
    assert "SUM001" in hover(client, uri, total["range"]["start"])["contents"]["value"]


def _reference(text: str, offset: int, encoding: str) -> tuple[int, int]:
    """A position counted the slow way: the lines before, then the units of the line."""
    lines = text[:offset].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    before = lines[-1]
    if encoding == "utf-16":
        return len(lines) - 1, len(before.encode("utf-16-le", "surrogatepass")) // 2
    if encoding == "utf-8":
        return len(lines) - 1, len(before.encode("utf-8", "surrogatepass"))
    return len(lines) - 1, len(before)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_positions_match_a_count_from_the_start(encoding: str) -> None:
    text = "a𠀀b\r\n城东𡈽𡈽派出所\rx\n\n末行😀尾\ud800z"
    positions = Positions(text, encoding)
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\r\n":
            continue  # between the two characters of one line break: no position
        line, character = _reference(text, offset, encoding)
        assert positions.position(offset) == (line, character), offset
        assert positions.offset(line, character) == offset, (offset, line, character)
    assert positions.offset(0, 99) == text.index("\r")  # past a line's end: its end
    assert positions.offset(99, 0) == len(text)
