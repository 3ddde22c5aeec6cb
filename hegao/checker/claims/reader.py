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
                 increment (比上年增加D) it follows from;
* ``Respectively`` the subjects listed before 分别 paired in order with the values
                 listed after it (A、B分别下降x、y).
* ``LabelClaim`` a numbered label (“六有”, 四道防线, 五个方面) and the items listed for it.

Every relation is read only where the text makes it unambiguous; rules compare
what the relations say and stay silent elsewhere. ``hegao claims`` prints all of it.

The pass goes sentence by sentence: the sums and breakdowns of each piece between
semicolons, then a partition of the sentence before, then ratios (which read the
breakdowns found so far), growths and 分别 lists. Each relation claims its figures in a
``RoleLedger``, whose precedence, not this order, decides a figure's role. Labels are read
over the whole text after it: their items may run over sentences and paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from hegao.checker.claims.breakdowns import breakdowns_in
from hegao.checker.claims.clauses import pieces
from hegao.checker.claims.figures import read_figures
from hegao.checker.claims.growth import growths_in, level_changes_in
from hegao.checker.claims.labels import read_labels
from hegao.checker.claims.ledger import Claim, RoleLedger
from hegao.checker.claims.model import Breakdown, Claims, Growth, Ratio, Sum
from hegao.checker.claims.partitions import partition_of_previous
from hegao.checker.claims.ratios import ratios_in
from hegao.checker.claims.respectively import Respectively, respectively_in
from hegao.checker.claims.totals import sums_in
from hegao.checker.figures.quantities import Label, Quantity

if TYPE_CHECKING:
    from hegao.checker.text.segments import Segments


def read_claims(
    segments: Segments,
    sentence_quantities: Sequence[Sequence[Quantity]],
    clause_quantities: Sequence[Sequence[Quantity]],
    labels: Sequence[Label] = (),
) -> Claims:
    """The claims of a segmented text, given the quantities of each sentence and each
    clause (parallel to ``segments.sentences`` and ``segments.clauses``) and the quoted
    numbered labels the figures stage found."""
    text = segments.masked
    ledger = RoleLedger()
    sums: list[Sum] = []
    breakdowns: list[Breakdown] = []
    ratios: list[Ratio] = []
    growths: list[Growth] = []
    respectively: list[Respectively] = []
    previous: Sequence[Quantity] = ()
    earlier: Respectively | None = None  # the last 分别 list of the sentence before
    block = -1
    for sentence, quantities in zip(segments.sentences, sentence_quantities, strict=True):
        if sentence.block != block:
            earlier, block = None, sentence.block
        if quantities:
            for piece in pieces(text, sentence.span):
                found = [q for q in quantities if piece.start <= q.span.start and q.span.end <= piece.end]
                if not found:
                    continue
                for b in breakdowns_in(text, piece, found):
                    breakdowns.append(b)
                    ledger.claim(b.whole, Claim.BREAKDOWN_WHOLE)
                    for p in b.parts:
                        ledger.claim(p, Claim.BREAKDOWN_PART)
                for s in sums_in(text, piece, found):
                    sums.append(s)
                    ledger.claim(s.total, Claim.SUM_TOTAL)
                    for p in s.parts:
                        ledger.claim(p, Claim.SUM_PART)
            if previous:
                partition = partition_of_previous(
                    text, sentence.span, quantities, previous, breakdowns, ledger
                )
                if partition is not None:
                    breakdowns.append(partition)
                    ledger.claim(partition.whole, Claim.PARTITION_WHOLE)
                    for p in partition.parts:
                        ledger.claim(p, Claim.PARTITION_PART)
            for r in ratios_in(text, sentence.span, quantities, previous, breakdowns):
                ratios.append(r)
                ledger.claim(r.value, Claim.RATIO)
            read = growths_in(text, sentence.span, quantities)
            taken = {id(q) for g in read for q in (g.rate, g.before, g.after, g.increment) if q is not None}
            for g in [*read, *level_changes_in(text, sentence.span, quantities, taken)]:
                growths.append(g)
                for q in (g.rate, g.increment):
                    if q is not None:
                        ledger.claim(q, Claim.GROWTH)
            lists = respectively_in(text, sentence.span, quantities, earlier)
            respectively.extend(lists)
            earlier = lists[-1] if lists else None
        else:
            earlier = None
        previous = quantities
    every = [q for quantities in sentence_quantities for q in quantities]
    label_claims = read_labels(segments, labels, every)
    return Claims(
        sums,
        breakdowns,
        ratios,
        growths,
        respectively,
        label_claims,
        partial(read_figures, segments, clause_quantities, ledger, label_claims),
    )
