"""Report frames ("X announced that …") go only when the notice's own kind of speaker reports a clause: a denial,
a doubted source, a third party's own act or a relative "that" keeps its frame (compress._past_frame)."""

from __future__ import annotations

import time

import pytest

from bot.summarize import summarize
from bot.summarize.compress import (
    _EN_FRAME_VERB,
    _EN_NOT_OWN,
    _EN_NOTE,
    _EN_OWN_SPEAKER,
    _EN_THAT_NO_CLAUSE,
    compress,
)


@pytest.mark.parametrize(
    "clause",
    [
        # a denial or a negation: without the frame the clause says the opposite
        "The Water Board has not announced that hosepipe bans will start in the northern districts",
        "The Water Board never announced that hosepipe bans will start in the northern districts",
        "The Water Board denies it announced that hosepipe bans will start in the northern districts",
        "The Water Board hasn't announced that hosepipe bans will start in the northern districts",
        "Nobody at the Water Board announced that hosepipe bans will start in the northern districts",
        "The Water Board wrongly announced that hosepipe bans will start in the northern districts",
        # a doubted or false source
        "Rumours that the Water Board announced that hosepipe bans will start are untrue",
        "Posts claiming the Water Board announced that hosepipe bans will start are untrue",
        "A bogus website posing as the Water Board announced that rebates of 50 dollars are due",
        # another party's own act or view
        "The Anglers Association today announced that its members will fish the reservoir at night",
        "The Drivers Union today warned that bus drivers will walk out on the first of the month",
        "Union officials said that bus drivers will walk out on the first of the month at all depots",
        "The association said that members will fish the reservoir at night from 1 June onwards",
        "The company announced that its depot on Mill Lane will shut for good at the end of March",
        # a relative "that", or "that" pointing at a time: no reported clause follows
        "The charges the Water Board announced that cover sewerage will appear on the April bills",
        "The charges the Water Board announced that month will appear on the April bills",
        "The Water Board announced that afternoon that hosepipe bans will start in the north",
    ],
)
def test_frame_stays_when_it_is_no_report_by_the_notice(clause: str) -> None:
    # Before: each lost its frame ("Hosepipe bans will start …", "Members will fish …", "Cover sewerage will …").
    assert compress(clause, "en") == clause


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "The Ministry of Health today announced that all clinics will close on 3 May",
            "All clinics will close on 3 May",
        ),
        (
            "The Water Board said that hosepipes must not be used until 1 September",
            "Hosepipes must not be used until 1 September",
        ),
        (
            "Harbour officials said that berth 4 will close to ferries from 9 May onwards",
            "Berth 4 will close to ferries from 9 May onwards",
        ),
        (
            "The Council today warned that its car parks will close on 3 May for resurfacing",
            "Car parks will close on 3 May for resurfacing",
        ),
        (
            "The Tax Office announced on Monday that late returns will be fined from 1 July",
            "Late returns will be fined from 1 July",
        ),
        (
            "HMRC said that the filing deadline for paper returns remains 31 October",
            "The filing deadline for paper returns remains 31 October",
        ),
        (
            "The Department of the Environment announced that burning of garden waste is banned from 1 May",
            "Burning of garden waste is banned from 1 May",
        ),
        (
            "The county police spokesperson said that the bridge stays shut to lorries until 4 June",
            "The bridge stays shut to lorries until 4 June",
        ),
        (
            "The Harbour Board announced that the week's sailings to the islands are cancelled",
            "The week's sailings to the islands are cancelled",
        ),
    ],
)
def test_frame_of_the_notices_own_speaker_still_goes(clause: str, expected: str) -> None:
    assert compress(clause, "en") == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Bus drivers will walk out on the first of the month, the drivers' union said",
        "Bus drivers will walk out on the first of the month, union officials said",
        "Rebates of 50 dollars are due to every household, the Water Board never said",
        "Anglers will fish the reservoir at night from June, the association announced",
    ],
)
def test_a_trailing_attribution_to_another_party_stays(clause: str) -> None:
    # Before: ", the drivers' union said" went, so the union's plan read as the notice's own; a denial went too.
    assert compress(clause, "en") == clause


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "Hosepipes must not be used until 1 September, the Water Board said",
            "Hosepipes must not be used until 1 September",
        ),
        (
            "The bridge stays shut to lorries until 4 June, county officials said",
            "The bridge stays shut to lorries until 4 June",
        ),
        (
            "Late returns will be fined from 1 July, the ministry said on Monday",
            "Late returns will be fined from 1 July",
        ),
    ],
)
def test_a_trailing_attribution_to_the_notices_speaker_still_goes(clause: str, expected: str) -> None:
    assert compress(clause, "en") == expected


