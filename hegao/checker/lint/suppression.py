"""Suppression comments in Markdown drafts:

    <!-- hegao-disable CODE[,CODE] -->  …  <!-- hegao-enable [CODE] -->
    <!-- hegao-disable-next-line CODE -->

Without codes, ``hegao-disable`` silences every rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from hegao.checker.model import Finding

_COMMENT = regex.compile(
    r"<!--\s*hegao-(?P<what>disable-next-line|disable|enable)(?P<codes>(?:\s+[A-Za-z0-9,\s]+?)?)\s*-->"
)
_CODE_SEPARATOR = regex.compile(r"[,\s]+")


@dataclass(frozen=True, slots=True)
class _Quiet:
    start: int
    end: int
    codes: frozenset[str]  # empty: every rule
    comment: tuple[int, int] = (0, 0)  # the comment that opened it

    def covers(self, finding: Finding) -> bool:
        if not self.start <= finding.span.start < self.end:
            return False
        return not self.codes or any(finding.code.startswith(c) for c in self.codes)


def quiet_regions(text: str) -> list[_Quiet]:
    regions: list[_Quiet] = []
    if "hegao-" not in text:  # no comment to read: a string search, not a scan
        return regions
    open_: dict[str, tuple[int, int]] = {}  # code ("" for all) → where its disable began
    for m in _COMMENT.finditer(text):
        codes = frozenset(c.strip().upper() for c in _CODE_SEPARATOR.split(m.group("codes")) if c.strip())
        what = m.group("what")
        if what == "disable-next-line":
            line = _next_nonblank_line(text, m.end())
            if line is not None:
                regions.append(_Quiet(line[0], line[1], codes, m.span()))
        elif what == "disable":
            for code in codes or {""}:
                open_.setdefault(code, (m.end(), m.start()))
        else:  # enable
            for code in codes if codes else list(open_):
                if code in open_:
                    start, at = open_.pop(code)
                    regions.append(_Quiet(start, m.start(), frozenset({code} - {""}), (at, start)))
    for code, (start, at) in open_.items():
        regions.append(_Quiet(start, len(text), frozenset({code} - {""}), (at, start)))
    return regions


def unknown_codes(text: str, known: set[str]) -> list[tuple[int, str]]:
    """(offset, code) for each code in a suppression comment that names no rule or prefix."""
    if "hegao-" not in text:
        return []
    out = []
    for m in _COMMENT.finditer(text):
        for code in _CODE_SEPARATOR.split(m.group("codes")):
            code = code.strip().upper()
            if code and not any(k.startswith(code) for k in known):
                out.append((m.start(), code))
    return out


def _next_nonblank_line(text: str, after: int) -> tuple[int, int] | None:
    """The first non-blank line that starts after offset ``after``."""
    start = text.find("\n", after)
    while start != -1:
        end = text.find("\n", start + 1)
        end = len(text) if end == -1 else end
        if text[start + 1 : end].strip():
            return start + 1, end
        start = text.find("\n", start + 1)
    return None


def suppress(text: str, findings: list[Finding]) -> list[Finding]:
    if "hegao-" not in text:
        return findings
    regions = quiet_regions(text)
    return [f for f in findings if not any(r.covers(f) for r in regions)]
