"""Metadata of English notices, round 13 (issue #9): a release's subject with an adverb or an aside inside its verb
("has formally adopted", "has, since its founding, published", "continues to urge"), a body in its own voice, to its
readers, in the present tense ("is instituting", "thanks you", "regrets any inconvenience"), only opening the text
with its body named again, never a letter's, a quoted one's, a company's, nor under a sign-off; an office the notice
sends its readers to ("the nearest Motor Licensing Office (MLO)") that is no issuer; a letterhead in capitals with a
name's particle in mixed case ("Al-AMAL TEACHING HOSPITAL"); a circular headed by a run-together reference led by
its year ("CIRCULAR 2023RB17TQ") over a circular's lines; a letter's reference at the end of its signer's line
between a closing and a post; a signature's date under a page's posting date, never under a letter's dateline nor
under a past event's telling. Each rule with look-alikes where it must not fire. Hand-written texts only."""

from __future__ import annotations

import re
import time

import pytest

from bot.summarize import docno_en, lines_en, meta_en, published, summarize
from tests.scoring import doc_number as _doc_number
from tests.scoring import issuer as _issuer

_POOL_TITLE = "Pool hours for the summer"
_POOL_BODY = "Lanes close at 7pm on Sundays. Swimmers must shower first.\n"


# ---------------------------------------------------------------- a release's verb with an adverb or an aside


@pytest.mark.parametrize(
    "opening",
    [
        "Lanes at the lido: the County Leisure Trust has formally adopted a summer timetable.",
        "The County Leisure Trust has quietly extended its lane hours.",
        "The County Leisure Trust has, since its founding, published a yearly pool guide.",
        "As the heat builds, the County Leisure Trust continues to urge swimmers to take breaks.",
        "The County Leisure Trust is actively monitoring the water quality.",
    ],
)
def test_release_verb_with_adverb_or_aside(opening: str) -> None:
    assert _issuer(_POOL_TITLE, f"{opening}\n{_POOL_BODY}") == "County Leisure Trust"


@pytest.mark.parametrize(
    "text",
    [
        # A person, a country, a place: no body word.
        "Tom Okafor has formally adopted a new training plan for the relay.\n",
        "Veland has, since its founding, published maps of its rivers.\n",
        "Northfield continues to urge cyclists to wear lights.\n",
        # An adverb that is no act: "likely to face" names no act of the body.
        "The County Leisure Trust is likely to face a larger energy bill.\n",
        # A body described in the passive with an adverb: founded, not acting.
        "The County Leisure Trust was formally instituted in 1961. Its archive is open to visitors.\n",
        "The County Leisure Trust was originally established in 1961. Its archive is open to visitors.\n",
        # An aside that is no perfect's: the comma after a plain verb.
        "Swimmers who phoned the County Leisure Trust, in anger, were asked to wait.\n",
    ],
)
def test_release_verb_look_alikes(text: str) -> None:
    assert _issuer("Notes from the week", text) is None


# ---------------------------------------------------------------- a body in its own voice

_HALL = "Bookings for the sports hall open on Monday. Each club may hold two slots.\n"


