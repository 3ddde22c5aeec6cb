"""CNT001 respectively-arity: a 分别 list whose subjects and values do not pair up."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.figures.quantities import Quantity
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related, Span
from hegao.rules.counts.shared import AND, QUOTED

# 分别, or a year-on-year change verb heading a list of percentages.
_RESPECTIVELY = regex.compile(
    rf"(?:{vocab.alternation('counting.respectively')})"
    rf"|(?:{vocab.alternation('changes.period_comparison')})(?=(?:{vocab.alternation('increase')}|{vocab.alternation('decrease')}))"
)


_VALUE_GLUE = regex.compile(rf"^\s*(?:、|{vocab.alternation('joining.conjunction')})\s*$")


# 分别 then a short verb before the figures: 分别下降, 分别为, 分别查处.
_VALUE_LEAD = regex.compile(
    rf"^(?:{vocab.alternation('changes.period_comparison')})?\p{{Han}}{{0,4}}?"
    rf"(?:{vocab.alternation('counting.value_lead')})?\s*$"
)


def _value_run(doc: Document, quantities: Sequence[Quantity], start: int, end: int) -> list[Quantity]:
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

    概述:
        “分别”前列举的对象与后面列出的数字个数对不上。

    说明:
        在“A、B、C……分别……x、y……”中，数出“分别”前用顿号列举的对象和其后列出的数字，
        个数不同时报告。没有“分别”但结构明确的句子也检查：对象、同比与增减词、再列数字（死亡事
        故起数、死亡人数同比下降61.1%、50%）。只用“和”“及”连接的对象不计数（“城区和
        乡镇”可能是一个对象）；引号或括号中的内容算一项。

    原因:
        三个对象只有两个数字时，读者分不清哪个数字属于哪个对象，而且必有一个数字缺失或一个对象多
        余。

    Example:
        盗窃、诈骗、抢夺案件同比分别下降12.6%、8.3%。

    Instead:
        盗窃、诈骗、抢夺案件同比分别下降12.6%、8.3%、5.1%。
    """

    code = "CNT001"
    title = "分别列举项数不符"
    name = "respectively-arity"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "前面列出 {n} 项（{subjects}），后面给出 {values} 个数值，无法一一对应",
            "{n} subjects are listed ({subjects}) but {values} values follow: they cannot be paired",
        ),
        "subjects": (
            "{n} 项主语",
            "the {n} subjects",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for clause, quantities in zip(doc.clauses, doc.clause_quantities, strict=True):
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
                    self.say("main", n=n, subjects=_shorten(subjects), values=len(values)),
                    (Related(subject_span, self.say("subjects", n=n)),),
                )
                break


def _subject_counts(subjects: str, quantities: Sequence[Quantity], start: int, end: int) -> set[int] | None:
    """Possible numbers of subjects, or None when the list is not clear."""
    if any(start <= q.span.start < end for q in quantities):
        return None  # figures among the subjects: not a plain list of names
    plain = QUOTED.sub("□", subjects)
    if "、" not in plain:
        return None
    items = plain.split("、")
    n = len(items)
    return {n, n + len(AND.findall(items[-1]))}


def _shorten(text: str, limit: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= limit else "…" + text[-limit:]
