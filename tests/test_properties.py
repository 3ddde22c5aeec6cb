"""Property tests: no input crashes the linter, spans stay in the text, numbers round-trip."""

from __future__ import annotations

import itertools
import os
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hegao.checker.figures.quantities import extract_from_text
from hegao.checker.lint.document import parse_document
from hegao.checker.lint.engine import lint_document
from hegao.rules import RULES

PROSE = st.text(
    alphabet=st.sampled_from(
        list("共计合计其中分别为元万亿人起余多约近，。、；：！？“”（）\n 0123456789.,-%")
        + list("抓获破获案件民警群众被骗资金一二三四五六七八九十百千两零第年月日")
    ),
    max_size=300,
)
# HEGAO_FUZZ_EXAMPLES raises the count for a long fuzz run (see bench/README.md).
SETTINGS = settings(
    max_examples=int(os.environ.get("HEGAO_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(st.one_of(PROSE, st.text(max_size=200)))
def test_linting_never_crashes_and_spans_are_consistent(text: str) -> None:
    doc = parse_document(text)
    for f in lint_document(doc, RULES):
        assert 0 <= f.span.start < f.span.end <= len(text)
        for r in f.related:
            assert 0 <= r.span.start < r.span.end <= len(text)
        line, col = doc.line_col(f.span.start)
        assert text.count("\n", 0, f.span.start) + 1 == line
        assert f.span.start - (text.rfind("\n", 0, f.span.start) + 1) + 1 == col


@SETTINGS
@given(PROSE)
def test_quantity_spans_are_in_the_text(text: str) -> None:
    for q in extract_from_text(text).quantities:
        assert text[q.span.start : q.span.end] == q.text


UNITS = st.sampled_from(["元", "人", "起", "辆", "份", "平方公里", "%"])
SCALES = st.sampled_from([("", 1), ("万", 10**4), ("亿", 10**8)])


@SETTINGS
@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=3),
    SCALES,
    UNITS,
    st.booleans(),
    st.booleans(),
)
def test_arabic_numbers_round_trip(n, places, scale, unit, separators, fullwidth) -> None:
    value = Decimal(n).scaleb(-places)
    written = f"{value:,f}" if separators else f"{value:f}"
    if fullwidth:
        written = written.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    word, factor = scale
    text = f"今年以来共查获{written}{word}{unit}，同比上升。"
    [q] = extract_from_text(text).quantities
    assert q.base == value * factor
    assert q.decimals == places
    assert q.unit == unit and q.scale == word


@SETTINGS
@given(st.integers(min_value=2, max_value=99_999_999), SCALES, UNITS)
def test_chinese_numbers_round_trip(n, scale, unit) -> None:
    import cn2an

    written = cn2an.an2cn(n, "low")
    word, factor = scale
    if word and ("万" in written or "亿" in written):
        word, factor = "", 1  # 三万万 is not written
    text = f"全年共查获{written}{word}{unit}。"
    [q] = extract_from_text(text).quantities
    assert q.base == n * factor


FRAGMENTS = [*"民警车辆开展了问題責任攢，,。;:()!?（）、\n 0123456789"]
FRAGMENTS += ["\u200b", "，，", "。。", " |", "\n\n", "车辆车辆", "工作目\n\n标，", "达\n\n100%"]
FIXABLE_PROSE = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


@SETTINGS
@given(FIXABLE_PROSE)
# found by the long fuzz run (bench/README.md): a run of copies took a pass per halving
@example("- 镵换换换换换换换换换换换换换换换换换换换换换换换换换换换换换换换换换|")
@example(": |  | |: |  | |  |||   ||| || |")  # a stray bar removed per pass
@example("车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆车辆")
def test_fixes_touch_only_their_spans_and_are_idempotent(text: str) -> None:
    from hegao.checker.lint.fixes import apply_fixes
    from hegao.core import fix_text, lint_text

    fixed, applied = apply_fixes(text, lint_text(text))
    # Applied edits are disjoint and in order, and everything outside them is kept.
    for a, b in itertools.pairwise(applied):
        assert a.span.end <= b.span.start
    kept = []
    pos = 0
    for edit in (e for fix in applied for e in fix.edits):
        assert 0 <= edit.span.start <= edit.span.end <= len(text)
        kept.append(text[pos : edit.span.start] + edit.replacement)
        pos = edit.span.end
    assert fixed == "".join(kept) + text[pos:]
    once, _ = fix_text(text)
    assert fix_text(once) == (once, 0)
    # after fixing, no finding offers a safe fix any more
    assert not [f for f in lint_text(once) if f.fix is not None and f.fix.safe]


ENCODINGS = st.sampled_from([("utf-8", False), ("utf-8", True), ("gb18030", False)])


@SETTINGS
@given(FIXABLE_PROSE, ENCODINGS, st.sampled_from(["\n", "\r\n"]))
def test_fix_on_disk_keeps_encoding_bom_and_newlines_and_leaves_nothing_to_fix(
    text: str, encoding: tuple[str, bool], newline: str
) -> None:
    import tempfile
    from pathlib import Path

    from hegao.app.runner import CheckOptions, FixMode, check_file
    from hegao.checker.lint.config import Config
    from hegao.checker.source.reading import decode_bytes
    from hegao.core import fix_text

    codec, bom = encoding
    # A real sentence first: two GBK bytes alone can also be valid UTF-8 (責 = ؟).
    text = ("全市公安机关开展夏季治安打击整治行动。\n" + text).replace("\n", newline)
    prefix = b"\xef\xbb\xbf" if bom else b""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.txt"
        path.write_bytes(prefix + text.encode(codec))
        before = check_file(path, Config())
        after = check_file(path, Config(), CheckOptions(FixMode.write))
        data = path.read_bytes()
    expected, applied = fix_text(text)
    assert after.fixed == applied
    assert (applied > 0) == any(f.fix is not None and f.fix.safe for f in before.findings)
    assert data == prefix + expected.encode(codec)  # same codec, BOM and line endings
    if newline == "\r\n":  # no bare LF slipped in
        assert decode_bytes(data).text.count("\n") == decode_bytes(data).text.count("\r\n")
    # The re-check after fixing offers no safe fix: of the codes that were fixed, only
    # findings with no safe fix remain (侦侦 wants --unsafe-fixes, a 10,000× slip a person).
    assert not [f for f in after.findings if f.fix is not None and f.fix.safe]


FIGURES = st.text(
    alphabet=st.sampled_from(list("0123456789０１２３４５６７８９，,.．％%亿万元人a ")), max_size=60
)


@SETTINGS
@given(FIGURES)
@example("a1234，567亿元")
@example("１２，３４５，６７８元")
def test_digit_normalizing_matches_a_plain_scan(text):
    """The probed normalizing gives what one scan of the whole text with the pattern gives."""
    import re

    from hegao.checker.figures import quantities
    from hegao.checker.figures.numerals import FULLWIDTH_DIGITS

    plain = re.sub(quantities._FULLWIDTH_GROUPED, lambda m: m.group().replace("，", ","), text)
    assert quantities._normalize_digits(text) == plain.translate(FULLWIDTH_DIGITS)


@SETTINGS
@given(
    st.text(alphabet=st.sampled_from(list("ab 中文，1。Xİ\n\x00")), max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8),
)
def test_word_texts_of_spans_match_the_document_word_text(text: str, pairs: list[tuple[int, int]]) -> None:
    from hegao.checker.text.words import read_words, word_texts

    spans = sorted((min(a, b), max(a, b)) for a, b in pairs)
    words = read_words(text)
    expected = [words.words[words.index_at(a) : words.index_at(b)] for a, b in spans]
    assert word_texts(text, [a for a, _ in spans], [b for _, b in spans]) == expected


@SETTINGS
@given(PROSE)
def test_matches_set_aside_as_lone_numerals_are_never_quantities(text: str) -> None:
    from hegao.checker.figures import quantities

    for m in quantities._quantity_pattern().finditer(text):
        if quantities._lone_chinese_character(m):
            assert quantities._quantity_from_match(m, text, text) is None, m.group()


@SETTINGS
@given(PROSE)
def test_clause_and_sentence_quantities_are_their_own(text: str) -> None:
    doc = parse_document(text)
    expected = [doc.extraction.quantities_in(c.span) for c in doc.clauses]
    assert [list(held) for held in doc.clause_quantities] == expected
    expected = [doc.extraction.quantities_in(s.span) for s in doc.sentences]
    assert [list(held) for held in doc.sentence_quantities] == expected


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("甲乙丙丁戊、，a")), max_size=80))
def test_name_lists_are_found_as_the_plain_pattern_finds_them(text: str) -> None:
    import regex

    from hegao.rules.names.lost_character_in_name import _lists

    plain = regex.compile(r"\p{Han}{1,12}(?:、\p{Han}{1,12}){2,}")
    assert list(_lists(text)) == [(m.start(), m.group()) for m in plain.finditer(text)]


