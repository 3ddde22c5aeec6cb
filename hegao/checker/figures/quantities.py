"""Extract every number claim of a draft: value, scale, unit, approximation, kind.

Dates, times, years, case codes (“12·31”), ordinals, fixed phrases (一盘棋) and
numbered labels (“四大杀手”) are recognised first and never become quantities;
labels are kept separately so that rules can count their items.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.datafiles import data_lines
from hegao.checker.figures.numerals import (
    CN_BIG_UNITS,
    CN_DIGITS,
    CN_UNITS,
    SCALES,
    NumeralError,
    ascii_figures,
    parse_arabic,
    parse_chinese,
)
from hegao.checker.model import Span

if TYPE_CHECKING:
    from collections.abc import Sequence


class Kind(StrEnum):
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    POINTS = "percentage_point"
    MULTIPLE = "multiple"
    MEASURE = "measure"
    FRACTION = "fraction"
    RANGE = "range"
    NUMBER = "number"  # no unit: a bare figure


@dataclass(frozen=True, slots=True)
class Quantity:
    span: Span
    text: str
    value: Decimal  # the number as written, before its scale (708604.9 in 708604.9万元)
    scale: str  # 万, 亿, 万亿 … or ""
    unit: str  # 元, 起, %, 个百分点 … or ""
    approx: tuple[str, ...]  # 余, 多, 约, 近, 超过, 左右 … in the order written
    kind: Kind
    decimals: int  # decimals printed after the point
    high: Decimal | None = None  # upper bound of a range, before scale
    denominator: int | None = None  # for fractions: value = numerator / denominator

    @property
    def multiplier(self) -> Decimal:
        return Decimal(1).scaleb(_scale_exponent(self.scale))

    @property
    def base(self) -> Decimal:
        """The value in base units (元, 人 …), scale applied."""
        return self.value * self.multiplier

    @property
    def base_high(self) -> Decimal | None:
        return None if self.high is None else self.high * self.multiplier

    @property
    def resolution(self) -> Decimal:
        """One unit in the last printed digit, in base units: 0.1万 → 1000."""
        return Decimal(1).scaleb(_scale_exponent(self.scale) - self.decimals)

    @property
    def is_approximate(self) -> bool:
        return bool(self.approx)


@dataclass(frozen=True, slots=True)
class Label:
    """A numbered label such as “四大杀手” or “两降两升”: number and quoted text."""

    span: Span  # the label text, without its quotes
    text: str
    number: int


# The figures read of one draft: FIGURES_READ_MIN, and one for every CHARACTERS_PER_FIGURE
# characters beyond that. Each figure read costs ~800 bytes with its claims; prose holds
# one figure in 30 to 100 characters, the densest statistical communiqué one in 12 (925
# in 11,500 characters, all read). A longer file of figures and little else (a column of
# numbers) is read up to that many and says where the reading stopped, so that memory
# stays within 50 bytes a character.
FIGURES_READ_MIN = 20_000
CHARACTERS_PER_FIGURE = 40


def figures_read_max(length: int) -> int:
    return FIGURES_READ_MIN + length // CHARACTERS_PER_FIGURE


@dataclass(frozen=True, slots=True)
class Extraction:
    quantities: list[Quantity]  # sorted by start
    labels: list[Label]
    # Where the reading of figures stopped, when the draft holds more than it reads
    # (figures_read_max); None when every figure was read.
    stopped_at: int | None = None
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [q.span.start for q in self.quantities])

    def quantities_in(self, span: Span) -> list[Quantity]:
        lo = bisect.bisect_left(self._starts, span.start)
        hi = bisect.bisect_left(self._starts, span.end, lo)
        return [q for q in self.quantities[lo:hi] if q.span.end <= span.end]

    def quantities_in_each(self, starts: Sequence[int], ends: Sequence[int]) -> list[Sequence[Quantity]]:
        """``quantities_in`` of each span, given as its starts and ends, for spans in text
        order that do not overlap (clauses, sentences). Each quantity is dealt to the span
        it starts in: most spans hold none (and share one empty tuple), and there are
        fewer quantities than spans to look up."""
        out: list[Sequence[Quantity]] = [()] * len(starts)
        if not self.quantities:
            return out
        for q in self.quantities:
            i = bisect.bisect_right(starts, q.span.start) - 1
            if i >= 0 and q.span.end <= ends[i]:
                held = out[i]
                if held:
                    held.append(q)  # type: ignore[attr-defined]
                else:
                    out[i] = [q]
        return out


def _scale_exponent(scale: str) -> int:
    # 十万 = 十 + 万 = 10^(1+4); 万亿 = 10^(4+8): exponents of a compound scale add up.
    return sum(SCALES[ch] for ch in scale)


# ---------------------------------------------------------------- data tables


@cache
def units() -> dict[str, Kind]:
    table: dict[str, Kind] = {}
    for word, kind in _data_rows("units.txt"):
        table[word] = Kind(kind if kind != "points" else "percentage_point")
    return table


@cache
def fixed_phrase_pattern() -> re.Pattern[str]:
    """The fixed phrases whose numerals are no figures (一盘棋, 四个现代化)."""
    phrases = sorted((row[0] for row in _data_rows("fixed_phrases.txt")), key=len, reverse=True)
    # 十分 is a word, 十分之一 a fraction. ``re``: it scans a list of words 3× faster.
    return re.compile("(?:" + "|".join(re.escape(p) for p in phrases) + ")(?!之)")


def _data_rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in data_lines("hegao.checker", name)]


# ---------------------------------------------------------------- patterns

# A 千 that starts a metric unit (五万千瓦, 三百千米) is the unit's, not the numeral's.
_CN = f"(?:[{''.join(CN_DIGITS)}{CN_UNITS.replace('千', '')}{CN_BIG_UNITS}点點]|千(?![瓦米克]))"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?"
_RANGE_SEP = r"[-－—–~～至到]"
_SCALE = "|".join("千(?![瓦米克])" if w == "千" else regex.escape(w) for w in vocab.words("figures.scale"))
# 近 in 最近 (recently), 附近 (nearby) … is part of a word, not a marker.
_PREFIX_APPROX = "|".join(
    "(?<![最附临邻靠亲新就远逼贴走])近" if w == "近" else regex.escape(w)
    for w in vocab.words("approximation.before_figure")
)
_SUFFIX_APPROX = vocab.alternation("approximation.after_quantity")
_AFTER_NUMBER = vocab.alternation("approximation.after_number")  # 300余人, 二十来人
_AFTER_SCALE = vocab.alternation("approximation.after_scale")  # 3万余人
_GAP = r"(?:[ \t\u3000]|\r?\n)"


# The quantity pattern's groups by number: a match given a group's name first tries it
# as a number, which raises and formats an error each time (a test keeps these right).
_G_PRE = 1
_G_NEG = 2
_G_NUM = 3
_G_SEP = 4
_G_NUM2 = 5
_G_APX1 = 6
_G_SCALE = 7
_G_APX2 = 8
_G_UNIT = 9
_G_POST = 10


@cache
def _quantity_pattern() -> regex.Pattern[str]:
    unit_alt = "|".join(regex.escape(u) for u in sorted(units(), key=len, reverse=True))
    num = rf"(?:{_ARABIC}|{_CN}+)"
    # A single Chinese numeral character followed by nothing a quantity continues with
    # is a lone character (一 in 统一, 三 in 三是), never a figure: the pattern passes it
    # by, where a match would have been made and thrown away (most matches were these).
    follow = "".join(regex.escape(c) for c in sorted(_followers()))
    first = rf"(?:{_ARABIC}|{_CN}{{2,}}|{_CN}(?=[{follow}]))"
    return regex.compile(
        rf"(?P<pre>{_PREFIX_APPROX})?"
        # A minus sign after a word, not after a figure (which would make a range): 补助收入-4.4亿元.
        r"(?P<neg>负|負|(?<=[\p{Han}：:，,（(\s])[-－−](?=\d))?"
        rf"(?<![\d.,A-Za-z])(?P<num>{first})"
        rf"(?:(?P<sep>{_RANGE_SEP})(?P<num2>{num}))?"
        rf"(?P<apx1>{_AFTER_NUMBER})?"
        # Text from PDF spaces figures apart (616.6 亿元) or wraps between them (22.1⏎亿元).
        rf"(?:{_GAP}?(?P<scale>{_SCALE}))?"
        rf"(?P<apx2>{_AFTER_SCALE})?"
        rf"(?:{_GAP}?(?P<unit>{unit_alt}))?"
        rf"(?P<post>{_SUFFIX_APPROX})?"
    )


def _followers() -> set[str]:
    """The characters that may follow a figure inside a quantity, taken from the pieces
    of the pattern below: a range mark, 余/多/来, a space or line break, a scale, a unit,
    左右/以上/许."""
    alternatives = [*_SCALE.split("|"), *units(), *_SUFFIX_APPROX.split("|")]
    marks = set(_RANGE_SEP.strip("[]")) | set(vocab.words("approximation.after_number"))
    return {a[0] for a in alternatives} | marks | set(" \t\u3000\r\n")


_CN_NUM = f"{_CN}+"
_PERCENT_WORD = vocab.alternation("figures.percent_word")
_PERMILLE_WORD = vocab.alternation("figures.permille_word")
_PERCENT_WORDS = regex.compile(
    rf"(?P<pre>{_PREFIX_APPROX})?(?P<per>{_PERCENT_WORD}|{_PERMILLE_WORD})(?P<num>{_CN_NUM}|{_ARABIC})"
)
_FRACTION = regex.compile(rf"(?:(?P<whole>{_CN_NUM})又)?(?P<den>{_CN_NUM})分之(?P<num>{_CN_NUM})")
_CN_YEAR_DIGITS = "〇零一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十"
# A list of years before 年 (2016、2017、2018年) names at most this many after its first:
# unbounded, a list with no 年 after it was read to its end from each of its years (a
# pasted column of years, n²/5 steps), and no bulletin lists decades year by year.
YEAR_LIST_MAX = 30
# Each piece is possessive where giving a character back cannot help (spaces before a
# mark that is not a space, a year's four digits before a separator), and the case code
# starts where its run of digits starts: tried inside the run, a run of n digits was
# scanned from each of its n places.
_NOT_QUANTITY = regex.compile(
    "|".join(
        [
            # years, year lists and ranges: 2021年, 2019、2020年, 2016-2020年度
            rf"\d{{4}}(?:\s*+(?:{_RANGE_SEP}|[、,，和及])\s*+\d{{4}}){{0,{YEAR_LIST_MAX}}}+\s*+年(?:度|代)?",
            rf"[{_CN_YEAR_DIGITS}]{{4}}年",
            # full dates in digits: 2021-01-07, 2021.1.7, 2021/1/7
            r"\d{4}[./\-]\d{1,2}[./\-]\d{1,2}",
            # months and month ranges: 10月, 1-6月, 1至5月份, 十月
            rf"(?<!\d)\d{{1,2}}\s*(?:{_RANGE_SEP}\s*\d{{1,2}}\s*)?月(?:份)?",
            rf"[{_CN_SMALL}]{{1,3}}(?:{_RANGE_SEP}[{_CN_SMALL}]{{1,3}})?月(?:份)?",
            # days: 12日, 7-9日, 十五日
            rf"(?<!\d)\d{{1,2}}\s*(?:{_RANGE_SEP}\s*\d{{1,2}}\s*)?[日号]",
            rf"(?<=月)[{_CN_SMALL}]{{1,3}}[日号]",
            # times: 21时35分, 8点30分, 21:00
            r"(?<!\d)\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分(?:\s*\d{1,2}\s*秒)?)?(?![\d.])",
            r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?",
            # case codes: “12·31”, 8·28
            r"(?<!\d)\d++\s*+[·•・‧]\s*+\d+",
            # ordinals: 第三名, 第2批
            rf"第\s*(?:{_ARABIC}|{_CN}+)",
            # weekdays
            r"(?:星期|礼拜|周)[一二三四五六日天]",
        ]
    )
)
# The opening quote is matched, not looked behind for: a pattern that opens on a
# character is tried only where that character is.
_QUOTED_LABEL = regex.compile(
    r"[“\"「『‘](?P<label>(?P<num>[一二三四五六七八九十两百千万]+)[^“”\"「」『』‘’\n]{1,10}?)(?=[”\"」』’])"
)
_QUOTED_FIGURE = regex.compile(r"[“\"「『]\s*[\d.]+\s*[”\"」』]")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")


# ---------------------------------------------------------------- extraction


# Full-width figures grouped by full-width commas (２，１５４，０６７元) are one number;
# elsewhere a full-width comma separates list items.
_FULLWIDTH_GROUPED = re.compile(  # ``re``: a scan over every character, 2× faster there
    r"(?<![０-９])[０-９]{1,3}(?:，[０-９]{3})+(?![０-９])"
    # 1，753亿元: figures grouped by full-width commas, with a scale or unit right after.
    r"|(?<![\d.,，])\d{1,3}(?:，\d{3})+(?=[万亿千百]|[元人个吨件起户])"
)


_DIGIT_COMMA_DIGIT = re.compile(r"\d，\d")


def _normalize_digits(masked: str, figures: str | None = None) -> str:
    """The text figures are read from: ``figures`` (``masked`` with its full-width digits
    in ASCII, same length), with the full-width commas of grouped figures as commas."""
    figures = ascii_figures(masked) if figures is None else figures
    # Where a digit, a full-width comma and a digit meet, the grouped figure starts in
    # the run of digits before the comma: match there (a scan of the whole text with
    # the lookbehinds costs ten times more).
    pieces: list[str] = []
    done = 0
    for probe in _DIGIT_COMMA_DIGIT.finditer(masked):
        if probe.start() < done:
            continue
        start = probe.start()
        while start > done and masked[start - 1].isdigit():
            start -= 1
        # The figure starts at the run's start, or where its digits change width (0０，０００).
        grouped = None
        for at in range(start, probe.start() + 1):
            grouped = _FULLWIDTH_GROUPED.match(masked, at)
            if grouped is not None:
                break
        if grouped is not None:
            pieces.append(figures[done : grouped.start()])
            pieces.append(figures[grouped.start() : grouped.end()].replace("，", ","))
            done = grouped.end()
    pieces.append(figures[done:])
    return "".join(pieces) if len(pieces) > 1 else figures


def extract_from_text(masked: str, figures: str | None = None) -> Extraction:
    """The quantities and numbered labels of ``masked``; ``figures`` is its ASCII-figure
    form when the document has it already (read once for quantities and dates)."""
    text = _normalize_digits(masked, figures)
    blocked: list[Span] = []
    labels: list[Label] = []
    for m in _NOT_QUANTITY.finditer(text):
        blocked.append(Span(m.start(), m.end()))
    for m in _QUOTED_FIGURE.finditer(text):
        blocked.append(Span(m.start(), m.end()))
    for phrase in fixed_phrase_pattern().finditer(text):  # ``re``, not ``regex``: its own name
        blocked.append(Span(phrase.start(), phrase.end()))
    for m in _QUOTED_LABEL.finditer(text):
        span = Span(m.start("label"), m.end("label"))
        blocked.append(span)
        number = _label_number(m.group("label"), m.group("num"))
        if number is not None:
            labels.append(Label(span, m.group("label"), number))
    blocked.sort()
    guard = _Blocked(blocked)

    quantities: list[Quantity] = []
    taken = _Blocked([])
    limit = figures_read_max(len(text))
    stop = len(text)  # the reading stops here when the figures are more than the limit
    for q in _word_quantities(text, masked, guard):
        if len(quantities) >= limit:
            stop = q.span.start
            break
        quantities.append(q)
        taken.add(q.span)
    for m in _quantity_pattern().finditer(text):
        if m.start() >= stop:
            break
        if _lone_chinese_character(m):
            continue
        num_span = Span(m.start(_G_NUM), m.end(_G_NUM2) if m.group(_G_NUM2) else m.end(_G_NUM))
        if guard.hits(num_span) or taken.hits(num_span):
            continue
        if len(quantities) >= limit:
            stop = m.start()
            break
        found = _quantity_from_match(m, text, masked)
        if found is not None:
            quantities.append(found)
    quantities.sort(key=lambda q: q.span.start)
    labels.sort(key=lambda lab: lab.span.start)
    if stop < len(text):
        quantities = [q for q in quantities if q.span.start < stop]
        return Extraction(quantities, labels, stop)
    return Extraction(quantities, labels)


class _Blocked:
    """Sorted, possibly overlapping spans with a fast overlap test (bisecting plain
    integers: comparing Span objects runs Python code on every step)."""

    def __init__(self, spans: list[Span]) -> None:
        self._starts = [s.start for s in spans]
        self._ends = [s.end for s in spans]
        self._max_len = max((len(s) for s in spans), default=0)

    def add(self, span: Span) -> None:
        i = bisect.bisect_right(self._starts, span.start)
        self._starts.insert(i, span.start)  # at the end when spans come in order
        self._ends.insert(i, span.end)
        self._max_len = max(self._max_len, len(span))

    def hits(self, span: Span) -> bool:
        starts, ends = self._starts, self._ends
        i = bisect.bisect_left(starts, span.start - self._max_len)
        while i < len(starts) and starts[i] < span.end:
            if ends[i] > span.start:
                return True
            i += 1
        return False


_COMPOUND_LABEL = regex.compile(r"(?:[一二三四五六七八九十两]+\p{Han})+")
_LABEL_PART = regex.compile(r"([一二三四五六七八九十两]+)\p{Han}")


_LABEL_UNITY = regex.compile(f"(?:{vocab.alternation('counting.label_unity')})$")


def _label_number(label: str, leading: str) -> int | None:
    """How many items a label names: “六有” 6, “四大杀手” 4, “两降两升” 2 + 2,
    “三查一究” 3 + 1, “三位一体” 3 (its parts made one). A quote holding several labels
    (“十个严禁、七项制度”) names none."""
    if "、" in label or "，" in label or "," in label:
        return None
    unity = _LABEL_UNITY.search(label)
    if unity and unity.start() > 0:
        label = label[: unity.start()]
    if _COMPOUND_LABEL.fullmatch(label) and len(_LABEL_PART.findall(label)) > 1:
        numbers = [_leading_number(p) for p in _LABEL_PART.findall(label)]
        return None if None in numbers else sum(n for n in numbers if n is not None)
    return _leading_number(leading)


def _leading_number(numeral: str) -> int | None:
    for end in range(len(numeral), 0, -1):
        try:
            value, decimals = parse_chinese(numeral[:end])
        except NumeralError:
            continue
        if decimals == 0:
            return int(value)
    return None


def _word_quantities(text: str, masked: str, guard: _Blocked) -> list[Quantity]:
    """三分之一, 三又五分之一, 百分之三十, 千分之五 (一百分之一 is a fraction, not 1%)."""
    found: list[Quantity] = []
    # Both patterns need 分之 and neither crosses a line: only the lines that hold it
    # are scanned (half the reports never write one).
    lines = _lines_holding(text, "分之")
    for m in (m for a, b in lines for m in _FRACTION.finditer(text, a, b)):
        if m.group("den") in ("百", "千"):
            continue  # 百分之/千分之: a percentage, below
        try:
            den, _ = parse_chinese(m.group("den"))
            num, _ = parse_chinese(m.group("num"))
            whole = parse_chinese(m.group("whole"))[0] if m.group("whole") else Decimal(0)
        except NumeralError:
            continue
        span = Span(m.start(), m.end())
        if den == 0 or guard.hits(span):
            continue
        numerator = int(whole * den + num)
        value = Decimal(numerator) / den
        found.append(
            Quantity(
                span,
                masked[span.start : span.end],
                value,
                "",
                "",
                (),
                Kind.FRACTION,
                0,
                denominator=int(den),
            )
        )
    fractions = _Blocked([q.span for q in found])
    for m in (m for a, b in lines for m in _PERCENT_WORDS.finditer(text, a, b)):
        span = Span(m.start(), m.end())
        if guard.hits(span) or fractions.hits(span):
            continue
        try:
            value, decimals = _parse_any(m.group("num"))
        except NumeralError:
            continue
        unit = "%" if m.group("per") in vocab.words("figures.percent_word") else "‰"
        approx = (m.group("pre"),) if m.group("pre") else ()
        found.append(
            Quantity(span, masked[span.start : span.end], value, "", unit, approx, Kind.PERCENT, decimals)
        )
    return found


def _lines_holding(text: str, needle: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that holds ``needle``, in order."""
    out = []
    at = text.find(needle)
    while at != -1:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        out.append((start, end))
        at = text.find(needle, end)
    return out


