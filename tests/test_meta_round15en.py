"""Metadata, round 15 (issue #9, English): a source a sentence cites is no issuer beside the notice's own letterhead
or signature, nor deep in the text; numbers a participle cites ("as stated in") are another document's; an
invitation's date and a calendar's items are no notice's date. Hand-written texts only.
Tests named "..._still_..." / "..._keep_..." / "own_..." are guards: look-alikes right before the change too, which
the new rules must not break."""

from __future__ import annotations

import re
import time

import pytest

from bot.summarize import docno_en, meta_en, published, summarize

_RULE = (
    "Stallholders must renew their licences before the end of each quarter.\n"
    "Unlicensed stalls will be removed by the market wardens.\n"
)
_TITLE = "Market stall licences"

# ---------------------------------------------------------------- a cited source


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # A letterhead or a "From:" line names the writer; the lead's source is a third party's figure.
        (
            "PORTSEA MARKETS AUTHORITY\n\nAccording to the Chamber of Traders, footfall fell by a tenth.\n"
            + _RULE,
            "PORTSEA MARKETS AUTHORITY",
        ),
        (
            "From: Portsea Markets Authority\n\nAccording to the Chamber of Traders, footfall fell.\n"
            + _RULE,
            "Portsea Markets Authority",
        ),
        # So does a signature under the text.
        (
            "According to the Chamber of Traders, footfall fell by a tenth.\n"
            + _RULE
            + "\nOla Brandt\nMarkets Manager\nPortsea Markets Authority\n",
            "Portsea Markets Authority",
        ),
        (
            "According to the Chamber of Traders, footfall fell by a tenth.\n"
            + _RULE
            + "\n— Portsea Markets Authority\n",
            "Portsea Markets Authority",
        ),
    ],
)
def test_cited_source_ranks_below_letterhead_and_signature(text: str, issuer: str) -> None:
    assert summarize(_TITLE, text).issuer == issuer


@pytest.mark.parametrize(
    "text",
    [
        # A source cited below the lead: a figure or a claim the notice quotes.
        _RULE + "According to the Chamber of Traders, most stallholders already comply.\n",
        _RULE + "\nFootfall fell by a tenth last year, according to the Portsea Traders Association.\n",
        _RULE + "\nFootfall fell by a tenth last year, according to PTA.\n",
    ],
)
def test_cited_source_below_the_lead_is_no_issuer(text: str) -> None:
    assert summarize(_TITLE, text).issuer is None


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # A report's lead relaying the body's rule still names it, at either end of the sentence.
        (
            "According to the Portsea Markets Authority, stallholders must renew their licences.\n" + _RULE,
            "Portsea Markets Authority",
        ),
        (
            "Stallholders must renew their licences, according to the Portsea Markets Authority.\n" + _RULE,
            "Portsea Markets Authority",
        ),
        # Under a page's date line the lead is still the first sentence.
        (
            "12 May 2025\nStallholders must renew their licences, according to the Portsea Markets Authority.\n"
            + _RULE,
            "Portsea Markets Authority",
        ),
    ],
)
def test_cited_source_in_the_lead_still_names_the_body(text: str, issuer: str) -> None:
    assert summarize(_TITLE, text).issuer == issuer


# ---------------------------------------------------------------- numbers a participle cites


