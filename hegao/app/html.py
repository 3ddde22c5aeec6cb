"""One self-contained HTML page: each document with its findings highlighted in place,
the message on hover and in a side list, related places linked, a summary on top."""

from __future__ import annotations

import itertools
from collections import Counter
from html import escape
from typing import TextIO

from hegao import __version__
from hegao.app.results import FileResult
from hegao.checker.model import Finding

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0;
color:#222;background:#fafafa}
header{padding:16px 24px;background:#263238;color:#fff}
header h1{margin:0 0 8px;font-size:20px}
table.summary{border-collapse:collapse;background:#fff;color:#222;font-size:14px}
table.summary td,table.summary th{border:1px solid #ccc;padding:3px 10px;text-align:left}
section.file{display:flex;gap:16px;padding:16px 24px;border-bottom:1px solid #ddd}
.doc{flex:3;white-space:pre-wrap;line-height:1.9;background:#fff;padding:16px;border:1px solid #ddd;
font-size:16px}
aside{flex:2;font-size:14px;max-height:80vh;overflow:auto;position:sticky;top:0}
aside ol{padding-left:20px}aside li{margin-bottom:8px}
mark{background:#ffe08a;border-bottom:2px solid #e0a800;cursor:help}
mark.error{background:#ffcdd2;border-bottom-color:#c62828}
mark.info{background:#e3f2fd;border-bottom-color:#1565c0}
span.related{background:#e8f5e9;border-bottom:2px dotted #2e7d32}
.code{font-family:monospace;font-weight:bold}
a.jump{font-size:12px;margin-left:6px}
"""


def write_html(results: list[FileResult], out: TextIO) -> None:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for result in results:
        for f in result.findings:
            counts[f.code] += 1
            names[f.code] = f.name
    total = sum(counts.values())
    out.write('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n')
    out.write(f"<title>hegao 核稿报告（{total} 处问题）</title>\n<style>{_CSS}</style>\n</head>\n<body>\n")
    out.write(f"<header>\n<h1>hegao 核稿报告：{total} 处问题，{len(results)} 个文件</h1>\n")
    out.write('<table class="summary" id="summary"><tr><th>规则</th><th>名称</th><th>数量</th></tr>\n')
    for code, n in sorted(counts.items()):
        out.write(f'<tr><td class="code">{code}</td><td>{escape(names[code])}</td><td>{n}</td></tr>\n')
    out.write(f"</table>\n<p>hegao {__version__}</p>\n</header>\n")
    for number, result in enumerate(results):
        _write_file(out, number, result)
    out.write("</body>\n</html>\n")


def _write_file(out: TextIO, number: int, result: FileResult) -> None:
    out.write(f'<section class="file" id="file-{number}">\n')
    if not result.checked:
        out.write(f"<p>{escape(result.path)}：无法读取（{escape(result.error or '')}）</p>\n</section>\n")
        return
    if result.source is None:
        out.write(f"<p>{escape(result.path)}：未发现问题</p>\n</section>\n")
        return
    doc = result.source
    prefix = f"{number}-"
    out.write(f'<div class="doc"><h2>{escape(result.path)}</h2>')
    out.write(_highlighted(doc.text, result.findings, prefix))
    out.write("</div>\n<aside><ol>\n")
    for i, f in enumerate(result.findings):
        line, col = doc.line_col(f.span.start)
        out.write(
            f'<li id="item-{prefix}{i}"><a href="#f-{prefix}{i}"><span class="code">{f.code}</span> '
            f"第 {line} 行第 {col} 列</a> {escape(f.message)}"
        )
        for j, r in enumerate(f.related):
            rline = doc.line_col(r.span.start)[0]
            out.write(f'<a class="jump" href="#f-{prefix}{i}-r{j}">{escape(r.message)}（第 {rline} 行）</a>')
        out.write("</li>\n")
    out.write("</ol></aside>\n</section>\n")


def _highlighted(text: str, findings: list[Finding], prefix: str) -> str:
    """The text cut at every span boundary; each piece marked by the spans covering it."""
    marks: list[tuple[int, int, str, str, str]] = []  # start, end, kind, id, title
    for i, f in enumerate(findings):
        marks.append((f.span.start, f.span.end, f.severity.value, f"f-{prefix}{i}", f"{f.code} {f.message}"))
        for j, r in enumerate(f.related):
            marks.append(
                (r.span.start, r.span.end, "related", f"f-{prefix}{i}-r{j}", f"{f.code} {r.message}")
            )
    cuts = sorted({0, len(text)} | {m[0] for m in marks} | {m[1] for m in marks})
    anchors: dict[int, list[str]] = {}
    for start, _, _, ident, _ in marks:
        anchors.setdefault(start, []).append(ident)
    pieces = []
    for a, b in itertools.pairwise(cuts):
        for ident in anchors.get(a, []):
            pieces.append(f'<a id="{ident}"></a>')
        chunk = escape(text[a:b])
        covering = [m for m in marks if m[0] <= a and b <= m[1]]
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
