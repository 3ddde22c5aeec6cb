"""The web page under load (a benchmark, not a test).

    python bench/serve_load.py [--burst 200] [--megabytes 15] [--time-limit SECONDS]

Starts ``hegao serve`` as an editor does, then:

1. sends BURST requests at once, each on its own connection (a tiny draft checked):
   how many were reset or refused, and the latency of the answers (p50, p99, max);
2. posts a long draft (examples/draft-bulletin.md repeated to MEGABYTES MB) and, while
   it is checked, a tiny draft every half second: the long draft's status, time and
   reply size, the tiny drafts' latencies, and the peak memory of the server and its
   workers (the sum of their resident sizes, sampled every 50 ms).

``--time-limit`` sets HEGAO_SERVE_TIME_LIMIT for the server (the default is the
server's own, CHECK_SECONDS), to see the whole check of a draft that needs longer.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.test_serve import DRAFT, served  # noqa: E402

TINY = json.dumps({"text": DRAFT}).encode()


def post(url: str, body: bytes, timeout: float = 600) -> tuple[int, int, float]:
    """Status, reply size and seconds of one check on a connection of its own."""
    parts = urlsplit(url)
    started = time.monotonic()
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout)
    try:
        conn.request("POST", "/api/check", body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        size = len(response.read())
        return response.status, size, time.monotonic() - started
    finally:
        conn.close()


def burst(url: str, count: int) -> None:
    latencies: list[float] = []
    statuses: list[int] = []
    failures: list[str] = []
    ready = threading.Barrier(count)

    def one() -> None:
        try:
            ready.wait()
            status, _, seconds = post(url, TINY)
            statuses.append(status)
            latencies.append(seconds)
        except OSError as exc:
            failures.append(type(exc).__name__)

    started = time.monotonic()
    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    latencies.sort()
    ok = statuses.count(200)
    other = len(statuses) - ok
    print(f"burst of {count}: {ok} answered 200, {other} other, {len(failures)} failed {failures[:5]}")
    if latencies:
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        print(
            f"  latency p50 {statistics.median(latencies):.2f} s, p99 {p99:.2f} s, max {latencies[-1]:.2f} s;"
            f" all answered in {wall:.2f} s"
        )


def family(pid: int) -> list[int]:
    """``pid`` and its descendants (the workers)."""
    out = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                out += family(int(child))
    except OSError:
        pass
    return out


def resident(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def long_draft(url: str, server_pid: int, megabytes: float) -> None:
    text = (REPO / "examples" / "draft-bulletin.md").read_text("utf-8")
    draft = text * int(megabytes * 1e6 / len(text.encode()) + 1)
    draft = draft[: int(len(draft) * megabytes * 1e6 / len(draft.encode()))]
    body = json.dumps({"text": draft}, ensure_ascii=False).encode()
    print(f"long draft: {len(draft.encode()) / 1e6:.1f} MB of text, {len(body) / 1e6:.1f} MB of JSON")
    done = threading.Event()
    peak = [0]

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], sum(resident(p) for p in family(server_pid)))
            time.sleep(0.05)

    result: list[tuple[int, int, float]] = []

    def big() -> None:
        result.append(post(url, body))
        done.set()

    idle = sum(resident(p) for p in family(server_pid))
    threading.Thread(target=sample, daemon=True).start()
    threading.Thread(target=big, daemon=True).start()
    tiny: list[float] = []
    time.sleep(1.0)  # the long draft is sent and its check under way
    while not done.is_set():
        status, _, seconds = post(url, TINY)
        tiny.append(seconds if status == 200 else float("inf"))
        done.wait(0.5)
    status, size, seconds = result[0]
    print(f"  long draft: status {status}, {seconds:.1f} s, reply {size / 1e6:.1f} MB")
    print(f"  peak memory of the server and its workers: {peak[0] / 1e6:.0f} MB (idle {idle / 1e6:.0f} MB)")
    if tiny:
        print(
            f"  {len(tiny)} tiny drafts meanwhile: median {statistics.median(tiny):.2f} s,"
            f" max {max(tiny):.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--megabytes", type=float, default=15)
    parser.add_argument("--time-limit", type=float)
    args = parser.parse_args()
    if args.time_limit:
        os.environ["HEGAO_SERVE_TIME_LIMIT"] = str(args.time_limit)
    with tempfile.TemporaryDirectory() as folder, served(Path(folder)) as url:
        post(url, TINY)  # the workers have started
        burst(url, args.burst)
        server_pid = next(int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _is_server(p))
        long_draft(url, server_pid, args.megabytes)


def _is_server(proc: Path) -> bool:
    """Whether ``proc`` is the hegao serve this script started (a child of this one)."""
    try:
        command = (proc / "cmdline").read_bytes().split(b"\0")
        parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return False
    return parent == os.getpid() and b"serve" in command


if __name__ == "__main__":
    main()
