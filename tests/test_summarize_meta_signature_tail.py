"""A signature run on after an English text's last sentence: read once (signoff.signature_tail) for both the
issuer (meta_en) and the date (published); a signer's title alone is never given as the issuer."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.signoff import signature_tail

_LEAD = "Fees rise from next month. All residents must pay their bills online."


def test_tail_is_the_run_after_the_last_sentence() -> None:
    line = f"{_LEAD} Jane Doe, Director, Office of Human Resources, March 3, 2026"
    assert signature_tail(line) == "Jane Doe, Director, Office of Human Resources, March 3, 2026"
    # The contacts and the end mark a release puts after the signature are not part of it.
    assert signature_tail(f"{_LEAD} Jane Doe, Springfield Water Authority ### Media contact: 555-0100") == (
        "Jane Doe, Springfield Water Authority"
    )
    # A line that is one sentence is its own tail; a run too long for a signature is none.
    assert signature_tail("Springfield Water Authority") == "Springfield Water Authority"
    assert signature_tail(f"{_LEAD} " + "Word " * 80) is None


def test_run_on_signature_gives_body_and_date() -> None:
    text = f"{_LEAD} Jane Doe, Director, Office of Human Resources, March 3, 2026"
    result = summarize("Notice", text)
    assert (result.issuer, result.published) == ("Office of Human Resources", "2026-03-03")


def test_signers_title_alone_is_no_issuer() -> None:
    # A multi-line signature: the signer, then a title in capitals with a qualifier; no body anywhere.
    text = f"{_LEAD}\n\nJANE DOE\nCOMMISSIONER (ACTING)\nMarch 5, 2026"
    result = summarize("Notice", text)
    assert result.issuer is None
    assert result.published == "2026-03-05"  # the signature's date is still read
    for title in ("Acting Director", "DEPUTY SECRETARY", "Secretary General"):
        assert summarize("Notice", f"{_LEAD}\n\nJane Doe\n{title}").issuer is None


def test_body_under_the_title_is_given() -> None:
    text = f"{_LEAD}\n\nJANE DOE\nCOMMISSIONER (ACTING)\nDEPARTMENT OF WATER RESOURCES\nMarch 5, 2026"
    assert summarize("Notice", text).issuer == "DEPARTMENT OF WATER RESOURCES"
    # An office named by a title with more words is a body: "Health Officer of the County of Marlow".
    text = f"{_LEAD}\n\nJane Doe\nHealth Officer of the County of Marlow"
    assert summarize("Notice", text).issuer == "Health Officer of the County of Marlow"
    text = f"{_LEAD}\n\nJane Doe\nCommissioner\nDepartment of Buildings"
    assert summarize("Notice", text).issuer == "Department of Buildings"
