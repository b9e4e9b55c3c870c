"""Metadata, round 14 (issue #9): numbers a sentence cites or withdraws, event fields' dates, a coming event's date
and a cited document's date are never the notice's own. Hand-written texts only."""

from __future__ import annotations

import re
import time

import pytest

from bot.summarize import docno_en, summarize

# ---------------------------------------------------------------- numbers a sentence cites or withdraws

_BERTHS = "Berths 5 and 6 close from 2 June 2025 for repairs.\nMasters must book a berth two days ahead.\n"


@pytest.mark.parametrize(
    "text",
    [
        f"This notice supersedes Harbour Notice No. 07/2025.\n{_BERTHS}",
        f"Further to Harbour Notice No. 07/2025, berths 5 and 6 close.\n{_BERTHS}",
        f"In line with Port Bulletin No. 2024-19, berths 5 and 6 close.\n{_BERTHS}",
        f"{_BERTHS}Harbour Notice No. 07/2025 is hereby withdrawn.\n",
        f"{_BERTHS}Harbour Notice No. 07/2025 has been cancelled.\n",
        f"As required by Port Bulletin No. 11 and Harbour Order No. 45, berths close.\n{_BERTHS}",
        f"{_BERTHS}Fees are charged as per Tariff Circular No. 3/2025.\n",
    ],
)
def test_cited_or_withdrawn_number_is_never_the_notices(text: str) -> None:
    assert summarize("Berth closures", text).doc_number is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # The notice's own number beside a cited one, and own numbers a look-alike word stands near.
        (
            f"Harbour Notice No. 12/2025\nThis notice supersedes Harbour Notice No. 07/2025.\n{_BERTHS}",
            "12/2025",
        ),
        (f"Harbour Notice No. 12/2025\n{_BERTHS}", "12/2025"),
        (f"No.: HM/2025/12\nThe following berths close.\n{_BERTHS}", "HM/2025/12"),
        (f"Harbour Notice No. 12/2025 is issued to all masters.\n{_BERTHS}", "12/2025"),
        (f"Under the Harbours Act, Harbour Notice No. 12/2025 closes berths 5 and 6.\n{_BERTHS}", "12/2025"),
        (f"Following the storm, Harbour Notice No. 12/2025 closes berths 5 and 6.\n{_BERTHS}", "12/2025"),
        (f"In line with the new law, Harbour Notice No. 12/2025 closes berths.\n{_BERTHS}", "12/2025"),
    ],
)
def test_own_number_beside_a_cited_one(text: str, number: str) -> None:
    assert summarize("Berth closures", text).doc_number == number


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        (docno_en._CITING, "as per " + "No." * 33_000),
        (docno_en._CITING, "further to " * 9_000),
        (docno_en._WITHDRAWN, "is " * 33_000 + "hereby"),
        (docno_en._WITHDRAWN, "x" * 100_000),
    ],
)
def test_citing_patterns_linear(pattern: re.Pattern[str], line: str) -> None:
    start = time.perf_counter()
    for at in range(0, len(line), 997):
        pattern.search(line, max(0, at - 60), at)
        pattern.match(line, at)
    pattern.search(line)
    assert time.perf_counter() - start < 1.0


# ---------------------------------------------------------------- an event's field is never the notice's date

_FAIR = "Stalls are free for local groups.\nGroups must book by email.\n"


@pytest.mark.parametrize(
    "line",
    [
        "When: Saturday, 14 June 2025",
        "When: Sat 14 June 2025",
        "Craft workshop: Tuesday, 10 June 2025, Library",
        "Deadline for bookings: 6 June 2025",
        "Closing date for stalls: 6 June 2025",
        "Meeting of stallholders: 2 June 2025",
    ],
)
def test_event_field_date_is_not_published(line: str) -> None:
    assert summarize("Summer fair", f"{line}\n{_FAIR}").published is None


