"""Metadata, round 14 second review: a comma ends a citation unless a provision goes on to "of" after it or an
aside opens right after the citing word; a site's acronym names the issuer only when the text spells it out or
makes it a speaker, never a dateline's state; "the notice of <date>" and a label's "on <date>" keep the notice's
date. Hand-written texts only."""

from __future__ import annotations

import time

import pytest

from bot.summarize import meta_en, summarize

# ---------------------------------------------------------------- a comma ends the citation

_FERRY = "The ferry ramp at Gull Point is shut for welding.\nFoot passengers board at the east steps.\n"


@pytest.mark.parametrize(
    "opening",
    [
        "Under the Harbours Act, a fresh Notice No. 12/2031 shuts the ramp.",
        "Under the Act, the following Notice No. 12/2031 shuts the ramp.",
        "Under the Act, Notice to Mariners No. 12/2031 shuts the ramp.",
        "Under the Act, this notice (No. 12/2031) shuts the ramp.",
        "Pursuant to the bylaws, the Board issues Notice No. 12/2031.",
        "Further to the site visit, as promised, Notice No. 12/2031 shuts the ramp.",
        "Under the Harbours Act 2001, section 9, Notice No. 12/2031 shuts the ramp.",
        "With reference to the Harbours Act, section 9, Notice No. 12/2031 shuts the ramp.",
        "Under section 9, subsection 4, Notice No. 12/2031 shuts the ramp.",
        "In accordance with Part 5, the Port Officer, Notice No. 12/2031 shuts the ramp.",
    ],
)
def test_comma_after_a_citation_gives_the_notice_its_own_number(opening: str) -> None:
    assert summarize("Ferry ramp", f"{opening}\n{_FERRY}").doc_number == "12/2031"


@pytest.mark.parametrize(
    "opening",
    [
        # A provision and its number going on to "of": still the cited document's.
        "Under section 9, paragraph (b) of Notice No. 3/2019, ramps may shut.",
        "As set out in Schedule 2, Annex B of Circular No. 3/2019, ramps may shut.",
        "Pursuant to rule 4, regulations 7 and 8 of Order No. 3/2019, ramps may shut.",
        "Under section 2, Schedule 1 to Order No. 3/2019, ramps may shut.",
        "As required by the Act, section 3 and Circular No. 3/2019, ramps may shut.",
        # An aside right after the citing word.
        "This notice supersedes, from the date below, Notice No. 3/2019.",
    ],
)
def test_comma_inside_a_citation_still_cites(opening: str) -> None:
    assert summarize("Ferry ramp", f"{opening}\n{_FERRY}").doc_number is None


# ---------------------------------------------------------------- the site's acronym

_WORKS = "Resurfacing starts on the ring road next week.\nExpect delays near the depot.\n"


@pytest.mark.parametrize(
    ("url", "text"),
    [
        # A state capital's dateline.
        (
            "https://www.utah.gov/a",
            "SALT LAKE CITY, UTAH (May 2, 2031) - The governor said the ring road reopens.\n",
        ),
        ("https://maine.gov/a", "AUGUSTA, MAINE - Crews said the ring road reopens.\n"),
        # A word the host spells, in another role than the body's.
        ("https://www.idaho.gov/a", "Every IDAHO district is affected.\n"),
        ("https://www.news.gov.xx/a", "Watch the NEWS tonight for updates.\n"),
        ("https://www.state.gov/a", "DEPARTMENT OF STATE\nThe STATE archive is shut.\n"),
        # The acronym as an adjective and as an object: "KRB Council" spells nothing.
        ("https://krb.gov/a", "The KRB Council will meet.\nWrite to the KRB with questions.\n"),
        # A bracketed acronym after words that do not end with its initials spells nothing.
        ("https://krb.gov/a", "Road Permits (KRB) are free.\n"),
    ],
)
def test_site_acronym_in_another_role_names_no_issuer(url: str, text: str) -> None:
    assert meta_en._site_owner(url, "Road works\n" + _WORKS + text) is None


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # Spelled out by a run of capitalised words.
        (
            "The Kestrel Roads Bureau manages the ring road.\nQuestions go to the KRB helpdesk.\n",
            "Kestrel Roads Bureau",
        ),
        # A name with the acronym in brackets after it.
        ("Road users can call the Kestrel Roads Bureau (KRB) hotline.\n", "Kestrel Roads Bureau"),
        # A name the page breaks mid-word, its last words' initials ending the acronym.
        ("Call the Kes, trel Roads Bureau's (KRB) hotline.\n", "KRB"),
        # A speaker.
        ("The KRB said crews work at night.\n", "KRB"),
        ("KRB today announced night work.\n", "KRB"),
    ],
)
def test_site_acronym_spelled_out_or_speaking_names_the_owner(text: str, issuer: str) -> None:
    assert meta_en._site_owner("https://www.krb.gov/a", _WORKS + text) == issuer


def test_site_acronym_bracket_check_linear() -> None:
    text = "A" * 50_000 + "(KRB)" * 10_000
    start = time.perf_counter()
    meta_en._site_owner("https://www.krb.gov/a", text + "\nthe KRB office\n")
    assert time.perf_counter() - start < 1.0


# ---------------------------------------------------------------- the notice's own date


@pytest.mark.parametrize(
    "opening",
    [
        "The notice of 9 May 2031 bans lorries on the ring road.",
        "The circular of 9 May 2031 is hereby made public.",
        "Last updated on 9 May 2031 the timetable will change each term.",
        "News release on 9 May 2031 the Board will review fares.",
    ],
)
def test_notice_keeps_its_own_date(opening: str) -> None:
    assert str(summarize("Ring road", f"{opening}\nDrivers should plan ahead.\n").published) == "2031-05-09"


@pytest.mark.parametrize(
    "opening",
    [
        "Thank you for the applicant's letter of 9 May 2031.",
        "We refer to its notice dated 9 May 2031.",
        "On 9 May 2031 the ring road will close.",
        "Roads.\nOn Friday, 9 May 2031 the ring road will close.",
    ],
)
def test_cited_or_future_date_is_still_refused(opening: str) -> None:
    assert summarize("Ring road", f"{opening}\nDrivers should plan ahead.\n").published is None
