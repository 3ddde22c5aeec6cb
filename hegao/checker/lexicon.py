"""A word list for telling a doubled character at a word boundary (民警|警务) from a
doubled word (精干警警), and a word split by a line break (工作目|标) from two words.

It is jieba's dictionary, read only when a rule needs it and cached (marshal) under the
user's cache directory, so that later runs load it quickly; words that bulletins use
and the dictionary lacks are added from hegao/rules/data/extra_words.txt.
"""

from __future__ import annotations

import bisect
import marshal
import math
import os
import tempfile
from functools import cache, lru_cache
from pathlib import Path

from hegao.checker.datafiles import data_lines

MAX_WORD = 4
# Words that bulletins use and the dictionary lacks count as moderately common ones.
EXTRA_WORD_FREQUENCY = 100


def _cache_file(version: str, part: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hegao" / f"lexicon-jieba-{version}.v7.{part}.marshal"


# jieba's tags for names: places, people, organisations, other proper nouns.
_NAME_TAGS = {b"ns", b"nr", b"nrt", b"nrfg", b"nt", b"nz"}
# jieba's tags for function words: prepositions, conjunctions, particles, localisers.
_FUNCTION_TAGS = {b"p", b"c", b"u", b"f", b"s"}


def _jieba_version() -> str | None:
    import importlib.metadata

    try:
        return importlib.metadata.version("jieba")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - declared dependency
        return None


def _load(part: str, size: int) -> tuple | None:
    version = _jieba_version()
    if version is None:
        return ((),) * size
    try:
        loaded = marshal.loads(_cache_file(version, part).read_bytes())
        if isinstance(loaded, tuple) and len(loaded) == size:
            return loaded
    except (OSError, ValueError, EOFError, TypeError):
        pass
    return None


@cache
def _build() -> tuple[tuple, tuple, tuple]:
    """Read jieba's dictionary once and cache its three parts: the words (two to four
    characters, what most checks need) with the names among them; every word of one to
    four characters with its frequency (only the word model needs those); the common
    nouns, the verbs and the function words (what layout repair and the doubled-word
    check ask of a fragment)."""
    from importlib import resources

    found: dict[str, int] = {}
    names: set[str] = set()
    nouns: set[str] = set()
    verbs: set[str] = set()
    function_words: set[str] = set()
    with resources.files("jieba").joinpath("dict.txt").open("rb") as fh:
        for line in fh:
            parts = line.split()
            word = parts[0].decode("utf-8", "replace")
            if 1 <= len(word) <= MAX_WORD:
                found[word] = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
                tag = parts[2] if len(parts) > 2 else b""
                if tag in _NAME_TAGS:
                    names.add(word)
                elif tag == b"n":
                    nouns.add(word)
                elif tag == b"v":
                    verbs.add(word)
                elif tag in _FUNCTION_TAGS:
                    function_words.add(word)
    ordered = sorted(found)
    words_part = (tuple(w for w in ordered if len(w) >= 2), tuple(sorted(names)))
    frequency_part = (tuple(ordered), tuple(found[w] for w in ordered))
    version = _jieba_version() or "unknown"
    _store(_cache_file(version, "words"), words_part)
    speech_part = (tuple(sorted(nouns)), tuple(sorted(verbs)), tuple(sorted(function_words)))
    _store(_cache_file(version, "frequencies"), frequency_part)
    _store(_cache_file(version, "speech"), speech_part)
    return words_part, frequency_part, speech_part


@cache
def _word_tables() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """jieba's words of two to four characters and the names among them, sorted
    (searched with bisect: sorted tuples load from the cache faster than a set)."""
    return _load("words", 2) or _build()[0]


@cache
def _frequency_tables() -> tuple[tuple[str, ...], tuple[int, ...]]:
    return _load("frequencies", 2) or _build()[1]


@cache
def _speech_tables() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    return _load("speech", 3) or _build()[2]


def is_noun(text: str) -> bool:
    """A common noun in the dictionary (思想, 模式; not a name, not a verbal noun)."""
    return _in(_speech_tables()[0], text)


def is_verb(text: str) -> bool:
    """A word the dictionary tags as a verb only (巡逻, 告诉; not 改革, a verbal noun)."""
    return _in(_speech_tables()[1], text)


def is_function_word(text: str) -> bool:
    """A preposition, conjunction, particle, localiser or place word (对于, 在内, 对外)."""
    return _in(_speech_tables()[2], text)


def words() -> tuple[str, ...]:
    return _word_tables()[0]


def _in(table: tuple[str, ...], text: str) -> bool:
    i = bisect.bisect_left(table, text)
    return i < len(table) and table[i] == text


def is_name(text: str) -> bool:
    """A place, person or organisation in the dictionary (和平县, 东关)."""
    return _in(_word_tables()[1], text)


def begins_a_word(text: str) -> bool:
    """Some word of two or more characters begins with ``text``."""
    table = words()
    i = bisect.bisect_right(table, text)
    return i < len(table) and table[i].startswith(text) and len(table[i]) > len(text)


def frequency(text: str) -> int:
    """How often jieba's corpus has the word (0 when it is not a word)."""
    table, counts = _frequency_tables()
    i = bisect.bisect_left(table, text)
    if i < len(table) and table[i] == text:
        return counts[i]
    return EXTRA_WORD_FREQUENCY if text in extra_words() else 0


@cache
def _total() -> float:
    return float(sum(_frequency_tables()[1])) or 1.0


# The log-probability of each window looked up so far (None: not a word). Reading a
# text looks up every window of up to MAX_WORD characters, and most recur; the memo is
# emptied when it grows large.
_SCORES: dict[str, float | None] = {}
_SCORES_MAX = 200_000


def _score(text: str) -> float | None:
    score = _SCORES.get(text, _SCORES)
    if score is _SCORES:
        f = frequency(text)
        score = math.log(f) - math.log(_total()) if f else None
        if len(_SCORES) >= _SCORES_MAX:
            _SCORES.clear()
        _SCORES[text] = score
    return score  # type: ignore[return-value]


@lru_cache(maxsize=4096)  # cut() and log_probability() read the same windows
def _best_path(text: str) -> tuple[float, tuple[int, ...]]:
    unknown = -math.log(_total())  # as rare as the rarest word
    best = [0.0] + [-math.inf] * len(text)
    back = [0] * (len(text) + 1)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - MAX_WORD), end):
            if best[start] == -math.inf:
                continue
            word = _score(text[start:end])
            if word is not None:
                score = best[start] + word
            elif end - start == 1:
                score = best[start] + unknown
            else:
                continue
            if score > best[end]:
                best[end], back[end] = score, start
    return best[-1], tuple(back)


