"""CHAR001 traditional-character: a traditional character inside simplified text (问題, 攢,
責任)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from hegao.checker.datafiles import data_lines
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Fix, Severity, Span

# A document is written in traditional characters when they clearly outnumber the
# characters only simplified text uses.
TRADITIONAL_DOCUMENT_MIN = 20


def _differences(original: str, converted: str, offset: int) -> Iterator[tuple[int, str, str]]:
    if len(original) == len(converted):
        for i, (a, b) in enumerate(zip(original, converted, strict=True)):
            if a != b:
                yield offset + i, a, b
        return
    from difflib import SequenceMatcher

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, original, converted).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            for i in range(i2 - i1):
                yield offset + i1 + i, original[i1 + i], converted[j1 + i]


class TraditionalCharacter(Rule):
    """A traditional character inside simplified text (问題, 攢, 責任).

    What it does:
        Converts each paragraph to simplified characters (zhconv-rs, which converts
        phrases in context, so 乾隆, 干部, 皇后 and 头发 stay as they are) and reports
        every character that changes. A document written entirely in traditional
        characters gets one note instead of a finding per character. Fix: the
        simplified form (safe).

    Why it matters:
        Text pasted from a traditional-character source or typed with the wrong input
        method leaves single traditional characters that look like typos in a
        simplified-character bulletin.

    概述:
        简体文本中夹有繁体字或异体字（问題、攢、責任）。

    说明:
        把每段文字按词语上下文转换为简体（乾隆、干部、皇后、头发等不会误转），报告每个发生变化的
        字。全文都用繁体的文件只提示一次，不逐字报告。可自动修复：改为简体（安全）。

    原因:
        从繁体来源复制或输入法状态不对，会在简体通报中留下零星繁体字，看上去像错别字。

    Example:
        及时发现问題，提前介入调解。

    Instead:
        及时发现问题，提前介入调解。
    """

    code = "CHAR001"
    title = "繁体字或异体字"
    name = "traditional-character"
    fixable = True
    # Names that spell themselves in traditional characters (a brand, a shop sign).
    default_options: ClassVar[dict[str, Any]] = {"allow": []}
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "whole": (
            "全文以繁体字书写（{count} 处繁体字），不逐字报告；如需发布简体版，请整体转换",
            (
                "the whole text is in traditional characters ({count} of them), so they are not listed one "
                "by one; convert it as a whole to publish a simplified version"
            ),
        ),
        "quote": (
            "简体文本中使用了直角引号“{traditional}”，一般应为“{simplified}”",
            "corner quotes “{traditional}” in simplified text; usually “{simplified}”",
        ),
        "variant": (
            "“{traditional}”是“{simplified}”的异体字，规范写法为“{simplified}”",
            "“{traditional}” is a variant of “{simplified}”; the standard form is “{simplified}”",
        ),
        "main": (
            "简体文本中出现繁体字“{traditional}”，应为“{simplified}”",
            "the traditional character “{traditional}” in simplified text; write “{simplified}”",
        ),
        "fix": (
            "改为“{simplified}”",
            "change to “{simplified}”",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        from zhconv_rs import zhconv  # lazy: only this rule needs it

        if doc.simplified == doc.masked:
            return  # one conversion of the whole text: most documents need no more
        found: list[tuple[int, str, str]] = []
        simplified_only = 0
        for block in doc.blocks:
            original = doc.masked[block.span.start : block.span.end]
            converted = zhconv(original, "zh-hans")
            if converted != original:
                found.extend(_differences(original, converted, block.span.start))
            if len(found) >= TRADITIONAL_DOCUMENT_MIN:
                simplified_only += sum(
                    1 for a, b in zip(original, zhconv(original, "zh-hant"), strict=False) if a != b
                )
        if len(found) >= TRADITIONAL_DOCUMENT_MIN and len(found) > 3 * simplified_only:
            first = found[0][0]
            yield self.finding(
                Span(first, first + 1),
                self.say("whole", count=len(found)),
                severity=Severity.INFO,
            )
            return
        allowed = self.options["allow"]
        for offset, traditional, simplified in found:
            if any(
                traditional in name and name in doc.masked[max(0, offset - 8) : offset + 8]
                for name in allowed
            ):
                continue  # a name that spells itself in traditional characters
            if traditional in _QUOTE_MARKS:
                what = self.say("quote", traditional=traditional, simplified=simplified)
            elif traditional in _VARIANTS:
                what = self.say("variant", traditional=traditional, simplified=simplified)
            else:
                what = self.say("main", traditional=traditional, simplified=simplified)
            yield self.finding(
                Span(offset, offset + 1),
                what,
                fix=Fix.replace(Span(offset, offset + 1), simplified, self.say("fix", simplified=simplified)),
            )


_QUOTE_MARKS = frozenset("「」『』")


# Variant forms (异体字) that zhconv maps like traditional characters.
_VARIANTS = frozenset(data_lines("hegao.rules", "variant_forms.txt"))
