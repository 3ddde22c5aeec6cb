"""The reading of numbered labels: the label, the count it states and the items listed for
it, read by the structure of the list (、, 和, 即, a colon, numbered points), and left
unread where the structure does not make the list the label's."""

from __future__ import annotations

import pytest

from hegao.checker.lint.document import parse_document


def _labels(text: str) -> list[tuple[str, int, list[str]]]:
    return [(c.text, c.count, [i.text for i in c.items]) for c in parse_document(text).claims.labels]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "各村全面落实有台账、有制度、有专人的“三有”要求。",
            ("三有", 3, ["有台账", "有制度", "有专人"]),
        ),
        (
            "推行“三统一”，即统一标识、统一流程、统一考核。",
            ("三统一", 3, ["统一标识", "统一流程", "统一考核"]),
        ),
        (
            "社区推行“两个一”工作法：一张服务卡、一个微信群。",
            ("两个一", 2, ["一张服务卡", "一个微信群"]),
        ),
        (
            "展厅展出了青瓷、白瓷和彩瓷三种器物。",
            ("三种", 3, ["青瓷", "白瓷", "彩瓷"]),
        ),
        (
            "新款手机提供曜石黑和冰川蓝两种配色。",
            ("两种", 2, ["曜石黑", "冰川蓝"]),
        ),
        (
            "城北、城南、城西等3个街道出现积水。",
            ("3个", 3, ["城北", "城南", "城西"]),
        ),
        (
            "会议提出“两个坚持”，即坚持问题导向，坚持目标导向。",
            ("两个坚持", 2, ["坚持问题导向", "坚持目标导向"]),
        ),
        (
            "形成法治宣传、矛盾调解、困难帮扶“三位一体”的工作格局。",
            ("三位一体", 3, ["法治宣传", "矛盾调解", "困难帮扶"]),
        ),
        (
            "扎实做好“学习、对照、整改”三篇文章。",
            ("三篇", 3, ["学习", "对照", "整改"]),
        ),
        (
            "下一步重点抓好两项工作：一是加强巡逻防控。二是强化宣传引导。",
            ("两项工作", 2, ["加强巡逻防控", "强化宣传引导"]),
        ),
        (
            "主要有三项措施：一、完善制度。二、加强培训。三、严格考核。",
            ("三项措施", 3, ["完善制度", "加强培训", "严格考核"]),
        ),
    ],
)
def test_a_label_and_its_items(text: str, expected: tuple[str, int, list[str]]) -> None:
    assert _labels(text) == [expected]


def test_points_in_the_paragraphs_after_the_label() -> None:
    paragraphs = ["今年重点抓好三个方面：", "（一）加强组织领导。", "细化分工。", "（二）强化督导检查。"]
    paragraphs += ["（三）严格考核问责。", "二、下一步打算", "（一）继续推进。"]
    text = "\n\n".join(paragraphs) + "\n"
    [(label, count, items)] = _labels(text)
    assert (label, count) == ("三个方面", 3)
    assert items == ["加强组织领导", "强化督导检查", "严格考核问责"]


@pytest.mark.parametrize(
    "text",
    [
        # The count is the object of the verb before it.
        "反对侵略、坚持五项正义要求。",
        # A total of what the items hold, not their number.
        "公交线路通达城东、城西片区共20个行政村。",
        # A level, not a count: 四级 is the level of the response.
        "国家防总针对北京、天津、河北启动防汛四级应急响应。",
        # A reference back to items named before.
        "县教育局、县卫生局联合上述三所医院建立服务群。",
        # A rank: the previous two, not a list of two.
        "第6个工作日与前两个工作日相比变化不大。",
        # A list that names some of them (等), stating fewer than the count: examples.
        "城东、城南等6个站点日雨量破纪录。",
        # A count in figures after a list it disagrees with: a statistic of its own.
        "占形式主义、官僚主义问题总数491起的87.4%。",
        # Words set apart by a space: a title's parts, not items.
        "扫码送礼物、AI换脸 警惕这六种骗局",
        # 和 before the last item: 京津冀及黑龙江 may be one item or four.
        "京津冀及黑龙江、吉林5省（市）受灾。",
        # Characters counted, not items.
        "在“巩固、增强、提升、畅通”八个字上下功夫。",
        # A fixed phrase.
        "为实现、发展和保卫社会主义四个现代化而奋斗。",
        # No 的 before a quoted label: a list only when their numbers agree.
        "拥护“两个确立”、践行“两个维护”。",
    ],
)
def test_no_label_read(text: str) -> None:
    assert _labels(text) == []


def test_a_list_that_may_join_two_items_with_he() -> None:
    [claim] = parse_document("在政治、经济、思想和组织这四个方面进行清理。").claims.labels
    assert claim.readings == (3, 4) and [i.text for i in claim.items] == ["政治", "经济", "思想", "组织"]


def test_a_list_ending_in_deng_is_not_complete() -> None:
    [claim] = parse_document("东港、西港、南港等3个港区恢复作业。").claims.labels
    assert not claim.complete and claim.count == 3 and len(claim.items) == 3


def test_a_named_label_is_no_figure_and_a_count_of_things_is() -> None:
    doc = parse_document("扎实做好“学习、对照、整改”三篇文章。展厅展出了青瓷、白瓷和彩瓷三种器物。")
    assert [f.quantity.text for f in doc.claims.figures] == ["三种"]


def test_item_spans_point_into_the_text() -> None:
    text = "社区推行“两个一”工作法：一张服务卡、一个微信群。\n展厅展出了青瓷、白瓷和彩瓷三种器物。"
    for claim in parse_document(text).claims.labels:
        assert text[claim.span.start : claim.span.end] == claim.text
        for item in claim.items:
            assert text[item.span.start : item.span.end] == item.text


def test_a_counted_verb_is_a_label_not_a_figure() -> None:
    doc = parse_document("某村三个到位 守护老人\n全县实现“四个严防、两个确保”。新设两个服务站，三个工作组。")
    assert [f.quantity.text for f in doc.claims.figures] == ["两个", "三个"]


@pytest.mark.parametrize(
    "text",
    [
        # No 的 before the label, and the label is the object of the last item.
        "打掉开办、贩卖“两卡”团伙11个。",
        "强化农业银行、发展银行、邮储银行为“三农”服务的功能。",
        "反对割裂国家领土、制造“两个中国”。",
    ],
)
def test_a_quoted_label_that_is_an_object(text: str) -> None:
    assert _labels(text) == []
