"""Turn the bytes of a draft into text: UTF-8 (with or without BOM), GBK/GB18030."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hegao import messages

UTF8_BOM = b"\xef\xbb\xbf"

# A draft is prose: these control characters never occur in it, but they fill
# binary files (NUL above all).
_BINARY_CONTROLS = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1A)) | {0x7F}


# Old Office files (.doc, .xls) are OLE compound documents.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a draft; raise :class:`InputError` for binary or undecodable input."""
    bom = data.startswith(UTF8_BOM)
    body = data[len(UTF8_BOM) :] if bom else data
    if body.startswith(_OLE_SIGNATURE):
        raise InputError("legacy_doc")  # a .doc (or another old Office file)
    if b"\x00" in body[:8192] or _looks_binary(body[:8192]):
        raise InputError("binary")
    try:
        text = body.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        if bom:
            raise InputError("invalid_utf8_bom", offset=exc.start + 3) from None
        text, encoding = _decode_chinese_legacy(body, exc)
    return DecodedText(text=text, encoding=encoding, bom=bom, newline=_newline_of(text))


def read_file(path: Path) -> DecodedText:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError("is_directory") from None
    except PermissionError:
        raise InputError("permission_denied") from None
    except FileNotFoundError:
        raise InputError("no_such_file") from None
    except OSError as exc:
        raise InputError("os_error", reason=exc.strerror or str(exc)) from None
    return decode_bytes(data)


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
        raise InputError("not_utf8_or_gb", hint=hint, offset=utf8_error.start) from None
    if not _mostly_plausible(text):
        raise InputError("not_utf8", offset=utf8_error.start)
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
