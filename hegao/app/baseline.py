"""A baseline: the findings an archive already has, so that only new ones are reported.

A finding is recorded by its path, code, the text it covers and a little context — not
its line number, so that editing elsewhere in the file does not make old findings new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from hegao import messages
from hegao.app.results import FileResult
from hegao.checker.model import Finding
from hegao.checker.source.reading import os_reason

VERSION = 1
CONTEXT = 12


def fingerprint(text: str, finding: Finding) -> str:
    """The code, the text covered, and up to CONTEXT characters either side on its line."""
    start, end = finding.span.start, finding.span.end
    before = text[max(0, start - CONTEXT) : start].rsplit("\n", 1)[-1]
    after = text[end : end + CONTEXT].split("\n", 1)[0]
    key = "\x1f".join([finding.code, before, text[start:end], after])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _entries(results: Iterable[FileResult]) -> Counter[tuple[str, str, str]]:
    counts: Counter[tuple[str, str, str]] = Counter()
    for result in results:
        if result.source is None:
            continue
        for f in result.findings:
            counts[(result.path, f.code, fingerprint(result.source.text, f))] += 1
    return counts


def write_baseline(path: Path, results: Iterable[FileResult]) -> int:
    entries = _entries(results)
    rows = [
        {"path": p, "code": c, "fingerprint": fp, "count": n} for (p, c, fp), n in sorted(entries.items())
    ]
    path.write_text(
        json.dumps({"version": VERSION, "findings": rows}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    return sum(entries.values())


def load_baseline(path: Path) -> Counter[tuple[str, str, str]]:
    try:
        data = json.loads(path.read_text("utf-8"))
        rows = data["findings"]
        return Counter(
            {(row["path"], row["code"], row["fingerprint"]): int(row.get("count", 1)) for row in rows}
        )
    except OSError as exc:
        raise ValueError(f"{path}: {messages.text('baseline_unreadable', reason=os_reason(exc))}") from None
    except (ValueError, KeyError, TypeError):
        raise ValueError(f"{path}: {messages.text('baseline_not_one')}") from None


def without_baseline(
    results: Iterable[FileResult], baseline: Counter[tuple[str, str, str]]
) -> Iterator[FileResult]:
    """The results, as they come, with the findings recorded in the baseline removed."""
    remaining = Counter(baseline)
    for result in results:
        if result.source is None:
            yield result
            continue
        kept = []
        for f in result.findings:
            key = (result.path, f.code, fingerprint(result.source.text, f))
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(f)
        yield replace(result, findings=kept, source=result.source if kept else None)
