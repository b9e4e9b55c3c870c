"""Hostile one-line texts: the summariser's patterns stay linear in a line's length (select._ZH_FRAME's run
of date characters, rank._EN_BREACH's gap), so a long line of repeated dates costs milliseconds, not minutes."""

from __future__ import annotations

import time

from bot.summarize import summarize
from bot.summarize.select import _ZH_FRAME


def test_a_long_run_of_dates_is_no_frame_and_linear() -> None:
    run = "2024年3月12日至" * 4000  # tried every split of the run before: ~10 s
    start = time.process_time()
    assert _ZH_FRAME.fullmatch(run) is None
    assert _ZH_FRAME.fullmatch("2031年1月1日至12月31日,") is not None  # a date frame still is one
    assert _ZH_FRAME.fullmatch("年月日,") is None  # ... and needs a digit
    summarize("通知", "通知\n" + run)
    assert time.process_time() - start < 5.0  # generous for a loaded machine; quadratic was ~10 s
