"""Reading drafts: UTF-8 with or without BOM, GB18030/GBK, CRLF; binary is refused."""

from __future__ import annotations

import pytest

from hegao.checker.source.reading import InputError, decode_bytes

SAMPLE = "全市共抓获犯罪嫌疑人15人。\n滨海公安局通报。\n"


def test_utf8() -> None:
    d = decode_bytes(SAMPLE.encode("utf-8"))
    assert (d.text, d.encoding, d.bom, d.newline) == (SAMPLE, "utf-8", False, "\n")


def test_utf8_bom_is_not_part_of_the_text() -> None:
    d = decode_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    assert d.text == SAMPLE and d.bom


@pytest.mark.parametrize("codec", ["gbk", "gb2312", "gb18030"])
def test_chinese_legacy_encodings(codec: str) -> None:
    d = decode_bytes(SAMPLE.encode(codec))
    assert d.text == SAMPLE and d.encoding == "gb18030"


def test_crlf_is_kept_and_reported() -> None:
    d = decode_bytes(SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    assert d.newline == "\r\n" and "\r\n" in d.text


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(InputError):
        decode_bytes(b"\xef\xbb\xbf\xff\xfe\xfd")


def test_empty_file_is_text() -> None:
    assert decode_bytes(b"").text == ""
