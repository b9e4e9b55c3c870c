"""Metadata, round 14 mends: a comma inside a citation keeps its number cited; a dateline's date stays the
notice's when a new sentence about the future follows it. Hand-written texts only."""

from __future__ import annotations

import time

import pytest

from bot.summarize import docno_en, summarize

# ---------------------------------------------------------------- a comma inside a citation

_FEES = "Fees for parking permits rise from 1 July.\nPermits already paid for stay valid.\n"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            f"This order amends, as from 1 July, Order No. 4/2021. Order No. 9/2025 sets the new fees.\n{_FEES}",
            "9/2025",
        ),
        (
            f"Under rule 6, clause 3 of Bulletin No. 4/2021, fees are set yearly. This is Bulletin No. 9/2025.\n{_FEES}",
            "9/2025",
        ),
        (
            f"As explained in Schedule 1, Part C of Order No. 4/2021, fees apply. Parking Order No. 9/2025 raises them.\n{_FEES}",
            "9/2025",
        ),
        (
            f"In accordance with Section 8, subsection 2 of Order No. 4/2021, the Council makes Order No. 9/2025.\n{_FEES}",
            "9/2025",
        ),
        # A list of provisions going on to "of": the comma after "Part 2" does not close the citation.
        (
            f"Under Part 2, Division 3 of Order No. 4/2021, fees apply. Order No. 9/2025 sets the new fees.\n{_FEES}",
            "9/2025",
        ),
        # A comma that does close the citation: only the number's label after it.
        (f"Further to Order No. 4/2021, Order No. 9/2025 sets the new fees.\n{_FEES}", "9/2025"),
        (f"Further to our letter, Parking Order No. 9/2025 sets the new fees.\n{_FEES}", "9/2025"),
    ],
)
def test_comma_inside_a_citation_keeps_the_number_cited(text: str, number: str) -> None:
    assert summarize("Parking fees", text).doc_number == number


def test_cites_linear() -> None:
    start = time.perf_counter()
    for line in ("under " + ", A" * 50_000, "under " + "Aa " * 33_000, "as per " + ",No." * 25_000):
        for at in range(0, len(line), 997):
            docno_en._cites(line, at)
        docno_en._PROVISION_GOES_ON.match(line, 6)
    assert time.perf_counter() - start < 1.0


# ---------------------------------------------------------------- a dateline followed by a new sentence


@pytest.mark.parametrize(
    "opening",
    [
        "Media statement, 14 March 2025, The library will stay shut over Easter.",
        "Media statement 14 March 2025 Staff will move to the new library in May.",
        "March 14, 2025 Visitors will need a ticket from April.",
        "Posted 14 March 2025 the library will open late on Fridays.",
        "14 March 2025 As of Monday, the reading room needs a card.",
        "Published: 14 March 2025. The hall will reopen next month.",
    ],
)
def test_dateline_then_future_sentence_keeps_its_date(opening: str) -> None:
    assert (
        summarize("Library news", f"{opening}\nReaders may renew books online.\n").published == "2025-03-14"
    )


@pytest.mark.parametrize(
    "opening",
    [
        "On Friday, 14 March 2025 the library will stay shut.",
        "On Fri 14 March 2025 the library will stay shut.",
        "On 14 March 2025, readers will need a card.",
        "The library will be shut on 14 March 2025.",
        "As of 14 March 2025, readers need a card.",
    ],
)
def test_date_a_future_clause_owns_is_still_refused(opening: str) -> None:
    assert summarize("Library news", f"{opening}\nReaders may renew books online.\n").published is None
