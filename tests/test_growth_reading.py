"""Changes stated by their levels, without a rate: from and to (由A增加至B), or the later
level and its increment (B，较上年提高D). They are read as growths with no rate, which no
rule recomputes; they relate the figures for ``hegao claims``."""

from __future__ import annotations

import pytest

from hegao.checker.lint.document import parse_document


def _growths(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    def said(q: object) -> str | None:
        return getattr(q, "text", None)

    growths = parse_document(text).claims.growths
    return [(said(g.rate), said(g.before), said(g.after), said(g.increment)) for g in growths]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全县门店总数由去年年底的320家增加至今年6月底的365家。", (None, "320家", "365家", None)),
        ("活动场次从每月12场增加到18场。", (None, "12场", "18场", None)),
        ("办事材料由15份减至4份。", (None, "15份", "4份", None)),
        ("绿化覆盖率从十年前的30.5%提高到现在的41.2%。", (None, "30.5%", "41.2%", None)),
        ("城镇就业人员占比达到61.4%，比上年提高了1.2个百分点。", (None, None, "61.4%", "1.2个百分点")),
        ("全市存款余额为5260亿元，比年初增加310亿元。", (None, None, "5260亿元", "310亿元")),
    ],
)
def test_a_change_by_its_levels(text: str, expected: tuple[str | None, ...]) -> None:
    assert _growths(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "抓获嫌疑人12人，从中查获赃款8万元。",  # 从 opens no earlier level of the same measure
        "从1月到3月，共接报警情240起。",  # a span of months, not a change
        "新增贷款240亿元，同比少增35亿元。",  # a change of a change
        "今年破获案件120起，比上年增长8%。",  # a rate alone: one figure of the change
        "占比为61.4%，比上年提高1.2%。",  # a rate of a percentage, not percentage points
    ],
)
def test_no_change_is_read_where_two_of_its_figures_are_not_stated(text: str) -> None:
    assert [g for g in _growths(text) if g[0] is None] == []
