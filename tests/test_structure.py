"""Every rule is registered once, documented, and has passing and failing cases."""

from __future__ import annotations

import re
import textwrap
import tomllib
from pathlib import Path

import pytest

from hegao.checker.lint.config import Config
from hegao.checker.lint.rule import DOC_SECTIONS, Rule, RuleDefinitionError
from hegao.checker.lint.ruleset import RuleSet
from hegao.core import lint_text
from hegao.rules import RULES

CASES_DIR = Path(__file__).parent / "cases"
ALL_RULES = RULES.all()
MIN_CASES = 5


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_rule_has_cases_that_pass_and_fail(rule: type[Rule]) -> None:
    path = CASES_DIR / f"{rule.code}.toml"
    assert path.exists(), f"no case file for {rule.code}"
    cases = tomllib.loads(path.read_text("utf-8"))["case"]
    # Precision matters as much as recall: as many realistic passing cases as failing.
    assert sum(1 for c in cases if c["violations"]) >= MIN_CASES, "too few failing cases"
    assert sum(1 for c in cases if not c["violations"]) >= MIN_CASES, "too few passing cases"
    assert len({c["name"] for c in cases}) == len(cases), "case names must be unique"


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_rule_is_documented(rule: type[Rule]) -> None:
    assert rule.summary
    for section in DOC_SECTIONS:
        assert rule.sections.get(section), f"{rule.code} lacks {section}"


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


def test_every_case_file_belongs_to_a_rule() -> None:
    codes = {r.code for r in ALL_RULES}
    assert {p.stem for p in CASES_DIR.glob("*.toml")} <= codes


def test_registry_rejects_duplicate_codes() -> None:
    rule_set = RuleSet()
    rule_set.register(ALL_RULES[0])
    with pytest.raises(ValueError, match="duplicate"):
        rule_set.register(ALL_RULES[0])


def test_undocumented_rule_is_rejected_at_definition() -> None:
    with pytest.raises(RuleDefinitionError):

        class Undocumented(Rule):
            """Only a summary."""

            code = "TST001"
            name = "undocumented"


def test_rule_docs_are_current() -> None:
    from hegao.app.ruledocs import rules_markdown

    docs = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert docs.read_text("utf-8") == rules_markdown(), "run python scripts/gen_rule_docs.py"


# A note after the corrected text, in brackets: 「…。 (or name all six)」.
_NOTE = re.compile(r"\s*\((?:or|whichever|the later)[^()]*\)\s*$", re.S)


def _sample(rule: type[Rule], section: str) -> str:
    """The text of a docstring section; for Instead, its first paragraph without a note
    (later paragraphs explain)."""
    body = textwrap.dedent(rule.sections[section]).strip()
    if section == "Instead":
        body = body.split("\n\n")[0]
    return _NOTE.sub("", body)


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_docstring_example_triggers_and_instead_does_not(rule: type[Rule]) -> None:
    config = Config(select=(rule.code,))
    assert rule.code in {f.code for f in lint_text(_sample(rule, "Example"), config)}
    assert lint_text(_sample(rule, "Instead"), config) == []


def _imports() -> dict[str, set[str]]:
    """Each module of the package and the hegao modules it imports when run (imports
    under ``if TYPE_CHECKING:`` are for type checkers only)."""
    import ast

    package = Path(__file__).resolve().parent.parent / "hegao"
    graph: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        name = ".".join(path.relative_to(package.parent).with_suffix("").parts).removesuffix(".__init__")
        tree = ast.parse(path.read_text("utf-8"))
        typing_only = {
            id(node)
            for guard in ast.walk(tree)
            if isinstance(guard, ast.If) and "TYPE_CHECKING" in ast.unparse(guard.test)
            for node in ast.walk(guard)
        }
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hegao"):
                found.update(f"{node.module}.{a.name}" for a in node.names)
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("hegao"))
        graph[name] = found
    return {m: {i for i in found if i in graph and i != m} for m, found in graph.items()}


def test_the_engine_never_imports_the_application() -> None:
    for module, imported in _imports().items():
        if module.startswith(("hegao.checker", "hegao.rules")):
            assert not {i for i in imported if i.startswith("hegao.app")}, module


def test_no_import_cycles() -> None:
    graph = _imports()
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " → ".join((*path, module))
        if module in done:
            return
        for imported in graph[module]:
            visit(imported, (*path, module))
        done.add(module)

    for module in graph:
        visit(module, ())


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_rule_has_a_chinese_title(rule: type[Rule]) -> None:
    assert rule.title and all("\u4e00" <= ch <= "\u9fff" or ch in "%0123456789" for ch in rule.title)
