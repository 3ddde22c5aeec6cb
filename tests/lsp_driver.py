"""A small JSON-RPC driver for a language server over a real stdio pipe (tests, bench)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

# The units of a long made-up bulletin: places, departments, figures that vary from one
# paragraph to the next (no paragraph repeats another, none has a finding of its own).
_PLACES = ("城东", "城西", "城南", "城北", "河口", "新港", "青山", "白沙", "东湖", "西岭", "南桥", "北塘")
_UNITS = ("派出所", "交警大队", "刑侦大队", "治安大队", "巡特警大队", "禁毒大队")


# Two errors to plant in a long bulletin: a total that is not the sum of its parts
# (SUM001) and a doubled word (DUP003), on two lines.
PLANTED = "王某被骗32650.5元，又被骗48000元，共计被骗80650.5万元。\n全县民警民警开展夜间巡逻。\n\n"


def planted(size: int) -> tuple[str, int]:
    """A long bulletin of about ``size`` bytes with PLANTED in its middle; the line of
    its first error (0-based)."""
    text = long_bulletin(size)
    cut = text.index("\n\n", len(text) // 2) + 2
    return text[:cut] + PLANTED + text[cut:], text.count("\n", 0, cut)


def long_bulletin(size: int) -> str:
    """A made-up bulletin of about ``size`` bytes (UTF-8) without a finding: numbered
    paragraphs, each with a total of two parts that adds up."""
    out, total, i = [], 0, 0
    while total < size:
        place, unit = _PLACES[i % len(_PLACES)], _UNITS[(i // len(_PLACES)) % len(_UNITS)]
        day, night = 30 + i % 70, 12 + i % 40
        paragraph = (
            f"第{i + 1}期：{place}{unit}在第{i + 1}轮工作中共出动警力{day + night}人次，其中白天{day}人次，"
            f"夜间{night}人次，检查重点场所{100 + i % 400}处，整改隐患{10 + i % 90}条，"
            f"编号为{i + 1}号的工作台账已归档。\n\n"
        )
        out.append(paragraph)
        total += len(paragraph.encode("utf-8"))
        i += 1
    return "".join(out)


class Client:
    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "HEGAO_LANG": "zh", "PYTHONIOENCODING": "utf-8"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hegao", "server"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self.next_id = 0
        self.notifications: list[dict[str, Any]] = []

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == self.next_id and "method" not in message:
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result")
            if "method" in message and "id" in message:  # a request from the server
                self.send({"id": message["id"], "result": None})
            elif "method" in message:
                self.notifications.append(message)

    def open_document(self, uri: str, text: str, language: str = "markdown") -> str:
        """Open ``text`` at ``uri`` as an editor does (version 1); the URI."""
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}},
        )
        return uri

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 30) -> list[dict[str, Any]]:
        """The next diagnostics published for ``uri`` (for ``version`` when given)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while self.notifications:
                message = self.notifications.pop(0)
                params = message.get("params", {})
                wanted = version is None or params.get("version") == version
                if message["method"] == "textDocument/publishDiagnostics" and params["uri"] == uri and wanted:
                    return params["diagnostics"]
            message = self.read()
            if "method" in message and "id" in message:
                self.send({"id": message["id"], "result": None})
            elif "method" in message:
                self.notifications.append(message)
        raise TimeoutError(f"no diagnostics for {uri}")

    def start(self, root: Path, options: dict[str, Any] | None = None) -> None:
        """Initialize the server (with ``options``: its initializationOptions)."""
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": {},
                "workspaceFolders": None,
                "initializationOptions": options,
            },
        )
        self.notify("initialized", {})

    def stop(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
