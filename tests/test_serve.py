"""hegao serve: the local page's API over real HTTP, and the page in a real headless
Chromium (skipped, saying why, where Chromium, its driver or selenium is missing)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from hegao.app.serve import PageServer, Server
from hegao.checker.lint.config import Config

from .test_cli import SLIP
from .test_real_documents import SEEDS

DRAFT = SLIP + "全县民警民警开展夜间巡逻,发放资料300份。\n"


def _api(max_bytes: int) -> Iterator[str]:
    httpd = PageServer(Server(Config(), max_bytes=max_bytes), "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def api() -> Iterator[str]:
    yield from _api(200_000)


@pytest.fixture()
def word_api() -> Iterator[str]:
    # 2 MB: a Word file made by python-docx holds a style part of more than 200 kB, and
    # the limit bounds each inflated part of an upload as well as the text.
    yield from _api(2_000_000)


def post(url: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, dict]:
    """POST ``body`` as JSON (a file uploaded as it is), and the answer."""
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_check_fix_one_fix_all_and_upload(api: str, tmp_path: Path) -> None:
    status, checked = post(api + "/api/check", json.dumps({"text": DRAFT}).encode())
    assert status == 200
    codes = [f["code"] for f in checked["findings"]]
    assert {"SUM001", "DUP003", "CHAR002"} <= set(codes)
    assert '<mark class="error"' in checked["html"] and checked["safe_fixes"] == 2
    dup = next(f for f in checked["findings"] if f["code"] == "DUP003")
    _, one = post(
        api + "/api/fix", json.dumps({"text": DRAFT, "index": dup["index"], "start": dup["start"]}).encode()
    )
    assert "民警民警" not in one["text"] and "巡逻," in one["text"]  # only that fix
    _, stale = post(api + "/api/fix", json.dumps({"text": DRAFT, "index": dup["index"], "start": 0}).encode())
    assert stale["text"] == DRAFT  # a stale page cannot apply another finding's fix
    _, everything = post(api + "/api/fix", json.dumps({"text": DRAFT}).encode())
    assert "民警民警" not in everything["text"] and "巡逻，" in everything["text"]
    status, uploaded = post(api + "/api/upload?name=draft.txt", DRAFT.encode("gb18030"))
    assert status == 200 and uploaded["text"] == DRAFT and uploaded["name"] == "draft.txt"


def test_bad_input_gets_a_clear_message(api: str) -> None:
    status, data = post(api + "/api/upload?name=big.txt", ("很" * 100_000).encode())
    assert status == 413 and "MB" in data["error"]
    status, data = post(api + "/api/upload?name=old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    assert status == 422 and ".docx" in data["error"]
    status, data = post(api + "/api/upload?name=empty.txt", b"  \n")
    assert status == 422
    status, _ = post(api + "/api/check", b"{not json")
    assert status == 400
    status, _ = post(api + "/api/nothing", b"{}")
    assert status == 404


def test_the_server_never_writes_files(word_api: str, tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from .test_docx import make_docx

    draft = make_docx(tmp_path / "draft.docx")
    before = sorted(p.name for p in tmp_path.iterdir())
    status, data = post(word_api + "/api/upload?name=draft.docx", draft.read_bytes())
    assert status == 200 and {"SUM001", "UNIT001"} <= {f["code"] for f in data["findings"]}
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# ---------------------------------------------------------------- in a real browser


def _browser_missing() -> str | None:
    if shutil.which("chromium") is None:
        return "chromium is not installed (apt-get install chromium)"
    if shutil.which("chromedriver") is None:
        return "chromedriver is not installed (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    return None


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """``hegao serve`` started in ``folder`` (its hegao.toml applies), and its address."""
    server = subprocess.Popen(
        [sys.executable, "-m", "hegao", "serve", "--port", "0", "--no-browser"],
        cwd=folder,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "HEGAO_LANG": "zh", "PYTHONIOENCODING": "utf-8"},
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        yield line[line.index("http://") :].split("（")[0].strip()
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture()
def page(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    (tmp_path / "hegao.toml").write_text('ignore = ["CNT"]\n', "utf-8")  # the folder's configuration
    with served(tmp_path) as url:
        yield url, tmp_path


@pytest.mark.skipif(_browser_missing() is not None, reason=_browser_missing() or "")
def test_paste_see_findings_apply_a_fix_and_download(page: tuple[str, Path], tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    url, _ = page
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # to see the policy's refusals
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    wait = WebDriverWait(driver, 60)
    try:
        driver.get(url)
        assert driver.find_element(By.ID, "check").text == "检查"
        driver.execute_script("document.getElementById('draft').value = arguments[0]", DRAFT)
        driver.find_element(By.ID, "check").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#findings li"))
        codes = [
            li.get_attribute("data-code") for li in driver.find_elements(By.CSS_SELECTOR, "#findings li")
        ]
        assert {"SUM001", "DUP003", "CHAR002"} <= set(codes)
        assert driver.find_elements(By.CSS_SELECTOR, "#doc mark.error")
        # Apply one fix: the doubled word goes, the half-width comma stays.
        driver.find_element(By.CSS_SELECTOR, '#findings li[data-code="DUP003"] button.apply').click()
        wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, '#findings li[data-code="DUP003"]'))
        text = driver.find_element(By.ID, "draft").get_attribute("value")
        assert "民警民警" not in text and "巡逻," in text
        driver.find_element(By.ID, "download").click()
        wait.until(lambda d: any(p.suffix == ".txt" for p in downloads.iterdir()))
        saved = next(p for p in downloads.iterdir() if p.suffix == ".txt")
        wait.until(lambda d: saved.read_text("utf-8") == text)
        # A real bulletin, dropped in as a file, for the screenshot.
        seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
        bulletin = seeds[0] if seeds else Path(__file__).parent.parent / "examples" / "draft-bulletin.md"
        driver.find_element(By.ID, "file").send_keys(str(bulletin))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#findings li")) >= 3)
        assert not driver.find_elements(By.CSS_SELECTOR, '#findings li[data-code^="CNT"]')  # hegao.toml
        shot = tmp_path / "serve.png"
        driver.save_screenshot(str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        # A 1 MB draft is checked and shown.
        big = (DRAFT * (1_000_000 // len(DRAFT.encode()) + 1))[:340_000]
        started = time.monotonic()
        driver.execute_script("document.getElementById('draft').value = arguments[0]", big)
        driver.find_element(By.ID, "check").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#findings li")) > 1000)
        assert time.monotonic() - started < 60
        # More findings than a reply lists: the page says how many are left out.
        assert "另有" in driver.find_element(By.ID, "notice").text
        # The content security policy refused nothing of the page's own.
        logged = [entry["message"] for entry in driver.get_log("browser")]
        assert [m for m in logged if "Content Security Policy" in m] == []
    finally:
        driver.quit()