def test_a_bracket_after_the_frame_keeps_it() -> None:
    # Before: "announced on Monday" went as a frame, the bracket went as an aside: "That fares will rise …".
    clause = (
        "The Ferry Board announced on Monday (in error) that fares will rise on 1 June for all passengers"
    )
    assert compress(clause, "en").startswith("The Ferry Board announced on Monday")


@pytest.mark.parametrize(
    "clause",
    [
        # who is told is limited: a condition, an exception or a scope
        "Tenants other than cleaners are informed that the lifts stop on 2 June for repairs",
        "Members failing to renew are informed that their cards lapse on 2 June",
        "Tenants in Block C are informed that the lifts stop on 2 June for repairs",
        "Households living downstream are reminded that the sluice opens on 2 June",
        "Only registered members are notified that the pool shuts on 2 June",
        "This is to inform tenants living nearby that the lifts stop on 2 June for repairs",
        # an office told something: hearsay, not the notice's own fact
        "The Licensing Unit is informed that some touts are selling permits at the gate",
    ],
)
def test_a_pointer_whose_addressees_limit_the_point_stays(clause: str) -> None:
    assert compress(clause, "en") == clause


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "All tenants are informed that the lifts stop on 2 June for repairs",
            "The lifts stop on 2 June for repairs",
        ),
        (
            "Swimmers are reminded that the pool shuts on 2 June for cleaning",
            "The pool shuts on 2 June for cleaning",
        ),
        ("This is to inform all members that the pool shuts on 2 June", "The pool shuts on 2 June"),
        (
            "The public is hereby notified that the pier closes on 2 June for works",
            "The pier closes on 2 June for works",
        ),
    ],
)
def test_a_pointer_to_plain_addressees_still_goes(clause: str, expected: str) -> None:
    assert compress(clause, "en") == expected


@pytest.mark.parametrize("char", ["a", " ", "x ", "the ", "that ", "A", "’", "not "])
def test_speaker_patterns_are_linear(char: str) -> None:
    line = (char * (100_000 // len(char)))[:100_000]
    start = time.perf_counter()
    for pattern in (_EN_FRAME_VERB, _EN_NOT_OWN, _EN_OWN_SPEAKER, _EN_THAT_NO_CLAUSE, _EN_NOTE):
        pattern.search(line)
    compress("The Water Board said that " + line, "en")
    compress(line + " announced that all clinics will close", "en")
    assert time.perf_counter() - start < 5.0


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a body named by a noun the kinds lacked, or a common word capitalised as its name
        (
            "The Kowloon Weather Observatory announced that the storm signal goes down at noon",
            "The storm signal goes down at noon",
        ),
        (
            "The Centre for Food Safety announced that three brands of frozen prawns are recalled",
            "Three brands of frozen prawns are recalled",
        ),
        (
            "The Harbour Rescue Force said that the east pier stays shut to boats until Friday",
            "The east pier stays shut to boats until Friday",
        ),
        (
            "Island Customs warned that travellers must declare cash above the set limit",
            "Travellers must declare cash above the set limit",
        ),
        (
            "Island Post announced that parcels to the outer islands are delayed by two days",
            "Parcels to the outer islands are delayed by two days",
        ),
        # a third-party word inside the body's "of" name
        (
            "The Registrar of Trade Unions announced that yearly accounts are due by 31 July",
            "Yearly accounts are due by 31 July",
        ),
        (
            "The Registry of Clubs and Societies announced that yearly returns are due by 31 July",
            "Yearly returns are due by 31 July",
        ),
        # an acronym spelt like a relative pronoun
        (
            "WHO announced that the outbreak of dengue in the northern villages is over",
            "The outbreak of dengue in the northern villages is over",
        ),
        # a pronoun at the front goes as a trailing ", it said" does
        (
            "It says that every stall must show its prices in the local currency",
            "Every stall must show its prices in the local currency",
        ),
    ],
)
def test_frame_of_an_own_body_named_otherwise_goes(clause: str, expected: str) -> None:
    assert compress(clause, "en") == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Sources at the Board said that hosepipe bans will start in the northern districts",
        "The Water Board may have announced that hosepipe bans will start in the northern districts",
        "The Water Board earlier announced that hosepipe bans will start in the northern districts",
        "The Water Board had announced that hosepipe bans will start in the northern districts",
        "The former director said that hosepipe bans will start in the northern districts",
        "Some board officials said that hosepipe bans will start in the northern districts",
        "Unnamed officials said that hosepipe bans will start in the northern districts soon",
    ],
)
def test_frame_stays_when_the_report_is_doubted_or_past(clause: str) -> None:
    assert compress(clause, "en") == clause