@pytest.mark.parametrize(
    "line",
    [
        "As stated in Market Circular No. 4 of 2024, stalls must be licensed.",
        "The fees mentioned in Market Circular No. 4 of 2024 still apply.",
        "Use the forms specified in Market Notice No. 4/2024.",
        "The guidance contained in Market Circular No. 4 of 2024 remains in force.",
        "Renewals are made in the format prescribed in Market Circular No. 4 of 2024.",
        "The steps outlined in Market Notice No. 4/2024 remain in force.",
        "In terms of Market Circular No. 4 of 2024, stalls must be licensed.",
        "In continuation of Market Circular No. 4 of 2024, stalls must be licensed.",
        # A notice's "this" before the verb cites the other still ("THIS CIRCULAR SUPERSEDES …").
        "THIS CIRCULAR SUPERSEDES MARKET CIRCULAR NO. 4 OF 2024.",
    ],
)
def test_participle_citation_is_never_the_notices_number(line: str) -> None:
    assert summarize(_TITLE, f"{line}\n{_RULE}").doc_number is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # The notice naming itself after the citing word: its own number.
        (_RULE + "The penalties stated in this Market Circular No. 9 of 2025 apply from 1 June.\n", "9"),
        (_RULE + "As provided in the present Circular No. 9, wardens may remove stalls.\n", "9"),
        # Its own number above a cited one.
        (
            "Market Notice No. 9/2025\n\nAs stated in Market Notice No. 4/2024, stalls must be licensed.\n"
            + _RULE,
            "9/2025",
        ),
    ],
)
def test_own_number_beside_a_participle_citation(text: str, number: str) -> None:
    assert summarize(_TITLE, text).doc_number == number


# ---------------------------------------------------------------- invitations and calendars


@pytest.mark.parametrize(
    "lead",
    [
        "Join us on 14 June 2025 for a walk round the new market hall.",
        "Attend the stallholders' evening on 14 June 2025 at the Guildhall.",
        "Stallholders are invited to a briefing on 14 June 2025.",
        "We invite all traders to an open evening on 14 June 2025.",
    ],
)
def test_invitation_date_is_no_notice_date(lead: str) -> None:
    assert summarize(_TITLE, f"{lead}\n{_RULE}").published is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # A gathering reported dates the decision it took.
        (
            "At a special meeting on Friday, 13 June 2025, the Markets Board decided as follows:\n" + _RULE,
            "2025-06-13",
        ),
        # A dateline, then an invitation further on.
        (
            "12 May 2025\n\nJoin us on 14 June 2025 for a walk round the new market hall.\n" + _RULE,
            "2025-05-12",
        ),
        ("12 May 2025 — The Markets Authority invites stallholders to a briefing.\n" + _RULE, "2025-05-12"),
    ],
)
def test_own_date_beside_an_invitation(text: str, date: str) -> None:
    s = summarize(_TITLE, text).published
    assert s == date


@pytest.mark.parametrize(
    "top",
    [
        # A dated first line going on as a sentence or heading, then yearless items; a revision log with years.
        "June 14, 2025 – The Markets Authority sets its licence clinic dates:\nJune 21 – Guildhall\nJune 28 – Quay\n",
        "14 June 2025 – Summer stallholders' bulletin\nJune 21 – Guildhall clinic\n",
        "14 June 2025 – Licence fees notice issued.\n16 June 2025 – Update: fees for food stalls corrected.\n",
    ],
)
def test_dated_first_line_keeps_its_date(top: str) -> None:
    assert summarize(_TITLE, f"{top}\n{_RULE}").published == "2025-06-14"


@pytest.mark.parametrize(
    "lead",
    [
        # The inviting verb away from the date, or in another clause: the date is the notice's report.
        "The Authority, which invited bids in spring, on 14 June 2025 chose a new warden firm.",
        "Stallholders who attend were told at the clinic on 14 June 2025 that fees rise.",
    ],
)
def test_reported_date_beside_an_invitation_word_kept(lead: str) -> None:
    assert summarize(_TITLE, f"{lead}\n{_RULE}").published == "2025-06-14"