@pytest.mark.parametrize(
    "line",
    [
        "Date: Monday, 12 May 2025",
        "Published: Monday, 12 May 2025",
        "Date issued: 12 May 2025",
        "12 May 2025",
    ],
)
def test_own_date_field_with_weekday_still_read(line: str) -> None:
    assert summarize("Summer fair", f"{line}\n{_FAIR}").published == "2025-05-12"


def test_weekday_end_linear() -> None:
    from bot.summarize import published

    start = time.perf_counter()
    line = "Sat " * 25_000
    for at in range(0, len(line), 499):
        published._WEEKDAY_END.search(line[max(0, at - 14) : at])
    published._WEEKDAY_END.search(line)
    published._EVENT_FIELD_HEAD.match("deadline" * 12_500)
    assert time.perf_counter() - start < 1.0


# ---------------------------------------------------------------- a coming event's or a change's date opening a page

_LANE = "Cyclists should use the river path.\nThe cafe stays open.\n"


@pytest.mark.parametrize(
    "opening",
    [
        "On 9 August 2025 the towpath will be closed for a race.",
        "On 9 August 2025 the lock gates are to be replaced.",
        "As of 1 September 2025, dogs must be on leads on the towpath.",
        "Week commencing 11 August 2025",
        "Lock repairs w/c 11 August 2025",
    ],
)
def test_coming_event_or_change_is_not_published(opening: str) -> None:
    assert summarize("Towpath notice", f"{opening}\n{_LANE}").published is None


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        ("On 4 August 2025 the Canal Trust agreed that the towpath will close for a race.", "2025-08-04"),
        ("4 August 2025\nThe towpath will be closed for a race.", "2025-08-04"),
    ],
)
def test_decision_or_date_line_still_dates(opening: str, date: str) -> None:
    assert summarize("Towpath notice", f"{opening}\n{_LANE}").published == date


def test_future_after_linear() -> None:
    from bot.summarize import published

    start = time.perf_counter()
    for line in (", " + "word " * 20_000, " " * 100_000, ", " + "a-" * 50_000 + " will"):
        published._EN_FUTURE_AFTER.match(line, 0)
        published._future_after(line, 0, 0)
        published._future_after("on " + line, 3, 3)
    assert time.perf_counter() - start < 1.0


# ---------------------------------------------------------------- a cited document's date is never the notice's

_PLOT = "Your plot tenancy is renewed for a year.\nRent is payable by card.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Thank you for your letter of 3 January 2025.",
        "Thank you for your letter dated Friday, 3 January 2025 about the shed.",
        "Further to our notice dated 3 January 2025, rents were reviewed.",
        "Re: your planning application of 3 January 2025",
        "As set out in our earlier circular dated 3 January 2025, paths must be clear.",
        "We refer to your e-mail of 3 January 2025.",
    ],
)
def test_cited_document_date_is_not_published(line: str) -> None:
    assert summarize("Plot renewal", f"{line}\n{_PLOT}").published is None
    dated = f"20 February 2025\n\nDear Tenant,\n\n{line}\n{_PLOT}"
    assert summarize("Plot renewal", dated).published == "2025-02-20"


@pytest.mark.parametrize(
    "line",
    [
        "Notice of 3 January 2025",
        "This notice dated 3 January 2025 replaces all earlier ones.",
        "Dated: 3 January 2025",
        "Publication of this notice on 3 January 2025",
        "The Council's decision of 3 January 2025 to close the gates",
        "Minutes of the meeting of 3 January 2025",
        "3 January 2025",
    ],
)
def test_own_date_beside_a_document_word_still_read(line: str) -> None:
    assert summarize("Plot renewal", f"{line}\n{_PLOT}").published == "2025-01-03"


def test_cited_doc_date_linear() -> None:
    from bot.summarize import published

    start = time.perf_counter()
    for line in (
        "your " * 20_000,
        "our letter " * 9_000,
        "the a b " * 12_500,
        "your letter of " * 6_600 + "1",
        "your letter of 1 May 2025 " * 3_800,
    ):
        published._CITED_DOC_DATE.search(line)
        published._mask_cited_dates(line)
    assert time.perf_counter() - start < 1.0
