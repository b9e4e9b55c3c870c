"""Identity keys and fingerprints: pure functions, so every rule has a direct test."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.identity import content_hash, dup_key, identity_key, normalize_title

DAY = datetime(2020, 2, 3, 8, tzinfo=UTC)


def test_identity_prefers_guid_then_canonical_link_then_title_and_date() -> None:
    assert identity_key(guid=" g-1 ", url="http://x/a", title="t", published=DAY) == "g:g-1"
    assert identity_key(guid="", url="HTTP://X.org/a?utm_source=rss#top", title="t", published=DAY) == (
        "u:http://x.org/a"
    )
    a = identity_key(guid="", url="", title="关于 做好 工作的通知！", published=DAY)
    b = identity_key(guid="", url="", title="关于做好工作的通知", published=DAY)
    assert a == b and a.startswith("h:")


def test_reposts_share_a_dup_key_but_generic_or_undated_titles_do_not() -> None:
    title = "全国总工会关于做好春节后错峰返程工作的通知"
    assert dup_key(title, DAY, "u:a") == dup_key("全国总工会关于做好春节后错峰返程工作的通知。", DAY, "u:b")
    assert dup_key(title, DAY, "u:a") != dup_key(title, datetime(2021, 2, 3, tzinfo=UTC), "u:b")
    assert dup_key("通知", DAY, "u:a") != dup_key("通知", DAY, "u:b")  # too short to tell notices apart
    assert dup_key(title, None, "u:a") != dup_key(title, None, "u:b")  # undated: no link


def test_content_hash_ignores_whitespace_and_width_but_not_edits() -> None:
    assert content_hash("T", "各级工会 要加强\n领导。") == content_hash("T", "各级工会 要加强 领导。")
    assert content_hash("T", "ＡＢＣ") == content_hash("T", "ABC")
    assert content_hash("T", "要加强领导。") != content_hash("T", "要加强领导，确保安全。")
    assert normalize_title("Notice: A & B!") == "noticeab"
