"""The push's attachment block: names linked and escaped, unread ones say why, in Chinese and English."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram.helpers import escape_markdown  # noqa: F401  (PTB is importable: the parse check below uses it)

from bot.render import attachments_block, render_notice
from storage.models import Attachment, Notice
from tests.test_render import parsed

WHEN = datetime(2024, 3, 1, tzinfo=UTC)


def notice(*attachments: Attachment) -> Notice:
    return Notice(
        id=1, source_id=1, source_name="hrss", key="k", url="https://x.test/n/1", title="关于印发方案的通知",
        text="现将方案印发给你们。", published=WHEN, first_seen=WHEN, content_hash="h", attachments=attachments,
    )  # fmt: skip


def test_attachments_are_listed_escaped_and_unread_ones_say_why() -> None:
    n = notice(
        Attachment("1.<b>方案</b>.pdf", "https://x.test/a.pdf", "pdf", "read", 900),
        Attachment("2.表格.wps", "https://x.test/b.wps", "wps", "not_read"),
        Attachment("3.扫描件.pdf", "javascript:alert(1)", "pdf", "scanned"),
        Attachment("4.大.pdf", "https://x.test/d.pdf", "pdf", "too_large"),
    )
    zh = parsed(render_notice(n, "zh"))
    assert "附件\n📎 1.<b>方案</b>.pdf\n📎 2.表格.wps (未读取：本机无法转换此格式)" in zh
    assert "3.扫描件.pdf: javascript:alert(1) (扫描件，未读取)" in zh  # an inert URL, not a link
    assert "4.大.pdf (文件过大，未读取)" in zh and zh.rstrip().endswith("来源：hrss")
    en = parsed(attachments_block(n, "en"))
    assert en.startswith("Attachments") and "(scanned, not read)" in en and "(too large, not read)" in en
    assert attachments_block(notice(), "zh") == ""
    many = notice(
        *(Attachment(f"附件{i}.pdf", f"https://x.test/{i}.pdf", "pdf", "read", 10) for i in range(9))
    )
    assert "📎 … +4" in parsed(attachments_block(many, "zh"))
