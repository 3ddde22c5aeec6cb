"""PCT002 decrease-over-100: a fall of more than 100% in something that cannot go below
zero."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import ClassVar

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.datafiles import data_lines
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding
from hegao.rules.percentages.shared import HUNDRED, Reading, percentage_term, percentages


@cache
def _may_go_negative() -> regex.Pattern[str]:
    words = sorted(data_lines("hegao.rules", "may_go_negative.txt"), key=len, reverse=True)
    return regex.compile("|".join(map(regex.escape, words)))


# Between a verb of decrease and its figure: only list glue (同比下降、分别下降12%、15%).
# It was bound twice in one module, so this guard ran with the shares' pattern, which
# matches anything: 节余达到120% after an earlier 下降 was read as a fall of 120%.
_GLUE_WORDS = "|".join(
    vocab.alternation(name)
    for name in ("changes.period_comparison", "counting.respectively", "joining.conjunction")
)
_VERB_TO_FIGURE = regex.compile(rf"^(?:{_GLUE_WORDS}|了|[\s、,，\d.%])*$")


class DecreaseOver100(Rule):
    """A fall of more than 100% in something that cannot go below zero.

    What it does:
        Finds 下降 / 减少 / 降低 followed by a percentage above 100%. Counts of cases,
        people and incidents cannot fall by more than 100% (that would leave fewer than
        none). Money flows, profits, balances and growth rates can turn negative, so a
        fall of more than 100% is real there: when the clause speaks of one of those
        (hegao/rules/data/may_go_negative.txt), the rule stays silent.

    Why it matters:
        A fall of more than 100% in a count is arithmetically impossible; usually the
        rise and the fall were swapped, or the base was taken the wrong way round.

    概述:
        不可能为负的数量下降超过 100%。

    说明:
        查找“下降、减少、降低”后面超过 100% 的百分数。案件、人数、事故等数量不可能下降超
        过 100%（那样会少于零）。资金流量、利润、余额和增长率可以变为负数，分句谈到这些时（
        hegao/rules/data/may_go_negative.txt）不报告。

    原因:
        数量下降超过 100% 在算术上不可能，通常是把增减写反了，或把基数取反了。

    Example:
        全市盗窃案件发案数同比下降128%。

    Instead:
        全市盗窃案件发案数同比下降28%。 (or the figure actually computed)
    """

    code = "PCT002"
    title = "下降超过100%"
    name = "decrease-over-100"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "“{verb}{text}”：下降超过100%意味着结果小于零，案件、人数等不可能为负，请核对",
            (
                "“{verb}{text}”: a fall of more than 100% would leave less than nothing, and counts of "
                "cases or people cannot be negative; check it"
            ),
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for clause, q in percentages(doc):
            if q.base <= HUNDRED or q.high is not None:
                continue
            before = doc.masked[clause.span.start : q.span.start]
            found = percentage_term(before)
            if found is None or found[1] is not Reading.FALL:
                continue
            verb = found[0]
            if not _VERB_TO_FIGURE.match(before[verb.end() :]):
                continue
            # The thing that fell is named right before the verb: 利润下降120% may be
            # true, 单位国内生产总值能耗下降120% is not.
            subject = doc.masked[clause.span.start : clause.span.start + verb.start()]
            if any(m.end() >= len(subject) - 4 for m in _may_go_negative().finditer(subject)):
                continue
            yield self.finding(
                q.span,
                self.say("main", verb=verb.group(), text=q.text),
            )
