"""What the percentage rules share: the percentages of each clause, what a percentage is
(a share, a change, a rate that may exceed 100%) and a value rounded like a stated figure."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from enum import StrEnum
from functools import cache

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.datafiles import data_lines
from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.lint.document import Document
from hegao.checker.text.segments import Clause

HUNDRED = Decimal(100)


def percentages(doc: Document) -> Iterator[tuple[Clause, Quantity]]:
    """Every percentage (%, not ‰ or points) with the clause it stands in."""
    for clause, quantities in zip(doc.clauses, doc.clause_quantities, strict=True):
        for q in quantities:
            if q.kind is Kind.PERCENT and q.unit == "%":
                yield clause, q


def round_like(value: Decimal, stated: Quantity) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-max(stated.decimals, 1))):f}"


class Reading(StrEnum):
    """What the term nearest before a percentage says it is."""

    SHARE = "share"  # a part of a whole: cannot exceed 100%
    MAY_EXCEED = "may-exceed"  # a rate or a comparison that can exceed 100%
    WARN = "warn"  # exceeds 100% only in special cases (破案率 with old cases solved)
    RISE = "rise"  # a change upwards: 增长, 上升, 增
    FALL = "fall"  # a change downwards: 下降, 减少, 减


@cache
def percentage_term_readings() -> dict[str, Reading]:
    """What each term says a percentage is: the terms of shares, rates and comparisons
    (hegao/rules/data/rate_terms.txt) and the change verbs of the vocabulary, which say
    which way the figure changed. Not vocabulary.rate_terms(), which says what a named
    rate divides by what (破案率 = 破获 / 立案)."""
    table = {
        term: Reading(kind)
        for term, kind in (line.split("\t") for line in data_lines("hegao.rules", "rate_terms.txt"))
    }
    for name, reading in (
        ("increase", Reading.RISE),
        ("increase_terse", Reading.RISE),
        ("decrease", Reading.FALL),
        ("decrease_terse", Reading.FALL),
    ):
        table |= dict.fromkeys(vocab.words(name), reading)
    return table


@cache
def _term_pattern() -> regex.Pattern[str]:
    return regex.compile(
        "|".join(map(regex.escape, sorted(percentage_term_readings(), key=len, reverse=True)))
    )


# 比重上升到51.6%: a change verb followed by 到 leads to a level, it does not say what the
# percentage is.
_TO_LEVEL = regex.compile(r"到|至")


def percentage_term(before: str) -> tuple[regex.Match[str], Reading] | None:
    """The term nearest before a percentage (``before`` is its clause up to it, the match
    is in it) and what it says the percentage is: the one classifier of shares, changes
    and rates the percentage rules ask. 占年度计划投资的109.7% is a plan's completion, not
    a share."""
    found = [m for m in _term_pattern().finditer(before) if not _TO_LEVEL.match(before, m.end())]
    if not found:
        return None
    m = found[-1]
    reading = percentage_term_readings()[m.group()]
    if (
        reading is Reading.SHARE
        and m.group().startswith("占")
        and vocab.pattern("plan").search(before, m.end())
    ):
        reading = Reading.MAY_EXCEED
    return m, reading
