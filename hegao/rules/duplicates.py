"""Repeated text: paragraphs and sentences pasted twice, words typed twice."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from typing import Any, ClassVar

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.datafiles import data_lines
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Fix, Related, Span
from hegao.checker.text import lexicon
from hegao.checker.text.script import HAN
from hegao.checker.text.segments import Block, BlockKind, Clause, han_count
from hegao.checker.text.words import word_texts
from hegao.messages import text as say

PARAGRAPH_MIN_HAN = 20
CLAUSE_MIN_HAN = 16
SHINGLE = 8
# A clause repeated more often than this is a stock phrase: only its latest
# occurrences are compared.
MAX_POSTINGS = 40
# Far apart, a repeated sentence is usually a recap or a slogan; close by, a paste.
NEARBY_BLOCKS = 2
# A repeat farther apart counts from this length: a pasted passage, not a recap or
# a slogan (reports restate their guiding principles, 40 to 50 characters, far apart).
FAR_MIN_HAN = 80
# A sentence closing this many paragraphs is the stock last line of a roundup's items.
STOCK_LINE_MIN = 3


@dataclass(frozen=True, slots=True)
class _Normalized:
    """The word characters of a span of the document that starts at ``offset``. Its
    characters are located in the document's word text only when a copy is reported:
    most documents have none, and that map costs as much as reading the words."""

    text: str
    doc: Document
    offset: int

    def span(self, start: int, end: int) -> Span:
        words = self.doc.word_text
        lo = words.index_at(self.offset)
        return Span(words.offset_of(lo + start), words.offset_of(lo + end - 1) + 1)


@dataclass(frozen=True, slots=True)
class _ParagraphCopy:
    later: Span  # the repeated text in the later paragraph
    earlier: Span  # what it repeats
    whole: bool  # the later paragraph is entirely a copy


def _find_paragraph_copies(doc: Document, min_han: int) -> Iterator[_ParagraphCopy]:
    paragraphs: list[tuple[Block, _Normalized]] = []
    # A long passage with clause marks and no full stop (text that lost its end) is no
    # title: it is compared too, but only as a whole copy of another such passage, not
    # as part of a longer paragraph (a summary restated in the full text).
    unfinished: set[int] = set()
    compared: list[tuple[Block, bool]] = []
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            continue
        passage = _unfinished_passage(doc, block)
        if not passage and _is_title_like(doc, block):
            continue
        compared.append((block, passage))
    texts = word_texts(doc.masked, [(b.span.start, b.span.end) for b, _ in compared])
    for (block, passage), text in zip(compared, texts, strict=True):
        if han_count(text) >= min_han:
            if passage:
                unfinished.add(len(paragraphs))
            paragraphs.append((block, _Normalized(text, doc, block.span.start)))
    # Candidates are the paragraphs that share at least half of their 8-character
    # shingles. Each shingle maps to the latest paragraph that holds it (dict and
    # Counter do the counting in C), so the search is linear in the text; a copy of an
    # old paragraph whose shingles recur later is found through the later paragraph.
    latest: dict[str, int] = {}
    sizes: list[int] = []
    for i, (block, norm) in enumerate(paragraphs):
        shingles = _shingles(norm.text)
        sizes.append(len(shingles))
        shared = Counter(map(latest.get, shingles, itertools.repeat(-1)))
        del shared[-1]
        latest.update(dict.fromkeys(shingles, i))
        for j in sorted(shared):
            if shared[j] * 2 < min(len(shingles), sizes[j]):
                continue
            if (j in unfinished or i in unfinished) and paragraphs[j][1].text != norm.text:
                continue  # an unfinished passage counts only when copied whole
            copy = _compare(paragraphs[j], (block, norm))
            if copy is not None:
                yield copy
                break


# Shingles start at anchors, the characters whose code point is a multiple of ANCHOR:
# about one position in four, the same in both copies of a text wherever they are, so a
# quarter of the shingles find the same candidates (a short paragraph keeps them all).
ANCHOR = 4
ANCHORED_MIN = 12


@cache
def _anchored() -> re.Pattern[str]:
    """The shingle starting at each anchor (``re`` compiles the class into a bitmap, and
    findall hands back the strings without a match object each)."""
    chars = "".join(chr(c) for c in range(0x30, 0xA000) if c % ANCHOR == 0 and chr(c).isalnum())
    return re.compile(f"(?s)(?=([{chars}].{{{SHINGLE - 1}}}))")


def _shingles(text: str) -> set[str]:
    anchored = set(_anchored().findall(text))
    if len(anchored) < ANCHORED_MIN:
        return {text[j : j + SHINGLE] for j in range(max(1, len(text) - SHINGLE + 1))}
    return anchored


UNFINISHED_MIN_HAN = 60
_CLAUSE_MARKS = regex.compile(r"[，,；;]")


def _unfinished_passage(doc: Document, block: Block) -> bool:
    """A long run of text with clause marks and no full stop anywhere."""
    text = doc.masked[block.span.start : block.span.end]
    return (
        not _FULL_STOP.search(text)
        and han_count(text) >= UNFINISHED_MIN_HAN
        and len(_CLAUSE_MARKS.findall(text)) >= 2
    )


def _is_title_like(doc: Document, block: Block) -> bool:
    """Outline items repeated as section headings, and pull-quotes (a line with no full
    stop that restates the paragraph below) repeat text on purpose."""
    if not _FULL_STOP.search(doc.masked, block.span.start, block.span.end):
        return True
    return (
        _NUMBERED_LINE.match(doc.masked, block.span.start) is not None and len(doc.sentences_of(block)) == 1
    )


def _allowed_changes(length: int) -> int:
    # One changed word still counts as a copy: a few characters, or 5% of a long text.
    # More than that is a paraphrase (a summary restating the text), not a paste.
    return max(4, length // 20)


CONTAINED_MIN_HAN = 40
_FULL_STOP = regex.compile(r"[。！？!?]|(?<=\p{Han})\.")
# An outline item repeated as the heading of its section: （一）…。 一、…。 第四，…。
_NUMBERED_LINE = regex.compile(
    r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|"
    r"第[一二三四五六七八九十]{1,3}[，,、]|\d{1,3}[、.．])"
)


def _compare(earlier: tuple[Block, _Normalized], later: tuple[Block, _Normalized]) -> _ParagraphCopy | None:
    a, b = earlier[1].text, later[1].text
    if a == b:  # the commonest copy, and SequenceMatcher's slowest case
        return _ParagraphCopy(later[0].span, earlier[0].span, True)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size >= 4]
    matched = sum(m.size for m in blocks)
    if not blocks:
        return None
    shorter = min(len(a), len(b))
    if shorter - matched > _allowed_changes(shorter):
        return None
    if len(a) - matched <= _allowed_changes(len(a)) >= len(b) - matched:
        return _ParagraphCopy(later[0].span, earlier[0].span, True)
    # One paragraph is (nearly) contained in a longer one: only long texts count, as
    # a short one may well be quoted or summed up in a longer paragraph.
    if han_count(a if len(a) < len(b) else b) < CONTAINED_MIN_HAN:
        return None
    if len(b) < len(a):
        earlier_part = earlier[1].span(blocks[0].a, blocks[-1].a + blocks[-1].size)
        return _ParagraphCopy(later[0].span, earlier_part, True)
    return _ParagraphCopy(later[1].span(blocks[0].b, blocks[-1].b + blocks[-1].size), earlier[0].span, False)


class DuplicateParagraph(Rule):
    """A paragraph repeats an earlier one, exactly or with a word changed.

    What it does:
        Compares every paragraph of at least 20 Han characters with the paragraphs
        before it, ignoring punctuation and spacing. A paragraph that repeats an earlier
        one — wholly, with a word or two changed, or contained in a longer paragraph —
        is reported on the later copy, with the earlier one as the related place.
        Headings and short lines are not compared, and a summary is not a copy of the
        document quoted in full after it (……原文如下：).

    Why it matters:
        Pasting a paragraph twice is the commonest slip when a draft is assembled from
        several sources, and a published bulletin that says the same thing twice looks
        careless.

    概述:
        段落与前文重复，完全相同或只改了个别字词。

    说明:
        把每个至少 20 个汉字的段落与前面的段落比较，忽略标点和空白。与前文完全相同、只改了一
        两个词、或被包含在更长段落中的段落，报告在后出现的一处，并标出前文。标题和短行不比较；摘
        要与其后全文转载的文件（……原文如下：）不算重复。

    原因:
        由多份材料拼合稿件时，同一段粘贴两次是最常见的差错；同一件事说两遍的通报显得草率。

    Example:
        全市公安机关持续开展夏季治安打击整治行动，共出动警力三千余人次。

        （中间段落……）

        全市公安机关持续开展夏季治安打击整治行动，共出动警力三千余人次。

    Instead:
        全市公安机关持续开展夏季治安打击整治行动，共出动警力三千余人次。 (the later copy
        deleted, or the two paragraphs merged)
    """

    code = "DUP001"
    title = "段落重复"
    name = "duplicate-paragraph"
    scope = "document"
    default_options: ClassVar[dict[str, Any]] = {"min-han": PARAGRAPH_MIN_HAN}
    # A copied paragraph holds copied sentences: one finding says it all.
    supersedes: ClassVar[tuple[str, ...]] = ("DUP002",)

    def check(self, doc: Document) -> Iterator[Finding]:
        quoted = _quoted_documents(doc)
        for copy in _find_paragraph_copies(doc, self.options["min-han"]):
            if _restates_a_summary(quoted, copy.earlier, copy.later):
                continue
            line = doc.line_col(copy.earlier.start)[0]
            what = say("DUP001.same" if copy.whole else "DUP001.contains")
            yield self.finding(
                copy.later,
                say("DUP001", what=what, line=line),
                (Related(copy.earlier, say("DUP001.earlier")),),
            )


def _clauses(doc: Document) -> tuple[list[str], list[Clause]]:
    """The clauses compared, as two parallel lists: their word characters (lower-cased,
    all that the search reads of most clauses) and the clauses themselves. Clauses of
    headings and title-like lines, and clauses with no word character, are left out."""
    skipped = {b.index for b in doc.blocks if b.kind is BlockKind.HEADING or _is_title_like(doc, b)}
    clauses = [c for c in doc.clauses if c.block not in skipped]
    norms = word_texts(doc.masked, [(c.span.start, c.span.end) for c in clauses])
    return list(itertools.compress(norms, norms)), list(itertools.compress(clauses, norms))


def _clause_span(doc: Document, norm: str, clause: Clause) -> Span:
    """From a clause's first to its last letter, digit or Han character."""
    return _Normalized(norm, doc, clause.span.start).span(0, len(norm))


