"""Metadata of English notices, round 12b (issue #9 item 4): a government release opening "X announced today
(March 5)" names its body even without a body word; "Dr."/"St."/"Mt."/"Ft." open the names of institutions
named after a person or a place; South Indian state offices number their proceedings "Procs. Rc. No.", "Lr.
No.", "Memo. No." and a General Order heads its field "GO No.:"; a number cited "vide" is another document's; a
gazette notice signs off "Dated the 5th March, 2024". Each rule with look-alikes where it must not fire, each
look-alike beside the form that does. Hand-written texts only."""

from __future__ import annotations

import re
import time

import pytest

from bot.summarize import bodies_en, docno_en, meta_en, published, summarize
from tests.scoring import issuer as _issuer

_POST_TITLE = "Service arrangements of Veland Post"
_POST_BODY = "All post offices will open from 10am to 4pm on weekdays. Deliveries may be two days late.\n"
_TENDER_TITLE = "Tender for the annual servicing of lifts"
_TENDER_BODY = "Bidders must submit sealed bids with a deposit of Rs. 20,000/- by 20.03.2024.\n"
_SCHOOL_TITLE = "Schools to open for full days"
_SCHOOL_BODY = (
    "All District Educational Officers are instructed to open schools for full days from 26.06.2024.\n"
)
_GAZETTE = (
    "IN EXERCISE of the powers conferred by section 4 of the Roads Act, the Minister declares that:\n"
    "1. Mill Road shall be closed to all traffic.\n"
)


# ---------------------------------------------------------------- a release's bracket-dated opening


@pytest.mark.parametrize(
    "opening",
    [
        "Veland Post announced today (March 5) the service arrangements for next week.",
        "Veland Post today (March 5) announced the service arrangements for next week.",
        "Veland Post today (Tuesday) reminded the public of the service arrangements.",
        "In view of the storm, Veland Post announced today (March 5) the service arrangements.",
        "Veland Post urged the public today (March 5) to post their parcels early.",
        "Veland Post yesterday (Mar. 4) issued the service arrangements.",
    ],
)
def test_bracket_dated_opening_names_its_body(opening: str) -> None:
    text = f"{opening}\n{_POST_BODY}Veland Post will keep the public informed.\n"
    assert _issuer(_POST_TITLE, text) == "Veland Post"


def test_bracket_dated_opening_named_again_only_in_the_headline() -> None:
    text = f"Coastal Rail Company announced today (March 5) the timetable for the holiday.\n{_POST_BODY}"
    assert _issuer("Coastal Rail Company holiday timetable", text) == "Coastal Rail Company"


@pytest.mark.parametrize(
    "opening",
    [
        # A person, with an honorific or named in full once and then by honorific and surname.
        "Mr Peter Wong announced today (March 5) new arrangements. Mr Peter Wong will report.",
        "Peter Wong announced today (March 5) new arrangements. Mr Wong will report again.",
        # A post held by a person.
        "The Secretary for Transport, Mr Tam, announced today (March 5) new arrangements.",
        "The Chief Secretary announced today (March 5) new arrangements. The Chief Secretary will report.",
        # An event opens or begins on the day, and a person says.
        "The Lantern Festival begins today (March 5) at the pier. The Lantern Festival will feature lanterns.",
        "Harbour Fair opens today (Monday) at the pier. Harbour Fair will run for a week.",
        "Peter Wong said today (March 5) that mail will be late. Peter Wong said more.",
        # A lone word, and a place that opens longer names.
        "Veland announced today (March 5) new arrangements. Veland will report.",
        "East Veland announced today (March 5) new arrangements. The East Veland Harbour will close.",
        # Named once only.
        "Harbour Ferries announced today (March 5) new arrangements for the holiday.",
        # A post before a person's name between commas; a company another's release reports on mid-clause.
        "The Chief Executive, Mr John Lee, today (March 5) announced new measures. The Chief Executive will.",
        "The Government noted that Coastal Rail announced today (March 5) new fares. Coastal Rail will.",
    ],
)
def test_bracket_dated_opening_look_alikes(opening: str) -> None:
    assert _issuer("Service arrangements", f"{opening}\n{_POST_BODY}") is None
    # The form itself, beside them: a body named again the same way.
    text = f"Harbour Ferries Company announced today (March 5) new arrangements.\n{_POST_BODY}Harbour Ferries Company will."
    assert _issuer("Service arrangements", text) == "Harbour Ferries Company"


