"""What the table rules share: a cell by column and a row label shortened for messages."""

from __future__ import annotations

from hegao.checker.figures.tables import (
    Cell,
)


def cell(row: object, column: int) -> Cell | None:
    cells = row.cells  # type: ignore[attr-defined]
    return cells[column] if column < len(cells) else None


def short(label: str) -> str:
    label = label.strip().removeprefix("其中").lstrip("：: ")
    return label if len(label) <= 12 else label[:11] + "…"
