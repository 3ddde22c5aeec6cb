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
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum

from hegao.checker import vocabulary as vocab
from hegao.checker.figures.quantities import units
from hegao.checker.model import Span
from hegao.checker.text.outline import OUTLINE_NUMBER

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
# A total row: 合计 and its kin, or the whole area the table covers (全市, 全镇 …: the
# scope words that name a whole, so that every area the scope knows is a total here).
# A label's words may be spaced out to fill the column: 合  计.
_TOTAL_ROW_WORDS = sorted(
    {*vocab.words("tables.total_row"), *(w for w in vocab.words("scope") if w.startswith("全"))},
    key=len,
    reverse=True,
)
_TOTAL = re.compile(r"^\s*(?:" + "|".join(r"\s*".join(map(re.escape, w)) for w in _TOTAL_ROW_WORDS) + ")")
_BREAKDOWN = re.compile(rf"^\s*(?:{vocab.alternation('tables.breakdown_row')})\s*[：:]?")
_SUB_ROW = re.compile(r"^\s*[#＃]")
_NOTHING = ("", "-", "—", "－", "–")  # a budget's empty line: nothing of that kind
# Columns of rates and indices, which do not add up.
_NOT_A_LEVEL = re.compile(
    rf"{vocab.alternation('tables.not_a_level')}|{vocab.alternation('tables.share_heading')}|[%％]|=\s*100"
)


class RowKind(Enum):
    TOTAL = "total"
    SUBTOTAL = "subtotal"  # …小计: a budget's revenue of one kind
    BREAKDOWN = "breakdown"  # 其中：… opens a breakdown of the total
    SUB_ROW = "sub-row"  # #… a part of the row above, not added again
    PLAIN = "plain"


_ENDS_TOTAL = re.compile(rf"(?:{vocab.alternation('tables.total_label_end')})$")


def level(label: str) -> int:
    """1 for a group (一、税收收入), 2 for a numbered item (1.保险费收入, （一）…), 0
    unnumbered: the outline number of a row label (第一， orders text, not rows)."""
    m = OUTLINE_NUMBER.match(label)
    if m is None or m.lastgroup == "ordinal":
        return 0
    return 1 if m.lastgroup == "chinese" else 2


@dataclass(frozen=True)
class Cell:
    text: str
    span: Span
    value: Decimal | None
    decimals: int

    @property
    def nothing(self) -> bool:
        """Empty or a dash: in a budget, nothing of that kind (0), not a figure missing."""
        return self.value is None and self.text in _NOTHING

    @property
    def half_unit(self) -> Decimal:
        """How far the printed figure may be from the exact one."""
        return Decimal(5).scaleb(-(self.decimals + 1))


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    line: int  # 1-based row number in the table, the header rows included
    indent: int = 0  # spaces typed before the label (a full-width space counts two)
    indented: bool = False  # deeper than the table's plain rows: a part of the row above

    @property
    def label(self) -> str:
        return self.cells[0].text if self.cells else ""

    @property
    def kind(self) -> RowKind:
        label = self.label
        if self.indented or _SUB_ROW.match(label):
            return RowKind.SUB_ROW
        if _BREAKDOWN.match(label):
            return RowKind.BREAKDOWN
        if _TOTAL.match(label):
            return RowKind.TOTAL
        key = "".join(label.split())  # 收 入 合 计
        if key.endswith("小计"):
            return RowKind.SUBTOTAL
        if _ENDS_TOTAL.search(key) and not level(key):  # 支出合计; not 2.本级留存收入合计
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
            # A heading among the rows (上年同期=100 under a merged header) counts too.
            words = [r.cells[c].text for r in self.rows if c < len(r.cells) and r.cells[c].value is None]
            if any(_NOT_A_LEVEL.search(w) for w in words):
                continue
            if sum(1 for r in self.rows if c < len(r.cells) and r.cells[c].value is not None) >= 2:
                out.append(c)
        return out


_SHARE = re.compile(vocab.alternation("tables.share_heading"))
_UNIT_CAPTION = vocab.alternation("tables.unit_caption")
_HEADING_UNIT = re.compile(rf"[（(]\s*(?:(?:{_UNIT_CAPTION})\s*[：:]\s*)?([^（()）]{{1,6}}?)\s*[）)]")
# 单位：亿元 (or 单位:万吨, （单位：元）) on a line of its own or after the title; the first
# unit when several are listed (单位：元，%).
_CAPTION_UNIT = re.compile(rf"(?:{_UNIT_CAPTION})\s*[：:]\s*([^\s，,、；;）)|]{{1,6}})")
CAPTION_LINES = 3  # how many lines above a table may hold its caption


