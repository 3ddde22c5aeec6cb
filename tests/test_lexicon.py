"""The word list: built from jieba's dictionary once, then loaded from the user's cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from hegao.checker.text import lexicon

PROBES = ["经济", "发展", "和平县", "巡逻", "思想", "对于", "工作目", "的", "社社会", "国家队"]


def _answers() -> list[tuple[object, ...]]:
    return [
        (
            lexicon.is_word(w),
            lexicon.is_name(w),
            lexicon.is_noun(w),
            lexicon.is_verb(w),
            lexicon.is_function_word(w),
            lexicon.frequency(w),
            lexicon.begins_a_word(w),
        )
        for w in PROBES
    ]


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon._table.cache_clear()
    lexicon._total.cache_clear()
    yield tmp_path / "hegao"
    lexicon._table.cache_clear()
    lexicon._total.cache_clear()


def test_the_cached_table_answers_as_the_dictionary_does(fresh_cache: Path) -> None:
    (fresh_cache).mkdir(parents=True)
    stale = fresh_cache / "lexicon-jieba-0.42.1.v7.words.marshal"
    stale.write_bytes(b"old")
    built = _answers()
    assert [p.name for p in fresh_cache.glob("lexicon-*.marshal")] != []
    assert not stale.exists()  # an earlier version's cache is removed
    lexicon._table.cache_clear()
    assert _answers() == built  # loaded from the cache file
    assert built[0][0] and built[0][5] > 0  # 经济 is a common word
    assert built[2][1] and built[4][2] and built[3][3] and built[5][4]  # name, noun, verb, function
    assert not built[8][0] and built[9][0]  # 社社会 no word; 国家队 one
    assert built[7][6]  # 的 begins 的确


def test_a_damaged_cache_file_is_rebuilt(fresh_cache: Path) -> None:
    expected = _answers()
    for cached in fresh_cache.glob("lexicon-*.marshal"):
        cached.write_bytes(cached.read_bytes()[:1000])
    lexicon._table.cache_clear()
    assert _answers() == expected


def test_an_unwritable_cache_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    lexicon._table.cache_clear()
    try:
        assert lexicon.is_word("经济")
    finally:
        lexicon._table.cache_clear()
