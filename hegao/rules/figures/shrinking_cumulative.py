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
        marks = _SentenceMarks(doc.text)
        for f in doc.claims.figures:
            q = f.quantity
            if f.role is not Role.LEVEL or q.approx or q.high is not None or q.kind is Kind.PERCENT:
                continue
            words = "".join(f.setting)
            if not (marks.cumulative_between(f, f.clause_start) or _CUMULATIVE.search(words)):
                continue
            # The month it runs to: the last one named before it in its sentence, else
            # in the period in force (截至5月底…；截至6月底… are two figures).
            named = marks.months_before(f) or [int(m) for m in _MONTH.findall(words)]
            month = next((m for m in reversed(named) if 1 <= m <= 12), None)
            if month is None or not f.metric:
                continue
            year = marks.year_before(f)
            if year is None:
                years = _YEAR.findall(words)
                year = years[-1] if years else ""
            key = (f.metric, f.scope, q.unit, year)
            running.setdefault(key, []).append((month, f))
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


class _SentenceMarks:
    """The running-total words, months and years of a figure's sentence before it, read
    once: each figure reads on from where the one before it stopped (reading its sentence
    up to each figure again made a sentence of n figures cost n², a pasted column of
    12人). None of these words runs into a figure (a figure starts with a digit, a numeral
    or 约 …), so reading in pieces finds what one reading up to the figure finds."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._sentence = -1
        self._read_to = 0
        self._cumulative: list[tuple[int, int]] = []
        self._months: list[int] = []
        self._years: list[tuple[int, str]] = []

    def _read(self, f: Figure) -> int:
        end = f.quantity.span.start
        if f.sentence_start != self._sentence or end < self._read_to:
            self._sentence, self._read_to = f.sentence_start, f.sentence_start
            self._cumulative, self._months, self._years = [], [], []
        text, start = self._text, self._read_to
        self._cumulative += [(m.start(), m.end()) for m in _CUMULATIVE.finditer(text, start, end)]
        self._months += [int(m.group(1)) for m in _MONTH.finditer(text, start, end)]
        self._years += [(m.end(), m.group(1)) for m in _YEAR.finditer(text, start, end)]
        self._read_to = end
        return end

    def cumulative_between(self, f: Figure, start: int) -> bool:
        """Whether a running-total word stands between ``start`` and the figure."""
        self._read(f)
        return bool(self._cumulative) and self._cumulative[-1][0] >= start

    def months_before(self, f: Figure) -> list[int]:
        """The months named before the figure in its sentence, 13月 and all."""
        self._read(f)
        return self._months

    def year_before(self, f: Figure) -> str | None:
        self._read(f)
        return self._years[-1][1] if self._years else None
