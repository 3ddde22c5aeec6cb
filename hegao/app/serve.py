"""``hegao serve``: a local web page for editors who never open a terminal.

The page (hegao/app/web/index.html) takes a pasted draft or a dropped .txt/.md/.docx
file, shows the text with every finding highlighted and explained, applies fixes one by
one or all safe fixes at once, and downloads the fixed text. It is served by the
standard library's threading HTTP server, bound to 127.0.0.1 unless told otherwise:
one editor on their own machine needs no web framework, and hegao gains no dependency.

Every draft is checked as ``hegao check`` checks it (hegao/app/entry.py): a dropped
.docx keeps the places of its lines, so its tables are checked and its findings are
located by paragraph and cell; the page sends those places back with the text.

Checks run in a few worker processes (:class:`Checks`), not in the server's threads: a
long draft holds the interpreter for as long as it is checked, and in a thread it would
starve every other request (a tiny draft once waited 29 s behind a 15 MB one). A worker
that exceeds the time limit is killed and replaced, and the page says why.

The server answers only its own page: a request whose Host is not the address it
listens on is refused (a site that rebinds its name to 127.0.0.1 reaches the server
under that name), a POST from another origin is refused, and the JSON endpoints want a
JSON content type (a cross-site form cannot send one without asking first).

Nothing is ever written to the user's files: uploads are read in memory (a .docx
through a temporary copy that is deleted at once). Rules, severities and options come
from the hegao.toml of the folder the server was started in.
"""

from __future__ import annotations

import errno
import ipaddress
import json
import multiprocessing
import os
import queue
import re
import secrets
import socket
import sys
import threading
from dataclasses import dataclass
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from multiprocessing.connection import Connection
from typing import Any
from urllib.parse import parse_qs, urlsplit

from hegao import __version__, messages
from hegao.app.entry import check_text, decode_draft, internal_error
from hegao.app.html import CSS, finding_marks, highlighted, word_body
from hegao.app.results import FileResult, Places
from hegao.checker.lint.config import Config
from hegao.checker.lint.fixes import apply_fixes
from hegao.checker.model import Finding
from hegao.checker.source.reading import InputError
from hegao.core import fix_text
from hegao.messages import said
from hegao.rules import RULES

# The words the page shows, in the user's language.
_PAGE_WORDS = (
    "serve_title",
    "serve_paste",
    "serve_drop",
    "serve_check",
    "serve_open",
    "serve_fix_all",
    "serve_download",
    "serve_apply",
    "serve_checking",
    "serve_clean",
    "serve_failed",
)

# Connections the kernel holds while the server accepts: the standard library's 5 reset
# 141 of 200 requests sent at once; with 128, the 72 beyond waited for the client to
# try again (1 s); a burst of 200 fits in 512 (the kernel caps it at somaxconn).
LISTEN_QUEUE = 512
# Drafts checked at the same time, each in its own process: two, so that a tiny draft
# is answered while a long one is checked, and no more, for memory.
CHECK_WORKERS = 2
# Drafts held in memory at once: one being checked and one waiting for each worker. A
# further request waits for one of them to be answered before its body is read (no
# longer than one time limit), so that parallel uploads never hold more than this.
BODIES_HELD_PER_WORKER = 2
# Seconds one check may take before its worker is stopped; HEGAO_SERVE_TIME_LIMIT
# overrides it (a test sets it very low).
CHECK_SECONDS = 60.0
TIME_LIMIT_VARIABLE = "HEGAO_SERVE_TIME_LIMIT"
# Seconds a fresh worker may take to import the engine and check a sample draft, before
# the clock of its first check starts (a busy machine imports slowly).
START_SECONDS = 120.0
# What one reply carries at most: the findings listed, the marks in the highlighted
# text, and the characters of the draft shown highlighted (the whole draft stays in the
# page's input box). A 15 MB draft once gave a 604 MB reply.
MAX_FINDINGS = 2000
MAX_MARKS = 4000
MAX_SHOWN_CHARS = 1_000_000
# Seconds a connection may stay silent (a client that announces a body and never sends
# it holds a thread no longer than this).
SOCKET_SECONDS = 30.0
# After a refusal the server has not read the body: it reads and drops up to this much
# (for this long) before closing, so the client reads the answer instead of a reset.
LINGER_BYTES = 1 << 20
LINGER_SECONDS = 2.0

