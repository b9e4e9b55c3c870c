"""The speed prefilters of the summariser give the answers of the tests they stand in front of."""

from __future__ import annotations

import re

from bot import dates

_EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def test_date_start_holds_every_character_a_maybe_date_match_starts_with() -> None:
    # MAYBE_DATE's branches start with 月, a digit (any script) or a month name's first letter in any case.
    first = set(re.findall(r"月|\d|(?i:[jfmasond])", _EVERY_CHARACTER))
    assert first <= set(dates._DATE_START.findall(_EVERY_CHARACTER))
    for text in ("ſept 5", "٣/٤/٢٠٢٠", "Dec. 1", "3月"):
        assert dates._DATE_START.search(text) and dates.MAYBE_DATE.search(text), text


def test_full_width_digits_are_read_only_where_they_occur() -> None:
    assert dates.find_dates("２０２０年２月３日前", None)[0].date.isoformat() == "2020-02-03"
    assert dates.year_hint("发布于２０２１年") == 2021
    assert dates.year_hint("发布于2022年") == 2022
    assert dates.find_dates("各单位要认真落实", 2020) == []
