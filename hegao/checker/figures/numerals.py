"""Exact values of numerals written with Arabic digits or Chinese characters.

Values are :class:`~decimal.Decimal`, never float. Chinese integers are parsed by
cn2an (imported lazily: most drafts write figures in Arabic digits); digits after
点 are read one by one so that no float ever touches a decimal.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

# Same length in and out, so offsets into the translated text stay valid. The
# full-width comma is left alone: in prose it separates list items, not thousands.
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_FULLWIDTH_FIGURES = re.compile("[０-９．％]+")


def _ascii_run(m: re.Match[str]) -> str:
    return m.group().translate(FULLWIDTH_DIGITS)


def ascii_figures(text: str) -> str:
    """Full-width digits, point and percent sign as ASCII; same length, so offsets hold.
    Only the runs of them are translated: translate looks up every character it is
    given, and figures are a small part of a document."""
    return _FULLWIDTH_FIGURES.sub(_ascii_run, text)


SCALES: dict[str, int] = {
    "十": 1,
    "百": 2,
    "千": 3,
    "万": 4,
    "十万": 5,
    "百万": 6,
    "千万": 7,
    "亿": 8,
    "十亿": 9,
    "百亿": 10,
    "千亿": 11,
    "万亿": 12,
    "萬": 4,
    "億": 8,
    "拾": 1,
    "佰": 2,
    "仟": 3,
}

CN_DIGITS: dict[str, int] = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "壹": 1,
    "幺": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
CN_UNITS = "十拾百佰千仟"
CN_BIG_UNITS = "万萬亿億"
CN_POINT = "点點"
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + CN_UNITS + CN_BIG_UNITS + CN_POINT

# cn2an understands simplified characters; traditional and financial forms are
# mapped first (one character to one, so lengths never change).
_TO_SIMPLE = str.maketrans(
    {
        "萬": "万",
        "億": "亿",
        "點": "点",
        "兩": "两",
        "貳": "贰",
        "參": "叁",
        "陸": "陆",
        "幺": "一",
    }
)


class NumeralError(ValueError):
    """Text that looks like a numeral but is not a well-formed one."""


# The longest Chinese numeral a figure is written with: 九千九百九十九万九千九百九十九亿
# 九千九百九十九万九千九百九十九 has 31 characters, a number read digit by digit (二〇二一, a
# code) fewer. A longer run of numeral characters is not a figure, and reading one costs:
# 4 301 digits pass Python's int limit (ValueError), a thousand 亿 its recursion limit.
NUMERAL_MAX_CHARS = 64


# The most digits a figure in Arabic digits has: the decimal context's precision (28), past
# which sums round and a quantize raises. A longer run of digits is a code or a paste,
# not a figure (the largest budget, in 元, has 14).
ARABIC_MAX_DIGITS = 28


def parse_arabic(text: str) -> tuple[Decimal, int]:
    """Value and printed decimals of ``1,234.50`` style numbers (full width allowed)."""
    if sum(ch.isdigit() for ch in text) > ARABIC_MAX_DIGITS:
        raise NumeralError(text)
    plain = text.translate(FULLWIDTH_DIGITS).replace(",", "")
    try:
        value = Decimal(plain)
    except ArithmeticError:
        raise NumeralError(text) from None
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return value, decimals


@lru_cache(maxsize=4096)
def parse_chinese(text: str) -> tuple[Decimal, int]:
    """Value and printed decimals of a Chinese numeral (三千五百万, 一点五, 二〇二一)."""
    if len(text) > NUMERAL_MAX_CHARS:  # before any work: a caller may try each prefix of a run
        raise NumeralError(text)
    simple = text.translate(_TO_SIMPLE)
    if not simple or any(ch not in CN_NUMERAL_CHARS for ch in simple):
        raise NumeralError(text)
    if "点" in simple:
        whole, _, rest = simple.partition("点")
        # 一点五万: the scale after the decimals applies to the whole number.
        scale = 0
        while rest and rest[-1] in "万亿":
            scale += SCALES[rest[-1]]
            rest = rest[:-1]
        if not rest or any(ch not in CN_DIGITS for ch in rest):
            raise NumeralError(text)
        int_value = _chinese_integer(whole) if whole else 0
        digits = "".join(str(CN_DIGITS[ch]) for ch in rest)
        value = Decimal(f"{int_value}.{digits}").scaleb(scale)
        decimals = max(len(digits) - scale, 0)
        return value.quantize(Decimal(1).scaleb(-decimals)), decimals
    return Decimal(_chinese_integer(simple)), 0


_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}


def _standard_integer(text: str) -> int | None:
    """Standard written numerals (三千五百万, 一亿零一万, 十五); None for anything else.

    As in speech, a digit after a unit with no unit of its own counts in the next lower
    unit: 一百一 is 110, 一万五 is 15000.
    """
    text = text.replace("万万", "亿")  # 四万万 (an old way of writing 亿)
    head, _, tail = text.rpartition("亿")
    if head:
        high = _standard_integer(head)
        low = _below_yi(tail, colloquial_unit=10**7)
        return None if high is None or low is None else high * 10**8 + low
    return _below_yi(tail, colloquial_unit=None)


def _below_yi(text: str, colloquial_unit: int | None) -> int | None:
    head, _, tail = text.rpartition("万")
    if head:
        high = _below_wan(head, None)
        low = _below_wan(tail, 1000)
        return None if high is None or low is None else high * 10**4 + low
    return _below_wan(tail, colloquial_unit)


def _below_wan(text: str, colloquial_unit: int | None) -> int | None:
    """Up to 9999. ``colloquial_unit``: what a lone leading digit counts in (一万五 → 5000)."""
    if not text:
        return 0
    total = 0
    digit: int | None = None
    last_unit = 10**4
    zero = False
    for ch in text:
        if ch in "零〇":
            if digit is not None:
                return None
            zero = True
        elif ch in CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row: 三五, not a standard numeral
            digit = CN_DIGITS[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= last_unit:
                return None
            if digit is None:
                if unit != 10 or (zero and total == 0):  # 二千零十七 = 2017
                    return None
                digit = 1  # 十五 = 15, 一百十 = 110
            total += digit * unit
            digit = None
            last_unit = unit
            zero = False
        else:
            return None
    if digit is not None:
        if last_unit == 10**4:
            # a lone digit: itself, or in the unit below the section's (一万五)
            total += digit * (colloquial_unit or 1) if text.strip("零〇") == text else digit
        elif zero or last_unit == 10:
            total += digit
        else:
            total += digit * last_unit // 10  # 一百一 = 110
    return total


def _chinese_integer(text: str) -> int:
    if all(ch in CN_DIGITS for ch in text):
        # Digit by digit: 二〇二一 = 2021, 一二三四 = 1234.
        if len(text) == 1:
            return CN_DIGITS[text]
        if text[0] in "两" or any(ch in "两" for ch in text):
            raise NumeralError(text)
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    if text[0] in "零〇":
        raise NumeralError(text)
    value = _standard_integer(text)
    if value is not None:
        return value
    if not any(ch in CN_DIGITS for ch in text) and not text.startswith("十"):
        raise NumeralError(text)  # 百万, 千: units without a number
    import cn2an  # lazy and rare: it costs over 0.1 s to import (pydantic and more)

    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError):
        raise NumeralError(text) from None
    if not isinstance(value, int):
        raise NumeralError(text)
    return value


def whole_number(numeral: str) -> int | None:
    """The whole number a count is written with (12, 十二, 两), or None: 二点五 is no count."""
    if numeral.isdigit():
        return int(numeral)
    try:
        value, decimals = parse_chinese(numeral)
    except NumeralError:
        return None
    return int(value) if decimals == 0 else None