_LABELS = st.sampled_from(
    [
        "",
        "合计",
        "收 入 合 计",
        "小计",
        "收入小计",
        "一、税收收入",
        "二、其他",
        "1.保险费",
        "其中：城镇",
        "# 工业",
        "　　工业",
        "乡村",
        "预算科目",
        "全市",
        "上年同期=100",
    ]
)
_CELLS = st.sampled_from(
    ["", "12.5", "3", "1,204", "0.07", "—", "45%", "比重（%）", "合计", "预算科目", "亿元"]
)


@SETTINGS
@given(
    st.lists(st.tuples(_LABELS, st.lists(_CELLS, max_size=7)), min_size=1, max_size=12),
    st.sampled_from(["", "单位：亿元\n\n", "单位：元，%\n"]),
)
def test_any_pipe_table_is_read_without_crashing(rows: list[tuple[str, list[str]]], caption: str) -> None:
    lines = [caption + "| 预算科目 | 预算数 | 预算科目 | 预算数 |", "|---|---|---|---|"]
    lines += ["| " + " | ".join([label, *cells]) + " |" for label, cells in rows]
    text = "\n".join(lines) + "\n"
    doc = parse_document(text)
    for f in lint_document(doc, RULES):
        assert 0 <= f.span.start < f.span.end <= len(text)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("张三摄影活动。，a1%“ \n\t\u3000\x1c.)）；")), max_size=40))
def test_how_a_block_ends_is_read_from_its_end_as_from_its_start(text: str) -> None:
    """open_ended searches its end-anchored patterns from the block's last marks; a
    search of the whole block says the same."""
    from hegao.checker.model import Block, BlockKind, Span
    from hegao.checker.text import layout

    whole = not (layout._COMPLETE_END.search(text) or layout._ENDS_WITH_CREDIT.search(text)) and bool(
        layout._OPEN_END.search(text)
    )
    assert layout.open_ended(text, Block(0, BlockKind.PARAGRAPH, Span(0, len(text)))) == whole


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("一二三五十百千万分之又约近最超过12.%\n\r ，")), max_size=60))
def test_fraction_and_percent_words_are_found_line_by_line_as_in_the_whole_text(text: str) -> None:
    """The word-quantity scans run only on the lines holding 分之; a scan of the whole
    text finds the same matches."""
    from hegao.checker.figures import quantities

    lines = quantities._lines_holding(text, "分之")
    for pattern in (quantities._FRACTION, quantities._PERCENT_WORDS):
        by_line = [m.span() for a, b in lines for m in pattern.finditer(text, a, b)]
        assert by_line == [m.span() for m in pattern.finditer(text)]
