"""DUP003 doubled-word: a character or word written twice by mistake (车辆车辆, 精干警警, 开展了了)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.datafiles import data_lines
from hegao.checker.figures.quantities import units
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Fix, Span
from hegao.checker.text import lexicon
from hegao.checker.text.script import HAN

# ``re``, not ``regex``: this scan runs over every character and is 5× faster there.
_DOUBLED = re.compile(rf"({HAN}{{1,4}})\1")


_HAN_RE = regex.compile(r"\p{Han}")


# The year and number of a document number; its issuer's abbreviation, up to eight Han
# characters, comes before (the scan looks for the brackets: a pattern opening on Han
# characters would be tried at every one of them).
_DOCUMENT_NUMBER = regex.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")


_ISSUER = regex.compile(r"\p{Han}{1,8}$")


def _document_numbers(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _DOCUMENT_NUMBER.finditer(text):
        issuer = _ISSUER.search(text, max(0, m.start() - 8), m.start())
        if issuer is not None:
            spans.append((issuer.start(), m.end()))
    return spans


_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")


# Numerals that mark a place and are never written twice in a number.
_PLACE_MARKERS = "十百"


_COUNTED_PLACE = regex.compile(r"[一二两三四五六七八九][十百千万亿]")


# Words a figure's unit may be: the units quantities are read with, and 些 (一些).
@cache
def _counting_words() -> frozenset[str]:
    return frozenset(u for u in units() if len(u) == 1) | {"些"}


def _doubled_after_a_figure(text: str, start: int, unit: str) -> bool:
    """The doubled character is a unit right after its figure, and the second copy
    begins no word (3万人人均 is 3万人, 人均; 一个个 is meant): 1312万人人, 15起起; and 一 doubled
    before a measure word (争取一一个, 一一些地方; not 一一对应, 一一批评)."""
    before = text[start - 1 : start]
    counting = _counting_words()
    if unit == "一":
        figure_before = before in _NUMERALS
        after = text[start + 2 : start + 3]
        return not figure_before and after in counting and not _word_from(text, start + 2, 2)
    # After 一 the pair is a reduplication: 一天天, 一个个, 一座座 ("one after another").
    figure_before = before.isdigit() or (before in _NUMERALS and before != "一")
    return figure_before and unit in counting and not _word_from(text, start + 1, 2)


def _primitive(unit: str) -> str:
    """The shortest piece that ``unit`` repeats: 换换 → 换, 车辆 → 车辆."""
    for size in range(1, len(unit)):
        if len(unit) % size == 0 and unit[:size] * (len(unit) // size) == unit:
            return unit[:size]
    return unit


@cache
def _reduplications() -> frozenset[str]:
    return frozenset(data_lines("hegao.rules", "reduplication.txt"))


@cache
def _function_chars() -> frozenset[str]:
    return frozenset("".join(data_lines("hegao.rules", "function_chars.txt")))


def _is_legitimate(text: str, start: int, unit: str, allowed: frozenset[str] = frozenset()) -> bool:
    """Whether ``unit`` written twice at ``start`` is Chinese as it should be.

    ``text`` is the simplified form of the document (same length), so that the
    dictionary also serves traditional text.
    """
    k = len(unit)
    end = start + 2 * k
    middle = start + k
    double = unit * 2
    if double in allowed:
        return True
    if k > 1 and unit[0] == "一" and unit[1] not in _NUMERALS:
        return True  # one by one: 一个一个, 一年一年, 一批一批
    if k == 1 and _doubled_after_a_figure(text, start, unit):
        return False  # 1312万人人, 15起起: a unit written twice (人人 elsewhere is "everyone")
    if all(ch in _NUMERALS for ch in unit):
        # Numbers repeat digits (一九五五年, 一九一九年), never a place: 九十|十一,
        # 一百|一百八十八 (千万千万 is "by all means").
        place = unit in _PLACE_MARKERS and text[start - 1 : start] in _NUMERALS
        return not (place or _COUNTED_PLACE.search(unit))
    is_word = lexicon.is_word
    if k > 1:
        if double in _reduplications():
            return True
        # The doubled text lies inside one word: 喜气洋洋.
        for a in range(max(0, end - lexicon.MAX_WORD), start + 1):
            for b in range(end, min(len(text), a + lexicon.MAX_WORD) + 1):
                if is_word(text[a:b]):
                    return True
        if unit.startswith(_EMPHATIC):
            return True  # 很紧很紧: repeated for emphasis
        # A doubled non-word straddles words (就业|创业|创新); a doubled word is
        # legitimate only where it is a noun that ends a phrase and a longer word
        # begins with it (该基金|基金经理; not 重大|重大案件, 深化改革|改革开放).
        if not is_word(unit):
            return True
        if any(_known_name(text[a:middle]) for a in range(max(0, middle - lexicon.MAX_WORD), start)):
            return True  # a name ends on the first copy: 中国移动|移动营业厅
        noun = lexicon.is_noun(unit) or lexicon.is_name(unit)
        # ... and only where the first copy closes a noun phrase: opened by a determiner
        # (该基金|基金经理) or ending a longer noun (工商银行|银行卡, 党支部|支部书记). A word
        # standing alone and written again as the head of a compound is a slip
        # (增加城乡|城乡居民, 加快数字|数字化).
        closed = text[start - 1 : start] in _determiners() or any(
            is_word(text[a:middle]) for a in range(max(0, middle - lexicon.MAX_WORD), start)
        )
        return noun and closed and _word_from(text, middle, min_length=k + 1)
    return _single_is_legitimate(text, start, unit)


# How much less likely a reading may be and still count as the text's (e^2 ≈ 7 times).
WORD_MARGIN = 2.0


# How much likelier the text must read with one copy dropped for a doubled character
# to be a slip (e^3 ≈ 20 times).
SLIP_MARGIN = 3.0


# Administrative levels written before a name that begins with the same character.
_LEVEL_PREFIXES = "省市县区镇乡村"


# A character this frequent as a word of its own (使, 是, 上) may stand between a word
# and a word that begins with it (会使|使用); a rarer one there is a slip (排查解|解决).
COMMON_WORD = 50000


# Particles: doubled, they are a slip even where the dictionary has the pair (了了).
_PARTICLES = "的了地得着过"


# A doubled character the dictionary has this often as a word of its own (等等, 人人)
# is a word even after a word ending in its character (成本高|等等).
COMMON_PAIR = 100


# The particle that may follow a word ending in it: 目的|的, 标的|的 (经过过 is a slip).
_FOLLOWING_PARTICLE = "的"


def _pair_nearly_as_likely(text: str, lo: int, start: int, hi: int, unit: str) -> bool:
    """Whether reading the doubled character as one word reads nearly as well as the
    likeliest reading of its window."""
    forced = (
        lexicon.log_probability(text[lo:start])
        + lexicon.log_probability(unit * 2)
        + lexicon.log_probability(text[start + 2 : hi])
    )
    return lexicon.log_probability(text[lo:hi]) - forced <= WORD_MARGIN


def _single_is_legitimate(text: str, start: int, unit: str) -> bool:
    """A doubled character read in its context with jieba's word frequencies.

    Chinese as written: the likeliest reading takes the pair as one word (大大, 常常,
    兢兢业业); two words meet between the copies (民警|警务, 认为|为了); a word ending in
    a particle is followed by it (目的|的). When one copy belongs to a word (积极推|推进,
    严重|重, 为核|核心), it is a slip if dropping the other copy makes the text much
    likelier. When neither does, the pair is a reduplication from the list (层层), the
    head of a phrase meaning "each" (企企联防, 村村通), a given name (屠呦呦), or else again
    a slip if dropping a copy makes the text much likelier (精干警警)."""
    middle, end = start + 1, start + 2
    function = unit in _function_chars()
    lo = start
    while lo > max(0, start - 6) and _HAN_RE.match(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < min(len(text), end + 6) and _HAN_RE.match(text[hi]):
        hi += 1
    window = text[lo:hi]
    # The likeliest words of the text on each side of the second copy: a word ends
    # there (民警|警务) when the left side's reading ends on a word of two or more
    # characters, not merely when some dictionary word does (生活|水 is no 活水|水平).
    left_word = _last_word(text[lo:middle]) if lo < middle - 1 else 1
    # ... or nearly as likely as it: 样品含|有毒|毒素 reads almost as well as 含有|毒.
    word_before = lo < middle - 1 and lexicon.cost_of_word_at_end(text[lo:middle]) <= WORD_MARGIN
    word_after = lexicon.cost_of_word_at_start(text[middle:hi]) <= WORD_MARGIN
    if not function and word_before and word_after:
        return True  # two words meet (民警|警务): no need to read further
    breaks_after = not _HAN_RE.match(text[end : end + 1])
    # A listed reduplication (年年, 等等, 层层) is meant, unless it ends a sentence after
    # a word ending in its character (严重|重，), or the likeliest reading takes one copy
    # into a word and not the pair (发扬人|人民民主, 推进城市|市更新, 专业|业队伍).
    tokens = [(a + lo, b + lo) for a, b in lexicon.cut(window)]
    reduplication = unit * 2 in _reduplications()
    if reduplication and text[end : end + 1] == unit:
        return True  # 三百六十行|行行: the reduplication is the second pair
    pair = (start, end) in tokens
    # (A pair the dictionary has as a word, 等等, may follow a word ending in it: 成本高|等等.)
    gives_copy = lexicon.frequency(unit * 2) < COMMON_PAIR and any(
        b == middle and a < start for a, b in tokens
    )
    # The second copy stranded alone between a word that took the first (国家|家|发展,
    # 各种|种|困难): however common the pair, it is not meant there.
    stranded = (
        (middle, end) in tokens
        and any(b == middle and a < start for a, b in tokens)
        and any(a == end and b - a >= 2 for a, b in tokens)
        and not _pair_nearly_as_likely(text, lo, start, hi, unit)  # 成本高|等等 (not 高等|等)
    )
    takes_copy = not pair and (gives_copy or stranded or any(a == middle and b - a >= 2 for a, b in tokens))
    if reduplication and not (left_word >= 2 and breaks_after) and not takes_copy:
        return True
    particle = unit in _PARTICLES
    # Read as one word, but not a doubled particle (了了) nor a pair that ends a sentence
    # after a word ending in its character (维护世界和平|平。).
    closing = left_word >= 2 and breaks_after
    if any(
        a <= start and end <= b and not ((particle or closing) and (a, b) == (start, end)) for a, b in tokens
    ):
        return True
    if function and (start, middle) in tokens and (middle, end) in tokens:
        return False  # a function character read twice on its own: 发生于于今年, 为为人民
    # Any dictionary word on each side counts, not only the likeliest cut: 会使|使用,
    # 共和国|国务院, 加上|上解.
    ends = {b: b - a for a, b in tokens}
    starts = {a: b - a for a, b in tokens}
    left = 2 if word_before else ends.get(middle, 0)
    right = 2 if word_after else starts.get(middle, 0)
    if start > 0 and (text[start - 1].isdigit() or text[start - 1] in _NUMERALS):
        left = 2  # the first copy ends a figure: 2016年|年初, 三个|个人
    if unit in _LEVEL_PREFIXES and right >= 2:
        return True  # 市|市场监管局, 县|县委: an administrative level before a name
    if right >= 2 and text[start - 1 : start] in _determiners():
        return True  # a noun phrase closes on the first copy: 该股|股价, 某煤|煤炭公司
    dropped = text[lo:start] + text[middle:hi]

    def slip() -> bool:
        return lexicon.log_probability(dropped) - lexicon.log_probability(window) >= SLIP_MARGIN

    if left >= 2 and (right >= 2 or unit == _FOLLOWING_PARTICLE):
        return True  # two words meet (民警|警务), or a particle follows (目的|的)
    if left >= 2 and not breaks_after:
        if function and left_word >= 3:
            return True  # a function word after an idiom ending in it: 实事求是|是, 脚踏实地|地
        if _word_from(text, end, min_length=2) or text[end] in _function_chars():
            # The copy stands alone between two words (工作|作|都是, 行政区|区|行政长官):
            # a slip if the text reads much likelier without it.
            return not slip()
        # A word followed by text the dictionary does not know (车站|站线, 监管|管出)
        # gets the benefit of the doubt, unless the copy's removal leaves nothing but
        # words (历史史伟业 → 历史伟业, 探索索警民 → 探索警民).
        open_left = lo > 0 and _HAN_RE.match(text[lo - 1]) is not None
        open_right = hi < len(text) and _HAN_RE.match(text[hi]) is not None
        return not _clean_when_dropped(dropped, open_left, open_right)
    # A function character before a word that begins with it (会使|使用, 与|与会代表,
    # 被|被害人, 从|从事), or a common one-character word between a word and such a word
    # (和|和平): Chinese as written. Not a reduplication whose second copy the likeliest
    # reading takes into a word (发扬人|人民民主, 培育人|人们), nor a function character
    # before a function word that begins with it (对|对于, 在|在内, 对|对外).
    if function and _function_word_from(text, middle):
        return not slip()
    # After 的 a noun comes, not a preposition or a localiser on its own: 我们的前|前途,
    # 平等的对|对话 (的前前后后 doubles two characters on purpose).
    after_de = text[start - 1 : start] == "的" and text[end + 1 : end + 2] != text[end : end + 1]
    if function and right >= 2 and after_de:
        return False
    if unit in _CONJUNCTIONS and right >= 2 and _conjunction_cannot_stand(text, tokens, start):
        return False  # 构建和|和谐, 世界的和|和平, ，和|和睦相处: a slip, not "and"
    if (
        right >= 2
        and not (reduplication and takes_copy)
        and (function or (_word_to(text, start) and lexicon.frequency(unit) >= COMMON_WORD))
    ):
        return True

    if left >= 2 or right >= 2:
        return not slip()
    before = text[start - 1 : start]
    if _meant_here(unit * 2, before, text, end) and not takes_copy:
        return True
    if not function and (not before or not _HAN_RE.match(before) or before in _function_chars()):
        return True  # "each", at the head of a phrase: 企企联防, 村村通, 或商商结合
    return not slip()


# Conjunctions: before a word that begins with them (和|和平) they join two phrases.
_CONJUNCTIONS = frozenset(w for w in vocab.words("joining.conjunction") if len(w) == 1)


_CLAUSE_OPENING = "，,；;：:。！？!?、（(“"


def _conjunction_cannot_stand(text: str, tokens: list[tuple[int, int]], start: int) -> bool:
    """A conjunction at ``start`` joins nothing: it opens a clause, or follows a verb
    (构建和) or a particle (的和) instead of a phrase it could join."""
    before = text[start - 1 : start]
    if not before or before in _CLAUSE_OPENING:
        return True
    left = next((text[a:b] for a, b in tokens if b == start), None)
    return left is not None and (left in _PARTICLES or lexicon.is_verb(left))


def _clean_when_dropped(dropped: str, open_left: bool, open_right: bool) -> bool:
    """With one copy dropped, the likeliest reading has no stray single character. At an
    edge where the window cut through the text, a single character may be half of a word
    and does not count."""
    allowed = _function_chars() | frozenset(_PARTICLES)
    for a, b in lexicon.cut(dropped):
        if b - a != 1 or dropped[a:b] in allowed:
            continue
        if (a == 0 and open_left) or (b == len(dropped) and open_right):
            continue
        return False
    return True


def _meant_here(pair: str, before: str, text: str, end: int) -> bool:
    """The pair is Chinese here whatever the dictionary says: a listed reduplication, a
    given name after a surname (屠呦呦), 一个个 or an AABB form (家家户户)."""
    return (
        pair in _reduplications()
        or before in _surnames()
        or before == "一"
        or text[end : end + 2] == text[end : end + 1] * 2 != ""
    )


def _last_word(text: str) -> int:
    a, b = lexicon.cut(text)[-1]
    return b - a


def _function_word_from(text: str, start: int) -> bool:
    return any(
        lexicon.is_function_word(text[start:b])
        for b in range(start + 2, min(len(text), start + lexicon.MAX_WORD) + 1)
    )


def _word_to(text: str, end: int) -> bool:
    return any(lexicon.is_word(text[a:end]) for a in range(max(0, end - lexicon.MAX_WORD), end - 1))


def _word_from(text: str, start: int, min_length: int) -> bool:
    return any(
        lexicon.is_word(text[start:b])
        for b in range(start + min_length, min(len(text), start + lexicon.MAX_WORD) + 1)
    )


_EMPHATIC = ("很", "太", "真", "好", "非常", "十分", "特别")


def _known_name(text: str) -> bool:
    """A name the dictionary knows well (its rare names are often mis-tagged phrases:
    科教兴国, 沿海各省)."""
    return lexicon.is_name(text) and lexicon.frequency(text) >= COMMON_PAIR


@cache
def _determiners() -> frozenset[str]:
    return frozenset(vocab.words("determiners"))


@cache
def _surnames() -> frozenset[str]:
    return frozenset("".join(data_lines("hegao.rules", "surnames.txt")))


def _simplified(doc: Document) -> str:
    """The text in simplified characters, offset for offset (unchanged if it can't be)."""
    text = doc.masked
    if not _DOUBLED.search(text):
        return text
    simple = doc.simplified
    return simple if len(simple) == len(text) else text


class DoubledWord(Rule):
    """A character or word written twice by mistake (车辆车辆, 精干警警, 开展了了).

    What it does:
        Finds a character or a word of up to four characters written twice in a row,
        and leaves alone what Chinese doubles on purpose: reduplication (常常, 层层,
        家家户户, 认认真真, 一个个, 大大), anonymised names (李某某), two words that
        meet at a boundary (民警|警务, 派出所|所长, 该基金|基金经理, 目的|的) and numbers
        (一九五五年); a word standing alone and written again as the head of a compound
        is a slip (增加城乡|城乡居民; not 该基金|基金经理, 工商银行|银行卡).
        Word boundaries are read from a dictionary (jieba's word list and
        frequencies, loaded only when a doubled character needs it): a pair is one word
        only where the likeliest reading takes it so (严重|重 is not 重重), and a doubled
        character beside a word is a slip when dropping one copy makes the text far
        likelier (积极推推进). Fix: drop the second copy —
        safe for a doubled word, unsafe for a single doubled character (侦侦 may have
        been 侦查).

    Why it matters:
        A doubled word is the most visible slip of typing and pasting, and a published
        bulletin with 车辆车辆 in it looks unread.

    概述:
        字或词误写了两遍（车辆车辆、精干警警、开展了了）。

    说明:
        查找连写两遍的字或四字以内的词，并放过汉语中有意的重叠：叠词（常常、层层、家家户户、认认
        真真、一个个、大大）、化名（李某某）、词与词相接（民警|警务、派出所|所长、该基金|基金
        经理、目的|的）和数字（一九五五年）；单独成词的词紧接着又作为复合词的开头重写一遍属于误写
        （增加城乡|城乡居民；该基金|基金经理、工商银行|银行卡 不是）。
        词的边界依据词典（jieba 的词表和词频，只在遇到
        重复字时才加载）判断：只有最可能的切分把两个字读成一个词时才算一个词（严重|重 不是“重
        重”）；去掉一个字后文本明显更通顺时，判定为误写（积极推推进）。可自动修复：删去重复的部
        分——重复的词为安全修复，重复的单字为不安全修复（“侦侦”原本可能是“侦查”）。

    原因:
        字词重复是打字和粘贴中最显眼的差错，出现“车辆车辆”的通报看上去没有人读过。

    Example:
        实现了进出东营危化品运输车辆车辆动态监管。

    Instead:
        实现了进出东营危化品运输车辆动态监管。
    """

    code = "DUP003"
    title = "字词重复"
    name = "doubled-word"
    fixable = True
    # Doubled text that is right in your documents (a brand, a coined term): ["企企"].
    default_options: ClassVar[dict[str, Any]] = {"allow": []}
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "“{unit}”重复：“{text}”",
            "“{unit}” is written twice: “{text}”",
        ),
        "fix": (
            "删除重复的“{unit}”",
            "delete the repeated “{unit}”",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.masked
        simple = _simplified(doc)
        allowed = frozenset(self.options["allow"])
        # Document numbers are codes, not words: 周财预预〔2019〕22号 (found when a
        # doubling is: most documents have none).
        codes: list[tuple[int, int]] | None = None
        for block in doc.blocks:
            pos = block.span.start
            while True:
                m = _DOUBLED.search(text, pos, block.span.end)
                if m is None:
                    break
                unit = _primitive(m.group(1))  # 换换换换 is 换 four times, not 换换 twice
                start = m.start()
                codes = _document_numbers(text) if codes is None else codes
                if any(a <= start < b for a, b in codes):
                    pos = start + 1
                    continue
                if _is_legitimate(simple, start, simple[start : start + len(unit)], allowed):
                    pos = start + 1
                    continue
                # All the copies in a row are one finding, and the fix keeps one copy, so
                # that one pass of fixing leaves nothing to fix.
                end = start + len(unit)
                while text.startswith(unit, end, block.span.end):
                    end += len(unit)
                yield self.finding(
                    Span(start, end),
                    self.say("main", unit=unit, text=text[start:end]),
                    fix=Fix.replace(
                        Span(start + len(unit), end), "", self.say("fix", unit=unit), safe=len(unit) > 1
                    ),
                )
                pos = end
