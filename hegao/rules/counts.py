"""Counting consistency: 分别 lists, numbered labels, and the numbering of enumerations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from hegao.checker.document import Block, BlockKind, Document
from hegao.checker.model import Finding, Related, Span
from hegao.checker.numerals import NumeralError, parse_chinese
from hegao.checker.quantities import Quantity
from hegao.checker.rule import Rule

# ---------------------------------------------------------------- CNT001

# 分别, or a year-on-year change verb heading a list of percentages.
_RESPECTIVELY = regex.compile(r"分别|同比(?=(?:上升|下降|增长|减少|增加|提高|降低))")
_VALUE_GLUE = regex.compile(r"^\s*(?:[、和及与]|以及)\s*$")
# 分别 then a short verb before the figures: 分别下降, 分别为, 分别查处.
_VALUE_LEAD = regex.compile(r"^(?:同比|环比)?\p{Han}{0,4}?(?:了|为|是|达到|达|至|到)?\s*$")
_QUOTED = regex.compile(r"“[^”]*”|「[^」]*」|《[^》]*》|（[^）]*）|\([^)]*\)")
_AND = regex.compile(r"和|及|与|以及")


def _value_run(doc: Document, quantities: list[Quantity], start: int, end: int) -> list[Quantity]:
    """The figures listed right after ``start``: 12.6%、8.3%和5%."""
    after = [q for q in quantities if start <= q.span.start and q.span.end <= end]
    if not after or not _VALUE_LEAD.match(doc.masked[start : after[0].span.start]):
        return []
    run = [after[0]]
    for q in after[1:]:
        if not _VALUE_GLUE.match(doc.masked[run[-1].span.end : q.span.start]):
            break
        run.append(q)
    return run


class RespectivelyArity(Rule):
    """A 分别 list whose subjects and values do not pair up.

    What it does:
        In 「A、B、C……分别……x、y……」, counts the subjects listed with 、 before
        分别 and the figures listed after it, and reports when they differ. The same
        shape without 分别 is checked when it is unambiguous: subjects, then 同比 and a
        change verb, then a list of figures (死亡事故起数、死亡人数同比下降61.1%、50%).
        A subject list joined only by 和 / 及 is not counted (城区和乡镇 may be one
        subject); quoted or bracketed text counts as one item.

    Why it matters:
        When three subjects get two values, the reader cannot tell which value belongs
        to which subject — and one figure is missing or one subject is extra.

    Example:
        盗窃、诈骗、抢夺案件同比分别下降12.6%、8.3%。

    Instead:
        盗窃、诈骗、抢夺案件同比分别下降12.6%、8.3%、5.1%。
    """

    code = "CNT001"
    name = "respectively-arity"
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        extraction = doc.extraction
        for clause in doc.clauses:
            quantities = extraction.quantities_in(clause.span)
            if len(quantities) < 2:
                continue
            for m in _RESPECTIVELY.finditer(doc.masked, clause.span.start, clause.span.end):
                values = _value_run(doc, quantities, m.end(), clause.span.end)
                if len(values) < 2:
                    continue
                subjects = doc.masked[clause.span.start : m.start()]
                counts = _subject_counts(subjects, quantities, clause.span.start, m.start())
                if counts is None or len(values) in counts:
                    continue
                n = min(counts)
                subject_span = Span(clause.span.start, m.start())
                yield self.finding(
                    Span(values[0].span.start, values[-1].span.end),
                    f"前面列出 {n} 项（{_shorten(subjects)}），后面给出 {len(values)} 个数值，"
                    "无法一一对应",
                    (Related(subject_span, f"{n} 项主语"),),
                )
                break


def _subject_counts(
    subjects: str, quantities: list[Quantity], start: int, end: int
) -> set[int] | None:
    """Possible numbers of subjects, or None when the list is not clear."""
    if any(start <= q.span.start < end for q in quantities):
        return None  # figures among the subjects: not a plain list of names
    plain = _QUOTED.sub("□", subjects)
    if "、" not in plain:
        return None
    items = plain.split("、")
    n = len(items)
    return {n, n + len(_AND.findall(items[-1]))}


def _shorten(text: str, limit: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= limit else "…" + text[-limit:]


# ---------------------------------------------------------------- CNT003

_CN_NUMERAL = "一二三四五六七八九十"
# Enumerator styles at the start of a block, highest level first.
_LEVELS = (
    ("chinese", regex.compile(rf"\s*([{_CN_NUMERAL}]{{1,3}})、")),
    ("chinese-paren", regex.compile(rf"\s*[（(]([{_CN_NUMERAL}]{{1,3}})[）)]")),
    ("arabic", regex.compile(r"\s*(\d{1,2})(?:[、．]|\.(?!\d))")),
    ("arabic-paren", regex.compile(r"\s*[（(](\d{1,2})[）)]")),
)
# 一是……二是……: at the start of a block or after a clause mark.
_SHI = regex.compile(rf"(?<=^|[。；;：:，,\s#])([{_CN_NUMERAL}]{{1,3}})是")


@dataclass(frozen=True, slots=True)
class _Enumerator:
    style: str
    number: int
    span: Span


def _number(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    try:
        value, decimals = parse_chinese(numeral)
    except NumeralError:
        return None
    return int(value) if decimals == 0 else None


def _leading(doc: Document, block: Block) -> _Enumerator | None:
    start = block.span.start
    text = doc.masked
    if block.kind is BlockKind.LIST_ITEM:
        return None  # Markdown renumbers ordered lists itself
    if block.kind is BlockKind.HEADING:
        while start < block.span.end and text[start] in "# ":
            start += 1
    for style, pattern in _LEVELS:
        m = pattern.match(text, start, block.span.end)
        if m:
            n = _number(m.group(1))
            if n is not None:
                lead = len(m.group()) - len(m.group().lstrip())
                return _Enumerator(style, n, Span(m.start() + lead, m.end()))
    return None


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

    Example:
        一是加强源头管控。二是加强风险排查。四是加强宣传教育。

    Instead:
        一是加强源头管控。二是加强风险排查。三是加强宣传教育。
    """

    code = "CNT003"
    name = "sequence-numbering"
    scope = "document"

    def check(self, doc: Document) -> Iterator[Finding]:
        # Plain text often numbers two levels alike (一、 for sections and for the
        # points inside one): a list restarting at 1 is nested inside the one before,
        # and a number that continues an outer list closes the inner ones.
        stacks: dict[str, list[_Enumerator]] = {}
        shi: list[_Enumerator] = []
        order = [style for style, _ in _LEVELS]
        for block in doc.blocks:
            enum = _leading(doc, block)
            if enum is not None:
                finding = self._follow(doc, stacks.setdefault(enum.style, []), enum)
                if finding is not None:
                    yield finding
                for lower in order[order.index(enum.style) + 1 :]:
                    stacks.pop(lower, None)
                shi = []
            elif block.kind is BlockKind.HEADING:
                shi = []
            for m in _SHI.finditer(doc.masked, block.span.start, block.span.end):
                n = _number(m.group(1))
                if n is None:
                    continue
                current = _Enumerator("shi", n, Span(m.start(), m.end()))
                if not shi and n != 1:
                    shi.append(current)  # a list that began before this excerpt
                    continue
                finding = self._follow(doc, shi, current)
                if finding is not None:
                    yield finding

    def _follow(
        self, doc: Document, stack: list[_Enumerator], current: _Enumerator
    ) -> Finding | None:
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
            what = f"编号“{shown}”与上一项重复"
        elif current.number > previous.number:
            what = f"编号从“{before}”跳到“{shown}”，中间缺少编号"
        else:
            what = f"编号“{shown}”排在“{before}”之后，顺序颠倒"
        return self.finding(current.span, what, (Related(previous.span, f"上一项：{before}"),))


RULES = (RespectivelyArity, SequenceNumbering)
