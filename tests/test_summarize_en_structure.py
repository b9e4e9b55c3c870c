"""How English notices are built, read right: a frame is not cut inside, a cut keeps a clause's verb, a
rule document's sections are content. Small hand-written examples, one misreading each."""

from __future__ import annotations

import re

from bot.summarize import cues, summarize
from bot.summarize.compress import compress
from bot.summarize.cuts import hangs, shorten
from bot.summarize.pieces import EN_VERB_AFTER
from tests.scoring import scored, unit


def test_a_comma_between_two_modifiers_does_not_end_a_frame() -> None:
    # "Due to the sudden, partial outage, …": cut at the first comma, the clause would start on
    # "partial outage of the portal, the council is …", neither frame nor clause.
    text = (
        "Due to the sudden, partial outage of the portal, the council is moving the due date "
        "for submissions to June 9."
    )
    for kept in (unit(scored(text, "en"), "council is moving").clause.text, compress(text, "en")):
        assert not kept.lower().startswith("partial")
    # A frame that ends at its comma still goes.
    plain = "In light of the storm, all schools will close on Monday."
    assert unit(scored(plain, "en"), "schools").clause.text == "all schools will close on Monday."
    assert compress(plain, "en") == "All schools will close on Monday"


def test_a_rule_documents_action_line_is_content_and_its_labels_go() -> None:
    text = (
        "AGENCY: Harbour Safety Board, Ministry of Waterways.\n"
        "ACTION: Call for comments from boat owners on the renewal of the night permit form.\n"
        "SUMMARY: The Board asks the public to comment on the night permit form.\n"
    )
    s = summarize("Night permit form", text)
    assert "Call for comments from boat owners on the renewal" in s.summary
    assert (
        "ACTION:" not in s.summary
        and "SUMMARY:" not in s.summary
        and "Harbour Safety Board," not in s.summary
    )


def test_a_cut_never_leaves_a_that_clause_without_its_verb() -> None:
    decided = (
        "It has been agreed with the consent of the harbour board trustees that all the public slipways "
        "in the eastern marinas shall be closed until further notice."
    )
    for limit in (60, 100):
        kept = shorten(decided, limit, "en")
        assert not kept.endswith("slipways") and not kept.endswith("trustees that all the public slipways")
    ensure = "These checks should ensure that reporting of unsafe moorings will deter neglect by boat owners."
    assert shorten(ensure, 53, "en") != "These checks should ensure that reporting"


def test_a_cut_keeps_a_verb_with_its_preposition() -> None:
    cases = {
        "Partner agencies will have to work closely with harbour boards on the dredging plan.": "closely",
        "The permit should be returned along with the mooring fee to the Harbour Office.": "along",
        "The panel will not look at or accept late mooring claims sent to it by owners.": "look",
    }
    for text, word in cases.items():
        for limit in (30, 50):
            assert not shorten(text, limit, "en").endswith(word), text
    # Only a preposition right before "or"/"and" is shared: "be lodged | in writing or by post …" may be cut.
    text = (
        "Objections to the scheme should be lodged in writing or by post before the final day of the hearing"
    )
    assert shorten(text, 70, "en").endswith("before the final day")


def test_a_named_venue_stays_with_the_time_before_it() -> None:
    # "… on Monday, August 13 at 10am | at the Port Hall": where the dated event is, which a reader needs.
    text = "The hearing will be held on Friday, October 9 at 2pm at the Calder Shire Council Chambers on Quay Road"
    assert shorten(text, 60, "en").endswith("at the Calder Shire Council Chambers")
    text = "There will be an open meeting for all members on Tuesday, June 2, at 7:30 p.m. in Kessel Hall for the year"
    assert shorten(text, 60, "en").endswith("in Kessel Hall")


def test_a_clause_the_text_ends_on_and_a_word_is_whole() -> None:
    # "… closed to staff and visitors" ends as written: no word waits for more.
    assert not hangs("All canteens shall be closed to staff and visitors")
    assert hangs("Canteens shall be closed to the")
    # A cut still never ends on "and" and one word: "staff and students | of the school" keeps its tail.
    assert not shorten(
        "The clinic will vaccinate staff and students of the school in the hall on Monday", 45, "en"
    ).endswith("staff and students")


def test_a_pointer_to_a_web_page_is_boilerplate() -> None:
    low = cues.caseless(cues.BOILERPLATE["en"])
    assert low.search("a fuller account of the new timetable is available at www.example.org.")
    assert not low.search("all permits must be renewed by october 9, 2031.")
    assert not low.search("forms are available at the town hall until may 4.")


def test_one_list_of_english_modals() -> None:
    # cues.EN_AUX is the modal list of cuts.py and pieces.py: each modal counts as the verb a time frame or a
    # core needs ("From Monday, shops could open" has its verb).
    for modal in ("must", "shall", "should", "will", "would", "can", "could", "may", "might", "had", "needs"):
        assert EN_VERB_AFTER.search(f"shops {modal} open"), modal
        assert re.fullmatch(cues.EN_AUX, modal), modal