def log_probability(text: str) -> float:
    """The log-probability of the likeliest way to cut ``text`` into words, by word
    frequency (jieba's unigram model); a character the dictionary lacks costs as much as
    its rarest word."""
    return _best_path(text)[0]


def _word_log_probability(word: str) -> float:
    score = _score(word)
    return -math.inf if score is None else score


def cost_of_word_at_end(text: str) -> float:
    """How much less likely ``text`` reads when it must end on a word of two or more
    characters (0: its likeliest reading does; inf: no word ends it)."""
    best = _best_path(text)[0]
    ending = max(
        (
            (_best_path(text[:-k])[0] if k < len(text) else 0.0) + _word_log_probability(text[-k:])
            for k in range(2, min(MAX_WORD, len(text)) + 1)
        ),
        default=-math.inf,
    )
    return best - ending


def cost_of_word_at_start(text: str) -> float:
    """How much less likely ``text`` reads when it must begin with a word of two or
    more characters."""
    best = _best_path(text)[0]
    beginning = max(
        (
            _word_log_probability(text[:k]) + (_best_path(text[k:])[0] if k < len(text) else 0.0)
            for k in range(2, min(MAX_WORD, len(text)) + 1)
        ),
        default=-math.inf,
    )
    return best - beginning


def cut(text: str) -> list[tuple[int, int]]:
    """The likeliest words of ``text``, as (start, end) offsets."""
    _, back = _best_path(text)
    out = []
    end = len(text)
    while end > 0:
        out.append((back[end], end))
        end = back[end]
    return out[::-1]


def _store(path: Path, found: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(found))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: parse the dictionary again next time


@cache
def extra_words() -> frozenset[str]:
    """Words that bulletins use and the dictionary lacks."""
    return frozenset(data_lines("hegao.rules", "extra_words.txt"))


def is_word(text: str) -> bool:
    return text in extra_words() or (len(text) >= 2 and _in(words(), text))
