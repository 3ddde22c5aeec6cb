"""Stage 5, lint: run a set of rules over a document and return their findings,
suppressed, re-graded and sorted. Pure: no files, no printing."""

from __future__ import annotations

from dataclasses import replace

from hegao.checker.lint.config import Config
from hegao.checker.lint.document import Document
from hegao.checker.lint.ruleset import RuleSet
from hegao.checker.lint.suppression import suppress
from hegao.checker.model import Finding


def lint_document(doc: Document, rules: RuleSet, config: Config | None = None) -> list[Finding]:
    config = config or Config()
    findings: list[Finding] = []
    superseding: dict[str, list[Finding]] = {}
    ran = [r(config.options.get(r.code)) for r in rules.all() if config.enabled(r.code, r.default_enabled)]
    for rule in ran:
        rule_class = type(rule)
        found = list(rule.check(doc))
        findings.extend(found)
        for code in rule_class.supersedes:
            superseding.setdefault(code, []).extend(found)
    if superseding:
        findings = [f for f in findings if not _superseded(f, superseding.get(f.code, ()))]
    known = set(rules.codes())
    for rule in ran:
        if rule.reviews_findings:
            findings += rule.review(doc, findings, known)
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
