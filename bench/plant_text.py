"""Planters for the text rules (layout, repeats, characters, punctuation), used by
bench/plant.py. Each alters a real paragraph in place, the way copy and paste or a
slip of typing does, and keeps the untouched paragraph as the control."""

from __future__ import annotations

import random
import re

from plant import Planted

from hegao.checker.text import lexicon

_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = re.compile(r"[^。！？]*[。！？]")
HEADINGS = ["二、下一步工作打算", "（三）强化源头治理", "### 工作成效", "三、存在的问题"]
FUNCTION_CHARS = "把将在对从向与和为被"


def _words(para: str, rng: random.Random, length: int = 2) -> list[int]:
    """Offsets where a dictionary word of ``length`` Han characters starts."""
    starts = [
        i
        for i in range(len(para) - length)
        if all(_HAN.match(c) for c in para[i : i + length]) and lexicon.is_word(para[i : i + length])
    ]
    rng.shuffle(starts)
    return starts


def _closed(paragraph: str) -> str:
    """A carrier paragraph closed with a full stop, so that it does not read on."""
    if paragraph.endswith(("。", "！", "？", "”")):
        return paragraph
    return paragraph.rstrip("：；，、:;,") + "。"


def _doc(before: str, middle: str) -> str:
    """The altered paragraph after another real one."""
    return f"{_closed(before)}\n\n{middle}\n"


# ---------------------------------------------------------------- LAY001


def plant_lay001(para: str, rng: random.Random, mode: str, other: str = "") -> Planted | None:
    """The page layout broke the paragraph: inside a word, inside quotes, before a
    figure, after a comma or 、."""
    shape = rng.randrange(4)
    candidates: list[int] = []
    if shape == 0:
        candidates = [i + 1 for i in _words(para, rng, rng.choice([2, 3]))]
    elif shape == 1:
        candidates = [m.start() + 2 for m in re.finditer("“[\u4e00-\u9fff]{2,}", para)]
    elif shape == 2:
        candidates = [m.start() for m in re.finditer(r"(?<=[\u4e00-\u9fff])\d", para)]
    else:
        candidates = [m.end() for m in re.finditer("[，、](?=[\u4e00-\u9fff])", para)]
    candidates = [i for i in candidates if 20 <= i <= len(para) - 10]
    if not candidates:
        return None
    i = rng.choice(candidates)
    broken = para[:i] + "\n\n" + para[i:]
    clean = _doc(other, para)
    planted = _doc(other, broken)
    at = len(planted) - len(broken) - 1 + i
    return Planted("LAY001", clean, planted, (at - 1, at + 2), f"in place: shape {shape}")


# ---------------------------------------------------------------- LAY002


def plant_lay002(para: str, rng: random.Random, mode: str, other: str = "") -> Planted | None:
    """The end of a paragraph was lost: it stops on a comma, a preposition, a figure or
    inside a word, before a heading, a byline or the end of the file."""
    if rng.random() < 0.35:
        cuts = [i + 1 for i in _words(para, rng)]  # inside a two-character word
        how = "mid-word"
    else:
        cuts = [m.end() for m in re.finditer("[，、]", para)]
        cuts += [m.end() for m in re.finditer("[达和与对在将从](?=[\u4e00-\u9fff\\d])", para)]
        how = "on a comma or a preposition"
    cuts = [i for i in cuts if i >= 30]
    if not cuts:
        return None
    i = rng.choice(cuts)
    after = rng.choice(["end", "heading", "byline"])
    tail = "各单位要结合实际，抓好贯彻落实。"
    closing = {
        "end": "",
        "heading": f"\n\n{rng.choice(HEADINGS)}\n\n{tail}",
        "byline": "\n\n" + rng.choice(["（记者 王明 通讯员 李华）", "责任编辑：张强", "刘洋 摄"]),
    }[after]
    other = _closed(other)
    clean = f"{other}\n\n{para}{closing}\n"
    planted = f"{other}\n\n{para[:i]}{closing}\n"
    at = len(other) + 2 + i
    return Planted("LAY002", clean, planted, (at - 1, at), f"in place: {how}, then {after}")


# ---------------------------------------------------------------- DUP001


