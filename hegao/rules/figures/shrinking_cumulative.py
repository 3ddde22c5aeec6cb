"""FIG002 shrinking-cumulative: a cumulative figure that is smaller at a later date than at
an earlier one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.claims import Figure, Role, rounding
from hegao.checker.figures.quantities import Kind
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related, Severity

_MONTH = regex.compile(r"(\d{1,2})\s*月")


_YEAR = regex.compile(r"(\d{4})\s*年")


_CUMULATIVE = vocab.pattern("changes.cumulative")


class ShrinkingCumulative(Rule):
    """A cumulative figure that is smaller at a later date than at an earlier one.

    What it does:
        Reads figures stated as running totals (累计, 截至…月底) with the same metric
        and scope, and compares them by the month they run to: a count that has
        accumulated to 112 by the end of June cannot stand at 105 by the end of July.
        Figures of different years, of different metrics or scopes, and figures that
        are not running totals are not compared. The later figure is reported, with the
        earlier one as the related place.

    Why it matters:
        A running total can only grow; when it falls, one of the two figures is wrong,
        and usually the later one was copied from another period.

    概述:
        累计数在后一时期反而比前一时期小。

    说明:
        读取指标和范围相同的累计数（累计、截至……月底），按其截止的月份比较：截至 6 月
        底累计 112 人，截至 7 月底不可能只有 105 人。不同年份、不同指标或范围的数据，以
        及不是累计的数据不比较。报告后一时期的数据，并标出前一时期的数据。

    原因:
        累计数只增不减；它变小时，两个数字必有一个是错的，通常是后一个抄自别的时期。

    Example:
        截至6月底，全市累计抓获犯罪嫌疑人112人。截至7月底，全市累计抓获犯罪嫌疑人105人。

    Instead:
        截至6月底，全市累计抓获犯罪嫌疑人112人。截至7月底，全市累计抓获犯罪嫌疑人125人。
    """

    code = "FIG002"
    title = "累计数前后减少"
    name = "shrinking-cumulative"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "累计数不应减少：截至 {month} 月为“{text}”，比截至 {earlier_month} 月的“{earlier}”还少",
            (
                "a running total cannot fall: “{text}” by month {month} is less than “{earlier}” by month "
                "{earlier_month}"
            ),
        ),
        "earlier": (
            "截至 {month} 月：{text}",
            "by month {month}: {text}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        running: dict[tuple[str, str, str, str], list[tuple[int, Figure]]] = {}
        for f in doc.claims.figures:
            q = f.quantity
            if f.role is not Role.LEVEL or q.approx or q.high is not None or q.kind is Kind.PERCENT:
                continue
            clause = doc.text[f.clause_start : q.span.start]
            words = "".join(f.setting)
            if not (_CUMULATIVE.search(clause) or _CUMULATIVE.search(words)):
                continue
            # The month it runs to: the last one named before it in its sentence, else
            # in the period in force (截至5月底…；截至6月底… are two figures).
            before = doc.text[f.sentence_start : q.span.start]
            months = [int(m) for m in _MONTH.findall(before) or _MONTH.findall(words) if 1 <= int(m) <= 12]
            if not months or not f.metric:
                continue
            years = _YEAR.findall(before) or _YEAR.findall(words)
            key = (f.metric, f.scope, q.unit, years[-1] if years else "")
            running.setdefault(key, []).append((months[-1], f))
        for figures in running.values():
            reported: set[int] = set()
            for month, f in figures:
                for other_month, e in figures:
                    if other_month >= month or id(f) in reported:
                        continue
                    slack = rounding(f.quantity) + rounding(e.quantity)
                    if f.quantity.base + slack < e.quantity.base:
                        reported.add(id(f))
                        yield self.finding(
                            f.quantity.span,
                            self.say(
                                "main",
                                text=f.quantity.text,
                                month=month,
                                earlier=e.quantity.text,
                                earlier_month=other_month,
                            ),
                            (
                                Related(
                                    e.quantity.span,
                                    self.say("earlier", text=e.quantity.text, month=other_month),
                                ),
                            ),
                        )
