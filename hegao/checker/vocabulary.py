"""The word classes the claim layer and the rules read text with (totals, breakdowns,
changes, shares, rates, periods, scopes …), kept as data in data/vocabulary.toml and
compiled once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex


@dataclass(frozen=True, slots=True)
class RateTerm:
    """A rate and the words that name its numerator and denominator: 破案率 = 破获 / 立案."""

    name: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]


@cache
def _data() -> dict[str, object]:
    text = resources.files("hegao.checker").joinpath("data", "vocabulary.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def _classes() -> dict[str, list[str]]:
    """Every word class by name: those of [classes], and those of its sub-tables
    ([classes.claims]: the classes one stage alone reads with)."""
    table = _data()["classes"]
    assert isinstance(table, dict)
    out: dict[str, list[str]] = {}
    for name, value in table.items():
        group = value if isinstance(value, dict) else {name: value}
        for word_class, members in group.items():
            assert word_class not in out, f"word class {word_class} defined twice"
            out[word_class] = members
    return out


@cache
def words(name: str) -> tuple[str, ...]:
    """The words of one class, longest first."""
    return tuple(sorted(_classes()[name], key=len, reverse=True))


def alternation(name: str) -> str:
    """The class as a regular-expression alternation (no group), longest words first."""
    return "|".join(regex.escape(w) for w in words(name))


@cache
def pattern(name: str) -> regex.Pattern[str]:
    return regex.compile(f"(?:{alternation(name)})")


@cache
def rate_terms() -> dict[str, RateTerm]:
    rates = _data()["rates"]
    assert isinstance(rates, dict)
    return {
        name: RateTerm(name, tuple(spec["numerator"]), tuple(spec["denominator"]))
        for name, spec in rates.items()
    }


@cache
def partition_wholes() -> dict[str, tuple[str, ...]]:
    """What the parts of a complete partition add up to, when the whole has another name
    than the parts' metric: the industries' 增加值 add up to the 生产总值."""
    wholes = _data().get("partition_wholes", {})
    assert isinstance(wholes, dict)
    return {metric: tuple(names) for metric, names in wholes.items()}


@cache
def partition_exceptions() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Metrics of which a complete partition does not make up the whole: the three
    industries make up an economy's 增加值, but not its 用电量 (households use power too)."""
    table = _data().get("partition_exceptions", {})
    assert isinstance(table, dict)
    return {tuple(members.split("|")): tuple(metrics) for members, metrics in table.items()}


@cache
def rate_pattern() -> regex.Pattern[str]:
    names = sorted(rate_terms(), key=len, reverse=True)
    return regex.compile("|".join(map(regex.escape, names)))


def is_decrease(verb: str) -> bool:
    return verb in words("decrease")
