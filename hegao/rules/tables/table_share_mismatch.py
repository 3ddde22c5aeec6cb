"""TAB002 table-share-mismatch: a share column (比重, 占比 in %) that disagrees with the values
it is a share of."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from hegao.checker.figures.tables import (
    Cell,
    segments,
    share_columns,
)
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related
from hegao.rules.tables.shared import cell, short


class TableShareMismatch(Rule):
    """A share column (比重, 占比 in %) that disagrees with the values it is a share of.

    What it does:
        In a table with a total and its breakdowns, reads a column headed 比重 or 占比
        in % beside a column of values, and recomputes each row's share as its value
        divided by the total's. Every cell is taken with its printed precision: a share
        is reported only when no rounding of the three printed figures gives it. The
        total's own share must be 100.

    Why it matters:
        A share column is recomputed by every reader who doubts it; one that does not
        follow from the values beside it makes the whole table suspect.

    概述:
        比重（占比）列与其所依据的数值不符。

    说明:
        在有合计和分组的表格中，读取标为“比重”或“占比”（%）的列及其左侧的数值列，用
        各行数值除以合计重新计算比重。每个数字都按印出的精度计算：只有三个印出的数字
        无论怎样舍入都得不到该比重时才报告。合计行的比重应为 100。

    原因:
        读者一有疑问就会重新计算比重；比重与旁边的数值对不上，整张表都会被怀疑。

    Example:
        | 指标 | 年末数（万人） | 比重（%） |
        |---|---|---|
        | 全县常住人口 | 52.6 | 100.0 |
        | 其中：城镇 | 31.1 | 61.1 |
        | 乡村 | 21.5 | 40.9 |

    Instead:
        | 指标 | 年末数（万人） | 比重（%） |
        |---|---|---|
        | 全县常住人口 | 52.6 | 100.0 |
        | 其中：城镇 | 31.1 | 59.1 |
        | 乡村 | 21.5 | 40.9 |
    """

    code = "TAB002"
    title = "表格比重与数值不符"
    name = "table-share-mismatch"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "表 {table}“{label}”的比重：{value} ÷ {total} = {computed}%，表中写作 {share}",
            "table {table}, the share of “{label}”: {value} ÷ {total} = {computed}%, the table says {share}",
        ),
        "value": (
            "数值：{text}",
            "value: {text}",
        ),
        "total": (
            "合计：{text}",
            "total: {text}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for table in doc.table_halves:
            pairs = share_columns(table)
            if not pairs:
                continue
            seen: set[int] = set()
            for segment in segments(table):
                for share_column, level_column in pairs:
                    total = cell(segment.total, level_column)
                    if total is None or total.value is None or total.value <= 0:
                        continue
                    for row in (segment.total, *segment.parts):
                        share, value = cell(row, share_column), cell(row, level_column)
                        if share is None or share.value is None or value is None or value.value is None:
                            continue
                        if id(share) in seen or _share_fits(value, total, share):
                            continue
                        seen.add(id(share))
                        computed = value.value / total.value * 100
                        yield self.finding(
                            share.span,
                            self.say(
                                "main",
                                table=table.number,
                                label=short(row.label),
                                value=value.text,
                                total=total.text,
                                computed=f"{computed:.{max(share.decimals, 1)}f}",
                                share=share.text,
                            ),
                            (
                                Related(value.span, self.say("value", text=value.text)),
                                Related(total.span, self.say("total", text=total.text)),
                            ),
                        )


def _share_fits(value: Cell, total: Cell, share: Cell) -> bool:
    """Some rounding of the printed value, total and share agrees."""
    assert value.value is not None and total.value is not None and share.value is not None
    hv, ht, hs = value.half_unit, total.half_unit, share.half_unit
    if total.value - ht <= 0:
        return True
    low = (value.value - hv) / (total.value + ht) * 100
    high = (value.value + hv) / (total.value - ht) * 100
    return share.value + hs >= low and share.value - hs <= high
