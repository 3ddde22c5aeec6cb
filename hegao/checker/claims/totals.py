"""Sums: a total and the parts it adds up (共计, 合计, 两项共 …, or 分别为 after it)."""

from __future__ import annotations

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.claims.arithmetic import ADDITIVE_KINDS, exact, same_measure
from hegao.checker.claims.clauses import PUNCTUATION_RUN, clause_start, last, outside_brackets
from hegao.checker.claims.model import Sum
from hegao.checker.claims.patterns import PERIOD
from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.model import Span

# A total's figure follows its marker closely: 共抓获犯罪嫌疑人 may stand between, a clause not.
MARKER_GAP = 10
# The last part ends close to the total's marker (…600起，共计…); further off, the marker
# closes another statement.
PARTS_TO_MARKER = 15
# An inclusion (包括…在内) is a phrase within a clause.
INCLUSION_SPAN = 40
# A count that names the items before a total is small (两人共计, 三起案件共), and so is
# the noun after it.
ITEM_COUNT_MAX = 10
ITEM_NOUN = 4
# How far back the name of a part is read (夏粮产量 for 总产量): a clause's lead.
PART_NAME_WINDOW = 20
# The words a later clause's total names of its own (完成实施项目共384个): a word, at least.
OWN_ITEMS_WORD = 2

_TOTAL = regex.compile(
    rf"(?P<ref>{vocab.alternation('total_reference')})?"
    rf"(?P<mk>{vocab.alternation('total')}|{vocab.alternation('total_noun')})"
)
# 共 is a total only where it is not part of a word (公共, 共同, 共享, 中共 …).
_NOT_TOTAL_GONG = vocab.pattern("claims.gong_words")
_MARKER_GAP = regex.compile(rf"^[\p{{Han}}\s]{{0,{MARKER_GAP}}}$")
# Figures that are not a plain list of parts: changes, earlier levels, rates, shares (分别占
# among them, by share's 占), a subtotal.
_NOT_A_PLAIN_LIST = regex.compile(
    f"{vocab.alternation('comparison')}|{vocab.alternation('increase')}|{vocab.alternation('decrease')}|"
    f"{vocab.alternation('previous_period')}|{vocab.alternation('per_unit')}|{vocab.alternation('share')}|"
    f"{vocab.alternation('subtotal')}"
)
_MONTH_OR_PERIOD = regex.compile(rf"\d{{1,2}}\s*月|{vocab.alternation('claims.running_periods')}")
_PARTS_AFTER_TOTAL = regex.compile(
    rf"^[，,：:\s]{{0,{PUNCTUATION_RUN}}}(?:{vocab.alternation('claims.parts_follow')})"
)
_PARTIAL_AFTER = vocab.pattern("claims.partial_list")
# The words that open a breakdown, as a word of their own: 含 alone is inside words
# (含量, 包含) too often to cut a list there.
_BREAKDOWN_OPENING = regex.compile("|".join(w for w in vocab.words("breakdown") if len(w) > 1))
_INCLUSION = regex.compile(
    rf"(?:{vocab.alternation('claims.inclusion_opens')})[^，,。；;]{{0,{INCLUSION_SPAN}}}?"
    rf"(?:{vocab.alternation('claims.inclusion_closes')})"
)
_ADDED_TO_EARLIER = vocab.pattern("addition")
_ITEM_COUNT_GAP = regex.compile(rf"^\p{{Han}}{{0,{ITEM_NOUN}}}$")
_OWN_ITEMS_IGNORED = regex.compile(
    rf"{vocab.alternation('total_reference')}|{vocab.alternation('scope')}|{PERIOD.pattern}|[^\p{{Han}}]"
)


def sums_in(text: str, seg: Span, quantities: list[Quantity]) -> list[Sum]:
    """The sums of one piece of a sentence (between semicolons), in the order of their markers."""
    if len(quantities) < 2:
        return []
    found = (_sum_at(text, seg, quantities, m) for m in _TOTAL.finditer(text, seg.start, seg.end))
    return [s for s in found if s is not None]


def _sum_at(text: str, seg: Span, quantities: list[Quantity], m: regex.Match[str]) -> Sum | None:
    mk = m.group("mk")
    if mk == "共" and _NOT_TOTAL_GONG.search(text, max(0, m.start("mk") - 1), m.end("mk") + 1):
        return None
    after = [q for q in quantities if q.span.start >= m.end()]
    if not after:
        return None
    total = after[0]
    if not _MARKER_GAP.match(text[m.end() : total.span.start]):
        return None
    if total.kind not in ADDITIVE_KINDS or not exact(total):
        return None
    marker = Span(m.start(), m.end())
    parts = _parts_before(text, seg, quantities, m, total)
    if parts is None:
        parts = _parts_after_total(text, seg, quantities, total)
    if not parts:
        return None
    running = mk == "累计" and not m.group("ref") and parts[-1].span.end <= marker.start
    return Sum(total, parts, marker, running)


