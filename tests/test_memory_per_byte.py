"""Memory grows with the text, not with its blank lines: a file of many blank lines costs
what its few lines of text cost (5 MB of blank lines once took 1.1 GB)."""

from __future__ import annotations

import tracemalloc

import pytest

from hegao.app.entry import check_text
from hegao.checker.figures import quantities
from hegao.checker.lint.config import Config
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
    monkeypatch.setattr(segments, "RECORDS_KEPT_MAX", 500)
    count = 6_000
    for line in ("甲\n\n", "好。\n", "!\n"):
        text = line * count
        doc = parse_document(text)
        assert len(doc.blocks) == count, line.encode()
        assert _reading_peak(text) < 45 * len(text), line.encode()


def _figures_peak(text: str) -> int:
    """Peak memory of reading a draft's figures and their claims, as the rules read them."""
    tracemalloc.start()
    try:
        doc = parse_document(text)
        doc.claims  # noqa: B018 - read for its cost
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_draft_of_figures_alone_is_read_up_to_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each figure read costs ~800 bytes with its claims: a column of numbers (a figure
    # every 3 characters) is read up to FIGURES_READ_MIN + one per CHARACTERS_PER_FIGURE,
    # and says where it stopped. Lowered here to keep the test quick; the memory is
    # measured as the growth from a short column to a long one (the patterns compiled on
    # first use and other fixed costs left out).
    monkeypatch.setattr(segments, "RECORDS_KEPT_MAX", 500)
    monkeypatch.setattr(quantities, "FIGURES_READ_MIN", 0)
    short, long = "12\n" * 2_000, "12\n" * 8_000
    _figures_peak(short)
    growth = _figures_peak(long) - _figures_peak(short)
    assert growth < 50 * (len(long) - len(short))
    doc = parse_document(long)
    read, limit = doc.extraction.quantities, quantities.figures_read_max(len(long))
    assert len(read) == limit and doc.extraction.stopped_at == read[-1].span.end + 1
    result = check_text("column.txt", long, Config())
    assert result.figures_stopped == (limit + 1, limit)


def test_a_statistical_communique_is_read_whole() -> None:
    # The densest real text: a figure every dozen characters.
    line = "全年粮食产量1234.5万吨，比上年增长2.3%；其中夏粮456.7万吨，增长1.2%。\n"
    doc = parse_document(line * 2_000)
    assert doc.extraction.stopped_at is None and len(doc.extraction.quantities) == 8_000
