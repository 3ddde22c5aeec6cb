"""LAY002 truncated-paragraph: a paragraph that stops mid-sentence with nothing to continue
it: text was lost."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Severity, Span
from hegao.checker.text.layout import (
    NEW_START,
    SHORT_LINE,
    cut_mid_word,
    dangling,
    is_byline,
    is_prose,
    open_ended,
)
from hegao.checker.text.segments import BlockKind


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

    概述:
        段落在句子中间截断，后面没有下文：文字有丢失。

    说明:
        查找停在句子不能结束之处的正文段落——停在逗号、介词或连词（达、和、对……）或孤立的数字
        上——而后面是标题、新的序号条目、署名（【……】）或文件末尾，句子没有下文。只是少了句号
        的句子不报告。无法自动修复：缺失的文字须对照原文补全。

    原因:
        从网页或旧稿复制时可能丢掉段落末尾，通报上就会印出一句没说完的话。

    Example:
        各基层单位开展禁毒宣传教育7场次，累计发放宣传资料6600余份，受众群众达

        ## 下一步工作

    Instead:
        各基层单位开展禁毒宣传教育7场次，累计发放宣传资料6600余份，受众群众达1.2万人次。
    """

    code = "LAY002"
    title = "段落在句中截断"
    name = "truncated-paragraph"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "end": (
            "文末",
            "the file ends",
        ),
        "heading": (
            "下一段是标题、新条目或署名",
            "a heading, a new item or a byline follows",
        ),
        "main": (
            "段落在句中结束，{what}，句子没有下文：可能有文字丢失，请对照原文补全",
            (
                "the paragraph stops mid-sentence and {what}, so nothing continues it: text may have been "
                "lost; restore it from the source"
            ),
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.blocks
        for i, block in enumerate(blocks):
            if not (open_ended(doc.masked, block) and is_prose(doc.masked, block)):
                continue
            if len(doc.sentences_of(block)) < 2 and block.span.end - block.span.start < SHORT_LINE:
                continue  # too short to tell a cut sentence from a caption
            text = doc.masked[block.span.start : block.span.end]
            if not (dangling(text) or cut_mid_word(text)):
                continue  # a sentence missing only its full stop is not lost text
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if following is not None and not (
                (following.kind is BlockKind.HEADING and doc.masked[following.span.start] == "#")
                or NEW_START.match(doc.masked, following.span.start)
                or is_byline(doc.masked, following)
                or (following.kind is BlockKind.HEADING and cut_mid_word(text))
            ):
                continue
            what = self.say("end") if following is None else self.say("heading")
            yield self.finding(
                Span(block.span.end - 1, block.span.end),
                self.say("main", what=what),
            )
