"""DATE002 weekday-mismatch: a date and the weekday written with it disagree."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import ClassVar

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding

_WEEKDAY_NAMES = "一二三四五六日"


class WeekdayMismatch(Rule):
    """A date and the weekday written with it disagree.

    What it does:
        Finds a date with a year and an explicit weekday — 2021年3月5日（星期五），
        2024年1月8日周一 — and checks that the date falls on that weekday. A date
        without its year takes the year of the last full date before it in the same
        paragraph; with no year to go on, it is not checked.

    Why it matters:
        When the date and the weekday disagree, at least one of them is wrong, and the
        reader cannot tell which.

    概述:
        日期与所写的星期不符。

    说明:
        查找带年份并注明星期的日期（2021年3月5日（星期五）、2024年1月8日周一），核对
        那天是否确为该星期。没有年份的日期沿用同一段中前一个完整日期的年份；无年份可依时不检查。

    原因:
        日期和星期对不上，至少有一个是错的，而读者无法判断是哪一个。

    Example:
        2024年1月8日（星期二），市局召开全市公安工作会议。

    Instead:
        2024年1月8日（星期一），市局召开全市公安工作会议。
    """

    code = "DATE002"
    title = "星期与日期不符"
    name = "weekday-mismatch"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "{year} 年 {month} 月 {day} 日是星期{actual}，文中写作“{written}”",
            "{year}-{month}-{day} is a 星期{actual}; the text says “{written}”",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        year_of_block: dict[int, int] = {}
        for d in doc.dates:
            block = doc.block_at(d.span.start)
            block_index = block.index if block else -1
            if d.year is not None and d.day is not None:
                year_of_block[block_index] = d.year
            if d.weekday is None or d.day is None:
                continue
            year = d.year if d.year is not None else year_of_block.get(block_index)
            if year is None:
                continue
            try:
                date = datetime.date(year, d.month, d.day)
            except ValueError:
                continue  # DATE001 reports impossible dates
            if date.weekday() != d.weekday_number:
                actual = _WEEKDAY_NAMES[date.weekday()]
                yield self.finding(
                    d.span,
                    self.say(
                        "main", year=year, month=date.month, day=date.day, actual=actual, written=d.weekday
                    ),
                )
