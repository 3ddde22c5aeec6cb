"""DUP002 duplicate-sentence: a sentence or run of clauses repeats text that appeared
earlier."""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, overload

import regex

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Related, Span
from hegao.checker.text.segments import OFFSET, BlockKind, Clause, Clauses, han_count
from hegao.checker.text.words import word_texts
from hegao.rules.duplicates.shared import (
    Normalized,
    is_title_like,
    quoted_document_blocks,
    restates_a_summary,
)

CLAUSE_MIN_HAN = 16


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


class _Picked(Sequence[Clause]):
    """Some of a document's clauses, by their indices (made when read, as the document's
    own are: a file of many short lines holds a million)."""

    def __init__(self, clauses: Clauses, indices: array[int]) -> None:
        self.clauses = clauses
        self.indices = indices
        self.blocks = array(OFFSET, (clauses.blocks[k] for k in indices))

    def __len__(self) -> int:
        return len(self.indices)

    @overload
    def __getitem__(self, index: int) -> Clause: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Clause]: ...

    def __getitem__(self, index: int | slice) -> Clause | Sequence[Clause]:
        if isinstance(index, slice):
            return [self.clauses[k] for k in self.indices[index]]
        return self.clauses[self.indices[index]]


def _clauses(doc: Document) -> tuple[list[str], _Picked]:
    """The clauses compared, as two parallel sequences: their word characters (lower-cased,
    all that the search reads of most clauses) and the clauses themselves. Clauses of
    headings and title-like lines, and clauses with no word character, are left out."""
    skipped = {b.index for b in doc.blocks if b.kind is BlockKind.HEADING or is_title_like(doc, b)}
    columns = doc.clauses
    indices = array(OFFSET, (k for k, block in enumerate(columns.blocks) if block not in skipped))
    starts = array(OFFSET, (columns.starts[k] for k in indices))
    norms = word_texts(doc.masked, starts, array(OFFSET, (columns.ends[k] for k in indices)))
    kept = array(OFFSET, itertools.compress(indices, norms))
    return list(itertools.compress(norms, norms)), _Picked(columns, kept)


def _clause_span(doc: Document, norm: str, clause: Clause) -> Span:
    """From a clause's first to its last letter, digit or Han character."""
    return Normalized(norm, doc, clause.span.start).span(0, len(norm))


_QUOTE = regex.compile(r"(?P<open>[“「『])|[”」』]")


def _closing_sentences(norms: list[str], clauses: Sequence[Clause]) -> Counter[str]:
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
    default_options: ClassVar[dict[str, Any]] = {"min-han": CLAUSE_MIN_HAN}
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "重复了第 {line} 行已出现的语句（{han} 字）",
            "repeats a passage already on line {line} ({han} characters)",
        ),
        "earlier": (
            "先出现的语句",
            "the earlier passage",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        quotes = _Quotes(doc)
        quoted = quoted_document_blocks(doc)
        norms, clauses = _clauses(doc)
        blocks = clauses.blocks
        closing: Counter[str] | None = None  # read when a repeat is first about to be reported
        # The latest MAX_POSTINGS copies of each clause text (the only ones compared).
        seen: dict[str, deque[int]] = defaultdict(lambda: deque(maxlen=MAX_POSTINGS))
        # The Han characters of a run of clauses, from running sums counted on first need:
        # a run's count is one subtraction, where summing it clause by clause made a
        # document of many repeated lines cost postings × run length per clause.
        running = array(OFFSET)

        def hans_in(start: int, end: int) -> int:
            if not running:
                running.extend(itertools.accumulate((han_count(n) for n in norms), initial=0))
            return running[end] - running[start]

        # A clause written once has no earlier copy and starts no run: skipped at once.
        written = Counter(norms)
        # The run found from each earlier copy j at clause i, carried to clause i + 1:
        # the run from j + 1 there is one shorter, or longer only where it was cut at i
        # (a copy never overlaps the text it copies). Without it, many identical short
        # lines cost postings × run length comparisons per clause.
        runs: dict[int, int] = {}
        runs_at = -2
        i = 0
        while i < len(norms):
            if written[norms[i]] == 1:
                i += 1
                continue
            norm, clause = norms[i], clauses[i]
            best = (0, 0, 0)  # (han, run length, earlier index)
            carried = runs if runs_at == i - 1 else {}
            runs = {}
            runs_at = i
            # Nearby copies count from the rule's minimum, far ones only when long (a
            # recap or a slogan recurs far apart; a pasted passage is long). Only the
            # latest postings are compared: a document pasted together from many copies
            # does not look at them all for every clause.
            for j in seen.get(norm, ()):
                run = max(carried.get(j - 1, 0) - 1, 0)
                while i + run < len(norms) and j + run < i and norms[j + run] == norms[i + run]:
                    run += 1
                runs[j] = run
                han = hans_in(i, i + run)
                if clause.block - blocks[j] > NEARBY_BLOCKS and han < FAR_MIN_HAN:
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
                reportable = not restates_a_summary(quoted, earlier, later)
            if reportable:
                line = doc.line_col(earlier.start)[0]
                yield self.finding(
                    later,
                    self.say("main", line=line, han=han),
                    (Related(earlier, self.say("earlier")),),
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