def plant_dup001(para: str, rng: random.Random, mode: str, other: str = "") -> Planted | None:
    """A paragraph pasted twice, exactly or with a word changed."""
    para, other = _closed(para), _closed(other)
    copy = para
    how = "exact"
    if rng.random() < 0.4:
        starts = _words(para, rng)
        if starts:
            i = starts[0]
            copy = para[:i] + "进一步" + para[i + 2 :]
            how = "a word changed"
    clean = f"{para}\n\n{other}\n"
    planted = f"{para}\n\n{other}\n\n{copy}\n"
    start = len(para) + 2 + len(other) + 2
    return Planted("DUP001", clean, planted, (start, start + len(copy)), f"in place: {how}")


# ---------------------------------------------------------------- DUP002


def plant_dup002(para: str, rng: random.Random, mode: str, other: str = "") -> Planted | None:
    """A sentence pasted twice in its paragraph: right after itself or at its end."""
    sentences = [m for m in _SENTENCE.finditer(para) if len(_HAN.findall(m.group())) >= 18]
    if not sentences:
        return None
    s = rng.choice(sentences)
    text = s.group()
    if rng.random() < 0.5:
        pos, how = s.end(), "after itself"
    else:
        pos, how = len(para), "at the paragraph's end"
    planted_para = para[:pos] + text + para[pos:]
    clean = _doc(other, para)
    planted = _doc(other, planted_para)
    at = len(planted) - len(planted_para) - 1 + pos
    return Planted("DUP002", clean, planted, (at, at + len(text)), f"in place: {how}")


# ---------------------------------------------------------------- DUP003


def plant_dup003(para: str, rng: random.Random, mode: str, other: str = "") -> Planted | None:
    """A slip of typing: a character of a word doubled (经济济), a word doubled (车辆车辆),
    a function character doubled (把把), a unit doubled (亿元元)."""
    shape = rng.randrange(4)
    if shape == 3:
        units = [m for m in re.finditer(r"\d(?:亿元|万元|万人|万吨)", para)]
        if not units:
            shape = rng.randrange(3)
        else:
            m = rng.choice(units)
            at = m.end()
            return _doubled(para, other, at, para[at - 1], "unit")
    if shape == 2:
        spots = [m.start() for m in re.finditer(f"[{FUNCTION_CHARS}](?=[\u4e00-\u9fff])", para)]
        spots = [i for i in spots if i > 0 and para[i - 1] != para[i]]
        if not spots:
            return None
        i = rng.choice(spots)
        return _doubled(para, other, i + 1, para[i], "function character")
    starts = _words(para, rng)
    if not starts:
        return None
    i = starts[0]
    word = para[i : i + 2]
    if shape == 1:
        return _doubled(para, other, i + 2, word, "word")
    k = rng.randrange(2)
    return _doubled(para, other, i + k + 1, word[k], "character in a word")


def _doubled(para: str, other: str, at: int, text: str, how: str) -> Planted:
    planted_para = para[:at] + text + para[at:]
    clean = _doc(other, para)
    planted = _doc(other, planted_para)
    start = len(planted) - len(planted_para) - 1 + at
    return Planted("DUP003", clean, planted, (start - len(text), start + len(text)), f"in place: {how}")


# ---------------------------------------------------------------- CHAR001


def plant_char001(para: str, rng: random.Random, mode: str, other: str = "") -> Planted | None:
    """A word in traditional characters, as pasted from a source in Hong Kong or Taiwan."""
    import zhconv_rs

    for i in _words(para, rng):
        word = para[i : i + 2]
        traditional = zhconv_rs.zhconv(word, "zh-tw")
        if traditional != word and len(traditional) == 2:
            planted_para = para[:i] + traditional + para[i + 2 :]
            clean = _doc(other, para)
            planted = _doc(other, planted_para)
            at = len(planted) - len(planted_para) - 1 + i
            return Planted("CHAR001", clean, planted, (at, at + 2), "in place: a word")
    return None


# ---------------------------------------------------------------- CHAR002

_HALF = {"，": ",", "：": ":", "；": ";", "？": "?", "！": "!"}


def plant_char002(para: str, rng: random.Random, mode: str, other: str = "") -> Planted | None:
    """A half-width mark in Chinese text, as typed with the wrong input mode."""
    spots = [m.start() for m in re.finditer("[，：；](?=[\u4e00-\u9fff])", para)]
    if not spots:
        return None
    i = rng.choice(spots)
    planted_para = para[:i] + _HALF[para[i]] + para[i + 1 :]
    clean = _doc(other, para)
    planted = _doc(other, planted_para)
    at = len(planted) - len(planted_para) - 1 + i
    return Planted("CHAR002", clean, planted, (at, at + 1), f"in place: {para[i]}")