@pytest.mark.parametrize(
    ("title", "text", "body"),
    [
        # The voice opens the text and its first line names the body again.
        (
            "Sports hall bookings",
            "So that clubs are treated alike, the Campus Sports Centre is instituting a booking system; from May the "
            f"Campus Sports Centre takes bookings online only.\n{_HALL}",
            "Campus Sports Centre",
        ),
        # Or the headline names it.
        (
            "Campus Sports Centre: new booking rules",
            f"The Campus Sports Centre thanks you for bearing with us.\n{_HALL}",
            "Campus Sports Centre",
        ),
        (
            "Campus Sports Centre closed for repairs",
            f"The Campus Sports Centre regrets any inconvenience this may cause.\n{_HALL}",
            "Campus Sports Centre",
        ),
        (
            "Campus Sports Centre booking changes",
            f"The Campus Sports Centre appreciates your understanding.\n{_HALL}",
            "Campus Sports Centre",
        ),
    ],
)
def test_body_in_its_own_voice(title: str, text: str, body: str) -> None:
    assert _issuer(title, text) == body


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # Named once, at the foot or under the notice's own lines: anyone's voice.
        ("Sports hall bookings", f"{_HALL}The Campus Sports Centre thanks you for bearing with us.\n"),
        ("Sports hall bookings", f"{_HALL}The Campus Sports Centre apologises for any disruption.\n"),
        (
            "Sports hall bookings",
            "Courts were shut on Sunday.\nThe Campus Sports Centre regrets any disruption.\n",
        ),
        # A stance is no longer read as a voice.
        (
            "Campus Sports Centre slots",
            f"Since courts are scarce, the CSC recognizes the need for fair slots.\n{_HALL}",
        ),
        # A third party under a head's name and post, or a club's sign-off.
        (
            "Alumni Association gifts",
            f"{_HALL}Lucy Amadi\nHead Teacher\nThe Alumni Association thanks you for your gifts to the library.\n",
        ),
        (
            "Leisure Centre lanes",
            "Divers, the Leisure Centre appreciates your patience while the boards are fixed.\n"
            f"{_HALL}Westbank Diving Club\n",
        ),
        # A contractor apologising in a council's notice, named by the headline too.
        (
            "Redline Paving Ltd works on Mill Lane",
            "Redline Paving Ltd regrets any inconvenience caused by the Redline Paving Ltd crews on Mill Lane.\n"
            f"{_HALL}",
        ),
        (
            "Oakfield Construction on Mill Lane",
            "The Oakfield Construction Company regrets any inconvenience while Oakfield Construction resurfaces "
            f"Mill Lane.\n{_HALL}",
        ),
        # Under a letterhead that is no body.
        (
            "Borough Council allotments",
            f"RIVERSIDE GARDEN PLOT HOLDERS\nThe Borough Council thanks you.\n{_HALL}",
        ),
        # Quoted, after a speech verb, a colon, or what readers are told they know.
        (
            "Board of Education reading drive",
            "At the launch the minister said: The Board of Education thanks you, and the Board of Education will "
            f"fund libraries.\n{_HALL}",
        ),
        (
            "Board of Education reading drive",
            "Education Minister Rui Tan, opening the fair, said the Board of Education thanks you for reading to "
            f"children.\n{_HALL}",
        ),
        (
            "Exams Council marking",
            f"As candidates will know, the Exams Council is instituting double marking this summer.\n{_HALL}",
        ),
        # A letter: the voice inside it is another's.
        (
            "Parents Forum",
            "Dear parents,\nThe Parents Forum thanks you for the cakes; the Parents Forum raised 300 dollars.\n"
            f"{_HALL}",
        ),
        # A shop's notice quoting the town's traders.
        (
            "Traders Guild week",
            f"Our shop opens late on Friday.\nThe Traders Guild thanks all customers for shopping locally.\n{_HALL}",
        ),
    ],
)
def test_own_voice_third_parties(title: str, text: str) -> None:
    assert _issuer(title, text) is None


@pytest.mark.parametrize(
    "text",
    [
        # Thanks given to a body, or by a person or a country.
        f"We thank the Campus Sports Centre for the loan of its nets.\n{_HALL}",
        f"Thanks to the Campus Sports Centre, every club has a slot.\n{_HALL}",
        f"At the prize-giving Tom Okafor thanked you all.\n{_HALL}",
        f"Ms Ada Ling regrets any inconvenience.\n{_HALL}",
        f"Veland appreciates your understanding.\n{_HALL}",
        # Stems inside nouns and adjectives.
        f"Tickets for the Fire Department appreciation supper are on sale.\n{_HALL}",
        f"Papers go to the Science Research Council institutional ethics panel.\n{_HALL}",
        # Past tense and quoted bodies: a ruling, a report of last week.
        f"In its judgment the Court of Appeal regretted the long wait.\n{_HALL}",
        f"The Industrial Tribunal regretted that the case had stalled.\n{_HALL}",
        f"Last month the Gas Supply Company apologised for the cuts.\n{_HALL}",
        f"In 2001 the Supreme Court recognized the Lakeside Tribal Council.\n{_HALL}",
        # An award, not a stance.
        f"The State Board of Education recognizes Hillcrest Primary as a school of merit.\n{_HALL}",
        # Thanks to others than the readers, and a name read short after "Friends of the".
        f"The Rotary Club thanks all the stewards.\n{_HALL}",
        f"{_HALL}The Friends of the Museum Society thanks you for coming.\n",
        # Other objects: no apology to the readers.
        f"The Water Board regrets that it cannot attend.\n{_HALL}",
        f"The Water Board appreciates the work of the stewards.\n{_HALL}",
        f"The Water Board was instituting reforms in 1990.\n{_HALL}",
    ],
)
def test_own_voice_look_alikes(text: str) -> None:
    assert _issuer("Sports hall bookings", text) is None


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # A third party thanking or apologising inside a school's or a registry's letter: the letterhead writes.
        (
            f"HILLCREST HIGH SCHOOL\n\nThe summer fair raised 4,000 dollars.\nThe Parent Teacher Association thanks "
            f"all members who helped.\n{_HALL}",
            "HILLCREST HIGH SCHOOL",
        ),
        (
            f"DEEDS REGISTRY OFFICE\n\nThe Bus Operating Company regrets any inconvenience.\n{_HALL}",
            "DEEDS REGISTRY OFFICE",
        ),
    ],
)
def test_own_voice_under_a_letterhead(text: str, body: str) -> None:
    assert _issuer("Sports hall bookings", text) == body


