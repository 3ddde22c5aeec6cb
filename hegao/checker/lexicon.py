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
    return Path(base) / "hegao" / f"lexicon-jieba-{version}.v3.marshal"


# jieba's tags for names: places, people, organisations, other proper nouns.
_NAME_TAGS = {b"ns", b"nr", b"nrt", b"nrfg", b"nt", b"nz"}


@cache
def _tables() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """jieba's words of two to four characters and, among them, the names; both sorted
    (searched with bisect: a sorted tuple loads from the cache in half the time a set
    takes to rebuild)."""
    import importlib.metadata
    from importlib import resources

    try:
        version = importlib.metadata.version("jieba")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - declared dependency
        return (), ()
    cached = _cache_file(version)
    try:
        loaded = marshal.loads(cached.read_bytes())
        if isinstance(loaded, tuple) and len(loaded) == 2:
            return loaded
    except (OSError, ValueError, EOFError, TypeError):
        pass
    found: set[str] = set()
    names: set[str] = set()
    with resources.files("jieba").joinpath("dict.txt").open("rb") as fh:
        for line in fh:
            parts = line.split()
            word = parts[0].decode("utf-8", "replace")
            if 2 <= len(word) <= MAX_WORD:
                found.add(word)
                if len(parts) > 2 and parts[2] in _NAME_TAGS:
                    names.add(word)
    result = (tuple(sorted(found)), tuple(sorted(names)))
    _store(cached, result)
    return result


def words() -> tuple[str, ...]:
    return _tables()[0]


def _in(table: tuple[str, ...], text: str) -> bool:
    i = bisect.bisect_left(table, text)
    return i < len(table) and table[i] == text


def is_name(text: str) -> bool:
    """A place, person or organisation in the dictionary (和平县, 东关)."""
    return _in(_tables()[1], text)


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
    return text in extra_words() or _in(words(), text)
