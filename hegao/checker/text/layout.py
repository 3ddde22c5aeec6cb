"""Layout repair: where a paragraph of the file is not a paragraph of the text.

Text pasted from a web page or a PDF is broken where the page's layout wrapped it:
「落实驾驶员与车主“双管」 ends one block and 「双罚”制度，……」 opens the next. The
document model reads such blocks as one logical paragraph (sentences and clauses run
across the break); LAY001 reports the breaks it found here.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.model import Block, BlockKind
from hegao.checker.text import lexicon
from hegao.checker.text.outline import OUTLINE_NUMBER

# How a complete paragraph ends: a full stop or question mark, a semicolon or colon
# (a list follows), closing quotes or brackets, an ellipsis or a dash.
_COMPLETE_END = regex.compile(r"[。！？!?；;：:…—”’」』）)】\]》>|]\s*$|[.](?=\s*$)")
# A block that opens on a mark of its own or an outline number starts a paragraph.
NEW_START = regex.compile(rf"[【\[#>*\-]|(?:{OUTLINE_NUMBER.pattern})")
_SENTENCE_LIKE = regex.compile(r"[，、“]")
# Cells of a text table: text, a run of spaces, text (on one line).
_COLUMNS = regex.compile(r"[^\s][ \u3000]{4,}[^\s]")
_HAN = regex.compile(r"\p{Han}")
_HAN_TAIL = regex.compile(r"\p{Han}{1,8}$")
_SPACE = regex.compile(r"\s")
_DANGLING_MARKS = "，,、“（("
# Prepositions and conjunctions a sentence cannot end on (的 can: 是……的).
_DANGLING_WORDS = "和与及或在对为把被从向达将以于由给让使跟同较"
# Particles and marks a sentence cannot begin with.
_CANNOT_START = "的地得了着过，、。；：？！”’」』）%"
# The next block opens with a fragment: 百日行|动，深入推进…; 广大民|警、辅警…
_FIRST_CLAUSE = regex.compile(r"(\p{Han}{1,3})[，。；！？]|(\p{Han})、")
# The block ends on a fragment after its last mark: ……积极性。为推动|“全环节……”
_LAST_CLAUSE = regex.compile(r"[，。；！？、]\s*(\p{Han}{1,3})$")
# A preposition or conjunction and at most three characters end the block: the phrase
# has no verb or no second member yet (在全省|率先开通, 与省|交通研究院, 和重点|行业).
# Prepositions count at the start of a clause (……，在全省); after a verb the phrase is
# complete (展示在正文下). Conjunctions count anywhere.
_OPEN_PHRASE = regex.compile(
    r"(?:(?:^|(?<=[，。；！？、“]))(?:在|对|为|向|从|把|被|由|给)|与|和|及|跟|同)(?P<tail>\p{Han}{1,3})$"
)
# The next block opens with a change and its figure: 实现破案数|上升84.8%.
_CHANGE_FIRST = regex.compile(
    rf"^(?:{vocab.alternation('increase')}|{vocab.alternation('decrease')})(?:了)?\s*[\d０-９]"
)
# The next block opens with a count and its measure word, which no paragraph opens
# with: 共发放宣传资料|3000份，…  (a date does: 2024年，…).
_COUNT_FIRST = regex.compile(r"^[\d０-９][\d.,０-９]*\s*[万亿]?(?![年月日时])\p{Han}{1,2}[，、；。]")
# An organisation and its unit: 滨海公安局|临盘分局.
_ORGANISATION_END = regex.compile(r"(?:局|厅|委|院|市|县|区|镇)$")
_UNIT_START = regex.compile(rf"^\p{{Han}}{{0,4}}(?:{vocab.alternation('organisation_units')})")
# The next block opens on a bare noun phrase and a comma: ……滨东分局落实|全局一盘棋思想，
# 明确职责任务……; a paragraph seldom opens so (it opens on a time, a subject and its
# verb, a purpose).
_NOUN_CLAUSE = regex.compile(r"(\p{Han}{2,8})，")
_OPEN_END = regex.compile(r"(?:\p{Han}|[A-Za-z0-9%]|[，,、“（(])$")
# A byline, an editor's line or a photo credit: （记者 张三）, 责任编辑：王五, 张三 摄.
_BYLINE = regex.compile(
    rf"^[（(【\[]?\s*(?:{vocab.alternation('byline')})[\s：:]|^[^，。；\n]{{1,30}}\s摄(?:影)?[）)】\]]?\s*$"
)
_SENTENCE_FINAL = frozenset(vocab.words("sentence_final_chars"))


def is_byline(masked: str, block: Block) -> bool:
    return _BYLINE.search(masked[block.span.start : block.span.end]) is not None


def cut_mid_word(text: str) -> bool:
    """The text stops inside a word: …确保辖区平 (平安). Its likeliest reading ends on a
    single character that does not end sentences and begins a dictionary word."""
    tail = _HAN_TAIL.search(text, max(0, len(text) - 9))  # it ends the text: no need to scan it all
    if tail is None:
        return False
    last = lexicon.cut(tail.group())[-1]
    char = tail.group()[last[0] :]
    return len(char) == 1 and char not in _SENTENCE_FINAL and lexicon.begins_a_word(char)


SHORT_LINE = 20
NUMBERED_TITLE_MAX_HAN = 30


# A photo credit closing a caption: ……砺炼新兵活动。 张三 摄
_ENDS_WITH_CREDIT = regex.compile(r"(?:^|\s)\p{Han}{2,4}\s*摄(?:影)?$")
_CREDIT_ENDS = ("摄", "摄影", "摄\n", "摄影\n")  # what the credit pattern can end on ($)


def open_ended(masked: str, block: Block) -> bool:
    """The block stops in the middle of a sentence."""
    text = masked[block.span.start : block.span.end]
    # The patterns read how the block ends, so they are searched from its last marks on
    # (from the start, each would be tried at every character of the block). A complete
    # end starts at the last character that is not a space: rstrip strips at least the
    # spaces the pattern skips.
    if _COMPLETE_END.search(text, max(0, len(text.rstrip()) - 1)):
        return False
    if text.endswith(_CREDIT_ENDS) and _ENDS_WITH_CREDIT.search(text):
        return False
    return _OPEN_END.search(text, max(0, len(text) - 2)) is not None


def is_prose(masked: str, block: Block) -> bool:
    """A paragraph of running text (not a title or a link): long, or with sentences."""
    if block.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW):
        return False
    text = masked[block.span.start : block.span.end]
    if len(_HAN.findall(text)) < 2 or "://" in text or is_byline(masked, block):
        return False  # a link, a byline
    if _COLUMNS.search(text):
        return False  # a table laid out in text columns: 儿童医院建设      专项债券   0.30
    if NEW_START.match(text) and "。" not in text and len(_HAN.findall(text)) <= NUMBERED_TITLE_MAX_HAN:
        return False  # a numbered heading: 一、2024年工作回顾 (a numbered paragraph is prose)
    if block.kind is BlockKind.PARAGRAPH:
        return True
    return bool(_SENTENCE_LIKE.search(text)) and not _SPACE.search(text)


def dangling(text: str) -> bool:
    """The text ends where no sentence can: on a comma, a preposition, a figure."""
    return text[-1] in _DANGLING_MARKS or text[-1] in _DANGLING_WORDS or text[-1].isdigit()


def _word_across(left: str, right: str) -> bool:
    """A word is split by the break: 工作目|标, 派出|所, 公安机|关 — longer than any
    word that ends where the left part ends (小康水平|城乡 ends on 水平: no split)."""
    ending = max(
        (k for k in range(2, min(lexicon.MAX_WORD, len(left)) + 1) if lexicon.is_word(left[-k:])),
        default=0,
    )
    for k in range(1, min(3, len(left)) + 1):
        for m in range(1, min(3, len(right)) + 1):
            word = left[-k:] + right[:m]
            # A name across the break is a coincidence: 世界和平|县委 is not 和平县.
            long_enough = len(word) > max(ending, 1) and len(set(word)) > 1
            if long_enough and lexicon.is_word(word) and not lexicon.is_name(word):
                return True
    # A one-character tail that is no word on its own, joined by the next block into
    # one (广大民|警, 实施集|中): the tail's own word (大民) is not what was meant.
    return ending <= 2 and lexicon.is_word(left[-1:] + right[:1]) and not lexicon.is_word(left[-2:])


def _open_quote(text: str) -> bool:
    """More quotes open than close in the block: 车主“双管|双罚”制度."""
    return text.count("“") > text.count("”")


def _open_phrase(text: str) -> bool:
    """The block ends on a preposition or conjunction and a short tail, and the marker is
    not inside a word (世界和平, 水平)."""
    m = _OPEN_PHRASE.search(text)
    if m is None or lexicon.is_word(text[m.start() : m.start() + 2]):
        return False  # the marker begins a word: 及时拨打, 同时, 和平
    tail = len(m.group("tail"))
    return not any(lexicon.is_word(text[-k:]) for k in range(tail + 1, min(lexicon.MAX_WORD, len(text)) + 1))


def _noun_phrase_first(after: str) -> bool:
    """The block opens on a clause of nouns only, the last a common noun, with no verb and
    no 的 (我国的经济体制改革， is a subject): the object of a verb the block before
    left without one (落实|全局一盘棋思想，) or the end of its noun (巡逻|防控新模式，)."""
    m = _NOUN_CLAUSE.match(after)
    if m is None or "的" in m.group(1):
        return False
    clause = m.group(1)
    words = [clause[a:b] for a, b in lexicon.cut(clause)]
    return len(words) >= 2 and lexicon.is_noun(words[-1]) and not any(lexicon.is_verb(w) for w in words)


def reads_on(masked: str, block: Block, following: Block, continued: bool = False) -> bool:
    """``following`` continues the sentence that ``block`` left open (``continued``:
    ``block`` itself continues the block before it)."""
    if following.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW) or masked[following.span.start] in "#|｜":
        return False  # a list item, a heading, a table row or a web page's separator bar
    if is_byline(masked, following):
        return False  # the article ends: what was cut is lost (LAY002)
    if NEW_START.match(masked, following.span.start):
        return False
    text = masked[block.span.start : block.span.end]
    after = masked[following.span.start : following.span.end]
    if dangling(text) or after[0] in _CANNOT_START or _open_quote(text):
        return True  # 覆盖率达|100%, 从踏查、|铲除, 的|…, “双管|双罚”
    # After a title-like line, only a one-character fragment counts: 近年来， opens many a
    # sentence.
    first_clause = _FIRST_CLAUSE.match(after)
    longest = 3 if block.kind is BlockKind.PARAGRAPH or continued else 1
    if first_clause and len(first_clause.group(1) or first_clause.group(2)) <= longest:
        return True
    if block.kind is BlockKind.PARAGRAPH or continued:
        if _LAST_CLAUSE.search(text) or _CHANGE_FIRST.match(after) or _COUNT_FIRST.match(after):
            return True
        if _open_phrase(text):
            return True
        if _ORGANISATION_END.search(text) and _UNIT_START.match(after):
            return True
        if "。" in text and _noun_phrase_first(after):
            return True  # a paragraph of sentences that stops on an open one
    return _word_across(text, after)


def find_breaks(masked: str, blocks: Sequence[Block]) -> list[int]:
    """The indices i of blocks that block i + 1 continues. A block that continues the one
    before is running text whatever its length, so a sentence broken over many blocks
    is found whole."""
    out: list[int] = []
    continued = False
    for block, following in itertools.pairwise(blocks):
        continued = (
            open_ended(masked, block)
            and (continued or is_prose(masked, block))
            and reads_on(masked, block, following, continued)
        )
        if continued:
            out.append(block.index)
    return out
