"""Reporters: findings of checked files as terminal text or JSON."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from hegao import messages
from hegao.app.results import FileResult
from hegao.checker.model import Finding, SourceText, Span
from hegao.messages import said
from hegao.rules import RULES

CONTEXT_CHARS = 24  # characters of the source line shown either side of a span
MAX_MARKED_CHARS = 60  # a longer span (a whole paragraph) is shown by its beginning
# Control characters of a draft (a terminal's colour codes pasted with it) must not reach
# the user's terminal: each is shown as U+FFFD, one column, so the underline still fits.
_CONTROLS = {c: "\ufffd" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}


def terminal_safe(text: str) -> str:
    """``text`` with its control characters shown as U+FFFD (same length)."""
    return text.translate(_CONTROLS)


def finding_to_dict(result: FileResult, f: Finding) -> dict[str, object]:
    doc = result.source
    assert doc is not None
    line, col = doc.line_col(f.span.start)
    end_line, end_col = doc.line_col(f.span.end)
    row: dict[str, object] = {
        "path": result.path,
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": said(f.message),
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
                "message": said(r.message),
            }
            for r in f.related
        ],
        "fix": None
        if f.fix is None
        else {
            "title": said(f.fix.title),
            "safe": f.fix.safe,
            "edits": [
                {"start": e.span.start, "end": e.span.end, "replacement": e.replacement} for e in f.fix.edits
            ],
        },
    }
    row.update(result.located(f.span.start))
    return row


def write_json(results: Iterable[FileResult], out: TextIO) -> None:
    """One JSON array of findings, written as the results come (the same text as
    ``json.dump(rows, indent=2)``), so an archive's findings are never all in memory."""
    first = True
    for result in results:
        for f in result.findings:
            row = json.dumps(finding_to_dict(result, f), ensure_ascii=False, indent=2)
            out.write(("[\n" if first else ",\n") + "  " + row.replace("\n", "\n  "))
            first = False
    out.write("[]\n" if first else "\n]\n")


# ---------------------------------------------------------------- terminal text


def cell_width(text: str) -> int:
    """Terminal cells: wide and full-width characters (all Han) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def excerpt_window(
    doc: SourceText, span: Span, width: int | None = None, cover: tuple[int, int] | None = None
) -> tuple[str, int, int, tuple[int, int, str]]:
    """The source around ``span`` on its first line, and the underline's offset and width.
    With ``width`` (terminal cells for the excerpt), the context and the marked text are
    cut so that the line fits."""
    text = doc.text
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.start)
    if line_end == -1:
        line_end = len(text)
    line_end = line_end - 1 if line_end > line_start and text[line_end - 1] == "\r" else line_end
    marked_max, context = MAX_MARKED_CHARS, CONTEXT_CHARS
    if width is not None:
        # Han characters take two cells: a budget of cells is half as many characters.
        budget = max(8, width // 2)
        marked_max = max(2, min(marked_max, budget - 4))
        context = max(2, min(context, (budget - min(span.end - span.start, marked_max)) // 2 - 1))
    end = min(span.end, line_end, span.start + marked_max)
    left = max(line_start, span.start - context)
    right = min(line_end, end + context)
    if cover is not None:
        # Widen the window to related places on the same line, as far as the width allows.
        wide_left, wide_right = (
            max(line_start, min(left, cover[0] - 2)),
            min(line_end, max(right, cover[1] + 2)),
        )
        if width is None or cell_width(text[wide_left:wide_right]) + 4 <= width:
            left, right = wide_left, wide_right
    prefix = ("…" if left > line_start else "") + text[left : span.start]
    marked = text[span.start : end]
    suffix = text[end:right] + ("…" if right < line_end else "")
    shown = terminal_safe((prefix + marked + suffix).replace("\t", " "))
    lead = "…" if left > line_start else ""
    return shown, cell_width(prefix), max(1, cell_width(marked)), (left, right, lead)


_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


# A file that repeats one problem many times (half-width commas throughout) shows the
# first few in full and counts the rest, so the other problems stay visible.
GROUP_AFTER = 10
GROUP_SHOWN = 5


def _titles() -> dict[str, str]:
    """Each rule's title by code for the summaries: its Chinese title (合计与分项不符),
    or its English name for an English reader."""
    english = messages.language() == "en"
    return {r.code: r.name if english else r.title for r in RULES.all()}


def severity_word(severity: str) -> str:
    return messages.text(f"severity_{severity}")


def write_statistics(results: Iterable[FileResult], console: object) -> None:
    """Only the count of findings per rule, most frequent first."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    fixable: Counter[str] = Counter()
    for result in results:
        for f in result.findings:
            counts[f.code] += 1
            names[f.code] = f.name
            fixable[f.code] += f.fix is not None and f.fix.safe
    titles = _titles()
    for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = "[*]" if fixable[code] else "   "
        title = titles.get(code) or names[code]
        console.print(f"{n:>6}  {code:<8}{mark} {title}", soft_wrap=True)  # type: ignore[attr-defined]