# ---------------------------------------------------------------- a regulator's demand of those it regulates

_RETURNS = "Licence holders must file their quarterly returns by the 21st day after each quarter.\n"


@pytest.mark.parametrize(
    ("sentence", "issuer"),
    [
        ("The VGC expects all signatories to make reasonable enquiries.", "VGC"),
        ("The VGC expects every licence holder to report breaches at once.", "VGC"),
        ("The Veland Gambling Commission expects licensees to keep records.", "Veland Gambling Commission"),
        ("The Harbour Authority expects operators to carry a permit.", "Harbour Authority"),
    ],
)
def test_regulator_expecting_of_those_it_regulates(sentence: str, issuer: str) -> None:
    assert _issuer("Quarterly returns", f"{_RETURNS}{sentence}") == issuer


@pytest.mark.parametrize(
    "sentence",
    [
        "The IMF expects growth to slow to 2% next year.",
        "The NWS expects all roads to be icy by morning.",
        "The NWS expects temperatures to fall overnight.",
        "The VGC expects many more visitors at the expo.",
    ],
)
def test_expecting_a_forecast_names_no_issuer(sentence: str) -> None:
    assert _issuer("Outlook", f"{_RETURNS}{sentence}") is None
    assert _issuer("Outlook", f"{_RETURNS}The VGC expects all licensees to file on time.") == "VGC"


# ---------------------------------------------------------------- a subject in the passive

_SCHOOLS = "Schools will open for full days from 26.06.2024.\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "All District Educational Officers are instructed to inform the Headmasters.",
        "The Tenants Association has been asked to respond by Friday.",
        "The Springfield Town Council was established in 1990.",
    ],
)
def test_subject_in_the_passive_is_no_issuer(sentence: str) -> None:
    assert _issuer("School hours", f"{sentence}\n{_SCHOOLS}") is None


@pytest.mark.parametrize(
    ("sentence", "issuer"),
    [
        ("The Ministry of Education has issued new rules for schools.", "Ministry of Education"),
        ("The Ministry of Education is issuing new rules for schools.", "Ministry of Education"),
        ("The Ministry of Education is determined to curb absence.", "Ministry of Education"),
        ("The NWB has issued new rules for schools.", "NWB"),
    ],
)
def test_active_subject_still_issues(sentence: str, issuer: str) -> None:
    assert _issuer("School hours", f"{sentence}\n{_SCHOOLS}") == issuer
    passive = "All District Educational Officers are instructed to inform the Headmasters."
    assert _issuer("School hours", f"{passive}\n{sentence}\n{_SCHOOLS}") == issuer


# ---------------------------------------------------------------- Dr. / St. / Mt. / Ft. before an institution


@pytest.mark.parametrize(
    "name",
    [
        "Dr. Jane Doe Memorial Hospital",
        "Dr. Ambika Prasad University",
        "Mt. Pleasant Community College",
        "Ft. Lewis College",
        "St. Louis County Health Department",
    ],
)
def test_prefixed_institution_keeps_its_prefix(name: str) -> None:
    text = f"TENDER NOTICE\n{name} invites sealed tenders for the servicing of its lifts.\n{_TENDER_BODY}"
    assert _issuer(_TENDER_TITLE, text) == name


