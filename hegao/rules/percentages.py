"""Percentages that cannot be true: shares over 100%, falls of more than 100%, and
percentages that disagree with the counts they are stated with."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.claims import Growth, interval, percent_agrees, ratio_range
from hegao.checker.datafiles import data_lines
from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related, Severity, Span
from hegao.checker.text.segments import Clause
from hegao.messages import text as say

HUNDRED = Decimal(100)


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


_TO_LEVEL = regex.compile(r"到|至")


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

    概述:
        占比类比率（占比、比重、覆盖率、配备率……）超过 100%。

    说明:
        查找超过 100% 的百分数，看分句中紧挨在前面的术语。整体中的占比——占比、比重、所占
        比例、覆盖率、配备率、合格率——不可能超过 100%。本来可以超过的比率不报告：增长（上
        升1350%）、计划完成率（完成率）、拨备覆盖率、毛入学率。破案率在破获往年积案时可能超
        过 100%，只作警告。两份词表都是数据（hegao/rules/data/rate_t
        erms.txt）。

    原因:
        超过 100% 的占比是不可能的，通常是数字颠倒，或把比率和数量弄混了。

    Example:
        全市社区禁毒宣传阵地覆盖率达120%。

    Instead:
        全市社区禁毒宣传阵地覆盖率达100%。 (or the figure actually measured)
    """

    code = "PCT001"
    title = "占比超过100%"
    name = "rate-over-100"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        terms = rate_terms()
        for clause, q in _percentages(doc):
            if q.base <= HUNDRED or q.high is not None:
                continue
            before = doc.masked[clause.span.start : q.span.start]
            # 比重上升到51.6%: a change verb followed by 到 leads to a level, it does not
            # say what the percentage is.
            found = [t for t in _rate_term_pattern().finditer(before) if not _TO_LEVEL.match(before, t.end())]
            if not found:
                continue
            term = found[-1].group()
            kind = terms[term]
            if (
                kind == "share"
                and term.startswith("占")
                and vocab.pattern("plan").search(before, found[-1].end())
            ):
                kind = "may-exceed"  # 占年度计划投资的109.7%: plan completion may exceed 100%
            if kind == "share":
                yield self.finding(q.span, say("PCT001", term=term, text=q.text))
            elif kind == "warn":
                yield self.finding(
                    q.span,
                    say("PCT001.cases", term=term, text=q.text),
                    severity=Severity.WARNING,
                )


