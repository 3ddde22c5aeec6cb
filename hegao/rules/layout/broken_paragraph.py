"""LAY001 broken-paragraph: a paragraph that stops mid-sentence and continues in the next
one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Fix, Related, Severity, Span
from hegao.checker.text.segments import Block


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

    概述:
        段落在句子中间断开，下文接在下一段。

    说明:
        查找没有把句子写完（没有句号、问号、分号、冒号或后括号）就结束、而下一段不是标题或新的序
        号条目、又明显接着往下读的段落——从网页或 PDF 粘贴时版面换行留下的断口：词被拆开（
        工作目|标、派出|所）、段落以逗号或介词结尾（覆盖率达|100%），或下一段开头是残句（
        百日行|动，深入推进）。只是少了句号、下一段另起新句的段落不报告（加粗的段首小标题就是这
        样）。所有行都在同一宽度处折断的文件（来自 PDF）被识别为硬折行：按真正的段落检查，只
        提示一次。可自动修复：合并两段，或取消硬折行（安全）。

    原因:
        一句话被拆成两段，印出来就是两个段落，第二段从半个词开始。

    Example:
        实现了“两降两升”工作目

        标，反诈工作由去年的全省排名末位逆转进入全省“第一方阵”。

    Instead:
        实现了“两降两升”工作目标，反诈工作由去年的全省排名末位逆转进入全省“第一方阵”。
    """

    code = "LAY001"
    title = "段落在句中断开"
    name = "broken-paragraph"
    fixable = True
    severity = Severity.WARNING
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "段落在句中断开，下文接在第 {line} 行：应与下一段合并",
            "the paragraph breaks off mid-sentence and goes on at line {line}: join the two",
        ),
        "next": (
            "接续的下文",
            "where it goes on",
        ),
        "fix": (
            "接上断开的段落",
            "join the broken paragraph",
        ),
        "wrapped": (
            (
                "全文按固定宽度（约 {width} 字）折行，像是从 PDF 复制的文本：已按 {blocks} 个自然段检查；"
                "可自动取消折行"
            ),
            (
                "every line is cut at one width (about {width} characters), like text copied from a PDF: "
                "it was checked as its {blocks} paragraphs; the wrapping can be undone automatically"
            ),
        ),
        "unwrap": (
            "接上按固定宽度断开的行",
            "join the lines cut at a fixed width",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.wrap_width is not None:
            yield self._hard_wrapped(doc)
        for i in doc.breaks:
            block, following = doc.blocks[i], doc.blocks[i + 1]
            gap = Span(block.span.end, following.span.start)
            joiner = " " if _both_latin(doc, block, following) else ""
            line = doc.line_col(following.span.start)[0]
            yield self.finding(
                Span(block.span.end - 1, block.span.end),
                self.say("main", line=line),
                (Related(Span(following.span.start, following.span.start + 1), self.say("next")),),
                fix=Fix.replace(gap, joiner, self.say("fix")),
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
            self.say("wrapped", width=(doc.wrap_width or 0) // 2, blocks=len(doc.blocks)),
            fix=Fix.replace(Span(first.start, last.end), "".join(pieces), self.say("unwrap")),
        )


def _both_latin(doc: Document, block: Block, following: Block) -> bool:
    return doc.masked[block.span.end - 1].isascii() and doc.masked[following.span.start].isascii()
