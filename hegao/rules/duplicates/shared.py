"""What the copy rules (DUP001, DUP002) share: normalized paragraphs, title-like blocks,
numbered lines, and quoted documents whose repeats are not copies."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.lint.document import Document
from hegao.checker.model import Span
from hegao.checker.text.outline import OUTLINE_NUMBER
from hegao.checker.text.segments import Block


@dataclass(frozen=True, slots=True)
class Normalized:
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


def is_title_like(doc: Document, block: Block) -> bool:
    """Outline items repeated as section headings, and pull-quotes (a line with no full
    stop that restates the paragraph below) repeat text on purpose."""
    if not FULL_STOP.search(doc.masked, block.span.start, block.span.end):
        return True
    return NUMBERED_LINE.match(doc.masked, block.span.start) is not None and len(doc.sentences_of(block)) == 1


FULL_STOP = regex.compile(r"[。！？!?]|(?<=\p{Han})\.")


# An outline item repeated as the heading of its section: （一）…。 一、…。 第四，…。
NUMBERED_LINE = OUTLINE_NUMBER


# A document quoted in full after its summary: 现将通知原文刊发如下： / 全文如下：
QUOTED_DOCUMENT = regex.compile(
    rf"(?:{vocab.alternation('documents.quoted_document')})[^。\n]{{0,8}}"
    rf"(?:{vocab.alternation('documents.as_follows')})[：:]\s*$"
)


def quoted_document_blocks(doc: Document) -> list[int]:
    """Where each quoted document begins: the end of a block announcing it (…原文如下：)."""
    return [
        b.span.end
        for b in doc.blocks
        if QUOTED_DOCUMENT.search(doc.masked, b.span.start, b.span.end) is not None
    ]


def restates_a_summary(starts: list[int], earlier: Span, later: Span) -> bool:
    """The later copy lies in a quoted document, the earlier one before it: the summary
    repeats the document on purpose."""
    return any(earlier.end <= start <= later.start for start in starts)
