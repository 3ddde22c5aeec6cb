"""Words are data: no rule spells a word inside a regular expression (it reads the word
classes of hegao/checker/data/vocabulary.toml or a data file), and no module binds a
top-level name twice (a second binding silently replaces the first: PCT002 once ran with
another rule's pattern so).

What counts as a word in a regular expression
    The pattern argument (first positional, or ``pattern=``) of a call of ``re`` or
    ``regex``: compile, search, match, fullmatch, finditer, findall, sub, subn, split.
    Its text is read from string literals, the literal parts of f-strings, ``+`` of
    those, ``"sep".join`` of a literal list or tuple, and the names of module-level
    constants of the same module (followed through); anything else (a vocabulary call, an
    imported name) is a placeholder that holds no word. The contents of character
    classes (``[一二三]``, ``[和及与]``) are removed: a class is a set of characters, not
    a word. A word is then two or more consecutive Han characters; a single character
    (一是, 约 in an alternation) is grammar the pattern is made of.

What counts as binding a module-level name
    Assignments (also annotated ones with a value, augmented ones and ``for`` targets),
    ``def``, ``async def``, ``class`` and imports, at module level and inside module-level
    ``if``/``else``, ``try``/``except``, ``for``, ``while`` and ``with`` blocks: a name bound
    in both branches of an ``if`` is bound twice in the source. Set aside: imports under
    ``if TYPE_CHECKING:`` (they do not run; the annotations they serve are strings),
    ``import a.b`` and ``import a.c`` (both bind ``a`` to the same package) and functions
    decorated with ``@overload`` (signatures of one function).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import regex

PACKAGE = Path(__file__).resolve().parent.parent / "hegao"
RULES = PACKAGE / "rules"

_PATTERN_FUNCTIONS = frozenset(
    {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
)
_REGEX_MODULES = frozenset({"re", "regex"})
_HAN_WORD = regex.compile(r"\p{Han}{2,}")
_PLACEHOLDER = "\x00"


# ------------------------------------------------------------------ words in patterns


def _module_constants(tree: ast.Module) -> dict[str, ast.expr]:
    constants: dict[str, ast.expr] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name):
                constants[target.id] = statement.value
        elif (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and statement.value
        ):
            constants[statement.target.id] = statement.value
    return constants


def _text(node: ast.expr, constants: dict[str, ast.expr], seen: frozenset[str] = frozenset()) -> str:
    """The pattern text a node spells, with a placeholder for what is not spelled here."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                parts.append(_text(v.value, constants, seen))
            else:
                parts.append(_text(v, constants, seen))
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _text(node.left, constants, seen) + _text(node.right, constants, seen)
    if isinstance(node, ast.Name) and node.id in constants and node.id not in seen:
        return _text(constants[node.id], constants, seen | {node.id})
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "join"
        and len(node.args) == 1
        and isinstance(node.args[0], (ast.List, ast.Tuple))
    ):
        separator = _text(node.func.value, constants, seen)
        return separator.join(_text(e, constants, seen) for e in node.args[0].elts)
    return _PLACEHOLDER


def _without_classes(pattern: str) -> str:
    """The pattern with the contents of its character classes (nested too) removed."""
    out = []
    depth = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if depth == 0:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]" and depth:
            depth -= 1
            if depth == 0:
                out.append(_PLACEHOLDER)
        elif depth == 0:
            out.append(c)
        i += 1
    return "".join(out)


def _pattern_argument(call: ast.Call) -> ast.expr | None:
    func = call.func
    if not (
        isinstance(func, ast.Attribute)
        and func.attr in _PATTERN_FUNCTIONS
        and isinstance(func.value, ast.Name)
        and func.value.id in _REGEX_MODULES
    ):
        return None
    if call.args:
        return call.args[0]
    return next((k.value for k in call.keywords if k.arg == "pattern"), None)


