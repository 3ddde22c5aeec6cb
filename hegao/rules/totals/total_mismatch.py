"""SUM001 total-mismatch: a stated total does not equal the sum of the parts listed with
it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar

from hegao.checker.claims import Sum, rounding
from hegao.checker.figures.quantities import Quantity
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related
from hegao.rules.totals.shared import common, show

POWER_OF_TEN_SLIPS = (1, 2, 3, 4, 8)


_SCALE_NAMES = {4: "万", 8: "亿"}


class TotalMismatch(Rule):
    """A stated total does not equal the sum of the parts listed with it.

    What it does:
        Finds a total (共计, 合计, 总计, 共, 两项共计 …) stated right after, or right
        before (with 分别为), a list of figures in the same unit, adds the figures up in
        base units and compares. Rounding is allowed for: the parts and the total may
        differ by half a unit of their last printed digits. When the difference is a
        power of ten (10, 100, 1000, 10000, 10^8), it says which unit would be right.

    Why it matters:
        A total that does not add up is the first thing a reader checks, and a unit slip
        (元 written as 万元) multiplies a figure ten thousand times in a published text.

    概述:
        写出的合计不等于一同列出的分项之和。

    说明:
        查找紧跟在同一单位的一组数字之后（或以“分别为”紧接在其前）的合计（共计、合计、总计、共、
        两项共计……），把各数换算成基本单位相加后比较。允许舍入误差：分项和合计可以相差末位的半
        个单位。差额恰为 10 的整数次幂（10、100、1000、10000、10^8）时，指
        出哪个单位才对。

    原因:
        合计对不上是读者最先核对的地方；把“元”写成“万元”的单位差错，会让公开发布的数字扩大一
        万倍。

    Example:
        被诈骗608605.9元，又被诈骗99999元，共计被骗708604.9万元。

    Instead:
        被诈骗608605.9元，又被诈骗99999元，共计被骗708604.9元。

        The rule stays silent where the structure is not unambiguous: 其中 breakdowns
        (often partial), lists of different metrics after 共 (共破获案件156起，抓获51人),
        figures of different units, approximate figures (余, 多, 约), other periods
        (同比, 去年同期) and running totals (累计) over months or quarters. Parts after a
        其中 add up to a closing 共计 (其中A 500起、B 600起，共计1100起); figures in
        brackets (（含…）) break down the figure before them and are not parts.
    """

    code = "SUM001"
    title = "合计与分项不符"
    name = "total-mismatch"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "each_part": (
            "分项：{text}",
            "part: {text}",
        ),
        "unit": (
            (
                "合计与分项相差 {factor} 倍，疑为单位错误：分项合计 {arithmetic} = {summed}，"
                "文中写作“{text}”（{base}）；应为 {summed}"
            ),
            (
                "the total is {factor} times the sum of its parts, probably a unit slip: {arithmetic} = "
                "{summed}, the text says “{text}” ({base}); it should be {summed}"
            ),
        ),
        "scale": (
            "疑漏写“{scale}”",
            "probably lacks “{scale}”",
        ),
        "digits": (
            "疑少写 {k} 位数字",
            "probably lacks {k} digit(s)",
        ),
        "part": (
            (
                "分项“{part}”{what}：分项合计 {arithmetic} = {summed}，与合计“{total}”不符；若该项为 "
                "{corrected} 则相符"
            ),
            (
                "the part “{part}” {what}: {arithmetic} = {summed} does not match the total “{total}”; "
                "with {corrected} it would"
            ),
        ),
        "total": (
            "合计：{text}",
            "total: {text}",
        ),
        "main": (
            "合计与分项不符：分项合计 {arithmetic} = {summed}，文中写作“{text}”（相差 {difference}）",
            (
                "the total does not match its parts: {arithmetic} = {summed}, the text says “{text}” (a "
                "difference of {difference})"
            ),
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for claim in doc.claims.sums:
            finding = self._compare(claim)
            if finding is not None:
                yield finding

    def _compare(self, claim: Sum) -> Finding | None:
        total, parts = claim.total, claim.parts
        parts_sum = sum((p.base for p in parts), Decimal(0))
        tolerance = sum((rounding(p) for p in parts), rounding(total))
        difference = total.base - parts_sum
        if abs(difference) <= tolerance or (claim.running and difference > 0):
            return None
        related = tuple(Related(p.span, self.say("each_part", text=p.text)) for p in parts)
        like = common(total, *parts)
        arithmetic = " + ".join(show(p.base, p.unit, like) for p in parts)
        summed = show(parts_sum, total.unit, like)
        parts_tolerance = sum((rounding(p) for p in parts), Decimal(0))
        for k in POWER_OF_TEN_SLIPS:
            factor = Decimal(10) ** k
            too_big = abs(total.base - parts_sum * factor) <= (rounding(total) + parts_tolerance * factor)
            too_small = abs(total.base * factor - parts_sum) <= (rounding(total) * factor + parts_tolerance)
            if too_big or too_small:
                return self.finding(
                    total.span,
                    self.say(
                        "unit",
                        factor=factor,
                        arithmetic=arithmetic,
                        summed=summed,
                        text=total.text,
                        base=show(total.base, total.unit),
                    ),
                    related,
                )
        slipped = _part_missing_scale(total, parts, tolerance)
        if slipped is not None:
            part, k = slipped
            what = self.say("scale", scale=_SCALE_NAMES[k]) if k in _SCALE_NAMES else self.say("digits", k=k)
            corrected = show(part.base * Decimal(10) ** k, part.unit)
            return self.finding(
                part.span,
                self.say(
                    "part",
                    part=part.text,
                    what=what,
                    arithmetic=arithmetic,
                    summed=summed,
                    total=total.text,
                    corrected=corrected,
                ),
                (
                    Related(total.span, self.say("total", text=total.text)),
                    *tuple(r for r in related if r.span != part.span),
                ),
            )
        return self.finding(
            total.span,
            self.say(
                "main",
                arithmetic=arithmetic,
                summed=summed,
                text=total.text,
                difference=show(abs(difference), total.unit, like),
            ),
            related,
        )


def _part_missing_scale(
    total: Quantity, parts: tuple[Quantity, ...], tolerance: Decimal
) -> tuple[Quantity, int] | None:
    parts_sum = sum((p.base for p in parts), Decimal(0))
    for part in parts:
        for k in POWER_OF_TEN_SLIPS:
            factor = Decimal(10) ** k
            fixed = parts_sum - part.base + part.base * factor
            if abs(total.base - fixed) <= tolerance + rounding(part) * (factor - 1):
                return part, k
    return None
