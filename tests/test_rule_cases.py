"""One parametrized test over every case file in tests/cases/ (one file per rule)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from hegao.checker.lint.config import Config
from hegao.checker.lint.document import parse_document
from hegao.checker.lint.engine import lint_document
from hegao.core import fix_text
from hegao.rules import RULES

CASES_DIR = Path(__file__).parent / "cases"


def load_cases() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        for case in data["case"]:
            out.append((path.stem, case))
    return out


CASES = load_cases()


def _expected(text: str, violation: dict) -> dict:
    """A violation may give line and column, or only the text its span covers (the
    ``occurrence``-th appearance, 1 by default); its position is then located here."""
    if "line" in violation:
        return violation
    start = -1
    for _ in range(violation.get("occurrence", 1)):
        start = text.index(violation["text"], start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return {"code": violation["code"], "line": line, "column": column, "text": violation["text"]}


@pytest.mark.parametrize(("code", "case"), CASES, ids=[f"{code}-{case['name']}" for code, case in CASES])
def test_case(code: str, case: dict) -> None:
    text = case["text"]
    doc = parse_document(text)
    # A case may set the rule's options: options = { allow = ["…"] }
    options = {code: case["options"]} if "options" in case else {}
    # A case may run other rules beside its own (SUP001 is about their findings); only
    # its own code's findings are compared.
    select = (code, *case.get("also", ()))
    config = Config(select=select, options=options)
    findings = [f for f in lint_document(doc, RULES, config) if f.code == code]
    got = []
    for f in findings:
        line, col = doc.line_col(f.span.start)
        got.append({"code": f.code, "line": line, "column": col, "text": text[f.span.start : f.span.end]})
    assert got == [_expected(text, v) for v in case["violations"]]
    for f in findings:
        assert 0 <= f.span.start < f.span.end <= len(text)
        for r in f.related:
            assert 0 <= r.span.start < r.span.end <= len(text)
    if "fixed" in case:
        config = Config(select=(code,), options=options)
        fixed, applied = fix_text(text, config, unsafe=case.get("unsafe", False))
        assert fixed == case["fixed"]
        assert applied > 0
        # Fixing twice changes nothing the second time.
        assert fix_text(fixed, config, unsafe=case.get("unsafe", False)) == (fixed, 0)
