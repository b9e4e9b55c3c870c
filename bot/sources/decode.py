"""Bytes to text for pages and feeds: header charset, BOM, meta/XML declarations, then detection.

Chinese sites often send a wrong or missing charset (text.md), so a declared label is only used when the
bytes actually decode with it; gb2312/gbk are read as gb18030, big5 as big5hkscs (both supersets).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

__all__ = ["charset_from_content_type", "declared_charset", "decode_body", "normalize_charset"]

# Labels whose strict codec fails on real pages: gb2312 lacks characters common in names (镕, 珺),
# plain big5 lacks the HKSCS additions; latin-1 labels mean windows-1252 in practice (WHATWG).
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "chinese": "gb18030",
    "euc-cn": "gb18030",
    "cp936": "gb18030",
    "windows-936": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "cn-big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "utf8": "utf-8",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: same first two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\"';,\s]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_:.\-]+)", re.I)
_PRESCAN = 16_384  # some pages put their meta after long comment blocks or inline scripts


def normalize_charset(label: str | None) -> str | None:
    """Map a charset label to the Python codec we decode it with; None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # A hostile page may name a bytes-to-bytes codec (base64, zlib, rot13): those are not charsets.
    if not getattr(info, "_is_text_encoding", True):
        return None
    codec = info.name
    # codecs.lookup resolves some aliases back to the narrow codec ("gbk" family): remap once more.
    return _ALIASES.get(codec, codec)


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, normalised; None if absent or unknown."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return normalize_charset(match.group(1)) if match else None


def declared_charset(body: bytes) -> str | None:
    """The charset a document declares in its first bytes (<meta charset>, http-equiv, <?xml encoding>)."""
    head = body[:_PRESCAN]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            label = normalize_charset(match.group(1).decode("ascii", "replace"))
            # A UTF-16 declaration inside bytes we could read as ASCII is a lie.
            if label and not label.startswith("utf-16") and not label.startswith("utf-32"):
                return label
    return None


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_ascii(body: bytes) -> bool:
    try:
        body.decode("ascii")
    except UnicodeDecodeError:
        return False
    return True


def decode_body(body: bytes, content_type: str | None = None) -> str:
    """Decode an HTTP body to str; never raises (undecodable bytes become U+FFFD)."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            # A BOM is unambiguous; header charsets are the ones that lie on these sites.
            return body[len(bom) :].decode(codec, "replace")
    if _is_ascii(body):
        return body.decode("ascii")
    candidates = [c for c in (charset_from_content_type(content_type), declared_charset(body)) if c]
    # Valid multi-byte UTF-8 practically never happens by accident in GBK/Big5 text, while a page saved
    # as UTF-8 from an old GBK template often keeps its stale label.
    as_utf8 = _strict(body, "utf-8")
    if as_utf8 is not None:
        return as_utf8
    for codec in candidates:
        text = _strict(body, codec)
        if text is not None:
            return text
    guess = _detect(body)
    if guess is not None:
        text = _strict(body, guess)
        if text is not None:
            return text
    # Nothing decodes cleanly: prefer what the document claimed, with replacement characters.
    fallback = candidates[0] if candidates else guess or "utf-8"
    return body.decode(fallback, "replace")


def _detect(body: bytes) -> str | None:
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    return normalize_charset(best.encoding) if best is not None else None
