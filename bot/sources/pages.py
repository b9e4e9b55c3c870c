"""Notice links on an HTML listing page: by CSS selector, or auto-detected (dated, same path, real titles).

Auto-detection scores every same-site link, groups links by their position in the page (the same tag path
from <body> down), and returns the best group: a list of notices is a run of structurally identical rows,
while navigation, leader lists, pagination and footers are other groups with short, undated, off-path links.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from bot.dates import parse_datetime, plausible_date
from bot.sources.markup import css_select, element_text, parse_html
from bot.sources.urls import canonical_url, same_site

__all__ = ["PageLink", "base_href", "find_notice_links", "usable_url"]


@dataclass(frozen=True, slots=True)
class PageLink:
    """One notice link on a listing page."""

    url: str  # absolute and canonical
    title: str
    published: datetime | None = None  # the date printed next to the link, when there is one


_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "#", "ftp:", "weixin:")
# Containers whose links are never notices (matched on tag, id and class).
_FURNITURE = re.compile(
    r"\b(?:nav|navbar|menu|header|footer|foot|breadcrumb|crumb|pag(?:e|er|ing|ination)|copyright|friend|"
    r"links?|yq|toolbar|share|login|search|banner|logo|sitemap)\b",
    re.I,
)
_PAGINATION = re.compile(
    r"^(?:首页|上一?页|下一?页|尾页|末页|更多|more|next|prev(?:ious)?|last|first|\d{1,3}|[<>«»]+)\W*$", re.I
)
_ROW_TAGS = frozenset({"tr", "li", "dd", "dt", "p"})
_ARTICLE_URL = re.compile(r"\d{3,}|t\d{8}|content|detail|article|info|show", re.I)


@dataclass(slots=True)
class _Candidate:
    url: str
    title: str
    published: datetime | None
    group: str
    score: float


def find_notice_links(html: str, base_url: str, selector: str = "") -> list[PageLink]:
    """The notice links of a listing page, in page order, each URL once.

    With a selector, the matching elements are the links (or contain them); otherwise auto-detection.
    Raises ValueError for an invalid selector.
    """
    tree = parse_html(html)
    base = base_href(tree, base_url)
    rows = _Rows()
    if selector:
        return _by_selector(tree, base, selector, rows)
    return _auto(tree, base, rows)


def base_href(tree: Any, base_url: str) -> str:
    """The URL a page's relative links resolve against: its <base href>, else the page's own URL."""
    for el in tree.iter("base"):
        href = el.get("href")
        if href:
            return canonical_url(href, base_url) or base_url
    return base_url


def _by_selector(tree: Any, base: str, selector: str, rows: _Rows) -> list[PageLink]:
    links: list[PageLink] = []
    seen: set[str] = set()
    for el in css_select(tree, selector):
        anchors = [el] if el.tag == "a" else list(el.iter("a"))
        for a in anchors:
            url = usable_url(a.get("href") or "", base, require_same_site=False)
            if url and url not in seen:
                seen.add(url)
                links.append(PageLink(url, _link_title(a), rows.date_near(a)))
    return links


def _auto(tree: Any, base: str, rows: _Rows) -> list[PageLink]:
    listing_dir = urlsplit(base).path.rsplit("/", 1)[0] + "/"
    candidates: list[_Candidate] = []
    for a in tree.iter("a"):
        url = usable_url(a.get("href") or "", base, require_same_site=True)
        if not url or url.rstrip("/") == base.rstrip("/") or _in_furniture(a):
            continue
        title = _link_title(a)
        if not title or _PAGINATION.match(title):
            continue
        published = rows.date_near(a)
        candidates.append(
            _Candidate(url, title, published, rows.signature(a), _score(url, title, published, listing_dir))
        )

    groups: dict[str, list[_Candidate]] = defaultdict(list)
    for c in candidates:
        groups[c.group].append(c)
    if not groups:
        return []
    best = max(groups.values(), key=lambda g: sum(max(c.score, 0) for c in g))
    if sum(c.score for c in best) / len(best) < 2:
        return []  # nothing looks like a list of notices
    out: list[PageLink] = []
    seen: set[str] = set()
    # The same article is often linked twice in one row (thumbnail + title): keep the titled one.
    by_url: dict[str, _Candidate] = {}
    for c in best:
        if c.score >= 1 and (c.url not in by_url or len(c.title) > len(by_url[c.url].title)):
            by_url[c.url] = c
    for c in best:
        if c.url in by_url and c.url not in seen:
            seen.add(c.url)
            chosen = by_url[c.url]
            out.append(PageLink(chosen.url, chosen.title, chosen.published))
    return out


def _score(url: str, title: str, published: datetime | None, listing_dir: str) -> float:
    score = 0.0
    if published is not None:
        score += 3
    if urlsplit(url).path.startswith(listing_dir) and listing_dir != "/":
        score += 2
    if _ARTICLE_URL.search(urlsplit(url).path + "?" + urlsplit(url).query):
        score += 1
    if len(title) >= 10:
        score += 2
    elif len(title) >= 6:
        score += 1
    else:
        score -= 2  # 首页, 工会, a leader's name
    return score


def usable_url(href: str, base: str, *, require_same_site: bool) -> str:
    """href resolved against base; '' for a script, mail or anchor link (or another site's, when required)."""
    href = href.strip()
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return ""
    url = canonical_url(href, base)
    if not url or (require_same_site and not same_site(url, base)):
        return ""
    return url


def _link_title(a: Any) -> str:
    title = element_text(a)
    if not title or title.endswith(("...", "…")):
        # Listings truncate long titles in the text and keep the full one in the title attribute.
        attr = (a.get("title") or "").strip()
        if len(attr) > len(title.rstrip(".…")):
            return attr
    return title


def _row_of(a: Any) -> Any:
    el = a.getparent()
    for _ in range(6):
        if el is None:
            break
        if el.tag in _ROW_TAGS:
            return el
        el = el.getparent()
    return a.getparent()


class _Rows:
    """Per-page caches, so that detection stays linear when hundreds of links share one row."""

    def __init__(self) -> None:
        self._text: dict[Any, str] = {}
        self._links: dict[Any, int] = {}
        self._signature: dict[Any, str] = {}

    def date_near(self, a: Any) -> datetime | None:
        own = _plausible(parse_datetime(element_text(a)))
        if own is not None:
            return own
        row = _row_of(a)
        if row is None:
            return None
        if row not in self._links:
            self._links[row] = sum(1 for _ in row.iter("a"))
        if self._links[row] > _ROW_LINKS:
            # Not a row of one notice but a block of many: the date is what follows the link.
            return _plausible(parse_datetime(_text_after(a)))
        if row not in self._text:
            self._text[row] = element_text(row)
        # The row's text minus the link's own text: "[2020-02-03]" in the next cell or a <span> beside it.
        return _plausible(parse_datetime(self._text[row].replace(element_text(a), " ")))

    def signature(self, a: Any) -> str:
        row = _row_of(a)
        if row not in self._signature:
            self._signature[row] = _signature(row)
        return self._signature[row]


_ROW_LINKS = 4  # a title link, a thumbnail, an attachment: more than this is a block, not a row
_NEAR_CHARS = 80  # how much text after a link may carry its date


def _text_after(a: Any) -> str:
    parts = [a.tail or ""]
    sibling = a.getnext()
    # The next element's text (a <span>, a <td>) until the next link, bounded in size.
    if sibling is not None and sibling.tag != "a" and not len(sibling.findall(".//a")):
        parts.append(element_text(sibling)[:_NEAR_CHARS])
    return " ".join(parts)[: _NEAR_CHARS * 2]


def _plausible(value: datetime | None) -> datetime | None:
    return value if value is not None and plausible_date(value) else None


def _in_furniture(a: Any) -> bool:
    el = a.getparent()
    while el is not None and el.tag != "body":
        if el.tag in ("nav", "header", "footer"):
            return True
        marks = f"{el.get('id') or ''} {el.get('class') or ''}"
        if marks.strip() and _FURNITURE.search(marks):
            return True
        el = el.getparent()
    return False


def _signature(row: Any) -> str:
    # Tag path with classes, no indexes: repeated rows (and repeated one-row tables) share it.
    parts: list[str] = []
    el = row
    while el is not None and el.tag not in ("body", "html"):
        parts.append(f"{el.tag}.{(el.get('class') or '').strip()}")
        el = el.getparent()
    return "/".join(reversed(parts))
