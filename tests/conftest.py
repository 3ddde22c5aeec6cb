"""Shared test helpers. Real documents live outside the repository; tests that read
them skip when that folder is absent (as in a user's clone)."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .lsp_driver import Client

# Messages in English, so that tests of error lines read the same on any machine; the
# Chinese default is tested on its own (test_cli.py), with this variable removed.
os.environ["HEGAO_LANG"] = "en"

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "gov-work-reports"
PEER_TESTS = SHARED / "peer-tests"


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path.name} is not available (real documents are kept outside the repo)")
    return path


def make_zip_bomb(path: Path) -> Path:
    """A .docx that would expand to 50 MB: the reader must refuse it, not unpack it."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/filler.xml", b"\0" * (50 * 1024 * 1024))
    return path


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[Client]:
    """A language server started in ``tmp_path`` and a client talking to it."""
    c = Client(tmp_path)
    c.start(tmp_path)
    yield c
    c.stop()
