"""The same figure stated twice with different values."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from hegao.checker.document import Block, Document
from hegao.checker.model import Finding, Related, Severity
from hegao.checker.quantities import Kind, Quantity
from hegao.checker.rule import Rule

# A claim is compared only when it names its scope: 全市共抓获犯罪嫌疑人1460人.
_SCOPE = regex.compile(r"全[市省县区国州镇乡局]|[我本][市省县区州局]|全警")
# Words that place a figure in time or mark it as a plan; two figures are the same
# claim only if these agree.
_PERIOD = regex.compile(
    r"\d{4}\s*年(?:度)?|\d{1,2}\s*(?:[-－—~～至到]\s*\d{1,2}\s*)?月(?:份)?|"
    r"[一二三四前后上下全本今去明上]+(?:年|季度|半年)|以来|同期|截至|截止|过去|"
    r"计划|预计|目标|预期|拟|力争|确保|将|要"
)
_NOT_A_CLAIM = regex.compile(r"其中|同比|环比|比上|较|增加|减少|上升|下降|增长|占|平均|人均|每")
_WORD = regex.compile(r"[\p{Han}\p{L}\p{N}]+")
MIN_KEY_CHARS = 6


def _key(doc: Document, clause_start: int, q: Quantity) -> str | None:
    prefix = doc.masked[clause_start : q.span.start]
    if not _SCOPE.search(prefix) or _NOT_A_CLAIM.search(prefix):
        return None
    words = "".join(_WORD.findall(_PERIOD.sub("", prefix)))
    if len(words) < MIN_KEY_CHARS:
        return None
    return f"{words}|{q.kind.value}|{q.unit}"


class _Periods:
    """The period words (2021年, 1-6月, 今年 …) of a paragraph up to a figure. Asked in
    text order, it reads each paragraph once, however many figures it holds."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.block: Block | None = None
        self.pos = 0
        self.found: set[str] = set()

    def before(self, offset: int) -> tuple[str, ...]:
        block = self.doc.block_at(offset)
        if block is not self.block:
            self.block = block
            self.pos = block.span.start if block else 0
            self.found = set()
        for m in _PERIOD.finditer(self.doc.masked, self.pos, offset):
            self.found.add(m.group())
            self.pos = m.end()
        return tuple(sorted(self.found))


class ConflictingFigures(Rule):
    """The same metric for the same scope and period is stated twice with different values.

    What it does:
        Compares claims that name their scope (全市, 全省, 我局 …) and are worded the
        same up to the figure — 全市共抓获犯罪嫌疑人1460人 … 全市共抓获犯罪嫌疑人1406人 —
        and reports the later one when the values differ. Figures of different periods
        (1-6月 vs 1-7月, 今年 vs 去年) or plans (计划, 目标) are not compared;
        approximate figures and breakdowns (其中, 同比) are left alone.

    Why it matters:
        When a bulletin gives two values for one figure, at least one is wrong, and
        the reader cannot know which.

    Example:
        全市共抓获犯罪嫌疑人1460人。（后文）全市共抓获犯罪嫌疑人1406人。

    Instead:
        State the figure once, or make both places agree.
    """

    code = "FIG001"
    name = "conflicting-figures"
    severity = Severity.WARNING
    scope = "document"

    def check(self, doc: Document) -> Iterator[Finding]:
        seen: dict[tuple[str, tuple[str, ...]], Quantity] = {}
        periods = _Periods(doc)
        for clause, quantities in zip(doc.clauses, doc.clause_quantities, strict=True):
            for q in quantities:
                if q.kind not in (Kind.COUNT, Kind.MONEY) or q.is_approximate or q.high:
                    continue
                key = _key(doc, clause.span.start, q)
                if key is None:
                    continue
                slot = (key, periods.before(q.span.start))
                earlier = seen.get(slot)
                if earlier is None:
                    seen[slot] = q
                    continue
                if earlier.base != q.base:
                    line = doc.line_col(earlier.span.start)[0]
                    yield self.finding(
                        q.span,
                        f"同一数据前后不一致：此处为“{q.text}”，第 {line} 行为“{earlier.text}”",
                        (Related(earlier.span, f"先前的数值：{earlier.text}"),),
                    )
                break  # one claim per clause: the figure right after its wording


RULES = (ConflictingFigures,)
