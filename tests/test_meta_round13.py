"""Metadata forms of English notices in general (issue #9 item 4, round 13): an office named after a city's or a
county's officer ("Office of the City Clerk") is a whole body beside a kind of document or a date, while an event's
headline that begins with such a name is not. Hand-written texts only."""

from __future__ import annotations

import time

import pytest

from bot.summarize import lines_en, summarize

_TITLE = "Water Main Repairs on Elm Street"
_BODY = (
    "Elm Street between Second Avenue and Fifth Avenue will be closed to all traffic from 8 a.m. to 5 p.m. on "
    "June 4, 2025. Drivers must use the signed detour.\n"
)


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        ("Office of the City Clerk – News Release", "Office of the City Clerk"),
        ("Office of the County Assessor - Press Release", "Office of the County Assessor"),
        ("Office of the City Manager | News", "Office of the City Manager"),
        ("Posted on: June 1, 2025 | Office of the Town Clerk", "Office of the Town Clerk"),
    ],
)
def test_office_of_a_place_officer_beside_its_kind(header: str, issuer: str) -> None:
    summary = summarize(_TITLE, f"{header}\nJune 1, 2025\n{_BODY}")
    assert summary.issuer == issuer


@pytest.mark.parametrize(
    "header",
    [
        # A headline that begins with the office's name and goes on is no body.
        "Office of the City Clerk Election Results - News",
        "Office of the County Clerk Open House - Notice",
        "Office of the City Attorney Annual Report - Notice",
        # The officer alone, or the officer with a person's name, is a post or a person.
        "City Clerk - Notice",
        "City Clerk Jane Roe - News Release",
        # A place's body before an event's words stays refused as before.
        "City Council Meeting Cancelled - Notice",
        "Department of Parks Summer Camp - News Release",
    ],
)
def test_headline_beginning_with_an_office_is_no_body(header: str) -> None:
    summary = summarize(_TITLE, f"{header}\nJune 1, 2025\n{_BODY}")
    assert summary.issuer is None


def test_office_of_a_place_officer_is_linear() -> None:
    name = "Office" + " of the City" * 20_000 + " Clerk"
    started = time.process_time()
    lines_en._body_shaped(name)
    assert time.process_time() - started < 1.0
