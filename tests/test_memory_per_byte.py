"""Memory grows with the text, not with its blank lines: a file of many blank lines costs
what its few lines of text cost (5 MB of blank lines once took 1.1 GB)."""

from __future__ import annotations

import tracemalloc

from hegao.checker.lint.document import parse_document


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
