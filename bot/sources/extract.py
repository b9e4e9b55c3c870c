"""Article extraction from one HTML page: main text (trafilatura, guarded), title and publication date.

The only module that imports trafilatura. On old table layouts trafilatura's defaults return the whole page
(text.md), so its output is checked for link-heavy or table-shaped text and, when it looks like a whole page,
compared with trafilatura's bundled readability port and a no-tables/recall run; the cleanest wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import trafilatura
from trafilatura.readability_lxml import Document

from bot.dates import find_labelled_date, parse_datetime
from bot.sources.markup import element_text, html_to_text, parse_html

__all__ = ["Article", "clean_lines", "extract_article", "page_title"]


@dataclass(frozen=True, slots=True)
class Article:
    """What a notice page says: its title, its text (paragraphs separated by a blank line), its date."""

    title: str
    text: str
    published: datetime | None = None


# Short lines that are page furniture, not notice text (editor/source credits, print/close buttons, licences).
_CREDIT = re.compile(
    r"^[【\[(（]?\s*(?:责任编辑|责编|编辑|来源|稿源|作者|审核|校对|审校|初审|复审|终审|供稿|摄影|发布人|"
    r"浏览次数|点击数|阅读次数)\s*[:：]"
)
_BUTTONS = re.compile(
    r"^(?:[【\[]?\s*(?:打印|关闭|关闭窗口|打印本页|打印此页|收藏|分享到?|返回顶部|返回|字号|大|中|小|默认|"
    r"纠错|扫一扫|下载|上一篇|下一篇)\s*[】\]]?[\s|/:：]*)+$"
)
_FOOTER = re.compile(
    r"ICP|公网安备|版权所有|版权声明|Copyright|©|All rights reserved|许可证|主办单位|承办单位", re.I
)
_PUBLISHED_LINE = re.compile(r"^(?:发布|发表|发文|更新)(?:时间|日期)\s*[:：]")
_TITLE_SEPARATORS = "-_|｜—–·"
_TITLE_SUFFIX = re.compile(
    rf"\s*[{re.escape(_TITLE_SEPARATORS)}]\s*[^{re.escape(_TITLE_SEPARATORS)}]{{1,16}}$"
)
_DATE_META = (
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "article:published_time",
    "og:release_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "date",
)
_MIN_TEXT = 40  # characters; below this an extraction result is treated as empty


def extract_article(html: str, url: str = "") -> Article:
    """Extract the article from an HTML page; text is '' when no article body was found."""
    tree = parse_html(html)
    title = page_title(tree)
    anchors = _anchor_texts(tree)
    page_text = html_to_text(tree.find("body") if tree.find("body") is not None else tree)
    published = _published(tree, page_text, title)

    text = _trafilatura(html, url)
    if _noisy(text, anchors):
        readable = _readability(tree)
        if _badness(readable, anchors) < 0.05:
            text = readable  # clean already: skip a second, slower trafilatura run
        else:
            candidates = [text, readable, _trafilatura(html, url, include_tables=False, favor_recall=True)]
            text = min(candidates, key=lambda c: _badness(c, anchors))
    if _link_density(text, anchors) > 0.5:
        text = ""  # only link texts left: a page of navigation, not an article
    text = clean_lines(text, title)
    return Article(title=title, text=text, published=published)


def _trafilatura(html: str, url: str, **options: Any) -> str:
    result = trafilatura.extract(
        html,
        url=url or None,
        include_comments=False,
        include_images=False,
        deduplicate=False,
        fast=True,  # our own guard below compares with readability; trafilatura need not do it twice
        **options,
    )
    # trafilatura's txt output puts one paragraph per line; we want a blank line between paragraphs.
    lines = [line.strip() for line in (result or "").splitlines()]
    return "\n\n".join(line for line in lines if line)


def _readability(tree: Any) -> str:
    # readability mutates the tree it is given, and it is the last use of this tree.
    return html_to_text(Document(tree).summary())


def _anchor_texts(tree: Any) -> frozenset[str]:
    texts = (element_text(a) for a in tree.iter("a"))
    return frozenset(t for t in texts if len(t) >= 2)


def _link_density(text: str, anchors: frozenset[str]) -> float:
    """Share of the text's characters that are whole link texts of the page (nav, leader lists, link lists)."""
    total = linked = 0
    for line in text.splitlines():
        for part in re.split(r"\s*\|\s*|\s{2,}", line.strip()):
            total += len(part)
            if part in anchors or any(word in anchors for word in part.split()):
                linked += len(part)
    return linked / total if total else 0.0


def _table_rows(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.count("|") >= 1)


def _noisy(text: str, anchors: frozenset[str]) -> bool:
    return len(text) < _MIN_TEXT or _link_density(text, anchors) > 0.08 or _table_rows(text) >= 3


def _badness(text: str, anchors: frozenset[str]) -> float:
    if len(text) < _MIN_TEXT:
        return 10.0
    return _link_density(text, anchors) + min(_table_rows(text), 20) / 20


def clean_lines(text: str, title: str = "") -> str:
    """Drop furniture lines (credits, print/close, licence footer, the repeated title) from extracted text."""
    kept: list[str] = []
    for para in text.split("\n\n"):
        lines = [line for line in para.splitlines() if not _furniture(line.strip(), title)]
        if lines:
            kept.append("\n".join(lines))
    return "\n\n".join(kept)


def _furniture(line: str, title: str) -> bool:
    if not line or (title and line == title):
        return True
    if len(line) > 120:  # real paragraphs are long; furniture lines are short
        return False
    return bool(
        (len(line) <= 60 and (_CREDIT.match(line) or _PUBLISHED_LINE.match(line)))
        or _BUTTONS.match(line)
        or _FOOTER.search(line)
    )


def page_title(tree: Any) -> str:
    """The page's title: its <h1> when that agrees with <title>, else <title> minus the site suffix."""
    title_el = tree.find(".//title")
    full = element_text(title_el) if title_el is not None else ""
    stripped = _strip_suffix(full)
    for h1 in tree.iter("h1"):
        heading = element_text(h1)
        # A logo is often the page's only <h1>; only a heading that is (part of) the title counts.
        if len(heading) >= 4 and (not full or heading in full or stripped in heading):
            return heading
    return stripped


def _strip_suffix(title: str) -> str:
    # "通知标题-工会-中工网": drop short trailing segments (section, site name) while a real title remains.
    while True:
        match = _TITLE_SUFFIX.search(title)
        if not match or len(title) - len(match.group(0)) < 6:
            return title.strip()
        title = title[: match.start()]


def _published(tree: Any, page_text: str, title: str) -> datetime | None:
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_META:
            value = parse_datetime(meta.get("content") or "")
            if value is not None:
                return value
    labelled = find_labelled_date(page_text)
    if labelled is not None:
        return labelled
    # Old pages print the bare date under the headline; a date elsewhere (the header's "today") is not it.
    if title:
        start = page_text.find(title[:20])
        if start >= 0:
            return parse_datetime(page_text[start + len(title) : start + len(title) + 200])
    return None
