"""Stage 4, claims: what each figure claims and how the figures relate.

Modules, one concept each: ``model`` the value types, ``arithmetic`` rounding and the
intervals figures may span, ``patterns`` and ``clauses`` the word patterns and clause
bounds the readers share, ``totals`` sums, ``breakdowns`` 其中 / 包括 breakdowns,
``partitions`` complete partitions, ``ratios``, ``growth``, ``respectively`` 分别 lists
(their value type beside their reader), ``metric`` and ``figures`` what each figure
counts and when, ``ledger`` the role each figure ends with, ``labels`` numbered labels and
the items listed for them (“六有”, 四道防线, 五个方面：一是……), and ``reader`` the pass
over the sentences that calls them.
"""

from hegao.checker.claims.arithmetic import (
    ADDITIVE_KINDS,
    HUNDRED,
    at_least,
    exact,
    interval,
    percent_agrees,
    ratio_range,
    rounding,
    same_measure,
)
from hegao.checker.claims.clauses import clause_lead
from hegao.checker.claims.labels import Item, LabelClaim
from hegao.checker.claims.ledger import PRECEDENCE, Claim, RoleLedger
from hegao.checker.claims.model import Breakdown, Claims, Figure, Growth, Ratio, Role, Sum
from hegao.checker.claims.partitions import PARTITIONS
from hegao.checker.claims.patterns import CONTINUATION, PERIOD
from hegao.checker.claims.reader import read_claims
from hegao.checker.claims.respectively import Respectively, Subject

__all__ = [
    "ADDITIVE_KINDS",
    "CONTINUATION",
    "HUNDRED",
    "PARTITIONS",
    "PERIOD",
    "PRECEDENCE",
    "Breakdown",
    "Claim",
    "Claims",
    "Figure",
    "Growth",
    "Item",
    "LabelClaim",
    "Ratio",
    "Respectively",
    "Role",
    "RoleLedger",
    "Subject",
    "Sum",
    "at_least",
    "clause_lead",
    "exact",
    "interval",
    "percent_agrees",
    "ratio_range",
    "read_claims",
    "rounding",
    "same_measure",
]
