"""CHAR002 halfwidth-punctuation: half-width punctuation in Chinese prose (「12人,破获」,
「村(居)」)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Fix, Severity, Span

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


# A mark after Chinese (or a closing mark) and before Chinese or a figure, or after a
# figure and before Chinese; digit pairs (1,200 · 21:00) and Latin text never match.
_HALF_MARK = regex.compile(
    r"(?<=\p{Han}|[”’」』）%])[,;:?!](?=\s*[\p{Han}“‘「『（\d]|[ \t]*(?:\r?\n|$))|"
    r"(?<=[\d）)])[,;:?!](?=\s*\p{Han})"
)


_HALF_PARENS = regex.compile(r"\(([^()\n]{0,40})\)")


_HAN_RE = regex.compile(r"\p{Han}")


class HalfwidthPunctuation(Rule):
    """Half-width punctuation in Chinese prose (「12人,破获」, 「村(居)」).

    What it does:
        Finds the half-width marks , ; : ? ! ( ) written between Chinese characters, or
        between a figure and Chinese text. Decimal points, thousands separators
        (1,200), times (21:00), URLs, Latin text, and parentheses holding only Latin
        text (an English term or abbreviation: 人工智能(AI)) are fine. Fix: the
        full-width mark (safe). When a file uses half-width marks throughout, the
        terminal report shows the first few and counts the rest.

    Why it matters:
        Chinese typesetting uses full-width punctuation; half-width marks pasted from
        other software look cramped and inconsistent in print and on the web.

    概述:
        中文行文中使用了半角标点（「12人,破获」「村(居)」）。

    说明:
        查找写在汉字之间、或数字与汉字之间的半角标点 , ; : ? ! ( )。小数点、千分位
        （1,200）、时间（21:00）、网址、英文，以及只括着英文的括号（人工智能(AI)）
        不报告。可自动修复：改为全角（安全）。通篇使用半角标点时，终端报告只列出前几处并统计其余。

    原因:
        中文排版使用全角标点；从其他软件粘贴来的半角标点在印刷品和网页上显得局促、不统一。

    Example:
        抓获犯罪嫌疑人12人,破获案件21起,涉及5个村(居)。

    Instead:
        抓获犯罪嫌疑人12人，破获案件21起，涉及5个村（居）。
    """

    code = "CHAR002"
    title = "半角标点"
    name = "halfwidth-punctuation"
    fixable = True
    severity = Severity.WARNING
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "中文里使用了半角“{mark}”，应为全角“{full}”",
            "a half-width “{mark}” in Chinese text; use the full-width “{full}”",
        ),
        "fix": (
            "改为全角“{full}”",
            "change to the full-width “{full}”",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.masked
        found: dict[int, Finding] = {}
        for block in doc.blocks:
            for m in _HALF_MARK.finditer(text, block.span.start, block.span.end):
                if m.group() in "()":
                    continue
                found[m.start()] = self._fix_mark(m.start(), m.group())
            for m in _HALF_PARENS.finditer(text, block.span.start, block.span.end):
                inner = m.group(1)
                around = text[m.start() - 1 : m.start()] + text[m.end() : m.end() + 1]
                if not _HAN_RE.search(inner) and not (inner.strip() == "" and _HAN_RE.search(around)):
                    continue  # Latin inside: 人工智能(AI), http://x.cn/(a)
                found[m.start()] = self._fix_mark(m.start(), "(")
                found[m.end() - 1] = self._fix_mark(m.end() - 1, ")")
        for offset in sorted(found):
            yield found[offset]

    def _fix_mark(self, offset: int, mark: str) -> Finding:
        full = _FULL_WIDTH[mark]
        span = Span(offset, offset + 1)
        return self.finding(
            span,
            self.say("main", mark=mark, full=full),
            fix=Fix.replace(span, full, self.say("fix", full=full)),
        )
