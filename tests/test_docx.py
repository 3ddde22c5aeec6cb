"""Word documents: paragraphs and table cells in order, located by paragraph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import make_zip_bomb
from .test_cli import SLIP, run

docx = pytest.importorskip("docx")


def add_phone_table(document: object) -> None:
    """A two-by-two table whose last cell has a wrong measure word (手机26张)."""
    table = document.add_table(rows=2, cols=2)  # type: ignore[attr-defined]
    for (r, c), text in {
        (0, 0): "项目",
        (0, 1): "数量",
        (1, 0): "查获手机",
        (1, 1): "查获作案用手机26张。",
    }.items():
        table.cell(r, c).text = text


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("城东公安分局通报")
    document.add_paragraph(SLIP.strip())
    add_phone_table(document)
    document.add_paragraph("民警民警开展巡逻。")
    document.save(str(path))
    return path


def test_findings_are_located_by_paragraph_and_cell(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "通报.docx")
    rows = json.loads(run("check", "--format", "json", str(path), lang="zh").stdout)
    assert [(r["code"], r["location"], r["place"]) for r in rows] == [
        ("SUM001", "第 2 段", {"paragraph": 2}),
        ("UNIT001", "表 1 第 2 行第 2 列", {"table": 1, "row": 2, "column": 2}),
        ("DUP003", "第 3 段", {"paragraph": 3}),
    ]
    text = run("check", str(path), lang="zh").stdout
    assert "（第 2 段）" in text and "共计被骗80650.5万元" in text
    english = json.loads(run("check", "--format", "json", str(path), lang="en").stdout)
    assert english[1]["location"] == "table 1, row 2, column 2"


def test_directories_include_docx(tmp_path: Path) -> None:
    make_docx(tmp_path / "a.docx")
    rows = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)
    assert {Path(r["path"]).name for r in rows} == {"a.docx"}


def test_corrupt_docx_is_an_error_for_that_file_only(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    good = tmp_path / "good.txt"
    good.write_text(SLIP, encoding="utf-8")
    result = run("check", "--format", "json", str(bad), str(good))
    assert result.returncode == 2 and "bad.docx" in result.stderr and "not a valid .docx" in result.stderr
    assert [r["code"] for r in json.loads(result.stdout)] == ["SUM001"]


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = make_zip_bomb(tmp_path / "bomb.docx")
    result = run("check", str(bomb))
    assert result.returncode == 2 and "refusing .docx" in result.stderr
