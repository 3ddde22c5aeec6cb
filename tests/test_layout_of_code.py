"""The shape of the code, checked: the engine flows one way, in stage order; no import
inside a function dodges a cycle; importing the engine imports no rule."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hegao"
# The engine's stages in pipeline order: a stage may import only the ones before it
# (and the shared modules of checker/ itself: model, vocabulary, datafiles).
STAGES = ("source", "text", "figures", "claims", "lint")
# Modules a command may import on first use, to keep `hegao --version` and `--help` fast
# (half the time of a check is importing the engine and its rules, which they need not):
# the engine and the rules, and application modules that pull an optional or heavy
# dependency (pygls, python-docx, rich's renderers, a web server) or serve one command.
LAZY_FOR_START_UP = {
    "hegao.rules",
    "hegao.checker.lint.document",
    "hegao.app.entry",
    "hegao.app.inspection",
    "hegao.app.report",
    "hegao.app.lsp",
    "hegao.app.serve",
    "hegao.app.word",
    "hegao.app.formats",
    "hegao.app.html",
    "hegao.app.baseline",
    "hegao.app.gitignore",
    "hegao.app.settings",
    "hegao.app.files",
    "hegao.app.runner",
    "hegao.checker.source.docx",
    "hegao.core",
}


def _modules() -> list[tuple[str, ast.Module]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        out.append((name, ast.parse(path.read_text("utf-8"))))
    return out


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        # from hegao.app import formats: the module imported may be the name
        return [node.module] + [
            f"{node.module}.{a.name}" for a in node.names if _is_module(f"{node.module}.{a.name}")
        ]
    return []


def _is_module(dotted: str) -> bool:
    path = PACKAGE.parent.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _function_imports(tree: ast.Module) -> list[tuple[int, str]]:
    found = []
    for func in ast.walk(tree):
        if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(func):
                modules = [m for m in _imported(node) if m.split(".")[0] == "hegao"]
                # from hegao.app import formats is the import of hegao.app.formats
                found += [(node.lineno, m) for m in modules[1:] or modules]
    return found


def test_no_import_inside_a_function_but_the_lazy_surfaces() -> None:
    wrong = [
        f"{name}:{line} imports {module}"
        for name, tree in _modules()
        for line, module in _function_imports(tree)
        if not name.startswith("hegao.app") or module not in LAZY_FOR_START_UP
    ]
    assert wrong == []


def _stage(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) > 2 and parts[:2] == ["hegao", "checker"] and parts[2] in STAGES:
        return STAGES.index(parts[2])
    return None


def test_the_engine_flows_one_way() -> None:
    wrong = []
    for name, tree in _modules():
        if not name.startswith("hegao.checker"):
            continue
        own = _stage(name)
        for node in ast.walk(tree):
            for module in _imported(node):
                if module.startswith(("hegao.app", "hegao.rules", "hegao.core")):
                    wrong.append(f"{name} imports {module}: the engine imports no application, no rule")
                stage = _stage(module)
                if stage is not None and (own is None or stage > own):
                    wrong.append(f"{name} imports {module}, a later stage")
    assert wrong == []


def test_importing_the_engine_imports_no_rule() -> None:
    code = (
        "import sys, hegao.checker, hegao.checker.lint.engine, hegao.checker.lint.document;"
        "print(sorted(m for m in sys.modules if m.startswith(('hegao.rules', 'hegao.app'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_is_a_folder(stage: str) -> None:
    assert (PACKAGE / "checker" / stage / "__init__.py").is_file()
