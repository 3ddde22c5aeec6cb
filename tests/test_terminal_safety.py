"""A draft's control characters never reach the user's terminal through the report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_colour_codes_in_a_draft_are_shown_not_obeyed(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("全市共破获案件\x1b[31m12起\x1b[0m，另有\x1b[2J一起待查。\n", "utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "hegao", "check", str(draft)], capture_output=True, text=True, check=False
    ).stdout
    assert "CHAR003" in out
    assert "\x1b" not in out and "\x07" not in out
    assert "\ufffd[31m" in out  # shown where it is, one column wide
