"""Dates as written: 2021年2月29日, 4月31日, 九月三十一日, 4月10日至31日, 1月8日（星期一).

One reading shared by the date rules (``Document.dates`` of the lint stage). Numbers are read as written,
not checked: 13月 and 2月30日 are dates a writer wrote, and rules judge them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.figures.numerals import parse_chinese
from hegao.checker.model import Span

_CN_DAY = "[一二三四五六七八九十]{1,3}"
_DATE = regex.compile(
    r"(?<![\d.])(?:(?P<year>\d{4})\s*年\s*)?(?:(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*[日号])?"
    # 九月三十一日, in Chinese numerals (the month must have a day: 十月 alone is common)
    rf"|(?:(?P<year>[〇零一二三四五六七八九]{{4}})年)?(?<![一二三四五六七八九十])"
    rf"(?P<month>十[一二]?|[一二三四五六七八九])月(?P<day>{_CN_DAY})[日号])"
    # 4月10日至31日: the day-only end of a range in the same month
    r"(?:\s*[至到—\-－~～]\s*(?P<end_day>\d{1,2})\s*[日号])?"
    rf"(?:\s*[（(]?\s*(?P<weekday>(?:{vocab.alternation('dates.weekday')})[一二三四五六日天])\s*[）)]?)?"
)
_YEAR_DIGITS = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0"}
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


@dataclass(frozen=True, slots=True)
class DateMention:
    span: Span  # the whole mention, weekday included
    year: int | None
    month: int
    day: int | None
    month_end: int  # offset just after 月
    day_end: int | None  # offset just after 日/号
    end_day: int | None = None  # 4月10日至31日 → 31
    end_day_span: Span | None = None  # “31日”
    weekday: str | None = None  # as written: 星期一, 周日 …

    @property
    def weekday_number(self) -> int | None:
        """0 for Monday … 6 for Sunday, as written."""
        return WEEKDAYS[self.weekday[-1]] if self.weekday else None


def _int(numeral: str) -> int:
    """A month, day or year in digits or in Chinese numerals (九, 三十一, 一九七六)."""
    if numeral.isdigit():
        return int(numeral)
    if len(numeral) == 4 and all(ch in _YEAR_DIGITS for ch in numeral):
        return int("".join(_YEAR_DIGITS[ch] for ch in numeral))
    return int(parse_chinese(numeral)[0])


def read_dates(figures_text: str) -> list[DateMention]:
    """The dates of a text whose figures are in ASCII (``numerals.ascii_figures``)."""
    out = []
    for m in _DATE.finditer(figures_text):
        end_day = m.group("end_day")
        out.append(
            DateMention(
                span=Span(m.start(), m.end()),
                year=_int(m.group("year")) if m.group("year") else None,
                month=_int(m.group("month")),
                day=_int(m.group("day")) if m.group("day") else None,
                month_end=m.end("month") + 1,
                day_end=m.end("day") + 1 if m.group("day") else None,
                end_day=int(end_day) if end_day else None,
                end_day_span=Span(m.start("end_day"), m.end("end_day") + 1) if end_day else None,
                weekday=m.group("weekday"),
            )
        )
    return out
