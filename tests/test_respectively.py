"""The reading of 分别 lists (``doc.claims.respectively``): which subjects are paired with
which values, read by structure, and where the text leaves the pairing open."""

from __future__ import annotations

import pytest

from hegao.checker.lint.document import parse_document

Reading = tuple[list[str], list[str], int]


def _read(text: str) -> list[Reading]:
    doc = parse_document(text + "\n")
    return [
        ([s.text for s in r.subjects], [v.text for v in r.values], r.per_subject)
        for r in doc.claims.respectively
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "全市刑事案件、治安案件分别下降12%、9%。",
            [(["全市刑事案件", "治安案件"], ["12%", "9%"], 1)],
            id="a list before 分别",
        ),
        pytest.param(
            "盗窃、诈骗和抢夺案件同比分别下降12.6%、8.3%、5.1%。",
            [(["盗窃", "诈骗", "抢夺案件"], ["12.6%", "8.3%", "5.1%"], 1)],
            id="the last subject joined by 和",
        ),
        pytest.param(
            "城区和乡镇的发案数分别为36起和21起。",
            [(["城区", "乡镇的发案数"], ["36起", "21起"], 1)],
            id="subjects joined by 和 alone, pairing up",
        ),
        pytest.param(
            "城镇和农村居民人均可支配收入分别增长7.8%、9.3%、6.1%。", [], id="joined by 和, not pairing"
        ),
        pytest.param(
            "其中，东港、西港分局分别破获12起（含积案3起）、8起。",
            [(["东港", "西港分局"], ["12起", "8起"], 1)],
            id="a bracketed aside skipped",
        ),
        pytest.param(
            "东港、西港分局分别查处12起和15人、8起和10人。",
            [(["东港", "西港分局"], ["12起", "15人", "8起", "10人"], 2)],
            id="values in groups",
        ),
        pytest.param(
            "对张某、李某分别罚款500元。",
            [(["对张某", "李某"], ["500元"], 1)],  # the subjects' words are not trimmed of a verb
            id="one value for each",
        ),
        pytest.param(
            "张某、李某分别被判处有期徒刑一年到三年不等。", [], id="a range is not one value for each"
        ),
        pytest.param(
            "查处酒驾52起、醉驾13起，分别同比下降8%、5%。",
            [(["查处酒驾52起", "醉驾13起"], ["8%", "5%"], 1)],
            id="subjects with figures in the clause before",
        ),
        pytest.param(
            "2021年、2022年，全市立案数分别为1200起、1100起。",
            [(["2021年", "2022年"], ["1200起", "1100起"], 1)],
            id="periods listed in the clause before",
        ),
        pytest.param(
            "全市立案1200起，破案800起，同比分别下降5%、3%。",
            [(["全市立案", "破案"], ["5%", "3%"], 1)],
            id="one figure a clause before",
        ),
        pytest.param(
            "今年以来，全市立案1200起，破案800起，抓获420人，同比分别下降5%、3%。",
            [],
            id="more clauses with figures than values",
        ),
        pytest.param(
            "东港、西港分局分别立案120起、98起，破案数分别为80起、65起。",
            [(["东港", "西港分局"], ["120起", "98起"], 1), (["东港", "西港分局"], ["80起", "65起"], 1)],
            id="a second 分别 pairs the same subjects",
        ),
        pytest.param(
            "2022年、2023年，全市立案数分别为1200起、1100起。破案数分别为800起、760起。",
            [(["2022年", "2023年"], ["1200起", "1100起"], 1), (["2022年", "2023年"], ["800起", "760起"], 1)],
            id="periods paired again in the next sentence",
        ),
        pytest.param(
            "东港、西港分局分别立案120起、98起。破案数分别为80起、65起。",
            [(["东港", "西港分局"], ["120起", "98起"], 1)],
            id="only periods carry to the next sentence",
        ),
        pytest.param(
            "2021年-2023年，全市立案数分别为1200起、1100起、980起。", [], id="a range of years is not listed"
        ),
        pytest.param("东港、西港、南港分局分别排在第2、5、7位。", [], id="ordinals"),
        pytest.param("东港、西港分局的民警分别来自辽宁、吉林等12个省份。", [], id="the count of a list"),
        pytest.param(
            "与节日相关的月饼、粽子等食品类、饮料类零售额分别增长12.5%、8.1%。",
            [(["食品类", "饮料类零售额"], ["12.5%", "8.1%"], 1)],
            id="a list closed by 等",
        ),
        pytest.param(
            "分别前往东港、西港开展检查，分别出动警力20人、15人。",
            [(["前往东港", "西港开展检查"], ["20人", "15人"], 1)],
            id="the objects of a 分别 without figures",
        ),
        pytest.param(
            "死亡事故起数、死亡人数同比下降61.1%、50%。",
            [(["死亡事故起数", "死亡人数"], ["61.1%", "50%"], 1)],
            id="a year-on-year list without 分别",
        ),
        pytest.param("交警、治安部门分别于9月6日和12日开展集中整治。", [], id="dates are no values"),
    ],
)
def test_reading(text: str, expected: list[Reading]) -> None:
    assert _read(text) == expected


def test_spans_are_the_written_text() -> None:
    text = "今年以来，全市刑事案件、治安案件同比分别下降12%、9%。\n"
    [r] = parse_document(text).claims.respectively
    assert [text[s.span.start : s.span.end] for s in r.subjects] == ["全市刑事案件", "治安案件"]
    assert text[r.marker.start : r.marker.end] == "分别"
    assert text[r.values_span.start : r.values_span.end] == "12%、9%"
    assert text[r.subjects_span.start : r.subjects_span.end] == "全市刑事案件、治安案件"
