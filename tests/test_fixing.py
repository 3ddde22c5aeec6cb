"""--fix and --diff: what is written, in which encoding, and that a failure loses nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hegao.app import files as fixes
from hegao.app.runner import CheckOptions, FixMode, check_file
from hegao.checker.lint.config import Config

from .test_cli import run

DRAFT = "民警深入社区开展宣传,发放资料300余份。\n查获车辆车辆12台。\n"
FIXED = "民警深入社区开展宣传，发放资料300余份。\n查获车辆12台。\n"


def test_fix_writes_the_fixed_text_and_reports_what_remains(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(DRAFT + "加强侦侦区域协作。\n", encoding="utf-8")
    result = run("check", "--fix", str(draft), lang="zh")
    assert draft.read_text("utf-8") == FIXED + "加强侦侦区域协作。\n"
    assert result.returncode == 1  # the single doubled character needs --unsafe-fixes
    assert "已自动修复 2 处" in result.stdout
    run("check", "--fix", "--unsafe-fixes", str(draft))
    assert draft.read_text("utf-8") == FIXED + "加强侦区域协作。\n"


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [("utf-8", False, "\n"), ("utf-8", True, "\r\n"), ("gbk", False, "\r\n")],
)
def test_fix_keeps_encoding_bom_and_line_endings(
    tmp_path: Path, encoding: str, bom: bool, newline: str
) -> None:
    draft = tmp_path / "a.txt"
    data = DRAFT.replace("\n", newline).encode(encoding)
    draft.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    assert run("check", "--fix", str(draft)).returncode == 0
    expected = FIXED.replace("\n", newline).encode(encoding)
    assert draft.read_bytes() == (b"\xef\xbb\xbf" if bom else b"") + expected


def test_diff_shows_fixes_and_writes_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run("check", "--diff", str(draft))
    assert result.returncode == 1
    assert "-查获车辆车辆12台。" in result.stdout and "+查获车辆12台。" in result.stdout
    assert draft.read_text("utf-8") == DRAFT
    clean = tmp_path / "b.txt"
    clean.write_text(FIXED, encoding="utf-8")
    assert run("check", "--diff", str(clean)).returncode == 0


def test_fixed_file_rechecked_has_none_of_the_fixed_codes(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    before = {f.code for f in check_file(draft, Config()).findings}
    assert {"CHAR002", "DUP003"} <= before
    check_file(draft, Config(), CheckOptions(FixMode.write))
    assert not {"CHAR002", "DUP003"} & {f.code for f in check_file(draft, Config()).findings}


def test_a_failed_write_leaves_the_original_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(DRAFT, encoding="utf-8")

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixes.os, "replace", crash)
    result = check_file(draft, Config(), CheckOptions(FixMode.write))
    assert result.error is not None and "cannot write" in result.error
    assert draft.read_text("utf-8") == DRAFT
    assert os.listdir(tmp_path) == ["a.txt"]  # no temporary file left behind
