"""Metadata, round 14 second review: a comma ends a citation unless a provision goes on to "of" after it or an
aside opens right after the citing word; "the notice of <date>" and a label's "on <date>" keep the notice's date.
Hand-written texts only."""

from __future__ import annotations

import pytest

from bot.summarize import summarize

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
    assert summarize("Ring road", f"{opening}\nDrivers should plan ahead.\n").published == "2031-05-09"


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
