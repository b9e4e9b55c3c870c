"""Telegram-HTML parse mode: validation with Telegram's error texts, and entity extraction.

Follows TDLib's parse_html: the supported tags, lower-cased tag names, the four named entities plus
numeric ones, and errors that name the byte offset. One deliberate difference, on by default (strict):
a bare "&" that does not start an entity is an error here, while Telegram keeps it as text. A bot that
forgets to escape "&" will, sooner or later, send "&lt;" or "&amp;" that Telegram silently decodes.
"""

from __future__ import annotations

import re

from bot.emulator.state import JSON, utf16_len

__all__ = ["HtmlError", "parse_html"]

_SIMPLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
}
_SUPPORTED = {*_SIMPLE, "a", "span", "code", "pre", "blockquote", "tg-emoji"}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{1,10}));")
_SPECIAL = re.compile(r"[<&]")
_ATTR_NAME = re.compile(r"[a-zA-Z0-9_-]+")


class HtmlError(ValueError):
    """The text is not valid Telegram HTML; str() is Telegram's wording after "can't parse entities: "."""


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _decode_entity(text: str, i: int, strict: bool) -> tuple[str, int] | None:
    """The character an &...; entity at i stands for and its length, or None to keep "&" literally."""
    m = _ENTITY.match(text, i)
    if m is not None:
        if m.group(3) is not None:
            char = _NAMED.get(m.group(3))
            if char is not None:
                return char, m.end() - i
        else:
            code = int(m.group(1)) if m.group(1) is not None else int(m.group(2), 16)
            if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                return chr(code), m.end() - i
    if strict:
        raise HtmlError(
            f'unescaped "&" at byte offset {_byte_offset(text, i)}; write it as &amp; '
            "(the emulator is stricter than Telegram here)"
        )
    return None


def _parse_attrs(text: str, i: int, tag: str, start: int, strict: bool) -> tuple[dict[str, str], int]:
    """Parse attributes from i up to the closing ">"; return them and the index after ">"."""
    attrs: dict[str, str] = {}
    n = len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(text, start)}")
        if text[i] == ">":
            return attrs, i + 1
        m = _ATTR_NAME.match(text, i)
        if m is None:
            raise HtmlError(f'Empty attribute name in the tag "{tag}" at byte offset {_byte_offset(text, i)}')
        name = m.group(0).lower()
        i = m.end()
        while i < n and text[i].isspace():
            i += 1
        if i >= n or text[i] != "=":
            attrs[name] = ""  # a bare attribute such as <blockquote expandable>
            continue
        i += 1
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(text, start)}")
        if text[i] in "'\"":
            quote = text[i]
            end = text.find(quote, i + 1)
            if end < 0:
                raise HtmlError(
                    f'Unclosed attribute value in the tag "{tag}" at byte offset {_byte_offset(text, i)}'
                )
            raw, i = text[i + 1 : end], end + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] != ">":
                j += 1
            raw, i = text[i:j], j
        attrs[name] = _unescape(raw, strict)


def _unescape(raw: str, strict: bool) -> str:
    if "&" not in raw:
        return raw
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "&":
            decoded = _decode_entity(raw, i, strict)
            if decoded is not None:
                out.append(decoded[0])
                i += decoded[1]
                continue
        out.append(raw[i])
        i += 1
    return "".join(out)


def _entity_for(tag: str, attrs: dict[str, str]) -> JSON | None:
    """The entity a closed tag produces (offset and length filled in by the caller), or None."""
    if tag in _SIMPLE:
        return {"type": _SIMPLE[tag]}
    if tag == "span":
        return {"type": "spoiler"}
    if tag == "a":
        url = attrs.get("href", "")
        if not url:
            return None
        if url.startswith("tg://user?id=") and url[13:].isdigit():
            return {
                "type": "text_mention",
                "user": {"id": int(url[13:]), "is_bot": False, "first_name": ""},
            }
        return {"type": "text_link", "url": url}
    if tag == "code":
        language = attrs.get("class", "")
        if language.startswith("language-"):
            return {"type": "code", "language": language[9:]}
        return {"type": "code"}
    if tag == "pre":
        return {"type": "pre"}
    if tag == "blockquote":
        return {"type": "expandable_blockquote" if "expandable" in attrs else "blockquote"}
    if tag == "tg-emoji":
        return {"type": "custom_emoji", "custom_emoji_id": attrs.get("emoji-id", "")}
    return None


def parse_html(text: str, *, strict: bool = True) -> tuple[str, list[JSON]]:
    """Parse Telegram HTML into plain text and entities (UTF-16 offsets); raise HtmlError if Telegram would."""
    out: list[str] = []
    pos16 = 0  # UTF-16 length of the text emitted so far
    entities: list[JSON] = []
    # Open tags: (name, attrs, utf16 start, index of "<" in text)
    stack: list[tuple[str, dict[str, str], int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        m = _SPECIAL.search(text, i)
        end = m.start() if m is not None else n
        if end > i:
            chunk = text[i:end]
            out.append(chunk)
            pos16 += utf16_len(chunk)
            i = end
            if m is None:
                break
        if text[i] == "&":
            decoded = _decode_entity(text, i, strict)
            if decoded is None:
                out.append("&")
                pos16 += 1
                i += 1
            else:
                out.append(decoded[0])
                pos16 += utf16_len(decoded[0])
                i += decoded[1]
            continue
        start = i
        if i + 1 < n and text[i + 1] == "/":
            close = text.find(">", i + 2)
            if close < 0:
                raise HtmlError(f"Unclosed end tag at byte offset {_byte_offset(text, start)}")
            name = text[i + 2 : close].strip().lower()
            if not stack:
                raise HtmlError(f"Unexpected end tag at byte offset {_byte_offset(text, start)}")
            tag, attrs, ent_start, _ = stack.pop()
            if name != tag:
                raise HtmlError(
                    f"Unmatched end tag at byte offset {_byte_offset(text, start)}, "
                    f'expected "</{tag}>", found "</{name}>"'
                )
            entity = _entity_for(tag, attrs)
            if entity is not None and pos16 > ent_start:
                entity["offset"] = ent_start
                entity["length"] = pos16 - ent_start
                entities.append(entity)
            i = close + 1
            continue
        j = i + 1
        while j < n and not text[j].isspace() and text[j] != ">":
            j += 1
        if j >= n:
            raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(text, start)}")
        tag = text[i + 1 : j].lower()
        if tag not in _SUPPORTED:
            raise HtmlError(f'Unsupported start tag "{tag}" at byte offset {_byte_offset(text, start)}')
        attrs, i = _parse_attrs(text, j, tag, start, strict)
        if tag == "span" and attrs.get("class") != "tg-spoiler":
            raise HtmlError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(text, start)}'
            )
        stack.append((tag, attrs, pos16, start))
    if stack:
        raise HtmlError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), _merge_pre_code(entities)


def _merge_pre_code(entities: list[JSON]) -> list[JSON]:
    """<pre><code class="language-x"> becomes one pre entity with a language, as in Telegram."""
    if not entities:
        return entities
    pres = {(e["offset"], e["length"]): e for e in entities if e["type"] == "pre"}
    result: list[JSON] = []
    for e in entities:
        if e["type"] == "code":
            language = e.pop("language", None)
            pre = pres.get((e["offset"], e["length"]))
            if pre is not None:
                if language:
                    pre["language"] = language
                continue  # the language lives on the pre entity
        result.append(e)
    result.sort(key=lambda e: (e["offset"], -e["length"]))
    return result
