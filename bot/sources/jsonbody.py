"""A POST JSON source's request body (json_body): its content type, its validation and the next page's body.

Portals whose list script pages by a POST body ({"pageNo": 1, "channelId": "123"} or pageNo=1&channelId=123)
are polled with that body. A body that parses as a JSON object is sent as application/json; anything else
must be a form (name=value pairs joined by &) and is sent as application/x-www-form-urlencoded. json_next
names the body's page field (a dotted path into a JSON body; a form field's name): the next page is the
same body with that number one higher. A body may carry a token: nothing here puts one in an error message.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, unquote_plus

__all__ = ["FORM_TYPE", "JSON_TYPE", "MAX_BODY", "body_content", "check_body", "next_page_body"]

JSON_TYPE = "application/json"
FORM_TYPE = "application/x-www-form-urlencoded; charset=UTF-8"  # what a portal's jQuery script sends
MAX_BODY = 2000  # characters: a page request's parameters, not an upload


def _json_object(body: str) -> dict[str, Any] | None:
    """The body as a JSON object; None when it is no JSON at all; ValueError when it is broken JSON."""
    if body.lstrip()[:1] not in ("{", "["):
        return None
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:
        # The position only, not the decoder's message: that quotes the body (a token perhaps).
        where = f" (at character {exc.pos})" if isinstance(exc, json.JSONDecodeError) else ""
        raise ValueError(f"json_body starts like JSON but is not valid JSON{where}") from None
    if not isinstance(data, dict):
        raise ValueError("json_body is JSON but not an object ({...}); a list cannot be paged")
    return data


def _form(body: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(body, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise ValueError(
            'json_body is neither a JSON object ({"pageNo": 1}) nor a form (pageNo=1&channelId=123)'
        ) from None


def _page_number(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**6:
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 6:
        return int(value)
    return None


def _plus_one(value: str) -> str:
    """A page number written as digits, one higher, as wide as it was ("01" -> "02", "09" -> "10")."""
    return str(int(value) + 1).zfill(len(value))


def _json_holder(data: dict[str, Any], path: str) -> tuple[dict[str, Any], str] | None:
    """The object holding the page field at a dotted path, and the field's key; None when there is none."""
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node.get(part) if isinstance(node, dict) else None
    return (node, last) if isinstance(node, dict) and last in node else None


def check_body(body: str, page_field: str = "") -> None:
    """ValueError saying what is wrong with a json_body (and with json_next as its page field)."""
    if len(body) > MAX_BODY:
        raise ValueError(f"json_body is longer than {MAX_BODY} characters")
    if not body.strip():
        raise ValueError("json_body is empty")
    if _json_object(body) is None:
        _form(body)
    if page_field and not next_page_body(body, page_field):
        raise ValueError(f"json_next {page_field!r} is not a page number (such as 1) in json_body")


def body_content(body: str) -> tuple[bytes, str]:
    """The bytes to POST and their Content-Type (a JSON object, else a form), sent as written."""
    return body.encode("utf-8"), JSON_TYPE if _json_object(body) is not None else FORM_TYPE


def next_page_body(body: str, page_field: str) -> str:
    """body with its page field one higher, in the same form (JSON or form); '' when it has no such number."""
    data = _json_object(body)
    if data is not None:
        found = _json_holder(data, page_field)
        number = _page_number(found[0][found[1]]) if found else None
        if found is None or number is None:
            return ""
        holder, key = found
        # A number stays a number, a string a string: servers compare them strictly.
        holder[key] = number + 1 if isinstance(holder[key], int) else _plus_one(holder[key])
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    _form(body)
    # Only the page field's value changes; the rest goes as written (its escapes, its order, its + for space).
    parts = body.split("&")
    for i, part in enumerate(parts):
        name, sep, value = part.partition("=")
        if sep and unquote_plus(name) == page_field and _page_number(value) is not None:
            parts[i] = f"{name}={_plus_one(value)}"
            return "&".join(parts)
    return ""
