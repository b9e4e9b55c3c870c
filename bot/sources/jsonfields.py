"""A JSON listing source's explicit choices (json_items, json_title, json_url, json_date, url_template, json_next).

Stored as the source's item_selector, "items=data.list title=docTitle template=https://x/{id}.html", so a
JSON source needs no column of its own; the config, /addsource and the CLI all write it through here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

__all__ = ["CONFIG_KEYS", "PLACEHOLDER", "JsonFields", "parse_fields"]

# The config's keys and the item_selector names they are stored under.
CONFIG_KEYS = {
    "json_items": "items",
    "json_title": "title",
    "json_url": "url",
    "json_date": "date",
    "url_template": "template",
    "json_next": "next",
}


@dataclass(frozen=True, slots=True)
class JsonFields:
    """Explicit choices for a JSON listing; '' leaves that one to discovery."""

    items: str = ""  # dotted path to the array: "data.list", "result.0.rows"
    title: str = ""  # a member's title field (dotted within the member)
    url: str = ""  # a member's link field
    date: str = ""  # a member's date field
    template: str = ""  # a link made of fields: "https://example.org/art/{id}.html"
    next: str = ""  # the endpoint URL's page-number parameter ("pageNo"): the next page adds one to it

    def selector(self) -> str:
        """The item_selector these are stored as (parse_fields reads it back)."""
        return " ".join(f"{f.name}={getattr(self, f.name)}" for f in fields(self) if getattr(self, f.name))


PLACEHOLDER = re.compile(r"\{([^{}\s]{1,64})\}")
_PARAM = re.compile(r"^[\w.\[\]-]{1,64}$")


def parse_fields(selector: str) -> JsonFields:
    """The JsonFields an item_selector names; ValueError saying what is wrong with it."""
    names = {f.name for f in fields(JsonFields)}
    values: dict[str, str] = {}
    for token in selector.split():
        name, sep, value = token.partition("=")
        if not sep or name not in names or not value:
            raise ValueError(
                f"{token!r} is not one of items=, title=, url=, date=, template=, next= (with a value)"
            )
        if name in values:
            raise ValueError(f"{name}= is given twice")
        values[name] = value
    template = values.get("template", "")
    if template and not PLACEHOLDER.search(template):
        raise ValueError(f"the url template {template!r} names no field, such as {{id}}")
    if not _PARAM.match(values.get("next", "p")):
        raise ValueError(f"next={values['next']!r} is not a query parameter name")
    return JsonFields(**values)
