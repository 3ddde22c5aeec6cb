"""PCT005 shares-not-whole: shares of one whole, listed together, that do not add up to
100%."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Span

# A ratio starts where a run of digits starts (a match inside a run would also match
# from its start, which is tried first), and its digits and spaces are possessive
# (giving one back leaves a digit where a colon or nothing must follow): without both,
# a run of n digits was scanned from each of its n places, n² steps.
_RATIO = regex.compile(r"(?<!\d)(?P<a>\d++(?:\.\d++)?)(?:\s*+[:：]\s*+\d++(?:\.\d++)?){1,5}")


_RATIO_NUMBER = regex.compile(r"\d+(?:\.\d+)?")


# The structure is named earlier in the clause: 三次产业结构由…调整为a:b:c.
_STRUCTURE = regex.compile(rf"(?:{vocab.alternation('structure')})[^，,；;。]*$")


_PARTITION = regex.compile(vocab.alternation("partition"))


_RESPECTIVELY = vocab.pattern("counting.respectively")


_CATEGORY = regex.compile(
    rf"([^，、；。]{{1,12}}?)(?:的)?(?:{vocab.alternation('shares.counted')})?"
    rf"(?:{vocab.alternation('share')})[^，、；。%]{{0,8}}$"
)


# The closing word may carry its noun (1亿元以上项目, 其他项目); 规模以上 and 限额以上 name
# kinds of enterprise, not the end of a scale.
_CLOSING = regex.compile(
    rf"(?<!{vocab.alternation('shares.enterprise_threshold')})"
    rf"(?:{vocab.alternation('closing_category')})\p{{Han}}{{0,4}}$"
)


# Between the shares of a list.
_LIST_GLUE = regex.compile(rf"(?:[\s、，,]|{vocab.alternation('joining.conjunction')})*")


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
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "同一整体的各部分比重之和应为 100%：{shown}，{arithmetic} = {total}",
            "the shares of one whole should add up to 100%: {shown}, {arithmetic} = {total}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        # One scan of the text for a:b:c, each read within its sentence.
        for m in _RATIO.finditer(text):
            clause = doc.clause_at(m.start())
            if clause is None:
                continue
            bounds = doc.sentences[clause.sentence].span
            if m.end() > bounds.end:
                continue
            if _STRUCTURE.search(text, max(bounds.start, m.start() - 30), m.start()):
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
        if listed and _RESPECTIVELY.search(before) and _PARTITION.search(before) and len(shares) == 3:
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
            Span(a, b), self.say("main", shown=shown, arithmetic=arithmetic, total=f"{total.normalize():f}")
        )


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0
