"""Weighting rules added for recall inside the budget, each pinned on a hand-written example."""

from __future__ import annotations

from bot.summarize import summarize
from tests.scoring import scored


def test_the_event_before_a_closing_notified_as_follows_is_content() -> None:
    # "…定于…召开…会议,现就有关事宜通知如下:" states the event itself; only its last clause introduces the list.
    text = (
        "各学院:\n"
        "学校定于5月20日在图书馆报告厅召开实验室安全工作会议,现就有关事宜通知如下:\n"
        "一、参加人员\n"
        "各学院分管副院长。\n"
    )
    units = scored(text, "zh")
    assert any("图书馆报告厅" in u.clause.text for u in units)
    assert not any("通知如下" in u.clause.text for u in units)
    assert "图书馆报告厅" in summarize("会议通知", text).summary


def test_a_closing_notified_as_follows_alone_stays_framing() -> None:
    # Without an event (a date, a decision, a schedule) before it, the sentence only frames the list.
    units = scored("为做好安全检查工作,现就有关事项通知如下:\n一、各单位要于周五前完成自查。\n", "zh")
    assert not any("安全检查工作" in u.clause.text for u in units)
