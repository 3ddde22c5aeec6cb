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


def _page(tmp_path: Path, *paths: Path, lang: str = "zh") -> str:
    out = tmp_path / "page.html"
    run("check", "--format", "html", "-o", str(out), *map(str, paths), lang=lang)
    return out.read_text("utf-8")


def test_word_tables_stay_tables_and_findings_are_located_as_in_the_text_report(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from .test_docx import make_docx

    page = _page(tmp_path, make_docx(tmp_path / "通报.docx"))
    document = page.split('<div class="doc">')[1].split("</div>")[0]
    assert document.count("<table>") == 1 and document.count("<td>") == 4 and "<p>" in document
    assert "表 1 第 2 行第 2 列" in page and "第 2 段" in page
    assert "<mark" in document.split("<table>")[1].split("</table>")[0]  # the cell's finding, in its cell


def test_invisible_characters_are_drawn_fixes_marked_titles_chinese_and_files_indexed(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("全市共破获案件156起\u200b，抓获犯罪嫌疑人51人。\n", "utf-8")
    b = tmp_path / "b.txt"
    b.write_text(SLIP, "utf-8")
    page = _page(tmp_path, a, b)
    assert '<span class="invisible" title="U+200B">U+200B</span>' in page
    assert '<span class="code">CHAR003 [*]</span>' in page and "可自动修复" in page
    assert "合计与分项不符" in page and "多余字符或标点" in page  # rule titles, in Chinese
    index = page.split('<nav class="files" id="files">')[1].split("</nav>")[0]
    assert index.count("<li>") == 2 and 'href="#file-1"' in index
    english = _page(tmp_path, a, b, lang="en")
    assert (
        "total-mismatch" in english and "合计与分项不符" not in english and "problems in 2 files" in english
    )
