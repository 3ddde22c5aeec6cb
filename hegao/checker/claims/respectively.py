"""分别 lists: the subjects listed before 分别 and the values listed after it, paired in
order (盗窃、诈骗案件分别下降12.6%、8.3%); and the same shape without 分别 where it is
unambiguous (subjects, 同比 and a change verb, a list of figures).

Read by structure, within a clause (commas inside brackets and quotes do not end one):
the values are the run of figures after the marker joined by 、, 和, 及, 与 (or a comma
before a figure that is its whole clause); the subjects are the 、 list before the marker
in its clause, else the subjects of the 分别 list or the list of the clause before, else
the clauses before that each state one figure (利润为78亿元，营收为423.6亿元，同比分别下降
27%和14.6%), else, for a 分别 opening its sentence, the periods paired in the sentence
before. A reading the text leaves open (a list joined only by 和, subjects from another
clause, figures with a name between them) is kept only when subjects and values pair
up; only a 、 list of names against a run of joined figures is kept whatever the
counts, for CNT001 to compare. One value after 分别 is one for each subject, read only
after a 、 list of names.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.claims.arithmetic import same_measure
from hegao.checker.claims.clauses import last
from hegao.checker.claims.patterns import CHANGE_WORDS, PERIOD
from hegao.checker.figures.quantities import Kind, Quantity
from hegao.checker.model import Phrase, Span

OPENING = "（(“「《【〔"
CLOSING = "）)”」》】〕"
_MASK = "□"
_CLAUSE_BREAKS = "，,；;：:"
_VALUE_CLAUSE_BREAKS = "，,；;"  # the values may follow a colon: 分别为：12起、8起
_PIECE_BREAKS = "；;"

_RESPECTIVELY = vocab.pattern("counting.respectively")
# A year-on-year change verb heading a list of figures, without 分别.
_IMPLICIT = regex.compile(rf"(?:{vocab.alternation('changes.period_comparison')})(?=(?:{CHANGE_WORDS}))")
_MARKER = regex.compile(rf"{_RESPECTIVELY.pattern}|{_IMPLICIT.pattern}")
# Between a marker without 分别 and its figures: the change verb, and a short verb after it.
_IMPLICIT_LEAD = regex.compile(rf"(?:{CHANGE_WORDS})(?:{vocab.alternation('counting.value_lead')})?\s*")
_CONJUNCTION = vocab.pattern("joining.conjunction")
_SIGN = r"[-－−]?"
# What joins two values of a list: 、, a conjunction, after a bracketed aside (□ once masked).
_JOINED = regex.compile(rf"\s*{_MASK}*\s*(?P<glue>、|{_CONJUNCTION.pattern})\s*{_SIGN}\s*")
_GLUE_BEFORE = regex.compile(rf"(?:、|{_CONJUNCTION.pattern})\s*{_SIGN}\s*$")
_LIST_CLOSE = vocab.pattern("counting.open_list_end")
_LIST_COUNT = regex.compile(rf"{_LIST_CLOSE.pattern}\s*$")
_NUMERAL = regex.compile(r"[0-9０-９零〇一二三四五六七八九十两百千]")
_LIST_GOES_ON = regex.compile(rf"\s*(?:、|{_CONJUNCTION.pattern})")
_COMMA = regex.compile(rf"\s*{_MASK}*\s*[，,]\s*{_SIGN}\s*")
# 、 and a name before the next figure: 排涝机器人2台、电动排涝车2台.
_NAMED = regex.compile(r"\s*、\s*\p{Han}+\s*")
# A figure that modifies a noun after it (占总数1386起的57.1%) is not one of the values.
_MODIFIER = regex.compile(rf"\s*(?:{vocab.alternation('counting.figure_modifier')})")
_TRAILING_COMPARISON = regex.compile(
    rf"(?:{vocab.alternation('comparison')}|{vocab.alternation('changes.period_comparison')})+\s*$"
)
_BREAKDOWN = vocab.pattern("breakdown")
# What the first subject may follow in its clause (其中2023年全市的A、B…), and the words that
# end the last (A、B为代表的…, A、B的…): a name is at least two characters.
_BEFORE_SUBJECTS = regex.compile(rf"{PERIOD.pattern}|(?:{vocab.alternation('counting.before_subjects')})")
_AFTER_SUBJECTS = vocab.pattern("counting.after_subjects")
_DURATIONS = frozenset(vocab.words("time.duration"))
_PER_UNIT_BEFORE = regex.compile(rf"(?:{vocab.alternation('per_unit')})\s*$")
_PERIOD_ITEM = regex.compile(rf"(?:{vocab.alternation('counting.before_period')})?(?:{PERIOD.pattern})+")
NAME_MIN = 2
_TRAILING_COPULA = regex.compile(rf"(?:{vocab.alternation('claims.copula')})?\s*$")
_WORDLESS = regex.compile(r"[\s\p{P}□]*")


Subject = Phrase  # one listed subject (东港分局), as written


@dataclass(frozen=True, slots=True)
class Respectively:
    """Subjects paired in order with values, ``per_subject`` values each (usually one):
    东港分局、西港分局分别破案12起、8起."""

    subjects: tuple[Subject, ...]
    values: tuple[Quantity, ...]
    per_subject: int
    marker: Span  # 分别, or the 同比 of a list of changes without it

    @property
    def shared(self) -> bool:
        """One value said of every subject: 分别下降2% is 2% each."""
        return len(self.values) == 1

    @property
    def subjects_span(self) -> Span:
        return Span(self.subjects[0].span.start, self.subjects[-1].span.end)

    @property
    def values_span(self) -> Span:
        return Span(self.values[0].span.start, self.values[-1].span.end)


class _Glue(Enum):
    LIST = "、"
    CONJUNCTION = "和"
    COMMA = "，"
    NAMED = "named"  # 、 and a name: the values are not a plain list


@dataclass(frozen=True, slots=True)
class _Values:
    values: tuple[Quantity, ...]
    glue: tuple[_Glue, ...]

    @property
    def plain(self) -> bool:
        return _Glue.NAMED not in self.glue

    def per_subject(self, subjects: int) -> int:
        """How many values each subject gets: more than one when the glue groups them
        (12起和20人、8起和15人: two, joined by 和 within a group and by 、 between), unless
        there are as many values as subjects."""
        n = len(self.values)
        if n == subjects:
            return 1
        for size in range(2, n // 2 + 1):
            if n % size:
                continue
            outer = {g for i, g in enumerate(self.glue) if (i + 1) % size == 0}
            inner = {g for i, g in enumerate(self.glue) if (i + 1) % size}
            if len(outer) == 1 and len(inner) == 1 and outer != inner and _Glue.NAMED not in outer | inner:
                return size
        return 1


@dataclass(frozen=True, slots=True)
class _Subjects:
    subjects: tuple[Subject, ...]
    listed: bool  # a 、 list of names in the marker's clause: its count is what the text says


class _Sentence:
    """One sentence as the reader needs it: the depth of brackets and quotes at each
    character, the text with what is inside deeper brackets masked, its clauses."""

    def __init__(
        self, text: str, span: Span, quantities: Sequence[Quantity], earlier: Respectively | None
    ) -> None:
        self.text = text
        self.span = span
        self.quantities = sorted(quantities, key=lambda q: q.span.start)
        self.starts = [q.span.start for q in self.quantities]
        self.earlier = earlier  # the last 分别 list of the sentence before, in its paragraph
        depth = 0
        depths = []
        for ch in text[span.start : span.end]:
            if ch in OPENING:
                depth += 1
                depths.append(depth)
            elif ch in CLOSING and depth:
                depths.append(depth)
                depth -= 1
            else:
                depths.append(depth)
        self.depths = depths
        self.top = "".join(
            ch if d == 0 else _MASK for ch, d in zip(text[span.start : span.end], depths, strict=True)
        )
        self.breaks = [i for i, ch in enumerate(self.top) if ch in _CLAUSE_BREAKS]

    def at_top(self, q: Quantity) -> bool:
        return self.depths[q.span.start - self.span.start] == 0

    def clause_of(self, offset: int) -> tuple[int, int]:
        """The clause (sentence offsets) that holds sentence offset ``offset``."""
        start = max((b + 1 for b in self.breaks if b < offset), default=0)
        end = min((b for b in self.breaks if b >= offset), default=len(self.top))
        return start, end

    def value_end(self, offset: int) -> int:
        return min(
            (i for i in self.breaks if i >= offset and self.top[i] in _VALUE_CLAUSE_BREAKS),
            default=len(self.top),
        )

    def piece_start(self, offset: int) -> int:
        return max((b + 1 for b in self.breaks if b < offset and self.top[b] in _PIECE_BREAKS), default=0)

    def figures(self, start: int, end: int) -> list[Quantity]:
        """The figures outside brackets between two sentence offsets."""
        lo, hi = self.span.start + start, self.span.start + end
        found = self.quantities[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]
        return [q for q in found if q.span.end <= hi and self.at_top(q)]

    def figures_from(self, start: int) -> Iterator[Quantity]:
        """The figures outside brackets from a sentence offset on, read as needed."""
        for q in self.quantities[bisect.bisect_left(self.starts, self.span.start + start) :]:
            if self.at_top(q):
                yield q

    def subject(self, start: int, end: int) -> Subject | None:
        """The words between two sentence offsets as a subject, spaces trimmed."""
        words = self.text[self.span.start + start : self.span.start + end]
        stripped = words.strip()
        if _WORDLESS.fullmatch(stripped):
            return None
        begin = self.span.start + start + (len(words) - len(words.lstrip()))
        return Subject(Span(begin, begin + len(stripped)), stripped)


def respectively_in(
    text: str, sentence: Span, quantities: Sequence[Quantity], earlier: Respectively | None = None
) -> list[Respectively]:
    """The 分别 lists of one sentence, given its figures and the last 分别 list of the
    sentence before it in its paragraph (whose periods it may pair again)."""
    if not quantities or not _MARKER.search(text, sentence.start, sentence.end):
        return []
    s = _Sentence(text, sentence, quantities, earlier)
    out: list[Respectively] = []
    by_clause: dict[int, Respectively] = {}
    resume = 0
    # A marker's subjects stand after the last 分别 and the last values read (and a list
    # without 分别, after the last such marker too).
    floor = implicit_floor = 0
    for m in _MARKER.finditer(s.top):
        implicit = _RESPECTIVELY.fullmatch(m.group()) is None
        if m.start() < resume:
            continue  # 分别同比增长: the 同比 leads the values of the 分别
        found = _read(s, m, implicit, implicit_floor if implicit else floor, by_clause)
        if implicit:
            implicit_floor = max(floor, m.end())
        else:
            floor = implicit_floor = m.end()
        if found is None:
            continue
        out.append(found)
        by_clause[s.clause_of(m.start())[0]] = found
        by_clause[s.clause_of(found.values[-1].span.start - sentence.start)[0]] = found
        resume = floor = implicit_floor = found.values[-1].span.end - sentence.start
    return out


def _read(
    s: _Sentence, m: regex.Match[str], implicit: bool, floor: int, by_clause: dict[int, Respectively]
) -> Respectively | None:
    run = _values(s, m.end(), implicit)
    if run is None:
        return None
    clause_start, _ = s.clause_of(m.start())
    head_start = max(clause_start, floor)  # 分别于A、B、C发行规模分别为…: the dates
    head_end = head_start + len(_TRAILING_COMPARISON.sub("", s.top[head_start : m.start()]))
    subjects = _listed(s, head_start, head_end, len(run.values), own=True)
    if implicit and (subjects is None or not subjects.listed or len(run.values) < 2 or not run.plain):
        return None
    if subjects is None and head_start == clause_start:
        subjects = _from_before(s, clause_start, head_end, len(run.values), by_clause)
    if subjects is None:
        return None
    if len(run.values) == 1:
        # One value for each subject: only after a plain list of names, with no other
        # figure in its clause and no number in the words before it (分别储备足够一年到两年).
        lead = s.top[m.end() : run.values[0].span.start - s.span.start]
        if not subjects.listed or len(s.figures(m.end(), s.value_end(m.end()))) > 1 or _NUMERAL.search(lead):
            return None
        return Respectively(subjects.subjects, run.values, 1, _marker(s, m))
    per_subject = run.per_subject(len(subjects.subjects))
    if len(subjects.subjects) * per_subject != len(run.values) and not (subjects.listed and run.plain):
        return None  # an open reading is kept only when it pairs up
    return Respectively(subjects.subjects, run.values, per_subject, _marker(s, m))


def _marker(s: _Sentence, m: regex.Match[str]) -> Span:
    return Span(s.span.start + m.start(), s.span.start + m.end())


def _values(s: _Sentence, start: int, implicit: bool) -> _Values | None:
    """The figures listed after a marker (sentence offset ``start``), in its clause."""
    end = s.value_end(start)
    following = s.figures_from(start)
    first = next(following, None)
    while first is not None and _MODIFIER.match(s.top, first.span.end - s.span.start):
        first = next(following, None)  # 占总数1386起的57.1%、19.4%
    if first is None or first.span.end - s.span.start > end:
        return None
    if _GLUE_BEFORE.search(s.top, start, first.span.start - s.span.start):
        return None  # 排第25、26、49位: the list began with what is no figure (an ordinal)
    if _LIST_COUNT.search(s.top, start, first.span.start - s.span.start):
        return None  # 分别来自日本、德国等34个国家: the count of a list, not its values
    if implicit and not _IMPLICIT_LEAD.fullmatch(s.top, start, first.span.start - s.span.start):
        return None
    run, glue = [first], []
    for q in following:
        kind = _glue(s, run[-1], q)
        if kind is None or (kind is _Glue.NAMED and not _alike(run[-1], q)):
            break
        run.append(q)
        glue.append(kind)
    if run[-1].kind is Kind.NUMBER:
        return None  # bare numbers only before a figure whose unit they share: 4.4、2.1个百分点
    if len(run) == 1 and _LIST_GOES_ON.match(s.top, first.span.end - s.span.start, end):
        return None  # 分别立案12起和破案8起: a list that goes on, not one value for each
    return _Values(tuple(run), tuple(glue))


def _glue(s: _Sentence, before: Quantity, after: Quantity) -> _Glue | None:
    lo, hi = before.span.end - s.span.start, after.span.start - s.span.start
    m = _JOINED.fullmatch(s.top, lo, hi)
    if m:
        return _Glue.LIST if m.group("glue") == "、" else _Glue.CONJUNCTION
    if _COMMA.fullmatch(s.top, lo, hi):
        # A comma ends the list unless the figure after it is its whole clause.
        _, clause_end = s.clause_of(hi)
        if _WORDLESS.fullmatch(s.top, after.span.end - s.span.start, clause_end):
            return _Glue.COMMA
        return None
    if _NAMED.fullmatch(s.top, lo, hi) and not _MARKER.search(s.top, lo, hi):
        return _Glue.NAMED  # a name, not the words of another list
    return None


def _alike(a: Quantity, b: Quantity) -> bool:
    return same_measure(a, b) and a.kind is not Kind.NUMBER


def _listed(s: _Sentence, start: int, end: int, values: int, own: bool) -> _Subjects | None:
    """The subjects listed between two sentence offsets: a 、 list, the last item split at
    和 / 及 when that pairs them with the values (or there is one value for all); else a
    list joined by conjunctions alone, kept when it pairs up. Which figures the items
    may name: see ``_with_figures``."""
    head = s.top[start:end]
    if not head.strip() or _RESPECTIVELY.search(head):
        return None
    if "、" in head:
        cuts = [start + i for i, ch in enumerate(head) if ch == "、"]
        items = list(zip([start, *(c + 1 for c in cuts)], [*cuts, end], strict=True))
        for k in range(len(items) - 2, -1, -1):
            closed = last(_LIST_CLOSE.finditer(s.top, *items[k]))
            if closed is not None and closed.end() < items[k][1]:
                # 钟表、箱包等限额以上单位金银珠宝类、日用品类零售额: the list closed by 等
                # qualifies the subjects listed after it.
                items = [(closed.end(), items[k][1]), *items[k + 1 :]]
                break
        last_start, last_end = items[-1]
        joins = list(_CONJUNCTION.finditer(s.top, last_start, last_end))
        if joins and (len(items) + len(joins) == values or values == 1):
            items = items[:-1] + _split(last_start, last_end, joins)
        return _subjects(s, items, own, joined=False)
    joins = list(_CONJUNCTION.finditer(s.top, start, end))
    if joins and len(joins) + 1 == values:
        return _subjects(s, _split(start, end, joins), own, joined=True)
    return None


def _split(start: int, end: int, joins: list[regex.Match[str]]) -> list[tuple[int, int]]:
    bounds = [start, *(x for j in joins for x in (j.start(), j.end())), end]
    return list(zip(bounds[::2], bounds[1::2], strict=True))


def _subjects(s: _Sentence, items: list[tuple[int, int]], own: bool, joined: bool) -> _Subjects | None:
    plain = _with_figures(s, items, own)
    if plain is None:
        return None
    items[0] = _first(s, *items[0])
    items[-1] = _last(s, *items[-1])
    subjects = [s.subject(a, b) for a, b in items]
    if any(x is None or not _named(s, x) for x in subjects):
        return None
    return _Subjects(tuple(x for x in subjects if x is not None), own and plain and not joined)


def _with_figures(s: _Sentence, items: list[tuple[int, int]], own: bool) -> bool | None:
    """Whether the items are a plain list of names (True), a list that names figures too
    (False: kept only when it pairs up), or no list of subjects (None). Figures that only
    frame the list do not count: a period (近3年), a unit of a rate (每50公斤), or the count
    of the list (A、B、C居于前三位). In the marker's own clause, an item names at most one
    figure; in the clause before, each names one (A 791起、B 269起) or only the last item
    names some (A、B均为13%，分别达到…)."""
    region = [q for q in s.figures(items[0][0], items[-1][1]) if not _framing(s, q, len(items))]
    inside = [[q for q in region if a <= q.span.start - s.span.start < b] for a, b in items]
    counted = [[q for q in found if q.unit] for found in inside]  # a bare number may be a name's: 92#汽油
    if not any(counted):
        return True
    if own:
        return False if all(len(found) <= 1 for found in counted) else None
    each = all(len(found) == 1 for found in inside)
    return False if each or not any(counted[:-1]) else None


def _framing(s: _Sentence, q: Quantity, items: int) -> bool:
    if q.unit in _DURATIONS:
        return True
    if _PER_UNIT_BEFORE.search(s.top, 0, q.span.start - s.span.start):
        return True
    return q.kind is Kind.COUNT and q.value == items


def _first(s: _Sentence, start: int, end: int) -> tuple[int, int]:
    start += len(s.top[start:end]) - len(s.top[start:end].lstrip())
    lead = _BREAKDOWN.match(s.top, start, end)  # 其中A、B…
    start = lead.end() if lead else start
    cut = last(_BEFORE_SUBJECTS.finditer(s.top, start, end))
    if cut is not None and end - cut.end() >= NAME_MIN:
        start = cut.end()
    return start, end


def _last(s: _Sentence, start: int, end: int) -> tuple[int, int]:
    cut = _AFTER_SUBJECTS.search(s.top, start + NAME_MIN, end)
    return (start, cut.start()) if cut is not None else (start, end)


def _named(s: _Sentence, subject: Subject) -> bool:
    """Whether a subject names something besides its figures (1.827亿元 names nothing)."""
    words = list(subject.text)
    for q in s.figures(subject.span.start - s.span.start, subject.span.end - s.span.start):
        if subject.span.contains(q.span):
            lo = q.span.start - subject.span.start
            words[lo : lo + len(q.span)] = _MASK * len(q.span)
    return _WORDLESS.fullmatch("".join(words)) is None


def _from_before(
    s: _Sentence, clause_start: int, head_end: int, values: int, by_clause: dict[int, Respectively]
) -> _Subjects | None:
    """Subjects named before the marker's clause, in its piece of the sentence: those
    of a 分别 list in the clause before (…分别下降2.0%、0.1%，降幅分别收窄4.4、2.1个百分点),
    a list the clause before is (2020年、2021年、2022年，研发费用分别为…), or, when nothing
    stands before the marker, the clauses before it that each state one figure."""
    piece = s.piece_start(clause_start)
    if clause_start == 0:
        return _from_sentence_before(s, values)
    if clause_start <= piece:
        return None
    before, _ = s.clause_of(clause_start - 1)
    earlier = by_clause.get(before)
    if earlier is not None:
        if len(earlier.subjects) == values:
            return _Subjects(earlier.subjects, listed=False)
        return None
    other = _RESPECTIVELY.search(s.top, before, clause_start - 1)
    if other is not None:
        if s.figures(other.end(), clause_start - 1):
            return None  # a 分别 list not read: its figures are no list of subjects
        before = other.end()  # 分别前往A、B、C，分别出动…: the objects listed after it
    own_words = s.top[clause_start:head_end].strip() != ""
    listed = _listed(s, before, clause_start - 1, values, own=False)
    if listed is not None:
        if len(listed.subjects) != values or values < 2:
            return None
        return _Subjects(listed.subjects, listed=False)
    if own_words or values < 2:
        return None
    return _one_figure_each(s, piece, clause_start, values)


def _from_sentence_before(s: _Sentence, values: int) -> _Subjects | None:
    """A 分别 opening its sentence reuses the periods paired in the sentence before (于
    2020年度、2021年度及2022年度，营业收入分别为…。净利润分别为…): only periods, which
    a paragraph keeps in force."""
    earlier = s.earlier
    if earlier is None or len(earlier.subjects) != values:
        return None
    if not all(_PERIOD_ITEM.fullmatch(x.text) for x in earlier.subjects):
        return None
    return _Subjects(earlier.subjects, listed=False)


def _one_figure_each(s: _Sentence, piece: int, clause_start: int, values: int) -> _Subjects | None:
    """利润为78亿元，营收为423.6亿元，同比分别下降27%和14.6%: the ``values`` clauses before
    the marker's each state one figure, and nothing before them in the piece does."""
    subjects = []
    end = clause_start - 1
    for _ in range(values):
        if end < piece:
            return None
        start, _ = s.clause_of(end)
        figures = s.figures(start, end)
        if len(figures) != 1:
            return None
        words = s.top[start : figures[0].span.start - s.span.start]
        subject = s.subject(start, start + len(_TRAILING_COPULA.sub("", words)))
        if subject is None:
            return None
        subjects.append(subject)
        end = start - 1
    if end > piece and s.figures(piece, end):
        return None  # more clauses with figures: which of them are paired is not clear
    return _Subjects(tuple(reversed(subjects)), listed=False)
