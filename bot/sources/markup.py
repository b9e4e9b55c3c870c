"""HTML parsing helpers over lxml (the only module that imports lxml and cssselect): tree, text, selectors.

Elements are typed as Any: lxml ships no type information.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.etree
import lxml.html
from cssselect import SelectorError

__all__ = ["css_select", "element_text", "html_to_text", "parse_html"]

# Tags whose content is never text a reader sees.
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "select", "option", "iframe", "object"})
_BLOCK = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "nav",
        "main",
        "blockquote",
        "pre",
        "form",
        "center",
        "figure",
        "figcaption",
        "address",
        "hr",
        "fieldset",
    ]
)
_PARA, _LINE = "\x00", "\x01"
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
# A source line break between two CJK characters is not a space in the rendered text.
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r]*\n\s*(?=[{_CJK}])")
_SPACES = re.compile(r"[\s\u3000\xa0]+")


def parse_html(text: str) -> Any:
    """Parse an HTML document leniently; an empty or unparsable string gives an empty <html>."""
    # lxml refuses str input that still carries an encoding declaration.
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return lxml.html.document_fromstring("<html><body></body></html>")
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>")


def html_to_text(source: str | Any) -> str:
    """Visible text of an HTML string or element: paragraphs separated by a blank line, <br> as newline."""
    if isinstance(source, str):
        if "<" not in source:
            return _normalise(source.replace("\n\n", _PARA))
        source = parse_html(source)
        body = source.find("body")
        source = body if body is not None else source
    out: list[str] = []
    _walk(source, out, top=True)
    return _normalise("".join(out))


def element_text(el: Any) -> str:
    """The element's visible text on one line (link titles, table cells)."""
    return " ".join(html_to_text(el).split())


def _walk(el: Any, out: list[str], top: bool = False) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in _SKIP or not tag:  # comments and processing instructions have a non-str tag
        if el.tail and not top:
            out.append(el.tail)
        return
    if tag == "br":
        out.append(_LINE)
    block = tag in _BLOCK
    if block:
        out.append(_PARA)
    if el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out)
    if block:
        out.append(_PARA)
    if el.tail and not top:
        out.append(el.tail)


def _normalise(raw: str) -> str:
    paragraphs: list[str] = []
    for para in raw.split(_PARA):
        lines = []
        for line in _CJK_BREAK.sub("", para).split(_LINE):
            line = _SPACES.sub(" ", line).strip()
            if line:
                lines.append(line)
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def css_select(root: Any, selector: str) -> list[Any]:
    """Elements matching a CSS selector; ValueError with a readable message if the selector is invalid."""
    try:
        return list(root.cssselect(selector))
    except SelectorError as exc:
        raise ValueError(f"invalid CSS selector {selector!r}: {exc}") from None
