"""Outline numbering: the numbers that open a heading, an item or a table row label
(一、 （一） 1. （1） 第一，). One pattern read by the layout repair (a block opening on
one starts a new paragraph), the duplicate rules (a numbered line repeats its heading),
the sequence-numbering rule and the table reader (row levels)."""

from __future__ import annotations

import regex

# The Chinese numerals an outline counts with (up to 九十九).
CN_OUTLINE_NUMERAL = "一二三四五六七八九十"

# The styles, outermost first, as the pattern's group names: 一、  （一）  1.  （1）, and
# 第一， which orders points in running text (not a level of the outline).
STYLES = ("chinese", "chinese_paren", "arabic", "arabic_paren", "ordinal")

OUTLINE_NUMBER = regex.compile(
    rf"(?P<chinese>[{CN_OUTLINE_NUMERAL}]{{1,3}})\s*[、.．]"
    rf"|[（(](?P<chinese_paren>[{CN_OUTLINE_NUMERAL}]{{1,3}})[）)]"
    # 12. is an item, 12.5万 a decimal; 12.2024年 is item 12 about the year 2024.
    r"|(?P<arabic>\d{1,3})\s*(?:[、．]|\.(?!\d)|\.(?=\d{4}\s*年))"
    r"|[（(](?P<arabic_paren>\d{1,3})[）)]"
    rf"|第(?P<ordinal>[{CN_OUTLINE_NUMERAL}]{{1,3}})[，,、]"
)

# 一是……二是……: points numbered in running text, at the start of a block or after a
# clause mark.
POINT_NUMBER = regex.compile(rf"(?<=^|[。；;：:，,\s#])([{CN_OUTLINE_NUMERAL}]{{1,3}})是")
