"""Layout damage from copy and paste: paragraphs broken mid-sentence, hard-wrapped
text, and paragraphs that stop mid-sentence because text was lost."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from hegao.checker import lexicon
from hegao.checker.document import Block, BlockKind, Document
from hegao.checker.model import Finding, Fix, Related, Severity, Span
from hegao.checker.rule import Rule

# How a complete paragraph ends: a full stop or question mark, a semicolon or colon
# (a list follows), closing quotes or brackets, an ellipsis or a dash.
_COMPLETE_END = regex.compile(r"[。！？!?；;：:…—”’」』）)】\]》>|]\s*$|[.](?=\s*$)")
_NEW_START = regex.compile(
    r"[【\[#>*\-]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
    r"\d{1,3}[.、．](?!\d)|第[一二三四五六七八九十]{1,3}[，、]"
)
_SENTENCE_LIKE = regex.compile(r"[，、“]")
_HAN = regex.compile(r"\p{Han}")
_DANGLING_MARKS = "，,、“（("
# Prepositions and conjunctions a sentence cannot end on (的 can: 是……的).
_DANGLING_WORDS = "和与及或在对为把被从向达将以于由给让使跟同较"
# Particles and marks a sentence cannot begin with.
_CANNOT_START = "的地得了着过，、。；：？！”’」』）%"
_FIRST_CLAUSE = regex.compile(r"(\p{Han}{1,3})[，。；！？]")
_OPEN_END = regex.compile(r"(?:\p{Han}|[A-Za-z0-9%]|[，,、“（(])$")
SHORT_LINE = 20


def _open_ended(doc: Document, block: Block) -> bool:
    """The block stops in the middle of a sentence."""
    text = doc.masked[block.span.start : block.span.end]
    if _COMPLETE_END.search(text):
        return False
    return _OPEN_END.search(text) is not None


def _is_prose(doc: Document, block: Block) -> bool:
    """A paragraph of running text (not a title or a link): long, or with sentences."""
    if block.kind is BlockKind.LIST_ITEM:
        return False
    text = doc.masked[block.span.start : block.span.end]
    if len(_HAN.findall(text)) < 2 or "://" in text or _NEW_START.match(text):
        return False  # a link, or a numbered heading: 一、2024年工作回顾
    if block.kind is BlockKind.PARAGRAPH:
        return True
    return bool(_SENTENCE_LIKE.search(text)) and not regex.search(r"\s", text)


def _dangling(text: str) -> bool:
    """The text ends where no sentence can: on a comma, a preposition, a figure."""
    return text[-1] in _DANGLING_MARKS or text[-1] in _DANGLING_WORDS or text[-1].isdigit()


def _word_across(left: str, right: str) -> bool:
    """A word is split by the break: 工作目|标, 派出|所, 公安机|关 — longer than any
    word that ends where the left part ends (小康水平|城乡 ends on 水平: no split)."""
    ending = max(
        (k for k in range(2, min(lexicon.MAX_WORD, len(left)) + 1) if lexicon.is_word(left[-k:])),
        default=0,
    )
    for k in range(1, min(3, len(left)) + 1):
        for m in range(1, min(3, len(right)) + 1):
            word = left[-k:] + right[:m]
            if len(word) > max(ending, 1) and len(set(word)) > 1 and lexicon.is_word(word):
                return True
    return False


def _reads_on(doc: Document, block: Block, following: Block, continued: bool = False) -> bool:
    """``following`` continues the sentence that ``block`` left open (``continued``:
    ``block`` itself continues the block before it)."""
    if following.kind is BlockKind.LIST_ITEM or doc.masked[following.span.start] in "#|｜":
        return False  # a list item, a heading, a table row or a web page's separator bar
    if _NEW_START.match(doc.masked, following.span.start):
        return False
    text = doc.masked[block.span.start : block.span.end]
    after = doc.masked[following.span.start : following.span.end]
    if _dangling(text) or after[0] in _CANNOT_START:
        return True  # 覆盖率达|100%, 从踏查、|铲除, 的|…
    # The next block opens with a fragment: 百日行|动，深入推进… After a title-like
    # line, only a one-character fragment counts: 近年来， opens many a sentence.
    first_clause = _FIRST_CLAUSE.match(after)
    longest = 3 if block.kind is BlockKind.PARAGRAPH or continued else 1
    if first_clause and len(first_clause.group(1)) <= longest:
        return True
    return _word_across(text, after)


class BrokenParagraph(Rule):
    """A paragraph that stops mid-sentence and continues in the next one.

    What it does:
        Finds a paragraph that ends without closing its sentence (no full stop,
        question mark, semicolon, colon or closing bracket) where the next block is
        not a heading or a new numbered item and visibly reads on — the break a web
        page's or PDF's layout leaves when text is pasted: a word split across the
        break (工作目|标, 派出|所), a paragraph ending on a comma or a preposition
        (覆盖率达|100%), or a next paragraph whose first clause is a fragment
        (百日行|动，深入推进). A paragraph that merely lacks its full stop before a new
        sentence is left alone: bold run-in headings look like that. A file whose lines
        were all cut at one width (text from PDF) is recognised as hard-wrapped:
        hegao reads it as its real paragraphs and reports it once. Fix: join the two
        paragraphs, or unwrap the hard-wrapped file (safe).

    Why it matters:
        A sentence split across two paragraphs is printed as two paragraphs in the
        bulletin, with the second starting mid-word.

    Example:
        实现了“两降两升”工作目

        标，反诈工作由去年的全省排名末位逆转进入全省“第一方阵”。

    Instead:
        实现了“两降两升”工作目标，反诈工作由去年的全省排名末位逆转进入全省“第一方阵”。
    """

    code = "LAY001"
    name = "broken-paragraph"
    fixable = True
    severity = Severity.WARNING
    scope = "document"

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.wrap_width is not None:
            yield self._hard_wrapped(doc)
        blocks = doc.blocks
        # A block that continues the one before is running text whatever its length,
        # so a sentence broken over many lines is joined in one pass, not one per pass.
        continued = False
        for block, following in itertools.pairwise(blocks):
            continued = (
                _open_ended(doc, block)
                and (continued or _is_prose(doc, block))
                and _reads_on(doc, block, following, continued)
            )
            if not continued:
                continue
            gap = Span(block.span.end, following.span.start)
            joiner = " " if _both_latin(doc, block, following) else ""
            line = doc.line_col(following.span.start)[0]
            yield self.finding(
                Span(block.span.end - 1, block.span.end),
                f"段落在句中断开，下文接在第 {line} 行：应与下一段合并",
                (Related(Span(following.span.start, following.span.start + 1), "接续的下文"),),
                fix=Fix.replace(gap, joiner, "接上断开的段落"),
            )

    def _hard_wrapped(self, doc: Document) -> Finding:
        """One finding for the whole file, with a fix that unwraps every paragraph."""
        edits = []
        for block in doc.blocks:
            text = doc.text[block.span.start : block.span.end]
            edits.append(regex.sub(r"[ \t]*\r?\n[ \t　]*", "", text))
        first, last = doc.blocks[0].span, doc.blocks[-1].span
        pieces = []
        for i, block in enumerate(doc.blocks):
            pieces.append(edits[i])
            if i + 1 < len(doc.blocks):
                pieces.append(doc.text[block.span.end : doc.blocks[i + 1].span.start])
        return self.finding(
            Span(first.start, first.start + 1),
            f"全文按固定宽度（约 {(doc.wrap_width or 0) // 2} 字）折行，像是从 PDF 复制的文本："
            f"已按 {len(doc.blocks)} 个自然段检查；可自动取消折行",
            fix=Fix.replace(Span(first.start, last.end), "".join(pieces), "接上按固定宽度断开的行"),
        )


def _both_latin(doc: Document, block: Block, following: Block) -> bool:
    return doc.masked[block.span.end - 1].isascii() and doc.masked[following.span.start].isascii()


class TruncatedParagraph(Rule):
    """A paragraph that stops mid-sentence with nothing to continue it: text was lost.

    What it does:
        Finds a paragraph of running text that stops where no sentence can end — on a
        comma, a preposition or conjunction (达, 和, 对 …) or a bare figure — and is
        followed by a heading, a new numbered item, a bracketed byline (【…】) or the
        end of the file, so that nothing continues the sentence. A sentence that only
        lacks its full stop is not reported. There is no fix: the missing words must
        be restored from the source.

    Why it matters:
        Copying from a web page or an old draft can lose the end of a paragraph; the
        bulletin then prints a sentence that stops in the middle.

    Example:
        各基层单位开展禁毒宣传教育7场次，累计发放宣传资料6600余份，受众群众达

        ## 下一步工作

    Instead:
        各基层单位开展禁毒宣传教育7场次，累计发放宣传资料6600余份，受众群众达1.2万人次。
    """

    code = "LAY002"
    name = "truncated-paragraph"
    severity = Severity.WARNING
    scope = "document"

    def check(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.blocks
        for i, block in enumerate(blocks):
            if not (_open_ended(doc, block) and _is_prose(doc, block)):
                continue
            if len(doc.sentences_of(block)) < 2 and block.span.end - block.span.start < SHORT_LINE:
                continue  # too short to tell a cut sentence from a caption
            if not _dangling(doc.masked[block.span.start : block.span.end]):
                continue  # a sentence missing only its full stop is not lost text
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if following is not None and not (
                (following.kind is BlockKind.HEADING and doc.masked[following.span.start] == "#")
                or _NEW_START.match(doc.masked, following.span.start)
            ):
                continue
            what = "文末" if following is None else "下一段是标题或新条目"
            yield self.finding(
                Span(block.span.end - 1, block.span.end),
                f"段落在句中结束，{what}，句子没有下文：可能有文字丢失，请对照原文补全",
            )


RULES = (BrokenParagraph, TruncatedParagraph)