_QUOTE = regex.compile(r"(?P<open>[“「『])|[”」』]")


def _closing_sentences(norms: list[str], clauses: list[Clause]) -> Counter[str]:
    """How many different paragraphs each sentence, or each run of clauses that ends
    one, closes (目前，犯罪嫌疑人已被刑事拘留，案件正在侦办中 and its last two clauses
    alike). A paragraph pasted twice counts once."""
    endings: dict[str, set[str]] = defaultdict(set)
    for _, group in itertools.groupby(zip(norms, clauses, strict=True), key=lambda nc: nc[1].block):
        block = list(group)
        if not block[-1][1].last:
            continue
        first = max((k for k, (_, c) in enumerate(block) if c.first), default=0)
        whole = "".join(norm for norm, _ in block)
        for n in range(first, len(block)):
            endings["".join(norm for norm, _ in block[n:])].add(whole)
    return Counter({run: len(paragraphs) for run, paragraphs in endings.items()})


# A document quoted in full after its summary: 现将通知原文刊发如下： / 全文如下：
_QUOTED_DOCUMENT = regex.compile(r"(?:原文|全文|内容|通报|通知|决定)[^。\n]{0,8}如下[：:]\s*$")


def _quoted_documents(doc: Document) -> list[int]:
    """Where each quoted document begins: the end of a block announcing it (…原文如下：)."""
    return [
        b.span.end
        for b in doc.blocks
        if _QUOTED_DOCUMENT.search(doc.masked, b.span.start, b.span.end) is not None
    ]