def _parse_any(numeral: str) -> tuple[Decimal, int]:
    if not numeral:
        raise NumeralError(numeral)
    if numeral[0].isdigit():
        return parse_arabic(numeral)
    return parse_chinese(numeral)


def _lone_chinese_character(m: regex.Match[str]) -> bool:
    """一 in 进一步, 三 in 三是, 一个: one Chinese numeral character with no scale, and no
    unit unless it is 一 (an article), is never a figure. The pattern passes by those that
    nothing a quantity continues with follows; the others (一个) are set aside here,
    before the full reading."""
    if m.end(_G_NUM) - m.start(_G_NUM) != 1:
        return False
    num, num2, scale, unit = m.group(_G_NUM, _G_NUM2, _G_SCALE, _G_UNIT)
    return not num.isdigit() and num2 is None and scale is None and (unit is None or num == "一")


def _quantity_from_match(m: regex.Match[str], text: str, masked: str) -> Quantity | None:
    raw = m.group(_G_NUM)
    scale = m.group(_G_SCALE) or ""
    unit = m.group(_G_UNIT) or ""
    start, end = m.start(), m.end()
    if raw[0].isdigit():
        if _touches_ascii(text, m.start(_G_NUM), m.end(_G_NUM2) if m.group(_G_NUM2) else m.end(_G_NUM)):
            return None
        try:
            value, decimals = parse_arabic(raw)
        except NumeralError:
            return None
    else:
        parsed = _chinese_with_scale(raw, scale)
        # 七八个 is "seven or eight", not 78; 二〇二一 (four digits) is a number.
        digits = raw.rstrip(CN_BIG_UNITS)
        two_digits = len(digits) == 2 and all(ch in CN_DIGITS for ch in digits)
        spoken_range = chinese_range(raw) if parsed is None or two_digits else None
        if spoken_range is not None and not m.group(_G_NUM2):
            low, top, big = spoken_range
            return Quantity(
                Span(start, end),
                masked[start:end],
                low,
                _simple_scale(big + scale),
                unit,
                _approx_of(m),
                Kind.RANGE,
                0,
                top,
            )
        if parsed is None:
            return None
        value, decimals, scale = parsed
        if not unit and not scale and not m.group(_G_NUM2) and not _standalone_chinese(raw):
            return None
    high: Decimal | None = None
    if m.group(_G_NUM2):
        try:
            high, high_decimals = _parse_any(m.group(_G_NUM2).rstrip("万亿萬億"))
        except NumeralError:
            return None
        if (raw[0].isdigit()) != (m.group(_G_NUM2)[0].isdigit()) or high <= value:
            # 1-2 then a different number kind, or a descending pair: a list, not a range
            end = m.end(_G_NUM)
            high = None
            unit, scale = "", ""
        else:
            decimals = max(decimals, high_decimals)
    approx = _approx_of(m)
    if high is None and m.group(_G_NUM2):
        approx = tuple(g for g in (m.group(_G_PRE),) if g)
    kind = units().get(unit, Kind.NUMBER)
    if high is not None:
        kind = Kind.RANGE
    elif m.group(_G_NEG):
        value = -value
    if unit == "元" and not scale:
        small = _JIAO_FEN.match(text, end)
        if small:
            value, decimals, end = _add_jiao_fen(value, decimals, small)
    return Quantity(Span(start, end), masked[start:end], value, scale, unit, approx, kind, decimals, high)


