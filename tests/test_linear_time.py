"""Checking a run of one kind of character takes time linear in its length.

A pattern that backtracks over a run, or a reading that goes back over its sentence for
each figure in it, is quadratic: a pasted line of digits froze the language server. Each
run below is checked at SMALL and at LARGE characters (the best of REPEATS, the machine
being shared) and the time may grow at most GROWTH times the length: linear work grows
10×, quadratic work 100×. The slow measures, stage by stage, are in bench/linear.py.
"""

from __future__ import annotations

import time

import pytest

from hegao.core import lint_text

SMALL = 10_000
LARGE = 100_000
GROWTH = 2.5  # 25× for 10× the length: noise on a shared machine passes, n² does not
REPEATS = 2
# Seconds: a run checked faster than this at SMALL is timed as this (a few milliseconds
# are noise); a quadratic check slow enough to matter is far above it.
SMALL_FLOOR = 0.005

# The character classes the patterns read (bench/linear.py has more, with figures).
LINEAR = {
    "digits": "1",
    "fullwidth-digits": "１",
    "chinese-numerals": "一二三四五六七八九十百千万亿",
    "one-numeral": "一",
    "enumeration-comma": "、",
    "percent": "%",
    "fullwidth-point": "．",
    "spaces": " ",
    "fullwidth-spaces": "\u3000",
    "commas": ",",
    "han-text": "今年全市经济运行总体平稳发展质量稳步提升",
    "year": "2021年",
    "year-list": "2021、",
    "figure-unit": "12人",
}
# Left to do: a run of 1% (one sentence of 50 000 percentages and no comma) still reads
# each percentage's clause from its start (claims.ratios, FIG001): 197 s at 100 000.


def _run(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def _best_time(text: str) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        lint_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def _growth(unit: str, small: int, large: int) -> float:
    # A floor for the small time: a run that takes a millisecond has a ratio of noise.
    return _best_time(_run(unit, large)) / max(_best_time(_run(unit, small)), SMALL_FLOOR)


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    lint_text("今年以来共抓获12人，2021年破案率为95%。")  # word lists and patterns loaded first


@pytest.mark.parametrize("unit", LINEAR.values(), ids=LINEAR.keys())
def test_a_run_checks_in_linear_time(unit: str) -> None:
    assert _growth(unit, SMALL, LARGE) < GROWTH * LARGE / SMALL
