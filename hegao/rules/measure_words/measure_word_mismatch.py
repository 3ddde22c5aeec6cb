"""UNIT001 measure-word-mismatch: a measure word that does not fit its noun (手机26张,
银行卡140部)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.datafiles import data_lines
from hegao.checker.figures.quantities import Kind, Quantity, units
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding

_HAN = regex.compile(r"\p{Han}")


_NOUN_END = frozenset({"、", "等", "的", *vocab.words("joining.conjunction")})


# Durations and ages describe the noun (20年以上逃犯), they do not count it.
_NOT_COUNTING = frozenset(vocab.words("time.duration") + vocab.words("time.age"))


# Measures of events: 涉案车辆7起 counts cases involving vehicles, not vehicles.
_EVENT_MEASURES = frozenset({"起", "宗", "例", "批", "轮", "场"})


_COUNT_AFTER = regex.compile(r"[\d一二三四五六七八九十两百千万]")


@cache
def measure_table() -> dict[str, tuple[str, ...]]:
    table = {}
    for line in data_lines("hegao.rules", "measure_words.txt"):
        noun, words = line.split("\t")
        table[noun] = tuple(words.split(","))
    return table


@cache
def _index(nouns: tuple[str, ...]) -> tuple[tuple[int, ...], frozenset[str]]:
    """The nouns' lengths, longest first, and the nouns as a set."""
    return tuple(sorted({len(n) for n in nouns}, reverse=True)), frozenset(nouns)


def _noun_of(doc: Document, q: Quantity, nouns: tuple[str, ...]) -> str | None:
    """The noun the count is written against: 手机26部 (before) or 26部手机 (after)."""
    text = doc.masked
    sizes, named = _index(nouns)
    for size in sizes:  # the longest noun ending right before the count
        before = text[max(0, q.span.start - size) : q.span.start]
        if before in named:
            return before
    for size in sizes:
        noun = text[q.span.end : q.span.end + size]
        if noun in named:
            # 两个汽车制造厂: the noun must end there, not begin a longer compound.
            following = text[q.span.end + len(noun) : q.span.end + len(noun) + 1]
            if following and _HAN.match(following) and following not in _NOUN_END:
                return None
            # 提包2只手机5部: the noun after has its own count; 2只 counts 提包.
            if _COUNT_AFTER.match(text, q.span.end + len(noun)):
                return None
            return noun
    return None


class MeasureWordMismatch(Rule):
    """A measure word that does not fit its noun (手机26张, 银行卡140部).

    What it does:
        For counts written right after a noun (手机26部) or right before it (26部手机),
        checks the measure word against a table of nouns common in bulletins and the
        measure words they take (hegao/rules/data/measure_words.txt): phones take 部 or
        台, cards take 张, cases take 起, rounds of ammunition take 发. Nouns not in the
        table are not checked.

    Why it matters:
        A wrong measure word usually means two figures were swapped while editing
        (the count of phones and the count of cards), so the number itself is suspect.

    概述:
        量词与名词不搭配（手机26张、银行卡140部）。

    说明:
        对紧跟在名词后（手机26部）或紧挨名词前（26部手机）的数量，按通报中常见名词及其量词的
        对照表（hegao/rules/data/measure_words.txt）检查量词：
        手机用“部”或“台”，卡用“张”，案件用“起”，子弹用“发”。表中没有的名词不检查。

    原因:
        量词用错通常意味着编辑时把两个数字对调了（手机的数量和卡的数量），数字本身也值得怀疑。

    Example:
        查获作案用手机26张、银行卡140部。

    Instead:
        查获作案用手机26部、银行卡140张。
    """

    code = "UNIT001"
    title = "量词与名词不搭配"
    name = "measure-word-mismatch"
    # More nouns and the measure words they take: {"无人机" = ["架", "台"]}.
    default_options: ClassVar[dict[str, Any]] = {"measure-words": {}}
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "“{noun}”的量词应为“{fits}”，文中写作“{text}”",
            "“{noun}” is counted with “{fits}”; the text says “{text}”",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        extra = {noun: tuple(words) for noun, words in self.options["measure-words"].items()}
        table = {**measure_table(), **extra}
        nouns = tuple(sorted(table, key=len, reverse=True))
        for q in doc.extraction.quantities:
            if q.kind is not Kind.COUNT or q.unit not in units() or q.unit in _NOT_COUNTING:
                continue
            noun = _noun_of(doc, q, nouns)
            if noun is None:
                continue
            allowed = table[noun]
            measure = q.unit
            before = doc.masked.endswith(noun, 0, q.span.start)
            if before and measure in _EVENT_MEASURES and not _EVENT_MEASURES & set(allowed):
                continue
            if measure in allowed or measure.endswith("次"):
                continue
            fits = "、".join(allowed)
            yield self.finding(q.span, self.say("main", noun=noun, fits=fits, text=q.text))
