"""What the figures of a draft claim, read once and shared by the numeric rules.

Each quantity becomes a ``Figure``: the words it counts (its metric), its scope (全市 …),
its period (2024年, 去年同期 …) and its role (a level, a whole with parts, a part, a
total, a rate, a share, a change). Relations between figures are read in the same pass:

* ``Sum``        a total and the parts it adds up (共计, 合计, 两项共 …, or 分别为 after it);
* ``Breakdown``  a whole and the parts of it after 其中 / 包括 / （含 …）, nested
                 breakdowns and a closing total kept apart;
* ``Ratio``      a percentage with the part and whole (占, 所占比例) or the numerator and
                 denominator (破案率 = 破获 / 立案) it is computed from;
* ``Growth``     a change rate with the two levels (从A下降到B, 去年同期A) or the
                 increment (比上年增加D) it follows from.

Every relation is read only where the text makes it unambiguous; rules compare
what the relations say and stay silent elsewhere. ``hegao claims`` prints all of it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.model import BlockKind, Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from hegao.checker.text.segments import Segments

ADDITIVE_KINDS = frozenset({Kind.COUNT, Kind.MONEY, Kind.MEASURE})
HUNDRED = Decimal(100)


class Role(StrEnum):
    LEVEL = "level"
    WHOLE = "whole"
    PART = "part"
    TOTAL = "total"
    RATE = "rate"
    SHARE = "share"
    CHANGE = "change"


@dataclass(frozen=True)
class Figure:
    """One figure with what it claims. The words (metric, subject, scope) are read on first
    use: most figures are never asked for them."""

    quantity: Quantity
    role: Role
    period: tuple[str, ...]  # period words of its sentence up to the figure
    # The period in force: the sentence's own period words, else the last ones stated
    # earlier in its paragraph, else those of the nearest heading above that names a
    # period, else the first period the document names (its lead: 今年以来，全市…).
    setting: tuple[str, ...]
    setting_from: str  # sentence, paragraph, heading, lead, or "" when none is named
    section_period: tuple[str, ...]  # the period its section heading names
    text: str = field(repr=False, compare=False)
    clause_start: int = field(repr=False, compare=False)
    sentence_start: int = field(repr=False, compare=False)

    @cached_property
    def metric(self) -> str:
        """The words the figure counts, from its clause: scope, period and markers left out."""
        return _metric_of(self.text[self.clause_start : self.quantity.span.start])

    @cached_property
    def subject(self) -> str:
        """The words of its sentence up to the figure, scope and period words left out: what
        the figure describes when its clause alone does not say (某基金，2019年完成收入699万元)."""
        return _metric_of(self.text[self.sentence_start : self.quantity.span.start])

    @cached_property
    def scope(self) -> str:
        """全市, 全省 … named in its sentence before it, or ""."""
        found = _last(_SCOPE.finditer(self.text, self.sentence_start, self.quantity.span.start))
        return found.group() if found else ""


@dataclass(frozen=True, slots=True)
class Sum:
    total: Quantity
    parts: tuple[Quantity, ...]
    marker: Span  # 共计, 合计, 总产量 …
    running: bool = False  # 累计 alone: may include earlier periods, so only a total
    # smaller than its parts is certainly wrong


@dataclass(frozen=True, slots=True)
class Breakdown:
    whole: Quantity
    parts: tuple[Quantity, ...]
    marker: Span  # 其中, 包括, 含
    may_overlap: bool  # measures that may apply to the same people (拘留, then 逮捕)
    # The complete partition the parts name, one member before each (城镇, 乡村), when
    # they do: then together they are the whole.
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Ratio:
    value: Quantity  # the percentage
    numerator: Quantity
    denominator: Quantity
    term: str  # 占, 所占比例, 破案率 …
    # One of the shares of a complete partition (三次产业增加值的比重): statistics offices
    # round them to add up to exactly 100, so one may be off by a unit in its last place.
    adjusted: bool = False


@dataclass(frozen=True, slots=True)
class Growth:
    rate: Quantity
    before: Quantity | None  # the earlier level
    after: Quantity | None  # the later level
    increment: Quantity | None  # 比上年增加D
    falling: bool
    verb: str


class Claims:
    """The relations of a document, and its figures (read on first use: only
    ``hegao claims`` and rules that compare figures by metric need them)."""

    def __init__(self, reader: _Reader) -> None:
        self._reader = reader
        self.sums: list[Sum] = reader.sums
        self.breakdowns: list[Breakdown] = reader.breakdowns
        self.ratios: list[Ratio] = reader.ratios
        self.growths: list[Growth] = reader.growths

    @cached_property
    def figures(self) -> list[Figure]:
        return self._reader.figures()


# ---------------------------------------------------------------- rounding


def rounding(q: Quantity) -> Decimal:
    """How far the printed figure may be from the exact one: half a unit of its last
    printed digit for figures with a scale (2902万元) or physical measures (19.5吨) and
    percentages; counts and money in base units (15人, 99999元) are exact."""
    if not q.scale and q.kind in (Kind.COUNT, Kind.MONEY):
        return Decimal(0)
    return q.resolution / 2


def interval(q: Quantity) -> tuple[Decimal, Decimal]:
    r = rounding(q)
    return q.base - r, q.base + r


def ratio_range(numerator: Quantity, denominator: Quantity) -> tuple[Decimal, Decimal] | None:
    """Every value ``numerator / denominator`` × 100 may have, given the rounding of both."""
    n_lo, n_hi = interval(numerator)
    d_lo, d_hi = interval(denominator)
    if d_lo <= 0:
        return None
    return max(n_lo, Decimal(0)) / d_hi * HUNDRED, n_hi / d_lo * HUNDRED


def percent_agrees(low: Decimal, high: Decimal, stated: Quantity) -> bool:
    half = Decimal(1).scaleb(-stated.decimals) / 2
    return stated.value + half >= low and stated.value - half <= high


def same_measure(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and a.unit == b.unit


def exact(q: Quantity) -> bool:
    return not q.is_approximate and q.high is None


def at_least(q: Quantity) -> bool:
    """Exact, or approximate only upwards (300余人): the true value is no smaller."""
    return q.high is None and all(a in vocab.words("approx_above") for a in q.approx)


# ---------------------------------------------------------------- patterns from the vocabulary

_TOTAL = regex.compile(
    rf"(?P<ref>{vocab.alternation('total_reference')})?"
    rf"(?P<mk>{vocab.alternation('total')}|{vocab.alternation('total_noun')})"
)
# 共 is a total only where it is not part of a word (公共, 共同, 共享, 中共 …).
_NOT_TOTAL_GONG = regex.compile(r"[公中]共|共[同享建治识产青性赢商筑担生和振鸣谋济用进]")
_MARKER_GAP = regex.compile(r"^[\p{Han}\s]{0,10}$")
_OPEN = "（("
_CLOSE = "）)"
_CHANGE = regex.compile(
    f"{vocab.alternation('comparison')}|{vocab.alternation('increase')}|{vocab.alternation('decrease')}"
)
_CHANGE_VERB_END = regex.compile(
    rf"(?P<verb>{vocab.alternation('increase')}|{vocab.alternation('decrease')})(?:了)?(?:幅度)?(?:为|达)?$"
)
_NOT_A_PLAIN_LIST = regex.compile(
    f"{vocab.alternation('comparison')}|{vocab.alternation('increase')}|{vocab.alternation('decrease')}|"
    f"{vocab.alternation('previous_period')}|{vocab.alternation('per_unit')}|{vocab.alternation('share')}|"
    "小计|分别占"
)
_MONTH_OR_PERIOD = regex.compile(r"\d{1,2}\s*月|[一二三四]季度|上半年|下半年|以来|本周|本月|当月|当日|今日")
_BREAKDOWN = regex.compile(
    rf"[，,：:\s]{{0,2}}(?P<open>[（(])?\s*(?P<mk>{vocab.alternation('breakdown')})(?P<punct>[，,：:])?"
)
_PARTS_AFTER_TOTAL = regex.compile(r"^[，,：:\s]{0,2}(?:分别为|分别是)")
_PARTIAL_AFTER = regex.compile(r"其中|包括|等")
_SHARE_BEFORE = regex.compile(
    rf"(?P<term>{vocab.alternation('share')})(?P<whole_words>[^，,。；;\d]{{0,12}}?)(?:的)?(?:达到|达|为|是)?\s*$"
)
_SCOPE = vocab.pattern("scope")
# Before a partition's members: 其中，/ 分产业看，
_LEADING_MARKS = regex.compile(r"^[\s，,：:]*(?:(?:其中|分产业看|分城乡看|分性别看|按性别分)[，,：:]?\s*)?")
# The words between a member and its figure: 增加值, 常住人口为 (Han only, short).
_PARTITION_METRIC = regex.compile(r"\p{Han}{1,8}")
_PER_UNIT = vocab.pattern("per_unit")
_BREAKDOWN_WORD = vocab.pattern("breakdown")
_LEADING_BREAKDOWN = regex.compile(rf"^(?:{vocab.alternation('breakdown')})")
# Complete partitions (城镇|乡村): a breakdown whose parts name one records it.
PARTITIONS = tuple(tuple(p.split("|")) for p in vocab.words("complete_partition"))
# An aspect word before the metric (已累计查扣 is 累计查扣): not what is counted.
_ASPECT = regex.compile(r"^(?:已经|已)")
_PLAIN_TOTALS = "|".join(
    sorted(set(vocab.words("total")) - set(vocab.words("sum_noun")), key=len, reverse=True)
)
_TOTAL_AT_ENDS = regex.compile(rf"^(?:{vocab.alternation('total')})|(?:{_PLAIN_TOTALS})$")
_RATE_GLUE = regex.compile(r"(?:为|达到|达|是|了)?\s*")
_CHANGE_WORDS = f"{vocab.alternation('increase')}|{vocab.alternation('decrease')}"
_FROM_TO_GLUE = regex.compile(rf"\s*(?:{_CHANGE_WORDS})?(?:到|至|为)\s*")
_FROM_OPENER = regex.compile(r"[从由][^，,。；;]*$")
_AFTER_LEVELS = regex.compile(r"[，,\s]*(?:同比|分别)?")
_PREVIOUS_BEFORE = regex.compile(rf"(?:{vocab.alternation('previous_period')})(?:同期)?(?:为|是|的)?$")
_COMPARISON_GLUE = regex.compile(rf"[，,\s]?(?:{vocab.alternation('comparison')})?")
_INCREMENT_LEAD = regex.compile(rf"(?:{vocab.alternation('comparison')})(?P<v>{_CHANGE_WORDS})(?:了)?")
_WORDS_BEFORE_FIGURE = regex.compile(r"\p{Han}+(?=\s*[\d０-９一二三四五六七八九十两])")
PERIOD = regex.compile(
    rf"\d{{4}}\s*年(?:度)?|\d{{1,2}}\s*(?:[-－—~～至到]\s*\d{{1,2}}\s*)?月(?:份|底|末)?|{vocab.alternation('period')}"
)
_REAL_TERMS = vocab.pattern("real_terms")
_OVERLAP = vocab.pattern("overlapping_measures")
_METRIC_WORD = regex.compile(r"[\p{Han}A-Za-z]+")


# ---------------------------------------------------------------- reading


def read_claims(
    segments: Segments,
    sentence_quantities: Sequence[Sequence[Quantity]],
    clause_quantities: Sequence[Sequence[Quantity]],
) -> Claims:
    """The claims of a segmented text, given the quantities of each sentence and each
    clause (parallel to ``segments.sentences`` and ``segments.clauses``)."""
    return _Reader(segments, sentence_quantities, clause_quantities).read()


class _Reader:
    def __init__(
        self,
        segments: Segments,
        sentence_quantities: Sequence[Sequence[Quantity]],
        clause_quantities: Sequence[Sequence[Quantity]],
    ) -> None:
        self.doc = segments
        self.sentence_quantities = sentence_quantities
        self.clause_quantities = clause_quantities
        self.text = segments.masked
        self.sums: list[Sum] = []
        self.breakdowns: list[Breakdown] = []
        self.ratios: list[Ratio] = []
        self.growths: list[Growth] = []
        self.roles: dict[int, Role] = {}

    def read(self) -> Claims:
        previous: list[Quantity] = []
        for sentence, quantities in zip(self.doc.sentences, self.sentence_quantities, strict=True):
            if quantities:
                for seg in _segments(self.text, sentence.span):
                    found = [q for q in quantities if seg.start <= q.span.start and q.span.end <= seg.end]
                    if found:
                        self._segment(seg, found)
                if previous:
                    self._partition_of_previous(sentence.span, quantities, previous)
                self._ratios(sentence.span, quantities, previous)
                self._growths(sentence.span, quantities)
            previous = quantities
        return Claims(self)

    # ------------------------------------------------------------ totals and breakdowns

    def _segment(self, seg: Span, quantities: list[Quantity]) -> None:
        for i in range(len(quantities)):
            b = self._breakdown_after(seg, quantities, i)
            if b is not None:
                self.breakdowns.append(b)
                self.roles.setdefault(id(b.whole), Role.WHOLE)
                for p in b.parts:
                    self.roles.setdefault(id(p), Role.PART)
        if len(quantities) >= 2:
            for m in _TOTAL.finditer(self.text, seg.start, seg.end):
                s = self._sum_at(seg, quantities, m)
                if s is not None:
                    self.sums.append(s)
                    self.roles[id(s.total)] = Role.TOTAL
                    for p in s.parts:
                        self.roles.setdefault(id(p), Role.PART)

    def _sum_at(self, seg: Span, quantities: list[Quantity], m: regex.Match[str]) -> Sum | None:
        text = self.text
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
        parts = self._parts_before(seg, quantities, m, total)
        if parts is None:
            parts = self._parts_after_total(seg, quantities, total)
        if not parts:
            return None
        running = mk == "累计" and not m.group("ref") and parts[-1].span.end <= marker.start
        return Sum(total, parts, marker, running)

    def _parts_before(
        self, seg: Span, quantities: list[Quantity], m: regex.Match[str], total: Quantity
    ) -> tuple[Quantity, ...] | None:
        text = self.text
        start = seg.start
        # 其中A 500起、B 600起，共计1100起: the parts start after the last 其中, and the
        # whole before it is not one of them.
        last = text.rfind("其中", seg.start, m.start())
        if last >= 0:
            start = last + len("其中")
        before = [q for q in quantities if q.span.start >= start and q.span.end <= m.start()]
        before = self._outside_brackets(before, start, m.start())
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
        if m.group("mk") in vocab.words("total_noun") and not _parts_name_the_total(
            text, before, m.group("mk")
        ):
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
        if _NOT_A_PLAIN_LIST.search(
            text, before[0].span.start if start > seg.start else seg.start, m.start()
        ):
            return None
        if any(not same_measure(q, total) for q in before):
            return None
        if any(not exact(q) for q in before):
            return None
        if len(text[before[-1].span.end : m.start()]) > 15:
            return None
        if m.group("mk") not in vocab.words("total_noun") and _total_names_its_own_items(
            text, before[-1], m.start()
        ):
            return None
        return tuple(before)

    def _parts_after_total(
        self, seg: Span, quantities: list[Quantity], total: Quantity
    ) -> tuple[Quantity, ...] | None:
        rest = self.text[total.span.end : seg.end]
        if not _PARTS_AFTER_TOTAL.match(rest) or _PARTIAL_AFTER.search(rest):
            return None
        after = [q for q in quantities if q.span.start >= total.span.end]
        if len(after) < 2 or any(not same_measure(q, total) or not exact(q) for q in after):
            return None
        return tuple(after)

    def _outside_brackets(self, quantities: list[Quantity], start: int, end: int) -> list[Quantity]:
        """Leave out figures inside brackets that close before ``end``: 90.59万人（含在职
        人员64.93万人…） is a breakdown of the figure before the bracket, not more parts."""
        text = self.text
        depth_at: list[tuple[int, int]] = []
        depth = 0
        for i in range(start, end):
            ch = text[i]
            if ch in _OPEN:
                depth += 1
                depth_at.append((i, depth))
            elif ch in _CLOSE and depth:
                depth -= 1
                depth_at.append((i, depth))
        if not depth_at:
            return quantities
        positions = [p for p, _ in depth_at]

        def depth_of(offset: int) -> int:
            k = bisect.bisect_right(positions, offset) - 1
            return depth_at[k][1] if k >= 0 else 0

        # Only brackets opened after the start and not closed by the end count: a total
        # inside the same bracket as its parts adds them up.
        outer = depth_of(end)
        return [q for q in quantities if depth_of(q.span.start) <= outer]

    def _breakdown_after(self, seg: Span, quantities: list[Quantity], i: int) -> Breakdown | None:
        whole = quantities[i]
        text = self.text
        m = _BREAKDOWN.match(text, whole.span.end, seg.end)
        if not m or whole.kind not in ADDITIVE_KINDS or not exact(whole) or whole.value <= 0:
            return None
        clause_start = _clause_start(text, seg.start, whole.span.start)
        lead = text[clause_start : whole.span.start]
        if _PER_UNIT.search(lead):
            return None  # 每万人12.4件，其中…: a rate, not a whole
        if _CHANGE.search(lead):
            # 赤字13500亿元，比上年增加1500亿元，其中中央…: the parts are of the level
            # stated just before the change, not of the change.
            whole = self._level_before_change(seg, quantities, i, clause_start)
            if whole is None:
                return None
        if m.group("mk") == "含" and not m.group("open"):
            return None  # 含 outside brackets is mostly a verb (含税, 含量)
        end = self._breakdown_end(seg, m)
        stretch = text[m.end() : end]
        if _CHANGE.search(stretch):
            return None  # changes rather than parts
        candidates = [q for q in quantities[i + 1 :] if q.span.start >= m.end() and q.span.end <= end]
        candidates = self._outside_brackets(candidates, m.end(), end)
        # A nested 其中 inside the stretch: the parts after it belong to the part before it.
        nested = _BREAKDOWN_WORD.search(stretch)
        if nested:
            cut = m.end() + nested.start()
            candidates = [q for q in candidates if q.span.start < cut]
        # A closing total restates the whole: 其中A 500起、B 600起，共计1100起.
        candidates = [q for q in candidates if not _after_total_marker(text, q)]
        parts = _drop_nested(tuple(q for q in candidates if same_measure(q, whole) and at_least(q)))
        if not parts:
            return None
        return Breakdown(
            whole,
            parts,
            Span(m.start("mk"), m.end("mk")),
            _OVERLAP.search(stretch) is not None,
            _partition_members(text, whole, parts),
        )

    def _partition_of_previous(
        self, sentence: Span, quantities: list[Quantity], previous: list[Quantity]
    ) -> None:
        """A sentence that opens on the first member of a complete partition and gives a
        figure for each member (第一产业增加值…；第二产业增加值…；第三产业增加值…) breaks
        down the whole the sentence before names (地区生产总值…): the whole is named by
        the parts' metric (常住人口 for 城镇常住人口) or by the word the vocabulary gives
        for it (生产总值 for 增加值)."""
        text = self.text
        opening = _LEADING_MARKS.sub("", text[sentence.start : sentence.end])
        for members in PARTITIONS:
            if not opening.startswith(members[0]):
                continue
            parts, metrics = self._member_figures(sentence, quantities, members)
            if parts is None or any(p in b.parts for b in self.breakdowns for p in parts):
                return
            whole = self._whole_named(previous, parts[0], metrics[0])
            if whole is None or any(not same_measure(p, whole) for p in parts):
                return
            if not _complete_for(members, clause_lead(text, whole) + metrics[0]):
                return
            marker = Span(sentence.start, sentence.start)  # no word: the sentence's opening
            self.breakdowns.append(Breakdown(whole, tuple(parts), marker, False, members))
            self.roles.setdefault(id(whole), Role.WHOLE)
            for p in parts:
                self.roles.setdefault(id(p), Role.PART)
            return

    def _member_figures(
        self, sentence: Span, quantities: list[Quantity], members: tuple[str, ...]
    ) -> tuple[list[Quantity] | None, list[str]]:
        """The figure after each member, in its clause, with the same metric words
        between (增加值); None unless every member has one."""
        text = self.text
        parts: list[Quantity] = []
        metrics: list[str] = []
        at = sentence.start
        for member in members:
            found = text.find(member, at, sentence.end)
            if found < 0:
                return None, []
            after = [q for q in quantities if q.span.start >= found + len(member)]
            if not after or _clause_start(text, found, after[0].span.start) != found:
                return None, []  # the member's figure is in a later clause
            part = after[0]
            metric = text[found + len(member) : part.span.start]
            if not exact(part) or part.kind not in ADDITIVE_KINDS or not _PARTITION_METRIC.fullmatch(metric):
                return None, []
            parts.append(part)
            metrics.append(metric.rstrip("为是达到"))
            at = part.span.end
        if len(set(metrics)) != 1 or not metrics[0]:
            return None, []
        return parts, metrics

    def _whole_named(self, previous: list[Quantity], part: Quantity, metric: str) -> Quantity | None:
        text = self.text
        words = (metric, *vocab.partition_wholes().get(metric, ()))
        for q in reversed(previous):
            if not exact(q) or not same_measure(q, part) or self.roles.get(id(q)) == Role.PART:
                continue
            lead = clause_lead(text, q)
            if any(w in lead for w in words) and not _CHANGE.search(lead.replace("增加值", "")):
                return q
        return None

    def _level_before_change(
        self, seg: Span, quantities: list[Quantity], i: int, clause_start: int
    ) -> Quantity | None:
        change = quantities[i]
        earlier = [q for q in quantities[:i] if q.span.end <= clause_start]
        if not earlier:
            return None
        level = earlier[-1]
        lead = self.text[_clause_start(self.text, seg.start, level.span.start) : level.span.start]
        if _CHANGE.search(lead) or not same_measure(level, change) or not exact(level):
            return None
        if self.text[level.span.end : clause_start].strip("，, ") != "":
            return None
        return level

    def _breakdown_end(self, seg: Span, m: regex.Match[str]) -> int:
        """Where the parts of a breakdown end: at the closing bracket; else at the end of
        the first clause, or further over clauses that list parts in parallel (其中，A…，
        B…; or A参保人数…，B参保人数…)."""
        text = self.text
        start = m.end()
        if m.group("open"):
            for k in range(start, seg.end):
                if text[k] in _CLOSE:
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
            if not head or not tail or head[-2:] != tail[-2:]:
                break
            end = nxt
        return end

    # ------------------------------------------------------------ ratios

    def _ratios(self, sentence: Span, quantities: list[Quantity], previous: list[Quantity]) -> None:
        text = self.text
        for i, pct in enumerate(quantities):
            if pct.kind is not Kind.PERCENT or pct.unit != "%" or not exact(pct):
                continue
            clause_start = _clause_start(text, sentence.start, pct.span.start)
            lead = text[clause_start : pct.span.start]
            ratio = self._share(quantities[:i], pct, clause_start, lead) or self._rate(
                sentence, quantities[:i], previous, pct, lead
            )
            if ratio is not None:
                self.ratios.append(ratio)
                self.roles[id(pct)] = Role.SHARE

    def _share(self, before: list[Quantity], pct: Quantity, clause_start: int, lead: str) -> Ratio | None:
        m = _SHARE_BEFORE.search(lead)
        if not m:
            return None
        found = self._share_of_figures(before, pct, clause_start, m) if before else None
        if found is None and not any(q.span.start >= clause_start for q in before):
            return self._named_share(pct, lead[: m.start()], m.group("term"))
        return found

    def _share_of_figures(
        self, before: list[Quantity], pct: Quantity, clause_start: int, m: regex.Match[str]
    ) -> Ratio | None:
        term = m.group("term")
        share_at = clause_start + m.start()
        inside = [q for q in before if q.span.start >= share_at]
        if inside:
            # 完成7.85万亩，占总任务7.35万亩的106.8%: the whole is named after 占, the
            # part ends the words right before 占.
            whole = inside[-1]
            parts = [q for q in before if q.span.end <= share_at]
            if not parts or len(inside) > 1 or not _level_pair(parts[-1], whole):
                return None
            if self.text[parts[-1].span.end : share_at].strip("，, ") != "":
                return None
            return Ratio(pct, parts[-1], whole, term)
        part = before[-1]
        if part.kind not in ADDITIVE_KINDS or not exact(part):
            return None
        if self.text[part.span.end : clause_start].strip("，,（( ") != "":
            return None  # the figure does not end the clause right before 占
        for b in self.breakdowns:
            if part in b.parts:
                return Ratio(pct, part, b.whole, term)
        return None

    def _named_share(self, pct: Quantity, metric: str, term: str) -> Ratio | None:
        """第一产业增加值占地区生产总值的比重为5.0% (no figure before it): the part is the
        figure named by exactly these words in a breakdown read earlier, the whole that
        breakdown's."""
        metric = _LEADING_MARKS.sub("", metric)
        if len(metric) < 2:
            return None
        for b in reversed(self.breakdowns):
            for part in b.parts:
                if _LEADING_MARKS.sub("", clause_lead(self.text, part)) == metric:
                    return Ratio(pct, part, b.whole, term, adjusted=bool(b.members))
        return None

    def _rate(
        self, sentence: Span, before: list[Quantity], previous: list[Quantity], pct: Quantity, lead: str
    ) -> Ratio | None:
        m = _last(vocab.rate_pattern().finditer(lead))
        if m is None or not _RATE_GLUE.fullmatch(lead, m.end()):
            return None
        term = vocab.rate_terms()[m.group()]
        pool = [q for q in [*previous, *before] if q.kind in ADDITIVE_KINDS and exact(q)]
        numerator = self._named(pool, term.numerator)
        denominator = self._named(pool, term.denominator)
        if numerator is None or denominator is None or numerator is denominator:
            return None
        if not same_measure(numerator, denominator):
            return None
        return Ratio(pct, numerator, denominator, m.group())

    def _named(self, pool: list[Quantity], words: tuple[str, ...]) -> Quantity | None:
        """The last figure whose clause names it with one of ``words`` right before it."""
        found = None
        for q in pool:
            clause_start = _clause_start(self.text, max(0, q.span.start - 30), q.span.start)
            lead = self.text[clause_start : q.span.start]
            if any(w in lead for w in words) and len(lead) <= 24:
                found = q
        return found

    # ------------------------------------------------------------ growth

    def _growths(self, sentence: Span, quantities: list[Quantity]) -> None:
        text = self.text
        if _REAL_TERMS.search(text, sentence.start, sentence.end):
            return  # growth at comparable prices does not follow from nominal levels
        for i, pct in enumerate(quantities):
            if pct.kind is not Kind.PERCENT or pct.unit != "%" or not exact(pct):
                continue
            verb = _CHANGE_VERB_END.search(text, max(sentence.start, pct.span.start - 8), pct.span.start)
            if verb is None:
                continue
            falling = vocab.is_decrease(verb.group("verb"))
            levels = [q for q in quantities[:i] if q.kind in ADDITIVE_KINDS]
            g = (
                self._from_to(sentence, levels, pct, verb, falling)
                or self._with_previous(levels, pct, verb, falling)
                or self._with_increment(sentence, levels, pct, verb, falling)
            )
            if g is not None:
                self.growths.append(g)
                self.roles[id(pct)] = Role.CHANGE
                if g.increment is not None:
                    self.roles[id(g.increment)] = Role.CHANGE

    def _from_to(
        self, sentence: Span, levels: list[Quantity], pct: Quantity, verb: regex.Match[str], falling: bool
    ) -> Growth | None:
        """从48000下降到39600，下降了17.5%; 由上年的A增加至B，增长x%."""
        text = self.text
        for k in range(len(levels) - 1, 0, -1):
            after, before = levels[k], levels[k - 1]
            glue = text[before.span.end : after.span.start]
            if not _FROM_TO_GLUE.fullmatch(glue):
                continue
            opener = text[max(sentence.start, before.span.start - 12) : before.span.start]
            if not _FROM_OPENER.search(opener):
                continue
            between = text[after.span.end : verb.start()]
            if not _AFTER_LEVELS.fullmatch(between) or not _level_pair(before, after):
                return None
            return Growth(pct, before, after, None, falling, verb.group("verb"))
        return None

    def _with_previous(
        self, levels: list[Quantity], pct: Quantity, verb: regex.Match[str], falling: bool
    ) -> Growth | None:
        """58起，去年同期40起，同比上升45%."""
        text = self.text
        last_year = [
            q for q in levels if _PREVIOUS_BEFORE.search(text, max(0, q.span.start - 8), q.span.start)
        ]
        if len(last_year) != 1:
            return None
        previous = last_year[0]
        current = [q for q in levels if q is not previous and _level_pair(q, previous)]
        if len(current) != 1:
            return None
        now = current[0]
        if now.span.start > previous.span.start:
            return None  # this year's figure must come first: 58起，去年同期40起
        glue_start = max(now.span.end, previous.span.end)
        glue = text[glue_start : verb.start()]
        if not _COMPARISON_GLUE.fullmatch(glue):
            return None  # another subject in between: 群众满意度提高5%
        return Growth(pct, previous, now, None, falling, verb.group("verb"))

    def _with_increment(
        self, sentence: Span, levels: list[Quantity], pct: Quantity, verb: regex.Match[str], falling: bool
    ) -> Growth | None:
        """今年破获5200起，比上年增加400起，增长8.3%: the rate is 400 ÷ (5200 − 400)."""
        text = self.text
        if len(levels) < 2:
            return None
        increment, now = levels[-1], levels[-2]
        if not _level_pair(increment, now):
            return None
        inc_lead = text[_clause_start(text, sentence.start, increment.span.start) : increment.span.start]
        inc_verb = _INCREMENT_LEAD.fullmatch(inc_lead)
        if inc_verb is None or vocab.is_decrease(inc_verb.group("v")) != falling:
            return None
        if text[now.span.end : inc_lead and increment.span.start - len(inc_lead)].strip("，, ") != "":
            return None
        if text[increment.span.end : verb.start()].strip("，, ") != "":
            return None
        return Growth(pct, None, now, increment, falling, verb.group("verb"))

    # ------------------------------------------------------------ figures

    def figures(self) -> list[Figure]:
        text = self.text
        doc = self.doc
        out = []
        lead = _first_period(text, doc)
        heading: tuple[str, ...] = ()
        paragraph: tuple[str, ...] = ()
        block_index = -1
        marks_of = -1
        marks: list[tuple[int, int, str]] = []
        ends: list[int] = []
        for clause, quantities in zip(doc.clauses, self.clause_quantities, strict=True):
            if clause.block != block_index:
                block_index = clause.block
                paragraph = ()
                block = doc.blocks[block_index]
                if block.kind is BlockKind.HEADING:
                    named = _periods(text, block.span.start, block.span.end)
                    heading = named or heading
            if not quantities:
                continue
            sentence = doc.sentences[clause.sentence].span
            if clause.sentence != marks_of:
                marks_of = clause.sentence
                marks = [
                    (m.start(), m.end(), m.group())
                    for m in PERIOD.finditer(text, sentence.start, sentence.end)
                ]
                ends = [end for _, end, _ in marks]
            # A semicolon parts statements of their own: 1-10月，…142起；1-11月，…189起 —
            # the second figure's period is 1-11月 alone.
            own = max(
                text.rfind("；", sentence.start, clause.span.start),
                text.rfind(";", sentence.start, clause.span.start),
            )
            for q in quantities:
                # The period words of the sentence before the figure (found once a
                # sentence: a dense sentence has dozens of figures).
                before = bisect.bisect_right(ends, q.span.start)
                named = [(start, word) for start, _, word in marks[:before] if start > own] if before else []
                if named:
                    # Several periods before the figure (截至6月底，…，截至9月底，…): the
                    # one in force is named by the last clause that names one.
                    last = doc.clause_at(named[-1][0])
                    if last is not None:
                        named = [(start, word) for start, word in named if start >= last.span.start]
                period = tuple(sorted({word for _, word in named}))
                role = self.roles.get(id(q), Role.LEVEL)
                if role is Role.LEVEL and q.kind is Kind.PERCENT:
                    role = Role.CHANGE if _CHANGE.search(text, clause.span.start, q.span.start) else Role.RATE
                # The period in force: the sentence's own, else the paragraph's, the
                # heading's or the lead's.
                if period:
                    setting, source = period, "sentence"
                elif paragraph:
                    setting, source = paragraph, "paragraph"
                elif heading:
                    setting, source = heading, "heading"
                elif lead:
                    setting, source = lead, "lead"
                else:
                    setting, source = (), ""
                out.append(
                    Figure(q, role, period, setting, source, heading, text, clause.span.start, sentence.start)
                )
            # The periods this clause names, from the sentence's (found above).
            c_start, c_end = clause.span.start, clause.span.end
            if marks:
                stated = tuple(sorted({word for a, b, word in marks if a >= c_start and b <= c_end}))
                paragraph = stated or paragraph
        return out


