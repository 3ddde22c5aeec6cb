"""Numbered labels and the items listed for them: a quoted label after its items (有签到、
有记录、有领学的“六有”) or before them (“三个到位”，即……), a count after a list of what
it counts (政治安全、反恐维稳……四道防线; 贵州、河北……11个省份) and a count of points
before the points (主要抓好五个方面：一是……二是……, or （一）（二）… in the paragraphs
after it).

A list is read by its structure, not by a window of characters: its items are the pieces
between 、 (the last may join two with 和), or the parallel clauses after 即 or a colon, or
the numbered points; a list before its label starts where its clause does, its first item
after the words that lead into it (发布了, 包括, 由 …).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.figures.numerals import whole_number
from hegao.checker.figures.quantities import Kind, Label, Quantity, fixed_phrase_pattern
from hegao.checker.model import Block, BlockKind, Phrase, Span
from hegao.checker.text import lexicon
from hegao.checker.text.outline import CN_OUTLINE_NUMERAL, OUTLINE_NUMBER, POINT_NUMBER, STYLES

if TYPE_CHECKING:
    from hegao.checker.text.segments import Clause, Segments


Item = Phrase  # an item listed for a label


@dataclass(frozen=True, slots=True)
class LabelClaim:
    """A numbered label (“六有”, 四道, 五个方面) and the items listed for it."""

    span: Span  # the label, without its quotes
    text: str
    count: int  # the number it states; a compound label adds up its numbers (两访两录: 4)
    # The items as read: of the readings of the list, the one that agrees with the count
    # when one does, else the list with its last item split at 和.
    items: tuple[Item, ...]
    # How many items the list can be read as: in A、B和C the last item may be one (B和C)
    # or two.
    readings: tuple[int, ...]
    complete: bool  # False when the list ends in 等 or 在内: it may name only some
    # The label names its items as one whole — quoted (“六有”; “学习、结合、转化”三篇文章;
    # “周末草坪”和“激情夏夜”两场), or points announced (五个方面：一是……) — and its count is
    # a label, no figure (11个省份 and 五款 after their items are figures as well).
    named: bool = False

    @property
    def listed(self) -> Span:
        """From the first item to the last."""
        return Span(self.items[0].span.start, self.items[-1].span.end)


_NUMERAL = f"[{CN_OUTLINE_NUMERAL}两]{{1,3}}"
# A count of listed things: 四道, 两大, 五款, 11个, 5 台. Not after another numeral or 第
# (第三个 is an ordinal; 二十三个 is read whole).
_COUNT = regex.compile(
    rf"(?<![{CN_OUTLINE_NUMERAL}两百千万亿第\d.．０-９])(?P<num>{_NUMERAL}|\d{{1,3}})(?![\d.．])\s?"
    rf"(?P<measure>{vocab.alternation('counting.list_measure')})"
)
# 主要抓好五个方面：, 三项措施：: a count of points, before the points.
_POINTS = regex.compile(
    rf"(?P<num>{_NUMERAL})(?:{vocab.alternation('counting.label_measure')})?"
    rf"(?:{vocab.alternation('counting.point_noun')})(?=[：:])"
)


def _ending(*classes: str) -> regex.Pattern[str]:
    """A word of the vocabulary ``classes`` at the end of a text."""
    return regex.compile("(?:" + "|".join(vocab.alternation(c) for c in classes) + ")$")


_LABEL_JOINER = _ending("counting.label_joiner")
_COUNT_JOINER = _ending("counting.count_joiner")
_OPEN_LIST = _ending("counting.open_list")
# Between a count and the list after it: the noun it counts, and 分别为, 包括 or a colon.
_LED = regex.compile(rf"\p{{Han}}*?(?:(?:{vocab.alternation('counting.list_after_count')})[：:]?|[：:])\s*")
_NAMING = regex.compile(rf"[（(]\s*(?:{vocab.alternation('counting.naming')})\s*$")
_INTRODUCER = regex.compile(rf"\s*[，,]?\s*(?:{vocab.alternation('counting.item_introducer')})\s*[：:]?\s*")
# A verb (or adverb mark) right before the count makes the count its object, not a
# summary of the list: 坚持五项正义要求, 宣传四项基本原则, 和平共处五项原则; after a total
# word it is a total of what the items hold (红花、高坝洲片区共20个行政村), after 前 or 头 a
# rank (……与前两个工作日相比), after 上述 a reference back.
_NO_LIST_BEFORE_COUNT = _ending(
    "counting.verb_before_count", "total", "counting.rank_before_count", "counting.reference_before_count"
)
_ITEM_MEASURES = frozenset(vocab.words("counting.item_measure"))
_NOT_ITEMS = regex.compile(vocab.alternation("counting.not_items"))
# The largest count a label sums a list up with (a reader holds a dozen items; 四十七项企业
# after a list is a figure of its own).
LABEL_COUNT_MAX = 12
# Words no item of a list holds: 的 (住房困难的新市民), 等 (……等地共有), 分别 (……分别为).
_NOT_IN_ITEM = regex.compile(
    rf"的|{vocab.alternation('counting.open_list')}|{vocab.alternation('counting.respectively')}"
)
_WORD = regex.compile(r"[\p{Han}\p{L}\p{N}]")
_HAN = regex.compile(r"\p{Han}")
_AND = vocab.pattern("joining.conjunction")
# The words after which a list's first item starts: particles (发布了|), 其中, 包括.
_LEAD_WORDS = frozenset(vocab.words("counting.list_lead") + vocab.words("breakdown"))
_BRACKETED = regex.compile(r"（[^）]*）|\([^)]*\)")
_OPENING = "“「『《（(‘"
_CLOSING = "”」』》）)’"
_OPENING_QUOTES = "“「『"
_CLOSING_QUOTES = "”」』"
_QUOTE_MARKS = "“”「」『』‘’\""
_CLAUSE_END = "，,；;：:。！？!?\n"
_PIECE_END = "，,；;。！？!?\n"
# Two words with a space between (a title's parts: 扫码送礼物、AI人脸识别 警惕这六种…).
_SPACED_WORDS = regex.compile(r"\p{Han}\s+\p{Han}|\p{Han}\s+[A-Za-z]|[A-Za-z]\s+\p{Han}")
_BLANKS = " \t\u3000\r\n#"
# A count of a verb standing alone is a label: 三个到位, then a space, a 、 or a quote's end.
_VERB_LABEL_MEASURE = "个"
_LABEL_WORD_END = "、”」』 \t\u3000"
# What stands before a point numbered in running text (。二、……): the end of a sentence
# or clause, or a line break.
_POINT_OPENS = "。；;：:！？!?\n \u3000"


@dataclass(frozen=True, slots=True)
class _List:
    readings: tuple[tuple[Span, ...], ...]  # each reading's items, fewest first
    complete: bool = True  # not ending in 等 or 在内
    # Read by its marks alone: no 和 before its last item (国家和省、市 may be two items
    # or three), no other words that may belong to it (a list with no 的 before its label).
    certain: bool = True
    serial: bool = True  # its items are set apart by 、 (not two joined by 和 alone)
    named: bool = False  # see LabelClaim.named

    def agrees(self, count: int) -> bool:
        return any(len(r) == count for r in self.readings)

    def taken(self, count: int) -> bool:
        """Whether the list is the label's: an uncertain reading, or one that may name only
        some (A、B等6个站点 lists examples, not the items), only when the numbers agree."""
        return self.agrees(count) or (self.certain and self.complete)


def is_label_count(text: str, q: Quantity) -> bool:
    """Whether a count is a label, though no items are listed for it: 个 and a verb that
    stands alone after it, before a space, a 、 or a closing quote (a title's 三个到位 守护……;
    “四个严防、两个确保”) — a verb is counted so only in a label. (Before a comma the verb
    may be a noun the dictionary misses: 两个决定，.)"""
    if q.unit != _VERB_LABEL_MEASURE or q.text[0].isdigit() or q.is_approximate:
        return False
    words = lexicon.cut(text[q.span.end : q.span.end + lexicon.MAX_WORD + 1])
    if not words:
        return False
    a, b = words[0]
    word = text[q.span.end + a : q.span.end + b]
    after = text[q.span.end + b : q.span.end + b + 1]
    return len(word) >= 2 and lexicon.is_verb(word) and bool(after) and after in _LABEL_WORD_END


def read_labels(
    segments: Segments, labels: Sequence[Label], quantities: Sequence[Quantity]
) -> list[LabelClaim]:
    """The numbered labels of a text whose items it lists, in text order: the quoted
    ``labels`` the figures stage found, the counts after a list, the counts of points."""
    reader = _Reader(segments, quantities)
    found: list[LabelClaim] = []
    for i, label in enumerate(labels):
        # A label's list never runs over the label before it or after it.
        floor = labels[i - 1].span.end + 1 if i else 0
        ceiling = labels[i + 1].span.start - 1 if i + 1 < len(labels) else len(segments.masked)
        claim = reader.quoted(label, floor, ceiling)
        if claim is not None:
            found.append(claim)
    taken = [c.span for c in found] + [lab.span for lab in labels]
    for claim in (*reader.counts(), *reader.points()):
        if not any(claim.span.overlaps(s) for s in taken):
            found.append(claim)
            taken.append(claim.span)
    found.sort(key=lambda c: c.span.start)
    return found


class _Reader:
    def __init__(self, segments: Segments, quantities: Sequence[Quantity]) -> None:
        self.segments = segments
        self.text = segments.masked
        self.quantities = quantities
        self.starts = [q.span.start for q in quantities]
        # 四个现代化, 两个维护: the numerals of fixed phrases count no list.
        self.fixed = [(m.start(), m.end()) for m in fixed_phrase_pattern().finditer(self.text)]

    # ------------------------------------------------------------ the anchors

    def quoted(self, label: Label, floor: int, ceiling: int) -> LabelClaim | None:
        """The items of a quoted label, read between ``floor`` and ``ceiling``."""
        clause = self.segments.clause_at(label.span.start)
        if clause is None or label.span.start == 0:
            return None
        text = self.text
        # Before: 有签到、有记录的“六有”; with no 的 between, the list is the label's
        # only when their numbers agree (提升教育、医疗“两个水平”: the objects of a verb).
        start = max(clause.span.start, floor)
        before = text[start : label.span.start - 1]
        joined = _LABEL_JOINER.search(before) or _NAMING.search(before)  # ……（以下简称“两超一非”）
        end = start + (joined.start() if joined else len(before))
        listed = self._before(start, end, label.number, joined=bool(joined))
        claim = self._claim(label.span, label.number, listed)
        if claim is not None:
            return claim
        # After: “三个到位”，即……; “四统一”：……; “三个一”工作法：……
        end = min(self.segments.sentences[clause.sentence].span.end, ceiling)
        items = self._introduced(label.span.end + 1, end)
        listed = None if items is None else self._after(items, end, label.number)
        return self._claim(label.span, label.number, listed)

    def counts(self) -> Iterator[LabelClaim]:
        """Counts after the list of what they count (政治安全、反恐维稳……四道防线), or before
        it (五个城市分别是A、B……)."""
        floor = 0  # a list never runs back over the count before it
        for m in _COUNT.finditer(self.text):
            count = whole_number(m.group("num"))
            lower, floor = floor, m.end()
            span = Span(m.start(), m.end())
            if count is None or count < 2 or not self._counted(span, m.group("measure")):
                continue
            clause = self.segments.clause_at(m.start())
            if clause is None or self._in_fixed_phrase(span):
                continue
            listed = self._listed_before(m, clause.span.start, lower, count)
            yield from self._claimed(span, count, listed or self._listed_after(m, clause, count))

    def _listed_before(self, m: regex.Match[str], clause_start: int, lower: int, count: int) -> _List | None:
        """The list before a count, in its clause and after the count before it."""
        if clause_start < lower:
            return None  # 三个……两个: another count in the clause is no item
        before = self.text[clause_start : m.start()].rstrip()
        joined = _COUNT_JOINER.search(before)
        if joined:
            before = before[: joined.start()]
        if not before or before[-1] in "、，,的" or _NO_LIST_BEFORE_COUNT.search(before):
            return None  # 坚持五项原则, 推进统一进程的八项主张, 共20个: the count is no label
        end = clause_start + len(before)
        opened = max(before.rfind(q) for q in _OPENING_QUOTES) if before[-1] in _CLOSING_QUOTES else -1
        if opened >= 0 and "、" in before[opened:]:  # “学习、结合、转化”三篇文章
            listed = self._pieces(clause_start + opened + 1, end - 1, count)
            listed = None if listed is None else replace(listed, named=True)
        else:
            listed = self._before(clause_start, end, count)
        if listed is not None and not self._sums_up(m, count):
            listed = replace(listed, certain=False)
        return listed

    def _listed_after(self, m: regex.Match[str], clause: Clause, count: int) -> _List | None:
        """The list after a count and the noun it counts (五个城市分别是A、B……; 五只股为：A、
        B……), in its clause or the next after a colon: read as the count's only when their
        numbers agree (前五名的品牌分别为……: a count before a list may count other things)."""
        end = self.segments.sentences[clause.sentence].span.end
        led = _LED.match(self.text, m.end(), end)
        if led is None:
            return None
        items = led.end()
        listed = self._pieces(items, _first_of(self.text, _PIECE_END, items, end), count)
        return None if listed is None or not listed.serial else replace(listed, certain=False)

    def _sums_up(self, m: regex.Match[str], count: int) -> bool:
        """Whether a count after a list is surely its label, to be read against it: in
        Chinese numerals (a count in figures is a statistic more often than a label: 占……
        问题总数491起), at most LABEL_COUNT_MAX, counted in an item measure, and followed by
        the noun it counts (四道防线; 印染厂十五个， is a figure of 印染厂)."""
        after = self.text[m.end() : m.end() + 1]
        return (
            not m.group("num").isdigit()
            and count <= LABEL_COUNT_MAX
            and m.group("measure") in _ITEM_MEASURES
            and bool(_HAN.match(after))
            and not _NOT_ITEMS.match(self.text, m.end())
        )

    def points(self) -> Iterator[LabelClaim]:
        """Counts of points before the points: 主要抓好五个方面：一是……二是……"""
        text = self.text
        for block in self.segments.blocks:
            phrases = list(_POINTS.finditer(text, block.span.start, block.span.end))
            if not phrases:
                continue
            shi = _Points(list(POINT_NUMBER.finditer(text, block.span.start, block.span.end)), 1)
            numbered: dict[str, _Points] = {}  # 一、 （一） …: the points of each style, read once
            for m in phrases:
                count = whole_number(m.group("num"))
                if count is None:
                    continue
                start = _skip_blanks(text, m.end() + 1, block.span.end)  # after the colon
                first = OUTLINE_NUMBER.match(text, start, block.span.end) or POINT_NUMBER.match(
                    text, start, block.span.end
                )
                style = "shi" if first is None or first.lastgroup is None else first.lastgroup
                if style not in numbered:
                    numbered[style] = shi if style == "shi" else self._numbered(block, style)
                points = numbered[style].after(text, start, block)
                if points is not None or start == block.span.end:
                    # 一是……二是……, 一、……二、…… in the block, on in the paragraphs after it
                    found = self._outline_points(block, style, points or [])
                elif first is None:
                    clause = self.segments.clause_at(m.start())
                    sentence = self.segments.sentences[clause.sentence].span if clause else block.span
                    found = self._after(start, sentence.end, count)
                else:
                    found = None
                if found is not None:
                    yield from self._claimed(Span(m.start(), m.end()), count, replace(found, named=True))

    # ------------------------------------------------------------ the lists

    def _before(self, start: int, end: int, count: int, *, joined: bool = True) -> _List | None:
        """The list that ends at ``end`` and starts in its clause at ``start``, its first
        item after the words that lead into it. Not ``joined`` (no 的 before a quoted
        label), the list must be one of 、 with nothing quoted in it, its last item no verb
        or preposition that the label is the object of."""
        region = self.text[start:end].rstrip()
        opened = _OPEN_LIST.search(region)
        if opened:
            region = region[: opened.start()]
        if not region:
            return None
        listed = self._pieces(start, start + len(region), count, lead=True)
        if listed is None:
            return None
        if not joined and (
            not listed.serial
            or "□" in _flat(self.text, start, start + len(region))
            or _governs(self.text, listed.readings[0][-1])
        ):
            return None  # 拥护“两个确立”、践行“两个维护”; 开办、贩卖“两卡”; 银行为“三农”服务
        return replace(listed, complete=opened is None, certain=listed.certain and joined)

    def _after(self, start: int, end: int, count: int) -> _List | None:
        """The items after a label, from ``start`` to the sentence's ``end``: a list of
        、 in the clause, else clauses between semicolons or parallel clauses (推动……示范，
        推动……示范，……)."""
        clause_end = _first_of(self.text, _PIECE_END, start, end)
        listed = self._pieces(start, clause_end, count)
        if listed is not None and listed.serial:
            return listed
        clauses = None if self._holds_figure(Span(start, end)) else _clauses(self.text, start, end)
        return listed if clauses is None else _List((clauses,))

    def _pieces(self, start: int, end: int, count: int, *, lead: bool = False) -> _List | None:
        """The items of a list in ``[start, end)``: its pieces between 、 outside quotes
        and brackets, the first after the words that lead into it when ``lead``. None when
        it is no list of items: an empty piece, words set apart by a space (a title's
        parts), a 的 (住房困难的新市民 is no item of a list), 等 or 分别 inside it (……等地共有
        12个国家站), a figure, an unpaired quote; and two items joined by 和 alone are a
        list only for a count of two (A和B三个 may be read many ways)."""
        text = self.text
        flat = _flat(text, start, end)
        pieces = _cut(text, flat, start, "、")
        if lead:
            first = pieces[0]
            # The other items, the last split at 和 (A、B和C: B and C; A和B: B).
            others = [text[p.start : p.end] for p in pieces[1:-1]]
            item_end = first.end
            last = pieces[-1]
            joined = list(_AND.finditer(flat, last.start - start, last.end - start))
            if joined and len(pieces) == 1:
                item_end = start + joined[-1].start()
                others = [text[start + joined[-1].end() : first.end]]
            elif len(pieces) > 1:
                split = _split(text, last, [_span(start, j) for j in joined])
                others += [text[s.start : s.end] for s in split]
            lead_end = _lead_end(text, first.start, item_end, others)
            pieces[0] = _stripped(text, Span(lead_end, first.end))
        joins: list[list[Span]] = []
        for p in pieces:
            words = flat[p.start - start : p.end - start]
            if (
                not _WORD.search(words)
                or _SPACED_WORDS.search(words)
                or _NOT_IN_ITEM.search(words)
                or any(ch in _QUOTE_MARKS for ch in words)
            ):
                return None
            joins.append([_span(p.start, j) for j in _AND.finditer(words)])
        if len(pieces) == 1 and (not joins[0] or count != 2):
            return None
        if self._holds_figure(Span(pieces[0].start, end)):
            return None
        readings = [tuple(pieces)] if len(pieces) > 1 else []
        if joins[-1]:
            readings.append((*pieces[:-1], *_split(text, pieces[-1], joins[-1])))
        if any(joins[:-1]):
            readings.append(tuple(s for p, j in zip(pieces, joins, strict=True) for s in _split(text, p, j)))
        if any(not len(s) for r in readings for s in r):
            return None
        return _List(tuple(readings), certain=not any(joins[:-1]), serial=len(pieces) > 1)

    # ------------------------------------------------------------ points

    def _numbered(self, block: Block, style: str) -> _Points:
        """The points of the block numbered in ``style`` that open a sentence or a clause
        (一、……。二、……)."""
        text = self.text
        found = [
            m
            for m in OUTLINE_NUMBER.finditer(text, block.span.start, block.span.end)
            if m.lastgroup == style and (m.start() == block.span.start or text[m.start() - 1] in _POINT_OPENS)
        ]
        return _Points(found, style)

    def _outline_points(self, block: Block, style: str, items: list[Span]) -> _List | None:
        """The points numbered in ``block`` (``items``, in ``style``) and on in the
        paragraphs after it: （一）……（二）…… or 一是…… each opening a paragraph, counting on,
        until a paragraph opens with a number of an outer level or breaks the count, or a
        heading with no number comes."""
        blocks = self.segments.blocks
        # Paragraphs with no number may stand between points that open paragraphs (an item
        # of several paragraphs); points that start in the label's paragraph go on in the
        # paragraphs right after it or not at all.
        loose = not items
        items = list(items)
        for i in range(block.index + 1, len(blocks)):
            nxt = blocks[i]
            opening = self._opening(nxt)
            if opening is None:
                if not items or not loose or nxt.kind is BlockKind.HEADING:
                    break
                continue
            kind, number, after = opening
            if not items:
                if number != 1:
                    return None
                style = kind
            elif kind != style:
                if _outer(kind, style):
                    break
                continue
            elif number != len(items) + 1:
                if number == 1:
                    break  # a new list
                return None  # CNT003 reports broken numbering
            items.append(_stripped(self.text, Span(after, nxt.span.end)))
        return _List((tuple(items),)) if len(items) >= 2 else None

    def _opening(self, block: Block) -> tuple[str, int, int] | None:
        """The number that opens a block: its style, its value and where it ends."""
        text = self.text
        start = _skip_blanks(text, block.span.start, block.span.end)
        m = OUTLINE_NUMBER.match(text, start, block.span.end)
        style = m.lastgroup if m is not None else None
        if m is None or style is None:
            m, style = POINT_NUMBER.match(text, start, block.span.end), "shi"
        if m is None:
            return None
        number = whole_number(m.group(1) if style == "shi" else m.group(style))
        return None if number is None else (style, number, m.end())

    # ------------------------------------------------------------ checks

    def _counted(self, span: Span, measure: str) -> bool:
        """Whether a count phrase counts things: not a part of another figure (5个百分点,
        3个月), not an approximate one (近20个)."""
        i = bisect.bisect_right(self.starts, span.end) - 1
        while i >= 0 and self.quantities[i].span.end > span.start:
            q = self.quantities[i]
            if q.is_approximate or (q.unit and q.unit != measure) or q.kind not in (Kind.COUNT, Kind.NUMBER):
                return False
            i -= 1
        return True

    def _in_fixed_phrase(self, span: Span) -> bool:
        i = bisect.bisect_left(self.fixed, (span.end,)) - 1  # the last phrase starting before its end
        return i >= 0 and self.fixed[i][1] > span.start

    def _holds_figure(self, span: Span) -> bool:
        i = bisect.bisect_left(self.starts, span.start)
        return i < len(self.starts) and self.starts[i] < span.end

    def _introduced(self, start: int, end: int) -> int | None:
        """Where the items start after a label that introduces them (”，即 / ”：/ ”工作法：),
        or None when the label is not followed by its items."""
        text = self.text
        m = _INTRODUCER.match(text, start, end)
        if m is not None and m.group().strip(" ，,\u3000"):
            return m.end()
        colon = _first_of(text, _CLAUSE_END, start, end)
        if colon < end and text[colon] in "：:" and regex.fullmatch(r"\p{Han}*", text[start:colon]):
            return colon + 1
        return None

    def _claim(self, span: Span, count: int, listed: _List | None) -> LabelClaim | None:
        if listed is None or not listed.taken(count):
            return None
        chosen = next((r for r in listed.readings if len(r) == count), listed.readings[-1])
        text = self.segments.text
        items = tuple(Item(s, text[s.start : s.end]) for s in chosen)
        quoted = all(i.text[0] in _OPENING_QUOTES and i.text[-1] in _CLOSING_QUOTES for i in items)
        return LabelClaim(
            span,
            text[span.start : span.end],
            count,
            items,
            tuple(len(r) for r in listed.readings),
            listed.complete,
            listed.named or quoted or (span.start > 0 and text[span.start - 1] in _OPENING_QUOTES),
        )

    def _claimed(self, span: Span, count: int, listed: _List | None) -> Iterator[LabelClaim]:
        claim = self._claim(span, count, listed)
        if claim is not None:
            yield claim


class _Points:
    """The numbers of one style in a block (一是 …, or 一、 …) and, for each, whether the
    numbers from it on count 1, 2, 3 … to the block's end: found once for all the labels
    of the block."""

    def __init__(self, numbers: list[regex.Match[str]], group: int | str) -> None:
        self.numbers = numbers
        self.starts = [m.start() for m in numbers]
        values = [whole_number(m.group(group) or "") for m in numbers]
        # counts_on[i]: values[i:] go 1, 2, 3 … to the end (one run per block at most).
        self.counts_on = [False] * len(numbers)
        for i in range(len(numbers) - 1, -1, -1):
            last = i + 1 == len(numbers)
            self.counts_on[i] = values[i] is not None and (
                last or (values[i + 1] == (values[i] or 0) + 1 and self.counts_on[i + 1])
            )
        self.values = values

    def after(self, text: str, start: int, block: Block) -> list[Span] | None:
        """The points from the first number at or after ``start``, when it is 1 and the
        numbers count on to the end of the block (CNT003 reports broken numbering)."""
        i = bisect.bisect_left(self.starts, start)
        if i == len(self.numbers) or self.values[i] != 1 or not self.counts_on[i]:
            return None
        numbers = self.numbers[i:]
        ends = [m.start() for m in numbers[1:]] + [block.span.end]
        return [_stripped(text, Span(m.end(), end)) for m, end in zip(numbers, ends, strict=True)]


def _skip_blanks(text: str, start: int, end: int) -> int:
    while start < end and text[start] in _BLANKS:
        start += 1
    return start


def _outer(style: str, than: str) -> bool:
    """Whether numbers of ``style`` number a level outside those of ``than``."""
    levels = list(STYLES[:4])
    return style in levels and (than not in levels or levels.index(style) < levels.index(than))


def _first_of(text: str, marks: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i] in marks:
            return i
    return end


def _flat(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with what stands in quotes and brackets (their marks too) as
    □, same length: the marks of a list are read outside them. An unpaired mark is kept
    (a list with one is read as none)."""
    out = list(text[start:end])
    depth = 0
    for i, ch in enumerate(out):
        if ch in _OPENING:
            depth += 1
            out[i] = "□"
        elif ch in _CLOSING and depth:
            depth -= 1
            out[i] = "□"
        elif depth:
            out[i] = "□"
    if depth:  # an unclosed mark: what follows it is no list (……物质(以下称“两超一非”))
        return "“" * len(out)
    return "".join(out)


