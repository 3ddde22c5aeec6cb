"""SUM003 partition-short: parts that name the whole of a partition (城镇 and 乡村) add up to
less than it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar

from hegao.checker.claims import rounding
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related
from hegao.rules.totals.shared import common, show


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
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "{members}即是全部，其和 {arithmetic} = {summed}，少于总数“{whole}”",
            "{members} are the whole, yet {arithmetic} = {summed}, less than the whole “{whole}”",
        ),
        "each_part": (
            "分项：{text}",
            "part: {text}",
        ),
    }

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
                self.say(
                    "main",
                    members="、".join(members),
                    arithmetic=arithmetic,
                    summed=show(summed, whole.unit, common(whole, *parts)),
                    whole=whole.text,
                ),
                tuple(Related(p.span, self.say("each_part", text=p.text)) for p in parts),
            )
