"""The HTML report, loaded in a real headless Chromium (skipped when it is absent)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .test_cli import SLIP, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    draft = tmp_path / "draft.md"
    draft.write_text("# 通报\n\n" + SLIP + "\n民警民警开展巡逻,发放资料<b>300</b>份。\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = run("check", "--format", "html", "-o", str(out), str(draft))
    assert result.returncode == 1
    return out


def test_html_is_self_contained_and_escaped(report: Path) -> None:
    page = report.read_text("utf-8")
    assert "<script" not in page and "http" not in page.split("</header>")[1]
    assert "&lt;b&gt;300&lt;/b&gt;" in page  # the draft's text is escaped, never markup
    assert page.count('<li id="item-0-') == 3
    assert 'href="#f-0-0-r0"' in page and 'id="f-0-0-r0"' in page


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_html_renders_in_chromium(report: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    common = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}"]
    dom = subprocess.run(
        [*common, "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert dom.returncode == 0, dom.stderr[-500:]
    html = dom.stdout
    assert html.count("<mark") >= 3  # the findings are highlighted in the rendered page
    assert 'title="SUM001 ' in html
    assert '<span class="related"' in html
    assert 'id="summary"' in html and "SUM001" in html
    shot = tmp_path / "report.png"
    done = subprocess.run(
        [*common, f"--screenshot={shot}", "--window-size=1280,900", report.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and shot.exists()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
