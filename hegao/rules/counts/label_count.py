"""CNT002 label-count: a numbered label and the items it names disagree in number."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from hegao.checker.lint.document import Document
from hegao.checker.lint.rule import Rule
from hegao.checker.model import Finding, Message, Related


class LabelCount(Rule):
    """A numbered label and the items it names disagree in number.

    What it does:
        Compares the number a label states with the items listed for it, as the claims
        read them (``hegao claims`` shows each label and its items): the items before a
        quoted label (有签到、有记录、有领学的“六有”要求 — 3 items, label 六; also ……（以下简称
        “两超一非”）), the items after it (“三个到位”，即……到位、……到位、……到位、……到位
        — 4 for 三; or parallel clauses after 即), the items before a count in Chinese
        numerals (政治安全、反恐维稳、网络安全、矛盾纠纷化解四道防线; “巩固、增强、提升”四个
        方面) and the points after 「主要抓好五个方面：」 (一是……二是……, 一、……二、……, or
        （一）（二）… opening the paragraphs after it). A list ending in 等 means “and more”
        and is not counted; A、B和C may be two items or three. Counts in figures, counts
        in other words (三所, 两大, 四级), a list with 和 before its last item and a list
        before a quoted label with no 的 between are read only when the numbers agree, so
        they are never reported.

    Why it matters:
        A label promising six points followed by three tells the reader that something
        was cut or the label is wrong — and labels are what readers remember.

    概述:
        数字概括语（“六有”“四道防线”）与实际列出的条目数不符。

    说明:
        按 hegao claims 读出的概括语及其条目，比较概括语中的数字与列出的条目数：概括语前面的
        条目（有签到、有记录、有领学的“六有”要求——3项，概括为六；也包括“……（以下简称
        “两超一非”）”）、后面的条目（“三个到位”，即……到位、……到位、……到位、……到位
        ——4项对三；或“即”之后的并列分句）、汉字数量词前的条目（政治安全、反恐维稳、网络
        安全、矛盾纠纷化解四道防线；“巩固、增强、提升”四个方面），以及“主要抓好五个方面：”
        之后的要点（一是……二是……、一、……二、……，或其后各段开头的（一）（二）……）。
        以“等”结尾的列举表示未列全，不计数；“A、B和C”可计为两项或三项。阿拉伯数字的数量、
        其他量词的数量（三所、两大、四级）、“和”出现在末项之前的列举，以及概括语前没有
        “的”相连的列举，只在数目相符时才读作其条目，因此不会报告。

    原因:
        概括语说六条却只列了三条，说明内容被删减或概括语写错了，而读者记住的恰恰是概括语。

    Example:
        全面落实有签到、有记录、有领学的“六有”要求。

    Instead:
        全面落实有签到、有记录、有领学的“三有”要求。 (or name all six)
    """

    code = "CNT002"
    title = "数字概括与条目数不符"
    name = "label-count"
    messages: ClassVar[dict[str, tuple[str, str]]] = {
        "or": (
            "或",
            " or ",
        ),
        "main": (
            "“{label}”表示 {number} 项，实际列出 {n} 项",
            "“{label}” stands for {number} items, but {n} are listed",
        ),
        "items": (
            "列出的 {n} 项",
            "the {n} items listed",
        ),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        for label in doc.claims.labels:
            if not label.complete or label.count in label.readings:
                continue  # a list ending in 等 may name only some
            n = Message.joined(self.say("or"), (str(i) for i in sorted(set(label.readings))))
            yield self.finding(
                label.span,
                self.say("main", label=label.text, number=label.count, n=n),
                (Related(label.listed, self.say("items", n=n)),),
            )
