"""One self-contained HTML page: each document with its findings highlighted in place,
the message on hover and in a side list, related places linked, a summary on top.

A Word document is shown as it was written: paragraphs as paragraphs, tables as tables,
and findings are located as the text report locates them (第 3 段, 表 1 第 2 行第 2 列).
Invisible characters that a finding points at are drawn as a small labelled box, so
that the editor sees what the report speaks of. The page has no script and loads
nothing: it can be mailed or archived as it is. ``render_document`` also serves the
local web page (``hegao serve``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from html import escape
from itertools import accumulate
from typing import TextIO

from hegao import __version__, messages
from hegao.app.results import FileResult
from hegao.checker.model import Finding
from hegao.messages import said
from hegao.rules import RULES

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0;
color:#222;background:#fafafa}
header{padding:16px 24px;background:#263238;color:#fff}
header h1{margin:0 0 8px;font-size:20px}
header a{color:#bbdefb}
table.summary{border-collapse:collapse;background:#fff;color:#222;font-size:14px}
table.summary td,table.summary th{border:1px solid #ccc;padding:3px 10px;text-align:left}
nav.files{margin-top:8px;font-size:14px}nav.files li{margin:2px 0}
section.file{display:flex;gap:16px;padding:16px 24px;border-bottom:1px solid #ddd}
.doc{flex:3;line-height:1.9;background:#fff;padding:16px;border:1px solid #ddd;font-size:16px}
.doc .text{white-space:pre-wrap}
.doc p{margin:0 0 .6em}
.doc table{border-collapse:collapse;margin:.6em 0}
.doc td{border:1px solid #999;padding:2px 8px;vertical-align:top}
aside{flex:2;font-size:14px;max-height:80vh;overflow:auto;position:sticky;top:0}
aside ol{padding-left:20px}aside li{margin-bottom:8px}
mark{background:#ffe08a;border-bottom:2px solid #e0a800;cursor:help}
mark.error{background:#ffcdd2;border-bottom-color:#c62828}
mark.info{background:#e3f2fd;border-bottom-color:#1565c0}
span.related{background:#e8f5e9;border-bottom:2px dotted #2e7d32}
span.invisible{font-size:11px;color:#c62828;border:1px solid #c62828;border-radius:3px;padding:0 2px;
margin:0 1px;font-family:monospace}
.code{font-family:monospace;font-weight:bold}
.fix{color:#00695c;font-size:12px}
a.jump{font-size:12px;margin-left:6px}
"""

# Characters a reader cannot see, drawn as a labelled box where a finding marks them.
INVISIBLE = {
    "\u200b": "U+200B",
    "\u200c": "U+200C",
    "\u200d": "U+200D",
    "\u2060": "U+2060",
    "\ufeff": "U+FEFF",
    "\u00ad": "U+00AD",
}


def write_html(results: list[FileResult], out: TextIO) -> None:
    out.write(render_page(results))


