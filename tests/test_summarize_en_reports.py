"""English reports of what a body said: "The agency said Friday that airlines must …" starts at who is bound;
the day it was said belongs to the frame (cues.LEAD_FRAME), not to the clause."""

from __future__ import annotations

import pytest

from bot.summarize import summarize

TITLE = "FAA orders fan blade inspections"


@pytest.mark.parametrize("day", ["Friday", "on Friday", "today", "yesterday"])
def test_the_day_of_a_statement_goes_with_its_frame(day: str) -> None:
    text = (
        f"The agency said {day} that airlines must inspect the fan blades of 352 engines within 20 days.\n"
        "Operators who find a cracked blade must replace it before the next flight.\n"
    )
    summary = summarize(TITLE, text, budget=300).summary
    assert summary.startswith("Airlines must inspect the fan blades of 352 engines within 20 days.")
    assert day.split()[-1] not in summary


def test_a_day_without_that_is_not_a_frame() -> None:
    # "said Friday" ends the frame only before "that": "… said Friday night's storm …" keeps its words.
    text = (
        "The mayor said Friday night's storm closed 12 schools, which must reopen by Monday, May 4, 2026.\n"
    )
    assert "Friday night" in summarize("Storm closures", text, budget=300).summary
