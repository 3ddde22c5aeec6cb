"""Memory grows with the text, not with its blank lines: a file of many blank lines costs
what its few lines of text cost (5 MB of blank lines once took 1.1 GB)."""

from __future__ import annotations

import tracemalloc

import pytest

from hegao.checker.lint.document import parse_document
from hegao.checker.text import segments


def _peak_bytes(text: str) -> int:
    tracemalloc.start()
    try:
        parse_document(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_blank_lines_cost_no_more_than_their_bytes() -> None:
    for blank in ("\n", "\r\n", " \n"):
        text = "全市共接报警情120起。" + blank * 200_000 + "其中刑事警情12起。"
        # The text itself, its masked copy, the line starts as machine integers (8 bytes
        # a line) and a little per block: well under 30 bytes a character. A list of a
        # tuple per line cost ~200.
        assert _peak_bytes(text) < 30 * len(text), blank.encode()


def _reading_peak(text: str) -> int:
    """Peak memory of reading a draft as the rules read it: its blocks, sentences and
    clauses, each read once."""
    tracemalloc.start()
    try:
        doc = parse_document(text)
        for records in (doc.blocks, doc.sentences, doc.clauses):
            for _ in records:
                pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_many_short_paragraphs_cost_a_bounded_amount_a_character(monkeypatch: pytest.MonkeyPatch) -> None:
    # More paragraphs than RECORDS_KEPT_MAX (lowered here, to keep the test quick): their
    # records are then kept as columns of integers and made when read. An object for
    # each block, sentence and clause (and their spans) cost ~190 bytes a character here.
    monkeypatch.setattr(segments, "RECORDS_KEPT_MAX", 2_000)
    count = 20_000
    for line in ("甲\n\n", "好。\n", "!\n"):
        text = line * count
        doc = parse_document(text)
        assert len(doc.blocks) == count, line.encode()
        assert _reading_peak(text) < 45 * len(text), line.encode()
