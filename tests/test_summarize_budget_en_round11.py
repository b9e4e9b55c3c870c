"""English budget rules of round 11 of #9, read from how English notices word an appeal and a term: "calls upon"
and "called upon" someone to do something is the same appeal as "calls on" (a report of an official letter:
"the board has also called upon schools to …"), and neither is one without the infinitive after the one called
on; a due date stated as a predicate of a thing that falls due ("payment is due on the day you book a pitch") is a
directive, "due to" a cause and "due in March" an expectation."""

from __future__ import annotations

import time

import pytest

from bot.summarize import cues, summarize
from bot.summarize.importance import _DUE, weigh
from bot.summarize.rank import score_units
from bot.summarize.sentences import split
from tests.scoring import en_units


def _directive(sentence: str) -> bool:
    return any(u.directive for u in en_units(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The board has also called upon schools and colleges to publish their timetables online.",
        "The council calls upon all residents to conserve water until the main is repaired.",
        "We call upon all residents to conserve water until the main is repaired.",
        "The council is calling upon all residents to conserve water until the main is repaired.",
        # "on" and "upon" are one appeal: "calling on" is one too.
        "The health board is calling on parents to book the second dose for their children.",
        "The Registrar called upon heads of department to submit the attendance returns by Friday.",
        # A notice set in capitals, and a heading's title case: the verb and "on/upon" in any case.
        "THE COUNCIL CALLS ON ALL RESIDENTS TO CONSERVE WATER.",
        "THE COUNCIL CALLS UPON ALL RESIDENTS TO CONSERVE WATER UNTIL THE MAIN IS REPAIRED.",
        "The Council Calls On All Residents To Conserve Water Until The Main Is Repaired.",
        "The Council Calls On all residents to conserve water until the main is repaired.",
    ],
)
def test_called_upon_someone_to_act_is_an_appeal(sentence: str) -> None:
    assert cues.EN_APPEAL.search(sentence) is not None
    assert _directive(sentence)


def test_an_appeal_in_the_passive_with_a_modal_is_one() -> None:
    # "may be called upon to": a duty to come, as "is requested to" is one (cues.OBLIGATION).
    assert cues.EN_APPEAL.search(
        "Volunteers may be called upon to staff the polling stations on election day."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # No infinitive after the one called upon: a visit, a resource drawn on, a noun.
        "The governor called upon the families affected by the flood last week.",
        "She called upon her long experience of the district in the review.",
        "The mayor called upon the family, who spoke to reporters afterwards.",
        "Upon the call to prayer the market falls quiet.",
        "The reserves were called upon twice during the drought.",
        "Residents can call on the helpdesk for advice on recycling.",
        "The council called on residents in the Elm Street area during the survey.",
        "The hall was called Upon Hill House by its first owners.",
        "The ministry called upon the council in June and again in August.",
        # A "to" that is a preposition: a place, a person, a determiner after it.
        "The minister called upon the ambassador to France during her visit last week.",
        "The mayor called upon the residents living next to the old quarry in June.",
        "The mayor called upon an old friend to the dinner at the town hall.",
        # A recalled passive, as "were requested to" is no request (cues.OBLIGATION).
        "The former clerk was called upon to testify at the trial of the contractor.",
        "Two officers were called upon to give evidence at the inquiry last year.",
        # In running text a capital after a lowercase "to" starts a name or an acronym, whatever the case of the
        # verb.
        "The minister called on the envoy to Germany during her visit last week.",
        "The minister Called On the envoy to Germany during her visit last week.",
        "The minister called upon the delegate to NATO during her visit last week.",
        # The same look-alikes set in capitals or title case: a determiner after "to" in any case, the passive,
        # the noun, no infinitive.
        "THE MAYOR CALLED UPON THE RESIDENTS LIVING NEXT TO THE OLD QUARRY IN JUNE.",
        "The Mayor Called Upon The Residents Living Next To The Old Quarry In June.",
        "THE MAYOR CALLED UPON AN OLD FRIEND TO A DINNER AT THE TOWN HALL.",
        "THE FORMER CLERK WAS CALLED UPON TO TESTIFY AT THE TRIAL OF THE CONTRACTOR.",
        "TWO OFFICERS WERE CALLED UPON TO GIVE EVIDENCE AT THE INQUIRY LAST YEAR.",
        "THE GOVERNOR CALLED UPON THE FAMILIES AFFECTED BY THE FLOOD LAST WEEK.",
        "RESIDENTS CAN CALL ON THE HELPDESK FOR ADVICE ON RECYCLING.",
    ],
)
def test_upon_without_someone_to_act_is_no_appeal(sentence: str) -> None:
    assert cues.EN_APPEAL.search(sentence) is None
    assert not _directive(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Look-alikes that other cues may count as directives ("cover", "waived"): no appeal of their own.
        "A call upon the reserve fund to cover the deficit was rejected last year.",
        "A CALL UPON THE RESERVE FUND TO COVER THE DEFICIT WAS REJECTED LAST YEAR.",
        "THE BOARD RECALLED UPON REFLECTION THAT THE FEE HAD BEEN WAIVED.",
        "The board recalled upon reflection that the fee had been waived.",
    ],
)
def test_call_upon_as_a_noun_or_in_another_word_is_no_appeal(sentence: str) -> None:
    assert cues.EN_APPEAL.search(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        # A subject that merely ends in "a", "the", "was", "were" or "been" is no article or passive: the
        # exclusions hold whole words only.
        "FEMA calls on residents to evacuate before the storm arrives.",
        "The Government of India calls upon all citizens to register for the census.",
        "Kenya calls on farmers to vaccinate their cattle before the rains.",
        "Canada calls on travellers to check the advisories before they leave.",
        "Mayor Bathe calls on residents to report damaged street lights.",
    ],
)
def test_a_subject_ending_like_an_excluded_word_still_appeals(sentence: str) -> None:
    assert cues.EN_APPEAL.search(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The call on residents to conserve water was withdrawn in May.",
        "a call upon the fund to cover the deficit was rejected.",
        "The former clerk was called upon to testify at the trial.",
        "Two officers were called upon to give evidence at the inquiry.",
        "She had been called upon to chair the meeting twice before.",
    ],
)
def test_whole_word_article_or_passive_still_blocks_the_appeal(sentence: str) -> None:
    assert cues.EN_APPEAL.search(sentence) is None


