"""CNT001 respectively-arity: a 分别 list whose subjects and values do not pair up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related


class RespectivelyArity(Rule):
    """A 分别 list whose subjects and values do not pair up.

    What it does:
        In 「A、B、C……分别……x、y……」, counts the subjects listed with 、 before
        分别 and the figures listed after it (joined by 、, 和, 及), and reports when they
        differ; when the figures come in groups (12起和20人、8起和15人), each subject
        gets one group. The same shape without 分别 is checked when it is unambiguous:
        subjects, then 同比 and a change verb, then a list of figures (死亡事故起数、死亡人数
        同比下降61.1%、50%). One figure after 分别 is said of each subject. A subject
        list joined only by 和 / 及 is not counted (城区和乡镇 may be one subject), nor one
        read from another clause; quoted or bracketed text counts as one item. The
        reading of the list is the engine's (``hegao claims`` shows it).

    Why it matters:
        When three subjects get two values, the reader cannot tell which value belongs
        to which subject — and one figure is missing or one subject is extra.

    概述:
        “分别”前列举的对象与后面列出的数字个数对不上。

    说明:
        在“A、B、C……分别……x、y……”中，数出“分别”前用顿号列举的对象和其后用顿号、“和”
        “及”连接的数字，个数不同时报告；数字成组列出时（12起和20人、8起和15人），每个对象对应
        一组。没有“分别”但结构明确的句子也检查：对象、同比与增减词、再列数字（死亡事故起数、
        死亡人数同比下降61.1%、50%）。“分别”后只有一个数字，表示每个对象都是这个数。只用
        “和”“及”连接的对象不计数（“城区和乡镇”可能是一个对象），从别的分句读出的对象也不计
        数；引号或括号中的内容算一项。列举的读法由引擎给出（hegao claims 可查看）。

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
        "grouped": (
            "前面列出 {n} 项（{subjects}），每项 {each} 个数值应有 {expected} 个，后面给出 {values} 个",
            "{n} subjects are listed ({subjects}) with {each} values each, {expected} in all, "
            "but {values} follow",
        ),
        "subjects": (
            "{n} 项主语",
            "the {n} subjects",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for r in doc.claims.respectively:
            n, expected = len(r.subjects), len(r.subjects) * r.per_subject
            if r.shared or expected == len(r.values):
                continue
            subjects = _shorten(doc.text[r.subjects_span.start : r.subjects_span.end])
            said = {"n": n, "subjects": subjects, "values": len(r.values)}
            message = (
                self.say("main", **said)
                if r.per_subject == 1
                else self.say("grouped", each=r.per_subject, expected=expected, **said)
            )
            yield self.finding(r.values_span, message, (Related(r.subjects_span, self.say("subjects", n=n)),))


def _shorten(text: str, limit: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= limit else "…" + text[-limit:]
