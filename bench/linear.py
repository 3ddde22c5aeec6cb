"""Linear time on hostile runs (a script, not a test): for each kind of character the
patterns read, a run of SMALL and of LARGE characters is checked through ``lint_text``
(every rule), through each stage of the document alone and through each rule alone on a
parsed document; the time ratio says how the work grows (linear ≈ LARGE/SMALL, 10× by
default; quadratic ≈ 100×).

    python bench/linear.py                  # 10 000 → 100 000 characters, every run
    python bench/linear.py --small 2000 --large 20000 digits percent
    python bench/linear.py --profile digits # cProfile of the full check of the LARGE run

A row is flagged SUPERLINEAR when its ratio exceeds FLAG × the size ratio and its LARGE
time is above NOISE seconds (a stage that takes a millisecond is not worth a ratio).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hegao.checker.lint.config import Config
from hegao.checker.lint.document import Document, parse_document
from hegao.core import lint_text
from hegao.rules import RULES
from tests.test_linear_time import LINEAR, SENTENCES

# Each run repeats its unit to the length asked for: the runs the test checks (the
# character classes the patterns use; figures in one long sentence), and more.
RUNS: dict[str, str] = {
    **LINEAR,
    **SENTENCES,
    "point": ".",
    "fullwidth-commas": "，",
    "figure-point": "1.",
    "figure-comma": "1,",
    "numeral-list": "一、",
    "grouped-figure": "1,000",
    "percent-points": "增长1.5个百分点",
    "figure-semicolon": "1；",
    "figure-colon": "1：",
    "hundred-million": "亿",
}

# The stages of a document, in pipeline order (each a cached reading of Document).
STAGES = (
    "figures_text",
    "extraction",
    "clause_quantities",
    "sentence_quantities",
    "claims",
    "dates",
    "tables",
    "table_halves",
    "simplified",
    "word_text",
)
FLAG = 1.6  # a ratio 1.6× the size ratio (16× for 10×) is not noise
NOISE = 0.05  # seconds: below this at the LARGE size a ratio means nothing


def run_text(name: str, length: int) -> str:
    unit = RUNS[name]
    return (unit * (length // len(unit) + 1))[:length]


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure(text: str) -> dict[str, float]:
    """Seconds of the full check, of segmentation, of each stage and of each rule alone."""
    times = {"lint_text": _timed(lambda: lint_text(text))}
    doc: list[Document] = []
    times["segment"] = _timed(lambda: doc.append(parse_document(text)))
    for stage in STAGES:
        times[stage] = _timed(lambda stage=stage: getattr(doc[0], stage))
    config = Config()
    for rule_class in RULES.all():
        if config.enabled(rule_class.code, rule_class.default_enabled):
            rule = rule_class(config.options.get(rule_class.code))
            times[rule_class.code] = _timed(lambda rule=rule: list(rule.check(doc[0])))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("runs", nargs="*", metavar="RUN", help=f"runs (default all): {', '.join(RUNS)}")
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true", help="profile the full check of the LARGE run")
    args = parser.parse_args()
    size_ratio = args.large / args.small
    lint_text(run_text("figure-unit", 1000))  # load the word lists and compile the patterns first
    worst = 0.0
    for name in args.runs or RUNS:
        if name not in RUNS:
            parser.error(f"unknown run {name!r}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(lint_text, run_text(name, args.large))
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
            continue
        small, large = measure(run_text(name, args.small)), measure(run_text(name, args.large))
        print(f"\n{name} ({RUNS[name]!r}): {args.small} → {args.large} characters")
        for key in large:
            ratio = large[key] / max(small[key], 1e-6)
            flag = ratio > FLAG * size_ratio and large[key] > NOISE
            if key == "lint_text":
                worst = max(worst, ratio)
            if key == "lint_text" or flag:
                mark = "  SUPERLINEAR" if flag else ""
                print(f"  {key:20} {small[key]:8.3f} s → {large[key]:8.3f} s  {ratio:6.1f}×{mark}")
    if not args.profile:
        print(f"\nworst full-check ratio: {worst:.1f}× for {size_ratio:.0f}× the length")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
