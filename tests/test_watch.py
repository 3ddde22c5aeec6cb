"""hegao check --watch: checks, then re-checks a file when it changes and prints only what
changed (a new finding in full, a resolved one in a line)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .test_cli import SLIP

pytest.importorskip("watchfiles")


def test_watch_reports_what_changed(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(SLIP, "utf-8")
    (tmp_path / "other.md").write_text("全市公安机关持续开展打击整治行动。\n", "utf-8")
    env = {**os.environ, "HEGAO_LANG": "zh", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    env["WATCHFILES_FORCE_POLLING"] = "1"  # the same on every file system
    process = subprocess.Popen(
        [sys.executable, "-m", "hegao", "check", "--watch", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env=env,
    )
    lines: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)

    threading.Thread(target=read, daemon=True).start()

    def wait_for(text: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            joined = "".join(lines)
            if text in joined:
                return joined
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never came:\n" + "".join(lines))

    try:
        first = wait_for("正在监视文件的改动")
        assert "SUM001" in first
        time.sleep(1)
        draft.write_text(SLIP.replace("80650.5万元", "80650.5元") + "民警民警开展巡逻。\n", "utf-8")
        wait_for("新增 1 处问题，解决 1 处")
        changed = wait_for("已解决 SUM001")  # printed last: the whole change is in
        after = changed.split("新增 1 处问题")[1]
        assert "DUP003" in after and "已解决 SUM001" in after
        assert "other.md" not in after  # only the file that changed
    finally:
        process.terminate()
        process.wait(timeout=10)