_JIAO_FEN = regex.compile(
    rf"(?P<jiao>[{''.join(CN_DIGITS)}\d])[角毛](?:(?P<fen>[{''.join(CN_DIGITS)}\d])分)?"
    rf"|(?:零)?(?P<fen_only>[{''.join(CN_DIGITS)}\d])分"
)


def _add_jiao_fen(value: Decimal, decimals: int, m: regex.Match[str]) -> tuple[Decimal, int, int]:
    """三千三百八十元五角八分 → 3380.58; 二十五元三毛 → 25.3."""

    def digit(ch: str | None) -> int:
        return 0 if ch is None else (int(ch) if ch.isdigit() else CN_DIGITS[ch])

    jiao, fen = digit(m.group("jiao")), digit(m.group("fen") or m.group("fen_only"))
    places = 2 if (m.group("fen") or m.group("fen_only")) else 1
    cents = Decimal(jiao * 10 + fen).scaleb(-2)
    return value + cents, max(decimals, places), m.end()


def _approx_of(m: regex.Match[str]) -> tuple[str, ...]:
    return tuple(g for g in (m.group(_G_PRE), m.group(_G_APX1), m.group(_G_APX2), m.group(_G_POST)) if g)


def _touches_ascii(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(_ASCII_LETTER.match(before) or _ASCII_LETTER.match(after))


def _chinese_with_scale(raw: str, scale: str) -> tuple[Decimal, int, str] | None:
    """Parse a Chinese numeral, moving a trailing 万/亿 into the scale (五十万 → 50, 万)."""
    body = raw
    trailing = ""
    # Only the largest unit moves: 五十万 → 50 万, but 一億一千萬 stays one number.
    while (
        len(body) > 1
        and body[-1] in CN_BIG_UNITS
        and body[-2] not in "点點"
        and not any(ch in CN_BIG_UNITS for ch in body[:-1])
    ):
        trailing = body[-1] + trailing
        body = body[:-1]
    if body in ("百", "千", "万", "亿", "萬", "億") or (body == "一" and not (trailing or scale)):
        # A lone 一 before a measure word is an article (一起 = together, 一名民警);
        # a lone 百/千 is part of a word (百姓, 千方百计).
        return None
    try:
        value, decimals = parse_chinese(body)
    except NumeralError:
        return None
    return value, decimals, _simple_scale(trailing + scale)


def _simple_scale(scale: str) -> str:
    return scale.replace("萬", "万").replace("億", "亿")


_CN_APPROX_RANGE = regex.compile(
    r"^(?P<p>.*?[十百千万亿萬億])?(?P<d1>[一二三四五六七八九])(?P<d2>[二三四五六七八九])"
    r"(?P<small>[十百千]?)(?P<big>[万亿萬億]*)$"
)


def chinese_range(raw: str) -> tuple[Decimal, Decimal, str] | None:
    """Spoken approximate ranges: 三五百 (300–500), 十七八万 (17–18万), 一万六七 (16000–17000)."""
    m = _CN_APPROX_RANGE.match(raw)
    if not m:
        return None
    d1, d2 = CN_DIGITS[m.group("d1")], CN_DIGITS[m.group("d2")]
    if not (d2 == d1 + 1 or (d1, d2) == (3, 5)):
        return None
    prefix = m.group("p") or ""
    try:
        base = parse_chinese(prefix)[0] if prefix else Decimal(0)
    except NumeralError:
        return None
    if m.group("small"):
        step = SCALES[m.group("small")]
    elif prefix:
        step = SCALES[prefix[-1]] - 1  # 一万六七: the digits count thousands
    else:
        step = 0
    unit = Decimal(1).scaleb(step)
    return base + d1 * unit, base + d2 * unit, _simple_scale(m.group("big"))


def _standalone_chinese(raw: str) -> bool:
    """A Chinese numeral with no unit counts only if it cannot be an ordinary word."""
    return len(raw) >= 2 and any(ch in CN_UNITS + CN_BIG_UNITS + "点點" for ch in raw)
