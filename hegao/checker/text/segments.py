"""Segment a draft into blocks (headings, paragraphs, list items) and sentences.

Every span points into the original text. Regions that are not prose — front
matter, fenced code, HTML comments — are masked with spaces (same length, so
offsets are unchanged) before anything else looks at the text.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import regex

from hegao.checker.model import Block, BlockKind, SourceText, Span
from hegao.checker.text.layout import find_breaks


class Sentence(NamedTuple):
    """A sentence of a block (a named tuple, like Clause: documents hold thousands)."""

    block: int
    span: Span


class Clause(NamedTuple):
    """A piece of a sentence between commas, semicolons or colons (its marks excluded).
    A named tuple: a document has tens of thousands, and a frozen dataclass costs three
    times as much to make."""

    block: int
    sentence: int  # index into Document.sentences
    span: Span
    first: bool  # opens its sentence
    last: bool  # closes its sentence


# Sentence ends: full stops, question and exclamation marks (full and half width),
# an ellipsis, followed by any closing quotes or brackets.
# A half-width full stop after a Han character (pasted text) ends a sentence too.
_SENTENCE_END = regex.compile(r"(?:[。！？!?]+|…{1,2}|\.{3,}|(?<=\p{Han})\.(?!\d))[”’」』）)】]*")
# A line that ends like this finishes its paragraph even without a blank line.
_LINE_END_FINAL = regex.compile(r"(?:[。！？!?；;…]|[。！？!?][”’」』）)]+|】|\]|:|：)\s*$")
_ATX_HEADING = regex.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
_LIST_ITEM = regex.compile(r"^\s{0,3}(?:[-*+]\s+|\d{1,3}[.)]\s+)")
# Used with match(text, pos): match() anchors at pos, so no ^ (which would not).
_FENCE = regex.compile(r"\s{0,3}(`{3,}|~{3,})")
_HTML_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)
_NOT_HAN = regex.compile(r"\P{Han}+")
# ``re``: these find a mark every dozen characters, and ``re`` makes a match in half
# the time ``regex`` takes.
_CLAUSE_BREAK = re.compile(r"[，,。！？!?；;：:\n]")
# In text cut at a fixed width (from PDF), a line break inside a paragraph is not a pause.
_CLAUSE_BREAK_UNWRAPPED = re.compile(r"[，,。！？!?；;：:]")
_PIECE_MARKS = "，,；;：:、\n"
HEADING_MAX_CHARS = 40
# No sentence of prose is longer (in the corpora the longest run to a thousand characters;
# nine in ten stay under ninety): a longer run without a full stop is a pasted table or a
# list, and is read in pieces of at most this length, cut after a clause mark where it
# has one. Every reading of a figure looks back over its sentence, so this bound is what
# keeps the work on any input linear in its length.
SENTENCE_MAX_CHARS = 1000
# A piece with no clause mark is cut where a run of letters or digits is not split,
# looked for this far back from the bound (a run longer than that is cut anyway).
WORD_RUN_MAX = 32


@dataclass
class Segments:
    """A segmented draft: what every later stage needs of the text. ``masked`` is
    ``text`` with non-prose regions blanked. The readings built over it (figures,
    claims, tables) are the lint stage's ``Document``, not kept here."""

    text: str
    masked: str
    blocks: list[Block]
    sentences: list[Sentence]
    skipped: list[Span]
    line_starts: Sequence[int] = field(repr=False)
    wrap_width: int | None = None  # lines cut at this display width (text from PDF)
    # Layout breaks: block i is continued by block i + 1 (a sentence broken by a web
    # page's or a PDF's layout). Sentences and clauses run across them.
    breaks: list[int] = field(default_factory=list)
    # Where each line is in a Word document — (paragraph,) or (table, row, column) —
    # so that its tables are read as tables.
    places: list[tuple[int, ...]] | None = None

    @cached_property
    def break_gaps(self) -> list[Span]:
        """The whitespace between each broken block and the block that continues it."""
        return [Span(self.blocks[i].span.end, self.blocks[i + 1].span.start) for i in self.breaks]

    @cached_property
    def source(self) -> SourceText:
        return SourceText(self.text, self.line_starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        return self.source.line_col(offset)

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def block_at(self, offset: int) -> Block | None:
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].span.end:
            return self.blocks[i]
        return None

    def sentences_of(self, block: Block) -> list[Sentence]:
        lo = bisect.bisect_left(self._sentence_blocks, block.index)
        hi = bisect.bisect_right(self._sentence_blocks, block.index)
        return self.sentences[lo:hi]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.span.start for b in self.blocks]

    @cached_property
    def _sentence_blocks(self) -> list[int]:
        return [s.block for s in self.sentences]

    @cached_property
    def clauses(self) -> list[Clause]:
        # The clause marks of the whole text are found in one scan and dealt out to
        # the sentences (this runs for every document: one scan per sentence cost more).
        pattern = _CLAUSE_BREAK if self.wrap_width is None else _CLAUSE_BREAK_UNWRAPPED
        marks = [m.start() for m in pattern.finditer(self.masked)]  # one character each
        if self.breaks:  # the line breaks of a layout break are not pauses
            gaps = self.break_gaps
            starts = [g.start for g in gaps]

            def in_gap(mark: int) -> bool:
                i = bisect.bisect_right(starts, mark) - 1
                return i >= 0 and mark < gaps[i].end

            marks = [m for m in marks if not in_gap(m)]
        out: list[Clause] = []
        append = out.append
        k = 0
        for i, sentence in enumerate(self.sentences):
            span = sentence.span
            start, end = span.start, span.end
            lo = bisect.bisect_left(marks, start, k)
            k = bisect.bisect_left(marks, end, lo)  # the marks inside the sentence
            if lo == k:  # no mark inside: the sentence is one clause
                append(Clause(sentence.block, i, span, True, True))
                continue
            block = sentence.block
            pending: Span | None = None  # a clause is written when the next one is found
            first = True
            for mark in marks[lo:k]:
                if mark > start:
                    if pending is not None:
                        append(Clause(block, i, pending, first, False))
                        first = False
                    pending = Span(start, mark)
                start = mark + 1
            if end > start:
                if pending is not None:
                    append(Clause(block, i, pending, first, False))
                    first = False
                pending = Span(start, end)
            if pending is not None:
                append(Clause(block, i, pending, first, True))
        return out

    def clause_at(self, offset: int) -> Clause | None:
        """The clause that holds ``offset``, if any (not its punctuation)."""
        i = bisect.bisect_right(self._clause_starts, offset) - 1
        if i >= 0 and offset < self.clauses[i].span.end:
            return self.clauses[i]
        return None

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [c.span.start for c in self.clauses]


