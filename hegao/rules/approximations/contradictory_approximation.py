"""APX001 contradictory-approximation: one number carries two approximation markers that
contradict or repeat each other."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from hegao.checker import vocabulary as vocab
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding

# What each marker says about the true value compared with the written one.
_BELOW = frozenset(vocab.words("approx_below"))


_ABOVE = frozenset(vocab.words("approx_above"))


# Markers written before the number (the others follow it: 300余人, 300人左右).
_PREFIXES = frozenset(vocab.words("approximation.before_figure"))


def _direction(marker: str) -> str:
    if marker in _BELOW:
        return "below"
    if marker in _ABOVE:
        return "above"
    return "about"


class ContradictoryApproximation(Rule):
    """One number carries two approximation markers that contradict or repeat each other.

    What it does:
        Looks at every figure with two approximation markers, one before the number
        (近, 约, 超过, 逾 …) and one after it (余, 多, 以上, 左右 …). “近” (just under)
        with “余” (just over) contradict each other; “约” with “余” or “左右”, and
        “超过” with “余”, say the same thing twice and leave the reader unsure which
        was meant. A single marker (300余人, 近千份, 约300人) is fine.

    Why it matters:
        A figure like 近20余家 cannot be true in both readings: it is either a little
        under 20 or a little over. Style guides for official documents reject these
        combinations.

    概述:
        一个数字同时带有两个相互矛盾或重复的约数词。

    说明:
        检查前后各带一个约数词的数字：前面的“近、约、超过、逾”等，后面的“余、多、以上、左右”
        等。“近”（不到）与“余”（超过）相互矛盾；“约”与“余”“左右”、“超过”与“余”意思
        重复，读者不知道究竟是哪一种。只用一个约数词（300余人、近千份、约300人）没有问题。

    原因:
        “近20余家”不可能两种读法都对：要么略少于20，要么略多于20。公文写作规范不允许这样
        的搭配。

    Example:
        全市近20余家企业参与了联防联控。

    Instead:
        全市近20家企业参与了联防联控。 (or 全市20余家企业……)
    """

    code = "APX001"
    title = "约数用词矛盾"
    name = "contradictory-approximation"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "contradict": (
            "“{first}”表示不足，“{second}”表示超过，二者矛盾",
            "“{first}” means just under and “{second}” just over: they contradict each other",
        ),
        "repeat": (
            "“{first}”与“{second}”重复表示约数",
            "“{first}” and “{second}” both say the figure is approximate",
        ),
        "main": (
            "“{text}”同时使用“{first}”和“{second}”：{why}，只保留一个",
            "“{text}” uses both “{first}” and “{second}”: {why}; keep one",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for q in doc.extraction.quantities:
            if len(q.approx) < 2 or q.approx[0] not in _PREFIXES:
                continue
            first, second = q.approx[0], q.approx[-1]
            a, b = _direction(first), _direction(second)
            if a == b == "above" and first in vocab.words("approximation.at_least"):
                continue  # 至少300人以上 is redundant but unambiguous
            if {a, b} == {"below", "above"}:
                why = self.say("contradict", first=first, second=second)
            else:
                why = self.say("repeat", first=first, second=second)
            yield self.finding(q.span, self.say("main", text=q.text, first=first, second=second, why=why))
