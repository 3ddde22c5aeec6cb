"""Turn the bytes of a draft into text: UTF-8 (with or without BOM), GBK/GB18030, UTF-16
and UTF-32 with their BOM."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hegao import messages

UTF8_BOM = b"\xef\xbb\xbf"
# The byte order mark of each encoding read with one, longest first (UTF-32-LE begins
# with UTF-16-LE's mark).
BOMS = {
    "utf-32-le": b"\xff\xfe\x00\x00",
    "utf-32-be": b"\x00\x00\xfe\xff",
    "utf-8": UTF8_BOM,
    "utf-16-le": b"\xff\xfe",
    "utf-16-be": b"\xfe\xff",
}
_WIDE_NAMES = {"utf-32-le": "UTF-32", "utf-32-be": "UTF-32", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}
# What an OS error is, said in the user's words (never the system's English).
_REASONS = {
    errno.EACCES: "reason_permission",
    errno.EPERM: "reason_permission",
    errno.ENOENT: "reason_missing",
    errno.ENOTDIR: "reason_missing",
    errno.ELOOP: "reason_loop",
    errno.EISDIR: "is_directory",
    errno.ENOSPC: "reason_no_space",
    errno.EDQUOT: "reason_no_space",
    errno.EROFS: "reason_read_only_fs",
    errno.EIO: "reason_io",
    errno.ENAMETOOLONG: "reason_name_too_long",
    errno.EAGAIN: "reason_would_block",
    errno.EBUSY: "reason_busy",
    errno.ETXTBSY: "reason_busy",
}
# Pseudo-files of the system: regular files whose reading may block or never end.
# A draft is tens of kilobytes; a file this large is an export or a dump, and checking it
# would take minutes and gigabytes (bench/README.md has the figures). The bound when no
# --max-file-size is given; the configuration's default is this one.
DEFAULT_MAX_BYTES = 20_000_000
_PSEUDO_FILESYSTEMS = ("/proc", "/sys")
_READ_CHUNK = 1 << 20

# A draft is prose: these control characters never occur in it, but they fill
# binary files (NUL above all).
_BINARY_CONTROLS = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1A)) | {0x7F}


# Old Office files (.doc, .xls) are OLE compound documents.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class InputError(Exception):
    """A file that cannot be read as text. It carries a message key and its values
    (hegao/messages.py), rendered in the user's language when shown: one line."""

    def __init__(self, message: str, /, **params: object) -> None:
        super().__init__(message)
        self.key = message
        self.params = params

    def __str__(self) -> str:
        return messages.text(self.key, **self.params)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str  # codec that round-trips the text when writing back
    bom: bool
    newline: str  # dominant line ending, kept when fixes are written


