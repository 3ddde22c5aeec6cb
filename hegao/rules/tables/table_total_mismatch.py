"""TAB001 table-total-mismatch: a table's total row does not equal the rows that break it
down."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar, TypeVar

from hegao.checker.figures.tables import (
    Cell,
    Row,
    RowKind,
    Segment,
    Table,
    segments,
    total_columns,
)
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Message, Related
from hegao.rules.tables.shared import cell, short

_K = TypeVar("_K")  # what a cell to add up is kept with: its row, or its column


class TableTotalMismatch(Rule):
    """A table's total row does not equal the rows that break it down.

    What it does:
        Reads tables (Markdown pipe tables and Word tables) row by row. A total row (合计, 总计, 全市…) is
        compared, column by column, with each breakdown of it: the plain rows after it,
        or each group of rows that opens with 其中 (a population by town and country,
        by sex, by age — only the first row of each group is marked), or, for a total at
        the bottom, the plain rows above it. Sub-rows marked # are part of the row
        above and are not added, and so are rows typed deeper than the table's other
        rows (第二产业, then 　　工业); a 其中 group of one row is a subset, not a breakdown;
        columns of rates, indices and shares are not added. Each cell is taken with its
        printed precision. The message shows the rows summed, the arithmetic and the
        sub-rows left out. When the difference is exactly one row's value, that row has
        probably lost its # or 其中 mark.

        Budget tables are read as budgets: a table set out side by side (收入 | 支出,
        each half with its own 预算科目 column) is read half by half; a group row
        (一、利润收入) is the rows under it up to the next group; a 小计 is the groups
        or rows above it since the last sum, or else the rows below it (转移性收入小计
        before its items); the 合计 at the bottom is the 小计 rows and the rows outside
        them; an empty cell is nothing of that kind. Outside a budget the rows under a
        group may be a selection, so only more than the group is reported. A column
        headed 合计 is compared, row by row, with the level columns after it (a fund
        table: 合计 | 养老保险 | 医疗保险); columns opened by 其中 may be a selection.

    Why it matters:
        A 合计 that does not add up is what a statistics editor checks first, and a
        table with one is read as careless or wrong.

    概述:
        表格的合计行与分项行之和不符。

    说明:
        逐行读取表格（Markdown 表格和 Word 表格）。合计行（合计、总计、全市……）按列与它的每组分项比较：
        紧随其后的各行、每组以“其中”开头的行（人口按城乡、性别、年龄分组，只有每组
        第一行标“其中”），或位于表末的合计之上的各行。标“#”的行是上一行的一部分，
        不重复相加，比表中其他行缩进更深的行（第二产业，其下“　　工业”）也是如此；
        只有一行的“其中”是子集而不是分组；增速、指数、比重列不相加。每个单元格按印出
        的精度计算。提示中列出相加的各行、算式和未计入的子项。差额恰为某一行的数值
        时，该行很可能漏标了“#”或“其中”。

        预算表按预算的结构读取：左右并排的表（收入 | 支出，各有一列“预算科目”）分成两半
        分别读取；分组行（一、利润收入）等于其下各行，直到下一个分组；“小计”等于上一个
        合计以来其上的各分组或各行，若没有则等于其下各行（转移性收入小计写在各项之前）；
        表末“合计”等于各“小计”加上不属于任何小计的行；空单元格表示该项为零。预算表以外，
        分组下的各行可能只列了一部分，因此只报告超过分组数的情况。标题为“合计”的列逐行与其
        后的各数值列比较（基金表：合计 | 养老保险 | 医疗保险）；以“其中”开头的列可能只列了
        一部分。

    原因:
        合计对不上是统计编辑最先核对的地方，有这种错误的表格会被认为粗心或有误。

    Example:
        | 指标 | 年末数（万人） |
        |---|---|
        | 全县常住人口 | 52.6 |
        | 其中：城镇 | 30.1 |
        | 乡村 | 21.5 |

    Instead:
        | 指标 | 年末数（万人） |
        |---|---|
        | 全县常住人口 | 52.6 |
        | 其中：城镇 | 31.1 |
        | 乡村 | 21.5 |
    """

    code = "TAB001"
    title = "表格合计与分项不符"
    name = "table-total-mismatch"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "column_n": (
            "第 {n} 列",
            "column {n}",
        ),
        "across": (
            "表 {table}“{label}”行：{columns}之和为 {arithmetic} = {summed}，与合计“{total}”不符",
            (
                "table {table}, row “{label}”: {columns} add up to {arithmetic} = {summed}, not the total "
                "“{total}”"
            ),
        ),
        "part": (
            "分项“{label}”：{text}",
            "part “{label}”: {text}",
        ),
        "unmarked": (
            (
                "表 {table}“{column}”列：分项之和 {arithmetic} = {summed} "
                "比合计“{total}”多出的恰是“{label}”一行：该行可能是上一行的分项，漏标了“#”或“其中”"
            ),
            (
                "table {table}, column “{column}”: the rows add up to {arithmetic} = {summed}, more than "
                "the total “{total}” by exactly the row “{label}”, which is probably part of the row above "
                "and lost its # or 其中"
            ),
        ),
        "main": (
            "表 {table}“{column}”列：{labels}之和为 {arithmetic} = {summed}，与合计“{total}”不符{skipped}",
            (
                "table {table}, column “{column}”: {labels} add up to {arithmetic} = {summed}, not the "
                "total “{total}”{skipped}"
            ),
        ),
        "skipped": (
            "（{rows}是上一行的分项，未重复相加）",
            " ({rows}: part of the row above, not added again)",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for table in doc.table_halves:
            columns = table.level_columns()
            for segment in segments(table):
                for column in columns:
                    found = self._compare(table, segment, column)
                    if found is not None:
                        yield found
            for total_column, parts in total_columns(table):
                for row in table.rows:
                    found = self._compare_across(table, row, total_column, parts)
                    if found is not None:
                        yield found

    def _compare_across(self, table: Table, row: Row, column: int, parts: list[int]) -> Finding | None:
        """A row's 合计 column against the columns it sums; an empty cell is nothing."""
        total = cell(row, column)
        given = _figures([(k, cell(row, k)) for k in parts], empty_is_zero=True)
        if total is None or total.value is None or given is None:
            return None
        # Columns opened by 其中 may be a selection: only more than the total is wrong.
        selection = any(table.column_name(k).lstrip().startswith("其中") for k in parts)
        cells = [c for _, c in given]
        off = _off(total, cells, may_be_partial=selection)
        if off is None:
            return None
        names = Message.joined("、", (table.column_name(k) or self.say("column_n", n=k + 1) for k in parts))
        message = self.say(
            "across",
            table=table.number,
            label=short(row.label),
            columns=names,
            arithmetic=" + ".join(c.text for c in cells),
            summed=_plain(off[0]) + table.unit_of(column),
            total=total.text,
        )
        related = tuple(
            Related(c.span, self.say("part", label=table.column_name(k), text=c.text)) for k, c in given
        )
        return self.finding(total.span, message, related)

    def _compare(self, table: Table, segment: Segment, column: int) -> Finding | None:
        total = cell(segment.total, column)
        # In a budget an empty line is nothing and the rows with figures are summed
        # (合计 = 小计 + an empty 上年结转 is still a sum); elsewhere every row needs one.
        given = _figures([(r, cell(r, column)) for r in segment.parts], segment.empty_is_zero)
        if total is None or total.value is None or given is None:
            return None
        rows = [r for r, _ in given]
        cells = [c for _, c in given]
        off = _off(total, cells, segment.may_be_partial)
        if off is None:
            return None
        summed, tolerance = off
        difference = summed - total.value
        name = table.column_name(column) or self.say("column_n", n=column + 1)
        arithmetic = " + ".join(p.text for p in cells)
        labels = "、".join(short(row.label) for row in rows)
        related = tuple(
            Related(p.span, self.say("part", label=short(r.label), text=p.text)) for r, p in given
        )
        unmarked = next(
            (r for r, p in given if p.value is not None and abs(difference - p.value) <= tolerance),
            None,
        )
        if unmarked is not None and difference > 0:
            message = self.say(
                "unmarked",
                table=table.number,
                column=name,
                label=short(unmarked.label),
                arithmetic=arithmetic,
                summed=_plain(summed) + table.unit_of(column),
                total=total.text,
            )
        else:
            skipped = _sub_rows_among(table, rows)
            message = self.say(
                "main",
                table=table.number,
                column=name,
                labels=labels,
                arithmetic=arithmetic,
                summed=_plain(summed) + table.unit_of(column),
                total=total.text,
                skipped=self.say("skipped", rows="、".join(short(r.label) for r in skipped))
                if skipped
                else "",
            )
        return self.finding(total.span, message, related)