def han_count(text: str) -> int:
    # Counting what is not Han: far fewer pieces to collect in Chinese text.
    return len(text) - sum(map(len, _NOT_HAN.findall(text)))


def line_starts_of(text: str) -> array[int]:
    """Where each line starts: an array of machine integers (a list of int objects costs
    five times the memory, and a file may hold millions of lines)."""
    starts = array("q", [0])
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def segment(text: str, places: list[tuple[int, ...]] | None = None) -> Segments:
    line_starts = line_starts_of(text)
    skipped = _non_prose_regions(text, line_starts)
    masked = _mask(text, skipped)
    blocks, wrap_width = _blocks(masked, line_starts)
    breaks = find_breaks(masked, blocks)
    sentences = _logical_sentences(masked, blocks, breaks)
    return Segments(text, masked, blocks, sentences, skipped, line_starts, wrap_width, breaks, places)


def _logical_sentences(masked: str, blocks: list[Block], breaks: list[int]) -> list[Sentence]:
    """Sentences of each run of blocks joined by layout breaks; each belongs to the block
    it starts in."""
    if not breaks:
        return [s for b in blocks for s in _sentences(masked, b)]
    continued = set(breaks)
    out: list[Sentence] = []
    i = 0
    while i < len(blocks):
        j = i
        while j in continued and j + 1 < len(blocks):
            j += 1
        if j == i:
            out.extend(_sentences(masked, blocks[i]))
        else:
            run = Block(blocks[i].index, blocks[i].kind, Span(blocks[i].span.start, blocks[j].span.end))
            starts = [b.span.start for b in blocks[i : j + 1]]
            for sentence in _sentences(masked, run):
                k = bisect.bisect_right(starts, sentence.span.start) - 1
                out.append(Sentence(blocks[i + k].index, sentence.span))
        i = j + 1
    return out


