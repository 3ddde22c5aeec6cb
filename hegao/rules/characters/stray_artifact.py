"""CHAR003 stray-artifact: invisible characters, U+FFFD, a stray 「|」 at a line end, doubled
punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

import regex

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Fix, Severity, Span
from hegao.checker.text.segments import BlockKind

_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


_INVISIBLE = regex.compile(f"[{_INVISIBLE_CHARS}]+")
# Control characters no draft means to hold: a terminal's colour codes pasted with the
# text (ESC [ 31 m, read whole), NUL and the other C0 and C1 controls. Tab, line feed,
# carriage return and form feed (a page break) are layout, not stray.
_CONTROL = regex.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]+")


_DOUBLED_MARK = regex.compile(r"([，。、；：])\1+")


# Two different pause or stop marks side by side cannot both stand: ，。 。， ；，
_MIXED_MARKS = regex.compile(r"[，、；：](?=[。；，、])|[。](?=[，、；：])")


# Any two of these marks side by side: what both scans above need. Most documents have
# none, and ``re`` finds that in a fifth of the time the two scans take.
_TWO_MARKS = re.compile("[，。、；：][，。、；：]")


# Bars at the end of a line (all of them: one fix), found from the bars so that a long
# line is scanned once; the line must not be a Markdown table row (see _trailing_bars).
_TRAILING_BAR = regex.compile(r"(?:[|｜][ \t　]*)+(?=\r?$)", regex.MULTILINE)


_BLANKS = " \t　"


# A full-width bar between Chinese characters inside a sentence: 全市公安机关｜深入开展.
_INNER_BAR = regex.compile(r"(?<=\p{Han}[，、]?)[ \t　]*｜[ \t　]*(?=\p{Han})")


_REPLACEMENT = "\ufffd"


def _trailing_bars(text: str) -> Iterator[Span]:
    for m in _TRAILING_BAR.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        start = m.start()
        while start > line_start and text[start - 1] in _BLANKS:
            start -= 1
        if start > line_start and text[line_start] not in "|｜":  # a table row starts with |
            yield Span(start, m.end())


class StrayArtifact(Rule):
    """Invisible characters, U+FFFD, a stray 「|」 at a line end, doubled punctuation.

    What it does:
        Finds what copying from web pages and PDF leaves behind: zero-width and other
        invisible characters (U+200B, U+FEFF inside the text, soft hyphens), the
        replacement character U+FFFD (a character lost in a wrong conversion), a lone
        「|」 at the end of a line (a web page's separator), and doubled punctuation
        (，， 。。 、、), and control characters (a terminal's colour codes pasted
        with the text, NUL, BEL). Fix: remove the invisible and control characters, the
        stray 「|」 and the extra mark (safe). U+FFFD has no fix: the lost character
        must be restored by hand.

    Why it matters:
        Invisible characters break search and word counts; U+FFFD marks text that was
        damaged; a doubled comma is a visible slip.

    概述:
        看不见的字符、替换符 U+FFFD、行末多余的“|”、重复的标点。

    说明:
        查找从网页和 PDF 复制时留下的痕迹：零宽字符等不可见字符（U+200B、正文中的 U
        +FEFF、软连字符）、替换符 U+FFFD（转换出错时丢失的字）、行末孤立的“|”（网
        页的分隔符）、重复的标点（，， 。。 、、）和控制字符（从终端粘贴带入的颜色代码、
        NUL 等）。可自动修复：删除不可见字符和控制字符、多余的“|”和多余的标点（安全）。
        U+FFFD 无法自动修复，丢失的字须对照原文补回。

    原因:
        不可见字符会影响搜索和字数统计；U+FFFD 说明文字已经损坏；重复的逗号是一眼可见的差
        错。

    Example:
        全市共破获案件156起，，抓获犯罪嫌疑人51人。

    Instead:
        全市共破获案件156起，抓获犯罪嫌疑人51人。
    """

    code = "CHAR003"
    title = "多余字符或标点"
    name = "stray-artifact"
    fixable = True
    severity = Severity.WARNING
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "invisible": (
            "不可见字符（{names}），应删除",
            "an invisible character ({names}): delete it",
        ),
        "invisible_fix": (
            "删除不可见字符",
            "delete the invisible character",
        ),
        "replacement": (
            "替换字符“�”：此处原有字符在转换中丢失，请补回原字",
            "the replacement character “�”: a character was lost in a conversion here; restore it",
        ),
        "bar": (
            "行末多余的“|”，多为网页分隔符，应删除",
            "a stray “|” at the end of the line, usually a web page's separator: delete it",
        ),
        "bar_fix": (
            "删除行末的“|”",
            "delete the “|” at the end of the line",
        ),
        "inner_bar": (
            "句中多余的“｜”，多为网页分隔符，应删除",
            "a stray “｜” inside the sentence, usually a web page's separator: delete it",
        ),
        "inner_bar_fix": (
            "删除句中的“｜”",
            "delete the “｜”",
        ),
        "doubled": (
            "标点重复：“{marks}”",
            "doubled punctuation: “{marks}”",
        ),
        "doubled_fix": (
            "删除重复的标点",
            "delete the repeated mark",
        ),
        "mixed": (
            "标点连用：“{pair}”，只能保留一个",
            "two marks together: “{pair}”; keep one",
        ),
        "control": (
            "控制字符（{names}）：文中不应有，多为从终端或其他程序粘贴带入，请删除",
            "a control character ({names}), pasted from a terminal or another program: delete it",
        ),
        "control_fix": (
            "删除控制字符",
            "delete the control character",
        ),
        "mixed_fix": (
            "删除“{first}”，保留“{second}”",
            "delete “{first}”, keep “{second}”",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.masked
        found: list[Finding] = []
        invisible = any(c in text for c in _INVISIBLE_CHARS)  # str search: quicker than the scan
        for m in _INVISIBLE.finditer(text) if invisible else ():
            if m.start() == 0 and m.group() == "\ufeff":
                continue  # a byte-order mark that survived decoding is handled by the reader
            span = Span(m.start(), m.end())
            names = "、".join(sorted({f"U+{ord(c):04X}" for c in m.group()}))
            found.append(
                self.finding(
                    span,
                    self.say("invisible", names=names),
                    fix=Fix.replace(span, "", self.say("invisible_fix")),
                )
            )
        for m in _CONTROL.finditer(text):
            span = Span(m.start(), m.end())
            names = "、".join(sorted({f"U+{ord(c):04X}" for c in m.group() if not c.isprintable()}))
            found.append(
                self.finding(
                    span,
                    self.say("control", names=names),
                    fix=Fix.replace(span, "", self.say("control_fix")),
                )
            )
        start = text.find(_REPLACEMENT)
        while start != -1:
            found.append(self.finding(Span(start, start + 1), self.say("replacement")))
            start = text.find(_REPLACEMENT, start + 1)
        bars = "|" in text or "｜" in text
        for span in _trailing_bars(text) if bars else ():
            found.append(self.finding(span, self.say("bar"), fix=Fix.replace(span, "", self.say("bar_fix"))))
        for m in _INNER_BAR.finditer(text) if "｜" in text else ():
            block = doc.block_at(m.start())
            if block is None or block.kind is not BlockKind.PARAGRAPH:
                continue  # a table row or a page's menu line (首页 | 新闻) uses bars on purpose
            span = Span(m.start(), m.end())
            found.append(
                self.finding(
                    span,
                    self.say("inner_bar"),
                    fix=Fix.replace(span, "", self.say("inner_bar_fix")),
                )
            )
        marks = _TWO_MARKS.search(text) is not None
        for m in _DOUBLED_MARK.finditer(text) if marks else ():
            if doc.block_at(m.start()) is None:
                continue
            span = Span(m.start() + 1, m.end())
            found.append(
                self.finding(
                    Span(m.start(), m.end()),
                    self.say("doubled", marks=m.group()),
                    fix=Fix.replace(span, "", self.say("doubled_fix")),
                )
            )
        for m in _MIXED_MARKS.finditer(text) if marks else ():
            if doc.block_at(m.start()) is None or text[m.start()] == text[m.end()]:
                continue  # doubled marks are reported above
            pair = text[m.start() : m.end() + 1]
            found.append(
                self.finding(
                    Span(m.start(), m.end() + 1),
                    self.say("mixed", pair=pair),
                    # Keeping the second mark is a guess: unsafe.
                    fix=Fix.replace(
                        Span(m.start(), m.end()),
                        "",
                        self.say("mixed_fix", first=pair[0], second=pair[1]),
                        safe=False,
                    ),
                )
            )
        yield from sorted(found, key=lambda f: f.span.start)
