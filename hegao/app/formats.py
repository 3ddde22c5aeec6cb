"""Machine formats for CI: SARIF 2.1.0 (GitHub code scanning), GitLab Code Quality,
GitHub workflow annotations, and JUnit XML.

SARIF results carry ``partialFingerprints`` and GitLab issues a ``fingerprint``, so that
code scanning and merge-request widgets follow a finding across edits: the hash is of the
file, the rule, the words the finding is about and a little text on each side (not the
line number), numbered when the same finding occurs twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from hegao import __version__, messages
from hegao.app.results import FileResult
from hegao.checker.model import Finding
from hegao.messages import said
from hegao.rules import RULES

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _findings(results: Iterable[FileResult]) -> Iterable[tuple[FileResult, Finding]]:
    for result in results:
        if result.source is not None:
            for finding in result.findings:
                yield result, finding


def _uri(path: str) -> str:
    return path.replace("\\", "/").removeprefix("./")


FINGERPRINT_CONTEXT = 8  # characters each side of a finding's words that its hash covers


def _fingerprints(results: Iterable[FileResult]) -> Iterable[tuple[FileResult, Finding, str]]:
    """Each finding with a hash that stays the same when lines are added above it."""
    import hashlib

    for result in results:
        if result.source is None:
            continue
        text = result.source.text
        seen: dict[str, int] = {}
        for f in result.findings:
            around = text[max(0, f.span.start - FINGERPRINT_CONTEXT) : f.span.end + FINGERPRINT_CONTEXT]
            key = "\x1f".join((_uri(result.path), f.code, " ".join(around.split())))
            seen[key] = seen.get(key, 0) + 1
            digest = hashlib.sha256(f"{key}\x1f{seen[key]}".encode()).hexdigest()
            yield result, f, digest


def write_sarif(results: list[FileResult], out: TextIO) -> None:
    rule_list = RULES.all()
    index = {r.code: i for i, r in enumerate(rule_list)}
    lang = messages.language()
    sarif_results = []
    for result, f, fingerprint in _fingerprints(results):
        doc = result.source
        assert doc is not None
        line, col = doc.line_col(f.span.start)
        end_line, end_col = doc.line_col(f.span.end)
        entry = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _SARIF_LEVEL[f.severity.value],
            "message": {"text": said(f.message)},
            "locations": [_location(result.path, line, col, end_line, end_col)],
            "partialFingerprints": {"hegaoFindingHash/v1": fingerprint},
        }
        where = result.location(line, f.span.start)
        if where is not None:  # a paragraph of a Word document, a table cell
            entry["properties"] = {"location": where, "place": list(result.place(line, f.span.start) or ())}
        if f.related:
            entry["relatedLocations"] = [
                {
                    "id": i,
                    "message": {"text": said(r.message)},
                    **_location(result.path, *doc.line_col(r.span.start), *doc.line_col(r.span.end)),
                }
                for i, r in enumerate(f.related)
            ]
        if f.fix is not None:
            entry["fixes"] = [
                {
                    "description": {"text": said(f.fix.title)},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(result.path)},
                            "replacements": [
                                {
                                    "deletedRegion": _region(
                                        *doc.line_col(e.span.start), *doc.line_col(e.span.end)
                                    ),
                                    "insertedContent": {"text": e.replacement},
                                }
                                for e in f.fix.edits
                            ],
                        }
                    ],
                }
            ]
        sarif_results.append(entry)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "hegao",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/hegao/",
                        "rules": [
                            {
                                "id": r.code,
                                "name": r.name,
                                "shortDescription": {"text": f"{r.title}：{r.summary_in(lang)}"},
                                "fullDescription": {"text": next(iter(r.sections_in(lang).values()))},
                                "help": {"text": _help(r.sections_in(lang))},
                                "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity.value]},
                            }
                            for r in rule_list
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")


_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def write_gitlab(results: Iterable[FileResult], out: TextIO) -> None:
    """GitLab Code Quality: a JSON array of issues (description, check_name,
    fingerprint, severity, location.path and location.lines.begin)."""
    titles = {r.code: r.title for r in RULES.all()}
    issues = []
    for result, f, fingerprint in _fingerprints(results):
        assert result.source is not None
        line, _ = result.source.line_col(f.span.start)
        end_line, _ = result.source.line_col(max(f.span.start, f.span.end - 1))
        issues.append(
            {
                "type": "issue",
                "description": f"{f.code} {titles.get(f.code, '')}：{said(f.message)}",
                "check_name": f.code,
                "categories": ["Style"] if f.code.startswith(("CHAR", "DUP", "LAY")) else ["Bug Risk"],
                "fingerprint": fingerprint,
                "severity": _GITLAB_SEVERITY[f.severity.value],
                "location": {"path": _uri(result.path), "lines": {"begin": line, "end": end_line}},
            }
        )
    json.dump(issues, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _help(sections: dict[str, str]) -> str:
    return "\n\n".join(f"{title}:\n{body}" for title, body in sections.items())


def _region(line: int, col: int, end_line: int, end_col: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _location(path: str, line: int, col: int, end_line: int, end_col: int) -> dict[str, object]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(path)},
            "region": _region(line, col, end_line, end_col),
        }
    }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(results: Iterable[FileResult], out: TextIO) -> None:
    """GitHub Actions workflow commands: one annotation per finding."""
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for result, f in _findings(results):
        doc = result.source
        assert doc is not None
        line, col = doc.line_col(f.span.start)
        end_line, end_col = doc.line_col(f.span.end)
        props = ",".join(
            [
                f"file={_escape_property(_uri(result.path))}",
                f"line={line}",
                f"col={col}",
                f"endLine={end_line}",
                f"endColumn={end_col}",
                f"title={_escape_property(f'{f.code} {f.name}')}",
            ]
        )
        out.write(f"::{kinds[f.severity.value]} {props}::{_escape_data(f'{f.code} {said(f.message)}')}\n")


def write_junit(results: list[FileResult], out: TextIO) -> None:
    """JUnit XML: a test suite per file, a failing test case per finding (a passing one
    for a clean file), so that CI systems that read test reports show the problems."""
    suites = []
    total = failures = 0
    for result in results:
        cases = []
        for f in result.findings:
            assert result.source is not None
            line, col = result.source.line_col(f.span.start)
            name = f"{f.code} {result.path}:{line}:{col}"
            message = said(f.message)
            body = escape(f"{result.path}:{line}:{col} {f.code} {message}")
            cases.append(
                f"    <testcase classname={quoteattr(result.path)} name={quoteattr(name)}>\n"
                f"      <failure type={quoteattr(f.code)} message={quoteattr(message)}>{body}</failure>\n"
                f"    </testcase>"
            )
        if result.error is not None:
            cases.append(
                f'    <testcase classname={quoteattr(result.path)} name="read">\n'
                f"      <error message={quoteattr(result.error)}/>\n"
                f"    </testcase>"
            )
        if not cases:
            cases.append(f'    <testcase classname={quoteattr(result.path)} name="hegao"/>')
        n_fail = len(result.findings)
        total += len(cases)
        failures += n_fail
        suites.append(
            f'  <testsuite name={quoteattr(result.path)} tests="{len(cases)}" '
            f'failures="{n_fail}" errors="{int(result.error is not None)}">\n'
            + "\n".join(cases)
            + "\n  </testsuite>"
        )
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="hegao" tests="{total}" failures="{failures}">\n')
    out.write("\n".join(suites) + ("\n" if suites else ""))
    out.write("</testsuites>\n")
