"""CNT003 sequence-numbering: enumerations whose numbering skips or repeats a number."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related, Span
from hegao.checker.text.outline import OUTLINE_NUMBER, STYLES
from hegao.checker.text.segments import Block, BlockKind
from hegao.rules.counts.shared import SHI, numeral_number

# Blanks and invisible characters pasted before a number.
_LEAD_CHARS = " \t\r\n\u3000\u200b\u200c\u200d\u2060\ufeff"


_LEAD = r"[\s\u200b\u200c\u200d\u2060\ufeff]*"


# The styles of numbering, outermost first (第一， orders points in running text and is
# no level of the outline: it is not followed).
_LEVELS = STYLES[:4]


_ENUMERATOR = regex.compile(rf"{_LEAD}(?:{OUTLINE_NUMBER.pattern})")


@dataclass(frozen=True, slots=True)
class _Enumerator:
    style: str
    number: int
    span: Span


def _leading_all(doc: Document, block: Block) -> Iterator[_Enumerator]:
    """The numbers that open the block and any later line of it: rows of a table typed as
    text (表1 … 一、… 二、…) and items typed without blank lines between them."""
    first = _leading(doc, block, block.span.start)
    if first is not None:
        yield first
    if block.kind is BlockKind.LIST_ITEM:
        return
    line = bisect.bisect_right(doc.line_starts, block.span.start)
    while line < len(doc.line_starts) and doc.line_starts[line] < block.span.end:
        found = _leading(doc, block, doc.line_starts[line])
        if found is not None:
            yield found
        line += 1


def _leading(doc: Document, block: Block, start: int) -> _Enumerator | None:
    text = doc.masked
    # Numbered list items are checked too (1. 2. 4. in the source is a gap an editor
    # sees); a list numbered 1. 1. 1. throughout restarts at 1 and is left alone.
    if block.kind is BlockKind.HEADING:
        while start < block.span.end and text[start] in "# ":
            start += 1
    m = _ENUMERATOR.match(text, start, block.span.end)
    if m is None:
        return None
    style = m.lastgroup  # the style's group is the last one the pattern matched
    if style not in _LEVELS:
        return None
    n = numeral_number(m.group(style))
    if n is None:
        return None
    lead = len(m.group()) - len(m.group().lstrip(_LEAD_CHARS))
    return _Enumerator(style, n, Span(m.start() + lead, m.end()))


class SequenceNumbering(Rule):
    """Enumerations whose numbering skips or repeats a number.

    What it does:
        Follows the numbering of headings and paragraphs (一、 （一） 1. （1）) and of
        一是……二是…… enumerations, and reports a number that skips ahead (一、二、四、)
        or repeats (（一）（二）（二）). Numbering that restarts at 1 is fine, and a
        higher level (一、) restarts the levels below it (（一）, 1.).

    Why it matters:
        A skipped or repeated number tells the reader a section is missing or was
        pasted twice, and often it was.

    概述:
        序号跳号或重复。

    说明:
        跟踪标题和段落的序号（一、（一）1.（1））以及“一是……二是……”的序号，报告跳过的号
        （一、二、四、）和重复的号（（一）（二）（二））。序号重新从 1 开始没有问题；上一级序
        号（一、）之下，下级序号（（一）、1.）重新编号。

    原因:
        跳号或重号说明某一部分缺失或被粘贴了两次，而实际情况往往正是如此。

    Example:
        一是加强源头管控。二是加强风险排查。四是加强宣传教育。

    Instead:
        一是加强源头管控。二是加强风险排查。三是加强宣传教育。
    """

    code = "CNT003"
    title = "序号跳号或重复"
    name = "sequence-numbering"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "repeat": (
            "编号“{shown}”与上一项重复",
            "the number “{shown}” repeats the one before",
        ),
        "skip": (
            "编号从“{before}”跳到“{shown}”，中间缺少编号",
            "the numbering jumps from “{before}” to “{shown}”: a number is missing",
        ),
        "order": (
            "编号“{shown}”排在“{before}”之后，顺序颠倒",
            "“{shown}” comes after “{before}”: the order is reversed",
        ),
        "previous": (
            "上一项：{before}",
            "the item before: {before}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        # Plain text often numbers two levels alike (一、 for sections and for the
        # points inside one): a list restarting at 1 is nested inside the one before,
        # and a number that continues an outer list closes the inner ones.
        stacks: dict[str, list[_Enumerator]] = {}
        shi: list[_Enumerator] = []
        order = list(_LEVELS)
        for block in doc.blocks:
            if block.kind is BlockKind.HEADING:
                shi = []
            for enum in _leading_all(doc, block):
                finding = self._follow(doc, stacks.setdefault(enum.style, []), enum)
                if finding is not None:
                    yield finding
                for lower in order[order.index(enum.style) + 1 :]:
                    stacks.pop(lower, None)
                shi = []
            for m in SHI.finditer(doc.masked, block.span.start, block.span.end):
                n = numeral_number(m.group(1))
                if n is None:
                    continue
                current = _Enumerator("shi", n, Span(m.start(), m.end()))
                if not shi and n != 1:
                    shi.append(current)  # a list that began before this excerpt
                    continue
                finding = self._follow(doc, shi, current)
                if finding is not None:
                    yield finding

    def _follow(self, doc: Document, stack: list[_Enumerator], current: _Enumerator) -> Finding | None:
        """Place ``current`` in the nested lists of its style; a finding if it fits none."""
        if not stack or current.number == 1:
            stack.append(current)
            return None
        for depth in range(len(stack) - 1, -1, -1):
            if current.number == stack[depth].number + 1:
                del stack[depth:]
                stack.append(current)
                return None
        previous = stack[-1]
        stack[-1] = current
        return self._compare(doc, previous, current)

    def _compare(self, doc: Document, previous: _Enumerator, current: _Enumerator) -> Finding:
        shown = doc.text[current.span.start : current.span.end]
        before = doc.text[previous.span.start : previous.span.end]
        if current.number == previous.number:
            what = self.say("repeat", shown=shown)
        elif current.number > previous.number:
            what = self.say("skip", before=before, shown=shown)
        else:
            what = self.say("order", before=before, shown=shown)
        return self.finding(
            current.span, what, (Related(previous.span, self.say("previous", before=before)),)
        )
