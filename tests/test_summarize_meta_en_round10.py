"""Round 10's English metadata rules (issue #9, part 4): how English releases and notices are built, not one
set's wording. A release's first sentence with its body as the subject, an authorisation or "Issued on … by"
foot line, a post named with its article, a court's practice note or direction, the agency's own .gov site.
Hand-written texts only."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from bot.summarize import summarize
from bot.summarize.docno_en import _EN_SERIAL_NO
from bot.summarize.lines_en import _END_MARK, _FOOT_ISSUED, RELEASE_HEADER
from bot.summarize.meta_en import _GOV_SITE, _OPENING_DATELINE, _OPENING_SUBJECT, _TITLE_ONLY

_DUTY = " Residents must store water before 4 June 2022."


def _quick(run: Callable[[], object]) -> None:
    start = time.process_time()
    run()
    assert time.process_time() - start < 1.0


# --- 1: a release opens with its body addressing the public, whatever words its name is made of.


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Auckland Transport is advising commuters that trains will not run this weekend.",
            "Auckland Transport",
        ),
        ("Bord Gáis Energy is advising customers that bills are due by Friday.", "Bord Gáis Energy"),
        ("OTTAWA, April 20, 1998 – Northern Rail today reminded passengers to book early.", "Northern Rail"),
        ("Westland Energy (WE) reminds customers that meters will be read in May.", "Westland Energy"),
        ("MEDIA RELEASE\n\nCoastal Ferries has today announced a new timetable.", "Coastal Ferries"),
        ("Harbour Water is calling upon residents to save water.", "Harbour Water"),
    ],
)
def test_opening_subject_is_the_issuer(text: str, body: str) -> None:
    assert summarize("Notice", text + _DUTY).issuer == body


@pytest.mark.parametrize(
    "text",
    [
        # The public addressed, passive: no body.
        "Dog Owners are reminded that registration is due.",
        # A person with a title is no body.
        "Minister Jane Doe is urging residents to vote.",
        # A date is no body.
        "Monday March is reminding nobody.",
    ],
)
def test_opening_subject_not_a_body(text: str) -> None:
    assert summarize("Notice", text + _DUTY).issuer is None
    # The same release opened by a body names it.
    assert (
        summarize("Notice", "Valley Transit is urging riders to plan ahead." + _DUTY).issuer
        == "Valley Transit"
    )


def test_opening_subject_only_in_the_first_sentence() -> None:
    text = "Water will be off on Monday." + _DUTY + "\n\nValley Transit is advising riders to plan ahead."
    assert summarize("Notice", text).issuer is None
    assert summarize("Notice", text.split("\n\n")[1] + _DUTY).issuer == "Valley Transit"


# --- 2: an authorisation line, and an issuing line with its date before the body.


@pytest.mark.parametrize(
    ("foot", "body"),
    [
        ("Authorised by the Northern Shire Council, 10 Main Street", "Northern Shire Council"),
        ("Authorized by the County Clerk's Office", "County Clerk's Office"),
        ("Issued on 3 March 2020 by the Water Authority.", "Water Authority"),
    ],
)
def test_issuing_foot_line(foot: str, body: str) -> None:
    assert summarize("Notice", "Residents are advised of the closure." + _DUTY + "\n\n" + foot).issuer == body


# --- 3: a post with its article ("FROM: The Secretary") or its rank or area ("Divisional Commissioner") names
# no body: the release's own subject is its issuer.


@pytest.mark.parametrize(
    "post", ["Divisional Commissioner", "Provincial Commissioner", "National Commissioner"]
)
def test_post_with_its_area_in_an_issued_by_line(post: str) -> None:
    text = (
        "The Veland Police Service is calling upon members of the public to assist.\n\nENDS\n\n"
        f"Issued by: Lieutenant General Jane Doe, {post}"
    )
    assert summarize("Appeal", text).issuer == "Veland Police Service"


def test_post_with_article_is_no_issuer() -> None:
    text = (
        "MEMORANDUM CIRCULAR NO. 2019-45\n\nTO: All regional directors\nFROM: The Secretary\n\n"
        + _DUTY.strip()
    )
    r = summarize("Circular", text)
    assert r.issuer is None
    assert r.doc_number == "2019-45"
    assert _TITLE_ONLY.match("The Secretary")


# --- 4: a court's practice note or direction: its series letters are part of its number.


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Practice Note SC Gen 1", "SC Gen 1"),
        ("Practice Direction PD 5.1", "PD 5.1"),
        ("Practice Note SC CL 7", "SC CL 7"),
    ],
)
def test_practice_note_number(line: str, number: str) -> None:
    text = (
        "SUPREME COURT OF VELAND\n"
        + line
        + "\n\nParties must file documents electronically from 1 January 2006."
    )
    assert summarize("Practice note", text).doc_number == number


# --- 5: a release sends readers to its own agency's site; only an acronym the text uses.


def test_own_gov_site_names_the_agency() -> None:
    text = "Floridians are encouraged to register. Visit the FEMA website at www.fema.gov." + _DUTY
    assert summarize("Deadline", text).issuer == "FEMA"


def test_gov_site_without_the_acronym_in_text() -> None:
    text = "Floridians are encouraged to register online at www.fema.gov." + _DUTY
    assert summarize("Deadline", text).issuer is None
    assert summarize("Deadline", text + " FEMA staff will help.").issuer == "FEMA"


# --- 6: a release's header naming its body on the kind's line; the "ENDS" mark before the body's boilerplate.


@pytest.mark.parametrize(
    ("header", "body"),
    [
        ("DEPARTMENT OF HEALTH NEWS RELEASE", "DEPARTMENT OF HEALTH"),
        ("Department of Health – Media Release", "Department of Health"),
        ("Veland Treasury | Press Statement", "Veland Treasury"),
    ],
)
def test_release_header_names_its_body(header: str, body: str) -> None:
    text = header + "\n\nResidents are advised of the closure." + _DUTY
    assert summarize("Notice", text).issuer == body


@pytest.mark.parametrize("mark", ["ENDS", "-ENDS-", "- ENDS -"])
def test_ends_mark_before_boilerplate(mark: str) -> None:
    text = (
        _DUTY.strip()
        + f"\n\n{mark}\n\nAbout the Authority\nThe Civil Aviation Authority regulates air safety."
    )
    assert summarize("Notice", text).issuer == "Civil Aviation Authority"


# --- 7: a body's courtesy before its act ("would like to remind", "wishes to inform", "takes this opportunity
# to"), its concern ("has noted with concern"), and the public addressed in the passive ("informed by the …").


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The Department of Labour (DoL) would like to remind employers that returns are due.",
            "Department of Labour",
        ),
        ("The City of Tshwane wishes to inform residents that water will be off.", "City of Tshwane"),
        (
            "The Ministry of Health and Wellness wishes to notify the public of an outbreak.",
            "Ministry of Health and Wellness",
        ),
        ("The Registrar of Companies wishes to advise the public that fees rise.", "Registrar of Companies"),
        ("Auckland Transport would like to advise commuters that trains will not run.", "Auckland Transport"),
        (
            "Members of the public are hereby informed by the Veland Police Service that roads close.",
            "Veland Police Service",
        ),
        ("The Veland Police Service has noted with concern the rise in thefts.", "Veland Police Service"),
    ],
)
def test_courtesy_concern_and_passive_forms(text: str, body: str) -> None:
    assert summarize("Notice", text + _DUTY).issuer == body


# --- 8: a circular heading its line with its year after the serial; a Philippine department's short kinds.


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Circular 3 of 2020", "3"),
        ("DO No. 12, s. 2020", "12"),
        ("AO No. 5", "5"),
        ("DM NO. 31, Series of 2019", "31"),
    ],
)
def test_serial_heading_its_line(line: str, number: str) -> None:
    assert summarize("Notice", line + "\n\nAll offices must comply by 30 June 2020.").doc_number == number
    # The serial alone is not the number when a code goes on ("No. 45/2020" is "45/2020").
    text = "Ministry of Justice\n\nPRESS RELEASE\n\nNo. 45/2020\n\nAll offices must comply by 30 June 2020."
    assert summarize("Notice", text).doc_number == "45/2020"
    assert summarize("Notice", "DO No. 12/2020\n\nAll offices must comply.").doc_number == "12/2020"


# --- 9: linear on hostile input.


def test_new_patterns_linear() -> None:
    _quick(lambda: _OPENING_SUBJECT.match("Aa " * 33_334))
    _quick(lambda: _OPENING_SUBJECT.match("A of " * 20_000))
    _quick(lambda: _OPENING_DATELINE.match("A" + "1" * 100_000))
    _quick(lambda: _OPENING_DATELINE.match("A" + "," * 100_000))
    _quick(lambda: list(_FOOT_ISSUED.finditer("Issued on " + "1 " * 50_000)))
    _quick(lambda: list(_EN_SERIAL_NO.finditer("Practice Note " + "AB " * 33_000)))
    _quick(lambda: list(_EN_SERIAL_NO.finditer("\nDO No. " * 12_500)))
    _quick(lambda: list(_EN_SERIAL_NO.finditer("\nCircular 3 of" + " " * 100_000)))
    _quick(lambda: list(_GOV_SITE.finditer("a." * 50_000)))
    _quick(lambda: summarize("Notice", "Aa " * 33_334))
    _quick(lambda: RELEASE_HEADER.match("a " * 50_000 + "news"))
    _quick(lambda: _END_MARK.search("-" * 100_000))
