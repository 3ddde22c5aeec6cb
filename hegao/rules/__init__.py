"""hegao's rules: one file per rule, in a folder per family (``totals/total_mismatch.py``
is SUM001), with the words and data it needs beside it; what a family's rules share is in
its ``shared.py``.

``RULES`` is every rule class defined in a module of this package, found when the package
is imported: adding a rule is adding its file (and its case file under tests/cases/). The
rules sit under ``hegao/`` rather than in a top-level ``rules`` package, which would clash
with an existing PyPI package.
"""

from __future__ import annotations

import importlib
import pkgutil

from hegao.checker.lint.rule import Rule
from hegao.checker.lint.ruleset import RuleSet


def _rules_defined_here() -> list[type[Rule]]:
    found: list[type[Rule]] = []
    for info in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        module = importlib.import_module(info.name)
        found.extend(
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, Rule)
            and value.__module__ == module.__name__
            and "code" in value.__dict__
        )
    return found


RULES = RuleSet(_rules_defined_here())