# ---------------------------------------------------------------- an office the readers are sent to


def test_nearest_office_is_no_issuer() -> None:
    text = (
        "The DVLA has issued new renewal rules. Drivers may renew at the nearest Motor Licensing Office (MLO) "
        "until June 2.\n"
    )
    assert _issuer("Licence renewals", text) == "DVLA"


@pytest.mark.parametrize("before", ["the nearest", "your local", "the concerned", "any", "their respective"])
def test_office_sent_to_names_nothing(before: str) -> None:
    text = f"Drivers may renew at {before} Motor Licensing Office (MLO) until June 2.\n"
    assert _issuer("Licence renewals", text) is None


def test_office_sent_to_opening_a_sentence_names_nothing() -> None:
    text = (
        "Any Motor Licensing Office (MLO) can stamp the form. Every District Licensing Office keeps copies.\n"
    )
    assert _issuer("Licence renewals", text) is None


def test_office_with_its_acronym_still_named() -> None:
    text = "The Motor Licensing Office (MLO) of Northfield will open on Sunday. Drivers may renew there.\n"
    assert _issuer("Licence renewals", text) == "Motor Licensing Office"


# ---------------------------------------------------------------- a letterhead with a particle


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ("Al-AMAL TEACHING HOSPITAL", "Al-AMAL TEACHING HOSPITAL"),
        ("El-NASR SCHOOL OF PHARMACY", "El-NASR SCHOOL OF PHARMACY"),
        ("McKINLEY TECHNICAL COLLEGE", "McKINLEY TECHNICAL COLLEGE"),
    ],
)
def test_letterhead_with_particle(head: str, body: str) -> None:
    text = (
        f"{head}\n(A Member of the Regional Health Network)\nThe library will close at noon on 4.11.2024.\n"
    )
    assert _issuer("Library hours", text) == body


@pytest.mark.parametrize(
    "head",
    [
        "Al-Amal Street repaving",  # title case: a headline, no letterhead
        "McKENZIE FAMILY REUNION",  # a family's event
        "El-HADI OMAR",  # a person's name
        "Al-ARABIYA HEADLINES",  # a heading's words
        "Ad-HOC WORKING GROUP",  # "ad hoc" is no particle
    ],
)
def test_particle_look_alikes(head: str) -> None:
    text = f"{head}\nEveryone may join on Sunday.\n"
    assert _issuer("Sunday", text) is None


def test_in_capitals() -> None:
    assert lines_en.in_capitals("Al-AMAL HOSPITAL")
    assert lines_en.in_capitals("McKINLEY COLLEGE")
    assert not lines_en.in_capitals("Al-Amal Hospital")
    assert not lines_en.in_capitals("McKinley COLLEGE")
    assert not lines_en.in_capitals("Alan-AMAL HOSPITAL")
    assert not lines_en.in_capitals("Ad-HOC GROUP")


# ---------------------------------------------------------------- a circular's run-together reference

_DUES = "Branch secretaries\nDues for the new year must be paid by 28 February.\n"


@pytest.mark.parametrize("head", ["CIRCULAR 2023RB17TQ", "Circular 2023RB17TQ", "  CIRCULAR 1998GS4  "])
def test_circular_run_code(head: str) -> None:
    text = f"{head}\n\n2 February 2023\n{_DUES}"
    assert _doc_number("Dues reminder", text) == head.split()[1]


