"""Metadata fast paths (bracketed-acronym lines, code and dotted-date pre-checks) find what the plain scans find."""

from __future__ import annotations

import datetime as dt
import random

from bot.summarize import bodies_en, published
from bot.summarize.docno_en import en_doc_number
from bot.summarize.meta import find_doc_number
from bot.summarize.sentences import split


def _mix(rng: random.Random, parts: list[str], seps: list[str], count: int) -> str:
    return "".join(rng.choice(parts) + rng.choice(seps) for _ in range(rng.randrange(1, count)))


def test_bracketed_acronym_lines_give_the_plain_scan_s_matches() -> None:
    rng = random.Random(9)
    parts = [
        "The", "the", "Ministry of Manpower", "(MOM)", "Internal Revenue Service", "(IRS)", "(Cal OES)", "of",
        "and", "HM Revenue and Customs", "(HMRC)", "Board", "said", "(", ")", "Employers", "(ab", "Department",
    ]  # fmt: skip
    seps = ["", " ", "\t", "\n", ", ", ". ", "\n\n"]
    found = 0
    for _ in range(1500):
        text = _mix(rng, parts, seps, 14)
        for fast, pattern in (
            (bodies_en.acronymed_in, bodies_en.ACRONYMED),
            (bodies_en.spelled_in, bodies_en.SPELLED),
        ):
            plain = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast(text)] == plain, text
            found += bool(plain)
    assert found > 200
    # Two lines, each with its own: both found, in order, at their offsets in the whole text.
    text = "Ministry of Manpower (MOM)\nThe Internal Revenue Service (IRS) said"
    assert [m.group(1, 2) for m in bodies_en.acronymed_in(text)] == [
        ("Ministry of Manpower", "MOM"),
        ("Internal Revenue Service", "IRS"),
    ]


def test_english_numbers_are_found_where_a_code_may_be_and_only_there() -> None:
    assert en_doc_number("Update", "Release No. 2031-17\nThe Board said.") == "2031-17"
    assert en_doc_number("Update", "Ref: SWA/2026/12\nThe Board said.") == "SWA/2026/12"
    assert en_doc_number("Storm update", "The Board said the roads are open. Order No. 45 stands.") == "45"
    # No dash, slash or labelled serial: no number, not a bare figure.
    assert en_doc_number("Storm update", "The Board said 45 roads are open.") is None
    assert find_doc_number("Storm update", "The Board said 45 roads are open.", "en") is None


def test_dotted_dates_are_read_only_where_a_dot_runs_into_a_year() -> None:
    assert published._may_dot_date("Issued 07.03.2025")
    assert published._may_dot_date("on 1.2.1999")
    assert not published._may_dot_date("Version 2.0.1, 3.5 km")
    # A page with a day-first dotted date gives it as written; its own date is read from the dotted line.
    text = "Notice\n13.03.2025\nThe Board closes the road."
    assert published.find_published(split(text, "en", 50), "en", 2025, None, "Notice") == dt.date(2025, 3, 13)
