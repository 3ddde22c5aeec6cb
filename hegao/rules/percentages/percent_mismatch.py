"""PCT003 percent-mismatch: a percentage that disagrees with the counts it is computed
from."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar

from hegao.checker.claims import percent_agrees, ratio_range
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related
from hegao.rules.percentages.shared import HUNDRED, round_like


class PercentMismatch(Rule):
    """A percentage that disagrees with the counts it is computed from.

    What it does:
        Recomputes percentages from the figures the claim layer relates them to. A
        share: a whole, then 其中 a part and 占 / 所占比例为 / 占总数的 a percentage
        (抓获166人，其中51人，占30.7%), or 占 with the whole named (占总任务7.35万亩的
        106.8%) — the share is part ÷ whole. A rate: 破案率, 化解率, 办结率 … with the
        counts it divides in the same or the previous sentence (立案120起，破获96起，
        破案率80%) — which counts each rate divides is data
        (hegao/checker/data/vocabulary.toml). A share named by the words of a part read
        earlier (第二产业增加值比重为41.7%) is that part ÷ its whole. Every figure is taken
        with its printed precision: 2.6 of 37.4 may be anything from 2.55 ÷ 37.45 to
        2.65 ÷ 37.35; the shares of a complete partition may be off by one unit more,
        as statistics offices round them to add up to exactly 100.

    Why it matters:
        Readers and journalists recompute shares and rates; a percentage that does not
        follow from the counts next to it undermines the whole bulletin.

    概述:
        百分数与计算它的数据不符。

    说明:
        按断言层找到的关系重新计算百分数。占比：先有整体，再有“其中”部分和“占、所占比例为、占
        总数的”百分数（抓获166人，其中51人，占30.7%），或“占”后写明整体（占总任务7
        .35万亩的106.8%）——占比 = 部分 ÷ 整体。比率：破案率、化解率、办结率……
        及同一句或前一句中它所除的数量（立案120起，破获96起，破案率80%）——各比率由哪些
        数相除是数据（hegao/checker/data/vocabulary.toml）。用前文某一分项的名称写出的
        比重（第二产业增加值比重为41.7%）即该分项 ÷ 其整体。每个数字都按印出的精度计算：
        37.4 中的 2.6 可以是 2.55 ÷ 37.45 到 2.65 ÷ 37.35 之间的任何值；完整划分的各比重
        还可再差末位一个单位，因为统计部门会调整舍入使其合计恰为 100。

    原因:
        读者和记者会重新计算占比和比率；百分数与旁边的数据对不上，会让人怀疑整篇通报。

    Example:
        共受理案件300起，其中诈骗案件180起，占75%。

    Instead:
        共受理案件300起，其中诈骗案件180起，占60%。
    """

    code = "PCT003"
    title = "百分比与数据不符"
    name = "percent-mismatch"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "share": (
            "占比",
            "the share",
        ),
        "main": (
            "{what}不符：{num} ÷ {den} = {computed}%，文中写作{text}",
            "{what} does not follow: {num} ÷ {den} = {computed}%, the text says {text}",
        ),
        "numerator": (
            "分子：{num}",
            "numerator: {num}",
        ),
        "denominator": (
            "分母：{den}",
            "denominator: {den}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for ratio in doc.claims.ratios:
            bounds = ratio_range(ratio.numerator, ratio.denominator)
            if bounds is None or percent_agrees(*bounds, ratio.value):
                continue
            if ratio.adjusted:  # rounded to make the shares add up to 100: a unit either way
                unit = Decimal(1).scaleb(-ratio.value.decimals)
                if percent_agrees(bounds[0] - unit, bounds[1] + unit, ratio.value):
                    continue
            computed = round_like(ratio.numerator.base / ratio.denominator.base * HUNDRED, ratio.value)
            num, den = ratio.numerator.text, ratio.denominator.text
            what = self.say("share") if ratio.term.startswith("占") or "比" in ratio.term else ratio.term
            yield self.finding(
                ratio.value.span,
                self.say("main", what=what, num=num, den=den, computed=computed, text=ratio.value.text),
                (
                    Related(ratio.numerator.span, self.say("numerator", num=num)),
                    Related(ratio.denominator.span, self.say("denominator", den=den)),
                ),
            )