def render_page(results: list[FileResult]) -> str:
    english = messages.language() == "en"
    titles = {r.code: r.name if english else r.title for r in RULES.all()}
    counts: Counter[str] = Counter(f.code for result in results for f in result.findings)
    total = sum(counts.values())
    lang = "en" if english else "zh-CN"
    parts = [
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n',
        f"<title>{escape(messages.text('html_title', count=total))}</title>\n<style>{CSS}</style>\n",
        "</head>\n<body>\n<header>\n",
        f"<h1>{escape(messages.text('html_heading', count=total, files=len(results)))}</h1>\n",
        '<table class="summary" id="summary"><tr>',
        "".join(
            f"<th>{escape(messages.text(k))}</th>" for k in ("html_rule", "html_title_column", "html_count")
        ),
        "</tr>\n",
    ]
    for code, n in sorted(counts.items()):
        parts.append(
            f'<tr><td class="code">{code}</td><td>{escape(titles.get(code, code))}</td><td>{n}</td></tr>\n'
        )
    parts.append("</table>\n")
    if len(results) > 1:
        parts.append(f'<nav class="files" id="files"><b>{escape(messages.text("html_files"))}</b><ol>\n')
        for number, result in enumerate(results):
            state = (
                messages.text("html_count_in_file", count=len(result.findings))
                if result.checked
                else messages.text("html_unreadable_short")
            )
            parts.append(f'<li><a href="#file-{number}">{escape(result.path)}</a> {escape(state)}</li>\n')
        parts.append("</ol></nav>\n")
    parts.append(f"<p>hegao {__version__}</p>\n</header>\n")
    for number, result in enumerate(results):
        parts.append(
            f'<section class="file" id="file-{number}">\n{render_document(result, f"{number}-")}</section>\n'
        )
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def render_document(result: FileResult, prefix: str = "") -> str:
    """The document with its findings marked, and the list of findings beside it."""
    if not result.checked:
        reason = messages.text("html_unreadable", reason=result.error or "")
        return f"<p>{escape(result.path)}：{escape(reason)}</p>\n"
    if result.source is None:
        return f"<p>{escape(result.path)}：{escape(messages.text('html_clean'))}</p>\n"
    doc = result.source
    marks = finding_marks(result.findings, prefix)
    body = (
        word_body(doc.text, result.labels, marks)
        if result.labels
        else f'<div class="text">{highlighted(doc.text, 0, len(doc.text), marks)}</div>'
    )
    items = []
    for i, f in enumerate(result.findings):
        line, col = doc.line_col(f.span.start)
        where = result.location(line, f.span.start) or messages.text("where_line", line=line, column=col)
        fix = ""
        if f.fix is not None:
            key = "html_fix_safe" if f.fix.safe else "html_fix_unsafe"
            fix = f'<div class="fix">{escape(messages.text(key, title=said(f.fix.title)))}</div>'
        related = "".join(
            f'<a class="jump" href="#f-{prefix}{i}-r{j}">'
            f"{escape(said(r.message))}（{escape(_where(result, r.span.start))}）</a>"
            for j, r in enumerate(f.related)
        )
        mark = (" [*]" if f.fix.safe else " [?]") if f.fix is not None else ""
        items.append(
            f'<li id="item-{prefix}{i}" data-code="{f.code}"><a href="#f-{prefix}{i}">'
            f'<span class="code">{f.code}{mark}</span> {escape(where)}</a> '
            f"{escape(said(f.message))}{fix}{related}</li>\n"
        )
    return (
        f'<div class="doc"><h2>{escape(result.path)}</h2>{body}</div>\n'
        f"<aside><ol>\n{''.join(items)}</ol></aside>\n"
    )


def _where(result: FileResult, offset: int) -> str:
    assert result.source is not None
    return result.location(result.source.line_col(offset)[0], offset) or _line_of(result.source, offset)


def _line_of(doc: object, offset: int) -> str:
    line, col = doc.line_col(offset)  # type: ignore[attr-defined]
    return messages.text("where_line", line=line, column=col)


_Mark = tuple[int, int, str, str, str]  # start, end, kind, id, title


def finding_marks(findings: list[Finding], prefix: str) -> list[_Mark]:
    marks: list[_Mark] = []
    for i, f in enumerate(findings):
        label = f"{f.code} {said(f.message)}"
        marks.append((f.span.start, f.span.end, f.severity.value, f"f-{prefix}{i}", label))
        for j, r in enumerate(f.related):
            marks.append(
                (r.span.start, r.span.end, "related", f"f-{prefix}{i}-r{j}", f"{f.code} {said(r.message)}")
            )
    return marks


def word_body(text: str, labels: list[tuple[int, ...]], marks: list[_Mark]) -> str:
    """A Word document's lines as its paragraphs and table cells."""
    out: list[str] = []
    start = 0
    table: int | None = None
    row = 0
    column = 1  # the next grid column of the row being written
    spans = _column_spans(labels)
    lines = text.split("\n")
    marks_of = _marks_by_line(lines, marks)
    for n, line in enumerate(lines):
        end = start + len(line)
        place = labels[n] if n < len(labels) else None
        cell = highlighted(text, start, end, marks_of.get(n, []))
        if place is not None and len(place) == 3:
            if table != place[0]:
                if table is not None:
                    out.append("</tr></table>")
                out.append("<table><tr>")
                table, row, column = place[0], place[1], 1
            elif row != place[1]:
                out.append("</tr><tr>")
                row, column = place[1], 1
            if place[2] > column:  # the rest of a cell merged down from above
                out.append(f'<td colspan="{place[2] - column}"></td>')
            width = spans.get(n, 1)
            colspan = f' colspan="{width}"' if width > 1 else ""
            out.append(f"<td{colspan}>{cell}</td>")
            column = place[2] + width
        else:
            if table is not None:
                out.append("</tr></table>")
                table = None
            if place is not None:
                out.append(f"<p>{cell}</p>")
        start = end + 1
    if table is not None:
        out.append("</tr></table>")
    return "".join(out)


