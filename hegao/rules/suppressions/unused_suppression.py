"""SUP001 unused-suppression: a suppression comment that silences nothing, or names a rule
that does not exist."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.lint.suppression import quiet_regions, unknown_codes
from hegao.checker.model import Finding, Severity, Span


class UnusedSuppression(Rule):
    """A suppression comment that silences nothing, or names a rule that does not exist.

    What it does:
        Reads the suppression comments of a Markdown draft (<!-- hegao-disable CODE -->,
        <!-- hegao-disable-next-line CODE -->) and reports each code in them that
        silences no finding of the other rules, and each code that names no rule. It
        runs only when selected (select = ["SUP001"] or --extend-select SUP001): the
        engine applies it after every other rule, since it is about their findings.

    Why it matters:
        A suppression left behind after the text was corrected hides the next real
        problem in that place; a mistyped code silences nothing at all.

    概述:
        禁用注释没有屏蔽任何问题，或写了不存在的规则代码。

    说明:
        读取 Markdown 稿件中的禁用注释（<!-- hegao-disable CODE -->、<!-- hegao-
        disable-next-line CODE -->），报告其中没有屏蔽任何问题的代码和不存在的代码。
        只在明确选用时运行（select = ["SUP001"] 或 --extend-select SUP001）。

    原因:
        文字改好后留下的禁用注释会把下一个真正的问题也藏起来；写错的代码则什么也没屏蔽。

    Example:
        <!-- hegao-disable-next-line SUM001 -->
        全市共接报警情1250起。

    Instead:
        全市共接报警情1250起。
    """

    code = "SUP001"
    title = "多余的禁用注释"
    name = "unused-suppression"
    severity = Severity.INFO
    default_enabled: ClassVar[bool] = False
    reviews_findings = True
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "unknown": (
            "禁用注释中的规则代码 {code} 不存在",
            "the suppression comment names {code}, which is no rule",
        ),
        "main": (
            "禁用注释没有屏蔽任何问题{which}：可以删除",
            "the suppression comment silences nothing{which}: remove it",
        ),
        "which": ("（{code}）", " ({code})"),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())  # it is about the other rules' findings: see review

    def review(self, doc: Document, findings: list[Finding], known: set[str]) -> Iterator[Finding]:
        text = doc.text
        if "hegao-" not in text:
            return
        unknown = set(unknown_codes(text, known))
        for region in quiet_regions(text):
            comment_start, comment_end = region.comment
            for code in sorted(region.codes) or [""]:
                if (comment_start, code) in unknown:
                    message = self.say("unknown", code=code)
                elif any(region.covers(f) and (not code or f.code.startswith(code)) for f in findings):
                    continue
                else:
                    message = self.say("main", which=self.say("which", code=code) if code else "")
                yield self.finding(Span(comment_start, comment_end), message)
