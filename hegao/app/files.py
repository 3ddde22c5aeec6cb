"""Writing a user's file: in its own encoding, atomically (a crash never leaves half a
draft behind)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from hegao.checker.source.reading import UTF8_BOM, DecodedText


def encode(text: str, decoded: DecodedText) -> bytes:
    data = text.encode(decoded.encoding)
    return UTF8_BOM + data if decoded.bom else data


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old file or the
    new one, never a half-written draft: write a temporary file beside it, flush it to
    disk, then rename it over the original (keeping the original's permissions)."""
    directory = path.parent
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".hegao-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
