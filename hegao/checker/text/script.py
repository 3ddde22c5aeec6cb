"""The Han script as a character class for the standard ``re`` module.

``regex``'s ``\\p{Han}`` is convenient but its engine is several times slower than
``re`` on simple scans over a whole document (doubled characters, digit groups); the
hot scans use ``re`` with this class, which a test keeps equal to ``\\p{Han}``.
"""

import re

HAN = (
    "["
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9"
    "\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6"
    "\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0"
    "\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a\U00031350-\U00033479"
    "]"
)

# A code point of the surrogate range stands alone in a str (JSON's "\ud800", from the
# language server or the web page): it cannot be encoded, so the simplified-text reading
# (zhconv) and every writer of a report fail on it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD, the replacement character: one for
    one, so every offset into the user's text still holds."""
    if _LONE_SURROGATE.search(text) is None:
        return text
    return _LONE_SURROGATE.sub("\ufffd", text)
