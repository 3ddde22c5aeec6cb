"""Benchmarks (scripts, not tests): cold start on one file, throughput over a folder.

    python bench/bench.py [FILE] [FOLDER]

Defaults to the real seed and corpus folders beside the repository when they exist.
Prints wall times; machines differ and are noisy, so each figure is the best of N runs.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
RUNS = 5


def cold_start(path: Path) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "hegao", "check", "--format", "json", str(path)],
            capture_output=True,
            check=False,
        )
        best = min(best, time.perf_counter() - start)
    return best


def throughput(folder: Path) -> tuple[float, float, int]:
    """Best-of-N seconds to lint every .txt in ``folder`` in-process, MB of text, files."""
    from hegao.checker.document import parse_document
    from hegao.checker.engine import lint_document

    texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    lint_document(parse_document(texts[0]))  # warm up lazy imports and caches
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            lint_document(parse_document(text))
        best = min(best, time.perf_counter() - start)
    return best, megabytes, len(texts)


def main() -> None:
    one = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "seeds" / "002_6855b0146fbdf8e3.txt"
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else SHARED / "corpus" / "gov-work-reports"
    if not one.exists() or not folder.exists():
        sys.exit("usage: python bench/bench.py FILE FOLDER (default inputs not found)")
    print(
        f"cold start, one file ({one.name}, {one.stat().st_size / 1e3:.1f} kB): "
        f"{cold_start(one):.3f} s (best of {RUNS}, interpreter start included)"
    )
    seconds, mb, n = throughput(folder)
    print(f"throughput, {n} files, {mb:.2f} MB: {seconds:.2f} s = {mb / seconds:.2f} MB/s (1 core)")


if __name__ == "__main__":
    main()
