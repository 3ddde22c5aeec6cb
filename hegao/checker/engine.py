"""The pure core: text in, findings out."""

from __future__ import annotations

from dataclasses import replace

from hegao.checker.config import Config
from hegao.checker.document import Document, parse_document
from hegao.checker.model import Finding
from hegao.checker.registry import RuleSet, default_rules
from hegao.checker.suppression import UNUSED_SUPPRESSION, suppress, unused_suppressions

_DEFAULT_RULES: RuleSet | None = None


def rules() -> RuleSet:
    global _DEFAULT_RULES
    if _DEFAULT_RULES is None:
        _DEFAULT_RULES = default_rules()
    return _DEFAULT_RULES


def lint_document(doc: Document, config: Config | None = None) -> list[Finding]:
    config = config or Config()
    findings: list[Finding] = []
    superseding: dict[str, list[Finding]] = {}
    ran = [r for r in rules().all() if config.enabled(r.code, r.default_enabled)]
    for rule_class in ran:
        rule = rule_class(config.options.get(rule_class.code))
        found = list(rule.check(doc))
        findings.extend(found)
        for code in rule_class.supersedes:
            superseding.setdefault(code, []).extend(found)
    if superseding:
        findings = [f for f in findings if not _superseded(f, superseding.get(f.code, ()))]
    if config.enabled(UNUSED_SUPPRESSION, by_default=False):
        findings += unused_suppressions(doc.text, findings, set(rules().codes()))
    findings = suppress(doc.text, findings)
    if config.severity:
        findings = [_with_severity(f, config) for f in findings]
    findings.sort(key=Finding.sort_key)
    return findings


def _superseded(finding: Finding, broader: list[Finding] | tuple[()]) -> bool:
    return any(b.span.overlaps(finding.span) for b in broader)


def _with_severity(finding: Finding, config: Config) -> Finding:
    for prefix in sorted(config.severity, key=len, reverse=True):
        if finding.code.startswith(prefix):
            return replace(finding, severity=config.severity[prefix])
    return finding


def rule_options() -> dict[str, dict[str, object]]:
    """The options each rule accepts, with defaults (for validating configuration)."""
    return {r.code: dict(r.default_options) for r in rules().all() if r.default_options}


def lint_text(text: str, config: Config | None = None) -> list[Finding]:
    """Check one draft. Pure: no files, no printing."""
    return lint_document(parse_document(text), config)
