"""OPML import and export of sources, the format every feed reader exchanges subscriptions in."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from bot.config import source_spec, unique_name
from bot.errors import ConfigError, NoticebotError
from bot.models import SourceSpec

__all__ = ["OPMLError", "export_opml", "parse_opml"]

_NS = (
    "https://noticebot.invalid/opml"  # our extra attributes (page sources, selectors) live in this namespace
)


class OPMLError(NoticebotError):
    """The OPML document cannot be read."""


def parse_opml(data: bytes, *, taken: Iterable[str] = ()) -> list[SourceSpec]:
    """Read sources from OPML: every outline with an xmlUrl (a feed) or a noticebot page URL."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OPMLError(f"not a readable OPML file: {exc}") from None
    if root.tag != "opml":
        raise OPMLError("not an OPML file: the root element is not <opml>")
    names = set(taken)
    specs: list[SourceSpec] = []
    for i, outline in enumerate(root.iter("outline")):
        url = outline.get("xmlUrl") or outline.get(f"{{{_NS}}}pageUrl")
        if not url:
            continue  # a folder
        kind = outline.get(f"{{{_NS}}}kind") or ("feed" if outline.get("xmlUrl") else "page")
        wanted = outline.get(f"{{{_NS}}}name") or ""
        label = outline.get("title") or outline.get("text") or url
        name = wanted if wanted and wanted not in names else unique_name(wanted or label, names)
        names.add(name)
        table: dict[str, object] = {"name": name, "url": url, "kind": kind}
        if outline.get(f"{{{_NS}}}interval"):
            table["interval"] = outline.get(f"{{{_NS}}}interval")
        if outline.get(f"{{{_NS}}}selector"):
            table["item_selector"] = outline.get(f"{{{_NS}}}selector")
        try:
            specs.append(source_spec(table, f"outline[{i}]"))
        except ConfigError as exc:
            raise OPMLError(f"outline {label!r}: {exc}") from None
    return specs


def export_opml(specs: Iterable[SourceSpec], title: str = "noticebot sources") -> bytes:
    """Write sources as OPML 2.0; page and JSON sources keep their kind and selector in noticebot attributes."""
    ET.register_namespace("noticebot", _NS)
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    for spec in specs:
        attrs = {"text": spec.name, "title": spec.name, f"{{{_NS}}}name": spec.name}
        if spec.kind in ("page", "json"):  # not a feed: other readers must not poll it as one
            attrs.update({"type": "link", "htmlUrl": spec.url, f"{{{_NS}}}pageUrl": spec.url})
        else:
            attrs.update({"type": "rss", "xmlUrl": spec.url})
        attrs[f"{{{_NS}}}kind"] = spec.kind
        if spec.interval:
            attrs[f"{{{_NS}}}interval"] = f"{int(spec.interval)}s"
        if spec.item_selector:
            attrs[f"{{{_NS}}}selector"] = spec.item_selector
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data
