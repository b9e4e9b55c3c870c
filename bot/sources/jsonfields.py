"""A JSON listing source's explicit choices (json_items, json_title, json_url, json_date, url_template, json_next,
json_method, json_body).

Stored as the source's item_selector, "items=data.list title=docTitle template=https://x/{id}.html", so a
JSON source needs no column of its own; the config, /addsource and the CLI all write it through here. A POST
body is stored percent-encoded ("method=POST body=%7B%22pageNo%22%3A1%7D"): its spaces would split the tokens.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from urllib.parse import quote, unquote

from bot.sources.jsonbody import check_body

__all__ = [
    "CONFIG_KEYS",
    "METHODS",
    "PLACEHOLDER",
    "BodyNotLast",
    "JsonFields",
    "check_post",
    "parse_fields",
    "typed_selector",
]

# The config's keys and the item_selector names they are stored under.
CONFIG_KEYS = {
    "json_items": "items",
    "json_title": "title",
    "json_url": "url",
    "json_date": "date",
    "url_template": "template",
    "json_next": "next",
    "json_method": "method",
    "json_body": "body",
}
METHODS = ("GET", "POST")


@dataclass(frozen=True, slots=True)
class JsonFields:
    """Explicit choices for a JSON listing; '' leaves that one to discovery."""

    items: str = ""  # dotted path to the array: "data.list", "result.0.rows"
    title: str = ""  # a member's title field (dotted within the member)
    url: str = ""  # a member's link field
    date: str = ""  # a member's date field
    template: str = ""  # a link made of fields: "https://example.org/art/{id}.html"
    next: str = ""  # the page-number parameter ("pageNo") of the URL, or of the body when POST: next page +1
    method: str = ""  # "POST" (a body implies it); "" or "GET" reads the endpoint with a GET
    body: str = ""  # the POST body: a JSON object or a form (bot.sources.jsonbody)

    @property
    def post(self) -> bool:
        """Whether the endpoint is read with a POST."""
        return self.method == "POST" or bool(self.body)

    def selector(self) -> str:
        """The item_selector these are stored as (parse_fields reads it back)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["body"] = quote(self.body, safe="")
        values["method"] = "POST" if self.post else ""
        return " ".join(f"{name}={value}" for name, value in values.items() if value)


PLACEHOLDER = re.compile(r"\{([^{}\s]{1,64})\}")
_PARAM = re.compile(r"^[\w.\[\]-]{1,64}$")


def parse_fields(selector: str) -> JsonFields:
    """The JsonFields an item_selector names; ValueError saying what is wrong with it (never quoting a word
    after body=: that may be a piece of a body typed with spaces, a token perhaps)."""
    names = {f.name for f in fields(JsonFields)}
    values: dict[str, str] = {}
    for token in selector.split():
        name, sep, value = token.partition("=")
        if not sep or name not in names or not value:
            what = "a word after body=" if "body" in values else repr(name[:40])
            raise ValueError(
                f"{what} is not one of items=, title=, url=, date=, template=, next=, method=, body= "
                "(with a value)"
            )
        if name in values:
            raise ValueError(f"{name}= is given twice")
        values[name] = value
    template = values.get("template", "")
    if template and not PLACEHOLDER.search(template):
        raise ValueError(f"the url template {template!r} names no field, such as {{id}}")
    if not _PARAM.match(values.get("next", "p")):
        raise ValueError(f"next={values['next']!r} is not a query parameter name")
    method = values.get("method", "").upper()
    if method and method not in METHODS:
        raise ValueError(f"method={values['method'][:20]!r} is not GET or POST")
    if "body" in values:
        values["body"] = unquote(values["body"])
        check_post(method, values["body"], values.get("next", ""))
    values["method"] = "POST" if method == "POST" or "body" in values else ""
    return JsonFields(**values)


def check_post(method: str, body: str, page_field: str) -> None:
    """ValueError saying what is wrong with a POST body given with this method ("GET", "POST" or "") and this
    page field (json_next)."""
    if method.upper() == "GET":
        raise ValueError("a body is sent only with method=POST")
    check_body(body, page_field)


def typed_selector(text: str) -> str:
    """An admin's typed choices (/addsource) as the item_selector they are stored as.

    body= comes last and runs to the end of the text, spaces included, taken literally: it is encoded here,
    once (JsonFields.selector), so that its own escapes (a%2Bb, 50%25, a%26b) reach the server as typed.
    Text without body= is returned as it is (a CSS selector, or fields without a body).
    """
    found = _TYPED_BODY.search(text)
    if found is None:
        return text
    body = found.group(1).strip()
    if not body:
        check_body(body)  # says it is empty
    late = _FIELD_IN_BODY.search(_after_json(body))
    if late is not None:  # "body=pageNo=1 next=pageNo": next= would be POSTed, not read as a field
        raise BodyNotLast(late.group(1))
    # Checked as it will be read back: parse_fields sees the method typed (method=GET with a body is refused).
    return parse_fields(f"{text[: found.start()]} body={quote(body, safe='')}").selector()


def _after_json(body: str) -> str:
    """The text after a JSON body's value, where a field typed after it would be: a JSON string may hold
    " date=" itself. A body that is no JSON value is checked whole."""
    if not body.startswith(("{", "[")):
        return body
    try:
        _, end = json.JSONDecoder().raw_decode(body)
    except ValueError:
        return body
    return body[end:]


_TYPED_BODY = re.compile(r"(?:^|\s)body=(.*)\Z", re.DOTALL)
# A field typed after body= (a space, then one of JsonFields' names and "="): most likely a mistake.
_FIELD_IN_BODY = re.compile(rf"\s({'|'.join(f.name for f in fields(JsonFields))})=")


class BodyNotLast(ValueError):
    """A field was typed after body= (which runs to the end): names the field, never quotes the body."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"body= must come last; {name}= after it would be sent inside the body")