def words_in_patterns(source: str) -> Iterator[tuple[int, str]]:
    """(line, word) for each Han word of two or more characters spelled in a pattern."""
    tree = ast.parse(source)
    constants = _module_constants(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            argument = _pattern_argument(node)
            if argument is not None:
                for word in _HAN_WORD.findall(_without_classes(_text(argument, constants))):
                    yield node.lineno, word


def test_the_pattern_reader_finds_words_however_they_are_spelled() -> None:
    source = """
import re
import regex
from hegao.checker import vocabulary as vocab
_TOTAL = "合计"
a = re.compile(r"^(?:合计|总计)")
b = regex.compile(rf"{_TOTAL}\\s*[:：]")
c = regex.search("分" + "别", text)
d = re.compile("|".join(["同比", "环比"]))
e = regex.compile(pattern=f"(?:{vocab.alternation('total')})|累计")
"""
    words = [w for _, w in words_in_patterns(source)]
    assert words == ["合计", "总计", "合计", "分别", "同比", "环比", "累计"]


def test_the_pattern_reader_passes_classes_single_characters_and_vocabulary() -> None:
    source = """
import regex
from hegao.checker import vocabulary as vocab
NUMERALS = "一二三四五六七八九十"
a = regex.compile(rf"([{NUMERALS}]{{1,3}})是")
b = regex.compile(r"[\\s、，,和及与]*|以|及")
c = regex.compile(rf"(?:{vocab.alternation('joining.conjunction')})\\p{{Han}}{{1,3}}$")
d = regex.compile(r"[[一二]--[二]]三")
"""
    assert list(words_in_patterns(source)) == []


def test_no_rule_spells_a_word_in_a_pattern() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {word}"
        for path in sorted(RULES.rglob("*.py"))
        for line, word in words_in_patterns(path.read_text("utf-8"))
    ]
    where = "words belong in hegao/checker/data/vocabulary.toml or a data file"
    assert found == [], where + ":\n" + "\n".join(found)


# ------------------------------------------------------------------ module-level names


def _targets(node: ast.expr) -> Iterator[str]:
    if isinstance(node, ast.Name):
        yield node.id
    elif isinstance(node, (ast.Tuple, ast.List)):
        for element in node.elts:
            yield from _targets(element)
    elif isinstance(node, ast.Starred):
        yield from _targets(node.value)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _is_overload(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        (isinstance(d, ast.Name) and d.id == "overload")
        or (isinstance(d, ast.Attribute) and d.attr == "overload")
        for d in node.decorator_list
    )


def _bindings(body: list[ast.stmt]) -> Iterator[tuple[str, int, str]]:
    """(name, line, what binds it); a package bound by ``import a.b`` is ``import a``."""
    for statement in body:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                for name in _targets(target):
                    yield name, statement.lineno, "assignment"
        elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
            if isinstance(statement, ast.AnnAssign) and statement.value is None:
                continue  # a declaration, not a binding
            for name in _targets(statement.target):
                yield name, statement.lineno, "assignment"
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if not _is_overload(statement):
                yield statement.name, statement.lineno, "def"
        elif isinstance(statement, ast.ClassDef):
            yield statement.name, statement.lineno, "class"
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            for alias in statement.names:
                if alias.name == "*":
                    continue
                if isinstance(statement, ast.Import) and alias.asname is None:
                    package = alias.name.split(".")[0]
                    yield package, statement.lineno, f"import {package}"
                else:
                    yield alias.asname or alias.name, statement.lineno, "import"
        elif isinstance(statement, ast.If):
            if not _is_type_checking(statement.test):
                yield from _bindings(statement.body)
            yield from _bindings(statement.orelse)
        elif isinstance(statement, ast.Try):
            yield from _bindings(statement.body)
            for handler in statement.handlers:
                yield from _bindings(handler.body)
            yield from _bindings(statement.orelse)
            yield from _bindings(statement.finalbody)
        elif isinstance(statement, (ast.For, ast.While)):
            if isinstance(statement, ast.For):
                for name in _targets(statement.target):
                    yield name, statement.lineno, "assignment"
            yield from _bindings(statement.body)
            yield from _bindings(statement.orelse)
        elif isinstance(statement, ast.With):
            for item in statement.items:
                if item.optional_vars is not None:
                    for name in _targets(item.optional_vars):
                        yield name, statement.lineno, "assignment"
            yield from _bindings(statement.body)


def names_bound_twice(source: str) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = defaultdict(list)
    kinds: dict[str, set[str]] = defaultdict(set)
    for name, line, kind in _bindings(ast.parse(source).body):
        if kind.startswith("import ") and kind in kinds[name] and len(kinds[name]) == 1:
            continue  # import a.b, then import a.c: the same package again
        lines[name].append(line)
        kinds[name].add(kind)
    return {name: found for name, found in lines.items() if len(found) > 1}


def test_the_binding_reader_finds_a_second_binding() -> None:
    source = """
import importlib.abc
import importlib.util
from typing import TYPE_CHECKING, overload
if TYPE_CHECKING:
    from collections.abc import Iterator
from collections.abc import Iterator
_GLUE = 1
def f(): ...
@overload
def g(x: int) -> int: ...
def g(x): ...
class C: ...
if True:
    _GLUE = 2
else:
    f = 3
try:
    import tomllib
except ImportError:
    tomllib = None
C += 1
"""
    assert names_bound_twice(source) == {"_GLUE": [8, 15], "f": [9, 17], "tomllib": [19, 21], "C": [13, 22]}


def test_no_module_binds_a_name_twice() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}: {name} at lines {', '.join(map(str, lines))}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, lines in names_bound_twice(path.read_text("utf-8")).items()
    ]
    assert found == [], "\n".join(found)
