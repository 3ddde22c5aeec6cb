"""Segment a draft into blocks (headings, paragraphs, list items) and sentences.

Every span points into the original text. Regions that are not prose — front
matter, fenced code, HTML comments — are masked with spaces (same length, so
offsets are unchanged) before anything else looks at the text.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple, TypeVar, overload

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


_Record = TypeVar("_Record")
_KINDS = list(BlockKind)
_KIND_CODES = {kind: code for code, kind in enumerate(_KINDS)}
_FIRST, _LAST = 1, 2


# Offsets and indices are kept as 32-bit machine integers: a draft is at most
# MAX_FILE_MB_CEILING megabytes (hegao/checker/lint/config.py), far below 2**31 characters.
OFFSET = "i"
OFFSET_MAX = 2**31 - 1

# Up to this many records of a kind are also kept as objects once read (a few MB): the
# rules read them over and over, and a draft of prose never holds more.
RECORDS_KEPT_MAX = 50_000


class _Columns(Sequence[_Record]):
    """Records kept as columns of machine integers, each record made when it is read: a
    file of short lines holds a million blocks, sentences and clauses, and an object for
    each (and for its span) cost ten times their text. ``starts`` and ``ends`` are the
    records' spans, in text order. Up to RECORDS_KEPT_MAX records, the objects are kept
    once made."""

    def __init__(self) -> None:
        self.starts = array(OFFSET)
        self.ends = array(OFFSET)
        self._kept: list[_Record] | None = None

    def __len__(self) -> int:
        return len(self.starts)

    def _records(self) -> list[_Record] | None:
        if self._kept is None and len(self.starts) <= RECORDS_KEPT_MAX:
            self._kept = [self._make(i) for i in range(len(self.starts))]
        return self._kept

    @overload
    def __getitem__(self, index: int) -> _Record: ...

    @overload
    def __getitem__(self, index: slice) -> list[_Record]: ...

    def __getitem__(self, index: int | slice) -> _Record | list[_Record]:
        kept = self._records()
        if kept is not None:
            return kept[index]
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._make(index)

    def __iter__(self) -> Iterator[_Record]:
        kept = self._records()
        return iter(kept) if kept is not None else self._made()

    def _made(self) -> Iterator[_Record]:
        return map(self._make, range(len(self)))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"

    def span(self, index: int) -> Span:
        return Span(self.starts[index], self.ends[index])

    def _make(self, index: int) -> _Record:
        raise NotImplementedError


class Blocks(_Columns[Block]):
    """The blocks of a draft (``Block.index`` is the position)."""

    def __init__(self) -> None:
        super().__init__()
        self.kinds = array("B")

    def add(self, kind: BlockKind, start: int, end: int) -> None:
        self._kept = None
        self.kinds.append(_KIND_CODES[kind])
        self.starts.append(start)
        self.ends.append(end)

    def _make(self, index: int) -> Block:
        return Block(index, _KINDS[self.kinds[index]], Span(self.starts[index], self.ends[index]))

    def _made(self) -> Iterator[Block]:
        kinds = _KINDS
        for index, (kind, start, end) in enumerate(zip(self.kinds, self.starts, self.ends, strict=True)):
            yield Block(index, kinds[kind], Span(start, end))


class Sentences(_Columns[Sentence]):
    def __init__(self) -> None:
        super().__init__()
        self.blocks = array(OFFSET)

    def add(self, block: int, start: int, end: int) -> None:
        self._kept = None
        self.blocks.append(block)
        self.starts.append(start)
        self.ends.append(end)

    def _make(self, index: int) -> Sentence:
        return Sentence(self.blocks[index], Span(self.starts[index], self.ends[index]))

    def _made(self) -> Iterator[Sentence]:
        for block, start, end in zip(self.blocks, self.starts, self.ends, strict=True):
            yield Sentence(block, Span(start, end))


class Clauses(_Columns[Clause]):
    def __init__(self) -> None:
        super().__init__()
        self.blocks = array(OFFSET)
        self.sentences = array(OFFSET)
        self.flags = array("B")  # _FIRST | _LAST

    def add(self, block: int, sentence: int, start: int, end: int, first: bool, last: bool) -> None:
        self._kept = None
        self.blocks.append(block)
        self.sentences.append(sentence)
        self.starts.append(start)
        self.ends.append(end)
        self.flags.append((_FIRST if first else 0) | (_LAST if last else 0))

    def _make(self, index: int) -> Clause:
        flags = self.flags[index]
        return Clause(
            self.blocks[index],
            self.sentences[index],
            Span(self.starts[index], self.ends[index]),
            bool(flags & _FIRST),
            bool(flags & _LAST),
        )

    def _made(self) -> Iterator[Clause]:
        columns = zip(self.blocks, self.sentences, self.starts, self.ends, self.flags, strict=True)
        for block, sentence, start, end, flags in columns:
            yield Clause(block, sentence, Span(start, end), bool(flags & _FIRST), bool(flags & _LAST))


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
    blocks: Blocks
    sentences: Sentences
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
        i = bisect.bisect_right(self.blocks.starts, offset) - 1
        if i >= 0 and offset < self.blocks.ends[i]:
            return self.blocks[i]
        return None

    def sentences_of(self, block: Block) -> list[Sentence]:
        lo = bisect.bisect_left(self.sentences.blocks, block.index)
        hi = bisect.bisect_right(self.sentences.blocks, block.index)
        return self.sentences[lo:hi]

    @cached_property
    def clauses(self) -> Clauses:
        # The clause marks of the whole text are found in one scan and dealt out to
        # the sentences (this runs for every document: one scan per sentence cost more).
        pattern = _CLAUSE_BREAK if self.wrap_width is None else _CLAUSE_BREAK_UNWRAPPED
        marks = array(OFFSET, (m.start() for m in pattern.finditer(self.masked)))  # one character each
        if self.breaks:  # the line breaks of a layout break are not pauses
            gaps = self.break_gaps
            starts = [g.start for g in gaps]

            def in_gap(mark: int) -> bool:
                i = bisect.bisect_right(starts, mark) - 1
                return i >= 0 and mark < gaps[i].end

            marks = array(OFFSET, (m for m in marks if not in_gap(m)))
        out = Clauses()
        add = out.add
        k = 0
        sentences = self.sentences
        columns = zip(sentences.blocks, sentences.starts, sentences.ends, strict=True)
        for i, (block, start, end) in enumerate(columns):
            lo = bisect.bisect_left(marks, start, k)
            k = bisect.bisect_left(marks, end, lo)  # the marks inside the sentence
            if lo == k:  # no mark inside: the sentence is one clause
                add(block, i, start, end, True, True)
                continue
            pending: tuple[int, int] | None = None  # a clause is written when the next one is found
            first = True
            for mark in marks[lo:k]:
                if mark > start:
                    if pending is not None:
                        add(block, i, *pending, first, False)
                        first = False
                    pending = (start, mark)
                start = mark + 1
            if end > start:
                if pending is not None:
                    add(block, i, *pending, first, False)
                    first = False
                pending = (start, end)
            if pending is not None:
                add(block, i, *pending, first, True)
        return out

    def clause_at(self, offset: int) -> Clause | None:
        """The clause that holds ``offset``, if any (not its punctuation)."""
        i = bisect.bisect_right(self.clauses.starts, offset) - 1
        if i >= 0 and offset < self.clauses.ends[i]:
            return self.clauses[i]
        return None


def han_count(text: str) -> int:
    # Counting what is not Han: far fewer pieces to collect in Chinese text.
    return len(text) - sum(map(len, _NOT_HAN.findall(text)))


def line_starts_of(text: str) -> array[int]:
    """Where each line starts: an array of machine integers (a list of int objects costs
    five times the memory, and a file may hold millions of lines)."""
    starts = array(OFFSET, [0])
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def segment(text: str, places: list[tuple[int, ...]] | None = None) -> Segments:
    if len(text) > OFFSET_MAX:
        raise ValueError(f"a draft of {len(text)} characters is longer than hegao reads ({OFFSET_MAX})")
    line_starts = line_starts_of(text)
    lines = _lines(text, line_starts)
    skipped = _non_prose_regions(text, lines)
    masked = _mask(text, skipped)
    # Masking blanks lines, which changes which of them are blank.
    blocks, wrap_width = _blocks(masked, lines if masked is text else _lines(masked, line_starts))
    breaks = find_breaks(masked, blocks)
    sentences = _logical_sentences(masked, blocks, breaks)
    return Segments(text, masked, blocks, sentences, skipped, line_starts, wrap_width, breaks, places)


def _logical_sentences(masked: str, blocks: Blocks, breaks: list[int]) -> Sentences:
    """Sentences of each run of blocks joined by layout breaks; each belongs to the block
    it starts in."""
    out = Sentences()
    continued = set(breaks)
    starts = blocks.starts
    i = 0
    while i < len(blocks):
        j = i
        while j in continued and j + 1 < len(blocks):
            j += 1
        # A run's sentences each belong to the block they start in.
        _sentences(masked, starts, i, j, blocks.ends[j], out)
        i = j + 1
    return out


class _Lines:
    """(start, end) of each line's content, without its line ending, as two columns."""

    def __init__(self) -> None:
        self.starts = array(OFFSET)
        self.ends = array(OFFSET)

    def __len__(self) -> int:
        return len(self.starts)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends, strict=True)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]

    def add(self, start: int, end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)


