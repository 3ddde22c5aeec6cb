"""FIG001 conflicting-figures: the same metric for the same scope and period is stated
twice with different values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.claims import CONTINUATION, PERIOD, Figure, Role, exact, interval
from hegao.checker.figures.quantities import Kind
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related, Severity
from hegao.checker.text.segments import Clause

_PLAN = vocab.pattern("plan")


_SCOPE = vocab.pattern("scope")


# Durations are not claims: 五年累计6314亿元 counts money, not years.
_DURATIONS = frozenset(vocab.words("time.duration"))


_LEVEL_ROLES = frozenset({Role.LEVEL, Role.WHOLE, Role.TOTAL})


_KINDS = frozenset({Kind.COUNT, Kind.MONEY, Kind.MEASURE})


MIN_METRIC_CHARS = 4


MIN_SUBJECT_CHARS = 8


def _key(doc: Document, f: Figure) -> tuple[object, ...] | None:
    q = f.quantity
    if f.role not in _LEVEL_ROLES or q.kind not in _KINDS or not exact(q):
        return None
    if len(f.metric) < MIN_METRIC_CHARS or not (f.scope or f.period):
        return None
    clause = doc.clause_at(q.span.start)
    if clause is None:  # a figure is read from a clause's text: it always has one
        return None
    planned = _PLAN.search(doc.masked, clause.span.start, q.span.start) is not None
    # A clause that names its scope (全市共抓获…) says what is counted, and so does a
    # sentence that opens with a full noun phrase (全年工业企业实现利润…). Otherwise the
    # subject may stand in an earlier clause, sentence or heading (1、某某基金收入完成…。
    # 当年收支结余4.9亿元): such a figure is compared only within its paragraph, by its
    # whole sentence up to the figure.
    if _SCOPE.search(doc.masked, clause.span.start, q.span.start):
        return (f.metric, f.scope, planned, q.kind, q.unit)
    opens = _opens_sentence(doc, clause) and not CONTINUATION.match(doc.masked, clause.span.start)
    if opens and len(f.metric) >= MIN_SUBJECT_CHARS:
        return (f.metric, f.scope, planned, q.kind, q.unit)
    return (f.subject, f.scope, planned, q.kind, q.unit, clause.block)


def _opens_sentence(doc: Document, clause: Clause) -> bool:
    """The clause opens its sentence, follows only a period (2023年，全年…) or opens with
    one (…，全年中央财政支出…): a period restarts what is being told."""
    if clause.first or PERIOD.match(doc.masked, clause.span.start):
        return True
    sentence = doc.sentences[clause.sentence].span
    before = PERIOD.sub("", doc.masked[sentence.start : clause.span.start])
    return _FILLER.fullmatch(before) is not None


_FILLER = regex.compile(r"[\s，,、：:]*")


def _same_period(a: Figure, b: Figure) -> bool:
    """The same period, one named more closely than the other (全年 and 2023年全年), or
    one that names none of its own (it stands in the document's lead period) while the
    other names one in its sentence or paragraph."""
    if a.section_period and b.section_period and a.section_period != b.section_period:
        return False  # 一、2025年预算执行情况 … 二、2026年预算草案
    x, y = set(a.setting), set(b.setting)
    if x == y or (x and y and (x <= y or y <= x) and a.setting_from == b.setting_from):
        return True
    own = ("sentence", "paragraph")
    return (a.setting_from in ("lead", "") and b.setting_from in own) or (
        b.setting_from in ("lead", "") and a.setting_from in own
    )


def _disagree(a: Figure, b: Figure) -> bool:
    a_lo, a_hi = interval(a.quantity)
    b_lo, b_hi = interval(b.quantity)
    # Half-open intervals: 1.2万 covers [11500, 12500), so 1.2万 and 1.3万 disagree.
    return a.quantity.base != b.quantity.base and (a_hi <= b_lo or b_hi <= a_lo)


class ConflictingFigures(Rule):
    """The same metric for the same scope and period is stated twice with different values.

    What it does:
        Compares figures that name their scope (全市, 全省, 我局 …) or period and are
        worded the same up to the figure — 全市共抓获犯罪嫌疑人1460人 … 全市共抓获犯罪嫌疑人1406人 —
        and reports the later one when the values differ beyond their rounding. A
        figure's period is the one its sentence names, else the one stated earlier in its
        paragraph, else its section heading's, else the document's lead (今年以来 …):
        figures of different periods (1-6月 vs 1-7月, 2024年预算执行 vs 2025年预算) are not
        compared. Plans keep their wording (计划, 预计 …), so they are never compared with
        results; approximate figures, parts (其中), changes, shares and averages are left alone.

    Why it matters:
        When a bulletin gives two values for one figure, at least one is wrong, and
        the reader cannot know which.

    概述:
        同一范围、同一时期的同一指标前后给出不同的数值。

    说明:
        比较点明范围（全市、全省、我局……）或时期、且数字前措辞相同的数据——全市共抓获犯罪嫌疑
        人1460人……全市共抓获犯罪嫌疑人1406人——数值超出舍入误差时报告后一处。数据的时
        期取其所在句子所写的时期，其次是本段前文、所在章节标题、全文导语（今年以来……）中的时期；
        不同时期的数据（1-6月与1-7月、2024年预算执行与2025年预算）不比较。计划数（
        计划、预计……）不与实际数比较；约数、分项（其中）、增减量、比重和平均数不比较。

    原因:
        同一个数据给出两个数值，至少有一个是错的，读者无从知道是哪一个。

    Example:
        今年以来，全市共抓获犯罪嫌疑人1460人。（后文）全市共抓获犯罪嫌疑人1406人。

    Instead:
        今年以来，全市共抓获犯罪嫌疑人1460人。（后文）全市共抓获犯罪嫌疑人1460人。
    """

    code = "FIG001"
    title = "同一数据前后不一致"
    name = "conflicting-figures"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "同一数据前后不一致：此处为“{text}”，第 {line} 行为“{earlier}”",
            "the same figure is stated twice: “{text}” here, “{earlier}” on line {line}",
        ),
        "earlier": (
            "先前的数值：{earlier}",
            "the earlier value: {earlier}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        seen: dict[tuple[object, ...], list[Figure]] = {}
        claims = doc.claims
        # A whole's parts: 预算总计82.5亿元，其中：市级预算67.2亿元 … 市级预算67.2亿元 names a
        # part by the whole's words, not a second value of the whole.
        parts = {id(b.whole): {p.base for p in b.parts} for b in claims.breakdowns}
        for s in claims.sums:
            parts.setdefault(id(s.total), set()).update(p.base for p in s.parts)
        last_clause = -1
        for f in claims.figures:
            clause = doc.clause_at(f.quantity.span.start)
            if f.quantity.unit in _DURATIONS:
                continue
            if clause is None or clause.span.start == last_clause:
                continue  # one claim per clause: the figure right after its wording
            last_clause = clause.span.start
            key = _key(doc, f)
            if key is None:
                continue
            earlier_ones = seen.setdefault(key, [])
            earlier = next((e for e in earlier_ones if _same_period(e, f)), None)
            earlier_ones.append(f)
            if earlier is None or f.quantity.base in parts.get(id(earlier.quantity), ()):
                continue
            if _disagree(earlier, f):
                q, e = f.quantity, earlier.quantity
                line = doc.line_col(e.span.start)[0]
                yield self.finding(
                    q.span,
                    self.say("main", text=q.text, line=line, earlier=e.text),
                    (Related(e.span, self.say("earlier", earlier=e.text)),),
                )
