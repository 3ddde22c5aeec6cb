"""Each figure with what it claims: its role (from the ledger), and the period named in
its sentence and the one in force (sentence, paragraph, heading or the document's lead)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hegao.checker.claims.ledger import RoleLedger
from hegao.checker.claims.model import Figure, Role
from hegao.checker.claims.patterns import CHANGE, PERIOD
from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.model import BlockKind

if TYPE_CHECKING:
    from hegao.checker.text.segments import Segments

# A bulletin's lead (今年以来，全市…) is among its first sentences: a period first named
# further down belongs to one part of it, not to the whole.
LEAD_SENTENCES = 10


def read_figures(
    segments: Segments, clause_quantities: Sequence[Sequence[Quantity]], ledger: RoleLedger
) -> list[Figure]:
    """The figures of each clause (``clause_quantities`` is parallel to ``segments.clauses``)
    in text order, their roles as the ledger holds them."""
    text = segments.masked
    doc = segments
    out = []
    lead = _first_period(text, doc)
    heading: tuple[str, ...] = ()
    paragraph: tuple[str, ...] = ()
    block_index = -1
    marks_of = -1
    marks: list[tuple[int, int, str]] = []
    ends: list[int] = []
    for clause, quantities in zip(doc.clauses, clause_quantities, strict=True):
        if clause.block != block_index:
            block_index = clause.block
            paragraph = ()
            block = doc.blocks[block_index]
            if block.kind is BlockKind.HEADING:
                heading = _periods(text, block.span.start, block.span.end) or heading
        if not quantities:
            continue
        sentence = doc.sentences[clause.sentence].span
        if clause.sentence != marks_of:
            marks_of = clause.sentence
            marks = [
                (m.start(), m.end(), m.group()) for m in PERIOD.finditer(text, sentence.start, sentence.end)
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
                last_named = doc.clause_at(named[-1][0])
                if last_named is not None:
                    named = [(start, word) for start, word in named if start >= last_named.span.start]
            period = tuple(sorted({word for _, word in named}))
            claimed = ledger.role(q)
            role = Role.LEVEL if claimed is None else claimed
            if role is Role.LEVEL and q.kind is Kind.PERCENT:
                role = Role.CHANGE if CHANGE.search(text, clause.span.start, q.span.start) else Role.RATE
            setting, source = _in_force(period, paragraph, heading, lead)
            out.append(
                Figure(q, role, period, setting, source, heading, text, clause.span.start, sentence.start)
            )
        # The periods this clause names, from the sentence's (found above).
        c_start, c_end = clause.span.start, clause.span.end
        if marks:
            stated = tuple(sorted({word for a, b, word in marks if a >= c_start and b <= c_end}))
            paragraph = stated or paragraph
    return out


def _in_force(
    period: tuple[str, ...], paragraph: tuple[str, ...], heading: tuple[str, ...], lead: tuple[str, ...]
) -> tuple[tuple[str, ...], str]:
    """The period in force and where it is named: the sentence's own, else the paragraph's,
    the heading's or the lead's."""
    for named, source in (
        (period, "sentence"),
        (paragraph, "paragraph"),
        (heading, "heading"),
        (lead, "lead"),
    ):
        if named:
            return named, source
    return (), ""


def _periods(text: str, start: int, end: int) -> tuple[str, ...]:
    return tuple(sorted({m.group() for m in PERIOD.finditer(text, start, end)}))


def _first_period(text: str, doc: Segments) -> tuple[str, ...]:
    """The period words of the first sentence that names one: a bulletin's lead."""
    for sentence in doc.sentences[:LEAD_SENTENCES]:
        found = _periods(text, sentence.span.start, sentence.span.end)
        if found:
            return found
    return ()
