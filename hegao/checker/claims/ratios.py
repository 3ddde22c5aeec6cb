"""Ratios: a percentage with the part and whole (占, 所占比例) or the numerator and
denominator (破案率 = 破获 / 立案) it is computed from."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.claims.arithmetic import ADDITIVE_KINDS, exact, level_pair, same_measure
from hegao.checker.claims.clauses import ClauseStarts, clause_lead, clause_start, last
from hegao.checker.claims.model import Breakdown, Ratio
from hegao.checker.claims.partitions import LEADING_MARKS
from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.model import Span

# The words naming the whole after 占 (占全市刑事案件总数的) stay within a short phrase.
SHARE_WHOLE_WORDS = 12
# A rate's counts are named in the words right before them (破获…，立案…): how far back
# their clause is looked for, and how long its lead may be to still name the count.
RATE_COUNT_WINDOW = 30
RATE_COUNT_LEAD = 24
# A part named by one character names nothing in particular.
PART_NAME_MIN = 2

_SHARE_BEFORE = regex.compile(
    rf"(?P<term>{vocab.alternation('share')})(?P<whole_words>[^，,。；;\d]{{0,{SHARE_WHOLE_WORDS}}}?)"
    rf"(?:的)?(?:{vocab.alternation('claims.copula')})?\s*$"
)
_RATE_GLUE = regex.compile(rf"(?:{vocab.alternation('claims.copula')}|了)?\s*")
_COPULA_MAX = max(map(len, vocab.words("claims.copula")))
# Both patterns end at the percentage, past spaces only: a match of either starts at
# most this many characters before those spaces, so they are searched there alone (a
# clause of thousands of percentages is read in linear time).
_SHARE_REACH = max(map(len, vocab.words("share"))) + SHARE_WHOLE_WORDS + len("的") + _COPULA_MAX
_RATE_REACH = max(map(len, vocab.rate_terms())) + _COPULA_MAX


def ratios_in(
    text: str,
    sentence: Span,
    quantities: Sequence[Quantity],
    previous: Sequence[Quantity],
    breakdowns: Sequence[Breakdown],
) -> list[Ratio]:
    """The ratios of a sentence; ``previous`` are the figures of the sentence before (a
    rate's counts may be stated there), ``breakdowns`` those read so far (a share of a
    part is of its whole)."""
    out = []
    starts = ClauseStarts(text, sentence.start)
    counts = _NamedCounts(text, previous)
    for i, pct in enumerate(quantities):
        if pct.kind is not Kind.PERCENT or pct.unit != "%" or not exact(pct):
            continue
        start = starts.before(pct.span.start)
        ratio = _share(text, quantities, i, start, breakdowns) or _rate(text, counts, quantities, i, start)
        if ratio is not None:
            out.append(ratio)
    return out


def _reach(text: str, start: int, end: int, reach: int) -> int:
    """Where a pattern that ends at ``end`` past spaces and spans at most ``reach``
    other characters can start, not before ``start``."""
    words_end = end
    while words_end > start and text[words_end - 1].isspace():
        words_end -= 1
    return max(start, words_end - reach)


def _share(
    text: str, quantities: Sequence[Quantity], i: int, start: int, breakdowns: Sequence[Breakdown]
) -> Ratio | None:
    pct = quantities[i]
    m = _SHARE_BEFORE.search(text, _reach(text, start, pct.span.start, _SHARE_REACH), pct.span.start)
    if not m:
        return None
    found = _share_of_figures(text, quantities, i, start, m, breakdowns) if i else None
    if found is None and not (i and quantities[i - 1].span.start >= start):
        return _named_share(text, pct, text[start : m.start()], m.group("term"), breakdowns)
    return found


def _share_of_figures(
    text: str,
    quantities: Sequence[Quantity],
    i: int,
    start: int,
    m: regex.Match[str],
    breakdowns: Sequence[Breakdown],
) -> Ratio | None:
    pct = quantities[i]
    term = m.group("term")
    share_at = m.start()
    first_inside = i
    while first_inside and quantities[first_inside - 1].span.start >= share_at:
        first_inside -= 1
    if first_inside < i:
        # 完成7.85万亩，占总任务7.35万亩的106.8%: the whole is named after 占, the
        # part ends the words right before 占.
        whole = quantities[first_inside]
        k = first_inside
        while k and quantities[k - 1].span.end > share_at:
            k -= 1
        if not k or first_inside < i - 1 or not level_pair(quantities[k - 1], whole):
            return None
        part = quantities[k - 1]
        if text[part.span.end : share_at].strip("，, ") != "":
            return None
        return Ratio(pct, part, whole, term)
    part = quantities[i - 1]
    if part.kind not in ADDITIVE_KINDS or not exact(part):
        return None
    if text[part.span.end : start].strip("，,（( ") != "":
        return None  # the figure does not end the clause right before 占
    for b in breakdowns:
        if part in b.parts:
            return Ratio(pct, part, b.whole, term)
    return None


def _named_share(
    text: str, pct: Quantity, metric: str, term: str, breakdowns: Sequence[Breakdown]
) -> Ratio | None:
    """第一产业增加值占地区生产总值的比重为5.0% (no figure before it): the part is the
    figure named by exactly these words in a breakdown read earlier, the whole that
    breakdown's."""
    metric = LEADING_MARKS.sub("", metric)
    if len(metric) < PART_NAME_MIN:
        return None
    for b in reversed(breakdowns):
        for part in b.parts:
            if LEADING_MARKS.sub("", clause_lead(text, part)) == metric:
                return Ratio(pct, part, b.whole, term, adjusted=bool(b.members))
    return None


