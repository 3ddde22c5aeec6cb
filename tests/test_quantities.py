"""Quantity extraction: values, scales, units, approximations, and what is not a quantity."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hegao.checker.figures.quantities import Kind, extract_from_text


def only(text: str):
    quantities = extract_from_text(text).quantities
    assert len(quantities) == 1, quantities
    return quantities[0]


@pytest.mark.parametrize(
    ("text", "written", "base", "scale", "unit", "approx", "kind", "decimals"),
    [
        ("共计被骗708604.9万元。", "708604.9万元", "7086049000", "万", "元", (), Kind.MONEY, 1),
        ("挽回损失1.5亿余元", "1.5亿余元", "150000000", "亿", "元", ("余",), Kind.MONEY, 1),
        ("查纠违法行为2.1万余起", "2.1万余起", "21000", "万", "起", ("余",), Kind.COUNT, 1),
        ("涉案资金2000多万元", "2000多万元", "20000000", "万", "元", ("多",), Kind.MONEY, 0),
        ("投资三千五百万元", "三千五百万元", "35000000", "万", "元", (), Kind.MONEY, 0),
        ("发放资料1,200份", "1,200份", "1200", "", "份", (), Kind.COUNT, 0),
        ("抓获１２３人", "１２３人", "123", "", "人", (), Kind.COUNT, 0),
        ("下降6.67%", "6.67%", "6.67", "", "%", (), Kind.PERCENT, 2),
        ("提高2.5个百分点", "2.5个百分点", "2.5", "", "个百分点", (), Kind.POINTS, 1),
        ("约300人参加", "约300人", "300", "", "人", ("约",), Kind.COUNT, 0),
        ("超过500名群众", "超过500名", "500", "", "名", ("超过",), Kind.COUNT, 0),
        ("面积80平方公里", "80平方公里", "80", "", "平方公里", (), Kind.MEASURE, 0),
        ("占百分之八十八点八", "百分之八十八点八", "88.8", "", "%", (), Kind.PERCENT, 1),
        ("十多个省市", "十多个", "10", "", "个", ("多",), Kind.COUNT, 0),
        ("三百余名民警", "三百余名", "300", "", "名", ("余",), Kind.COUNT, 0),
        # 千 of 千瓦 / 千米 belongs to the unit, not to the Chinese numeral before it
        ("新增装机容量五万千瓦", "五万千瓦", "50000", "万", "千瓦", (), Kind.MEASURE, 0),
        ("年发电二百零五万千瓦时", "二百零五万千瓦时", "2050000", "万", "千瓦时", (), Kind.MEASURE, 0),
        ("新建道路三百千米", "三百千米", "300", "", "千米", (), Kind.MEASURE, 0),
        ("投资五千万元", "五千万元", "50000000", "万", "元", (), Kind.MONEY, 0),
        ("新增就业岗位二千零十七个", "二千零十七个", "2017", "", "个", (), Kind.COUNT, 0),
    ],
)
def test_extracts(text, written, base, scale, unit, approx, kind, decimals) -> None:
    q = only(text)
    assert text[q.span.start : q.span.end] == written == q.text
    assert q.base == Decimal(base)
    assert (q.scale, q.unit, q.approx, q.kind, q.decimals) == (scale, unit, approx, kind, decimals)


def test_ranges() -> None:
    q = only("每组3-5人")
    assert (q.kind, q.base, q.base_high, q.unit) == (Kind.RANGE, 3, 5, "人")
    q = only("三四十万人")
    assert (q.kind, q.base, q.base_high) == (Kind.RANGE, 300000, 400000)


def test_fraction_keeps_its_denominator() -> None:
    q = only("占三分之一")
    assert q.kind is Kind.FRACTION and q.denominator == 3
    assert q.value * 3 == pytest.approx(Decimal(1))


@pytest.mark.parametrize(
    "text",
    [
        "2021年1月7日，何某报警。",
        "10月12日",
        "21时35分许",
        "案发于21:35",
        "1-6月，全市立案数下降",
        "1至5月份",
        "侦破“12·31”专案",
        "侦破“8.28”专案",
        "获得第三名",
        "第2批",
        "成立“一把手”挂帅的领导小组",
        "全局一盘棋",
        "确保打“两卡”、破现案两不误",
        "十分重要",
        "千方百计",
        "千家万户",
        "一起开展工作",
        "一名民警",
        "百姓",
        "建设5G基站",
        "2019、2020年",
        "2016-2020年度",
        "星期四",
    ],
)
def test_not_quantities(text: str) -> None:
    assert extract_from_text(text).quantities == []


@pytest.mark.parametrize(
    ("text", "label", "number"),
    [
        ("被称为“四大杀手”", "四大杀手", 4),
        ("实现了“两降两升”工作目标", "两降两升", 4),
        ("落实“六有”要求", "六有", 6),
        ("开展“十个一”活动", "十个一", 10),
    ],
)
def test_numbered_labels(text: str, label: str, number: int) -> None:
    extraction = extract_from_text(text)
    assert extraction.quantities == []
    assert [(lab.text, lab.number) for lab in extraction.labels] == [(label, number)]
    lab = extraction.labels[0]
    assert text[lab.span.start : lab.span.end] == label


def test_negative_and_jiao_fen() -> None:
    assert only("利润负五点一亿元").base == Decimal("-510000000")
    assert only("票价三千三百八十元五角八分").base == Decimal("3380.58")


def test_the_han_class_for_re_is_regex_han():
    import re

    import regex

    from hegao.checker.text.script import HAN

    # Equal on the Basic Multilingual Plane; beyond it, a newer Unicode in a newer regex
    # may add characters, so only "nothing that is not Han" is asserted there.
    bmp = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000)
    assert set(re.findall(HAN, bmp)) == set(regex.findall(r"\p{Han}", bmp))
    rest = "".join(chr(i) for i in range(0x10000, 0x110000))
    assert set(re.findall(HAN, rest)) <= set(regex.findall(r"\p{Han}", rest))


def test_the_quantity_pattern_groups_have_the_numbers_extraction_reads_them_by() -> None:
    from hegao.checker.figures import quantities as q

    names = ["pre", "neg", "num", "sep", "num2", "apx1", "scale", "apx2", "unit", "post"]
    assert q._quantity_pattern().groupindex == {n: getattr(q, f"_G_{n.upper()}") for n in names}


def test_figures_spaced_or_wrapped_apart_from_their_unit() -> None:
    from hegao.checker.figures.quantities import extract_from_text

    found = extract_from_text("种植业 616.6 亿元，林业 22.1\n亿元，共 15 人。").quantities
    assert [(q.base, q.unit) for q in found] == [
        (Decimal("61660000000"), "元"),
        (Decimal("2210000000"), "元"),
        (Decimal("15"), "人"),
    ]
