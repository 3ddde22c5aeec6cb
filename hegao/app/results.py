"""What checking one file gave: the findings, or why it could not be checked."""

from __future__ import annotations

from dataclasses import dataclass

from hegao import messages
from hegao.checker.model import Finding, SourceText

# Where each line of a Word document is: (paragraph,) or (table, row, column).
Places = list[tuple[int, ...]]


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
    labels: Places | None = None  # a Word document's places
    # Fixes --fix could not apply in a Word document (across paragraphs or formatting).
    unfixed: int = 0
    # (line, column, code) of codes in suppression comments that name no rule.
    unknown_codes: tuple[tuple[int, int, str], ...] = ()
    # The cells of a Markdown draft's tables: (start, end, table, row, column).
    cells: tuple[tuple[int, int, int, int, int], ...] = ()
    # The line and the count of figures read, when a draft held more figures than are
    # read (hegao/checker/figures/quantities.py, figures_read_max).
    figures_stopped: tuple[int, int] | None = None

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
        return None if place is None else _place_words(place)

    def located(self, offset: int) -> dict[str, object]:
        """Where the finding at ``offset`` is, as the JSON report, the language server
        and the web page all give it: {"location": "表 1 第 2 行第 2 列", "place":
        {"table": 1, "row": 2, "column": 2}}; nothing outside a paragraph or a cell."""
        assert self.source is not None  # kept while there are findings
        place = self.place(self.source.line_col(offset)[0], offset)
        if place is None:
            return {}
        fields = (
            {"paragraph": place[0]}
            if len(place) == 1
            else {"table": place[0], "row": place[1], "column": place[2]}
        )
        return {"location": _place_words(place), "place": fields}


def _place_words(place: tuple[int, ...]) -> str:
    """A place in the user's language: 第 3 段, 表 1 第 3 行第 3 列."""
    if len(place) == 1:
        return messages.text("where_paragraph", n=place[0])
    table, row, column = place
    return messages.text("where_cell", table=table, row=row, column=column)