_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_EVERYWHERE = frozenset({"", "0.0.0.0", "::"})
_SURROGATE = re.compile("[\ud800-\udfff]")
_SAMPLE = "全县开展巡逻300次,发放资料。\n"  # a worker's first check, before it takes work


@dataclass
class Server:
    """What the page asks for, computed: run in a worker process (:class:`Checks`)."""

    config: Config
    max_bytes: int

    def check(self, text: str, places: Places | None = None) -> dict[str, Any]:
        """The draft checked as ``hegao check`` checks it (a Word document with the
        places of its lines), as the page shows it, within the reply's limits."""
        result = check_text("draft", text, self.config, places)
        if result.error is not None:
            return {"error": result.error}
        findings = result.findings
        listed = findings[:MAX_FINDINGS]
        english = messages.language() == "en"
        titles = {r.code: r.name if english else r.title for r in RULES.all()}
        items = []
        for i, f in enumerate(listed):
            assert result.source is not None  # kept while there are findings
            line, col = result.source.line_col(f.span.start)
            where = result.located(f.span.start)
            items.append(
                {
                    "index": i,
                    "code": f.code,
                    "title": titles.get(f.code, ""),
                    "severity": f.severity.value,
                    "severity_word": messages.text(f"severity_{f.severity.value}"),
                    "message": said(f.message),
                    "where": where.get("location") or messages.text("where_line", line=line, column=col),
                    "start": f.span.start,
                    "end": f.span.end,
                    "fix": None if f.fix is None else {"title": said(f.fix.title), "safe": f.fix.safe},
                    "related": [said(r.message) for r in f.related],
                    **where,
                }
            )
        safe = sum(1 for f in findings if f.fix is not None and f.fix.safe)
        summary = (
            messages.text("serve_summary", count=len(findings), safe=safe)
            if findings
            else messages.text("serve_clean")
        )
        shown = shown_end(text)
        every_mark = finding_marks(listed, "")
        marks = [m for m in every_mark if m[0] < shown][:MAX_MARKS]
        left_out = {
            "findings": len(findings) - len(listed),
            "marks": len(every_mark) - len(marks),
            "chars": len(text) - shown,
        }
        return {
            "text": text,
            # A Word document is shown as it was written: paragraphs, and tables as tables.
            "html": word_body(text[:shown], places, marks) if places else highlighted(text, 0, shown, marks),
            "findings": items,
            "safe_fixes": safe,
            "summary": summary,
            "places": places,
            "left_out": left_out,
            "notice": " ".join(
                said
                for said in (notice(left_out, len(listed), len(marks), shown), figures_notice(result))
                if said
            ),
        }

    def fix(
        self, text: str, places: Places | None, index: int | None, start: int | None, unsafe: bool
    ) -> dict[str, Any]:
        """Apply one finding's fix (found again by its index and start, so that a stale
        page cannot apply the wrong one), or all safe fixes; check the result."""
        if index is None:
            fixed, _ = fix_text(text, self.config, unsafe)
            return self.check(fixed, fitting(places, fixed))
        result = check_text("draft", text, self.config, places)
        findings = result.findings
        chosen: list[Finding] = []
        if (
            0 <= index < len(findings)
            and findings[index].span.start == start
            and findings[index].fix is not None
        ):
            chosen = [findings[index]]
        fixed, _ = apply_fixes(text, chosen, unsafe=True)
        return self.check(fixed, fitting(places, fixed))

    def upload(self, name: str, body: bytes) -> dict[str, Any]:
        draft = decode_draft(name, body, self.max_bytes)
        return {**self.check(draft.text, draft.places), "name": name}

    def page(self, nonce: str) -> str:
        """The page; its one script and one style carry ``nonce``, the only ones the
        content security policy lets run."""
        template = resources.files("hegao.app").joinpath("web/index.html").read_text("utf-8")
        words = {key: messages.text(key) for key in _PAGE_WORDS}
        return (
            template.replace("/*CSS*/", CSS)
            .replace("__NONCE__", nonce)
            .replace("__LANG__", "en" if messages.language() == "en" else "zh-CN")
            .replace("__TITLE__", escape(words["serve_title"]))
            .replace("__VERSION__", __version__)
            .replace("__WORDS__", json.dumps(words, ensure_ascii=False).replace("</", "<\\/"))
            .replace("__LIMIT__", str(self.max_bytes))
        )