def _lines(text: str, line_starts: Sequence[int]) -> list[tuple[int, int]]:
    """(start, end) of each line's content, without its line ending; a run of blank lines
    is one blank line (the first), since every reader asks only whether a blank line
    stands between two lines — a file of a million blank lines holds one tuple, not a
    million."""
    out = []
    n = len(text)
    blank = False
    for i, start in enumerate(line_starts):
        end = line_starts[i + 1] - 1 if i + 1 < len(line_starts) else n
        if end > start and text[end - 1] == "\r":
            end -= 1
        if text[start:end].isspace() or start == end:
            if blank:
                continue
            blank = True
        else:
            blank = False
        out.append((start, end))
    return out


def _non_prose_regions(text: str, line_starts: Sequence[int]) -> list[Span]:
    regions: list[Span] = []
    lines = _lines(text, line_starts)
    i = 0
    # YAML front matter: only at the very start of the file.
    if lines and text[lines[0][0] : lines[0][1]].strip() == "---":
        for j in range(1, len(lines)):
            if text[lines[j][0] : lines[j][1]].strip() in ("---", "..."):
                regions.append(Span(0, lines[j][1]))
                i = j + 1
                break
    fence: str | None = None
    fence_start = 0
    if "```" not in text and "~~~" not in text:
        i = len(lines)  # no fence anywhere: no line to try
    while i < len(lines):
        start, end = lines[i]
        m = _FENCE.match(text, start, end)
        if fence is None and m:
            fence, fence_start = m.group(1), start
        elif fence is not None and m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
            regions.append(Span(fence_start, end))
            fence = None
        i += 1
    if fence is not None:
        regions.append(Span(fence_start, len(text)))
    for m in _HTML_COMMENT.finditer(text) if "<!--" in text else ():
        regions.append(Span(m.start(), m.end()))
    return sorted(regions)


def _mask(text: str, regions: list[Span]) -> str:
    if not regions:
        return text
    parts = []
    pos = 0
    for r in regions:
        if r.start < pos:
            continue
        parts.append(text[pos : r.start])
        parts.append("".join(ch if ch in "\r\n" else " " for ch in text[r.start : r.end]))
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


def _width(text: str) -> int:
    """Display width: CJK characters take two cells."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


# Hard-wrapped text (cut at a fixed width, as PDF converters do). Fewer lines than this
# cannot show a width they share: a short letter may be written one line per paragraph.
HARD_WRAP_MIN_LINES = 6
TITLE_LINES = 3  # a title above the body: a line or three, then a blank line
# The wrap width is read off the widest lines: the 90th percentile of prose widths, so
# that a few over-long lines (a URL, a line the converter did not cut) do not set it.
WRAP_TOP_PERCENTILE = 0.9
# A "full" line reaches 80% of that width: digits, Latin letters and spaces make a
# justified line's display width vary by a few columns.
FULL_LINE_SHARE_OF_TOP = 0.8
# Below 30 columns (15 Han characters) lines are short by nature: headings, lists, poems.
MIN_WRAP_COLUMNS = 30
# At least 40% of the prose lines are full, and 60% of those end mid-sentence: in
# typed text full lines are rare and end their sentences.
MIN_FULL_LINES = 0.4
MIN_OPEN_ENDED = 0.6
# A line shorter than 85% of the wrap width ends its paragraph (the last line of one).
PARAGRAPH_END_SHARE = 0.85


_PAGE_MARK = regex.compile(r"[ \t　]*(?:[-—－–]+[ \t　]*\d{0,4}[ \t　]*[-—－–]+|第\s*\d{1,4}\s*页)[ \t　]*$")
_PAGE_NUMBER = regex.compile(r"[ \t　]*\d{1,4}[ \t　]*$")


def _without_page_marks(masked: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines without page marks (- 3 -, — —) and the bare page number beside one."""
    mark = [_PAGE_MARK.match(masked, s, e) is not None for s, e in lines]
    out = []
    for i, (s, e) in enumerate(lines):
        beside = (i > 0 and mark[i - 1]) or (i + 1 < len(lines) and mark[i + 1])
        if mark[i] or (beside and _PAGE_NUMBER.match(masked, s, e)):
            continue
        out.append((s, e))
    return out