@pytest.mark.parametrize(
    "head",
    [
        "CIRCULAR 2023",  # a year
        "NOTICE BOARD",  # a word
        "Bulletin Q3",  # a quarter
        "CIRCULAR FY2023AB",  # a fiscal year's code
        "CIRCULAR ABC123DEF",  # not led by a year
        "CIRCULAR A330NEO",  # an aircraft
        "Please read Circular 2023RB17TQ before voting.",  # cited in a sentence
        "CIRCULAR 2023RB17TQ is withdrawn.",  # a sentence's subject
        "REPORT 2023RB17TQ",  # no kind of notice
        # Other kinds of notice head codes that are no references: a flight, an aircraft, a plate, a model, a
        # postcode, a product's code; a bulletin's code even when it opens with a year.
        "ADVISORY QF1934",
        "NOTICE B737MAX",
        "NOTICE MH12DE1433",
        "Notice ZX900RK",
        "NOTICE M5V3L9",
        "NOTICE XYZ789QRS",
        "BULLETIN 2023RB17TQ",
    ],
)
def test_circular_run_code_look_alikes(head: str) -> None:
    text = f"{head}\n{_DUES}"
    assert _doc_number("Dues reminder", text) is None


@pytest.mark.parametrize(
    "text",
    [
        # Year, letters and serial, but no circular to members under it: a flyer's week, a route, a car model.
        "Circular 2025WK07\nRipe peaches 3.49 a box this week only.\n",
        "CIRCULAR 2025LOOP8\nThe eight mile circular walk starts at the church gate.\n",
        "Circular 2018RS200\nOwners of this model should book a brake check.\n",
    ],
)
def test_circular_run_code_needs_a_circular(text: str) -> None:
    assert _doc_number("This week", text) is None


def test_circular_run_code_to_colleagues() -> None:
    text = "CIRCULAR 2025HQ12RT\n\n3 March 2025\n\nDear Colleagues\n\nThe ballot opens on Monday.\n"
    assert _doc_number("Ballot", text) == "2025HQ12RT"


# ---------------------------------------------------------------- a reference beside the signer's name

_LAB = "The chemistry laboratories will reopen on Tuesday. Coats must be worn at all times.\n"


@pytest.mark.parametrize(
    ("closing", "signer"),
    [
        ("Yours faithfully,", "Olu B. Mensah (Dr) KSU/DS/4.02"),
        ("Yours sincerely", "Ama Mensah KSU/DS/4/02"),
        ("Thank you", "K. A. Boateng  KSU/DSA/9/2023"),
    ],
)
def test_signer_reference(closing: str, signer: str) -> None:
    text = f"{_LAB}{closing}\n{signer}\nDean of Students 4 May 2023\nCopy: Head of Chemistry\n"
    assert _doc_number("Laboratories reopen", text) == signer.split()[-1]


@pytest.mark.parametrize(
    "lines",
    [
        "Yours faithfully,\nCoats must be worn as set out in our letter KSU/DS/4.02\nDean of Students",  # cited
        "Yours faithfully,\nSee Rule KSU/DS/4.02\nDean of Students",  # cited
        "Yours faithfully,\nQuota Seats SC/ST/OBC\nDean of Students",  # a list of categories
        "Yours faithfully,\nVisit Www.Example.Edu/Labs/2023\nDean of Students",  # an address
        "Yours faithfully,\nAma Mensah 04/05/2023\nDean of Students",  # a date
        # A list of award holders with their registration numbers, under no closing.
        "Bursaries were awarded to:\nGrace Achieng Njoroge EDU/4471/2021\nDean of Students",
        # A timetable's row.
        "Wednesday Afternoon Organic Chemistry CHE/ORG/204\nDean of Students",
        # One name with a number, no closing above.
        "Shortlisted:\nPeter Mwangi NRB/456/Z\nDean of Students",
        # Two such lines under a closing: a list, not a signer.
        "Thank you.\nPeter Mwangi NRB/456/Z\nGrace Achieng NRB/457/Y\nDean of Students",
        # No post under the line.
        "Thank you.\nPeter Mwangi NRB/456/Z\nAll students must attend.",
    ],
)
def test_signer_reference_look_alikes(lines: str) -> None:
    text = f"{_LAB}{lines}\n"
    assert _doc_number("Laboratories reopen", text) is None


# ---------------------------------------------------------------- a signature's date under a page's date

_WORKS = "The east car park will be resurfaced next week. Staff may park on the playing field.\n\n"


def _published(text: str) -> str | None:
    return summarize("Car park works", text).published


