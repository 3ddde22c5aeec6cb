"""Rule documentation generated from the registry (docs/rules.md, hegao explain)."""

from __future__ import annotations

from hegao.rules import RULES


def rules_markdown() -> str:
    lines = [
        "# hegao 规则 / rules",
        "",
        "由规则类生成（`python scripts/gen_rule_docs.py`），请勿手改。"
        " Generated from the rule classes; do not edit.",
        "",
        "| 代码 | 名称 | 默认级别 | 可自动修复 | 概述 | Name | Summary |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    severity = {"error": "错误", "warning": "警告", "info": "提示"}
    for rule in RULES.all():
        fixable = "是" if rule.fixable else "否"
        lines.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {rule.title} | {severity[rule.severity.value]} "
            f"| {fixable} | {_cell(rule.summary_in('zh'))} | {rule.name} | {_cell(rule.summary)} |"
        )
    for rule in RULES.all():
        lines += ["", f"## {rule.code} {rule.title}", "", rule.summary_in("zh"), ""]
        for title, body in rule.sections_in("zh").items():
            lines += [f"### {title}", "", _dedent(body), ""]
        lines += ["<details><summary>English</summary>", "", f"**{rule.name}** — {rule.summary}", ""]
        for title, body in rule.sections_in("en").items():
            lines += [f"#### {title}", "", _dedent(body), ""]
        lines += ["</details>"]
    return "\n".join(lines).rstrip() + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _dedent(body: str) -> str:
    return "\n".join(line.strip() for line in body.splitlines())
