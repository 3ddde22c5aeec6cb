"""The word characters of a document: letters, digits and Han characters, lower-cased,
with a map back to offsets in the original text. The duplicate rules compare text on
this reading, so that punctuation and spacing never hide a copy."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from hegao.checker.text.segments import OFFSET

_WORD_RUN = regex.compile(r"[\p{Han}\p{L}\p{N}]+")
_NOT_WORD = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")
_NOT_WORD_NOR_SEPARATOR = regex.compile(r"[^\p{Han}\p{L}\p{N}\x00]+")


@dataclass(frozen=True, slots=True)
class WordText:
    """The document's letters, digits and Han characters (lower-cased), kept as runs:
    run k starts at ``text_starts[k]`` in the original text and at ``word_starts[k]``
    in ``words``. Runs, not one offset per character, keep this small and fast."""

    words: str
    text_starts: array[int]  # machine integers: a file of short lines holds a million runs
    word_starts: array[int]

    def index_at(self, offset: int) -> int:
        """Index in ``words`` of the first word character at or after ``offset``."""
        k = bisect.bisect_right(self.text_starts, offset) - 1
        if k < 0:
            return 0
        inside = offset - self.text_starts[k]
        end = self.word_starts[k + 1] if k + 1 < len(self.word_starts) else len(self.words)
        return min(self.word_starts[k] + inside, end)

    def offset_of(self, index: int) -> int:
        """Offset in the original text of ``words[index]``."""
        k = bisect.bisect_right(self.word_starts, index) - 1
        return self.text_starts[k] + index - self.word_starts[k]


def _lowered(text: str) -> str:
    """``text`` lower-cased character for character (İ, which lowers to two, kept)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered


# Spans read at a time by word_texts (and 16 times as many characters at a time by
# read_words): pieces are made a batch at a time.
WORD_TEXTS_BATCH = 4096


def read_words(text: str) -> WordText:
    lowered = _lowered(text)
    text_starts = array(OFFSET)
    word_starts = array(OFFSET)
    size = 0
    for m in _WORD_RUN.finditer(lowered):
        text_starts.append(m.start())
        word_starts.append(size)
        size += m.end() - m.start()
    # What is not a word character is removed a piece at a time (the removal is character
    # by character): over the whole text at once, a text of short lines made a list of a
    # million pieces before joining them.
    pieces = range(0, len(lowered), WORD_TEXTS_BATCH * 16)
    words = "".join(_NOT_WORD.sub("", lowered[at : at + WORD_TEXTS_BATCH * 16]) for at in pieces)
    return WordText(words, text_starts, word_starts)


def word_texts(text: str, starts: Sequence[int], ends: Sequence[int]) -> list[str]:
    """The word characters of each span (given as its starts and ends), lower-cased as in
    ``read_words``: the pieces are joined, stripped and split again, so that the work is
    done in a few passes in C (the duplicate rules read every clause of a document). A
    batch at a time, and one string for equal pieces: a file of a million short lines
    repeats a few texts (12, 好) a million times."""
    if "\x00" in text:
        text = text.replace("\x00", " ")
    out: list[str] = []
    same: dict[str, str] = {}
    for at in range(0, len(starts), WORD_TEXTS_BATCH):
        batch = zip(starts[at : at + WORD_TEXTS_BATCH], ends[at : at + WORD_TEXTS_BATCH], strict=True)
        joined = _lowered("\x00".join([text[a:b] for a, b in batch]))
        pieces = _NOT_WORD_NOR_SEPARATOR.sub("", joined).split("\x00")
        out.extend(same.setdefault(piece, piece) for piece in pieces)
    return out
