"""Coverage-guided fuzzing of reading, linting and fixing (a long run; not part of the tests).

    pip install atheris
    python bench/fuzz.py -max_total_time=600 -rss_limit_mb=4096 bench/out/fuzz-corpus

Each input is a file's bytes. Whatever they are, reading either succeeds or raises
InputError; linting never raises; every span lies in the text with line/column agreeing
with its offset; fixing converges and a second fix changes nothing. The corpus starts
from the example drafts and the rule cases (our own sentences), so mutations explore
bulletin-like text rather than random bytes. Findings go to bench/README.md.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from hegao.checker.lint.document import parse_document
    from hegao.checker.lint.engine import lint_document
    from hegao.checker.source.reading import InputError, decode_bytes
    from hegao.core import fix_text
    from hegao.rules import RULES

REPO = Path(__file__).resolve().parent.parent


def check_one(data: bytes) -> None:
    try:
        text = decode_bytes(data).text
    except InputError:
        return
    doc = parse_document(text)
    for f in lint_document(doc, RULES):
        assert 0 <= f.span.start < f.span.end <= len(text), f
        for r in f.related:
            assert 0 <= r.span.start < r.span.end <= len(text), f
        line, col = doc.line_col(f.span.start)
        assert line == text.count("\n", 0, f.span.start) + 1
        assert col == f.span.start - (text.rfind("\n", 0, f.span.start) + 1) + 1
    fixed, _ = fix_text(text)
    assert fix_text(fixed) == (fixed, 0), "fixing twice changed the text again"


def seed_corpus(folder: Path) -> None:
    """Example drafts and the texts of the rule cases, one file each."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for draft in sorted((REPO / "examples").glob("*.md")):
        (folder / f"example-{n}").write_bytes(draft.read_bytes())
        n += 1
    for cases in sorted((REPO / "tests" / "cases").glob("*.toml")):
        for case in tomllib.loads(cases.read_text("utf-8"))["case"]:
            (folder / f"case-{n}").write_text(case["text"], encoding="utf-8")
            n += 1


def main() -> None:
    corpus = next((Path(a) for a in sys.argv[1:] if not a.startswith("-")), None)
    if corpus is not None and not corpus.exists():
        seed_corpus(corpus)
    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
