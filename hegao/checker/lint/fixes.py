"""Applying fixes: the edits of the fixes that do not overlap, each fix whole or not at all."""

from __future__ import annotations

import itertools

from hegao.checker.model import Finding, Fix


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> tuple[str, list[Fix]]:
    """Apply the fixes that do not overlap an earlier one, each with all its edits or not
    at all; return the text and those fixes."""
    fixes = sorted(
        (f.fix for f in findings if f.fix is not None and (f.fix.safe or unsafe)),
        key=lambda fix: (fix.span.start, fix.span.end),
    )
    pieces: list[str] = []
    pos = 0
    applied: list[Fix] = []
    previous: Fix | None = None
    for fix in fixes:
        if fix.span.start < pos or (previous is not None and fix.span == previous.span):
            continue  # overlaps an applied fix: the next pass will see it again
        edits = sorted(fix.edits, key=lambda e: (e.span.start, e.span.end))
        if any(b.span.start < a.span.end for a, b in itertools.pairwise(edits)):
            continue  # a fix whose own edits overlap is malformed: leave the text alone
        for edit in edits:
            pieces.append(text[pos : edit.span.start])
            pieces.append(edit.replacement)
            pos = edit.span.end
        applied.append(fix)
        previous = fix
    pieces.append(text[pos:])
    return "".join(pieces), applied