def _parts_before(
    text: str, seg: Span, quantities: list[Quantity], m: regex.Match[str], total: Quantity
) -> tuple[Quantity, ...] | None:
    start = seg.start
    # 其中A 500起、B 600起，共计1100起 (or 包括A …): the parts start after the last word
    # that opens a breakdown, and the whole before it is not one of them.
    opening = last(_BREAKDOWN_OPENING.finditer(text, seg.start, m.start()))
    if opening is not None:
        start = opening.end()
    before = [q for q in quantities if q.span.start >= start and q.span.end <= m.start()]
    before = outside_brackets(text, before, start, m.start())
    if m.group("mk") == "累计" and not m.group("ref") and _MONTH_OR_PERIOD.search(text, start, m.start()):
        return None  # 1月…，2月…，累计…: a running total over the periods named
    # 包括苏联帮助建设的156个单位在内: an inclusion, already inside another figure.
    inclusions = [Span(i.start(), i.end()) for i in _INCLUSION.finditer(text, start, m.start())]
    before = [q for q in before if not any(i.contains(q.span) for i in inclusions)]
    # "两人共计…", "三起案件共…": a count of the items just before the marker names them;
    # when it does not count the figures before it (实现4笔投资共1.3亿元 after two
    # other amounts), the total is of other items.
    if before and _counts_items(text, before[-1], m.start()):
        if before[-1].value != len(before) - 1:
            return None
        before = before[:-1]
    if _ADDED_TO_EARLIER.search(text, seg.start, m.start()):
        return None  # 加上补助A、转贷收入B，收入总计C: added to a figure stated earlier
    if m.group("mk") in vocab.words("total_noun") and not _parts_name_the_total(text, before, m.group("mk")):
        return None
    # "两起案件分别涉案126万元和74万元": a leading count of the items that follow.
    if (
        len(before) >= 3
        and not same_measure(before[0], total)
        and before[0].kind is Kind.COUNT
        and before[0].scale == ""
        and before[0].value == len(before) - 1
    ):
        before = before[1:]
    if len(before) < 2:
        return None
    if _NOT_A_PLAIN_LIST.search(text, before[0].span.start if start > seg.start else seg.start, m.start()):
        return None
    if any(not same_measure(q, total) for q in before):
        return None
    if any(not exact(q) for q in before):
        return None
    if len(text[before[-1].span.end : m.start()]) > PARTS_TO_MARKER:
        return None
    if m.group("mk") not in vocab.words("total_noun") and _total_names_its_own_items(
        text, before[-1], m.start()
    ):
        return None
    return tuple(before)


def _parts_after_total(
    text: str, seg: Span, quantities: list[Quantity], total: Quantity
) -> tuple[Quantity, ...] | None:
    rest = text[total.span.end : seg.end]
    if not _PARTS_AFTER_TOTAL.match(rest) or _PARTIAL_AFTER.search(rest):
        return None
    after = [q for q in quantities if q.span.start >= total.span.end]
    if len(after) < 2 or any(not same_measure(q, total) or not exact(q) for q in after):
        return None
    return tuple(after)


def _counts_items(text: str, q: Quantity, marker_start: int) -> bool:
    """两人共计…, 三起案件共…: a small count right before the marker names the items."""
    gap = text[q.span.end : marker_start]
    return (
        q.kind is Kind.COUNT
        and q.value <= ITEM_COUNT_MAX
        and q.scale == ""
        and _ITEM_COUNT_GAP.match(gap) is not None
    )


def _parts_name_the_total(text: str, parts: list[Quantity], noun: str) -> bool:
    """总产量 sums 夏粮产量 and 秋粮产量: each part is named by the noun without 总."""
    tail = noun[1:]
    return all(
        text[
            clause_start(text, max(0, q.span.start - PART_NAME_WINDOW), q.span.start) : q.span.start
        ].endswith(tail)
        for q in parts
    )


def _total_names_its_own_items(text: str, last_part: Quantity, marker_start: int) -> bool:
    """…5个片区和25个村寨，完成实施项目共384个: a total in a later clause that names what
    it counts (not 以上, 两项, a scope or a period) counts other items than the figures
    before it."""
    start = clause_start(text, last_part.span.end, marker_start)
    if start <= last_part.span.end:
        return False  # the parts and the total share a clause
    own = _OWN_ITEMS_IGNORED.sub("", text[start:marker_start])
    return len(own) >= OWN_ITEMS_WORD
