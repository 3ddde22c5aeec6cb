"""hegao serve under load and from other sites: a burst of connections is answered,
requests for another Host or from another origin are refused, malformed bodies get a
400 in Chinese (and the server goes on), chunked bodies a 411, replies are capped and
say so, and a check that outlasts the time limit is stopped with a Chinese message."""

from __future__ import annotations

import http.client
import json
import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hegao.app import html, serve
from hegao.app.serve import MAX_FINDINGS, Server, host_allowed, split_host
from hegao.checker.figures import quantities
from hegao.checker.lint.config import Config

from .test_serve import DRAFT, served

CHINESE = re.compile("[\u4e00-\u9fff]")
BURST = 200


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served(tmp_path_factory.mktemp("serve")) as address:
        yield address.rstrip("/")


def ask(
    url: str, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict, http.client.HTTPResponse]:
    """One request on a connection of its own: the status, the JSON answer (or {} for
    the page) and the response (its headers)."""
    parts = urlsplit(url)
    assert parts.hostname is not None
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    try:
        conn.request(method, path, body, headers={"Content-Type": "application/json", **(headers or {})})
        response = conn.getresponse()
        data = response.read()
        kind = response.getheader("Content-Type") or ""
        return response.status, json.loads(data) if kind.startswith("application/json") else {}, response
    finally:
        conn.close()


def check(url: str, text: str = DRAFT, headers: dict[str, str] | None = None) -> tuple[int, dict]:
    status, data, _ = ask(url, "POST", "/api/check", json.dumps({"text": text}).encode(), headers)
    return status, data


def refused_in_chinese(data: dict) -> bool:
    return isinstance(data.get("error"), str) and CHINESE.search(data["error"]) is not None


