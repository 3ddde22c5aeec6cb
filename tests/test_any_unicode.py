"""No code point crashes a reading: lone surrogates (JSON's "\\ud800", from the language
server or the web page), numerals and figures of any length. Every entry answers, and
every span points into the text the user gave (a surrogate is read as U+FFFD, one for
one, so offsets hold)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hegao.app.entry import check_text
from hegao.app.inspection import claims_data, quantity_rows
from hegao.checker.lint.config import Config
from hegao.checker.lint.document import parse_document
from hegao.core import fix_text, lint_text

from .test_cli import run

# Any code point, the surrogates included (hypothesis's text() leaves them out), with
# figures, numerals and marks often enough that the readings of figures are reached.
CODE_POINT = st.one_of(
    st.integers(min_value=0, max_value=0x10FFFF).map(chr),
    st.integers(min_value=0xD800, max_value=0xDFFF).map(chr),
    st.sampled_from(list("0123456789０１２３４５６７８９一二十百千万亿.%，、；：。其中共计占增长人元年月")),
)
ANY_TEXT = st.text(alphabet=CODE_POINT, max_size=200)
SETTINGS = settings(
    max_examples=int(os.environ.get("HEGAO_FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Runs past every limit a figure has: Python's int digits (4 300), the recursion of 亿
# read inside 亿, the decimal context's precision.
LONG_RUNS = ["一" * 4301, "亿" * 3000 + "人", "1" * 5000 + "万人", "增长" + "9" * 500 + ".5%", "\ud800" * 3]


def _inside(text: str, spans: list[tuple[int, int]]) -> bool:
    return all(0 <= start <= end <= len(text) for start, end in spans)


@SETTINGS
@given(ANY_TEXT)
@example("\ud800")
@example("今年\udfff共抓获12人，其中男性\ud83d5人。")
@example("一" * 4301)
def test_every_entry_answers_any_text(text: str) -> None:
    findings = lint_text(text)
    assert _inside(text, [(f.span.start, f.span.end) for f in findings])
    assert _inside(text, [(r.span.start, r.span.end) for f in findings for r in f.related])
    fixed, _ = fix_text(text)
    assert isinstance(fixed, str)
    result = check_text("draft.txt", text, Config())
    assert result.error is None
    assert _inside(text, [(f.span.start, f.span.end) for f in result.findings])
    doc = parse_document(text)
    assert len(doc.text) == len(text)  # a surrogate replaced one for one
    rows = quantity_rows(doc)
    assert _inside(text, [(int(r["start"]), int(r["end"])) for r in rows])  # type: ignore[call-overload]
    claims_data(doc)


def test_a_lone_surrogate_is_read_as_the_replacement_character() -> None:
    text = "今年\ud800共抓获12人。"
    doc = parse_document(text)
    assert doc.text == "今年\ufffd共抓获12人。"
    assert [(f.code, f.span.start) for f in lint_text(text)] == [("CHAR003", 2)]


@pytest.mark.parametrize("text", LONG_RUNS[:-1])
@pytest.mark.parametrize("command", ["quantities", "claims"])
def test_the_inspection_commands_read_any_run(tmp_path: Path, command: str, text: str) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    for options in ([], ["--format", "json"]):
        done = run(command, *options, str(draft))
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr


def test_runs_past_every_limit_are_no_figure() -> None:
    for text in LONG_RUNS:
        quantities = parse_document(text).extraction.quantities
        assert all(len(q.text) < 100 for q in quantities)
