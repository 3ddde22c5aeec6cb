"""Complete partitions (城镇 and 乡村, the three industries): breakdowns whose parts, one
for each member, make up their whole; and the sentence that gives the members' figures
for a whole named in the sentence before it."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.claims.arithmetic import ADDITIVE_KINDS, exact, same_measure
from hegao.checker.claims.clauses import clause_lead, clause_start
from hegao.checker.claims.ledger import RoleLedger
from hegao.checker.claims.model import Breakdown, Role
from hegao.checker.claims.patterns import CHANGE
from hegao.checker.figures.quantities import Quantity
from hegao.checker.model import Span

# The words between a member and its figure are few: 增加值, 常住人口为; more is another statement.
MEMBER_METRIC = 8

# Complete partitions (城镇|乡村): a breakdown whose parts name one records it.
PARTITIONS = tuple(tuple(p.split("|")) for p in vocab.words("complete_partition"))
# Before a partition's members: 其中，/ 分产业看，
LEADING_MARKS = regex.compile(
    rf"^[\s，,：:]*(?:(?:{vocab.alternation('claims.partition_opening')})[，,：:]?\s*)?"
)
# The words between a member and its figure: 增加值, 常住人口为 (Han only, short).
# The copula's characters, stripped from the end of a member's metric (常住人口为).
_COPULA_CHARS = "".join(sorted(set("".join(vocab.words("claims.copula")))))
_PARTITION_METRIC = regex.compile(rf"\p{{Han}}{{1,{MEMBER_METRIC}}}")


def complete_for(members: tuple[str, ...], words: str) -> bool:
    """Whether the members make up the whole of what ``words`` name (the whole's and the
    parts' metric words): the industries make up 增加值, not 用电量."""
    return not any(m in words for m in vocab.partition_exceptions().get(members, ()))


def partition_members(text: str, whole: Quantity, parts: tuple[Quantity, ...]) -> tuple[str, ...]:
    """The members of a complete partition, one named before each part; () when the parts
    name none, or the members do not make up the metric named (the industries and
    全社会用电量)."""
    for members in PARTITIONS:
        if len(members) != len(parts):
            continue
        at = whole.span.end
        for part, member in zip(parts, members, strict=True):
            if member not in text[at : part.span.start]:
                break
            at = part.span.end
        else:
            words = clause_lead(text, whole) + text[whole.span.end : parts[-1].span.start]
            return members if complete_for(members, words) else ()
    return ()


def partition_of_previous(
    text: str,
    sentence: Span,
    quantities: Sequence[Quantity],
    previous: Sequence[Quantity],
    breakdowns: Sequence[Breakdown],
    ledger: RoleLedger,
) -> Breakdown | None:
    """A sentence that opens on the first member of a complete partition and gives a
    figure for each member (第一产业增加值…；第二产业增加值…；第三产业增加值…) breaks
    down the whole the sentence before names (地区生产总值…): the whole is named by
    the parts' metric (常住人口 for 城镇常住人口) or by the word the vocabulary gives
    for it (生产总值 for 增加值). ``breakdowns`` are those read so far: a part of one
    is not read again."""
    opening = LEADING_MARKS.sub("", text[sentence.start : sentence.end])
    for members in PARTITIONS:
        if not opening.startswith(members[0]):
            continue
        parts, metrics = _member_figures(text, sentence, quantities, members)
        if parts is None or any(p in b.parts for b in breakdowns for p in parts):
            return None
        whole = _whole_named(text, previous, parts[0], metrics[0], ledger)
        if whole is None or any(not same_measure(p, whole) for p in parts):
            return None
        if not complete_for(members, clause_lead(text, whole) + metrics[0]):
            return None
        marker = Span(sentence.start, sentence.start)  # no word: the sentence's opening
        return Breakdown(whole, tuple(parts), marker, False, members)
    return None


def _member_figures(
    text: str, sentence: Span, quantities: Sequence[Quantity], members: tuple[str, ...]
) -> tuple[list[Quantity] | None, list[str]]:
    """The figure after each member, in its clause, with the same metric words
    between (增加值); None unless every member has one."""
    parts: list[Quantity] = []
    metrics: list[str] = []
    at = sentence.start
    for member in members:
        found = text.find(member, at, sentence.end)
        if found < 0:
            return None, []
        after = [q for q in quantities if q.span.start >= found + len(member)]
        if not after or clause_start(text, found, after[0].span.start) != found:
            return None, []  # the member's figure is in a later clause
        part = after[0]
        metric = text[found + len(member) : part.span.start]
        if not exact(part) or part.kind not in ADDITIVE_KINDS or not _PARTITION_METRIC.fullmatch(metric):
            return None, []
        parts.append(part)
        metrics.append(metric.rstrip(_COPULA_CHARS))
        at = part.span.end
    if len(set(metrics)) != 1 or not metrics[0]:
        return None, []
    return parts, metrics


def _whole_named(
    text: str, previous: Sequence[Quantity], part: Quantity, metric: str, ledger: RoleLedger
) -> Quantity | None:
    words = (metric, *vocab.partition_wholes().get(metric, ()))
    for q in reversed(previous):
        if not exact(q) or not same_measure(q, part) or ledger.role(q) == Role.PART:
            continue
        lead = clause_lead(text, q)
        if any(w in lead for w in words) and not CHANGE.search(lead.replace("增加值", "")):
            return q
    return None
