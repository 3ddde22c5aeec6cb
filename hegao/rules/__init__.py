"""hegao's rules, one class per code, and the list of them the engine runs (``RULES``).

A rule is active only if it is listed here. The rules sit under ``hegao/`` rather than
in a top-level ``rules`` package, which would clash with an existing PyPI package.
"""

from hegao.checker.lint.ruleset import RuleSet
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

RULES = RuleSet(
    rule
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
    )
    for rule in module.RULES
)
