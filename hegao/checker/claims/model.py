"""The value types of the claims: what each figure claims (``Figure``, its ``Role``) and
the relations read between figures (``Sum``, ``Breakdown``, ``Ratio``, ``Growth``; the 分别
lists, ``Respectively``, are typed beside their reader), gathered in ``Claims`` with the
numbered labels and their items (``LabelClaim``, of ``labels``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from hegao.checker.claims.clauses import last
from hegao.checker.claims.labels import LabelClaim
from hegao.checker.claims.metric import metric_of
from hegao.checker.claims.patterns import SCOPE
from hegao.checker.claims.respectively import Respectively
from hegao.checker.figures.quantities import Quantity
from hegao.checker.model import Span


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
        return metric_of(self.text[self.clause_start : self.quantity.span.start])

    @cached_property
    def subject(self) -> str:
        """The words of its sentence up to the figure, scope and period words left out: what
        the figure describes when its clause alone does not say (某基金，2019年完成收入699万元)."""
        return metric_of(self.text[self.sentence_start : self.quantity.span.start])

    @cached_property
    def scope(self) -> str:
        """全市, 全省 … named in its sentence before it, or ""."""
        found = last(SCOPE.finditer(self.text, self.sentence_start, self.quantity.span.start))
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
    rate: Quantity | None  # None when the change is stated by its levels alone
    before: Quantity | None  # the earlier level
    after: Quantity | None  # the later level
    increment: Quantity | None  # 比上年增加D
    falling: bool
    verb: str


@dataclass(frozen=True)
class Claims:
    """The relations of a document, its numbered labels, and its figures (read on first
    use: only ``hegao claims`` and rules that compare figures by metric need them)."""

    sums: list[Sum]
    breakdowns: list[Breakdown]
    ratios: list[Ratio]
    growths: list[Growth]
    respectively: list[Respectively]
    labels: list[LabelClaim]
    read_figures: Callable[[], list[Figure]] = field(repr=False, compare=False)

    @cached_property
    def figures(self) -> list[Figure]:
        return self.read_figures()
