"""Tables as the document model reads them: Markdown pipe tables, row by row and cell by
cell, each cell with its span in the original text and, when it holds a plain figure,
its value and printed precision.

A row's label (its first cell) says what the row is: a total (合计, 总计, 全市…), a
sub-row of the row above (#火力发电量) or the first row of a breakdown (其中：城镇). A
table often breaks one total down several ways — a population by town and country, by
sex, by age — with only the first row of each breakdown marked 其中: ``segments`` reads
those breakdowns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum

from hegao.checker.model import Span

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_TOTAL = re.compile(r"^\s*(?:合\s*计|总\s*计|全部|总额|总数|全市|全省|全县|全区|全州|全国)")
_BREAKDOWN = re.compile(r"^\s*其中\s*[：:]?")
_SUB_ROW = re.compile(r"^\s*[#＃]")
# Columns of rates and indices, which do not add up.
_NOT_A_LEVEL = re.compile(r"增长|增速|增幅|[%％]|比上年|同比|指数|比重|占比|构成|价格|排名|位次")


class RowKind(Enum):
    TOTAL = "total"
    BREAKDOWN = "breakdown"  # 其中：… opens a breakdown of the total
    SUB_ROW = "sub-row"  # #… a part of the row above, not added again
    PLAIN = "plain"


@dataclass(frozen=True)
class Cell:
    text: str
    span: Span
    value: Decimal | None
    decimals: int

    @property
    def half_unit(self) -> Decimal:
        """How far the printed figure may be from the exact one."""
        return Decimal(5).scaleb(-(self.decimals + 1))


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    line: int  # 1-based row number in the table, the header rows included

    @property
    def label(self) -> str:
        return self.cells[0].text if self.cells else ""

    @property
    def kind(self) -> RowKind:
        label = self.label
        if _SUB_ROW.match(label):
            return RowKind.SUB_ROW
        if _BREAKDOWN.match(label):
            return RowKind.BREAKDOWN
        if _TOTAL.match(label):
            return RowKind.TOTAL
        return RowKind.PLAIN


@dataclass(frozen=True)
class Table:
    number: int  # 1-based, in document order
    header: tuple[Row, ...]
    rows: tuple[Row, ...]
    span: Span
    caption_unit: str = ""  # 单位：亿元 above the table

    def unit_of(self, column: int) -> str:
        """The unit of a column's figures: from its heading (金额（万元）), else from the
        table's caption (单位：亿元); "" when neither says."""
        m = _HEADING_UNIT.search(self.column_name(column))
        if m is not None and _is_unit(m.group(1)):
            return m.group(1)
        return self.caption_unit

    def column_name(self, column: int) -> str:
        return " ".join(
            row.cells[column].text
            for row in self.header
            if column < len(row.cells) and row.cells[column].text
        )

    def level_columns(self) -> list[int]:
        """Columns of levels (values that add up), not of rates or indices."""
        width = max((len(r.cells) for r in self.rows), default=0)
        out = []
        for c in range(1, width):
            if _NOT_A_LEVEL.search(self.column_name(c)):
                continue
            if sum(1 for r in self.rows if c < len(r.cells) and r.cells[c].value is not None) >= 2:
                out.append(c)
        return out


_SHARE = re.compile(r"比重|占比|构成|所占比例")
_HEADING_UNIT = re.compile(r"[（(]\s*(?:单位\s*[：:]\s*)?([^（()）]{1,6}?)\s*[）)]")
# 单位：亿元 (or 单位:万吨, （单位：元）) on a line of its own or after the title; the first
# unit when several are listed (单位：元，%).
_CAPTION_UNIT = re.compile(r"单位\s*[：:]\s*([^\s，,、；;）)|]{1,6})")
CAPTION_LINES = 3  # how many lines above a table may hold its caption


