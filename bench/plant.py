"""Planted-error benchmark (a benchmark, not a test): recall per rule on real text.

    python bench/plant.py [--per-type 48] [--seed 7] [--show-misses CODE] [--show-noise]

Takes clean real paragraphs from ../shared/corpus/gov-work-reports/ and ../shared/seeds/,
plants one realistic error per document and runs hegao's numeric rules on the planted
document and on its clean version (the control). Where the text allows, a real figure
or sentence is altered in place (a 分别 list loses a value, a date becomes 4月31日, a
share is pushed over 100%, a numbered point repeats); where it does not, a sentence
written here in one of several wordings is inserted, and the control gets the correct
version of the same sentence. It prints per type: documents planted, found (a finding
of the right code overlapping the planted place), found only under another code,
missed, findings on the controls, and findings on the planted version elsewhere.

Nothing from ../shared is copied into the repository: paragraphs are read at run time.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"

from hegao.checker.lint.config import Config  # noqa: E402
from hegao.core import lint_text  # noqa: E402

NUMERIC = ("SUM", "PCT", "CNT", "APX", "FIG", "UNIT", "DATE", "TAB")


@dataclass
class Planted:
    code: str
    clean: str
    planted: str
    where: tuple[int, int]  # the planted place in ``planted``
    how: str  # in-place or inserted, and which shape


# ---------------------------------------------------------------- real paragraphs

_HAN = re.compile(r"[\u4e00-\u9fff]")
_TRADITIONAL_HINT = re.compile(r"[們這個發時國會來說對經濟爲為與實產]")


def paragraphs() -> list[str]:
    out: list[str] = []
    for path in sorted((SHARED / "corpus" / "gov-work-reports").glob("*.txt")):
        for line in path.read_text("utf-8").splitlines()[2:]:
            line = line.strip().lstrip("\u3000")
            han = len(_HAN.findall(line))
            if 60 <= len(line) <= 700 and han > 0.7 * len(line) and not _TRADITIONAL_HINT.search(line):
                out.append(line)
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        for block in re.split(r"\n\s*\n", path.read_text("utf-8")):
            block = block.strip()
            if 60 <= len(block) <= 700 and block.endswith("。") and "\n" not in block:
                out.append(block)
    return out


def stat_paragraphs() -> list[str]:
    """Lines of the real communiqués (not table rows): where an economy's figures are."""
    out: list[str] = []
    for path in sorted((SHARED / "corpus" / "stat-communiques").glob("[0-9]*.*")):
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            if 60 <= len(line) <= 1500 and not line.startswith("|"):
                out.append(line)
    return out


# Types planted in place into the communiqués (an economy's industries), not the reports.
STAT_PLACED = ("SUM003", "PCT003")


# ---------------------------------------------------------------- vocabulary for written sentences

PLACES = [
    "城区分局",
    "开发区分局",
    "高新区分局",
    "东城派出所",
    "西关派出所",
    "临港分局",
    "北湖派出所",
    "南山分局",
]
UNITS_SCOPE = ["全市", "全县", "全区", "全省", "本市", "全市公安机关"]
COUNT_METRICS = [
    ("破获刑事案件", "起"),
    ("抓获犯罪嫌疑人", "人"),
    ("查处治安案件", "起"),
    ("接报警情", "起"),
    ("排查安全隐患", "处"),
    ("检查娱乐场所", "家"),
    ("查扣违法车辆", "辆"),
    ("收缴管制刀具", "把"),
    ("走访重点企业", "家"),
    ("救助走失群众", "人"),
    ("调解矛盾纠纷", "起"),
    ("侦破电信网络诈骗案件", "起"),
]
MONEY_METRICS = [("追缴赃款", "万元"), ("挽回经济损失", "万元"), ("冻结涉案资金", "万元"), ("被骗", "元")]
PAIRS = [
    (("抓获犯罪嫌疑人", "人"), ("抓获网上逃犯", "人")),
    (("破获盗窃案件", "起"), ("破获诈骗案件", "起")),
    (("查处酒后驾驶", "起"), ("查处醉酒驾驶", "起")),
    (("刑事拘留", "人"), ("行政拘留", "人")),
    (("夏粮产量", "万吨"), ("秋粮产量", "万吨")),
    (("新建农村公路", "公里"), ("改建农村公路", "公里")),
]


def _num(rng: random.Random, lo: int, hi: int) -> int:
    return rng.randint(lo, hi)


