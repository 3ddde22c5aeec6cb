"""Real bulletins and reports (outside the repository; skipped when absent).

Precision first: on the seeds every finding must be one of the known defects, and on the
52 carefully edited government work reports only the known transcription errors.
"""

from __future__ import annotations

from hegao.checker.document import parse_document
from hegao.checker.engine import lint_document

from .conftest import CORPUS, SEEDS, require


def findings_of(path):
    text = path.read_text("utf-8")
    doc = parse_document(text)
    return text, doc, lint_document(doc)


def test_seed_unit_slip_is_found() -> None:
    path = require(SEEDS) / "002_6855b0146fbdf8e3.txt"
    text, _, findings = findings_of(path)
    sums = [f for f in findings if f.code == "SUM001"]
    assert [text[f.span.start : f.span.end] for f in sums] == ["708604.9万元"]
    assert "708,604.9 元" in sums[0].message and "10000" in sums[0].message


def test_seed_repeats_are_found() -> None:
    seeds = require(SEEDS)
    text0, _, f0 = findings_of(seeds / "000_bf8bd23fc6b6938c.txt")
    dup0 = [f for f in f0 if f.code == "DUP002"]
    assert len(dup0) == 1
    assert (
        text0[dup0[0].span.start : dup0[0].span.end]
        == text0[dup0[0].related[0].span.start : dup0[0].related[0].span.end]
    )
    text2, doc2, f2 = findings_of(seeds / "002_6855b0146fbdf8e3.txt")
    dup2 = [f for f in f2 if f.code == "DUP002"]
    assert len(dup2) == 1
    # the fragment pasted at the end of the last article
    assert doc2.line_col(dup2[0].span.start)[0] == text2.count("\n", 0, len(text2.rstrip())) + 1


def test_seed_findings_are_only_the_known_defects() -> None:
    seeds = require(SEEDS)
    codes = []
    for path in sorted(seeds.glob("*.txt")):
        codes += [f.code for f in findings_of(path)[2]]
    assert sorted(codes) == ["DUP002", "DUP002", "SUM001"]


def test_government_reports_are_silent_but_for_known_defects() -> None:
    corpus = require(CORPUS)
    found = {}
    for path in sorted(corpus.glob("*.txt")):
        _, doc, findings = findings_of(path)
        for f in findings:
            found.setdefault(path.name, []).append((f.code, doc.line_col(f.span.start)[0]))
    # 038 = 2010 report, 043 = 2015 report: a paragraph repeated (in 038 its 四是
    # follows the first copy's 四是); 020 (1992): a paragraph repeated with its opening
    # words lost. 002 (1955) writes 约……余万 and 004 (1957) 将近一万多: two
    # approximation markers on one number. 035 (2007) lost its heading （三） in the
    # transcription. No SUM001.
    assert found == {
        "002.txt": [("APX001", 696)],
        "004.txt": [("APX001", 161)],
        "020.txt": [("DUP001", 363)],
        "035.txt": [("CNT003", 124)],
        "038.txt": [("CNT003", 174), ("DUP001", 174)],
        "043.txt": [("DUP001", 102)],
    }