def raw(url: str, request: bytes) -> tuple[int, dict]:
    """Bytes sent as they are (what http.client will not send), and the answer."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=60) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    if not received.startswith(b"HTTP/"):
        return 0, json.loads(received)  # an HTTP/0.9 answer: the body alone
    head, _, body = received.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


def test_a_burst_of_connections_is_answered(url: str) -> None:
    statuses: list[int] = []
    failures: list[BaseException] = []
    ready = threading.Barrier(BURST)

    def one() -> None:
        try:
            ready.wait()
            statuses.append(check(url)[0])
        except BaseException as exc:  # a reset is what this test looks for
            failures.append(exc)

    threads = [threading.Thread(target=one) for _ in range(BURST)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert statuses == [200] * BURST


def test_the_page_is_served_with_its_policy(url: str) -> None:
    nonces = []
    for _ in range(2):
        parts = urlsplit(url)
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=60)
        conn.request("GET", "/")
        response = conn.getresponse()
        page = response.read().decode()
        conn.close()
        policy = response.getheader("Content-Security-Policy") or ""
        assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("Referrer-Policy") == "no-referrer"
        nonce = re.search(r"'nonce-([^']+)'", policy)
        assert nonce is not None
        # The page's one script and one style carry the nonce; nothing else is inline.
        assert page.count(f'nonce="{nonce.group(1)}"') == 2 and page.count("<script") == 1
        nonces.append(nonce.group(1))
    assert nonces[0] != nonces[1]  # each page its own


def test_another_host_is_refused(url: str) -> None:
    port = urlsplit(url).port
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1:{port + 1}", "127.0.0.1"):
        status, data = check(url, headers={"Host": host})
        assert status == 403 and refused_in_chinese(data), host
        status, data, _ = ask(url, "GET", "/", headers={"Host": host})
        assert status == 403 and refused_in_chinese(data), host
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"):
        assert ask(url, "GET", "/", headers={"Host": host})[0] == 200, host
    status, data = raw(url, b"GET / HTTP/1.0\r\n\r\n")  # no Host at all
    assert status == 403 and refused_in_chinese(data)


def test_another_origin_is_refused(url: str) -> None:
    port = urlsplit(url).port
    for headers in (
        {"Origin": "http://evil.example"},
        {"Origin": f"http://evil.example:{port}"},
        {"Origin": f"http://localhost:{port}"},  # another origin than the page's own
        {"Origin": "null"},  # a sandboxed frame, a file
        {"Referer": "http://evil.example/page.html"},
    ):
        status, data = check(url, headers=headers)
        assert status == 403 and refused_in_chinese(data), headers
    for headers in (
        {"Origin": f"http://127.0.0.1:{port}"},
        {"Referer": f"http://127.0.0.1:{port}/"},
        {},  # not a browser
    ):
        assert check(url, headers=headers)[0] == 200, headers


def test_json_endpoints_want_json(url: str) -> None:
    body = json.dumps({"text": DRAFT}).encode()
    for kind in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"):
        status, data, _ = ask(url, "POST", "/api/check", body, {"Content-Type": kind})
        assert status == 415 and refused_in_chinese(data), kind
    status, _, _ = ask(url, "POST", "/api/check", body, {"Content-Type": "application/json; charset=utf-8"})
    assert status == 200


MALFORMED = [
    ("/api/check", b"null"),
    ("/api/check", b"[]"),
    ("/api/check", b"42"),
    ("/api/check", b'"\\u5168\\u53bf"'),
    ("/api/check", b"true"),
    ("/api/check", b"{not json"),
    ("/api/check", b'{"text": 5}'),
    ("/api/check", b'{"text": ["a"]}'),
    ("/api/check", b"\xff\xfe{}"),
    ("/api/check", b"[" * 100_000 + b"]" * 100_000),
    ("/api/check", b'{"text": "a", "x": ' + b"9" * 5000 + b"}"),
    ("/api/fix", b'{"text": "a", "index": "0"}'),
    ("/api/fix", b'{"text": "a", "index": true}'),
    ("/api/fix", b'{"text": "a", "index": 1.5}'),
    ("/api/fix", b'{"text": "a", "start": {}}'),
    ("/api/fix", b'{"text": "a", "unsafe": "yes"}'),
]


@pytest.mark.parametrize(("path", "body"), MALFORMED, ids=[repr(b[:20]) for _, b in MALFORMED])
def test_a_malformed_body_gets_400_in_chinese(url: str, path: str, body: bytes) -> None:
    status, data, _ = ask(url, "POST", path, body)
    assert status == 400 and refused_in_chinese(data)
    assert check(url)[0] == 200  # and the server goes on


def test_a_lone_surrogate_keeps_the_drafts_length(url: str) -> None:
    body = b'{"text": "\\ud800' + json.dumps(DRAFT)[1:].encode() + b"}"
    status, data, _ = ask(url, "POST", "/api/check", body)
    assert status == 200 and data["text"] == "\ufffd" + DRAFT


def json_post(url: str, rest: bytes) -> bytes:
    """A POST of JSON to /api/check, its head ended by ``rest`` (and what follows it)."""
    host = urlsplit(url).netloc.encode()
    return b"POST /api/check HTTP/1.1\r\nHost: " + host + b"\r\nContent-Type: application/json\r\n" + rest


def test_a_chunked_body_gets_411(url: str) -> None:
    host = urlsplit(url).netloc.encode()
    status, data = raw(url, json_post(url, b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"))
    assert status == 411 and refused_in_chinese(data)
    status, data = raw(url, b"POST /api/check HTTP/1.0\r\nHost: " + host + b"\r\n\r\n")  # no length
    assert status == 411 and refused_in_chinese(data)
    assert check(url)[0] == 200


def test_the_librarys_own_refusals_are_in_chinese(url: str) -> None:
    host = urlsplit(url).netloc.encode()
    for request in (
        b"PUT / HTTP/1.1\r\nHost: " + host + b"\r\n\r\n",
        b"GARBAGE\r\n\r\n",
        b"GET / HTTP/9.9\r\nHost: " + host + b"\r\n\r\n",
        b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n",
    ):
        status, data = raw(url, request)
        assert status in (0, 400, 414, 501, 505) and refused_in_chinese(data), request[:20]
    status, data = raw(url, b"POST /api/check HTTP/1.1\r\nHost: " + host + b"\r\nContent-Length: x\r\n\r\n")
    assert status == 400 and refused_in_chinese(data)


def test_the_reply_is_capped_and_says_so(url: str) -> None:
    # A half-width comma in a Chinese sentence is one finding: more lines than the cap.
    draft = "".join(f"第{n}组民警开展夜间巡逻,发放资料。\n" for n in range(MAX_FINDINGS + 300))
    status, data = check(url, draft)
    assert status == 200
    assert len(data["findings"]) == MAX_FINDINGS
    assert data["left_out"]["findings"] >= 300
    assert f"另有 {data['left_out']['findings']} 处未列出" in data["notice"]
    assert data["html"].count('<a id="f-') <= serve.MAX_MARKS


def test_marks_and_shown_text_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEGAO_LANG", "zh")
    monkeypatch.setattr(serve, "MAX_MARKS", 5)
    monkeypatch.setattr(serve, "MAX_SHOWN_CHARS", 10 * len(DRAFT))
    draft = DRAFT * 30
    data = Server(Config(), 10_000_000).check(draft)
    assert data["html"].count('<a id="f-') == 5
    rest = 20 * len(DRAFT) + 1  # from the newline that ends the last line shown
    assert data["left_out"]["marks"] > 0 and data["left_out"]["chars"] == rest
    assert "处未标出" in data["notice"] and f"其后 {rest} 字未显示" in data["notice"]
    assert data["text"] == draft  # the whole draft goes back to the input box


def test_a_check_over_the_time_limit_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(serve.TIME_LIMIT_VARIABLE, "1")
    with served(tmp_path) as address:
        long_draft = DRAFT * (1_000_000 // len(DRAFT.encode()))
        status, data = check(address, long_draft)
        assert status == 503 and "超过 1 秒仍未完成，已停止" in data["error"]
        assert check(address)[0] == 200  # answered right after, by a worker still alive
        status, data = check(address, long_draft)
        assert status == 503  # the stopped worker was replaced
        assert check(address)[0] == 200


def test_host_names() -> None:
    assert split_host("[::1]:8765") == ("::1", 8765)
    assert split_host("Localhost.:80") == ("localhost", 80)
    assert split_host("[::1") is None and split_host("a:b") is None
    assert host_allowed("localhost:8765", "127.0.0.1", 8765)
    assert not host_allowed("evil.example:8765", "127.0.0.1", 8765)
    # --host names the address: that name only; every interface: an address or this machine
    assert host_allowed("10.0.0.5:8765", "10.0.0.5", 8765)
    assert not host_allowed("localhost:8765", "10.0.0.5", 8765)
    assert host_allowed("192.168.1.20:8765", "0.0.0.0", 8765)
    assert not host_allowed("evil.example:8765", "0.0.0.0", 8765)


def test_a_word_documents_lines_are_given_their_own_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [f"第{n}段，巡逻{n}次。" for n in range(300)]
    text = "\n".join(lines)
    labels: list[tuple[int, ...]] = [(n + 1,) for n in range(150)] + [
        (1, n // 3 + 1, n % 3 + 1) for n in range(150)
    ]
    marks = [(at, at + 4, "warning", f"f-{i}", "t") for i, at in enumerate(range(0, len(text) - 4, 7))]
    marks += [(0, len(text), "related", "f-all", "all"), (len(lines[0]), len(lines[0]), "info", "f-nl", "")]
    handed: list[int] = []
    shown = html.highlighted

    def counted(text: str, start: int, end: int, given: list) -> str:
        handed.append(len(given))
        return shown(text, start, end, given)

    monkeypatch.setattr(html, "highlighted", counted)
    body = html.word_body(text, labels, marks)
    # Each mark goes to the lines it touches (the one across the draft to all of them).
    assert sum(handed) <= 2 * len(marks) + len(lines)
    # and the page is the one every line given every mark makes.
    monkeypatch.setattr(html, "_marks_by_line", lambda lines, marks: dict.fromkeys(range(len(lines)), marks))
    assert html.word_body(text, labels, marks) == body


class _HeldChecks:
    """Checks that wait until the test lets them go (one worker, a short wait)."""

    workers = 1
    seconds = 0.5

    def __init__(self) -> None:
        self.go = threading.Event()
        self.started = threading.Semaphore(0)  # released by each check as it starts

    def run(self, job: tuple) -> tuple[int, bytes]:
        self.started.release()
        self.go.wait(30)
        return 200, b"{}"

    def close(self) -> None:
        self.go.set()


def test_a_body_is_not_read_while_the_drafts_held_are_all_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEGAO_LANG", "zh")
    checks = _HeldChecks()
    page = serve.PageServer(Server(Config(), 10_000_000), "127.0.0.1", 0, checks)  # type: ignore[arg-type]
    threading.Thread(target=page.serve_forever, daemon=True).start()
    address = page.url.rstrip("/")
    try:
        held = serve.BODIES_HELD_PER_WORKER * checks.workers
        waiting = [threading.Thread(target=check, args=(address,)) for _ in range(held)]
        for thread in waiting:
            thread.start()
        assert all(checks.started.acquire(timeout=10) for _ in waiting)
        # A request whose body never comes: answered at once that the page is busy, its
        # body left unread (it would otherwise wait for the body, and hold it).
        status, data = raw(address, json_post(address, b"Content-Length: 5000000\r\n\r\n"))
        assert status == 503 and refused_in_chinese(data)
    finally:
        checks.go.set()
        for thread in waiting:
            thread.join(30)
        page.shutdown()
        page.server_close()


def test_the_page_says_where_the_reading_of_figures_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEGAO_LANG", "zh")
    monkeypatch.setattr(quantities, "FIGURES_READ_MIN", 10)
    column = "说明：下列为各月数值。\n" + "12\n" * 100
    data = Server(Config(), 10_000_000).check(column)
    limit = quantities.figures_read_max(len(column))
    assert f"第 {limit + 2} 行：数字过多，只核对了此行之前的 {limit} 个数字" in data["notice"]
