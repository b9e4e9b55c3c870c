"""English budget rules read from how notices are built (round 9 of #9): the last day named as a due date, lead
times counted from an event, a duty stated as a necessity or a request, an office memorandum's "may be
circulated", a dated rescission that is no archive note, a memorandum's subject and reference lines."""

from __future__ import annotations

import time

import pytest

from bot.summarize import cues, summarize
from bot.summarize.importance import _STRONG
from bot.summarize.rank import _EN_MAY_PASS_ON, score_units
from bot.summarize.sentences import split
from tests.scoring import scored, unit


def test_the_last_day_named_is_a_due_date() -> None:
    # "The last day to … is <date>" states the deadline as a predicate, without a modal: it is what a reader acts on.
    text = (
        "Residents of the town elect a new council this spring.\n"
        "The Town Clerk's office moved to the old library building on Monday, March 4.\n"
        "The last day to return nomination papers is Friday, March 8.\n"
    )
    units = scored(text, "en")
    assert unit(units, "The last day").score > unit(units, "The Town Clerk").score + 1.0


def test_a_conceded_last_day_is_background() -> None:
    # "Although … is the last day …" sets the date against what follows (some have more time): no due date.
    units = scored(
        "Although Friday, March 8 is the last day for most residents to file, some may have more time.\n"
        "Friday, March 8 is the last day for residents to file their forms at the office.\n",
        "en",
    )
    assert (
        unit(units, "Although").score + 1.0
        < unit(units, "Friday, March 8 is the last day for residents").score
    )


@pytest.mark.parametrize(
    "text",
    [
        "Organizations will email the office at least 2 weeks prior to the distribution date.",
        "Soldiers have 180 days after they leave the combat zone to file their returns.",
        "Tenants must give notice three months before they move out.",
    ],
)
def test_a_lead_time_counted_from_an_event_is_a_time_limit(text: str) -> None:
    assert cues.TIME_LIMIT.search(text)


@pytest.mark.parametrize(
    "text", ["Training lasts 2 weeks and ends with a test.", "The 2 weeks of the festival are busy."]
)
def test_a_span_without_its_event_is_no_time_limit(text: str) -> None:
    assert not cues.TIME_LIMIT.search(text)


def test_a_lead_time_outranks_a_process_statement() -> None:
    text = (
        "Once approval has been granted, the approved flyer will be sent to the schools by the office.\n"
        "Organizations seeking approval will email the office at least 2 weeks prior to the distribution date.\n"
    )
    units = scored(text, "en")
    assert unit(units, "at least 2 weeks").score > unit(units, "Once approval").score + 0.5


def test_a_duty_stated_as_a_necessity_is_strong() -> None:
    # "It is essential that all staff be available …": the subjunctive after a necessity binds like "must".
    text = (
        "Many students will be wanting to have their forms signed on Wednesday afternoon.\n"
        "It is essential that all faculty members be available in their offices on Wednesday afternoon.\n"
    )
    units = scored(text, "en")
    assert unit(units, "It is essential").score > unit(units, "Many students").score + 1.0
    assert _STRONG["en"].search("it is critical for employers to adhere to the minimum terms")


@pytest.mark.parametrize(
    "text",
    [
        "All the Ministries and Departments are requested not to open the canteens until further orders.",
        "It is, further requested that all Ministries may also furnish photos of the canteens.",
        "The advisory requests that health care providers ask patients about their travel history.",
    ],
)
def test_a_request_is_a_directive(text: str) -> None:
    units = scored(text + "\n", "en")
    assert units[0].directive


def test_a_recalled_request_is_no_directive() -> None:
    # "… wherein all Ministries were requested to …" cites an earlier memorandum's request.
    units = scored(
        "Reference is invited to the memorandum wherein all Ministries were requested to look into it.\n",
        "en",
    )
    assert not units[0].directive


def test_an_office_memorandums_may_passes_the_instruction_on() -> None:
    text = (
        "The contents of this Office Memorandum may also be brought to the notice of all attached offices.\n"
        "Vaccination may also be helpful for older people in the district.\n"
    )
    units = scored(text, "en")
    passed = unit(units, "brought to the notice")
    assert passed.directive
    assert passed.score > unit(units, "Vaccination").score + 1.0


