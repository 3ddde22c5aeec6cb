"""Breakdowns: a whole and the parts of it after 其中 / 包括 / （含 …）, nested breakdowns
and a closing total kept apart."""

from __future__ import annotations

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.claims.arithmetic import ADDITIVE_KINDS, at_least, drop_nested, exact, same_measure
from hegao.checker.claims.clauses import CLOSE, PUNCTUATION_RUN, clause_start, outside_brackets
from hegao.checker.claims.model import Breakdown
from hegao.checker.claims.partitions import PARTITIONS, partition_members
from hegao.checker.claims.patterns import CHANGE
from hegao.checker.figures.quantities import Quantity
from hegao.checker.model import Span

# A closing total (…，共计1100起) names its figure closely after its marker: 共计 or 合计案件.
TOTAL_TO_FIGURE = 8
# How far back a closing total's marker is looked for: a clause's lead.
CLOSING_TOTAL_WINDOW = 20
# Clauses list parts in parallel when their metrics end alike: 城镇职工参保人数…，城乡居民
# 参保人数… share 人数 (a two-character noun; one character would match 数 of any count).
PARALLEL_TAIL = 2

_BREAKDOWN = regex.compile(
    rf"[，,：:\s]{{0,{PUNCTUATION_RUN}}}(?P<open>[（(])?\s*(?P<mk>{vocab.alternation('breakdown')})(?P<punct>[，,：:])?"
)
_PER_UNIT = vocab.pattern("per_unit")
_BREAKDOWN_WORD = vocab.pattern("breakdown")
_OVERLAP = vocab.pattern("overlapping_measures")
_TOTAL_BEFORE = regex.compile(rf"(?:{vocab.alternation('total')})[\p{{Han}}]{{0,{TOTAL_TO_FIGURE}}}$")
_WORDS_BEFORE_FIGURE = regex.compile(r"\p{Han}+(?=\s*[\d０-９一二三四五六七八九十两])")


def breakdowns_in(text: str, seg: Span, quantities: list[Quantity]) -> list[Breakdown]:
    """The breakdowns of one piece of a sentence (between semicolons), in the order of
    the figures they break down."""
    found = (_breakdown_after(text, seg, quantities, i) for i in range(len(quantities)))
    return [b for b in found if b is not None]


def _breakdown_after(text: str, seg: Span, quantities: list[Quantity], i: int) -> Breakdown | None:
    whole = quantities[i]
    m = _BREAKDOWN.match(text, whole.span.end, seg.end)
    if not m or whole.kind not in ADDITIVE_KINDS or not exact(whole) or whole.value <= 0:
        return None
    start = clause_start(text, seg.start, whole.span.start)
    lead = text[start : whole.span.start]
    if _PER_UNIT.search(lead):
        return None  # 每万人12.4件，其中…: a rate, not a whole
    if CHANGE.search(lead):
        # 赤字13500亿元，比上年增加1500亿元，其中中央…: the parts are of the level
        # stated just before the change, not of the change.
        level = _level_before_change(text, seg, quantities, i, start)
        if level is None:
            return None
        whole = level
    if m.group("mk") == "含" and not m.group("open"):
        return None  # 含 outside brackets is mostly a verb (含税, 含量)
    end = _breakdown_end(text, seg, m)
    stretch = text[m.end() : end]
    if CHANGE.search(stretch):
        return None  # changes rather than parts
    candidates = [q for q in quantities[i + 1 :] if q.span.start >= m.end() and q.span.end <= end]
    candidates = outside_brackets(text, candidates, m.end(), end)
    # A nested 其中 inside the stretch: the parts after it belong to the part before it.
    nested = _BREAKDOWN_WORD.search(stretch)
    if nested:
        cut = m.end() + nested.start()
        candidates = [q for q in candidates if q.span.start < cut]
    # A closing total restates the whole: 其中A 500起、B 600起，共计1100起.
    candidates = [q for q in candidates if not _after_total_marker(text, q)]
    parts = drop_nested(tuple(q for q in candidates if same_measure(q, whole) and at_least(q)))
    if not parts:
        return None
    return Breakdown(
        whole,
        parts,
        Span(m.start("mk"), m.end("mk")),
        _OVERLAP.search(stretch) is not None,
        partition_members(text, whole, parts),
    )


def _level_before_change(
    text: str, seg: Span, quantities: list[Quantity], i: int, change_clause: int
) -> Quantity | None:
    change = quantities[i]
    earlier = [q for q in quantities[:i] if q.span.end <= change_clause]
    if not earlier:
        return None
    level = earlier[-1]
    lead = text[clause_start(text, seg.start, level.span.start) : level.span.start]
    if CHANGE.search(lead) or not same_measure(level, change) or not exact(level):
        return None
    if text[level.span.end : change_clause].strip("，, ") != "":
        return None
    return level


def _breakdown_end(text: str, seg: Span, m: regex.Match[str]) -> int:
    """Where the parts of a breakdown end: at the closing bracket; else at the end of
    the first clause, or further over clauses that list parts in parallel (其中，A…，
    B…; or A参保人数…，B参保人数…)."""
    start = m.end()
    if m.group("open"):
        for k in range(start, seg.end):
            if text[k] in CLOSE:
                return k
        return seg.end
    clause_ends = [k for k in range(start, seg.end) if text[k] in "，,。；;！？!?"]
    if not clause_ends:
        return seg.end
    if m.group("punct"):
        return seg.end  # 其中，A…，B…: every clause of the piece is a part
    end = clause_ends[0]
    # The members of a complete partition, one a clause (其中男性…，女性…): all parts.
    first = text[start:end].lstrip("，,：: ")
    for members in PARTITIONS:
        if not first.startswith(members[0]):
            continue
        k, last = 1, end
        for nxt in [*clause_ends[1:], seg.end]:
            if k < len(members) and text[last + 1 : nxt].lstrip().startswith(members[k]):
                last, k = nxt, k + 1
            else:
                break
        if k == len(members):
            return last
    head = _metric_tail(text, start, end)
    for nxt in [*clause_ends[1:], seg.end]:
        tail = _metric_tail(text, end + 1, nxt)
        if not head or not tail or head[-PARALLEL_TAIL:] != tail[-PARALLEL_TAIL:]:
            break
        end = nxt
    return end


def _after_total_marker(text: str, q: Quantity) -> bool:
    start = clause_start(text, max(0, q.span.start - CLOSING_TOTAL_WINDOW), q.span.start)
    return _TOTAL_BEFORE.search(text[start : q.span.start]) is not None


def _metric_tail(text: str, start: int, end: int) -> str:
    """The words right before the first figure of a clause: 城镇职工参保人数90.59万人 → 参保人数."""
    m = _WORDS_BEFORE_FIGURE.search(text, start, end)
    return m.group() if m else ""