# A line of a table typed with spaces: two columns apart.
_ALIGNED_COLUMNS = regex.compile(r"\S[ \t　]{2,}\S")


def hard_wrap_width(masked: str, lines: list[tuple[int, int]]) -> int | None:
    """The width at which a file's lines were cut (text converted from PDF), if they were.

    Most prose lines are then about as wide as the widest ones (digits and spaces make
    a justified line's width vary by a few columns) and end in the middle of a
    sentence. Table rows typed with spaces are left out of the count.
    """
    prose = [
        masked[s:e].rstrip()
        for s, e in lines
        if masked[s:e].strip() and not _ALIGNED_COLUMNS.search(masked[s:e].strip())
    ]
    if len(prose) < HARD_WRAP_MIN_LINES:
        return None
    widths = sorted(_width(line) for line in prose)
    top = widths[int(WRAP_TOP_PERCENTILE * len(widths))]
    full = [line for line in prose if _width(line) >= FULL_LINE_SHARE_OF_TOP * top]
    if top < MIN_WRAP_COLUMNS or len(full) < MIN_FULL_LINES * len(prose):
        return None
    open_ended = sum(1 for line in full if not _LINE_END_FINAL.search(line))
    if open_ended < MIN_OPEN_ENDED * len(full):
        return None
    return sorted(_width(line) for line in full)[len(full) // 2]


def _short_of(width: int, wrap_width: int) -> bool:
    """A line well short of the wrap width ends its paragraph."""
    return width < wrap_width * PARAGRAPH_END_SHARE


def _blocks(masked: str, line_starts: Sequence[int]) -> tuple[list[Block], int | None]:
    # Page marks of a document converted from PDF (- 3 -, — 4 —) stand between the lines
    # of a paragraph: leave them out, as if the page had not ended there.
    lines = _without_page_marks(masked, _lines(masked, line_starts))
    nonblank = [masked[s:e].strip() != "" for s, e in lines]
    # A file with no blank line between its lines writes one paragraph per line --
    # unless its lines were cut at a fixed width, when a short line ends a paragraph.
    first = next((i for i, b in enumerate(nonblank) if b), None)
    last = max((i for i, b in enumerate(nonblank) if b), default=None)
    one_per_line = first is not None and last is not None and all(nonblank[first : last + 1])
    if not one_per_line and first is not None and last is not None:
        # A title (a line or three) and a blank line, then lines without blank lines
        # between them: the body is written one paragraph per line, or cut at a width.
        gap = next((i for i in range(first, last + 1) if not nonblank[i]), last)
        body = next((i for i in range(gap, last + 1) if nonblank[i]), last)
        titled = gap - first <= TITLE_LINES and not any(
            _LINE_END_FINAL.search(masked[lines[i][0] : lines[i][1]]) for i in range(first, gap)
        )
        one_per_line = titled and last + 1 - body >= HARD_WRAP_MIN_LINES and all(nonblank[body : last + 1])
    wrap_width = hard_wrap_width(masked, lines) if one_per_line else None
    if wrap_width:
        one_per_line = False

    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    hashes = "#" in masked  # a heading needs one: plain text seldom has any
    for (s, e), has_text in zip(lines, nonblank, strict=True):
        line = masked[s:e]
        if not has_text:
            if current:
                groups.append(current)
            current = []
            continue
        starts_new = (
            one_per_line
            or line.startswith("\f")  # a form feed: a new page
            or (hashes and _ATX_HEADING.match(line) is not None)
            or _LIST_ITEM.match(line) is not None
            or (current and _ends_block(masked, current[-1]))
            or (
                wrap_width is not None
                and current
                and _short_of(_width(masked[current[-1][0] : current[-1][1]].rstrip()), wrap_width)
            )
        )
        if starts_new and current:
            groups.append(current)
            current = []
        current.append((s, e))
    if current:
        groups.append(current)

    blocks: list[Block] = []
    for lines_of_group in groups:
        start = lines_of_group[0][0]
        end = lines_of_group[-1][1]
        while start < end and masked[start].isspace():
            start += 1
        while end > start and masked[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        blocks.append(Block(len(blocks), _kind(masked[start:end], len(lines_of_group)), Span(start, end)))
    return blocks, wrap_width


def _ends_block(masked: str, line: tuple[int, int]) -> bool:
    text = masked[line[0] : line[1]]
    return _ATX_HEADING.match(text) is not None or _LINE_END_FINAL.search(text) is not None


_PIPE_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_CLAUSE_MARK = regex.compile(r"[，,；;]")


_TWO_BLANKS_OR_BAR = re.compile(r"[ \t\u3000]{2}|\|")
_FIGURE_COLUMN = regex.compile(r"\S[ \t　]{2,}[-\d.,%]+(?:\s|$)")


def _is_table_row(line: str) -> bool:
    """A Markdown pipe row, three or more columns typed apart with spaces, or a label and
    a figure column (诊疗楼建设项目  00000002)."""
    body = line.strip()
    return (
        _PIPE_ROW.match(line) is not None
        or len(_ALIGNED_COLUMNS.findall(body)) >= 2
        or _FIGURE_COLUMN.search(body) is not None
    )


def _kind(block_text: str, n_lines: int) -> BlockKind:
    if _ATX_HEADING.match(block_text):
        return BlockKind.HEADING
    if _LIST_ITEM.match(block_text):
        return BlockKind.LIST_ITEM
    if _TWO_BLANKS_OR_BAR.search(block_text):
        lines = [line for line in block_text.splitlines() if line.strip()]
        if sum(1 for line in lines if _is_table_row(line)) * 2 >= len(lines):
            return BlockKind.TABLE_ROW  # rows, with perhaps a caption or a page mark among them
    # A line without a full stop is a title only when it is short and has no clause
    # punctuation: a line with commas is a sentence that lost its end.
    if (
        n_lines == 1
        and len(block_text) <= HEADING_MAX_CHARS
        and not _LINE_END_FINAL.search(block_text)
        and not _SENTENCE_END.search(block_text)
        and not _CLAUSE_MARK.search(block_text)
    ):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _sentences(masked: str, block: Block) -> list[Sentence]:
    """The sentences of a block, each without the spaces around it."""
    out: list[Sentence] = []
    start, index = block.span.start, block.index
    ends = [m.end() for m in _SENTENCE_END.finditer(masked, start, block.span.end)]
    ends.append(block.span.end)
    for end in ends:
        text = masked[start:end].lstrip()
        if text:
            at = end - len(text)
            span = Span(at, at + len(text.rstrip()))
            if span.end - span.start <= SENTENCE_MAX_CHARS:
                out.append(Sentence(index, span))
            else:
                out.extend(Sentence(index, piece) for piece in _pieces(masked, span))
        start = end
    return out


def _pieces(masked: str, span: Span) -> Iterator[Span]:
    """A run longer than SENTENCE_MAX_CHARS in pieces of at most that length, each ending
    after its last clause mark (else between two characters that are not both part of a
    word or a number), without the spaces around them."""
    start = span.start
    while start < span.end:
        while start < span.end and masked[start].isspace():
            start += 1
        end = min(span.end, start + SENTENCE_MAX_CHARS)
        if end < span.end:
            marks = [masked.rfind(mark, start, end) for mark in _PIECE_MARKS]
            cut = max(marks) + 1
            if cut <= start:
                cut = end
                floor = max(start + 1, end - WORD_RUN_MAX)
                while cut > floor and masked[cut - 1].isalnum() and masked[cut].isalnum():
                    cut -= 1
                if cut == floor:
                    cut = end
            end = cut
        stop = end
        while stop > start and masked[stop - 1].isspace():
            stop -= 1
        if stop > start:
            yield Span(start, stop)
        start = end