@pytest.mark.parametrize(
    "above",
    ["By Sam Reed, Markets Correspondent.", "Published 14 June 2025.", "Licence renewals at record high."],
)
def test_byline_date_line_or_standfirst_is_not_the_lead(above: str) -> None:
    text = f"{above}\nRenewals rose by a third in May, according to the Chamber of Traders.\n{_RULE}"
    assert summarize(_TITLE, text).issuer == "Chamber of Traders"


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # A third party's courtesy or notice passed on under a letterhead or over a signature: the writer's.
        (
            "PORTSEA MARKETS AUTHORITY\nHarbour Gas Networks wishes to inform stallholders that supply stops "
            "on Monday.\n" + _RULE,
            "PORTSEA MARKETS AUTHORITY",
        ),
        (
            "Coastal Rail would like to remind traders that the quay footbridge is shut.\n"
            + _RULE
            + "\nPortsea Town Council\n",
            "Portsea Town Council",
        ),
        (
            "Traders are hereby advised by the Harbour Fire Service that gas bottles are banned.\n"
            + _RULE
            + "\nPortsea Town Council\n",
            "Portsea Town Council",
        ),
    ],
)
def test_third_partys_courtesy_ranks_below_letterhead_and_signature(text: str, issuer: str) -> None:
    assert summarize(_TITLE, text).issuer == issuer


def test_bare_are_advised_by_names_no_issuer() -> None:
    text = "Traders are advised by the Harbour Fire Service to keep gas bottles outside.\n" + _RULE
    assert summarize(_TITLE, text).issuer is None


@pytest.mark.parametrize(
    ("title", "text", "number"),
    [
        ("Policy MA-2025-03: Stall Sizes", _RULE, "MA-2025-03"),
        (_TITLE, "Authority reminds traders of their renewal deadline, MA-2025-07\n" + _RULE, "MA-2025-07"),
        (_TITLE, "For your attention: Bulletin MB-2025-11\n" + _RULE, "MB-2025-11"),
    ],
)
def test_release_code_beside_policy_or_a_distant_your_kept(title: str, text: str, number: str) -> None:
    assert summarize(title, text).doc_number == number


def test_one_days_releases_keep_their_date() -> None:
    # One day repeated is a roundup of that day's releases: the day is the page's.
    text = (
        "14 June 2025 - Stallholders must renew their licences before the end of each quarter.\n"
        "14 June 2025 - Unlicensed stalls will be removed by the market wardens.\n"
    )
    s = summarize(_TITLE, text).published
    assert s == "2025-06-14"


# ---------------------------------------------------------------- a courtesy before the act; the present passive


@pytest.mark.parametrize(
    "lead",
    [
        "The Portsea Markets Authority wishes to inform all stallholders of the rules below.",
        "The Portsea Markets Authority would like to remind stallholders of the rules below.",
        "The Portsea Markets Authority is pleased to announce a new licence office.",
        "MARKET NOTICE\n\nThe Portsea Markets Authority wishes to advise stallholders as follows.",
        "Stallholders are hereby notified by the Portsea Markets Authority that the rules below apply.",
        "The public is hereby informed by the Portsea Markets Authority that the rules below apply.",
    ],
)
def test_courtesy_or_present_passive_names_the_writer(lead: str) -> None:
    assert summarize(_TITLE, f"{lead}\n{_RULE}").issuer == "Portsea Markets Authority"


@pytest.mark.parametrize(
    "text",
    [
        # A company's courtesy, or one below the lead, or a past passive, or a person.
        "Harbourside Builders Ltd wishes to inform stallholders that the hall will close.\n" + _RULE,
        "Harbourside Construction would like to inform stallholders that the hall will close.\n" + _RULE,
        _RULE + "The Portsea Traders Association wishes to remind members of its annual dinner.\n",
        "Stallholders were advised by the Portsea Water Board last week that supply would be cut.\n" + _RULE,
        "Ola Brandt wishes to inform all stallholders that she has retired.\n" + _RULE,
    ],
)
def test_courtesy_look_alikes_name_no_writer(text: str) -> None:
    assert summarize(_TITLE, text).issuer is None


# ---------------------------------------------------------------- release-shaped codes given to something else