def _is_unit(text: str) -> bool:
    """亿元, 万人, 吨, %: a unit the quantity reader knows, after an optional scale."""
    from hegao.checker.quantities import units

    known = units()
    for scale in ("", "十", "百", "千", "万", "亿", "十万", "百万", "千万", "万亿"):
        body = text[len(scale) :] if text.startswith(scale) else None
        if body and (body in known or body in ("%", "‰")):
            return True
    return False


def caption_unit(text: str, start: int) -> str:
    """The unit a caption gives in the few lines above ``start`` (a table's first line)."""
    above = text[:start].rstrip("\n").split("\n")[-CAPTION_LINES:]
    for line in reversed(above):
        if line.lstrip().startswith("|"):
            break  # another table
        m = _CAPTION_UNIT.search(line)
        if m is not None and _is_unit(m.group(1)):
            return m.group(1)
    return ""


def share_columns(table: Table) -> list[tuple[int, int]]:
    """(share column, the level column it is a share of): a column headed 比重 / 占比 in
    %, with the nearest level column to its left."""
    levels = table.level_columns()
    out = []
    width = max((len(r.cells) for r in table.rows), default=0)
    for c in range(1, width):
        name = table.column_name(c)
        if _SHARE.search(name) and re.search(r"[%％]", name):
            left = [level for level in levels if level < c]
            if left:
                out.append((c, left[-1]))
    return out


def _value(text: str) -> tuple[Decimal | None, int]:
    m = _NUMBER.match(text)
    if m is None:
        return None, 0
    try:
        return Decimal(text.replace(",", "")), len(m.group(1) or "")
    except InvalidOperation:
        return None, 0


def _cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    line = text[start:end]
    body_start = start + (len(line) - len(line.lstrip()))
    body = text[body_start:end].rstrip()
    if body.startswith("|"):
        body_start += 1
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    cells = []
    at = body_start
    for piece in body.split("|"):
        stripped = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        value, decimals = _value(stripped)
        cells.append(Cell(stripped, Span(at + lead, at + lead + len(stripped)), value, decimals))
        at += len(piece) + 1
    return tuple(cells)


def read_tables(text: str) -> list[Table]:
    """The Markdown pipe tables of ``text``: consecutive lines that start with “|”, with a
    separator line (|---|---|) below the header."""
    lines = []
    at = 0
    for raw in text.split("\n"):
        lines.append((at, at + len(raw)))
        at += len(raw) + 1
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        if not text[start:end].lstrip().startswith("|"):
            i += 1
            continue
        j = i
        while j < len(lines) and text[lines[j][0] : lines[j][1]].lstrip().startswith("|"):
            j += 1
        block = lines[i:j]
        separator = next((k for k, (s, e) in enumerate(block) if _SEPARATOR.match(text[s:e])), None)
        if separator is not None:
            header = tuple(Row(_cells(text, s, e), n + 1) for n, (s, e) in enumerate(block[:separator]))
            rows = tuple(
                Row(_cells(text, s, e), separator + n + 1) for n, (s, e) in enumerate(block[separator + 1 :])
            )
            span = Span(block[0][0], block[-1][1])
            tables.append(Table(len(tables) + 1, header, rows, span, caption_unit(text, span.start)))
        i = j
    return tables


@dataclass(frozen=True)
class Segment:
    """Rows that together should make up ``total`` in one column."""

    total: Row
    parts: tuple[Row, ...]


