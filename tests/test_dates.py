"""The one dates module: notice dates for the summariser and publication times for sources, one grammar."""

from __future__ import annotations

import datetime as dt
import re
from datetime import UTC, datetime

import pytest

from bot.dates import (
    CHINA_TZ,
    MONTH_NAME,
    YEARLESS_DATE,
    day_of_month,
    find_dates,
    find_labelled_date,
    first_date,
    next_on_or_after,
    order_slash_dates,
    parse_datetime,
    plausible_date,
    slash_order,
    undash,
    year_hint,
)

# ---- Publication dates of pages and feed entries (aware UTC) ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020年2月3日", datetime(2020, 2, 3, 12, tzinfo=UTC)),
        ("2024年03月05日", datetime(2024, 3, 5, 12, tzinfo=UTC)),  # htmldate read this as 2024-01-01
        ("2020 年 2 月 3 日 12:14", datetime(2020, 2, 3, 4, 14, tzinfo=UTC)),
        ("2020-02-03 12:14:42", datetime(2020, 2, 3, 4, 14, 42, tzinfo=UTC)),
        ("2020/2/3", datetime(2020, 2, 3, 12, tzinfo=UTC)),
        ("[2020.02.03]", datetime(2020, 2, 3, 12, tzinfo=UTC)),
        ("2020-02-03T12:14:42Z", datetime(2020, 2, 3, 12, 14, 42, tzinfo=UTC)),
        ("2020-02-03T12:14:42+02:00", datetime(2020, 2, 3, 10, 14, 42, tzinfo=UTC)),
    ],
)
def test_parse_datetime(text: str, expected: datetime) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize(
    "text", ["", "no date", "2020-13-45", "20200203", "1066年10月14日", "2020-02-30", "12345-01-01"]
)
def test_parse_datetime_rejects_non_dates(text: str) -> None:
    assert parse_datetime(text) is None


def test_first_valid_date_wins() -> None:
    assert parse_datetime("编号 2020-13-01，印发于2020年1月2日，2021-05-06 更新") == datetime(
        2020, 1, 2, 12, tzinfo=UTC
    )


def test_labelled_date_beats_others() -> None:
    page = "今天是2024年5月1日 星期三\n标题\n发布时间：2020-02-03 12:14:42 来源：中工网\n正文"
    assert find_labelled_date(page) == datetime(2020, 2, 3, 4, 14, 42, tzinfo=UTC)
    assert find_labelled_date("会议时间：2020年2月3日") is None  # "时间" alone is not a publication label


def test_local_time_is_read_in_the_given_zone_and_plausibility() -> None:
    assert parse_datetime("2020-02-03 12:00", UTC) == datetime(2020, 2, 3, 12, tzinfo=UTC)
    assert parse_datetime("2020-02-03 12:00", CHINA_TZ) == datetime(2020, 2, 3, 4, tzinfo=UTC)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert plausible_date(datetime(1990, 1, 1, tzinfo=UTC), now)
    assert not plausible_date(datetime(1989, 12, 31, tzinfo=UTC), now)
    assert not plausible_date(datetime(2027, 1, 3, tzinfo=UTC), now)


# ---- Dates in a notice's text (calendar dates) ----


def test_first_date_forms() -> None:
    assert first_date("发布时间：2020年2月3日") == dt.date(2020, 2, 3)
    assert first_date("2024年03月05日 10:00") == dt.date(2024, 3, 5)
    assert first_date("２０２４年３月５日") == dt.date(2024, 3, 5)
    assert first_date("2020-02-03 12:14:42") == dt.date(2020, 2, 3)
    assert first_date("2020/2/3") == dt.date(2020, 2, 3)
    assert first_date("二〇〇八年六月四日") == dt.date(2008, 6, 4)
    assert first_date("二〇一九年十二月三十一日") == dt.date(2019, 12, 31)
    assert first_date("2月2日下发", default_year=2020) == dt.date(2020, 2, 2)
    assert first_date("2月2日下发") is None
    assert first_date("issued on June 26, 2015") == dt.date(2015, 6, 26)
    assert first_date("on June 26", default_year=2015) == dt.date(2015, 6, 26)
    assert first_date("26 June 2015") == dt.date(2015, 6, 26)
    assert first_date("2月30日", default_year=2021) is None
    assert first_date("no date here") is None
    assert first_date("you may 5 times") is None


def test_find_dates_reports_spans_and_year_hint() -> None:
    hits = find_dates("自2024年1月1日起施行，3月5日前报送", 2024)
    assert [h.date for h in hits] == [dt.date(2024, 1, 1), dt.date(2024, 3, 5)]
    assert hits[0].explicit_year and not hits[1].explicit_year
    assert year_hint("", "http://x.gov.cn/2015/06/26/a.html") == 2015


