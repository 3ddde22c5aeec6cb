"""What the total rules share: figures shown in the arithmetic of their messages."""

from __future__ import annotations

from decimal import Decimal

from hegao.checker.figures.quantities import Quantity


def show(value: Decimal, unit: str, like: Quantity | None = None) -> str:
    """A value in base units (元), or in the scale of ``like`` (亿元) when given."""
    scale = ""
    if like is not None and like.scale:
        value, scale = value / like.multiplier, like.scale
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    if scale:
        return f"{value:f}{scale}{unit}"
    return f"{value:,f} {unit}".strip()


def common(*quantities: Quantity) -> Quantity | None:
    """A figure whose scale all share (亿元 throughout): the arithmetic is shown in it;
    None when scales differ (元 and 万元), and it is shown in base units."""
    first = quantities[0]
    return first if all(q.scale == first.scale for q in quantities) else None