def os_reason(exc: OSError) -> str:
    """Why an operation on a file failed, in the user's language."""
    key = _REASONS.get(exc.errno or 0)
    if key is not None:
        return messages.text(key)
    return messages.text("reason_other", name=errno.errorcode.get(exc.errno or 0, "?"), code=exc.errno)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a draft; raise :class:`InputError` for binary or undecodable input. Byte
    offsets in messages count from 1, the BOM included (as a hex editor shows them)."""
    wide = next((enc for enc, mark in BOMS.items() if enc != "utf-8" and data.startswith(mark)), None)
    if wide is not None:
        return _decode_wide(data, wide)
    bom = data.startswith(UTF8_BOM)
    body = data[len(UTF8_BOM) :] if bom else data
    if body.startswith(OLE_SIGNATURE):
        raise InputError("legacy_doc")  # a .doc (or another old Office file)
    if b"\x00" in body[:8192] or _looks_binary(body[:8192]):
        raise InputError("binary")
    try:
        text = body.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        if bom:
            raise InputError("invalid_utf8_bom", offset=exc.start + len(UTF8_BOM) + 1) from None
        text, encoding = _decode_chinese_legacy(body, exc)
    return _decoded(text, encoding, bom)


def _decode_wide(data: bytes, encoding: str) -> DecodedText:
    """UTF-16 or UTF-32 (Windows Notepad's "Unicode"): NUL bytes are its nature, not a
    sign of a binary file, so the test for binary is made on the text."""
    mark = BOMS[encoding]
    try:
        text = data[len(mark) :].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + len(mark) + 1
        raise InputError("invalid_bom_text", encoding=_WIDE_NAMES[encoding], offset=offset) from None
    # Random bytes after FF FE decode too: what they decode to is not prose (C1 controls,
    # private use, noncharacters such as U+FFFF).
    sample = text[:8192]
    odd = sum(1 for ch in sample if _is_implausible(ch) or _is_noncharacter(ch))
    if "\x00" in sample or odd > 0.02 * len(sample):
        raise InputError("binary")
    return _decoded(text, encoding, True)


def _is_noncharacter(ch: str) -> bool:
    cp = ord(ch)
    return 0xFDD0 <= cp <= 0xFDEF or cp & 0xFFFE == 0xFFFE


def _decoded(text: str, encoding: str, bom: bool) -> DecodedText:
    if "\r" in text and "\n" not in text:
        # Old Mac line endings (CR alone): read as lines. Each CR becomes one LF, so every
        # offset stays what it is in the file; the CRs are written back with the fixes.
        return DecodedText(text.replace("\r", "\n"), encoding, bom, "\r")
    return DecodedText(text=text, encoding=encoding, bom=bom, newline=_newline_of(text))


def read_file(path: Path, max_bytes: int | None = None) -> DecodedText:
    return decode_bytes(read_bytes(path, max_bytes)[0])


def read_bytes(path: Path, max_bytes: int | None = None) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file ``path`` (at most ``max_bytes``) and what it was when
    read. Opened without blocking and examined before reading: a pipe, a device or a
    pseudo-file of /proc is refused and never hangs the check."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise input_error(exc) from None
    with open(fd, "rb", closefd=True) as fh:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is_directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not_regular")
        if info.st_dev in _pseudo_devices():
            raise InputError("pseudo_file")
        if max_bytes is not None and info.st_size > max_bytes:
            raise too_large(info.st_size, max_bytes)
        try:
            data = _read_at_most(fh, max_bytes)
        except OSError as exc:
            raise input_error(exc) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise too_large(len(data), max_bytes)  # it grew while it was read
    return data, info


def _read_at_most(fh: object, limit: int | None) -> bytes:
    """Up to ``limit`` + 1 bytes (enough to know there are more), in chunks."""
    parts: list[bytes] = []
    got = 0
    while limit is None or got <= limit:
        want = _READ_CHUNK if limit is None else min(_READ_CHUNK, limit + 1 - got)
        chunk = fh.read(want)  # type: ignore[attr-defined]
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def read_stream(stream: object, max_bytes: int) -> bytes:
    """Standard input, bounded as a file is: at most ``max_bytes``, else InputError."""
    data = _read_at_most(stream, max_bytes)
    if len(data) > max_bytes:
        raise InputError("stdin_too_large", limit=f"{max_bytes / 1e6:g}")
    return data


def too_large(size: int, max_bytes: int) -> InputError:
    return InputError("too_large", size=f"{size / 1e6:.1f}", limit=f"{max_bytes / 1e6:g}")


def input_error(exc: OSError) -> InputError:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError("permission_denied")
    if exc.errno == errno.ENOENT:
        return InputError("no_such_file")
    if exc.errno == errno.EISDIR:
        return InputError("is_directory")
    return InputError("os_error", reason=os_reason(exc))


@cache
def _pseudo_devices() -> frozenset[int]:
    devices = set()
    for folder in _PSEUDO_FILESYSTEMS:
        try:
            devices.add(os.stat(folder).st_dev)
        except OSError:
            continue  # not Linux
    return frozenset(devices)


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    controls = sum(1 for b in sample if b in _BINARY_CONTROLS)
    return controls / len(sample) > 0.01


def _decode_chinese_legacy(body: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    # GB18030 is a superset of GBK and GB2312, so one strict attempt covers all three;
    # charset-normalizer is asked only when that fails, to name what the file is.
    try:
        text = body.decode("gb18030")
    except UnicodeDecodeError:
        guess = _guess_encoding(body)
        hint = messages.text("looks_like", encoding=guess) if guess else ""
        raise InputError("not_utf8_or_gb", hint=hint, offset=utf8_error.start + 1) from None
    if not _mostly_plausible(text):
        raise InputError("not_utf8", offset=utf8_error.start + 1)
    return text, "gb18030"


def _mostly_plausible(text: str) -> bool:
    """GB18030 decodes almost any byte string; reject results that are not prose."""
    if not text:
        return True
    odd = sum(1 for ch in text if _is_implausible(ch))
    return odd / len(text) < 0.02


def _is_implausible(ch: str) -> bool:
    cp = ord(ch)
    return (0xE000 <= cp <= 0xF8FF) or (0x80 <= cp <= 0x9F) or cp in _BINARY_CONTROLS


def _guess_encoding(body: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency is declared
        return None
    best = from_bytes(body[:65536]).best()
    return best.encoding if best is not None else None


def _newline_of(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    return "\r\n" if crlf > lf else "\n"
