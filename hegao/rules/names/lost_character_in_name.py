"""NAM001 lost-character-in-name: a province-level name with a character missing, in a list
of such names (黑龙、吉林)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import ClassVar

import regex

from hegao.checker import vocabulary as vocab
from hegao.checker.datafiles import data_lines
from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Fix, Span

# Three or more runs of Han characters (up to 12 each) joined by 、. The scan looks for
# the 、 and its items after it, then takes the first item back from it: a pattern that
# opens on Han characters would be tried at every one of them.
_LIST_TAIL = regex.compile(r"、\p{Han}{1,12}(?:、\p{Han}{1,12})+")


_FIRST_ITEM = regex.compile(r"\p{Han}{1,12}$")


def _lists(text: str) -> Iterator[tuple[int, str]]:
    r"""(start, text) of each list, as ``\p{Han}{1,12}(?:、\p{Han}{1,12}){2,}`` finds them."""
    pos = done = 0
    while True:
        m = _LIST_TAIL.search(text, pos)
        if m is None:
            return
        first = _FIRST_ITEM.search(text, max(done, m.start() - 12), m.start())
        if first is None:
            pos = m.start() + 1  # no first item: a list may begin at a later 、
            continue
        yield first.start(), text[first.start() : m.end()]
        pos = done = m.end()


_TAIL = regex.compile(
    rf"(?:等)?(?:[一二三四五六七八九十两]+个?)?(?:{vocab.alternation('places.region_noun')})?$"
)


_JOINED_INSIDE = vocab.pattern("joining.conjunction")


def _known_prefix(start: int, item: str) -> tuple[int, str]:
    """The name an item begins with (贵州省公安厅 → 贵州省), or the item."""
    known = _longest_name(item, at_end=False)
    return (start, known) if known else (start, item)


def _longest_name(item: str, at_end: bool) -> str | None:
    """The longest name, whole or with a character lost, that ``item`` begins (or
    ends) with."""
    names, longest = _any_name()
    for size in range(min(longest, len(item)), 1, -1):
        piece = item[-size:] if at_end else item[:size]
        if piece in names:
            return piece
    return None


@cache
def _any_name() -> tuple[frozenset[str], int]:
    forms, lost = _names()
    names = forms | lost.keys()
    return frozenset(names), max(map(len, names))


@cache
def _names() -> tuple[frozenset[str], dict[str, str]]:
    """The accepted forms, and each form with one character lost → the form it lost it from."""
    forms: set[str] = set()
    for line in data_lines("hegao.rules", "province_names.txt"):
        forms.update(line.split("|"))
    lost: dict[str, str] = {}
    for form in sorted(forms, key=len):
        if len(form) < 3:
            continue
        for i in range(len(form)):
            shorter = form[:i] + form[i + 1 :]
            if shorter not in forms:
                lost.setdefault(shorter, form)
    return frozenset(forms), lost


class LostCharacterInName(Rule):
    """A province-level name with a character missing, in a list of such names (黑龙、吉林).

    What it does:
        Reads lists joined by 、 in which most items are names of provinces,
        autonomous regions, municipalities and special administrative regions (full
        or in their usual short forms: 内蒙古 or 内蒙, 广西), and reports an item that is
        one of those names with a single character lost (黑龙 for 黑龙江). A name of
        two characters that lost one (宁 for 宁夏) is too short to tell. The names are data
        (hegao/rules/data/province_names.txt). Fix: restore the name (safe).

    Why it matters:
        Every reader knows these names, and a list that prints 黑龙 or 重 among them looks
        unread; it is a typical slip of deleting one character too many.

    概述:
        省级行政区名称列举中，有一个名称缺了字（黑龙、吉林）。

    说明:
        读取用顿号连接、大多数项为省、自治区、直辖市、特别行政区名称（全称或通行简称：
        内蒙古或内蒙、广西）的列举，报告其中缺了一个字的名称（黑龙江写成黑龙）。名称
        表是数据（hegao/rules/data/province_names.txt）。可自动修复：补全名称（安全）。

    原因:
        这些名称人人熟悉，列举中出现“黑龙”会显得没有校对；这是多删一个字的典型差错。

    Example:
        专项行动覆盖北京、天津、河北、辽宁、吉林、黑龙等省市。

    Instead:
        专项行动覆盖北京、天津、河北、辽宁、吉林、黑龙江等省市。
    """

    code = "NAM001"
    title = "名称缺字"
    name = "lost-character-in-name"
    fixable = True
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "main": (
            "“{text}”疑为“{full}”，缺了一个字",
            "“{text}” looks like “{full}” with a character lost",
        ),
        "fix": (
            "改为“{full}”",
            "change to “{full}”",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        forms, lost = _names()
        text = doc.masked
        for start, listed in _lists(text):
            items = []
            at = start
            for raw in listed.split("、"):
                items.append((at, raw))
                at += len(raw) + 1
            cleaned = []
            for n, (start, raw) in enumerate(items):
                if n == len(items) - 1:
                    # The last item may hold two joined by 和 and the words after the
                    # list: 宁夏和新疆等地, 贵州省公安厅.
                    bounds = [0, *(x for m in _JOINED_INSIDE.finditer(raw) for x in m.span()), len(raw)]
                    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
                        cleaned.append(_known_prefix(start + a, _TAIL.sub("", raw[a:b])))
                elif n == 0:  # the first item may carry the words before the list
                    known = _longest_name(raw, at_end=True)
                    cleaned.append((start + len(raw) - len(known), known) if known else (start, raw))
                else:
                    cleaned.append((start, raw))
            named = sum(1 for _, item in cleaned if item in forms)
            if named < 2 or named * 2 < len(cleaned):
                continue
            for start, item in cleaned:
                if item in forms or item not in lost:
                    continue
                full = lost[item]
                span = Span(start, start + len(item))
                yield self.finding(
                    span,
                    self.say("main", text=item, full=full),
                    fix=Fix.replace(span, full, self.say("fix", full=full)),
                )
