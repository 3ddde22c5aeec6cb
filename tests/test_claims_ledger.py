"""The role ledger: the strongest claim on a figure decides its role, whatever the order
the readers claim it in."""

from __future__ import annotations

import itertools
from decimal import Decimal

from hegao.checker.claims import PRECEDENCE, Claim, Role, RoleLedger
from hegao.checker.claims.ledger import ROLE_OF
from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.lint.document import parse_document
from hegao.checker.model import Span


def _count(start: int, text: str = "500起") -> Quantity:
    return Quantity(Span(start, start + len(text)), text, Decimal(500), "", "起", (), Kind.COUNT, 0)


def test_precedence_names_every_claim_once() -> None:
    assert sorted(PRECEDENCE) == sorted(Claim)
    assert set(ROLE_OF) == set(Claim)


def test_strongest_claim_wins_in_any_order() -> None:
    for first, second in itertools.permutations(PRECEDENCE, 2):
        ledger = RoleLedger()
        q = _count(3)
        ledger.claim(q, first)
        ledger.claim(q, second)
        strongest = min(first, second, key=PRECEDENCE.index)
        assert ledger.claim_of(q) is strongest
        assert ledger.role(q) is ROLE_OF[strongest]


def test_figures_are_keyed_by_span() -> None:
    ledger = RoleLedger()
    ledger.claim(_count(3), Claim.SUM_TOTAL)
    assert ledger.role(_count(3)) is Role.TOTAL  # an equal figure, another object
    assert ledger.role(_count(10)) is None


def _roles(text: str) -> list[tuple[str, str]]:
    return [(f.quantity.text, f.role.value) for f in parse_document(text).claims.figures]


def test_a_closing_total_is_a_total() -> None:
    assert _roles("今年共立案1200起，其中盗窃案500起、诈骗案600起，共计1100起。\n") == [
        ("1200起", "whole"),
        ("500起", "part"),
        ("600起", "part"),
        ("1100起", "total"),
    ]


def test_an_increment_is_a_change() -> None:
    assert _roles("今年破获案件5200起，比上年增加400起，增长8.3%。\n") == [
        ("5200起", "level"),
        ("400起", "change"),
        ("8.3%", "change"),
    ]
