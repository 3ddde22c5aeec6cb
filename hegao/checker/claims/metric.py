"""The words a figure counts (its metric), read from the words before it."""

from __future__ import annotations

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.claims.clauses import last
from hegao.checker.claims.patterns import PERIOD, SCOPE

_METRIC_WORD = regex.compile(r"[\p{Han}A-Za-z]+")
_LEADING_BREAKDOWN = regex.compile(rf"^(?:{vocab.alternation('breakdown')})")
# An aspect word before the metric (已累计查扣 is 累计查扣): not what is counted.
_ASPECT = regex.compile(rf"^(?:{vocab.alternation('claims.aspect')})")
# The totals that add nothing to what is counted (共, 共计), unlike 总计 (see sum_noun).
_PLAIN_TOTALS = "|".join(
    sorted(set(vocab.words("total")) - set(vocab.words("sum_noun")), key=len, reverse=True)
)
_TOTAL_AT_ENDS = regex.compile(rf"^(?:{vocab.alternation('total')})|(?:{_PLAIN_TOTALS})$")


def metric_of(prefix: str) -> str:
    """The words a figure counts: after its scope if the clause names one (东营全市共抓获
    犯罪嫌疑人 → 抓获犯罪嫌疑人), period words and leading markers left out."""
    words = "".join(_METRIC_WORD.findall(PERIOD.sub("", prefix)))
    scope = last(SCOPE.finditer(words))
    if scope is not None:
        words = words[scope.end() :]
    words = _LEADING_BREAKDOWN.sub("", words)
    return _TOTAL_AT_ENDS.sub("", _ASPECT.sub("", words))
