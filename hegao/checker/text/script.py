"""The Han script as a character class for the standard ``re`` module.

``regex``'s ``\\p{Han}`` is convenient but its engine is several times slower than
``re`` on simple scans over a whole document (doubled characters, digit groups); the
hot scans use ``re`` with this class, which a test keeps equal to ``\\p{Han}``.
"""

HAN = (
    "["
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9"
    "\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6"
    "\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0"
    "\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a\U00031350-\U00033479"
    "]"
)
