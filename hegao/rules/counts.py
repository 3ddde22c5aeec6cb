"""Counting consistency: 分别 lists, numbered labels, and the numbering of enumerations."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.figures.numerals import NumeralError, parse_chinese
from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related, Span
from hegao.checker.text.segments import Block, BlockKind
from hegao.messages import text as say

_CN_NUMERAL = "一二三四五六七八九十"

# ---------------------------------------------------------------- CNT001

# 分别, or a year-on-year change verb heading a list of percentages.
_RESPECTIVELY = regex.compile(
    rf"分别|同比(?=(?:{vocab.alternation('increase')}|{vocab.alternation('decrease')}))"
)
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
    scope = "sentence"

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
                    say("CNT001", n=n, subjects=_shorten(subjects), values=len(values)),
                    (Related(subject_span, say("CNT001.subjects", n=n)),),
                )
                break


def _subject_counts(subjects: str, quantities: list[Quantity], start: int, end: int) -> set[int] | None:
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


# ---------------------------------------------------------------- CNT002

# A、B、C的“六有”: the list must lead into the label with 的 or 这.
_LIST_BEFORE_LABEL = regex.compile(r"(?:的|这)\s*[“\"「『]$")
# “四个一”工作法：一张联系卡、…: a few words may name what the label is before a colon.
_LIST_AFTER_LABEL = regex.compile(
    r"[”\"」』](?:\p{Han}{1,5}[：:]|\s*[，,]?\s*(?:即|也就是|具体是)?[：:]?)\s*"
)  # match()ed
_QUOTE_MARKS = regex.compile(r"[“”\"「」『』]")
_COUNTED_PHRASE = regex.compile(
    rf"([{_CN_NUMERAL}两]{{1,3}})(?:个|项|条|大|道)?"
    r"(?:方面|措施|举措|任务|重点|问题|原则|要求|环节|机制|工程|行动)[：:]"
)
_COUNT_MEASURES = {"道", "个", "项", "大", "条", "种", "类", "方面", "支", "张", "场"}
MAX_ITEM_CHARS = 14
# A verb (or adverb mark) right before the count makes the count its object, not a
# summary of the list: 坚持五项正义要求, 宣传四项基本原则, 和平共处五项原则.
_VERB_BEFORE_COUNT = regex.compile(
    r"(?:坚持|宣传|共处|维护|贯彻|遵循|落实|执行|实行|推行|开展|提出|确立|发表|体现|强调|"
    r"实现|完成|引进|建立|形成|履行|抓好|做好|搞好|制定|出台|通过|签订|设立|举办|举行|"
    r"发布|公布|颁布|坚守|遵守|违反|达到|超过|地|得)$"
)


def _items(text: str) -> set[int] | None:
    """Possible numbers of items in a 、 list (the last item may join two with 和),
    or None when the text is not a clear list of short items."""
    plain = _QUOTED.sub("□", text).strip()
    if "、" not in plain or _QUOTE_MARKS.search(plain):
        return None
    items = plain.split("、")
    if items[-1].endswith("等") or any(not item or len(item) > MAX_ITEM_CHARS for item in items[1:]):
        return None
    n = len(items)
    return {n, n + len(_AND.findall(items[-1]))}


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
    scope = "paragraph"

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from self._quoted_labels(doc)
        yield from self._counts_after_lists(doc)
        yield from self._points(doc)

    def _mismatch(self, span: Span, label: str, number: int, items: set[int], where: Span) -> Finding:
        n = say("CNT002.or").join(str(i) for i in sorted(items))
        return self.finding(
            span,
            say("CNT002", label=label, number=number, n=n),
            (Related(where, say("CNT002.items", n=n)),),
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
            shi = list(_SHI.finditer(doc.masked, block.span.start, block.span.end))
            starts = [p.start() for p in shi]
            numbers = [_number(p.group(1)) for p in shi]
            counting_on = _counts_on(numbers)
            for m in phrases:
                number = _number(m.group(1).replace("两", "二"))
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


# ---------------------------------------------------------------- CNT003

# Enumerator styles at the start of a block, highest level first.
# Blanks and invisible characters pasted before a number.
_LEAD_CHARS = " \t\r\n\u3000\u200b\u200c\u200d\u2060\ufeff"
_LEAD = r"[\s\u200b\u200c\u200d\u2060\ufeff]*"
# The styles of numbering, outermost first. Each opens on a character of its own (a
# Chinese numeral, a bracket then a Chinese numeral, a digit, a bracket then a digit),
# so one pattern tries them all at once: it runs at the start of every line.
_LEVELS = ("chinese", "chinese-paren", "arabic", "arabic-paren")
_ENUMERATOR = regex.compile(
    rf"{_LEAD}(?:(?P<chinese>[{_CN_NUMERAL}]{{1,3}})、"
    rf"|[（(](?P<chinese_paren>[{_CN_NUMERAL}]{{1,3}})[）)]"
    # 12. is an item, 12.5万 a decimal; 12.2024年 is item 12 about the year 2024.
    r"|(?P<arabic>\d{1,2})(?:[、．]|\.(?!\d)|\.(?=\d{4}\s*年))"
    r"|[（(](?P<arabic_paren>\d{1,2})[）)])"
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
    style = _LEVELS[m.lastindex - 1]  # the group that matched (the groups are in style order)
    n = _number(m.group(m.lastindex))
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
    scope = "document"

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
            what = say("CNT003.repeat", shown=shown)
        elif current.number > previous.number:
            what = say("CNT003.skip", before=before, shown=shown)
        else:
            what = say("CNT003.order", before=before, shown=shown)
        return self.finding(
            current.span, what, (Related(previous.span, say("CNT003.previous", before=before)),)
        )


RULES = (RespectivelyArity, LabelCount, SequenceNumbering)
