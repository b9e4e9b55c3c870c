"""Attachments end to end below the chat: links found, files downloaded from 127.0.0.1 and read in real
worker processes (PDF, .docx, scanned, corrupt, huge, over the cap, HTML posing as PDF), stored and searched."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.attachments.compose import is_cover_letter, notice_text, summarize_item
from bot.attachments.kinds import filename_from_disposition, kind_of
from bot.attachments.links import find_attachment_links
from bot.attachments.pool import ExtractorPool
from bot.attachments.reader import AttachmentReader
from bot.attachments.retry import MAX_READS, is_retry, stored_hash, waiting
from bot.attachments.tools import find_tools
from bot.config import AttachmentConfig, PollConfig
from bot.models import Attachment, AttachmentLink, FetchedItem, ReadAttachment, SourceKind, SourceSpec
from bot.poller import Poller, default_summarizer
from bot.search import search_notices
from bot.sources.feeds import parse_feed_sync
from bot.sources.fetch import Fetcher
from storage import SQLiteStore
from tests.attachment_files import (
    PLAN_DIRECTIVES,
    book_pdf,
    corrupt_pdf,
    docx_file,
    plan_pdf,
    scanned_pdf,
)
from tests.pollerkit import store_fixture  # noqa: F401
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

PDF = "application/pdf"
COVER = (
    "各区人力资源社会保障局、各有关单位：\n\n"
    "现将《琥珀行动职业技能提升实施方案》印发给你们，请结合实际认真贯彻执行。\n\n"
    "某市人力资源和社会保障局\n\n2024年3月1日"
)


def article(body_html: str, title: str = "关于印发琥珀行动职业技能提升实施方案的通知") -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        "<nav><a href='/guide.pdf'>政府信息公开指南.pdf</a></nav>"
        f"<div class='article'><h1>{title}</h1>{body_html}</div>"
        "<footer><a href='/rules.doc'>网站使用条款.doc</a> 京ICP备00000000号</footer></body></html>"
    )


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    async with Fetcher(read_timeout=5.0, total_timeout=10.0, max_bytes=200_000) as f:
        yield f


@pytest.fixture
async def pool() -> AsyncIterator[ExtractorPool]:
    async with ExtractorPool(workers=2, timeout=60.0) as p:
        yield p


def test_links_by_extension_and_by_text_not_in_furniture() -> None:
    html = article(
        "<p>现将方案印发给你们。</p>"
        "<p>附件：<a href='files/plan.pdf'>附件1：琥珀行动实施方案</a></p>"
        "<p><a href='/files/%E5%90%8D%E5%8D%95.docx'>下载</a></p>"
        "<p><a href='/download?id=7'>Download the guidance (PDF)</a></p>"
        "<p><a href='/n/other.html'>附件说明</a> <a href='/download?id=7'>again</a> <a href='#top'>附件</a></p>"
    )
    links = find_attachment_links(html, "http://127.0.0.1:9/notices/a.html")
    assert [(link.url, link.name, link.kind) for link in links] == [
        ("http://127.0.0.1:9/notices/files/plan.pdf", "附件1：琥珀行动实施方案", "pdf"),
        ("http://127.0.0.1:9/files/%E5%90%8D%E5%8D%95.docx", "名单.docx", "docx"),  # "下载" says less
        ("http://127.0.0.1:9/download?id=7", "Download the guidance (PDF)", ""),  # decided by the response
    ]


def test_feed_enclosures_and_links_in_the_entry_body() -> None:
    feed = (
        b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title><link>http://x.test/</link>"
        b"<item><title>Guidance on reporting</title><link>http://x.test/n/1</link><guid>1</guid>"
        b"<description><![CDATA[<p>The guidance is attached: <a href='/g.docx'>guidance</a></p>]]></description>"
        b"<enclosure url='http://x.test/rule.pdf' type='application/pdf' length='1000'/></item>"
        b"<item><title>Podcast</title><link>http://x.test/n/2</link><guid>2</guid>"
        b"<enclosure url='http://x.test/a.mp3' type='audio/mpeg' length='1000'/></item></channel></rss>"
    )
    first, second = parse_feed_sync(feed, url="http://x.test/feed.xml").entries
    assert [(a.url, a.kind) for a in first.attachments] == [
        ("http://x.test/rule.pdf", "pdf"),
        ("http://x.test/g.docx", "docx"),
    ]
    assert second.attachments == ()  # audio is not notice text


def test_feed_enclosure_kind_from_any_type_the_reader_knows() -> None:
    # The enclosure's type names the kind just as a download's Content-Type does (one table for both).
    feed = (
        b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title><link>http://x.test/</link>"
        b"<item><title>Plan</title><link>http://x.test/n/3</link><guid>3</guid>"
        b"<enclosure url='http://x.test/get?id=1' type='application/x-pdf' length='1000'/>"
        b"<enclosure url='http://x.test/get?id=2' type='application/kswps' length='1000'/></item></channel></rss>"
    )
    (entry,) = parse_feed_sync(feed, url="http://x.test/feed.xml").entries
    assert [(a.url, a.kind) for a in entry.attachments] == [
        ("http://x.test/get?id=1", "pdf"),
        ("http://x.test/get?id=2", "wps"),
    ]


def test_kind_and_name_from_bytes_and_headers() -> None:
    assert filename_from_disposition(
        "attachment; filename*=UTF-8''%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88.pdf"
    ) == ("实施方案.pdf")
    raw_gbk = "附件.doc".encode("gb18030").decode("latin-1")  # what a GBK server's header looks like here
    assert filename_from_disposition(f'attachment; filename="{raw_gbk}"') == "附件.doc"
    assert kind_of(b"%PDF-1.7 ...", "application/octet-stream", "", "http://x/download?id=1") == "pdf"
    assert kind_of(b"<!DOCTYPE html><html>", "text/html", "", "http://x/plan.pdf") == "html"
    assert (
        kind_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 8, None, "通知.wps", "http://x/d?id=2") == "wps"
    )
    assert kind_of(docx_file(), None, "", "http://x/d?id=3") == "docx"


async def test_reader_reads_and_lists_every_kind_of_file(
    http_server: NoticeServer, fetcher: Fetcher, pool: ExtractorPool
) -> None:
    big = book_pdf()
    http_server.add("/plan.pdf", plan_pdf(), content_type=PDF)
    http_server.add("/list.docx", docx_file(), content_type="application/octet-stream")
    http_server.add("/broken.pdf", corrupt_pdf(), content_type=PDF)
    http_server.add("/book.pdf", big, content_type=PDF)
    http_server.add("/huge.pdf", b"%PDF-1.4\n" + b"0" * 300_000, content_type=PDF)
    http_server.add("/fake.pdf", "<html><body>请登录后下载</body></html>")
    http_server.add("/gone.pdf", b"", status=404)
    http_server.add(
        "/download", plan_pdf(), content_type="application/octet-stream",
        headers={"Content-Disposition": "attachment; filename*=UTF-8''%E6%96%B9%E6%A1%88.pdf"},
    )  # fmt: skip
    http_server.add("/page", "<html><body><p>一个普通页面</p></body></html>")
    config = AttachmentConfig(max_bytes=250_000, max_per_notice=20, max_chars=20_000)
    reader = AttachmentReader(fetcher, config, pool)
    links = [
        AttachmentLink(http_server.url("/plan.pdf"), "附件1：实施方案", "pdf"),
        AttachmentLink(http_server.url("/list.docx"), "", "docx"),
        AttachmentLink(http_server.url("/broken.pdf"), "损坏.pdf", "pdf"),
        AttachmentLink(http_server.url("/book.pdf"), "汇编.pdf", "pdf"),
        AttachmentLink(http_server.url("/huge.pdf"), "大文件.pdf", "pdf"),
        AttachmentLink(http_server.url("/fake.pdf"), "假.pdf", "pdf"),
        AttachmentLink(http_server.url("/gone.pdf"), "丢失.pdf", "pdf"),
        AttachmentLink(http_server.url("/download?id=1"), "", ""),
        AttachmentLink(http_server.url("/page"), "附件下载", ""),  # found by its text, but a page
    ]
    results = {r.attachment.url.rsplit("/", 1)[-1]: r for r in await reader.read_all(links)}
    assert "page" not in results  # not an attachment after all: dropped, not listed

    plan = results["plan.pdf"]
    assert plan.attachment.status == "read" and plan.attachment.chars == len(plan.text) > 100
    # In reading order, wrapped lines re-joined; the running header and "- 1 -" page numbers are gone.
    positions = [plan.text.index(d) for d in PLAN_DIRECTIVES]
    assert positions == sorted(positions)
    assert "某市人力资源和社会保障局文件" not in plan.text and "- 2 -" not in plan.text

    table = results["list.docx"]
    assert table.attachment.kind == "docx" and table.attachment.name == "list.docx"
    assert "单位 | 联系人 | 电话" in table.text and "市总工会 | 张三 | 12345" in table.text
    assert table.text.index("报送年度培训计划") < table.text.index("视为放弃")

    book = results["book.pdf"]
    assert book.attachment.status == "read" and 15_000 < len(book.text) <= 20_000  # capped at max_chars
    assert "第0部分" in book.text

    by_status = {name: r.attachment.status for name, r in results.items()}
    assert by_status["broken.pdf"] == "failed"
    assert by_status["huge.pdf"] == "too_large"
    assert http_server.hits("/huge.pdf") == 1
    assert by_status["fake.pdf"] == "failed"  # claims .pdf, serves a web page
    assert by_status["gone.pdf"] == "failed"
    download = results["download?id=1"]
    assert download.attachment.name == "方案.pdf" and download.attachment.kind == "pdf"
    assert PLAN_DIRECTIVES[1] in download.text


async def test_downloaded_files_waiting_for_a_worker_are_bounded(
    http_server: NoticeServer, fetcher: Fetcher, pool: ExtractorPool
) -> None:
    # Many notices with many large attachments: bodies must not pile up in memory while the few workers
    # are busy (each can be up to max_bytes), so downloads wait for a place in the reader's queue.
    links = []
    for i in range(10):
        http_server.add(
            f"/slow{i}.txt", f"第{i}号附件的正文。".encode(), content_type="text/plain", delay=0.2
        )
        links.append(AttachmentLink(http_server.url(f"/slow{i}.txt"), f"附件{i}", "txt"))
    reader = AttachmentReader(fetcher, AttachmentConfig(workers=1), pool)
    real_fetch, now, most = reader.fetcher.fetch, 0, 0

    async def counting_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
        nonlocal now, most
        now += 1
        most = max(most, now)
        try:
            return await real_fetch(url, *args, **kwargs)
        finally:
            now -= 1

    reader.fetcher.fetch = counting_fetch  # type: ignore[method-assign]
    first, second = await asyncio.gather(reader.read_all(links[:5]), reader.read_all(links[5:]))
    assert [r.attachment.status for r in (*first, *second)] == ["read"] * 10
    assert most <= 2, most


async def test_a_file_that_takes_too_long_is_killed_and_the_next_one_is_read(
    http_server: NoticeServer,
) -> None:
    big = book_pdf()
    async with ExtractorPool(workers=1, timeout=0.05) as quick:
        stalled = await quick.extract("pdf", big)
        assert stalled.status == "failed" and "longer than" in stalled.note and quick.killed == 1
        quick.timeout = 60.0
        after = await quick.extract("pdf", plan_pdf())
        assert after.status == "read" and PLAN_DIRECTIVES[0] in after.text


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return True
    return state in ("Z", "X")  # killed; a zombie until init reaps it


async def test_a_converter_that_hangs_is_killed_with_its_worker(tmp_path: Path) -> None:
    # A hostile .doc that makes the converter hang: stopping the worker must stop the converter too.
    pidfile = tmp_path / "antiword.pid"
    fake = tmp_path / "antiword"
    fake.write_text(f"#!/bin/sh\necho $$ > {pidfile}\nexec /bin/sleep 120\n")
    fake.chmod(0o755)
    async with ExtractorPool(workers=1, timeout=60.0, path=str(tmp_path)) as p:
        warm = await p.extract("docx", b"not a zip")  # the worker is up, its readers imported
        assert warm.status == "failed"
        p.timeout = 3.0
        hung = await p.extract("doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    assert hung.status == "failed" and "longer than" in hung.note
    pid = int(pidfile.read_text())
    try:
        for _ in range(50):
            if _gone(pid):
                break
            await asyncio.sleep(0.1)
        assert _gone(pid), "the converter outlived its killed worker"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # never leave it running, whatever the outcome


async def test_the_worker_cuts_a_text_that_inflates_before_answering(pool: ExtractorPool) -> None:
    # 5 MB of text (a small PDF's compressed streams inflate far more): the answer carries max_chars at most.
    body = ("各单位要按时报送材料。" * 40 + "\n\n").encode() * 4_000
    answer = await pool.extract("txt", body, content_type="text/plain; charset=utf-8", max_chars=5000)
    assert answer.status == "read" and 4000 < len(answer.text) <= 5000
    assert answer.text.startswith("各单位要按时报送材料。")


async def test_old_formats_and_scans_without_converters_are_listed_not_read() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024
    async with ExtractorPool(workers=1, path="/nonexistent") as bare:  # a machine with no converters
        for kind in ("doc", "wps", "xls"):
            result = await bare.extract(kind, ole)
            assert result.status == "not_read", (kind, result)
        scan = await bare.extract("pdf", scanned_pdf())
        assert scan.status == "scanned" and "no OCR" in scan.note


async def test_antiword_reads_doc_when_installed() -> None:
    if not find_tools().antiword:
        pytest.skip("antiword is not installed (apt-get install antiword); .doc is listed as not read")
    async with ExtractorPool(workers=1) as p:
        result = await p.extract("doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    # A container with no Word stream: antiword ran and said so (a real .doc is read the same way).
    assert result.status == "failed" and "antiword" in result.note


async def test_scanned_pdf_is_read_by_ocr_when_tesseract_is_installed() -> None:
    tools = find_tools()
    if not tools.ocr_languages:
        pytest.skip("Tesseract with chi_sim/eng is not installed (apt-get install tesseract-ocr-chi-sim)")
    async with ExtractorPool(workers=1) as p:
        result = await p.extract("pdf", scanned_pdf("NOTICE 2024 DEADLINE MARCH"))
    assert result.status == "read", result
    assert "DEADLINE" in result.text.upper() and "2024" in result.text


def test_cover_letter_takes_its_directives_from_the_attachment() -> None:
    plan_text = "\n\n".join(["琥珀行动职业技能提升实施方案", *PLAN_DIRECTIVES])
    read = ReadAttachment(
        attachment=Attachment(
            "附件：琥珀行动职业技能提升实施方案.pdf", "http://x/plan.pdf", "pdf", "read", len(plan_text)
        ),
        text=plan_text,
    )
    title = "某市人力资源和社会保障局关于印发琥珀行动职业技能提升实施方案的通知"
    assert is_cover_letter(title, COVER)
    item = FetchedItem(url="http://x/n/1", title=title, text=COVER, attachments=(read,))
    summary = summarize_item(item, None)
    assert summary.issuer == "某市人力资源和社会保障局"
    assert any("琥珀行动" in d for d in summary.directives)
    assert any("不得以培训为由克扣工资" in d for d in summary.directives)
    assert not any("印发给你们" in d for d in summary.directives)
    assert [d.date for d in summary.deadlines] == ["2024-09-30"]
    combined = notice_text(COVER, [read])
    assert combined.startswith(COVER) and "【附件：附件：琥珀行动职业技能提升实施方案.pdf】" in combined
    # A long article with directives of its own is not a cover letter: it is summarised whole.
    assert not is_cover_letter("关于加强管理的通知", "各单位要加强管理。" * 200)


async def test_a_feed_entry_linking_a_file_over_the_page_cap_is_read_under_the_attachment_cap(
    http_server: NoticeServer, pool: ExtractorPool, store: SQLiteStore
) -> None:
    # Pages are capped lower than attachments: a PDF the entry links by name is downloaded once, as a file.
    http_server.add("/files/book.pdf", book_pdf(), content_type=PDF)
    feed = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title><link>/</link>"
        f"<item><title>Annual plan</title><link>{http_server.url('/files/book.pdf')}</link>"
        "<guid>b1</guid><description>The plan (PDF)</description></item></channel></rss>"
    )
    http_server.add("/feed.xml", feed, content_type="application/rss+xml")
    await store.add_source(SourceSpec(name="dol", url=http_server.url("/feed.xml"), kind="feed"))
    async with Fetcher(read_timeout=5.0, total_timeout=10.0, max_bytes=100_000) as small:
        reader = AttachmentReader(small, AttachmentConfig(), pool)
        poller = Poller(store, small, PollConfig(timeout=5.0), attachments=reader)
        (report,) = await poller.poll_due()
    assert report.error is None and len(report.new) == 1
    notice = await store.get_notice(report.new[0].id)
    assert notice is not None and notice.attachments[0].status == "read" and "第150部分" in notice.text
    assert http_server.hits("/files/book.pdf") == 1


async def test_poller_reads_a_page_notices_attachment_stores_and_finds_it(
    http_server: NoticeServer, fetcher: Fetcher, pool: ExtractorPool, store: SQLiteStore
) -> None:
    listing = (
        "<html><head><meta charset='utf-8'><title>通知公告</title></head><body><table class='list'>"
        "<tr><td><a href='/n/2.html'>关于印发琥珀行动职业技能提升实施方案的通知</a></td><td>2024-03-01</td></tr>"
        "<tr><td><a href='/n/1.html'>关于做好春季招聘工作的通知</a></td><td>2024-02-01</td></tr>"
        "</table></body></html>"
    )
    http_server.add("/list/", listing)
    http_server.add(
        "/n/1.html",
        article(
            f"<p>{'各单位要做好春季招聘服务工作，确保岗位信息及时发布。' * 4}</p>",
            "关于做好春季招聘工作的通知",
        ),
    )
    body = "".join(f"<p>{p}</p>" for p in COVER.split("\n\n"))
    http_server.add(
        "/n/2.html", article(body + "<p>附件：<a href='/files/plan.pdf'>琥珀行动职业技能提升实施方案</a></p>")
    )
    http_server.add("/files/plan.pdf", plan_pdf(), content_type=PDF)
    await store.add_source(SourceSpec(name="hrss", url=http_server.url("/list/"), kind="page", backfill=2))
    # A feed whose entry links straight to the PDF (English agencies do): the file is the notice.
    feed = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title><link>/</link>"
        f"<item><title>Amber plan guidance</title><link>{http_server.url('/files/plan.pdf')}</link>"
        "<guid>g1</guid><description>Guidance (PDF)</description></item></channel></rss>"
    )
    http_server.add("/feed.xml", feed, content_type="application/rss+xml")
    await store.add_source(SourceSpec(name="dol", url=http_server.url("/feed.xml"), kind="feed"))
    reader = AttachmentReader(fetcher, AttachmentConfig(), pool)
    poller = Poller(
        store, fetcher, PollConfig(timeout=5.0), summarizer=default_summarizer(0), attachments=reader
    )
    report, feed_report = await poller.poll_due()
    assert report.error is None and len(report.new) == 2
    assert feed_report.error is None and len(feed_report.new) == 1
    assert http_server.hits("/guide.pdf") == 0 and http_server.hits("/rules.doc") == 0  # nav and footer
    page = await search_notices(store, "琥珀行动 台账登记")  # words only in the PDF
    assert page.total == 2
    direct = await store.get_notice(feed_report.new[0].id)
    assert direct is not None and direct.attachments[0].status == "read" and PLAN_DIRECTIVES[2] in direct.text
    page = await search_notices(store, "琥珀行动 台账登记 印发给你们")
    notice = await store.get_notice(page.hits[0].id)
    assert notice is not None and notice.summary is not None
    assert [(a.name, a.kind, a.status) for a in notice.attachments] == [
        ("琥珀行动职业技能提升实施方案", "pdf", "read")
    ]
    assert notice.attachments[0].chars > 100 and "【附件：琥珀行动职业技能提升实施方案】" in notice.text
    assert any("琥珀行动职业技能培训台账登记" in d for d in notice.summary.directives)
    plain = (await search_notices(store, "春季招聘")).hits[0]
    other = await store.get_notice(plain.id)
    assert other is not None and other.attachments == ()


def test_the_stored_hash_counts_reads_that_left_a_file_unread_and_restarts_on_an_edit() -> None:
    failed = (ReadAttachment(Attachment("a.pdf", "http://127.0.0.1/a.pdf", "pdf", "failed"), retry=True),)
    broken = (ReadAttachment(Attachment("b.pdf", "http://127.0.0.1/b.pdf", "pdf", "failed")),)  # corrupt
    read = (ReadAttachment(Attachment("a.pdf", "http://127.0.0.1/a.pdf", "pdf", "read", 4), "正文内容"),)
    assert stored_hash("h", broken, None) == "h" and stored_hash("h", read, None) == "h"
    first = stored_hash("h", failed, None)
    assert first != "h" and waiting(first) and is_retry(first, "h") and not is_retry(first, "edited")
    second = stored_hash("h", failed, first)
    assert waiting(second) and second != first
    assert stored_hash("h", failed, second) == "h"  # MAX_READS reads: given up
    assert stored_hash("h", read, second) == "h"  # read at last
    assert stored_hash("edited", failed, second) == stored_hash("edited", failed, None)  # counts anew
    assert not waiting("h") and not waiting(None)


async def _subscribed_source(
    store: SQLiteStore, fetcher: Fetcher, pool: ExtractorPool, url: str, kind: SourceKind
) -> Poller:
    """The source "hrss" (two notices backfilled, updates notified) with chat 7 subscribed, and a poller that
    reads attachments."""
    spec = SourceSpec(name="hrss", url=url, kind=kind, backfill=2, notify_updates=True)
    await store.add_source(spec)
    await store.upsert_chat(7, "private")
    await store.subscribe(7, None)
    reader = AttachmentReader(fetcher, AttachmentConfig(), pool)
    return Poller(
        store, fetcher, PollConfig(timeout=5.0), summarizer=default_summarizer(0), attachments=reader
    )


async def test_a_file_that_failed_to_download_is_read_at_a_later_poll_a_few_times_at_most(
    http_server: NoticeServer, fetcher: Fetcher, pool: ExtractorPool, store: SQLiteStore
) -> None:
    listing = "".join(
        f"<tr><td><a href='/n/{n}.html'>{title}</a></td><td>2024-03-0{n}</td></tr>"
        for n, title in ((2, "关于印发琥珀行动职业技能提升实施方案的通知"), (1, "关于报送培训需求的通知"))
    )
    http_server.add("/list/", f"<html><body><table class='list'>{listing}</table></body></html>")
    body = "".join(f"<p>{p}</p>" for p in COVER.split("\n\n"))
    for n, file in ((2, "plan"), (1, "form")):
        http_server.add(
            f"/n/{n}.html", article(body + f"<p>附件：<a href='/files/{file}.pdf'>附件{n}</a></p>")
        )
        http_server.add(f"/files/{file}.pdf", plan_pdf(), content_type=PDF, status=503)  # the server is down
    poller = await _subscribed_source(store, fetcher, pool, http_server.url("/list/"), "page")
    [report] = await poller.poll_all()
    plan_id = next(n.id for n in report.new if n.url.endswith("/n/2.html"))
    before = await store.get_notice(plan_id)
    assert before is not None and before.attachments[0].status == "failed"
    assert PLAN_DIRECTIVES[2] not in before.text
    # The plan's server is back at the next poll: the file is read, the notice stored again, not pushed again.
    http_server.update("/files/plan.pdf", status=200)
    [again] = await poller.poll_all()
    assert again.new == [] and again.updated == 0  # read again, not edited: no update (revision 0)
    after = await store.get_notice(plan_id)
    assert after is not None and after.attachments[0].status == "read" and PLAN_DIRECTIVES[2] in after.text
    assert after.revision == 0 and after.updated_at is None
    assert after.summary is not None and any("台账登记" in d for d in after.summary.directives)
    assert sum((await store.delivery_counts()).values()) == 2  # one push per notice, no "updated" one
    for _ in range(3):
        assert (await poller.poll_all())[0].updated == 0
    assert http_server.hits("/files/plan.pdf") == 2  # read, then left alone
    assert http_server.hits("/files/form.pdf") == MAX_READS  # always down: given up after a few reads
    assert sum((await store.delivery_counts()).values()) == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is optional and not installed")
async def test_docx_via_libreoffice_when_installed() -> None:  # pragma: no cover - only where soffice is
    async with ExtractorPool(workers=1) as p:
        assert (await p.extract("docx", docx_file())).status == "read"


def test_attachments_config_block_is_checked() -> None:
    from bot.config import parse_config
    from bot.errors import ConfigError

    config = parse_config({"attachments": {"max_bytes": 1024, "timeout": "2m", "ocr": False}}, {})
    assert (config.attachments.max_bytes, config.attachments.timeout, config.attachments.ocr) == (
        1024,
        120.0,
        False,
    )
    for bad in ({"workers": 0}, {"enabled": "yes"}, {"max_pages": 3}):
        with pytest.raises(ConfigError, match="attachments"):
            parse_config({"attachments": bad}, {})


async def test_xlsx_and_odt_are_read_from_their_xml() -> None:
    import zipfile
    from io import BytesIO

    def archive(files: dict[str, str]) -> bytes:
        buf = BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name, text in files.items():
                z.writestr(name, text)
        return buf.getvalue()

    ss = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xlsx = archive({
        "xl/workbook.xml": f"<workbook xmlns='{ss}'/>",
        "xl/sharedStrings.xml": f"<sst xmlns='{ss}'><si><t>单位</t></si><si><t>截止日期</t></si></sst>",
        "xl/worksheets/sheet1.xml": f"<worksheet xmlns='{ss}'><sheetData><row><c t='s'><v>0</v></c><c t='s'><v>1</v></c></row>"
        "<row><c t='inlineStr'><is><t>市总工会</t></is></c><c><v>45000</v></c></row></sheetData></worksheet>",
    })  # fmt: skip
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    odt = archive(
        {
            "content.xml": f"<doc xmlns:text='{text_ns}'><text:h>通知</text:h><text:p>各单位要按时报送。</text:p></doc>"
        }
    )
    async with ExtractorPool(workers=1) as p:
        sheet = await p.extract("xlsx", xlsx)
        doc = await p.extract("odt", odt)
    assert sheet.status == "read" and sheet.text == "单位 | 截止日期\n市总工会 | 45000"
    assert doc.status == "read" and doc.text == "通知\n\n各单位要按时报送。"


async def test_a_full_text_feed_entry_whose_file_is_read_again_is_no_change(
    http_server: NoticeServer, fetcher: Fetcher, pool: ExtractorPool, store: SQLiteStore
) -> None:
    # Feeds carrying the full text are re-read at every poll and compared by content hash: the read count
    # the stored hash carries while a file waits (attachments.retry) must not make the entry look edited.
    body = "".join(f"<p>{p}</p>" for p in COVER.split("\n\n")) * 8
    items = "".join(
        f"<item><title>{title}</title><link>{http_server.url(f'/n/{n}.html')}</link><guid>n{n}</guid>"
        f"<enclosure url='{http_server.url(f'/files/{file}.pdf')}' type='{PDF}' length='1'/>"
        f"<description><![CDATA[{body}]]></description></item>"
        for n, file, title in (
            (2, "plan", "关于印发琥珀行动职业技能提升实施方案的通知"),
            (1, "form", "关于报送培训需求的通知"),
        )
    )
    feed = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title><link>/</link>"
        f"{items}</channel></rss>"
    )
    http_server.add("/feed.xml", feed, content_type="application/rss+xml")
    for file in ("plan", "form"):
        http_server.add(f"/files/{file}.pdf", plan_pdf(), content_type=PDF, status=503)  # the server is down
    poller = await _subscribed_source(store, fetcher, pool, http_server.url("/feed.xml"), "feed")
    [first] = await poller.poll_all()
    plan_id = next(n.id for n in first.new if n.url.endswith("/n/2.html"))
    before = await store.get_notice(plan_id)
    assert before is not None and before.attachments[0].status == "failed" and waiting(before.content_hash)
    http_server.update("/files/plan.pdf", status=200)  # the plan's server is back; the form's stays down
    for _ in range(MAX_READS + 1):
        [report] = await poller.poll_all()
        assert report.new == [] and report.updated == 0  # read again, not edited
    after = await store.get_notice(plan_id)
    assert after is not None and after.attachments[0].status == "read" and PLAN_DIRECTIVES[2] in after.text
    assert after.revision == 0 and after.updated_at is None and not waiting(after.content_hash)
    assert http_server.hits("/files/plan.pdf") == 2 and http_server.hits("/files/form.pdf") == MAX_READS
    assert sum((await store.delivery_counts()).values()) == 2  # one push per notice, no "updated" one
