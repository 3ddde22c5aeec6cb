"""Text hygiene: doubled words, traditional characters, half-width punctuation, and
artifacts of copy and paste. Most of these have a safe fix."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

import regex

from hegao.checker import lexicon
from hegao.checker.datafiles import data_lines
from hegao.checker.document import Document
from hegao.checker.model import Finding, Fix, Severity, Span
from hegao.checker.rule import Rule
from hegao.checker.script import HAN

# ---------------------------------------------------------------- DUP003

# ``re``, not ``regex``: this scan runs over every character and is 5× faster there.
_DOUBLED = re.compile(rf"({HAN}{{1,4}})\1")
_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")


def _primitive(unit: str) -> str:
    """The shortest piece that ``unit`` repeats: 换换 → 换, 车辆 → 车辆."""
    for size in range(1, len(unit)):
        if len(unit) % size == 0 and unit[:size] * (len(unit) // size) == unit:
            return unit[:size]
    return unit


@cache
def _reduplications() -> frozenset[str]:
    return frozenset(data_lines("hegao.rules", "reduplication.txt"))


@cache
def _function_chars() -> frozenset[str]:
    return frozenset("".join(data_lines("hegao.rules", "function_chars.txt")))


def _is_legitimate(text: str, start: int, unit: str, allowed: frozenset[str] = frozenset()) -> bool:
    """Whether ``unit`` written twice at ``start`` is Chinese as it should be.

    ``text`` is the simplified form of the document (same length), so that the
    dictionary also serves traditional text.
    """
    k = len(unit)
    end = start + 2 * k
    middle = start + k
    double = unit * 2
    if double in _reduplications() or double in allowed or any(ch in _NUMERALS for ch in unit):
        return True
    is_word = lexicon.is_word
    function = k == 1 and unit in _function_chars()
    # The doubled text lies inside one word: 大大, 某某, 兢兢业业, 喜气洋洋 (but not a
    # doubled particle that the dictionary happens to list: 了了).
    for a in range(max(0, end - lexicon.MAX_WORD), start + 1):
        for b in range(end, min(len(text), a + lexicon.MAX_WORD) + 1):
            if is_word(text[a:b]) and not (function and b - a == 2):
                return True
    if k > 1:
        if unit.startswith(_EMPHATIC):
            return True  # 很紧很紧: repeated for emphasis
        # A doubled non-word straddles words (就业|创业|创新); a doubled word is
        # legitimate only where a longer word begins with it (基金|基金经理).
        return not is_word(unit) or _word_from(text, middle, min_length=k + 1)
    before = text[start - 1 : start]
    after = text[end : end + 1]
    if before == "一" or (after and after * 2 == text[end : end + 2]):
        return True  # 一个个, and AABB forms: 兢兢业业, 家家户户
    if not before or not _HAN_RE.match(before) or before in _function_chars():
        return True  # "each", at the head of a phrase: 企企联防, 村村通, 或商商结合
    if before in _surnames():
        return True  # a given name: 屠呦呦
    left = _word_to(text, middle)
    right = _word_from(text, middle, min_length=2)
    # Two words meet at the doubled character (民警|警务, 共和国|国务院), a word ends in
    # a particle that follows (目的|的), or a one-character word stands between a word
    # and a word that begins with it (会使|使用, 娱乐|税|税率). A word followed by text
    # the dictionary does not know (车站|站线) gets the benefit of the doubt; a word
    # followed by the same character and a break (精干警警，) does not.
    if left and (right or function or _HAN_RE.match(after) is not None):
        return True
    return right and (function or _word_to(text, start))


def _word_to(text: str, end: int) -> bool:
    return any(lexicon.is_word(text[a:end]) for a in range(max(0, end - lexicon.MAX_WORD), end - 1))


def _word_from(text: str, start: int, min_length: int) -> bool:
    return any(
        lexicon.is_word(text[start:b])
        for b in range(start + min_length, min(len(text), start + lexicon.MAX_WORD) + 1)
    )


_EMPHATIC = ("很", "太", "真", "好", "非常", "十分", "特别")


@cache
def _surnames() -> frozenset[str]:
    return frozenset("".join(data_lines("hegao.rules", "surnames.txt")))


def _simplified(text: str) -> str:
    """The text in simplified characters, offset for offset (unchanged if it can't be)."""
    if not _DOUBLED.search(text):
        return text
    from zhconv_rs import zhconv

    simple = zhconv(text, "zh-hans")
    return simple if len(simple) == len(text) else text


class DoubledWord(Rule):
    """A character or word written twice by mistake (车辆车辆, 精干警警, 开展了了).

    What it does:
        Finds a character or a word of up to four characters written twice in a row,
        and leaves alone what Chinese doubles on purpose: reduplication (常常, 层层,
        家家户户, 认认真真, 一个个, 大大), anonymised names (李某某), two words that
        meet at a boundary (民警|警务, 派出所|所长, 基金|基金经理, 目的|的) and numbers
        (一九五五年). Word boundaries are read from a dictionary (jieba's word list,
        loaded only when a doubled character needs it). Fix: drop the second copy —
        safe for a doubled word, unsafe for a single doubled character (侦侦 may have
        been 侦查).

    Why it matters:
        A doubled word is the most visible slip of typing and pasting, and a published
        bulletin with 车辆车辆 in it looks unread.

    Example:
        实现了进出东营危化品运输车辆车辆动态监管。

    Instead:
        实现了进出东营危化品运输车辆动态监管。
    """

    code = "DUP003"
    name = "doubled-word"
    fixable = True
    scope = "sentence"
    # Doubled text that is right in your documents (a brand, a coined term): ["企企"].
    default_options: ClassVar[dict[str, Any]] = {"allow": []}

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.masked
        simple = _simplified(text)
        allowed = frozenset(self.options["allow"])
        for block in doc.blocks:
            pos = block.span.start
            while True:
                m = _DOUBLED.search(text, pos, block.span.end)
                if m is None:
                    break
                unit = _primitive(m.group(1))  # 换换换换 is 换 four times, not 换换 twice
                start = m.start()
                if _is_legitimate(simple, start, simple[start : start + len(unit)], allowed):
                    pos = start + 1
                    continue
                # All the copies in a row are one finding, and the fix keeps one copy, so
                # that one pass of fixing leaves nothing to fix.
                end = start + len(unit)
                while text.startswith(unit, end, block.span.end):
                    end += len(unit)
                yield self.finding(
                    Span(start, end),
                    f"“{unit}”重复：“{text[start:end]}”",
                    fix=Fix(Span(start + len(unit), end), "", safe=len(unit) > 1),
                )
                pos = end


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

    Example:
        及时发现问題，提前介入调解。

    Instead:
        及时发现问题，提前介入调解。
    """

    code = "CHAR001"
    name = "traditional-character"
    fixable = True
    scope = "paragraph"

    def check(self, doc: Document) -> Iterator[Finding]:
        from zhconv_rs import zhconv  # lazy: only this rule needs it

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
                f"全文以繁体字书写（{len(found)} 处繁体字），不逐字报告；如需发布简体版，请整体转换",
                severity=Severity.INFO,
            )
            return
        for offset, traditional, simplified in found:
            yield self.finding(
                Span(offset, offset + 1),
                f"简体文本中出现繁体字“{traditional}”，应为“{simplified}”",
                fix=Fix(Span(offset, offset + 1), simplified),
            )


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

    Example:
        抓获犯罪嫌疑人12人,破获案件21起,涉及5个村(居)。

    Instead:
        抓获犯罪嫌疑人12人，破获案件21起，涉及5个村（居）。
    """

    code = "CHAR002"
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
        return self.finding(span, f"中文里使用了半角“{mark}”，应为全角“{full}”", fix=Fix(span, full))


# ---------------------------------------------------------------- CHAR003

_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_DOUBLED_MARK = regex.compile(r"([，。、；：])\1+")
# Bars at the end of a line (all of them: one fix), found from the bars so that a long
# line is scanned once; the line must not be a Markdown table row (see _trailing_bars).
_TRAILING_BAR = regex.compile(r"(?:[|｜][ \t　]*)+(?=\r?$)", regex.MULTILINE)
_BLANKS = " \t　"
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

    Example:
        全市共破获案件156起，，抓获犯罪嫌疑人51人。

    Instead:
        全市共破获案件156起，抓获犯罪嫌疑人51人。
    """

    code = "CHAR003"
    name = "stray-artifact"
    fixable = True
    severity = Severity.WARNING
    scope = "sentence"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.masked
        found: list[Finding] = []
        for m in _INVISIBLE.finditer(text):
            if m.start() == 0 and m.group() == "\ufeff":
                continue  # a byte-order mark that survived decoding is handled by the reader
            span = Span(m.start(), m.end())
            names = "、".join(sorted({f"U+{ord(c):04X}" for c in m.group()}))
            found.append(self.finding(span, f"不可见字符（{names}），应删除", fix=Fix(span, "")))
        start = text.find(_REPLACEMENT)
        while start != -1:
            found.append(
                self.finding(Span(start, start + 1), "替换字符“\ufffd”：此处原有字符在转换中丢失，请补回原字")
            )
            start = text.find(_REPLACEMENT, start + 1)
        for span in _trailing_bars(text):
            found.append(self.finding(span, "行末多余的“|”，多为网页分隔符，应删除", fix=Fix(span, "")))
        for m in _DOUBLED_MARK.finditer(text):
            if doc.block_at(m.start()) is None:
                continue
            span = Span(m.start() + 1, m.end())
            found.append(
                self.finding(Span(m.start(), m.end()), f"标点重复：“{m.group()}”", fix=Fix(span, ""))
            )
        yield from sorted(found, key=lambda f: f.span.start)


RULES = (DoubledWord, TraditionalCharacter, HalfwidthPunctuation, StrayArtifact)