def _split(text: str, span: Span, joins: list[Span]) -> list[Span]:
    out = []
    start = span.start
    for j in joins:
        out.append(_stripped(text, Span(start, j.start)))
        start = j.end
    out.append(_stripped(text, Span(start, span.end)))
    return out


def _stripped(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in _BLANKS:
        start += 1
    while end > start and text[end - 1] in _BLANKS + "，,；;。":
        end -= 1
    return Span(start, end)


def _span(start: int, m: regex.Match[str]) -> Span:
    return Span(start + m.start(), start + m.end())


def _lead_end(text: str, start: int, end: int, others: Sequence[str]) -> int:
    """Where the first item of a list starts in its piece: where the words the other
    items begin with last stand in it (全面落实|有签到、有记录、有领学), else after one of
    the verbs, function words and particles that lead into it (新车发布了|流光绿, 由|北潞园)
    — the one that leaves the first item nearest the others in length (人文交流活动分为|
    展示活动和公益演出, not 分为展示|活动) — keeping at least one character."""
    shared = _common_prefix(list(others)) if len(others) >= 2 else ""
    at = text.rfind(shared, start, end - len(shared)) if shared else -1
    if at >= start:
        return at
    cuts = [start]
    for a, b in lexicon.cut(text[start:end])[:-1]:
        word = text[start + a : start + b]
        if _leads_into(word):
            after = start + b
            while after < end - 1 and text[after] in _LEAD_WORDS:
                after += 1
            cuts.append(after)
    if not others:
        return cuts[-1]
    typical = min(len(_BRACKETED.sub("", other)) for other in others)
    return min(reversed(cuts), key=lambda cut: abs(end - cut - typical))


def _governs(text: str, item: Span) -> bool:
    """Whether an item is a verb (开办) or ends on a function word (……银行为): the word
    after it is its object, not the label of a list it belongs to."""
    words = lexicon.cut(text[item.start : item.end])
    a, b = words[-1]
    last = text[item.start + a : item.start + b]
    return (len(words) == 1 and lexicon.is_verb(last)) or (len(words) > 1 and lexicon.is_function_word(last))


def _leads_into(word: str) -> bool:
    """Whether a word may end the words that lead into a list: a particle, 其中, 包括, a
    verb, a function word (not 和, which joins items)."""
    if _AND.fullmatch(word):
        return False
    return word in _LEAD_WORDS or lexicon.is_function_word(word) or (len(word) >= 2 and lexicon.is_verb(word))


def _cut(text: str, flat: str, start: int, marks: str) -> list[Span]:
    """The pieces of ``flat`` (the text from ``start``) between ``marks``, blanks stripped."""
    bounds = [0, *(i + 1 for i, ch in enumerate(flat) if ch in marks), len(flat) + 1]
    return [_stripped(text, Span(start + a, start + b - 1)) for a, b in itertools.pairwise(bounds)]


def _clauses(text: str, start: int, end: int) -> tuple[Span, ...] | None:
    """The clauses from ``start`` to ``end`` as items, when they are items: two or more
    between semicolons, or parallel ones, each beginning or ending with the same words
    (在……上同时发力，在……上精准发力)."""
    flat = _flat(text, start, end)
    spans = tuple(_cut(text, flat, start, "，,；;"))
    pieces = [text[s.start : s.end] for s in spans]
    if len(pieces) < 2 or any(not p for p in pieces):
        return None
    if not any(ch in "，," for ch in flat):
        return spans
    prefix = len(_common_prefix(pieces))
    suffix = len(_common_prefix([p[::-1] for p in pieces]))
    return spans if prefix >= 2 or suffix >= 2 or (prefix and suffix) else None


def _common_prefix(pieces: list[str]) -> str:
    first, last = min(pieces), max(pieces)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]
