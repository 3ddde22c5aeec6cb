"""Rule documentation generated from the registry (docs/rules.md, hegao explain)."""

from __future__ import annotations

from hegao.checker.engine import rules


def rules_markdown() -> str:
    lines = [
        "# hegao rules",
        "",
        "Generated from the rule classes by `python scripts/gen_rule_docs.py`; do not edit.",
        "",
        "| Code | 名称 | Name | Default severity | Fixable | Summary |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in rules().all():
        fixable = "yes" if rule.fixable else "no"
        lines.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {rule.title} | {rule.name} | {rule.severity.value} "
            f"| {fixable} | {rule.summary} |"
        )
    for rule in rules().all():
        lines += ["", f"## {rule.code} {rule.title}", "", f"**{rule.name}** — {rule.summary}", ""]
        for title, body in rule.sections.items():
            lines += [f"### {title}", "", _dedent(body), ""]
    return "\n".join(lines).rstrip() + "\n"


def _dedent(body: str) -> str:
    return "\n".join(line.strip() for line in body.splitlines())
