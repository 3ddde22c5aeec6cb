"""Conformance with the peer ITN suites (../shared/peer-tests/itn-numbers.jsonl).

For each cardinal, decimal, money and fraction case, the quantity hegao extracts from
``input`` must have the value written in ``expected``. Cases hegao deliberately reads
differently are listed in EXCLUDED with the reason; nothing is dropped silently.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from fractions import Fraction

import pytest

from hegao.checker.figures.quantities import Kind, extract_from_text

from .conftest import PEER_TESTS, require

CATEGORIES = ("cardinal", "decimal", "money", "fraction")
PHONE = "digit-by-digit strings are phone numbers or ids, never a claim: not extracted"
EXCLUDED = {
    "这是手机一八五四四一三九一二一": PHONE,
    "给一三三四五三一二二二一打电话": PHONE,
    "给一三三四五三一二二二一拨电话": PHONE,
    "一二三四": PHONE,
    "二二三四": PHONE,
    "尾号一二三四": PHONE,
    "一千五万元": "spoken 一千五 is 1500 in writing (1500万), the peer reads 1005万",
    "一億零一萬一千一百一": "一百一 is colloquial 110 (cn2an reads it so); the peer reads 101",
}
SCALE = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}


def _number(text: str, scale: str = "") -> Fraction:
    return Fraction(Decimal(text.replace(",", ""))) * SCALE.get(scale, 1)


def expected_value(expected: str) -> tuple[Fraction, Fraction | None]:
    """(low, high) of a peer's written form: 1,000 · 1.5万 · 3又1/5 · 30~40万 · 15-6 · 730-40."""
    e = re.sub(r"^(?:US\$|JPY¥|¥|€|£|₩|₹|₽|\$|CNY|TWD|RM)", "", expected)
    if m := re.fullmatch(r"(\d+)又(\d+)/(\d+)", e):
        return Fraction(int(m[1])) + Fraction(int(m[2]), int(m[3])), None
    if m := re.fullmatch(r"(\d+)/(\d+)", e):
        return Fraction(int(m[1]), int(m[2])), None
    if m := re.fullmatch(r"([\d,]+)([万萬亿億]?)~([\d,]+)([万萬亿億]?)", e):
        return _number(m[1], m[2] or m[4]), _number(m[3], m[4])
    if m := re.fullmatch(r"(\d+)-(\d+)([万萬亿億]?)", e):
        # 15-6 = 15..16, 730-40 = 730..740, 16000-7000 = 16000..17000
        low, tail = m[1], m[2]
        high = low[: len(low) - len(tail)] + tail
        return _number(low, m[3]), _number(high, m[3])
    if m := re.fullmatch(r"(-?[\d,]+(?:\.\d+)?)([万萬亿億]?)", e):
        return _number(m[1], m[2]), None
    raise ValueError(f"unparsed expected form {expected!r}")


def load_cases() -> list[dict]:
    path = require(PEER_TESTS / "itn-numbers.jsonl")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["category"] in CATEGORIES]


def agrees(case: dict) -> bool:
    quantities = extract_from_text(case["input"]).quantities
    if len(quantities) != 1:
        return False
    q = quantities[0]
    low, high = expected_value(case["expected"])
    if q.kind is Kind.FRACTION:
        return q.denominator is not None and Fraction(q.value).limit_denominator(q.denominator) == low
    got_high = None if q.base_high is None else Fraction(q.base_high)
    return Fraction(q.base) == low and got_high == high


def test_peer_number_conformance() -> None:
    cases = load_cases()
    failures = [c["input"] for c in cases if c["input"] not in EXCLUDED and not agrees(c)]
    assert failures == []
    checked = [c for c in cases if c["input"] not in EXCLUDED]
    assert len(checked) / len(cases) >= 0.95


def test_every_exclusion_is_a_real_case_that_still_disagrees() -> None:
    cases = {c["input"]: c for c in load_cases()}
    for text in EXCLUDED:
        assert text in cases, f"stale exclusion {text!r}"
        assert not agrees(cases[text]), f"{text!r} agrees now: remove it from EXCLUDED"


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_is_exercised(category: str) -> None:
    assert any(c["category"] == category for c in load_cases())
