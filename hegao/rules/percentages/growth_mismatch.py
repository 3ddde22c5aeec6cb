"""PCT004 growth-mismatch: a growth rate that disagrees with the two levels or the
increment stated with it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from hegao.checker.claims import Growth, interval, percent_agrees
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related
from hegao.rules.percentages.shared import HUNDRED, round_like


class GrowthMismatch(Rule):
    """A growth rate that disagrees with the two levels or the increment stated with it.

    What it does:
        Recomputes a change rate from the figures the claim layer relates it to: two
        levels (从48000下降到39600，下降了17.5%; 由上年的A增加至B，增长x%; 今年B，去年同期A，
        同比上升x%) or a level and its increment (今年B，比上年增加D，增长x% — the rate is
        D ÷ (B − D)). Every figure is taken with its printed precision. Growth stated at
        comparable prices or in real terms (可比价, 实际增长, 扣除价格因素) is not
        recomputed from nominal levels.

    Why it matters:
        A growth rate is the figure headlines quote; when it does not follow from the
        levels printed beside it, one of the three figures is wrong.

    概述:
        增减幅度与一同给出的两个数值或增减量不符。

    说明:
        按断言层找到的关系重新计算增减幅度：两个数值（从48000下降到39600，下降了17.
        5%；由上年的A增加至B，增长x%；今年B，去年同期A，同比上升x%），或一个数值及其增
        减量（今年B，比上年增加D，增长x%——幅度为 D ÷ (B − D)）。每个数字都按印
        出的精度计算。按可比价或实际增长（可比价、实际增长、扣除价格因素）的幅度不用名义数值重新
        计算。

    原因:
        增减幅度是标题最常引用的数字；它与旁边印出的数值对不上时，三个数中必有一个是错的。

    Example:
        全市盗窃案件从480起下降到396起，下降了21.2%。

    Instead:
        全市盗窃案件从480起下降到396起，下降了17.5%。
    """

    code = "PCT004"
    title = "增减幅度与数据不符"
    name = "growth-mismatch"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "after": (
            "本期：{text}",
            "this period: {text}",
        ),
        "increment": (
            "增减量：{text}",
            "the change: {text}",
        ),
        "before": (
            "基期：{text}",
            "base period: {text}",
        ),
        "main": (
            "增减幅度不符：{shown} = {computed}%，文中写作{verb}{text}",
            "the rate of change does not follow: {shown} = {computed}%, the text says {verb}{text}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for growth in doc.claims.growths:
            finding = self._compare(growth)
            if finding is not None:
                yield finding

    def _compare(self, g: Growth) -> Finding | None:
        if g.after is None or g.rate is None:  # no rate to compute
            return None
        a_lo, a_hi = interval(g.after)
        if g.increment is not None:
            i_lo, i_hi = interval(g.increment)
            sign = -1 if g.falling else 1
            # before = after − increment (rising) or after + increment (falling)
            b_lo, b_hi = a_lo - sign * i_hi, a_hi - sign * i_lo
            if b_lo > b_hi:
                b_lo, b_hi = b_hi, b_lo
            exact_before = g.after.base - sign * g.increment.base
            shown = f"{g.increment.text} ÷ ({g.after.text} {'−' if sign > 0 else '+'} {g.increment.text})"
            related = (
                Related(g.after.span, self.say("after", text=g.after.text)),
                Related(g.increment.span, self.say("increment", text=g.increment.text)),
            )
        else:
            assert g.before is not None
            b_lo, b_hi = interval(g.before)
            exact_before = g.before.base
            # A fall is shown as what was lost over the base, so the quotient printed is
            # the positive rate the text states (下降20%: (150 − 120) ÷ 150 = 20%).
            first, second = (g.before, g.after) if g.falling else (g.after, g.before)
            shown = f"({first.text} − {second.text}) ÷ {g.before.text}"
            related = (
                Related(g.before.span, self.say("before", text=g.before.text)),
                Related(g.after.span, self.say("after", text=g.after.text)),
            )
        if b_lo <= 0 or exact_before <= 0:
            return None
        change = (g.after.base - exact_before) / exact_before * HUNDRED
        if change != 0 and (change < 0) != g.falling:
            return None  # the verb speaks of something else
        corners = [(a / b - 1) * HUNDRED for a in (a_lo, a_hi) for b in (b_lo, b_hi)]
        low, high = min(corners), max(corners)
        if g.falling:
            low, high = -high, -low
        if percent_agrees(low, high, g.rate):
            return None
        return self.finding(
            g.rate.span,
            self.say(
                "main",
                shown=shown,
                computed=round_like(abs(change), g.rate),
                verb=g.verb,
                text=g.rate.text,
            ),
            related,
        )
