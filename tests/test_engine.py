"""The engine runs rules independently: no rule reads another's findings or options."""

from __future__ import annotations

from hegao.checker.lint.config import Config
from hegao.core import lint_text

_PARAGRAPH = "民警深入辖区开展夜间巡逻防控，重点加强学校医院周边治安巡查，确保群众出行安全有序。"
_COPIED = f"{_PARAGRAPH}\n\n社区民警走访群众四百余户。\n\n{_PARAGRAPH}\n"


def _codes(text: str, config: Config) -> list[str]:
    return [f.code for f in lint_text(text, config)]


def test_a_copied_paragraph_is_one_finding_when_both_rules_run():
    assert _codes(_COPIED, Config(select=("DUP",))).count("DUP001") == 1
    assert "DUP002" not in _codes(_COPIED, Config(select=("DUP",)))


def test_sentence_copies_are_reported_when_the_paragraph_rule_is_off():
    assert "DUP002" in _codes(_COPIED, Config(select=("DUP",), ignore=("DUP001",)))


def test_the_paragraph_rule_options_do_not_change_the_sentence_rule():
    alone = lint_text(_COPIED, Config(select=("DUP002",)))
    with_option = lint_text(_COPIED, Config(select=("DUP002",), options={"DUP001": {"min-han": 200}}))
    assert [(f.code, f.span) for f in alone] == [(f.code, f.span) for f in with_option]
    assert alone