def _lines(text: str, line_starts: Sequence[int]) -> _Lines:
    """Each line's content; a run of blank lines is one blank line (the first), since
    every reader asks only whether a blank line stands between two lines -- a file of a
    million blank lines holds one line, not a million."""
    out = _Lines()
    n = len(text)
    blank = False
    for i, start in enumerate(line_starts):
        end = line_starts[i + 1] - 1 if i + 1 < len(line_starts) else n
        if end > start and text[end - 1] == "\r":
            end -= 1
        if start == end or text[start:end].isspace():
            if blank:
                continue
            blank = True
        else:
            blank = False
        out.add(start, end)
    return out


def _non_prose_regions(text: str, lines: _Lines) -> list[Span]:
    regions: list[Span] = []
    i = 0
    # YAML front matter: only at the very start of the file.
    if len(lines) and text[lines.starts[0] : lines.ends[0]].strip() == "---":
        for j in range(1, len(lines)):
            if text[lines.starts[j] : lines.ends[j]].strip() in ("---", "..."):
                regions.append(Span(0, lines.ends[j]))
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


def _without_page_marks(masked: str, lines: _Lines) -> _Lines:
    """The lines without page marks (- 3 -, — —) and the bare page number beside one."""
    mark = bytearray(_PAGE_MARK.match(masked, s, e) is not None for s, e in lines)
    if not any(mark):
        return lines
    out = _Lines()
    for i, (s, e) in enumerate(lines):
        beside = (i > 0 and mark[i - 1]) or (i + 1 < len(lines) and mark[i + 1])
        if mark[i] or (beside and _PAGE_NUMBER.match(masked, s, e)):
            continue
        out.add(s, e)
    return out


