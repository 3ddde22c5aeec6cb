"""Tables as input: Markdown pipe tables and Word tables read into one table model, and
table findings located by cell in every report format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hegao.checker.figures.tables import RowKind, segments
from hegao.checker.lint.document import parse_document

from .test_cli import run

TABLE = """# 2025年全县人口

| 指标 | 年末数（万人） | 比重（%） |
|---|---|---|
| 全县常住人口 | 52.6 | 100.0 |
| 其中：城镇 | 30.1 | 57.2 |
| 乡村 | 21.5 | 40.9 |
| 其中：男性 | 27.0 | 51.3 |
| 女性 | 25.6 | 48.7 |
| # 60岁及以上 | 9.9 | 18.8 |
"""


def test_markdown_tables_become_rows_cells_and_breakdowns() -> None:
    doc = parse_document(TABLE)
    (table,) = doc.tables
    assert table.column_name(1) == "年末数（万人）" and table.level_columns() == [1]
    kinds = [row.kind for row in table.rows]
    assert kinds == [
        RowKind.TOTAL,
        RowKind.BREAKDOWN,
        RowKind.PLAIN,
        RowKind.BREAKDOWN,
        RowKind.PLAIN,
        RowKind.SUB_ROW,
    ]
    cell = table.rows[1].cells[1]
    assert TABLE[cell.span.start : cell.span.end] == "30.1" and cell.decimals == 1
    assert [[r.label for r in s.parts] for s in segments(table)] == [
        ["其中：城镇", "乡村"],
        ["其中：男性", "女性"],
    ]


def word_document(path: Path, before: list[str], rows: list[tuple[str, ...]]) -> Path:
    """A Word document: paragraphs, then a table of these rows."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in before:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(path))
    return path


def _word_table(path: Path) -> Path:
    rows = [("指标", "年末数（万人）"), ("全县常住人口", "52.6"), ("其中：城镇", "30.1"), ("乡村", "21.5")]
    return word_document(path, ["表1 2025年全县人口"], rows)


@pytest.mark.parametrize("kind", ["md", "docx"])
def test_table_findings_are_located_by_cell_in_every_format(kind: str, tmp_path: Path) -> None:
    if kind == "md":
        draft = tmp_path / "report.md"
        draft.write_text(TABLE, "utf-8")  # 城镇 + 乡村 = 51.6, not 52.6
        total = "表 1 第 2 行第 2 列"
    else:
        draft = _word_table(tmp_path / "report.docx")
        total = "表 1 第 2 行第 2 列"
    text = run("check", str(draft), lang="zh").stdout
    assert f"（{total}） 错误 TAB001" in text and "表 1 第 3 行第 2 列" in text
    rows = json.loads(run("check", "--format", "json", str(draft), lang="zh").stdout)
    (row,) = [r for r in rows if r["code"] == "TAB001"]
    assert row["location"] == total and row["place"] == {"table": 1, "row": 2, "column": 2}
    sarif = json.loads(run("check", "--format", "sarif", str(draft), lang="zh").stdout)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "TAB001"]
    assert result["properties"] == {"location": total, "place": [1, 2, 2]}
    page = tmp_path / "report.html"
    run("check", "--format", "html", "-o", str(page), str(draft), lang="zh")
    assert total in page.read_text("utf-8")


def test_units_come_from_a_column_heading_or_the_caption() -> None:
    text = (
        "2025年全县一般公共预算收入\n\n单位：亿元\n\n"
        "| 项目 | 决算数 | 增长（%） | 金额（万元） |\n|---|---|---|---|\n| 合计 | 1 | 2 | 3 |\n"
    )
    (table,) = parse_document(text).tables
    assert [table.unit_of(c) for c in (1, 2, 3)] == ["亿元", "%", "万元"]
    (bare,) = parse_document("说明文字。\n\n| 项目 | 决算数 |\n|---|---|\n| 合计 | 1 |\n").tables
    assert bare.unit_of(1) == ""