@pytest.mark.parametrize("day", ["Monday 3 June 2023", "3 June 2023", "June 3, 2023"])
def test_signature_date_under_page_date(day: str) -> None:
    text = f"June 5, 2023\n\n{_WORKS}Tom Okafor\n\nEstates Manager\n\n{day}\n"
    assert _published(text) == "2023-06-03"


def test_signature_date_under_posting_label() -> None:
    text = f"Posted: June 5, 2023\n\n{_WORKS}Ada Ling\n\nFacilities Director\n\n3 June 2023\n"
    assert _published(text) == "2023-06-03"


@pytest.mark.parametrize(
    "closing",
    [
        "Tom Okafor\n\nEstates Manager\n\nFriday 9 June 2023",  # later than the page: an event's date
        "Tom Okafor\n\nStaff are asked to comply.\n\nMonday 3 June 2023",  # a sentence above
        "Tom Okafor\n\nClosing date:\n\nMonday 3 June 2023",  # a label above
        "Room 12\n\nBlock 3\n\nMonday 3 June 2023",  # figures: a place's lines
        "Staff are welcome.\n\nEstates Manager\n\nMonday 3 June 2023",  # no name above the post
        "Tom Okafor\n\nEstates Manager\n\nMonday 3 June 2023 at the Main Gate",  # no date line
        # Three short capitalised lines that are no signature: an event, a closing notice, a policy's foot.
        "Summer Gala\n\nMain Pavilion\n\nSaturday 3 June 2023",
        "Registration Closed\n\nStudent Services\n\nFriday 2 June 2023",
        "Original Policy Signed By\n\nBoard Of Governors\n\n4 January 2019",
        # Common words the text writes in lower case: a place and a heading, not a person.
        "Car Park\n\nSite Manager\n\nMonday 3 June 2023",
        "Next Review\n\nPolicy Director\n\nMonday 3 June 2023",
    ],
)
def test_signature_date_look_alikes(closing: str) -> None:
    assert _published(f"June 5, 2023\n\n{_WORKS}{closing}\n") == "2023-06-05"


@pytest.mark.parametrize(
    ("text", "page"),
    [
        # A letter: its dateline on the first line is its date, not a posting's, whatever the foot says.
        (
            "9 May 2024\n\nDear Mr Banda,\n\nYour permit renewal has been approved.\n\nClara Voss\n\n"
            "Permits Officer\n\n2 May 2024\n",
            "2024-05-09",
        ),
        (
            "Friday 12 July 2024\n\nDear Ms Ito,\n\nThe hall is booked for your event.\n\nOwen Pike\n\n"
            "Lettings Manager\n\n5 July 2024\n",
            "2024-07-12",
        ),
        # A past event told under a posting label: the date under the signature is the event's.
        (
            "Posted: 22 May 2024\n\nThe slides from last week's budget briefing are now online.\n\nNora Quist\n\n"
            "Finance Director\n\nWednesday 15 May 2024\n",
            "2024-05-22",
        ),
        (
            "Published on 20 March 2024\n\nThank you to all who came to the careers fair.\n\nIvo Brandt\n\n"
            "Careers Coordinator\n\nSaturday 16 March 2024\n",
            "2024-03-20",
        ),
        (
            "June 5, 2023\n\nThe staff picnic was held on the field in fine weather.\n\nTom Okafor\n\n"
            "Estates Manager\n\n3 June 2023\n",
            "2023-06-05",
        ),
    ],
)
def test_signature_date_not_a_letter_nor_an_event(text: str, page: str) -> None:
    assert _published(text) == page


def test_letter_dateline_under_letterhead_stays() -> None:
    # A letter's own date under its letterhead, signed two days earlier: the dateline dates it.
    text = (
        f"ASHFORD BOROUGH COUNCIL\n\nJune 5, 2023\n\n{_WORKS}Tom Okafor\n\nEstates Manager\n\n3 June 2023\n"
    )
    assert _published(text) == "2023-06-05"


