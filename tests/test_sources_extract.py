"""Article extraction on seed-shaped pages: old table layout (GBK) and div/p layout."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.dates import CHINA_TZ
from bot.sources.decode import decode_body
from bot.sources.extract import Article, clean_lines, extract_article, page_title
from bot.sources.markup import parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
TITLE = "全国总工会下发《关于充分发挥工会组织作用 团结动员广大职工坚决打赢新型冠状病毒感染肺炎疫情防控阻击战的通知》"
ABSENT = [
    "王东明",
    "全国总工会主席",
    "中工网首页",
    "责任编辑",
    "编辑:",
    "来源:",
    "ICP",
    "京公网安备",
    "友情链接",
    "Copyright",
    "打印",
    "关闭",
    "工会系统慰问一线医务人员",
    "扫码关注",
    "2024年5月1日",
]


def _extract(name: str) -> Article:
    return extract_article(
        decode_body((FIXTURES / name).read_bytes(), "text/html"), "http://www.example.org/a.htm"
    )


@pytest.mark.parametrize("name", ["article-table-gbk.html", "article-div-utf8.html"])
def test_article_alone_on_both_layouts(name: str) -> None:
    article = _extract(name)
    assert article.title == TITLE
    assert article.published == datetime(2020, 2, 3, 4, 14, 42, tzinfo=UTC)
    assert article.published.astimezone(CHINA_TZ).date().isoformat() == "2020-02-03"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("中工网北京2月2日讯")
    assert [p[:6] for p in paragraphs[1:]] == ["《通知》要求", "《通知》强调", "《通知》指出", "《通知》要求"]
    for furniture in ABSENT:
        assert furniture not in article.text, furniture


def test_title_from_title_tag_minus_site_suffix() -> None:
    tree = parse_html(
        f"<html><head><title>{TITLE}-工会-中工网</title></head><body><h1>中工网</h1></body></html>"
    )
    assert page_title(tree) == TITLE
    assert page_title(parse_html("<title>关于春节放假的通知 | 人社部</title>")) == "关于春节放假的通知"
    assert page_title(parse_html("<title>A-B</title>")) == "A-B"  # too short to have a suffix


def test_date_from_meta_and_labelled_line() -> None:
    meta = (
        '<html><head><meta name="PubDate" content="2021-06-01 09:00"></head><body><p>正文</p></body></html>'
    )
    assert extract_article(meta).published == datetime(2021, 6, 1, 1, 0, tzinfo=UTC)
    labelled = "<html><body><p>网站今天：2024年5月1日</p><p>发布日期：2021年6月2日</p></body></html>"
    assert extract_article(labelled).published == datetime(2021, 6, 2, 12, tzinfo=UTC)


def test_clean_lines_drops_furniture_only() -> None:
    text = (
        "正文第一段。\n\n责任编辑：张三\n\n【打印】【关闭】\n\n京ICP备12345号\n\n第二段提到来源：不是行首。"
    )
    assert clean_lines(text) == "正文第一段。\n\n第二段提到来源：不是行首。"


@pytest.mark.parametrize(
    "html", ["", "<html></html>", "not html at all", "<?xml version='1.0' encoding='gbk'?><p>x"]
)
def test_degenerate_pages_do_not_raise(html: str) -> None:
    article = extract_article(html)
    assert isinstance(article.text, str) and article.published is None
