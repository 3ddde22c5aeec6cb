"""DATE001 invalid-date: a calendar date that does not exist (2月30日, 2021年2月29日, 4月31日,
13月)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from typing import ClassVar

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Span


def _days_in_month(year: int | None, month: int) -> int:
    if month == 2 and year is None:
        return 29  # possible in a leap year
    return calendar.monthrange(year or 2001, month)[1]


class InvalidDate(Rule):
    """A calendar date that does not exist (2月30日, 2021年2月29日, 4月31日, 13月).

    What it does:
        Reads dates written with digits (2021年2月29日, 4月31日, 13月) and checks the
        month (1 to 12) and the day against the length of that month; 2月29日 without a
        year is accepted, with a year it must be a leap year.

    Why it matters:
        An impossible date in a bulletin is a typo that hides the real date of an event,
        and readers notice it at once.

    概述:
        日期不存在（2月30日、2021年2月29日、4月31日、13月）。

    说明:
        读取用数字或汉字写的日期（2021年2月29日、4月31日、二月三十日、4月10日至31
        日），检查月份是否在 1 到 12 之间、日是否超出当月天数；不带年份的 2月29日 视
        为有效，带年份时必须是闰年。

    原因:
        不存在的日期是笔误，会让事件的真实日期无从查考，读者一眼就能发现。

    Example:
        2023年2月29日，专案组在外省抓获犯罪嫌疑人2名。

    Instead:
        2023年2月28日，专案组在外省抓获犯罪嫌疑人2名。 (whichever day is right)
    """

    code = "DATE001"
    title = "日期不存在"
    name = "invalid-date"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "month": (
            "“{text}”：没有 {month} 月",
            "“{text}”: there is no month {month}",
        ),
        "year_month": (
            "{year} 年 {month} 月",
            "month {month} of {year}",
        ),
        "in_month": (
            "{month} 月",
            "month {month}",
        ),
        "days": (
            "“{text}”：{when}只有 {last} 天",
            "“{text}”: {when} has only {last} days",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for d in doc.dates:
            span = Span(d.span.start, d.day_end or d.month_end)
            if not 1 <= d.month <= 12:
                yield self.finding(
                    span, self.say("month", text=doc.text[span.start : span.end], month=d.month)
                )
                continue
            if d.day is None:
                continue
            day = d.day
            last = _days_in_month(d.year, d.month)
            if d.end_day is not None and d.end_day_span and 1 <= day <= last and not 1 <= d.end_day <= last:
                span = d.end_day_span
                day = d.end_day
            if not 1 <= day <= last:
                when = (
                    self.say("year_month", year=d.year, month=d.month)
                    if d.year
                    else self.say("in_month", month=d.month)
                )
                yield self.finding(
                    span, self.say("days", text=doc.text[span.start : span.end], when=when, last=last)
                )