def _periods(text: str, start: int, end: int) -> tuple[str, ...]:
    return tuple(sorted({m.group() for m in PERIOD.finditer(text, start, end)}))


def _first_period(text: str, doc: Segments) -> tuple[str, ...]:
    """The period words of the first sentence that names one: a bulletin's lead."""
    for sentence in doc.sentences[:10]:
        found = _periods(text, sentence.span.start, sentence.span.end)
        if found:
            return found
    return ()


# ---------------------------------------------------------------- helpers


_SEGMENT_BREAK = regex.compile(r"[；;]")


def _segments(masked: str, span: Span) -> list[Span]:
    out = []
    start = span.start
    for m in _SEGMENT_BREAK.finditer(masked, span.start, span.end):
        out.append(Span(start, m.start()))
        start = m.end()
    out.append(Span(start, span.end))
    return out


def _last(matches: Iterator[regex.Match[str]]) -> regex.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def _complete_for(members: tuple[str, ...], words: str) -> bool:
    """Whether the members make up the whole of what ``words`` name (the whole's and the
    parts' metric words): the industries make up 增加值, not 用电量."""
    return not any(m in words for m in vocab.partition_exceptions().get(members, ()))


def _partition_members(text: str, whole: Quantity, parts: tuple[Quantity, ...]) -> tuple[str, ...]:
    """The members of a complete partition, one named before each part; () when the parts
    name none, or the members do not make up the metric named (the industries and
    全社会用电量)."""
    for members in PARTITIONS:
        if len(members) != len(parts):
            continue
        at = whole.span.end
        for part, member in zip(parts, members, strict=True):
            if member not in text[at : part.span.start]:
                break
            at = part.span.end
        else:
            words = clause_lead(text, whole) + text[whole.span.end : parts[-1].span.start]
            return members if _complete_for(members, words) else ()
    return ()


