"""Word in, Word out: findings as comments in a copy of the draft, safe fixes in place.

hegao reads a .docx as one line per paragraph or table cell (hegao.checker.source.docx). Here a
place in that text is found again in the document: the line's paragraphs, then the run
of text that holds the offset. A comment in Word is anchored on whole runs, so a run is
split where a finding begins or ends (both halves keep the run's formatting); a run that
holds more than text (a tab, a break, a field) is not split, and the comment then covers
the whole run. A fix is applied only where each of its edits lies inside the text of one
run: anything else (joining two paragraphs, an edit across formatting) is reported as
not applied. Nothing is written but the output file (atomically), and never the input
when annotating.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from pathlib import Path

from hegao import messages
from hegao.app.files import FileStamp, write_atomic
from hegao.checker.model import Finding, Fix
from hegao.checker.source.docx import docx_lines, line_text, open_docx
from hegao.messages import said
from hegao.rules import RULES

AUTHOR = "hegao"
INITIALS = "HG"


@dataclass
class _Piece:
    start: int  # offset in the line
    end: int
    run: object  # a python-docx Run
    simple: bool  # rPr and one w:t only: it can be split and edited


class _Line:
    """One line of hegao's text of the document, mapped onto the runs that hold it."""

    def __init__(self, paragraphs: list[object]) -> None:
        self.paragraphs = paragraphs
        self.text = line_text(paragraphs)
        self.pieces: list[_Piece] = []
        self.remap()

    def remap(self) -> None:
        from docx.text.hyperlink import Hyperlink
        from docx.text.run import Run

        pieces: list[_Piece] = []
        at = 0
        for n, paragraph in enumerate(self.paragraphs):
            if n:
                at += 1  # the space that joins a cell's paragraphs
            for item in paragraph.iter_inner_content():  # type: ignore[attr-defined]
                runs = item.runs if isinstance(item, Hyperlink) else [item] if isinstance(item, Run) else []
                for run in runs:
                    size = len(run.text)
                    pieces.append(_Piece(at, at + size, run, _simple(run)))
                    at += size
        self.pieces = pieces
        # A paragraph whose text python-docx reads otherwise than its runs (fields,
        # content controls) is not mapped run by run: comments cover it whole.
        self.exact = at == len(self.text)

    def split_at(self, offset: int) -> None:
        """Make ``offset`` a run boundary if the run there can be split."""
        for piece in self.pieces:
            if piece.start < offset < piece.end and piece.simple:
                _split_run(piece.run, offset - piece.start)
                self.remap()
                return

    def runs(self, start: int, end: int) -> list[object]:
        """The runs covering [start, end) of the line (at least one if it has any)."""
        if not self.exact:
            return [p.run for p in self.pieces]
        covering = [p.run for p in self.pieces if p.start < end and p.end > start and p.end > p.start]
        if not covering:
            covering = [p.run for p in self.pieces if p.start <= start <= p.end][:1]
        return covering or [p.run for p in self.pieces]


def _simple(run: object) -> bool:
    from docx.oxml.ns import qn

    children = list(run._r)  # type: ignore[attr-defined]
    texts = [c for c in children if c.tag == qn("w:t")]
    others = [c for c in children if c.tag not in (qn("w:t"), qn("w:rPr"))]
    return len(texts) == 1 and not others


def _split_run(run: object, k: int) -> None:
    from docx.oxml.ns import qn

    r = run._r  # type: ignore[attr-defined]
    twin = copy.deepcopy(r)
    t = r.find(qn("w:t"))
    t2 = twin.find(qn("w:t"))
    text = t.text or ""
    t.text, t2.text = text[:k], text[k:]
    for node in (t, t2):
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.addnext(twin)


