"""Each figure with what it claims: its role (from the ledger), and the period named in
its sentence and the one in force (sentence, paragraph, heading or the document's lead)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hegao.checker import vocabulary as vocab
from hegao.checker.claims.clauses import ClauseStarts
from hegao.checker.claims.labels import LabelClaim, is_label_count
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
    segments: Segments,
    clause_quantities: Sequence[Sequence[Quantity]],
    ledger: RoleLedger,
    labels: Sequence[LabelClaim] = (),
) -> list[Figure]:
    """The figures of each clause (``clause_quantities`` is parallel to ``segments.clauses``)
    in text order, their roles as the ledger holds them. The count of a label that names
    its items (“学习、结合、转化”三篇文章, 五个方面：) or counts a verb (三个到位) is a
    label, not a figure."""
    named = {label.span.start for label in labels if label.named}
    text = segments.masked
    doc = segments
    out = []
    lead = _first_period(text, doc)
    heading: tuple[str, ...] = ()
    paragraph: tuple[str, ...] = ()
    block_index = -1
    periods: _SentencePeriods | None = None
    change = _ChangeBefore(text)
    for clause, quantities in zip(doc.clauses, clause_quantities, strict=True):
        if clause.block != block_index:
            block_index = clause.block
            paragraph = ()
            block = doc.blocks[block_index]
            if block.kind is BlockKind.HEADING:
                heading = _periods(text, block.span.start, block.span.end) or heading
        if not quantities:
            continue
        if periods is None or periods.index != clause.sentence:
            periods = _SentencePeriods(doc, clause.sentence)
        change.clause(clause.span.start)
        for q in quantities:
            if q.span.start in named or is_label_count(text, q):
                continue
            period = periods.before(clause.span.start, q.span.start)
            claimed = ledger.role(q)
            role = Role.LEVEL if claimed is None else claimed
            if role is Role.LEVEL and q.kind is Kind.PERCENT:
                role = Role.CHANGE if change.before(q.span.start) else Role.RATE
            setting, source = _in_force(period, paragraph, heading, lead)
            sentence_start = periods.span.start
            out.append(
                Figure(q, role, period, setting, source, heading, text, clause.span.start, sentence_start)
            )
        # The periods this clause names, from the sentence's (found above).
        paragraph = periods.within(clause.span.start, clause.span.end) or paragraph
    return out


class _SentencePeriods:
    """The period words of one sentence (found once: a dense sentence has dozens of
    figures), and which of them are in force at a figure."""

    def __init__(self, doc: Segments, index: int) -> None:
        self.doc = doc
        self.index = index
        self.span = doc.sentences[index].span
        text = doc.masked
        marks = [
            (m.start(), m.end(), m.group()) for m in PERIOD.finditer(text, self.span.start, self.span.end)
        ]
        self.starts = [start for start, _, _ in marks]
        self.ends = [end for _, end, _ in marks]
        self.words = [word for _, _, word in marks]
        # A semicolon parts statements of their own: found as far as the clauses read.
        self.semicolons = ClauseStarts(text, self.span.start, "；;")
        # The period words last in force: marks[lo:hi] and their words, sorted.
        self.range = (0, 0)
        self.seen: set[str] = set()
        self.named: tuple[str, ...] = ()

    def before(self, clause_start: int, offset: int) -> tuple[str, ...]:
        """The period words in force at ``offset``: those of the last clause before it that
        names a period (截至6月底，…，截至9月底，… — the second), after the last semicolon
        before the figure's clause (1-10月，…142起；1-11月，…189起 — 1-11月 alone)."""
        floor = self.semicolons.before(clause_start)
        hi = bisect.bisect_right(self.ends, offset)
        if not hi or self.starts[hi - 1] < floor:
            return ()
        last_named = self.doc.clause_at(self.starts[hi - 1])
        if last_named is not None:
            floor = max(floor, last_named.span.start)
        lo = bisect.bisect_left(self.starts, floor)
        if (lo, hi) != self.range:
            old_lo, old_hi = self.range
            if lo == old_lo and hi > old_hi:  # the same clause, further on
                self.seen.update(self.words[old_hi:hi])
            else:
                self.seen = set(self.words[lo:hi])
            self.named = tuple(sorted(self.seen))
            self.range = (lo, hi)
        return self.named

    def within(self, start: int, end: int) -> tuple[str, ...]:
        """The period words wholly inside ``[start, end)``."""
        found = set()
        for k in range(bisect.bisect_left(self.starts, start), len(self.starts)):
            if self.starts[k] >= end:
                break
            if self.ends[k] <= end:
                found.add(self.words[k])
        return tuple(sorted(found))


class _ChangeBefore:
    """Whether a change or comparison word stands in a clause before an offset, for the
    offsets of a clause met in increasing order: the clause is searched once."""

    _REACH = max(len(w) for name in ("comparison", "increase", "decrease") for w in vocab.words(name))

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = self.scanned = 0
        self.found = False

    def clause(self, start: int) -> None:
        self.start = self.scanned = start
        self.found = False

    def before(self, offset: int) -> bool:
        if offset < self.scanned:
            return CHANGE.search(self.text, self.start, offset) is not None
        if not self.found:
            # A word not found before ``scanned`` ends after it: it starts at most
            # _REACH - 1 characters before it.
            since = max(self.start, self.scanned - self._REACH + 1)
            self.found = CHANGE.search(self.text, since, offset) is not None
        self.scanned = offset
        return self.found


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
