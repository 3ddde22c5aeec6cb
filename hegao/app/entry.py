"""One way in for every surface: ``hegao check`` (runner.py), the language server
(lsp.py) and the web page (serve.py) read a draft with :func:`read_draft` (a file on
disk) or :func:`decode_draft` (bytes from standard input or an upload), and check it
with :func:`check_text`. Each surface once did this itself, and they drifted: the
server and the page dropped a Word document's places, so a table whose 合计 was wrong
was reported by ``hegao check`` alone. Going through here, every surface reports the
same findings at the same places (第 2 段, 表 1 第 5 行第 2 列).

Reading raises :class:`InputError` (a one-line message in the user's language) for a
draft that has no text; checking never raises.
"""

from __future__ import annotations

import stat
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from hegao.app.files import FileStamp
from hegao.app.results import FileResult, Places
from hegao.checker.lint.config import Config
from hegao.checker.lint.document import Document, parse_document
from hegao.checker.lint.engine import lint_document
from hegao.checker.lint.suppression import unknown_codes
from hegao.checker.source.docx import read_docx
from hegao.checker.source.reading import (
    DEFAULT_MAX_BYTES,
    DecodedText,
    InputError,
    decode_bytes,
    input_error,
    read_bytes,
    too_large,
)
from hegao.messages import text as message
from hegao.rules import RULES


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft as read: its text (with how it was encoded, to write fixes back) and, for
    a Word document, where each of its lines is: (paragraph,) or (table, row, column);
    for a file, what it was when read (a fix is written only over that same file)."""

    decoded: DecodedText
    places: Places | None = None
    stamp: FileStamp | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return self.decoded.text


def is_word(name: str) -> bool:
    return name.lower().endswith(".docx")


def read_draft(path: Path, max_bytes: int | None = None) -> Draft:
    """The draft in ``path``, read as its name says (Word or text); InputError if it
    cannot be read, is larger than ``max_bytes`` or is empty."""
    if is_word(path.name):
        draft = _read_word(path, max_bytes)
    else:
        data, opened = read_bytes(path, max_bytes)
        draft = Draft(decode_bytes(data), stamp=FileStamp.of(opened))
    _require_text(draft)
    return draft


def _read_word(path: Path, max_bytes: int | None) -> Draft:
    # A Word file is opened by name (zipfile, python-docx): what it is is known first.
    try:
        info = path.stat()
    except OSError as exc:
        raise input_error(exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is_directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not_regular")  # reading could block
    if max_bytes is not None and info.st_size > max_bytes:
        raise too_large(info.st_size, max_bytes)
    text, places = read_docx(path, max_bytes)
    return Draft(DecodedText(text, "docx", False, "\n"), places, FileStamp.of(info))


def decode_draft(name: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Draft:
    """A draft sent as bytes (standard input, a file dropped on the web page), read as
    its ``name`` says and bounded as a file is; InputError as for :func:`read_draft`."""
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    if is_word(name):
        # python-docx reads a file: a temporary copy, deleted at once (nothing of the
        # user's is written).
        with tempfile.TemporaryDirectory(prefix="hegao-") as folder:
            copy = Path(folder) / "upload.docx"
            copy.write_bytes(data)
            return replace(read_draft(copy, max_bytes), stamp=None)
    draft = Draft(decode_bytes(data))
    _require_text(draft)
    return draft


def _require_text(draft: Draft) -> None:
    """An empty draft is a mistake (a paste that did not happen), not a clean one."""
    if not draft.text.strip():
        raise InputError("empty")


def check_text(name: str, text: str, config: Config, places: Places | None = None) -> FileResult:
    """Check one draft (with a Word document's ``places``, one per line): its findings,
    where they are, and the codes its suppression comments name that no rule has.
    Never raises: a bug in a rule becomes the result's one-line error."""
    try:
        doc = parse_document(text, places)
        findings = lint_document(doc, RULES, config)
        unknown = tuple((*doc.line_col(at), code) for at, code in unknown_codes(text, set(RULES.codes())))
        stopped_at = doc.figures_stopped_at
        read = len(doc.extraction.quantities) if stopped_at is not None else 0
        stopped = None if stopped_at is None else (doc.line_col(stopped_at)[0], read)
    except Exception as exc:  # a bug in a rule must not stop the other files
        return FileResult(name, None, [], internal_error(exc))
    return FileResult(
        name,
        doc.source if findings else None,
        findings,
        labels=places,
        unknown_codes=unknown,
        cells=table_cells(doc) if findings and places is None else (),
        figures_stopped=stopped,
    )


def table_cells(doc: Document) -> tuple[tuple[int, int, int, int, int], ...]:
    """Where the cells of a Markdown draft's tables are, so findings can name them (a
    Word document's places name its cells already)."""
    return tuple(
        (cell.span.start, cell.span.end, table.number, row.line, column)
        for table in doc.tables
        for row in (*table.header, *table.rows)
        for column, cell in enumerate(row.cells, start=1)
        if cell.span.end > cell.span.start
    )


def internal_error(exc: Exception) -> str:
    return message("internal_error", kind=type(exc).__name__, detail=exc)