def test_a_time_between_the_verb_and_that_keeps_the_frame() -> None:
    clause = "The Water Board said yesterday that hosepipe bans will start in the northern districts"
    assert compress(clause, "en") == clause
    clause = "The Water Board said earlier that hosepipe bans will start in the northern districts"
    assert compress(clause, "en") == clause


@pytest.mark.parametrize("unit", ["a.", "a-", "a&", "a'", ".a", "A.", "the."])
def test_speaker_patterns_are_linear_on_runs_of_word_marks(unit: str) -> None:
    line = (unit * (100_000 // len(unit)))[:100_000]
    start = time.perf_counter()
    _EN_NOT_OWN.search(line)
    compress("The Water Board said that " + line, "en")
    compress("Hosepipes are banned, the " + line + " said", "en")
    summarize("Hosepipe ban", line)
    summarize("Hosepipe ban", "The Water Board announced that " + line[:20_000])
    assert time.perf_counter() - start < 5.0


# summarize() cuts a lead frame (rank._without_frame) before compress() sees the clause: the same speaker test
# (compress.report_goes) decides there, so a refused frame reaches the summary.
@pytest.mark.parametrize(
    "body",
    [
        "The Leisure Trust has not said that the lido shuts on 12 August for repairs to its filters.",
        "The Evening Courier said that the lido shuts on 12 August for repairs to its filters.",
        "Sources at the Board said that the lido shuts on 12 August for repairs to its filters.",
        "The Leisure Board once said that lido tickets would never cost more than four pounds a swim.",
        "The Leisure Board never says that the lido shuts on 12 August for repairs to its filters.",
    ],
)
def test_summary_keeps_a_refused_said_frame(body: str) -> None:
    summary = summarize("Lido", body)
    assert summary.headline.rstrip(".") == body.rstrip(".")


@pytest.mark.parametrize(
    "body",
    [
        # a date between the verb and "that": consumed whole, never cut inside
        "The Leisure Board announced on 14 March that the lido shuts on 12 August for repairs.",
        "The Leisure Board said on 14 March that the lido shuts on 12 August for repairs.",
        "The Leisure Board announced on Friday, 14 March 2031 that the lido shuts on 12 August for repairs.",
        "The Leisure Board said in March that the lido shuts on 12 August for repairs.",
    ],
)
def test_a_dated_frame_goes_whole(body: str) -> None:
    assert summarize("Lido", body).headline == "The lido shuts on 12 August for repairs."


@pytest.mark.parametrize(
    "body",
    [
        "The Leisure Board said earlier today that the lido shuts on 12 August for repairs.",
        "The Leisure Board said earlier this week that the lido shuts on 12 August for repairs.",
        "The Leisure Board announced once again that the lido shuts on 12 August for repairs.",
        "The Leisure Board said in a statement that the lido shuts on 12 August for repairs.",
        "The Leisure Board said on the 14th of March that the lido shuts on 12 August for repairs.",
        "The Leisure Board said on Friday the 14th of March that the lido shuts on 12 August for repairs.",
        "The Leisure Board said on 14 March, 15 March and 16 March that the lido shuts early each day.",
    ],
)
def test_time_words_before_that_never_open_the_summary(body: str) -> None:
    headline = summarize("Lido", body).headline
    assert headline.startswith("The Leisure Board")
    assert compress(body, "en").startswith("The Leisure Board")


@pytest.mark.parametrize("unit", ["on 3 May ", "on Monday, ", "in a ", "earlier ", "said that ", "3 "])
def test_frame_time_patterns_are_linear(unit: str) -> None:
    line = (unit * (100_000 // len(unit)))[:100_000]
    start = time.perf_counter()
    compress("The Water Board said " + line, "en")
    compress("The Water Board announced " + line + " that", "en")
    summarize("Hosepipe ban", "The Water Board said " + line)
    assert time.perf_counter() - start < 5.0


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("The circular says that every lido must post its opening hours at the gate.", False),
        ("The guidance says lifeguards must test the water twice a day from 1 June.", False),
        ("The old circular says that every lido must post its opening hours at the gate.", True),
        ("The circular never says that every lido must post its opening hours at the gate.", True),
        ("The draft guidance says lifeguards must test the water twice a day from 1 June.", True),
    ],
)
def test_the_notices_own_document_alone_speaks_for_it(body: str, kept: bool) -> None:
    headline = summarize("Lido", body).headline
    assert headline.startswith("The") is kept
