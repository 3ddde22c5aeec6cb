"""Word documents (optional extra ``hegao[docx]``): body paragraphs and table cells in
document order, one per line, each labelled so findings can say where they are."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any

from hegao.checker.source.reading import DEFAULT_MAX_BYTES, OLE_SIGNATURE, InputError, too_large

# A .docx is a zip archive; refuse archives that would expand to absurd sizes.
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 10_000
_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, then the name and extra lengths
_STORED, _DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED


def _check_archive(path: Path, max_bytes: int) -> None:
    """Refuse what is no .docx, and any archive whose parts inflate beyond ``max_bytes``
    each (MAX_UNCOMPRESSED in all), as they really inflate: every part is inflated here
    once, in chunks, counting, and stopped as soon as it passes the bound, whatever its
    header says. python-docx then reads parts whose headers have been found true."""
    try:
        with open(path, "rb") as fh:
            if fh.read(len(OLE_SIGNATURE)) == OLE_SIGNATURE:
                raise InputError("legacy_doc")  # a .doc renamed .docx
            with zipfile.ZipFile(fh) as archive:
                entries = archive.infolist()
            _check_entries(entries, max_bytes)
            total = 0
            for e in entries:
                real = _inflated_size(fh, e, min(max_bytes, MAX_UNCOMPRESSED - total))
                if real != e.file_size:
                    raise InputError("docx_lies", name=e.filename)
                total += real
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error):
        raise InputError("docx_not_zip") from None


def _check_entries(entries: list[zipfile.ZipInfo], max_bytes: int) -> None:
    """What the headers say, refused before anything is inflated."""
    if len(entries) > MAX_ENTRIES:
        raise InputError("docx_entries", count=len(entries))
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED:
        raise InputError("docx_expands", size=total // (1024 * 1024))
    for e in entries:
        if e.file_size > max_bytes:
            raise _part_too_large(e.filename, max_bytes)
        if e.file_size > 1024 * 1024 and e.file_size > MAX_RATIO * max(e.compress_size, 1):
            raise InputError("docx_ratio", name=e.filename, ratio=e.file_size // max(e.compress_size, 1))
    if "word/document.xml" not in {e.filename for e in entries}:
        raise InputError("docx_no_document")


def _inflated_size(fh: IO[bytes], entry: zipfile.ZipInfo, limit: int) -> int:
    """How many bytes ``entry`` really inflates to, counted chunk by chunk from its
    compressed bytes; InputError as soon as the count passes ``limit`` (never more than
    a chunk beyond it is held)."""
    if entry.flag_bits & 0x1:
        raise InputError("docx_invalid", kind="encrypted")
    fh.seek(entry.header_offset)
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(fh.read(_LOCAL_HEADER.size))
    if signature != b"PK\x03\x04":
        raise zipfile.BadZipFile(entry.filename)
    fh.seek(name_length + extra_length, 1)
    if entry.compress_type not in (_STORED, _DEFLATED):
        raise InputError("docx_invalid", kind=f"compression {entry.compress_type}")
    inflate = zlib.decompressobj(-zlib.MAX_WBITS) if entry.compress_type == _DEFLATED else None
    left, real = entry.compress_size, 0
    while left > 0:
        data = fh.read(min(_CHUNK, left))
        if not data:
            break
        left -= len(data)
        while data:
            if inflate is None:
                out, data = data, b""
            else:
                out = inflate.decompress(data, _CHUNK)
                data = inflate.unconsumed_tail
            real += len(out)
            if real > limit:
                raise _part_too_large(entry.filename, limit)
            if inflate is not None and inflate.eof:
                return real
    return real


def _part_too_large(name: str, limit: int) -> InputError:
    return InputError("docx_part_too_large", name=name, limit=f"{limit / 1e6:g}")


def open_docx(path: Path, max_bytes: int | None = None) -> object:
    """The python-docx Document of ``path``; InputError if it is not a sound .docx or a
    part of it inflates beyond ``max_bytes``."""
    try:
        import docx
    except ImportError:
        raise InputError("docx_needs_library") from None
    _check_archive(path, DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
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


def read_docx(path: Path, max_bytes: int | None = None) -> tuple[str, list[tuple[int, ...]]]:
    """The text (one paragraph or table cell per line) and where each line is; its
    size (in UTF-8) is bounded by ``max_bytes`` as a text file's is."""
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    lines = docx_lines(open_docx(path, limit))
    text = "\n".join(line_text(paragraphs) for _, paragraphs in lines) + "\n"
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise too_large(size, limit)
    return text, [place for place, _ in lines]


def _one_line(text: str) -> str:
    return " ".join(text.replace("\r", "\n").split("\n"))
