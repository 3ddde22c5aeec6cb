"""What checking one file gave: the findings, or why it could not be checked."""

from __future__ import annotations

from dataclasses import dataclass

from hegao import messages
from hegao.checker.model import Finding
from hegao.checker.text.segments import SourceText


@dataclass(frozen=True, slots=True)
class FileResult:
    """What checking one file gave. ``source`` is kept only while there are findings to
    show (it is None for a clean file and for a file that could not be read), so a long
    run over an archive does not hold every text it has read."""

    path: str
    source: SourceText | None
    findings: list[Finding]
    error: str | None = None
    fixed: int = 0  # fixes applied (with --fix) or available in the diff (with --diff)
    diff: str = ""
    # Where each line is, for Word documents: (paragraph,) or (table, row, column).
    labels: list[tuple[int, ...]] | None = None
    # Fixes --fix could not apply in a Word document (across paragraphs or formatting).
    unfixed: int = 0
    # (line, column, code) of codes in suppression comments that name no rule.
    unknown_codes: tuple[tuple[int, int, str], ...] = ()
    # The cells of a Markdown draft's tables: (start, end, table, row, column).
    cells: tuple[tuple[int, int, int, int, int], ...] = ()

    @property
    def checked(self) -> bool:
        return self.error is None

    def place(self, line: int, offset: int | None = None) -> tuple[int, ...] | None:
        """Where a line of a Word document is, or the table cell of a Markdown draft
        that holds ``offset``: (paragraph,) or (table, row, column)."""
        if self.labels is not None:
            return self.labels[line - 1] if 1 <= line <= len(self.labels) else None
        if offset is not None:
            for start, end, table, row, column in self.cells:
                if start <= offset < end:
                    return (table, row, column)
        return None

    def location(self, line: int, offset: int | None = None) -> str | None:
        """Where it is, in the user's language: 第 3 段, 表 1 第 3 行第 3 列."""
        place = self.place(line, offset)
        if place is None:
            return None
        if len(place) == 1:
            return messages.text("where_paragraph", n=place[0])
        table, row, column = place
        return messages.text("where_cell", table=table, row=row, column=column)