def clause_lead(text: str, q: Quantity) -> str:
    """The words of a figure's clause before it (at most 40 characters)."""
    return text[_clause_start(text, max(0, q.span.start - 40), q.span.start) : q.span.start]


def _clause_start(text: str, floor: int, offset: int) -> int:
    cut = max(text.rfind(mark, floor, offset) for mark in "，,；;：:。（(")
    return max(cut + 1, floor)


_ITEM_COUNT_GAP = regex.compile(r"^\p{Han}{0,4}$")


def _counts_items(text: str, q: Quantity, marker_start: int) -> bool:
    """两人共计…, 三起案件共…: a small count right before the marker names the items."""
    gap = text[q.span.end : marker_start]
    return q.kind is Kind.COUNT and q.value <= 10 and q.scale == "" and _ITEM_COUNT_GAP.match(gap) is not None


def _level_pair(a: Quantity, b: Quantity) -> bool:
    return same_measure(a, b) and exact(a) and exact(b) and a.kind in ADDITIVE_KINDS


_INCLUSION = regex.compile(r"包括[^，,。；;]{0,40}?在内")
_ADDED_TO_EARLIER = vocab.pattern("addition")
CONTINUATION = regex.compile(rf"(?:{vocab.alternation('addition')}|{vocab.alternation('continuation')})")


