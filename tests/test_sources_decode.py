"""decode_body: header charset, BOM, meta/XML declarations, detection; GBK and Big5 pages."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from bot.sources.decode import decode_body, normalize_charset

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
# 镕 and 珺 are outside GB2312: a strict gb2312 decode fails on them (text.md).
NAMES = "全国总工会表彰朱镕基式的劳动模范王珺同志，各级工会要认真组织学习先进事迹。"


def _page(charset_meta: str = "") -> str:
    meta = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset_meta}">'
        if charset_meta
        else ""
    )
    return f"<html><head>{meta}<title>通知</title></head><body><p>{NAMES}</p></body></html>"


@pytest.mark.parametrize("label", ["gb2312", "GBK", "x-gbk", "gb18030", "chinese"])
def test_gb_labels_read_as_gb18030(label: str) -> None:
    assert normalize_charset(label) == "gb18030"
    assert NAMES in decode_body(NAMES.encode("gb18030"), f"text/html; charset={label}")


def test_big5_labels_read_as_hkscs_superset() -> None:
    assert normalize_charset("big5") == "big5hkscs"
    assert normalize_charset("nonsense-label") is None


def test_utf8_page() -> None:
    assert NAMES in decode_body(_page("utf-8").encode("utf-8"), "text/html; charset=utf-8")


def test_gbk_declared_in_meta_only() -> None:
    assert NAMES in decode_body(_page("gb2312").encode("gb18030"), "text/html")


def test_gbk_with_wrong_header_charset() -> None:
    # The server claims UTF-8, the page (and its meta) is GBK.
    assert NAMES in decode_body(_page("gbk").encode("gb18030"), "text/html; charset=utf-8")


def test_gbk_undeclared_is_detected() -> None:
    assert NAMES in decode_body(_page().encode("gb18030"))


def test_utf8_page_with_stale_gbk_label() -> None:
    assert NAMES in decode_body(_page("gb2312").encode("utf-8"), "text/html; charset=gbk")


def test_gbk_fixture_pages_decode_cleanly() -> None:
    for name in ("article-table-gbk.html", "listing-table-gbk.html"):
        text = decode_body((FIXTURES / name).read_bytes(), "text/html")
        assert "全国总工会" in text and "\ufffd" not in text


def test_gbk_article_with_meta_removed_still_decodes() -> None:
    raw = (FIXTURES / "article-table-gbk.html").read_bytes()
    undeclared = re.sub(rb"<meta[^>]*charset[^>]*>", b"", raw)
    text = decode_body(undeclared)
    assert "《通知》要求" in text and "\ufffd" not in text


def test_big5_page_declared_and_undeclared() -> None:
    raw = (FIXTURES / "big5-page.html").read_bytes()
    assert "勞動部公告事業單位應確保勞工權益" in decode_body(raw)
    assert "勞動部公告事業單位應確保勞工權益" in decode_body(raw, "text/html; charset=big5")
    undeclared = re.sub(rb"<meta[^>]*charset[^>]*>", b"", raw)
    assert "勞動部公告事業單位應確保勞工權益" in decode_body(undeclared)


def test_xml_declaration_encoding() -> None:
    xml = f'<?xml version="1.0" encoding="gb2312"?><rss><title>{NAMES}</title></rss>'
    assert NAMES in decode_body(xml.encode("gb18030"), "application/rss+xml")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_bom_wins_over_a_wrong_header(bom: bytes, codec: str) -> None:
    body = bom + _page().encode(codec)
    text = decode_body(body, "text/html; charset=gbk")
    assert NAMES in text and not text.startswith("\ufeff")


@pytest.mark.parametrize("junk", [b"", b"\xff\xfe\xfd\x80\x81" * 50, bytes(range(256)) * 4, b"\x00" * 100])
def test_garbage_never_raises(junk: bytes) -> None:
    assert isinstance(decode_body(junk, "text/html; charset=no-such-charset"), str)


def test_a_bytes_codec_named_as_charset_is_ignored_not_raised() -> None:
    # base64, zlib and friends are codecs but not charsets; a hostile header must not crash decoding.
    body = "<p>各级工会要加强领导</p>".encode("gb18030") + b"\x80\x81"
    for label in ("base64", "hex", "rot13", "zlib", "bz2", "uu", "quopri"):
        text = decode_body(body, f"text/html; charset={label}")
        assert isinstance(text, str) and text