# A line of a table typed with spaces: two columns apart.
_ALIGNED_COLUMNS = regex.compile(r"\S[ \t　]{2,}\S")


def hard_wrap_width(masked: str, lines: Iterable[tuple[int, int]]) -> int | None:
    """The width at which a file's lines were cut (text converted from PDF), if they were.

    Most prose lines are then about as wide as the widest ones (digits and spaces make
    a justified line's width vary by a few columns) and end in the middle of a
    sentence. Table rows typed with spaces are left out of the count.
    """
    # Each prose line's width, start and end (without trailing spaces), as columns.
    widths, starts, ends = array(OFFSET), array(OFFSET), array(OFFSET)
    for s, e in lines:
        body = masked[s:e].strip()
        if body and not _ALIGNED_COLUMNS.search(body):
            line = masked[s:e].rstrip()
            widths.append(_width(line))
            starts.append(s)
            ends.append(s + len(line))
    if len(widths) < HARD_WRAP_MIN_LINES:
        return None
    top = sorted(widths)[int(WRAP_TOP_PERCENTILE * len(widths))]
    full = array(OFFSET, (i for i, width in enumerate(widths) if width >= FULL_LINE_SHARE_OF_TOP * top))
    if top < MIN_WRAP_COLUMNS or len(full) < MIN_FULL_LINES * len(widths):
        return None
    open_ended = sum(1 for i in full if not _LINE_END_FINAL.search(masked, starts[i], ends[i]))
    if open_ended < MIN_OPEN_ENDED * len(full):
        return None
    return sorted(widths[i] for i in full)[len(full) // 2]


def _short_of(width: int, wrap_width: int) -> bool:
    """A line well short of the wrap width ends its paragraph."""
    return width < wrap_width * PARAGRAPH_END_SHARE


def _blocks(masked: str, all_lines: _Lines) -> tuple[Blocks, int | None]:
    # Page marks of a document converted from PDF (- 3 -, — 4 —) stand between the lines
    # of a paragraph: leave them out, as if the page had not ended there.
    lines = _without_page_marks(masked, all_lines)
    nonblank = bytearray(s != e and not masked[s:e].isspace() for s, e in lines)
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

    blocks = Blocks()

    def close(first: int, last: int) -> None:  # the lines first..last make a block
        start, end = lines.starts[first], lines.ends[last]
        while start < end and masked[start].isspace():
            start += 1
        while end > start and masked[end - 1].isspace():
            end -= 1
        if start < end:
            blocks.add(_kind(masked[start:end], last + 1 - first), start, end)

    current: int | None = None  # the first line of the block being read
    hashes = "#" in masked  # a heading needs one: plain text seldom has any
    for i, (s, e) in enumerate(lines):
        if not nonblank[i]:
            if current is not None:
                close(current, i - 1)
            current = None
            continue
        line = masked[s:e]
        starts_new = current is not None and (
            one_per_line
            or line.startswith("\f")  # a form feed: a new page
            or (hashes and _ATX_HEADING.match(line) is not None)
            or _LIST_ITEM.match(line) is not None
            or _ends_block(masked, lines[i - 1])
            or (
                wrap_width is not None
                and _short_of(_width(masked[lines.starts[i - 1] : lines.ends[i - 1]].rstrip()), wrap_width)
            )
        )
        if starts_new and current is not None:
            close(current, i - 1)
            current = None
        if current is None:
            current = i
    if current is not None:
        close(current, len(lines) - 1)
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


def _sentences(
    masked: str, block_starts: Sequence[int], first: int, last: int, end: int, out: Sentences
) -> None:
    """The sentences of blocks ``first`` to ``last`` (one block, or a run of blocks joined
    by layout breaks) up to ``end``, each without the spaces around it and belonging to
    the block it starts in."""
    start = block_starts[first]
    ends = [m.end() for m in _SENTENCE_END.finditer(masked, start, end)]
    ends.append(end)
    for stop in ends:
        text = masked[start:stop].lstrip()
        if text:
            at = stop - len(text)
            until = at + len(text.rstrip())
            pieces = ((at, until),) if until - at <= SENTENCE_MAX_CHARS else _pieces(masked, at, until)
            for a, b in pieces:
                block = first if first == last else bisect.bisect_right(block_starts, a, first, last + 1) - 1
                out.add(block, a, b)
        start = stop


def _pieces(masked: str, start: int, end_of_run: int) -> Iterator[tuple[int, int]]:
    """A run longer than SENTENCE_MAX_CHARS in pieces of at most that length, each ending
    after its last clause mark (else between two characters that are not both part of a
    word or a number), without the spaces around them."""
    while start < end_of_run:
        while start < end_of_run and masked[start].isspace():
            start += 1
        end = min(end_of_run, start + SENTENCE_MAX_CHARS)
        if end < end_of_run:
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
            yield start, stop
        start = end