def test_an_appeal_called_upon_enters_the_summary() -> None:
    # A report of an official letter: the appeal "called upon … to" is the letter's duty, worth a place in a
    # budget that background fills otherwise.
    text = (
        "The examinations board has written to all head teachers about the timetable for the summer. "
        "The matter was raised at a meeting of the board's standing committee earlier this month in the city. "
        "The letter was sent to every school on Tuesday evening after the meeting had closed. "
        "The board has also called upon schools and colleges to publish their timetables online. "
        "Members said the timetable had been discussed at length by the committee at the meeting."
    )
    result = summarize("Examinations board writes to head teachers", text, budget=150)
    assert "publish their timetables online" in result.summary
    assert "called upon schools and colleges" in result.summary


@pytest.mark.parametrize(
    ("sentence", "appeal"),
    [
        ("The minister called upon the ambassador to France during her visit last week.", False),
        ("The minister called on the envoy to Germany during her visit last week.", False),
        # Set in capitals a country and a verb look alike after "TO": only a determiner ("TO THE") marks the
        # preposition there, and an all-caps "called upon … to" is read as the appeal (cues.EN_APPEAL).
        ("THE MINISTER CALLED UPON THE AMBASSADOR TO FRANCE DURING HER VISIT LAST WEEK.", True),
        ("THE MINISTER CALLED UPON THE AMBASSADOR TO THE COURT DURING HER VISIT LAST WEEK.", False),
    ],
)
def test_the_word_after_to_is_read_by_the_case_of_to(sentence: str, appeal: bool) -> None:
    assert (cues.EN_APPEAL.search(sentence) is not None) is appeal


def test_the_appeal_is_linear() -> None:
    start = time.process_time()
    for line in (
        "called upon " + "word " * 20_000,
        "calls upon " * 9_000,
        "calling on " * 9_000,
        "was called upon " * 6_000,
        "called upon " + "a" * 100_000,
        ("called upon " + "x " * 8) * 5_000,
        "called upon " + "to " * 30_000,
        "called upon " + " " * 100_000,
        "CALLED UPON " + "WORD " * 20_000,
        "CALLS UPON " * 9_000,
        "CALLING ON " * 9_000,
        "WAS CALLED UPON " * 6_000,
        "CALLED UPON " + "A" * 100_000,
        ("CALLED UPON " + "X " * 8) * 5_000,
        "CALLED UPON " + "TO " * 30_000,
        "Called Upon " + "To The " * 15_000,
        ("CALLED UPON " + "TO THE " * 4) * 5_000,
        "called upon " + "to France " * 10_000,
    ):
        cues.EN_APPEAL.search(line)
    assert time.process_time() - start < 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "After the opening week, payment is due on the day you book a pitch.",
        "The second instalment falls due on 1 October 2031.",
        "Renewal fees are due before 31 March 2031.",
        "Rent is due on the first of each month at the housing office.",
        "Water bills are still due by the first deadline.",
        "Applications are due by 5 p.m. on Friday at the faculty office.",
        # A term that says when, though with "not": the date is still the reader's term.
        "The second payment is not due until 1 October 2031.",
    ],
)
def test_a_term_stated_as_a_predicate_is_a_directive(sentence: str) -> None:
    assert cues.en_due_term(cues.main_part(sentence.lower()))
    assert _directive(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Nothing is owed: no term to keep.
        "No further payment is due from households that paid in full last year.",
        "For pensioners no payment is due.",
        # A cause or a debt of thanks, whatever stands between "due" and "to".
        "The closure of the pool is due to staff shortages in the leisure department.",
        "The rise in charges is due in no small part to the storm last week.",
        "The rise in rent is due (in part) to staff shortages in the leisure department.",
        "The higher charge is due - at least in part - to the new lease agreed in May.",
        "The fee rise is due, in part, to higher energy prices in the region.",
        "Our thanks are due, above all, to the volunteers who cleared the park.",
        "Thanks are due to the volunteers who cleared the park on Saturday.",
        "A refund is due to you if the course is cancelled by the college.",
        # Expected or scheduled, a direction, a set phrase: nothing falls due.
        "The zoo's first giraffe calf is due in March, keepers said on Tuesday.",
        "The minister is due in Paris on Monday for talks with her counterparts.",
        "The licence fee is due for renewal next spring, the secretary told the meeting.",
        "The old tower block is due for demolition in 2032 under the estate plan.",
        "The tax office bus is due back in the village on Thursday after its service.",
        "The payment kiosk is due north of the main gate, beside the car park.",
        "The tax auditor is due diligence-bound and checks every supplier each year.",
        "The fee schedule is due out in June after the board has met.",
        # An attribute or a noun.
        "The rent due for the hall was paid by the parish council in full.",
        "The committee gave the proposal due consideration at its last meeting.",
        "Several overdue books were returned to the branch library last month.",
    ],
)
def test_due_as_a_cause_an_expectation_or_an_attribute_is_no_term(sentence: str) -> None:
    assert not cues.en_due_term(cues.main_part(sentence.lower()))
    assert not _directive(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A term after a modal ("will be", "shall be"), "due for payment by", a dated passive after "due to be".
        "The final payment will be due on 1 May 2031 at the council office.",
        "The annual fee shall be due on the first working day of April.",
        "The outstanding balance is due for payment by 30 June 2031.",
        "Tax returns are due to be filed by 31 July 2031.",
        "Application forms are due to be returned no later than 5 June.",
    ],
)
def test_a_term_after_a_modal_or_a_dated_passive_is_a_term(sentence: str) -> None:
    assert cues.en_due_term(cues.main_part(sentence.lower()))


