"""How exact a printed figure is, and which figures may be compared or added up: the
arithmetic the readers use to accept a relation and the rules use to check it."""

from __future__ import annotations

from decimal import Decimal

from hegao.checker import vocabulary as vocab
from hegao.checker.figures.quantities import Kind, Quantity

# Kinds of figure that add up: a sum, a breakdown or a level of a change is one of them.
ADDITIVE_KINDS = frozenset({Kind.COUNT, Kind.MONEY, Kind.MEASURE})
HUNDRED = Decimal(100)


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


def level_pair(a: Quantity, b: Quantity) -> bool:
    """Two exact levels of one measure that a change or a share may be computed from."""
    return same_measure(a, b) and exact(a) and exact(b) and a.kind in ADDITIVE_KINDS


def drop_nested(parts: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
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