def shown_end(text: str) -> int:
    """Where the highlighted text stops: the whole draft, or the end of the last line
    that fits in MAX_SHOWN_CHARS (a Word document's lines are its paragraphs and cells)."""
    if len(text) <= MAX_SHOWN_CHARS:
        return len(text)
    cut = text.rfind("\n", 0, MAX_SHOWN_CHARS)
    return cut if cut > 0 else MAX_SHOWN_CHARS


def notice(left_out: dict[str, int], findings: int, marks: int, chars: int) -> str:
    """What the reply leaves out, in words; empty when it holds everything."""
    said_out = []
    if left_out["findings"]:
        said_out.append(messages.text("serve_findings_left_out", shown=findings, rest=left_out["findings"]))
    if left_out["marks"]:
        said_out.append(messages.text("serve_marks_left_out", shown=marks, rest=left_out["marks"]))
    if left_out["chars"]:
        said_out.append(messages.text("serve_chars_left_out", shown=chars, rest=left_out["chars"]))
    return " ".join(said_out)


def figures_notice(result: FileResult) -> str:
    """That the figures were read only up to a line, when there were too many."""
    if result.figures_stopped is None:
        return ""
    line, count = result.figures_stopped
    return messages.text("figures_stopped_at", line=line) + messages.text("figures_stopped", count=count)


def fitting(places: object, text: str) -> Places | None:
    """``places`` if they are a Word document's places for ``text``, one per line (the
    page sends back what it was given; an edit that adds or removes a line, or another
    text pasted in, leaves the draft without them)."""
    if not isinstance(places, list) or len(places) != text.count("\n"):
        return None
    fitted: Places = []
    for place in places:
        if not (
            isinstance(place, list | tuple)
            and len(place) in (1, 3)
            and all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in place)
        ):
            return None
        fitted.append(tuple(place))
    return fitted


# ---------------------------------------------------------------- requests, read


class Refusal(Exception):
    """An answer other than a result: its HTTP status and its message (catalogue key)."""

    def __init__(self, status: int, key: str, **params: object) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.params = params

    def said(self) -> str:
        return messages.text(self.key, **self.params)


class BadRequest(Refusal):
    """A request the server will not take."""


def _bad(key: str, **params: object) -> BadRequest:
    return BadRequest(HTTPStatus.BAD_REQUEST, key, **params)


_JSON_KINDS = {
    type(None): "serve_kind_null",
    list: "serve_kind_list",
    str: "serve_kind_text",
    bool: "serve_kind_bool",
    int: "serve_kind_number",
    float: "serve_kind_number",
}


def job_of(path: str, body: bytes) -> tuple[Any, ...]:
    """The check a JSON request asks for, its fields checked; BadRequest otherwise."""
    try:
        data = json.loads(body.decode("utf-8") or "{}")
    except UnicodeDecodeError:
        raise _bad("serve_not_utf8") from None
    except (ValueError, RecursionError):  # not JSON, nested past the parser, or an endless int
        raise _bad("serve_not_json") from None
    if not isinstance(data, dict):
        raise _bad("serve_not_object", kind=messages.text(_JSON_KINDS.get(type(data), "serve_kind_list")))
    text = _field(data, "text", str, "")
    # A lone surrogate (JSON can escape one: "\ud800") is no character: U+FFFD takes its
    # place, so that every offset of the draft stays where it was.
    text = _SURROGATE.sub("\ufffd", text)
    # The places of an uploaded Word document come back with its text.
    places = fitting(data.get("places"), text)
    if path == "/api/check":
        return ("check", text, places)
    index = _field(data, "index", int, None)
    start = _field(data, "start", int, None)
    unsafe = _field(data, "unsafe", bool, False)
    return ("fix", text, places, index, start, unsafe)


def _field(data: dict[str, Any], name: str, kind: type, default: Any) -> Any:
    value = data.get(name)
    if value is None:
        return default
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _bad("serve_bad_field", field=name, kind=messages.text(f"serve_field_{kind.__name__}"))
    return value


# ---------------------------------------------------------------- who may ask


