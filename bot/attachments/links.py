"""Finding attachment links on an article page and in feed entries (enclosures, links, links in the body)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.attachments.kinds import EXTENSIONS, extension_of, kind_of_type
from bot.models import AttachmentLink
from bot.sources.markup import element_text, parse_html
from bot.sources.urls import canonical_url

__all__ = ["MAX_LINKS", "feed_attachment_links", "find_attachment_links", "merge_links"]

MAX_LINKS = 20  # a page listing more files than this is a download centre, not one notice's attachments
# Link texts that announce a file when the URL does not (download.jsp?id=…): 附件, 附件1：…, 下载,
# "Attachment", "Download the guidance (PDF)", "(Word 版)", "[PDF 2.1 MB]".
_FILE_WORDS = re.compile(
    r"^\s*附\s*件|附件\s*\d|下载|attachment|download|\(\s*(?:pdf|word|docx?|wps|excel|xlsx?)\b|"
    r"\b(?:pdf|word|docx?|excel|xlsx?)\s*(?:版|文件|格式|file|version|\d)|pdf\s*$",
    re.I,
)
# Pages, not files: a link text that says 附件 but points at another article page is not an attachment.
_PAGE_EXT = re.compile(r"\.(?:s?html?|php|aspx?)$", re.I)
_SKIP_ANCESTORS = frozenset({"nav", "header", "footer", "script", "style", "noscript", "select"})


def find_attachment_links(html: str | Any, base_url: str) -> list[AttachmentLink]:
    """Attachment links of a page (an HTML string or a parsed tree), in page order, each URL once."""
    tree = parse_html(html) if isinstance(html, str) else html
    found: list[AttachmentLink] = []
    for anchor in tree.iter("a"):
        link = _anchor_link(anchor, base_url)
        if link is not None:
            found.append(link)
    return merge_links(found)


def _anchor_link(anchor: Any, base_url: str) -> AttachmentLink | None:
    href = (anchor.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return None
    url = canonical_url(href, base_url)
    if not url:
        return None
    text = element_text(anchor) or (anchor.get("title") or "").strip()
    ext = extension_of(url) or extension_of(anchor.get("download") or "")
    # No file extension: only a link whose text announces a file, and that is not plainly a page, counts.
    if not ext and (
        not _FILE_WORDS.search(text) or _PAGE_EXT.search(url.split("?", 1)[0]) or url == base_url
    ):
        return None
    if _in_furniture(anchor):
        return None
    return AttachmentLink(url=url, name=_name(text, url), kind=EXTENSIONS.get(ext, ""))


def _in_furniture(el: Any) -> bool:
    parent = el.getparent()
    while parent is not None:
        tag = parent.tag.lower() if isinstance(parent.tag, str) else ""
        if tag in _SKIP_ANCESTORS:
            return True
        parent = parent.getparent()
    return False


def _name(text: str, url: str) -> str:
    # "附件1：XX实施方案.pdf" keeps its label; a bare "下载" or "点击此处" says less than the file name.
    text = " ".join(text.split())
    if len(text) >= 4 and not re.fullmatch(
        r"(?:点击)?(?:此处)?(?:下载|查看|附件)(?:附件)?|download|here", text, re.I
    ):
        return text[:200]
    tail = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    from urllib.parse import unquote

    return unquote(tail)[:200] or text or url


def feed_attachment_links(raw: Any, base_url: str, body_html: Iterable[str]) -> list[AttachmentLink]:
    """A feedparser entry's enclosures and file links, then the file links inside its content or summary."""
    found: list[AttachmentLink] = []
    candidates = list(raw.get("enclosures", []) or []) + [
        link for link in raw.get("links", []) or [] if link.get("rel") == "enclosure"
    ]
    for item in candidates:
        url = canonical_url(str(item.get("href", "") or ""), base_url)
        if not url:
            continue
        kind_type = str(item.get("type", "") or "").split(";", 1)[0].strip().lower()
        ext = extension_of(url)
        kind = EXTENSIONS.get(ext, "") or kind_of_type(kind_type)
        if not kind and not kind_type.startswith(("application/", "text/plain")):
            continue  # images, audio and video enclosures are not notice text
        found.append(
            AttachmentLink(url=url, name=str(item.get("title", "") or "") or _name("", url), kind=kind)
        )
    for html in body_html:
        if html and "<a" in html.lower():
            found += find_attachment_links(html, base_url)
    return merge_links(found)


def merge_links(links: Iterable[AttachmentLink]) -> list[AttachmentLink]:
    """Each URL once (the first, most descriptive mention wins), at most MAX_LINKS."""
    seen: dict[str, AttachmentLink] = {}
    for link in links:
        if link.url not in seen:
            seen[link.url] = link
    return list(seen.values())[:MAX_LINKS]
