"""The pre-commit hook, run by the real pre-commit on a temporary repository: it fails on
a draft with a problem and passes once the draft is fixed. Slow (pre-commit builds the
hook's environment); skipped when pre-commit or git is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO
from .test_cli import SLIP

PRE_COMMIT = shutil.which("pre-commit") or str(Path(os.sys.executable).with_name("pre-commit"))


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_hook_fails_on_a_bad_draft_and_passes_after_the_fix(tmp_path: Path) -> None:
    if not Path(PRE_COMMIT).exists():
        pytest.skip("pre-commit is not installed")
    if not (REPO / ".git").exists():
        pytest.skip("the hook is installed from this repository's git history")
    rev = git("rev-parse", "HEAD", cwd=REPO)
    editorial = tmp_path / "bulletins"
    editorial.mkdir()
    git("init", "-q", cwd=editorial)
    (editorial / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: hegao\n",
        encoding="utf-8",
    )
    (editorial / "clean.md").write_text("全市公安机关持续开展打击整治行动。\n", encoding="utf-8")
    # An archive of published bulletins, excluded in hegao.toml: pre-commit names its
    # files, and the hook still leaves them alone (--force-exclude).
    (editorial / "hegao.toml").write_text('exclude = ["archive/**"]\n', encoding="utf-8")
    (editorial / "archive").mkdir()
    (editorial / "archive" / "2019.md").write_text(SLIP, encoding="utf-8")
    draft = editorial / "draft.md"
    draft.write_text(SLIP, encoding="utf-8")
    git("add", ".", cwd=editorial)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def hook() -> subprocess.CompletedProcess:
        return subprocess.run(
            [PRE_COMMIT, "run", "--all-files", "--color", "never"],
            cwd=editorial,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    failed = hook()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "SUM001" in failed.stdout and "draft.md" in failed.stdout
    assert "archive" not in failed.stdout
    draft.write_text(SLIP.replace("80650.5万元", "80650.5元"), encoding="utf-8")
    git("add", ".", cwd=editorial)
    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr
