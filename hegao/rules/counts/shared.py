"""What the counting rules share: Chinese numerals as counts, the 一是/二是 enumerators,
conjunctions and quoted spans a list is read past."""

from __future__ import annotations

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.figures.numerals import NumeralError, parse_chinese
from hegao.checker.text.outline import CN_OUTLINE_NUMERAL

QUOTED = regex.compile(r"“[^”]*”|「[^」]*」|《[^》]*》|（[^）]*）|\([^)]*\)")


AND = vocab.pattern("joining.conjunction")


# 一是……二是……: at the start of a block or after a clause mark.
SHI = regex.compile(rf"(?<=^|[。；;：:，,\s#])([{CN_OUTLINE_NUMERAL}]{{1,3}})是")


def numeral_number(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    try:
        value, decimals = parse_chinese(numeral)
    except NumeralError:
        return None
    return int(value) if decimals == 0 else None