_DECREASE = regex.compile(f"{vocab.alternation('decrease')}|{vocab.alternation('decrease_terse')}")
_INCREASE = regex.compile(f"{vocab.alternation('increase')}|{vocab.alternation('increase_terse')}")
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

    概述:
        不可能为负的数量下降超过 100%。

    说明:
        查找“下降、减少、降低”后面超过 100% 的百分数。案件、人数、事故等数量不可能下降超
        过 100%（那样会少于零）。资金流量、利润、余额和增长率可以变为负数，分句谈到这些时（
        hegao/rules/data/may_go_negative.txt）不报告。

    原因:
        数量下降超过 100% 在算术上不可能，通常是把增减写反了，或把基数取反了。

    Example:
        全市盗窃案件发案数同比下降128%。

    Instead:
        全市盗窃案件发案数同比下降28%。 (or the figure actually computed)
    """

    code = "PCT002"
    title = "下降超过100%"
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
            # The thing that fell is named right before the verb: 利润下降120% may be
            # true, 单位国内生产总值能耗下降120% is not.
            subject = doc.masked[clause.span.start : clause.span.start + verb.start()]
            if any(m.end() >= len(subject) - 4 for m in _may_go_negative().finditer(subject)):
                continue
            yield self.finding(
                q.span,
                say("PCT002", verb=verb.group(), text=q.text),
            )


class PercentMismatch(Rule):
    """A percentage that disagrees with the counts it is computed from.

    What it does:
        Recomputes percentages from the figures the claim layer relates them to. A
        share: a whole, then 其中 a part and 占 / 所占比例为 / 占总数的 a percentage
        (抓获166人，其中51人，占30.7%), or 占 with the whole named (占总任务7.35万亩的
        106.8%) — the share is part ÷ whole. A rate: 破案率, 化解率, 办结率 … with the
        counts it divides in the same or the previous sentence (立案120起，破获96起，
        破案率80%) — which counts each rate divides is data
        (hegao/checker/data/vocabulary.toml). A share named by the words of a part read
        earlier (第二产业增加值比重为41.7%) is that part ÷ its whole. Every figure is taken
        with its printed precision: 2.6 of 37.4 may be anything from 2.55 ÷ 37.45 to
        2.65 ÷ 37.35; the shares of a complete partition may be off by one unit more,
        as statistics offices round them to add up to exactly 100.

    Why it matters:
        Readers and journalists recompute shares and rates; a percentage that does not
        follow from the counts next to it undermines the whole bulletin.

    概述:
        百分数与计算它的数据不符。

    说明:
        按断言层找到的关系重新计算百分数。占比：先有整体，再有“其中”部分和“占、所占比例为、占
        总数的”百分数（抓获166人，其中51人，占30.7%），或“占”后写明整体（占总任务7
        .35万亩的106.8%）——占比 = 部分 ÷ 整体。比率：破案率、化解率、办结率……
        及同一句或前一句中它所除的数量（立案120起，破获96起，破案率80%）——各比率由哪些
        数相除是数据（hegao/checker/data/vocabulary.toml）。用前文某一分项的名称写出的
        比重（第二产业增加值比重为41.7%）即该分项 ÷ 其整体。每个数字都按印出的精度计算：
        37.4 中的 2.6 可以是 2.55 ÷ 37.45 到 2.65 ÷ 37.35 之间的任何值；完整划分的各比重
        还可再差末位一个单位，因为统计部门会调整舍入使其合计恰为 100。

    原因:
        读者和记者会重新计算占比和比率；百分数与旁边的数据对不上，会让人怀疑整篇通报。

    Example:
        共受理案件300起，其中诈骗案件180起，占75%。

    Instead:
        共受理案件300起，其中诈骗案件180起，占60%。
    """

    code = "PCT003"
    title = "百分比与数据不符"
    name = "percent-mismatch"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        for ratio in doc.claims.ratios:
            bounds = ratio_range(ratio.numerator, ratio.denominator)
            if bounds is None or percent_agrees(*bounds, ratio.value):
                continue
            if ratio.adjusted:  # rounded to make the shares add up to 100: a unit either way
                unit = Decimal(1).scaleb(-ratio.value.decimals)
                if percent_agrees(bounds[0] - unit, bounds[1] + unit, ratio.value):
                    continue
            computed = _round_like(ratio.numerator.base / ratio.denominator.base * HUNDRED, ratio.value)
            num, den = ratio.numerator.text, ratio.denominator.text
            what = say("PCT003.share") if ratio.term.startswith("占") or "比" in ratio.term else ratio.term
            yield self.finding(
                ratio.value.span,
                say("PCT003", what=what, num=num, den=den, computed=computed, text=ratio.value.text),
                (
                    Related(ratio.numerator.span, say("PCT003.numerator", num=num)),
                    Related(ratio.denominator.span, say("PCT003.denominator", den=den)),
                ),
            )


class GrowthMismatch(Rule):
    """A growth rate that disagrees with the two levels or the increment stated with it.

    What it does:
        Recomputes a change rate from the figures the claim layer relates it to: two
        levels (从48000下降到39600，下降了17.5%; 由上年的A增加至B，增长x%; 今年B，去年同期A，
        同比上升x%) or a level and its increment (今年B，比上年增加D，增长x% — the rate is
        D ÷ (B − D)). Every figure is taken with its printed precision. Growth stated at
        comparable prices or in real terms (可比价, 实际增长, 扣除价格因素) is not
        recomputed from nominal levels.

    Why it matters:
        A growth rate is the figure headlines quote; when it does not follow from the
        levels printed beside it, one of the three figures is wrong.

    概述:
        增减幅度与一同给出的两个数值或增减量不符。

    说明:
        按断言层找到的关系重新计算增减幅度：两个数值（从48000下降到39600，下降了17.
        5%；由上年的A增加至B，增长x%；今年B，去年同期A，同比上升x%），或一个数值及其增
        减量（今年B，比上年增加D，增长x%——幅度为 D ÷ (B − D)）。每个数字都按印
        出的精度计算。按可比价或实际增长（可比价、实际增长、扣除价格因素）的幅度不用名义数值重新
        计算。

    原因:
        增减幅度是标题最常引用的数字；它与旁边印出的数值对不上时，三个数中必有一个是错的。

    Example:
        全市盗窃案件从480起下降到396起，下降了21.2%。

    Instead:
        全市盗窃案件从480起下降到396起，下降了17.5%。
    """

    code = "PCT004"
    title = "增减幅度与数据不符"
    name = "growth-mismatch"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        for growth in doc.claims.growths:
            finding = self._compare(growth)
            if finding is not None:
                yield finding

    def _compare(self, g: Growth) -> Finding | None:
        if g.after is None:
            return None
        a_lo, a_hi = interval(g.after)
        if g.increment is not None:
            i_lo, i_hi = interval(g.increment)
            sign = -1 if g.falling else 1
            # before = after − increment (rising) or after + increment (falling)
            b_lo, b_hi = a_lo - sign * i_hi, a_hi - sign * i_lo
            if b_lo > b_hi:
                b_lo, b_hi = b_hi, b_lo
            exact_before = g.after.base - sign * g.increment.base
            shown = f"{g.increment.text} ÷ ({g.after.text} {'−' if sign > 0 else '+'} {g.increment.text})"
            related = (
                Related(g.after.span, say("PCT004.after", text=g.after.text)),
                Related(g.increment.span, say("PCT004.increment", text=g.increment.text)),
            )
        else:
            assert g.before is not None
            b_lo, b_hi = interval(g.before)
            exact_before = g.before.base
            shown = f"({g.after.text} − {g.before.text}) ÷ {g.before.text}"
            related = (
                Related(g.before.span, say("PCT004.before", text=g.before.text)),
                Related(g.after.span, say("PCT004.after", text=g.after.text)),
            )
        if b_lo <= 0 or exact_before <= 0:
            return None
        change = (g.after.base - exact_before) / exact_before * HUNDRED
        if change != 0 and (change < 0) != g.falling:
            return None  # the verb speaks of something else
        corners = [(a / b - 1) * HUNDRED for a in (a_lo, a_hi) for b in (b_lo, b_hi)]
        low, high = min(corners), max(corners)
        if g.falling:
            low, high = -high, -low
        if percent_agrees(low, high, g.rate):
            return None
        return self.finding(
            g.rate.span,
            say(
                "PCT004",
                shown=shown,
                computed=_round_like(abs(change), g.rate),
                verb=g.verb,
                text=g.rate.text,
            ),
            related,
        )


def _round_like(value: Decimal, stated: Quantity) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-max(stated.decimals, 1))):f}"


_RATIO = regex.compile(r"(?P<a>\d+(?:\.\d+)?)(?:\s*[:：]\s*\d+(?:\.\d+)?){1,5}")
_RATIO_NUMBER = regex.compile(r"\d+(?:\.\d+)?")
# The structure is named earlier in the clause: 三次产业结构由…调整为a:b:c.
_STRUCTURE = regex.compile(rf"(?:{vocab.alternation('structure')})[^，,；;。]*$")
_PARTITION = regex.compile(vocab.alternation("partition"))
_SHARE_BEFORE = regex.compile(r"(?:占|比重|占比)[^，。；%]{0,12}?(?:为|是|达)?\s*$")
_LIST_GLUE = regex.compile(r"[\s、，,和及与]*")  # between the shares of a list
_CATEGORY = regex.compile(r"([^，、；。]{1,12}?)(?:的)?(?:天数)?(?:占|比重|占比)[^，、；。%]{0,8}$")
# The closing word may carry its noun (1亿元以上项目, 其他项目); 规模以上 and 限额以上 name
# kinds of enterprise, not the end of a scale.
_CLOSING = regex.compile(rf"(?<!规模|限额)(?:{vocab.alternation('closing_category')})\p{{Han}}{{0,4}}$")


class SharesOfOneWhole(Rule):
    """Shares of one whole, listed together, that do not add up to 100%.

    What it does:
        Adds up the shares of a whole when the text says they cover it: a structure
        written a:b:c (三次产业结构为6.7:41.3:52.0), a 分别 list of shares after a
        partition named as a whole (第一、二、三产业…比重分别为…), or a list of shares
        whose last category closes the scale (优…良…轻度污染…中度及以上). They must add up
        to 100 within the rounding of every share (100.1 and 99.9 are fine). Shares
        listed after 其中, or of categories that may overlap, are not added.

    Why it matters:
        Shares of a whole that add up to 96% or 104% mean one of them is wrong, and a
        structure is quoted as a whole.

    概述:
        同一整体的各部分比重合计不等于 100%。

    说明:
        文中表明各部分覆盖整体时，把它们的比重相加：写作 a:b:c 的结构（三次产业结构为
        6.7:41.3:52.0）、整体之后的“分别”比重列举（第一、二、三产业……比重分别为……），
        或最后一类收束了整个范围的比重列举（优……良……轻度污染……中度及以上）。合计须在
        各比重的舍入范围内等于 100（100.1、99.9 均可）。“其中”之后的比重、可能重叠的类
        别不相加。

    原因:
        同一整体的各部分比重加起来是 96% 或 104%，说明其中有一个是错的；而结构比例常被
        整体引用。

    Example:
        全年三次产业结构为6.7:41.3:50.0。

    Instead:
        全年三次产业结构为6.7:41.3:52.0。
    """

    code = "PCT005"
    title = "各部分比重之和不等于100%"
    name = "shares-not-whole"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        # One scan of the text for a:b:c, each read within its sentence.
        for m in _RATIO.finditer(text):
            clause = doc.clause_at(m.start())
            if clause is None:
                continue
            sentence = doc.sentences[clause.sentence].span
            if m.end() > sentence.end:
                continue
            if _STRUCTURE.search(text, max(sentence.start, m.start() - 30), m.start()):
                parts = [
                    (Decimal(x.group()), _decimals(x.group())) for x in _RATIO_NUMBER.finditer(m.group())
                ]
                found = self._compare(m.start(), m.end(), parts, m.group())
                if found is not None:
                    yield found
        for sentence, quantities in zip(doc.sentences, doc.sentence_quantities, strict=True):
            shares = [q for q in quantities if q.kind is Kind.PERCENT and q.high is None]
            whole = self._covering(text, sentence.span.start, shares)
            if whole:
                parts = [(q.value, q.decimals) for q in whole]
                shown = "、".join(q.text for q in whole)
                found = self._compare(whole[0].span.start, whole[-1].span.end, parts, shown)
                if found is not None:
                    yield found

    @staticmethod
    def _covering(text: str, start: int, shares: list[Quantity]) -> list[Quantity]:
        """The shares that the text says cover one whole, or none."""
        if len(shares) < 2 or "其中" in text[start : shares[0].span.start]:
            return []
        before = text[start : shares[0].span.start]
        listed = all(
            _LIST_GLUE.fullmatch(text, a.span.end, b.span.start) for a, b in itertools.pairwise(shares)
        )
        if listed and "分别" in before and _PARTITION.search(before) and len(shares) == 3:
            return shares  # 第一、二、三产业……比重分别为x%、y%、z%
        categories = []
        for q in shares:
            m = _CATEGORY.search(text, max(start, q.span.start - 24), q.span.start)
            if m is None:
                return []
            categories.append(m.group(1))
        if len(shares) >= 3 and _CLOSING.search(categories[-1].strip()):
            return shares  # 优…良…轻度污染…中度及以上
        return []

    def _compare(self, a: int, b: int, parts: list[tuple[Decimal, int]], shown: str) -> Finding | None:
        total = sum((v for v, _ in parts), Decimal(0))
        if not Decimal(80) <= total <= Decimal(120):
            return None  # not shares of a whole (a ratio such as 104.5:100)
        tolerance = sum((Decimal(5).scaleb(-(d + 1)) for _, d in parts), Decimal(0))
        if abs(total - 100) <= tolerance:
            return None
        arithmetic = " + ".join(f"{v}" for v, _ in parts)
        return self.finding(
            Span(a, b), say("PCT005", shown=shown, arithmetic=arithmetic, total=f"{total.normalize():f}")
        )


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


RULES = (RateOver100, DecreaseOver100, PercentMismatch, GrowthMismatch, SharesOfOneWhole)
