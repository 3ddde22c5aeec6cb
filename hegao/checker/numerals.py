"""Exact values of numerals written with Arabic digits or Chinese characters.

Values are :class:`~decimal.Decimal`, never float. Chinese integers are parsed by
cn2an (imported lazily: most drafts write figures in Arabic digits); digits after
点 are read one by one so that no float ever touches a decimal.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

# Same length in and out, so offsets into the translated text stay valid. The
# full-width comma is left alone: in prose it separates list items, not thousands.
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

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


def parse_arabic(text: str) -> tuple[Decimal, int]:
    """Value and printed decimals of ``1,234.50`` style numbers (full width allowed)."""
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
    import cn2an  # lazy: costs a noticeable share of start-up

    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError):
        raise NumeralError(text) from None
    if not isinstance(value, int):
        raise NumeralError(text)
    return value
