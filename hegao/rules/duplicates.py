"""Repeated text: paragraphs and sentences pasted twice."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, ClassVar

import regex

from hegao.checker.document import Block, BlockKind, Clause, Document, han_count
from hegao.checker.model import Finding, Related, Span
from hegao.checker.rule import Rule

PARAGRAPH_MIN_HAN = 20
CLAUSE_MIN_HAN = 16
SHINGLE = 8
# A clause repeated more often than this is a stock phrase: only its latest
# occurrences are compared.
MAX_POSTINGS = 40
# Far apart, a repeated sentence is usually a recap or a slogan; close by, a paste.
NEARBY_BLOCKS = 2


_WORD_RUN = regex.compile(r"[\p{Han}\p{L}\p{N}]+")


@dataclass(frozen=True, slots=True)
class _Words:
    """The document's letters, digits and Han characters (lower-cased), kept as runs:
    run k starts at ``text_starts[k]`` in the original text and at ``word_starts[k]``
    in ``words``. Runs, not one offset per character, keep this small and fast."""

    words: str
    text_starts: list[int]
    word_starts: list[int]

    def index_at(self, offset: int) -> int:
        """Index in ``words`` of the first word character at or after ``offset``."""
        k = bisect.bisect_right(self.text_starts, offset) - 1
        if k < 0:
            return 0
        inside = offset - self.text_starts[k]
        end = self.word_starts[k + 1] if k + 1 < len(self.word_starts) else len(self.words)
        return min(self.word_starts[k] + inside, end)

    def offset_of(self, index: int) -> int:
        """Offset in the original text of ``words[index]``."""
        k = bisect.bisect_right(self.word_starts, index) - 1
        return self.text_starts[k] + index - self.word_starts[k]


def _document_words(doc: Document) -> _Words:
    def compute() -> _Words:
        lowered = doc.masked.lower()
        if len(lowered) != len(doc.masked):  # İ lowers to two characters: keep it as is
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in doc.masked)
        chars: list[str] = []
        text_starts: list[int] = []
        word_starts: list[int] = []
        size = 0
        for m in _WORD_RUN.finditer(lowered):
            run = m.group()
            chars.append(run)
            text_starts.append(m.start())
            word_starts.append(size)
            size += len(run)
        return _Words("".join(chars), text_starts, word_starts)

    return doc.memo("document_words", compute)


@dataclass(frozen=True, slots=True)
class _Normalized:
    """The word characters of a span of the document: ``words.words[lo:lo + len(text)]``."""

    text: str
    words: _Words
    lo: int

    def span(self, start: int, end: int) -> Span:
        return Span(self.words.offset_of(self.lo + start), self.words.offset_of(self.lo + end - 1) + 1)


def _normalize(doc: Document, span: Span) -> _Normalized:
    words = _document_words(doc)
    lo = words.index_at(span.start)
    hi = words.index_at(span.end)
    return _Normalized(words.words[lo:hi], words, lo)


@dataclass(frozen=True, slots=True)
class _ParagraphCopy:
    later: Span  # the repeated text in the later paragraph
    earlier: Span  # what it repeats
    whole: bool  # the later paragraph is entirely a copy


def _paragraph_copies(doc: Document, min_han: int = PARAGRAPH_MIN_HAN) -> list[_ParagraphCopy]:
    return doc.memo(f"paragraph_copies:{min_han}", lambda: list(_find_paragraph_copies(doc, min_han)))


def _find_paragraph_copies(doc: Document, min_han: int) -> Iterator[_ParagraphCopy]:
    paragraphs: list[tuple[Block, _Normalized]] = []
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            continue
        if _is_title_like(doc, block):
            continue
        norm = _normalize(doc, block.span)
        if han_count(norm.text) >= min_han:
            paragraphs.append((block, norm))
    # Candidates are the paragraphs that share at least half of their 8-character
    # shingles. Each shingle maps to the latest paragraph that holds it (dict and
    # Counter do the counting in C), so the search is linear in the text; a copy of an
    # old paragraph whose shingles recur later is found through the later paragraph.
    latest: dict[str, int] = {}
    sizes: list[int] = []
    for i, (block, norm) in enumerate(paragraphs):
        text = norm.text
        shingles = {text[j : j + SHINGLE] for j in range(max(1, len(text) - SHINGLE + 1))}
        sizes.append(len(shingles))
        shared = Counter(map(latest.get, shingles, itertools.repeat(-1)))
        del shared[-1]
        latest.update(dict.fromkeys(shingles, i))
        for j in sorted(shared):
            if shared[j] * 2 < min(len(shingles), sizes[j]):
                continue
            copy = _compare(paragraphs[j], (block, norm))
            if copy is not None:
                yield copy
                break


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
        Headings and short lines are not compared.

    Why it matters:
        Pasting a paragraph twice is the commonest slip when a draft is assembled from
        several sources, and a published bulletin that says the same thing twice looks
        careless.

    Example:
        全市公安机关持续开展夏季治安打击整治行动，共出动警力三千余人次。

        （中间段落……）

        全市公安机关持续开展夏季治安打击整治行动，共出动警力三千余人次。

    Instead:
        Delete the later copy, or merge the two paragraphs if they were meant to differ.
    """

    code = "DUP001"
    name = "duplicate-paragraph"
    scope = "document"
    default_options: ClassVar[dict[str, Any]] = {"min-han": PARAGRAPH_MIN_HAN}

    def check(self, doc: Document) -> Iterator[Finding]:
        for copy in _paragraph_copies(doc, self.options["min-han"]):
            line = doc.line_col(copy.earlier.start)[0]
            what = "本段与" if copy.whole else "本段包含"
            yield self.finding(
                copy.later,
                f"{what}第 {line} 行的段落重复",
                (Related(copy.earlier, "先出现的段落"),),
            )


