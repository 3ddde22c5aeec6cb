"""Segmentation into blocks and sentences, with exact spans into the original text."""

from __future__ import annotations

from hegao.checker.lint.document import parse_document
from hegao.checker.text.segments import SENTENCE_MAX_CHARS, BlockKind


def kinds_and_text(text: str) -> list[tuple[str, str]]:
    doc = parse_document(text)
    return [(b.kind.value, doc.slice(b.span)) for b in doc.blocks]


def test_blank_lines_separate_paragraphs_and_short_lines_are_headings() -> None:
    text = "聚焦要案攻坚 多方联动出重拳\n\n全市公安机关破获案件21起。缴获银行卡121张。\n"
    assert kinds_and_text(text) == [
        ("heading", "聚焦要案攻坚 多方联动出重拳"),
        ("paragraph", "全市公安机关破获案件21起。缴获银行卡121张。"),
    ]


def test_file_without_blank_lines_has_one_paragraph_per_line() -> None:
    text = "第一段，民警走访群众。\n第二段，开展宣传活动\n第三段，总结经验。"
    assert [t for _, t in kinds_and_text(text)] == text.split("\n")


def test_soft_wrapped_lines_join_into_one_paragraph() -> None:
    text = "民警对案件进行了全\n面细致的研判梳理。\n\n下一段。"
    assert kinds_and_text(text)[0] == ("paragraph", "民警对案件进行了全\n面细致的研判梳理。")


def test_markdown_headings_lists_and_skipped_regions() -> None:
    text = (
        "---\ntitle: 通报\n---\n# 标题\n\n- 第一项，抓获3人。\n- 第二项，抓获4人。\n\n"
        "```\n共计100人\n```\n\n<!-- 编辑备注：共计5人 -->\n正文。\n"
    )
    doc = parse_document(text)
    assert [(b.kind, doc.slice(b.span)) for b in doc.blocks] == [
        (BlockKind.HEADING, "# 标题"),
        (BlockKind.LIST_ITEM, "- 第一项，抓获3人。"),
        (BlockKind.LIST_ITEM, "- 第二项，抓获4人。"),
        (BlockKind.PARAGRAPH, "正文。"),
    ]
    texts = [q.text for q in doc.extraction.quantities]
    assert texts == ["3人", "4人"]


def test_sentences_and_line_columns() -> None:
    text = "甲。乙“丙！”\r\n丁？"
    doc = parse_document(text)
    assert [doc.slice(s.span) for s in doc.sentences] == ["甲。", "乙“丙！”", "丁？"]
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(text.index("丁")) == (2, 1)
    assert doc.line_col(text.index("丙")) == (1, 5)


# Lines cut at one width by a PDF converter: digits and spaces make the widths jagged.
_PDF_LINES = """2025 年全县经济运行情况
一、综合
全年全县地区生产总值 412.6 亿元，按不变价格计算，比上
年增长 5.4%。其中，第一产业增加值 61.2 亿元，增长 3.6%；第
二产业增加值 148.3 亿元，增长 6.1%；第三产业增加值 203.1
亿元，增长 5.3%。三次产业结构为 14.8:35.9:49.3。
二、农业
全年粮食播种面积 86.4 万亩，比上年增长 0.6%。蔬菜、水果、茶
叶产量分别增长 4.2%、3.1%、2.7%，畜牧业产值 35.6 亿元，比
上年增长 2.9%，全县渔业、林业、农林牧渔服务业产值分别增长 1.8%、
0.9%、3.3%。
"""


def test_lines_cut_at_a_jagged_width_are_read_as_paragraphs() -> None:
    doc = parse_document(_PDF_LINES)
    assert doc.wrap_width is not None
    paragraphs = [doc.slice(b.span) for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert len(paragraphs) == 2
    assert paragraphs[1].startswith("全年粮食") and paragraphs[1].endswith("0.9%、3.3%。")


def test_a_table_typed_with_spaces_is_not_hard_wrapped_text() -> None:
    rows = "\n".join(f"  某某区{i}    {100 + i}.25      {60 + i}.10     {40 + i}.15" for i in range(12))
    assert parse_document(f"表1 债务余额情况\n{rows}\n").wrap_width is None


def test_a_list_across_a_wrapped_line_is_one_clause() -> None:
    from hegao.checker.lint.config import Config
    from hegao.core import lint_text

    assert lint_text(_PDF_LINES, Config(select=("CNT001",))) == []


def test_a_sentence_broken_by_the_layout_is_one_logical_sentence() -> None:
    from hegao.checker.lint.config import Config
    from hegao.core import lint_text

    text = "全县抓获犯罪嫌疑人57人、网上逃犯12人，共\n\n抓获75人。下一句。\n"
    doc = parse_document(text)
    assert doc.breaks == [0]
    assert doc.slice(doc.sentences[0].span) == "全县抓获犯罪嫌疑人57人、网上逃犯12人，共\n\n抓获75人。"
    # the numeric rules read the whole sentence: 57 + 12 is not 75
    assert [f.code for f in lint_text(text, Config(select=("SUM001",)))] == ["SUM001"]


def test_page_marks_do_not_break_a_paragraph() -> None:
    text = _PDF_LINES.replace("茶\n叶产量", "茶\n- 3 -\n叶产量")
    doc = parse_document(text)
    paragraphs = [doc.slice(b.span) for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert len(paragraphs) == 2 and paragraphs[1].endswith("0.9%、3.3%。")


def test_a_title_and_a_blank_line_before_hard_wrapped_lines() -> None:
    first, rest = _PDF_LINES.split("\n", 1)
    doc = parse_document(f"{first}\n\n{rest}")
    assert doc.wrap_width is not None
    assert [b.kind for b in doc.blocks].count(BlockKind.PARAGRAPH) == 2


def test_a_title_and_a_blank_line_before_one_paragraph_per_line() -> None:
    body = "\n".join(f"第{i}段，民警走访群众，开展宣传活动。" for i in range(1, 8))
    doc = parse_document(f"工作简报\n\n{body}\n")
    assert [doc.slice(b.span) for b in doc.blocks][1:] == body.split("\n")


def test_a_run_without_full_stops_is_read_in_bounded_pieces() -> None:
    # Prose sentences are kept whole, however long they run in real text.
    prose = "全市公安机关深入开展专项行动，" * 40 + "取得明显成效。"
    assert len(prose) < SENTENCE_MAX_CHARS
    assert len(parse_document(prose).sentences) == 1
    # A run with no full stop is cut after a clause mark, never inside a figure.
    run = "其中轿车1250台，" * 400
    doc = parse_document(run)
    pieces = [doc.text[s.span.start : s.span.end] for s in doc.sentences]
    assert len(pieces) > 1
    assert all(len(p) <= SENTENCE_MAX_CHARS for p in pieces)
    assert all(p.endswith("，") for p in pieces)
    assert "".join(pieces) == run
    # With no mark at all, a number is not split: every figure is read whole.
    digits = "共12345人" * 600
    doc = parse_document(digits)
    assert all(s.span.end - s.span.start <= SENTENCE_MAX_CHARS for s in doc.sentences)
    assert {q.text for q in doc.extraction.quantities} == {"12345人"}