def test_numeric_dates_only_when_unambiguous() -> None:
    assert [h.date for h in find_dates("31.03.2020 and 03/25/2020 and 04/05/2020")] == [
        dt.date(2020, 3, 31),
        dt.date(2020, 3, 25),
    ]
    assert [h.date for h in find_dates("the 3rd of March 2026")] == [dt.date(2026, 3, 3)]


def test_month_end_and_yearless_deadlines() -> None:
    assert first_date("2024年2月底前报送") == dt.date(2024, 2, 29)
    assert next_on_or_after(3, 31, dt.date(2025, 4, 2)) == dt.date(2026, 3, 31)
    assert next_on_or_after(2, 29, dt.date(2025, 3, 1)) == dt.date(2028, 2, 29)
    assert next_on_or_after(2, 30, dt.date(2025, 3, 1)) is None


# ---- One grammar: both front ends read the shapes they share to the same calendar date ----


@pytest.mark.parametrize(
    "text",
    ["2020年2月3日", "2024 年 03 月 05 号", "2020-02-03", "2020/2/3", "2020.02.03", "见2019年12月31日通知"],
)
def test_front_ends_agree_on_shared_shapes(text: str) -> None:
    stamp = parse_datetime(text, UTC)
    assert stamp is not None
    assert first_date(text) == stamp.date()


# ---- Forms a notice's own-date rules read first, and the month-name patterns ----


def test_undash_rewrites_dashed_dates_in_place() -> None:
    text = "Circular 7-B of 16-11-2021, amended 3-Aug-2022; ref 12-05-20201 and 2021-11-09 stay"
    folded = undash(text)
    assert folded == "Circular 7-B of 16/11/2021, amended 3 Aug 2022; ref 12-05-20201 and 2021-11-09 stay"
    assert len(folded) == len(text)
    assert [h.date for h in find_dates(folded)] == [
        dt.date(2021, 11, 16),
        dt.date(2022, 8, 3),
        dt.date(2021, 11, 9),
    ]
    assert find_dates(text)[0].date == dt.date(2021, 11, 9)  # unread, the dashed dates are missed


def test_slash_order_from_the_unambiguous_dates() -> None:
    assert slash_order(["Filed 11/23/2019.", "Heard 02/03/2020."]) == "md"
    assert slash_order(["Filed 23/11/2019.", "Heard 02/03/2020."]) == "dm"
    assert slash_order(["Filed 11/23/2019 and 23/11/2019."]) is None  # the page contradicts itself
    assert slash_order(["Heard 02/03/2020, page 5/6/7."]) is None  # nothing unambiguous


@pytest.mark.parametrize(("order", "expected"), [("md", dt.date(2020, 2, 3)), ("dm", dt.date(2020, 3, 2))])
def test_order_slash_dates_keeps_offsets(order: str, expected: dt.date) -> None:
    text = "Heard 2/3/2020; filed 11/23/2019; next 02/03/2020 at 9"
    folded = order_slash_dates(text, "md" if order == "md" else "dm")
    assert len(folded) == len(text)
    hits = find_dates(folded)
    assert [h.date for h in hits] == [expected, dt.date(2019, 11, 23), expected]
    # A span found in the folded line is the same date's span in the original.
    assert [text[h.start : h.end] for h in hits] == ["2/3/2020", "11/23/2019", "02/03/2020"]
    assert folded[folded.index("at") :] == "at 9"


def test_day_of_month() -> None:
    text = "Signed and sealed this 4th day of October, 2019 at the courthouse"
    assert day_of_month(text, text.index("4th")) == dt.date(2019, 10, 4)
    assert day_of_month("the 31st day of FEBRUARY, 2021") is None
    assert day_of_month("21 DAY OF SEPT 2023") == dt.date(2023, 9, 21)
    assert day_of_month("the 2nd day of Ramadan, 2021") is None
    assert day_of_month(text) is None  # only at the position given


def test_month_patterns() -> None:
    assert re.findall(rf"\b{MONTH_NAME}\b", "By October the Marchers left; Jan. and May 5") == [
        "October",
        "May",
    ]
    assert re.findall(YEARLESS_DATE, "Jan. 5 / Sept 30 / 1 December / jan 5") == [
        "Jan. 5",
        "Sept 30",
        "1 December",
    ]
    assert re.fullmatch(YEARLESS_DATE, "Nov. 30") and re.fullmatch(YEARLESS_DATE, "30 November")
    assert re.fullmatch(YEARLESS_DATE, "30 november") is None
