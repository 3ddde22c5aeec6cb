"""``hegao serve``: a local web page for editors who never open a terminal.

The page (hegao/app/web/index.html) takes a pasted draft or a dropped .txt/.md/.docx
file, shows the text with every finding highlighted and explained, applies fixes one by
one or all safe fixes at once, and downloads the fixed text. It is served by the
standard library's threading HTTP server, bound to 127.0.0.1 unless told otherwise:
one editor on their own machine needs no web framework, and hegao gains no dependency.

Every draft is checked as ``hegao check`` checks it (hegao/app/entry.py): a dropped
.docx keeps the places of its lines, so its tables are checked and its findings are
located by paragraph and cell; the page sends those places back with the text.

Nothing is ever written to the user's files: uploads are read in memory (a .docx
through a temporary copy that is deleted at once). Rules, severities and options come
from the hegao.toml of the folder the server was started in.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlparse

from hegao import __version__, messages
from hegao.app.entry import check_text, decode_draft
from hegao.app.html import CSS, finding_marks, highlighted, word_body
from hegao.app.results import Places
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
    "serve_check",
    "serve_open",
    "serve_drop",
    "serve_fix_all",
    "serve_download",
    "serve_apply",
    "serve_checking",
    "serve_clean",
    "serve_failed",
)


@dataclass
class Server:
    config: Config
    max_bytes: int

    def check(self, text: str, places: Places | None = None) -> dict[str, Any]:
        """The draft checked as ``hegao check`` checks it (a Word document with the
        places of its lines), as the page shows it."""
        result = check_text("draft", text, self.config, places)
        if result.error is not None:
            return {"error": result.error}
        findings = result.findings
        english = messages.language() == "en"
        titles = {r.code: r.name if english else r.title for r in RULES.all()}
        items = []
        for i, f in enumerate(findings):
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
        marks = finding_marks(findings, "")
        return {
            "text": text,
            # A Word document is shown as it was written: paragraphs, and tables as tables.
            "html": word_body(text, places, marks) if places else highlighted(text, 0, len(text), marks),
            "findings": items,
            "safe_fixes": safe,
            "summary": summary,
            "places": places,
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

    def page(self) -> str:
        template = resources.files("hegao.app").joinpath("web/index.html").read_text("utf-8")
        words = {key: messages.text(key) for key in _PAGE_WORDS}
        return (
            template.replace("/*CSS*/", CSS)
            .replace("__LANG__", "en" if messages.language() == "en" else "zh-CN")
            .replace("__TITLE__", escape(words["serve_title"]))
            .replace("__VERSION__", __version__)
            .replace("__WORDS__", json.dumps(words, ensure_ascii=False).replace("</", "<\\/"))
            .replace("__LIMIT__", str(self.max_bytes))
        )


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


def make_handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # a quiet terminal: the editor reads the page

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, data: object) -> None:
            self._send(
                status,
                json.dumps(data, ensure_ascii=False).encode("utf-8"),
                "application/json; charset=utf-8",
            )

        def _error(self, status: int, message: str) -> None:
            self._json(status, {"error": message})

        def _checked(self, data: dict[str, Any]) -> None:
            # An error here is hegao's own (a bug in a rule), not the draft's.
            self._json(HTTPStatus.INTERNAL_SERVER_ERROR if "error" in data else HTTPStatus.OK, data)

        def do_GET(self) -> None:
            if urlparse(self.path).path != "/":
                self._error(HTTPStatus.NOT_FOUND, messages.text("serve_not_found"))
                return
            self._send(HTTPStatus.OK, server.page().encode("utf-8"), "text/html; charset=utf-8")

        def do_POST(self) -> None:
            url = urlparse(self.path)
            try:
                size = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                size = -1
            if size < 0 or size > server.max_bytes:
                self.close_connection = True  # the body is not read
                limit = f"{server.max_bytes / 1e6:g}"
                self._error(
                    HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                    messages.text("too_large", size=f"{max(size, 0) / 1e6:.1f}", limit=limit),
                )
                return
            body = self.rfile.read(size)
            try:
                if url.path == "/api/upload":
                    name = parse_qs(url.query).get("name", ["draft.txt"])[0]
                    draft = decode_draft(name, body)
                    self._checked({**server.check(draft.text, draft.places), "name": name})
                    return
                data = json.loads(body.decode("utf-8") or "{}")
                text = str(data.get("text", ""))
                # The places of an uploaded Word document come back with its text.
                places = fitting(data.get("places"), text)
                if url.path == "/api/check":
                    self._checked(server.check(text, places))
                elif url.path == "/api/fix":
                    index = data.get("index")
                    start = data.get("start")
                    unsafe = bool(data.get("unsafe", False))
                    self._checked(server.fix(text, places, index, start, unsafe))
                else:
                    self._error(HTTPStatus.NOT_FOUND, messages.text("serve_not_found"))
            except InputError as exc:
                self._error(HTTPStatus.UNPROCESSABLE_ENTITY, str(exc))
            except (ValueError, UnicodeDecodeError):
                self._error(HTTPStatus.BAD_REQUEST, messages.text("serve_bad_request"))

    return Handler


def serve(config: Config, host: str, port: int, open_browser: bool) -> None:
    """Serve until interrupted; print the address first (a test reads it)."""
    server = Server(config, config.max_bytes)
    httpd = ThreadingHTTPServer((host, port), make_handler(server))
    httpd.daemon_threads = True
    url = f"http://{host}:{httpd.server_address[1]}/"
    print(messages.text("serve_running", url=url), flush=True)
    if open_browser:
        import webbrowser

        threading.Timer(0.3, webbrowser.open, args=(url,)).start()
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
