"""hegao in CI and as an editor's filter: what ruff users expect of the command line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .test_cli import SLIP, run

DOUBLED = "全县民警民警开展夜间巡逻,发放资料300份。\n"


def test_check_without_a_path_checks_the_current_folder(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(SLIP, "utf-8")
    result = run("check", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    assert [Path(r["path"]).name for r in json.loads(result.stdout)] == ["a.md"]


def test_fix_of_standard_input_writes_the_fixed_text(tmp_path: Path) -> None:
    result = run("check", "--fix", "-", stdin=DOUBLED, cwd=tmp_path)
    assert result.stdout == "全县民警开展夜间巡逻，发放资料300份。\n"
    assert result.returncode == 0 and result.stderr == ""
    left = run("check", "--fix", "-", stdin=DOUBLED + "加强侦侦区域协作。\n", cwd=tmp_path)
    assert left.stdout.endswith("加强侦侦区域协作。\n")  # an unsafe fix is not applied
    assert left.returncode == 1 and "DUP003" in left.stderr


def test_inspection_commands_read_standard_input(tmp_path: Path) -> None:
    quantities = run("quantities", "--format", "json", "-", stdin=SLIP, cwd=tmp_path)
    assert quantities.returncode == 0
    assert [q["text"] for q in json.loads(quantities.stdout)] == ["32650.5元", "48000元", "80650.5万元"]
    claims = run("claims", "--format", "json", "-", stdin=SLIP, cwd=tmp_path)
    assert json.loads(claims.stdout)["sums"]


def test_force_exclude_applies_the_configuration_to_named_files(tmp_path: Path) -> None:
    (tmp_path / "hegao.toml").write_text('exclude = ["archive/**"]\n', "utf-8")
    (tmp_path / "archive").mkdir()
    old = tmp_path / "archive" / "2019.md"
    old.write_text(SLIP, "utf-8")
    assert run("check", str(old), cwd=tmp_path).returncode == 1  # named: checked
    excluded = run("check", "--force-exclude", str(old), cwd=tmp_path)
    assert excluded.returncode == 0 and "SUM001" not in excluded.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_folder_walks_leave_out_what_gitignore_ignores(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("build/\n*.egg-info/\n/exports/*.md\n!exports/keep.md\n", "utf-8")
    for name in ("draft.md", "build/out.md", "pkg.egg-info/PKG-INFO.md", "exports/a.md", "exports/keep.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SLIP, "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".gitignore").write_text("*.txt\n", "utf-8")
    (tmp_path / "sub" / "notes.txt").write_text(SLIP, "utf-8")
    (tmp_path / "sub" / "kept.md").write_text(SLIP, "utf-8")

    def checked(*extra: str) -> list[str]:
        result = run("check", "--format", "json", *extra, ".", cwd=tmp_path)
        return sorted({Path(r["path"]).as_posix() for r in json.loads(result.stdout)})

    assert checked() == ["draft.md", "exports/keep.md", "sub/kept.md"]
    assert len(checked("--no-respect-gitignore")) == 7
    (tmp_path / "hegao.toml").write_text("respect-gitignore = false\n", "utf-8")
    assert len(checked()) == 7


def test_an_unknown_code_in_a_suppression_comment_is_a_warning(tmp_path: Path) -> None:
    draft = tmp_path / "a.md"
    draft.write_text("<!-- hegao-disable-next-line SUM01X -->\n" + SLIP, "utf-8")
    result = run("check", str(draft), cwd=tmp_path)
    assert result.returncode == 1 and "SUM01X" in result.stderr and "a.md:1:1" in result.stderr
