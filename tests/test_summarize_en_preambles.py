"""Officialese preambles are frames (cues.LEAD_FRAME): an office memorandum's "The undersigned is directed to
refer to … and to say that the President is pleased to decide that …" and a public notice's "Notice is hereby
given that …" announce the decision that follows; the clause starts there, and a bare "Notice is hereby given."
stays framing."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.rank import score_units
from bot.summarize.sentences import split

OM = (
    "The undersigned is directed to refer to this Department's Office Memorandum of 15 January 2031 on the "
    "subject mentioned above and to say that the President is pleased to decide that the allowance payable to "
    "employees shall be enhanced from the existing rate of 50% to 53% of the basic pay with effect from "
    "1 July 2031.\n\n"
    "The additional instalment shall be paid in cash to all employees.\n\n"
    "The expenditure shall be met from the respective heads of account of the departments concerned.\n"
)
NOTICE = (
    "NOTICE IS HEREBY GIVEN that the Council will close Mill Lane to all vehicles from 3 June 2031 for up to "
    "six weeks.\n\n"
    "Objections must be sent in writing to the Town Hall by 5pm on Friday 17 May 2031.\n"
)


def _first(text: str) -> str:
    return score_units(split(text, "en"), "en", "")[0].clause.text


def test_an_office_memorandum_starts_at_its_decision() -> None:
    assert _first(OM).startswith("the allowance payable to employees shall be enhanced")
    summary = summarize("Revision of allowance", OM, budget=360).summary
    assert "from the existing rate of 50% to 53%" in summary
    assert "undersigned" not in summary and "pleased" not in summary


def test_pleased_to_decide_alone_is_a_frame() -> None:
    text = "The Governor is pleased to order that all government offices shall remain closed on 2 October 2031.\n"
    assert _first(text) == "all government offices shall remain closed on 2 October 2031."


def test_a_public_notice_starts_at_what_it_gives_notice_of() -> None:
    assert _first(NOTICE).startswith("the Council will close Mill Lane")
    # Without "that" the line only announces what follows: no unit of its own.
    bare = "Notice is hereby given.\n" + NOTICE.split("\n\n")[1]
    assert not any(
        u.clause.text.lower().startswith("notice") for u in score_units(split(bare, "en"), "en", "")
    )


def test_a_request_before_state_that_is_the_duty_not_a_frame() -> None:
    # Only a reference may stand between "directed to" and "state that": a request there is the duty itself.
    text = (
        "The undersigned is directed to request all Ministries to furnish the details of vacant posts by "
        "15 May 2031 and to state that no further extension of time will be granted.\n"
    )
    first = _first(text)
    assert "furnish the details of vacant posts by 15 May 2031" in first
    assert "no further extension" in first


def test_a_reference_with_dotted_numbers_and_dates_is_framed() -> None:
    text = (
        "The undersigned is directed to refer to O.M. No. 12/3/2030-E.II(B) dated 15.01.2031 and to say that "
        "all offices shall submit the revised rosters to the Establishment Section by 30 June 2031.\n"
    )
    assert _first(text).startswith("all offices shall submit the revised rosters")
