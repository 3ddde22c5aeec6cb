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
    # Labels and their items: each label reads its list once, not the run back to its start.
    "quoted-labels": "有甲、有乙的“两有”",
    "counted-points": "三个方面：一是",
}
# Figures in one sentence without a full stop: each figure's reading (its clause, its
# sentence, its period, a share, a rate, a growth) looks back over the sentence. Checked
# at a tenth of the length above (each costs about a second at 100 000 characters).
SENTENCES = {
    "figure-percent": "1%",
    "share": "占12%",
    "clause-figures": "全年抓获嫌疑人12人，",
    "period-figures": "2021年1人",
    "rate-figures": "立案12起破获9起破案率为75%",
    "breakdown-clauses": "共12人，其中6人、",
    "growth-clauses": "今年破获52起，比上年增加4起，增长8.3%，",
    "scope-clauses": "全市共办理案件12件；",
}


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


@pytest.mark.parametrize("unit", SENTENCES.values(), ids=SENTENCES.keys())
def test_figures_of_one_long_sentence_check_in_linear_time(unit: str) -> None:
    assert _growth(unit, SMALL // 10, LARGE // 10) < GROWTH * LARGE / SMALL