def split_host(value: str) -> tuple[str, int | None] | None:
    """A Host header's name (lower case, without brackets) and port; None if malformed."""
    value = value.strip().lower()
    if value.startswith("["):
        name, bracket, rest = value[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            return None
        port_text = rest[1:] if rest else None
    elif value.count(":") == 1:
        name, port_text = value.split(":")
    else:
        name, port_text = value, None
    if port_text is None:
        return name.rstrip("."), None
    if not port_text.isdigit() or len(port_text) > 5:
        return None
    return name.rstrip("."), int(port_text)


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(header: str | None, bound: str, port: int) -> bool:
    """Whether a request naming ``header`` as its Host was meant for this server, bound
    to ``bound``: by default the loopback names alone, for a site whose name resolves to
    127.0.0.1 (DNS rebinding) reaches the server under its own name. Bound to every
    interface (--host 0.0.0.0), an address or this machine's own name."""
    parts = split_host(header or "")
    if parts is None or not parts[0]:
        return False
    name, given = parts
    if given != port and not (given is None and port == 80):
        return False
    wanted = bound.strip("[]").lower()
    if wanted in _LOOPBACK:
        return name in _LOOPBACK
    if wanted in _EVERYWHERE:
        own = {socket.gethostname().lower(), socket.getfqdn().lower()}
        return name in _LOOPBACK or _is_address(name) or name in own
    return name == wanted


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _is_json(kind: str | None) -> bool:
    return (kind or "").split(";")[0].strip().lower() == "application/json"


# ---------------------------------------------------------------- the workers


class CheckFailed(Refusal):
    """A check that did not finish (too slow, its worker gone, every worker busy)."""


class _Worker:
    """One process that checks drafts, one at a time, sent over a pipe."""

    def __init__(self, context: Any, settings: tuple[Config, int, str]) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, settings), daemon=True)
        self.process.start()
        child.close()

    def run(self, job: tuple[Any, ...], seconds: float) -> tuple[int, bytes]:
        self.conn.send(job)
        # The worker says when it starts, so that its start-up is not counted.
        if not self.conn.poll(START_SECONDS):
            raise CheckFailed(HTTPStatus.SERVICE_UNAVAILABLE, "serve_worker_died")
        self.conn.recv()
        if not self.conn.poll(seconds):
            raise CheckFailed(HTTPStatus.SERVICE_UNAVAILABLE, "serve_too_slow", seconds=f"{seconds:g}")
        status, body = self.conn.recv()
        return status, body

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def _work(conn: Connection, settings: tuple[Config, int, str]) -> None:
    """A worker's life: check a sample (so that its first real check is not slowed by
    loading), then answer each job until the server closes the pipe."""
    config, max_bytes, language = settings
    messages.set_language(language)
    server = Server(config, max_bytes)
    server.check(_SAMPLE)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return  # the server has gone
        if job is None:
            return
        try:
            conn.send(("started",))
            conn.send(answer(server, job))
        except (EOFError, OSError):
            return


def answer(server: Server, job: tuple[Any, ...]) -> tuple[int, bytes]:
    """A job's reply as the page receives it: a status and JSON bytes."""
    kind, *args = job
    try:
        if kind == "upload":
            data = server.upload(*args)
        elif kind == "check":
            data = server.check(*args)
        else:
            data = server.fix(*args)
        # An error here is hegao's own (a bug in a rule), not the draft's.
        status = HTTPStatus.INTERNAL_SERVER_ERROR if "error" in data else HTTPStatus.OK
    except InputError as exc:
        status, data = HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(exc)}
    except Exception as exc:  # MemoryError included: the worker answers and lives on
        status, data = HTTPStatus.INTERNAL_SERVER_ERROR, {"error": internal_error(exc)}
    return int(status), _json_bytes(data)


def _json_bytes(data: object) -> bytes:
    # "replace": a lone surrogate that reached a message must not cost the reply.
    return json.dumps(data, ensure_ascii=False).encode("utf-8", "replace")


def time_limit() -> float:
    """CHECK_SECONDS, or the seconds HEGAO_SERVE_TIME_LIMIT gives (a positive number)."""
    try:
        seconds = float(os.environ.get(TIME_LIMIT_VARIABLE, ""))
    except ValueError:
        return CHECK_SECONDS
    return seconds if 0 < seconds < float("inf") else CHECK_SECONDS


