"""A sample notice site on 127.0.0.1: a GBK listing page (old table layout) with article pages, and a feed."""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from types import TracebackType

__all__ = ["SampleSite"]

SEED_TITLE = "全国总工会下发《关于充分发挥工会组织作用 团结动员广大职工坚决打赢新型冠状病毒感染肺炎疫情防控阻击战的通知》"
_OLD = [
    ("/gonghui/2020-01/15/content_8.htm", "全国总工会关于开展2020年元旦春节送温暖活动的通知", "2020-01-15"),
    ("/gonghui/2020-01/08/content_7.htm", "全总关于做好2020年春节期间困难职工帮扶工作的通知", "2020-01-08"),
    ("/gonghui/2019-12/30/content_5.htm", "全总办公厅关于做好岁末年初安全生产工作的通知", "2019-12-30"),
    ("/gonghui/2019-12/20/content_3.htm", "全国总工会关于表彰2019年全国模范职工之家的通知", "2019-12-20"),
]
_SEED = ("/gonghui/2020-02/03/content_12.htm", SEED_TITLE, "2020-02-03")
_OLD_BODY = (
    "<p>各级工会要高度重视，精心组织，确保各项工作落到实处。</p>"
    "<p>《通知》要求，各级工会要深入基层、深入一线，把党和政府的关怀及时送到职工群众心坎上。</p>"
)


def _listing(rows: list[tuple[str, str, str]]) -> bytes:
    links = "".join(f"<tr><td><a href='{p}'>{t}</a></td><td>{d}</td></tr>" for p, t, d in rows)
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'><title>全总文件-工会</title>"
        "</head><body><table width='980'><tr><td><a href='/'>首页</a> | <a href='/shizheng/'>时政</a> | "
        "<a href='/gonghui/'>工会</a> | <a href='/jiuye/'>就业</a></td></tr></table>"
        f"<table width='980'><tr><td><b>全总文件</b></td></tr>{links}</table>"
        "<table><tr><td>关于我们 | 联系我们 | 京ICP证100580号</td></tr></table></body></html>"
    )
    return page.encode("gb18030")


def _article(title: str, date: str) -> bytes:
    page = (
        f"<html><head><meta charset='gbk'><title>{title}-工会-示例网</title></head><body>"
        f"<div class='nav'><a href='/'>首页</a> <a href='/gonghui/'>工会</a></div>"
        f"<div class='article'><h1>{title}</h1><p>{date} 09:00:00</p>{_OLD_BODY}</div>"
        "<div class='footer'>京ICP证100580号</div></body></html>"
    )
    return page.encode("gb18030")


_DEADLINE_ITEM = """<item><title>人力资源社会保障部办公厅关于开展工资支付情况专项检查的通知</title>
<link>{base}/rs/check.html</link><guid isPermaLink="false">mohrss-check</guid><pubDate>{pub}</pubDate>
<content:encoded><![CDATA[<p>为切实保障劳动者按时足额获得劳动报酬，人力资源社会保障部决定开展工资支付情况专项检查。</p>
<p>《通知》要求，各用人单位务必于{month}月{day}日前完成工资支付情况自查，并将自查报告报送当地劳动保障监察机构。</p>]]>
</content:encoded></item>"""

_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>人社部通知公告</title><link>http://127.0.0.1/</link><description>示例订阅源</description>
<item><title>人力资源社会保障部办公厅关于做好2020年春节期间劳动保障监察工作的通知</title>
<link>{base}/rs/2020-01-10.html</link><guid isPermaLink="false">mohrss-2020-0110</guid>
<pubDate>Fri, 10 Jan 2020 09:00:00 +0800</pubDate>
<content:encoded><![CDATA[<p>各地人力资源社会保障部门要加强春节期间劳动保障监察，确保农民工工资按时足额支付。</p>
<p>《通知》要求，各地要于1月20日前完成欠薪隐患排查，严禁以任何名义拖欠农民工工资。</p>]]></content:encoded></item>
{items}</channel></rss>"""


class SampleSite:
    """Serves the sample pages; publish_seed() makes the seed notice appear at the top of the listing."""

    def __init__(self) -> None:
        seed = resources.files("bot.demo").joinpath("assets/seed-article.html").read_bytes()
        self.routes: dict[str, tuple[bytes, str]] = {p: (_article(t, d), "text/html") for p, t, d in _OLD}
        self.routes[_SEED[0]] = (seed, "text/html")  # no charset in the header: the page's meta must win
        self.routes["/gonghui/wenjian/"] = (_listing(_OLD), "text/html")
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_port}"
        self._publish_feed("")
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="demo-site", daemon=True)

    @property
    def listing_url(self) -> str:
        """The union's notice listing page."""
        return f"{self.base}/gonghui/wenjian/"

    @property
    def feed_url(self) -> str:
        """The ministry's feed."""
        return f"{self.base}/rss.xml"

    def publish_seed(self) -> None:
        """The seed notice appears at the top of the listing page."""
        self.routes["/gonghui/wenjian/"] = (_listing([_SEED, *_OLD]), "text/html")

    def publish_deadline(self, today: date) -> date:
        """The ministry's feed gets a notice, dated today, whose deadline is ten days ahead; returns it."""
        deadline = today + timedelta(days=10)
        pub = format_datetime(datetime.combine(today, time(9), timezone(timedelta(hours=8))))
        item = _DEADLINE_ITEM.format(base=self.base, pub=pub, month=deadline.month, day=deadline.day)
        self._publish_feed(item)
        return deadline

    def _publish_feed(self, items: str) -> None:
        feed = _FEED.replace("{base}", self.base).replace("{items}", items)
        self.routes["/rss.xml"] = (feed.encode(), "application/rss+xml")

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass  # the demo prints the conversation, not access logs

            def do_GET(self) -> None:
                body, ctype = site.routes.get(self.path.split("?")[0], (b"not found", "text/plain"))
                self.send_response(200 if body != b"not found" else 404)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def __enter__(self) -> SampleSite:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
