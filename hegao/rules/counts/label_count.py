"""CNT002 label-count: a numbered label and the items it names disagree in number."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import ClassVar

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.figures.quantities import Kind
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Message, Related, Span
from hegao.checker.text.outline import CN_OUTLINE_NUMERAL
from hegao.rules.counts.shared import AND, QUOTED, SHI, numeral_number

# A、B、C的“六有”: the list must lead into the label with 的 or 这.
_LIST_BEFORE_LABEL = regex.compile(r"(?:的|这)\s*[“\"「『]$")


# “四个一”工作法：一张联系卡、…: a few words may name what the label is before a colon.
_LIST_AFTER_LABEL = regex.compile(
    rf"[”\"」』](?:\p{{Han}}{{1,5}}[：:]|\s*[，,]?\s*(?:{vocab.alternation('counting.item_introducer')})?[：:]?)\s*"
)  # match()ed


_QUOTE_MARKS = regex.compile(r"[“”\"「」『』]")


_COUNTED_PHRASE = regex.compile(
    rf"([{CN_OUTLINE_NUMERAL}两]{{1,3}})(?:{vocab.alternation('counting.label_measure')})?"
    rf"(?:{vocab.alternation('counting.point_noun')})[：:]"
)


_COUNT_MEASURES = {"道", "个", "项", "大", "条", "种", "类", "方面", "支", "张", "场"}


MAX_ITEM_CHARS = 14


# A verb (or adverb mark) right before the count makes the count its object, not a
# summary of the list: 坚持五项正义要求, 宣传四项基本原则, 和平共处五项原则.
_VERB_BEFORE_COUNT = regex.compile(rf"(?:{vocab.alternation('counting.verb_before_count')})$")


def _items(text: str) -> set[int] | None:
    """Possible numbers of items in a 、 list (the last item may join two with 和),
    or None when the text is not a clear list of short items."""
    plain = QUOTED.sub("□", text).strip()
    if "、" not in plain or _QUOTE_MARKS.search(plain):
        return None
    items = plain.split("、")
    if items[-1].endswith("等") or any(not item or len(item) > MAX_ITEM_CHARS for item in items[1:]):
        return None
    n = len(items)
    return {n, n + len(AND.findall(items[-1]))}


class LabelCount(Rule):
    """A numbered label and the items it names disagree in number.

    What it does:
        Counts the items of a list that a numbered label sums up and compares with the
        label's number: the items before a quoted label (有签到、有记录、有领学的“六有”要求
        — 3 items, label 六), the items after it (“三个到位”，即……到位、……到位、……到位、
        ……到位 — 4 for 三), the items before a count (政治安全、反恐维稳、网络安全、矛盾
        纠纷化解四道防线) and the 一是……二是…… points after 「主要抓好五个方面：」.
        A list ending in 等 means “and more” and is not counted.

    Why it matters:
        A label promising six points followed by three tells the reader that something
        was cut or the label is wrong — and labels are what readers remember.

    概述:
        数字概括语（“六有”“四道防线”）与实际列出的条目数不符。

    说明:
        数出数字概括语所概括的条目，并与其中的数字比较：概括语前面的条目（有签到、有记录、有领学
        的“六有”要求——3项，概括为六）、后面的条目（“三个到位”，即……到位、……到位、……
        到位、……到位——4项对三）、数量词前的条目（政治安全、反恐维稳、网络安全、矛盾纠纷化解
        四道防线），以及“主要抓好五个方面：”之后的“一是……二是……”。以“等”结尾的列举表示
        未列全，不计数。

    原因:
        概括语说六条却只列了三条，说明内容被删减或概括语写错了，而读者记住的恰恰是概括语。

    Example:
        全面落实有签到、有记录、有领学的“六有”要求。

    Instead:
        全面落实有签到、有记录、有领学的“三有”要求。 (or name all six)
    """

    code = "CNT002"
    title = "数字概括与条目数不符"
    name = "label-count"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "or": (
            "或",
            " or ",
        ),
        "main": (
            "“{label}”表示 {number} 项，实际列出 {n} 项",
            "“{label}” stands for {number} items, but {n} are listed",
        ),
        "items": (
            "列出的 {n} 项",
            "the {n} items listed",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from self._quoted_labels(doc)
        yield from self._counts_after_lists(doc)
        yield from self._points(doc)

    def _mismatch(self, span: Span, label: str, number: int, items: set[int], where: Span) -> Finding:
        n = Message.joined(self.say("or"), (str(i) for i in sorted(items)))
        return self.finding(
            span,
            self.say("main", label=label, number=number, n=n),
            (Related(where, self.say("items", n=n)),),
        )

    def _quoted_labels(self, doc: Document) -> Iterator[Finding]:
        for label in doc.extraction.labels:
            clause = doc.clause_at(label.span.start)
            if clause is None:
                continue
            open_quote = label.span.start - 1
            before = doc.masked[clause.span.start : open_quote + 1]
            m = _LIST_BEFORE_LABEL.search(before)
            if m:
                text = before[: m.start()]
                n = _items(text)
                if n is not None and label.number not in n:
                    where = Span(clause.span.start, clause.span.start + len(text))
                    yield self._mismatch(label.span, label.text, label.number, n, where)
                    continue
            after_start = label.span.end
            sentence = doc.sentences[clause.sentence].span
            m2 = _LIST_AFTER_LABEL.match(doc.masked, after_start, sentence.end)
            if not m2 or not m2.group().strip('”"」』 ，,'):
                continue  # the list must be introduced: “三个到位”，即……
            list_start = m2.end()
            list_end = _list_end(doc.masked, list_start, sentence.end)
            n = _items(doc.masked[list_start:list_end])
            if n is not None and label.number not in n:
                where = Span(list_start, list_end)
                yield self._mismatch(label.span, label.text, label.number, n, where)

    def _counts_after_lists(self, doc: Document) -> Iterator[Finding]:
        for q in doc.extraction.quantities:
            if q.kind is not Kind.COUNT or q.text[0].isdigit() or q.unit not in _COUNT_MEASURES:
                continue
            if q.is_approximate or q.value > 12 or q.value < 2:
                continue
            clause = doc.clause_at(q.span.start)
            if clause is None:
                continue
            text = doc.masked[clause.span.start : q.span.start]
            if text.endswith("这"):
                text = text[:-1]  # 政治、经济、思想和组织这四个方面
            if not text or text[-1] in "、，,的" or _VERB_BEFORE_COUNT.search(text):
                continue  # 坚持五项原则, 推进统一进程的八项主张: the count is an object
            if "的" in text or doc.extraction.quantities_in(Span(clause.span.start, q.span.start)):
                continue  # 福建两省的深圳、珠海……: the list does not start at the clause
            n = _items(text)
            if n is not None and int(q.value) not in n:
                where = Span(clause.span.start, q.span.start)
                yield self._mismatch(q.span, q.text, int(q.value), n, where)

    def _points(self, doc: Document) -> Iterator[Finding]:
        for block in doc.blocks:
            phrases = list(_COUNTED_PHRASE.finditer(doc.masked, block.span.start, block.span.end))
            if not phrases:
                continue
            # 一是……二是……: the points of the paragraph, read once for all its phrases.
            shi = list(SHI.finditer(doc.masked, block.span.start, block.span.end))
            starts = [p.start() for p in shi]
            numbers = [numeral_number(p.group(1)) for p in shi]
            counting_on = _counts_on(numbers)
            for m in phrases:
                number = numeral_number(m.group(1).replace("两", "二"))
                first = bisect.bisect_left(starts, m.end())
                if number is None or first == len(shi) or numbers[first] != 1:
                    continue
                if not counting_on[first]:
                    continue  # CNT003 reports broken numbering
                points = range(1, len(shi) - first + 1)
                if len(points) != number:
                    where = Span(m.end(), block.span.end)
                    label = doc.text[m.start() : m.end() - 1]
                    span = Span(m.start(), m.end() - 1)
                    yield self._mismatch(span, label, number, {len(points)}, where)


def _counts_on(numbers: list[int | None]) -> list[bool]:
    """For each i, whether numbers[i:] go on n, n + 1, n + 2 … to the end."""
    ok = [False] * len(numbers)
    for i in range(len(numbers) - 1, -1, -1):
        n = numbers[i]
        if n is not None:
            ok[i] = i + 1 == len(numbers) or (numbers[i + 1] == n + 1 and ok[i + 1])
    return ok


def _list_end(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i] in "，,。；;！？!?":
            return i
    return end
