"""What hegao reads in a draft, for the inspection commands: the quantities (``hegao
quantities``) and what the figures claim (``hegao claims``) as JSON data and as lines
of text, and the effective configuration (``hegao config``). Kept here, beside the
report formats, so that hegao/app/cli.py holds only the commands.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import cast

from hegao import messages
from hegao.checker.claims import LabelClaim
from hegao.checker.figures.quantities import Quantity
from hegao.checker.lint.config import Config
from hegao.checker.lint.document import Document
from hegao.rules import RULES


def quantity_rows(doc: Document) -> list[dict[str, object]]:
    """Every quantity read in ``doc``: value, scale, unit, approximation, kind."""
    rows: list[dict[str, object]] = []
    for q in doc.extraction.quantities:
        line, col = doc.line_col(q.span.start)
        rows.append(
            {
                "text": q.text,
                "start": q.span.start,
                "end": q.span.end,
                "line": line,
                "column": col,
                "value": plain(q.value),
                "high": None if q.high is None else plain(q.high),
                "scale": q.scale,
                "base_value": plain(q.base),
                "unit": q.unit,
                "approx": list(q.approx),
                "kind": q.kind.value,
                "decimals": q.decimals,
            }
        )
    return rows


def quantity_lines(path: Path, rows: list[dict[str, object]]) -> list[str]:
    """The rows of :func:`quantity_rows` as tab-separated lines."""
    out = []
    for r in rows:
        approx = "".join(cast(list[str], r["approx"])) or "-"
        out.append(
            f"{path}:{r['line']}:{r['column']}\t{r['text']}\t{r['base_value']}\t"
            f"{r['unit'] or '-'}\t{r['kind']}\t{approx}"
        )
    return out


def claims_data(doc: Document) -> dict[str, object]:
    """What the figures of ``doc`` claim: each figure's metric, scope, period and role,
    the sums, breakdowns, ratios, growths and 分别 lists that relate them, and the numbered
    labels with the items listed for them."""
    read = doc.claims

    def place(q: Quantity | None) -> dict[str, object] | None:
        if q is None:
            return None
        line, col = doc.line_col(q.span.start)
        return {"text": q.text, "line": line, "column": col, "start": q.span.start, "end": q.span.end}

    return {
        "figures": [
            {
                **(place(f.quantity) or {}),
                "metric": f.metric,
                "scope": f.scope,
                "period": list(f.period),
                "role": f.role.value,
            }
            for f in read.figures
        ],
        "sums": [
            {"total": place(s.total), "parts": [place(p) for p in s.parts], "running": s.running}
            for s in read.sums
        ],
        "breakdowns": [
            {"whole": place(b.whole), "parts": [place(p) for p in b.parts], "may_overlap": b.may_overlap}
            for b in read.breakdowns
        ],
        "ratios": [
            {
                "value": place(r.value),
                "numerator": place(r.numerator),
                "denominator": place(r.denominator),
                "term": r.term,
            }
            for r in read.ratios
        ],
        "growths": [
            {
                "rate": place(g.rate),
                "before": place(g.before),
                "after": place(g.after),
                "increment": place(g.increment),
                "falling": g.falling,
                "verb": g.verb,
            }
            for g in read.growths
        ],
        "respectively": [
            {
                "subjects": [{"text": s.text, "start": s.span.start, "end": s.span.end} for s in r.subjects],
                "values": [place(v) for v in r.values],
                "per_subject": r.per_subject,
                "marker": doc.text[r.marker.start : r.marker.end],
            }
            for r in read.respectively
        ],
        "labels": [
            {
                "label": {"text": c.text, "start": c.span.start, "end": c.span.end, **_line_column(doc, c)},
                "count": c.count,
                "items": [{"text": i.text, "start": i.span.start, "end": i.span.end} for i in c.items],
                "complete": c.complete,
            }
            for c in read.labels
        ],
    }


def _line_column(doc: Document, label: LabelClaim) -> dict[str, int]:
    line, column = doc.line_col(label.span.start)
    return {"line": line, "column": column}


def claims_lines(doc: Document) -> list[str]:
    """The claims of ``doc`` as lines of text: relations first, then each figure."""
    read = doc.claims

    def at(q: Quantity) -> str:
        line, col = doc.line_col(q.span.start)
        return f"{q.text}（{line}:{col}）"

    out = []
    for s in read.sums:
        out.append(f"合计\t{at(s.total)} = " + " + ".join(at(p) for p in s.parts))
    for b in read.breakdowns:
        out.append(f"分项\t{at(b.whole)} ⊇ " + "、".join(at(p) for p in b.parts))
    for r in read.ratios:
        out.append(f"比率\t{at(r.value)} = {at(r.numerator)} ÷ {at(r.denominator)}（{r.term}）")
    for g in read.growths:
        base = (
            f"{at(g.before)} → {at(g.after)}"
            if g.before and g.after
            else (f"{at(g.after)}，增减量 {at(g.increment)}" if g.after and g.increment else "")
        )
        rate = f"{g.verb}{at(g.rate)}：" if g.rate is not None else ""
        out.append(f"增减\t{rate}{base}")
    for listed in read.respectively:
        each = f"（每项 {listed.per_subject} 个）" if listed.per_subject > 1 else ""
        subjects = "、".join(s.text for s in listed.subjects)
        out.append(f"分别\t{subjects} → " + "、".join(at(v) for v in listed.values) + each)
    for c in read.labels:
        line, col = doc.line_col(c.span.start)
        items = "、".join(i.text for i in c.items) + ("" if c.complete else "等")
        out.append(f"标签\t“{c.text}”（{line}:{col}）：{c.count} 项 = {items}")
    for f in read.figures:
        period = "、".join(f.period) or "-"
        where = f"指标：{f.metric or '-'}\t范围：{f.scope or '-'}\t时期：{period}"
        out.append(f"数字\t{at(f.quantity)}\t{f.role.value}\t{where}")
    return out


def config_lines(config: Config, path: Path) -> list[str]:
    """The effective configuration for ``path``, one ``key = JSON value`` a line."""
    source = str(config.source) if config.source else messages.text("config_no_source")
    enabled = [code for code in RULES.codes() if config.enabled(code)]
    severities = {code: level.value for code, level in config.severity.items()}
    options = {
        r.code: {**r.default_options, **config.options.get(r.code, {})}
        for r in RULES.all()
        if r.default_options
    }
    return [
        messages.text("config_for", path=path),
        f"source = {json.dumps(source, ensure_ascii=False)}",
        f"enabled = {json.dumps(enabled)}",
        f"select = {json.dumps(list(config.select))}",
        f"extend-select = {json.dumps(list(config.extend_select))}",
        f"ignore = {json.dumps(list(config.ignore))}",
        f"include = {json.dumps(list(config.include))}",
        f"exclude = {json.dumps(list(config.exclude))}",
        f"excluded = {json.dumps(config.is_excluded(path))}",
        f"max-file-size = {config.max_file_size:g}",
        f"severity = {json.dumps(severities)}",
        f"per-file-ignores = {json.dumps(dict(config.per_file_ignores), ensure_ascii=False)}",
        f"rules = {json.dumps(options, ensure_ascii=False)}",
    ]


def plain(value: Decimal) -> str:
    """A figure as written without exponent: 80650.5, 3000000."""
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1)):f}"
    return f"{value.normalize():f}"