@pytest.mark.parametrize(
    "line",
    [
        "Quote your stall licence number (e.g. STL-2025-0031) on the renewal form.",
        "Your trader ID, such as TRD-2025-0450, is printed on your badge.",
        "Invoice MKT-2025-0087 must be paid within 30 days.",
        "Claim number CLM-2025-0019 was settled in full.",
        "Case MC-2025-0102 was adjourned to July.",
        "Use your pitch code, for example PCH-2025-0004, to book online.",
    ],
)
def test_release_shaped_code_given_to_another_thing_is_no_number(line: str) -> None:
    assert summarize(_TITLE, f"{_RULE}{line}\n").doc_number is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # Guards: a release's own number on its line, under its kind, at its foot.
        ("MR-2025-31, 12 May 2025\n\n" + _RULE, "MR-2025-31"),
        ("Media Release\nMR-2025-31\n12 May 2025\n\n" + _RULE, "MR-2025-31"),
        (_RULE + "\nMedia contact: Ola Brandt, 555-0142\nMR-2025-31\n", "MR-2025-31"),
    ],
)
def test_release_number_of_its_own_still_read(text: str, number: str) -> None:
    assert summarize(_TITLE, text).doc_number == number


# ---------------------------------------------------------------- a headline's passive


@pytest.mark.parametrize(
    "title",
    [
        "Harbourside Traders Ltd fined for unlicensed stalls",
        "Harbourside Traders Ltd Fined for Unlicensed Stalls",
        "Leisure Centre Reopens After Refit",
        "Harbour Station Reopens Footbridge",
    ],
)
def test_headline_passive_and_title_case_name_no_issuer(title: str) -> None:
    assert summarize(title, _RULE).issuer is None


# ---------------------------------------------------------------- a rule's commencement


@pytest.mark.parametrize(
    "line",
    [
        "The new licence rules take effect on 1 July 2025.",
        "The market byelaws come into force on 1 July 2025.",
        "The scheme comes into operation on 1 July 2025.",
        "The new fees are in force from 1 July 2025.",
        "The licensing scheme commences on 1 July 2025.",
    ],
)
def test_commencement_date_is_no_notice_date(line: str) -> None:
    assert summarize(_TITLE, f"{_RULE}{line}\n").published is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # Guards: the notice's own date beside a commencement; a body named "… Force" signing with its date.
        ("12 May 2025\n\n" + _RULE + "The new licence rules take effect on 1 July 2025.\n", "2025-05-12"),
        (_RULE + "\nPortsea Harbour Police Force\n12 May 2025\n", "2025-05-12"),
    ],
)
def test_own_date_beside_a_commencement(text: str, date: str) -> None:
    assert summarize(_TITLE, text).published == date


# ---------------------------------------------------------------- linear on hostile lines


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        (docno_en._CITING, "stated in " * 10_000),
        (docno_en._THIS, "this " + "A " * 50_000),
        (meta_en._SENTENCE_LINE, ". " * 50_000),
        (published._EN_INVITATION, "invit" * 20_000),
        (published._EN_EVENT_WORDS, "takes " * 16_000 + "come into " * 5_000),
        (published._DATED_ITEM, "14 June " * 12_500),
        (meta_en._COURTESY, "wishes " * 15_000),
        (docno_en._OTHER_THING, "claim number " * 8_000),
        (meta_en._HEADLINE_PASSIVE, " " * 100_000),
        (docno_en._SENTENCE_STOP, "abc. " * 20_000),
        (meta_en._PRESS, "is hereby informed by the " * 4_000),
    ],
)
def test_new_patterns_linear(pattern: re.Pattern[str], line: str) -> None:
    start = time.perf_counter()
    for at in range(0, len(line), 997):
        pattern.search(line, max(0, at - 60), at)
        pattern.match(line, at)
    pattern.search(line)
    meta_en._lead_end(line)
    docno_en._numbers_other(line, len(line))
    assert time.perf_counter() - start < 1.0