class Checks:
    """CHECK_WORKERS processes that check drafts: at most that many checks at once, the
    others wait for a free worker (no longer than one time limit). A worker that takes
    longer than the time limit is killed and a fresh one takes its place."""

    def __init__(self, server: Server, workers: int = CHECK_WORKERS, seconds: float | None = None) -> None:
        self.seconds = time_limit() if seconds is None else seconds
        # A fresh interpreter per worker: forking a threaded server could copy a lock
        # that another thread holds.
        self._context = multiprocessing.get_context("spawn")
        self._settings = (server.config, server.max_bytes, messages.language())
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self.workers = workers
        for _ in range(workers):
            self._idle.put(_Worker(self._context, self._settings))

    def run(self, job: tuple[Any, ...]) -> tuple[int, bytes]:
        try:
            worker = self._idle.get(timeout=self.seconds)
        except queue.Empty:
            return _failed(CheckFailed(HTTPStatus.SERVICE_UNAVAILABLE, "serve_busy"))
        try:
            return worker.run(job, self.seconds)
        except Exception as exc:  # the worker is gone or unusable: a fresh one replaces it
            worker.stop()
            worker = _Worker(self._context, self._settings)
            if isinstance(exc, CheckFailed):
                return _failed(exc)
            return _failed(CheckFailed(HTTPStatus.INTERNAL_SERVER_ERROR, "serve_worker_died"))
        finally:
            self._idle.put(worker)

    def close(self) -> None:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            worker.stop()


def _failed(exc: CheckFailed) -> tuple[int, bytes]:
    return exc.status, _json_bytes({"error": exc.said()})


# ---------------------------------------------------------------- the server


