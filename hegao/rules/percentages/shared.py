"""What the percentage rules share: the percentages of each clause and a value rounded like
a stated figure."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.lint.document import Document
from hegao.checker.text.segments import Clause

HUNDRED = Decimal(100)


def percentages(doc: Document) -> Iterator[tuple[Clause, Quantity]]:
    """Every percentage (%, not ‰ or points) with the clause it stands in."""
    for clause, quantities in zip(doc.clauses, doc.clause_quantities, strict=True):
        for q in quantities:
            if q.kind is Kind.PERCENT and q.unit == "%":
                yield clause, q


# Between the verb and a later figure of the same list: 分别下降6.67%、128.85%.


def round_like(value: Decimal, stated: Quantity) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-max(stated.decimals, 1))):f}"