def _wrong(rng: random.Random, right: int) -> int:
    """A wrong figure as writers produce it: off by a little, two digits swapped, a digit dropped."""
    s = str(right)
    choice = rng.random()
    if choice < 0.4 or len(s) < 2:
        return right + rng.choice([-1, 1]) * rng.randint(1, max(2, right // 10))
    if choice < 0.7:
        i = rng.randrange(len(s) - 1)
        t = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
        return int(t) if t != s and not t.startswith("0") else right + 10
    t = s[:-1] if len(s) > 2 else s + "0"
    return int(t)


def _insert(para: str, sentence: str, rng: random.Random) -> tuple[str, int]:
    """Insert a sentence after a random sentence end of the paragraph; return text and offset."""
    ends = [m.end() for m in re.finditer("。", para)]
    pos = rng.choice(ends) if ends else len(para)
    return para[:pos] + sentence + para[pos:], pos


def _inserted(code: str, para: str, right: str, wrong: str, rng: random.Random, how: str) -> Planted:
    clean, pos = _insert(para, right, rng)
    planted = para[:pos] + wrong + para[pos:]
    return Planted(code, clean, planted, (pos, pos + len(wrong)), "inserted: " + how)


# ---------------------------------------------------------------- SUM001


def plant_sum001(para: str, rng: random.Random, mode: str) -> Planted | None:
    shape = rng.randrange(6)
    (m1, u), (m2, _) = rng.choice(PAIRS)
    a, b = _num(rng, 12, 900), _num(rng, 5, 400)
    total = a + b
    p1, p2 = rng.sample(PLACES, 2)
    if shape == 0:
        marker = rng.choice(["共", "共计", "合计", "总计", "累计", "两项共", "以上两项合计"])
        text = f"{p1}{m1}{a}{u}，{p2}{m1}{b}{u}，{marker}{m1[:2]}{{t}}{u}。"
    elif shape == 1:
        text = f"行动中{m1}{a}{u}、{m2[2:] if len(m2) > 2 else m2}{b}{u}，共{{t}}{u}。"
    elif shape == 2:
        marker = rng.choice(["共", "共计", "累计"])
        text = f"专项行动开展以来，{marker}{m1}{{t}}{u}，分别为{p1}{a}{u}、{p2}{b}{u}。"
    elif shape == 3:
        c = _num(rng, 3, 300)
        total = a + b + c
        p3 = rng.choice([p for p in PLACES if p not in (p1, p2)])
        text = f"其中{p1}{a}{u}，{p2}{b}{u}，{p3}{c}{u}，三地合计{{t}}{u}。"
    elif shape == 4:
        whole, part = _num(rng, 10000, 900000), _num(rng, 1000, 99999)
        total = whole + part
        victim = rng.choice(["王某", "李女士", "受害人张某", "市民刘某"])
        text = f"{victim}先后在网购退款中被骗{whole}元、在刷单返利中被骗{part}元，共计被骗{{t}}元。"
        if rng.random() < 0.5:
            wrong_text = text.replace("{t}", str(total)).replace(f"{total}元。", f"{total}万元。")
            right_text = text.replace("{t}", str(total))
            return _inserted("SUM001", para, right_text, wrong_text, rng, "unit slip 元→万元")
    else:
        x, y = _num(rng, 1200, 4800), _num(rng, 1200, 4800)
        total_wan = x + y
        wrong_total = f"{Decimal(total_wan) / Decimal(10000) + Decimal(rng.choice([1, -1])) / 100:.2f}"
        right_total = f"{Decimal(total_wan) / Decimal(10000):.4f}".rstrip("0").rstrip(".")
        text = f"夏粮产量{x}万吨，秋粮产量{y}万吨，全年粮食总产量{{t}}亿吨。"
        return _inserted(
            "SUM001",
            para,
            text.replace("{t}", right_total),
            text.replace("{t}", wrong_total),
            rng,
            "parts in 万吨, total in 亿吨",
        )
    wrong = _wrong(rng, total)
    return _inserted(
        "SUM001",
        para,
        text.replace("{t}", str(total)),
        text.replace("{t}", str(wrong)),
        rng,
        f"shape {shape}",
    )


# ---------------------------------------------------------------- SUM002

_QISHONG = re.compile(
    r"(?P<whole>\d+(?:\.\d+)?)(?P<u>万人|亿元|万元|万吨|万户|万套|公里|个|人|家|起)[，,]?其中(?P<mid>[^，。；\d]{1,16}?)"
    r"(?P<part>\d+(?:\.\d+)?)(?P=u)"
)


def plant_sum002(para: str, rng: random.Random, mode: str) -> Planted | None:
    m = _QISHONG.search(para)
    if m and mode == "place":
        whole = Decimal(m.group("whole"))
        bigger = whole * Decimal(rng.choice(["1.2", "1.5", "2", "10"]))
        decimals = len(m.group("whole").split(".")[1]) if "." in m.group("whole") else 0
        new = f"{bigger:.{decimals}f}"
        planted = para[: m.start("part")] + new + para[m.end("part") :]
        return Planted(
            "SUM002",
            para,
            planted,
            (m.start("part"), m.start("part") + len(new)),
            "in place: 其中 part > whole",
        )
    (metric, u) = rng.choice(COUNT_METRICS)
    whole = _num(rng, 100, 2000)
    a = int(whole * rng.uniform(0.3, 0.6))
    b = int(whole * rng.uniform(0.3, 0.6))
    scope = rng.choice(UNITS_SCOPE)
    kinds = rng.choice([("电信诈骗", "盗窃"), ("城区", "农村"), ("现行", "积案"), ("本地", "外地")])
    shape = rng.randrange(3)
    if shape == 0:
        text = f"{scope}{metric}{whole}{u}，其中{kinds[0]}{{a}}{u}、{kinds[1]}{{b}}{u}。"
    elif shape == 1:
        text = f"{scope}{metric}{whole}{u}（其中{kinds[0]}{{a}}{u}，{kinds[1]}{{b}}{u}）。"
    else:
        text = f"今年以来，{scope}{metric}{whole}{u}，其中{kinds[0]}{{a}}{u}。"
        right = text.format(a=a)
        wrong = text.format(a=whole + _num(rng, 1, whole))
        return _inserted("SUM002", para, right, wrong, rng, "single part > whole")
    right = text.format(a=a, b=min(b, whole - a))
    wrong = text.format(a=a, b=whole - a + _num(rng, 5, 200))
    return _inserted("SUM002", para, right, wrong, rng, f"parts sum > whole, shape {shape}")


# ---------------------------------------------------------------- PCT001


def _over_100(pct: str) -> str:
    """A percentage pushed over 100 as a slip of the keyboard does: 51.6 → 151.6."""
    value = Decimal(pct)
    return (
        f"{value + 100}" if value >= 10 else f"{value + 100:.{len(pct.split('.')[1]) if '.' in pct else 0}f}"
    )


_SHARE = re.compile(
    r"(?P<term>占比|比重|所占比例|覆盖率|普及率|合格率|入学率|达标率|占[^，。；\d]{0,12}?)(?:达到|达|为|提高到|提升至)?(?P<pct>\d{1,2}(?:\.\d+)?)%"
)


def plant_pct001(para: str, rng: random.Random, mode: str) -> Planted | None:
    m = _SHARE.search(para)
    if m and mode == "place" and float(m.group("pct")) < 100:
        new = _over_100(m.group("pct"))
        planted = para[: m.start("pct")] + new + para[m.end("pct") :]
        return Planted(
            "PCT001", para, planted, (m.start("pct"), m.start("pct") + len(new) + 1), "in place: share > 100%"
        )
    shape = rng.randrange(4)
    v = _num(rng, 60, 99)
    over = _num(rng, 101, 180)
    scope = rng.choice(UNITS_SCOPE)
    texts = [
        f"{scope}社区视频监控覆盖率达到{{p}}%。",
        "其中电信网络诈骗案件占全部刑事案件的{p}%。",
        f"{scope}农村自来水普及率{{p}}%，比上年提高2个百分点。",
        "青年民警在全局民警中所占比例为{p}%。",
    ]
    text = texts[shape]
    return _inserted("PCT001", para, text.format(p=v), text.format(p=over), rng, f"shape {shape}")


# ---------------------------------------------------------------- PCT002

_DECREASE = re.compile(r"(?P<verb>下降|减少|降低)(?P<pct>\d{1,2}(?:\.\d+)?)%")
_NEGATIVE_OK = re.compile(r"利润|收入|支出|赤字|余额|增速|增幅|价格|指数|顺差|逆差|资金|投资|效益|财政|贸易")


def plant_pct002(para: str, rng: random.Random, mode: str) -> Planted | None:
    for m in _DECREASE.finditer(para):
        sentence_start = max(para.rfind("。", 0, m.start()), para.rfind("，", 0, m.start())) + 1
        subject = para[sentence_start : m.start()]
        if _NEGATIVE_OK.search(subject) or mode != "place":
            continue
        new = _over_100(m.group("pct"))
        planted = para[: m.start("pct")] + new + para[m.end("pct") :]
        return Planted(
            "PCT002", para, planted, (m.start("pct"), m.start("pct") + len(new) + 1), "in place: fall > 100%"
        )
    metric = rng.choice(
        ["刑事案件发案数", "入室盗窃案件", "交通事故死亡人数", "电信诈骗立案数", "可防性案件", "110刑事警情"]
    )
    scope = rng.choice(UNITS_SCOPE)
    verb = rng.choice(["下降", "减少", "同比下降", "同比减少"])
    text = f"{scope}{metric}{verb}{{p}}%，社会治安持续向好。"
    return _inserted(
        "PCT002", para, text.format(p=_num(rng, 5, 60)), text.format(p=_num(rng, 105, 190)), rng, "inserted"
    )


# ---------------------------------------------------------------- PCT003


def _pct(value: Decimal, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def plant_pct003(para: str, rng: random.Random, mode: str) -> Planted | None:
    shares = list(_NAMED_SHARE.finditer(para)) if mode == "place" and _industries(para) else []
    if shares:
        # In place: an industry's share named after it, mistyped.
        m = rng.choice(shares)
        value = Decimal(m.group(1))
        wrong = value + Decimal(rng.choice(["-1", "1"])) * Decimal(rng.choice(["2.0", "0.6", "5.3", "10.0"]))
        if wrong <= 0:
            wrong = value + Decimal("3.0")
        planted = para[: m.start(1)] + str(wrong) + para[m.end(1) :]
        where = (m.start(1), m.start(1) + len(str(wrong)) + 1)
        return Planted("PCT003", para, planted, where, "in place: an industry's share mistyped")
    shape = rng.randrange(6)
    if shape == 5:  # shares named after the industries, in the sentence after their values
        gdp = Decimal(rng.randrange(20000, 900000)) / 100
        values = [gdp * Decimal(x) for x in (rng.uniform(0.03, 0.1), rng.uniform(0.3, 0.5))]
        values = [v.quantize(Decimal("0.01")) for v in values]
        values.append(gdp - sum(values))
        shares = [(v / gdp * 100).quantize(Decimal("0.1")) for v in values]
        k = rng.randrange(3)
        wrong_shares = list(shares)
        wrong_shares[k] += Decimal(rng.choice(["-1", "1"])) * Decimal(rng.choice(["2.0", "0.6", "5.3"]))
        text = (
            "全年实现地区生产总值{g}亿元。第一产业增加值{a}亿元，第二产业增加值{b}亿元，第三产业增加值{c}亿元。"
            "第一产业增加值占地区生产总值的比重为{x}%，第二产业增加值比重为{y}%，第三产业增加值比重为{z}%。"
        )
        right = text.format(
            g=gdp, a=values[0], b=values[1], c=values[2], x=shares[0], y=shares[1], z=shares[2]
        )
        wrong = text.format(
            g=gdp,
            a=values[0],
            b=values[1],
            c=values[2],
            x=wrong_shares[0],
            y=wrong_shares[1],
            z=wrong_shares[2],
        )
        clean, pos = _insert(para, right, rng)
        planted = para[:pos] + wrong + para[pos:]
        at = pos + wrong.index(
            f"{wrong_shares[k]}%",
            wrong.index("比重") if k == 0 else wrong.index(f"第{'一二三'[k]}产业增加值比重"),
        )
        return Planted(
            "PCT003", clean, planted, (at, at + len(str(wrong_shares[k])) + 1), f"inserted: shape {shape}"
        )
    decimals = rng.choice([1, 1, 2])
    whole = _num(rng, 80, 3000)
    part = _num(rng, 10, whole - 1)
    right = Decimal(part) / Decimal(whole) * 100
    wrong = right + Decimal(rng.choice([-1, 1])) * Decimal(rng.choice(["3.2", "5.7", "11.4", "1.3"]))
    if wrong <= 0:
        wrong = right + Decimal("4.4")
    metric, u = rng.choice(COUNT_METRICS)
    scope = rng.choice(UNITS_SCOPE)
    if shape == 0:
        text = f"{scope}立案{whole}起，破获{part}起，破案率{{p}}%。"
    elif shape == 1:
        kind = rng.choice(["涉网", "跨区域", "外地", "本地"])
        text = f"{scope}{metric}{whole}{u}，其中{kind}{part}{u}，占{{p}}%。"
    elif shape == 2:
        text = f"共抓获嫌疑人{whole}人，其中未成年人{part}人，所占比例为{{p}}%。"
    elif shape == 3:
        kind = rng.choice(["主动发现", "群众举报"])
        text = f"{scope}{metric}{whole}{u}，其中{kind}{part}{u}，占总数的{{p}}%。"
    else:
        text = f"全年共排查涉稳线索{whole}条，已化解{part}条，化解率{{p}}%。"
    return _inserted(
        "PCT003",
        para,
        text.format(p=_pct(right, decimals)),
        text.format(p=_pct(wrong, decimals)),
        rng,
        f"shape {shape}",
    )


# ---------------------------------------------------------------- PCT005 (shares of one whole)


def _shares(rng: random.Random, n: int, decimals: int) -> list[Decimal]:
    """n shares of one whole, as printed (they add up to 100 within their rounding)."""
    cuts = sorted(rng.uniform(2, 98) for _ in range(n - 1))
    raw = [b - a for a, b in itertools.pairwise([0, *cuts, 100])]
    step = Decimal(1).scaleb(-decimals)
    shares = [Decimal(str(x)).quantize(step) for x in raw]
    shares[-1] += Decimal(100) - sum(shares)
    return shares


def plant_pct005(para: str, rng: random.Random, mode: str) -> Planted | None:
    shape = rng.randrange(4)
    decimals = rng.choice([1, 1, 2])
    n = 3 if shape < 2 else rng.choice([3, 4])
    right = _shares(rng, n, decimals)
    wrong = right[:]
    k = rng.randrange(n)
    wrong[k] += Decimal(rng.choice([-1, 1])) * Decimal(rng.choice(["2", "3.5", "6", "10"]))
    if wrong[k] <= 0:
        wrong[k] += Decimal(12)

    def show(values: list[Decimal]) -> list[str]:
        return [f"{v:.{decimals}f}" for v in values]

    scope = rng.choice(["全市", "全县", "全区", "全州"])
    if shape == 0:
        sep = rng.choice([":", "："])
        text = (
            scope
            + rng.choice(["三次产业结构为", "三次产业结构调整为", "产业结构由上年的调整优化为"])
            + "{0}。"
        )
        make = lambda v: text.format(sep.join(show(v)))  # noqa: E731
    elif shape == 1:
        lead = rng.choice(
            ["第一、二、三产业增加值占地区生产总值的比重分别为", "三次产业增加值占全县生产总值的比重分别为"]
        )
        make = lambda v: scope + lead + "、".join(f"{x}%" for x in show(v)) + "。"  # noqa: E731
    elif shape == 2:
        cats = rng.choice(
            [["优", "良", "轻度污染", "中度及以上"], ["0-15岁", "16-59岁", "60岁及以上", "其他"]]
        )[:n]
        if not cats[-1].endswith(("以上", "其他")):
            cats[-1] = "60岁及以上"
        make = lambda v: (  # noqa: E731
            scope
            + "全年空气质量"
            + "，".join(f"{c}的占{x}%" for c, x in zip(cats, show(v), strict=True))
            + "。"
        )
    else:
        cats = ["500万元以下", "500万元至1亿元", "1亿元以上"] if n == 3 else ["小型", "中型", "大型", "其他"]
        make = lambda v: (  # noqa: E731
            scope
            + "新开工项目中，"
            + "，".join(f"{c}项目占{x}%" for c, x in zip(cats, show(v), strict=True))
            + "。"
        )
    return _inserted("PCT005", para, make(right), make(wrong), rng, f"shape {shape}")


# ---------------------------------------------------------------- SUM003 (a partition short of its whole)


_INDUSTRY_VALUE = re.compile(r"第([一二三])产业增加值(\d+(?:\.\d+)?)亿元")
_GDP = re.compile(r"生产总值[^。，；\d]{0,12}?(\d+(?:\.\d+)?)亿元")
_NAMED_SHARE = re.compile(r"第[一二三]产业增加值(?:占[^，。；]{0,12})?比重为(\d+\.\d)%")


def _industries(para: str) -> tuple[re.Match[str], list[re.Match[str]]] | None:
    """A real economy's total and its three industries' value added after it."""
    whole = _GDP.search(para)
    if whole is None:
        return None
    parts = [m for m in _INDUSTRY_VALUE.finditer(para, whole.end())][:3]
    if [m.group(1) for m in parts] != ["一", "二", "三"]:
        return None
    return whole, parts


def plant_sum003(para: str, rng: random.Random, mode: str) -> Planted | None:
    found = _industries(para) if mode == "place" else None
    if found is not None:
        # In place: one industry's value loses a digit or a few hundred million.
        whole, parts = found
        m = rng.choice(parts)
        value = Decimal(m.group(2))
        lower = value - Decimal(rng.choice(["10", "35.2", "100", "8.6"]))
        if lower <= 0:
            lower = (value / 10).quantize(Decimal("0.01"))
        planted = para[: m.start(2)] + str(lower) + para[m.end(2) :]
        return Planted("SUM003", para, planted, whole.span(1), "in place: an industry's value lowered")
    scope = rng.choice(["全市", "全县", "全区", "全州"])
    whole = Decimal(rng.randrange(300, 9000)) / 10
    first = (whole * Decimal(rng.uniform(0.35, 0.7))).quantize(Decimal("0.1"))
    second = whole - first
    short = second - Decimal(rng.choice(["1.0", "2.3", "5.0", "0.8"]))
    shape = rng.randrange(5)
    if shape == 3:  # the industries in the sentence after the economy's total
        a = (whole * Decimal(rng.uniform(0.03, 0.1))).quantize(Decimal("0.01"))
        b = (whole * Decimal(rng.uniform(0.3, 0.5))).quantize(Decimal("0.01"))
        c = whole - a - b
        text = (
            "全年实现地区生产总值{w}亿元，比上年增长5.1%。第一产业增加值{a}亿元，增长3.2%；"
            "第二产业增加值{b}亿元，增长4.4%；第三产业增加值{c}亿元，增长6.0%。"
        )
        right = text.format(w=whole, a=a, b=b, c=c)
        wrong = text.format(w=whole, a=a, b=b, c=c - Decimal(rng.choice(["10", "3.5", "100"])))
        return _inserted("SUM003", para, right, wrong, rng, f"shape {shape}")
    if shape == 0:
        text = "年末{s}常住人口{w}万人，其中城镇常住人口{a}万人，乡村常住人口{b}万人。"
    elif shape == 1:
        text = "{s}户籍人口{w}万人，其中男性{a}万人，女性{b}万人。"
    elif shape == 2:
        text = "年末{s}常住人口{w}万人，其中城镇人口{a}万人、乡村人口{b}万人。"
    else:  # town and country in the sentence after the population
        text = "年末{s}常住人口{w}万人，比上年末增加0.3万人。其中，城镇常住人口{a}万人，乡村常住人口{b}万人。"
    right = text.format(s=scope, w=whole, a=first, b=second)
    wrong = text.format(s=scope, w=whole, a=first, b=short)
    return _inserted("SUM003", para, right, wrong, rng, f"shape {shape}")


# ---------------------------------------------------------------- FIG002 (a running total that falls)


def plant_fig002(para: str, rng: random.Random, mode: str) -> Planted | None:
    metric, u = rng.choice(COUNT_METRICS)
    scope = rng.choice(UNITS_SCOPE)
    month = rng.randrange(2, 11)
    later = min(12, month + rng.choice([1, 1, 2, 3]))
    first = _num(rng, 60, 3000)
    grown = first + _num(rng, 3, max(4, first // 3))
    fallen = max(1, first - _num(rng, 2, max(3, first // 4)))
    shape = rng.randrange(4)
    if shape == 0:
        text = (
            f"截至{month}月底，{scope}累计{metric}{first}{u}。截至{later}月底，{scope}累计{metric}{{x}}{u}。"
        )
    elif shape == 1:
        text = f"1-{month}月，{scope}累计{metric}{first}{u}；1-{later}月，{scope}累计{metric}{{x}}{u}。"
    elif shape == 2:
        text = (
            f"截至{month}月底，{scope}已累计{metric}{first}{u}，"
            + f"截至{later}月底，{scope}累计{metric}{{x}}{u}。"
        )
    else:
        text = (
            f"今年以来，截至{month}月末{scope}累计{metric}{first}{u}。"
            + f"截至{later}月末，{scope}累计{metric}{{x}}{u}。"
        )
    return _inserted("FIG002", para, text.format(x=grown), text.format(x=fallen), rng, f"shape {shape}")


# ---------------------------------------------------------------- PCT004 (growth against its levels)


def plant_pct004(para: str, rng: random.Random, mode: str) -> Planted | None:
    shape = rng.randrange(4)
    a = _num(rng, 200, 50000)
    b = int(a * rng.uniform(0.4, 1.8))
    if b == a:
        b += 7
    decimals = rng.choice([1, 1, 2])
    rate = abs(Decimal(b - a) / Decimal(a) * 100)
    wrong = rate + Decimal(rng.choice(["0.4", "1.7", "3.3", "6.1"])) * rng.choice([1, -1])
    if wrong <= 0:
        wrong = rate + Decimal("2.5")
    up = b > a
    verb = rng.choice(["增长", "上升", "增加"]) if up else rng.choice(["下降", "减少"])
    metric, u = rng.choice(COUNT_METRICS)
    if shape == 0:
        text = f"{metric}从{a}{u}{verb}到{b}{u}，{verb}了{{p}}%。"
    elif shape == 1:
        text = f"{metric}由上年的{a}{u}{verb}至{b}{u}，{verb}{{p}}%。"
    elif shape == 2:
        text = f"今年{metric}{b}{u}，去年同期{a}{u}，同比{verb}{{p}}%。"
    else:
        diff = abs(b - a)
        text = f"今年{metric}{b}{u}，比上年{'增加' if up else '减少'}{diff}{u}，{verb}{{p}}%。"
    return _inserted(
        "PCT004",
        para,
        text.format(p=_pct(rate, decimals)),
        text.format(p=_pct(wrong, decimals)),
        rng,
        f"shape {shape}",
    )


# ---------------------------------------------------------------- CNT001

_RESPECTIVE = re.compile(
    r"(?P<subjects>(?:[^，。；、\d%]{1,14}、){1,5}[^，。；、\d%]{1,14}?)分别(?P<verb>[^，。；\d]{0,6}?)"
    r"(?P<values>\d+(?:\.\d+)?(?:%|万吨|亿元|万人|个|倍)?(?:[、和]\d+(?:\.\d+)?(?:%|万吨|亿元|万人|个|倍)?)+)"
)


def plant_cnt001(para: str, rng: random.Random, mode: str) -> Planted | None:
    m = _RESPECTIVE.search(para)
    if m and mode == "place":
        values = re.split(r"([、和])", m.group("values"))
        items = values[::2]
        # 分别 with one value may mean "each" (A、B排放量分别下降2%): drop a value only
        # from lists of three or more.
        if len(items) >= 3:
            drop = rng.randrange(len(items))
            kept = [v for i, v in enumerate(items) if i != drop]
            new = (
                "、".join(kept[:-1])
                + ("和" if "和" in m.group("values") and len(kept) > 1 else "、")
                + kept[-1]
            )
            if len(kept) == 1:
                new = kept[0]
            planted = para[: m.start("values")] + new + para[m.end("values") :]
            return Planted(
                "CNT001",
                para,
                planted,
                (m.start("values"), m.start("values") + len(new)),
                "in place: value dropped",
            )
    subjects = rng.sample(
        ["盗窃", "诈骗", "抢劫", "抢夺", "故意伤害", "寻衅滋事", "交通肇事"], rng.randint(3, 4)
    )
    values = [f"{_num(rng, 3, 40)}.{_num(rng, 1, 9)}%" for _ in subjects]
    verb = rng.choice(["同比分别下降", "分别下降", "分别同比上升", "发案数分别减少"])
    head = rng.choice(["今年以来，", "1至10月，", "专项行动期间，", ""])
    text = f"{head}{'、'.join(subjects)}案件{verb}{{v}}。"
    short = values[:]
    del short[rng.randrange(len(short))]
    return _inserted(
        "CNT001", para, text.format(v="、".join(values)), text.format(v="、".join(short)), rng, "inserted"
    )


# ---------------------------------------------------------------- CNT002

_CN = "零一二三四五六七八九十"
LABEL_ITEMS = {
    "一": ["一张联系卡", "一本工作台账", "一个微信群", "一支志愿队", "一套应急预案", "一份民情日记"],
    "有": ["有签到", "有记录", "有领学", "有讨论", "有总结", "有考核", "有台账"],
    "到位": ["组织领导到位", "责任落实到位", "宣传发动到位", "督导检查到位", "经费保障到位"],
    "清": ["人员底数清", "房屋情况清", "重点场所清", "矛盾纠纷清", "安全隐患清"],
}


def plant_cnt002(para: str, rng: random.Random, mode: str) -> Planted | None:
    kind = rng.choice(list(LABEL_ITEMS))
    n = rng.randint(3, min(5, len(LABEL_ITEMS[kind])))
    items = rng.sample(LABEL_ITEMS[kind], n)
    wrong_n = n + rng.choice([1, -1])
    shape = rng.randrange(4)

    def label(k: int) -> str:
        if kind == "一":
            return f"{_CN[k]}个一"
        if kind == "有":
            return f"{_CN[k]}有"
        if kind == "到位":
            return f"{_CN[k]}个到位"
        return f"{_CN[k]}清"

    listed = "、".join(items)
    if shape == 0:
        text = f"派出所推行“{{k}}”工作法：{listed}，实现社区警务全覆盖。"
    elif shape == 1:
        text = f"各单位严格落实{listed}的“{{k}}”要求。"
    elif shape == 2:
        text = f"会议要求做到“{{k}}”，即{listed}。"
    else:
        count = rng.choice(["项", "个方面"])
        items2 = rng.sample(
            ["矛盾纠纷排查", "重点人员管控", "校园安全防范", "道路交通治理", "电信诈骗预防", "消防安全检查"],
            n,
        )
        text = f"全面加强{'、'.join(items2)}{{k}}{count}工作。"
        return _inserted(
            "CNT002", para, text.format(k=_CN[n]), text.format(k=_CN[wrong_n]), rng, "count after list"
        )
    return _inserted(
        "CNT002", para, text.format(k=label(n)), text.format(k=label(wrong_n)), rng, f"shape {shape}"
    )


# ---------------------------------------------------------------- CNT003

_SHI = re.compile(f"(?<=[。；：，])([{_CN[1:]}])是")


def plant_cnt003(para: str, rng: random.Random, mode: str) -> Planted | None:
    shis = list(_SHI.finditer(para))
    numbers = [_CN.index(m.group(1)) for m in shis]
    if len(shis) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers))) and mode == "place":
        i = rng.randrange(1, len(shis))
        new = _CN[numbers[i] + rng.choice([1, -1])] if numbers[i] + 1 < len(_CN) else _CN[numbers[i] - 1]
        m = shis[i]
        planted = para[: m.start(1)] + new + para[m.end(1) :]
        return Planted("CNT003", para, planted, (m.start(1), m.end(1) + 1), "in place: 一是二是 numbering")
    points = rng.sample(
        [
            "加强源头管控",
            "强化风险排查",
            "深化宣传教育",
            "严格督导问责",
            "完善工作机制",
            "推进智慧警务",
            "落实属地责任",
        ],
        rng.randint(3, 5),
    )
    skip = rng.randrange(1, len(points))
    style = rng.choice(["shi", "shi"])
    right = "".join(f"{_CN[i + 1]}是{p}。" for i, p in enumerate(points)) if style else ""
    labels = [i + 1 for i in range(len(points))]
    labels[skip] = labels[skip] + rng.choice([1, -1]) if labels[skip] > 1 else labels[skip] + 1
    wrong = "".join(f"{_CN[n]}是{p}。" for n, p in zip(labels, points, strict=True))
    return _inserted("CNT003", para, right, wrong, rng, "inserted 一是二是")


# ---------------------------------------------------------------- APX001

_APPROX_FIGURE = re.compile(
    r"(?<![近约超逾])(?P<num>\d+(?:\.\d+)?)(?P<sc>万|亿)?(?P<mk>余|多)(?P<u>万|亿)?(?P<unit>[人户家个起元吨项所])"
)
_PLAIN_FIGURE = re.compile(
    r"(?<![\d.近约超逾])(?P<num>\d{2,4})(?P<sc>万|亿)?(?P<unit>人|户|家|个|起|所|项)(?!次)"
)


def plant_apx001(para: str, rng: random.Random, mode: str) -> Planted | None:
    m = _APPROX_FIGURE.search(para)
    if m and mode == "place":
        pre = rng.choice(["近", "约", "将近", "大约", "超过"])
        planted = para[: m.start()] + pre + para[m.start() :]
        return Planted("APX001", para, planted, (m.start(), m.end() + len(pre)), f"in place: {pre} + 余/多")
    m = _PLAIN_FIGURE.search(para)
    if m and mode == "place":
        pre, post = rng.choice([("近", "余"), ("约", "多"), ("近", "多"), ("约", "余"), ("超过", "余")])
        at = m.end("sc") if m.group("sc") else m.end("num")
        planted = para[: m.start()] + pre + para[m.start() : at] + post + para[at:]
        return Planted(
            "APX001", para, planted, (m.start(), m.end() + len(pre) + len(post)), "in place: marker pair"
        )
    n = _num(rng, 12, 90)
    text = rng.choice(
        [
            f"全市近{n}{{m}}家企业参与了联防联控。",
            f"活动共吸引约{n * 10}{{m}}名群众参加。",
            f"民警连续奋战近{n}{{m}}个小时，成功解救被困群众。",
        ]
    )
    return _inserted(
        "APX001", para, text.format(m=""), text.format(m=rng.choice(["余", "多"])), rng, "inserted"
    )


# ---------------------------------------------------------------- FIG001

_CLAIM = re.compile(
    r"(?:^|(?<=[，。；：\n]))(?P<lead>(?:全年|今年以来|全市|全省|全国|全县|我市|我省)[^，。；\d]{4,20}?)"
    r"(?P<num>\d+(?:\.\d+)?)(?P<unit>万人|亿元|万元|万吨|万户|万套|公里|个|人|家|起|所)(?![余多左])"
)
# A restated level, not a change, comparison or approximation (those are other claims).
_NOT_A_LEVEL = re.compile(r"比|较|增|减|降|升|提高|超|近|约|其中|占|平均|人均|每")


def plant_fig001(para: str, rng: random.Random, mode: str, other: str = "") -> Planted | None:
    m = next((m for m in _CLAIM.finditer(para) if not _NOT_A_LEVEL.search(m.group("lead"))), None)
    # Unnumbered headings: a number of its own would clash with the real text's numbering.
    heading = rng.choice(["主要做法", "强化打击整治", "下一步工作", "### 工作成效"])
    if m and mode == "place":
        value = Decimal(m.group("num"))
        new_value = value + (Decimal(1) if "." not in m.group("num") else Decimal("0.1")) * rng.randint(3, 40)
        restated = f"{m.group('lead')}{new_value}{m.group('unit')}。"
        # The figure restated in a closing paragraph of its own, after a heading.
        clean = f"{para}\n\n{heading}\n\n{other}\n\n{m.group('lead')}{value}{m.group('unit')}。"
        planted_text = f"{para}\n\n{heading}\n\n{other}\n\n{restated}"
        start = len(planted_text) - len(restated)
        return Planted(
            "FIG001", clean, planted_text, (start, len(planted_text)), "in place: real claim restated"
        )
    metric, u = rng.choice(COUNT_METRICS)
    scope = rng.choice(UNITS_SCOPE)
    n = _num(rng, 100, 5000)
    first = f"今年以来，{scope}共{metric}{n}{u}，有力维护了社会稳定。"
    again_lead = rng.choice([f"{scope}共{metric}", f"今年以来，{scope}共{metric}", f"{scope}{metric}"])
    wrong = _wrong(rng, n)
    clean = f"{first}{para}\n\n{heading}\n\n{other}\n\n{again_lead}{n}{u}。"
    planted_text = f"{first}{para}\n\n{heading}\n\n{other}\n\n{again_lead}{wrong}{u}。"
    start = len(planted_text) - len(f"{again_lead}{wrong}{u}。")
    return Planted("FIG001", clean, planted_text, (start, len(planted_text)), "inserted pair")


# ---------------------------------------------------------------- UNIT001

MEASURES = [
    ("手机", "部", "张"),
    ("银行卡", "张", "部"),
    ("车辆", "辆", "张"),
    ("电脑", "台", "张"),
    ("管制刀具", "把", "部"),
    ("子弹", "发", "把"),
    ("枪支", "支", "发"),
    ("案件", "起", "辆"),
    ("电动车", "辆", "张"),
    ("电脑主机", "台", "把"),
]


def plant_unit001(para: str, rng: random.Random, mode: str) -> Planted | None:
    k = rng.randint(2, 3)
    chosen = rng.sample(MEASURES, k)
    shape = rng.randrange(2)
    i = rng.randrange(k)
    right_items, wrong_items = [], []
    for j, (noun, good, bad) in enumerate(chosen):
        n = _num(rng, 2, 300)
        item_good = f"{noun}{n}{good}" if shape == 0 else f"{n}{good}{noun}"
        item_bad = f"{noun}{n}{bad}" if shape == 0 else f"{n}{bad}{noun}"
        right_items.append(item_good)
        wrong_items.append(item_bad if j == i else item_good)
    lead = rng.choice(["现场查获", "共扣押", "民警当场收缴", "依法查扣"])
    right = f"{lead}{'、'.join(right_items)}。"
    wrong = f"{lead}{'、'.join(wrong_items)}。"
    return _inserted("UNIT001", para, right, wrong, rng, f"shape {shape}")


# ---------------------------------------------------------------- DATE001

_DATE = re.compile(r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_CN_DATE = re.compile(
    r"(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
)
_BAD_DATES = [
    ("2", "30"),
    ("2", "31"),
    ("4", "31"),
    ("6", "31"),
    ("9", "31"),
    ("11", "31"),
    ("2", "29"),
    ("13", "5"),
]
CN_MONTH = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]


def _cn_day(d: int) -> str:
    if d < 10:
        return _CN[d]
    if d < 20:
        return "十" + (_CN[d % 10] if d % 10 else "")
    return _CN[d // 10] + "十" + (_CN[d % 10] if d % 10 else "")


def plant_date001(para: str, rng: random.Random, mode: str) -> Planted | None:
    m = _DATE.search(para)
    cn = _CN_DATE.search(para)
    if cn and not m and mode == "place":
        month, day = rng.choice([(2, 30), (4, 31), (6, 31), (9, 31), (11, 31), (2, 31)])
        new = f"{CN_MONTH[month]}月{_cn_day(day)}日"
        planted = para[: cn.start()] + new + para[cn.end() :]
        return Planted(
            "DATE001", para, planted, (cn.start(), cn.start() + len(new)), "in place: Chinese numerals"
        )
    if m and mode == "place":
        month, day = rng.choice(_BAD_DATES)
        if (month, day) == ("2", "29"):
            month, day = "2", "30"
        new = f"{month}月{day}日"
        planted = para[: m.start()] + new + para[m.end() :]
        return Planted("DATE001", para, planted, (m.start(), m.start() + len(new)), "in place")
    shape = rng.randrange(4)
    month, day = rng.choice([(2, 30), (4, 31), (6, 31), (9, 31), (11, 31), (2, 31)])
    ok_day = day - 2
    if shape == 0:
        text = "{m}月{d}日，市局召开专题会议部署相关工作。"
        right, wrong = text.format(m=month, d=ok_day), text.format(m=month, d=day)
    elif shape == 1:
        text = "{m}月{d}日，专案组在外地将犯罪嫌疑人抓获归案。"
        right = text.format(m=CN_MONTH[month], d=_cn_day(ok_day))
        wrong = text.format(m=CN_MONTH[month], d=_cn_day(day))
    elif shape == 2:
        text = "活动时间为{m}月10日至{d}日。"
        right, wrong = text.format(m=month, d=ok_day), text.format(m=month, d=day)
    else:
        year = rng.choice([2021, 2022, 2023, 2025])
        text = f"{year}年2月{{d}}日，该所民警在巡逻中发现一名走失老人。"
        right, wrong = text.format(d=28), text.format(d=29)
    return _inserted("DATE001", para, right, wrong, rng, f"shape {shape}")


# ---------------------------------------------------------------- DATE002

import datetime  # noqa: E402

WEEKDAY = "一二三四五六日"


def plant_date002(para: str, rng: random.Random, mode: str) -> Planted | None:
    year = rng.choice([2019, 2020, 2021, 2022, 2023, 2024, 2025])
    date = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
    right_wd = WEEKDAY[date.weekday()]
    wrong_wd = WEEKDAY[(date.weekday() + rng.randint(1, 6)) % 7]
    style = rng.randrange(3)
    form = ["（星期{w}）", "（周{w}）", "星期{w}"][style]
    text = f"{year}年{date.month}月{date.day}日{form}，全市公安机关开展集中清查行动。"
    return _inserted("DATE002", para, text.format(w=right_wd), text.format(w=wrong_wd), rng, f"style {style}")


PLANTERS: dict[str, Callable[..., Planted | None]] = {
    "SUM001": plant_sum001,
    "SUM002": plant_sum002,
    "SUM003": plant_sum003,
    "PCT001": plant_pct001,
    "PCT002": plant_pct002,
    "PCT003": plant_pct003,
    "PCT004": plant_pct004,
    "PCT005": plant_pct005,
    "CNT001": plant_cnt001,
    "CNT002": plant_cnt002,
    "CNT003": plant_cnt003,
    "APX001": plant_apx001,
    "FIG001": plant_fig001,
    "FIG002": plant_fig002,
    "UNIT001": plant_unit001,
    "DATE001": plant_date001,
    "DATE002": plant_date002,
}


TEXT = ("LAY", "DUP", "CHAR", "NAM")


def _planters() -> dict[str, Callable[..., Planted | None]]:
    from plant_text import TEXT_PLANTERS

    return {**PLANTERS, **TEXT_PLANTERS}


def plant_tables_all(per_type: int, rng: random.Random, only: tuple[str, ...] = ()) -> list[Planted]:
    from plant_tables import carriers, plant, plant_share

    pool = carriers(SHARED)
    out: list[Planted] = []
    for code, planter in (("TAB001", plant), ("TAB002", plant_share)):
        if only and not code.startswith(only):
            continue
        made_here = 0
        for _ in range(per_type * 20):
            if made_here >= per_type or not pool:
                break
            text, table = rng.choice(pool)
            made = planter(text, table, rng)
            if made is not None:
                clean, planted, where, how = made
                out.append(Planted(code, clean, planted, where, how))
                made_here += 1
    return out


def plant_all(per_type: int, seed: int, only: tuple[str, ...] = ()) -> list[Planted]:
    rng = random.Random(seed)
    pool = paragraphs()
    stat = stat_paragraphs()
    out: list[Planted] = []
    out += plant_tables_all(per_type, random.Random(seed), only)
    for code, planter in _planters().items():
        if only and not code.startswith(only):
            continue
        order = pool[:]
        rng.shuffle(order)
        # Half of each type altered in place where the real text allows it, the rest
        # (and whatever in-place plants the text could not give) inserted.
        for mode, wanted in (("place", per_type // 2), ("insert", per_type)):
            made = sum(1 for p in out if p.code == code)
            carriers = stat if mode == "place" and code in STAT_PLACED else order
            for tries, para in enumerate(carriers):
                if made >= (wanted if mode == "place" else per_type):
                    break
                other = order[(tries * 7 + 3) % len(order)]
                takes_other = code == "FIG001" or code.startswith(TEXT)
                result = planter(para, rng, mode, other) if takes_other else planter(para, rng, mode)
                # Text planters always alter the real text in place.
                in_place = result is not None and result.how.startswith("in place")
                if (
                    result is None
                    or (mode == "place" and not in_place)
                    or (mode == "insert" and in_place and not code.startswith(TEXT))
                ):
                    continue
                out.append(result)
                made += 1
    return out


def _lint(code: str, text: str) -> list:
    """The numeric rules for a numeric plant, the text rules for a text plant."""
    return lint_text(text, Config(select=TEXT if code.startswith(TEXT) else NUMERIC))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-type", type=int, default=48)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show-misses", default="", help="print the missed plants of this code")
    ap.add_argument("--show-noise", action="store_true", help="print findings on controls and elsewhere")
    ap.add_argument("--only", default="", help="comma-separated code prefixes to plant (default: all)")
    args = ap.parse_args()
    if not (SHARED / "corpus").is_dir():
        print("../shared/corpus is not here: nothing to plant into", file=sys.stderr)
        return 2
    rows: dict[str, list[int]] = {}
    only = tuple(x for x in args.only.split(",") if x)
    for p in plant_all(args.per_type, args.seed, only):
        row = rows.setdefault(p.code, [0, 0, 0, 0, 0, 0, 0])
        row[0] += 1
        row[6] += p.how.startswith("in place")
        control = _lint(p.code, p.clean)
        planted = _lint(p.code, p.planted)
        a, b = p.where
        here = [f for f in planted if f.span.start < b and f.span.end > a]
        if any(f.code == p.code for f in here):
            row[1] += 1
        elif here:
            row[2] += 1
        else:
            row[3] += 1
            if args.show_misses == p.code:
                excerpt = p.planted[max(0, a - 40) : b + 30].replace("\n", "⏎")
                print(f"--- MISS {p.code} ({p.how}): …{excerpt}…")
        row[4] += len(control)
        control_keys = {(f.code, p.clean[f.span.start : f.span.end]) for f in control}
        elsewhere = [
            f
            for f in planted
            if not (f.span.start < b and f.span.end > a)
            and (f.code, p.planted[f.span.start : f.span.end]) not in control_keys
        ]
        row[5] += len(elsewhere)
        if args.show_noise:
            for f in control:
                around = p.clean[max(0, f.span.start - 50) : f.span.end + 20]
                print(f"--- CONTROL {p.code}: {f.code} {f.message.render()} | …{around}…")
            for f in elsewhere:
                print(f"--- ELSEWHERE {p.code}: {f.code} {f.message.render()}")
    print("| Type | Planted (in place) | Found | Other code | Missed | Recall | On controls | Elsewhere |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for code in [*_planters(), "TAB001", "TAB002"]:
        if code not in rows:
            continue
        n, found, other, missed, control, elsewhere, in_place = rows[code]
        recall = f"{found / n:.0%}"
        cells = [code, f"{n} ({in_place})", found, other, missed, recall, control, elsewhere]
        print("| " + " | ".join(str(c) for c in cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
