"""English budget rules of round 12 of #9, read from how English reports quote a letter and how a noun reads: a
news report quoting the letter it reports on ('"Ministries to study the reports," the letter said') gives the
document's own orders, in the headline grammar of an office memorandum, not a spokesman's colour; and "issues"
after a determiner ("These issues were raised") is a noun, not what a body does, while "report" stays a measure."""

from __future__ import annotations

import re
import time

import pytest

from bot.summarize import cues, rank
from bot.summarize.rank import Unit, score_units
from bot.summarize.sentences import split

_ACTION = rank._LOW["en"].action  # the action cue as rank tests it (lowercased text)


def _units(text: str) -> list[Unit]:
    return score_units(split(text, "en"), "en", "Notice")


def _unit(text: str, start: str) -> Unit:
    return next(u for u in _units(text) if u.clause.text.lstrip('"“').startswith(start))


# A report's context before the quotation, as news reports of a letter have it.
_LEAD = (
    "The Cabinet Secretary has written to all secretaries about the annual plans.\n\n"
    "Each ministry should review its targets before the budget session.\n\n"
)


@pytest.mark.parametrize(
    ("quote", "start"),
    [
        ('"Ministries to publish their annual plans by 1 May," the letter said.', "Ministries to"),
        ("“Departments to fill vacant posts within three months,” it has further said.", "Departments to"),
        ('"Ministries/departments to publish their annual plans by 1 May," the letter said.', "Ministries/"),
        ('"Each ministry/ department to appoint a nodal officer," the circular stated.', "Each ministry/"),
        ('"All offices to close at noon on Friday," the memorandum says.', "All offices"),
    ],
)
def test_a_letter_quoted_in_headline_grammar_gives_its_orders(quote: str, start: str) -> None:
    unit = _unit(_LEAD + quote, start)
    assert unit.directive
    # The same words said by a person are a press release's colour: no order, and the quotation's cost.
    spoken = _unit(_LEAD + re.sub(r'(["”]) .*$', r"\1 said the minister.", quote), start)
    assert unit.score > spoken.score + 1.5


def test_every_sentence_of_a_quoted_letter_paragraph_is_its_words() -> None:
    # The attribution closes the paragraph's last sentence; the sentences before it are the letter's too.
    text = _LEAD + (
        '"Each ministry to appoint a nodal officer by 1 June. '
        'Ministries to report progress to the Cabinet Secretariat every month," the letter said.'
    )
    assert _unit(text, "Each ministry to").directive
    assert _unit(text, "Ministries to report").directive


@pytest.mark.parametrize(
    "quote",
    [
        # Speech: a pronoun for subject, or a verb before "to" (want, hope, need, going, plan …).
        '"We want to thank all staff for their patience during the works," it said.',
        '"Officials hope to finish the repairs before the holiday weekend," the notice said.',
        '"Staff going to the conference should book early this year," the letter said.',
        '"They plan to reopen the library in the spring," it added.',
        '"It is time to act on the backlog of applications," the letter said.',
        '"Residents need to register before the deadline," the circular stated.',
        # Not headline grammar: a statement the letter makes.
        '"The annual reports were delayed last year," the letter said.',
    ],
)
def test_speech_in_a_quoted_letter_is_no_order(quote: str) -> None:
    assert rank._EN_DOC_SAID.search(quote)
    assert not rank._ordered(quote.lower())


@pytest.mark.parametrize(
    "quote",
    [
        # A person, a body or a spokesman says it: a press release's colour, as before.
        '"Departments to publish their schedules by 1 May," said the minister.',
        '"Departments to publish their schedules by 1 May," the spokesman said.',
        '"Departments to publish their schedules by 1 May," the ministry said in a statement.',
        '"Departments to publish their schedules by 1 May," Ms Rao said.',
    ],
)
def test_a_person_or_a_body_quoted_is_not_the_letter(quote: str) -> None:
    assert rank._EN_DOC_SAID.search(quote) is None
    first = next(u for u in _units(_LEAD + quote) if u.sentence.index == 2 and u.clause.first)
    assert not first.directive


def test_a_sentence_that_mentions_a_letter_is_no_quotation() -> None:
    text = _LEAD + "Residents were pleased to read what the letter said about the new bus route."
    assert not any(u.directive for u in _units(text) if u.sentence.index == 2)


def test_the_quotation_keeps_its_cost_when_a_person_speaks() -> None:
    # A press release's quote of its officer, with "it" nowhere: the cost stays (rank.QUOTE_COST).
    said = _unit(_LEAD + '"Our teams worked through the night," said the director.', "Our teams")
    plain = _unit(_LEAD + "Our teams worked through the night, said the director.", "Our teams")
    assert said.score < plain.score - 0.5


@pytest.mark.parametrize(
    "sentence",
    [
        "These issues are understood to have been highlighted at a meeting earlier this month.",
        "The issues of parking and noise were discussed at length.",
        "Such issues were raised by several residents at the meeting.",
        # A noun before a verb of being, a preposition or a mark.
        "The secretary has emphasised these eight issues.",
        "Safety issues are the main concern of the inspectors.",
        "Several issues of concern were noted by the auditors.",
    ],
)
def test_issues_after_a_determiner_is_a_noun(sentence: str) -> None:
    assert _ACTION.search(sentence.lower()) is None
    assert not any(u.directive for u in _units(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The county issues a boil-water advisory for the Ridge area.",
        "The Department issues new parking permits every Monday.",
        "High Point issues boil water advisory for customers.",
        "Residents should report leaks to the council at once.",
        "Employers report injuries to the inspectorate within 24 hours.",
        "The office issues and renews permits on weekdays.",
        # "report" stays a measure even as a noun: an instruction whose verb no cue knows counts through it.
        "Please send the report to the registrar by 5 May.",
        "Heads of department: file the report on the portal before 30 June.",
    ],
)
def test_issues_and_report_as_verbs_stay_actions(sentence: str) -> None:
    assert _ACTION.search(sentence.lower()) is not None


def test_the_new_patterns_are_linear() -> None:
    start = time.process_time()
    for line in (
        "," * 100_000,
        ', "' * 33_000,
        ', " it has further ' * 6_000,
        ', " the ' * 14_000,
        "," + " " * 100_000 + '"',
        ", " + '"' * 100_000,
    ):
        rank._EN_DOC_SAID.search(line)
    for line in (
        "want " * 20_000,
        "want" + " " * 100_000 + "x",
        "going " * 16_000,
        "we " * 30_000,
        "a" * 100_000,
    ):
        rank._EN_SPOKEN.search(line)
        rank._ordered(line)
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
