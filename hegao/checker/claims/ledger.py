"""The role each figure plays, as a ledger of the readings that claim it.

Several readings may claim one figure: 400起 in …，比上年增加400起，增长8.3% may be one of
the figures a sum adds up and is the increment of a growth; a figure with 其中 after it is
a whole and may be one of the parts a later total adds up. The ledger keeps, for each figure (by its
span), the strongest claim made on it, strongest as ``PRECEDENCE`` orders them, so the
role a figure ends with does not depend on the order the readers run in.
"""

from __future__ import annotations

from enum import StrEnum

from hegao.checker.claims.model import Role
from hegao.checker.figures.quantities import Quantity
from hegao.checker.model import Span


class Claim(StrEnum):
    """A reading that claims a figure for a role."""

    GROWTH = "growth"  # the rate of a Growth, or its increment (比上年增加400起)
    RATIO = "ratio"  # the percentage of a Ratio (占, 破案率 …)
    SUM_TOTAL = "sum total"  # the total of a Sum (共计1100起)
    BREAKDOWN_PART = "breakdown part"  # a part after 其中 / 包括 / （含 …）
    BREAKDOWN_WHOLE = "breakdown whole"  # the figure 其中 … breaks down
    SUM_PART = "sum part"  # one of the figures a Sum adds up
    PARTITION_PART = "partition part"  # a member's figure in 第一产业…；第二产业…
    PARTITION_WHOLE = "partition whole"  # the whole named in the sentence before those


# Strongest first. Why each claim stands where it does:
# * GROWTH: the change verb right before the rate, or 比上年增加 right before the increment,
#   says what the figure is; an increment also listed with other figures stays a change.
# * RATIO: a percentage read as a share or a rate; only a growth outranks it (a percentage
#   with its change verb is a change). No reading below claims a percentage at all: sums,
#   breakdowns and partitions take only figures that add up.
# * SUM_TOTAL: the total's own marker stands right before it (共计1100起), while a part is
#   placed only by where it stands: a total that another reading lists as a part is still
#   the total the rules check.
# * BREAKDOWN_PART over BREAKDOWN_WHOLE: a part that is broken down in turn (其中A 500起
#   （含B 200起）) is still a part of the outer whole, the level the rules add up.
# * BREAKDOWN_WHOLE over SUM_PART: a figure with its own 其中 right after it is a whole,
#   even when a total later in the piece adds it to others.
# * SUM_PART, PARTITION_PART: parts placed by position; both give the role PART.
# * PARTITION_WHOLE last: a whole found in the sentence before by its metric words alone,
#   the weakest evidence; a figure another reading has already claimed keeps that role
#   (and the partition reader never takes a part for a whole).
PRECEDENCE: tuple[Claim, ...] = (
    Claim.GROWTH,
    Claim.RATIO,
    Claim.SUM_TOTAL,
    Claim.BREAKDOWN_PART,
    Claim.BREAKDOWN_WHOLE,
    Claim.SUM_PART,
    Claim.PARTITION_PART,
    Claim.PARTITION_WHOLE,
)
assert set(PRECEDENCE) == set(Claim) and len(PRECEDENCE) == len(Claim)

ROLE_OF: dict[Claim, Role] = {
    Claim.GROWTH: Role.CHANGE,
    Claim.RATIO: Role.SHARE,
    Claim.SUM_TOTAL: Role.TOTAL,
    Claim.BREAKDOWN_PART: Role.PART,
    Claim.BREAKDOWN_WHOLE: Role.WHOLE,
    Claim.SUM_PART: Role.PART,
    Claim.PARTITION_PART: Role.PART,
    Claim.PARTITION_WHOLE: Role.WHOLE,
}

_RANK = {claim: rank for rank, claim in enumerate(PRECEDENCE)}


class RoleLedger:
    """The strongest claim on each figure, by the figure's span."""

    def __init__(self) -> None:
        self._claims: dict[Span, Claim] = {}

    def claim(self, q: Quantity, claim: Claim) -> None:
        held = self._claims.get(q.span)
        if held is None or _RANK[claim] < _RANK[held]:
            self._claims[q.span] = claim

    def claim_of(self, q: Quantity) -> Claim | None:
        return self._claims.get(q.span)

    def role(self, q: Quantity) -> Role | None:
        """The role of the strongest claim on ``q``; None while no reading claims it."""
        held = self._claims.get(q.span)
        return ROLE_OF[held] if held is not None else None
