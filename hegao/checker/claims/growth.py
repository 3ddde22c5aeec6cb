"""Growth: a change rate with the two levels (从A下降到B, 去年同期A) or the increment
(比上年增加D) it follows from."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.claims.arithmetic import ADDITIVE_KINDS, exact, level_pair, same_measure
from hegao.checker.claims.clauses import clause_start
from hegao.checker.claims.model import Growth
from hegao.checker.claims.patterns import CHANGE_WORDS
from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.model import Span

# The change verb stands right before its rate: 下降了17.5%, 增长幅度为8%.
VERB_WINDOW = 8
# 从 / 由 opens the earlier level closely: 从上年的48000 (a short phrase, not a clause).
FROM_WINDOW = 12
# The previous period names its level right before it: 去年同期为40起.
PREVIOUS_WINDOW = 8

_CHANGE_VERB_END = regex.compile(
    rf"(?P<verb>{CHANGE_WORDS})(?:了)?(?:{vocab.alternation('claims.change_extent')})?(?:为|达)?$"
)
_REAL_TERMS = vocab.pattern("real_terms")
_FROM_TO_GLUE = regex.compile(rf"\s*(?:{CHANGE_WORDS})?(?:到|至|为)\s*")
_FROM_OPENER = regex.compile(r"[从由][^，,。；;]*$")
_AFTER_LEVELS = regex.compile(rf"[，,\s]*(?:{vocab.alternation('claims.before_rate')})?")
_PREVIOUS_BEFORE = regex.compile(
    rf"(?:{vocab.alternation('previous_period')})(?:{vocab.alternation('claims.same_period')})?(?:为|是|的)?$"
)
_COMPARISON_GLUE = regex.compile(rf"[，,\s]?(?:{vocab.alternation('comparison')})?")
_INCREMENT_LEAD = regex.compile(rf"(?:{vocab.alternation('comparison')})(?P<v>{CHANGE_WORDS})(?:了)?")


def growths_in(text: str, sentence: Span, quantities: Sequence[Quantity]) -> list[Growth]:
    """The growths of a sentence, one for each change rate whose levels it states."""
    if _REAL_TERMS.search(text, sentence.start, sentence.end):
        return []  # growth at comparable prices does not follow from nominal levels
    out = []
    for i, pct in enumerate(quantities):
        if pct.kind is not Kind.PERCENT or pct.unit != "%" or not exact(pct):
            continue
        verb = _CHANGE_VERB_END.search(
            text, max(sentence.start, pct.span.start - VERB_WINDOW), pct.span.start
        )
        if verb is None:
            continue
        falling = vocab.is_decrease(verb.group("verb"))
        levels = [q for q in quantities[:i] if q.kind in ADDITIVE_KINDS]
        g = (
            _from_to(text, sentence, levels, pct, verb, falling)
            or _with_previous(text, levels, pct, verb, falling)
            or _with_increment(text, sentence, levels, pct, verb, falling)
        )
        if g is not None:
            out.append(g)
    return out


def _from_to(
    text: str, sentence: Span, levels: list[Quantity], pct: Quantity, verb: regex.Match[str], falling: bool
) -> Growth | None:
    """从48000下降到39600，下降了17.5%; 由上年的A增加至B，增长x%."""
    for k in range(len(levels) - 1, 0, -1):
        after, before = levels[k], levels[k - 1]
        glue = text[before.span.end : after.span.start]
        if not _FROM_TO_GLUE.fullmatch(glue):
            continue
        opener = text[max(sentence.start, before.span.start - FROM_WINDOW) : before.span.start]
        if not _FROM_OPENER.search(opener):
            continue
        between = text[after.span.end : verb.start()]
        if not _AFTER_LEVELS.fullmatch(between) or not level_pair(before, after):
            return None
        return Growth(pct, before, after, None, falling, verb.group("verb"))
    return None


def _with_previous(
    text: str, levels: list[Quantity], pct: Quantity, verb: regex.Match[str], falling: bool
) -> Growth | None:
    """58起，去年同期40起，同比上升45%."""
    last_year = [
        q
        for q in levels
        if _PREVIOUS_BEFORE.search(text, max(0, q.span.start - PREVIOUS_WINDOW), q.span.start)
    ]
    if len(last_year) != 1:
        return None
    previous = last_year[0]
    current = [q for q in levels if q is not previous and level_pair(q, previous)]
    if len(current) != 1:
        return None
    now = current[0]
    if now.span.start > previous.span.start:
        return None  # this year's figure must come first: 58起，去年同期40起
    glue_start = max(now.span.end, previous.span.end)
    glue = text[glue_start : verb.start()]
    if not _COMPARISON_GLUE.fullmatch(glue):
        return None  # another subject in between: 群众满意度提高5%
    return Growth(pct, previous, now, None, falling, verb.group("verb"))


def _with_increment(
    text: str, sentence: Span, levels: list[Quantity], pct: Quantity, verb: regex.Match[str], falling: bool
) -> Growth | None:
    """今年破获5200起，比上年增加400起，增长8.3%: the rate is 400 ÷ (5200 − 400)."""
    if len(levels) < 2:
        return None
    increment, now = levels[-1], levels[-2]
    if not level_pair(increment, now):
        return None
    inc_lead = text[clause_start(text, sentence.start, increment.span.start) : increment.span.start]
    inc_verb = _INCREMENT_LEAD.fullmatch(inc_lead)
    if inc_verb is None or vocab.is_decrease(inc_verb.group("v")) != falling:
        return None
    # inc_lead is never empty here: the increment's verb was read in it.
    if text[now.span.end : increment.span.start - len(inc_lead)].strip("，, ") != "":
        return None
    if text[increment.span.end : verb.start()].strip("，, ") != "":
        return None
    return Growth(pct, None, now, increment, falling, verb.group("verb"))


# A change by its levels, without a rate: 由A增加至B; B，较上年提高D.
_MOVE = rf"(?:{CHANGE_WORDS}|{vocab.alternation('claims.moves_up')}|{vocab.alternation('claims.moves_down')})"
_TO_LATER = regex.compile(
    rf"\s*{_MOVE}(?:了)?(?:{vocab.alternation('claims.change_to')})(?:了)?[^，,；;。！？!?：:]*"
)  # fullmatch()ed: the text between the earlier level and the later one
_FROM_EARLIER = regex.compile(rf"(?:{vocab.alternation('claims.change_from')})[^，,；;。！？!?：:]*$")
_DELTA_AFTER = regex.compile(
    rf"[，,]?\s*(?:{vocab.alternation('comparison')})[^，,；;。！？!?：:]*?"
    rf"(?<!{vocab.alternation('claims.change_of_change')})(?P<v>{_MOVE})(?:了)?\s*"
)  # fullmatch()ed: the text between a level and the change that follows it
# Levels a change runs between: any measure but a range or a fraction.
_LEVEL_KINDS = frozenset(Kind) - {Kind.RANGE, Kind.FRACTION}


def level_changes_in(
    text: str, sentence: Span, quantities: Sequence[Quantity], taken: set[int]
) -> list[Growth]:
    """The changes of a sentence stated by their levels, for the figures no other growth
    took: 从上年的A增加至今年的B (from and to), B，较上年提高D (to and increment)."""
    out = []
    for before, after in itertools.pairwise(quantities):
        if id(before) in taken or id(after) in taken:
            continue
        opener = clause_start(text, sentence.start, before.span.start)
        if (
            _levels(before, after)
            and _TO_LATER.fullmatch(text, before.span.end, after.span.start) is not None
            and _FROM_EARLIER.search(text, opener, before.span.start) is not None
        ):
            out.append(Growth(None, before, after, None, after.value < before.value, ""))
            taken.update((id(before), id(after)))
            continue
        lead = _DELTA_AFTER.fullmatch(text, before.span.end, after.span.start)
        if lead is not None and _increment_of(before, after):
            verb = lead.group("v")
            falling = vocab.is_decrease(verb) or verb in vocab.words("claims.moves_down")
            out.append(Growth(None, None, before, after, falling, verb))
            taken.update((id(before), id(after)))
    return out


def _levels(a: Quantity, b: Quantity) -> bool:
    return same_measure(a, b) and a.kind in _LEVEL_KINDS


def _increment_of(level: Quantity, change: Quantity) -> bool:
    """A change of ``level`` by ``change``: the same measure, or percentage points of a
    percentage."""
    if level.kind is Kind.PERCENT:
        return change.kind is Kind.POINTS
    return _levels(level, change)