def _parts_name_the_total(text: str, parts: list[Quantity], noun: str) -> bool:
    """总产量 sums 夏粮产量 and 秋粮产量: each part is named by the noun without 总."""
    tail = noun[1:]
    return all(
        text[_clause_start(text, max(0, q.span.start - 20), q.span.start) : q.span.start].endswith(tail)
        for q in parts
    )


def _drop_nested(parts: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """Parts that add up exactly to the part before them break that part down (其中：新增
    债券A，市本级留用B，转贷县区C, where B + C = A): keep only the outer level."""
    out: list[Quantity] = []
    i = 0
    while i < len(parts):
        head = parts[i]
        out.append(head)
        running = Decimal(0)
        slack = rounding(head)
        j = i + 1
        nested_end = None
        while j < len(parts):
            running += parts[j].base
            slack += rounding(parts[j])
            if j > i + 1 and abs(running - head.base) <= slack:
                nested_end = j
                break
            if running > head.base + slack:
                break
            j += 1
        i = nested_end + 1 if nested_end is not None else i + 1
    return tuple(out)


_TOTAL_BEFORE = regex.compile(rf"(?:{vocab.alternation('total')})[\p{{Han}}]{{0,8}}$")


_OWN_ITEMS_IGNORED = regex.compile(
    rf"{vocab.alternation('total_reference')}|{vocab.alternation('scope')}|{PERIOD.pattern}|[^\p{{Han}}]"
)


def _total_names_its_own_items(text: str, last_part: Quantity, marker_start: int) -> bool:
    """…5个片区和25个村寨，完成实施项目共384个: a total in a later clause that names what
    it counts (not 以上, 两项, a scope or a period) counts other items than the figures
    before it."""
    clause_start = _clause_start(text, last_part.span.end, marker_start)
    if clause_start <= last_part.span.end:
        return False  # the parts and the total share a clause
    own = _OWN_ITEMS_IGNORED.sub("", text[clause_start:marker_start])
    return len(own) >= 2


def _after_total_marker(text: str, q: Quantity) -> bool:
    start = _clause_start(text, max(0, q.span.start - 20), q.span.start)
    return _TOTAL_BEFORE.search(text[start : q.span.start]) is not None


def _metric_tail(text: str, start: int, end: int) -> str:
    """The words right before the first figure of a clause: 城镇职工参保人数90.59万人 → 参保人数."""
    m = _WORDS_BEFORE_FIGURE.search(text, start, end)
    return m.group() if m else ""


def _metric_of(prefix: str) -> str:
    """The words a figure counts: after its scope if the clause names one (东营全市共抓获
    犯罪嫌疑人 → 抓获犯罪嫌疑人), period words and leading markers left out."""
    words = "".join(_METRIC_WORD.findall(PERIOD.sub("", prefix)))
    scope = _last(_SCOPE.finditer(words))
    if scope is not None:
        words = words[scope.end() :]
    words = _LEADING_BREAKDOWN.sub("", words)
    return _TOTAL_AT_ENDS.sub("", _ASPECT.sub("", words))
