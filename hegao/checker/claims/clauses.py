"""Where the clauses of a sentence start, and the words that lead a figure in its clause."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import regex

from hegao.checker.figures.quantities import Quantity
from hegao.checker.model import Span

OPEN = "（("
CLOSE = "）)"
# The run of punctuation and spaces a marker may stand after (，其中 / ：分别为 / ， 其中).
PUNCTUATION_RUN = 2
# How far back a figure's clause is looked for: a clause's words before its figure are
# rarely longer, and a longer lead is mostly a sentence with no comma, not one clause.
CLAUSE_LEAD = 40
_PIECE_BREAK = regex.compile(r"[；;]")


def pieces(masked: str, span: Span) -> list[Span]:
    """The pieces of a sentence between its semicolons: each states figures of its own."""
    out = []
    start = span.start
    for m in _PIECE_BREAK.finditer(masked, span.start, span.end):
        out.append(Span(start, m.start()))
        start = m.end()
    out.append(Span(start, span.end))
    return out


def last(matches: Iterator[regex.Match[str]]) -> regex.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


CLAUSE_MARKS = "，,；;：:。（("


def clause_start(text: str, floor: int, offset: int, marks: str = CLAUSE_MARKS) -> int:
    cut = max(text.rfind(mark, floor, offset) for mark in marks)
    return max(cut + 1, floor)


class ClauseStarts:
    """``clause_start(text, floor, offset, marks)`` for one floor and offsets met in
    increasing order (the figures of a sentence), each stretch of text looked at once: a
    sentence of thousands of figures and no comma is read in linear time."""

    def __init__(self, text: str, floor: int, marks: str = CLAUSE_MARKS) -> None:
        self.text = text
        self.floor = floor
        self.marks = marks
        self.scanned = floor  # marks before this offset are known
        self.cut = floor - 1  # the last of them

    def before(self, offset: int) -> int:
        if offset < self.scanned:
            return clause_start(self.text, self.floor, offset, self.marks)
        cut = max(self.text.rfind(mark, self.scanned, offset) for mark in self.marks)
        self.cut = max(self.cut, cut)
        self.scanned = offset
        return max(self.cut + 1, self.floor)


def clause_lead(text: str, q: Quantity) -> str:
    """The words of a figure's clause before it (at most ``CLAUSE_LEAD`` characters)."""
    return text[clause_start(text, max(0, q.span.start - CLAUSE_LEAD), q.span.start) : q.span.start]


def outside_brackets(text: str, quantities: list[Quantity], start: int, end: int) -> list[Quantity]:
    """Leave out figures inside brackets that close before ``end``: 90.59万人（含在职
    人员64.93万人…） is a breakdown of the figure before the bracket, not more parts."""
    depth_at: list[tuple[int, int]] = []
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN:
            depth += 1
            depth_at.append((i, depth))
        elif ch in CLOSE and depth:
            depth -= 1
            depth_at.append((i, depth))
    if not depth_at:
        return quantities
    positions = [p for p, _ in depth_at]

    def depth_of(offset: int) -> int:
        k = bisect.bisect_right(positions, offset) - 1
        return depth_at[k][1] if k >= 0 else 0

    # Only brackets opened after the start and not closed by the end count: a total
    # inside the same bracket as its parts adds them up.
    outer = depth_of(end)
    return [q for q in quantities if depth_of(q.span.start) <= outer]
