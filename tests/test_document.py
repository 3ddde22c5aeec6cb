"""Segmentation into blocks and sentences, with exact spans into the original text."""

from __future__ import annotations

from hegao.checker.document import BlockKind, parse_document


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
