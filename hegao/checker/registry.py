"""The explicit list of rules. A rule is active only if it is registered here."""

from __future__ import annotations

from hegao.checker.rule import Rule


class RuleSet:
    def __init__(self) -> None:
        self._rules: dict[str, type[Rule]] = {}

    def register(self, rule: type[Rule]) -> type[Rule]:
        if rule.code in self._rules:
            raise ValueError(f"duplicate rule code {rule.code}")
        if any(r.name == rule.name for r in self._rules.values()):
            raise ValueError(f"duplicate rule name {rule.name}")
        self._rules[rule.code] = rule
        return rule

    def all(self) -> list[type[Rule]]:
        return sorted(self._rules.values(), key=lambda r: r.code)

    def get(self, code: str) -> type[Rule] | None:
        return self._rules.get(code.upper())

    def codes(self) -> list[str]:
        return sorted(self._rules)


def default_rules() -> RuleSet:
    from hegao.rules import (
        approximations,
        counts,
        dates,
        duplicates,
        figures,
        hygiene,
        layout,
        measure_words,
        names,
        percentages,
        suppressions,
        tables,
        totals,
    )

    rules = RuleSet()
    for module in (
        totals,
        duplicates,
        approximations,
        dates,
        measure_words,
        percentages,
        counts,
        figures,
        hygiene,
        layout,
        names,
        suppressions,
        tables,
    ):
        for rule in module.RULES:
            rules.register(rule)
    return rules
