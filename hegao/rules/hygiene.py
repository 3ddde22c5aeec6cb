"""Text hygiene: traditional characters, half-width punctuation, and
artifacts of copy and paste. Most of these have a safe fix."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from hegao.checker.datafiles import data_lines
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Fix, Severity, Span
from hegao.checker.text.segments import BlockKind
from hegao.messages import text as say

# ---------------------------------------------------------------- CHAR001

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
    scope = "paragraph"
    # Names that spell themselves in traditional characters (a brand, a shop sign).
    default_options: ClassVar[dict[str, Any]] = {"allow": []}

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
                say("CHAR001.whole", count=len(found)),
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
                what = say("CHAR001.quote", traditional=traditional, simplified=simplified)
            elif traditional in _VARIANTS:
                what = say("CHAR001.variant", traditional=traditional, simplified=simplified)
            else:
                what = say("CHAR001", traditional=traditional, simplified=simplified)
            yield self.finding(
                Span(offset, offset + 1),
                what,
                fix=Fix.replace(
                    Span(offset, offset + 1), simplified, say("CHAR001.fix", simplified=simplified)
                ),
            )


_QUOTE_MARKS = frozenset("「」『』")
# Variant forms (异体字) that zhconv maps like traditional characters.
_VARIANTS = frozenset(data_lines("hegao.rules", "variant_forms.txt"))


# ---------------------------------------------------------------- CHAR002

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# A mark after Chinese (or a closing mark) and before Chinese or a figure, or after a
# figure and before Chinese; digit pairs (1,200 · 21:00) and Latin text never match.
_HALF_MARK = regex.compile(
    r"(?<=\p{Han}|[”’」』）%])[,;:?!](?=\s*[\p{Han}“‘「『（\d]|[ \t]*(?:\r?\n|$))|"
    r"(?<=[\d）)])[,;:?!](?=\s*\p{Han})"
)
_HALF_PARENS = regex.compile(r"\(([^()\n]{0,40})\)")
_HAN_RE = regex.compile(r"\p{Han}")
# Summarise in the terminal report beyond this many in one file (see report.py).
GROUP_AFTER = 10


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
    scope = "sentence"

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
            say("CHAR002", mark=mark, full=full),
            fix=Fix.replace(span, full, say("CHAR002.fix", full=full)),
        )


# ---------------------------------------------------------------- CHAR003

_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = regex.compile(f"[{_INVISIBLE_CHARS}]+")
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
        (，， 。。 、、). Fix: remove the invisible characters, the stray 「|」 and the
        extra mark (safe). U+FFFD has no fix: the lost character must be restored by
        hand.

    Why it matters:
        Invisible characters break search and word counts; U+FFFD marks text that was
        damaged; a doubled comma is a visible slip.

    概述:
        看不见的字符、替换符 U+FFFD、行末多余的“|”、重复的标点。

    说明:
        查找从网页和 PDF 复制时留下的痕迹：零宽字符等不可见字符（U+200B、正文中的 U
        +FEFF、软连字符）、替换符 U+FFFD（转换出错时丢失的字）、行末孤立的“|”（网
        页的分隔符）和重复的标点（，， 。。 、、）。可自动修复：删除不可见字符、多余的“|”和
        多余的标点（安全）。U+FFFD 无法自动修复，丢失的字须对照原文补回。

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
    scope = "sentence"

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
                    say("CHAR003.invisible", names=names),
                    fix=Fix.replace(span, "", say("CHAR003.invisible_fix")),
                )
            )
        start = text.find(_REPLACEMENT)
        while start != -1:
            found.append(self.finding(Span(start, start + 1), say("CHAR003.replacement")))
            start = text.find(_REPLACEMENT, start + 1)
        bars = "|" in text or "｜" in text
        for span in _trailing_bars(text) if bars else ():
            found.append(
                self.finding(span, say("CHAR003.bar"), fix=Fix.replace(span, "", say("CHAR003.bar_fix")))
            )
        for m in _INNER_BAR.finditer(text) if "｜" in text else ():
            block = doc.block_at(m.start())
            if block is None or block.kind is not BlockKind.PARAGRAPH:
                continue  # a table row or a page's menu line (首页 | 新闻) uses bars on purpose
            span = Span(m.start(), m.end())
            found.append(
                self.finding(
                    span,
                    say("CHAR003.inner_bar"),
                    fix=Fix.replace(span, "", say("CHAR003.inner_bar_fix")),
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
                    say("CHAR003.doubled", marks=m.group()),
                    fix=Fix.replace(span, "", say("CHAR003.doubled_fix")),
                )
            )
        for m in _MIXED_MARKS.finditer(text) if marks else ():
            if doc.block_at(m.start()) is None or text[m.start()] == text[m.end()]:
                continue  # doubled marks are reported above
            pair = text[m.start() : m.end() + 1]
            found.append(
                self.finding(
                    Span(m.start(), m.end() + 1),
                    say("CHAR003.mixed", pair=pair),
                    # Keeping the second mark is a guess: unsafe.
                    fix=Fix.replace(
                        Span(m.start(), m.end()),
                        "",
                        say("CHAR003.mixed_fix", first=pair[0], second=pair[1]),
                        safe=False,
                    ),
                )
            )
        yield from sorted(found, key=lambda f: f.span.start)


RULES = (TraditionalCharacter, HalfwidthPunctuation, StrayArtifact)