def _is_unit(text: str) -> bool:
    """亿元, 万人, 吨, %: a unit the quantity reader knows, after an optional scale."""
    known = units()
    for scale in ("", *vocab.words("figures.scale")):
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


def _indent(text: str, start: int, end: int) -> int:
    """The spaces typed before a row's label, beyond a pipe table's one space of padding
    (a full-width space counts two)."""
    line = text[start:end]
    piped = line.lstrip().startswith("|")
    first = line.lstrip()[1:] if piped else line
    lead = first[: len(first) - len(first.lstrip())]
    width = sum(2 if ch == "\u3000" else 1 for ch in lead)
    return max(0, width - 1) if piped else width


def _mark_indented(rows: list[Row]) -> tuple[Row, ...]:
    """Rows whose label is indented deeper than the table's least indented plain row are
    parts of the row above them (第二产业, then 　　工业): marked, never added again. A
    table whose plain rows are all indented alike marks none."""
    plain = [r.indent for r in rows if r.kind is RowKind.PLAIN and r.label]
    if not plain:
        return tuple(rows)
    base = min(plain)
    return tuple(
        Row(r.cells, r.line, r.indent, True) if r.indent > base + 1 and r.kind is RowKind.PLAIN else r
        for r in rows
    )


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
            rows = _mark_indented(
                [
                    Row(_cells(text, s, e), separator + n + 1, _indent(text, s, e))
                    for n, (s, e) in enumerate(block[separator + 1 :])
                ]
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
    # A budget's rows: an empty cell is nothing of that kind (0), not a figure not given.
    empty_is_zero: bool = False
    # The rows under a heading outside a budget may be a selection (一、食品烟酒, then
    # 粮食, 鲜菜 …): only more than the total is wrong.
    may_be_partial: bool = False


_TOTAL_HEADING = re.compile(rf"^(?:{vocab.alternation('tables.total_heading')})$")
_BRACKET = re.compile(r"[（(]")  # a heading's unit follows it: 合计（亿元）


def total_columns(table: Table) -> list[tuple[int, list[int]]]:
    """(a column headed 合计, the level columns after it that it sums) — a fund table
    (合计 | 养老保险 | 医疗保险 …). Headings are read without their spaces and units."""
    levels = table.level_columns()
    out = []
    for c in levels:
        if _TOTAL_HEADING.match(_BRACKET.split("".join(table.column_name(c).split()))[0]):
            parts = [k for k in levels if k > c]
            if len(parts) >= 2:
                out.append((c, parts))
    return out


def halves(table: Table) -> list[Table]:
    """A table set out side by side (收入 | 支出, each with its own 预算科目 column) as
    its halves, each a table of its own; any other table as it is. A later column is a
    label column when its heading repeats the first column's (预算科目) and its cells
    are words, not figures."""
    if not table.header or not table.rows:
        return [table]
    first = "".join(table.column_name(0).split())
    width = max(len(r.cells) for r in table.rows)
    starts = [0]
    for c in range(2, width):
        name = "".join(table.column_name(c).split())
        words = [r.cells[c] for r in table.rows if c < len(r.cells) and r.cells[c].text]
        if first and name == first and words and all(cell.value is None for cell in words):
            starts.append(c)
    if len(starts) == 1:
        return [table]
    out = []
    for a, b in zip(starts, [*starts[1:], width], strict=True):
        out.append(
            Table(
                table.number,
                tuple(Row(r.cells[a:b], r.line) for r in table.header),
                tuple(Row(r.cells[a:b], r.line) for r in table.rows if len(r.cells) > a and r.cells[a].text),
                table.span,
                table.caption_unit,
            )
        )
    return out


def segments(table: Table) -> list[Segment]:
    """The breakdowns of each total in the table.

    A total first (全市常住人口) is followed by its breakdowns: each opens with a 其中 row,
    and the plain rows after it belong to it; plain rows right after the total form one
    too. A total last (合计) sums the plain rows above it. Sub-rows (#…) are never added,
    and a breakdown of one row is a subset (其中：65周岁及以上), not a breakdown."""
    rows = list(table.rows)
    if any(r.kind is RowKind.SUBTOTAL or level(r.label) == 1 for r in rows):
        return _budget_segments(rows)
    out: list[Segment] = []
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


def _budget_segments(rows: list[Row]) -> list[Segment]:
    """The sums of a budget table (one half of it): a group (一、利润收入) is the rows
    under it up to the next group; a 小计 the groups or plain rows above it since the
    last sum, or else those below it up to the next sum (转移性收入小计 before its
    items); the 合计 at the bottom the 小计 and the top rows outside them. 其中 rows and
    the numbered rows under them break a sum down and are never added; a row of another
    outline level than the rows it would join is not added either."""
    out: list[Segment] = []
    budget = any(r.kind is RowKind.SUBTOTAL for r in rows)
    # The rows of each group: from a 一、 row to the next 一、 row or any sum.
    inner: set[int] = set()  # indices of rows inside a group or a 其中 list
    for i, row in enumerate(rows):
        if row.kind is RowKind.BREAKDOWN:
            j = i + 1
            inner.add(i)
            while j < len(rows) and rows[j].kind is RowKind.PLAIN and level(rows[j].label) == 2:
                inner.add(j)
                j += 1
        if level(row.label) != 1 or row.kind is not RowKind.PLAIN:
            continue
        children = []
        for j in range(i + 1, len(rows)):
            follower = rows[j]
            if follower.kind is not RowKind.PLAIN or level(follower.label) == 1:
                break
            children.append(j)
        inner.update(children)
        if len(children) >= 2:
            out.append(
                Segment(row, tuple(rows[j] for j in children), empty_is_zero=True, may_be_partial=not budget)
            )

    def top(i: int) -> bool:
        return rows[i].kind is RowKind.PLAIN and i not in inner

    sums: list[int] = []  # the 小计 rows, and what they cover
    covered: set[int] = set()
    last_sum = -1
    for i, row in enumerate(rows):
        if row.kind is not RowKind.SUBTOTAL:
            if row.kind is RowKind.TOTAL:
                last_sum = i
            continue
        above = [j for j in range(last_sum + 1, i) if top(j) and j not in covered]
        if not above:
            for j in range(i + 1, len(rows)):
                if rows[j].kind in (RowKind.SUBTOTAL, RowKind.TOTAL):
                    break
                if top(j):
                    above.append(j)
        if len({level(rows[j].label) for j in above}) == 1 and len(above) >= 2:
            out.append(Segment(row, tuple(rows[j] for j in above), empty_is_zero=True))
        covered.update(above)
        sums.append(i)
        last_sum = i
    if sums and rows[-1].kind is RowKind.TOTAL:
        parts = [j for j in range(len(rows) - 1) if j in sums or (top(j) and j not in covered)]
        if len(parts) >= 2:
            out.append(Segment(rows[-1], tuple(rows[j] for j in parts), empty_is_zero=True))
    return out


def tables_from_places(text: str, line_starts: Sequence[int], places: list[tuple[int, ...]]) -> list[Table]:
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
                line = rows_of[r].get(c)
                if line is None:
                    at = line_starts[rows_of[r][min(rows_of[r])]]
                    cells.append(Cell("", Span(at, at), None, 0))
                    continue
                start = line_starts[line]
                end = line_starts[line + 1] - 1 if line + 1 < len(line_starts) else len(text)
                raw = text[start:end]
                stripped = raw.strip()
                lead = len(raw) - len(raw.lstrip())
                value, decimals = _value(stripped)
                cells.append(
                    Cell(stripped, Span(start + lead, start + lead + len(stripped)), value, decimals)
                )
            label_line = rows_of[r].get(1)
            indent = 0
            if label_line is not None:
                start = line_starts[label_line]
                end = line_starts[label_line + 1] - 1 if label_line + 1 < len(line_starts) else len(text)
                indent = _indent(text, start, end)
            rows.append(Row(tuple(cells), r, indent))
        first = rows[0].cells[0].span.start if rows and rows[0].cells else 0
        last = rows[-1].cells[-1].span.end if rows and rows[-1].cells else first
        headers = _header_rows(rows)
        header = tuple(_spread_merged(row) for row in rows[:headers])
        body = _mark_indented(rows[headers:])
        tables.append(Table(number, header, body, Span(first, last), caption_unit(text, first)))
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
