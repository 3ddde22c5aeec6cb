"""One parametrized test over every case file in tests/cases/ (one file per rule).

A violation gives where the finding is (line and column, or the ``text`` its span
covers) and may say what its message says: ``message = "…"`` (the whole message) or
``message_contains = ["…", …]`` (fragments it must contain). Messages are read in
English (tests/conftest.py sets HEGAO_LANG=en); the sums, quotients and differences
they state are written the same in both languages, so fragments that quote only the
arithmetic hold in either. A case may carry ``xfail = "why"``: a known defect, kept as
a strict expected failure so that fixing it makes the mark fail and be removed.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from hegao.checker.lint.config import Config
from hegao.checker.lint.document import parse_document
from hegao.checker.lint.engine import lint_document
from hegao.checker.model import Finding
from hegao.core import fix_text
from hegao.messages import said
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

# The keys a violation may have: a misspelt key (mesage = …) would otherwise assert nothing.
VIOLATION_KEYS = {"code", "line", "column", "text", "occurrence", "message", "message_contains"}

# Rules whose messages state arithmetic (a sum, a quotient, a difference, a count, a
# date's weekday or month length, a comparison of two figures): every violation in
# their case files must say what its message states, so that a wrong sum or
# difference in a message fails a test, not only a wrong position.
ARITHMETIC_RULES = (
    "SUM001", "SUM002", "SUM003",
    "PCT001", "PCT002", "PCT003", "PCT004", "PCT005",
    "TAB001", "TAB002",
    "CNT001", "CNT002", "CNT003",
    "FIG001", "FIG002",
    "DATE001", "DATE002",
)  # fmt: skip


def finding_message(finding: Finding) -> str:
    """The words a user reads for ``finding``, rendered as a surface renders them (in the
    language these tests run in: English, see conftest.py)."""
    return said(finding.message)


def _check_message(finding: Finding, violation: dict) -> None:
    message = finding_message(finding)
    if "message" in violation:
        assert message == violation["message"]
    for fragment in violation.get("message_contains", ()):
        assert fragment in message, f"{fragment!r} not in {message!r}"


def _expected(text: str, violation: dict) -> dict:
    """A violation may give line and column, or only the text its span covers (the
    ``occurrence``-th appearance, 1 by default); its position is then located here."""
    if "line" in violation:
        return {k: violation[k] for k in ("code", "line", "column", "text")}
    start = -1
    for _ in range(violation.get("occurrence", 1)):
        start = text.index(violation["text"], start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return {"code": violation["code"], "line": line, "column": column, "text": violation["text"]}


def _param(code: str, case: dict) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
    return pytest.param(code, case, marks=marks, id=f"{code}-{case['name']}")


@pytest.mark.parametrize(("code", "case"), [_param(code, case) for code, case in CASES])
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
    for finding, violation in zip(findings, case["violations"], strict=True):
        _check_message(finding, violation)
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


def test_violation_keys_are_known() -> None:
    unknown = [
        (code, case["name"], sorted(set(v) - VIOLATION_KEYS))
        for code, case in CASES
        for v in case["violations"]
        if set(v) - VIOLATION_KEYS
    ]
    assert unknown == []


@pytest.mark.parametrize("code", ARITHMETIC_RULES)
def test_arithmetic_rules_assert_their_messages(code: str) -> None:
    """Each violation of a rule whose message states arithmetic asserts its message."""
    violations = [(case["name"], v) for c, case in CASES if c == code for v in case["violations"]]
    assert violations, f"{code} has no failing case"
    silent = [name for name, v in violations if "message" not in v and not v.get("message_contains")]
    assert silent == []
