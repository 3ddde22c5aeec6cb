"""Benchmarks (scripts, not tests): start-up, throughput, growth, memory, parallel runs.

    python bench/build_corpus.py        # once: bench/out/ from ../shared
    python bench/bench.py [--quick]     # prints a Markdown table for bench/README.md

Measures, on the texts beside the repository (52 government work reports and the seed
bulletins, 3.3 MB):
  * cold start: `hegao --version` and `hegao check` of one seed bulletin, interpreter
    start included (the pre-commit case), best of RUNS;
  * throughput on one core, in-process, of the full rule set over the real files, and
    of parsing (segmentation and quantities) and each rule alone on parsed documents;
  * growth: one file of 1, 10 and 50 MB (the texts repeated), each in its own process,
    wall time and peak memory (--quick stops at 10 MB);
  * archives of 10 and 50 MB of ordinary files through the command line, one process
    and one per core: wall time and the peak memory of the largest process.
Machines are noisy: each in-process figure is the best of several runs.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
OUT = REPO / "bench" / "out"
SEED = SHARED / "seeds" / "002_6855b0146fbdf8e3.txt"
RUNS = 5

# Run in a child process: lint one file, print seconds and peak RSS (kB) as JSON.
_CHILD = """
import json, resource, sys, time
from hegao.core import lint_text
text = open(sys.argv[1], encoding="utf-8", errors="ignore").read()
start = time.perf_counter()
findings = lint_text(text)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "findings": len(findings)}))
"""

# Run a command and report the peak RSS of its largest process (a worker or the main one).
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def _hegao(*args: str) -> list[str]:
    return [sys.executable, "-m", "hegao", *args]


def best_wall(command: list[str], runs: int = RUNS) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def real_texts() -> list[str]:
    folders = [SHARED / "corpus" / "gov-work-reports", SHARED / "seeds"]
    return [p.read_text("utf-8") for f in folders for p in sorted(f.glob("*.txt"))]


def _best(function, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


def throughput(texts: list[str]) -> tuple[float, float, list[tuple[str, float]]]:
    """MB, seconds for the full rule set, and seconds of parsing and of each rule alone."""
    from hegao.checker.lint.document import parse_document
    from hegao.checker.lint.engine import lint_document
    from hegao.rules import RULES

    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    lint_document(parse_document(texts[0]), RULES)  # lazy imports and caches
    full = _best(lambda: [lint_document(parse_document(t), RULES) for t in texts])

    def parsed() -> list:  # type: ignore[type-arg]
        docs = [parse_document(t) for t in texts]
        for doc in docs:
            doc.extraction  # noqa: B018 - extraction is lazy
        return docs

    parse = _best(parsed)
    parts = [("parse + quantities", parse)]
    for rule_class in RULES.all():
        rule = rule_class(None)
        best = float("inf")
        for _ in range(3):
            docs = parsed()  # fresh documents: a rule pays for the analyses it shares
            start = time.process_time()
            for doc in docs:
                list(rule.check(doc))
            best = min(best, time.process_time() - start)
        parts.append((rule_class.code, best))
    return megabytes, full, parts


def paragraph_growth(texts: list[str], small: int = 100_000) -> list[tuple[str, float, float]]:
    """Each stage on one paragraph of ``small`` characters and of ten times as many (the
    real texts with their line breaks removed): a rule quadratic in the paragraphs,
    clauses or quantities of a paragraph shows a ratio far above 10."""
    from hegao.checker.lint.document import parse_document
    from hegao.rules import RULES

    line = "".join(t.replace("\n", "") for t in texts)
    rows = []
    timings: dict[str, list[float]] = {}
    for size in (small, small * 10):
        text = line[-size:]

        def parsed(text: str = text):  # type: ignore[no-untyped-def]
            doc = parse_document(text)
            doc.extraction  # noqa: B018 - extraction is lazy
            return doc

        timings.setdefault("parse + quantities", []).append(_best(parsed, 1))
        for rule_class in RULES.all():
            doc = parsed()
            start = time.process_time()
            list(rule_class(None).check(doc))
            timings.setdefault(rule_class.code, []).append(time.process_time() - start)
    for name, (a, b) in timings.items():
        rows.append((name, a, b))
    return rows


def child(path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def measured(command: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {cores} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    quick = "--quick" in sys.argv
    if not SEED.exists():
        sys.exit("the real texts in ../shared are needed (and python bench/build_corpus.py)")
    print(f"Machine: {machine()}\n")
    print("| Measure | Result | Target |\n| --- | --- | --- |")
    version = best_wall(_hegao("--version"))
    print(f"| cold start, `hegao --version` | {version:.3f} s | |")
    one = best_wall(_hegao("check", str(SEED)))
    size_kb = SEED.stat().st_size / 1e3
    print(f"| cold start, `hegao check` one seed bulletin ({size_kb:.0f} kB) | {one:.3f} s | ≤ 0.3 s |")

    texts = real_texts()
    megabytes, full, parts = throughput(texts)
    print(
        f"| throughput, full rule set, {len(texts)} real files ({megabytes:.2f} MB), one core "
        f"| {megabytes / full:.2f} MB/s | ≥ 2 MB/s |"
    )

    sizes = (1, 10) if quick else (1, 10, 50)
    growth = {}
    for mb in sizes:
        path = OUT / f"corpus-{mb}mb.txt"
        if not path.exists():
            sys.exit("run python bench/build_corpus.py first")
        growth[mb] = child(path)
        row = growth[mb]
        print(
            f"| one {mb} MB file (texts repeated): time, peak memory | {row['seconds']:.2f} s "
            f"({mb / row['seconds']:.2f} MB/s), {row['rss_kb'] / 1024:.0f} MB | |"
        )
    if 10 in growth:
        ratio = growth[10]["seconds"] / growth[1]["seconds"]
        print(f"| growth, 1 → 10 MB (10× input) | {ratio:.1f}× time | ≤ 11× |")
    if 50 in growth:
        ratio = growth[50]["seconds"] / growth[10]["seconds"]
        print(f"| growth, 10 → 50 MB (5× input) | {ratio:.1f}× time | ≤ 5.5× |")

    archives = (10,) if quick else (10, 50)
    jobs = str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count())
    for mb in archives:
        folder = OUT / f"archive-{mb}mb"
        n = len(list(folder.glob("*.txt")))
        for j in ("1", jobs):
            row = measured(_hegao("check", "--format", "json", "-j", j, str(folder)))
            print(
                f"| archive of {n} files, {mb} MB, `-j {j}`: time, peak memory of a process "
                f"| {row['seconds']:.1f} s ({mb / row['seconds']:.2f} MB/s), {row['rss_kb'] / 1024:.0f} MB "
                f"| memory flat in archive size |"
            )

    print("\nOne core, in-process, on the real files: parsing, then each rule alone on parsed")
    print("documents (a rule's time includes the analyses it shares with others, so the rows")
    print("add up to more than the full run).\n")
    growth_rows = {name: (a, b) for name, a, b in paragraph_growth(texts)}
    print("| Stage | Seconds | MB/s | One paragraph, 0.1 → 1 M characters |\n| --- | --- | --- | --- |")
    print(f"| full rule set | {full:.2f} | {megabytes / full:.2f} | |")
    for name, seconds in parts:
        rate = f"{megabytes / seconds:.1f}" if seconds > 0 else "–"
        a, b = growth_rows[name]
        ratio = f"{b:.3f} s ({b / a:.0f}×)" if a >= 0.005 else f"{b:.3f} s"
        print(f"| {name} | {seconds:.3f} | {rate} | {ratio} |")


if __name__ == "__main__":
    main()
