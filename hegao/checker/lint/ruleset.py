"""A set of rules by code: the engine runs the set it is given (``hegao.rules.RULES``
is hegao's own), and registering a code or a name twice is refused."""

from __future__ import annotations

from collections.abc import Iterable

from hegao.checker.lint.rule import Rule


class RuleSet:
    def __init__(self, rules: Iterable[type[Rule]] = ()) -> None:
        self._rules: dict[str, type[Rule]] = {}
        for rule in rules:
            self.register(rule)

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

    def options(self) -> dict[str, dict[str, object]]:
        """The options each rule accepts, with defaults (for validating configuration)."""
        return {r.code: dict(r.default_options) for r in self.all() if r.default_options}