_NOT_WORD = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")


@dataclass(frozen=True, slots=True)
class _Clause:
    norm: str  # its letters, digits and Han characters, lower-cased
    clause: Clause
    block: int

    def han(self) -> int:
        return han_count(self.norm)

    def span(self, doc: Document) -> Span:
        """From its first to its last letter, digit or Han character."""
        return _normalize(doc, self.clause.span).span(0, len(self.norm))


def _clauses(doc: Document) -> list[_Clause]:
    # Only clauses that recur are measured and located, so each is normalized with one
    # substitution here and its span and Han count are worked out when needed.
    skipped = {b.index for b in doc.blocks if b.kind is BlockKind.HEADING or _is_title_like(doc, b)}
    out: list[_Clause] = []
    masked = doc.masked
    strip = _NOT_WORD.sub
    for clause in doc.clauses:
        if clause.block in skipped:
            continue
        raw = strip("", masked[clause.span.start : clause.span.end])
        if raw:
            lowered = raw.lower()
            out.append(_Clause(lowered if len(lowered) == len(raw) else raw, clause, clause.block))
    return out


_QUOTE = regex.compile(r"(?P<open>[“「『])|[”」』]")


def _quote_depths(doc: Document) -> tuple[list[int], list[int]]:
    """Offsets of the quotation marks and how many are open just after each."""

    def compute() -> tuple[list[int], list[int]]:
        offsets: list[int] = []
        depths: list[int] = []
        depth = 0
        for m in _QUOTE.finditer(doc.masked):
            depth += 1 if m.group("open") else -1
            offsets.append(m.start())
            depths.append(depth)
        return offsets, depths

    return doc.memo("quote_depths", compute)


def _quoted(doc: Document, offset: int, block: int) -> bool:
    """Quoted words (a slogan, a saying) are repeated on purpose: more quotes are
    opened than closed between the start of the paragraph and ``offset``."""
    offsets, depths = _quote_depths(doc)

    def depth_before(at: int) -> int:
        i = bisect.bisect_left(offsets, at)
        return depths[i - 1] if i else 0

    return depth_before(offset) > depth_before(doc.blocks[block].span.start)