def segments(table: Table) -> list[Segment]:
    """The breakdowns of each total in the table.

    A total first (全市常住人口) is followed by its breakdowns: each opens with a 其中 row,
    and the plain rows after it belong to it; plain rows right after the total form one
    too. A total last (合计) sums the plain rows above it. Sub-rows (#…) are never added,
    and a breakdown of one row is a subset (其中：65周岁及以上), not a breakdown."""
    out: list[Segment] = []
    rows = list(table.rows)
    for i, row in enumerate(rows):
        if row.kind is not RowKind.TOTAL or not any(c.value is not None for c in row.cells[1:]):
            continue  # a second header row (全市 | 市级) is no total
        if i == len(rows) - 1 or rows[i + 1].kind is RowKind.TOTAL:
            above = []
            for prior in reversed(rows[:i]):
                if prior.kind is RowKind.TOTAL:
                    break
                if prior.kind is RowKind.PLAIN:
                    above.append(prior)
                elif prior.kind is RowKind.BREAKDOWN:
                    above = []  # a total over rows that hold breakdowns: not read
                    break
            if len(above) >= 2:
                out.append(Segment(row, tuple(reversed(above))))
            continue
        current: list[Row] = []
        for follower in rows[i + 1 :]:
            if follower.kind is RowKind.TOTAL:
                break
            if follower.kind is RowKind.BREAKDOWN:
                if len(current) >= 2:
                    out.append(Segment(row, tuple(current)))
                current = [follower]
            elif follower.kind is RowKind.PLAIN:
                current.append(follower)
        if len(current) >= 2:
            out.append(Segment(row, tuple(current)))
    return out


def tables_from_places(text: str, line_starts: list[int], places: list[tuple[int, ...]]) -> list[Table]:
    """The tables of a Word document, from where each of its lines is: the first row of
    a table is its header, merged cells leave their later columns empty."""
    grouped: dict[int, dict[int, dict[int, int]]] = {}
    for n, place in enumerate(places):
        if len(place) == 3 and n < len(line_starts):
            table, row, column = place
            grouped.setdefault(table, {}).setdefault(row, {})[column] = n
    tables = []
    for number in sorted(grouped):
        rows_of = grouped[number]
        width = max(max(columns) for columns in rows_of.values())
        rows = []
        for r in sorted(rows_of):
            cells = []
            for c in range(1, width + 1):
                n = rows_of[r].get(c)
                if n is None:
                    at = line_starts[rows_of[r][min(rows_of[r])]]
                    cells.append(Cell("", Span(at, at), None, 0))
                    continue
                start = line_starts[n]
                end = line_starts[n + 1] - 1 if n + 1 < len(line_starts) else len(text)
                raw = text[start:end]
                stripped = raw.strip()
                lead = len(raw) - len(raw.lstrip())
                value, decimals = _value(stripped)
                cells.append(
                    Cell(stripped, Span(start + lead, start + lead + len(stripped)), value, decimals)
                )
            rows.append(Row(tuple(cells), r))
        first = rows[0].cells[0].span.start if rows and rows[0].cells else 0
        last = rows[-1].cells[-1].span.end if rows and rows[-1].cells else first
        headers = _header_rows(rows)
        header = tuple(_spread_merged(row) for row in rows[:headers])
        tables.append(
            Table(number, header, tuple(rows[headers:]), Span(first, last), caption_unit(text, first))
        )
    return tables


def _header_rows(rows: list[Row]) -> int:
    """How many rows head a Word table: the first, and the rows after it with no figure
    (a merged heading 2025年 over 预算数 | 决算数), leaving at least one row of data."""
    n = 1
    while n < len(rows) - 1 and rows[n].kind is RowKind.PLAIN and all(c.value is None for c in rows[n].cells):
        n += 1
    return n


def _spread_merged(row: Row) -> Row:
    """A heading merged across columns names each of them: its text is repeated in the
    columns it covers (left empty by the grid), so that 2025年 heads 预算数 and 决算数."""
    cells = list(row.cells)
    for c in range(1, len(cells)):
        if not cells[c].text and not cells[c].span and cells[c - 1].text:
            cells[c] = Cell(cells[c - 1].text, cells[c - 1].span, None, 0)
    return Row(tuple(cells), row.line)


def cell_at(tables: list[Table], offset: int) -> tuple[int, int, int] | None:
    """(table, row, column) of the cell holding ``offset``, rows counted from the first
    header row, all 1-based."""
    for table in tables:
        if not table.span.start <= offset <= table.span.end:
            continue
        for row in (*table.header, *table.rows):
            for c, cell in enumerate(row.cells, start=1):
                if cell.span.start <= offset <= cell.span.end and cell.span.end > cell.span.start:
                    return table.number, row.line, c
    return None
