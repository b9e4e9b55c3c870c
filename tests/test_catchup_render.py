"""The catch-up's rules and text: what counts as missed (source, keywords, skipped rows, once each), and a
message that is escaped, in the chat's language, within Telegram's limit, with "…and M more"."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.delivery.catchup import SHOWN, missed, render_catchup
from bot.render import MAX_TEXT_LENGTH, digest_item, render_digest, visible_length
from storage.models import MissedNotice, Notice, Subscription, Summary

SEEN = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def _candidate(notice_id: int, source_id: int, title: str, *, skipped: bool = False) -> MissedNotice:
    return MissedNotice(notice_id, source_id, title, "正文。", SEEN, skipped)


def _notice(notice_id: int, title: str) -> Notice:
    return Notice(
        notice_id,
        1,
        "acftu",
        f"k{notice_id}",
        f"https://x.gov.cn/{notice_id}",
        title,
        "正文。",
        None,
        SEEN,
        "h",
    )


def test_missed_follows_sources_keywords_and_skipped_rows_once_each() -> None:
    subs = [
        Subscription(1, 7, 1, "acftu", include=("假期",)),
        Subscription(2, 7, 2, "other", exclude=("招聘",)),
    ]
    candidates = [
        _candidate(10, 1, "关于调整假期安排的通知"),  # source 1, keyword matches
        _candidate(11, 1, "关于安全生产的通知"),  # source 1, keyword missing
        _candidate(12, 2, "关于招聘的公告"),  # source 2, excluded word
        _candidate(13, 2, "关于体检的通知"),  # source 2, no filter hit
        _candidate(14, 3, "关于假期的通知"),  # a source the chat does not follow
        _candidate(15, 1, "关于安全生产的通知（二）", skipped=True),  # queued for it before it left: kept
        _candidate(10, 2, "关于调整假期安排的通知"),  # the same root seen at another source: once
    ]
    assert missed(candidates, subs) == [10, 13, 15]
    everything = [Subscription(3, 7, None, None)]
    assert missed(candidates, everything) == [10, 11, 12, 13, 14, 15]


def test_message_is_escaped_capped_and_counts_the_rest() -> None:
    notices = [_notice(i, f"<b>通知</b> & {i} " + "长" * 400) for i in range(1, SHOWN + 1)]
    text = render_catchup(notices, 25, "en", "2026-11-01")
    assert text.startswith("<b>While the bot could not write here (since 2026-11-01), 25 notices matched")
    assert "&lt;b&gt;通知&lt;/b&gt; &amp; 1 " in text and "<b>通知</b>" not in text
    assert visible_length(text) <= MAX_TEXT_LENGTH
    listed = text.count("\n/notice ")
    assert 0 < listed <= SHOWN and text.endswith(f"…and {25 - listed} more")
    zh = render_catchup([_notice(3, "关于调整假期安排的通知")], 1, "zh", "2026-11-01")
    assert "自 2026-11-01 起" in zh and "有 1 条通知" in zh and "/notice 3" in zh and "另有" not in zh


def test_a_catch_up_lists_a_notice_exactly_as_a_digest_does() -> None:
    """One digest item (bot.render.digest_item): title and line folded to one line each, clipped, escaped."""
    headline = "各单位<务必>在\n\n11月30日前 & 报送" + "材料" * 200
    hostile = replace(
        _notice(4, "关于<script>调整\n假期</script>安排 &amp; 的\t通知" + "长" * 400),
        summary=Summary(title="t", headline=headline),
    )
    plain = _notice(5, "关于调整假期安排的通知")  # no summary: the line is the notice's text
    catchup = render_catchup([hostile, plain], 2, "zh", "2026-11-01")
    [digest] = render_digest([hostile, plain], "zh", date="2026-11-01")
    items = [digest_item(n) for n in (hostile, plain)]
    for item in items:
        assert f"{item}\n/notice " in catchup and f"{item}\n<a href=" in digest  # the same lines in both
    title, line = items[0].split("\n")
    assert "<script>" not in catchup and "&lt;script&gt;" in title and "&amp;amp;" in title
    assert "&lt;务必&gt;" in line and "&amp; 报送" in line and "\n" not in line
    assert visible_length(title) <= 2 + 150 and title.endswith("…</b>")  # "• " + the clipped title
    assert visible_length(line) <= 120 and line.endswith("…")
    assert items[1] == "• <b>关于调整假期安排的通知</b>\n正文。"
    # A title of whitespace only is no title: the item names the notice by its link instead.
    blank = replace(_notice(6, " \n\t "), url="https://example.org/a/6.htm")
    assert digest_item(blank).startswith("• <b>https://example.org/a/6.htm</b>\n")