@pytest.mark.parametrize("name", ["St. Anne's School", "St Anne's School", "Queen's College"])
def test_institution_named_after_a_person_keeps_its_possessive(name: str) -> None:
    text = f"{name} has announced a tender for the servicing of its lifts.\n{_TENDER_BODY}"
    assert _issuer(_TENDER_TITLE, text) == name


def test_possessive_of_a_place_still_gives_the_body_after_it() -> None:
    assert bodies_en.clean("Veland's Ministry of Health") == "Ministry of Health"
    assert bodies_en.clean("Springfield's Water Board") == "Water Board"
    assert bodies_en.clean("St. Anne's College") == "St. Anne's College"


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # An address's "St." (Street) and "Dr." (Drive) after a street's name or a house number.
        (
            "Bring bids to 40 Main St. Springfield Town Council invites sealed tenders.",
            "Springfield Town Council",
        ),
        ("Send bids to 12 Oak Dr. Veland Water Board invites sealed tenders.", "Veland Water Board"),
        # A person's "Dr." on another line, or before the person's own name.
        ("By Dr. Jane Doe\nSpringfield Town Council invites sealed tenders.", "Springfield Town Council"),
        ("Dr. Jane Doe, Director of the Veland Water Board, announced a tender.", "Veland Water Board"),
        ("Dr. Jane Doe announced a tender for the servicing of lifts.", None),
    ],
)
def test_prefix_look_alikes(text: str, issuer: str | None) -> None:
    assert _issuer(_TENDER_TITLE, f"{text}\n{_TENDER_BODY}") == issuer
    assert meta_en._with_prefix("Veland Water Board", "The Dr. Veland Water Board invites bids.") == (
        "Dr. Veland Water Board"
    )


# ---------------------------------------------------------------- South Indian file numbers, General Orders


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Procs. Rc. No. 1234/B2/2024", "1234/B2/2024"),
        ("Procs.Rc.No. SE01-4455/3/2024-A&I", "SE01-4455/3/2024-A&I"),
        ("Rc.No. 1234/B2/2024, Dated: 05.03.2024", "1234/B2/2024"),
        ("Roc.No. 778/A3/2024", "778/A3/2024"),
        ("Lr. No. 55/C/2024", "55/C/2024"),
        ("Memo.No. 77/E1/2024", "77/E1/2024"),
        ("GO No.:45", "45"),
        ("G.O. No.: 45", "45"),
    ],
)
def test_state_office_file_numbers(line: str, number: str) -> None:
    assert summarize(_SCHOOL_TITLE, f"{line}\n{_SCHOOL_BODY}").doc_number == number
    # Under a list of the references read, each cited inside its line: the own number heading its line.
    text = f"Ref: 1. This office Rc.No. 999/A1/2023, dt. 01.02.2023.\n{line}\n{_SCHOOL_BODY}"
    assert summarize(_SCHOOL_TITLE, text).doc_number == number


@pytest.mark.parametrize(
    "tail",
    [
        "This is as instructed vide Rc.No. 999/A1/2023 dated 01.02.2023.",
        "This is as instructed vide No. 999/A1/2023 dated 01.02.2023.",
        "The reports sent vide Lr. No. 55/C/2023 are noted.",
    ],
)
def test_number_cited_vide_is_never_the_notices(tail: str) -> None:
    assert summarize(_SCHOOL_TITLE, f"{_SCHOOL_BODY}{tail}").doc_number is None
    own = f"Rc.No. 1234/B2/2024\n{_SCHOOL_BODY}{tail}"
    assert summarize(_SCHOOL_TITLE, own).doc_number == "1234/B2/2024"


def test_general_order_field_only_heading_its_line() -> None:
    assert summarize(_SCHOOL_TITLE, f"Chapter: 5\nGO No.:198\n{_SCHOOL_BODY}").doc_number == "198"
    text = f"{_SCHOOL_BODY}Pupils will GO No. 3 route buses home."
    assert summarize(_SCHOOL_TITLE, text).doc_number is None


