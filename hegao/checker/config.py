"""Which rules run, and with what options."""

from __future__ import annotations

from dataclasses import dataclass, field


class ConfigError(ValueError):
    """A bad selection or option; the message names what is wrong."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # codes or prefixes; empty means all
    ignore: tuple[str, ...] = ()
    options: dict[str, dict[str, object]] = field(default_factory=dict)

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)


def parse_code_list(value: str | None, known: list[str]) -> tuple[str, ...]:
    """``"SUM001,DUP"`` → ``("SUM001", "DUP")``; unknown codes or prefixes are an error."""
    if not value:
        return ()
    items = tuple(part.strip().upper() for part in value.split(",") if part.strip())
    for item in items:
        if item != "ALL" and not any(code.startswith(item) for code in known):
            raise ConfigError(f"unknown rule code or prefix: {item}")
    return tuple("" if item == "ALL" else item for item in items)
