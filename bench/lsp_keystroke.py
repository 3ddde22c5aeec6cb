"""How fast the language server re-checks after one keystroke (a benchmark, not a test).

    python bench/lsp_keystroke.py [draft] [--times 30]

Starts ``hegao server`` over a real stdio pipe, opens a typical bulletin (the first
seed in ../shared/seeds when present, else examples/draft-bulletin.md), then types one
character at a time: each change is sent as the editor sends it, and the time until the
diagnostics for that version arrive is measured. The server waits DEBOUNCE seconds for
the typing to pause before it checks; the re-check itself is the rest.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hegao.app.lsp import DEBOUNCE  # noqa: E402
from tests.lsp_driver import Client  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("draft", nargs="?")
    parser.add_argument("--times", type=int, default=30)
    args = parser.parse_args()
    seeds = sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))
    draft = Path(args.draft) if args.draft else seeds[0] if seeds else REPO / "examples" / "draft-bulletin.md"
    text = draft.read_text("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("draft" + draft.suffix)
        path.write_text(text, "utf-8")
        uri = path.as_uri()
        client = Client(Path(folder))
        client.start(Path(folder))
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
        )
        client.diagnostics(uri)
        times = []
        middle = len(text) // 2
        for version in range(2, args.times + 2):
            text = text[:middle] + "的" + text[middle:]
            started = time.perf_counter()
            client.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
            )
            client.diagnostics(uri, version=version)
            times.append(time.perf_counter() - started)
        client.stop()
    total = statistics.median(times)
    print(f"draft: {draft.name} ({len(text.encode('utf-8')) / 1000:.1f} kB), {args.times} keystrokes")
    pause = DEBOUNCE * 1000
    print(f"keystroke to diagnostics, median: {total * 1000:.0f} ms (with the {pause:.0f} ms pause)")
    slowest = (max(times) - DEBOUNCE) * 1000
    print(f"re-check, median: {(total - DEBOUNCE) * 1000:.0f} ms; slowest: {slowest:.0f} ms")


if __name__ == "__main__":
    main()
