"""The summariser on hostile input (it finishes) and the compression rules that must not change meaning."""

from __future__ import annotations

import time

from bot.summarize import cues, summarize
from bot.summarize.compress import compress, drop_words


def test_hostile_texts_of_100_kb_are_summarised() -> None:
    # Runs of capitals, one capitalised word repeated, runs of digits or spaces, brackets never closed, a
    # chain of joined names: each once made a pattern try the whole run from every start, or every split of
    # it (minutes). The bound is generous; the point is that it finishes.
    hostile = [
        "DEADBEEF" * 12500,
        "A" * 100_000,
        "Department " * 9000,
        "Ministry " * 11000,
        "各部门要在" + "1" * 100_000 + "日前完成。",
        "Employers must pay " + "1" * 100_000 + " dollars.",
        "Employers must file " + "(ab " * 25000,
        "Employers must file the forms" + " " * 100_000 + "by May 1, or pay a fine.",
        "各部门要在" + " " * 100_000 + "5月1日前完成。",
        "教育部和" * 25000,
    ]
    started = time.perf_counter()
    for text in hostile:
        assert summarize("Notice", text).title == "Notice"
    assert time.perf_counter() - started < 20


def test_an_appositive_after_a_name_is_dropped_before_its_verb() -> None:
    text = "Northwind Ltd, a supplier of school meals, estimates 300 schools are affected"
    assert compress(text, "en") == "Northwind Ltd estimates 300 schools are affected"
    assert compress(text, "en") in drop_words(text, "en")


def test_a_list_of_names_is_not_an_appositive() -> None:
    # "the Labour Department, workers and unions": the next items of a list of recipients, not a verb.
    text = (
        "Employers must send the forms to the Ministry of Health, the Labour Department, workers and unions "
        "by May 1"
    )
    assert compress(text, "en") == text


def test_a_trailing_attribution_is_dropped_after_a_name_or_a_pronoun() -> None:
    assert (
        compress("Schools must close on Friday, the city council said.", "en")
        == "Schools must close on Friday"
    )
    assert (
        compress("Schools must close on Friday, Northwind Ltd announced", "en")
        == "Schools must close on Friday"
    )
    assert compress("Schools must close on Friday, she said", "en") == "Schools must close on Friday"


def test_a_lowercase_phrase_before_announced_is_content() -> None:
    for text in (
        "Employers must pay the bonus, including what was previously announced",
        "Fees rise to 50 dollars, up from 40 dollars announced",
    ):
        assert compress(text, "en") == text


def test_a_time_after_a_frame_is_merged_with_its_topic() -> None:
    # "通知要求" is dropped from the clause that holds the time; the topic before it still says what is due.
    title = "关于做好档案移交工作的通知"
    text = f"{title}\n各单位:\n对于需要办理移交手续的,通知要求原则上于2031年9月底前完成。"
    headline = summarize(title, text).headline
    assert headline.startswith("对于需要办理移交手续的,原则上于2031年9月底前完成")
    assert "通知要求" not in headline


def test_the_frames_a_clause_can_open_with_are_dropped_alike_by_ranking_and_compression() -> None:
    # One list of courtesy frames, connectives, date labels and issuers' requests serves both
    # (cues.EN_COURTESY, EN_CONNECTIVE, EN_DATE_LABEL, EN_INSTRUCTED).
    body = "all residents to keep their bins indoors until the storm has passed"
    for frame in (
        "Please note that ",
        "We are writing to inform you that ",
        "Thus, ",
        "Updated: 2021-03-04 ",
        "The council has asked ",
    ):
        m = cues.LEAD_FRAME["en"].match(frame + body)
        assert m is not None and m.end() == len(frame), frame
        assert compress(frame + body, "en") == body[0].upper() + body[1:], frame