class PageServer(ThreadingHTTPServer):
    """The page's HTTP server: a thread per connection, a listen queue that holds a
    burst, checks sent to :class:`Checks`."""

    request_queue_size = LISTEN_QUEUE
    daemon_threads = True

    def __init__(self, server: Server, host: str, port: int, checks: Checks | None = None) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        self.app = server
        self.host = host
        super().__init__((host.strip("[]"), port), Handler)
        # The workers start once the address is taken: a port in use costs no process.
        self.checks = checks if checks is not None else Checks(server)
        self.bodies = threading.BoundedSemaphore(BODIES_HELD_PER_WORKER * self.checks.workers)

    @property
    def url(self) -> str:
        name = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{name}:{self.server_address[1]}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away is no error; anything else is said in one line of the
        catalogue (never a traceback in the editor's terminal)."""
        exc = sys.exc_info()[1]
        if isinstance(exc, OSError) or exc is None:
            return
        print(internal_error(exc if isinstance(exc, Exception) else RuntimeError(exc)), file=sys.stderr)

    def server_close(self) -> None:
        super().server_close()
        if hasattr(self, "checks"):
            self.checks.close()


# What the page may load: its own script and style (by nonce), nothing from elsewhere,
# and no other site may frame it.
def _page_policy(nonce: str) -> str:
    return (
        f"default-src 'self'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


_DATA_POLICY = "default-src 'none'; frame-ancestors 'none'"

# The standard library's own refusals (said in English HTML), in the catalogue.
_LIBRARY_ERRORS = {
    HTTPStatus.NOT_IMPLEMENTED: "serve_bad_method",
    HTTPStatus.REQUEST_URI_TOO_LONG: "serve_line_too_long",
    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE: "serve_headers_too_large",
    HTTPStatus.HTTP_VERSION_NOT_SUPPORTED: "serve_bad_version",
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = SOCKET_SECONDS
    # The server this handler answers for (a PageServer: Host, workers).
    server: PageServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a quiet terminal: the editor reads the page

    def _send(self, status: int, body: bytes, kind: str, policy: str = _DATA_POLICY) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", policy)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def _reply(self, status: int, body: bytes) -> None:
        self._send(status, body, "application/json; charset=utf-8")

    def _refuse(self, exc: BadRequest, *, unread: bool) -> None:
        """Answer a refusal; a body left unread closes the connection, after a
        short read of what the client is still sending (so it reads the answer)."""
        if unread:
            self.close_connection = True
        self._reply(exc.status, _json_bytes({"error": exc.said()}))
        if unread:
            self._linger()

    def _linger(self) -> None:
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(LINGER_SECONDS)
            left = LINGER_BYTES
            while left > 0 and (chunk := self.connection.recv(min(left, 65536))):
                left -= len(chunk)
        except OSError:
            pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        key = _LIBRARY_ERRORS.get(HTTPStatus(code), "serve_bad_request")
        self.close_connection = True
        self._reply(code, _json_bytes({"error": messages.text(key, method=self.command or "")}))

    def _host_refused(self) -> BadRequest | None:
        host = self.headers.get("Host")
        if host_allowed(host, self.server.host, self.server.server_address[1]):
            return None
        return BadRequest(HTTPStatus.FORBIDDEN, "serve_wrong_host", host=host or "", url=self.server.url)

    def do_GET(self) -> None:
        refused = self._host_refused()
        if refused is not None:
            self._refuse(refused, unread=False)
            return
        if urlsplit(self.path).path != "/":
            self._refuse(BadRequest(HTTPStatus.NOT_FOUND, "serve_not_found"), unread=False)
            return
        nonce = secrets.token_urlsafe(18)
        page = self.server.app.page(nonce).encode("utf-8")
        self._send(HTTPStatus.OK, page, "text/html; charset=utf-8", _page_policy(nonce))

    def do_POST(self) -> None:
        try:
            size = self._admitted()
        except BadRequest as exc:
            self._refuse(exc, unread=True)
            return
        if not self.server.bodies.acquire(timeout=self.server.checks.seconds):
            self._refuse(BadRequest(HTTPStatus.SERVICE_UNAVAILABLE, "serve_busy"), unread=True)
            return
        try:
            self._check(size)
        finally:
            self.server.bodies.release()

    def _check(self, size: int) -> None:
        try:
            body = self.rfile.read(size)
        except OSError:  # the client went silent or away: nobody to answer
            self.close_connection = True
            return
        try:
            if len(body) < size:
                raise _bad("serve_incomplete")
            url = urlsplit(self.path)
            if url.path == "/api/upload":
                name = parse_qs(url.query).get("name", ["draft.txt"])[0]
                job: tuple[Any, ...] = ("upload", name, body)
            else:
                job = job_of(url.path, body)
        except BadRequest as exc:
            self._refuse(exc, unread=False)
            return
        self._reply(*self.server.checks.run(job))

    def _admitted(self) -> int:
        """The size of a POST's body, once the request is one the server takes:
        BadRequest (with the answer) otherwise, before its body is read."""
        refused = self._host_refused()
        if refused is not None:
            raise refused
        expected = "http://" + (self.headers.get("Host") or "").strip().lower()
        came_from = self.headers.get("Origin")
        if came_from is None and self.headers.get("Referer") is not None:
            came_from = origin_of(self.headers["Referer"])
        # A browser names the page that sends a POST (Origin: null from a sandbox or a
        # file); a client that names none is no page of another site (curl, a script).
        if came_from is not None and came_from.strip().lower() != expected:
            raise BadRequest(HTTPStatus.FORBIDDEN, "serve_wrong_origin", origin=came_from)
        path = urlsplit(self.path).path
        if path not in ("/api/check", "/api/fix", "/api/upload"):
            raise BadRequest(HTTPStatus.NOT_FOUND, "serve_not_found")
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding") is not None or length is None:
            raise BadRequest(HTTPStatus.LENGTH_REQUIRED, "serve_needs_length")
        if not length.strip().isdigit():
            raise _bad("serve_bad_length")
        size = int(length)
        limit_bytes = self.server.app.max_bytes
        if size > limit_bytes:
            limit = f"{limit_bytes / 1e6:g}"
            raise BadRequest(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "too_large", size=f"{size / 1e6:.1f}", limit=limit
            )
        if path != "/api/upload" and not _is_json(self.headers.get("Content-Type")):
            raise BadRequest(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "serve_needs_json")
        return size


_LISTEN_REASONS = {
    errno.EADDRINUSE: "serve_port_in_use",
    errno.EACCES: "serve_port_forbidden",
    errno.EADDRNOTAVAIL: "serve_no_such_address",
}


def serve(config: Config, host: str, port: int, open_browser: bool) -> None:
    """Serve until interrupted; print the address first (a test reads it). An address
    that cannot be taken raises OSError whose strerror is said in the catalogue."""
    server = Server(config, config.max_bytes)
    try:
        httpd = PageServer(server, host, port)
    except socket.gaierror:
        raise OSError(errno.EADDRNOTAVAIL, messages.text("serve_unknown_host")) from None
    except OSError as exc:
        key = _LISTEN_REASONS.get(exc.errno or 0, "serve_listen_error")
        raise OSError(exc.errno, messages.text(key, number=exc.errno)) from None
    print(messages.text("serve_running", url=httpd.url), flush=True)
    if open_browser:
        import webbrowser

        threading.Timer(0.3, webbrowser.open, args=(httpd.url,)).start()
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
