"""DUP001 duplicate-paragraph: a paragraph repeats an earlier one, exactly or with a word
changed."""

from __future__ import annotations

import itertools
import re
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from typing import Any, ClassVar

import regex

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related, Span
from hegao.checker.text.segments import Block, BlockKind, han_count
from hegao.checker.text.words import word_texts
from hegao.rules.duplicates.shared import (
    FULL_STOP,
    Normalized,
    is_title_like,
    quoted_document_blocks,
    restates_a_summary,
)

PARAGRAPH_MIN_HAN = 20


SHINGLE = 8


@dataclass(frozen=True, slots=True)
class _ParagraphCopy:
    later: Span  # the repeated text in the later paragraph
    earlier: Span  # what it repeats
    whole: bool  # the later paragraph is entirely a copy


def _find_paragraph_copies(doc: Document, min_han: int) -> Iterator[_ParagraphCopy]:
    paragraphs: list[tuple[Block, Normalized]] = []
    # A long passage with clause marks and no full stop (text that lost its end) is no
    # title: it is compared too, but only as a whole copy of another such passage, not
    # as part of a longer paragraph (a summary restated in the full text).
    unfinished: set[int] = set()
    # The blocks compared by index, and whether each is such a passage (a file of short
    # lines holds a million blocks: no object for each).
    compared, passages = array("q"), bytearray()
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            continue
        passage = _unfinished_passage(doc, block)
        if not passage and is_title_like(doc, block):
            continue
        compared.append(block.index)
        passages.append(passage)
    blocks = doc.blocks
    starts = array("q", (blocks.starts[k] for k in compared))
    texts = word_texts(doc.masked, starts, array("q", (blocks.ends[k] for k in compared)))
    for k, unfinished_passage, text in zip(compared, passages, texts, strict=True):
        if han_count(text) >= min_han:
            if unfinished_passage:
                unfinished.add(len(paragraphs))
            paragraphs.append((blocks[k], Normalized(text, doc, blocks.starts[k])))
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
        not FULL_STOP.search(text)
        and han_count(text) >= UNFINISHED_MIN_HAN
        and len(_CLAUSE_MARKS.findall(text)) >= 2
    )


def _allowed_changes(length: int) -> int:
    # One changed word still counts as a copy: a few characters, or 5% of a long text.
    # More than that is a paraphrase (a summary restating the text), not a paste.
    return max(4, length // 20)


CONTAINED_MIN_HAN = 40


def _compare(earlier: tuple[Block, Normalized], later: tuple[Block, Normalized]) -> _ParagraphCopy | None:
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
    default_options: ClassVar[dict[str, Any]] = {"min-han": PARAGRAPH_MIN_HAN}
    # A copied paragraph holds copied sentences: one finding says it all.
    supersedes: ClassVar[tuple[str, ...]] = ("DUP002",)
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "same": (
            "本段与",
            "this paragraph repeats",
        ),
        "contains": (
            "本段包含",
            "this paragraph contains",
        ),
        "main": (
            "{what}第 {line} 行的段落重复",
            "{what} the paragraph on line {line}",
        ),
        "earlier": (
            "先出现的段落",
            "the earlier paragraph",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        quoted = quoted_document_blocks(doc)
        for copy in _find_paragraph_copies(doc, self.options["min-han"]):
            if restates_a_summary(quoted, copy.earlier, copy.later):
                continue
            line = doc.line_col(copy.earlier.start)[0]
            what = self.say("same") if copy.whole else self.say("contains")
            yield self.finding(
                copy.later,
                self.say("main", what=what, line=line),
                (Related(copy.earlier, self.say("earlier")),),
            )
