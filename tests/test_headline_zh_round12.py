"""Chinese schedules, round 12: a numbered heading that states only a date and time labels the item line under
it (rank._field_values), and "2.5月27日,…" opens item 2 (sentences.outline_level)."""

from __future__ import annotations

import time

from bot.summarize import summarize
from bot.summarize.rank import _SCHEDULE_WHEN, _schedule_heading
from bot.summarize.sentences import outline_level, split
from tests.headline_checks import assert_kept_zh

TITLE = "关于开展职工代表走访活动的通知"
SCHEDULE = (
    "各单位：\n"
    "为做好新春慰问工作，集团工会决定组织开展职工代表走访活动，现将有关事项通知如下：\n"
    "一、活动安排\n"
    "（一）2031年3月5日（周三）下午2点\n"
    "1.职工代表参观东区食堂；\n"
    "2.现场送福活动。\n"
    "（二）2031年3月7日（周五）上午9点30分\n"
    "1.职工代表参观西区宿舍楼；\n"
    "2.职工代表座谈。\n"
    "二、其他\n"
    "1.请各单位推荐2名职工代表参加，名单于3月3日前发工会邮箱；\n"
    "2.请相关单位提前安排好场地。\n"
    "集团工会\n"
    "2031年3月1日\n"
)


def test_a_schedule_heading_gives_its_date_to_the_first_item_under_it() -> None:
    result = summarize(TITLE, SCHEDULE)
    for shown in (result.headline, result.summary):
        assert "2031年3月5日（周三）下午2点：职工代表参观东区食堂" in shown, shown
        assert "2031年3月7日（周五）上午9点30分：职工代表参观西区宿舍楼" in shown, shown
        assert "：1." not in shown, shown  # the item's own marker goes once the label opens the line
        assert "：现场送福活动" not in shown and "：职工代表座谈" not in shown, shown  # the first item only
        assert_kept_zh(shown, SCHEDULE)
    _no_label_without_a_numbered_heading_and_a_deeper_item()


def test_headings_that_say_more_than_when_label_nothing() -> None:
    for heading in (
        "（一）2031年工作安排",  # a year and a topic
        "（一）3月5日前完成摸底",  # a deadline and its duty
        "（一）活动时间",  # a field's label (rank._ZH_FIELD's, not a schedule's)
        "（一）2031年3月5日，学校召开安全工作会议。",  # a sentence that opens with a date
        "（一）2031年",  # a year alone: no day
        "（一）周三下午",  # no date
        "（一）第3组",
        "（一）30分钟",
    ):
        s = split(heading + "\n1.职工代表参观东区食堂；", "zh")[0]
        assert not _schedule_heading(s), heading
    for heading in ("（一）2031年3月5日（周三）下午2点", "二、3月8日至3月9日", "（二）5月6日上午8:30"):
        assert _schedule_heading(split(heading, "zh")[0]), heading


def _no_label_without_a_numbered_heading_and_a_deeper_item() -> None:
    """Look-alikes of a schedule, where no line takes a date as its label."""
    for text in (
        # a date line of its own (a sign-off) before an annex line
        "各单位：\n请各单位于3月3日前报送名单。\n集团工会\n2031年3月1日\n附件：职工代表名单\n",
        # a dated item before the next item of the same list
        "各单位：\n现将有关事项通知如下：\n1.3月5日\n2.各单位要全面排查隐患，建立台账；\n3.请各单位于3月3日前报送名单。\n",
        # a dated sentence, not a heading
        "各单位：\n（一）2031年3月5日，学校召开安全工作会议。\n1.各单位要全面排查隐患；\n2.请各单位于3月3日前报送名单。\n",
    ):
        result = summarize(TITLE, text)
        for shown in (result.headline, result.summary):
            assert "日：" not in shown and "日:" not in shown, shown


def test_a_point_before_a_month_and_day_is_a_marker() -> None:
    assert outline_level("2.5月27日,由学生处组织抽查。") == (3, 2)
    assert outline_level("12.1月3日前,各学院报送名单。") == (3, 3)
    # a decimal stays a decimal
    for text in ("1.5倍于去年。", "2.5月份的工作。", "2.5万元由学校承担。", "3.14159是圆周率。", "2.5月"):
        assert outline_level(text) == (0, 0), text


def test_an_item_with_its_own_date_takes_none_from_its_heading() -> None:
    # Review: "（一）2031年3月5日" over "1.3月3日前各单位报送…" read "2031年3月5日：3月3日前…", a date on a line it
    # does not govern; so did a clock time in the item.
    for item in ("1.3月3日前各单位报送参加人员名单；", "1.请各单位于下午3点前到会议室签到；"):
        text = "各单位：\n（一）2031年3月5日（周三）\n" + item + "\n2.按时参加。\n集团工会\n"
        result = summarize(TITLE, text)
        for shown in (result.headline, result.summary):
            assert "日（周三）：" not in shown and "日(周三):" not in shown, shown
    # a formal clock time (时, 分) and 星期 still make a schedule heading
    assert _schedule_heading(split("（一）2031年3月5日（星期三）下午2时30分", "zh")[0])


def test_a_dated_item_keeps_its_date() -> None:
    # Review: "2.6月21日," read as item 2 was still a bare date and went, its item then read as a run-in heading
    # and marked down ("各学院补考" lost from the headline); the same list with "1、" kept its dates.
    text = "各学院：\n现将考试安排通知如下：\n1.6月20日上午，全校统一考试；\n2.6月21日，各学院补考；\n3.不得代考。\n教务处\n"
    headline = summarize("考试安排", text).headline
    assert "6月21日，各学院补考" in headline, headline
    assert "不得代考" in headline, headline


def test_a_month_or_day_that_cannot_be_is_no_date_after_a_marker() -> None:
    # "2.13月1日" is not item 2 on the 13th month; "2.51月1日" is clause 2.5, then 1月1日.
    for text in ("2.13月1日起施行。", "2.51月1日起施行本办法。", "3.5月32日"):
        assert outline_level(text) == (0, 0), text


def test_the_new_patterns_are_linear() -> None:
    for ch in ("1", "周", "点", "月", "日", "-", " "):
        line = ch * 100_000
        start = time.perf_counter()
        _SCHEDULE_WHEN.sub("", line)
        _schedule_heading(split("（一）" + line, "zh")[0])
        outline_level("1." + line)
        assert time.perf_counter() - start < 1.0, ch
