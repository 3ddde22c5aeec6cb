"""Ratios: a percentage with the part and whole (占, 所占比例) or the numerator and
denominator (破案率 = 破获 / 立案) it is computed from."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.claims.arithmetic import ADDITIVE_KINDS, exact, level_pair, same_measure
from hegao.checker.claims.clauses import clause_lead, clause_start, last
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
    for i, pct in enumerate(quantities):
        if pct.kind is not Kind.PERCENT or pct.unit != "%" or not exact(pct):
            continue
        start = clause_start(text, sentence.start, pct.span.start)
        lead = text[start : pct.span.start]
        before = list(quantities[:i])
        ratio = _share(text, before, pct, start, lead, breakdowns) or _rate(text, before, previous, pct, lead)
        if ratio is not None:
            out.append(ratio)
    return out


def _share(
    text: str, before: list[Quantity], pct: Quantity, start: int, lead: str, breakdowns: Sequence[Breakdown]
) -> Ratio | None:
    m = _SHARE_BEFORE.search(lead)
    if not m:
        return None
    found = _share_of_figures(text, before, pct, start, m, breakdowns) if before else None
    if found is None and not any(q.span.start >= start for q in before):
        return _named_share(text, pct, lead[: m.start()], m.group("term"), breakdowns)
    return found


def _share_of_figures(
    text: str,
    before: list[Quantity],
    pct: Quantity,
    start: int,
    m: regex.Match[str],
    breakdowns: Sequence[Breakdown],
) -> Ratio | None:
    term = m.group("term")
    share_at = start + m.start()
    inside = [q for q in before if q.span.start >= share_at]
    if inside:
        # 完成7.85万亩，占总任务7.35万亩的106.8%: the whole is named after 占, the
        # part ends the words right before 占.
        whole = inside[-1]
        parts = [q for q in before if q.span.end <= share_at]
        if not parts or len(inside) > 1 or not level_pair(parts[-1], whole):
            return None
        if text[parts[-1].span.end : share_at].strip("，, ") != "":
            return None
        return Ratio(pct, parts[-1], whole, term)
    part = before[-1]
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
    text: str, before: list[Quantity], previous: Sequence[Quantity], pct: Quantity, lead: str
) -> Ratio | None:
    m = last(vocab.rate_pattern().finditer(lead))
    if m is None or not _RATE_GLUE.fullmatch(lead, m.end()):
        return None
    term = vocab.rate_terms()[m.group()]
    pool = [q for q in [*previous, *before] if q.kind in ADDITIVE_KINDS and exact(q)]
    numerator = _named(text, pool, term.numerator)
    denominator = _named(text, pool, term.denominator)
    if numerator is None or denominator is None or numerator is denominator:
        return None
    if not same_measure(numerator, denominator):
        return None
    return Ratio(pct, numerator, denominator, m.group())


def _named(text: str, pool: list[Quantity], words: tuple[str, ...]) -> Quantity | None:
    """The last figure whose clause names it with one of ``words`` right before it."""
    found = None
    for q in pool:
        start = clause_start(text, max(0, q.span.start - RATE_COUNT_WINDOW), q.span.start)
        lead = text[start : q.span.start]
        if any(w in lead for w in words) and len(lead) <= RATE_COUNT_LEAD:
            found = q
    return found