def _rate(
    text: str, counts: _NamedCounts, quantities: Sequence[Quantity], i: int, start: int
) -> Ratio | None:
    pct = quantities[i]
    reach = _reach(text, start, pct.span.start, _RATE_REACH)
    m = last(vocab.rate_pattern().finditer(text, reach, pct.span.start))
    if m is None or not _RATE_GLUE.fullmatch(text, m.end(), pct.span.start):
        return None
    counts.add_until(quantities, i)
    term = vocab.rate_terms()[m.group()]
    numerator = counts.last_named(term.numerator)
    denominator = counts.last_named(term.denominator)
    if numerator is None or denominator is None or numerator is denominator:
        return None
    if not same_measure(numerator, denominator):
        return None
    return Ratio(pct, numerator, denominator, m.group())


class _NamedCounts:
    """The counts a rate may be computed from (the figures of the sentence before and
    those before the rate, added as rates are met), indexed by the count words of the
    rates (破获, 立案 …) their clause names right before them: the last figure named by
    each word."""

    def __init__(self, text: str, previous: Sequence[Quantity]) -> None:
        self.text = text
        self.previous = previous  # read when the first rate is met: most sentences have none
        self.named: dict[str, Quantity] = {}
        self.added = -1

    def add_until(self, quantities: Sequence[Quantity], end: int) -> None:
        if self.added < 0:
            for q in self.previous:
                self._add(q)
            self.added = 0
        for q in quantities[self.added : end]:
            self._add(q)
        self.added = max(self.added, end)

    def _add(self, q: Quantity) -> None:
        if q.kind not in ADDITIVE_KINDS or not exact(q):
            return
        start = clause_start(self.text, max(0, q.span.start - RATE_COUNT_WINDOW), q.span.start)
        lead = self.text[start : q.span.start]
        if len(lead) > RATE_COUNT_LEAD:
            return
        for word in _count_words():
            if word in lead:
                self.named[word] = q

    def last_named(self, words: tuple[str, ...]) -> Quantity | None:
        """The last figure whose clause names it with one of ``words`` right before it."""
        found = [self.named[w] for w in words if w in self.named]
        return max(found, key=lambda q: q.span.start, default=None)


@cache
def _count_words() -> tuple[str, ...]:
    return tuple(sorted({w for t in vocab.rate_terms().values() for w in (*t.numerator, *t.denominator)}))
