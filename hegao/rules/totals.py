"""Totals and their parts: a stated total must equal the sum of the parts it names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import regex

from hegao.checker.document import Document
from hegao.checker.model import Finding, Related, Severity, Span
from hegao.checker.quantities import Kind, Quantity
from hegao.checker.rule import Rule

# 共 is a total only where it is not part of a word (公共, 共同, 共享, 中共 …).
_TOTAL_MARKER = regex.compile(
    r"(?P<ref>以上|上述|两项|两者|二者|三者|[二两三四五六七八九十]项)?"
    r"(?P<mk>共计|合计|总计|总共|一共|共有|累计|(?<![公中])共(?![同享建治识产青性赢商筑担生和振鸣谋济用])|计)"
)
# Between the marker and the total only a few words may stand: 共计被骗 708604.9万元.
_MARKER_GAP = regex.compile(r"^[\p{Han}\s]{0,10}$")
_CLAUSE_BREAKS = "；;"
# Words that make the figures before a total something other than its parts: a partial
# breakdown, another period, a change or a ratio.
_NOT_A_PLAIN_LIST = regex.compile(
    r"其中|同比|同期|去年|上年|前年|环比|比上|增长|下降|增加|减少|上升|提高|降低|较|占|"
    r"平均|人均|每|小计|合计|共计|总计|累计|分别占|以上|以下"
)
_PARTS_AFTER_TOTAL = regex.compile(r"^[，,：:\s]{0,2}(?:分别为|分别是)")
_PARTIAL_AFTER = regex.compile(r"其中|包括|等")
ADDITIVE_KINDS = frozenset({Kind.COUNT, Kind.MONEY, Kind.MEASURE})
POWER_OF_TEN_SLIPS = (1, 2, 3, 4, 8)
_SCALE_NAMES = {4: "万", 8: "亿"}


@dataclass(frozen=True, slots=True)
class _Claim:
    total: Quantity
    parts: tuple[Quantity, ...]


class TotalMismatch(Rule):
    """A stated total does not equal the sum of the parts listed with it.

    What it does:
        Finds a total (共计, 合计, 总计, 共, 两项共计 …) stated right after, or right
        before (with 分别为), a list of figures in the same unit, adds the figures up in
        base units and compares. Rounding is allowed for: the parts and the total may
        differ by half a unit of their last printed digits. When the difference is a
        power of ten (10, 100, 1000, 10000, 10^8), it says which unit would be right.

    Why it matters:
        A total that does not add up is the first thing a reader checks, and a unit slip
        (元 written as 万元) multiplies a figure ten thousand times in a published text.

    Example:
        被诈骗608605.9元，又被诈骗99999元，共计被骗708604.9万元。

    Instead:
        被诈骗608605.9元，又被诈骗99999元，共计被骗708604.9元。

        The rule stays silent where the structure is not unambiguous: 其中 breakdowns
        (often partial), lists of different metrics after 共 (共破获案件156起，抓获51人),
        figures of different units, approximate figures (余, 多, 约), other periods
        (同比, 去年同期) and running totals (累计) that do not refer back to a list.
    """

    code = "SUM001"
    name = "total-mismatch"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        for seg, quantities in _segments_with_quantities(doc):
            if len(quantities) < 3:
                continue
            for claim in _claims(doc.masked, seg, quantities):
                finding = self._compare(claim)
                if finding is not None:
                    yield finding

    def _compare(self, claim: _Claim) -> Finding | None:
        total, parts = claim.total, claim.parts
        parts_sum = sum((p.base for p in parts), Decimal(0))
        tolerance = sum((_rounding(p) for p in parts), _rounding(total))
        difference = total.base - parts_sum
        if abs(difference) <= tolerance:
            return None
        related = tuple(Related(p.span, f"分项：{p.text}") for p in parts)
        arithmetic = " + ".join(_show(p.base, p.unit) for p in parts)
        summed = _show(parts_sum, total.unit)
        parts_tolerance = sum((_rounding(p) for p in parts), Decimal(0))
        for k in POWER_OF_TEN_SLIPS:
            factor = Decimal(10) ** k
            too_big = abs(total.base - parts_sum * factor) <= (_rounding(total) + parts_tolerance * factor)
            too_small = abs(total.base * factor - parts_sum) <= (_rounding(total) * factor + parts_tolerance)
            if too_big or too_small:
                return self.finding(
                    total.span,
                    f"合计与分项相差 {factor} 倍，疑为单位错误：分项合计 {arithmetic} = {summed}，"
                    f"文中写作“{total.text}”（{_show(total.base, total.unit)}）；应为 {summed}",
                    related,
                )
        slipped = _part_missing_scale(total, parts, tolerance)
        if slipped is not None:
            part, k = slipped
            what = f"疑漏写“{_SCALE_NAMES[k]}”" if k in _SCALE_NAMES else f"疑少写 {k} 位数字"
            corrected = _show(part.base * Decimal(10) ** k, part.unit)
            return self.finding(
                part.span,
                f"分项“{part.text}”{what}：分项合计 {arithmetic} = {summed}，"
                f"与合计“{total.text}”不符；若该项为 {corrected} 则相符",
                (
                    Related(total.span, f"合计：{total.text}"),
                    *tuple(r for r in related if r.span != part.span),
                ),
            )
        return self.finding(
            total.span,
            f"合计与分项不符：分项合计 {arithmetic} = {summed}，文中写作“{total.text}”"
            f"（相差 {_show(abs(difference), total.unit)}）",
            related,
        )


def _segments_with_quantities(doc: Document) -> list[tuple[Span, list[Quantity]]]:
    """Each sentence piece between semicolons that holds quantities, with them (worked
    out once per document for SUM001 and SUM002)."""

    def compute() -> list[tuple[Span, list[Quantity]]]:
        quantities_in = doc.extraction.quantities_in
        out = []
        for sentence in doc.sentences:
            for seg in _segments(doc.masked, sentence.span):
                found = quantities_in(seg)
                if found:
                    out.append((seg, found))
        return out

    return doc.memo("total_segments", compute)


_SEGMENT_BREAK = regex.compile(f"[{_CLAUSE_BREAKS}]")


def _segments(masked: str, span: Span) -> Iterator[Span]:
    start = span.start
    for m in _SEGMENT_BREAK.finditer(masked, span.start, span.end):
        yield Span(start, m.start())
        start = m.end()
    yield Span(start, span.end)


def _claims(masked: str, seg: Span, quantities: list[Quantity]) -> Iterator[_Claim]:
    for m in _TOTAL_MARKER.finditer(masked, seg.start, seg.end):
        after = [q for q in quantities if q.span.start >= m.end()]
        if not after:
            continue
        total = after[0]
        if not _MARKER_GAP.match(masked[m.end() : total.span.start]):
            continue
        if total.kind not in ADDITIVE_KINDS or total.is_approximate:
            continue
        if m.group("mk") == "计" and not m.group("ref"):
            continue  # 计 alone is too common a character (计划, 统计)
        claim = _parts_before(masked, seg, quantities, m, total)
        if claim is None:
            claim = _parts_after(masked, seg, quantities, total)
        if claim is not None:
            yield claim


def _parts_before(
    masked: str, seg: Span, quantities: list[Quantity], marker: regex.Match[str], total: Quantity
) -> _Claim | None:
    if marker.group("mk") == "累计" and not marker.group("ref"):
        return None  # a running total, not the sum of the figures before it
    before = [q for q in quantities if q.span.end <= marker.start()]
    # "两人共计…", "三起案件共…": a count of the items just before the marker names them.
    if before and _counts_items(masked, before[-1], marker.start()):
        before = before[:-1]
    # "两起案件分别涉案126万元和74万元": a leading count of the items that follow.
    if (
        len(before) >= 3
        and not _same_measure(before[0], total)
        and before[0].kind is Kind.COUNT
        and before[0].scale == ""
        and before[0].value == len(before) - 1
    ):
        before = before[1:]
    if len(before) < 2:
        return None
    if _NOT_A_PLAIN_LIST.search(masked[seg.start : marker.start()]):
        return None
    if any(not _same_measure(q, total) or q.is_approximate for q in before):
        return None
    if len(masked[before[-1].span.end : marker.start()]) > 15:
        return None
    return _Claim(total, tuple(before))


def _parts_after(masked: str, seg: Span, quantities: list[Quantity], total: Quantity) -> _Claim | None:
    rest = masked[total.span.end : seg.end]
    if not _PARTS_AFTER_TOTAL.match(rest) or _PARTIAL_AFTER.search(rest):
        return None
    after = [q for q in quantities if q.span.start >= total.span.end]
    if len(after) < 2 or any(not _same_measure(q, total) or q.is_approximate for q in after):
        return None
    return _Claim(total, tuple(after))


def _rounding(q: Quantity) -> Decimal:
    """How far the printed figure may be from the exact one.

    A figure with a scale (2902万元, 1.5亿元) or a physical measure (19.5吨) is rounded
    to its last printed digit: half a unit either way. Counts and sums of money written
    in base units (15人, 99999元, 608605.9元) are exact.
    """
    if not q.scale and q.kind in (Kind.COUNT, Kind.MONEY):
        return Decimal(0)
    return q.resolution / 2


_ITEM_COUNT_GAP = regex.compile(r"^\p{Han}{0,4}$")


def _counts_items(masked: str, q: Quantity, marker_start: int) -> bool:
    """两人共计…, 三起案件共…: a small count right before the marker names the items."""
    gap = masked[q.span.end : marker_start]
    return q.kind is Kind.COUNT and q.value <= 10 and q.scale == "" and _ITEM_COUNT_GAP.match(gap) is not None


def _same_measure(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and a.unit == b.unit


def _part_missing_scale(
    total: Quantity, parts: tuple[Quantity, ...], tolerance: Decimal
) -> tuple[Quantity, int] | None:
    parts_sum = sum((p.base for p in parts), Decimal(0))
    for part in parts:
        for k in POWER_OF_TEN_SLIPS:
            factor = Decimal(10) ** k
            fixed = parts_sum - part.base + part.base * factor
            if abs(total.base - fixed) <= tolerance + _rounding(part) * (factor - 1):
                return part, k
    return None


def _show(value: Decimal, unit: str) -> str:
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return f"{value:,f} {unit}".strip()


_WHOLE_THEN_PARTS = regex.compile(r"[，,：:（(\s]{0,2}其中")
# Parts that are changes or another period, not shares of the whole.
_NOT_PARTS = regex.compile(r"同比|环比|同期|去年|上年|增加|减少|上升|下降|增长|提高|降低|较|比上")
# Measures taken against the same people (拘留, then 取保候审 or 逮捕) may overlap.
_MAY_OVERLAP = regex.compile(r"拘留|刑拘|逮捕|取保|起诉|移送|判处|处罚|批捕|监视居住")


def _clause_before(text: str, start: int, end: int) -> str:
    """The words of the clause that lead up to ``end``."""
    cut = max(text.rfind(mark, start, end) for mark in "，,；;：:")
    return text[max(cut + 1, start) : end]


def _closing_bracket(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i] in "）)":
            return i
    return end


class PartExceedsWhole(Rule):
    """Parts introduced by 其中 add up to more than the whole they belong to.

    What it does:
        Finds a figure followed by 其中 and a list of figures in the same unit
        (接报警情1250起，其中刑事312起、治安586起、交通367起), and reports a part larger
        than the whole, or parts that together exceed it. 其中 lists are often
        incomplete, so parts that add up to less than the whole are fine. When the
        parts are measures that may apply to the same people one after another
        (刑事拘留 then 取保候审 or 逮捕), their sum exceeding the whole is only a
        warning: the categories may overlap.

    Why it matters:
        A breakdown larger than its total is a contradiction any reader can check,
        and usually means a part was mistyped or taken from another period.

    Example:
        全年接报警情1250起，其中刑事警情312起、治安警情586起、交通警情367起。

    Instead:
        Check each part against the source: 312 + 586 + 367 = 1265 > 1250.
    """

    code = "SUM002"
    name = "part-exceeds-whole"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        for seg, quantities in _segments_with_quantities(doc):
            for i, whole in enumerate(quantities[:-1]):
                m = _WHOLE_THEN_PARTS.match(doc.masked, whole.span.end, seg.end)
                if not m or whole.kind not in ADDITIVE_KINDS or whole.is_approximate:
                    continue
                if _NOT_PARTS.search(_clause_before(doc.masked, seg.start, whole.span.start)):
                    continue  # 比去年增加4000亿元，其中…: the whole is a change
                scope = seg
                if "（" in m.group() or "(" in m.group():
                    # 40起（其中跨境案件31起）: the breakdown ends with the bracket.
                    close = _closing_bracket(doc.masked, m.end(), seg.end)
                    scope = Span(seg.start, close)
                after = [q for q in quantities[i + 1 :] if q.span.end <= scope.end]
                finding = self._check_parts(doc, scope, whole, after, m.end())
                if finding is not None:
                    yield finding

    def _check_parts(
        self, doc: Document, seg: Span, whole: Quantity, after: list[Quantity], start: int
    ) -> Finding | None:
        stretch = doc.masked[start : seg.end]
        if "其中" in stretch or _NOT_PARTS.search(stretch):
            return None  # nested breakdowns, or changes rather than parts
        parts = [q for q in after if _same_measure(q, whole)]
        if not parts:
            return None
        tolerance = _rounding(whole)
        related = (Related(whole.span, f"总数：{whole.text}"),)
        for part in parts:
            if part.base - _rounding(part) > whole.base + tolerance:
                return self.finding(
                    part.span,
                    f"分项“{part.text}”大于总数“{whole.text}”"
                    f"（{_show(part.base, part.unit)} > {_show(whole.base, whole.unit)}）",
                    related,
                )
        if len(parts) < 2:
            return None
        parts_sum = sum((p.base for p in parts), Decimal(0))
        slack = tolerance + sum((_rounding(p) for p in parts), Decimal(0))
        if parts_sum <= whole.base + slack:
            return None
        arithmetic = " + ".join(_show(p.base, p.unit) for p in parts)
        overlap = _MAY_OVERLAP.search(stretch) is not None
        note = "（这些措施可能先后用于同一批人，如属此情况请忽略）" if overlap else ""
        return self.finding(
            parts[-1].span,
            f"其中各项之和大于总数：{arithmetic} = {_show(parts_sum, whole.unit)}，超过“{whole.text}”{note}",
            related + tuple(Related(p.span, f"分项：{p.text}") for p in parts[:-1]),
            severity=Severity.WARNING if overlap else None,
        )


RULES = (TotalMismatch, PartExceedsWhole)