@pytest.mark.parametrize(
    "sentence",
    [
        # "due to be" without a dated deadline: a schedule or an agent, not the reader's term.
        "The annual report is due to be published in June after the audit.",
        "The fee review is due to be debated by the council next month.",
        "The new charges are due to be set by the board at its spring meeting.",
        # a figure after "by" that counts people, not a day
        "Applications fees are due to be considered by 12 members of the panel.",
        # "be due" as a cause, an expectation or a renewal.
        "A refund may be due to you if the course is cancelled.",
        "The higher bill could be due to an error in the meter reading.",
        "The licence fee will be due for renewal next spring.",
        "The annual report will be due out in June.",
        "No further payment will be due from households that paid in full.",
    ],
)
def test_due_to_be_without_a_dated_deadline_is_no_term(sentence: str) -> None:
    assert not cues.en_due_term(cues.main_part(sentence.lower()))


def test_a_cause_gets_no_due_date_bonus() -> None:
    # importance._DUE: "due" next to a date marks a term, not "due in part to" a storm of that date.
    assert _DUE["en"].search("the rise is due in part to the storm of 3 march 2031") is None
    assert _DUE["en"].search("the rise is due, above all, to the storm of 3 march 2031") is None
    assert _DUE["en"].search("payment is due on 3 march 2031") is not None
    assert _DUE["en"].search("payment is due by 3 march 2031 to the registry") is not None


PITCH_PAGE = (
    "Late Pitch Booking Charge\n\n"
    "A late booking charge of $15 will be added for campers who book a pitch after the opening week. "
    "The charge applies to tent pitches and to caravan pitches booked later in the season. "
    "After the opening week, payment is due on the day you book a pitch. "
    "Many campers in past seasons found the booking kiosk quick to use once they had found it. "
    "The site warden's hut stands beside the main gate of the camping field."
)


def test_a_term_stated_as_a_predicate_enters_the_summary() -> None:
    # Without a modal it weighed as background (importance.UNDIRECTED_COST) below the charge's scope sentence.
    sentences = split(PITCH_PAGE, "en")
    weights = {
        w.unit.clause.text: w.weight for w in weigh(score_units(sentences, "en", ""), sentences, "en", None)
    }
    assert (
        weights["payment is due on the day you book a pitch."]
        > weights["The charge applies to tent pitches and to caravan pitches booked later in the season."]
    )
    result = summarize("Late Pitch Booking Charge", PITCH_PAGE, budget=200)
    assert "ayment is due on the day you book a pitch." in result.summary


def test_the_due_term_is_linear() -> None:
    start = time.process_time()
    for line in (
        "is " * 34_000,
        "is due " * 15_000,
        "fee is due " * 10_000,
        "fee " * 25_000 + "is due",
        "are " + "a" * 100_000 + " due",
        "is due to " * 10_000,
        "is due" + " " * 100_000 + "x",
        "is due" + ", (" * 33_000,
        "is due" + " in" * 33_000,
        "due (" * 20_000,
        "will be due to be " * 6_000,
        "is due to be " + "x" * 100_000 + " by",
        "due to be filed by " * 5_000,
    ):
        cues.en_due_term(line)
        _DUE["en"].search(line)
    assert time.process_time() - start < 1.0
