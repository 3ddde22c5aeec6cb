"""PCT001 rate-over-100: a share of a whole (占比, 比重, 覆盖率, 配备率 …) above 100%."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Severity
from hegao.rules.percentages.shared import HUNDRED, Reading, percentage_term, percentages


class RateOver100(Rule):
    """A share of a whole (占比, 比重, 覆盖率, 配备率 …) above 100%.

    What it does:
        Finds percentages above 100% and looks at the term nearest before them in the
        clause. A share of a whole — 占比, 比重, 所占比例, 覆盖率, 配备率, 合格率 —
        cannot exceed 100%. Rates that legitimately can are left alone: growth
        (上升1350%), plan completion (完成率), loan-loss coverage (拨备覆盖率), gross
        enrolment (毛入学率). 破案率 above 100% is possible when cases of earlier years
        are solved, so it is a warning. Both lists are data
        (hegao/rules/data/rate_terms.txt).

    Why it matters:
        A share of more than 100% is impossible; it is usually a transposed figure or
        a rate confused with a count.

    概述:
        占比类比率（占比、比重、覆盖率、配备率……）超过 100%。

    说明:
        查找超过 100% 的百分数，看分句中紧挨在前面的术语。整体中的占比——占比、比重、所占
        比例、覆盖率、配备率、合格率——不可能超过 100%。本来可以超过的比率不报告：增长（上
        升1350%）、计划完成率（完成率）、拨备覆盖率、毛入学率。破案率在破获往年积案时可能超
        过 100%，只作警告。两份词表都是数据（hegao/rules/data/rate_t
        erms.txt）。

    原因:
        超过 100% 的占比是不可能的，通常是数字颠倒，或把比率和数量弄混了。

    Example:
        全市社区禁毒宣传阵地覆盖率达120%。

    Instead:
        全市社区禁毒宣传阵地覆盖率达100%。 (or the figure actually measured)
    """

    code = "PCT001"
    title = "占比超过100%"
    name = "rate-over-100"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "“{term}”是部分占整体的比例，不应超过100%，文中为{text}",
            "“{term}” is a share of a whole and cannot exceed 100%; the text says {text}",
        ),
        "cases": (
            "“{term}”为{text}，超过100%：若计入了往年积案可以成立，请核实并注明口径",
            (
                "“{term}” is {text}, over 100%: possible if cases of earlier years were solved; check it "
                "and say so"
            ),
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for clause, q in percentages(doc):
            if q.base <= HUNDRED or q.high is not None:
                continue
            found = percentage_term(doc.masked[clause.span.start : q.span.start])
            if found is None:
                continue
            term, kind = found[0].group(), found[1]
            if kind is Reading.SHARE:
                yield self.finding(q.span, self.say("main", term=term, text=q.text))
            elif kind is Reading.WARN:
                yield self.finding(
                    q.span,
                    self.say("cases", term=term, text=q.text),
                    severity=Severity.WARNING,
                )