def write_text(
    results: Iterable[FileResult],
    console: object,
    show_source: bool = True,
    fixing: bool = False,
    quiet: bool = False,
) -> None:
    """Findings as they come, then a summary (one pass: results are not kept)."""
    from rich.text import Text  # lazy: only the terminal report needs rich

    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    fixable = unsafe = fixed = checked = with_findings = unchecked = 0
    for result in results:
        if not result.checked:
            unchecked += 1
            continue
        checked += 1
        fixed += result.fixed
        with_findings += bool(result.findings)
        per_code = Counter(f.code for f in result.findings)
        shown: Counter[str] = Counter()
        for f in result.findings:
            counts[f.code] += 1
            names[f.code] = f.name
            fixable += f.fix is not None and f.fix.safe
            unsafe += f.fix is not None and not f.fix.safe
            shown[f.code] += 1
            if per_code[f.code] > GROUP_AFTER and shown[f.code] > GROUP_SHOWN and not quiet:
                continue
            _print_finding(console, result, f, show_source)
        if result.unfixed:
            unfixed = messages.text("report_unfixed", path=result.path, count=result.unfixed)
            console.print(Text(unfixed, style="yellow"), soft_wrap=True)  # type: ignore[attr-defined]
        for code, n in sorted(per_code.items()):
            if n > GROUP_AFTER and not quiet:
                title = _titles().get(code) or names[code]
                more = messages.text(
                    "report_more", path=result.path, count=n - GROUP_SHOWN, code=code, title=title
                )
                rest = Text(more, style="dim")
                console.print(rest, soft_wrap=True)  # type: ignore[attr-defined]
    if quiet:
        return
    total = sum(counts.values())
    summary = Text("\n" if total else "")
    titles = _titles()
    for code, n in sorted(counts.items()):
        summary.append(f"{n:>5}  {code:<8}{titles.get(code) or names[code]}\n")
    if fixing:
        summary.append(messages.text("report_fixed", count=fixed), style="bold green")
    if total:
        summary.append(messages.text("report_total", count=total, files=with_findings), style="bold")
        if fixable and not fixing:
            summary.append(messages.text("report_fixable", count=fixable))
        if unsafe:
            summary.append(messages.text("report_unsafe", count=unsafe))
    elif checked:
        summary.append(messages.text("report_clean", count=checked), style="green")
    if unchecked:
        summary.append(messages.text("report_unchecked", count=unchecked), style="bold red")
    console.print(summary, soft_wrap=True)  # type: ignore[attr-defined]


def _print_finding(console: object, result: FileResult, f: Finding, show_source: bool) -> None:
    from rich.text import Text

    doc = result.source
    assert doc is not None
    line, col = doc.line_col(f.span.start)
    head = Text()
    head.append(f"{result.path}:{line}:{col}", style="bold")
    location = result.location(line, f.span.start)
    if location is not None:
        head.append(f"（{location}）", style="bold")
    head.append(" ")
    style = _STYLES.get(f.severity.value, "bold")
    head.append(severity_word(f.severity.value), style=style)
    head.append(" ")
    head.append(f.code, style=style)
    if f.fix is not None:
        # [*] a safe fix (--fix applies it), [?] a fix that may change meaning
        # (--unsafe-fixes).
        head.append(" [*]" if f.fix.safe else " [?]", style="cyan")
    head.append(f" {terminal_safe(said(f.message))}")
    console.print(head, soft_wrap=True)  # type: ignore[attr-defined]
    if show_source:
        inline = _print_excerpt(console, doc, f.span, line, f.severity.value, f.related)
        if f.fix is not None:
            how = messages.text("report_fix_safe" if f.fix.safe else "report_fix_unsafe")
            line_text = messages.text("report_fix_line", how=how, title=said(f.fix.title))
            console.print(Text(line_text, style="cyan"), soft_wrap=True)  # type: ignore[attr-defined]
        for r in f.related:
            rline, rcol = doc.line_col(r.span.start)
            where = messages.text("report_related_above") if r in inline else ""
            related = terminal_safe(said(r.message))
            line_text = messages.text("report_related", message=related, line=rline, column=rcol, where=where)
            if result.location(rline, r.span.start) is not None:  # 第 2 段, 表 1 第 3 行第 2 列
                line_text = messages.text(
                    "report_related_in",
                    message=related,
                    place=result.location(rline, r.span.start),
                    where=where,
                )
            note = Text(line_text, style="dim")
            console.print(note, soft_wrap=True)  # type: ignore[attr-defined]
            if r not in inline:
                _print_excerpt(console, doc, r.span, rline, "info")


def _print_excerpt(
    console: object, doc: SourceText, span: Span, line: int, severity: str, related: tuple = ()
) -> list:
    """One source line with the finding underlined (^), and its related places on the
    same line underlined too (-) instead of shown again; returns those related places."""
    from rich.text import Text

    columns = getattr(console, "width", None)
    text = doc.text
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.start) % (len(text) + 1)
    same_line = [r.span for r in related if line_start <= r.span.start and r.span.end <= line_end]
    cover = (
        (min([span.start, *(r.start for r in same_line)]), max([span.end, *(r.end for r in same_line)]))
        if same_line
        else None
    )
    shown, offset, width, (left, right, lead) = excerpt_window(
        doc, span, columns - 9 if isinstance(columns, int) else None, cover
    )
    marks = [(offset, width, "^")]
    inline = []
    for r in related:
        if not (left <= r.span.start and r.span.end <= right) or "\n" in text[span.start : r.span.end]:
            continue
        if "\n" in text[r.span.start : span.start]:
            continue
        start = cell_width(lead + text[left : r.span.start])
        cells = max(1, cell_width(text[r.span.start : r.span.end]))
        if any(start < a + w and a < start + cells for a, w, _ in marks):
            continue  # overlapping underlines would be unreadable: show it on its own
        marks.append((start, cells, "-"))
        inline.append(r)
    gutter = f"{line:>5} │ "
    src = Text(gutter, style="blue")
    src.append(shown)
    mark = Text(" " * 5 + " │ ", style="blue")
    at = 0
    for start, cells, char in sorted(marks):
        mark.append(" " * (start - at))
        mark.append(char * cells, style=_STYLES.get(severity if char == "^" else "info", "bold"))
        at = start + cells
    console.print(src, soft_wrap=True)  # type: ignore[attr-defined]
    console.print(mark, soft_wrap=True)  # type: ignore[attr-defined]
    return inline
