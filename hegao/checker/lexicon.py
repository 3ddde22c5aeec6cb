"""A word list for telling a doubled character at a word boundary (民警|警务) from a
doubled word (精干警警), and a word split by a line break (工作目|标) from two words.

It is jieba's dictionary, read only when a rule needs it and cached (marshal) under the
user's cache directory, so that later runs load it quickly; words that bulletins use
and the dictionary lacks are added from hegao/rules/data/extra_words.txt.
"""

from __future__ import annotations

import bisect
import marshal
import os
import tempfile
from functools import cache
from pathlib import Path

from hegao.checker.datafiles import data_lines

MAX_WORD = 4


def _cache_file(version: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hegao" / f"lexicon-jieba-{version}.v2.marshal"


@cache
def words() -> tuple[str, ...]:
    """jieba's words of two to four characters, sorted (searched with bisect: a sorted
    tuple loads from the cache in half the time a set takes to rebuild)."""
    import importlib.metadata
    from importlib import resources

    try:
        version = importlib.metadata.version("jieba")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - declared dependency
        return ()
    cached = _cache_file(version)
    try:
        loaded = marshal.loads(cached.read_bytes())
        if isinstance(loaded, tuple):
            return loaded
    except (OSError, ValueError, EOFError, TypeError):
        pass
    found = set()
    with resources.files("jieba").joinpath("dict.txt").open("rb") as fh:
        for line in fh:
            word = line.split(b" ", 1)[0].decode("utf-8", "replace")
            if 2 <= len(word) <= MAX_WORD:
                found.add(word)
    result = tuple(sorted(found))
    _store(cached, result)
    return result


def _store(path: Path, found: tuple[str, ...]) -> None:
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
    if text in extra_words():
        return True
    table = words()
    i = bisect.bisect_left(table, text)
    return i < len(table) and table[i] == text
