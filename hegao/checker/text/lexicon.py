"""A word list for telling a doubled character at a word boundary (民警|警务) from a
doubled word (精干警警), and a word split by a line break (工作目|标) from two words.

It is jieba's dictionary, read only when a rule needs it and cached (marshal) under the
user's cache directory, so that later runs load it quickly; words that bulletins use
and the dictionary lacks are added from hegao/checker/data/extra_words.txt.
"""

from __future__ import annotations

import bisect
import itertools
import marshal
import math
import os
import tempfile
from array import array
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple, cast

from hegao.checker.datafiles import data_lines

MAX_WORD = 4
# Words that bulletins use and the dictionary lacks count as moderately common ones.
EXTRA_WORD_FREQUENCY = 100


def _cache_file(key: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hegao" / f"lexicon-{key}.v10.marshal"


# jieba's tags for names: places, people, organisations, other proper nouns.
_NAME_TAGS = {b"ns", b"nr", b"nrt", b"nrfg", b"nt", b"nz"}
# jieba's tags for function words: prepositions, conjunctions, particles, localisers.
_FUNCTION_TAGS = {b"p", b"c", b"u", b"f", b"s"}
# What the dictionary says of a word, in the low bits of its entry (its frequency is
# above them): a name, a common noun, a verb only, a function word.
NAME, NOUN, VERB, FUNCTION = 1, 2, 4, 8
_TAG_BITS = 4
_TAGS = ((_NAME_TAGS, NAME), ({b"n"}, NOUN), ({b"v"}, VERB), (_FUNCTION_TAGS, FUNCTION))


def _dictionary() -> tuple[Path, str] | None:
    """jieba's dictionary file and a key that changes with it (its size and time), found
    without importing jieba or reading package metadata, both slow to start."""
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - declared dependency
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "dict.txt"
    try:
        stat = path.stat()
    except OSError:  # pragma: no cover - a broken install
        return None
    return path, f"{stat.st_size}-{stat.st_mtime_ns}"


class _Table(NamedTuple):
    """The dictionary's words of one to four characters, by first character: each group
    is one joined string of sorted words and a packed array of their entries (frequency
    << _TAG_BITS | tag bits), split into a list when a word of the group is first looked
    up. Loading the whole word list as Python strings took most of a cold start; a
    bulletin looks up a few hundred groups of the six thousand."""

    groups: dict[str, tuple[str, bytes]]
    total: int  # the frequencies added up
    split: dict[str, tuple[list[str], array]]  # the groups looked up so far


def _load(key: str) -> _Table | None:
    try:
        groups, total = marshal.loads(_cache_file(key).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(groups, dict) or not isinstance(total, int):
        return None
    return _Table(groups, total, {})


@cache
def _table() -> _Table:
    """jieba's dictionary, read once and cached under the user's cache directory."""
    found = _dictionary()
    if found is None:  # pragma: no cover - declared dependency
        return _Table({}, 0, {})
    path, key = found
    return _load(key) or _build(path, key)


def _build(path: Path, key: str) -> _Table:
    frequencies: dict[str, int] = {}
    tags: dict[str, int] = {}
    with path.open("rb") as fh:
        for line in fh:
            parts = line.split()
            word = parts[0].decode("utf-8", "replace")
            if 1 <= len(word) <= MAX_WORD and "\n" not in word:
                frequencies[word] = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
                tag = parts[2] if len(parts) > 2 else b""
                bit = next((bit for names, bit in _TAGS if tag in names), 0)
                tags[word] = tags.get(word, 0) | bit
    groups: dict[str, tuple[str, bytes]] = {}
    for first, group in itertools.groupby(sorted(frequencies), key=lambda w: w[0]):
        words = list(group)
        entries = array("q", (frequencies[w] << _TAG_BITS | tags[w] for w in words))
        groups[first] = ("\n".join(words), entries.tobytes())
    table = _Table(groups, sum(frequencies.values()), {})
    _store(_cache_file(key), (groups, table.total))
    return table


def _group(first: str) -> tuple[list[str], array] | None:
    """The sorted words that begin with ``first``, and their entries."""
    table = _table()
    found = table.split.get(first)
    if found is None:
        packed = table.groups.get(first)
        if packed is None:
            return None
        entries = array("q")
        entries.frombytes(packed[1])
        words = packed[0].split("\n")
        if len(words) != len(entries):  # pragma: no cover - a damaged cache file
            return None
        found = table.split[first] = (words, entries)
    return found


def _entry(text: str) -> int | None:
    group = _group(text[0]) if text else None
    if group is None:
        return None
    words, entries = group
    i = bisect.bisect_left(words, text)
    if i < len(words) and words[i] == text:
        return entries[i]
    return None


def _tagged(text: str, bit: int) -> bool:
    entry = _entry(text)
    return entry is not None and bool(entry & bit)


def is_noun(text: str) -> bool:
    """A common noun in the dictionary (思想, 模式; not a name, not a verbal noun)."""
    return _tagged(text, NOUN)


def is_verb(text: str) -> bool:
    """A word the dictionary tags as a verb only (巡逻, 告诉; not 改革, a verbal noun)."""
    return _tagged(text, VERB)


def is_function_word(text: str) -> bool:
    """A preposition, conjunction, particle, localiser or place word (对于, 在内, 对外)."""
    return _tagged(text, FUNCTION)


def is_name(text: str) -> bool:
    """A place, person or organisation in the dictionary (和平县, 东关)."""
    return _tagged(text, NAME)


def begins_a_word(text: str) -> bool:
    """Some word of two or more characters begins with ``text``."""
    if not text:
        return bool(_table().groups)
    group = _group(text[0])
    if group is None:
        return False
    words = group[0]
    i = bisect.bisect_right(words, text)  # the first word after it is its first extension
    return i < len(words) and words[i].startswith(text) and len(words[i]) > len(text)


def frequency(text: str) -> int:
    """How often jieba's corpus has the word (0 when it is not a word)."""
    entry = _entry(text)
    if entry is not None:
        return entry >> _TAG_BITS
    return EXTRA_WORD_FREQUENCY if text in extra_words() else 0


@cache
def _total() -> float:
    return float(_table().total) or 1.0


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
    never = -math.inf
    best = [0.0] + [never] * len(text)
    back = [0] * (len(text) + 1)
    memo = _SCORES.get  # the memo read here, _score only on a miss (most windows recur)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - MAX_WORD), end):
            if best[start] == never:
                continue
            piece = text[start:end]
            known = memo(piece, _SCORES)
            word = _score(piece) if known is _SCORES else cast(float | None, known)
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


def _store(path: Path, found: tuple[dict[str, tuple[str, bytes]], int]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(found))
        os.replace(tmp, path)
        # Earlier formats of this dictionary's cache (another install's stays: its key differs).
        key = path.name.split(".v")[0]
        for old in [*path.parent.glob(f"{key}.v*.marshal"), *path.parent.glob("lexicon-jieba-*.marshal")]:
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: parse the dictionary again next time


@cache
def extra_words() -> frozenset[str]:
    """Words that bulletins use and the dictionary lacks."""
    return frozenset(data_lines("hegao.checker", "extra_words.txt"))


def is_word(text: str) -> bool:
    return text in extra_words() or (len(text) >= 2 and _entry(text) is not None)
