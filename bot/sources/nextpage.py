"""A listing page's next page: rel="next", a 下一页/Next link, or the CMS script createPageHTML(...)."""

from __future__ import annotations

import re
from typing import Any

from bot.sources.markup import parse_html
from bot.sources.pages import base_href, usable_url
from bot.sources.urls import canonical_url, same_site

__all__ = ["find_next_page", "next_from_script"]

# The whole text of a next-page link, brackets and arrows around it allowed: "[下一页]", "下一页 >", "Next »".
_NEXT_TEXT = re.compile(
    r"^[\s\[【(（<«‹]*(?:下一页|下页|后页|next(?:\s+page)?)[\s\]】)）>»›]*$|^\s*(?:›|»|>)\s*$", re.I
)
# TRS WCM and its clones write the pager from a script: createPageHTML(total, current, "index", "html"),
# where page 0 is index.html and page k is index_k.html; newer versions put a div id first.
_CREATE_PAGE = re.compile(r"createPageHTML\s*\(([^()]{1,300})\)")
# "var countPage = 9//共多少页": a whole number, whatever comes after it (often no semicolon).
_VAR = re.compile(r"\bvar\s+([A-Za-z_$][\w$]*)\s*=\s*(\d{1,6})(?![\w.])(?!\s*[-+*])")
_NAME = re.compile(r"^[\w.-]{1,64}$")


def find_next_page(html: str, page_url: str) -> str:
    """The URL of the page after this listing page, canonical and on page_url's site; '' if none.

    Only same-site URLs come back: a next link is followed without asking anyone, so it must not lead the
    poller to another host (a next page that redirects off-site is dropped by bot.sources.paging).
    """
    tree = parse_html(html)
    base = base_href(tree, page_url)
    for url in (_by_rel(tree, base), _by_text(tree, base), _by_script(tree, base)):
        if url and same_site(url, page_url) and url.rstrip("/") != page_url.rstrip("/"):
            return url
    return ""


def next_from_script(script: str, base: str) -> str:
    """The next page a createPageHTML(total, current, name, ext) call in script points at; '' if none."""
    variables = {name: int(value) for name, value in _VAR.findall(script)}
    for call in _CREATE_PAGE.finditer(script):
        args = [_arg(a, variables) for a in call.group(1).split(",")]
        # The pager's four arguments, wherever they start: two numbers, then the file name and extension.
        for i in range(len(args) - 3):
            total, current, name, ext = args[i : i + 4]
            if not (isinstance(total, int) and isinstance(current, int)):
                continue
            if not (
                isinstance(name, str) and isinstance(ext, str) and _NAME.match(name) and _NAME.match(ext)
            ):
                continue
            if current + 1 >= total:
                return ""  # the last page
            return canonical_url(f"{name}_{current + 1}.{ext}", base)
    return ""


def _arg(raw: str, variables: dict[str, int]) -> int | str | None:
    text = raw.strip()
    # ASCII only: isdigit() also holds for "²", which int() refuses (a hostile page must not fail the poll).
    if text.isascii() and text.isdigit():
        return int(text)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1].strip()
    return variables.get(text)


def _by_rel(tree: Any, base: str) -> str:
    for el in tree.iter("link", "a"):
        if "next" in (el.get("rel") or "").lower().split():
            url = usable_url(el.get("href") or "", base, require_same_site=False)
            if url:
                return url
    return ""


def _by_text(tree: Any, base: str) -> str:
    for a in tree.iter("a"):
        # The raw text is enough for a word or an arrow (and cheap on a 40,000-link listing); an icon link
        # has only its title attribute.
        text = " ".join(a.text_content().split()[:4]) or (a.get("title") or "").strip()
        if text and len(text) <= 20 and _NEXT_TEXT.match(text):
            url = usable_url(a.get("href") or "", base, require_same_site=False)
            if url:
                return url
    return ""


def _by_script(tree: Any, base: str) -> str:
    # All scripts together: the variables a call names are often set in an earlier block than the call.
    every = "\n".join(el.text or "" for el in tree.iter("script"))
    return next_from_script(every, base) if "createPageHTML" in every else ""