def _figures(cells: list[tuple[_K, Cell | None]], empty_is_zero: bool) -> list[tuple[_K, Cell]] | None:
    """The cells to add up, each with its row or column: every one a figure, or (when
    empty cells are nothing) a figure or nothing, with at least one figure; else None."""
    kept = [(key, c) for key, c in cells if not (empty_is_zero and c is not None and c.nothing)]
    if not kept or any(c is None or c.value is None for _, c in kept):
        return None
    return [(key, c) for key, c in kept if c is not None]


def _off(total: Cell, cells: list[Cell], may_be_partial: bool) -> tuple[Decimal, Decimal] | None:
    """(the sum, the rounding it may be off by) when the cells do not make the total
    beyond the printed precision of them all; a selection may fall short."""
    assert total.value is not None
    summed = sum((c.value for c in cells if c.value is not None), Decimal(0))
    tolerance = sum((c.half_unit for c in cells), total.half_unit)
    difference = summed - total.value
    if abs(difference) <= tolerance or (may_be_partial and difference < 0):
        return None
    return summed, tolerance


def _sub_rows_among(table: Table, parts: list[Row]) -> list[Row]:
    """The sub-rows (#…, or indented) among and right after a sum's parts: the rows an
    editor may wonder about, left out of the sum on purpose."""
    rows = list(table.rows)
    at = [i for i, r in enumerate(rows) if any(r is p for p in parts)]
    if not at:
        return []
    out = []
    for i in range(at[0], len(rows)):
        row = rows[i]
        if row.kind is RowKind.SUB_ROW:
            out.append(row)
        elif i > at[-1]:
            break
    return out


def _plain(value: Decimal) -> str:
    return (
        f"{value.normalize():f}" if value != value.to_integral_value() else f"{value.quantize(Decimal(1)):f}"
    )
