"""One Word document through every surface: ``hegao check``, the language server and the
web page report the same findings at the same places (a paragraph, a table cell)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from hegao.app.entry import decode_draft, read_draft
from hegao.app.serve import fitting

from .lsp_driver import Client
from .test_cli import run
from .test_serve import post, served
from .test_tables import word_document

pytest.importorskip("docx")
pytest.importorskip("pygls")

PARAGRAPHS = [
    "2025年城西区公安分局接处警情况",
    "李某先后两次被骗，第一次被骗5200元，第二次被骗3800元，共计被骗9500元。",  # 9000, not 9500
    "表1 2025年城西区各类警情",
]
ROWS = [
    ("警情类别", "起数（起）"),
    ("刑事警情", "310"),
    ("治安警情", "720"),
    ("交通警情", "200"),
    ("合计", "1250"),  # 1230, not 1250
]
EXPECTED = [
    ("SUM001", "第 2 段", {"paragraph": 2}),
    ("TAB001", "表 1 第 5 行第 2 列", {"table": 1, "row": 5, "column": 2}),
]


def test_a_word_table_total_is_reported_alike_on_every_surface(tmp_path: Path) -> None:
    draft = word_document(tmp_path / "警情通报.docx", PARAGRAPHS, ROWS)

    rows = json.loads(run("check", "--format", "json", str(draft), cwd=tmp_path, lang="zh").stdout)
    cli = [(r["code"], r["location"], r["place"]) for r in rows]
    assert cli == EXPECTED
    starts = [(r["line"], r["column"]) for r in rows]

    client = Client(tmp_path)
    try:
        client.start(tmp_path)
        uri = draft.as_uri()
        # An editor cannot show a .docx as text: the server reads it from disk.
        client.open_document(uri, "", "plaintext")
        diagnostics = sorted(client.diagnostics(uri), key=lambda d: d["code"])
    finally:
        client.stop()
    assert [(d["code"], d["data"]["location"], d["data"]["place"]) for d in diagnostics] == EXPECTED
    assert all(d["message"].endswith(f"（{d['data']['location']}）") for d in diagnostics)
    assert [(d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1) for d in diagnostics] == (
        starts
    )

    with served(tmp_path) as url:
        name = urllib.parse.quote(draft.name)
        status, page = post(f"{url}api/upload?name={name}", draft.read_bytes())
        assert status == 200
        assert [(f["code"], f["location"], f["place"]) for f in page["findings"]] == EXPECTED
        assert [f["where"] for f in page["findings"]] == [location for _, location, _ in EXPECTED]
        assert "<table>" in page["html"]  # shown as it was written
        # Checked again from the page, the text comes back with its places and keeps them.
        body = json.dumps({"text": page["text"], "places": page["places"]}).encode()
        status, again = post(url + "api/check", body)
        assert status == 200
        assert [(f["code"], f["location"], f["place"]) for f in again["findings"]] == EXPECTED


def test_a_word_document_sent_as_bytes_reads_as_the_file(tmp_path: Path) -> None:
    draft = word_document(tmp_path / "警情通报.docx", PARAGRAPHS, ROWS)
    sent = decode_draft("上传.docx", draft.read_bytes())
    assert sent == read_draft(draft) and sent.places is not None


def test_a_word_document_on_standard_input_is_read_as_its_name_says(tmp_path: Path) -> None:
    draft = word_document(tmp_path / "警情通报.docx", PARAGRAPHS, ROWS)
    env = {**os.environ, "HEGAO_LANG": "zh", "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "hegao", "check", "-f", "json", "--stdin-filename", draft.name, "-"]
    result = subprocess.run(command, input=draft.read_bytes(), capture_output=True, cwd=tmp_path, env=env)
    rows = json.loads(result.stdout)
    assert [(r["code"], r["location"], r["place"]) for r in rows] == EXPECTED


def test_the_page_keeps_places_only_while_they_fit_the_text() -> None:
    text = "第一段。\n第二段。\n"
    assert fitting([[1], [1, 1, 2]], text) == [(1,), (1, 1, 2)]
    assert fitting([[1]], text) is None  # a line was added: the lines are not the document's
    assert fitting([[1], [1, 2]], text) is None and fitting([[1], [True]], text) is None
    assert fitting("[[1],[2]]", text) is None and fitting(None, text) is None
