"""Page and feed dates: Chinese and numeric formats, local times, labelled lines, invalid values."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.sources.dates import find_labelled_date, parse_date


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
def test_parse_date(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", "no date", "2020-13-45", "20200203", "1066年10月14日", "2020-02-30", "12345-01-01"]
)
def test_parse_date_rejects_non_dates(text: str) -> None:
    assert parse_date(text) is None


def test_first_valid_date_wins() -> None:
    assert parse_date("编号 2020-13-01，印发于2020年1月2日，2021-05-06 更新") == datetime(
        2020, 1, 2, 12, tzinfo=UTC
    )


def test_labelled_date_beats_others() -> None:
    page = "今天是2024年5月1日 星期三\n标题\n发布时间：2020-02-03 12:14:42 来源：中工网\n正文"
    assert find_labelled_date(page) == datetime(2020, 2, 3, 4, 14, 42, tzinfo=UTC)
    assert find_labelled_date("会议时间：2020年2月3日") is None  # "时间" alone is not a publication label