class _Covered:
    """The text DUP001 already reports, for an overlap test by bisection (a document
    pasted together from copies has thousands of them)."""

    def __init__(self, spans: list[Span]) -> None:
        spans = sorted(spans)
        self.starts = [s.start for s in spans]
        # the furthest end among the spans that start at or before each one
        self.reach = list(itertools.accumulate((s.end for s in spans), max))

    def overlaps(self, span: Span) -> bool:
        i = bisect.bisect_left(self.starts, span.end) - 1  # the spans starting before its end
        return i >= 0 and self.reach[i] > span.start


class DuplicateSentence(Rule):
    """A sentence or run of clauses repeats text that appeared earlier.

    What it does:
        Finds a sentence, or a run of consecutive clauses, of at least 16 Han characters
        that already appeared in the same paragraph or in one of the two before it, and
        reports the later copy with the earlier as related. A single repeated clause
        counts when it closes its sentence; a repeated opening clause is parallelism
        (为了……，必须……。为了……，还必须……). Quoted words, and stock phrases that recur
        far apart in a long report (以……为指导), are meant and not reported. Paragraphs
        already reported by DUP001 are not reported again.

    Why it matters:
        Copy-paste leaves fragments behind: a sentence pasted twice in one paragraph, or
        the tail of an earlier paragraph glued to the end of another.

    Example:
        民警逐户走访排查安全隐患，确保风险隐患底数清、情况明、管控牢。发动网格员排查矛盾纠纷，确保风险隐患底数清、情况明、管控牢。

    Instead:
        民警逐户走访排查安全隐患，发动网格员排查矛盾纠纷，确保风险隐患底数清、情况明、管控牢。
    """

    code = "DUP002"
    name = "duplicate-sentence"
    scope = "document"
    default_options: ClassVar[dict[str, Any]] = {"min-han": CLAUSE_MIN_HAN}

    def check(self, doc: Document) -> Iterator[Finding]:
        covered = _Covered([c.later for c in _paragraph_copies(doc)])
        clauses = _clauses(doc)
        seen: dict[str, list[int]] = defaultdict(list)
        i = 0
        while i < len(clauses):
            clause = clauses[i]
            best = (0, 0, 0)  # (han, run length, earlier index)
            # Only nearby copies count. The latest come last, so the walk back stops at
            # the first far one: a document pasted together from many copies does not
            # look at them all for every clause.
            nearby: list[int] = []
            for j in reversed(seen.get(clause.norm, ())[-MAX_POSTINGS:]):
                if clause.block - clauses[j].block > NEARBY_BLOCKS:
                    break
                nearby.append(j)
            for j in reversed(nearby):
                run = 0
                while (
                    i + run < len(clauses) and j + run < i and clauses[j + run].norm == clauses[i + run].norm
                ):
                    run += 1
                han = sum(c.han() for c in clauses[i : i + run])
                if han > best[0]:
                    best = (han, run, j)
            han, run, j = best
            reportable = run and self._reportable(clauses, i, run, han, self.options["min-han"])
            if reportable and not _quoted(doc, clauses[i].span(doc).start, clause.block):
                later = Span(clause.span(doc).start, clauses[i + run - 1].span(doc).end)
                if not covered.overlaps(later):
                    earlier = Span(clauses[j].span(doc).start, clauses[j + run - 1].span(doc).end)
                    line = doc.line_col(earlier.start)[0]
                    yield self.finding(
                        later,
                        f"重复了第 {line} 行已出现的语句（{han} 字）",
                        (Related(earlier, "先出现的语句"),),
                    )
                for k in range(i, i + run):
                    seen[clauses[k].norm].append(k)
                i += run
                continue
            seen[clause.norm].append(i)
            i += 1

    @staticmethod
    def _reportable(clauses: list[_Clause], i: int, run: int, han: int, min_han: int) -> bool:
        if han < min_han:
            return False
        first, last = clauses[i], clauses[i + run - 1]
        whole_sentence = first.clause.first and last.clause.last
        # A repeated opening clause is usually deliberate parallelism (为了……，必须……。
        # 为了……，还必须……); a repeated closing clause or a run of clauses is a paste.
        return run >= 2 or whole_sentence or last.clause.last


RULES = (DuplicateParagraph, DuplicateSentence)