# ---------------------------------------------------------------- CHAR003


def plant_char003(para: str, rng: random.Random, mode: str, other: str = "") -> Planted | None:
    """Paste debris: an invisible character, a doubled or mixed pair of marks, a bar."""
    shape = rng.randrange(4)
    spots = [m.start() for m in re.finditer("[，。]", para[:-1])]
    if not spots:
        return None
    i = rng.choice(spots)
    if shape == 0:
        j = rng.randrange(10, len(para) - 5)
        planted_para, at, n = para[:j] + "\u200b" + para[j:], j, 1
    elif shape == 1:
        planted_para, at, n = para[: i + 1] + para[i] + para[i + 1 :], i, 2
    elif shape == 2:
        mixed = "。" if para[i] == "，" else "，"
        planted_para, at, n = para[: i + 1] + mixed + para[i + 1 :], i, 2
    else:
        planted_para, at, n = para + " |", len(para), 2
    clean = _doc(other, para)
    planted = _doc(other, planted_para)
    start = len(planted) - len(planted_para) - 1 + at
    return Planted("CHAR003", clean, planted, (start, start + n), f"in place: shape {shape}")


TEXT_PLANTERS = {
    "LAY001": plant_lay001,
    "LAY002": plant_lay002,
    "DUP001": plant_dup001,
    "DUP002": plant_dup002,
    "DUP003": plant_dup003,
    "CHAR001": plant_char001,
    "CHAR002": plant_char002,
    "CHAR003": plant_char003,
}


# ---------------------------------------------------------------- NAM001


def plant_nam001(para: str, rng: random.Random, mode: str, other: str = "") -> Planted | None:
    """A province's name in a real list of provinces with one character deleted (not
    leaving one of the accepted short forms)."""
    from hegao.rules.names.lost_character_in_name import _lists, _names

    forms, lost = _names()
    spots = []
    for at, listed in _lists(para):
        items = listed.split("、")
        if sum(1 for i in items if i in forms) < 2:
            continue
        for item in items:
            if item in forms and len(item) >= 3:
                spots.append((at, item))
            at += len(item) + 1
    if not spots:
        return _written_nam001(para, rng, other, forms, lost)
    at, item = rng.choice(spots)
    cuts = [i for i in range(len(item)) if (item[:i] + item[i + 1 :]) in lost]
    if not cuts:
        return None
    i = rng.choice(cuts)
    planted_para = para[: at + i] + para[at + i + 1 :]
    clean = _doc(other, para)
    planted = _doc(other, planted_para)
    start = len(planted) - len(planted_para) - 1 + at
    return Planted("NAM001", clean, planted, (start, start + len(item) - 1), "in place: a character lost")


def _written_nam001(
    para: str, rng: random.Random, other: str, forms: frozenset, lost: dict
) -> Planted | None:
    """A sentence of our own listing provinces, one of them with a character lost."""
    names = sorted(f for f in forms if len(f) >= 3 and any(f[:i] + f[i + 1 :] in lost for i in range(len(f))))
    short = sorted(f for f in forms if len(f) == 2)
    listed = rng.sample(names, 2) + rng.sample(short, rng.randrange(1, 4))
    rng.shuffle(listed)
    k = next(i for i, item in enumerate(listed) if item in names)
    item = listed[k]
    cut = rng.choice([i for i in range(len(item)) if item[:i] + item[i + 1 :] in lost])
    broken = listed[:]
    broken[k] = item[:cut] + item[cut + 1 :]
    frame = rng.choice(
        [
            "专项行动在{0}等地同步开展。",
            "会议邀请了{0}的公安机关代表参加。",
            "跨区域协作机制已覆盖{0}。",
            "此次追逃行动涉及{0}等省区。",
        ]
    )
    right = frame.format("、".join(listed))
    wrong = frame.format("、".join(broken))
    ends = [m.end() for m in re.finditer("。", para)]
    pos = rng.choice(ends) if ends else len(para)
    clean = _doc(other, para[:pos] + right + para[pos:])
    planted_para = para[:pos] + wrong + para[pos:]
    planted = _doc(other, planted_para)
    start = len(planted) - len(planted_para) - 1 + pos + wrong.index(broken[k])
    return Planted("NAM001", clean, planted, (start, start + len(broken[k])), "inserted: a character lost")


TEXT_PLANTERS["NAM001"] = plant_nam001