def _restates_a_summary(starts: list[int], earlier: Span, later: Span) -> bool:
    """The later copy lies in a quoted document, the earlier one before it: the summary
    repeats the document on purpose."""
    return any(earlier.end <= start <= later.start for start in starts)


class _Quotes:
    """Where quotation marks open and close, to tell quoted words (a slogan, a saying,
    repeated on purpose) from the text around them."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.offsets: list[int] = []
        self.depths: list[int] = []
        depth = 0
        for m in _QUOTE.finditer(doc.masked):
            depth += 1 if m.group("open") else -1
            self.offsets.append(m.start())
            self.depths.append(depth)

    def _depth_before(self, at: int) -> int:
        i = bisect.bisect_left(self.offsets, at)
        return self.depths[i - 1] if i else 0

    def quoted(self, offset: int, block: int) -> bool:
        """More quotes are opened than closed between the start of the paragraph and
        ``offset``."""
        return self._depth_before(offset) > self._depth_before(self.doc.blocks[block].span.start)


class DuplicateSentence(Rule):
    """A sentence or run of clauses repeats text that appeared earlier.

    What it does:
        Finds a sentence, or a run of consecutive clauses, of at least 16 Han characters
        that already appeared in the same paragraph or in one of the two before it (or
        anywhere before, when it is at least 80 characters long: a pasted passage, not
        a recap), and reports the later copy with the earlier as related. A sentence
        that closes three or more paragraphs is the stock last line of a roundup's
        items (案件正在进一步侦办中) and is not reported, nor is a sentence of a summary
        found again in the document quoted in full after it (……原文如下：). A single repeated clause
        counts when it closes its sentence; a repeated opening clause is parallelism
        (为了……，必须……。为了……，还必须……). Quoted words, and stock phrases that recur
        far apart in a long report (以……为指导), are meant and not reported. Inside a
        paragraph that DUP001 reports as a copy, the repeated sentences are not
        reported again (when DUP001 is enabled: DUP001 supersedes this rule there).

    Why it matters:
        Copy-paste leaves fragments behind: a sentence pasted twice in one paragraph, or
        the tail of an earlier paragraph glued to the end of another.

    概述:
        句子或连续的分句重复了前文。

    说明:
        查找至少 16 个汉字的句子或连续分句，若已在同一段或前两段中出现过（至少 80 字的长
        段落则在前文任何位置），报告后出现的一处并标出前文。三个以上段落共用的结束语（案件正在进
        一步侦办中）是惯用语，不报告；摘要中的句子在其后全文转载的文件（……原文如下：）中再次出
        现也不报告。单个重复分句只有在结束句子时才计；重复的起始分句属于排比。引文和长篇报告中相
        隔很远的惯用语不报告。在 DUP001 已报告为重复的段落内，不再重复报告其中的句子。

    原因:
        复制粘贴会留下残片：同一段中一句话出现两次，或前一段的末尾被粘到另一段后面。

    Example:
        民警逐户走访排查安全隐患，确保辖区各类风险隐患底数清、情况明、管控牢。发动网格员排查矛盾纠纷，确保辖区各类风险隐患底数清、情况明、管控牢。

    Instead:
        民警逐户走访排查安全隐患，发动网格员排查矛盾纠纷，确保辖区各类风险隐患底数清、情况明、管控牢。
    """

    code = "DUP002"
    title = "语句重复"
    name = "duplicate-sentence"
    scope = "document"
    default_options: ClassVar[dict[str, Any]] = {"min-han": CLAUSE_MIN_HAN}

    def check(self, doc: Document) -> Iterator[Finding]:
        quotes = _Quotes(doc)
        quoted_documents = _quoted_documents(doc)
        norms, clauses = _clauses(doc)
        closing: Counter[str] | None = None  # read when a repeat is first about to be reported
        seen: dict[str, list[int]] = defaultdict(list)
        hans: dict[int, int] = {}  # Han counts of the clauses compared, counted once

        def han_of(k: int) -> int:
            if k not in hans:
                hans[k] = han_count(norms[k])
            return hans[k]

        # A clause written once has no earlier copy and starts no run: skipped at once.
        written = Counter(norms)
        i = 0
        while i < len(norms):
            if written[norms[i]] == 1:
                i += 1
                continue
            norm, clause = norms[i], clauses[i]
            best = (0, 0, 0)  # (han, run length, earlier index)
            # Nearby copies count from the rule's minimum, far ones only when long (a
            # recap or a slogan recurs far apart; a pasted passage is long). Only the
            # latest postings are compared: a document pasted together from many copies
            # does not look at them all for every clause.
            for j in seen.get(norm, ())[-MAX_POSTINGS:]:
                run = 0
                while i + run < len(norms) and j + run < i and norms[j + run] == norms[i + run]:
                    run += 1
                han = sum(han_of(k) for k in range(i, i + run))
                if clause.block - clauses[j].block > NEARBY_BLOCKS and han < FAR_MIN_HAN:
                    continue
                if han > best[0]:
                    best = (han, run, j)
            han, run, j = best
            reportable = run and self._reportable(clauses[i + run - 1], run, han, self.options["min-han"])
            if reportable:  # not 案件正在进一步侦办中 closing each item of a roundup
                closing = closing if closing is not None else _closing_sentences(norms, clauses)
                reportable = closing["".join(norms[i : i + run])] < STOCK_LINE_MIN
            if reportable:
                later = Span(
                    _clause_span(doc, norm, clause).start,
                    _clause_span(doc, norms[i + run - 1], clauses[i + run - 1]).end,
                )
                reportable = not quotes.quoted(later.start, clause.block)
            if reportable:
                earlier = Span(
                    _clause_span(doc, norms[j], clauses[j]).start,
                    _clause_span(doc, norms[j + run - 1], clauses[j + run - 1]).end,
                )
                reportable = not _restates_a_summary(quoted_documents, earlier, later)
            if reportable:
                line = doc.line_col(earlier.start)[0]
                yield self.finding(
                    later,
                    say("DUP002", line=line, han=han),
                    (Related(earlier, say("DUP002.earlier")),),
                )
                for k in range(i, i + run):
                    seen[norms[k]].append(k)
                i += run
                continue
            seen[norm].append(i)
            i += 1

    @staticmethod
    def _reportable(last: Clause, run: int, han: int, min_han: int) -> bool:
        if han < min_han:
            return False
        # A repeated opening clause is usually deliberate parallelism (为了……，必须……。
        # 为了……，还必须……); a repeated closing clause (a whole sentence among them) or
        # a run of clauses is a paste.
        return run >= 2 or last.last


# ---------------------------------------------------------------- DUP003

# ``re``, not ``regex``: this scan runs over every character and is 5× faster there.
_DOUBLED = re.compile(rf"({HAN}{{1,4}})\1")
_HAN_RE = regex.compile(r"\p{Han}")
# The year and number of a document number; its issuer's abbreviation, up to eight Han
# characters, comes before (the scan looks for the brackets: a pattern opening on Han
# characters would be tried at every one of them).
_DOCUMENT_NUMBER = regex.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")
_ISSUER = regex.compile(r"\p{Han}{1,8}$")


def _document_numbers(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _DOCUMENT_NUMBER.finditer(text):
        issuer = _ISSUER.search(text, max(0, m.start() - 8), m.start())
        if issuer is not None:
            spans.append((issuer.start(), m.end()))
    return spans


_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")
# Numerals that mark a place and are never written twice in a number.
_PLACE_MARKERS = "十百"
_COUNTED_PLACE = regex.compile(r"[一二两三四五六七八九][十百千万亿]")


# Words a figure's unit may be: the units quantities are read with, and 些 (一些).
@cache
def _counting_words() -> frozenset[str]:
    from hegao.checker.figures.quantities import units

    return frozenset(u for u in units() if len(u) == 1) | {"些"}


def _doubled_after_a_figure(text: str, start: int, unit: str) -> bool:
    """The doubled character is a unit right after its figure, and the second copy
    begins no word (3万人人均 is 3万人, 人均; 一个个 is meant): 1312万人人, 15起起; and 一 doubled
    before a measure word (争取一一个, 一一些地方; not 一一对应, 一一批评)."""
    before = text[start - 1 : start]
    counting = _counting_words()
    if unit == "一":
        figure_before = before in _NUMERALS
        after = text[start + 2 : start + 3]
        return not figure_before and after in counting and not _word_from(text, start + 2, 2)
    # After 一 the pair is a reduplication: 一天天, 一个个, 一座座 ("one after another").
    figure_before = before.isdigit() or (before in _NUMERALS and before != "一")
    return figure_before and unit in counting and not _word_from(text, start + 1, 2)


def _primitive(unit: str) -> str:
    """The shortest piece that ``unit`` repeats: 换换 → 换, 车辆 → 车辆."""
    for size in range(1, len(unit)):
        if len(unit) % size == 0 and unit[:size] * (len(unit) // size) == unit:
            return unit[:size]
    return unit


@cache
def _reduplications() -> frozenset[str]:
    return frozenset(data_lines("hegao.rules", "reduplication.txt"))


@cache
def _function_chars() -> frozenset[str]:
    return frozenset("".join(data_lines("hegao.rules", "function_chars.txt")))


def _is_legitimate(text: str, start: int, unit: str, allowed: frozenset[str] = frozenset()) -> bool:
    """Whether ``unit`` written twice at ``start`` is Chinese as it should be.

    ``text`` is the simplified form of the document (same length), so that the
    dictionary also serves traditional text.
    """
    k = len(unit)
    end = start + 2 * k
    middle = start + k
    double = unit * 2
    if double in allowed:
        return True
    if k > 1 and unit[0] == "一" and unit[1] not in _NUMERALS:
        return True  # one by one: 一个一个, 一年一年, 一批一批
    if k == 1 and _doubled_after_a_figure(text, start, unit):
        return False  # 1312万人人, 15起起: a unit written twice (人人 elsewhere is "everyone")
    if all(ch in _NUMERALS for ch in unit):
        # Numbers repeat digits (一九五五年, 一九一九年), never a place: 九十|十一,
        # 一百|一百八十八 (千万千万 is "by all means").
        place = unit in _PLACE_MARKERS and text[start - 1 : start] in _NUMERALS
        return not (place or _COUNTED_PLACE.search(unit))
    is_word = lexicon.is_word
    if k > 1:
        if double in _reduplications():
            return True
        # The doubled text lies inside one word: 喜气洋洋.
        for a in range(max(0, end - lexicon.MAX_WORD), start + 1):
            for b in range(end, min(len(text), a + lexicon.MAX_WORD) + 1):
                if is_word(text[a:b]):
                    return True
        if unit.startswith(_EMPHATIC):
            return True  # 很紧很紧: repeated for emphasis
        # A doubled non-word straddles words (就业|创业|创新); a doubled word is
        # legitimate only where it is a noun that ends a phrase and a longer word
        # begins with it (该基金|基金经理; not 重大|重大案件, 深化改革|改革开放).
        if not is_word(unit):
            return True
        if any(_known_name(text[a:middle]) for a in range(max(0, middle - lexicon.MAX_WORD), start)):
            return True  # a name ends on the first copy: 中国移动|移动营业厅
        noun = lexicon.is_noun(unit) or lexicon.is_name(unit)
        # ... and only where the first copy closes a noun phrase: opened by a determiner
        # (该基金|基金经理) or ending a longer noun (工商银行|银行卡, 党支部|支部书记). A word
        # standing alone and written again as the head of a compound is a slip
        # (增加城乡|城乡居民, 加快数字|数字化).
        closed = text[start - 1 : start] in _determiners() or any(
            is_word(text[a:middle]) for a in range(max(0, middle - lexicon.MAX_WORD), start)
        )
        return noun and closed and _word_from(text, middle, min_length=k + 1)
    return _single_is_legitimate(text, start, unit)


# How much less likely a reading may be and still count as the text's (e^2 ≈ 7 times).
WORD_MARGIN = 2.0
# How much likelier the text must read with one copy dropped for a doubled character
# to be a slip (e^3 ≈ 20 times).
SLIP_MARGIN = 3.0
# Administrative levels written before a name that begins with the same character.
_LEVEL_PREFIXES = "省市县区镇乡村"
# A character this frequent as a word of its own (使, 是, 上) may stand between a word
# and a word that begins with it (会使|使用); a rarer one there is a slip (排查解|解决).
COMMON_WORD = 50000
# Particles: doubled, they are a slip even where the dictionary has the pair (了了).
_PARTICLES = "的了地得着过"
# A doubled character the dictionary has this often as a word of its own (等等, 人人)
# is a word even after a word ending in its character (成本高|等等).
COMMON_PAIR = 100
# The particle that may follow a word ending in it: 目的|的, 标的|的 (经过过 is a slip).
_FOLLOWING_PARTICLE = "的"


def _pair_nearly_as_likely(text: str, lo: int, start: int, hi: int, unit: str) -> bool:
    """Whether reading the doubled character as one word reads nearly as well as the
    likeliest reading of its window."""
    forced = (
        lexicon.log_probability(text[lo:start])
        + lexicon.log_probability(unit * 2)
        + lexicon.log_probability(text[start + 2 : hi])
    )
    return lexicon.log_probability(text[lo:hi]) - forced <= WORD_MARGIN


def _single_is_legitimate(text: str, start: int, unit: str) -> bool:
    """A doubled character read in its context with jieba's word frequencies.

    Chinese as written: the likeliest reading takes the pair as one word (大大, 常常,
    兢兢业业); two words meet between the copies (民警|警务, 认为|为了); a word ending in
    a particle is followed by it (目的|的). When one copy belongs to a word (积极推|推进,
    严重|重, 为核|核心), it is a slip if dropping the other copy makes the text much
    likelier. When neither does, the pair is a reduplication from the list (层层), the
    head of a phrase meaning "each" (企企联防, 村村通), a given name (屠呦呦), or else again
    a slip if dropping a copy makes the text much likelier (精干警警)."""
    middle, end = start + 1, start + 2
    function = unit in _function_chars()
    lo = start
    while lo > max(0, start - 6) and _HAN_RE.match(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < min(len(text), end + 6) and _HAN_RE.match(text[hi]):
        hi += 1
    window = text[lo:hi]
    # The likeliest words of the text on each side of the second copy: a word ends
    # there (民警|警务) when the left side's reading ends on a word of two or more
    # characters, not merely when some dictionary word does (生活|水 is no 活水|水平).
    left_word = _last_word(text[lo:middle]) if lo < middle - 1 else 1
    # ... or nearly as likely as it: 样品含|有毒|毒素 reads almost as well as 含有|毒.
    word_before = lo < middle - 1 and lexicon.cost_of_word_at_end(text[lo:middle]) <= WORD_MARGIN
    word_after = lexicon.cost_of_word_at_start(text[middle:hi]) <= WORD_MARGIN
    if not function and word_before and word_after:
        return True  # two words meet (民警|警务): no need to read further
    breaks_after = not _HAN_RE.match(text[end : end + 1])
    # A listed reduplication (年年, 等等, 层层) is meant, unless it ends a sentence after
    # a word ending in its character (严重|重，), or the likeliest reading takes one copy
    # into a word and not the pair (发扬人|人民民主, 推进城市|市更新, 专业|业队伍).
    tokens = [(a + lo, b + lo) for a, b in lexicon.cut(window)]
    reduplication = unit * 2 in _reduplications()
    if reduplication and text[end : end + 1] == unit:
        return True  # 三百六十行|行行: the reduplication is the second pair
    pair = (start, end) in tokens
    # (A pair the dictionary has as a word, 等等, may follow a word ending in it: 成本高|等等.)
    gives_copy = lexicon.frequency(unit * 2) < COMMON_PAIR and any(
        b == middle and a < start for a, b in tokens
    )
    # The second copy stranded alone between a word that took the first (国家|家|发展,
    # 各种|种|困难): however common the pair, it is not meant there.
    stranded = (
        (middle, end) in tokens
        and any(b == middle and a < start for a, b in tokens)
        and any(a == end and b - a >= 2 for a, b in tokens)
        and not _pair_nearly_as_likely(text, lo, start, hi, unit)  # 成本高|等等 (not 高等|等)
    )
    takes_copy = not pair and (gives_copy or stranded or any(a == middle and b - a >= 2 for a, b in tokens))
    if reduplication and not (left_word >= 2 and breaks_after) and not takes_copy:
        return True
    particle = unit in _PARTICLES
    # Read as one word, but not a doubled particle (了了) nor a pair that ends a sentence
    # after a word ending in its character (维护世界和平|平。).
    closing = left_word >= 2 and breaks_after
    if any(
        a <= start and end <= b and not ((particle or closing) and (a, b) == (start, end)) for a, b in tokens
    ):
        return True
    if function and (start, middle) in tokens and (middle, end) in tokens:
        return False  # a function character read twice on its own: 发生于于今年, 为为人民
    # Any dictionary word on each side counts, not only the likeliest cut: 会使|使用,
    # 共和国|国务院, 加上|上解.
    ends = {b: b - a for a, b in tokens}
    starts = {a: b - a for a, b in tokens}
    left = 2 if word_before else ends.get(middle, 0)
    right = 2 if word_after else starts.get(middle, 0)
    if start > 0 and (text[start - 1].isdigit() or text[start - 1] in _NUMERALS):
        left = 2  # the first copy ends a figure: 2016年|年初, 三个|个人
    if unit in _LEVEL_PREFIXES and right >= 2:
        return True  # 市|市场监管局, 县|县委: an administrative level before a name
    if right >= 2 and text[start - 1 : start] in _determiners():
        return True  # a noun phrase closes on the first copy: 该股|股价, 某煤|煤炭公司
    dropped = text[lo:start] + text[middle:hi]

    def slip() -> bool:
        return lexicon.log_probability(dropped) - lexicon.log_probability(window) >= SLIP_MARGIN

    if left >= 2 and (right >= 2 or unit == _FOLLOWING_PARTICLE):
        return True  # two words meet (民警|警务), or a particle follows (目的|的)
    if left >= 2 and not breaks_after:
        if function and left_word >= 3:
            return True  # a function word after an idiom ending in it: 实事求是|是, 脚踏实地|地
        if _word_from(text, end, min_length=2) or text[end] in _function_chars():
            # The copy stands alone between two words (工作|作|都是, 行政区|区|行政长官):
            # a slip if the text reads much likelier without it.
            return not slip()
        # A word followed by text the dictionary does not know (车站|站线, 监管|管出)
        # gets the benefit of the doubt, unless the copy's removal leaves nothing but
        # words (历史史伟业 → 历史伟业, 探索索警民 → 探索警民).
        open_left = lo > 0 and _HAN_RE.match(text[lo - 1]) is not None
        open_right = hi < len(text) and _HAN_RE.match(text[hi]) is not None
        return not _clean_when_dropped(dropped, open_left, open_right)
    # A function character before a word that begins with it (会使|使用, 与|与会代表,
    # 被|被害人, 从|从事), or a common one-character word between a word and such a word
    # (和|和平): Chinese as written. Not a reduplication whose second copy the likeliest
    # reading takes into a word (发扬人|人民民主, 培育人|人们), nor a function character
    # before a function word that begins with it (对|对于, 在|在内, 对|对外).
    if function and _function_word_from(text, middle):
        return not slip()
    # After 的 a noun comes, not a preposition or a localiser on its own: 我们的前|前途,
    # 平等的对|对话 (的前前后后 doubles two characters on purpose).
    after_de = text[start - 1 : start] == "的" and text[end + 1 : end + 2] != text[end : end + 1]
    if function and right >= 2 and after_de:
        return False
    if unit in _CONJUNCTIONS and right >= 2 and _conjunction_cannot_stand(text, tokens, start):
        return False  # 构建和|和谐, 世界的和|和平, ，和|和睦相处: a slip, not "and"
    if (
        right >= 2
        and not (reduplication and takes_copy)
        and (function or (_word_to(text, start) and lexicon.frequency(unit) >= COMMON_WORD))
    ):
        return True

    if left >= 2 or right >= 2:
        return not slip()
    before = text[start - 1 : start]
    if _meant_here(unit * 2, before, text, end) and not takes_copy:
        return True
    if not function and (not before or not _HAN_RE.match(before) or before in _function_chars()):
        return True  # "each", at the head of a phrase: 企企联防, 村村通, 或商商结合
    return not slip()


# Conjunctions: before a word that begins with them (和|和平) they join two phrases.
_CONJUNCTIONS = "和与及"
_CLAUSE_OPENING = "，,；;：:。！？!?、（(“"


def _conjunction_cannot_stand(text: str, tokens: list[tuple[int, int]], start: int) -> bool:
    """A conjunction at ``start`` joins nothing: it opens a clause, or follows a verb
    (构建和) or a particle (的和) instead of a phrase it could join."""
    before = text[start - 1 : start]
    if not before or before in _CLAUSE_OPENING:
        return True
    left = next((text[a:b] for a, b in tokens if b == start), None)
    return left is not None and (left in _PARTICLES or lexicon.is_verb(left))


def _clean_when_dropped(dropped: str, open_left: bool, open_right: bool) -> bool:
    """With one copy dropped, the likeliest reading has no stray single character. At an
    edge where the window cut through the text, a single character may be half of a word
    and does not count."""
    allowed = _function_chars() | frozenset(_PARTICLES)
    for a, b in lexicon.cut(dropped):
        if b - a != 1 or dropped[a:b] in allowed:
            continue
        if (a == 0 and open_left) or (b == len(dropped) and open_right):
            continue
        return False
    return True


def _meant_here(pair: str, before: str, text: str, end: int) -> bool:
    """The pair is Chinese here whatever the dictionary says: a listed reduplication, a
    given name after a surname (屠呦呦), 一个个 or an AABB form (家家户户)."""
    return (
        pair in _reduplications()
        or before in _surnames()
        or before == "一"
        or text[end : end + 2] == text[end : end + 1] * 2 != ""
    )


def _last_word(text: str) -> int:
    a, b = lexicon.cut(text)[-1]
    return b - a


def _first_word(text: str) -> int:
    if not text:
        return 0
    a, b = lexicon.cut(text)[0]
    return b - a


def _function_word_from(text: str, start: int) -> bool:
    return any(
        lexicon.is_function_word(text[start:b])
        for b in range(start + 2, min(len(text), start + lexicon.MAX_WORD) + 1)
    )


def _word_to(text: str, end: int) -> bool:
    return any(lexicon.is_word(text[a:end]) for a in range(max(0, end - lexicon.MAX_WORD), end - 1))


def _word_from(text: str, start: int, min_length: int) -> bool:
    return any(
        lexicon.is_word(text[start:b])
        for b in range(start + min_length, min(len(text), start + lexicon.MAX_WORD) + 1)
    )


_EMPHATIC = ("很", "太", "真", "好", "非常", "十分", "特别")


def _known_name(text: str) -> bool:
    """A name the dictionary knows well (its rare names are often mis-tagged phrases:
    科教兴国, 沿海各省)."""
    return lexicon.is_name(text) and lexicon.frequency(text) >= COMMON_PAIR


@cache
def _determiners() -> frozenset[str]:
    return frozenset(vocab.words("determiners"))


@cache
def _surnames() -> frozenset[str]:
    return frozenset("".join(data_lines("hegao.rules", "surnames.txt")))


def _simplified(doc: Document) -> str:
    """The text in simplified characters, offset for offset (unchanged if it can't be)."""
    text = doc.masked
    if not _DOUBLED.search(text):
        return text
    simple = doc.simplified
    return simple if len(simple) == len(text) else text


class DoubledWord(Rule):
    """A character or word written twice by mistake (车辆车辆, 精干警警, 开展了了).

    What it does:
        Finds a character or a word of up to four characters written twice in a row,
        and leaves alone what Chinese doubles on purpose: reduplication (常常, 层层,
        家家户户, 认认真真, 一个个, 大大), anonymised names (李某某), two words that
        meet at a boundary (民警|警务, 派出所|所长, 该基金|基金经理, 目的|的) and numbers
        (一九五五年); a word standing alone and written again as the head of a compound
        is a slip (增加城乡|城乡居民; not 该基金|基金经理, 工商银行|银行卡).
        Word boundaries are read from a dictionary (jieba's word list and
        frequencies, loaded only when a doubled character needs it): a pair is one word
        only where the likeliest reading takes it so (严重|重 is not 重重), and a doubled
        character beside a word is a slip when dropping one copy makes the text far
        likelier (积极推推进). Fix: drop the second copy —
        safe for a doubled word, unsafe for a single doubled character (侦侦 may have
        been 侦查).

    Why it matters:
        A doubled word is the most visible slip of typing and pasting, and a published
        bulletin with 车辆车辆 in it looks unread.

    概述:
        字或词误写了两遍（车辆车辆、精干警警、开展了了）。

    说明:
        查找连写两遍的字或四字以内的词，并放过汉语中有意的重叠：叠词（常常、层层、家家户户、认认
        真真、一个个、大大）、化名（李某某）、词与词相接（民警|警务、派出所|所长、该基金|基金
        经理、目的|的）和数字（一九五五年）；单独成词的词紧接着又作为复合词的开头重写一遍属于误写
        （增加城乡|城乡居民；该基金|基金经理、工商银行|银行卡 不是）。
        词的边界依据词典（jieba 的词表和词频，只在遇到
        重复字时才加载）判断：只有最可能的切分把两个字读成一个词时才算一个词（严重|重 不是“重
        重”）；去掉一个字后文本明显更通顺时，判定为误写（积极推推进）。可自动修复：删去重复的部
        分——重复的词为安全修复，重复的单字为不安全修复（“侦侦”原本可能是“侦查”）。

    原因:
        字词重复是打字和粘贴中最显眼的差错，出现“车辆车辆”的通报看上去没有人读过。

    Example:
        实现了进出东营危化品运输车辆车辆动态监管。

    Instead:
        实现了进出东营危化品运输车辆动态监管。
    """

    code = "DUP003"
    title = "字词重复"
    name = "doubled-word"
    fixable = True
    scope = "sentence"
    # Doubled text that is right in your documents (a brand, a coined term): ["企企"].
    default_options: ClassVar[dict[str, Any]] = {"allow": []}

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.masked
        simple = _simplified(doc)
        allowed = frozenset(self.options["allow"])
        # Document numbers are codes, not words: 周财预预〔2019〕22号 (found when a
        # doubling is: most documents have none).
        codes: list[tuple[int, int]] | None = None
        for block in doc.blocks:
            pos = block.span.start
            while True:
                m = _DOUBLED.search(text, pos, block.span.end)
                if m is None:
                    break
                unit = _primitive(m.group(1))  # 换换换换 is 换 four times, not 换换 twice
                start = m.start()
                codes = _document_numbers(text) if codes is None else codes
                if any(a <= start < b for a, b in codes):
                    pos = start + 1
                    continue
                if _is_legitimate(simple, start, simple[start : start + len(unit)], allowed):
                    pos = start + 1
                    continue
                # All the copies in a row are one finding, and the fix keeps one copy, so
                # that one pass of fixing leaves nothing to fix.
                end = start + len(unit)
                while text.startswith(unit, end, block.span.end):
                    end += len(unit)
                yield self.finding(
                    Span(start, end),
                    say("DUP003", unit=unit, text=text[start:end]),
                    fix=Fix.replace(
                        Span(start + len(unit), end), "", say("DUP003.fix", unit=unit), safe=len(unit) > 1
                    ),
                )
                pos = end


RULES = (DuplicateParagraph, DuplicateSentence, DoubledWord)