# ---------------------------------------------------------------- linear on hostile input


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        (meta_en._PRESS, "The Water Board has " + "quickly " * 12_500),
        (meta_en._PRESS, "The Water Board has, " + "a " * 50_000),
        (meta_en._PRESS, "Water Board has, " * 6_000),
        (meta_en._PRESS, "Water Board continues to " * 4_000),
        (meta_en._PRESS, "Water Board thanks " * 5_300),
        (meta_en._ACRONYM_SUBJECT, "WB has " + "ly" * 50_000),
        (meta_en._PASSIVE, "was " + "ly " * 33_400),
        (meta_en._REFERRED_TO, "nearest " * 12_500),
        (meta_en._REFERRED_TO, " " * 100_000),
        (meta_en._REFERRING_HEAD, "Any" * 34_000),
        (meta_en._OWN_VOICE, "The Water Board " * 6_300),
        (meta_en._OWN_VOICE, "Water Board thanks all " * 4_400),
        (docno_en._CLOSING_LINE, "Thank you " * 10_000),
        (docno_en._POST_LINE, "Deputy " * 14_300),
        (published._SIGNER_NAME, "Jane " * 20_000),
        (published._SIGNER_POST, "State " * 16_700),
        (lines_en._CAPS_PARTICLE, "Al-" * 34_000),
        (lines_en._CAPS_PARTICLE, "Mc" * 50_000),
        (docno_en._KIND_RUN_CODE, "CIRCULAR " + "1A" * 50_000),
        (docno_en._KIND_RUN_CODE, "\nCIRCULAR " * 10_000),
        (docno_en._KIND_RUN_CODE, "CIRCULAR 2023" + "AB" * 50_000),
        (docno_en._CIRCULAR_CONTEXT, "Dear " * 20_000),
        (meta_en._QUOTED, "As " * 33_400),
        (meta_en._SIGN_OFF, "a " * 50_000),
        (published._PAST_EVENT, "last " * 20_000),
        (docno_en._SIGNER_REFERENCE, "Jane " * 20_000),
        (docno_en._SIGNER_REFERENCE, "Jane AB/1" + "/A1" * 33_000),
        (docno_en._SIGNER_REFERENCE, "(Mrs) " * 16_700),
    ],
)
def test_new_patterns_linear_on_100k_lines(pattern: re.Pattern[str], line: str) -> None:
    assert len(line) >= 99_000
    start = time.perf_counter()
    list(pattern.finditer(line))
    assert time.perf_counter() - start < 1.0


def test_whole_notice_linear_on_hostile_runs() -> None:
    for run in (
        "has, " * 20_000,
        "Al-" * 34_000,
        "CIRCULAR 1A" * 9_100,
        "Jane AB/1/" * 10_000,
        "The Water Board thanks " * 4_400,
        "Thank you.\nJane AB/1/2\n" * 5_000,
    ):
        start = time.perf_counter()
        summarize("Notice", run)
        assert time.perf_counter() - start < 5.0


# ---------------------------------------------------------------- mends after review


@pytest.mark.parametrize(
    "line", ["Last updated: June 5, 2023", "Updated 5 June 2023", "Page updated June 5, 2023"]
)
def test_update_label_is_no_posting(line: str) -> None:
    # An update's date is never read as a posting's (published._labelled takes none from it): one label pattern,
    # "Posted"/"Published" only.
    assert published._POSTING.search(line) is None
    assert not hasattr(published, "_POSTED")
    assert published._POSTING.search("Posted: June 5, 2023") is not None


@pytest.mark.parametrize("name", ["Hon. Tom Okafor", "Sir Tom Okafor", "Tom Okafor (Prof)"])
def test_signature_date_under_any_honorific(name: str) -> None:
    # One list of honorifics (bodies_en.HONORIFIC) for a signer's name and a body's speaker.
    text = f"June 5, 2023\n\n{_WORKS}{name}\n\nTown Clerk\n\n3 June 2023\n"
    assert _published(text) == "2023-06-03"


@pytest.mark.parametrize("post", ["Bursar", "Deputy Provost", "Department Head"])
def test_signature_date_under_any_signer_post(post: str) -> None:
    # One list of signers' posts (bodies_en.SIGNER_POST_WORD) for the signature's date and the signer's reference.
    text = f"June 5, 2023\n\n{_WORKS}Tom Okafor\n\n{post}\n\n3 June 2023\n"
    assert _published(text) == "2023-06-03"


def test_shared_valediction_linear() -> None:
    start = time.perf_counter()
    for line in (" " * 100_000 + "x", "\t" * 100_000 + "regardsx", "Yours " + " " * 100_000):
        assert lines_en._VALEDICTION.match(line) is None
        assert docno_en._CLOSING_LINE.match(line) is None
    assert time.perf_counter() - start < 1.0
