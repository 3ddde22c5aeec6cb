"""Calendar dates that cannot exist, and weekdays that do not match their dates."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator

import regex

from hegao.checker.document import Document
from hegao.checker.model import Finding, Span
from hegao.checker.numerals import ascii_figures, parse_chinese
from hegao.checker.rule import Rule

_CN_DAY = "[一二三四五六七八九十]{1,3}"
_DATE = regex.compile(
    r"(?<![\d.])(?:(?P<year>\d{4})\s*年\s*)?(?:(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*[日号])?"
    # 九月三十一日, in Chinese numerals (the month must have a day: 十月 alone is common)
    rf"|(?:(?P<year>[〇零一二三四五六七八九]{{4}})年)?(?<![一二三四五六七八九十])"
    rf"(?P<month>十[一二]?|[一二三四五六七八九])月(?P<day>{_CN_DAY})[日号])"
    # 4月10日至31日: the day-only end of a range in the same month
    r"(?:\s*[至到—\-－~～]\s*(?P<end_day>\d{1,2})\s*[日号])?"
    r"(?:\s*[（(]?\s*(?P<weekday>(?:星期|礼拜|周)[一二三四五六日天])\s*[）)]?)?"
)
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY_NAMES = "一二三四五六日"


def _dates(doc: Document) -> list[regex.Match[str]]:
    def find() -> list[regex.Match[str]]:
        text = ascii_figures(doc.masked)
        return list(_DATE.finditer(text))

    return doc.memo("dates", find)


_YEAR_DIGITS = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def _int(numeral: str) -> int:
    """A month, day or year in digits or in Chinese numerals (九, 三十一, 一九七六)."""
    if numeral.isdigit():
        return int(numeral)
    if len(numeral) == 4 and all(ch in _YEAR_DIGITS for ch in numeral):
        return int("".join(_YEAR_DIGITS[ch] for ch in numeral))
    return int(parse_chinese(numeral)[0])


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

    Example:
        2023年2月29日，专案组在外省抓获犯罪嫌疑人2名。

    Instead:
        2023年2月28日，专案组在外省抓获犯罪嫌疑人2名。 (whichever day is right)
    """

    code = "DATE001"
    name = "invalid-date"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        for m in _dates(doc):
            month = _int(m.group("month"))
            year = _int(m.group("year")) if m.group("year") else None
            span = Span(m.start(), m.end("day") + 1 if m.group("day") else m.end("month") + 1)
            if not 1 <= month <= 12:
                yield self.finding(span, f"“{doc.text[span.start : span.end]}”：没有 {month} 月")
                continue
            if not m.group("day"):
                continue
            day = _int(m.group("day"))
            last = _days_in_month(year, month)
            if m.group("end_day") and 1 <= day <= last and not 1 <= int(m.group("end_day")) <= last:
                span = Span(m.start("end_day"), m.end("end_day") + 1)
                day = int(m.group("end_day"))
            if not 1 <= day <= last:
                when = f"{year} 年 {month} 月" if year else f"{month} 月"
                yield self.finding(span, f"“{doc.text[span.start : span.end]}”：{when}只有 {last} 天")


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

    Example:
        2024年1月8日（星期二），市局召开全市公安工作会议。

    Instead:
        2024年1月8日（星期一），市局召开全市公安工作会议。
    """

    code = "DATE002"
    name = "weekday-mismatch"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        year_of_block: dict[int, int] = {}
        for m in _dates(doc):
            block = doc.block_at(m.start())
            block_index = block.index if block else -1
            if m.group("year") and m.group("day"):
                year_of_block[block_index] = _int(m.group("year"))
            if not (m.group("weekday") and m.group("day")):
                continue
            year = _int(m.group("year")) if m.group("year") else year_of_block.get(block_index)
            if year is None:
                continue
            try:
                date = datetime.date(year, _int(m.group("month")), _int(m.group("day")))
            except ValueError:
                continue  # DATE001 reports impossible dates
            written = _WEEKDAYS[m.group("weekday")[-1]]
            if date.weekday() != written:
                span = Span(m.start(), m.end())
                actual = _WEEKDAY_NAMES[date.weekday()]
                yield self.finding(
                    span,
                    f"{year} 年 {date.month} 月 {date.day} 日是星期{actual}，文中写作“{m.group('weekday')}”",
                )


RULES = (InvalidDate, WeekdayMismatch)
