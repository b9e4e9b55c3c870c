"""English budget rule of round 12 of #9, read from how a noun reads: "issues" after a determiner ("These
issues were raised") is a noun, not what a body does, while the verb ("The council issues permits") and
"report" stay measures."""

from __future__ import annotations

import time

import pytest

from bot.summarize import cues, rank
from tests.scoring import en_units

_ACTION = rank._LOW["en"].action  # the action cue as rank tests it (lowercased text)


@pytest.mark.parametrize(
    "sentence",
    [
        "These issues were raised by the tenants' association at its spring meeting.",
        "The issues of parking and noise were discussed at length.",
        "Such issues were raised by several residents at the meeting.",
        # A noun before a verb of being, "of" or a sentence's mark.
        "The secretary has emphasised these eight issues.",
        "Safety issues are the main concern of the inspectors.",
        "Several issues of concern were noted by the auditors.",
    ],
)
def test_issues_after_a_determiner_is_a_noun(sentence: str) -> None:
    assert _ACTION.search(sentence.lower()) is None
    assert not any(u.directive for u in en_units(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The county issues a boil-water advisory for the Ridge area.",
        "The Department issues new parking permits every Monday.",
        "High Point issues boil water advisory for customers.",
        "Residents should report leaks to the council at once.",
        "Employers report injuries to the inspectorate within 24 hours.",
        "The office issues and renews permits on weekdays.",
        # "that" is a relative pronoun as often as a determiner: the verb of the office's clause.
        "The office that issues licences has moved to Block C.",
        "Apply to the authority that issues the certificate.",
        # A verb takes a comma or a preposition after it too.
        "The council issues, renews and transfers street trading permits.",
        "The Commission issues for public consultation the draft tariff regulations.",
        "The council issues on request a copy of the register.",
        "The Government issues with immediate effect the following directions to all hospitals.",
        # "report" stays a measure even as a noun: an instruction whose verb no cue knows counts through it.
        "Please send the report to the registrar by 5 May.",
        "Heads of department: file the report on the portal before 30 June.",
    ],
)
def test_issues_and_report_as_verbs_stay_actions(sentence: str) -> None:
    assert _ACTION.search(sentence.lower()) is not None


def test_the_noun_reading_is_linear() -> None:
    start = time.process_time()
    for line in (
        "the issues " * 9_000,
        "issues " * 14_000,
        "issues" + " " * 100_000 + "x",
        "the " * 25_000 + "report",
        "these eight issues " * 5_000,
    ):
        _ACTION.search(line)
        cues.ACTION["en"].search(line)
    assert time.process_time() - start < 1.0


def test_headline_grammar_is_linear_on_runs_of_marks() -> None:
    # A run of "-" or quotes was split every way between the marks before the first word and the word itself
    # (3 s for 30,000 dashes).
    start = time.process_time()
    for line in ("-" * 100_000, '"' * 100_000, "’" * 100_000, '"- ' * 30_000):
        rank._EN_HEADLINESE.match(line)
    assert time.process_time() - start < 0.5
    assert rank._EN_HEADLINESE.match('• "Clinics to resume their usual hours"') is not None