# ---------------------------------------------------------------- a gazette notice's sign-off date


@pytest.mark.parametrize(
    "line",
    [
        "Dated the 5th March, 2024.",
        "Dated the 5 March 2024.",
        "Dated the 5th day of March, 2024.",
    ],
)
def test_gazette_dated_the(line: str) -> None:
    # A page's posting field the date reader cannot read stands at the top, as on reposted notices.
    text = f"Posted: 8/Mar/2024\n{_GAZETTE}2. Cart Lane shall be one-way.\n3. Fines apply.\n{line}\nCabinet Secretary."
    assert summarize("Gazette Notice: Roads Act", text).published == "2024-03-05"


@pytest.mark.parametrize(
    "tail",
    [
        "Dated the same day as the order of the Minister.",
        "The permit was dated the 5th day of March, 2023 and has expired.",
    ],
)
def test_gazette_dated_the_look_alikes(tail: str) -> None:
    lines = "2. Cart Lane shall be one-way.\n3. Fines apply.\n"
    text = f"Posted: 8/Mar/2024\n{_GAZETTE}{lines}{tail}\nCabinet Secretary."
    assert summarize("Gazette Notice: Roads Act", text).published is None
    signed = f"Posted: 8/Mar/2024\n{_GAZETTE}{lines}{tail}\nDated the 5th March, 2024.\nCabinet Secretary."
    assert summarize("Gazette Notice: Roads Act", signed).published == "2024-03-05"


# ---------------------------------------------------------------- linear on hostile input


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        (meta_en._DATED_OPENING, "Aaaa " * 20_000),
        (meta_en._DATED_OPENING, ", Aaaa Aaaa" * 9_100),
        (meta_en._DATED_OPENING, "\nAaaa announced the" * 5_300),
        (meta_en._DATED_OPENING, "Aaaa today (March 5) " * 4_800),
        (meta_en._DATED_OPENING, ". " + " " * 100_000),
        (meta_en._PREFIX, "Dr. " * 25_000),
        (meta_en._PREFIX_AFTER, "A." * 50_000 + "x"),
        (meta_en._PREFIX_AFTER, " " * 100_000),
        (meta_en._HONORIFIC_BEFORE, "Mr " * 34_000),
        (meta_en._BODY_EVIDENCE, "AB" * 50_000),
        (meta_en._FOUNDED_BY, "Aa" * 50_000),
        (meta_en._DIRECTED_TO, " " * 100_000),
        (published._DAY_OF, "\n" * 100_000),
        (published._SIGN_OFF_DATE_END, "2" * 100_000),
        (published._DATED_THE, "Dated the " * 10_000),
        (published._DAY_OF, "Dated the " * 10_000),
        (docno_en._VIDE, "vide " * 20_000),
        (meta_en._PASSIVE, "is " * 34_000),
        (meta_en._PASSIVE, "are " + "a" * 100_000),
        (docno_en._EN_LABELLED_NO, "Rc.No. " * 14_300),
        (docno_en._EN_LABELLED_NO, "Rc.No. 1/A" + "&A" * 50_000),
        (docno_en._EN_SERIAL_NO, "\nGO No.:" * 12_500),
    ],
)
def test_new_patterns_linear_on_100k_lines(pattern: re.Pattern[str], line: str) -> None:
    assert len(line) >= 99_000
    start = time.perf_counter()
    list(pattern.finditer(line))
    assert time.perf_counter() - start < 1.0


# ---------------------------------------------------------------- review of round 12b: look-alikes refused

_CLINICS = "Clinics in the east district will close at 4pm on weekdays.\n"


