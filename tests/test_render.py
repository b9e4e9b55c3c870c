"""Rendering: escaping of hostile values, the 4096 limit after entity parsing, links kept, digests split."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.emulator.html import parse_html
from bot.i18n import CATALOG, language_of, register, t
from bot.render import (
    MAX_TEXT_LENGTH,
    clip,
    render_digest,
    render_notice,
    render_push,
    render_update,
    to_plain,
    visible_length,
)
from storage.models import Deadline, Notice, Summary

URL = "https://www.example.gov.cn/a?x=1&y=<2>"
HOSTILE = '<script>alert("x")</script> & <b>bold</b> &amp; "quotes" \'single\''


def make(
    title: str = "关于做好防汛工作的通知", text: str = "正文。", summary: Summary | None = None, **kw: object
) -> Notice:
    values: dict[str, object] = {
        "id": 1,
        "source_id": 1,
        "source_name": "全总<官网>",
        "key": "k",
        "url": URL,
        "title": title,
        "text": text,
        "published": datetime(2026, 11, 2, 20, 0, tzinfo=UTC),
        "first_seen": datetime(2026, 11, 2, 20, 0, tzinfo=UTC),
        "content_hash": "h",
        "summary": summary,
    }
    values.update(kw)
    return Notice(**values)  # type: ignore[arg-type]


def parsed(message: str) -> str:
    """The visible text Telegram would show; parse_html raises on anything Telegram would reject."""
    text, _entities = parse_html(message, strict=True)
    return text


def test_every_dynamic_value_is_escaped() -> None:
    summary = Summary(
        title=HOSTILE,
        issuer=HOSTILE,
        doc_number="<1>号",
        directives=(HOSTILE, "a & b"),
        deadlines=(Deadline("2026-12-01", "在<12月1日>前报送"),),
        summary=HOSTILE,
    )
    message = render_notice(make(summary=summary), "zh")
    visible = parsed(message)
    assert '<script>alert("x")</script>' in visible and "<b>bold</b>" in visible
    assert "在<12月1日>前报送" in visible and "全总<官网>" in visible
    assert "<script>" not in message  # only our own tags reach Telegram
    assert 'href="https://www.example.gov.cn/a?x=1&amp;y=&lt;2&gt;"' in message


def test_labels_follow_the_language() -> None:
    summary = Summary(
        title="T", issuer="全国总工会", directives=("做好工作",), deadlines=(Deadline("2026-12-01", "报送"),)
    )
    zh, en = render_notice(make(summary=summary), "zh"), render_notice(make(summary=summary), "en")
    assert "发文单位" in zh and "要点" in zh and "截止时间" in zh and "来源" in zh
    assert "Issuer" in en and "Key points" in en and "Deadlines" in en and "Source" in en


def test_date_uses_the_chat_zone_when_the_summary_has_none() -> None:
    from zoneinfo import ZoneInfo

    assert "2026-11-03" in render_notice(
        make(), "zh", tz=ZoneInfo("Asia/Shanghai")
    )  # 20:00 UTC is the next day
    assert "2026-11-02" in render_notice(make(), "zh", tz=UTC)


@pytest.mark.parametrize("filler", ["<", "&", "字", "😀", "a"])
def test_never_over_the_limit_and_the_link_survives(filler: str) -> None:
    huge = filler * 20_000
    summary = Summary(
        title=huge,
        issuer=huge,
        doc_number=huge,
        directives=tuple(huge for _ in range(20)),
        deadlines=tuple(Deadline("2026-12-01", huge) for _ in range(10)),
        summary=huge,
    )
    message = render_notice(make(title=huge, text=huge, summary=summary), "en")
    assert visible_length(message) <= MAX_TEXT_LENGTH
    assert len(parsed(message)) <= MAX_TEXT_LENGTH
    assert f'href="{URL.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")}"' in message
    assert "…" in parsed(message)


def test_directives_are_listed_instead_of_repeating_the_summary() -> None:
    summary = Summary(title="T", directives=("第一条要求", "第二条要求"), summary="第一条要求。第二条要求。")
    visible = parsed(render_notice(make(summary=summary), "zh"))
    assert visible.count("第一条要求") == 1 and visible.count("第二条要求") == 1


def test_a_long_summary_is_cut_with_an_ellipsis() -> None:
    summary = Summary(
        title="T", deadlines=(Deadline("2026-12-01", "报送材料"),), summary="很长的摘要。" * 2000
    )
    message = render_notice(make(summary=summary), "zh")
    visible = parsed(message)
    assert "报送材料" in visible and "…" in visible
    assert visible_length(message) <= MAX_TEXT_LENGTH


def test_javascript_links_stay_inert() -> None:
    message = render_notice(make(url="javascript:alert(1)"), "zh")
    assert "<a " not in message and "javascript:alert(1)" in parsed(message)


def test_update_message_is_short_and_escaped() -> None:
    message = render_update(make(title="A & <B>"), "en")
    assert "Notice updated" in parsed(message) and "A & <B>" in parsed(message)
    assert URL.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in message


def test_digest_splits_across_messages_that_each_fit() -> None:
    notices = [make(id=i, title=f"通知{i} " + "很长的标题" * 40, text="正文" * 100) for i in range(120)]
    messages = render_digest(notices, "zh", date="2026-11-02")
    assert len(messages) > 1
    for message in messages:
        assert visible_length(message) <= MAX_TEXT_LENGTH
        parsed(message)
    joined = "".join(parsed(m) for m in messages)
    assert all(f"通知{i} " in joined for i in range(120))
    assert "共 120 条" in parsed(messages[0]) and "续 2" in parsed(messages[1])


def test_plain_fallback_keeps_the_url() -> None:
    message = render_notice(make(summary=Summary(title="T", summary="x" * 5000)), "zh")
    plain = to_plain(message)
    assert "https://www.example.gov.cn/a?x=1&y=<2>" in plain and "<b>" not in plain
    assert len(plain) <= MAX_TEXT_LENGTH


def test_clip_and_i18n_helpers() -> None:
    assert clip("abcdef", 4) == "abc…" and clip("abc", 4) == "abc"
    assert language_of("zh-hans") == "zh" and language_of("en-US") == "en" and language_of("de") == "zh"
    assert t("digest.title", "en", date="2026-11-02", count=3) == "Daily digest · 2026-11-02 · 3 notices"
    for key, texts in CATALOG.items():
        assert texts["zh"] and texts["en"], key
    with pytest.raises(ValueError, match="lacks en"):
        register({"x.only_zh": {"zh": "只有中文"}})  # type: ignore[typeddict-item, dict-item]


PUSH_SUMMARY = Summary(
    title="关于做好秋季开学工作的通知",
    issuer="市人民政府办公室",
    doc_number="市政办发〔2025〕9号",
    published="2025-08-01",
    headline="各区县教育局要组织安全检查，于2025年8月25日前报市教育局；不得挤占挪用资助资金。",
    directives=(
        *(
            f"第{i}项要求：各学校要做好第{i}项工作，并按规定报送情况，确保各项措施落实到位、取得实效。"
            for i in range(1, 9)
        ),
        "各区县教育局要组织对所有学校开展一次全面安全检查，于2025年8月25日前报市教育局。",
    ),
    deadlines=(
        Deadline(
            "2025-08-25", "各区县教育局要组织对所有学校开展一次全面安全检查，于2025年8月25日前报市教育局。"
        ),
    ),
    ranking=(8, 6, 2, 0, 4, 1, 3, 5, 7),
)


def test_push_layout_title_meta_headline_points_then_the_notice_command() -> None:
    message = render_push(make(summary=PUSH_SUMMARY, id=42), "zh")
    lines = parsed(message).split("\n")
    assert message.startswith("<b>关于做好秋季开学工作的通知</b>")
    assert lines[1] == "市人民政府办公室 · 市政办发〔2025〕9号 · 2025-08-01"
    assert lines[3] == PUSH_SUMMARY.headline
    points = [line for line in lines if line.startswith("• ")]
    assert len(points) == 5
    assert all(len(p) <= 2 + 60 for p in points)
    # The five most important the headline does not already say (it says the deadline), in document order.
    assert [p.split("项")[0][-1] for p in points] == ["1", "2", "3", "5", "7"]
    # The headline states the deadline, so the mark is the date alone.
    assert "⏰ 截止 2025-08-25" in lines
    assert lines[-1].startswith("全部 9 条要点：/notice 42 · 来源：")
    assert f'href="{URL.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")}"' in message


def test_push_marks_a_shown_deadline_and_otherwise_adds_the_nearest() -> None:
    dated = Summary(
        title="T",
        headline="各地要开展排查。",
        directives=("各地要开展排查。", "各单位于2025年9月1日前报送排查情况。"),
        deadlines=(Deadline("2025-09-01", "各单位于2025年9月1日前报送排查情况。"),),
        ranking=(1, 0),
    )
    visible = parsed(render_push(make(summary=dated), "zh"))
    assert "⏰ 2025-09-01 各单位于2025年9月1日前报送排查情况。" in visible
    unshown = Summary(
        title="T",
        headline="各地要开展排查。",
        deadlines=(Deadline("2025-10-01", "于2025年10月1日前完成整改。"),),
    )
    assert "⏰ 2025-10-01 于2025年10月1日前完成整改。" in parsed(render_push(make(summary=unshown), "zh"))


def test_push_of_an_old_summary_without_headline_or_ranking() -> None:
    old = Summary(title="T", directives=("第一条要求。", "第二条要求。"), summary="第一条要求。第二条要求。")
    visible = parsed(render_push(make(summary=old), "en"))
    assert "First" not in visible and "第一条要求。" in visible
    assert "All 2 points: /notice 1" in visible
    bare = parsed(render_push(make(summary=None, text="正文很短。"), "zh"))
    assert "正文很短。" in bare and "/notice" not in bare


def test_push_is_escaped_and_within_the_limit_whatever_the_values() -> None:
    huge = HOSTILE * 400
    summary = Summary(
        title=huge,
        issuer=huge,
        doc_number=huge,
        headline=huge,
        directives=tuple(huge for _ in range(30)),
        deadlines=tuple(Deadline("2026-12-01", huge) for _ in range(10)),
    )
    for limit in (MAX_TEXT_LENGTH, 300):
        message = render_push(make(title=huge, text=huge, summary=summary), "zh", limit=limit)
        assert visible_length(message) <= limit
        assert "<script>" not in message
        parsed(message)  # Telegram would accept it


def test_push_does_not_repeat_a_directive_whose_main_clause_the_headline_says() -> None:
    summary = Summary(
        title="T",
        headline="人社部决定开展工资支付情况专项检查；各用人单位务必于12月10日前完成自查。",
        directives=(
            "为保障劳动者权益，人社部决定开展工资支付情况专项检查。",
            "各地要公布举报电话，及时受理投诉。",
        ),
        ranking=(0, 1),
    )
    visible = parsed(render_push(make(summary=summary), "zh"))
    assert "为保障劳动者权益" not in visible
    assert "• 各地要公布举报电话，及时受理投诉。" in visible