def _merged_word_table(path: Path) -> Path:
    """A budget table as offices build it in Word: 项目 merged down two rows, 2025年
    merged across two columns over 预算数 and 决算数, and a 合计 that is 1.00 off."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("2025年全县一般公共预算收入表")
    document.add_paragraph("单位：亿元")
    table = document.add_table(rows=5, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "项目"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "2025年"
    rows = [
        ("", "预算数", "决算数"),
        ("税收收入", "12.40", "12.85"),
        ("非税收入", "5.10", "5.32"),
        ("合计", "17.50", "19.17"),
    ]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    document.save(str(path))
    return path


def test_merged_word_cells_make_header_rows_and_stay_in_their_columns(tmp_path: Path) -> None:
    from hegao.checker.source.docx import read_docx

    text, places = read_docx(_merged_word_table(tmp_path / "budget.docx"))
    assert text.count("项目") == 1 and text.count("2025年") == 2  # merged cells once; the title
    (table,) = parse_document(text, places).tables
    assert len(table.header) == 2 and [r.label for r in table.rows] == ["税收收入", "非税收入", "合计"]
    assert table.column_name(1) == "2025年 预算数" and table.column_name(2) == "2025年 决算数"
    assert table.unit_of(2) == "亿元"
    rows = json.loads(run("check", "--format", "json", str(tmp_path / "budget.docx"), lang="zh").stdout)
    found = [(r["code"], r["place"]) for r in rows if r["code"].startswith("TAB")]
    assert found == [("TAB001", {"table": 1, "row": 5, "column": 3})]
    page = tmp_path / "budget.html"
    run("check", "--format", "html", "-o", str(page), str(tmp_path / "budget.docx"), lang="zh")
    html = page.read_text("utf-8")
    assert '<td colspan="2">2025年</td>' in html and '<td colspan="1"></td><td>预算数</td>' in html


def test_an_indented_word_row_is_a_part_of_the_row_above(tmp_path: Path) -> None:
    from hegao.checker.source.docx import read_docx

    rows = [
        ("指标", "增加值（亿元）"),
        ("全县生产总值", "250.0"),
        ("第一产业", "30.0"),
        ("第二产业", "100.0"),
    ]
    rows += [("\u3000\u3000工业", "80.0"), ("第三产业", "120.0")]
    path = word_document(tmp_path / "gdp.docx", [], rows)
    (read,) = parse_document(*read_docx(path)).tables
    assert [r.kind for r in read.rows][3] is RowKind.SUB_ROW
    assert [(s.total.label, [p.label for p in s.parts]) for s in segments(read)] == [
        ("全县生产总值", ["第一产业", "第二产业", "第三产业"])
    ]


def test_a_word_budget_set_out_side_by_side_is_read_half_by_half(tmp_path: Path) -> None:
    rows = [
        ("预算科目", "预算数", "预算科目", "预算数"),
        ("一、税收收入", "40.20", "一、一般公共服务支出", "12.50"),
        ("二、非税收入", "15.30", "二、教育支出", "43.00"),
        ("收入小计", "55.50", "支出小计", "55.50"),
        ("上年结转收入", "5.00", "结转下年", "5.00"),
        ("收 入 合 计", "60.50", "支 出 合 计", "61.50"),
    ]
    path = word_document(tmp_path / "budget.docx", ["2026年全县一般公共预算收支表", "单位：亿元"], rows)
    rows_out = json.loads(run("check", "--format", "json", str(path), lang="zh").stdout)
    found = [(r["code"], r["place"]) for r in rows_out if r["code"].startswith("TAB")]
    assert found == [("TAB001", {"table": 1, "row": 6, "column": 4})]  # 55.50 + 5.00 is not 61.50


def test_a_table_total_names_the_sub_rows_it_left_out() -> None:
    from hegao.core import lint_text

    text = (
        "| 指标 | 发电量（亿千瓦时） |\n|---|---|\n| 全市发电量 | 120.5 |\n"
        "| 其中：火力发电 | 80.2 |\n| # 燃煤发电 | 60.1 |\n| 风力发电 | 30.3 |\n"
    )
    (finding,) = [f for f in lint_text(text) if f.code == "TAB001"]
    assert text[finding.span.start : finding.span.end] == "120.5"
    assert "燃煤发电" in finding.message.render() and "110.5" in finding.message.render()
