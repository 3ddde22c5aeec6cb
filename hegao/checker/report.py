"""Reporters: findings of checked files as terminal text or JSON."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from hegao.checker.document import Document
from hegao.checker.model import Finding, Span

CONTEXT_CHARS = 24  # characters of the source line shown either side of a span
MAX_MARKED_CHARS = 60  # a longer span (a whole paragraph) is shown by its beginning


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    doc: Document | None
    findings: list[Finding]
    error: str | None = None


def finding_to_dict(path: str, doc: Document, f: Finding) -> dict[str, object]:
    line, col = doc.line_col(f.span.start)
    end_line, end_col = doc.line_col(f.span.end)
    return {
        "path": path,
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "start": f.span.start,
        "end": f.span.end,
        "related": [
            {
                "start": r.span.start,
                "end": r.span.end,
                "line": doc.line_col(r.span.start)[0],
                "column": doc.line_col(r.span.start)[1],
                "message": r.message,
            }
            for r in f.related
        ],
        "fix": None
        if f.fix is None
        else {"start": f.fix.span.start, "end": f.fix.span.end, "replacement": f.fix.replacement},
    }


def write_json(results: Iterable[FileResult], out: TextIO) -> None:
    rows = [
        finding_to_dict(r.path, r.doc, f) for r in results if r.doc is not None for f in r.findings
    ]
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")


# ---------------------------------------------------------------- terminal text


def cell_width(text: str) -> int:
    """Terminal cells: wide and full-width characters (all Han) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def excerpt(doc: Document, span: Span) -> tuple[str, int, int]:
    """The source around ``span`` on its first line, and the underline's offset and width."""
    text = doc.text
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.start)
    if line_end == -1:
        line_end = len(text)
    line_end = line_end - 1 if line_end > line_start and text[line_end - 1] == "\r" else line_end
    end = min(span.end, line_end, span.start + MAX_MARKED_CHARS)
    left = max(line_start, span.start - CONTEXT_CHARS)
    right = min(line_end, end + CONTEXT_CHARS)
    prefix = ("…" if left > line_start else "") + text[left : span.start]
    marked = text[span.start : end]
    suffix = text[end:right] + ("…" if right < line_end else "")
    shown = (prefix + marked + suffix).replace("\t", " ")
    return shown, cell_width(prefix), max(1, cell_width(marked))


_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


def write_text(results: list[FileResult], console: object, show_source: bool = True) -> None:
    from rich.text import Text  # lazy: only the terminal report needs rich

    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for result in results:
        if result.doc is None:
            continue
        doc = result.doc
        for f in result.findings:
            counts[f.code] += 1
            names[f.code] = f.name
            line, col = doc.line_col(f.span.start)
            head = Text()
            head.append(f"{result.path}:{line}:{col}", style="bold")
            head.append(" ")
            head.append(f.code, style=_STYLES.get(f.severity.value, "bold"))
            head.append(f" {f.message}")
            console.print(head, soft_wrap=True)  # type: ignore[attr-defined]
            if show_source:
                _print_excerpt(console, doc, f.span, line, f.severity.value)
                for r in f.related:
                    rline, rcol = doc.line_col(r.span.start)
                    note = Text(f"  = {r.message}：第 {rline} 行第 {rcol} 列", style="dim")
                    console.print(note, soft_wrap=True)  # type: ignore[attr-defined]
                    _print_excerpt(console, doc, r.span, rline, "info")
    total = sum(counts.values())
    if total:
        summary = Text("\n")
        for code, n in sorted(counts.items()):
            summary.append(f"{n:>5}  {code:<8}{names[code]}\n")
        files = sum(1 for r in results if r.findings)
        summary.append(f"共 {total} 处问题，涉及 {files} 个文件。", style="bold")
        console.print(summary, soft_wrap=True)  # type: ignore[attr-defined]
    else:
        checked = sum(1 for r in results if r.doc is not None)
        console.print(Text(f"未发现问题（已检查 {checked} 个文件）。", style="green"))  # type: ignore[attr-defined]


def _print_excerpt(console: object, doc: Document, span: Span, line: int, severity: str) -> None:
    from rich.text import Text

    shown, offset, width = excerpt(doc, span)
    gutter = f"{line:>5} │ "
    src = Text(gutter, style="blue")
    src.append(shown)
    mark = Text(" " * 5 + " │ " + " " * offset, style="blue")
    mark.append("^" * width, style=_STYLES.get(severity, "bold"))
    console.print(src, soft_wrap=True)  # type: ignore[attr-defined]
    console.print(mark, soft_wrap=True)  # type: ignore[attr-defined]
