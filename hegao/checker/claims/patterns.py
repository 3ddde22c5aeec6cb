"""Word patterns more than one reader of the claims uses, built from the vocabulary."""

from __future__ import annotations

import regex

from hegao.checker import vocabulary as vocab

# A change or a comparison: a figure after one is a change, not a level.
CHANGE = regex.compile(
    f"{vocab.alternation('comparison')}|{vocab.alternation('increase')}|{vocab.alternation('decrease')}"
)
CHANGE_WORDS = f"{vocab.alternation('increase')}|{vocab.alternation('decrease')}"
# The words of a period: 2024年, 1-10月, 上半年, 截至 …
PERIOD = regex.compile(
    rf"\d{{4}}\s*年(?:度)?|\d{{1,2}}\s*(?:[-－—~～至到]\s*\d{{1,2}}\s*)?月(?:份|底|末)?|{vocab.alternation('period')}"
)
SCOPE = vocab.pattern("scope")
# A clause that adds to or takes from a figure named before it (its subject stands earlier).
CONTINUATION = regex.compile(rf"(?:{vocab.alternation('addition')}|{vocab.alternation('continuation')})")
