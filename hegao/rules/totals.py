"""Totals and their parts: a stated total must equal the sum of the parts it names,
and the parts of a breakdown cannot exceed their whole. Both read the sums and
breakdowns of the claim layer (hegao/checker/claims/)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from hegao.checker.claims import Breakdown, Sum, rounding
from hegao.checker.figures.quantities import Quantity
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related, Severity
from hegao.messages import text as say

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
    scope = "sentence"

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
        related = tuple(Related(p.span, say("SUM.part", text=p.text)) for p in parts)
        like = _common(total, *parts)
        arithmetic = " + ".join(_show(p.base, p.unit, like) for p in parts)
        summed = _show(parts_sum, total.unit, like)
        parts_tolerance = sum((rounding(p) for p in parts), Decimal(0))
        for k in POWER_OF_TEN_SLIPS:
            factor = Decimal(10) ** k
            too_big = abs(total.base - parts_sum * factor) <= (rounding(total) + parts_tolerance * factor)
            too_small = abs(total.base * factor - parts_sum) <= (rounding(total) * factor + parts_tolerance)
            if too_big or too_small:
                return self.finding(
                    total.span,
                    say(
                        "SUM001.unit",
                        factor=factor,
                        arithmetic=arithmetic,
                        summed=summed,
                        text=total.text,
                        base=_show(total.base, total.unit),
                    ),
                    related,
                )
        slipped = _part_missing_scale(total, parts, tolerance)
        if slipped is not None:
            part, k = slipped
            what = (
                say("SUM001.scale", scale=_SCALE_NAMES[k]) if k in _SCALE_NAMES else say("SUM001.digits", k=k)
            )
            corrected = _show(part.base * Decimal(10) ** k, part.unit)
            return self.finding(
                part.span,
                say(
                    "SUM001.part",
                    part=part.text,
                    what=what,
                    arithmetic=arithmetic,
                    summed=summed,
                    total=total.text,
                    corrected=corrected,
                ),
                (
                    Related(total.span, say("SUM001.total", text=total.text)),
                    *tuple(r for r in related if r.span != part.span),
                ),
            )
        return self.finding(
            total.span,
            say(
                "SUM001",
                arithmetic=arithmetic,
                summed=summed,
                text=total.text,
                difference=_show(abs(difference), total.unit, like),
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


def _show(value: Decimal, unit: str, like: Quantity | None = None) -> str:
    """A value in base units (元), or in the scale of ``like`` (亿元) when given."""
    scale = ""
    if like is not None and like.scale:
        value, scale = value / like.multiplier, like.scale
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    if scale:
        return f"{value:f}{scale}{unit}"
    return f"{value:,f} {unit}".strip()


def _common(*quantities: Quantity) -> Quantity | None:
    """A figure whose scale all share (亿元 throughout): the arithmetic is shown in it;
    None when scales differ (元 and 万元), and it is shown in base units."""
    first = quantities[0]
    return first if all(q.scale == first.scale for q in quantities) else None


class PartExceedsWhole(Rule):
    """Parts introduced by 其中 add up to more than the whole they belong to.

    What it does:
        Finds a figure followed by 其中 and a list of figures in the same unit
        (接报警情1250起，其中刑事312起、治安586起、交通367起), and reports a part larger
        than the whole, or parts that together exceed it. 其中 lists are often
        incomplete, so parts that add up to less than the whole are fine. When the
        parts are measures that may apply to the same people one after another
        (刑事拘留 then 取保候审 or 逮捕), their sum exceeding the whole is only a
        warning: the categories may overlap. Parts end with the closing bracket or
        the first clause (further clauses only when they list parts in parallel or the
        breakdown opens with 其中，); figures in a nested breakdown (甲类60个（A类41个、
        B类19个）) and a closing 共计 are not added in; a whole that is a change (比上年
        增加…) or a rate (每万人…) has no parts.

    Why it matters:
        A breakdown larger than its total is a contradiction any reader can check,
        and usually means a part was mistyped or taken from another period.

    概述:
        “其中”后列出的分项之和超过所属的总数。

    说明:
        查找一个数字后跟“其中”和同一单位的一组数字（接报警情1250起，其中刑事312起、治安
        586起、交通367起），报告大于总数的分项，或加起来超过总数的各分项。“其中”常常列不
        全，分项之和小于总数没有问题。分项是可能先后适用于同一批人的措施时（刑事拘留后又取保候审
        或逮捕），总和超过总数只作警告：类别可能重叠。分项止于后括号或第一个分句（并列列举分项、
        或以“其中，”开头时延至后续分句）；嵌套分项（甲类60个（A类41个、B类19个））和末
        尾的“共计”不计入；增减量（比上年增加……）或比率（每万人……）没有分项。

    原因:
        分项之和比总数还大，是任何读者都能核对出的矛盾，通常是某个分项打错，或取自另一个时期。

    Example:
        全年接报警情1250起，其中刑事警情312起、治安警情586起、交通警情367起。

    Instead:
        全年接报警情1265起，其中刑事警情312起、治安警情586起、交通警情367起。 (or whichever
        figure the source gives: 312 + 586 + 367 = 1265)
    """

    code = "SUM002"
    title = "分项之和超过总数"
    name = "part-exceeds-whole"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        for breakdown in doc.claims.breakdowns:
            finding = self._check_parts(breakdown)
            if finding is not None:
                yield finding

    def _check_parts(self, breakdown: Breakdown) -> Finding | None:
        whole, parts = breakdown.whole, breakdown.parts
        tolerance = rounding(whole)
        related = (Related(whole.span, say("SUM002.whole", text=whole.text)),)
        for part in parts:
            if part.base - rounding(part) > whole.base + tolerance:
                return self.finding(
                    part.span,
                    say(
                        "SUM002.part",
                        part=part.text,
                        whole=whole.text,
                        part_value=_show(part.base, part.unit),
                        whole_value=_show(whole.base, whole.unit),
                    ),
                    related,
                )
        if len(parts) < 2:
            return None
        parts_sum = sum((p.base for p in parts), Decimal(0))
        slack = tolerance + sum((rounding(p) for p in parts), Decimal(0))
        if parts_sum <= whole.base + slack:
            return None
        like = _common(whole, *parts)
        arithmetic = " + ".join(_show(p.base, p.unit, like) for p in parts)
        note = say("SUM002.overlap") if breakdown.may_overlap else ""
        return self.finding(
            parts[-1].span,
            say(
                "SUM002",
                arithmetic=arithmetic,
                summed=_show(parts_sum, whole.unit, like),
                whole=whole.text,
                note=note,
            ),
            related + tuple(Related(p.span, say("SUM.part", text=p.text)) for p in parts[:-1]),
            severity=Severity.WARNING if breakdown.may_overlap else None,
        )


class PartitionShort(Rule):
    """Parts that name the whole of a partition (城镇 and 乡村) add up to less than it.

    What it does:
        Reads breakdowns (其中 …) whose parts name every member of a partition kept
        as data — 城镇 and 乡村, 男性 and 女性, the three industries — so that together
        they are the whole, and reports when they add up to less than the whole,
        beyond the rounding of every figure. (More than the whole is SUM002.) The
        members may also open the sentence after the whole (地区生产总值…。第一产业增加值
        …；第二产业增加值…；第三产业增加值…), when that whole is named by their metric or
        by the word the data gives for it (生产总值 for 增加值). A breakdown that names
        only some members, or other categories, is left alone: 其中 lists are often
        partial; so is a metric the members do not make up (households use power too:
        全社会用电量 is more than the three industries'; data).

    Why it matters:
        When the town and the country population do not make the total population, one
        of the three figures is wrong.

    概述:
        分项涵盖了整体的全部类别（城镇与乡村），加起来却小于总数。

    说明:
        读取各分项列全了某一完整划分（城镇与乡村、男性与女性、三次产业，作为数据保存）的
        “其中”分项，它们合起来就是整体；分项之和在各数字的舍入范围外小于总数时报告（大于
        总数由 SUM002 报告）。各类别也可以出现在总数的下一句开头（地区生产总值……。第一产业
        增加值……；第二产业增加值……；第三产业增加值……），前提是总数用它们的指标或数据中对应
        的词（增加值对应生产总值）命名。只列出部分类别或其他类别的分项不报告：“其中”常常列
        不全；各类别并不构成整体的指标也不报告（居民也用电：全社会用电量大于三次产业用电之
        和；数据）。

    原因:
        城镇人口与乡村人口加起来不等于总人口，三个数字中必有一个是错的。

    Example:
        年末全县常住人口52.6万人，其中城镇常住人口31.1万人，乡村常住人口20.5万人。

    Instead:
        年末全县常住人口52.6万人，其中城镇常住人口31.1万人，乡村常住人口21.5万人。
    """

    code = "SUM003"
    title = "全部分项之和小于总数"
    name = "partition-short"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        for breakdown in doc.claims.breakdowns:
            whole, parts, members = breakdown.whole, breakdown.parts, breakdown.members
            if not members:
                continue
            summed = sum((p.base for p in parts), Decimal(0))
            slack = rounding(whole) + sum((rounding(p) for p in parts), Decimal(0))
            if summed + slack >= whole.base:
                continue
            arithmetic = " + ".join(p.text for p in parts)
            yield self.finding(
                whole.span,
                say(
                    "SUM003",
                    members="、".join(members),
                    arithmetic=arithmetic,
                    summed=_show(summed, whole.unit, _common(whole, *parts)),
                    whole=whole.text,
                ),
                tuple(Related(p.span, say("SUM.part", text=p.text)) for p in parts),
            )


RULES = (TotalMismatch, PartExceedsWhole, PartitionShort)
