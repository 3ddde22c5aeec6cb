"""A rule's words are on the rule: every key it says exists in its messages (a missing one
would be a KeyError only when the finding is made), every message is said somewhere, and
the engine's findings carry messages that each surface renders in its user's language."""

from __future__ import annotations

import ast
import inspect
import sys

import pytest

from hegao.checker.lint.config import Config
from hegao.checker.lint.rule import Rule, RuleDefinitionError
from hegao.checker.model import Message
from hegao.core import lint_text
from hegao.rules import RULES


def _said_keys(rule: type[Rule]) -> set[str]:
    """The literal keys passed to ``say`` in the rule's module."""
    tree = ast.parse(inspect.getsource(sys.modules[rule.__module__]))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "say"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


@pytest.mark.parametrize("rule", RULES.all(), ids=lambda r: r.code)
def test_every_key_said_exists_and_every_message_is_said(rule: type[Rule]) -> None:
    said, defined = _said_keys(rule), set(rule.messages)
    assert said <= defined, f"{rule.code} says keys it does not define: {said - defined}"
    assert defined <= said, f"{rule.code} defines words it never says: {defined - said}"


def test_a_rule_whose_languages_disagree_is_refused() -> None:
    with pytest.raises(RuleDefinitionError, match=r"placeholders|Chinese"):

        class Broken(Rule):  # defining it is the test
            """Broken.

            What it does:
                x
            Why it matters:
                x
            概述:
                x
            说明:
                x
            原因:
                x
            Example:
                x
            Instead:
                x
            """

            code = "XXX999"
            name = "broken"
            messages = {"main": ("合计 {total}", "the total {sum}")}  # noqa: RUF012


def test_findings_are_rendered_in_the_language_asked_at_the_edge() -> None:
    text = "两起案件分别被骗608605.9元和99999元，共计被骗708604.9万元。"
    (finding,) = [f for f in lint_text(text) if f.code == "SUM001"]
    assert isinstance(finding.message, Message) and finding.message.key == "SUM001.unit"
    assert "10000 倍" in finding.message.render("zh")
    assert "10000 times" in finding.message.render("en")


def test_unused_suppression_speaks_english_when_asked() -> None:
    text = "<!-- hegao-disable-next-line SUM001 -->\n全市共接报警情1250起。\n"
    (finding,) = lint_text(text, Config(select=("SUP001",)))
    assert finding.message.render("en") == "the suppression comment silences nothing (SUM001): remove it"
    assert finding.message.render("zh") == "禁用注释没有屏蔽任何问题（SUM001）：可以删除"


def test_a_joined_phrase_renders_each_part_in_the_language() -> None:
    column = Message("X.col", "第 {n} 列", "column {n}", (("n", 3),))
    joined = Message.joined("、", ["收入", column])
    assert joined.render("zh") == "收入、第 3 列"
    assert joined.render("en") == "收入、column 3"