class _Mapped:
    """The document and its lines, with a way from an offset of hegao's text to a line."""

    def __init__(self, path: Path) -> None:
        self.document = open_docx(path)
        self.lines = [_Line(paragraphs) for _, paragraphs in docx_lines(self.document)]
        self.starts: list[int] = []
        at = 0
        for line in self.lines:
            self.starts.append(at)
            at += len(line.text) + 1

    def locate(self, offset: int) -> tuple[int, int]:
        import bisect

        n = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return n, min(offset - self.starts[n], len(self.lines[n].text))

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)  # type: ignore[attr-defined]
        return buffer.getvalue()


def annotate(source: Path, target: Path, findings: list[Finding]) -> int:
    """Write a copy of ``source`` to ``target`` with each finding as a comment on its
    words; the number of comments written."""
    mapped = _Mapped(source)
    placed = 0
    for f in findings:
        first, a = mapped.locate(f.span.start)
        last, b = mapped.locate(max(f.span.start, f.span.end - 1))
        b += 1 if f.span.end > f.span.start else 0
        mapped.lines[first].split_at(a)
        mapped.lines[last].split_at(b)
        start_runs = mapped.lines[first].runs(a, a + 1 if first != last else b)
        end_runs = mapped.lines[last].runs(b - 1 if first != last else a, b)
        if not start_runs or not end_runs:
            continue  # an empty paragraph: nothing to hang a comment on
        mapped.document.add_comment(  # type: ignore[attr-defined]
            [start_runs[0], end_runs[-1]], text=_comment(f), author=AUTHOR, initials=INITIALS
        )
        placed += 1
    write_atomic(target, mapped.save())
    return placed


def _comment(f: Finding) -> str:
    rule = RULES.get(f.code)
    title = (rule.name if messages.language() == "en" else rule.title) if rule else ""
    parts = [f"{f.code} {title}：{said(f.message)}"]
    parts += [f"· {said(r.message)}" for r in f.related]
    if f.fix is not None:
        key = "html_fix_safe" if f.fix.safe else "html_fix_unsafe"
        parts.append(messages.text(key, title=said(f.fix.title)))
    return "\n".join(parts)


def fix_docx(
    path: Path, findings: list[Finding], unsafe: bool, write: bool, read_as: FileStamp | None = None
) -> tuple[int, list[Finding]]:
    """Apply the fixes whose every edit lies inside one run's text; write the document
    back (atomically) when ``write``, only over the file ``read_as`` says was read. The
    number applied and the findings whose fix could not be applied in Word."""
    mapped = _Mapped(path)
    applied = 0
    skipped: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for f in sorted(findings, key=lambda f: -f.span.start):
        if f.fix is None or not (f.fix.safe or unsafe):
            continue
        if any(a < f.fix.span.end and f.fix.span.start < b for a, b in taken) or not _apply(mapped, f.fix):
            skipped.append(f)
            continue
        taken.append((f.fix.span.start, f.fix.span.end))
        applied += 1
    if applied and write:
        write_atomic(path, mapped.save(), read_as)
    return applied, skipped[::-1]


def _apply(mapped: _Mapped, fix: Fix) -> bool:
    from docx.oxml.ns import qn

    plan = []
    for edit in fix.edits:
        n, a = mapped.locate(edit.span.start)
        m, b = mapped.locate(edit.span.end)
        line = mapped.lines[n]
        if m != n or not line.exact:
            return False  # across paragraphs or cells
        hold = [p for p in line.pieces if p.start <= a and b <= p.end and p.simple]
        if not hold:
            return False  # across runs: the formatting would be lost
        plan.append((hold[0], a, b, edit.replacement))
    for piece, a, b, replacement in sorted(plan, key=lambda x: -x[1]):
        t = piece.run._r.find(qn("w:t"))  # type: ignore[attr-defined]
        text = t.text or ""
        t.text = text[: a - piece.start] + replacement + text[b - piece.start :]
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    # The edited line reads anew; offsets before the edit (the fixes still to come, which
    # lie earlier) are unchanged.
    line = mapped.lines[mapped.locate(fix.span.start)[0]]
    line.text = line_text(line.paragraphs)
    line.remap()
    return True
