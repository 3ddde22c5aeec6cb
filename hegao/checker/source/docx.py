"""Word documents (optional extra ``hegao[docx]``): body paragraphs and table cells in
document order, one per line, each labelled so findings can say where they are."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from hegao.checker.source.reading import InputError

# A .docx is a zip archive; refuse archives that would expand to absurd sizes.
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 10_000


def _check_archive(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError("docx_not_zip") from None
    if len(entries) > MAX_ENTRIES:
        raise InputError("docx_entries", count=len(entries))
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED:
        raise InputError("docx_expands", size=total // (1024 * 1024))
    for e in entries:
        if e.file_size > 1024 * 1024 and e.file_size > MAX_RATIO * max(e.compress_size, 1):
            raise InputError("docx_ratio", name=e.filename, ratio=e.file_size // max(e.compress_size, 1))
    if "word/document.xml" not in {e.filename for e in entries}:
        raise InputError("docx_no_document")


def open_docx(path: Path) -> object:
    """The python-docx Document of ``path``; InputError if it is not a sound .docx."""
    try:
        import docx
    except ImportError:
        raise InputError("docx_needs_library") from None
    _check_archive(path)
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on damaged files
        raise InputError("docx_invalid", kind=type(exc).__name__) from None


def docx_lines(document: Any) -> list[tuple[tuple[int, ...], list[object]]]:
    """The document's lines in reading order: each body paragraph, then each table cell
    (a merged cell once), with where it is — (paragraph,) or (table, row, column) — and
    the paragraphs that make it (a cell's paragraphs are joined by a space)."""
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    out: list[tuple[tuple[int, ...], list[object]]] = []
    paragraph_no = table_no = 0
    for child in document.element.body.iterchildren():  # type: ignore[attr-defined]
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph_no += 1
            out.append(((paragraph_no,), [Paragraph(child, document)]))
        elif tag == "tbl":
            table_no += 1
            table = Table(child, document)
            for r, tr in enumerate(child.tr_lst, start=1):
                # Read from the grid itself: a cell merged across columns (gridSpan) is
                # one line at its first column; a cell merged down from the row above
                # (vMerge continue) holds nothing of its own and is left out.
                column = (tr.grid_before or 0) + 1
                for tc in tr.tc_lst:
                    if tc.vMerge != "continue":
                        out.append(((table_no, r, column), list(_Cell(tc, table).paragraphs)))
                    column += tc.grid_span
    return out


def line_text(paragraphs: list[object]) -> str:
    return _one_line("\n".join(p.text for p in paragraphs))  # type: ignore[attr-defined]


def read_docx(path: Path) -> tuple[str, list[tuple[int, ...]]]:
    """The text (one paragraph or table cell per line) and where each line is."""
    lines = docx_lines(open_docx(path))
    return "\n".join(line_text(paragraphs) for _, paragraphs in lines) + "\n", [place for place, _ in lines]


def _one_line(text: str) -> str:
    return " ".join(text.replace("\r", "\n").split("\n"))