@pytest.mark.parametrize(
    "opening",
    [
        # An honorific before the name (its dot reads as a clause's end), or a bare name of two words.
        "Dr. Alan Brook announced today (Monday) that clinics close early. Dr. Alan Brook will say more.",
        "Mr. Tom Ling announced today (March 5) fresh rules. Tom Ling will say more.",
        "Tom Ling urged the public today (Friday) to keep indoors. Tom Ling will patrol.",
        "Senator Ann Rowe announced today (Friday) fresh rules. Senator Ann Rowe will say more.",
        "Queen Mary announced today (Friday) fresh rules. Queen Mary will say more.",
        "New Veland announced today (March 5) fresh rules. New Veland will say more.",
        "Port Ellis announced today (March 5) fresh rules. Port Ellis will say more.",
    ],
)
def test_bracket_dated_person_or_place_is_no_issuer(opening: str) -> None:
    assert _issuer("Clinic hours", f"{opening}\n{_CLINICS}") is None


@pytest.mark.parametrize(
    ("sentence", "issuer"),
    [
        ("The Ministry of Welfare is closed on Monday.", "Ministry of Welfare"),
        ("The Ministry of Welfare has been given powers to close clinics.", "Ministry of Welfare"),
        ("The Treasury Department is required to publish its accounts by March 5.", "Treasury Department"),
        ("The Ministry of Welfare is taken to court by a union.", "Ministry of Welfare"),
        ("The Ministry of Welfare has been asked about the hours.", "Ministry of Welfare"),
    ],
)
def test_passive_keeps_a_body_neither_directed_nor_described(sentence: str, issuer: str) -> None:
    assert _issuer("Clinic hours", f"{sentence}\n{_CLINICS}") == issuer


@pytest.mark.parametrize(
    "sentence",
    [
        "All Heads of Department are informed that clinics reopen on Monday.",
        "The Medical Officers are hereby instructed to open clinics early.",
        "The Ward Council was constituted in 2001.",
        "The Welfare Board has been called upon to review the hours.",
    ],
)
def test_passive_addressed_group_or_described_body_is_no_issuer(sentence: str) -> None:
    assert _issuer("Clinic hours", f"{sentence}\n{_CLINICS}") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The VGC expects many firms to fail next year.",
        "The VGC expects member institutions to see slower growth.",
        "The VGC expects employers to hire fewer staff.",
        "The VGC expects operators to struggle this winter.",
    ],
)
def test_expecting_an_outcome_of_others_names_no_issuer(sentence: str) -> None:
    assert _issuer("Outlook", f"{_RETURNS}{sentence}") is None


def test_prefix_only_at_a_clause_start_or_after_an_article() -> None:
    text = f"Meeting with St. Springfield Town Council invites bids.\n{_TENDER_BODY}"
    assert _issuer(_TENDER_TITLE, text) == "Springfield Town Council"


@pytest.mark.parametrize("name", ["Veland's Hospital", "Ellis's University", "Brook's School"])
def test_possessive_of_a_place_or_founder_names_no_issuer(name: str) -> None:
    text = f"{name} has announced a tender for the servicing of its lifts.\n{_TENDER_BODY}"
    assert _issuer(_TENDER_TITLE, text) is None


def test_bare_go_needs_its_colon() -> None:
    assert summarize(_SCHOOL_TITLE, f"GO No. 7 VAN TO THE YARD\n{_SCHOOL_BODY}").doc_number is None


@pytest.mark.parametrize(
    "text",
    [
        # Quoted after a colon, or going on after the year: another order's date, not the sign-off.
        "GAZETTE NOTICE\nThe order it amends read:\nDated the 9th day of June, 2021.\n2. Fines apply.\nMinister.",
        f"{_GAZETTE}Under the order\nDated the 9th day of June, 2021, fees rise.\nMinister.",
        f"Dated the 9th day of June, 2021.\n{_GAZETTE}2. Cart Lane shall be one-way.\n3. Fines apply.\nMinister.",
    ],
)
def test_cited_dated_the_line_is_no_sign_off(text: str) -> None:
    assert summarize("Gazette Notice: Roads Act", text).published is None
