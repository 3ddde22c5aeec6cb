"""Percentages that cannot be true: shares over 100%, falls of more than 100%, and
percentages that disagree with the counts they are stated with."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache

import regex

from hegao.checker.datafiles import data_lines
from hegao.checker.document import Clause, Document
from hegao.checker.model import Finding, Related, Severity
from hegao.checker.quantities import Kind, Quantity
from hegao.checker.rule import Rule

HUNDRED = Decimal(100)
_COUNTED = (Kind.COUNT, Kind.MONEY, Kind.MEASURE)


@cache
def rate_terms() -> dict[str, str]:
    return dict(line.split("\t") for line in data_lines("hegao.rules", "rate_terms.txt"))


@cache
def _rate_term_pattern() -> regex.Pattern[str]:
    terms = sorted(rate_terms(), key=len, reverse=True)
    return regex.compile("|".join(map(regex.escape, terms)))


@cache
def _may_go_negative() -> regex.Pattern[str]:
    words = sorted(data_lines("hegao.rules", "may_go_negative.txt"), key=len, reverse=True)
    return regex.compile("|".join(map(regex.escape, words)))


def _percentages(doc: Document) -> Iterator[tuple[Clause, Quantity]]:
    """Every percentage (%, not ‰ or points) with the clause it stands in."""
    for clause, quantities in zip(doc.clauses, doc.clause_quantities, strict=True):
        for q in quantities:
            if q.kind is Kind.PERCENT and q.unit == "%":
                yield clause, q


def _show_percent(value: Decimal) -> str:
    return f"{value.normalize():f}%" if value != value.to_integral_value() else f"{value:.0f}%"


class RateOver100(Rule):
    """A share of a whole (占比, 比重, 覆盖率, 配备率 …) above 100%.

    What it does:
        Finds percentages above 100% and looks at the term nearest before them in the
        clause. A share of a whole — 占比, 比重, 所占比例, 覆盖率, 配备率, 合格率 —
        cannot exceed 100%. Rates that legitimately can are left alone: growth
        (上升1350%), plan completion (完成率), loan-loss coverage (拨备覆盖率), gross
        enrolment (毛入学率). 破案率 above 100% is possible when cases of earlier years
        are solved, so it is a warning. Both lists are data
        (hegao/rules/data/rate_terms.txt).

    Why it matters:
        A share of more than 100% is impossible; it is usually a transposed figure or
        a rate confused with a count.

    Example:
        全市社区禁毒宣传阵地覆盖率达120%。

    Instead:
        全市社区禁毒宣传阵地覆盖率达100%。 (or the figure actually measured)
    """

    code = "PCT001"
    name = "rate-over-100"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        terms = rate_terms()
        for clause, q in _percentages(doc):
            if q.base <= HUNDRED or q.high is not None:
                continue
            before = doc.masked[clause.span.start : q.span.start]
            found = list(_rate_term_pattern().finditer(before))
            if not found:
                continue
            term = found[-1].group()
            kind = terms[term]
            if kind == "share":
                yield self.finding(q.span, f"“{term}”是部分占整体的比例，不应超过100%，文中为{q.text}")
            elif kind == "warn":
                yield self.finding(
                    q.span,
                    f"“{term}”为{q.text}，超过100%：若计入了往年积案可以成立，请核实并注明口径",
                    severity=Severity.WARNING,
                )


_DECREASE = regex.compile(r"下降|减少|降低|下滑|回落|减")
_INCREASE = regex.compile(r"上升|增长|增加|提高|提升|上涨|增")
# Between the verb and a later figure of the same list: 分别下降6.67%、128.85%.
_LIST_GLUE = regex.compile(r"^(?:同比|分别|了|和|及|与|[\s、,，\d.%])*$")


class DecreaseOver100(Rule):
    """A fall of more than 100% in something that cannot go below zero.

    What it does:
        Finds 下降 / 减少 / 降低 followed by a percentage above 100%. Counts of cases,
        people and incidents cannot fall by more than 100% (that would leave fewer than
        none). Money flows, profits, balances and growth rates can turn negative, so a
        fall of more than 100% is real there: when the clause speaks of one of those
        (hegao/rules/data/may_go_negative.txt), the rule stays silent.

    Why it matters:
        A fall of more than 100% in a count is arithmetically impossible; usually the
        rise and the fall were swapped, or the base was taken the wrong way round.

    Example:
        全市盗窃案件发案数同比下降128%。

    Instead:
        全市盗窃案件发案数同比下降28%。 (or the figure actually computed)
    """

    code = "PCT002"
    name = "decrease-over-100"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        for clause, q in _percentages(doc):
            if q.base <= HUNDRED or q.high is not None:
                continue
            before = doc.masked[clause.span.start : q.span.start]
            verbs = list(_DECREASE.finditer(before)) + list(_INCREASE.finditer(before))
            if not verbs:
                continue
            verb = max(verbs, key=lambda m: m.end())
            if not _DECREASE.fullmatch(verb.group()):
                continue
            if not _LIST_GLUE.match(before[verb.end() :]):
                continue
            sentence = doc.sentences[clause.sentence].span
            subject = doc.masked[sentence.start : q.span.start]
            if _may_go_negative().search(subject):
                continue
            yield self.finding(
                q.span,
                f"“{verb.group()}{q.text}”：下降超过100%意味着结果小于零，案件、人数等不可能为负，请核对",
            )


_SHARE_AFTER_PART = regex.compile(r"[，,（(]?\s*(?:占比|占总数的|占全部的|占总量的|占)(?:达到|达|为)?$")
_LAST_YEAR = regex.compile(r"(?:去年|上年)同期(?:为|是|的)?$")
_CHANGE_GLUE = regex.compile(r"^[，,\s]?(?:同比|比去年|比上年|较去年|较上年)?$")
_CHANGE_VERB = regex.compile(r"(上升|增长|增加|提高|下降|减少|降低)(?:了)?$")


class PercentMismatch(Rule):
    """A percentage that disagrees with the counts it is stated with.

    What it does:
        Recomputes two kinds of percentage from figures in the same sentence.
        A share: a whole, then 其中 a part and 占 a percentage (抓获166人，其中51人，
        占31.93%) — the share is part ÷ whole. A year-on-year change: this year's
        figure, last year's (去年同期 / 上年同期) and the change (上升 / 下降 x%) —
        the change is (this − last) ÷ last. The stated percentage may differ from the
        computed one by half a unit of its last printed digit.

    Why it matters:
        Readers and journalists recompute shares and changes; a percentage that does
        not follow from the counts next to it undermines the whole bulletin.

    Example:
        共受理案件300起，其中诈骗案件180起，占75%。

    Instead:
        共受理案件300起，其中诈骗案件180起，占60%。
    """

    code = "PCT003"
    name = "percent-mismatch"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        extraction = doc.extraction
        for sentence in doc.sentences:
            quantities = extraction.quantities_in(sentence.span)
            for i, q in enumerate(quantities):
                if q.kind is not Kind.PERCENT or q.unit != "%" or q.is_approximate:
                    continue
                finding = self._share(doc, quantities[:i], q) or self._change(doc, quantities, i)
                if finding is not None:
                    yield finding

    def _share(self, doc: Document, before: list[Quantity], pct: Quantity) -> Finding | None:
        if len(before) < 2:
            return None
        part, whole = before[-1], before[-2]
        glue = doc.masked[part.span.end : pct.span.start]
        if not _SHARE_AFTER_PART.search(glue) or len(glue) > 8:
            return None
        between = doc.masked[whole.span.end : part.span.start]
        if "其中" not in between or len(between) > 20:
            return None
        if whole.kind not in _COUNTED or not _exact_pair(part, whole) or whole.base == 0:
            return None
        computed = part.base / whole.base * HUNDRED
        if _agrees(computed, pct):
            return None
        return self.finding(
            pct.span,
            f"占比不符：{part.text} ÷ {whole.text} = {_round_like(computed, pct)}%，文中写作{pct.text}",
            (Related(part.span, f"分项：{part.text}"), Related(whole.span, f"总数：{whole.text}")),
        )

    def _change(self, doc: Document, quantities: list[Quantity], i: int) -> Finding | None:
        pct = quantities[i]
        verb = _CHANGE_VERB.search(doc.masked[max(0, pct.span.start - 6) : pct.span.start])
        if verb is None:
            return None
        counts = [q for q in quantities if q.kind in _COUNTED]
        last_year = [
            q for q in counts if _LAST_YEAR.search(doc.masked[max(0, q.span.start - 8) : q.span.start])
        ]
        if len(last_year) != 1:
            return None
        previous = last_year[0]
        current = [q for q in counts if q is not previous and _exact_pair(q, previous)]
        if len(current) != 1 or previous.base == 0:
            return None
        now = current[0]
        if now.span.start > previous.span.start:
            return None  # this year's figure comes first: 58起，去年同期40起
        glue_start = max(now.span.end, previous.span.end)
        verb_start = pct.span.start - len(verb.group())
        if glue_start > verb_start or not _CHANGE_GLUE.match(doc.masked[glue_start:verb_start]):
            return None  # another subject in between: 群众满意度提高5%
        change = (now.base - previous.base) / previous.base * HUNDRED
        falling = verb.group(1) in ("下降", "减少", "降低")
        if (change < 0) != falling and change != 0:
            return None  # the verb speaks of something else
        if _agrees(abs(change), pct):
            return None
        return self.finding(
            pct.span,
            f"同比变化不符：({now.text} − {previous.text}) ÷ {previous.text} = "
            f"{_round_like(change, pct)}%，文中写作{verb.group(1)}{pct.text}",
            (
                Related(now.span, f"本期：{now.text}"),
                Related(previous.span, f"上年同期：{previous.text}"),
            ),
        )


def _exact_pair(a: Quantity, b: Quantity) -> bool:
    return (
        a.kind == b.kind
        and a.unit == b.unit
        and not a.is_approximate
        and not b.is_approximate
        and a.high is None
        and b.high is None
    )


def _agrees(computed: Decimal, stated: Quantity) -> bool:
    half_unit = Decimal(1).scaleb(-stated.decimals) / 2
    return abs(computed - stated.value) <= half_unit


def _round_like(value: Decimal, stated: Quantity) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-max(stated.decimals, 1))):f}"


RULES = (RateOver100, DecreaseOver100, PercentMismatch)
