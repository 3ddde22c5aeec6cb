"""What the counting rules share: Chinese numerals as counts, the 一是/二是 enumerators,
conjunctions and quoted spans a list is read past."""

from __future__ import annotations

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.figures.numerals import whole_number as numeral_number
from hegao.checker.text.outline import POINT_NUMBER as SHI

QUOTED = regex.compile(r"“[^”]*”|「[^」]*」|《[^》]*》|（[^）]*）|\([^)]*\)")


AND = vocab.pattern("joining.conjunction")

__all__ = ["AND", "QUOTED", "SHI", "numeral_number"]

