"""SUM002 part-exceeds-whole: parts introduced by 其中 add up to more than the whole they
belong to."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar

from hegao.checker.claims import Breakdown, rounding
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related, Severity
from hegao.rules.totals.shared import common, show


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
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "whole": (
            "总数：{text}",
            "the whole: {text}",
        ),
        "part": (
            "分项“{part}”大于总数“{whole}”（{part_value} > {whole_value}）",
            "the part “{part}” is larger than the whole “{whole}” ({part_value} > {whole_value})",
        ),
        "overlap": (
            "（这些措施可能先后用于同一批人，如属此情况请忽略）",
            " (these measures may apply to the same people one after another; if so, ignore this)",
        ),
        "main": (
            "各分项之和大于总数：{arithmetic} = {summed}，超过“{whole}”{note}",
            "the parts add up to more than the whole: {arithmetic} = {summed}, more than “{whole}”{note}",
        ),
        "each_part": (
            "分项：{text}",
            "part: {text}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for breakdown in doc.claims.breakdowns:
            finding = self._check_parts(breakdown)
            if finding is not None:
                yield finding

    def _check_parts(self, breakdown: Breakdown) -> Finding | None:
        whole, parts = breakdown.whole, breakdown.parts
        tolerance = rounding(whole)
        related = (Related(whole.span, self.say("whole", text=whole.text)),)
        for part in parts:
            if part.base - rounding(part) > whole.base + tolerance:
                return self.finding(
                    part.span,
                    self.say(
                        "part",
                        part=part.text,
                        whole=whole.text,
                        part_value=show(part.base, part.unit),
                        whole_value=show(whole.base, whole.unit),
                    ),
                    related,
                )
        if len(parts) < 2:
            return None
        parts_sum = sum((p.base for p in parts), Decimal(0))
        slack = tolerance + sum((rounding(p) for p in parts), Decimal(0))
        if parts_sum <= whole.base + slack:
            return None
        like = common(whole, *parts)
        arithmetic = " + ".join(show(p.base, p.unit, like) for p in parts)
        note = self.say("overlap") if breakdown.may_overlap else ""
        return self.finding(
            parts[-1].span,
            self.say(
                "main",
                arithmetic=arithmetic,
                summed=show(parts_sum, whole.unit, like),
                whole=whole.text,
                note=note,
            ),
            related + tuple(Related(p.span, self.say("each_part", text=p.text)) for p in parts[:-1]),
            severity=Severity.WARNING if breakdown.may_overlap else None,
        )