def _marks_by_line(lines: list[str], marks: list[_Mark]) -> dict[int, list[_Mark]]:
    """The marks each line may show (every line a mark touches): each line is given its
    own, not all of them (a document of 30,000 paragraphs and 4,000 marks was 120
    million comparisons)."""
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    by_line: dict[int, list[_Mark]] = {}
    for m in marks:
        first = bisect_right(starts, m[0]) - 1
        last = bisect_right(starts, max(m[0], m[1] - 1)) - 1
        for n in range(max(first, 0), last + 1):
            by_line.setdefault(n, []).append(m)
    return by_line


def _column_spans(labels: list[tuple[int, ...]]) -> dict[int, int]:
    """How many grid columns each table cell line covers: up to the next cell of its row,
    or to the table's last column (a cell merged across columns is one line)."""
    widths: dict[int, int] = {}
    for place in labels:
        if len(place) == 3:
            widths[place[0]] = max(widths.get(place[0], 0), place[2])
    spans: dict[int, int] = {}
    cells = [(n, p) for n, p in enumerate(labels) if len(p) == 3]
    for k, (n, place) in enumerate(cells):
        following = cells[k + 1][1] if k + 1 < len(cells) else None
        same_row = following is not None and following[:2] == place[:2]
        last = following[2] if same_row and following is not None else widths[place[0]] + 1
        spans[n] = max(1, last - place[2])
    return spans


def highlighted(text: str, start: int, end: int, marks: list[_Mark]) -> str:
    """``text[start:end]`` cut at every span boundary; each piece marked by the spans
    covering it, and an anchor where a span begins. One sweep over the boundaries, so
    that a long draft with thousands of findings renders in linear time."""
    inside = [m for m in marks if (m[0] < end and m[1] > start) or start <= m[0] < end]
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for n, m in enumerate(inside):
        a, b = max(start, m[0]), min(end, m[1])
        opening.setdefault(a, []).append(n)
        closing.setdefault(b, []).append(n)
    cuts = sorted({start, end} | opening.keys() | closing.keys())
    active: dict[int, _Mark] = {}
    pieces = []
    for i, a in enumerate(cuts):
        for n in closing.get(a, ()):
            active.pop(n, None)
        for n in opening.get(a, ()):
            m = inside[n]
            pieces.append(f'<a id="{m[3]}"></a>')
            if min(end, m[1]) > a:
                active[n] = m
        if i + 1 == len(cuts):
            break
        b = cuts[i + 1]
        covering = list(active.values())
        chunk = _visible(text[a:b], marked=bool(covering))
        if not covering:
            pieces.append(chunk)
            continue
        main = [m for m in covering if m[2] != "related"]
        title = escape(" · ".join(m[4] for m in covering), quote=True)
        if main:
            level = "error" if any(m[2] == "error" for m in main) else main[0][2]
            pieces.append(f'<mark class="{level}" title="{title}">{chunk}</mark>')
        else:
            pieces.append(f'<span class="related" title="{title}">{chunk}</span>')
    return "".join(pieces)


def _visible(chunk: str, marked: bool) -> str:
    """Escaped text; where a finding marks an invisible character, a labelled box."""
    if not marked or not any(ch in INVISIBLE for ch in chunk):
        return escape(chunk)
    return "".join(
        f'<span class="invisible" title="{INVISIBLE[ch]}">{INVISIBLE[ch]}</span>'
        if ch in INVISIBLE
        else escape(ch)
        for ch in chunk
    )
