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
def words(name: str) -> tuple[str, ...]:
    """The words of one class, longest first."""
    classes = _data()["classes"]
    assert isinstance(classes, dict)
    return tuple(sorted(classes[name], key=len, reverse=True))


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
def rate_pattern() -> regex.Pattern[str]:
    names = sorted(rate_terms(), key=len, reverse=True)
    return regex.compile("|".join(map(regex.escape, names)))


def is_decrease(verb: str) -> bool:
    return verb in words("decrease")
