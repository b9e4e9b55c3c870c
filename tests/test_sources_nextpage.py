"""A listing page's next page: rel="next", next-page link texts, the createPageHTML pager; same site only; when to read it."""

from __future__ import annotations

import pytest

from bot.sources.nextpage import find_next_page, next_from_script
from bot.sources.paging import overflows

PAGE = "http://www.example.gov.cn/zwgk/tzgg/index.html"


def page(body: str, head: str = "") -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_rel_next_in_the_head_or_on_a_link() -> None:
    assert find_next_page(page("", "<link rel='next' href='index_1.html'>"), PAGE) == (
        "http://www.example.gov.cn/zwgk/tzgg/index_1.html"
    )
    assert find_next_page(page("<a rel='nofollow next' href='?page=2'>2</a>"), PAGE) == PAGE + "?page=2"


@pytest.mark.parametrize(
    "text", ["下一页", "下页", "后页", "Next", "next page", "Next »", "[下一页]", "下一页>", "›", "»", "&gt;"]
)
def test_next_page_link_texts(text: str) -> None:
    html = page(f"<div class='pager'><a href='list_1.html'>上一页</a> <a href='list_3.html'>{text}</a></div>")
    assert find_next_page(html, "http://a.example.org/list_2.html") == "http://a.example.org/list_3.html"


@pytest.mark.parametrize(
    "text", ["上一页", "尾页", "下一篇：关于做好安全生产工作的通知", "Next steps for schools"]
)
def test_other_links_are_not_the_next_page(text: str) -> None:
    assert find_next_page(page(f"<a href='list_3.html'>{text}</a>"), "http://a.example.org/list_2.html") == ""


def test_the_cms_pager_script() -> None:
    html = page('<div id=\'page_div\'></div><script>createPageHTML(7, 0, "index", "html");</script>')
    assert find_next_page(html, PAGE) == "http://www.example.gov.cn/zwgk/tzgg/index_1.html"
    # A directory URL stands for its index page; page 3 of 7 leads to page 4.
    html = page("<script>createPageHTML(7, 3, 'index', 'shtml');</script>")
    assert (
        find_next_page(html, "http://www.example.gov.cn/zwgk/")
        == "http://www.example.gov.cn/zwgk/index_4.shtml"
    )


def test_the_pager_script_with_a_div_id_first_and_variables() -> None:
    script = (
        "var currentPage = 2;//所在页从0开始\nvar countPage = 9//共多少页\n"
        "createPageHTML('page_div', countPage, currentPage, 'index', 'html', 180);"
    )
    assert next_from_script(script, PAGE) == "http://www.example.gov.cn/zwgk/tzgg/index_3.html"


def test_the_last_page_has_no_next() -> None:
    assert find_next_page(page("<script>createPageHTML(3, 2, 'index', 'html');</script>"), PAGE) == ""
    # The pager function's own definition is not a call with numbers.
    definition = "function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) { }"
    assert next_from_script(definition, PAGE) == ""
    assert find_next_page(page("<p>第1页 共1页</p>"), PAGE) == ""


def test_a_pager_call_with_non_ascii_digits_is_no_pager() -> None:
    # "²" passes str.isdigit() but not int(): the page is read as having no next page, not as an error.
    assert next_from_script("createPageHTML(7, ², 'index', 'html');", PAGE) == ""
    assert find_next_page(page("<script>createPageHTML(²7, 0, 'index', 'html');</script>"), PAGE) == ""


def test_off_site_script_and_self_links_are_refused() -> None:
    assert find_next_page(page("<a href='http://other.example.net/list_2.html'>下一页</a>"), PAGE) == ""
    assert find_next_page(page("", "<link rel='next' href='https://evil.example.com/p2'>"), PAGE) == ""
    assert find_next_page(page("<a href='javascript:goPage(2)'>下一页</a>"), PAGE) == ""
    assert find_next_page(page("<a href='index.html'>下一页</a>"), PAGE) == ""  # the page itself
    # www. and the bare host are one site.
    assert (
        find_next_page(page("<a href='http://example.gov.cn/zwgk/tzgg/index_1.html'>下一页</a>"), PAGE) != ""
    )


def test_a_page_overflows_when_everything_below_its_pinned_notices_is_new() -> None:
    assert overflows(["n3", "n2", "n1"], set())
    assert overflows(["old", "n2", "n1"], {"old"})  # an old notice pinned above the list
    assert not overflows(["n2", "n1", "old"], {"old"})  # the list has reached what was seen
    assert not overflows(["old", "n1", "older"], {"old", "older"})
    assert not overflows(["old"], {"old"}) and not overflows([], set())