def test_a_dated_rescission_is_content_and_an_archive_note_is_not() -> None:
    text = (
        "Effective immediately, the county health order of March 2, 2020 is amended.\n"
        "The Amended Orders issued on July 13, 2020 are no longer in effect as of September 8, 2020.\n"
        "This Order is no longer in effect.\n"
    )
    units = scored(text, "en")
    assert any("July 13" in u.clause.text for u in units)
    assert not any(u.clause.text.startswith("This Order is no longer") for u in units)


def test_a_memorandums_subject_and_reference_lines_are_no_content() -> None:
    text = (
        "Subject :- Revision of pension under the new scheme.\n"
        "Ref :- This office Circular No. 555 dated 04.02.2016.\n"
        "Pension in such cases shall be revised to the rank of Naib Subedar from July 1, 2014.\n"
    )
    units = scored(text, "en")
    assert not any("Revision of pension" in u.clause.text or "Circular No" in u.clause.text for u in units)
    assert "shall be revised" in summarize("Revision of pension", text).summary


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        (cues.TIME_LIMIT, "1 " * 50_000),
        (cues.TIME_LIMIT, "2 weeks " * 12_500),
        (_STRONG["en"], "it is " * 16_000),
        (cues.caseless(cues.OBLIGATION["en"]), "are, " * 20_000),
        (cues.caseless(cues.OBLIGATION["en"]), "is x, " * 16_000),
        (_EN_MAY_PASS_ON, "may be " * 14_000),
        (cues.EN_CONCESSION, "although " * 11_000),
        (cues.caseless(cues.BOILERPLATE["en"]), "a" * 100_000),
        (cues.caseless(cues.BOILERPLATE["en"]), "no longer in effect " * 5_000),
        (cues.caseless(cues.BOILERPLATE["en"]), "subject " * 12_500),
        (cues.EN_SUBJECT_LINE, "sub " * 25_000),
    ],
)
def test_the_new_patterns_are_linear(pattern: object, line: str) -> None:
    # A generous bound for a loaded machine, far below what a quadratic scan of 100,000 characters takes.
    import re

    assert isinstance(pattern, re.Pattern)
    start = time.process_time()
    pattern.search(line)
    pattern.search(line.upper())
    assert time.process_time() - start < 1.0


def test_a_subject_line_stating_the_measure_is_content() -> None:
    # a subject line with a date, a figure or a modal says the measure; one that is the title's words does not
    text = (
        "Subject: Extension of the last date for filing returns to 31 December 2031.\n"
        "The competent authority has considered the representations received.\n"
    )
    result = summarize("Office memorandum", text)
    assert "31 December 2031" in result.headline
    assert "31 December 2031" in result.summary
    text = "Sub: Revision of fees The revised fee of Rs. 500 must be paid by all students by 15 July 2031.\n"
    result = summarize("Fees", text)
    assert "Rs. 500 must be paid by all students by 15 July 2031" in result.headline
    assert result.summary
    text = (
        "Subject: Revision of fees from 1 July 2031\n"
        "All students must pay the revised fee at the accounts office by 15 July 2031.\n"
    )
    units = score_units(split(text, "en"), "en", "Revision of fees from 1 July 2031")
    assert not any("Subject" in u.clause.text for u in units)
    assert any("revised fee" in u.clause.text for u in units)


def test_a_subject_line_with_the_titles_words_and_its_own_date_is_kept() -> None:
    title = "Revision of the closing date for pension applications"
    text = (
        "Subject: Revision of the closing date for pension applications to 30 June 2032.\n"
        "The matter has been examined by the department in consultation with the finance wing."
    )
    assert "30 June 2032" in summarize(title, text).summary
    # the same line under a title that holds its date only repeats it
    dated = title + " to 30 June 2032"
    assert "Subject:" not in summarize(dated, text).summary


def test_a_subject_line_without_a_full_stop_holding_a_duty_is_kept() -> None:
    text = (
        "Subject: All drivers must renew their permits by 9 April 2032\n"
        "The matter has been examined by the department in consultation with the finance wing."
    )
    assert "9 April 2032" in summarize("Permit renewal", text).summary
