"""Planted table errors (TAB001) for bench/plant.py: real Markdown tables from
../shared/corpus/stat-communiques/, one error planted per document.

Shapes: a part's cell mistyped (a digit changed), the total's cell mistyped, and a
sub-row that lost its # mark (a row inside the last part, typed without the mark, so
the rows overshoot the total by exactly its value). The control is the real table, or,
for the lost mark, the same table with the row marked.
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hegao.checker.figures.tables import (  # noqa: E402
    Cell,
    Table,
    halves,
    read_tables,
    segments,
    share_columns,
    total_columns,
)

SUB_ROW_LABELS = ["65周岁及以上", "中心城区", "县城", "农村户籍人口", "外来人口", "重点人群"]


def carriers(shared: Path) -> list[tuple[str, Table]]:
    """(the table's text, the table) for every real table with a breakdown to plant into."""
    out = []
    for path in sorted((shared / "corpus" / "stat-communiques").glob("*.md")):
        text = path.read_text("utf-8")
        for table in read_tables(text):
            piece = text[table.span.start : table.span.end] + "\n"
            (local,) = read_tables(piece)
            for half in halves(local):  # a budget set out side by side: each half
                if segments(half) and half.level_columns():
                    out.append((piece, half))
    return out


def _mistype(cell: Cell, rng: random.Random) -> str | None:
    """The cell's figure with one digit changed (not its last digit: that could stay
    within rounding)."""
    digits = [i for i, ch in enumerate(cell.text) if ch.isdigit()][:-1]
    if not digits:
        return None
    i = rng.choice(digits)
    new = rng.choice([d for d in "0123456789" if d != cell.text[i] and not (i == 0 and d == "0")])
    return cell.text[:i] + new + cell.text[i + 1 :]


def _visible_mistype(cell: Cell, tolerance: Decimal, rng: random.Random) -> str | None:
    """A mistyped figure the sum's printed precision cannot hide (a tenth among twenty
    figures of two decimals is within rounding: no error a reader can see), or None."""
    for _ in range(10):
        changed = _mistype(cell, rng)
        if changed is not None and abs(Decimal(changed.replace(",", "")) - (cell.value or 0)) > tolerance:
            return changed
    return None


def _replaced(text: str, cell: Cell, changed: str, total: Cell) -> tuple[str, tuple[int, int]]:
    """The text with the cell changed, and where the total's cell now is."""
    planted = text[: cell.span.start] + changed + text[cell.span.end :]
    shift = len(changed) - len(cell.text) if cell.span.start < total.span.start else 0
    return planted, (total.span.start + shift, total.span.end + shift)


def plant(text: str, table: Table, rng: random.Random) -> tuple[str, str, tuple[int, int], str] | None:
    """(clean, planted, where, how): ``where`` is the total's cell in the planted text."""
    across = total_columns(table)
    if across and rng.random() < 0.5:
        return _plant_across(text, table, across, rng)
    segment = rng.choice(segments(table))
    column = rng.choice(table.level_columns())
    total = segment.total.cells[column] if column < len(segment.total.cells) else None
    if total is None or total.value is None:
        return None
    side_by_side = len(halves(read_tables(text)[0])) > 1
    shape = rng.randrange(2 if side_by_side else 3)  # no row is added to half a table
    if shape < 2:
        cell = total if shape == 1 else rng.choice(segment.parts).cells[column]
        tolerance = sum(
            (r.cells[column].half_unit for r in segment.parts if column < len(r.cells)), total.half_unit
        )
        changed = _visible_mistype(cell, tolerance, rng)
        if changed is None:
            return None
        planted, where = _replaced(text, cell, changed, total)
        return (
            text,
            planted,
            where,
            "in place: " + ("the total mistyped" if shape == 1 else "a part mistyped"),
        )
    last = segment.parts[-1]
    value = last.cells[column]
    if value.value is None or value.value <= 0:
        return None
    share = rng.choice([0.3, 0.45, 0.6, 0.7])
    sub = f"{float(value.value) * share:.{value.decimals}f}"
    cells = ["" for _ in last.cells]
    cells[0] = rng.choice(SUB_ROW_LABELS)
    cells[column] = sub
    line_end = text.index("\n", value.span.end)
    row = "| " + " | ".join(cells) + " |"
    planted = text[: line_end + 1] + row + "\n" + text[line_end + 1 :]
    marked = text[: line_end + 1] + row.replace("| ", "| # ", 1) + "\n" + text[line_end + 1 :]
    where = (total.span.start, total.span.end)
    return marked, planted, where, "in place: a sub-row without its # mark"


def plant_share(text: str, table: Table, rng: random.Random) -> tuple[str, str, tuple[int, int], str] | None:
    """TAB002: a share cell mistyped (a digit changed, not the last)."""
    pairs = share_columns(table)
    if not pairs:
        return None
    share_column, _ = rng.choice(pairs)
    segment = rng.choice(segments(table))
    row = rng.choice([segment.total, *segment.parts])
    if share_column >= len(row.cells) or row.cells[share_column].value is None:
        return None
    cell = row.cells[share_column]
    changed = _mistype(cell, rng)
    if changed is None:
        return None
    planted = text[: cell.span.start] + changed + text[cell.span.end :]
    return text, planted, (cell.span.start, cell.span.start + len(changed)), "in place: a share mistyped"


def _plant_across(
    text: str, table: Table, across: list[tuple[int, list[int]]], rng: random.Random
) -> tuple[str, str, tuple[int, int], str] | None:
    """A row's 合计 cell, or one of the cells it sums, mistyped (a fund table)."""
    column, parts = rng.choice(across)
    row = rng.choice(table.rows)
    total = row.cells[column] if column < len(row.cells) else None
    given = [row.cells[k] for k in parts if k < len(row.cells) and row.cells[k].value is not None]
    if total is None or total.value is None or not given:
        return None
    cell = rng.choice([total, *given])
    changed = _visible_mistype(cell, sum((c.half_unit for c in given), total.half_unit), rng)
    if changed is None:
        return None
    planted, where = _replaced(text, cell, changed, total)
    what = "the 合计 column mistyped" if cell is total else "a column it sums mistyped"
    return text, planted, where, "in place: " + what
